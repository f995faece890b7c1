/* picture.h - pictures in the text: an <image> with its caption, and the
 * board's logo on the cover.
 */
#ifndef BP_PICTURE_H
#define BP_PICTURE_H

#include "lay.h"

void picture_block(ctx *c, galley *g, const model_node *n, frame f);
/* The logo, or the cover's picture (n's src and alt), width wide at most
 * and no taller than share of the text area. */
void picture_logo(ctx *c, galley *g, const model_node *logo, double width, double share);

#endif
