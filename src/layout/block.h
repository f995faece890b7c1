/* block.h - blocks: the dispatch from an element to what sets it, and the
 * blocks of running text (paragraphs, lists, quotes, sign-offs, chapters
 * and sections with their headings and notes).
 */
#ifndef BP_BLOCK_H
#define BP_BLOCK_H

#include "lay.h"

/* Sets the block children of parent, in order, into g. */
void lay_blocks(ctx *c, galley *g, const model_node *parent, frame f, int level, int list_depth);
/* Sets content (an element holding running text or blocks) in frame f,
 * with label hung in the margin before its first line, as a list item
 * is. label may be NULL or empty. */
void lay_labelled(ctx *c, galley *g, const char *label, const model_node *content, frame f,
                  int level, int depth);
/* The notes g holds, each under its number (a chapter's end). */
void lay_flush_notes(ctx *c, galley *g, frame f);

#endif
