/* orgchart.c - the board's structure drawn as an organisation chart.
 *
 * Each unit is a box sized to its wrapped name; each unit's reports sit
 * in rows under it, centred, joined by orthogonal connectors (down from
 * the unit, along a bus, down into each report). A level too wide for the
 * page wraps onto further rows; the trunk to a further row runs down the
 * middle gap of the rows above it, which is why a wrapped row holds an
 * even number of boxes of one width. Subtrees take disjoint widths, so no
 * two boxes overlap. The chart is one unbreakable block.
 */
#include "orgchart.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "measure.h"
#include "para.h"
#include "mem.h"

typedef struct onode {
    const model_node *unit;
    struct onode **kids;
    int nkids;
    double w, h;                    /* the box */
    double text_h;                  /* its name's lines, centred in the box's height */
    gline *lines;                   /* its name, set */
    double tree_w, tree_h;          /* the subtree */
    int per_row;                    /* reports in each row */
    double x, y;                    /* box's top left, chart coordinates (y down) */
} onode;

typedef struct chart_ctx {
    ctx *c;
    frame f;                        /* where the chart stands */
    const style_orgchart *st;
    double avail;
    onode *nodes;
    int n;
    long measured, budget;          /* subtrees measured, and how many may be */
} chart_ctx;

typedef struct by_id {
    const char *id;
    onode *node;
} by_id;

static int compare_ids(const void *a, const void *b)
{
    return strcmp(((const by_id *)a)->id, ((const by_id *)b)->id);
}

/* Each unit's reports, in document order: a sort by id, then a lookup
 * per unit, so that a chart of thousands of units is linked at once. */
static void link_reports(chart_ctx *oc, onode **kids)
{
    by_id *ids = mem_alloc((size_t)oc->n, sizeof *ids);
    onode **up = mem_alloc((size_t)oc->n, sizeof *up);
    for (int i = 0; i < oc->n; i++)
        ids[i] = (by_id){ model_attr_get(oc->nodes[i].unit, "id"), &oc->nodes[i] };
    qsort(ids, (size_t)oc->n, sizeof *ids, compare_ids);
    for (int i = 0; i < oc->n; i++) {
        by_id key = { model_attr_get(oc->nodes[i].unit, "reports-to"), NULL };
        const by_id *hit = key.id ? bsearch(&key, ids, (size_t)oc->n, sizeof *ids, compare_ids) : NULL;
        up[i] = hit ? hit->node : NULL;
        if (up[i])
            up[i]->nkids++;
    }
    int used = 0;
    for (int i = 0; i < oc->n; i++) {
        oc->nodes[i].kids = kids + used;
        used += oc->nodes[i].nkids;
        oc->nodes[i].nkids = 0;
    }
    for (int i = 0; i < oc->n; i++)
        if (up[i])
            up[i]->kids[up[i]->nkids++] = &oc->nodes[i];
    free(ids);
    free(up);
}

/* The box: as wide as the name wants up to the template's maximum, as
 * tall as its lines. */
static void set_box(chart_ctx *oc, onode *o, double width)
{
    ctx *c = oc->c;
    const style_orgchart *st = oc->st;
    double tw = lay_text_width(c);
    /* the name is set at the text area's left, in a galley of its own;
     * draw_boxes moves its lines into the box */
    frame inner = oc->f;
    inner.left = 0;
    inner.right = tw - (width - 2 * st->padding);
    galley name = gal_child(NULL);
    lay_plain(c, &name, model_text(c->a, o->unit), st->box_style, inner, o->unit, ROLE_BODY);
    o->lines = name.first;
    o->w = width;
    o->text_h = 0;
    for (gline *l = o->lines; l; l = l->next)
        o->text_h += l->height + (l != o->lines ? l->space_before : 0);
    o->h = o->text_h + 2 * st->padding;
}

static double natural_width(chart_ctx *oc, const onode *o)
{
    const style_orgchart *st = oc->st;
    lay_extent e = lay_measure_text(oc->c, oc->f, model_text(oc->c->a, o->unit), st->box_style);
    double w = e.max + 2 * st->padding;
    double lo = e.min + 2 * st->padding;
    if (w > st->box_max)
        w = st->box_max > lo ? st->box_max : lo;
    return w;
}

/* Sizes a subtree bottom up and chooses how many reports go in a row. */
static void measure(chart_ctx *oc, onode *o, int depth, double avail)
{
    const style_orgchart *st = oc->st;
    oc->measured++;
    set_box(oc, o, natural_width(oc, o));
    if (o->nkids == 0 || depth > 32) {
        o->tree_w = o->w;
        o->tree_h = o->h;
        return;
    }
    int leaves = 1;
    double widest = 0;
    double total = 0;
    for (int k = 0; k < o->nkids; k++) {
        measure(oc, o->kids[k], depth + 1, avail);
        leaves &= o->kids[k]->nkids == 0;
        total += o->kids[k]->tree_w + (k ? st->gap_x : 0);
    }
    if (!leaves && total > avail && oc->measured < oc->budget)
        /* branches side by side share the width: each wraps its reports
         * into what the others leave it. Measuring a branch again costs
         * its whole subtree, which nested branches would multiply, so a
         * chart is measured at most a few times over. */
        for (int k = 0; k < o->nkids; k++) {
            onode *kid = o->kids[k];
            if (kid->nkids == 0)
                continue;
            double others = total - kid->tree_w;
            if (avail - others > 0) {
                measure(oc, kid, depth + 1, avail - others);
                total = others + kid->tree_w;
            }
        }
    for (int k = 0; k < o->nkids; k++)
        if (o->kids[k]->tree_w > widest)
            widest = o->kids[k]->tree_w;
    o->per_row = o->nkids;
    if (leaves) {
        /* Reports that are all single boxes share one width, so that a
         * row's middle gap lies under the unit's centre. As many go in a
         * row as fit with no name broken inside a word; a row that wraps
         * holds an even number, leaving that gap for the trunk. */
        double narrowest = 0;
        for (int k = 0; k < o->nkids; k++) {
            lay_extent e = lay_measure_text(oc->c, oc->f, model_text(oc->c->a, o->kids[k]->unit), st->box_style);
            if (e.min + 2 * st->padding > narrowest)
                narrowest = e.min + 2 * st->padding;
        }
        int per = o->nkids;
        double width = widest;
        for (; per > 1; per--) {
            if (per < o->nkids && per % 2)
                continue;
            width = (avail - (per - 1) * st->gap_x) / per;
            if (width > widest)
                width = widest;
            if (width >= narrowest)
                break;
        }
        if (per == 1)
            width = widest < avail ? widest : avail;
        /* rows as even as the count allows: seven as four and three,
         * not six and one, which reads as a level below the rest */
        int rows = (o->nkids + per - 1) / per;
        if (rows > 1) {
            int even = (o->nkids + rows - 1) / rows;
            even += even % 2;
            if (even < per) {
                per = even;     /* fewer a row: each as wide as they then may be */
                width = (avail - (per - 1) * st->gap_x) / per;
                if (width > widest)
                    width = widest;
            }
        }
        o->per_row = per;
        /* and boxes side by side of one height, their names centred */
        double tallest = 0;
        for (int k = 0; k < o->nkids; k++) {
            set_box(oc, o->kids[k], width);
            if (o->kids[k]->h > tallest)
                tallest = o->kids[k]->h;
        }
        for (int k = 0; k < o->nkids; k++) {
            o->kids[k]->h = tallest;
            o->kids[k]->tree_w = width;
            o->kids[k]->tree_h = tallest;
        }
    }
    o->tree_w = o->w;
    o->tree_h = o->h;
    for (int r0 = 0; r0 < o->nkids; r0 += o->per_row) {
        double w = 0, h = 0;
        for (int k = r0; k < o->nkids && k < r0 + o->per_row; k++) {
            w += o->kids[k]->tree_w + (k > r0 ? st->gap_x : 0);
            if (o->kids[k]->tree_h > h)
                h = o->kids[k]->tree_h;
        }
        if (w > o->tree_w)
            o->tree_w = w;
        o->tree_h += st->gap_y + h;
    }
}

static dl_item *line(ctx *c, const style_orgchart *st, double x0, double y0, double x1, double y1)
{
    dl_item *it = lay_item(c, DL_RULE, ROLE_ARTIFACT);
    it->x = x0;
    it->y = -y0;
    it->x2 = x1;
    it->y2 = -y1;
    it->line_width = st->line;
    it->color = st->line_color;
    return it;
}

/* Places a subtree in [left, left + tree_w) from top, and draws its
 * connectors into band (chart y grows downwards; items are stored with
 * y negated, relative to the band's top). */
static void place(chart_ctx *oc, onode *o, double left, double top, gline *band, int depth)
{
    ctx *c = oc->c;
    const style_orgchart *st = oc->st;
    o->x = left + (o->tree_w - o->w) / 2;
    o->y = top;
    if (depth > 32)
        return;
    double cx = o->x + o->w / 2, y = top + o->h;
    for (int r0 = 0; r0 < o->nkids; r0 += o->per_row) {
        int r1 = r0 + o->per_row < o->nkids ? r0 + o->per_row : o->nkids;
        double row_w = 0, row_h = 0;
        for (int k = r0; k < r1; k++) {
            row_w += o->kids[k]->tree_w + (k > r0 ? st->gap_x : 0);
            if (o->kids[k]->tree_h > row_h)
                row_h = o->kids[k]->tree_h;
        }
        double x = cx - row_w / 2;
        if (x < left)
            x = left;
        if (x + row_w > left + o->tree_w)
            x = left + o->tree_w - row_w;
        double row_top = y + st->gap_y, bus = row_top - st->gap_y / 2;
        double lo = cx, hi = cx;
        for (int k = r0; k < r1; k++) {
            onode *kid = o->kids[k];
            place(oc, kid, x, row_top, band, depth + 1);
            double kx = kid->x + kid->w / 2;
            gal_line_add(band, line(c, st, kx, bus, kx, kid->y));
            if (kx < lo) lo = kx;
            if (kx > hi) hi = kx;
            x += kid->tree_w + st->gap_x;
        }
        gal_line_add(band, line(c, st, lo, bus, hi, bus));
        gal_line_add(band, line(c, st, cx, o->y + o->h, cx, bus));
        y = row_top + row_h;
    }
}

/* Draws each box and moves its name's lines into the band. */
static void draw_boxes(chart_ctx *oc, double x0, gline *band)
{
    ctx *c = oc->c;
    const style_orgchart *st = oc->st;
    for (int i = 0; i < oc->n; i++) {
        onode *o = &oc->nodes[i];
        dl_item *b = lay_item(c, DL_RECT, ROLE_ARTIFACT);
        b->x = x0 + o->x;
        b->y = -(o->y + o->h);
        b->w = o->w;
        b->h = o->h;
        b->filled = st->fill != STYLE_NONE;
        b->color = st->fill;
        b->line_width = st->line;
        b->stroke = st->line_color;
        gal_line_add(band, b);
        double top = o->y + (o->h - o->text_h) / 2;
        for (gline *l = o->lines; l; l = l->next) {
            if (l != o->lines)
                top += l->space_before;
            for (dl_item *it = l->first, *next; it; it = next) {
                next = it->next;
                it->x += x0 + o->x + st->padding - c->t->margin_left;
                it->y -= top + l->ascent;
                it->y2 -= top + l->ascent;
                gal_line_add(band, it);
            }
            top += l->height;
        }
    }
}

/* Draws the band's chart at scale s about its top centre at x: a chart
 * a little too big for a page is drawn smaller, type and lines with it. */
static void shrink(gline *band, double s, double x)
{
    for (dl_item *it = band->first; it; it = it->next) {
        it->x = x + (it->x - x) * s;
        it->x2 = x + (it->x2 - x) * s;
        it->y *= s;
        it->y2 *= s;
        it->w *= s;
        it->h *= s;
        it->line_width *= s;
        it->size *= s;
        it->word_space *= s;
    }
    band->height *= s;
}

/* The scale the chart is drawn at to fit a page: 1 when it fits, less
 * down to the template's min-scale, 0 (after a located error) when it
 * would have to be smaller still. */
static double fit_scale(chart_ctx *oc, const model_node *n, double width, double height)
{
    ctx *c = oc->c;
    double body = c->t->page_height - c->t->margin_top - c->t->margin_bottom;
    double s = 1;
    if (width > oc->avail)
        s = oc->avail / width;
    if (height * s > body)
        s = body / height;
    if (s >= oc->st->min_scale)
        return s;
    diag_error(c->dg, n->file, n->line, n->col,
               "<structure> is drawn %.0fpt wide and %.0fpt tall, too big for a page (%.0f by %.0fpt) "
               "even at the template's min-scale of %g; give it fewer levels or split it",
               width, height, oc->avail, body, oc->st->min_scale);
    c->failed = 1;
    return 0;
}

/* Whether caption cap of n says what the title of the part n stands in
 * says ("KSCB Structure Chart 2012/13" under that heading). */
static int repeats_title(ctx *c, const model_node *n, const model_node *cap)
{
    const model_node *title = n->parent ? model_child(n->parent, M_TITLE) : NULL;
    if (!title)
        return 0;
    const char *a = model_text(c->a, title), *b = model_text(c->a, cap);
    while (*a == ' ')
        a++;
    while (*b == ' ')
        b++;
    size_t la = strlen(a), lb = strlen(b);
    while (la && a[la - 1] == ' ')
        la--;
    while (lb && b[lb - 1] == ' ')
        lb--;
    return la == lb && strncmp(a, b, la) == 0;
}

void org_chart(ctx *c, galley *g, const model_node *n, frame f)
{
    chart_ctx oc = { .c = c, .f = f, .st = &c->t->orgchart };
    oc.avail = lay_text_width(c) - f.left - f.right;
    for (const model_node *u = n->first; u; u = u->next)
        oc.n += u->kind == M_UNIT;
    if (oc.n == 0)
        return;
    oc.budget = 16L * oc.n + 64;
    oc.nodes = mem_alloc((size_t)oc.n, sizeof *oc.nodes);
    onode **kids = mem_alloc((size_t)oc.n, sizeof *kids);
    int i = 0;
    for (const model_node *u = n->first; u; u = u->next)
        if (u->kind == M_UNIT)
            oc.nodes[i++].unit = u;
    /* check.c has refused unknown units, loops and charts too deep */
    link_reports(&oc, kids);
    const model_node *cap = model_child(n, M_CAPTION);
    gline *before = g->last;
    if (cap && repeats_title(c, n, cap))
        cap = NULL;                 /* the heading above says it already */
    if (cap)
        lay_paragraph(c, g, cap, c->t->table.caption_style, f, NULL, 0, ROLE_BODY, 0);
    /* the roots side by side, the whole centred in the measure */
    double width = 0, height = 0;
    for (i = 0; i < oc.n; i++)
        if (!model_attr_get(oc.nodes[i].unit, "reports-to")) {
            measure(&oc, &oc.nodes[i], 0, oc.avail);
            width += oc.nodes[i].tree_w + (width > 0 ? oc.st->gap_x : 0);
            if (oc.nodes[i].tree_h > height)
                height = oc.nodes[i].tree_h;
        }
    double scale = fit_scale(&oc, n, width, height + 2 * oc.st->line);
    if (scale <= 0) {
        free(oc.nodes);
        free(kids);
        return;
    }
    gline *band = arena_alloc(c->a, sizeof *band);
    band->height = height + 2 * oc.st->line;
    double x = 0;
    for (i = 0; i < oc.n; i++)
        if (!model_attr_get(oc.nodes[i].unit, "reports-to")) {
            place(&oc, &oc.nodes[i], x, oc.st->line, band, 0);
            x += oc.nodes[i].tree_w + oc.st->gap_x;
        }
    double x0 = c->t->margin_left + f.left + (oc.avail - width) / 2;
    /* connectors were drawn from chart coordinates: shift them too */
    for (dl_item *it = band->first; it; it = it->next) {
        it->x += x0;
        it->x2 += x0;
    }
    draw_boxes(&oc, x0, band);
    for (dl_item *it = band->first; it; it = it->next)
        it->src = it->src ? it->src : n;   /* where the chart's lines and boxes come from */
    if (scale < 1)
        shrink(band, scale, c->t->margin_left + f.left + oc.avail / 2);
    gal_add_space(g, c->t->table.space_before);
    gal_append(g, band, band);
    for (gline *l = gal_since(g, before); l && l != band; l = l->next)
        l->keep_next = 1;           /* the caption stays with its chart */
    lay_float(c, g, before, STYLE_FLOAT_STRUCTURE);
    gal_add_space(g, c->t->table.space_after);
    free(oc.nodes);
    free(kids);
}
