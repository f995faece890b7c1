/* foot.c - notes set for the foot of the page (see foot.h). */
#include "foot.h"

#include <stdlib.h>

#include "block.h"
#include "mem.h"

static int by_node(const void *a, const void *b)
{
    const model_node *x = (*(const gal_note *const *)a)->node, *y = (*(const gal_note *const *)b)->node;
    return x < y ? -1 : x > y;
}

/* The waiting note whose node is n, from the notes sorted by node; NULL
 * when none, or when it was set already (its number 0: a marker's
 * number may be drawn in two items). */
static gal_note *take(gal_note **sorted, size_t n, const model_node *node)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid]->node < node)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == n || sorted[lo]->node != node || sorted[lo]->number == 0)
        return NULL;
    return sorted[lo];
}

/* The note set at the text block's width, with any notes met inside it
 * after it, as a foot of lines. */
static gal_foot *set_note(ctx *c, galley *g, const gal_note *note)
{
    galley ng = gal_child(g);
    frame nf = lay_in_style(lay_root_frame(), c->t->note_style);
    lay_labelled(c, &ng, arena_printf(c->a, "%d", note->number), note->node, nf, 2, 0);
    while (ng.notes) {
        /* a note met while these are set is set with them */
        gal_note *inner = ng.notes;
        ng.notes = inner->next;
        if (!ng.notes)
            ng.notes_last = NULL;
        lay_labelled(c, &ng, arena_printf(c->a, "%d", inner->number), inner->node, nf, 2, 0);
    }
    g->note_counter = ng.note_counter;
    if (!ng.first)
        return NULL;
    gal_foot *ft = arena_alloc(c->a, sizeof *ft);
    ft->first = ng.first;
    ft->last = ng.last;
    for (gline *l = ng.first; l; l = l->next)
        ft->height += l->height + (l != ng.first ? l->space_before : 0);
    return ft;
}

static void hang(gline *l, gal_foot *ft)
{
    gal_foot **end = &l->feet;
    while (*end)
        end = &(*end)->next;
    *end = ft;
}

void foot_attach(ctx *c, galley *g)
{
    size_t n = 0;
    for (const gal_note *note = g->notes; note; note = note->next)
        n++;
    if (!n)
        return;
    gal_note **sorted = mem_alloc(n, sizeof *sorted);
    size_t k = 0;
    for (gal_note *note = g->notes; note; note = note->next)
        sorted[k++] = note;
    qsort(sorted, n, sizeof *sorted, by_node);
    gal_note *waiting = g->notes;
    g->notes = g->notes_last = NULL;
    for (gline *l = g->first; l; l = l->next)
        for (const dl_item *it = l->first; it; it = it->next) {
            gal_note *note = it->src && it->src->kind == M_NOTE ? take(sorted, n, it->src) : NULL;
            if (!note)
                continue;
            gal_foot *ft = set_note(c, g, note);
            if (ft)
                hang(l, ft);
            note->number = 0;       /* set */
        }
    free(sorted);
    /* a marker no line holds (set apart and dropped): its note is set at
     * the end, as notes at a chapter's end are */
    frame nf = lay_in_style(lay_root_frame(), c->t->note_style);
    for (gal_note *note = waiting; note; note = note->next)
        if (note->number)
            lay_labelled(c, g, arena_printf(c->a, "%d", note->number), note->node, nf, 2, 0);
}
