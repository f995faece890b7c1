/* table.c - tables: column widths from content, cells set as paragraphs,
 * rows cut into bands that the page breaker can split, header rows
 * repeated after every page break.
 *
 * Column widths follow the automatic table layout of web browsers: each
 * column has a minimum (its widest word) and a maximum (its longest
 * unbroken line); a table that fits at its maxima takes them, otherwise
 * the space above the minima is shared in proportion to how much more
 * each column would like. Minima that cannot fit are scaled down and the
 * words too long for their cells are broken.
 *
 * The rows are then cut into bands (band.c).
 */
#include "table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "label.h"
#include "anchor.h"
#include "band.h"
#include "block.h"
#include "para.h"
#include "mem.h"
#include "share.h"

/* ---- placing cells in rows and columns ----------------------------------- */

/* Places every cell the way HTML does: row by row, each cell in the
 * first column its row leaves free of cells spanning down from above.
 * busy[k] is the row from which column k is free again, so the work is
 * linear in the cells. Returns the number of columns; 0 for a table
 * without cells; -1 after a located error (more columns than a table
 * may have). */
static int place_cells(ctx *c, grid *g)
{
    const tspec *t = g->spec;
    size_t cells = 0;
    for (int r = 0; r < t->nrows; r++)
        cells += (size_t)t->rows[r].ncells;
    if (cells == 0)
        return 0;
    g->slots = arena_alloc(c->a, mem_mul(sizeof *g->slots, cells));
    g->row_first = arena_alloc(c->a, mem_mul(sizeof *g->row_first, (size_t)t->nrows + 1));
    int busy[TABLE_MAX_COLS] = { 0 };
    for (int r = 0; r < t->nrows; r++) {
        g->row_first[r] = g->nslots;
        int col = 0;
        for (int k = 0; k < t->rows[r].ncells; k++) {
            const tcell *cell = &t->rows[r].cells[k];
            while (col < TABLE_MAX_COLS && busy[col] > r)
                col++;
            int cs = cell->colspan, rs = cell->rowspan;
            if (col + cs > TABLE_MAX_COLS) {
                const model_node *at = t->rows[r].src ? t->rows[r].src : t->src;
                diag_error(c->dg, at->file, at->line, at->col,
                           "<%s> needs more than %d columns, as many as a table may have",
                           at->name, TABLE_MAX_COLS);
                c->failed = 1;
                return -1;
            }
            if (rs > t->nrows - r)
                rs = t->nrows - r;
            for (int cc = col; cc < col + cs; cc++)
                busy[cc] = r + rs;
            slot *s = &g->slots[g->nslots++];
            s->cell = cell;
            s->row = r;
            s->col = col;
            if (col + cs > g->ncols)
                g->ncols = col + cs;
            col += cs;
        }
    }
    g->row_first[t->nrows] = g->nslots;
    g->nrows = t->nrows;
    return g->ncols;
}

/* ---- styles and alignment -------------------------------------------------- */

static int style_of_row(const ctx *c, trow_kind kind)
{
    const style_table *tb = &c->t->table;
    switch (kind) {
    case TROW_HEAD: case TROW_SUBHEAD: return tb->head_style;
    case TROW_SUBTOTAL: case TROW_TOTAL: return tb->total_style;
    default: return tb->cell_style;
    }
}

static const char *cell_plain_text(ctx *c, const tcell *cell)
{
    if (cell->text)
        return cell->text;
    if (cell->nparts)
        return NULL;
    if (!cell->content)
        return "";
    for (const model_node *ch = cell->content->first; ch; ch = ch->next)
        if (!model_is_inline(ch->kind))
            return NULL;
    return model_text(c->a, cell->content);
}

/* A figure: digits with separators, signs, currency and percent. */
static int is_figure(const char *s)
{
    int digits = 0;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch >= '0' && ch <= '9')
            digits++;
        else if (!strchr(" ,.-+()%", ch) && ch < 0x80 && ch != 0)
            return 0;
        else if (ch >= 0x80 && strncmp(s, "£", 2) != 0 && strncmp(s, "€", 3) != 0 &&
                 strncmp(s, "−", 3) != 0 && strncmp(s, "–", 3) != 0)
            return 0;
        else if (ch >= 0x80)
            s += (ch >= 0xE0) ? 2 : 1;
    }
    return digits > 0;
}

/* Columns whose body cells are all figures take the numeric alignment. */
static void choose_alignment(ctx *c, grid *g)
{
    g->align = arena_alloc(c->a, sizeof *g->align * (size_t)g->ncols);
    int *figures = mem_alloc((size_t)g->ncols, sizeof *figures);
    int *words = mem_alloc((size_t)g->ncols, sizeof *words);
    for (int i = 0; i < g->nslots; i++) {
        const slot *s = &g->slots[i];
        trow_kind kind = g->spec->rows[s->row].kind;
        if (s->cell->colspan != 1 || kind == TROW_HEAD || kind == TROW_SUBHEAD)
            continue;
        if (s->cell->empty_mark) {
            /* a marked empty cell stands where a figure would: it leaves a
             * column of figures numeric, and one of words as it is */
            figures[s->col]++;
            continue;
        }
        const char *text = cell_plain_text(c, s->cell);
        if (!text)
            words[s->col]++;
        else if (is_figure(text))
            figures[s->col]++;
        else if (strspn(text, " ") != strlen(text))
            words[s->col]++;
    }
    for (int k = 0; k < g->ncols; k++) {
        style_align given = k < TABLE_MAX_COLS ? g->spec->col_align[k] : LAY_NO_ALIGN;
        if (given != LAY_NO_ALIGN)
            g->align[k] = given;
        else if (figures[k] > 0 && words[k] == 0)
            g->align[k] = c->t->table.numeric_align;
        else
            g->align[k] = ALIGN_LEFT;
    }
    free(figures);
    free(words);
}

/* ---- figures lined up on the decimal point ---------------------------------- */

/* What of figure s stands right of where its decimal point is or would
 * be: ".5%" of "7.5%", "%" of "10%", "" of "1,200". */
static const char *figure_tail(const char *s)
{
    const char *dot = strchr(s, '.');
    if (dot)
        return dot;
    const char *end = s + strlen(s);
    while (end > s && !(end[-1] >= '0' && end[-1] <= '9'))
        end--;
    return end;
}

/* Slots from..to: the widest tail of each column's figures, then each
 * figure's room beside it. */
static void decimal_rows(ctx *c, grid *g, frame f, int from, int to, double *widest)
{
    for (int pass = 0; pass < 2; pass++)
        for (int i = from; i < to; i++) {
            slot *s = &g->slots[i];
            trow_kind kind = g->spec->rows[s->row].kind;
            if (s->cell->colspan != 1 || kind == TROW_HEAD || kind == TROW_SUBHEAD || s->cell->empty_mark ||
                g->align[s->col] != ALIGN_RIGHT || s->cell->align != LAY_NO_ALIGN ||
                (s->col < TABLE_MAX_COLS && g->spec->col_align[s->col] != LAY_NO_ALIGN))
                continue;
            const char *text = cell_plain_text(c, s->cell);
            if (!text || !is_figure(text))
                continue;
            double tail = lay_measure_text(c, f, figure_tail(text), s->style).max;
            if (pass == 0 && tail > widest[s->col])
                widest[s->col] = tail;
            if (pass == 1) {
                s->dec_pad = widest[s->col] - tail;
                s->ext.min += s->dec_pad;
                s->ext.max += s->dec_pad;
            }
        }
}

/* In each right-aligned column of figures, the room each figure leaves
 * on its right so that its decimal point falls under the others': the
 * widest tail less its own, among the rows under one heading row (a
 * heading row in the body may change what a column holds: counts, then
 * percentages). Added to the cells' widths, so the column makes room. */
static void decimal_pads(ctx *c, grid *g, frame f)
{
    if (!c->t->table.decimal_align)
        return;
    double *widest = mem_alloc((size_t)g->ncols, sizeof *widest);
    for (int r0 = 0, r1; r0 < g->nrows; r0 = r1) {
        for (r1 = r0 + 1; r1 < g->nrows; r1++)
            if (g->spec->rows[r1].kind == TROW_HEAD || g->spec->rows[r1].kind == TROW_SUBHEAD)
                break;
        for (int k = 0; k < g->ncols; k++)
            widest[k] = 0;
        decimal_rows(c, g, f, g->row_first[r0], g->row_first[r1], widest);
    }
    free(widest);
}

/* ---- column widths --------------------------------------------------------- */

static void measure_cells(ctx *c, grid *g, frame f)
{
    for (int i = 0; i < g->nslots; i++) {
        slot *s = &g->slots[i];
        s->style = style_of_row(c, g->spec->rows[s->row].kind);
        const tcell *cell = s->cell;
        if (cell->text)
            s->ext = lay_measure_text(c, f, cell->text, s->style);
        else if (cell->content)
            s->ext = lay_measure_content(c, f, cell->content, s->style);
        if (cell->label && *cell->label) {
            double hang = lay_measure_text(c, f, cell->label, s->style).max +
                          c->t->list[LIST_ARABIC].label_gap;
            s->ext.min += hang;
            s->ext.max += hang;
        }
        for (int k = 0; k < cell->nparts; k++) {
            lay_extent e = lay_measure_content(c, f, cell->parts[k].content, s->style);
            if (cell->parts[k].label) {
                double hang = lay_measure_text(c, f, cell->parts[k].label, s->style).max +
                              c->t->list[LIST_ARABIC].label_gap;
                e.min += hang;
                e.max += hang;
            }
            if (e.min > s->ext.min) s->ext.min = e.min;
            if (e.max > s->ext.max) s->ext.max = e.max;
        }
    }
}

/* Spreads what a spanning cell needs beyond its columns over them, in
 * proportion to what they already have (evenly when they have nothing). */
static void spread(double *v, int from, int to, double need)
{
    double have = band_sum(v, from, to);
    if (need <= have)
        return;
    for (int k = from; k < to; k++)
        v[k] += have > 0 ? (need - have) * v[k] / have : (need - have) / (to - from);
}

void table_distribute(const double *min, const double *max, const double *fixed, int n,
                      double avail, int full, double *out)
{
    double smin = 0, smax = 0, sfixed = 0;
    int nfixed = 0;
    for (int k = 0; k < n; k++) {
        double lo = fixed[k] > 0 ? fixed[k] : min[k];
        double hi = fixed[k] > 0 ? fixed[k] : (max[k] < min[k] ? min[k] : max[k]);
        smin += lo;
        smax += hi;
        if (fixed[k] > 0) {
            sfixed += fixed[k];
            nfixed++;
        }
    }
    double target = full || smax > avail ? avail : smax;
    for (int k = 0; k < n; k++) {
        double lo = fixed[k] > 0 ? fixed[k] : min[k];
        double hi = fixed[k] > 0 ? fixed[k] : (max[k] < min[k] ? min[k] : max[k]);
        if (smin >= target)
            out[k] = smin > 0 ? lo * target / smin : target / n;
        else if (smax <= target) {
            /* room to spare (a full-width table): the flexible columns
             * share it in proportion to their widths */
            double share = nfixed == n ? hi / smax : fixed[k] > 0 ? 0 : hi / (smax - sfixed);
            out[k] = hi + (target - smax) * share;
        } else {
            out[k] = lo + (hi - lo) * (target - smin) / (smax - smin);
        }
    }
}

/* The least width a column should have before the table's padding and
 * type give way: its longest word, or for a column of short labels (a
 * third of the measure or less) that would take three lines or more at
 * that width, half its natural width: a label in two lines rather than
 * one word a line. */
static double least_width(double min, double max, double avail)
{
    return max <= avail / 3 && max > 2.5 * min ? max / 2 : min;
}

static void column_widths(ctx *c, grid *g, frame f)
{
    int n = g->ncols;
    double *mn = mem_alloc((size_t)n, sizeof *mn), *mx = mem_alloc((size_t)n, sizeof *mx);
    double *fixed = mem_alloc((size_t)n, sizeof *fixed);
    for (int span = 1; span <= n; span++)
        for (int i = 0; i < g->nslots; i++) {
            const slot *s = &g->slots[i];
            int cs = s->cell->colspan, end = s->col + cs;
            if (cs != span)
                continue;
            if (end > n)
                end = n;
            if (span == 1) {
                if (s->ext.min > mn[s->col]) mn[s->col] = s->ext.min;
                if (s->ext.max > mx[s->col]) mx[s->col] = s->ext.max;
            } else {
                spread(mn, s->col, end, s->ext.min);
                spread(mx, s->col, end, s->ext.max);
            }
        }
    for (int k = 0; g->floor_mn && k < n; k++) {
        double r = f.scale / g->floor_scale;
        if (g->floor_mn[k] * r > mn[k]) mn[k] = g->floor_mn[k] * r;
        if (g->floor_mx[k] * r > mx[k]) mx[k] = g->floor_mx[k] * r;
    }
    g->avail = lay_text_width(c) - f.left - f.right;
    /* Padding is added to every column. Wide gaps keep readers' text
     * extraction from running a line across columns; a table with too
     * many columns for them narrows its padding, down to the template's
     * minimum, before it breaks a word. */
    const style_table *tb = &c->t->table;
    double content = 0;
    for (int k = 0; k < n; k++)
        content += least_width(mn[k], mx[k], g->avail);
    g->pad_x = tb->pad_x;
    if (content + 2 * n * g->pad_x > g->avail) {
        g->pad_x = (g->avail - content) / (2 * n);
        if (g->pad_x < tb->pad_x_min)
            g->pad_x = tb->pad_x_min;
    }
    for (int k = 0; k < n; k++) {
        mn[k] += 2 * g->pad_x;
        mx[k] += 2 * g->pad_x;
    }
    double em = c->t->styles[tb->cell_style].size * f.scale;
    if (em < c->t->min_measure)
        em = c->t->min_measure;
    for (int k = 0; k < n && k < TABLE_MAX_COLS; k++) {
        double w = g->spec->col_width[k];
        fixed[k] = w < 0 ? -w * g->avail : w;
        if (fixed[k] > g->avail)
            fixed[k] = g->avail;    /* no column is wider than the table may be */
        const model_node *col = g->spec->col_src[k];
        if (fixed[k] > 0 && fixed[k] < mn[k] - LB_FIT_EPSILON && col)
            diag_warning(c->dg, col->file, col->line, col->col,
                         "<col> width='%s' is narrower than the widest word of its column "
                         "(%.1fpt with padding); words will be broken across lines",
                         model_attr_get(col, "width"), mn[k]);
        /* a column given a width keeps room for any one character of its
         * text (an em) beside its padding */
        if (fixed[k] > 0 && fixed[k] < 2 * g->pad_x + em)
            fixed[k] = 2 * g->pad_x + em;
    }
    g->width = arena_alloc(c->a, sizeof *g->width * (size_t)n);
    table_distribute(mn, mx, fixed, n, g->avail, g->spec->full_width, g->width);
    g->x = arena_alloc(c->a, sizeof *g->x * (size_t)(n + 1));
    for (int k = 0; k < n; k++)
        g->x[k + 1] = g->x[k] + g->width[k];
    free(mn);
    free(mx);
    free(fixed);
}

/* ---- widths shared with tables of the same columns ------------------------- */

/* The headings of a table's columns after the first, which name its
 * group (the first often names the table itself: "Health Plans" over
 * months); NULL when it has no heading row. In c's arena. */
static const char *group_key(ctx *c, const grid *g)
{
    char *buf = NULL;
    int len = 0, cap = 0;
    for (int i = 0; i < g->nslots; i++) {
        const slot *s = &g->slots[i];
        if (g->spec->rows[s->row].kind != TROW_HEAD || s->col == 0)
            continue;
        const char *text = cell_plain_text(c, s->cell);
        const char *part = arena_printf(c->a, "%d:%d:%d:%s\x1f", s->row, s->col, s->cell->colspan,
                                        text ? text : "\x1e");
        for (const char *p = part; *p; p++)
            MEM_PUSH(buf, len, cap) = *p;
    }
    if (!buf)
        return NULL;
    MEM_PUSH(buf, len, cap) = 0;
    const char *key = arena_strdup(c->a, buf);
    free(buf);
    return key;
}

/* Records the table's column extents mn, mx (at scale) in its group and
 * widens them to the group's; keeps the group's for column_widths. */
static void shared_widths(ctx *c, grid *g, double *mn, double *mx, double scale)
{
    const model_node *src = g->spec->src;
    const char *key = src && src->parent ? group_key(c, g) : NULL;
    if (!key || !c->shares)
        return;
    /* a table on a page turned on its side lines up with its like only */
    key = arena_printf(c->a, "%c%s", c->landscape ? 'L' : 'P', key);
    share_widths(c->shares, src->parent, key, g->ncols, mn, mx);
    g->floor_mn = arena_alloc(c->a, mem_mul(2 * sizeof *g->floor_mn, (size_t)g->ncols));
    g->floor_mx = g->floor_mn + g->ncols;
    memcpy(g->floor_mn, mn, sizeof *mn * (size_t)g->ncols);
    memcpy(g->floor_mx, mx, sizeof *mx * (size_t)g->ncols);
    g->floor_scale = scale;
}

/* ---- setting the cells ----------------------------------------------------- */

/* Sets a cell's content into a galley of its own, in the cell's style and
 * alignment, taking its notes into gal. */
static void set_cell(ctx *c, galley *gal, grid *g, slot *s, frame f)
{
    const style_table *tb = &c->t->table;
    int end = s->col + s->cell->colspan;
    if (end > g->ncols)
        end = g->ncols;
    double tw = lay_text_width(c);
    frame inner = lay_in_style(f, s->style);
    inner.left = f.left + g->x[s->col] + g->pad_x;
    inner.right = tw - (f.left + g->x[end]) + g->pad_x;
    trow_kind kind = g->spec->rows[s->row].kind;
    inner.right += s->dec_pad;
    if (s->cell->align != LAY_NO_ALIGN)
        inner.align = s->cell->align;
    else if (s->cell->colspan > 1 && (kind == TROW_HEAD || kind == TROW_SUBHEAD))
        inner.align = ALIGN_CENTER;     /* a heading over several columns */
    else
        inner.align = g->align[s->col];
    galley cg = gal_child(gal);
    const tcell *cell = s->cell;
    if (cell->text) {
        if (cell->label && *cell->label)
            lay_plain(c, &cg, arena_printf(c->a, "%s %s", cell->label, cell->text), s->style, inner,
                      cell->src, ROLE_BODY);
        else
            lay_plain(c, &cg, *cell->text ? cell->text : " ", s->style, inner, cell->src, ROLE_BODY);
    } else if (cell->content) {
        lay_labelled(c, &cg, cell->label, cell->content, inner, 2, 0);
    } else {
        for (int k = 0; k < cell->nparts; k++)
            lay_labelled(c, &cg, cell->parts[k].label, cell->parts[k].content, inner, 2, 0);
    }
    s->lines = cg.first;
    gal_take_notes(gal, &cg);
    s->height = 2 * tb->pad_y;
    s->nlines = 0;
    for (gline *l = s->lines; l; l = l->next) {
        s->height += l->height + (l != s->lines ? l->space_before : 0);
        s->nlines++;
    }
}

static void row_heights(ctx *c, grid *g)
{
    g->row_height = arena_alloc(c->a, sizeof *g->row_height * (size_t)g->nrows);
    for (int i = 0; i < g->nslots; i++) {
        const slot *s = &g->slots[i];
        if (row_span(g, s) == 1 && s->height > g->row_height[s->row])
            g->row_height[s->row] = s->height;
    }
    /* a spanning cell taller than its rows lengthens the last of them */
    for (int i = 0; i < g->nslots; i++) {
        const slot *s = &g->slots[i];
        int rs = row_span(g, s);
        if (rs < 2)
            continue;
        double have = band_sum(g->row_height, s->row, s->row + rs);
        if (s->height > have)
            g->row_height[s->row + rs - 1] += s->height - have;
    }
    for (int r = 0; r < g->nrows; r++)
        if (g->row_height[r] <= 0)
            g->row_height[r] = 2 * c->t->table.pad_y + c->t->styles[c->t->table.cell_style].leading;
}

/* ---- caption --------------------------------------------------------------- */

typedef struct num_ctx {
    long n;
} num_ctx;

static int num_lookup(void *p, const char *key, const char **str, long *num)
{
    (void)str;
    if (strcmp(key, "n") != 0)
        return 0;
    *num = ((num_ctx *)p)->n;
    return 1;
}

/* Sets the caption, numbering the table; returns its label ("Table 4"),
 * or NULL. */
static const char *caption(ctx *c, galley *g, const tspec *t, frame f)
{
    const style_table *tb = &c->t->table;
    const char *number = t->number;
    int numbered = number ? strcmp(number, "none") != 0 : tb->numbered;
    const char *label = NULL;
    if (numbered && tb->label) {
        if (number && strcmp(number, "auto") != 0) {
            /* a literal number is printed in the label's place */
            label = number;
            const char *brace = strchr(tb->label, '{');
            if (brace)
                label = arena_printf(c->a, "%.*s%s%s", (int)(brace - tb->label), tb->label, number,
                                     strchr(brace, '}') ? strchr(brace, '}') + 1 : "");
        } else {
            num_ctx nc = { ++c->table_counter };
            label = label_expand(c->a, tb->label, num_lookup, &nc);
        }
    }
    if (!t->caption && !label && !t->headnote)
        return NULL;
    const char *prefix = label ? arena_printf(c->a, "%s%s", label, t->caption ? tb->separator : "")
                               : NULL;
    gline *before = g->last;
    if (t->caption)
        lay_paragraph(c, g, t->caption, tb->caption_style, f, prefix, tb->caption_style, ROLE_BODY, 0);
    else if (prefix)
        lay_plain(c, g, prefix, tb->caption_style, f, t->src, ROLE_BODY);
    if (t->headnote)
        lay_paragraph(c, g, t->headnote, tb->headnote_style, f, NULL, 0, ROLE_BODY, 0);
    for (gline *l = gal_since(g, before); l; l = l->next)
        l->keep_next = 1;
    return label;
}

/* The caption as a page the table is continued on repeats it: label and
 * plain text with the template's "(continued)", set apart; NULL when the
 * table has no caption or the template no such words. */
static gline *continued_caption(ctx *c, const tspec *t, frame f, const char *label, gline **last)
{
    const style_table *tb = &c->t->table;
    if (!tb->continued || (!t->caption && !label))
        return NULL;
    const char *text = t->caption ? model_text(c->a, t->caption) : "";
    while (*text == ' ')
        text++;
    const char *s = arena_printf(c->a, "%s%s%s%s", label ? label : "", label && *text ? tb->separator : "", text,
                                 tb->continued);
    galley cg = gal_child(NULL);
    lay_plain(c, &cg, s, tb->caption_style, f, t->src, ROLE_ARTIFACT);
    /* a caption taller than a quarter of a page is not repeated: the
     * pages after would hold little else */
    double h = 0, page = c->t->page_height - c->t->margin_top - c->t->margin_bottom;
    for (const gline *l = cg.first; l; l = l->next)
        h += l->height + l->space_before;
    if (h > page / 4)
        return NULL;
    *last = cg.last;
    return cg.first;
}

/* ---- the table ---------------------------------------------------------------- */

/* The type scale at which the table's words fit f's measure at the
 * narrowest padding: f's own when they fit already. A table with more
 * columns than the measure holds is set smaller, down to the template's
 * smallest scale, before any word is broken inside a cell, or a column
 * of short labels (a third of the measure or less) is squeezed to under
 * half its natural width: a row label of one word a line beside a year
 * of monthly figures. With share, the columns are those of the tables
 * it shares widths with. */
static double words_scale(ctx *c, grid *g, frame f, int share)
{
    const style_table *tb = &c->t->table;
    double content = 0, avail = lay_text_width(c) - f.left - f.right;
    double *mins = mem_alloc((size_t)g->ncols, sizeof *mins);
    double *maxs = mem_alloc((size_t)g->ncols, sizeof *maxs);
    for (int i = 0; i < g->nslots; i++) {
        const slot *s = &g->slots[i];
        if (s->cell->colspan != 1)
            continue;
        if (s->ext.min > mins[s->col])
            mins[s->col] = s->ext.min;
        if (s->ext.max > maxs[s->col])
            maxs[s->col] = s->ext.max;
    }
    if (share)
        shared_widths(c, g, mins, maxs, f.scale);
    for (int k = 0; k < g->ncols; k++)
        content += least_width(mins[k], maxs[k], avail);
    free(mins);
    free(maxs);
    double room = avail - 2 * g->ncols * tb->pad_x_min;   /* what the words may take */
    return content > room && room > 0 ? f.scale * room / content : f.scale;
}

/* Whether table t is too wide for an upright page even at the
 * template's smallest type: it is then set on a page turned on its side. */
static int too_wide(ctx *c, const tspec *t, frame f)
{
    grid g = { .spec = t };
    if (c->landscape || place_cells(c, &g) <= 0)
        return 0;
    measure_cells(c, &g, f);
    return words_scale(c, &g, f, 0) < c->t->table.min_scale;
}

void table_set(ctx *c, galley *gal, const tspec *t, frame f)
{
    const style_table *tb = &c->t->table;
    grid g = { .spec = t };
    gal_add_space(gal, tb->space_before);
    gline *opening = gal->last;
    const char *label = caption(c, gal, t, f);
    if (place_cells(c, &g) <= 0)
        return;
    choose_alignment(c, &g);
    measure_cells(c, &g, f);
    frame cells = f;
    double fit = words_scale(c, &g, f, 1);
    if (fit < f.scale && tb->min_scale < 1) {
        cells.scale = fit * 0.999 < tb->min_scale ? tb->min_scale : fit * 0.999;
        measure_cells(c, &g, cells);
    }
    decimal_pads(c, &g, cells);
    column_widths(c, &g, cells);
    for (int i = 0; i < g.nslots; i++)
        set_cell(c, gal, &g, &g.slots[i], cells);
    row_heights(c, &g);
    g.left = c->t->margin_left + f.left;
    gal_run *geom = arena_alloc(c->a, sizeof *geom);
    geom->x0 = g.left;
    geom->x1 = g.left + g.x[g.ncols];
    geom->width = tb->frame > 0 ? tb->frame : tb->rule;   /* at a page's foot */
    geom->color = tb->rule_color;
    geom->parts = t->parts;
    gline *cap_last = NULL;
    geom->caption = continued_caption(c, t, f, label, &cap_last);
    geom->caption_last = cap_last;
    geom->caption_gap = c->t->styles[tb->caption_style].space_after;
    const gal_sub *sub = NULL;
    gline *first = NULL, *tail = NULL;
    /* the ends of the first, the last and the one-but-last body rows, and
     * the heights of the first two and the last two */
    gline *first_body_end = NULL, *last_body_end = NULL, *before_last_body_end = NULL;
    double h_first2 = 0, h_last = 0, h_last2 = 0;
    int body_rows = 0;
    int body_index = 0;
    /* heading rows are repeated on each page the table runs onto, unless
     * they would take more than half of it */
    double page = c->t->page_height - c->t->margin_top - c->t->margin_bottom, head_h = 0;
    for (int r = 0; r < g.nrows;) {
        int end = band_group_end(&g, r);
        int head = t->rows[r].kind == TROW_HEAD;
        int subhead = t->rows[r].kind == TROW_SUBHEAD;
        gline *from = tail;
        double left = page - (head_h <= page / 2 ? head_h : 0);
        gline *start = end == r ? band_row(c, &g, geom, r, body_index, &tail)
                                : band_group(c, &g, geom, r, end, body_index, left, &tail);
        if (!first)
            first = start;
        if (!head)
            body_index += end - r + 1;
        for (gline *l = from ? from->next : first; l && head; l = l->next)
            head_h += l->height;
        /* a row parts between its lines where the page's foot meets it
         * (band.c keeps its first and last lines in pairs); a header or
         * a heading inside the body stays whole, with the first row
         * under it */
        if (subhead) {
            /* the rows under a heading row are continued under it: a copy
             * as built (placing a band moves its items onto a page) */
            gal_sub *s = arena_alloc(c->a, sizeof *s);
            s->first = gal_copy_lines(c->a, from ? from->next : first, tail, 0);
            sub = s;
        }
        for (gline *l = from ? from->next : first; l; l = l->next) {
            l->run_head = head;
            l->sub = sub;
            l->sub_head = subhead;
            if (head || subhead)
                l->keep_next = 1;
        }
        if (!head && !subhead) {
            double h = 0;
            for (gline *l = from ? from->next : first; l; l = l->next)
                h += l->height;
            if (body_rows < 2)
                h_first2 += h;
            h_last2 = h_last + h;
            h_last = h;
            if (!first_body_end)
                first_body_end = tail;
            before_last_body_end = last_body_end;
            last_body_end = tail;
            body_rows++;
        }
        r = end + 1;
    }
    /* no short row stands alone on a page: the first body row goes with
     * the second, the last with the one before it, where the two take no
     * more than a third of a page (taller rows break between themselves
     * rather than inside) */
    double third = (c->t->page_height - c->t->margin_top - c->t->margin_bottom) / 3;
    if (body_rows > 1 && h_first2 <= third)
        first_body_end->keep_next = 1;
    if (before_last_body_end && h_last2 <= third)
        before_last_body_end->keep_next = 1;
    if (!first)
        return;
    gline *last_head = NULL;
    for (gline *l = first; l && l->run_head; l = l->next)
        last_head = l;
    if (last_head) {
        /* the header's copies end where the body starts */
        if (tb->frame > 0)
            gal_line_add(last_head, band_rule(c, geom->x0, geom->x1, -last_head->height,
                                         -last_head->height, tb->frame, tb->rule_color));
        last_head->run_head = 2;
        if (head_h <= page / 2)
            geom->head = gal_copy_head(c->a, first);
    }
    if (tb->frame > 0) {
        gal_line_add(first, band_rule(c, geom->x0, geom->x1, 0, 0, tb->frame, tb->rule_color));
        gal_line_add(tail, band_rule(c, geom->x0, geom->x1, -tail->height, -tail->height, tb->frame,
                                tb->rule_color));
    }
    gal_append(gal, first, tail);
    if (t->src)
        anchor_add(c, gal, opening, t->src, label, t->caption ? model_text(c->a, t->caption) : "", 0);
    gal_add_space(gal, tb->space_after);
}

/* ---- <table> ------------------------------------------------------------------ */

static int count_children(const model_node *n, model_kind kind)
{
    int k = 0;
    for (const model_node *ch = n->first; ch; ch = ch->next)
        k += ch->kind == kind;
    return k;
}

static style_align align_attr(const model_node *n)
{
    const char *a = model_attr_get(n, "align");
    if (!a)
        return LAY_NO_ALIGN;
    if (strcmp(a, "right") == 0) return ALIGN_RIGHT;
    if (strcmp(a, "center") == 0) return ALIGN_CENTER;
    if (strcmp(a, "justify") == 0) return ALIGN_JUSTIFY;
    return ALIGN_LEFT;
}

static void add_rows(ctx *c, tspec *t, const model_node *parent, trow_kind kind,
                     const char *empty)
{
    for (const model_node *r = parent->first; r; r = r->next) {
        if (r->kind != M_ROW)
            continue;
        trow *row = &t->rows[t->nrows++];
        row->src = r;
        row->kind = kind;
        const char *k = model_attr_get(r, "kind");
        if (k && kind == TROW_BODY)
            row->kind = strcmp(k, "total") == 0     ? TROW_TOTAL
                        : strcmp(k, "heading") == 0 ? TROW_SUBHEAD
                                                    : TROW_SUBTOTAL;
        row->cells = arena_alloc(c->a, sizeof *row->cells * (size_t)count_children(r, M_CELL));
        for (const model_node *cl = r->first; cl; cl = cl->next) {
            if (cl->kind != M_CELL)
                continue;
            tcell *cell = &row->cells[row->ncells++];
            cell->content = cl;
            cell->src = cl;
            const char *cs = model_attr_get(cl, "colspan"), *rs = model_attr_get(cl, "rowspan");
            cell->colspan = cs ? atoi(cs) : 1;
            cell->rowspan = rs ? atoi(rs) : 1;
            if (cell->colspan < 1 || cell->colspan > TABLE_MAX_COLS)
                cell->colspan = 1;
            if (cell->rowspan < 1)
                cell->rowspan = 1;
            cell->align = align_attr(cl);
            if (!cl->first && empty && row->kind != TROW_HEAD && row->kind != TROW_SUBHEAD) {
                cell->content = NULL;
                cell->text = empty;
                cell->empty_mark = 1;
            }
        }
    }
}

void table_block(ctx *c, galley *g, const model_node *n, frame f)
{
    tspec t = { .src = n, .number = model_attr_get(n, "number") };
    const char *w = model_attr_get(n, "width");
    t.full_width = w && strcmp(w, "full") == 0;
    t.caption = model_child(n, M_CAPTION);
    t.headnote = model_child(n, M_HEADNOTE);
    for (int k = 0; k < TABLE_MAX_COLS; k++)
        t.col_align[k] = LAY_NO_ALIGN;
    const model_node *cols = model_child(n, M_COLUMNS);
    int k = 0;
    for (const model_node *col = cols ? cols->first : NULL; col && k < TABLE_MAX_COLS; col = col->next, k++) {
        t.col_align[k] = align_attr(col);
        t.col_src[k] = col;
        /* a percentage is kept as a fraction (negative), sized when the
         * table's measure is known */
        const char *given = model_attr_get(col, "width");
        t.col_width[k] = given && strchr(given, '%') ? -lay_length(given, 1) : lay_length(given, 1);
    }
    const model_node *head = model_child(n, M_HEAD), *body = model_child(n, M_BODY);
    int nrows = count_children(n, M_ROW) + (head ? count_children(head, M_ROW) : 0) +
                (body ? count_children(body, M_ROW) : 0);
    t.rows = arena_alloc(c->a, sizeof *t.rows * (size_t)(nrows + 1));
    const char *empty = model_attr_get(n, "empty");
    if (head)
        add_rows(c, &t, head, TROW_HEAD, empty);
    add_rows(c, &t, body ? body : n, TROW_BODY, empty);
    const char *orientation = model_attr_get(n, "orientation");
    if (!orientation && too_wide(c, &t, f)) {
        gline *before = g->last;
        lay_turn(c);
        table_set(c, g, &t, f);
        lay_turn(c);
        for (gline *l = gal_since(g, before); l; l = l->next)
            l->landscape = 1;
        return;
    }
    table_set(c, g, &t, f);
}
