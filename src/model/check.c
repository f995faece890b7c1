/* check.c - semantic checks over the model. */
#include "check.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "file.h"
#include "mem.h"
#include "money.h"

typedef struct id_use {
    const char *id;
    const model_node *node;
} id_use;

typedef struct ids {
    id_use *v;
    size_t n, cap;
} ids;

/* Visits every element in document order without recursion. */
static void each_element(const model_node *root, void (*fn)(void *, const model_node *), void *arg)
{
    const model_node *n = root;
    while (n) {
        fn(arg, n);
        if (n->first) {
            n = n->first;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        n = (n && n != root) ? n->next : NULL;
    }
}

static void collect_id(void *arg, const model_node *n)
{
    ids *out = arg;
    const char *id = model_attr_get(n, "id");
    if (!id)
        return;
    out->v = mem_grow(out->v, &out->cap, out->n + 1, sizeof *out->v);
    out->v[out->n++] = (id_use){ id, n };
}

static int by_id_then_line(const void *a, const void *b)
{
    const id_use *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : x->node->line - y->node->line;
}

static int by_id(const void *key, const void *elem)
{
    return strcmp(key, ((const id_use *)elem)->id);
}

/* Every <ref to=...> names an id of the report. */
typedef struct ref_check {
    const ids *all;
    int errors;
    diag *dg;
} ref_check;

static void check_ref(void *arg, const model_node *n)
{
    ref_check *rc = arg;
    if (n->kind != M_REF)
        return;
    const char *to = model_attr_get(n, "to");
    if (rc->all->n == 0 || !bsearch(to, rc->all->v, rc->all->n, sizeof *rc->all->v, by_id)) {
        diag_error(rc->dg, n->file, n->line, n->col, "<ref> to '%s': no element has that id", to);
        rc->errors++;
    }
}

static int check_ids(const model_doc *doc, diag *dg)
{
    ids all = { 0 };
    each_element(doc->root, collect_id, &all);
    if (all.n > 1)
        qsort(all.v, all.n, sizeof *all.v, by_id_then_line);
    int errors = 0;
    for (size_t i = 1; i < all.n; i++)
        if (strcmp(all.v[i].id, all.v[i - 1].id) == 0) {
            const model_node *n = all.v[i].node, *first = all.v[i - 1].node;
            diag_error(dg, n->file, n->line, n->col, "id '%s' is already used at line %d",
                       all.v[i].id, first->line);
            errors++;
        }
    ref_check rc = { &all, 0, dg };
    each_element(doc->root, check_ref, &rc);
    errors += rc.errors;
    free(all.v);
    return errors;
}

/* ---- budgets ------------------------------------------------------------ */

typedef struct budget_ctx {
    arena *a;
    int errors;
    const model_doc *doc;
    diag *dg;
} budget_ctx;

/* Adds v to *sum for the element n; a sum past what an amount holds is
 * an error at n, and the sum stops there (returns -1). */
static int add_amount(budget_ctx *b, const model_node *n, long long *sum, long long v)
{
    if (money_add(sum, v) == 0)
        return 0;
    diag_error(b->dg, n->file, n->line, n->col,
               "<%s>: the amounts add up to more than a budget can hold (about 922 trillion)", n->name);
    b->errors++;
    return -1;
}

/* The amount of a line, subtotal, total or balance; 0 after an error. */
static long long amount(budget_ctx *b, const model_node *n)
{
    long long v = 0;
    const char *text = model_text(b->a, n);
    if (money_parse(text, &v) != 0) {
        diag_error(b->dg, n->file, n->line, n->col,
                   "<%s>: '%s' is not an amount (a number below 922 trillion, at most 4 decimals)", n->name, text);
        b->errors++;
    }
    return v;
}

static int counted(const model_node *line)
{
    const char *memo = model_attr_get(line, "memo");
    return !memo || strcmp(memo, "yes") != 0;
}

static void mismatch(diag *dg, const model_node *n, const char *what, long long stated, long long sum,
                     int count, const char *of)
{
    char a[64], b[64];
    money_plain(a, sizeof a, stated);
    money_plain(b, sizeof b, sum);
    const char *name = model_attr_get(n, "name");
    diag_warning(dg, n->file, n->line, n->col, "%s '%s' is %s but its %d %s add up to %s", what,
                 name ? name : "", a, count, of, b);
}

/* Checks a group's subtotal; returns the stated subtotal. */
static long long check_group(budget_ctx *b, const model_node *g)
{
    long long sum = 0, stated = 0;
    int lines = 0, errors = b->errors;
    const model_node *sub = NULL;
    for (const model_node *n = g->first; n; n = n->next) {
        if (n->kind == M_LINE) {
            long long v = amount(b, n);
            if (counted(n)) {
                if (add_amount(b, n, &sum, v) != 0)
                    return 0;
                lines++;
            }
        } else if (n->kind == M_SUBTOTAL) {
            sub = n;
            stated = amount(b, n);
        }
    }
    if (sub && stated != sum && b->errors == errors)
        mismatch(b->dg, sub, "subtotal", stated, sum, lines, lines == 1 ? "line" : "lines");
    return stated;
}

/* Checks a part's total; returns it (stated, else the sum). */
static long long check_part(budget_ctx *b, const model_node *part)
{
    long long sum = 0;
    int items = 0, errors = b->errors;
    for (const model_node *n = part->first; n; n = n->next) {
        long long v;
        if (n->kind == M_LINE && counted(n)) {
            v = amount(b, n);
            items++;
        } else if (n->kind == M_LINE) {
            amount(b, n);
            continue;
        } else if (n->kind == M_GROUP) {
            v = check_group(b, n);
            items++;
        } else {
            continue;
        }
        if (add_amount(b, n, &sum, v) != 0)
            return 0;
    }
    const model_node *total = model_child(part, M_TOTAL);
    if (!total)
        return sum;
    long long stated = amount(b, total);
    if (stated != sum && b->errors == errors)
        mismatch(b->dg, total, "total", stated, sum, items, items == 1 ? "line or subtotal" : "lines and subtotals");
    return stated;
}

static const model_node *budget_part(const model_node *budget, const char *kind)
{
    for (const model_node *p = budget->first; p; p = p->next) {
        const char *k = p->kind == M_PART ? model_attr_get(p, "kind") : NULL;
        if (k && strcmp(k, kind) == 0)
            return p;
    }
    return NULL;
}

static void check_budget(budget_ctx *b, const model_node *budget)
{
    long long income = 0, spent = 0;
    int errors = b->errors;
    for (const model_node *p = budget->first; p; p = p->next) {
        if (p->kind != M_PART)
            continue;
        long long t = check_part(b, p);
        const char *k = model_attr_get(p, "kind");
        if (k && strcmp(k, "income") == 0)
            income = t;
        else if (k && strcmp(k, "expenditure") == 0)
            spent = t;
    }
    const model_node *bal = model_child(budget, M_BALANCE);
    if (!bal)
        return;
    if (!budget_part(budget, "income") || !budget_part(budget, "expenditure")) {
        diag_error(b->dg, bal->file, bal->line, bal->col,
                   "a <balance> needs a <part kind=\"income\"> and a <part kind=\"expenditure\">");
        b->errors++;
        return;
    }
    long long stated = amount(b, bal), left;
    if (__builtin_sub_overflow(income, spent, &left)) {
        diag_error(b->dg, bal->file, bal->line, bal->col,
                   "<balance>: income less expenditure is more than a budget can hold");
        b->errors++;
        return;
    }
    if (stated != left && b->errors == errors) {
        char s1[64], s2[64], s3[64], s4[64];
        money_plain(s1, sizeof s1, stated);
        money_plain(s2, sizeof s2, income);
        money_plain(s3, sizeof s3, spent);
        money_plain(s4, sizeof s4, left);
        const char *name = model_attr_get(bal, "name");
        diag_warning(b->dg, bal->file, bal->line, bal->col,
                     "balance '%s' is %s but income %s less expenditure %s is %s",
                     name ? name : "", s1, s2, s3, s4);
    }
}


/* ---- structure charts -------------------------------------------------- */

typedef struct unit_ref {
    const char *id;
    int index;                      /* in document order */
} unit_ref;

static int by_unit_id(const void *a, const void *b)
{
    return strcmp(((const unit_ref *)a)->id, ((const unit_ref *)b)->id);
}

/* The document-order index of the unit called id, or -1. */
static int unit_index(const unit_ref *sorted, int n, const char *id)
{
    unit_ref key = { id, 0 };
    const unit_ref *u = bsearch(&key, sorted, (size_t)n, sizeof *sorted, by_unit_id);
    return u ? u->index : -1;
}

enum { UNIT_NEW, UNIT_ON_PATH, UNIT_DONE };

/* Follows reporting lines up from unit i, marking every unit on the way:
 * loop[k] when its lines come round again, depth[k] its levels below the
 * top. Each unit is walked once, so the whole chart is checked in linear
 * time after the sort. */
static void walk_up(int i, const int *up, int *state, int *loop, int *depth, int *path)
{
    int n = 0, k = i;
    while (k >= 0 && state[k] == UNIT_NEW) {
        state[k] = UNIT_ON_PATH;
        path[n++] = k;
        k = up[k];
    }
    int looped = k >= 0 && (state[k] == UNIT_ON_PATH || loop[k]);
    int d = k >= 0 && !looped ? depth[k] : -1;
    while (n > 0) {
        int j = path[--n];
        state[j] = UNIT_DONE;
        loop[j] = looped;
        depth[j] = ++d;
    }
}

/* Every unit reports to a unit of the same chart, following the
 * reporting lines up from any unit reaches a top without a loop, and no
 * unit is more levels down than a chart can show. */
static void check_structure(budget_ctx *b, const model_node *s)
{
    int n = 0;
    for (const model_node *u = s->first; u; u = u->next)
        n += u->kind == M_UNIT;
    const model_node **units = mem_alloc((size_t)n, sizeof *units);
    unit_ref *sorted = mem_alloc((size_t)n, sizeof *sorted);
    int *up = mem_alloc((size_t)n, sizeof *up), *state = mem_alloc((size_t)n, sizeof *state);
    int *loop = mem_alloc((size_t)n, sizeof *loop), *depth = mem_alloc((size_t)n, sizeof *depth);
    int *path = mem_alloc((size_t)n, sizeof *path);
    n = 0;
    for (const model_node *u = s->first; u; u = u->next)
        if (u->kind == M_UNIT) {
            sorted[n] = (unit_ref){ model_attr_get(u, "id"), n };
            units[n++] = u;
        }
    qsort(sorted, (size_t)n, sizeof *sorted, by_unit_id);
    for (int i = 0; i < n; i++) {
        const char *to = model_attr_get(units[i], "reports-to");
        up[i] = to ? unit_index(sorted, n, to) : -1;
        if (to && up[i] < 0) {
            diag_error(b->dg, units[i]->file, units[i]->line, units[i]->col,
                       "unit '%s' reports to '%s', which is not a unit of this chart",
                       model_attr_get(units[i], "id"), to);
            b->errors++;
        }
    }
    for (int i = 0; i < n; i++)
        if (state[i] == UNIT_NEW)
            walk_up(i, up, state, loop, depth, path);
    int deep_reported = 0;
    for (int i = 0; i < n; i++) {
        const model_node *u = units[i];
        if (loop[i]) {
            diag_error(b->dg, u->file, u->line, u->col, "unit '%s' reports to itself through its reporting lines",
                       model_attr_get(u, "id"));
            b->errors++;
        } else if (depth[i] >= MODEL_MAX_LEVELS && !deep_reported) {
            diag_error(b->dg, u->file, u->line, u->col,
                       "unit '%s' is at level %d of its chart; a chart shows at most %d levels",
                       model_attr_get(u, "id"), depth[i] + 1, MODEL_MAX_LEVELS);
            b->errors++;
            deep_reported = 1;
        }
    }
    free(units);
    free(sorted);
    free(up);
    free(state);
    free(loop);
    free(depth);
    free(path);
}

/* A picture's file must be a regular file that can be read, inside the
 * report's folder (by its spelling and, links followed, by where it
 * leads) unless the command line allows otherwise. (Its content is
 * checked when it is decoded for layout.) */
static void check_image(budget_ctx *b, const model_node *n, const model_doc *doc)
{
    const char *src = model_attr_get(n, "src");
    if (!doc->allow_outside && !model_path_inside(src)) {
        diag_error(b->dg, n->file, n->line, n->col,
                   "<%s> src '%s' is outside the report's folder (--allow-outside-paths allows it)",
                   n->name, src);
        b->errors++;
        return;
    }
    char why[FILE_WHY_MAX];
    if (file_check(model_resolve(b->a, doc, src), model_folder(doc), why, sizeof why) != 0) {
        diag_error(b->dg, n->file, n->line, n->col, "<%s> src '%s' %s", n->name, src, why);
        b->errors++;
    }
}

/* The report's date, which the PDF carries: a real day, in years a PDF
 * date can be written in. */
static void check_date(budget_ctx *b, const model_node *n)
{
    const char *iso = model_attr_get(n, "iso");
    char why[120];
    int y, m, d;
    if (iso && date_parse_iso(iso, &y, &m, &d, why, sizeof why) != 0) {
        diag_error(b->dg, n->file, n->line, n->col, "<%s> iso='%s' is not a date (%s)", n->name, iso, why);
        b->errors++;
    }
}

/* ---- limits ------------------------------------------------------------- */

/* A whole-number attribute within lo..hi; the schema has made it digits. */
static void check_count(budget_ctx *b, const model_node *n, const char *name, long lo, long hi,
                        const char *why)
{
    const char *v = model_attr_get(n, name);
    if (!v)
        return;
    char *end;
    errno = 0;
    long long k = strtoll(v, &end, 10);
    if (errno == 0 && *end == '\0' && k >= lo && k <= hi)
        return;
    diag_error(b->dg, n->file, n->line, n->col, "<%s> %s='%s' is out of range: %s", n->name, name, v, why);
    b->errors++;
}

/* Texts the PDF carries as single strings: the document's information,
 * bookmarks, alternative text, link addresses. */
static int is_pdf_string(const model_node *n)
{
    switch (n->kind) {
    case M_BOARD: case M_AREA: case M_PERIOD: case M_SUBTITLE: case M_AUTHOR:
        return n->parent && n->parent->kind == M_META;
    case M_TITLE: case M_CAPTION:
        return 1;
    default:
        return 0;
    }
}

static void check_string(budget_ctx *b, const model_node *n, const char *what, size_t len)
{
    if (len <= MODEL_MAX_STRING)
        return;
    diag_error(b->dg, n->file, n->line, n->col, "<%s>: %s is %zu bytes long; at most %d fit", n->name, what,
               len, MODEL_MAX_STRING);
    b->errors++;
}

static void check_limits(budget_ctx *b, const model_node *n)
{
    check_count(b, n, "start", 1, MODEL_MAX_COUNT, "counting starts between 1 and 1,000,000");
    check_count(b, n, "rowspan", 1, MODEL_MAX_COUNT, "a cell spans at most 1,000,000 rows");
    check_count(b, n, "colspan", 1, MODEL_MAX_COLS, "a table has at most 64 columns");
    const char *number = model_attr_get(n, "number");
    if (number && number[0] >= '0' && number[0] <= '9' && strspn(number, "0123456789") == strlen(number))
        check_count(b, n, "number", 0, MODEL_MAX_COUNT, "a heading is numbered up to 1,000,000");
    const char *href = model_attr_get(n, "href"), *alt = model_attr_get(n, "alt");
    if (href && !*href) {
        diag_error(b->dg, n->file, n->line, n->col, "<%s> has an empty href", n->name);
        b->errors++;
    }
    if (href)
        check_string(b, n, "its href", strlen(href));
    if (alt)
        check_string(b, n, "its alt text", strlen(alt));
    if (is_pdf_string(n))
        check_string(b, n, "its text", strlen(model_text(b->a, n)));
}

static void budget_visit(void *arg, const model_node *n)
{
    budget_ctx *b = arg;
    check_limits(b, n);
    if (n->kind == M_IMAGE || n->kind == M_LOGO || (n->kind == M_COVER && model_attr_get(n, "src")))
        check_image(b, n, b->doc);
    if (n->kind == M_DATE)
        check_date(b, n);
    if (n->kind == M_BUDGET)
        check_budget(arg, n);
    else if (n->kind == M_STRUCTURE)
        check_structure(arg, n);
}

int check_run(const model_doc *doc, diag *dg)
{
    int errors = check_ids(doc, dg);
    budget_ctx b = { doc->arena, 0, doc, dg };
    each_element(doc->root, budget_visit, &b);
    return errors + b.errors;
}
