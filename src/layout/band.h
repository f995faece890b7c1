/* band.h - a table's rows cut into bands for the page breaker.
 *
 * A row becomes bands: band k holds line k of every cell, so a row that
 * does not fit at a page's foot splits between lines and no line is lost
 * or drawn twice. A row that fits on a page is kept whole. Rows joined by
 * a rowspan form one band, or where such a group is taller than a page,
 * one band per row with the spanning cells' lines shared among them.
 */
#ifndef BP_BAND_H
#define BP_BAND_H

#include "lay.h"
#include "measure.h"
#include "tspec.h"

/* A cell placed in the grid, with its measured and set content. */
typedef struct slot {
    const tcell *cell;
    int row, col;
    lay_extent ext;
    gline *lines;
    int nlines;
    double height;                  /* content height, padding included */
    double dec_pad;                 /* room right of a figure, so that decimal points
                                       line up down its column */
    int style;
} slot;

typedef struct grid {
    const tspec *spec;
    slot *slots;                    /* row by row */
    int nslots;
    int *row_first;                 /* row r's slots: row_first[r] to row_first[r + 1] */
    int ncols, nrows;
    double *width, *x;              /* per column; x relative to the table's left */
    double pad_x;                   /* cell padding, narrowed for a crowded table */
    double *row_height;
    style_align *align;
    double *floor_mn, *floor_mx;    /* per column, the extents of the tables it shares
                                       widths with, at the table's own scale; or NULL */
    double floor_scale;             /* that scale */
    double left;                    /* table's left edge, absolute */
    double avail;
} grid;

/* How many rows slot s spans, within the table. */
static inline int row_span(const grid *g, const slot *s)
{
    int rs = s->cell->rowspan;
    return s->row + rs > g->nrows ? g->nrows - s->row : rs;
}

/* The sum of v[from..to). */
static inline double band_sum(const double *v, int from, int to)
{
    double s = 0;
    for (int k = from; k < to; k++)
        s += v[k];
    return s;
}

/* A rule from (x0, y0) to (x1, y1). */
dl_item *band_rule(ctx *c, double x0, double x1, double y0, double y1, double width, uint32_t color);
/* The last row a group starting at r reaches through rowspans. */
int band_group_end(const grid *g, int r);
/* Row r as bands appended after *tail (the new last band in *tail);
 * returns the first. body_index counts body rows, for banded fills. */
gline *band_row(ctx *c, grid *g, const gal_run *geom, int r, int body_index, gline **tail);
/* Rows r0..r1, joined by rowspans, as bands; those taller than room are
 * split row by row. */
gline *band_group(ctx *c, grid *g, const gal_run *geom, int r0, int r1, int body_index,
                  double room, gline **tail);

#endif
