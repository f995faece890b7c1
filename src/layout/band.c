/* band.c - a table's rows cut into bands: fills, rules and each cell's
 * lines, band by band (see band.h).
 */
#include "band.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

dl_item *band_rule(ctx *c, double x0, double x1, double y0, double y1, double width, uint32_t color)
{
    dl_item *it = lay_item(c, DL_RULE, ROLE_ARTIFACT);
    it->x = x0;
    it->x2 = x1;
    it->y = y0;
    it->y2 = y1;
    it->line_width = width;
    it->color = color;
    return it;
}

static dl_item *fill(ctx *c, double x, double y, double w, double h, uint32_t color)
{
    dl_item *it = lay_item(c, DL_RECT, ROLE_ARTIFACT);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->color = color;
    return it;
}

static uint32_t row_fill(const ctx *c, const grid *g, int r, int body_index)
{
    const style_table *tb = &c->t->table;
    switch (g->spec->rows[r].kind) {
    case TROW_HEAD: case TROW_SUBHEAD: return tb->head_fill;
    case TROW_SUBTOTAL: case TROW_TOTAL: return tb->total_fill;
    default: return body_index % 2 ? tb->stripe_fill : STYLE_NONE;
    }
}

/* Moves a cell line's items into band l, its top at top (relative to the
 * band's top, downwards positive). */
static void move_line(gline *band, gline *line, double top)
{
    for (dl_item *it = line->first, *next; it; it = next) {
        next = it->next;
        it->y -= top + line->ascent;
        it->y2 -= top + line->ascent;
        gal_line_add(band, it);
    }
    line->first = line->last = NULL;
    gal_take_feet(band, line);
}

static gline *new_band(ctx *c, const gal_run *geom, double height)
{
    gline *l = arena_alloc(c->a, sizeof *l);
    l->height = height;
    l->run = geom;
    return l;
}

/* Fills, then column rules, for a stretch of height h of row r, whose
 * columns marked in covered lie inside a spanning cell. */
static void decorate(ctx *c, const grid *g, gline *band, int r, double h, int body_index,
                     const int *covered)
{
    const style_table *tb = &c->t->table;
    uint32_t f = row_fill(c, g, r, body_index);
    if (f != STYLE_NONE)
        gal_line_add(band, fill(c, g->left, -h, g->x[g->ncols], h, f));
    if (tb->grid && tb->rule > 0)
        for (int k = 1; k < g->ncols; k++)
            if (!covered || !covered[k])
                gal_line_add(band, band_rule(c, g->left + g->x[k], g->left + g->x[k], 0, -h, tb->rule,
                                        tb->rule_color));
}

/* Row r cut into bands, band k holding line k of each column's lines
 * (cur[col], a chain of lines, or NULL), so that a row taller than a
 * page parts between lines. vcover marks the column edges inside a
 * spanning cell (no rule down them), hcover the columns a cell from a
 * row above still covers (no rule across the row's top); either may be
 * NULL. */
static gline *band_lines(ctx *c, grid *g, const gal_run *geom, int r, int body_index,
                         gline **cur, const int *vcover, const int *hcover, gline **tail)
{
    const style_table *tb = &c->t->table;
    int maxlines = 1;
    for (int col = 0; col < g->ncols; col++) {
        int n = 0;
        for (const gline *l = cur[col]; l; l = l->next)
            n++;
        if (n > maxlines)
            maxlines = n;
    }
    gline *first = NULL;
    for (int k = 0; k < maxlines; k++) {
        double h = 0, top = k == 0 ? tb->pad_y : 0;
        for (int col = 0; col < g->ncols; col++)
            if (cur[col]) {
                double need = top + (k ? cur[col]->space_before : 0) + cur[col]->height;
                if (need > h)
                    h = need;
            }
        if (k == maxlines - 1)
            h += tb->pad_y;
        if (maxlines == 1 && h < g->row_height[r])
            h = g->row_height[r];
        gline *band = new_band(c, geom, h);
        decorate(c, g, band, r, h, body_index, vcover);
        double width = g->spec->rows[r].kind == TROW_TOTAL ? tb->frame : tb->rule;
        if (k == 0 && tb->rule > 0 && !hcover)
            gal_line_add(band, band_rule(c, g->left, g->left + g->x[g->ncols], 0, 0, width, tb->rule_color));
        for (int col = 0; k == 0 && tb->rule > 0 && hcover && col < g->ncols; col++)
            if (!hcover[col])
                gal_line_add(band, band_rule(c, g->left + g->x[col], g->left + g->x[col + 1], 0, 0, width,
                                        tb->rule_color));
        /* a row may part between its lines where it meets a page's
         * foot (a soft keep, see page.c), leaving no fewer lines on
         * either side than a paragraph would, and never where a cell's
         * own lines keep together */
        int keep = k < c->t->orphans - 1 || k >= maxlines - c->t->widows;
        for (int col = 0; col < g->ncols; col++)
            if (cur[col]) {
                gline *next = cur[col]->next;
                keep |= cur[col]->keep_next && next;
                move_line(band, cur[col], top + (k ? cur[col]->space_before : 0));
                cur[col] = next;
            }
        band->keep_next = k == maxlines - 1 ? 0 : keep ? GAL_KEEP : GAL_KEEP_SOFT;
        band->row_end = k == maxlines - 1;
        if (*tail)
            (*tail)->next = band;
        *tail = band;
        if (!first)
            first = band;
    }
    return first;
}

/* One row cut into bands, each holding line k of every cell. */
gline *band_row(ctx *c, grid *g, const gal_run *geom, int r, int body_index,
                       gline **tail)
{
    gline *cur[TABLE_MAX_COLS] = { 0 };
    int covered[TABLE_MAX_COLS + 1] = { 0 };
    for (int i = g->row_first[r]; i < g->row_first[r + 1]; i++) {
        slot *s = &g->slots[i];
        cur[s->col] = s->lines;
        for (int k = s->col + 1; k < s->col + s->cell->colspan && k < g->ncols; k++)
            covered[k] = 1;
    }
    return band_lines(c, g, geom, r, body_index, cur, covered, NULL, tail);
}

/* For row r, given owner (the slot covering each column in the row
 * before, -1 none), which is brought up to row r: which column edges lie
 * inside a cell spanning columns (vcover, no rule down that edge) and
 * which columns a cell from an earlier row still covers (hcover, no rule
 * across the row's top). */
static void coverage(const grid *g, int r, int *owner, int *vcover, int *hcover)
{
    for (int k = 0; k < g->ncols; k++)
        if (owner[k] >= 0 && g->slots[owner[k]].row + row_span(g, &g->slots[owner[k]]) <= r)
            owner[k] = -1;
    for (int i = g->row_first[r]; i < g->row_first[r + 1]; i++)
        for (int k = g->slots[i].col; k < g->slots[i].col + g->slots[i].cell->colspan && k < g->ncols; k++)
            owner[k] = i;
    for (int k = 0; k <= g->ncols; k++) {
        vcover[k] = k > 0 && k < g->ncols && owner[k] >= 0 && owner[k] == owner[k - 1];
        hcover[k] = k < g->ncols && owner[k] >= 0 && g->slots[owner[k]].row < r;
    }
}

/* Appends the items of from to band, y moved down by dy. */
static void shift_into(gline *band, gline *from, double dy)
{
    for (dl_item *it = from->first, *next; it; it = next) {
        next = it->next;
        it->y -= dy;
        it->y2 -= dy;
        gal_line_add(band, it);
    }
    from->first = from->last = NULL;
}

/* The fills and rules of rows r0..r1, each row's into deco[r - r0]. */
static void decorate_group(ctx *c, grid *g, int r0, int r1, int body_index, gline *deco)
{
    const style_table *tb = &c->t->table;
    int vcover[TABLE_MAX_COLS + 1], hcover[TABLE_MAX_COLS + 1], owner[TABLE_MAX_COLS];
    for (int k = 0; k < TABLE_MAX_COLS; k++)
        owner[k] = -1;
    for (int r = r0; r <= r1; r++) {
        gline *d = &deco[r - r0];
        coverage(g, r, owner, vcover, hcover);
        decorate(c, g, d, r, g->row_height[r], body_index + (r - r0), vcover);
        for (int k = 0; tb->rule > 0 && k < g->ncols; k++)
            if (!hcover[k])
                gal_line_add(d, band_rule(c, g->left + g->x[k], g->left + g->x[k + 1], 0, 0, tb->rule,
                                     tb->rule_color));
    }
}

/* Lines of a group that parts between its rows, kept by row and column:
 * chain[(r - r0) * ncols + col] is the lines column col shows in row r. */
typedef struct group_lines {
    gline **head, **tail;
    int r0, ncols;
} group_lines;

static void chain_line(group_lines *gl, int r, int col, gline *l)
{
    int k = (r - gl->r0) * gl->ncols + col;
    l->next = NULL;
    if (gl->tail[k])
        gl->tail[k]->next = l;
    else
        gl->head[k] = l;
    gl->tail[k] = l;
}

/* Shares the lines of spanning slot s among the rows of its span. A line
 * that would straddle two rows starts the lower one, so that the rows
 * can part between them with no line cut; the last row of the span
 * grows by what that costs. */
static void place_spanning(ctx *c, grid *g, const slot *s, group_lines *gl)
{
    double pad = c->t->table.pad_y, top = pad;
    int r = s->row, last = s->row + row_span(g, s) - 1;
    for (gline *l = s->lines, *next; l; l = next) {
        next = l->next;
        if (l != s->lines)
            top += l->space_before;
        while (r < last && top >= g->row_height[r]) {
            top -= g->row_height[r];
            r++;
        }
        if (r < last && top + l->height > g->row_height[r]) {
            top = 0;
            r++;
        }
        chain_line(gl, r, s->col, l);
        top += l->height;
    }
    if (top + pad > g->row_height[r] && r == last)
        g->row_height[last] = top + pad;
}

/* Rows r0..r1, joined by rowspans and together taller than a page, as
 * bands that part between rows (and inside a row taller than a page,
 * between its lines), the spanning cells' lines shared among them. */
static gline *band_group_split(ctx *c, grid *g, const gal_run *geom, int r0, int r1,
                               int body_index, gline **tail)
{
    int n = r1 - r0 + 1, first_slot = g->row_first[r0], nslots = g->row_first[r1 + 1] - first_slot;
    group_lines gl = { arena_alloc(c->a, mem_mul(sizeof *gl.head, mem_mul((size_t)n, (size_t)g->ncols))),
                       arena_alloc(c->a, mem_mul(sizeof *gl.tail, mem_mul((size_t)n, (size_t)g->ncols))),
                       r0, g->ncols };
    /* spanning cells in the order of their last rows: a row grown for
     * one never moves a row boundary inside another placed before it */
    int *head = arena_alloc(c->a, mem_mul(sizeof *head, (size_t)n));
    int *link = arena_alloc(c->a, mem_mul(sizeof *link, (size_t)nslots));
    for (int k = 0; k < n; k++)
        head[k] = -1;
    for (int i = first_slot; i < first_slot + nslots; i++) {
        const slot *s = &g->slots[i];
        int last = s->row + row_span(g, s) - 1;
        if (last > s->row) {
            link[i - first_slot] = head[last - r0];
            head[last - r0] = i;
        } else {
            for (gline *l = s->lines, *next; l; l = next) {
                next = l->next;
                chain_line(&gl, s->row, s->col, l);
            }
        }
    }
    for (int k = 0; k < n; k++)
        for (int i = head[k]; i >= 0; i = link[i - first_slot])
            place_spanning(c, g, &g->slots[i], &gl);
    int vcover[TABLE_MAX_COLS + 1], hcover[TABLE_MAX_COLS + 1], owner[TABLE_MAX_COLS];
    for (int k = 0; k < TABLE_MAX_COLS; k++)
        owner[k] = -1;
    gline *first = NULL;
    for (int r = r0; r <= r1; r++) {
        coverage(g, r, owner, vcover, hcover);
        gline *band = band_lines(c, g, geom, r, body_index + (r - r0), &gl.head[(r - r0) * g->ncols],
                                 vcover, hcover, tail);
        if (!first)
            first = band;
    }
    return first;
}

/* Rows r0..r1, joined by rowspans: one band when they fit in room (a
 * page less the heading rows repeated on it), else bands that part
 * between rows. */
gline *band_group(ctx *c, grid *g, const gal_run *geom, int r0, int r1, int body_index,
                         double room, gline **tail)
{
    const style_table *tb = &c->t->table;
    if (band_sum(g->row_height, r0, r1 + 1) > room)
        return band_group_split(c, g, geom, r0, r1, body_index, tail);
    int n = r1 - r0 + 1;
    gline *deco = arena_alloc(c->a, mem_mul(sizeof *deco, (size_t)n * 2)), *text = deco + n;
    double *off = arena_alloc(c->a, mem_mul(sizeof *off, (size_t)n + 1));
    for (int k = 0; k < n; k++)
        off[k + 1] = off[k] + g->row_height[r0 + k];
    for (int i = g->row_first[r0]; i < g->row_first[r1 + 1]; i++) {
        slot *s = &g->slots[i];
        double top = tb->pad_y;
        for (gline *l = s->lines, *next; l; l = next) {
            next = l->next;
            if (l != s->lines)
                top += l->space_before;
            move_line(&text[s->row - r0], l, top);
            top += l->height;
        }
    }
    decorate_group(c, g, r0, r1, body_index, deco);
    gline *band = new_band(c, geom, off[n]);
    band->row_end = 1;
    for (int k = 0; k < n; k++)
        shift_into(band, &deco[k], off[k]);
    for (int k = 0; k < n; k++)
        shift_into(band, &text[k], off[k]);
    if (*tail)
        (*tail)->next = band;
    *tail = band;
    return band;
}

/* The last row a group starting at r reaches through rowspans: each row
 * of the group is visited once. */
int band_group_end(const grid *g, int r)
{
    int end = r;
    for (int k = r; k <= end; k++)
        for (int i = g->row_first[k]; i < g->row_first[k + 1]; i++) {
            int last = g->slots[i].row + row_span(g, &g->slots[i]) - 1;
            if (last > end)
                end = last;
        }
    return end;
}

