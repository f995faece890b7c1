/* measure.h - the widths content needs, for table columns and
 * organisation-chart boxes, and the list labels both measuring and
 * setting use.
 */
#ifndef BP_MEASURE_H
#define BP_MEASURE_H

#include "lay.h"

/* Widths content needs: min, the widest unbreakable word; max, the
 * longest line it would make with no width limit. Both include the
 * style's indents and list hangs. */
typedef struct lay_extent {
    double min, max;
} lay_extent;

lay_extent lay_measure_text(ctx *c, frame f, const char *text, int style);
lay_extent lay_measure_content(ctx *c, frame f, const model_node *n, int style);

/* The style running text takes in f: the table cell's while a cell is
 * set, else the given default. */
int lay_style(frame f, int fallback);
/* Whether n holds running text; block children. */
int lay_has_inline(const model_node *n);
int lay_has_blocks(const model_node *n);
/* A list's numbering type (LIST_BULLET, LIST_ARABIC, ...). */
int lay_list_type(const model_node *list);
/* The label of the nth item of a list of type at depth: its own label=,
 * else the template's format. */
const char *lay_item_label(ctx *c, const model_node *item, int type, int depth, long n);
/* The width of a label in f's list style. */
double lay_label_width(ctx *c, frame f, const char *label);

#endif
