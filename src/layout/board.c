/* board.c - the board's own blocks, laid out as tables.
 *
 * A budget, a partner-agency outcome grid, the strategic aims and an
 * agency's plan are written by meaning in the report; here each becomes
 * a tspec for table.c: rows, cells and column headings, with amounts
 * formatted and headings taken from the template. The arithmetic of a
 * budget is checked by check.c, not here.
 */
#include "board.h"

#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "diag.h"
#include "block.h"
#include "measure.h"
#include "para.h"
#include "table.h"
#include "text.h"
#include "money.h"

typedef struct builder {
    ctx *c;
    tspec t;
    int cap;
} builder;

static trow *add_row(builder *b, trow_kind kind, int ncells, const model_node *src)
{
    if (b->t.nrows == b->cap) {
        int cap = b->cap ? b->cap * 2 : 16;
        trow *rows = arena_alloc(b->c->a, sizeof *rows * (size_t)cap);
        if (b->t.nrows)
            memcpy(rows, b->t.rows, sizeof *rows * (size_t)b->t.nrows);
        b->t.rows = rows;
        b->cap = cap;
    }
    trow *r = &b->t.rows[b->t.nrows++];
    r->kind = kind;
    r->src = src;
    r->cells = arena_alloc(b->c->a, sizeof *r->cells * (size_t)ncells);
    r->ncells = ncells;
    for (int k = 0; k < ncells; k++)
        r->cells[k] = (tcell){ .colspan = 1, .rowspan = 1, .align = LAY_NO_ALIGN, .src = src };
    return r;
}

static void builder_init(builder *b, ctx *c, const model_node *n)
{
    memset(b, 0, sizeof *b);
    b->c = c;
    b->t.src = n;
    b->t.number = model_attr_get(n, "number");
    for (int k = 0; k < TABLE_MAX_COLS; k++)
        b->t.col_align[k] = LAY_NO_ALIGN;
}

/* ---- budgets ---------------------------------------------------------------- */

static const char *amount_text(ctx *c, const model_node *n)
{
    long long v = 0;
    char buf[96];
    if (money_parse(model_text(c->a, n), &v) != 0)
        return model_text(c->a, n);     /* check.c has reported it */
    money_format(buf, sizeof buf, v, &c->t->money);
    return arena_strdup(c->a, buf);
}

static void amount_row(builder *b, trow_kind kind, const model_node *n)
{
    trow *r = add_row(b, kind, 2, n);
    const char *name = model_attr_get(n, "name");
    r->cells[0].text = name ? name : "";
    r->cells[1].text = amount_text(b->c, n);
}

static const model_node *part_of_kind(const model_node *budget, const char *kind)
{
    for (const model_node *p = budget->first; p; p = p->next) {
        const char *k = p->kind == M_PART ? model_attr_get(p, "kind") : NULL;
        if (k && strcmp(k, kind) == 0)
            return p;
    }
    return NULL;
}

static void budget_part(builder *b, const model_node *part)
{
    const char *name = model_attr_get(part, "name"), *column = model_attr_get(part, "column");
    if (name || column) {
        trow *r = add_row(b, b->t.nrows == 0 ? TROW_HEAD : TROW_SUBHEAD, 2, part);
        r->cells[0].text = name ? name : "";
        r->cells[1].text = column ? column : "";
    }
    for (const model_node *n = part->first; n; n = n->next) {
        if (n->kind == M_LINE) {
            amount_row(b, TROW_BODY, n);
        } else if (n->kind == M_GROUP) {
            for (const model_node *l = n->first; l; l = l->next)
                amount_row(b, l->kind == M_SUBTOTAL ? TROW_SUBTOTAL : TROW_BODY, l);
        } else if (n->kind == M_TOTAL) {
            amount_row(b, TROW_TOTAL, n);
        }
    }
}

void board_budget(ctx *c, galley *g, const model_node *n, frame f)
{
    builder b;
    builder_init(&b, c, n);
    b.t.caption = model_child(n, M_CAPTION);
    b.t.col_align[1] = c->t->table.numeric_align;
    b.t.parts = 1;
    for (const model_node *p = n->first; p; p = p->next)
        if (p->kind == M_PART)
            budget_part(&b, p);
    const model_node *balance = model_child(n, M_BALANCE);
    if (balance) {
        /* the balance is shown under the two totals it is drawn from */
        const model_node *in = part_of_kind(n, "income"), *out = part_of_kind(n, "expenditure");
        const model_node *tin = in ? model_child(in, M_TOTAL) : NULL;
        const model_node *tout = out ? model_child(out, M_TOTAL) : NULL;
        if (tin)
            amount_row(&b, TROW_BODY, tin);
        if (tout)
            amount_row(&b, TROW_BODY, tout);
        amount_row(&b, TROW_TOTAL, balance);
    }
    table_set(c, g, &b.t, f);
}

/* ---- grids ------------------------------------------------------------------- */

typedef struct grid_shape {
    int type;
    model_kind entry;
    model_kind fields[4];
    int nfields;
    int labelled_field;             /* which field carries the entry's number; -1 all */
} grid_shape;

static const grid_shape shapes[] = {
    { GRID_OUTCOMES, M_ENTRY, { M_QUANTITY, M_QUALITY, M_OUTCOME }, 3, -1 },
    { GRID_AIMS, M_AIM, { M_STATEMENT, M_OBJECTIVES, M_LATER_OBJECTIVES }, 3, 0 },
    { GRID_AGENCY_PLAN, M_OBJECTIVE, { M_ACTION, M_QUANTITY, M_QUALITY, M_OUTCOME }, 4, 0 },
};

typedef struct text_ctx {
    ctx *c;
    const model_node *n;            /* attributes answer placeholders */
    long number;
    const char *missing;            /* the last placeholder left unanswered (a copy:
                                       label_expand's key lives on its stack) */
} text_ctx;

/* Placeholders in template text: {n}, the element's attributes ({chair},
 * {period}), or a child element's text ({meeting}). */
static int text_lookup(void *p, const char *key, const char **str, long *num)
{
    text_ctx *t = p;
    if (strcmp(key, "n") == 0) {
        *num = t->number;
        return 1;
    }
    const char *v = t->n ? model_attr_get(t->n, key) : NULL;
    if (!v && t->n) {
        /* or a child element's text: {meeting}, {agenda-item} */
        model_kind k = model_kind_of(key);
        if (k != M_UNKNOWN && model_child(t->n, k))
            v = lay_child_text(t->c, t->n, k);
    }
    if (!v) {
        t->missing = arena_strdup(t->c->a, key);
        return 0;
    }
    *str = v;
    return 1;
}

static const char *fill_in(ctx *c, const char *fmt, const model_node *n, long number)
{
    text_ctx t = { c, n, number, NULL };
    return label_expand(c->a, fmt, text_lookup, &t);
}

/* A grid's column heading; one whose attribute the report leaves out
 * keeps its placeholder, so that the gap shows, and is warned of. */
static const char *grid_heading(ctx *c, const char *fmt, const model_node *n)
{
    text_ctx t = { c, n, 0, NULL };
    const char *s = label_expand(c->a, fmt, text_lookup, &t);
    if (t.missing)
        diag_warning(c->dg, n->file, n->line, n->col, "<%s> has no %s=\"...\" for its heading '%s'",
                     n->name, t.missing, s);
    return s;
}

static const grid_shape *shape_of(const model_node *n)
{
    switch (n->kind) {
    case M_OUTCOME_GRID: return &shapes[0];
    case M_STRATEGIC_AIMS: return &shapes[1];
    default: return &shapes[2];
    }
}

/* The number of a grid's first entry: start=, else 1. */
static long first_number(const model_node *n)
{
    const char *start = model_attr_get(n, "start");
    long v = start ? strtol(start, NULL, 10) : 1;
    return v > 0 ? v : 1;
}

/* The entries' numbers, or NULL when the template numbers none. */
static const char *entry_label(ctx *c, const style_grid *sg, const model_node *n, long number)
{
    /* the board's own numbering ("1a)") is content, and wins */
    const char *own = model_attr_get(n, "label");
    if (own)
        return own;
    return sg->label ? fill_in(c, sg->label, n, number) : NULL;
}

/* Fills cell with every entry's answer to question k, numbered. */
static void field_parts(builder *b, const grid_shape *sh, const style_grid *sg,
                        const model_node *n, int k, tcell *cell)
{
    ctx *c = b->c;
    int entries = 0;
    for (const model_node *e = n->first; e; e = e->next)
        entries += e->kind == sh->entry;
    tpart *parts = arena_alloc(c->a, sizeof *parts * (size_t)(entries + 1));
    int np = 0;
    long number = first_number(n) - 1;
    for (const model_node *e = n->first; e; e = e->next) {
        if (e->kind != sh->entry)
            continue;
        number++;
        const model_node *field = model_child(e, sh->fields[k]);
        if (field)
            parts[np++] = (tpart){ field, entry_label(c, sg, e, number) };
    }
    cell->parts = parts;
    cell->nparts = np;
    if (np == 0)
        cell->text = "";
}

/* An outcome grid is one row: each column holds every entry's answer to
 * its question, numbered, as the board's own tables have it, so that the
 * column reads down as the partner wrote it. */
static void outcome_row(builder *b, const grid_shape *sh, const style_grid *sg, const model_node *n)
{
    trow *r = add_row(b, TROW_BODY, sh->nfields, n);
    for (int k = 0; k < sh->nfields; k++)
        field_parts(b, sh, sg, n, k, &r->cells[k]);
}

/* A cell holding an entry's answer with its label, or, for an answer
 * the entry leaves out, the grid's empty= mark. */
static void answer_cell(tcell *cell, const model_node *field, const char *label, const char *empty)
{
    cell->content = field;
    cell->text = field ? NULL : empty ? empty : "";
    cell->empty_mark = !field && empty;
    cell->label = field ? label : NULL;
}

/* Strategic aims and agency plans, and outcome grids laid out by rows:
 * a row for each entry. */
static void entry_rows(builder *b, const grid_shape *sh, const style_grid *sg, const model_node *n)
{
    const char *empty = model_attr_get(n, "empty");
    long number = first_number(n) - 1;
    for (const model_node *e = n->first; e; e = e->next) {
        if (e->kind != sh->entry)
            continue;
        const char *label = entry_label(b->c, sg, e, ++number);
        trow *r = add_row(b, TROW_BODY, sh->nfields, e);
        for (int k = 0; k < sh->nfields; k++)
            answer_cell(&r->cells[k], model_child(e, sh->fields[k]),
                        sh->labelled_field < 0 || sh->labelled_field == k ? label : NULL, empty);
    }
}

/* A grid as its questions one after another: each heading, then every
 * entry's answer to it, numbered, as field_parts gathered them. */
static void stacked_grid(ctx *c, galley *g, const model_node *n, frame f, const char *const *headings,
                         const tcell *const *cells, int count)
{
    const style_board *sb = &c->t->board;
    for (int k = 0; k < count; k++) {
        lay_plain(c, g, headings[k], sb->message_style, f, n, ROLE_HEADING);
        frame answers = lay_in_style(f, lay_style(f, c->t->body_style));
        for (int i = 0; i < cells[k]->nparts; i++)
            lay_labelled(c, g, cells[k]->parts[i].label, cells[k]->parts[i].content, answers, 3, 0);
    }
}

static int has_field(const grid_shape *sh, const model_node *n, int k)
{
    for (const model_node *e = n->first; e; e = e->next)
        if (e->kind == sh->entry && model_child(e, sh->fields[k]))
            return 1;
    return 0;
}

/* An outcome grid whose third question sits below the second, as many
 * partners' review tables have it: two columns, then a heading over the
 * second column and the outcomes under it, the first column left empty.
 * Text extraction then meets the outcomes after what they follow from. */
static void outcome_below(builder *b, const grid_shape *sh, const style_grid *sg,
                          const model_node *n, int by_rows, const char *const *headings)
{
    ctx *c = b->c;
    const char *empty = model_attr_get(n, "empty");
    if (b->t.nrows == 0) {
        /* only outcomes: a grid continued after a table of its figures */
    } else if (by_rows) {
        long number = first_number(n) - 1;
        for (const model_node *e = n->first; e; e = e->next) {
            if (e->kind != sh->entry)
                continue;
            const char *label = entry_label(c, sg, e, ++number);
            if (!model_child(e, sh->fields[0]) && !model_child(e, sh->fields[1]))
                continue;
            trow *r = add_row(b, TROW_BODY, 2, e);
            for (int k = 0; k < 2; k++)
                answer_cell(&r->cells[k], model_child(e, sh->fields[k]), label, empty);
        }
    } else {
        trow *r = add_row(b, TROW_BODY, 2, n);
        for (int k = 0; k < 2; k++)
            field_parts(b, sh, sg, n, k, &r->cells[k]);
    }
    if (!has_field(sh, n, 2))
        return;
    /* outcomes continued after a table of their figures (start=) go on
     * under the heading they already have */
    if (b->t.nrows > 0 || first_number(n) == 1) {
        trow *h = add_row(b, b->t.nrows == 0 ? TROW_HEAD : TROW_SUBHEAD, 2, n);
        h->cells[0].text = "";
        h->cells[1].text = headings[2];
    }
    if (by_rows) {
        long number = first_number(n) - 1;
        for (const model_node *e = n->first; e; e = e->next) {
            if (e->kind != sh->entry)
                continue;
            const char *label = entry_label(c, sg, e, ++number);
            const model_node *field = model_child(e, sh->fields[2]);
            if (!field)
                continue;
            trow *r = add_row(b, TROW_BODY, 2, e);
            r->cells[0].text = "";
            answer_cell(&r->cells[1], field, label, empty);
        }
    } else {
        trow *r = add_row(b, TROW_BODY, 2, n);
        r->cells[0].text = "";
        field_parts(b, sh, sg, n, 2, &r->cells[1]);
    }
}

void board_grid(ctx *c, galley *g, const model_node *n, frame f)
{
    const grid_shape *sh = shape_of(n);
    const style_grid *sg = &c->t->grid[sh->type];
    const char *layout = model_attr_get(n, "layout");
    const char *where = model_attr_get(n, "outcome");
    int by_rows = layout && strcmp(layout, "rows") == 0;
    int below = sh->type == GRID_OUTCOMES && where && strcmp(where, "below") == 0;
    int ncols = below ? 2 : sh->nfields;
    const char *headings[4];
    for (int k = 0; k < sh->nfields; k++)
        headings[k] = k < sg->ncolumns ? grid_heading(c, sg->columns[k], n) : "";
    builder b;
    builder_init(&b, c, n);
    b.t.number = "none";
    b.t.full_width = 1;
    for (int k = 0; k < ncols; k++) {
        b.t.col_width[k] = -sg->widths[k];
        b.t.col_align[k] = ALIGN_LEFT;
    }
    int top = !below || has_field(sh, n, 0) || has_field(sh, n, 1);
    if (top) {
        trow *head = add_row(&b, TROW_HEAD, ncols, n);
        for (int k = 0; k < ncols; k++)
            head->cells[k].text = headings[k];
    }
    if (below) {
        outcome_below(&b, sh, sg, n, by_rows, headings);
    } else if (sh->type != GRID_OUTCOMES || by_rows) {
        entry_rows(&b, sh, sg, n);
        table_set(c, g, &b.t, f);
        return;
    } else {
        outcome_row(&b, sh, sg, n);
    }
    if (by_rows) {
        table_set(c, g, &b.t, f);
        return;
    }
    /* Set the grid aside first: a row taller than a page would send the
     * reader across page after page to follow one column, so such a grid
     * is set question after question instead, each under its heading. */
    galley trial = gal_child(g);
    trial.pending_space = g->pending_space;
    table_set(c, &trial, &b.t, f);
    gline *lines = trial.first;
    double tallest = 0, row = 0;
    for (gline *l = lines; l; l = l->next) {
        if (l->run_head)
            continue;
        row += l->height;
        if (row > tallest)
            tallest = row;
        if (l->row_end)
            row = 0;
    }
    const style_template *t = c->t;
    if (tallest <= t->page_height - t->margin_top - t->margin_bottom) {
        gline *last = lines;
        while (last && last->next)
            last = last->next;
        gal_append(g, lines, last);
        gal_take_notes(g, &trial);
        gal_add_space(g, t->table.space_after);
        return;
    }
    /* the trial is dropped, its notes with it: they come again below */
    /* the questions' cells: row 1 beside; rows 1 and 3 below, or row 1
     * alone when the grid holds only outcomes */
    const char *heads[4];
    const tcell *cells[4];
    int count = 0;
    if (!below) {
        for (int k = 0; k < sh->nfields; k++, count++) {
            heads[count] = headings[k];
            cells[count] = &b.t.rows[1].cells[k];
        }
    } else if (top) {
        for (int k = 0; k < 2; k++, count++) {
            heads[count] = headings[k];
            cells[count] = &b.t.rows[1].cells[k];
        }
        if (b.t.nrows > 3) {
            heads[count] = headings[2];
            cells[count++] = &b.t.rows[3].cells[1];
        }
    } else {
        heads[count] = headings[2];
        cells[count++] = &b.t.rows[1].cells[1];
    }
    stacked_grid(c, g, n, f, heads, cells, count);
}

/* ---- annual report and committee blocks --------------------------------- */

void board_subgroup_chair(ctx *c, galley *g, const model_node *n, frame f)
{
    if (model_attr_get(n, "chair"))
        lay_plain(c, g, fill_in(c, c->t->board.chair, n, 0), c->t->board.chair_style, f, n, ROLE_BODY);
}

static void key_figures(ctx *c, galley *g, const model_node *n, frame f)
{
    const style_board *sb = &c->t->board;
    gline *panel = g->last;
    for (const model_node *fig = n->first; fig; fig = fig->next) {
        if (fig->kind != M_FIGURE)
            continue;
        gline *before = g->last;
        lay_plain(c, g, model_attr_get(fig, "value"), sb->figure_value_style, f, fig, ROLE_BODY);
        lay_paragraph(c, g, fig, sb->figure_label_style, f, NULL, 0, ROLE_BODY, 0);
        gal_keep_whole(g, before);
    }
    if (c->t->floats & STYLE_FLOAT_KEY_FIGURES) {
        /* a panel that floats moves whole */
        gal_keep_whole(g, panel);
        lay_float(c, g, panel, STYLE_FLOAT_KEY_FIGURES);
    }
}

/* Sets a node's paragraphs and lists in style, as a box does. */
static void box_content(ctx *c, galley *g, const model_node *n, int style, frame f, int level)
{
    lay_blocks(c, g, n, lay_in_style(f, style), level, 0);
}

static void story(ctx *c, galley *g, const model_node *n, frame f, int level)
{
    const style_board *sb = &c->t->board;
    f = lay_with_bar(c, f, &c->t->styles[sb->story_style]);
    gline *before = g->last;
    const model_node *title = model_child(n, M_TITLE);
    if (title)
        lay_paragraph(c, g, title, sb->story_title_style, f, NULL, 0, ROLE_HEADING, level);
    box_content(c, g, n, sb->story_style, f, level);
    gal_keep_whole(g, before);
    lay_float(c, g, before, STYLE_FLOAT_STORY);
    if (title && c->t->table.continued) {
        /* a story taller than a page goes on under its title, continued */
        galley cg = gal_child(NULL);
        lay_plain(c, &cg, arena_printf(c->a, "%s%s", lay_child_text(c, n, M_TITLE), c->t->table.continued),
                  sb->story_title_style, f, n, ROLE_ARTIFACT);
        for (gline *l = gal_since(g, before); l && cg.first; l = l->next)
            l->cont = cg.first;
    }
}

static void priorities(ctx *c, galley *g, const model_node *n, frame f, int level)
{
    const style_board *sb = &c->t->board;
    long k = 0;
    for (const model_node *p = n->first; p; p = p->next) {
        if (p->kind != M_PRIORITY)
            continue;
        const char *label = fill_in(c, sb->priority_label, p, ++k);
        const model_node *title = model_child(p, M_TITLE);
        double hang = lay_measure_text(c, f, label, sb->priority_style).max +
                      c->t->list[LIST_ARABIC].label_gap;
        if (title)
            lay_labelled(c, g, label, title, lay_in_style(f, sb->priority_style), level, 0);
        frame inner = lay_indent(f, hang, 0);
        lay_blocks(c, g, p, inner, level, 0);
        for (const model_node *s = p->first; s; s = s->next)
            if (s->kind == M_SUCCESS)
                lay_paragraph(c, g, s, sb->success_style, inner, NULL, 0, ROLE_BODY, 0);
    }
}

static void messages(ctx *c, galley *g, const model_node *n, frame f, int level)
{
    const style_board *sb = &c->t->board;
    for (const model_node *m = n->first; m; m = m->next) {
        if (m->kind != M_MESSAGE)
            continue;
        lay_plain(c, g, fill_in(c, sb->message_title, m, 0), sb->message_style, f, m, ROLE_HEADING);
        lay_blocks(c, g, m, f, level, 0);
    }
}

static void members(ctx *c, galley *g, const model_node *n, frame f)
{
    const style_board *sb = &c->t->board;
    for (const model_node *grp = n->first; grp; grp = grp->next) {
        if (grp->kind != M_GROUP)
            continue;
        const char *name = model_attr_get(grp, "name");
        if (name)
            lay_plain(c, g, name, sb->group_style, f, grp, ROLE_HEADING);
        for (const model_node *m = grp->first; m; m = m->next) {
            if (m->kind == M_CHANGE) {
                lay_paragraph(c, g, m, sb->change_style, f, NULL, 0, ROLE_BODY, 0);
                continue;
            }
            const char *role = model_attr_get(m, "role");
            lay_run runs[2] = {
                { arena_printf(c->a, "%s%s", model_attr_get(m, "name"), role ? sb->member_separator : ""),
                  sb->member_style, NULL },
                { role, sb->member_role_style, NULL },
            };
            lay_runs(c, g, runs, 2, sb->member_style, f, m);
        }
    }
}

static void contact(ctx *c, galley *g, const model_node *n, frame f)
{
    const style_board *sb = &c->t->board;
    lay_plain(c, g, sb->contact_title, sb->contact_title_style, f, n, ROLE_HEADING);
    const char *role = model_attr_get(n, "role"), *phone = model_attr_get(n, "phone");
    const char *email = model_attr_get(n, "email");
    lay_run who[2] = { { model_attr_get(n, "name"), sb->contact_style, NULL },
                       { role ? arena_printf(c->a, "%s%s", sb->member_separator, role) : NULL,
                         sb->contact_style, NULL } };
    lay_runs(c, g, who, 2, sb->contact_style, f, n);
    if (phone)
        lay_plain(c, g, phone, sb->contact_style, f, n, ROLE_BODY);
    if (email) {
        lay_run mail = { email, sb->contact_style, arena_printf(c->a, "mailto:%s", email) };
        lay_runs(c, g, &mail, 1, sb->contact_style, f, n);
    }
}

static void background_papers(ctx *c, galley *g, const model_node *n, frame f)
{
    const style_board *sb = &c->t->board;
    lay_plain(c, g, sb->papers_title, sb->papers_title_style, f, n, ROLE_HEADING);
    for (const model_node *p = n->first; p; p = p->next)
        if (p->kind == M_PAPER)
            lay_paragraph(c, g, p, lay_style(f, c->t->body_style), f, NULL, 0, ROLE_BODY, 0);
}

/* Placeholders of front-sheet lines: the sheet's own fields, then the
 * report's metadata. */
typedef struct sheet_ctx {
    ctx *c;
    const model_node *sheet, *meta;
    int asked, empty;               /* placeholders in the line, and those empty */
} sheet_ctx;

static int sheet_value(sheet_ctx *s, const char *key, const char **str);

static int sheet_lookup(void *p, const char *key, const char **str, long *num)
{
    sheet_ctx *s = p;
    (void)num;
    int found = sheet_value(s, key, str);
    s->asked++;
    s->empty += !found || !**str;
    return found;
}

static int sheet_value(sheet_ctx *s, const char *key, const char **str)
{
    const model_node *from = model_child(s->sheet, M_REPORT_FROM);
    if (strcmp(key, "report-from") == 0 || strcmp(key, "report-from-role") == 0) {
        const char *v = from ? model_attr_get(from, key[11] ? "role" : "name") : NULL;
        *str = v ? v : "";
        return 1;
    }
    if (strcmp(key, "author-role") == 0) {
        const model_node *a = model_child(s->meta, M_AUTHOR);
        const char *v = a ? model_attr_get(a, "role") : NULL;
        *str = v ? v : "";
        return 1;
    }
    model_kind k = model_kind_of(key);
    const model_node *holder = model_child(s->sheet, k) ? s->sheet : s->meta;
    if (k == M_UNKNOWN)
        return 0;
    *str = model_child(holder, k) ? lay_child_text(s->c, holder, k) : "";
    return 1;
}

static void front_sheet(ctx *c, galley *g, const model_node *n, frame f)
{
    sheet_ctx sc = { c, n, model_child(c->doc->root, M_META), 0, 0 };
    for (const style_cover_line *l = c->t->front_sheet; l; l = l->next) {
        sc.asked = sc.empty = 0;
        char *text = (char *)label_expand(c->a, l->text, sheet_lookup, &sc);
        /* a line whose placeholders are all empty is left out, and one
         * that ends in an empty placeholder loses the separator before it */
        if (sc.asked > 0 && sc.empty == sc.asked)
            continue;
        size_t len = strlen(text);
        while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == ','))
            text[--len] = '\0';
        gal_add_space(g, l->space_before);
        lay_plain(c, g, text, l->style, f, n, ROLE_BODY);
    }
    const model_node *summary = model_child(n, M_SUMMARY);
    if (summary) {
        const style_board *sb = &c->t->board;
        lay_plain(c, g, sb->summary_title, sb->summary_title_style, f, n, ROLE_HEADING);
        lay_paragraph(c, g, summary, lay_style(f, c->t->body_style), f, NULL, 0, ROLE_BODY, 0);
    }
}

void board_block(ctx *c, galley *g, const model_node *n, frame f, int level)
{
    switch (n->kind) {
    case M_KEY_FIGURES: key_figures(c, g, n, f); break;
    case M_STORY: story(c, g, n, f, level); break;
    case M_PRIORITIES: priorities(c, g, n, f, level); break;
    case M_MESSAGES: messages(c, g, n, f, level); break;
    case M_MEMBERS: members(c, g, n, f); break;
    case M_CONTACT: contact(c, g, n, f); break;
    case M_BACKGROUND_PAPERS: background_papers(c, g, n, f); break;
    case M_FRONT_SHEET: front_sheet(c, g, n, f); break;
    default: break;
    }
}
