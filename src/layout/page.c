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

/* A new page at d's end, upright or turned on its side (landscape). */
static dl_page *new_page(const page_job *job, dl_doc *d, int landscape)
{
    dl_page *p = arena_alloc(job->a, sizeof *p);
    p->width = landscape ? job->t->page_height : job->t->page_width;
    p->height = landscape ? job->t->page_width : job->t->page_height;
    p->number = ++d->npages;
    if (d->last)
        d->last->next = p;
    else
        d->first = p;
    d->last = p;
    return p;
}

enum { PART_ROWS = 1, PART_BLOCK = 2 };

/* Whether line l keeps with the next: a soft keep (inside a table's row,
 * or a block kept whole) holds unless the chain is being parted. */
static int keeps(const gline *l, int parting)
{
    return l->keep_next == GAL_KEEP || (l->keep_next == GAL_KEEP_SOFT && parting < PART_ROWS) ||
           (l->keep_next == GAL_KEEP_BLOCK && parting < PART_BLOCK);
}

/* The height of notes feet, one after another. */
static double feet_height(const gal_foot *ft)
{
    double h = 0;
    for (; ft; ft = ft->next)
        h += ft->height + (h > 0 ? ft->first->space_before : 0);
    return h;
}

/* Height the chain of kept lines starting at l needs, stopping once it
 * exceeds a page (such a chain cannot be kept anyway). */
static double chain_height(const gline *l, double gap, double body, int parting)
{
    double need = gap + l->height + feet_height(l->feet);
    while (keeps(l, parting) && l->next && need <= body) {
        l = l->next;
        need += l->space_before + l->height + feet_height(l->feet);
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

/* A block that did not fit where it fell, waiting for the next page's
 * head while the text after it fills this page. */
typedef struct pending {
    gline *first, *last;
    double height;
    struct pending *next;
} pending;

/* Where the page breaker stands. */
typedef struct pager {
    const page_job *job;
    dl_doc *d;
    dl_page *p;
    double top, bottom, body, y;
    int empty;
    const gline *prev;
    const char *mark_label, *mark_title, *mark_head;
    int marked, page_named, head_named;
    int parting;                    /* the chain being placed is parted at its soft keeps:
                                       PART_ROWS a table's rows, PART_BLOCK a block's too */
    int landscape;                  /* the pages opened now are turned on their side */
    pending *floats, *floats_last;  /* in the order they fell */
    double after;                   /* the least space the next line has above it */
    double foot_h;                  /* the page's foot: its notes and the rule over them */
    gal_foot *foot, *foot_last;     /* the notes at this page's foot */
    gal_foot *carry, *carry_last;   /* notes, or their rests, for the next page's foot */
} pager;

/* The lowest a line of text may reach on the page: above its notes. */
static double floor_of(const pager *pg)
{
    return pg->bottom + pg->foot_h;
}

/* ---- notes at the page's foot ---------------------------------------------- */

/* The space the rule over a page's notes takes, with its gaps. */
static double rule_space(const pager *pg)
{
    const style_template *t = pg->job->t;
    return 2 * t->note_rule_gap + t->note_rule;
}

/* The room line l's notes need on this page: all of them, up to a third
 * of a page (a longer note goes on at the next page's foot), and the
 * rule when they are the page's first. Notes waiting for the next page
 * hold back every note after them, which then needs no room here. */
static double feet_need(const pager *pg, const gline *l)
{
    if (!l->feet || pg->carry)
        return 0;
    double h = feet_height(l->feet);
    if (h > pg->body / 3)
        h = pg->body / 3;
    return h + (pg->foot ? l->feet->first->space_before : rule_space(pg));
}

static void append_foot(gal_foot **first, gal_foot **last, gal_foot *ft)
{
    ft->next = NULL;
    if (*last)
        (*last)->next = ft;
    else
        *first = ft;
    *last = ft;
}

/* The lines of ft that fit in room, cut from it as a foot of their own
 * (NULL when not even its first does); ft keeps the rest. */
static gal_foot *cut_foot(pager *pg, gal_foot *ft, double room, int force)
{
    double h = 0;
    gline *end = NULL;
    for (gline *l = ft->first;; l = l->next) {
        double add = l->height + (l != ft->first ? l->space_before : 0);
        if (h + add > room && !(force && !end))
            break;
        h += add;
        end = l;
        if (l == ft->last)
            break;
    }
    if (!end)
        return NULL;
    gal_foot *part = arena_alloc(pg->job->a, sizeof *part);
    part->first = ft->first;
    part->last = end;
    part->height = h;
    if (end == ft->last) {
        ft->first = NULL;
        ft->height = 0;
    } else {
        ft->first = end->next;
        ft->height -= h + ft->first->space_before;
    }
    return part;
}

/* Puts note ft at the page's foot, as much of it as fits above the text
 * already there (within limit, the most the page's notes may take) and
 * the rest for the next page. */
static void place_foot(pager *pg, gal_foot *ft, double room, int force)
{
    double over = pg->foot ? ft->first->space_before : rule_space(pg);
    gal_foot *part = pg->carry ? NULL : cut_foot(pg, ft, room - over, force && !pg->foot);
    if (part) {
        append_foot(&pg->foot, &pg->foot_last, part);
        pg->foot_h += over + part->height;
    }
    if (ft->first)
        append_foot(&pg->carry, &pg->carry_last, ft);
}

/* Line l's notes at this page's foot, under the text down to l; a
 * page's notes take at most half of it, so that the text goes on. */
static void add_feet(pager *pg, gline *l)
{
    for (gal_foot *ft = l->feet, *next; ft; ft = next) {
        next = ft->next;
        double room = pg->y - floor_of(pg), most = pg->body / 2 - pg->foot_h;
        place_foot(pg, ft, room < most ? room : most, 0);
    }
    l->feet = NULL;
}

/* The notes left over from the page before, at the head of this one's
 * foot: up to half a page while text remains, so that the text goes on
 * too; all of a page once it has ended (where a line taller than the
 * page is placed all the same, so that the notes come to an end). */
static void take_carry(pager *pg, double most, int force)
{
    gal_foot *ft = pg->carry;
    pg->carry = pg->carry_last = NULL;
    for (gal_foot *next; ft; ft = next) {
        next = ft->next;
        place_foot(pg, ft, most - pg->foot_h, force);
    }
}

/* Draws the page's foot: the rule, then its notes down to the margin. */
static void draw_foot(pager *pg)
{
    const style_template *t = pg->job->t;
    if (!pg->foot)
        return;
    double y = floor_of(pg) - t->note_rule_gap - t->note_rule / 2;
    if (t->note_rule > 0) {
        dl_item *rule = arena_alloc(pg->job->a, sizeof *rule);
        rule->kind = DL_RULE;
        rule->role = ROLE_ARTIFACT;
        rule->x = t->margin_left;
        rule->x2 = t->margin_left + t->note_rule_length;
        rule->y = rule->y2 = y;
        rule->line_width = t->note_rule;
        rule->color = t->note_rule_color;
        dl_append(pg->p, rule);
    }
    y = floor_of(pg) - rule_space(pg);
    int first = 1;
    for (gal_foot *ft = pg->foot; ft; ft = ft->next)
        for (gline *l = ft->first;; l = l->next) {
            y -= first ? 0 : l->space_before;
            first = 0;
            gline *next = l->next;
            page_place(l, pg->p, y);
            y -= l->height;
            if (l == ft->last || !next)
                break;
        }
    pg->foot = pg->foot_last = NULL;
    pg->foot_h = 0;
}

/* Line l onto the page, gap below what was placed before it, with what
 * it marks (chapters, running heads, anchors) recorded. */
static void put(pager *pg, gline *l, double gap)
{
    dl_page *p = pg->p;
    if (p->number != pg->marked) {
        /* a page starts under the chapter in force */
        p->mark_label = pg->mark_label;
        p->mark_title = pg->mark_title;
        p->mark_head = pg->mark_head;
        pg->marked = p->number;
        pg->page_named = pg->head_named = 0;
    }
    if (l->mark_head) {
        if (!pg->head_named) {
            /* so too the first running head set on it */
            p->mark_head = l->mark_head;
            pg->head_named = 1;
        }
        pg->mark_head = l->mark_head;
    }
    if (l->mark_title) {
        if (!pg->page_named) {
            /* the first chapter starting on a page names the page */
            p->mark_label = l->mark_label;
            p->mark_title = l->mark_title;
            pg->page_named = 1;
        }
        pg->mark_label = l->mark_label;
        pg->mark_title = l->mark_title;
    }
    if (l->anchor) {
        anchor *a = &pg->job->anchors->v[l->anchor - 1];
        a->page = p->number;
        a->y = pg->y - gap;
    }
    if (l->bar && pg->prev && pg->prev->bar && !pg->empty)
        l->bar->h += gap;       /* one bar down a quote or story, gaps and all */
    page_place(l, p, pg->y - gap);
    pg->y -= gap + l->height;
    pg->empty = 0;
    pg->prev = l;
    add_feet(pg, l);
}

/* The waiting blocks that fit, at the head of the page just opened, the
 * space above the first of each kept below the last. */
static void place_floats(pager *pg)
{
    while (pg->floats && (pg->empty || pg->y - pg->floats->first->space_before - pg->floats->height >=
                                           floor_of(pg) - 0.01)) {
        pending *f = pg->floats;
        pg->floats = f->next;
        double space = f->first->space_before;
        for (gline *l = f->first;; l = l->next) {
            put(pg, l, pg->empty ? 0 : l->space_before);
            if (l == f->last)
                break;
        }
        pg->after = space;
    }
    if (!pg->floats)
        pg->floats_last = NULL;
}

/* Whether the chain of kept lines from l, need high, waits for the next
 * page: it is a block that may float, it does not fit in what is left
 * of a page that holds something, and it fits on a page. A block met
 * while others wait waits behind them, so that none passes another. */
static int floats_on(const pager *pg, const gline *l, double need)
{
    if (!l->floats || pg->empty || need > pg->body)
        return 0;
    return pg->floats || pg->y - need < floor_of(pg) - 0.01;
}

static gline *hold(pager *pg, gline *l, double need)
{
    pending *f = arena_alloc(pg->job->a, sizeof *f);
    f->first = l;
    f->height = need - (pg->empty ? 0 : l->space_before);
    while (l->keep_next && l->next)
        l = l->next;
    f->last = l;
    if (pg->floats_last)
        pg->floats_last->next = f;
    else
        pg->floats = f;
    pg->floats_last = f;
    return l;
}

/* How the chain from l (need high with every keep held) is parted: a
 * block kept whole (a story) that is taller than a page parts wherever
 * its lines' own keeps allow (PART_BLOCK); a table's row in it (a
 * caption and heading rows may come first) parts between its lines
 * (PART_ROWS) where it is taller than a page, or where moving it whole
 * to the next page would leave more of this one empty than the
 * template allows. Rows that fit are kept whole otherwise, so that a
 * reader meets each row's cells together. 0: the chain stays whole. */
static int parting_of(const pager *pg, const gline *l, double gap, double need)
{
    if (need > pg->body && chain_height(l, gap, pg->body, PART_BLOCK) < need)
        return PART_BLOCK;
    if (chain_height(l, gap, pg->body, PART_ROWS) >= need)
        return 0;               /* no row to part in the chain */
    if (need > pg->body)
        return PART_ROWS;
    return !pg->empty && pg->y - need < floor_of(pg) - 0.01 &&
                   pg->y - floor_of(pg) > pg->job->t->table.split_room * pg->body
               ? PART_ROWS
               : 0;
}

/* The text block's top and height on the page just opened. */
static void fit_page(pager *pg)
{
    pg->top = pg->p->height - pg->job->t->margin_top;
    pg->body = pg->top - pg->bottom;
    pg->y = pg->top;
}

/* A new page for line l, its head taken by the blocks waiting for it. */
static int open_page(pager *pg, const gline *l)
{
    pg->p = new_page(pg->job, pg->d, pg->landscape);
    if (!page_allowed(pg->job, pg->p, l))
        return -1;
    fit_page(pg);
    pg->empty = 1;
    /* the waiting blocks head the page; notes carried over take what
     * they leave, up to half of it */
    place_floats(pg);
    double room = pg->y - pg->bottom;
    take_carry(pg, room < pg->body / 2 ? room : pg->body / 2, 0);
    return 0;
}

/* Leaves the page, counting it if it is a hole, and opens the next. */
static int turn_page(pager *pg, const gline *next)
{
    /* notes at its foot fill a page down to its margin, as a reader sees it */
    count_underfull(pg->job, next, pg->foot ? 1 : (pg->top - pg->y) / pg->body);
    draw_foot(pg);
    return open_page(pg, next);
}

/* Line l is set for pages of the other orientation: the page turns (an
 * empty one is turned where it stands). */
static int turn_side(pager *pg, const gline *l)
{
    pg->landscape = l->landscape;
    if (!pg->empty)
        return turn_page(pg, l);
    double w = pg->p->width;
    pg->p->width = pg->p->height;
    pg->p->height = w;
    fit_page(pg);
    return 0;
}

/* Places every waiting block before line l, which must not be passed
 * (a heading, a chapter's start, the end). */
static int flush_floats(pager *pg, const gline *l)
{
    while (pg->floats)
        if (turn_page(pg, l ? l : pg->floats->first) != 0)
            return -1;
    return 0;
}

/* The height of lines from first on, one under another. */
static double lines_height(const gline *first)
{
    double h = 0;
    for (const gline *l = first; l; l = l->next)
        h += l->height;
    return h;
}

/* Lines drawn again at a page's head, from first on. */
static void put_again(pager *pg, const gline *first)
{
    for (const gline *h = first; h; h = h->next) {
        page_place((gline *)h, pg->p, pg->y);
        pg->y -= h->height;
        pg->empty = 0;
    }
}

/* A table continued on the new page from band l: its caption saying
 * "(continued)", its heading rows, and the heading row in the body the
 * band is under; where heading rows in the body start parts (a budget),
 * a band of a later part is continued under its part's heading alone. */
static void continue_run(pager *pg, const gline *l)
{
    const gal_run *run = l->run;
    arena *a = pg->job->a;
    pg->y -= pg->empty ? 0 : pg->after;     /* below the blocks placed first */
    pg->after = 0;
    gline *caption = run->caption ? gal_copy_lines(a, run->caption, run->caption_last, 1) : NULL;
    gline *head = run->head && !(run->parts && l->sub) ? gal_copy_head(a, run->head) : NULL;
    gline *sub = l->sub && !l->sub_head ? gal_copy_lines(a, l->sub->first, NULL, 1) : NULL;
    /* what is repeated takes at most half of what the page has left:
     * the caption goes first, then the heading row in the body */
    double room = (pg->y - floor_of(pg)) / 2;
    double hc = lines_height(caption) + (caption ? run->caption_gap : 0), hh = lines_height(head);
    double hs = lines_height(sub);
    if (hc + hh + hs > room) {
        caption = NULL;
        hc = 0;
    }
    if (hh + hs > room)
        sub = NULL;
    if (caption) {
        put_again(pg, caption);
        pg->y -= run->caption_gap;
    }
    put_again(pg, head);
    put_again(pg, sub);
}

int page_break(const page_job *job, dl_doc *d, gline *first)
{
    const style_template *t = job->t;
    layout_stats *stats = job->stats;
    pager pg = { .job = job, .d = d, .top = t->page_height - t->margin_top, .bottom = t->margin_bottom,
                 .mark_label = "", .mark_title = "", .mark_head = "" };
    pg.body = pg.top - pg.bottom;
    pg.y = pg.top;
    pg.empty = 1;
    for (gline *l = first; l; l = l->next) {
        pg.landscape = pg.p ? pg.landscape : l->landscape;
        if (pg.floats && (l->break_before || l->landscape != pg.landscape ||
                          (l->heading && !t->float_past_headings)) &&
            flush_floats(&pg, l) != 0)
            return -1;
        if (pg.p && l->landscape != pg.landscape && turn_side(&pg, l) != 0)
            return -1;
        if (!pg.p ? open_page(&pg, l) != 0 : l->break_before && !pg.empty && turn_page(&pg, l) != 0)
            return -1;
        double gap = pg.empty ? 0 : l->space_before;
        if (!pg.empty && pg.after > gap)
            gap = pg.after;
        /* keeps are decided where a chain of kept lines starts: a chain
         * that fits on a page moves to the next page whole; one longer
         * than a page flows, and its tail must not be judged again */
        int chain_start = !pg.prev || !keeps(pg.prev, pg.parting);
        double need = chain_start ? chain_height(l, gap, pg.body, pg.parting) : pg.body + 1;
        int part = chain_start && !pg.parting ? parting_of(&pg, l, gap, need) : 0;
        if (part) {
            pg.parting = part;
            need = chain_height(l, gap, pg.body, part);
        }
        if (chain_start && l->floats) {
            /* a block that floats is judged whole, however the chain
             * before it was being parted: it waits only where all of it
             * fits on a page, as it is then placed */
            double whole = chain_height(l, gap, pg.body, 0);
            if (floats_on(&pg, l, whole)) {
                l = hold(&pg, l, whole);
                pg.parting = 0;
                continue;
            }
        }
        pg.after = 0;
        if (!pg.empty && ((need <= pg.body && pg.y - need < floor_of(&pg) - 0.01) ||
                          pg.y - gap - l->height - feet_need(&pg, l) < floor_of(&pg) - 0.01)) {
            const gline *prev = pg.prev;
            if (stats && prev) {
                stats->orphans += prev->para_first && !prev->para_last;
                stats->widows += l->para_last && !l->para_first && !prev->para_last;
                stats->stranded_headings += prev->heading;
            }
            int in_run = prev && l->run && prev->run == l->run;
            if (in_run)         /* close the table at the page's foot */
                dl_append(pg.p, closing_rule(job->a, l->run, pg.y));
            if (turn_page(&pg, l) != 0)
                return -1;
            if (in_run && !l->run_head)
                continue_run(&pg, l);
            else if (l->cont && prev && prev->cont == l->cont)
                put_again(&pg, gal_copy_lines(job->a, l->cont, NULL, 1));
            gap = pg.empty ? 0 : (l->space_before > pg.after ? l->space_before : pg.after);
            pg.after = 0;
        }
        put(&pg, l, gap);
        if (!l->keep_next)
            pg.parting = 0;
    }
    if (pg.floats && flush_floats(&pg, NULL) != 0)
        return -1;
    if (!pg.p)
        new_page(job, d, 0);
    /* notes longer than what the text left: under the text's end, then
     * page after page of them */
    if (pg.p && pg.carry)
        take_carry(&pg, pg.y - pg.bottom, 0);
    while (pg.p && pg.carry) {
        draw_foot(&pg);
        pg.p = new_page(job, d, pg.landscape);
        if (!page_allowed(job, pg.p, pg.carry->first))
            return -1;
        fit_page(&pg);
        take_carry(&pg, pg.body, 1);
    }
    if (pg.p)
        draw_foot(&pg);
    return 0;
}
