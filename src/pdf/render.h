/* render.h - the display list into a PDF file.
 *
 * A walker and nothing more: every position, string and colour was
 * decided by layout. Fonts are embedded (subset) on first use, each in
 * the single-byte encoding its runs were written in. The file appears
 * whole or not at all: it is written to a temporary file beside the
 * target and renamed.
 */
#ifndef BP_RENDER_H
#define BP_RENDER_H

#include "diag.h"
#include "dl.h"

typedef struct render_options {
    int pdfa;                       /* write PDF/A-1b */
    const char *icc_profile;        /* the output intent's ICC profile (PDF/A) */
    const char *icc_condition;      /* and its name */
} render_options;

/* Writes d to path. Returns 0, or reports an error into dg and returns -1
 * with no file left behind (an existing file at path is untouched). */
int render_pdf(const dl_doc *d, const char *path, const render_options *opt, diag *dg);

/* Renders d in memory only and returns the PDF's size in bytes, or -1
 * (the fuzzing harness drives the whole pipeline through this). */
long render_size(const dl_doc *d, const render_options *opt, diag *dg);

#endif
