/* check.c - semantic checks over the model. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"

typedef struct id_use {
    const char *id;
    const model_node *node;
} id_use;

typedef struct ids {
    id_use *v;
    size_t n, cap;
} ids;

/* Iterative walk: a report's depth never costs C stack here. */
static void collect_ids(const model_node *root, ids *out)
{
    const model_node *n = root;
    while (n) {
        const char *id = model_attr_get(n, "id");
        if (id) {
            if (out->n == out->cap) {
                out->cap = out->cap ? out->cap * 2 : 64;
                out->v = realloc(out->v, sizeof *out->v * out->cap);
                if (!out->v)
                    abort();
            }
            out->v[out->n++] = (id_use){ id, n };
        }
        if (n->first) {
            n = n->first;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        n = (n && n != root) ? n->next : NULL;
    }
}

static int by_id_then_line(const void *a, const void *b)
{
    const id_use *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : x->node->line - y->node->line;
}

static int check_ids(const model_doc *doc)
{
    ids all = { 0 };
    collect_ids(doc->root, &all);
    if (all.n > 1)
        qsort(all.v, all.n, sizeof *all.v, by_id_then_line);
    int errors = 0;
    for (size_t i = 1; i < all.n; i++)
        if (strcmp(all.v[i].id, all.v[i - 1].id) == 0) {
            const model_node *n = all.v[i].node, *first = all.v[i - 1].node;
            diag_error(n->file, n->line, n->col, "id '%s' is already used at line %d",
                       all.v[i].id, first->line);
            errors++;
        }
    free(all.v);
    return errors;
}

int check_run(const model_doc *doc)
{
    return check_ids(doc);
}
