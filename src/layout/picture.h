/* picture.h - pictures in the text: an <image> with its caption, and the
 * board's logo on the cover.
 */
#ifndef BP_PICTURE_H
#define BP_PICTURE_H

#include "lay.h"

void picture_block(ctx *c, galley *g, const model_node *n, frame f);
/* The logo, width wide at most. */
void picture_logo(ctx *c, galley *g, const model_node *logo, double width);

#endif
