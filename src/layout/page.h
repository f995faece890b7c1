/* page.h - the page breaker: a galley's lines cut into pages.
 *
 * Lines are placed top to bottom, honouring keeps: a chain of lines that
 * keep with the next moves to the next page whole when it fits on one. A
 * run of bands (a table) broken by a page is closed by its rule at the
 * page's foot and its heading bands are repeated at the next page's
 * head, as the lines themselves say (galley.h). The page breaker knows
 * nothing of what the lines were set from.
 */
#ifndef BP_PAGE_H
#define BP_PAGE_H

#include "arena.h"
#include "diag.h"
#include "dl.h"
#include "galley.h"
#include "style.h"

/* The most pages a report may have: the PDF's structure tree keeps two
 * entries a page in one array, which holds at most 32,767. */
#define PAGE_MAX 10000

typedef struct page_job {
    arena *a;
    const style_template *t;        /* the page's size and margins */
    anchors *anchors;               /* the lines' anchors: their pages are filled in */
    layout_stats *stats;            /* widows, orphans, stranded headings; or NULL */
    const model_node *root;         /* named in an error about a line with no source */
    diag *dg;                       /* where errors are reported */
} page_job;

/* Cuts the lines from first into pages appended to d; -1 after a located
 * error (more pages than a report may have), else 0. */
int page_break(const page_job *job, dl_doc *d, gline *first);

/* Moves line l's items onto page p, its top at height top. */
void page_place(gline *l, dl_page *p, double top);

#endif
