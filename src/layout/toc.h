/* toc.h - the contents page: the headings the pass before placed, each
 * with leaders to its page number, the whole entry a link.
 */
#ifndef BP_TOC_H
#define BP_TOC_H

#include "lay.h"

void toc_contents(ctx *c, galley *g, const model_node *n, frame f);

#endif
