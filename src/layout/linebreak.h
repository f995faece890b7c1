/* linebreak.h - choosing where the lines of a paragraph end.
 *
 * Works on the abstract paragraph of TeX: boxes (unbreakable widths),
 * glue (breakable, stretchable space), penalties (places a line may end,
 * at a cost, such as a hyphenation point) and forced breaks. Knows
 * nothing of fonts or pages: layout builds the items, asks for breaks,
 * and sets the lines with the adjustment ratios chosen here.
 */
#ifndef BP_LINEBREAK_H
#define BP_LINEBREAK_H

typedef enum { LB_BOX, LB_GLUE, LB_PENALTY, LB_BREAK } lb_type;

/* Widths computed in different orders differ in the last bits; a line
 * within this many points of its measure fits. */
#define LB_FIT_EPSILON 0.001

typedef struct lb_item {
    lb_type type;
    double width;                   /* penalty: the hyphen drawn if it breaks here */
    double stretch, shrink;         /* glue */
    double penalty;                 /* penalty: cost of breaking here */
    int flagged;                    /* penalty: a hyphenation */
} lb_item;

/* The costs of TeX's line breaker, from the template. */
typedef struct lb_params {
    double first_measure, measure;  /* first line's width, and the others' */
    double tolerance;               /* largest adjustment ratio accepted */
    double line_penalty;            /* added to every line's badness */
    double flagged_demerits;        /* two hyphenated lines in a row */
    double final_hyphen_demerits;   /* the last line after a hyphen (a word cut across the
                                       paragraph's last two lines) */
    double fitness_demerits;        /* adjacent lines of very different tightness */
    double line_stretch;            /* ragged lines: stretch at every line's end */
    int max_hyphen_run;             /* most hyphenated lines in a row (at most 8; 0 means 8) */
} lb_params;

/* A penalty this high forbids a break. */
#define LB_INF_PENALTY 10000.0

/* Fills lines first-fit: each line takes as many items as fit in its
 * measure, breaking at glue, at a penalty below LB_INF_PENALTY or at
 * a forced break. A box wider than the measure gets a line of its own
 * (callers split such boxes beforehand).
 * Writes the index of the item that ends each line (the glue or break
 * consumed by the break; n for the last line) to breaks, which has room
 * for n + 1 entries, and returns the number of lines. */
int lb_greedy(const lb_item *items, int n, double first_measure, double measure, int *breaks);

/* Total-fit line breaking (Knuth and Plass): the breaks that minimise
 * the paragraph's total demerits, every line's adjustment ratio within
 * [-1, tolerance]. Writes breaks as lb_greedy does and each line's ratio
 * to ratios (room for n + 1). Returns the number of lines, or 0 when no
 * set of breaks meets the tolerance. The last line, and a line ended by
 * a forced break, are set at their natural width. */
int lb_total_fit(const lb_item *items, int n, const lb_params *p, int *breaks, double *ratios);

#endif
