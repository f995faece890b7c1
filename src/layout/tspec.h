/* tspec.h - a table as table.c sets it: rows of cells, built from a
 * <table>, or by board.c from a budget or a grid; the bands of band.c
 * are cut from its rows.
 */
#ifndef BP_TSPEC_H
#define BP_TSPEC_H

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
    int parts;                      /* heading rows in the body start parts, each with
                                       its own heading (a budget's income and spending) */
    const model_node *src;
} tspec;

#endif
