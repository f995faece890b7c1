/* furniture.c - the cover's lines and the running header and footer,
 * expanded from the report's metadata: the chapter in force, the page
 * number as the viewer's page labels count it.
 */
#include "furniture.h"

#include <string.h>

#include "label.h"
#include "measure.h"
#include "page.h"
#include "para.h"
#include "picture.h"
#include "text.h"

typedef struct meta_ctx {
    ctx *c;
    const model_node *meta;
    int page, pages;
    const dl_page *at;
} meta_ctx;

static int meta_lookup(void *p, const char *key, const char **str, long *num)
{
    meta_ctx *m = p;
    (void)num;
    if (strcmp(key, "page") == 0 || strcmp(key, "pages") == 0) {
        /* front matter is counted apart from the body, as the viewer's
         * page labels count it */
        int front = m->c->cur ? m->c->cur->front_pages : 0;
        int in_front = m->page <= front;
        long n = key[4] ? (in_front ? front : m->pages - front)
                        : (in_front ? m->page : m->page - front);
        char buf[32];
        label_number(buf, sizeof buf, n, in_front ? (char)m->c->t->front_numbering : '1');
        *str = arena_strdup(m->c->a, buf);
        return 1;
    }
    if (strcmp(key, "running-head") == 0) {
        *str = m->at && m->at->mark_head ? m->at->mark_head : "";
        return 1;
    }
    if (strcmp(key, "chapter") == 0 || strcmp(key, "chapter-label") == 0) {
        const char *v = m->at ? (key[7] ? m->at->mark_label : m->at->mark_title) : NULL;
        if (!key[7] && (!v || !*v))
            v = lay_child_text(m->c, m->meta, M_TITLE);     /* before the first chapter */
        *str = v ? v : "";
        return 1;
    }
    static const struct { const char *key; model_kind kind; } fields[] = {
        {"board", M_BOARD}, {"area", M_AREA}, {"period", M_PERIOD}, {"title", M_TITLE},
        {"subtitle", M_SUBTITLE}, {"author", M_AUTHOR}, {"date", M_DATE},
    };
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
        if (strcmp(key, fields[k].key) == 0) {
            const char *s = lay_child_text(m->c, m->meta, fields[k].kind);
            *str = s ? s : "";
            return 1;
        }
    if (strcmp(key, "short") == 0 || strcmp(key, "author-role") == 0) {
        const model_node *n = model_child(m->meta, key[0] == 's' ? M_BOARD : M_AUTHOR);
        const char *v = n ? model_attr_get(n, key[0] == 's' ? "short" : "role") : NULL;
        *str = v ? v : "";
        return 1;
    }
    return 0;
}

/* Sets one line of text at (x, baseline), aligned, on page p. */
static void furniture_text(ctx *c, dl_page *p, const char *text, const style_furniture *f,
                           double x_left, double width, style_align align, double baseline)
{
    gline *l = lay_single_line(c, text, f->style, x_left, width, align, f->min_size);
    if (l)
        page_place(l, p, baseline + l->ascent);
}

/* The texts of one running line share it: where they would run into each
 * other, the right-hand text has the room the left leaves (less an em),
 * and the centred one what both leave on either side. Texts that fit
 * keep the whole width. */
static void furniture(ctx *c, dl_page *p, const style_furniture *f, int is_header, meta_ctx *m)
{
    const style_template *t = c->t;
    /* the page's own size: a page turned on its side has its running
     * lines along its long edge */
    double x = t->margin_left, w = p->width - t->margin_left - t->margin_right;
    double baseline = is_header ? p->height - f->offset : f->offset;
    double em = t->styles[f->style].size;
    const char *text[3];
    double need[3];
    for (int k = 0; k < 3; k++) {
        const char *part = k == 0 ? f->left : k == 1 ? f->center : f->right;
        text[k] = part ? label_expand(c->a, part, meta_lookup, m) : "";
        need[k] = *text[k] ? lay_measure_text(c, lay_root_frame(), text[k], f->style).max : 0;
    }
    double side = need[0] > need[2] ? need[0] : need[2];
    int crowded = (need[0] > 0 && need[2] > 0 && need[0] + em + need[2] > w) ||
                  (need[1] > 0 && side > 0 && need[1] + 2 * (side + em) > w);
    if (!crowded) {
        static const style_align aligns[3] = { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };
        for (int k = 0; k < 3; k++)
            furniture_text(c, p, text[k], f, x, w, aligns[k], baseline);
    } else {
        /* the sides share the line: one that needs no more than half
         * keeps what it needs, the other has the rest */
        double room = w - (need[0] > 0 && need[2] > 0 ? em : 0);
        double left = need[0], right = need[2];
        if (left + right > room) {
            if (left > room / 2 && right > room / 2)
                left = right = room / 2;
            else if (left > right)
                left = room - right;
            else
                right = room - left;
        }
        if (need[0] > 0)
            furniture_text(c, p, text[0], f, x, left, ALIGN_LEFT, baseline);
        if (need[2] > 0)
            furniture_text(c, p, text[2], f, x + w - right, right, ALIGN_RIGHT, baseline);
        double taken = left > right ? left : right;
        double middle = w - 2 * (taken > 0 ? taken + em : 0);
        if (middle > 0)
            furniture_text(c, p, text[1], f, x + (w - middle) / 2, middle, ALIGN_CENTER, baseline);
    }
    if (f->rule > 0) {
        const style_block *s = &t->styles[f->style];
        dl_item *r = lay_item(c, DL_RULE, ROLE_ARTIFACT);
        r->x = x;
        r->x2 = x + w;
        r->y = r->y2 = is_header ? baseline - f->rule_gap : baseline + s->size + f->rule_gap;
        r->line_width = f->rule;
        r->color = f->rule_color;
        dl_append(p, r);
    }
}

void furn_add(ctx *c, dl_doc *d, int has_cover)
{
    const model_node *meta = model_child(c->doc->root, M_META);
    meta_ctx m = { c, meta, 0, d->npages, NULL };
    for (dl_page *p = d->first; p; p = p->next) {
        m.page = p->number;
        m.at = p;
        int cover = has_cover && p == d->first;
        if (c->t->header.style >= 0 && (!cover || c->t->header.on_first_page))
            furniture(c, p, &c->t->header, 1, &m);
        if (c->t->footer.style >= 0 && (!cover || c->t->footer.on_first_page))
            furniture(c, p, &c->t->footer, 0, &m);
    }
}

/* The cover: the template's lines, expanded from the metadata, set from
 * cover_top down on a page of its own. */
gline *furn_cover(ctx *c, galley *g, const model_node *meta, const model_node *cover)
{
    meta_ctx m = { c, meta, 1, 1, NULL };
    gline *before = g->last;
    for (const style_cover_line *cl = c->t->cover; cl; cl = cl->next) {
        if (cl->top > 0) {
            /* a line that stands lower down: the space above it reaches
             * its top, from the foot of the lines so far */
            double used = c->t->cover_top;
            for (const gline *l = gal_since(g, before); l; l = l->next)
                used += l->height + (l != gal_since(g, before) ? l->space_before : 0);
            if (gal_since(g, before))
                gal_add_space(g, cl->top - used);
        }
        if (cl->logo > 0) {
            const model_node *logo = meta ? model_child(meta, M_LOGO) : NULL;
            if (logo) {
                gal_add_space(g, cl->space_before);
                picture_logo(c, g, logo, cl->logo, 1.0 / 3);
            }
            continue;
        }
        if (cl->picture > 0) {
            /* the report's cover picture, up to half the page's height */
            if (cover && model_attr_get(cover, "src")) {
                gal_add_space(g, cl->space_before);
                picture_logo(c, g, cover, cl->picture, 0.5);
            }
            continue;
        }
        const char *text = label_expand(c->a, cl->text, meta_lookup, &m);
        if (!*text)
            continue;
        gal_add_space(g, cl->space_before);
        lay_plain(c, g, text, cl->style, lay_root_frame(), meta, ROLE_COVER);
    }
    return gal_since(g, before);
}
