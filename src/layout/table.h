/* table.h - tables: column widths from content, cells set as paragraphs
 * into galleys of their own, rows cut into bands the page breaker can
 * split, heading rows repeated after every page break.
 */
#ifndef BP_TABLE_H
#define BP_TABLE_H

#include "lay.h"
#include "tspec.h"

/* Column widths as browsers' automatic table layout gives them: each
 * column's min (widest word) and max (longest line), fixed[k] > 0 for a
 * column of given width. A table that fits at its maxima takes them (all
 * of avail when full); otherwise the space above the minima is shared in
 * proportion to max - min; minima that do not fit are scaled down. */
void table_distribute(const double *min, const double *max, const double *fixed, int n,
                      double avail, int full, double *out);

/* Sets t in f into g. */
void table_set(ctx *c, galley *g, const tspec *t, frame f);
/* A <table>. */
void table_block(ctx *c, galley *g, const model_node *n, frame f);

#endif
