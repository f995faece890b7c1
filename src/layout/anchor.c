/* anchor.c - where headings and elements with ids landed, and the
 * references that cite them, from the pass before (see anchor.h).
 */
#include "anchor.h"

#include <string.h>

#include "label.h"
#include "mem.h"

void anchor_add(ctx *c, galley *g, const gline *before, const model_node *n, const char *label, const char *title,
                int level)
{
    gline *first = gal_since(g, before);
    if (!first || first->anchor)
        return;
    anchors *a = c->cur;
    a->v = mem_grow_int(a->v, &a->cap, a->n + 1, sizeof *a->v);
    a->v[a->n] = (anchor){ .node = n, .label = label ? label : "", .title = title ? title : "",
                           .level = level };
    first->anchor = ++a->n;
}

const anchor *anchor_find(const anchors *a, const model_node *n)
{
    for (int i = 0; a && i < a->n; i++)
        if (a->v[i].node == n)
            return &a->v[i];
    return NULL;
}

const model_node *anchor_target(const ctx *c, const char *id)
{
    int lo = 0, hi = c->nids - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int cmp = strcmp(model_attr_get(c->ids[mid], "id"), id);
        if (cmp == 0)
            return c->ids[mid];
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

const char *anchor_page_label(ctx *c, const anchors *a, int page)
{
    char buf[32];
    if (page <= 0)
        return "0";
    int front = a ? a->front_pages : 0;
    if (page <= front)
        label_number(buf, sizeof buf, page, (char)c->t->front_numbering);
    else
        label_number(buf, sizeof buf, page - front, '1');
    return arena_strdup(c->a, buf);
}

typedef struct ref_ctx {
    const char *number, *title, *page;
} ref_ctx;

static int ref_lookup(void *p, const char *key, const char **str, long *num)
{
    ref_ctx *r = p;
    (void)num;
    if (strcmp(key, "number") == 0) *str = r->number;
    else if (strcmp(key, "title") == 0) *str = r->title;
    else if (strcmp(key, "page") == 0) *str = r->page;
    else return 0;
    return 1;
}

/* A heading's number as running text cites it: without the stop or
 * bracket the template sets after it ("3." is cited as "3"), which
 * would otherwise end the reader's sentence early. */
static const char *bare_number(arena *a, const char *label)
{
    size_t n = strlen(label);
    while (n > 0 && strchr(".):; ", label[n - 1]))
        n--;
    return n ? arena_strndup(a, label, n) : label;
}

/* What a reference prints of a title or text: all of it up to
 * ANCHOR_REF_MAX bytes; a longer one (a block without a title prints its
 * text) is cut at the last space before that, with an ellipsis, so that
 * references cost no more than their own length, however many there
 * are and however long what they cite. */
static const char *excerpt(arena *a, const char *s)
{
    size_t len = strlen(s);
    if (len <= ANCHOR_REF_MAX)
        return s;
    size_t cut = ANCHOR_REF_MAX;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;                      /* not inside a character */
    size_t space = cut;
    while (space > 0 && s[space] != ' ')
        space--;
    if (space > ANCHOR_REF_MAX / 2)
        cut = space;
    while (cut > 0 && s[cut - 1] == ' ')
        cut--;
    return arena_printf(a, "%.*s\xE2\x80\xA6", (int)cut, s);
}

const char *anchor_ref_text(ctx *c, const model_node *ref, const anchor **target)
{
    const model_node *n = anchor_target(c, model_attr_get(ref, "to"));
    const anchor *a = n ? anchor_find(c->prev, n) : NULL;
    *target = a;
    c->needs_pages = 1;
    const char *show = model_attr_get(ref, "show");
    if (!show)
        show = c->t->ref_default;
    /* the first pass does not know yet: it holds a place of about the
     * right width, and the next pass prints the answer */
    const char *title = a ? excerpt(c->a, a->title) : "0";
    ref_ctx r = { a && *a->label ? excerpt(c->a, bare_number(c->a, a->label)) : title, title,
                  a ? anchor_page_label(c, c->prev, a->page) : "0" };
    if (strcmp(show, "title") == 0) return r.title;
    if (strcmp(show, "page") == 0) return r.page;
    if (strcmp(show, "full") == 0) return label_expand(c->a, c->t->ref_full, ref_lookup, &r);
    return r.number;
}
