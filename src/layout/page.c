/* page.c - the page breaker. Linear in the number of lines: a chain of
 * kept lines is measured once, where it starts. */
#include "page.h"

#include "diag.h"

/* The rule closing a run of bands at a page's foot, at height y. */
static dl_item *closing_rule(arena *a, const gal_run *run, double y)
{
    dl_item *it = arena_alloc(a, sizeof *it);
    it->kind = DL_RULE;
    it->role = ROLE_ARTIFACT;
    it->x = run->x0;
    it->x2 = run->x1;
    it->y = it->y2 = y;
    it->line_width = run->width;
    it->color = run->color;
    return it;
}

static dl_page *new_page(const page_job *job, dl_doc *d)
{
    dl_page *p = arena_alloc(job->a, sizeof *p);
    p->width = job->t->page_width;
    p->height = job->t->page_height;
    p->number = ++d->npages;
    if (d->last)
        d->last->next = p;
    else
        d->first = p;
    d->last = p;
    return p;
}

/* Height the chain of kept lines starting at l needs, stopping once it
 * exceeds a page (such a chain cannot be kept anyway). */
static double chain_height(const gline *l, double gap, double body)
{
    double need = gap + l->height;
    while (l->keep_next && l->next && need <= body) {
        l = l->next;
        need += l->space_before + l->height;
    }
    return need;
}

void page_place(gline *l, dl_page *p, double top)
{
    double baseline = top - l->ascent;
    for (dl_item *it = l->first, *next; it; it = next) {
        next = it->next;
        it->y += baseline;
        it->y2 += baseline;
        dl_append(p, it);
    }
}

/* The element a line was set from, to say where a problem is. */
static const model_node *line_source(const page_job *job, const gline *l)
{
    for (const dl_item *it = l->first; it; it = it->next)
        if (it->src) {
            const model_node *n = it->src;
            while (n->kind == M_TEXT && n->parent)
                n = n->parent;
            return n;
        }
    return job->root;
}

/* Whether page p may be added for line l: a report stops at the page
 * count the PDF library and readers handle (a located error past it). */
static int page_allowed(const page_job *job, const dl_page *p, const gline *l)
{
    if (p->number <= PAGE_MAX)
        return 1;
    const model_node *at = line_source(job, l);
    diag_error(job->dg, at->file, at->line, at->col, "<%s> falls on page %d; a report has at most %d pages",
               at->name, p->number, PAGE_MAX);
    return 0;
}

/* Counts the page just left as underfull when less than 60% of its text
 * area is used and the page after it (starting with line next) does not
 * start a chapter: a hole a reader sees, as page-quality counts it. */
static void count_underfull(const page_job *job, const gline *next, double filled)
{
    if (!job->stats || filled >= 0.6)
        return;
    int chapter = next->mark_title ||
                  (next->anchor && job->anchors->v[next->anchor - 1].level == 1);
    job->stats->underfull += !chapter;
}

int page_break(const page_job *job, dl_doc *d, gline *first)
{
    const style_template *t = job->t;
    layout_stats *stats = job->stats;
    double top = t->page_height - t->margin_top, bottom = t->margin_bottom;
    double body = top - bottom;
    dl_page *p = NULL;
    double y = top;
    int empty = 1;
    const gline *prev = NULL;
    const char *mark_label = "", *mark_title = "", *mark_head = "";
    int marked = 0, page_named = 0, head_named = 0;
    for (gline *l = first; l; l = l->next) {
        if (!p || (l->break_before && !empty)) {
            if (p)
                count_underfull(job, l, (top - y) / body);
            p = new_page(job, d);
            if (!page_allowed(job, p, l))
                return -1;
            y = top;
            empty = 1;
        }
        double gap = empty ? 0 : l->space_before;
        /* keeps are decided where a chain of kept lines starts: a chain
         * that fits on a page moves to the next page whole; one longer
         * than a page flows, and its tail must not be judged again */
        int chain_start = !prev || !prev->keep_next;
        double need = chain_start ? chain_height(l, gap, body) : body + 1;
        if (!empty && ((need <= body && y - need < bottom - 0.01) ||
                       y - gap - l->height < bottom - 0.01)) {
            if (stats && prev) {
                stats->orphans += prev->para_first && !prev->para_last;
                stats->widows += l->para_last && !l->para_first && !prev->para_last;
                stats->stranded_headings += prev->heading;
            }
            int in_run = prev && l->run && prev->run == l->run;
            if (in_run)         /* close the table at the page's foot */
                dl_append(p, closing_rule(job->a, l->run, y));
            count_underfull(job, l, (top - y) / body);
            p = new_page(job, d);
            if (!page_allowed(job, p, l))
                return -1;
            y = top;
            empty = 1;
            gap = 0;
            if (in_run && !l->run_head)
                for (gline *h = gal_copy_head(job->a, l->run->head); h; h = h->next) {
                    page_place(h, p, y);
                    y -= h->height;
                    empty = 0;
                }
        }
        if (p->number != marked) {
            /* a page starts under the chapter in force */
            p->mark_label = mark_label;
            p->mark_title = mark_title;
            p->mark_head = mark_head;
            marked = p->number;
            page_named = head_named = 0;
        }
        if (l->mark_head) {
            if (!head_named) {
                /* so too the first running head set on it */
                p->mark_head = l->mark_head;
                head_named = 1;
            }
            mark_head = l->mark_head;
        }
        if (l->mark_title) {
            if (!page_named) {
                /* the first chapter starting on a page names the page */
                p->mark_label = l->mark_label;
                p->mark_title = l->mark_title;
                page_named = 1;
            }
            mark_label = l->mark_label;
            mark_title = l->mark_title;
        }
        if (l->anchor) {
            anchor *a = &job->anchors->v[l->anchor - 1];
            a->page = p->number;
            a->y = y - gap;
        }
        if (l->bar && prev && prev->bar && !empty)
            l->bar->h += gap;       /* one bar down a quote or story, gaps and all */
        page_place(l, p, y - gap);
        y -= gap + l->height;
        empty = 0;
        prev = l;
    }
    if (!p)
        new_page(job, d);
    return 0;
}

