/* para.c - paragraphs: the pieces text.c collected are broken into
 * lines (linebreak.c), words too wide for the measure are split, and
 * each line becomes display items relative to its baseline, kept with
 * its neighbours so that no widow or orphan is left. Linear in the
 * pieces, however narrow the measure.
 */
#include "para.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mem.h"
#include "text.h"
#include "utf8.h"

/* The bytes of the first characters of p that fit in width (at least
 * one character, so that splitting always advances), their width in *w. */
static size_t fitting_prefix(const piece *p, double width, double *w)
{
    const char *s = p->text, *end = p->text + p->len, *q = s;
    *w = 0;
    while (q < end) {
        const char *start = q;
        uint32_t cp = utf8_next(&q, end);
        double cw = font_width(p->font, cp == UTF8_INVALID ? 0xFFFD : cp) * p->size / 1000.0;
        if (*w + cw > width && start > s)
            return (size_t)(start - s);
        *w += cw;
    }
    return p->len;
}

/* Whether a word (boxes with nothing between them: one word set in two
 * styles, "n<b>aaa</b>") is wider than measure anywhere in the pieces. */
static int word_too_wide(const ctx *c, double measure)
{
    double word = 0;
    for (int i = 0; i < c->npieces; i++) {
        word = c->pieces[i].type == LB_BOX ? word + c->pieces[i].width : 0;
        if (word > measure + LB_FIT_EPSILON)
            return 1;
    }
    return 0;
}

/* A free break, drawing nothing, after the pieces so far. */
static void push_free_break(ctx *c, const piece *like)
{
    piece *gap = lay_push_piece(c);
    gap->type = LB_PENALTY;
    gap->cut = 1;
    gap->font = like->font;
    gap->size = like->size;
}

/* Splits words wider than the measure at character boundaries, with a
 * free break between the parts, so that no word (a long web address)
 * runs out of its column: between two boxes of one word where together
 * they would not fit, and inside a box wider than the measure itself.
 * Every part holds at least one character: the work is linear in the
 * text however narrow the measure. */
static void split_long_boxes(ctx *c, double measure)
{
    if (!word_too_wide(c, measure))
        return;
    piece *in = c->pieces;
    int n = c->npieces;
    c->pieces = NULL;
    c->npieces = c->cap = 0;
    double word = 0;                /* width of the word so far on its line */
    for (int i = 0; i < n; i++) {
        piece rest = in[i];
        if (rest.type != LB_BOX) {
            word = 0;
            *lay_push_piece(c) = rest;
            continue;
        }
        if (word > 0 && word + rest.width > measure + LB_FIT_EPSILON) {
            push_free_break(c, &rest);
            word = 0;
        }
        while (rest.width > measure + LB_FIT_EPSILON) {
            double w;
            size_t cut = fitting_prefix(&rest, measure, &w);
            if (cut >= rest.len)
                break;
            piece *head = lay_push_piece(c);
            *head = rest;
            head->len = cut;
            head->width = w;
            push_free_break(c, &rest);
            rest.text += cut;
            rest.len -= cut;
            rest.width = rest.width - w > 0 ? rest.width - w : 0;
        }
        *lay_push_piece(c) = rest;
        word += rest.width;
    }
    free(in);
}

/* The word spacing the PDF library accepts, in points. */
#define WORD_SPACE_MIN (-30.0)

#define WORD_SPACE_MAX 300.0

typedef struct run {
    int first, last;                /* piece range, inclusive */
    double x, width;
    int spaces;
    double word_space;              /* what each space in the run stretched by */
    int hyphen;                     /* ends in a hyphen drawn at the break */
} run;

static int same_run(const piece *a, const piece *b)
{
    return a->font == b->font && a->enc == b->enc && a->size == b->size &&
           a->color == b->color && a->href == b->href && a->dest == b->dest && a->rise == b->rise;
}

static void emit_run(ctx *c, gline *l, const run *r, dl_role role, int level)
{
    const piece *p0 = &c->pieces[r->first];
    size_t bytes = 1;
    for (int i = r->first; i <= r->last; i++)
        bytes += c->pieces[i].type == LB_BOX ? c->pieces[i].len : 1;
    char *text = arena_alloc(c->a, bytes + 1), *q = text;
    for (int i = r->first; i <= r->last; i++) {
        const piece *p = &c->pieces[i];
        if (p->type == LB_BOX)
            q += enc_encode(p0->enc, p->text, p->len, q);
        else if (p->type == LB_GLUE)
            *q++ = ' ';
    }
    if (r->hyphen)
        *q++ = '-';
    *q = '\0';
    dl_item *it = lay_item(c, DL_TEXT, role);
    it->level = level;
    it->x = r->x;
    it->w = r->width;
    it->font = p0->font;
    it->enc = p0->enc;
    it->size = p0->size;
    it->color = p0->color;
    it->word_space = r->spaces ? r->word_space : 0;
    it->y = p0->rise;
    it->bytes = text;
    it->src = p0->src;
    gal_line_add(l, it);
    if (p0->href || (p0->dest && p0->dest->page > 0)) {
        it->linked = 1;
        dl_item *ln = lay_item(c, DL_LINK, ROLE_ARTIFACT);
        if (p0->dest) {
            ln->dest_page = p0->dest->page;
            ln->dest_y = p0->dest->y;
        }
        ln->x = r->x;
        ln->y = font_descent(p0->font) * p0->size / 1000.0;
        ln->w = r->width;
        ln->h = (font_ascent(p0->font) - font_descent(p0->font)) * p0->size / 1000.0;
        ln->uri = p0->href;
        ln->src = p0->src;
        gal_line_add(l, ln);
    }
}

/* How much the glue at piece i stretches or shrinks on a line set at
 * ratio r (its stretch and shrink are in the line breaker's items). */
static double glue_adjust(const ctx *c, int i, double r)
{
    /* a line that cannot stretch or shrink (a template's space-stretch
     * of 0) has an infinite ratio: it is set at its natural width */
    if (r == 0 || !isfinite(r))
        return 0;
    return r > 0 ? r * c->items[i].stretch : r * c->items[i].shrink;
}

/* Sets pieces [from, to) as one line at adjustment ratio ratio; hyphen
 * when the line ends at a hyphenation point. */
static void set_line(ctx *c, galley *g, const setting *st, int from, int to, double ratio,
                     int first_line, int hyphen)
{
    const style_block *s = st->s;
    double asc = 0, desc = 0;
    font *base = style_face(c->t, s->family, style_face_index(s->bold, s->italic), c->dg);
    if (base) {
        asc = font_ascent(base) * s->size * st->scale / 1000.0;
        desc = -font_descent(base) * s->size * st->scale / 1000.0;
    }
    double leading = s->leading * st->scale;
    gline *l = gal_new_line(c->a, g, leading, (leading - asc - desc) / 2 + asc);
    l->ratio = ratio;
    l->hyphenated = hyphen;
    l->heading = st->role == ROLE_HEADING;
    double indent = first_line ? st->first_indent : 0;
    double measure = st->measure - indent;
    double natural = hyphen ? c->pieces[to].width : 0;
    for (int i = from; i < to; i++)
        natural += c->pieces[i].type == LB_PENALTY ? 0 : c->pieces[i].width + (
                   c->pieces[i].type == LB_GLUE ? glue_adjust(c, i, ratio) : 0);
    double extra = measure - natural, x = st->x0 + indent;
    if (c->stats && st->role != ROLE_ARTIFACT) {
        /* furniture, the only artifact set as lines, is not counted */
        c->stats->lines++;
        c->stats->hyphenated += hyphen;
        /* only justified lines stretch their spaces; a ragged line's
         * ratio measures the white at its end, which is not looseness */
        c->stats->loose += ratio > 1 && st->align == ALIGN_JUSTIFY;
        c->stats->overfull += extra < -0.01;
    }
    if (st->align == ALIGN_RIGHT)
        x += extra;
    else if (st->align == ALIGN_CENTER)
        x += extra / 2;
    run r = { .first = -1 };
    for (int i = from; i < to; i++) {
        const piece *p = &c->pieces[i];
        if (p->type == LB_PENALTY)
            continue;               /* a break not taken draws nothing */
        double adj = p->type == LB_GLUE ? glue_adjust(c, i, ratio) : 0;
        if (p->type == LB_GLUE && r.first >= 0 &&
            (c->pieces[r.first].enc == ENC_UTF8 || adj > WORD_SPACE_MAX || adj < WORD_SPACE_MIN)) {
            /* viewers do not stretch the spaces of a two-byte font, and
             * the PDF library refuses word spacing beyond its limits (a
             * line left with one space before an unbreakable address), so
             * such words are placed one by one */
            emit_run(c, l, &r, st->role, st->level);
            r.first = -1;
        }
        if (p->type == LB_BOX && (r.first < 0 || !same_run(&c->pieces[r.first], p))) {
            if (r.first >= 0)
                emit_run(c, l, &r, st->role, st->level);
            r = (run){ .first = i, .last = i, .x = x };
        }
        if (r.first >= 0) {
            r.last = i;
            r.width += p->width + adj;
            if (p->type == LB_GLUE) {
                r.spaces++;
                r.word_space = adj;
            }
        }
        x += p->width + adj;
    }
    if (r.first >= 0) {
        /* a run never ends in glue: the next box started a new run */
        while (r.last > r.first && c->pieces[r.last].type != LB_BOX) {
            if (c->pieces[r.last].type == LB_GLUE) {
                r.width -= c->pieces[r.last].width + glue_adjust(c, r.last, ratio);
                r.spaces--;
            }
            r.last--;
        }
        if (hyphen) {
            r.hyphen = 1;
            r.width += c->pieces[to].width;
        }
        emit_run(c, l, &r, st->role, st->level);
    }
    if (st->bar) {
        dl_item *bar = lay_item(c, DL_RECT, ROLE_ARTIFACT);
        bar->x = st->bar_x;
        bar->y = l->ascent - l->height;
        bar->w = st->bar->bar_left;
        bar->h = l->height;
        bar->color = st->bar->bar_color;
        gal_line_add(l, bar);
        l->bar = bar;
    }
}

/* Marks the lines of a finished paragraph so that the page breaker
 * leaves no fewer than orphans lines at a page's foot and no fewer than
 * widows lines at the next page's head, and records where the paragraph
 * starts and ends for the statistics. */
static void keep_lines(ctx *c, gline *first, int n)
{
    int orphans = c->t->orphans, widows = c->t->widows, i = 0;
    for (gline *l = first; l && i < n; l = l->next, i++) {
        l->para_first = i == 0;
        l->para_last = i == n - 1;
        /* nor does a page end in a hyphen, as TeX's broken penalty has it */
        if (i < n - 1 && (i < orphans - 1 || i >= n - widows || l->hyphenated))
            l->keep_next = 1;
    }
}

/* The items of the paragraph for the line breaker: spaces stretch and
 * shrink in justified text; ragged text stretches only at line ends. */
static lb_params fill_items(ctx *c, const setting *st, int hyphenate)
{
    const style_template *t = c->t;
    int justify = st->align == ALIGN_JUSTIFY;
    for (int i = 0; i < c->npieces; i++) {
        const piece *p = &c->pieces[i];
        lb_item *it = &c->items[i];
        *it = (lb_item){ .type = p->type, .width = p->width, .penalty = p->penalty,
                         .flagged = p->flagged };
        if (p->type == LB_GLUE && justify) {
            it->stretch = p->width * t->space_stretch;
            it->shrink = p->width * t->space_shrink;
        }
        if (p->type == LB_PENALTY && p->flagged && !hyphenate)
            it->penalty = 10000;    /* the first pass tries without hyphens */
    }
    lb_params lp = {
        .first_measure = st->measure - st->first_indent, .measure = st->measure,
        .line_penalty = t->line_penalty, .flagged_demerits = t->flagged_demerits,
        .final_hyphen_demerits = t->final_hyphen_demerits,
        .fitness_demerits = t->fitness_demerits, .max_hyphen_run = t->max_hyphen_run,
        .line_stretch = justify ? 0 : t->ragged_stretch * st->s->size,
    };
    return lp;
}

/* Chooses the breaks: total fit without hyphenation, then with it, then
 * with any looseness; first fit only for what total fit cannot set. */
static int choose_breaks(ctx *c, const setting *st, double *ratios)
{
    static const struct { int hyphenate; int tolerance; } passes[] = { {0, 0}, {1, 1}, {1, 2} };
    if (st->align != ALIGN_JUSTIFY && !c->t->ragged_hyphenate) {
        /* ragged text takes any looseness before a hyphen: it is
         * hyphenated only where a word would not fit otherwise */
        lb_params lp = fill_items(c, st, 0);
        lp.tolerance = HUGE_VAL;
        int n = lb_total_fit(c->items, c->npieces, &lp, c->breaks, ratios);
        if (n > 0)
            return n;
    }
    for (size_t k = 0; k < sizeof passes / sizeof passes[0]; k++) {
        lb_params lp = fill_items(c, st, passes[k].hyphenate);
        lp.tolerance = passes[k].tolerance == 0 ? c->t->pretolerance
                     : passes[k].tolerance == 1 ? c->t->tolerance : HUGE_VAL;
        int n = lb_total_fit(c->items, c->npieces, &lp, c->breaks, ratios);
        if (n > 0)
            return n;
    }
    fill_items(c, st, 1);
    int n = lb_greedy(c->items, c->npieces, st->measure - st->first_indent, st->measure, c->breaks);
    for (int k = 0; k < n; k++)
        ratios[k] = 0;
    return n;
}

/* Whether n is in the set of elements already warned of; adds it. */
static int warned_of(ctx *c, const model_node *n)
{
    if (2 * (c->nsqueezed + 1) > c->squeezed_cap) {
        size_t cap = c->squeezed_cap ? 2 * c->squeezed_cap : 64;
        const model_node **set = mem_alloc(cap, sizeof *set);
        for (size_t i = 0; i < c->squeezed_cap; i++)
            for (size_t k = (uintptr_t)c->squeezed[i] / sizeof(model_node) % cap; c->squeezed[i]; k = (k + 1) % cap)
                if (!set[k]) {
                    set[k] = c->squeezed[i];
                    break;
                }
        free(c->squeezed);
        c->squeezed = set;
        c->squeezed_cap = cap;
    }
    size_t k = (uintptr_t)n / sizeof(model_node) % c->squeezed_cap;
    for (; c->squeezed[k]; k = (k + 1) % c->squeezed_cap)
        if (c->squeezed[k] == n)
            return 1;
    c->squeezed[k] = n;
    c->nsqueezed++;
    return 0;
}

/* Text set wider than it was given room for (indents, labels or a narrow
 * column left less than min-measure) runs past its edge when a word of it
 * is wider than that room: said once for each element. */
static void squeezed(ctx *c, const setting *st)
{
    if (st->given >= st->measure || !st->src)
        return;
    /* a table's cells are warned of once for the table */
    const model_node *n = st->src;
    for (const model_node *a = n; a; a = a->parent)
        if (a->kind == M_TABLE || a->kind == M_BUDGET || a->kind == M_OUTCOME_GRID ||
            a->kind == M_STRATEGIC_AIMS || a->kind == M_AGENCY_PLAN) {
            n = a;
            break;
        }
    if (!word_too_wide(c, st->given > 0 ? st->given : 0) || warned_of(c, n))
        return;
    diag_warning(c->dg, n->file, n->line, n->col,
                 "<%s> %s left %.1fpt to be set in (by indents, labels or its column); "
                 "it is set %.1fpt wide and runs past its right edge", n->name,
                 n == st->src ? "is" : "has text", st->given > 0 ? st->given : 0, st->measure);
}

/* Breaks the pieces collected in c into lines and adds them. */
static void set_paragraph(ctx *c, galley *g, const setting *st)
{
    while (c->npieces > 0 && c->pieces[c->npieces - 1].type != LB_BOX)
        c->npieces--;
    if (c->npieces == 0) {
        g->label = NULL;
        return;
    }
    squeezed(c, st);
    split_long_boxes(c, st->measure - (st->first_indent > 0 ? st->first_indent : 0));
    /* the line breaker's arrays follow the paragraph's length */
    c->items = mem_grow_int(c->items, &c->items_cap, c->npieces + 1, sizeof *c->items);
    c->breaks = mem_grow_int(c->breaks, &c->breaks_cap, c->npieces + 1, sizeof *c->breaks);
    c->ratios = mem_grow_int(c->ratios, &c->ratios_cap, c->npieces + 1, sizeof *c->ratios);
    int n = choose_breaks(c, st, c->ratios);
    gline *before = g->last;
    int from = 0;
    for (int k = 0; k < n; k++) {
        int to = c->breaks[k];
        int start = from;
        while (start < to && c->pieces[start].type != LB_BOX)
            start++;
        int end = to;
        while (end > start && c->pieces[end - 1].type == LB_GLUE)
            end--;
        int hyphen = to < c->npieces && c->pieces[to].type == LB_PENALTY && c->pieces[to].flagged;
        if (c->stats && to < c->npieces && c->pieces[to].type == LB_PENALTY && c->pieces[to].cut)
            c->stats->broken++;
        set_line(c, g, st, start, end, c->ratios[k], k == 0, hyphen);
        from = to + 1;
    }
    keep_lines(c, gal_since(g, before), n);
    c->npieces = 0;
}

setting lay_setting(ctx *c, int style, frame f, dl_role role, int level, const model_node *src)
{
    const style_block *s = &c->t->styles[style];
    setting st = { .s = s, .role = role, .level = level, .first_indent = s->first_indent,
                   .scale = f.scale, .bar = f.bar, .bar_x = f.bar_x };
    st.align = f.align != LAY_NO_ALIGN ? f.align : s->align;
    st.x0 = c->t->margin_left + f.left + s->indent_left;
    st.measure = lay_text_width(c) - f.left - f.right - s->indent_left - s->indent_right;
    double least = c->t->min_measure;
    st.given = st.measure;
    st.src = src;
    if (st.measure < least)
        st.measure = least;         /* no line is set narrower (see squeezed) */
    if (st.first_indent > st.measure - least)
        st.first_indent = st.measure - least;
    return st;
}

/* A block of running text in the given style. prefix (may be NULL) is
 * set before the content in prefix_style. */
/* What every block does once its lines are set: the page break before
 * it, the rule under it, and keeping it with what follows. */
static void finish_block(ctx *c, galley *g, gline *before, const style_block *s, const setting *st)
{
    gline *first = gal_since(g, before);
    if (!first)
        return;
    if (s->page_break_before)
        first->break_before = 1;
    if (s->rule_below > 0) {
        dl_item *rule = lay_item(c, DL_RULE, ROLE_ARTIFACT);
        rule->x = st->x0;
        rule->x2 = st->x0 + st->measure;
        rule->y = rule->y2 = g->last->ascent - g->last->height;
        rule->line_width = s->rule_below;
        rule->color = s->rule_color;
        gal_line_add(g->last, rule);
    }
    if (s->keep_with_next) {
        for (gline *l = first; l; l = l->next)
            l->keep_next = 1;
        /* heading-keep lines after it stay with it: gal_new_line chains
         * each new line to the one before while this count lasts */
        g->keep_following = c->t->heading_keep_lines;
    }
}

void lay_paragraph(ctx *c, galley *g, const model_node *n, int style, frame f, const char *prefix,
                   int prefix_style, dl_role role, int level)
{
    const style_block *s = &c->t->styles[style];
    gal_add_space(g, s->space_before);
    setting st = lay_setting(c, style, f, role, level, n);
    gline *before = g->last;
    c->npieces = 0;
    if (prefix && *prefix) {
        ink pk = lay_ink(f, &c->t->styles[prefix_style]);
        lay_add_text(c, &pk, prefix, n);
    }
    lay_add_inline(c, g, n, lay_ink(f, s));
    set_paragraph(c, g, &st);
    finish_block(c, g, before, s, &st);
    gal_add_space(g, s->space_after);
}

void lay_plain(ctx *c, galley *g, const char *text, int style, frame f, const model_node *src,
               dl_role role)
{
    const style_block *s = &c->t->styles[style];
    gal_add_space(g, s->space_before);
    setting st = lay_setting(c, style, f, role, 0, src);
    gline *before = g->last;
    c->npieces = 0;
    ink k = lay_ink(f, s);
    lay_add_text(c, &k, text, src);
    set_paragraph(c, g, &st);
    finish_block(c, g, before, s, &st);
    gal_add_space(g, s->space_after);
}

/* The largest length a PDF page may have (200 inches). */
#define LAY_MAX_LENGTH 14400.0

double lay_length(const char *value, double whole)
{
    if (!value)
        return 0;
    char *end;
    double v = strtod(value, &end);
    if (!(v > 0) || !isfinite(v))
        return 0;                   /* "nan", "inf", nothing or less */
    while (*end == ' ')
        end++;
    double scale;
    if (*end == '\0' || strcmp(end, "pt") == 0) scale = 1;
    else if (strcmp(end, "%") == 0) scale = whole / 100;
    else if (strcmp(end, "mm") == 0) scale = 72 / 25.4;
    else if (strcmp(end, "cm") == 0) scale = 72 / 2.54;
    else if (strcmp(end, "in") == 0) scale = 72;
    else return 0;                  /* an unknown unit: sized automatically */
    return v > LAY_MAX_LENGTH / (scale > 1 ? scale : 1) ? LAY_MAX_LENGTH : v * scale;
}

void lay_runs(ctx *c, galley *g, const lay_run *runs, int n, int style, frame f,
              const model_node *src)
{
    const style_block *s = &c->t->styles[style];
    gal_add_space(g, s->space_before);
    setting st = lay_setting(c, style, f, ROLE_BODY, 0, src);
    gline *before = g->last;
    c->npieces = 0;
    for (int k = 0; k < n; k++) {
        if (!runs[k].text || !*runs[k].text)
            continue;
        ink ik = lay_ink(f, &c->t->styles[runs[k].style]);
        ik.href = runs[k].href;
        if (ik.href && c->link_style >= 0)
            ik.color = c->t->styles[c->link_style].color;
        lay_add_text(c, &ik, runs[k].text, src);
    }
    set_paragraph(c, g, &st);
    finish_block(c, g, before, s, &st);
    gal_add_space(g, s->space_after);
}

/* The pieces of text in style at type scale, spaces for forced breaks;
 * their natural width. */
static double single_pieces(ctx *c, const char *text, const style_block *s, double scale)
{
    frame f = lay_root_frame();
    f.scale = scale;
    c->npieces = 0;
    ink k = lay_ink(f, s);
    lay_add_text(c, &k, text, c->doc->root);
    double w = 0;
    for (int i = 0; i < c->npieces; i++) {
        if (c->pieces[i].type == LB_BREAK)
            c->pieces[i].type = LB_GLUE;
        w += c->pieces[i].type == LB_PENALTY ? 0 : c->pieces[i].width;
    }
    return w;
}

/* Whether text[0..at) with an ellipsis is no wider than width at scale. */
static int start_fits(ctx *c, const char *text, size_t at, const style_block *s, double scale,
                      double width)
{
    const char *t = arena_printf(c->a, "%.*s\xE2\x80\xA6", (int)at, text);
    return single_pieces(c, t, s, scale) <= width + LB_FIT_EPSILON;
}

/* The longest start of text that with an ellipsis is no wider than width
 * at scale: cut after a word, or inside the first word when even that
 * is too wide. A bisection over the places it may be cut (widths only
 * grow with the text), so a long title costs a few measurements. */
static const char *cut_to_fit(ctx *c, const char *text, const style_block *s, double scale,
                              double width)
{
    size_t len = strlen(text);
    size_t *at = mem_alloc(len + 1, sizeof *at);
    size_t n = 0;
    for (size_t i = 1; i < len; i++)
        if (text[i] == ' ' && text[i - 1] != ' ')
            at[n++] = i;            /* after a word */
    if (n == 0 || !start_fits(c, text, at[0], s, scale, width)) {
        n = 0;                      /* inside the first word: at characters */
        for (size_t i = 1; i < len; i++)
            if (((unsigned char)text[i] & 0xC0) != 0x80)
                at[n++] = i;
    }
    size_t lo = 0, hi = n;          /* at[0..lo) fit; at[hi..n) do not */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (start_fits(c, text, at[mid], s, scale, width))
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t cut = lo > 0 ? at[lo - 1] : 0;
    free(at);
    return arena_printf(c->a, "%.*s\xE2\x80\xA6", (int)cut, text);
}

gline *lay_single_line(ctx *c, const char *text, int style, double x_left, double width,
                       style_align align, double min_size)
{
    if (!text || !*text)
        return NULL;
    const style_block *s = &c->t->styles[style];
    double scale = 1, natural = single_pieces(c, text, s, scale);
    if (c->npieces == 0)
        return NULL;
    if (natural > width + LB_FIT_EPSILON) {
        /* too long for its line: smaller, down to min_size, then cut */
        double least = min_size > 0 && min_size < s->size ? min_size / s->size : 1;
        scale = width / natural * 0.999;
        if (scale < least) {
            scale = least;
            text = cut_to_fit(c, text, s, scale, width);
        }
        if (single_pieces(c, text, s, scale) > width + LB_FIT_EPSILON) {
            c->npieces = 0;         /* not even "…" fits: nothing is drawn */
            return NULL;
        }
    }
    setting st = { .s = s, .align = align, .x0 = x_left, .measure = width, .role = ROLE_ARTIFACT,
                   .scale = scale };
    galley line = gal_child(NULL);
    set_line(c, &line, &st, 0, c->npieces, 0, 0, 0);
    c->npieces = 0;
    return line.last;
}
