/* table.h - tables: column widths from content, cells set as paragraphs
 * into galleys of their own, rows cut into bands the page breaker can
 * split, heading rows repeated after every page break.
 */
#ifndef BP_TABLE_H
#define BP_TABLE_H

#include "lay.h"

/* A table as table.c sets it, built from a <table> or by board.c from a
 * budget or a grid. */
typedef enum { TROW_HEAD, TROW_BODY, TROW_SUBHEAD, TROW_SUBTOTAL, TROW_TOTAL } trow_kind;

/* One labelled piece of a cell that holds several (a grid column). */
typedef struct tpart {
    const model_node *content;
    const char *label;
} tpart;

typedef struct tcell {
    const model_node *content;      /* its children are set (text or blocks) */
    const char *text;               /* or this plain text */
    const char *label;              /* hung before the content ("1."), or NULL */
    const tpart *parts;             /* or these, one after another */
    int nparts;
    int colspan, rowspan;
    style_align align;              /* LAY_NO_ALIGN: the column's */
    int empty_mark;                 /* text is the mark of an empty cell */
    const model_node *src;
} tcell;

typedef struct trow {
    tcell *cells;
    int ncells;
    trow_kind kind;
    const model_node *src;
} trow;

#define TABLE_MAX_COLS MODEL_MAX_COLS

typedef struct tspec {
    trow *rows;
    int nrows;
    int ncols;                      /* 0: from the rows */
    double col_width[TABLE_MAX_COLS];   /* fixed widths: >0 points, <0 a fraction of
                                           the width (-0.3 = 30%), 0 auto */
    style_align col_align[TABLE_MAX_COLS];
    const model_node *col_src[TABLE_MAX_COLS];  /* the <col> giving each, or NULL */
    int full_width;
    const model_node *caption;      /* inline content of the caption, or NULL */
    const model_node *headnote;     /* what the reader must know first, or NULL */
    const char *number;             /* number= of the element, or NULL */
    const model_node *src;
} tspec;

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
