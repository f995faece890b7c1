/* picture.c - placing pictures: an <image> block with its caption, and
 * the board's logo on the cover. Decoding and checking are image.c's;
 * here a picture is sized (its width, else its own size at 96 pixels an
 * inch, never wider than the measure nor taller than most of a page) and
 * set as one unbreakable band that keeps its caption with it.
 */
#include "picture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mem.h"
#include "image.h"
#include "para.h"

static const image *failed(ctx *c, const model_node *n, const char *err)
{
    diag_error(c->dg, n->file, n->line, n->col, "<%s>: %s", n->name, err);
    c->failed = 1;
    return NULL;
}

/* The picture n names, decoded once per run whatever the number of
 * layout passes or the ways its path is spelt: pictures are known by the
 * file they are read from, so one file named eight ways is decoded once.
 * NULL after a located error. */
static const image *load(ctx *c, const model_node *n)
{
    const char *path = model_resolve(c->keep, c->doc, model_attr_get(n, "src"));
    char err[FILE_WHY_MAX + 256], why[FILE_WHY_MAX];
    file_handle h;
    if (file_open(&h, path, model_folder(c->doc), why, sizeof why) != 0) {
        snprintf(err, sizeof err, "'%s' %s", path, why);
        return failed(c, n, err);
    }
    for (int i = 0; i < c->nimages; i++)
        if (file_same(c->images[i]->id, h.id)) {
            file_close(&h);
            return c->images[i];
        }
    image *im = image_load(&h, path, c->keep, err, sizeof err);
    if (!im)
        return failed(c, n, err);
    MEM_PUSH(c->images, c->nimages, c->images_cap) = im;
    return im;
}

/* A band holding the picture, w wide, its left edge at x. */
static gline *band(ctx *c, const image *im, const model_node *n, double x, double w, double max_h)
{
    double h = w * im->height / im->width;
    if (h > max_h) {
        w = w * max_h / h;
        h = max_h;
    }
    gline *l = arena_alloc(c->a, sizeof *l);
    l->height = h;
    dl_item *it = lay_item(c, DL_IMAGE, ROLE_FIGURE);
    it->x = x;
    it->y = -h;
    it->w = w;
    it->h = h;
    it->image = im;
    it->src = n;
    gal_line_add(l, it);
    return l;
}

void picture_block(ctx *c, galley *g, const model_node *n, frame f)
{
    const image *im = load(c, n);
    if (!im)
        return;
    const style_template *t = c->t;
    double avail = lay_text_width(c) - f.left - f.right;
    double w = lay_length(model_attr_get(n, "width"), avail);
    if (w <= 0)
        w = im->width * 72.0 / 96;
    if (w > avail)
        w = avail;
    double body = t->page_height - t->margin_top - t->margin_bottom;
    gline *l = band(c, im, n, t->margin_left + f.left, w, body * 0.8);
    l->first->x += (avail - l->first->w) / 2;      /* centred in the measure */
    gal_add_space(g, t->table.space_before);
    gline *before = g->last;
    gal_append(g, l, l);
    const model_node *cap = model_child(n, M_CAPTION);
    if (cap) {
        l->keep_next = 1;           /* the caption stays under its picture */
        lay_paragraph(c, g, cap, t->table.caption_style, f, NULL, 0, ROLE_BODY, 0);
    }
    lay_float(c, g, before, STYLE_FLOAT_IMAGE);
    gal_add_space(g, t->table.space_after);
}

void picture_logo(ctx *c, galley *g, const model_node *logo, double width, double share)
{
    const image *im = load(c, logo);
    if (!im)
        return;
    const style_template *t = c->t;
    double avail = lay_text_width(c);
    gline *l = band(c, im, logo, t->margin_left, width < avail ? width : avail,
                    (t->page_height - t->margin_top - t->margin_bottom) * share);
    gal_append(g, l, l);
}
