/* linebreak.h - choosing where the lines of a paragraph end.
 *
 * Works on the abstract paragraph of TeX: boxes (unbreakable widths),
 * glue (breakable space) and forced breaks, and knows nothing of fonts
 * or pages. Layout builds the items, asks for breaks, and sets the
 * lines.
 */
#ifndef BP_LINEBREAK_H
#define BP_LINEBREAK_H

typedef enum { LB_BOX, LB_GLUE, LB_BREAK } lb_type;

/* Widths computed in different orders differ in the last bits; a line
 * within this many points of its measure fits. */
#define LB_FIT_EPSILON 0.001

typedef struct lb_item {
    lb_type type;
    double width;
} lb_item;

/* Fills lines first-fit: each line takes as many items as fit in its
 * measure (first_measure for the first line, measure after), breaking
 * only at glue or a forced break. A box wider than the measure gets a
 * line of its own (callers split such boxes beforehand). Writes the index
 * of the item that ends each line (the glue or break consumed by the
 * break; n for the last line) to breaks, which has room for n + 1
 * entries, and returns the number of lines. */
int lb_greedy(const lb_item *items, int n, double first_measure, double measure, int *breaks);

#endif
