/* layout.c - the passes: the document set into one galley, cut into
 * pages, given its furniture and bookmarks; again while a contents page
 * or a reference would print a page number that has moved.
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "block.h"
#include "date.h"
#include "diag.h"
#include "foot.h"
#include "furniture.h"
#include "hyph.h"
#include "mem.h"
#include "page.h"
#include "share.h"
#include "structure.h"
#include "text.h"

/* Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian). */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

/* The document's date: SOURCE_DATE_EPOCH when set, else the report's own
 * date (iso=, checked by check.c), else none; never the clock. A
 * SOURCE_DATE_EPOCH no PDF date can hold is said and ignored. */
static long long document_date(const ctx *c, const model_node *meta)
{
    const model_node *date = meta ? model_child(meta, M_DATE) : NULL;
    const char *iso = date ? model_attr_get(date, "iso") : NULL;
    int y, m, d;
    int own = iso && date_parse_iso(iso, &y, &m, &d, NULL, 0) == 0;
    const char *env = getenv("SOURCE_DATE_EPOCH");
    long long when;
    if (env && *env && date_parse_epoch(env, &when) == 0)
        return when;
    if (env && *env)
        diag_warning(c->dg, NULL, 0, 0, "SOURCE_DATE_EPOCH '%s' is not a whole number of seconds from 1970 "
                     "to the end of 9999; it is ignored, and the PDF carries %s", env,
                     own ? "the report's own date" : "no date");
    return own ? days_from_civil(y, (unsigned)m, (unsigned)d) * 86400 : -1;
}

static void set_info(ctx *c, dl_doc *d)
{
    const model_node *meta = model_child(c->doc->root, M_META);
    d->title = lay_child_text(c, meta, M_TITLE);
    d->author = lay_child_text(c, meta, M_AUTHOR);
    d->subject = lay_child_text(c, meta, M_SUBTITLE);
    if (!d->subject)
        d->subject = lay_child_text(c, meta, M_BOARD);
    const model_node *board = model_child(meta, M_BOARD);
    const char *area = lay_child_text(c, meta, M_AREA), *period = lay_child_text(c, meta, M_PERIOD);
    const char *shortname = board ? model_attr_get(board, "short") : NULL;
    d->keywords = arena_printf(c->a, "%s%s%s%s%s", shortname ? shortname : "",
                               shortname && (area || period) ? ", " : "", area ? area : "",
                               area && period ? ", " : "", period ? period : "");
    const char *lang = model_attr_get(c->doc->root, "xml:lang");
    d->lang = lang ? lang : "en-GB";
    d->date = document_date(c, meta);
}

/* Elements with ids, sorted, for references (check.c has made ids unique). */
static void collect_ids(ctx *c)
{
    int n = 0, cap = 0;
    const model_node **v = NULL;
    const model_node *at = c->doc->root;
    while (at) {
        if (model_attr_get(at, "id")) {
            MEM_PUSH(v, n, cap) = at;
        }
        if (at->first) {
            at = at->first;
            continue;
        }
        while (at && at != c->doc->root && !at->next)
            at = at->parent;
        at = at && at != c->doc->root ? at->next : NULL;
    }
    for (int i = 1; i < n; i++)         /* insertion sort: ids come mostly in order */
        for (int k = i; k > 0 && strcmp(model_attr_get(v[k - 1], "id"), model_attr_get(v[k], "id")) > 0; k--) {
            const model_node *tmp = v[k];
            v[k] = v[k - 1];
            v[k - 1] = tmp;
        }
    c->ids = v;
    c->nids = n;
}

/* The body starts on the page of the first chapter, section or appendix,
 * when a cover, contents page or foreword comes before it. */
static int front_pages(const ctx *c)
{
    if (!c->t->front_numbering)
        return 0;
    const model_node *root = c->doc->root;
    int front_matter = model_child(root, M_COVER) || model_child(root, M_FOREWORD) ||
                       model_child(root, M_CONTENTS) || c->contents_before;
    if (!front_matter)
        return 0;
    for (int i = 0; i < c->cur->n; i++) {
        const model_node *n = c->cur->v[i].node;
        if ((n->kind == M_CHAPTER || n->kind == M_SECTION || n->kind == M_APPENDIX) &&
            n->parent == root)
            return c->cur->v[i].page - 1;
    }
    return 0;
}

/* Where a contents page the report did not ask for goes: before the
 * first block after the cover and front sheet, where <contents/> would
 * stand; NULL when a long report gets none (it has its own, says
 * contents="no", the template gives none, or there is nothing to list). */
static const model_node *contents_place(const ctx *c, const dl_doc *d)
{
    const model_node *root = c->doc->root;
    const char *asked = model_attr_get(root, "contents");
    int pages = c->t->contents.auto_pages;
    if (pages <= 0 || d->npages <= pages || model_child(root, M_CONTENTS) ||
        (asked && strcmp(asked, "no") == 0))
        return NULL;
    for (const model_node *n = root->first; n; n = n->next)
        if (n->kind != M_META && n->kind != M_COVER && n->kind != M_FRONT_SHEET)
            return n;
    return NULL;
}

/* The node the contents page it was not asked for stands for: the same
 * in every pass (anchors are known by their node), in the run's arena. */
static const model_node *contents_node(ctx *c)
{
    const model_node *root = c->doc->root;
    model_node *n = arena_alloc(c->keep, sizeof *n);
    n->kind = M_CONTENTS;
    n->name = "contents";
    n->parent = (model_node *)root;
    n->file = root->file;
    n->line = root->line;
    n->col = root->col;
    return n;
}

static void outline(ctx *c, dl_doc *d)
{
    dl_outline **tail = &d->outline;
    for (int i = 0; i < c->cur->n; i++) {
        const anchor *a = &c->cur->v[i];
        if (a->level < 1 || a->page < 1)
            continue;
        dl_outline *o = arena_alloc(c->a, sizeof *o);
        o->level = a->level;
        const char *title = lay_quotes(c, a->title);
        o->title = *a->label ? arena_printf(c->a, "%s %s", a->label, title) : title;
        o->page = a->page;
        o->y = a->y;
        o->src = a->node;
        *tail = o;
        tail = &o->next;
    }
}

static int same_places(const anchors *x, const anchors *y)
{
    if (!x || !y || x->n != y->n || x->front_pages != y->front_pages)
        return 0;
    for (int i = 0; i < x->n; i++)
        if (x->v[i].page != y->v[i].page || x->v[i].node != y->v[i].node ||
            strcmp(x->v[i].label, y->v[i].label) != 0)
            return 0;
    return 1;
}

/* The template's fields of colour across the cover page, under its
 * lines: drawn first, page wide. */
static void cover_bands(ctx *c, dl_page *p)
{
    dl_item *first = NULL, **tail = &first, *last = NULL;
    for (const style_cover_band *b = c->t->cover_bands; b; b = b->next) {
        dl_item *it = lay_item(c, DL_RECT, ROLE_ARTIFACT);
        it->x = 0;
        it->w = p->width;
        it->h = b->height;
        it->y = p->height - b->top - b->height;
        it->filled = 1;
        it->color = b->color;
        *tail = last = it;
        tail = &it->next;
    }
    if (!first)
        return;
    last->next = p->first;
    if (!p->first)
        p->last = last;
    p->first = first;
}

static dl_doc *paging_failed(ctx *c)
{
    c->failed = 1;
    return NULL;
}

/* One pass of layout over the whole document. */
static dl_doc *layout_pass(ctx *c)
{
    const style_template *t = c->t;
    dl_doc *d = arena_alloc(c->a, sizeof *d);
    set_info(c, d);
    const model_node *root = c->doc->root;
    int has_cover = model_child(root, M_COVER) != NULL && t->cover != NULL;
    /* one galley for the cover and the body: the cover's last line is
     * cut from the body's first only once both are set */
    galley gal = gal_child(NULL), *g = &gal;
    gline *cover_lines = NULL;
    if (has_cover) {
        cover_lines = furn_cover(c, g, model_child(root, M_META), model_child(root, M_COVER));
        g->pending_space = 0;
    }
    gline *body_start = g->last;
    lay_blocks(c, g, root, lay_root_frame(), 1, 0);
    lay_flush_notes(c, g, lay_root_frame());
    if (t->notes_at_foot)
        foot_attach(c, g);
    gline *body = gal_since(g, body_start);
    if (has_cover && body_start) {
        body_start->next = NULL;
        if (body)
            body->break_before = 1;
        if (cover_lines)
            cover_lines->space_before = 0;
    }
    if (c->failed)
        return NULL;
    page_job job = { c->a, t, c->cur, c->stats, root, c->dg };
    if (has_cover && cover_lines) {
        if (page_break(&job, d, cover_lines) != 0)
            return paging_failed(c);
        /* the cover's first line sits at cover_top */
        double shift = t->cover_top - t->margin_top;
        for (dl_item *it = d->first->first; it; it = it->next) {
            it->y -= shift;
            it->y2 -= shift;
        }
        cover_bands(c, d->first);
        if (body) {
            dl_doc rest = { 0 };
            rest.npages = d->npages;
            if (page_break(&job, &rest, body) != 0)
                return paging_failed(c);
            d->last->next = rest.first;
            d->last = rest.last;
            d->npages = rest.npages;
        }
    } else if (page_break(&job, d, g->first) != 0) {
        return paging_failed(c);
    }
    c->cur->front_pages = front_pages(c);
    d->front_pages = c->cur->front_pages;
    d->front_style = (char)t->front_numbering;
    furn_add(c, d, has_cover);
    outline(c, d);
    return d;
}

static void reset_pass(ctx *c)
{
    memset(c->counters, 0, sizeof c->counters);
    memset(c->uncounted, 0, sizeof c->uncounted);
    c->chapter_counter = c->appendix_counter = c->table_counter = 0;
    c->needs_pages = 0;
    c->nwarned = 0;
}

#define LAYOUT_MAX_PASSES 5

dl_doc *layout_run(const model_doc *doc, style_template *t, arena *a, layout_stats *stats, diag *dg)
{
    ctx c = { .doc = doc, .t = t, .keep = a, .dg = dg };
    c.link_style = style_lookup(t, "link");
    c.shares = share_new();
    collect_ids(&c);
    anchors passes[2] = { { 0 }, { 0 } };
    /* each pass allocates in an arena of its own, kept while the next
     * pass reads its anchors; the last pass's becomes the caller's */
    arena *pass_arena[2] = { NULL, NULL };
    dl_doc *d = NULL;
    int pass = 0;
    /* Pass after pass until no heading or target moves: the contents
     * page and references print what the pass before found. Every pass
     * reports; the context prints each message once. Statistics come
     * from the last pass. */
    while (pass < LAYOUT_MAX_PASSES) {
        anchors *cur = &passes[pass % 2];
        const anchors *prev = pass > 0 ? &passes[(pass + 1) % 2] : NULL;
        free(cur->v);
        *cur = (anchors){ 0 };
        arena_free(pass_arena[pass % 2]);
        c.a = pass_arena[pass % 2] = arena_new();
        reset_pass(&c);
        share_next_pass(c.shares);
        c.cur = cur;
        c.prev = prev;
        layout_stats st = { 0 };
        c.stats = &st;
        d = layout_pass(&c);
        pass++;
        if (stats)
            *stats = st;
        /* a report found longer than the template's auto-pages gets the
         * contents page it lacks, and is laid out again with it */
        const model_node *place = d && !c.contents_before ? contents_place(&c, d) : NULL;
        if (place) {
            c.contents_before = place;
            c.auto_contents = contents_node(&c);
            continue;
        }
        /* and until tables that share widths were set with their
         * group's (one pass more where a later table widens a column) */
        if (!d || ((!c.needs_pages || same_places(cur, prev)) && !share_changed(c.shares)))
            break;
    }
    if (stats && d) {
        stats->pages = d->npages;
        stats->passes = pass;
    }
    free(passes[0].v);
    free(passes[1].v);
    free(c.ids);
    free(c.images);
    free(c.pieces);
    free(c.items);
    free(c.breaks);
    free(c.ratios);
    hyph_free(c.hyph);
    free(c.warned);
    free(c.squeezed);
    share_free(c.shares);
    arena_free(pass_arena[pass % 2]);       /* the pass before the last */
    arena_adopt(a, pass_arena[(pass + 1) % 2]);
    if (c.failed || structure_mark(a, d, doc->root, dg) != 0)
        return NULL;
    return d;
}
