/* galley.c - the galley: lines in order, and what they carry for pages. */
#include "galley.h"

galley gal_child(const galley *g)
{
    return (galley){ .note_counter = g ? g->note_counter : 0 };
}

gline *gal_new_line(arena *a, galley *g, double height, double ascent)
{
    gline *l = arena_alloc(a, sizeof *l);
    l->height = height;
    l->ascent = ascent;
    l->space_before = g->pending_space;
    g->pending_space = 0;
    if (g->break_next) {
        l->break_before = 1;
        g->break_next = 0;
    }
    l->mark_head = g->head_pending;
    g->head_pending = NULL;
    if (g->keep_following > 0) {
        /* the previous line (a heading, or an earlier line) keeps with this */
        if (g->last)
            g->last->keep_next = 1;
        g->keep_following--;
    }
    if (g->last)
        g->last->next = l;
    else
        g->first = l;
    g->last = l;
    if (g->label) {
        l->first = g->label;
        dl_item *it = g->label;
        while (it->next)
            it = it->next;
        l->last = it;
        g->label = NULL;
    }
    return l;
}

void gal_line_add(gline *l, dl_item *it)
{
    it->next = NULL;
    if (l->last)
        l->last->next = it;
    else
        l->first = it;
    l->last = it;
}

void gal_add_space(galley *g, double space)
{
    if (space > g->pending_space)
        g->pending_space = space;
}

void gal_append(galley *g, gline *first, gline *last)
{
    if (!first)
        return;
    first->space_before = g->pending_space;
    g->pending_space = 0;
    if (g->break_next) {
        first->break_before = 1;
        g->break_next = 0;
    }
    if (g->head_pending) {
        first->mark_head = g->head_pending;
        g->head_pending = NULL;
    }
    if (g->keep_following > 0 && g->last)
        g->last->keep_next = 1;     /* a heading or caption keeps with what follows */
    g->keep_following = 0;
    if (g->last)
        g->last->next = first;
    else
        g->first = first;
    g->last = last;
}

gline *gal_since(const galley *g, const gline *before)
{
    return before ? before->next : g->first;
}

void gal_keep_whole(galley *g, const gline *before)
{
    for (gline *l = gal_since(g, before); l && l != g->last; l = l->next)
        if (!l->keep_next)
            l->keep_next = GAL_KEEP_BLOCK;
}

void gal_take_feet(gline *to, gline *from)
{
    gal_foot **end = &to->feet;
    while (*end)
        end = &(*end)->next;
    *end = from->feet;
    from->feet = NULL;
}

void gal_take_notes(galley *g, galley *child)
{
    if (child->notes) {
        if (g->notes_last)
            g->notes_last->next = child->notes;
        else
            g->notes = child->notes;
        g->notes_last = child->notes_last;
    }
    child->notes = child->notes_last = NULL;
    g->note_counter = child->note_counter;
}

int gal_add_note(arena *a, galley *g, const model_node *note)
{
    gal_note *n = arena_alloc(a, sizeof *n);
    n->node = note;
    n->number = ++g->note_counter;
    if (g->notes_last)
        g->notes_last->next = n;
    else
        g->notes = n;
    g->notes_last = n;
    return n->number;
}

static gline *copy_line(arena *a, const gline *h, int artifact)
{
    gline *copy = arena_alloc(a, sizeof *copy);
    *copy = *h;
    copy->first = copy->last = NULL;
    copy->next = NULL;
    copy->space_before = 0;
    copy->keep_next = 0;
    copy->feet = NULL;
    for (const dl_item *it = h->first; it; it = it->next) {
        dl_item *d = arena_alloc(a, sizeof *d);
        *d = *it;
        d->next = NULL;
        if (artifact)
            d->role = ROLE_ARTIFACT;
        gal_line_add(copy, d);
    }
    return copy;
}

gline *gal_copy_head(arena *a, const gline *from)
{
    gline *first = NULL, *tail = NULL;
    for (const gline *h = from; h && h->run_head; h = h->next) {
        gline *copy = copy_line(a, h, 1);  /* read once, where the table starts */
        if (tail)
            tail->next = copy;
        else
            first = copy;
        tail = copy;
        if (h->run_head == 2)
            break;
    }
    return first;
}

gline *gal_copy_lines(arena *a, const gline *from, const gline *last, int artifact)
{
    gline *first = NULL, *tail = NULL;
    for (const gline *h = from; h; h = h == last ? NULL : h->next) {
        gline *copy = copy_line(a, h, artifact);
        if (tail)
            tail->next = copy;
        else
            first = copy;
        tail = copy;
    }
    return first;
}
