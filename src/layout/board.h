/* board.h - a board's own blocks: budgets and grids (set as tables), key
 * figures, stories, priorities, messages, members, contact, background
 * papers, the committee front sheet.
 */
#ifndef BP_BOARD_H
#define BP_BOARD_H

#include "lay.h"

void board_budget(ctx *c, galley *g, const model_node *n, frame f);
/* An outcome grid, strategic aims or an agency plan. */
void board_grid(ctx *c, galley *g, const model_node *n, frame f);
/* The "Chair: ..." line under a subgroup's heading. */
void board_subgroup_chair(ctx *c, galley *g, const model_node *n, frame f);
/* Key figures, stories, priorities, messages, members, contact,
 * background papers, front sheet. */
void board_block(ctx *c, galley *g, const model_node *n, frame f, int level);

#endif
