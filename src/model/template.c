/* template.c - reads a template file into a style_template.
 *
 * The template is small and trusted no more than a report: it is read
 * with the same safe libxml2 options, and every bad value is an error
 * located in the template, so a typo never silently becomes a default.
 */
#include "template.h"

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/SAX2.h>

#include "file.h"
#include "styleval.h"

/* ---- elements ------------------------------------------------------------ */

static void read_page(loader *L, xmlNodePtr x)
{
    style_template *t = L->t;
    sv_length(L, x, "width", &t->page_width);
    sv_length(L, x, "height", &t->page_height);
    sv_length(L, x, "margin-top", &t->margin_top);
    sv_length(L, x, "margin-bottom", &t->margin_bottom);
    sv_length(L, x, "margin-left", &t->margin_left);
    sv_length(L, x, "margin-right", &t->margin_right);
    if (t->page_width < 72 || t->page_height < 72 ||
        t->margin_left + t->margin_right > t->page_width - 72 ||
        t->margin_top + t->margin_bottom > t->page_height - 72) {
        diag_error(L->dg, t->path, x->line, 0, "<page>: the margins leave less than an inch of text area");
        L->errors++;
    }
}

static const char *resolve_path(loader *L, const char *file)
{
    if (file[0] == '/')
        return file;
    return arena_printf(L->a, "%s/%s", L->dir, file);
}

/* A file the template names must be a regular file that can be read
 * (a pipe named as a font would block the run): 0, or -1 reported. */
static int need_file(loader *L, xmlNodePtr x, const char *what, const char *path)
{
    char why[FILE_WHY_MAX];
    if (file_check(path, NULL, why, sizeof why) == 0)
        return 0;
    diag_error(L->dg, L->t->path, x->line, 0, "<%s>: %s '%s' %s", x->name, what, path, why);
    L->errors++;
    return -1;
}

static void read_font(loader *L, xmlNodePtr x)
{
    static const char *const face_attr[FACE_COUNT] = { "regular", "bold", "italic", "bold-italic" };
    style_template *t = L->t;
    style_family *f = &t->families[t->nfamilies];
    f->name = sv_attr(x, "family", L->a);
    f->tline = x->line;
    if (!f->name) {
        sv_bad(L, x, "needs a family name", "");
        return;
    }
    for (int k = 0; k < FACE_COUNT; k++) {
        const char *file = sv_attr(x, face_attr[k], L->a);
        if (!file && k != FACE_REGULAR)
            file = sv_attr(x, face_attr[FACE_REGULAR], L->a);
        if (!file) {
            sv_bad(L, x, "needs the file of its regular face:", f->name);
            return;
        }
        f->path[k] = resolve_path(L, file);
        if (need_file(L, x, "the font file", f->path[k]) != 0)
            return;
    }
    t->nfamilies++;
}

static int family_index(const style_template *t, const char *name)
{
    for (int i = 0; i < t->nfamilies; i++)
        if (strcmp(t->families[i].name, name) == 0)
            return i;
    return -1;
}

static void read_align(loader *L, xmlNodePtr x, const char *name, style_align *out)
{
    const char *v = sv_attr(x, name, L->a);
    if (!v)
        return;
    static const char *const names[] = { "left", "justify", "center", "right" };
    for (int k = 0; k < 4; k++)
        if (strcmp(v, names[k]) == 0) {
            *out = (style_align)k;
            return;
        }
    sv_bad(L, x, "an alignment is left, justify, center or right, not", v);
}

static void read_style(loader *L, xmlNodePtr x)
{
    style_template *t = L->t;
    style_block s = { .family = -1, .leading = 0 };
    const char *name = sv_attr(x, "name", L->a);
    const char *base = sv_attr(x, "base", L->a);
    if (!name) {
        sv_bad(L, x, "needs a name", "");
        return;
    }
    if (base) {
        int b = style_lookup(t, base);
        if (b < 0) {
            sv_bad(L, x, "base names no earlier style:", base);
            return;
        }
        s = t->styles[b];
    }
    s.name = name;
    const char *fam = sv_attr(x, "family", L->a);
    if (fam && (s.family = family_index(t, fam)) < 0)
        sv_bad(L, x, "no <font> defines the family", fam);
    sv_flag(L, x, "bold", &s.bold);
    sv_flag(L, x, "italic", &s.italic);
    sv_flag(L, x, "uppercase", &s.uppercase);
    double old_size = s.size;
    sv_length(L, x, "size", &s.size);
    if (s.size != old_size && base && !sv_attr(x, "leading", L->a))
        s.leading = s.leading * s.size / old_size;  /* keep the base's ratio */
    sv_length(L, x, "leading", &s.leading);
    sv_colour(L, x, "color", &s.color);
    sv_length(L, x, "space-before", &s.space_before);
    sv_length(L, x, "space-after", &s.space_after);
    sv_length(L, x, "indent-left", &s.indent_left);
    sv_length(L, x, "indent-right", &s.indent_right);
    sv_any_length(L, x, "first-indent", &s.first_indent, 1);
    read_align(L, x, "align", &s.align);
    sv_flag(L, x, "keep-with-next", &s.keep_with_next);
    sv_flag(L, x, "hyphenate", &s.hyphenate);
    sv_flag(L, x, "page-break-before", &s.page_break_before);
    sv_length(L, x, "rule-below", &s.rule_below);
    sv_colour(L, x, "rule-color", &s.rule_color);
    sv_length(L, x, "bar-left", &s.bar_left);
    sv_colour(L, x, "bar-color", &s.bar_color);
    sv_length(L, x, "bar-gap", &s.bar_gap);
    if (s.family < 0 || s.size <= 0) {
        sv_bad(L, x, "needs a family and a size (directly or from its base):", name);
        return;
    }
    if (s.leading <= 0)
        s.leading = s.size * 1.2;
    int i = style_lookup(t, name);
    t->styles[i >= 0 ? i : t->nstyles++] = s;
}

static void read_heading_like(loader *L, xmlNodePtr x, style_heading *h)
{
    sv_need_style(L, x, "style", &h->style);
    h->number = sv_attr(x, "number", L->a);
    h->numbered = h->number != NULL;
    sv_flag(L, x, "numbered", &h->numbered);
    const char *sep = sv_attr(x, "separator", L->a);
    h->separator = sv_keep_spaces(L, sep ? sep : " ");
    const char *pos = sv_attr(x, "label", L->a);
    if (pos && strcmp(pos, "above") != 0 && strcmp(pos, "inline") != 0)
        sv_bad(L, x, "label is above or inline, not", pos);
    h->label_above = pos && strcmp(pos, "above") == 0;
    h->label_style = h->style;
    sv_style_ref(L, x, "label-style", &h->label_style);
}

static void read_heading(loader *L, xmlNodePtr x)
{
    int level = 0;
    if (!sv_integer(L, x, "level", &level) || level < 1 || level > STYLE_MAX_LEVELS) {
        sv_bad(L, x, "level must be 1 to 6, not", sv_attr(x, "level", L->a) ? sv_attr(x, "level", L->a) : "missing");
        return;
    }
    read_heading_like(L, x, &L->t->heading[level - 1]);
    if (level > L->t->nheadings)
        L->t->nheadings = level;
}

static void read_list(loader *L, xmlNodePtr x)
{
    static const char *const types[LIST_TYPE_COUNT] = { "bullet", "arabic", "roman", "alpha", "none" };
    const char *type = sv_attr(x, "type", L->a);
    int k = 0;
    while (k < LIST_TYPE_COUNT && (!type || strcmp(type, types[k]) != 0))
        k++;
    if (k == LIST_TYPE_COUNT) {
        sv_bad(L, x, "type is bullet, arabic, roman, alpha or none, not", type ? type : "missing");
        return;
    }
    style_list *l = &L->t->list[k];
    const char *labels = sv_attr(x, "labels", L->a);
    if (labels) {
        /* "|"-separated, one label format per nesting depth */
        char *copy = arena_strdup(L->a, labels), *save = NULL;
        int d = 0;
        for (char *tok = strtok_r(copy, "|", &save); tok && d < 4; tok = strtok_r(NULL, "|", &save))
            l->label[d++] = tok;
        for (; d < 4 && d > 0; d++)
            l->label[d] = l->label[d - 1];
    }
    sv_length(L, x, "indent", &l->indent);
    sv_length(L, x, "label-gap", &l->label_gap);
    read_align(L, x, "label-align", &l->label_align);
}

static style_cover_line *read_lines(loader *L, xmlNodePtr x, int cover);

/* <band top height color>: a field of colour across the cover. */
static void read_band(loader *L, xmlNodePtr x, style_cover_band ***tail)
{
    static const char *const band_attrs[] = { "top", "height", "color", NULL };
    sv_attrs_ok(L, x, band_attrs);
    style_cover_band *b = arena_alloc(L->a, sizeof *b);
    sv_length(L, x, "top", &b->top);
    if (!sv_length(L, x, "height", &b->height) || b->height <= 0)
        sv_bad(L, x, "needs a height above 0, not", sv_attr(x, "height", L->a) ? sv_attr(x, "height", L->a) : "none");
    b->color = STYLE_NONE;
    if (!sv_colour(L, x, "color", &b->color) || b->color == STYLE_NONE)
        sv_bad(L, x, "needs a color, not", sv_attr(x, "color", L->a) ? sv_attr(x, "color", L->a) : "none");
    **tail = b;
    *tail = &b->next;
}

static void read_cover(loader *L, xmlNodePtr x)
{
    sv_length(L, x, "top", &L->t->cover_top);
    L->t->cover = read_lines(L, x, 1);
    style_cover_band **tail = &L->t->cover_bands;
    for (xmlNodePtr c = x->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "band") == 0)
            read_band(L, c, &tail);
}

static void read_furniture(loader *L, xmlNodePtr x, style_furniture *f)
{
    sv_need_style(L, x, "style", &f->style);
    f->left = sv_attr(x, "left", L->a);
    f->center = sv_attr(x, "center", L->a);
    f->right = sv_attr(x, "right", L->a);
    sv_length(L, x, "offset", &f->offset);
    sv_length(L, x, "rule", &f->rule);
    sv_length(L, x, "rule-gap", &f->rule_gap);
    sv_colour(L, x, "rule-color", &f->rule_color);
    sv_flag(L, x, "first-page", &f->on_first_page);
    sv_length(L, x, "min-size", &f->min_size);
}

static void read_roles(loader *L, xmlNodePtr x)
{
    style_template *t = L->t;
    sv_style_ref(L, x, "body", &t->body_style);
    sv_style_ref(L, x, "list", &t->list_style);
    sv_style_ref(L, x, "quote", &t->quote_style);
    sv_style_ref(L, x, "attribution", &t->attribution_style);
    sv_style_ref(L, x, "signoff-name", &t->signoff_name_style);
    sv_style_ref(L, x, "signoff-role", &t->signoff_role_style);
    sv_style_ref(L, x, "foreword", &t->foreword_style);
    const char *fw = sv_attr(x, "foreword-title", L->a);
    if (fw)
        t->foreword_title = fw;
}

static void read_table(loader *L, xmlNodePtr x)
{
    style_table *tb = &L->t->table;
    sv_need_style(L, x, "style", &tb->cell_style);
    tb->head_style = tb->total_style = tb->caption_style = tb->cell_style;
    tb->headnote_style = tb->cell_style;
    sv_style_ref(L, x, "head-style", &tb->head_style);
    sv_style_ref(L, x, "headnote-style", &tb->headnote_style);
    sv_style_ref(L, x, "total-style", &tb->total_style);
    sv_style_ref(L, x, "caption-style", &tb->caption_style);
    tb->label = sv_attr(x, "label", L->a);
    const char *sep = sv_attr(x, "separator", L->a);
    tb->separator = sv_keep_spaces(L, sep ? sep : " ");
    const char *cont = sv_attr(x, "continued", L->a);
    tb->continued = cont && *cont ? sv_keep_spaces(L, cont) : NULL;
    tb->numbered = tb->label != NULL;
    sv_flag(L, x, "numbered", &tb->numbered);
    sv_length(L, x, "padding-x", &tb->pad_x);
    sv_length(L, x, "padding-y", &tb->pad_y);
    tb->pad_x_min = tb->pad_x;
    sv_length(L, x, "padding-x-min", &tb->pad_x_min);
    tb->min_scale = 1;
    sv_number(L, x, "min-scale", &tb->min_scale);
    if (tb->min_scale < 0.3 || tb->min_scale > 1)
        sv_bad(L, x, "min-scale is a factor between 0.3 and 1, not", sv_attr(x, "min-scale", L->a));
    tb->split_room = 0;
    sv_number(L, x, "split-room", &tb->split_room);
    if (!(tb->split_room >= 0 && tb->split_room <= 1))
        sv_bad(L, x, "split-room is a share of the page between 0 and 1, not", sv_attr(x, "split-room", L->a));
    sv_length(L, x, "rule", &tb->rule);
    sv_length(L, x, "frame", &tb->frame);
    sv_colour(L, x, "rule-color", &tb->rule_color);
    tb->head_fill = tb->total_fill = tb->stripe_fill = STYLE_NONE;
    sv_colour(L, x, "head-fill", &tb->head_fill);
    sv_colour(L, x, "total-fill", &tb->total_fill);
    sv_colour(L, x, "stripe-fill", &tb->stripe_fill);
    sv_flag(L, x, "grid", &tb->grid);
    sv_length(L, x, "space-before", &tb->space_before);
    sv_length(L, x, "space-after", &tb->space_after);
    tb->numeric_align = ALIGN_RIGHT;
    read_align(L, x, "numeric-align", &tb->numeric_align);
    sv_flag(L, x, "decimal-align", &tb->decimal_align);
}

static void read_money(loader *L, xmlNodePtr x)
{
    style_money *m = &L->t->money;
    const char *v;
    if ((v = sv_attr(x, "thousands", L->a))) m->thousands = v;
    if ((v = sv_attr(x, "decimal", L->a))) m->decimal = v;
    if ((v = sv_attr(x, "format", L->a))) m->format = v;
    if ((v = sv_attr(x, "negative", L->a))) m->negative = v;
    sv_integer(L, x, "decimals", &m->decimals);
    if (m->decimals > 4)
        sv_bad(L, x, "decimals is at most 4, not", sv_attr(x, "decimals", L->a));
}

/* "a|b|c" into at most max parts; returns how many. */
static int split_bars(loader *L, const char *v, const char **out, int max)
{
    char *copy = arena_strdup(L->a, v), *save = NULL;
    int n = 0;
    for (char *tok = strtok_r(copy, "|", &save); tok && n < max; tok = strtok_r(NULL, "|", &save))
        out[n++] = tok;
    return n;
}

static void read_grid(loader *L, xmlNodePtr x)
{
    static const char *const types[GRID_TYPE_COUNT] = { "outcomes", "aims", "agency-plan" };
    const char *type = sv_attr(x, "type", L->a);
    int k = 0;
    while (k < GRID_TYPE_COUNT && (!type || strcmp(type, types[k]) != 0))
        k++;
    if (k == GRID_TYPE_COUNT) {
        sv_bad(L, x, "type is outcomes, aims or agency-plan, not", type ? type : "missing");
        return;
    }
    style_grid *g = &L->t->grid[k];
    const char *cols = sv_attr(x, "columns", L->a);
    if (cols)
        g->ncolumns = split_bars(L, cols, g->columns, 6);
    const char *widths = sv_attr(x, "widths", L->a);
    if (widths) {
        const char *w[6];
        int n = split_bars(L, widths, w, 6);
        for (int i = 0; i < n; i++) {
            char *end;
            double v = strtod(w[i], &end);
            if (end == w[i] || *end || v <= 0 || v > 100)
                sv_bad(L, x, "widths are per cents between 0 and 100, not", w[i]);
            g->widths[i] = v / 100.0;
        }
    }
    g->label = sv_attr(x, "label", L->a);
}

/* <board>: texts and styles of the board's own blocks, described by a
 * table so that every attribute is read, checked and required alike. */
typedef struct board_field {
    const char *attr;
    int is_style;
    size_t offset;
} board_field;

#define BOARD_TEXT(a, f) { a, 0, offsetof(style_board, f) }
#define BOARD_STYLE(a, f) { a, 1, offsetof(style_board, f) }

static const board_field board_fields[] = {
    BOARD_TEXT("chair", chair), BOARD_STYLE("chair-style", chair_style),
    BOARD_STYLE("figure-value-style", figure_value_style),
    BOARD_STYLE("figure-label-style", figure_label_style),
    BOARD_STYLE("story-style", story_style), BOARD_STYLE("story-title-style", story_title_style),
    BOARD_TEXT("priority-label", priority_label), BOARD_STYLE("priority-style", priority_style),
    BOARD_STYLE("success-style", success_style),
    BOARD_TEXT("message-title", message_title), BOARD_STYLE("message-style", message_style),
    BOARD_STYLE("group-style", group_style), BOARD_STYLE("member-style", member_style),
    BOARD_STYLE("member-role-style", member_role_style), BOARD_STYLE("change-style", change_style),
    BOARD_TEXT("member-separator", member_separator),
    BOARD_TEXT("contact-title", contact_title), BOARD_STYLE("contact-title-style", contact_title_style),
    BOARD_STYLE("contact-style", contact_style),
    BOARD_TEXT("papers-title", papers_title), BOARD_STYLE("papers-title-style", papers_title_style),
    BOARD_TEXT("summary-title", summary_title),
    BOARD_STYLE("summary-title-style", summary_title_style),
};
#define N_BOARD_FIELDS (sizeof board_fields / sizeof board_fields[0])

static void read_board(loader *L, xmlNodePtr x)
{
    const char *allowed[N_BOARD_FIELDS + 1];
    for (size_t k = 0; k < N_BOARD_FIELDS; k++)
        allowed[k] = board_fields[k].attr;
    allowed[N_BOARD_FIELDS] = NULL;
    sv_attrs_ok(L, x, allowed);
    char *base = (char *)&L->t->board;
    for (size_t k = 0; k < N_BOARD_FIELDS; k++) {
        const board_field *f = &board_fields[k];
        if (f->is_style) {
            int *slot = (int *)(base + f->offset);
            if (sv_style_ref(L, x, f->attr, slot) == 0)
                sv_bad(L, x, "needs the attribute", f->attr);
        } else {
            const char *v = sv_attr(x, f->attr, L->a);
            if (!v)
                sv_bad(L, x, "needs the attribute", f->attr);
            *(const char **)(base + f->offset) = v ? sv_keep_spaces(L, v) : "";
        }
    }
    L->t->has_board = 1;
}

/* Lines of a cover or front sheet: <line style= text= space-before=/>. */
/* The <line> children of x (a cover's may stand at a given top, among
 * its <band>s, read apart). */
static style_cover_line *read_lines(loader *L, xmlNodePtr x, int cover)
{
    style_cover_line *first = NULL, **tail = &first;
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        static const char *const line_attrs[] = { "style", "text", "space-before", "logo", NULL };
        static const char *const cover_line_attrs[] = { "style", "text", "space-before", "logo", "top", "picture",
            NULL };
        if (cover && strcmp((const char *)c->name, "band") == 0)
            continue;
        if (strcmp((const char *)c->name, "line") != 0) {
            sv_bad(L, c, cover ? "holds only <line> and <band> elements, not" : "holds only <line> elements, not",
                   (const char *)c->name);
            continue;
        }
        sv_attrs_ok(L, c, cover ? cover_line_attrs : line_attrs);
        style_cover_line *cl = arena_alloc(L->a, sizeof *cl);
        if (cover) {
            sv_length(L, c, "top", &cl->top);
            sv_length(L, c, "picture", &cl->picture);
        }
        sv_length(L, c, "logo", &cl->logo);
        if (cl->logo > 0 || (cover && sv_attr(c, "picture", L->a)))
            sv_style_ref(L, c, "style", &cl->style);
        else
            sv_need_style(L, c, "style", &cl->style);
        cl->text = sv_attr(c, "text", L->a);
        if (!cl->text)
            cl->text = "";
        sv_length(L, c, "space-before", &cl->space_before);
        *tail = cl;
        tail = &cl->next;
    }
    return first;
}

static void read_hyphenation(loader *L, xmlNodePtr x)
{
    const char *v = sv_attr(x, "patterns", L->a);
    if (v)
        L->t->hyphen_patterns = resolve_path(L, v);
    sv_integer(L, x, "left", &L->t->hyphen_left);
    sv_integer(L, x, "right", &L->t->hyphen_right);
}

static void read_contents(loader *L, xmlNodePtr x)
{
    style_contents *ct = &L->t->contents;
    ct->title = sv_attr(x, "title", L->a);
    sv_need_style(L, x, "title-style", &ct->title_style);
    sv_integer(L, x, "depth", &ct->depth);
    const char *styles = sv_attr(x, "styles", L->a);
    const char *names[3];
    int n = styles ? split_bars(L, styles, names, 3) : 0;
    for (int k = 0; k < 3; k++) {
        const char *name = n ? names[k < n ? k : n - 1] : NULL;
        ct->style[k] = name ? style_lookup(L->t, name) : -1;
        if (ct->style[k] < 0) {
            sv_bad(L, x, "styles= names no style", n ? name : "(none given)");
            return;
        }
    }
    const char *leader = sv_attr(x, "leader", L->a);
    ct->leader = leader ? leader : "";
    sv_length(L, x, "number-width", &ct->number_width);
    sv_length(L, x, "gap", &ct->gap);
    sv_integer(L, x, "auto-pages", &ct->auto_pages);
}

static void read_references(loader *L, xmlNodePtr x)
{
    const char *v;
    if ((v = sv_attr(x, "full", L->a)))
        L->t->ref_full = sv_keep_spaces(L, v);
    if ((v = sv_attr(x, "show", L->a))) {
        if (strcmp(v, "number") && strcmp(v, "title") && strcmp(v, "page") && strcmp(v, "full"))
            sv_bad(L, x, "show is number, title, page or full, not", v);
        L->t->ref_default = v;
    }
}

static void read_page_numbers(loader *L, xmlNodePtr x)
{
    const char *v = sv_attr(x, "front", L->a);
    if (!v)
        return;
    if (strcmp(v, "lower-roman") == 0) L->t->front_numbering = 'i';
    else if (strcmp(v, "upper-roman") == 0) L->t->front_numbering = 'I';
    else if (strcmp(v, "continuous") == 0) L->t->front_numbering = 0;
    else sv_bad(L, x, "front is lower-roman, upper-roman or continuous, not", v);
}

static void read_orgchart(loader *L, xmlNodePtr x)
{
    style_orgchart *o = &L->t->orgchart;
    sv_need_style(L, x, "box-style", &o->box_style);
    sv_length(L, x, "padding", &o->padding);
    sv_length(L, x, "gap-x", &o->gap_x);
    sv_length(L, x, "gap-y", &o->gap_y);
    sv_length(L, x, "box-max", &o->box_max);
    sv_length(L, x, "line", &o->line);
    o->fill = STYLE_NONE;
    sv_colour(L, x, "line-color", &o->line_color);
    sv_colour(L, x, "fill", &o->fill);
    o->min_scale = 1;
    sv_number(L, x, "min-scale", &o->min_scale);
    if (o->min_scale < 0.3 || o->min_scale > 1)
        sv_bad(L, x, "min-scale is a factor between 0.3 and 1, not", sv_attr(x, "min-scale", L->a));
    if (o->box_max < 36 || o->gap_y <= 0) {
        sv_bad(L, x, "needs box-max of at least 36pt and a gap-y", "");
        return;
    }
    L->t->has_orgchart = 1;
}

static void read_chart(loader *L, xmlNodePtr x)
{
    style_chart *ch = &L->t->chart;
    sv_need_style(L, x, "style", &ch->text_style);
    sv_length(L, x, "height", &ch->height);
    sv_length(L, x, "axis", &ch->axis);
    sv_length(L, x, "grid", &ch->grid);
    sv_length(L, x, "line", &ch->line);
    sv_length(L, x, "outline", &ch->outline);
    sv_length(L, x, "marker", &ch->marker);
    sv_colour(L, x, "axis-color", &ch->axis_color);
    sv_colour(L, x, "grid-color", &ch->grid_color);
    sv_length(L, x, "tick", &ch->tick);
    sv_length(L, x, "gap", &ch->gap);
    sv_number(L, x, "bar-width", &ch->bar_width);
    sv_length(L, x, "hatch-step", &ch->hatch_step);
    sv_length(L, x, "hatch-width", &ch->hatch_width);
    ch->value_fill = STYLE_NONE;
    sv_colour(L, x, "value-fill", &ch->value_fill);
    if (ch->bar_width <= 0 || ch->bar_width > 1 || ch->hatch_step < 1) {
        sv_bad(L, x, "needs bar-width between 0 and 1 and a hatch-step of at least 1pt", "");
        return;
    }
    const char *pal = sv_attr(x, "palette", L->a);
    const char *names[8];
    int n = pal ? split_bars(L, pal, names, 8) : 0;
    for (int k = 0; k < n; k++) {
        char *end;
        unsigned long v = names[k][0] == '#' ? strtoul(names[k] + 1, &end, 16) : 0;
        if (names[k][0] != '#' || strlen(names[k]) != 7 || *end) {
            sv_bad(L, x, "palette colours are #rrggbb, not", names[k]);
            return;
        }
        ch->palette[k] = (uint32_t)v;
    }
    ch->npalette = n;
    if (n == 0 || ch->height < 72) {
        sv_bad(L, x, "needs a palette and a height of at least an inch", "");
        return;
    }
    L->t->has_chart = 1;
}

static void read_notes(loader *L, xmlNodePtr x)
{
    sv_need_style(L, x, "style", &L->t->note_style);
    sv_need_style(L, x, "marker-style", &L->t->note_marker_style);
    sv_any_length(L, x, "rise", &L->t->note_rise, 1);
    const char *place = sv_attr(x, "place", L->a);
    if (place && strcmp(place, "foot") == 0)
        L->t->notes_at_foot = 1;
    else if (place && strcmp(place, "chapter-end") != 0)
        sv_bad(L, x, "place is foot or chapter-end, not", place);
    sv_length(L, x, "rule", &L->t->note_rule);
    sv_length(L, x, "rule-length", &L->t->note_rule_length);
    sv_length(L, x, "rule-gap", &L->t->note_rule_gap);
    L->t->note_rule_color = 0;
    sv_colour(L, x, "rule-color", &L->t->note_rule_color);
    L->t->has_notes = 1;
}

static void read_pdfa(loader *L, xmlNodePtr x)
{
    const char *v = sv_attr(x, "profile", L->a);
    if (v)
        L->t->pdfa_profile = resolve_path(L, v);
    L->t->pdfa_condition = sv_attr(x, "condition", L->a);
}




static void read_flow(loader *L, xmlNodePtr x)
{
    sv_floats(L, x);
    sv_flag(L, x, "float-past-headings", &L->t->float_past_headings);
    sv_integer(L, x, "widows", &L->t->widows);
    sv_integer(L, x, "orphans", &L->t->orphans);
    sv_integer(L, x, "heading-keep", &L->t->heading_keep_lines);
    sv_length(L, x, "label-indent", &L->t->label_indent);
    sv_length(L, x, "min-measure", &L->t->min_measure);
    sv_number(L, x, "space-stretch", &L->t->space_stretch);
    sv_number(L, x, "space-shrink", &L->t->space_shrink);
    sv_number(L, x, "ragged-stretch", &L->t->ragged_stretch);
    sv_flag(L, x, "ragged-hyphenate", &L->t->ragged_hyphenate);
    sv_number(L, x, "pretolerance", &L->t->pretolerance);
    sv_number(L, x, "tolerance", &L->t->tolerance);
    sv_number(L, x, "line-penalty", &L->t->line_penalty);
    sv_number(L, x, "hyphen-penalty", &L->t->hyphen_penalty);
    sv_number(L, x, "flagged-demerits", &L->t->flagged_demerits);
    sv_number(L, x, "final-hyphen-demerits", &L->t->final_hyphen_demerits);
    sv_number(L, x, "fitness-demerits", &L->t->fitness_demerits);
    sv_integer(L, x, "max-hyphen-run", &L->t->max_hyphen_run);
    sv_quotes(L, x);
    sv_minus(L, x);
}

static const char *const page_attrs[] = { "width", "height", "margin-top", "margin-bottom",
    "margin-left", "margin-right", NULL };
static const char *const font_attrs[] = { "family", "regular", "bold", "italic", "bold-italic", NULL };
static const char *const style_attrs[] = { "name", "base", "family", "bold", "italic", "uppercase",
    "size", "leading", "color", "space-before", "space-after", "indent-left", "indent-right",
    "first-indent", "align", "keep-with-next", "page-break-before", "rule-below", "rule-color",
    "bar-left", "bar-color", "bar-gap", "hyphenate", NULL };
static const char *const heading_attrs[] = { "level", "style", "number", "numbered", "separator",
    "label", "label-style", NULL };
static const char *const list_attrs[] = { "type", "labels", "indent", "label-gap", "label-align", NULL };
static const char *const cover_attrs[] = { "top", NULL };
static const char *const furniture_attrs[] = { "style", "left", "center", "right", "offset", "rule",
    "rule-gap", "rule-color", "first-page", "min-size", NULL };
static const char *const roles_attrs[] = { "body", "list", "quote", "attribution", "signoff-name",
    "signoff-role", "foreword", "foreword-title", NULL };
static const char *const flow_attrs[] = { "widows", "orphans", "heading-keep", "label-indent",
    "space-stretch", "space-shrink", "ragged-stretch", "ragged-hyphenate", "pretolerance", "tolerance",
    "line-penalty", "hyphen-penalty", "flagged-demerits", "final-hyphen-demerits", "fitness-demerits",
    "max-hyphen-run", "min-measure", "quotes", "minus", "float", "float-past-headings", NULL };
static const char *const hyphenation_attrs[] = { "patterns", "left", "right", NULL };
static const char *const table_attrs[] = { "style", "head-style", "total-style", "caption-style",
    "headnote-style",
    "label", "separator", "numbered", "padding-x", "padding-x-min", "min-scale", "split-room", "continued", "padding-y", "rule", "frame", "rule-color",
    "head-fill", "total-fill", "stripe-fill", "grid", "space-before", "space-after",
    "numeric-align", "decimal-align", NULL };
static const char *const money_attrs[] = { "thousands", "decimal", "decimals", "format", "negative", NULL };
static const char *const grid_attrs[] = { "type", "columns", "widths", "label", NULL };
static const char *const no_attrs[] = { NULL };
static const char *const contents_attrs[] = { "title", "title-style", "depth", "styles", "leader",
    "number-width", "gap", "auto-pages", NULL };
static const char *const references_attrs[] = { "full", "show", NULL };
static const char *const page_numbers_attrs[] = { "front", NULL };
static const char *const pdfa_attrs[] = { "profile", "condition", NULL };
static const char *const notes_attrs[] = { "style", "marker-style", "rise", "place", "rule", "rule-length",
    "rule-gap", "rule-color", NULL };
static const char *const chart_attrs[] = { "style", "height", "palette", "axis", "grid", "line",
    "outline", "marker", "axis-color", "grid-color", "tick", "gap", "bar-width", "hatch-step",
    "hatch-width", "value-fill", NULL };
static const char *const orgchart_attrs[] = { "box-style", "padding", "gap-x", "gap-y", "box-max",
    "line", "line-color", "fill", "min-scale", NULL };

static void read_element(loader *L, xmlNodePtr x)
{
    const char *n = (const char *)x->name;
    static const struct { const char *name; const char *const *attrs; } known[] = {
        {"page", page_attrs}, {"font", font_attrs}, {"style", style_attrs},
        {"heading", heading_attrs}, {"appendix", heading_attrs + 1}, {"list", list_attrs},
        {"cover", cover_attrs}, {"header", furniture_attrs}, {"footer", furniture_attrs},
        {"roles", roles_attrs}, {"flow", flow_attrs}, {"table", table_attrs},
        {"money", money_attrs}, {"grid", grid_attrs}, {"front-sheet", no_attrs},
        {"hyphenation", hyphenation_attrs}, {"contents", contents_attrs},
        {"references", references_attrs}, {"page-numbers", page_numbers_attrs},
        {"pdfa", pdfa_attrs}, {"notes", notes_attrs}, {"orgchart", orgchart_attrs},
        {"chart", chart_attrs},
    };
    for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
        if (strcmp(n, known[k].name) == 0)
            sv_attrs_ok(L, x, known[k].attrs);
    if (strcmp(n, "page") == 0) read_page(L, x);
    else if (strcmp(n, "font") == 0) read_font(L, x);
    else if (strcmp(n, "style") == 0) read_style(L, x);
    else if (strcmp(n, "heading") == 0) read_heading(L, x);
    else if (strcmp(n, "appendix") == 0) {
        read_heading_like(L, x, &L->t->appendix);
        L->t->has_appendix = 1;
    }
    else if (strcmp(n, "list") == 0) read_list(L, x);
    else if (strcmp(n, "cover") == 0) read_cover(L, x);
    else if (strcmp(n, "header") == 0) read_furniture(L, x, &L->t->header);
    else if (strcmp(n, "footer") == 0) read_furniture(L, x, &L->t->footer);
    else if (strcmp(n, "roles") == 0) read_roles(L, x);
    else if (strcmp(n, "flow") == 0) read_flow(L, x);
    else if (strcmp(n, "table") == 0) read_table(L, x);
    else if (strcmp(n, "money") == 0) read_money(L, x);
    else if (strcmp(n, "grid") == 0) read_grid(L, x);
    else if (strcmp(n, "board") == 0) read_board(L, x);
    else if (strcmp(n, "hyphenation") == 0) read_hyphenation(L, x);
    else if (strcmp(n, "contents") == 0) read_contents(L, x);
    else if (strcmp(n, "references") == 0) read_references(L, x);
    else if (strcmp(n, "page-numbers") == 0) read_page_numbers(L, x);
    else if (strcmp(n, "pdfa") == 0) read_pdfa(L, x);
    else if (strcmp(n, "notes") == 0) read_notes(L, x);
    else if (strcmp(n, "orgchart") == 0) read_orgchart(L, x);
    else if (strcmp(n, "chart") == 0) read_chart(L, x);
    else if (strcmp(n, "front-sheet") == 0) L->t->front_sheet = read_lines(L, x, 0);
    else {
        diag_error(L->dg, L->t->path, x->line, 0, "<%s> is not a template element", n);
        L->errors++;
    }
}

static size_t count_children(xmlNodePtr root, const char *name)
{
    size_t n = 0;
    for (xmlNodePtr c = root->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
            n++;
    return n;
}

static const char *dir_of(arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? arena_strndup(a, path, (size_t)(slash - path)) : ".";
}

/* libxml2 hands the DOCTYPE to this SAX callback before it reads any
 * declaration in it; stopping there means no entity is ever defined
 * (entities are never wanted in a template, as in a report). */
static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                           const xmlChar *system_id)
{
    (void)name; (void)external_id; (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    *(int *)ctxt->_private = xmlSAX2GetLineNumber(ctxt);
    xmlStopParser(ctxt);
}

/* The template's XML, read with the report's safe options: no network,
 * no DTD, no entities; NULL after a reported error. */
static xmlDocPtr read_xml(const char *buf, size_t len, const char *path, diag *dg)
{
    if (len > TEMPLATE_MAX_BYTES) {
        diag_error(dg, path, 0, 0, "the template is larger than %ld MB", TEMPLATE_MAX_BYTES >> 20);
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        diag_error(dg, path, 0, 0, "out of memory");
        return NULL;
    }
    int doctype_line = 0;
    ctxt->_private = &doctype_line;
    ctxt->sax->internalSubset = refuse_doctype;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, path, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    if (doctype_line) {
        diag_error(dg, path, doctype_line, 0, "DOCTYPE declarations are not allowed in a template");
    } else if (!doc || !ctxt->wellFormed) {
        xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
        char msg[300] = "";
        if (e && e->message) {
            snprintf(msg, sizeof msg, ": %s", e->message);
            msg[strcspn(msg, "\n")] = '\0';
        }
        diag_error(dg, path, e ? e->line : 0, 0, "cannot read the template%s", msg);
    } else if (!xmlDocGetRootElement(doc)) {
        diag_error(dg, path, 1, 0, "the template is empty");
    } else {
        xmlFreeParserCtxt(ctxt);
        return doc;
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    return NULL;
}

style_template *template_parse(const char *buf, size_t len, const char *path, arena *a, diag *dg)
{
    if (!path)
        path = "(template)";
    xmlDocPtr doc = read_xml(buf, len, path, dg);
    if (!doc)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    style_template *t = arena_alloc(a, sizeof *t);
    loader L = { .t = t, .a = a, .dir = dir_of(a, path), .dg = dg };
    t->path = arena_strdup(a, path);
    t->name = sv_attr(root, "name", a);
    t->widows = t->orphans = 2;
    /* line breaking has no defaults here: every template states them */
    t->space_stretch = t->space_shrink = t->ragged_stretch = -1;
    t->pretolerance = t->tolerance = t->line_penalty = t->hyphen_penalty = -1;
    t->flagged_demerits = t->fitness_demerits = -1;
    t->max_hyphen_run = t->hyphen_left = t->hyphen_right = -1;
    t->heading_keep_lines = 2;
    t->foreword_title = "";
    t->header.style = t->footer.style = -1;
    t->body_style = t->list_style = t->quote_style = t->attribution_style = -1;
    t->signoff_name_style = t->signoff_role_style = t->foreword_style = -1;
    t->table.cell_style = -1;
    t->money = (style_money){ .thousands = ",", .decimal = ".", .format = "{n}", .negative = "-{n}" };
    t->families = arena_alloc(a, sizeof(style_family) * (count_children(root, "font") + 1));
    t->styles = arena_alloc(a, sizeof(style_block) * (count_children(root, "style") + 1));
    if (strcmp((const char *)root->name, "template") != 0) {
        diag_error(dg, path, root->line, 0, "the root element of a template is <template>");
        L.errors++;
    } else {
        for (xmlNodePtr c = root->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
                read_element(&L, c);
        sv_check_complete(&L, root);
        if (!L.errors)
            sv_check_geometry(&L, root);
    }
    xmlFreeDoc(doc);
    if (L.errors) {
        style_release(t);
        return NULL;
    }
    return t;
}

style_template *template_load(const char *path, arena *a, diag *dg)
{
    char why[FILE_WHY_MAX];
    size_t len = 0;
    unsigned char *buf = file_read(path, NULL, TEMPLATE_MAX_BYTES, &len, NULL, why, sizeof why);
    if (!buf) {
        diag_error(dg, path, 0, 0, "the template %s", why);
        return NULL;
    }
    style_template *t = template_parse((const char *)buf, len, path, a, dg);
    free(buf);
    return t;
}

/* The installation's folder: BOARDPRESS_HOME, else the executable's. */
static const char *home(arena *a)
{
    const char *env = getenv("BOARDPRESS_HOME");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return ".";
    exe[n] = '\0';
    return dir_of(a, exe);
}

const char *template_find(const char *name, arena *a)
{
    size_t len = strlen(name);
    if (strchr(name, '/') || (len > 4 && strcmp(name + len - 4, ".xml") == 0))
        return name;
    return arena_printf(a, "%s/templates/%s.xml", home(a), name);
}
