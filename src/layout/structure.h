/* structure.h - the logical structure of the laid-out pages: for each
 * item drawn as content, the structure element it belongs to (a
 * paragraph, a heading of its level, a list item's label or body, a
 * table cell, a figure with its alternative text), with the elements
 * around it up to the document; and for every item, where in the report
 * it was set from. Render writes the tagged PDF from these alone.
 */
#ifndef BP_STRUCTURE_H
#define BP_STRUCTURE_H

#include "arena.h"
#include "diag.h"
#include "dl.h"
#include "model.h"

/* Fills in d's document element and every item's structure element and
 * place, in the order the items are drawn; root is the report. An
 * element or a page with more parts than a tagged PDF can list is a
 * located error reported into dg: -1, else 0. */
int structure_mark(arena *a, dl_doc *d, const model_node *root, diag *dg);

#endif
