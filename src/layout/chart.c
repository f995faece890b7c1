/* chart.c - bar, grouped bar, stacked bar, line and pie charts, drawn
 * as vectors from data given in the chart or taken from a table's columns.
 *
 * Scales have round tick values (1, 2, 2.5 or 5 times a power of ten).
 * Series are told apart by colour and, for readers in greyscale or with
 * colour-blind eyes, by a marker shape (lines) or an outline and the
 * order of a legend (bars, slices). Every size, colour and font comes
 * from the template's <chart>. A chart is one unbreakable block.
 */
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "anchor.h"
#include "measure.h"
#include "para.h"
#include "text.h"
#include "mem.h"

#define CHART_PI 3.14159265358979323846
#define CHART_MAX_SERIES 8
#define CHART_MAX_CATS 64
/* Figures a chart shows: below a thousand million million in size (so
 * that sums of eight series stay exact in a label), steps of its scale
 * at least a millionth of a millionth. */
#define CHART_MAX_FIGURE 1e15
#define CHART_MIN_STEP 1e-12
/* Lines a category's name may take under the plot. */
#define CHART_MAX_NAME_LINES 4
/* The thinnest pie slice drawn, in degrees (a hundredth of a degree is
 * under a thousandth of a point at the rim; the PDF library's arcs fail
 * below about a millionth). */
#define CHART_MIN_SWEEP 0.01

typedef struct series {
    const char *name;
    double v[CHART_MAX_CATS];
} series;

typedef struct data {
    const char *cat[CHART_MAX_CATS];
    int ncat;
    series s[CHART_MAX_SERIES];
    int nseries;
} data;

void chart_ticks(double lo, double hi, int target, double *start, double *end, double *step)
{
    if (hi <= lo)
        hi = lo + 1;
    double raw = (hi - lo) / (target > 1 ? target : 1);
    if (!(raw >= CHART_MIN_STEP))
        raw = CHART_MIN_STEP;       /* figures too close to 0 to tell apart */
    double mag = pow(10, floor(log10(raw)));
    static const double nice[] = { 1, 2, 2.5, 5, 10 };
    double s = mag * 10;
    for (int k = 0; k < 5; k++)
        if (raw <= nice[k] * mag + 1e-12) {
            s = nice[k] * mag;
            break;
        }
    *step = s;
    *start = floor(lo / s + 1e-9) * s;
    *end = ceil(hi / s - 1e-9) * s;
    if (*end <= *start)
        *end = *start + s;          /* figures within a step of each other */
}

/* ---- data ---------------------------------------------------------------------- */

/* A number from a cell or a list: "28.9", "1,831", "-20", "15.8%".
 * Returns 1, or 0 with why set ("is not a number", "is too large"). */
static int number(const char *s, double *out, const char **why)
{
    char buf[64];
    size_t n = 0;
    for (; *s && n + 1 < sizeof buf; s++)
        if (*s != ',' && *s != ' ' && *s != '%' && *s != '\n')
            buf[n++] = *s;
    buf[n] = '\0';
    char *end;
    double v = strtod(buf, &end);
    *why = "is not a number";
    if (end == buf || *end || !isfinite(v))
        return 0;
    *why = "is too large for a chart (at most a thousand million million either way)";
    if (fabs(v) >= CHART_MAX_FIGURE)
        return 0;
    *out = v;
    return 1;
}

static const char *trim(arena *a, const char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    return arena_strndup(a, s, n);
}

static int from_inline(ctx *c, const model_node *n, data *d)
{
    const model_node *cats = model_child(n, M_CATEGORIES);
    if (cats) {
        char *list = (char *)model_text(c->a, cats), *save = NULL;
        for (char *tok = strtok_r(list, "|", &save); tok && d->ncat < CHART_MAX_CATS;
             tok = strtok_r(NULL, "|", &save))
            d->cat[d->ncat++] = trim(c->a, tok);
    }
    for (const model_node *s = n->first; s; s = s->next) {
        if (s->kind != M_SERIES || d->nseries == CHART_MAX_SERIES)
            continue;
        series *se = &d->s[d->nseries++];
        se->name = model_attr_get(s, "name");
        char *list = (char *)model_text(c->a, s), *save = NULL;
        int k = 0;
        for (char *tok = strtok_r(list, "| \t", &save); tok && k < CHART_MAX_CATS;
             tok = strtok_r(NULL, "| \t", &save)) {
            const char *why;
            if (!number(tok, &se->v[k], &why)) {
                diag_error(c->dg, s->file, s->line, s->col, "<series> '%s': '%s' %s", se->name, tok, why);
                return 0;
            }
            k++;
        }
        if (k != d->ncat) {
            diag_error(c->dg, s->file, s->line, s->col, "<series> '%s' has %d values for %d categories",
                       se->name, k, d->ncat);
            return 0;
        }
    }
    return 1;
}

/* The n-th cell (1-based) of a row, or NULL. */
static const model_node *cell_at(const model_node *row, int n)
{
    for (const model_node *cl = row->first; cl; cl = cl->next)
        if (cl->kind == M_CELL && --n == 0)
            return cl;
    return NULL;
}

static int from_table(ctx *c, const model_node *n, data *d)
{
    const char *id = model_attr_get(n, "data");
    const model_node *t = anchor_target(c, id);
    if (!t || t->kind != M_TABLE) {
        diag_error(c->dg, n->file, n->line, n->col, "<chart> data='%s': no table has that id", id);
        return 0;
    }
    const model_node *head = model_child(t, M_HEAD), *body = model_child(t, M_BODY);
    const model_node *head_row = head ? model_child(head, M_ROW) : NULL;
    const char *cols = model_attr_get(n, "columns");
    const char *rows = model_attr_get(n, "rows");
    int r0 = 1, r1 = 1 << 20;
    if (rows && sscanf(rows, "%d-%d", &r0, &r1) < 1) {
        diag_error(c->dg, n->file, n->line, n->col, "<chart> rows='%s' is not a range such as 1-5", rows);
        return 0;
    }
    int want[CHART_MAX_SERIES], nw = 0;
    char *list = arena_strdup(c->a, cols ? cols : "2"), *save = NULL;
    for (char *tok = strtok_r(list, " ,", &save); tok && nw < CHART_MAX_SERIES; tok = strtok_r(NULL, " ,", &save)) {
        want[nw] = atoi(tok);
        if (want[nw] < 1) {
            diag_error(c->dg, n->file, n->line, n->col, "<chart> columns='%s': columns are numbered from 1", cols);
            return 0;
        }
        nw++;
    }
    for (int k = 0; k < nw; k++) {
        const model_node *h = head_row ? cell_at(head_row, want[k]) : NULL;
        d->s[k].name = h ? trim(c->a, model_text(c->a, h)) : "";
    }
    d->nseries = nw;
    int r = 0;
    for (const model_node *row = (body ? body : t)->first; row; row = row->next) {
        if (row->kind != M_ROW || model_attr_get(row, "kind"))
            continue;               /* totals are not data points */
        if (++r < r0 || r > r1 || d->ncat == CHART_MAX_CATS)
            continue;
        const model_node *first = cell_at(row, 1);
        d->cat[d->ncat] = first ? trim(c->a, model_text(c->a, first)) : "";
        for (int k = 0; k < nw; k++) {
            const model_node *cl = cell_at(row, want[k]);
            const char *why = "is not a number";
            if (!cl || !number(model_text(c->a, cl), &d->s[k].v[d->ncat], &why)) {
                diag_error(c->dg, row->file, row->line, row->col,
                           "<chart> takes column %d of this row, whose figure %s", want[k],
                           cl ? why : "is missing");
                return 0;
            }
        }
        d->ncat++;
    }
    if (d->ncat == 0)
        diag_error(c->dg, n->file, n->line, n->col, "<chart> takes no rows of table '%s' (rows='%s')", id,
                   rows ? rows : "");
    return d->ncat > 0;
}

/* ---- drawing ------------------------------------------------------------------ */

typedef struct canvas {
    ctx *c;
    frame f;                        /* where the chart stands (its text's scale) */
    const style_chart *st;
    gline *band;
    double x0;                      /* left edge of the chart, absolute */
    double width;                   /* of the chart */
    double size;                    /* of its text */
    int lines;                      /* a line chart (markers in the legend) */
    const model_node *node;         /* the chart, for the structure of the PDF */
} canvas;

static dl_item *put(canvas *cv, dl_kind kind)
{
    dl_item *it = lay_item(cv->c, kind, ROLE_ARTIFACT);
    it->src = cv->node;
    gal_line_add(cv->band, it);
    return it;
}

/* Chart coordinates: x from the chart's left, y up from its bottom; the
 * band's items are relative to its top, so y becomes y - height. */
static void seg(canvas *cv, double x0, double y0, double x1, double y1, double width, uint32_t color)
{
    dl_item *it = put(cv, DL_RULE);
    it->x = cv->x0 + x0;
    it->y = y0 - cv->band->height;
    it->x2 = cv->x0 + x1;
    it->y2 = y1 - cv->band->height;
    it->line_width = width;
    it->color = color;
}

static double text_w(canvas *cv, const char *s)
{
    return lay_measure_text(cv->c, cv->f, s, cv->st->text_style).max;
}

/* Text with its left at x (align 0), centred (1) or right-aligned (2). */
static void text(canvas *cv, const char *s, double x, double y, int align)
{
    const style_block *sb = &cv->c->t->styles[cv->st->text_style];
    font *f = style_face(cv->c->t, sb->family, style_face_index(sb->bold, sb->italic), cv->c->dg);
    if (!f || !*s)
        return;
    dl_item *it = lay_text_item(cv->c, ROLE_BODY, f, sb->size, sb->color, s);
    it->src = cv->node;
    gal_line_add(cv->band, it);
    it->x = cv->x0 + x - (align == 1 ? it->w / 2 : align == 2 ? it->w : 0);
    it->y = y - cv->band->height;
}

/* A category's name cut into lines no wider than width, words kept
 * whole; returns the number of lines (at least 1), written to lines
 * (at most max) when lines is not NULL. */
static int wrap_label(canvas *cv, const char *s, double width, const char **lines, int max)
{
    int n = 0;
    const char *p = s;
    while (*p == ' ')
        p++;
    while (*p) {
        /* take words while the line stays within width; always one */
        const char *end = p + strcspn(p, " "), *best = end;
        while (*end) {
            const char *next = end;
            while (*next == ' ')
                next++;
            if (!*next)
                break;
            next += strcspn(next, " ");
            char *trial = arena_strndup(cv->c->a, p, (size_t)(next - p));
            if (text_w(cv, trial) > width)
                break;
            best = end = next;
        }
        if (lines && n < max)
            lines[n] = arena_strndup(cv->c->a, p, (size_t)(best - p));
        n++;
        p = best;
        while (*p == ' ')
            p++;
    }
    return n > 0 ? n : 1;
}

/* Series after the first are hatched as well as coloured, so that bars
 * and slices stay apart in greyscale print. */
static int hatch_of(int k)
{
    static const int pattern[] = { 0, 1, 2, 3 };
    return pattern[k % 4];
}

static dl_item *hatched(canvas *cv, dl_item *it, int k)
{
    it->hatch = hatch_of(k);
    it->hatch_step = cv->st->hatch_step;
    it->hatch_width = cv->st->hatch_width;
    return it;
}

static dl_item *rect(canvas *cv, double x, double y, double w, double h, uint32_t fill)
{
    dl_item *it = put(cv, DL_RECT);
    it->x = cv->x0 + x;
    it->y = y - cv->band->height;
    it->w = w;
    it->h = h;
    it->filled = 1;
    it->color = fill;
    it->line_width = cv->st->outline;
    it->stroke = cv->st->axis_color;
    return it;
}

/* A series' marker: circle-like octagon, square, diamond, triangle... */
static void marker(canvas *cv, int k, double x, double y, uint32_t color)
{
    static const int sides[] = { 8, 4, 4, 3, 8, 4, 4, 3 };
    static const double turn[] = { 22.5, 45, 0, 90, 22.5, 45, 0, -90 };
    int n = sides[k % 8];
    double r = cv->st->marker / 2;
    double *pts = arena_alloc(cv->c->a, sizeof(double) * 2 * (size_t)n);
    for (int i = 0; i < n; i++) {
        double a = (turn[k % 8] + 360.0 * i / n) * CHART_PI / 180;
        pts[2 * i] = r * cos(a);
        pts[2 * i + 1] = r * sin(a);
    }
    dl_item *it = put(cv, DL_PATH);
    it->x = cv->x0 + x;
    it->y = y - cv->band->height;
    it->pts = pts;
    it->npts = n;
    it->closed = 1;
    it->filled = k < 4;             /* later series: hollow markers */
    it->color = color;
    it->line_width = cv->st->line;
    it->stroke = color;
}

static uint32_t colour_of(const style_chart *st, int k)
{
    return st->palette[k % st->npalette];
}

/* A whole number with commas between thousands, of any size a chart
 * shows (the sum of eight series can pass what an amount holds). */
static void whole_number(char *buf, size_t size, double v)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%.0f", fabs(v));
    size_t k = 0;
    if (v <= -0.5 && k + 1 < size)
        buf[k++] = '-';
    for (int i = 0; i < n && k + 2 < size; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
}

/* v as a message writes it. */
static const char *value_text(ctx *c, double v)
{
    char buf[48];
    if (fabs(v - round(v)) < 1e-9 || fabs(v) >= 1e12)  /* whole: 1,831 */
        whole_number(buf, sizeof buf, v);
    else
        snprintf(buf, sizeof buf, "%.1f", v);
    return arena_strdup(c->a, buf);
}

/* v as the chart prints it: a negative one with the template's minus. */
static const char *format_value(ctx *c, double v)
{
    const char *s = value_text(c, v);
    size_t n = strlen(s);
    return lay_minus(c, s, &n);
}

/* The width a legend entry takes. */
static double entry_width(canvas *cv, const char *name)
{
    return cv->st->marker + cv->st->gap + text_w(cv, name) + 3 * cv->st->gap;
}

/* The legend under the plot: each series' (a pie's: each slice's)
 * swatch or marker and name, in rows. With rows NULL it goes into the
 * chart's band, rows from the bottom up; else each row is a band of its
 * own, top down, appended to *rows (a legend too tall for the chart,
 * which may then part between pages). Returns the height it takes. */
static double legend(canvas *cv, const data *d, int pie, gline **rows)
{
    const style_chart *st = cv->st;
    double x = 0, h = cv->size + st->gap, y = cv->size * 0.4;
    int n = pie ? d->ncat : d->nseries;
    gline *chart = cv->band, **tail = rows;
    for (int k = 0; k < n; k++) {
        const char *name = pie ? d->cat[k] : d->s[k].name;
        double w = entry_width(cv, name);
        if (x + w > cv->width && x > 0) {
            x = 0;
            y += h;
        }
        if (rows && (x == 0 || k == 0)) {
            /* a new row: a band of its own */
            gline *row = arena_alloc(cv->c->a, sizeof *row);
            row->height = h;
            *tail = row;
            tail = &row->next;
            cv->band = row;
        }
        double at = rows ? cv->size * 0.4 : y;
        if (!pie && cv->lines)
            marker(cv, k, x + st->marker / 2, at + cv->size / 3, colour_of(st, k));
        else
            hatched(cv, rect(cv, x, at - 1, st->marker, st->marker, colour_of(st, k)), k);
        text(cv, name, x + st->marker + st->gap, at, 0);
        x += w;
    }
    cv->band = chart;
    return y + h;
}

/* The height the legend would take in the chart. */
static double legend_height(canvas *cv, const data *d, int pie)
{
    double x = 0, h = cv->size + cv->st->gap, y = cv->size * 0.4;
    int n = pie ? d->ncat : d->nseries;
    for (int k = 0; k < n; k++) {
        double w = entry_width(cv, pie ? d->cat[k] : d->s[k].name);
        if (x + w > cv->width && x > 0) {
            x = 0;
            y += h;
        }
        x += w;
    }
    return y + h;
}

/* Makes the chart taller so that its plot keeps at least half the
 * template's height above what is under it (a long legend, names in
 * several lines): what is drawn already moves down with the bottom. */
static void keep_plot(canvas *cv, double under)
{
    double least = cv->st->height / 2, plot = cv->band->height - under;
    if (plot >= least)
        return;
    double grow = least - plot;
    for (dl_item *it = cv->band->first; it; it = it->next) {
        it->y -= grow;
        it->y2 -= grow;
    }
    cv->band->height += grow;
}

static void axes(canvas *cv, double left, double bottom, double w, double h, double lo, double hi,
                 double step, const char *y_label)
{
    const style_chart *st = cv->st;
    for (double v = lo; v <= hi + step / 2; v += step) {
        double y = bottom + (v - lo) / (hi - lo) * h;
        if (st->grid > 0 && fabs(v) > 1e-12)
            seg(cv, left, y, left + w, y, st->grid, st->grid_color);
        seg(cv, left - st->tick, y, left, y, st->axis, st->axis_color);
        text(cv, format_value(cv->c, fabs(v) < 1e-12 ? 0 : v), left - st->tick - st->gap / 2,
             y - cv->size / 3, 2);
    }
    double zero = lo < 0 && hi > 0 ? bottom + (0 - lo) / (hi - lo) * h : bottom;
    seg(cv, left, bottom, left, bottom + h, st->axis, st->axis_color);
    seg(cv, left, zero, left + w, zero, st->axis, st->axis_color);
    if (y_label && *y_label)
        text(cv, y_label, left, bottom + h + cv->size, 0);
}

void chart_block(ctx *c, galley *g, const model_node *n, frame f)
{
    const style_chart *stp = &c->t->chart;
    const char *type = model_attr_get(n, "type");
    data *d = mem_alloc(1, sizeof *d);
    int ok = model_attr_get(n, "data") ? from_table(c, n, d) : from_inline(c, n, d);
    if (!ok || d->ncat == 0 || d->nseries == 0) {
        if (ok)
            diag_error(c->dg, n->file, n->line, n->col, "<chart> has no data to draw");
        c->failed = 1;
        free(d);
        return;
    }
    gline *before = g->last;
    const model_node *cap = model_child(n, M_CAPTION);
    if (cap)
        lay_paragraph(c, g, cap, c->t->table.caption_style, f, NULL, 0, ROLE_BODY, 0);
    gline *band = arena_alloc(c->a, sizeof *band);
    band->height = stp->height;
    canvas cv = { c, f, stp, band, c->t->margin_left + f.left, lay_text_width(c) - f.left - f.right,
                  c->t->styles[stp->text_style].size, strcmp(type, "line") == 0, n };
    int pie = strcmp(type, "pie") == 0, stacked = strcmp(type, "stacked-bar") == 0;
    int show_values = model_attr_get(n, "values") && strcmp(model_attr_get(n, "values"), "yes") == 0;
    /* the legend first: the plot takes the height left above it */
    /* a legend taller than half the chart goes under it in rows of its own */
    gline *rows = NULL;
    double plot_bottom = legend_height(&cv, d, pie) > stp->height / 2
                       ? (legend(&cv, d, pie, &rows), 0) + cv.size * 0.5
                       : legend(&cv, d, pie, NULL) + cv.size * 0.5;
    if (pie) {
        double total = 0;
        for (int k = 0; k < d->ncat; k++) {
            total += d->s[0].v[k] > 0 ? d->s[0].v[k] : 0;
            if (d->s[0].v[k] < 0)
                diag_warning(c->dg, n->file, n->line, n->col,
                             "<chart> pie: '%s' is %s, and a share below zero has no slice",
                             d->cat[k], value_text(c, d->s[0].v[k]));
        }
        keep_plot(&cv, plot_bottom + cv.size);
        double r = (band->height - plot_bottom - cv.size) / 2;
        double cx = cv.width / 2, cy = plot_bottom + r, a = 0;
        for (int k = 0; k < d->ncat && total > 0; k++) {
            double v = d->s[0].v[k] > 0 ? d->s[0].v[k] : 0, sweep = 360 * v / total;
            if (sweep < CHART_MIN_SWEEP) {
                a += sweep;
                continue;           /* nothing to draw for a nil share, or one too thin to see */
            }
            dl_item *it = put(&cv, DL_WEDGE);
            it->x = cv.x0 + cx;
            it->y = cy - band->height;
            it->w = r;
            it->a0 = a;
            it->a1 = a + sweep;
            it->color = colour_of(stp, k);
            it->filled = 1;
            it->line_width = stp->outline;
            it->stroke = 0xFFFFFF;
            hatched(&cv, it, k);
            if (show_values && sweep > 12) {
                /* outside the slice, leaning away from the pie */
                double mid = (a + sweep / 2) * CHART_PI / 180, sx = sin(mid);
                text(&cv, format_value(c, v), cx + r * 1.08 * sx, cy + r * 1.1 * cos(mid) - 3,
                     sx > 0.2 ? 0 : sx < -0.2 ? 2 : 1);
            }
            a += sweep;
        }
    } else {
        /* the scale: every figure, or for stacked bars the height of
         * each bar's figures above zero and the depth of those below */
        double lo = 0, hi = 0;
        for (int k = 0; k < d->ncat; k++) {
            double up = 0, down = 0;
            for (int s = 0; s < d->nseries; s++) {
                double v = d->s[s].v[k];
                if (stacked) {
                    if (v > 0) up += v; else down += v;
                } else {
                    up = fmax(up, v);
                    down = fmin(down, v);
                }
            }
            hi = fmax(hi, up);
            lo = fmin(lo, down);
        }
        double start, end, step;
        chart_ticks(lo, hi, 5, &start, &end, &step);
        double label_w = 0;
        for (double v = start; v <= end + step / 2; v += step) {
            double w = text_w(&cv, format_value(c, v));
            if (w > label_w)
                label_w = w;
        }
        double left = label_w + stp->tick + stp->gap;
        double w = cv.width - left - 4, slot = w / d->ncat;
        /* names too wide for their slot take more lines, and the plot
         * stands higher; figures under bars below zero get a line too */
        int name_lines = 1;
        for (int k = 0; k < d->ncat; k++) {
            int n_k = wrap_label(&cv, d->cat[k], slot - stp->gap, NULL, 0);
            if (n_k > name_lines)
                name_lines = n_k;
        }
        if (name_lines > CHART_MAX_NAME_LINES)
            name_lines = CHART_MAX_NAME_LINES;
        double names = cv.size * (1.6 + 1.2 * (name_lines - 1));
        double under = show_values && lo < 0 && !stacked ? cv.size * 1.2 : 0;
        double bottom = plot_bottom + names + under;
        keep_plot(&cv, bottom + cv.size * 2);
        double h = band->height - bottom - cv.size * 2;
        axes(&cv, left, bottom, w, h, start, end, step, model_attr_get(n, "y-label"));
        for (int k = 0; k < d->ncat; k++) {
            double cx = left + slot * (k + 0.5);
            const char *lines[CHART_MAX_NAME_LINES];
            int nl = wrap_label(&cv, d->cat[k], slot - stp->gap, lines, CHART_MAX_NAME_LINES);
            for (int i = 0; i < nl && i < CHART_MAX_NAME_LINES; i++) {
                /* a name longer still keeps its last words on its last line */
                const char *line = lines[i];
                if (i == CHART_MAX_NAME_LINES - 1 && nl > CHART_MAX_NAME_LINES)
                    line = strstr(d->cat[k], line);
                text(&cv, line, cx, bottom - under - cv.size * 1.3 - i * cv.size * 1.2, 1);
            }
            if (cv.lines)
                continue;
            int groups = stacked ? 1 : d->nseries;
            double bw = slot * stp->bar_width / groups, x0 = cx - slot * stp->bar_width / 2;
            /* a stacked bar grows up from zero with the figures above it
             * and down with those below */
            double up = 0, down = 0, x = x0;
            double seg0[CHART_MAX_SERIES], seg1[CHART_MAX_SERIES];
            for (int s = 0; s < d->nseries; s++) {
                double v = d->s[s].v[k], from = 0;
                if (stacked) {
                    from = v > 0 ? up : down;
                    if (v > 0) up += v; else down += v;
                }
                double y0 = bottom + (from - start) / (end - start) * h;
                double y1 = bottom + (from + v - start) / (end - start) * h;
                seg0[s] = fmin(y0, y1);
                seg1[s] = fmax(y0, y1);
                hatched(&cv, rect(&cv, x, seg0[s], bw, seg1[s] - seg0[s], colour_of(stp, s)), s);
                if (show_values && !stacked)    /* beyond the bar's end */
                    text(&cv, format_value(c, v), x + bw / 2, v < 0 ? seg0[s] - cv.size - 1 : seg1[s] + 2, 1);
                if (!stacked)
                    x += bw;
            }
            /* a stacked figure goes inside its own part, over the parts
             * drawn after it; a part too thin to hold it goes without */
            for (int s = 0; stacked && show_values && s < d->nseries; s++) {
                if (seg1[s] - seg0[s] < cv.size * 1.3)
                    continue;
                const char *fig = format_value(c, d->s[s].v[k]);
                double y = (seg0[s] + seg1[s]) / 2 - cv.size * 0.35;
                if (stp->value_fill != STYLE_NONE) {
                    /* a patch of the page behind it, clear of the hatching */
                    double tw = text_w(&cv, fig), pad = cv.size * 0.25;
                    dl_item *bg = rect(&cv, x0 + bw / 2 - tw / 2 - pad, y - cv.size * 0.3, tw + 2 * pad,
                                       cv.size * 1.25, stp->value_fill);
                    bg->line_width = 0;
                }
                text(&cv, fig, x0 + bw / 2, y, 1);
            }
        }
        if (cv.lines)
            for (int s = 0; s < d->nseries; s++) {
                double px = 0, py = 0;
                for (int k = 0; k < d->ncat; k++) {
                    double x = left + slot * (k + 0.5);
                    double y = bottom + (d->s[s].v[k] - start) / (end - start) * h;
                    if (k > 0)
                        seg(&cv, px, py, x, y, stp->line, colour_of(stp, s));
                    px = x;
                    py = y;
                }
                for (int k = 0; k < d->ncat; k++) {
                    double x = left + slot * (k + 0.5);
                    double y = bottom + (d->s[s].v[k] - start) / (end - start) * h;
                    marker(&cv, s, x, y, colour_of(stp, s));
                    if (show_values)
                        text(&cv, format_value(c, d->s[s].v[k]), x, y + stp->marker, 1);
                }
            }
        const char *x_label = model_attr_get(n, "x-label");
        if (x_label)
            text(&cv, x_label, left + w / 2, bottom - under - names - cv.size, 1);
    }
    free(d);
    gal_add_space(g, c->t->table.space_before);
    gline *last = band;
    for (gline *row = rows; row; row = row->next) {
        last->next = row;
        last = row;
    }
    gal_append(g, band, last);
    for (gline *l = gal_since(g, before); l && l != last; l = l->next)
        l->keep_next = 1;           /* the caption and legend stay with their chart */
    lay_float(c, g, before, STYLE_FLOAT_CHART);
    gal_add_space(g, c->t->table.space_after);
}
