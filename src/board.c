/* board.c - the board's own blocks, laid out as tables.
 *
 * A budget, a partner-agency outcome grid, the strategic aims and an
 * agency's plan are written by meaning in the report; here each becomes
 * a tspec for table.c: rows, cells and column headings, with amounts
 * formatted and headings taken from the template. The arithmetic of a
 * budget is checked by check.c, not here.
 */
#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "layout_int.h"
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
    for (int k = 0; k < 8; k++)
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

void board_budget(ctx *c, const model_node *n, box bx)
{
    builder b;
    builder_init(&b, c, n);
    b.t.caption = model_child(n, M_CAPTION);
    b.t.col_align[1] = c->t->table.numeric_align;
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
    table_set(c, &b.t, bx);
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

typedef struct attr_ctx {
    const model_node *n;
    long number;
} attr_ctx;

/* Column headings may name the grid's attributes: {period}, {year}. */
static int attr_lookup(void *p, const char *key, const char **str, long *num)
{
    attr_ctx *a = p;
    if (strcmp(key, "n") == 0) {
        *num = a->number;
        return 1;
    }
    const char *v = a->n ? model_attr_get(a->n, key) : NULL;
    if (!v)
        return 0;
    *str = v;
    return 1;
}

static const grid_shape *shape_of(const model_node *n)
{
    switch (n->kind) {
    case M_OUTCOME_GRID: return &shapes[0];
    case M_STRATEGIC_AIMS: return &shapes[1];
    default: return &shapes[2];
    }
}

void board_grid(ctx *c, const model_node *n, box bx)
{
    const grid_shape *sh = shape_of(n);
    const style_grid *sg = &c->t->grid[sh->type];
    builder b;
    builder_init(&b, c, n);
    b.t.number = "none";
    b.t.full_width = 1;
    for (int k = 0; k < sh->nfields; k++) {
        b.t.col_width[k] = -sg->widths[k];
        b.t.col_align[k] = ALIGN_LEFT;
    }
    trow *head = add_row(&b, TROW_HEAD, sh->nfields, n);
    attr_ctx ac = { n, 0 };
    for (int k = 0; k < sh->nfields; k++)
        head->cells[k].text = k < sg->ncolumns ? label_expand(c->a, sg->columns[k], attr_lookup, &ac) : "";
    long number = 0;
    for (const model_node *e = n->first; e; e = e->next) {
        if (e->kind != sh->entry)
            continue;
        ac.number = ++number;
        const char *label = sg->label ? label_expand(c->a, sg->label, attr_lookup, &ac) : NULL;
        trow *r = add_row(&b, TROW_BODY, sh->nfields, e);
        for (int k = 0; k < sh->nfields; k++) {
            const model_node *field = model_child(e, sh->fields[k]);
            r->cells[k].content = field;
            r->cells[k].text = field ? NULL : "";
            if (field && (sh->labelled_field < 0 || sh->labelled_field == k))
                r->cells[k].label = label;
        }
    }
    table_set(c, &b.t, bx);
}
