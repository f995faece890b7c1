/* furniture.h - what a page carries beside the text: the cover's lines
 * and the running header and footer, expanded from the report's metadata.
 */
#ifndef BP_FURNITURE_H
#define BP_FURNITURE_H

#include "lay.h"

/* The cover: the template's lines set into g; returns the first. */
gline *furn_cover(ctx *c, galley *g, const model_node *meta, const model_node *cover);
/* The running header and footer of every page of d. */
void furn_add(ctx *c, dl_doc *d, int has_cover);

#endif
