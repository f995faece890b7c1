/* toc.c - the contents page: the headings the pass before placed (on
 * the first pass, the divisions of the model, so that the page has about
 * its final length from the start), each entry wrapped short of the
 * number column, leaders to its page number, the whole entry a link.
 */
#include "toc.h"

#include <stdlib.h>
#include <string.h>

#include "anchor.h"
#include "mem.h"
#include "para.h"
#include "text.h"

/* Entries: the previous pass's headings, or on the first pass the
 * divisions of the model with their titles, so that the page has about
 * its final length from the start. */
typedef struct entry {
    const char *label, *title;
    int level, page;
    const model_node *node;
} entry;

static void model_entries(ctx *c, const model_node *parent, int level, entry **v, int *n, int *cap)
{
    for (const model_node *d = parent->first; d; d = d->next) {
        int division = d->kind == M_CHAPTER || d->kind == M_SECTION || d->kind == M_APPENDIX ||
                       d->kind == M_SUBGROUP || d->kind == M_FOREWORD;
        if (!division)
            continue;
        if (level <= c->t->contents.depth && model_child(d, M_TITLE)) {
            *v = mem_grow_int(*v, cap, *n + 1, sizeof **v);
            (*v)[(*n)++] = (entry){ "", lay_child_text(c, d, M_TITLE), level, 0, d };
        }
        if (d->kind != M_FOREWORD)
            model_entries(c, d, level + 1, v, n, cap);
    }
}

static int collect(ctx *c, entry **v)
{
    int n = 0, cap = 0;
    *v = NULL;
    if (!c->prev) {
        model_entries(c, c->doc->root, 1, v, &n, &cap);
        return n;
    }
    for (int i = 0; i < c->prev->n; i++) {
        const anchor *a = &c->prev->v[i];
        if (a->level < 1 || a->level > c->t->contents.depth || a->node->kind == M_CONTENTS)
            continue;
        *v = mem_grow_int(*v, &cap, n + 1, sizeof **v);
        (*v)[n++] = (entry){ a->label, a->title, a->level, a->page, a->node };
    }
    return n;
}

/* The right-hand end of the text on line l. */
static double text_end(const gline *l)
{
    double end = 0;
    for (const dl_item *it = l->first; it; it = it->next)
        if (it->kind == DL_TEXT && it->x + it->w > end)
            end = it->x + it->w;
    return end;
}

static dl_item *text_item(ctx *c, const char *text, int style, double x)
{
    const style_block *s = &c->t->styles[style];
    font *f = style_face(c->t, s->family, style_face_index(s->bold, s->italic), c->dg);
    if (!f)
        return NULL;
    dl_item *it = lay_text_item(c, ROLE_BODY, f, s->size, s->color, text);
    it->x = x;
    return it;
}

/* One entry: its title wrapped short of the number column, leaders from
 * the title's end, the page number flush right; the whole a link. Its
 * text belongs to the contents, not to the heading it names. */
static void contents_entry(ctx *c, galley *g, const entry *e, frame f, const model_node *contents)
{
    const style_contents *ct = &c->t->contents;
    int style = ct->style[e->level <= 3 ? e->level - 1 : 2];
    gline *before = g->last;
    const char *text = *e->label ? arena_printf(c->a, "%s  %s", e->label, e->title) : e->title;
    lay_plain(c, g, text, style, lay_indent(f, 0, ct->number_width + ct->gap), contents, ROLE_BODY);
    gline *last = g->last;
    if (!last || last == before)
        return;
    double right = c->t->page_width - c->t->margin_right - f.right;
    double from = text_end(last) + ct->gap;
    const char *number = anchor_page_label(c, c->prev, e->page);
    dl_item *num = text_item(c, number, style, 0);
    if (!num)
        return;
    num->x = right - num->w;
    num->src = contents;
    gal_line_add(last, num);
    dl_item *dot = *ct->leader ? text_item(c, ct->leader, style, 0) : NULL;
    double to = num->x - ct->gap;
    if (dot && dot->w > 0 && to > from + dot->w) {
        /* leaders as one run of the leader character, spaced to end flush */
        int count = (int)((to - from) / (dot->w * 2));
        if (count > 0) {
            size_t len = strlen(ct->leader);
            char *s = arena_alloc(c->a, (size_t)count * (len + 1) + 1), *q = s;
            for (int k = 0; k < count; k++) {
                memcpy(q, ct->leader, len);
                q += len;
                *q++ = ' ';
            }
            q[-1] = '\0';
            dl_item *lead = text_item(c, s, style, 0);
            if (lead) {
                lead->role = ROLE_ARTIFACT;
                lead->x = to - lead->w;
                gal_line_add(last, lead);
            }
        }
    }
    const anchor *a = anchor_find(c->prev, e->node);
    if (a) {
        for (gline *l = gal_since(g, before); l; l = l->next) {
            dl_item *ln = lay_item(c, DL_LINK, ROLE_ARTIFACT);
            ln->x = c->t->margin_left + f.left;
            ln->w = right - ln->x;
            ln->y = l->ascent - l->height;
            ln->h = l->height;
            ln->dest_page = a->page;
            ln->dest_y = a->y;
            gal_line_add(l, ln);
        }
    }
}

void toc_contents(ctx *c, galley *g, const model_node *n, frame f)
{
    const style_contents *ct = &c->t->contents;
    c->needs_pages = 1;
    gline *before = g->last;
    lay_plain(c, g, ct->title, ct->title_style, f, n, ROLE_HEADING);
    anchor_add(c, g, before, n, "", ct->title, 1);
    entry *v;
    int count = collect(c, &v);
    for (int i = 0; i < count; i++)
        contents_entry(c, g, &v[i], f, n);
    free(v);
}
