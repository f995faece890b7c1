/* para.h - paragraphs: pieces broken into lines and set into a galley.
 *
 * The pieces text.c collected are broken into lines by linebreak.c
 * (total fit, as TeX does, then with hyphens, then first fit), words too
 * wide for the measure are split, and each line becomes display items
 * relative to its baseline, with the keeps that stop widows and orphans.
 */
#ifndef BP_PARA_H
#define BP_PARA_H

#include "lay.h"

/* How a paragraph's lines are set. */
typedef struct setting {
    const style_block *s;
    style_align align;
    double x0, measure, first_indent;
    dl_role role;
    int level;
    double given;                   /* the measure before min-measure raised it */
    double scale;                   /* the frame's type scale */
    const style_block *bar;         /* and its bar beside each line, or NULL */
    double bar_x;
    const model_node *src;          /* where the text comes from */
} setting;

/* The setting of text in style within f; its measure is never below the
 * template's min-measure (a located warning at src when it would be). */
setting lay_setting(ctx *c, int style, frame f, dl_role role, int level, const model_node *src);
/* A block of running text (n's inline content) in style, in f. prefix
 * (may be NULL) is set before the content in prefix_style. */
void lay_paragraph(ctx *c, galley *g, const model_node *n, int style, frame f, const char *prefix,
                   int prefix_style, dl_role role, int level);
/* A block of plain text in style, in f. */
void lay_plain(ctx *c, galley *g, const char *text, int style, frame f, const model_node *src,
               dl_role role);

/* A paragraph of plain-text runs, each in its own style and with an
 * optional link (a member's name and role; a contact's email). */
typedef struct lay_run {
    const char *text;
    int style;
    const char *href;
} lay_run;

void lay_runs(ctx *c, galley *g, const lay_run *runs, int n, int style, frame f,
              const model_node *src);

/* text in style as one line that never wraps, aligned in width from
 * x_left (running heads and feet); NULL when there is nothing to set. A
 * text wider than width is set smaller to fit, down to min_size (0: not
 * smaller), and past that cut after a word with an ellipsis: it is never
 * drawn past the margins. */
gline *lay_single_line(ctx *c, const char *text, int style, double x_left, double width,
                       style_align align, double min_size);

/* A width the report gives: a length (pt, mm, cm, in; points when bare)
 * or a percentage of whole; 0 (automatic) when absent, not positive or in
 * an unknown unit. */
double lay_length(const char *value, double whole);

#endif
