/* block.c - blocks: the dispatch from an element to what sets it, and
 * the blocks of running text: paragraphs (with their own numbers),
 * lists, quotes, sign-offs, chapters and sections with their numbered
 * headings, and the notes set at a chapter's end.
 */
#include "block.h"

#include <stdlib.h>
#include <string.h>

#include "anchor.h"
#include "board.h"
#include "chart.h"
#include "label.h"
#include "measure.h"
#include "orgchart.h"
#include "para.h"
#include "picture.h"
#include "table.h"
#include "text.h"
#include "toc.h"

/* Makes the label's items; gal_new_line attaches them to the item's first line. */
static void make_label(ctx *c, galley *g, frame f, const char *label, double x,
                       const model_node *src)
{
    if (!*label)
        return;
    const style_block *s = &c->t->styles[lay_style(f, c->t->list_style)];
    ink k = lay_ink(f, s);
    font *face = lay_ink_font(c, &k);
    if (!face)
        return;
    lay_check_glyphs(c, label, strlen(label), face, src);
    dl_item *it = lay_text_item(c, ROLE_LIST_LABEL, face, s->size, s->color, label);
    it->x = x;
    it->src = src;
    /* an item whose content starts with a nested list shows both labels
     * on its first line */
    if (g->label) {
        dl_item *last = g->label;
        while (last->next)
            last = last->next;
        last->next = it;
    } else {
        g->label = it;
    }
}

/* The widest hanging indent a label may take in b: half the measure,
 * so that the text beside it keeps room. */
static double hang_limit(const ctx *c, frame f)
{
    return (lay_text_width(c) - f.left - f.right) / 2;
}

/* Sets an item's content hung hang points in from f, its label in the
 * margin on its first line; a label too wide for the hang starts the
 * text instead. */
static void item_body(ctx *c, galley *g, const style_list *ls, const char *label,
                      const model_node *it, frame f, double hang, int level, int depth)
{
    frame inner = lay_indent(f, hang, 0);
    int style = lay_style(f, c->t->list_style);
    const char *run_in = NULL;
    double width = *label ? lay_label_width(c, f, label) : 0;
    if (*label && width + ls->label_gap > hang + LB_FIT_EPSILON) {
        run_in = arena_printf(c->a, "%s ", label);
    } else {
        double x = f.left;
        if (ls->label_align == ALIGN_RIGHT && *label)
            x = f.left + hang - ls->label_gap - width;
        make_label(c, g, f, label, c->t->margin_left + x, it);
    }
    if (lay_has_inline(it))
        lay_paragraph(c, g, it, style, inner, run_in, style, ROLE_BODY, 0);
    else if (run_in)
        lay_plain(c, g, run_in, style, inner, it, ROLE_BODY);
    if (lay_has_blocks(it))
        lay_blocks(c, g, it, inner, level, depth + 1);
    if (g->label) {
        /* an empty item still shows its label, on a line of a no-break space */
        lay_plain(c, g, "\xC2\xA0", style, inner, it, ROLE_BODY);
    }
}

static void list(ctx *c, galley *g, const model_node *n, frame f, int level, int depth)
{
    int type = lay_list_type(n);
    const style_list *ls = &c->t->list[type];
    /* the space the text before the list leaves above it, which the list
     * leaves below it too: a list sits in its text symmetrically */
    double before = g->pending_space;
    const char *start = model_attr_get(n, "start");
    long first = start ? strtol(start, NULL, 10) : 1;
    /* the hanging indent fits the widest label */
    double hang = ls->indent, widest = 0;
    long k = first;
    for (const model_node *it = n->first; it; it = it->next, k++) {
        double w = lay_label_width(c, f, lay_item_label(c, it, type, depth, k));
        if (w > widest)
            widest = w;
    }
    if (widest + ls->label_gap > hang)
        hang = widest + ls->label_gap;
    if (hang > hang_limit(c, f))
        hang = ls->indent < hang_limit(c, f) ? ls->indent : hang_limit(c, f);
    k = first;
    for (const model_node *it = n->first; it; it = it->next, k++)
        item_body(c, g, ls, lay_item_label(c, it, type, depth, k), it, f, hang, level, depth);
    gal_add_space(g, c->t->styles[lay_style(f, c->t->list_style)].space_after);
    gal_add_space(g, before);
}

void lay_labelled(ctx *c, galley *g, const char *label, const model_node *content, frame f,
                  int level, int depth)
{
    double hang = 0;
    const style_list *ls = &c->t->list[LIST_ARABIC];
    if (label && *label)
        hang = lay_label_width(c, f, label) + ls->label_gap;
    if (hang > hang_limit(c, f))
        hang = 0;                   /* the label starts the text */
    /* the content's own lists are lists of the first level, as they are
     * outside a cell */
    item_body(c, g, ls, label ? label : "", content, f, hang, level, depth - 1);
}

static void quote(ctx *c, galley *g, const model_node *n, frame f, int level)
{
    f = lay_with_bar(c, f, &c->t->styles[c->t->quote_style]);
    gline *before = g->last;
    if (lay_has_inline(n))
        lay_paragraph(c, g, n, c->t->quote_style, f, NULL, 0, ROLE_QUOTE, 0);
    for (const model_node *ch = n->first; ch; ch = ch->next)
        if (ch->kind == M_P)
            lay_paragraph(c, g, ch, c->t->quote_style, f, NULL, 0, ROLE_QUOTE, 0);
        else if (ch->kind == M_ATTRIBUTION)
            lay_paragraph(c, g, ch, c->t->attribution_style, f, NULL, 0, ROLE_QUOTE, 0);
    (void)level;
    gal_keep_whole(g, before);
    lay_float(c, g, before, STYLE_FLOAT_QUOTE);
}

static void signoff(ctx *c, galley *g, const char *name, const char *role, const char *date, frame f,
                    const model_node *src)
{
    if (name && *name)
        lay_plain(c, g, name, c->t->signoff_name_style, f, src, ROLE_BODY);
    if (role && *role)
        lay_plain(c, g, role, c->t->signoff_role_style, f, src, ROLE_BODY);
    if (date && *date)
        lay_plain(c, g, date, c->t->signoff_role_style, f, src, ROLE_BODY);
}

typedef struct heading_ctx {
    ctx *c;
    int level;
} heading_ctx;

static int heading_lookup(void *p, const char *key, const char **str, long *num)
{
    heading_ctx *h = p;
    (void)str;
    if (strcmp(key, "n") == 0) {
        *num = h->c->counters[h->level - 1];
        return 1;
    }
    if (key[0] >= '1' && key[0] <= '6' && key[1] == '\0') {
        *num = h->c->counters[key[0] - '1'];
        return 1;
    }
    return 0;
}

/* The template's scheme fmt for a heading at level, without the numbers
 * of the levels above it that have no count of their own, each with the
 * text after it: under "Section 1", "{1}.{2}" is "{2}", so that its parts
 * number 1, 2, ... rather than on from the chapter before. */
static const char *scheme(ctx *c, const char *fmt, int level)
{
    int drop = 0;
    for (int k = 0; k < level - 1; k++)
        drop |= c->uncounted[k];
    if (!drop)
        return fmt;
    char *out = arena_alloc(c->a, strlen(fmt) + 1), *o = out;
    for (const char *p = fmt; *p;) {
        if (p[0] == '{' && p[1] >= '1' && p[1] < '0' + level && p[2] == '}' && c->uncounted[p[1] - '1']) {
            p += 3;
            while (*p && *p != '{')
                p++;
            continue;
        }
        *o++ = *p++;
    }
    *o = '\0';
    return out;
}

/* The label of a heading, counting it; NULL when unnumbered. A literal
 * number= is printed as given whatever the template's scheme. */
static const char *heading_label(ctx *c, const model_node *n, const style_heading *h, int level)
{
    const char *number = model_attr_get(n, "number");
    for (int k = level - 1; k < STYLE_MAX_LEVELS; k++)
        c->uncounted[k] = 0;
    if (number && strcmp(number, "auto") != 0 && strcmp(number, "none") != 0) {
        /* a whole number given by hand sets the count the next continue from */
        char *end;
        long v = strtol(number, &end, 10);
        for (int k = level; k < STYLE_MAX_LEVELS; k++)
            c->counters[k] = 0;
        if (*end != '\0' || v <= 0 || v > MODEL_MAX_COUNT || !h->number) {
            c->uncounted[level - 1] = 1;
            return number;
        }
        /* a whole number is counted and dressed as the template dresses
         * numbers: number="7" prints "7." where the scheme is "{1}." */
        c->counters[level - 1] = (int)v;
        if (level == 1 && n->kind != M_APPENDIX)
            c->chapter_counter = (int)v;
        else if (level == 1)
            c->appendix_counter = (int)v;
        heading_ctx hc = { c, level };
        return label_expand(c->a, scheme(c, h->number, level), heading_lookup, &hc);
    }
    int numbered = number ? strcmp(number, "none") != 0 : h->numbered;
    for (int k = level; k < STYLE_MAX_LEVELS; k++)
        c->counters[k] = 0;             /* a new division restarts those below it */
    if (!numbered || !h->number) {
        c->uncounted[level - 1] = 1;
        return NULL;
    }
    if (level == 1)
        c->counters[0] = n->kind == M_APPENDIX ? ++c->appendix_counter : ++c->chapter_counter;
    else
        c->counters[level - 1]++;
    heading_ctx hc = { c, level };
    return label_expand(c->a, scheme(c, h->number, level), heading_lookup, &hc);
}

/* Marks the first line of a chapter for the running head. */
static void set_mark(ctx *c, galley *g, gline *before, const model_node *n, const char *label)
{
    gline *first = gal_since(g, before);
    if (!first)
        return;
    const char *running = model_attr_get(n, "running-head");
    const model_node *title = model_child(n, M_TITLE);
    first->mark_label = label ? label : "";
    first->mark_title = running ? running : title ? lay_child_text(c, n, M_TITLE) : "";
}

/* The notes of the chapter just ended, each under its number. */
void lay_flush_notes(ctx *c, galley *g, frame f)
{
    if (c->t->notes_at_foot)
        return;                     /* they wait for foot_attach */
    frame nf = lay_in_style(f, c->t->note_style);
    while (g->notes) {
        /* a note met while the notes are set is set with them */
        gal_note *note = g->notes;
        g->notes = note->next;
        if (!g->notes)
            g->notes_last = NULL;
        lay_labelled(c, g, arena_printf(c->a, "%d", note->number), note->node, nf, 2, 0);
    }
}

static void division(ctx *c, galley *g, const model_node *n, frame f, int level)
{
    const style_template *t = c->t;
    if (level > t->nheadings)
        level = t->nheadings;
    const style_heading *h = n->kind == M_APPENDIX && level == 1 ? &t->appendix : &t->heading[level - 1];
    const char *label = heading_label(c, n, h, level);
    const model_node *title = model_child(n, M_TITLE);
    const char *prefix = NULL;
    gline *before = g->last;
    if (label && h->label_above) {
        lay_plain(c, g, label, h->label_style, f, n, ROLE_HEADING);
        g->last->keep_next = 1;
    } else if (label) {
        prefix = arena_printf(c->a, "%s%s", label, h->separator);
    }
    gline *label_end = g->last;
    if (title)
        lay_paragraph(c, g, title, h->style, f, prefix, h->style, ROLE_HEADING, level);
    if (label_end != before && label_end != g->last && t->styles[h->style].page_break_before) {
        /* a label above its title breaks the page with it */
        label_end->next->break_before = 0;
        (gal_since(g, before))->break_before = 1;
    }
    if (level == 1)
        set_mark(c, g, before, n, label);
    if (title)
        anchor_add(c, g, before, n, label, lay_child_text(c, n, M_TITLE), level);
    if (n->kind == M_SUBGROUP)
        board_subgroup_chair(c, g, n, f);
    lay_blocks(c, g, n, f, level + 1, 0);
    if (level == 1)
        lay_flush_notes(c, g, f);
}

static void foreword(ctx *c, galley *g, const model_node *n, frame f)
{
    const model_node *title = model_child(n, M_TITLE);
    gline *before = g->last;
    if (title)
        lay_paragraph(c, g, title, c->t->foreword_style, f, NULL, 0, ROLE_HEADING, 1);
    else if (*c->t->foreword_title)
        lay_plain(c, g, c->t->foreword_title, c->t->foreword_style, f, n, ROLE_HEADING);
    anchor_add(c, g, before, n, "", title ? lay_child_text(c, n, M_TITLE) : c->t->foreword_title, 1);
    lay_blocks(c, g, n, f, 2, 0);
    lay_flush_notes(c, g, f);
    signoff(c, g, model_attr_get(n, "by"), model_attr_get(n, "role"), NULL, f, n);
}

/* How far the text of a paragraph numbered label stands in from f. */
static double number_hang(ctx *c, frame f, const char *label, int style)
{
    double hang = lay_measure_text(c, f, label, style).max + c->t->list[LIST_ARABIC].label_gap;
    return hang < c->t->label_indent ? c->t->label_indent : hang;
}

/* A paragraph, with its own number hung in the margin when it has one
 * (committee papers number paragraphs 1.1, 3.1.17). */
static void paragraph_block(ctx *c, galley *g, const model_node *n, frame f, int level)
{
    int style = lay_style(f, c->t->body_style);
    const char *label = model_attr_get(n, "label");
    if (!label) {
        lay_paragraph(c, g, n, style, f, NULL, 0, ROLE_BODY, 0);
        return;
    }
    double hang = number_hang(c, f, label, style);
    if (hang > hang_limit(c, f)) {
        /* a number too wide for the margin starts the paragraph */
        lay_paragraph(c, g, n, style, f, arena_printf(c->a, "%s ", label), style, ROLE_BODY, level);
        return;
    }
    frame labelled = lay_in_style(f, style);
    make_label(c, g, labelled, label, c->t->margin_left + f.left, n);
    lay_paragraph(c, g, n, style, lay_indent(labelled, hang, 0), NULL, 0, ROLE_BODY, level);
}

static void block(ctx *c, galley *g, const model_node *n, frame f, int level, int list_depth)
{
    switch (n->kind) {
    case M_P: paragraph_block(c, g, n, f, level); break;
    case M_TABLE: table_block(c, g, n, f); break;
    case M_PAGE_BREAK: g->break_next = 1; break;
    case M_CONTENTS: toc_contents(c, g, n, f); break;
    case M_CHART: chart_block(c, g, n, f); break;
    case M_IMAGE: picture_block(c, g, n, f); break;
    case M_BUDGET: board_budget(c, g, n, f); break;
    case M_OUTCOME_GRID: case M_STRATEGIC_AIMS: case M_AGENCY_PLAN: board_grid(c, g, n, f); break;
    case M_STRUCTURE: org_chart(c, g, n, f); break;
    case M_KEY_FIGURES: case M_STORY: case M_PRIORITIES: case M_MESSAGES: case M_MEMBERS:
    case M_CONTACT: case M_BACKGROUND_PAPERS: case M_FRONT_SHEET:
        board_block(c, g, n, f, level);
        break;
    case M_LIST: list(c, g, n, f, level, list_depth); break;
    case M_QUOTE: quote(c, g, n, f, level); break;
    case M_SIGNOFF:
        signoff(c, g, lay_child_text(c, n, M_NAME), lay_child_text(c, n, M_ROLE), lay_child_text(c, n, M_DATE), f, n);
        break;
    case M_CHAPTER: case M_SECTION: case M_APPENDIX: case M_SUBGROUP: division(c, g, n, f, level); break;
    case M_FOREWORD: foreword(c, g, n, f); break;
    default: break;         /* meta, cover, title: handled elsewhere */
    }
}

void lay_blocks(ctx *c, galley *g, const model_node *parent, frame f, int level, int list_depth)
{
    /* a running head lasts to the end of the blocks it stands among */
    const char *outer = f.head;
    const char *number = NULL;      /* of the last paragraph, when numbered */
    for (const model_node *n = parent->first; n && !c->failed; n = n->next) {
        if (n->kind == M_RUNNING_HEAD) {
            const char *text = model_text(c->a, n);
            f.head = g->head_pending = text ? text : "";
            continue;
        }
        if (n == c->contents_before) {
            /* pages of its own, as front matter */
            g->break_next = 1;
            toc_contents(c, g, c->auto_contents, f);
            g->break_next = 1;
        }
        gline *before = g->last;
        frame bf = f;
        if (n->kind == M_LIST && number && list_depth == 0) {
            /* a list under a numbered paragraph belongs to it: its labels
             * stand where the paragraph's text does, not in the numbers'
             * column */
            double hang = number_hang(c, f, number, lay_style(f, c->t->body_style));
            if (hang <= hang_limit(c, f))
                bf = lay_indent(f, hang, 0);
        }
        if (n->kind != M_TEXT)
            number = n->kind == M_P ? model_attr_get(n, "label") : n->kind == M_LIST ? number : NULL;
        const char *orientation = model_attr_get(n, "orientation");
        int turn = !c->landscape && orientation && strcmp(orientation, "landscape") == 0;
        if (turn)
            lay_turn(c);
        block(c, g, n, bf, level, list_depth);
        if (turn) {
            for (gline *l = gal_since(g, before); l; l = l->next)
                l->landscape = 1;
            lay_turn(c);
        }
        /* anything with an id can be referred to; headings and tables
         * have anchored themselves with their numbers already */
        if (model_attr_get(n, "id"))
            anchor_add(c, g, before, n, "", model_text(c->a, n), 0);
    }
    if (f.head != outer)
        g->head_pending = outer ? outer : "";
}
