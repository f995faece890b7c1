/* measure.c - the widths content needs (its widest word, its longest
 * line) without setting it, and the list labels that measuring and
 * setting both use.
 */
#include "measure.h"

#include <string.h>

#include "label.h"
#include "text.h"

/* min and max over the pieces collected in c: the widest word, and the
 * widest stretch between forced breaks. */
static lay_extent extent_of_pieces(ctx *c, const style_block *s)
{
    lay_extent e = { 0, 0 };
    double word = 0, line = 0;
    for (int i = 0; i <= c->npieces; i++) {
        const piece *p = i < c->npieces ? &c->pieces[i] : NULL;
        if (!p || p->type != LB_BOX) {
            if (word > e.min)
                e.min = word;
            word = 0;
        }
        if (!p || p->type == LB_BREAK) {
            if (line > e.max)
                e.max = line;
            line = 0;
            continue;
        }
        if (p->type == LB_BOX)
            word += p->width;
        line += p->width;
    }
    c->npieces = 0;
    double indents = s->indent_left + s->indent_right + (s->first_indent > 0 ? s->first_indent : 0);
    e.min += indents;
    e.max += indents;
    return e;
}

lay_extent lay_measure_text(ctx *c, frame f, const char *text, int style)
{
    const style_block *s = &c->t->styles[style];
    c->npieces = 0;
    ink k = lay_ink(f, s);
    lay_add_text(c, &k, text, c->doc->root);
    return extent_of_pieces(c, s);
}

static lay_extent widest(lay_extent a, lay_extent b)
{
    return (lay_extent){ a.min > b.min ? a.min : b.min, a.max > b.max ? a.max : b.max };
}

static lay_extent measure_list(ctx *c, frame f, const model_node *n, int style, int depth)
{
    int type = lay_list_type(n);
    const style_list *ls = &c->t->list[type];
    double hang = ls->indent;
    long k = 1;
    lay_extent e = { 0, 0 };
    for (const model_node *it = n->first; it; it = it->next, k++) {
        double w = lay_label_width(c, f, lay_item_label(c, it, type, depth, k)) + ls->label_gap;
        if (w > hang)
            hang = w;
        e = widest(e, lay_measure_content(c, f, it, style));
    }
    e.min += hang;
    e.max += hang;
    return e;
}

lay_extent lay_measure_content(ctx *c, frame f, const model_node *n, int style)
{
    lay_extent e = { 0, 0 };
    if (lay_has_inline(n)) {
        c->npieces = 0;
        lay_add_inline(c, NULL, n, lay_ink(f, &c->t->styles[style]));
        e = extent_of_pieces(c, &c->t->styles[style]);
    }
    for (const model_node *ch = n->first; ch; ch = ch->next) {
        if (ch->kind == M_P)
            e = widest(e, lay_measure_content(c, f, ch, style));
        else if (ch->kind == M_LIST)
            e = widest(e, measure_list(c, f, ch, style, 0));
        else if (ch->kind == M_QUOTE)
            e = widest(e, lay_measure_content(c, f, ch, c->t->quote_style));
    }
    return e;
}

int lay_list_type(const model_node *list)
{
    const char *type = model_attr_get(list, "type");
    static const char *const names[LIST_TYPE_COUNT] = { "bullet", "arabic", "roman", "alpha", "none" };
    for (int k = 0; type && k < LIST_TYPE_COUNT; k++)
        if (strcmp(type, names[k]) == 0)
            return k;
    return LIST_BULLET;
}

typedef struct counter_ctx {
    long n;
} counter_ctx;

static int counter_lookup(void *p, const char *key, const char **str, long *num)
{
    (void)str;
    if (strcmp(key, "n") != 0)
        return 0;
    *num = ((counter_ctx *)p)->n;
    return 1;
}

const char *lay_item_label(ctx *c, const model_node *item, int type, int depth, long n)
{
    const char *own = model_attr_get(item, "label");
    if (own)
        return own;
    const char *fmt = c->t->list[type].label[depth < 4 ? depth : 3];
    if (!fmt)
        return "";
    counter_ctx cc = { n };
    return label_expand(c->a, fmt, counter_lookup, &cc);
}

int lay_style(frame f, int fallback)
{
    return f.style >= 0 ? f.style : fallback;
}

/* Width of a label in the list style. */
double lay_label_width(ctx *c, frame f, const char *label)
{
    const style_block *s = &c->t->styles[lay_style(f, c->t->list_style)];
    font *face = style_face(c->t, s->family, style_face_index(s->bold, s->italic), c->dg);
    return face ? font_text_width(face, label, strlen(label)) * s->size / 1000.0 : 0;
}

int lay_has_blocks(const model_node *n)
{
    for (const model_node *ch = n->first; ch; ch = ch->next)
        if (!model_is_inline(ch->kind))
            return 1;
    return 0;
}

int lay_has_inline(const model_node *n)
{
    for (const model_node *ch = n->first; ch; ch = ch->next)
        if (model_is_inline(ch->kind) && (ch->kind != M_TEXT || strcmp(ch->text, " ") != 0))
            return 1;
    return 0;
}
