/* refused.h - what both report harnesses check after layout: a report
 * laid out without an error, the PDF library must take. */
#ifndef FUZZ_REFUSED_H
#define FUZZ_REFUSED_H

#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "render.h"

/* What layout accepted without an error, the PDF library must take:
 * otherwise the author gets "PDF library error 0x...", not a located
 * message (a broken promise, like a crash). */
static void refused(const char *who, const dl_doc *d, const render_options *ro)
{
    /* once more, to hear what render says */
    char *said = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&said, &len);
    if (m) {
        diag *dg = diag_new(m, 0);
        render_size(d, ro, dg);
        diag_free(dg);
        fclose(m);
    }
    char *last = said && len ? said + len - 1 : NULL;
    while (last && last > said && last[-1] != '\n')
        last--;
    fprintf(stderr, "%s: laid out without an error, but the PDF library refused it: %s", who,
            last ? last : "(nothing said)\n");
    abort();
}

#endif
