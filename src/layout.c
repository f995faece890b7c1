/* layout.c - the galley and the page breaker.
 *
 * Blocks become lines: a paragraph's inline content is cut into pieces
 * (runs of text in one font, encoding, size, colour and link), words are
 * joined by glue, linebreak.c chooses the breaks, and each line becomes
 * display items positioned relative to its baseline. Lines are then
 * placed on pages top to bottom, honouring keeps: a line marked
 * keep_next moves to the next page with its successor when both do not
 * fit. Every step is linear in the number of lines.
 */
#include "layout.h"
#include "layout_int.h"
#include "mem.h"
#include "page.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "label.h"
#include "linebreak.h"
#include "hyph.h"
#include "utf8.h"

double lay_text_width(const ctx *c)
{
    const style_template *t = c->t;
    return t->page_width - t->margin_left - t->margin_right;
}

frame lay_root_frame(void)
{
    return (frame){ .scale = 1, .align = LAY_NO_ALIGN, .style = -1 };
}

frame lay_indent(frame f, double left, double right)
{
    f.left += left;
    f.right += right;
    return f;
}

frame lay_in_style(frame f, int style)
{
    f.style = style;
    return f;
}

/* ---- fonts and characters ------------------------------------------------ */

static font *ink_font(ctx *c, const ink *k)
{
    font *f = style_face(c->t, k->family, style_face_index(k->bold, k->italic));
    if (!f)
        c->failed = 1;
    return f;
}

static int already_warned(ctx *c, uint32_t cp)
{
    for (int i = 0; i < c->nwarned; i++)
        if (c->warned[i] == cp)
            return 1;
    MEM_PUSH(c->warned, c->nwarned, c->warned_cap) = cp;
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Warns (once per character) about characters the font has no glyph for,
 * or that it cannot carry (beyond the two-byte range). */
static void check_glyphs(ctx *c, const char *s, size_t len, font *f, const model_node *src)
{
    const char *p = s, *end = s + len;
    while (p < end) {
        uint32_t cp = utf8_next(&p, end);
        if (cp < 0x80)
            continue;
        int missing = !font_has(f, cp) || cp > 0xFFFF;
        if (missing && !already_warned(c, cp))
            diag_warning(src->file, src->line, src->col,
                         "U+%04X is not in font %s; it will show as a substitute",
                         (unsigned)cp, base_name(font_path(f)));
    }
}

/* Uppercase for the Latin letters templates are likely to shout in. */
static const char *upper(arena *a, const char *s, size_t len, size_t *out_len)
{
    char *out = arena_alloc(a, len * 2 + 1), *q = out;
    const char *p = s, *end = s + len;
    while (p < end) {
        const char *start = p;
        uint32_t cp = utf8_next(&p, end);
        if (cp == UTF8_INVALID) {
            *q++ = *start;
            continue;
        }
        if (cp >= 'a' && cp <= 'z')
            cp -= 32;
        else if ((cp >= 0xE0 && cp <= 0xFE && cp != 0xF7))
            cp -= 32;
        else if (cp >= 0x100 && cp <= 0x17F && (cp & 1) && cp != 0x131 && cp != 0x138 && cp != 0x149)
            cp -= 1;
        q += utf8_encode(cp, q);
    }
    *out_len = (size_t)(q - out);
    return out;
}

/* The inline formatting of style s at type scale. */
static ink ink_of(const style_block *s, double scale)
{
    ink k = { .family = s->family, .bold = s->bold, .italic = s->italic,
              .uppercase = s->uppercase, .hyphenate = s->hyphenate, .size = s->size * scale,
              .color = s->color, .scale = scale };
    return k;
}

/* ---- building a paragraph ------------------------------------------------ */

/* A new, zeroed piece at the end. The array may move: a pointer into it
 * taken before this call is stale after it. */
static piece *push_piece(ctx *c)
{
    piece *p = &MEM_PUSH(c->pieces, c->npieces, c->cap);
    memset(p, 0, sizeof *p);
    return p;
}

static void add_glue(ctx *c, const ink *k)
{
    if (c->npieces == 0 || c->pieces[c->npieces - 1].type != LB_BOX)
        return;
    font *f = c->pieces[c->npieces - 1].font;
    double size = c->pieces[c->npieces - 1].size;
    if (!f && !(f = ink_font(c, k)))
        return;
    piece *g = push_piece(c);
    g->type = LB_GLUE;
    g->font = f;
    g->size = size;
    g->width = font_width(f, ' ') * size / 1000.0;
}

static void add_break(ctx *c)
{
    if (c->npieces > 0 && c->pieces[c->npieces - 1].type == LB_GLUE)
        c->npieces--;
    push_piece(c)->type = LB_BREAK;
}

/* Adds a text box in one encoding. */
static void add_box(ctx *c, const ink *k, font *f, enc_id e, const char *s, size_t len,
                    const model_node *src)
{
    piece *p = push_piece(c);
    p->type = LB_BOX;
    p->text = s;
    p->len = len;
    p->font = f;
    p->enc = e;
    p->size = k->size;
    p->color = k->color;
    p->href = k->href;
    p->dest = k->dest;
    p->rise = k->rise;
    p->src = src;
    p->width = font_text_width(f, s, len) * k->size / 1000.0;
}

/* The hyphenation patterns, loaded when the first word that may be
 * hyphenated comes (a report without such text never pays for them). */
static hyph *patterns(ctx *c)
{
    if (!c->hyph && !c->hyph_failed) {
        const style_template *t = c->t;
        char err[200];
        c->hyph = hyph_load(t->hyphen_patterns, t->hyphen_left, t->hyphen_right, err, sizeof err);
        c->hyph_failed = !c->hyph;
        if (!c->hyph)
            diag_warning(t->path, 0, 0, "%s: %s; words will not be hyphenated", t->hyphen_patterns, err);
    }
    return c->hyph;
}

/* Where the word s[0..len) may break: at its soft hyphens (U+00AD), else
 * where the patterns allow when the style hyphenates. Words with explicit
 * hyphens ("multi-agency") are not broken: readers' text extraction joins
 * a line ending in a hyphen to the next, and would lose the hyphen. Writes byte offsets (in the word without its soft
 * hyphens) to at, whether each needs a drawn hyphen to flagged, returns
 * the count and the word to set in *word. */
static int break_points(ctx *c, const ink *k, const char **word, size_t *len, int *at, int *flagged)
{
    const char *s = *word;
    int n = 0, soft = 0;
    size_t out = 0;
    char *clean = NULL;
    for (size_t i = 0; i < *len; i++) {
        if (i + 1 < *len && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xAD) {
            if (!clean) {
                clean = arena_alloc(c->a, *len + 1);
                memcpy(clean, s, i);
            }
            if (out > 0)
                at[n] = (int)out, flagged[n++] = 1;
            soft = 1;
            i++;
            continue;
        }
        if (clean)
            clean[out] = s[i];
        out++;
    }
    if (clean) {
        *word = clean;
        *len = out;
    }
    if (soft || !k->hyphenate || !patterns(c))
        return n;
    /* patterns apply to the word without its surrounding punctuation */
    const char *w = *word;
    size_t a = 0, b = *len;
    while (a < b && strchr("(\"'[", w[a]))
        a++;
    while (b > a && strchr(".,;:!?)\"']", w[b - 1]))
        b--;
    while (b > a + 3 && (unsigned char)w[b - 3] == 0xE2 && (unsigned char)w[b - 2] == 0x80)
        b -= 3;                     /* closing curly quotes */
    while (a + 3 < b && (unsigned char)w[a] == 0xE2 && (unsigned char)w[a + 1] == 0x80)
        a += 3;                     /* opening curly quotes */
    int pts[64];
    int m = hyph_points(patterns(c), w + a, b - a, pts);
    for (int i = 0; i < m; i++)
        at[n] = (int)a + pts[i], flagged[n++] = 1;
    return n;
}

/* The font has every character of s[0..len) within the two-byte range. */
static int font_has_all(const font *f, const char *s, size_t len)
{
    const char *p = s, *end = s + len;
    while (p < end) {
        uint32_t cp = utf8_next(&p, end);
        if (cp == UTF8_INVALID || cp > 0xFFFF || !font_has(f, cp))
            return 0;
    }
    return 1;
}

enc_id lay_pick_enc(const font *f, const char *s, size_t len)
{
    enc_id e = enc_pick(s, len);
    if (e != ENC_NONE)
        return e;
    return font_has_all(f, s, len) ? ENC_UTF8 : ENC_CP1252;
}

/* Adds the text s[0..len) in one font as boxes in encodings that carry
 * it: a code page where one has every character, else the two-byte font
 * (a Welsh ŵ, a Vietnamese ễ); only when the font lacks a glyph is the
 * text split, its missing characters shown as '?'. */
static void add_encoded(ctx *c, const ink *k, font *f, const char *s, size_t len, const model_node *src)
{
    enc_id e = enc_pick(s, len);
    if (e == ENC_NONE && font_has_all(f, s, len))
        e = ENC_UTF8;
    if (e != ENC_NONE) {
        add_box(c, k, f, e, s, len, src);
        return;
    }
    const char *p = s, *end = s + len, *run = s;
    enc_id run_enc = ENC_NONE;
    while (p < end) {
        const char *start = p;
        utf8_next(&p, end);
        enc_id ce = enc_pick(start, (size_t)(p - start));
        if (ce == ENC_NONE)         /* or, with no glyph, '?' (warned above) */
            ce = font_has_all(f, start, (size_t)(p - start)) ? ENC_UTF8 : ENC_CP1252;
        if (start > run && ce != run_enc) {
            add_box(c, k, f, run_enc, run, (size_t)(start - run), src);
            run = start;
        }
        run_enc = ce;
    }
    add_box(c, k, f, run_enc, run, (size_t)(end - run), src);
}

static void add_penalty(ctx *c, font *f, double size, double penalty, int flagged)
{
    piece *p = push_piece(c);
    p->type = LB_PENALTY;
    p->font = f;
    p->size = size;
    p->penalty = penalty;
    p->flagged = flagged;
    /* a hyphen is drawn only when the line breaks here */
    p->width = flagged ? font_width(f, '-') * size / 1000.0 : 0;
}

/* A web or email address written out in running text becomes a link,
 * as a reader clicking it expects: www.kscb.org.uk, name@medway.gov.uk.
 * Returns the href for s[*from..*to), the address without the
 * punctuation around it, or NULL. */
static const char *bare_address(ctx *c, const char *s, size_t len, size_t *from, size_t *to)
{
    size_t a = 0, b = len;
    while (a < b && strchr("(\"'[<", s[a]))
        a++;
    while (b > a && strchr(".,;:!?)\"']>", s[b - 1]))
        b--;
    if (b - a < 5)
        return NULL;
    const char *w = s + a;
    size_t n = b - a;
    *from = a;
    *to = b;
    if ((n > 7 && strncmp(w, "http://", 7) == 0) || (n > 8 && strncmp(w, "https://", 8) == 0))
        return arena_strndup(c->a, w, n);
    if (n > 4 && strncmp(w, "www.", 4) == 0)
        return arena_printf(c->a, "http://%.*s", (int)n, w);
    const char *at = memchr(w, '@', n);
    if (at && at > w && memchr(at, '.', n - (size_t)(at - w)) && !memchr(at + 1, '@', n - (size_t)(at - w) - 1))
        return arena_printf(c->a, "mailto:%.*s", (int)n, w);
    return NULL;
}

static void add_word(ctx *c, const ink *k, const char *s, size_t len, const model_node *src)
{
    font *f = ink_font(c, k);
    if (!f)
        return;
    size_t a0, a1;
    const char *href = k->href || k->dest ? NULL : bare_address(c, s, len, &a0, &a1);
    if (href) {
        ink linked = *k;
        linked.href = href;
        if (c->link_style >= 0)
            linked.color = c->t->styles[c->link_style].color;
        check_glyphs(c, s, len, f, src);
        if (a0 > 0)
            add_encoded(c, k, f, s, a0, src);
        add_encoded(c, &linked, f, s + a0, a1 - a0, src);
        if (a1 < len)
            add_encoded(c, k, f, s + a1, len - a1, src);
        return;
    }
    int at[80], flagged[80];
    int n = len < 80 ? break_points(c, k, &s, &len, at, flagged) : 0;
    if (len == 0)
        return;
    if (k->uppercase)
        s = upper(c->a, s, len, &len);  /* same length: Latin case pairs are */
    check_glyphs(c, s, len, f, src);
    size_t from = 0;
    for (int i = 0; i < n; i++) {
        if ((size_t)at[i] <= from || (size_t)at[i] >= len)
            continue;
        add_encoded(c, k, f, s + from, (size_t)at[i] - from, src);
        add_penalty(c, f, k->size, flagged[i] ? c->t->hyphen_penalty : 0, flagged[i]);
        from = (size_t)at[i];
    }
    add_encoded(c, k, f, s + from, len - from, src);
}

void lay_add_text(ctx *c, const ink *k, const char *s, const model_node *src)
{
    while (*s) {
        if (*s == ' ') {
            add_glue(c, k);
            s++;
            continue;
        }
        size_t n = strcspn(s, " ");
        add_word(c, k, s, n, src);
        s += n;
    }
}

void lay_add_inline(ctx *c, galley *g, const model_node *n, ink k)
{
    for (const model_node *ch = n->first; ch; ch = ch->next) {
        ink sub = k;
        switch (ch->kind) {
        case M_TEXT:
            lay_add_text(c, &k, ch->text, ch);
            continue;
        case M_BR:
            add_break(c);
            continue;
        case M_NOTE: {
            /* the note's number here, raised; its text at the end of the
             * chapter (or of the report); measuring a cell counts nothing */
            ink mk = ink_of(&c->t->styles[c->t->note_marker_style], k.scale);
            if (!g) {
                lay_add_text(c, &mk, "0", ch);
                continue;
            }
            int number = gal_add_note(c->a, g, ch);
            mk.rise = c->t->note_rise;
            if (c->npieces > 0 && c->pieces[c->npieces - 1].type == LB_GLUE)
                c->npieces--;           /* the marker sits on the word before it */
            lay_add_text(c, &mk, arena_printf(c->a, "%d", number), ch);
            continue;
        }
        case M_REF: {
            const anchor *target = NULL;
            const char *text = toc_ref_text(c, ch, &target);
            sub.dest = target;
            if (c->link_style >= 0)
                sub.color = c->t->styles[c->link_style].color;
            lay_add_text(c, &sub, text, ch);
            continue;
        }
        case M_B: sub.bold = 1; break;
        case M_I: sub.italic = !k.italic; break;
        case M_A:
            sub.href = model_attr_get(ch, "href");
            if (c->link_style >= 0)
                sub.color = c->t->styles[c->link_style].color;
            break;
        default:
            continue;       /* block children are laid out by the caller */
        }
        lay_add_inline(c, g, ch, sub);
    }
}

ink lay_ink(frame f, const style_block *s)
{
    return ink_of(s, f.scale);
}

/* The bytes of the first characters of p that fit in width (at least
 * one character, so that splitting always advances), their width in *w. */
static size_t fitting_prefix(const piece *p, double width, double *w)
{
    const char *s = p->text, *end = p->text + p->len, *q = s;
    *w = 0;
    while (q < end) {
        const char *start = q;
        uint32_t cp = utf8_next(&q, end);
        double cw = font_width(p->font, cp == UTF8_INVALID ? 0xFFFD : cp) * p->size / 1000.0;
        if (*w + cw > width && start > s)
            return (size_t)(start - s);
        *w += cw;
    }
    return p->len;
}

/* Whether a word (boxes with nothing between them: one word set in two
 * styles, "n<b>aaa</b>") is wider than measure anywhere in the pieces. */
static int word_too_wide(const ctx *c, double measure)
{
    double word = 0;
    for (int i = 0; i < c->npieces; i++) {
        word = c->pieces[i].type == LB_BOX ? word + c->pieces[i].width : 0;
        if (word > measure + LB_FIT_EPSILON)
            return 1;
    }
    return 0;
}

/* A free break, drawing nothing, after the pieces so far. */
static void push_free_break(ctx *c, const piece *like)
{
    piece *gap = push_piece(c);
    gap->type = LB_PENALTY;
    gap->font = like->font;
    gap->size = like->size;
}

/* Splits words wider than the measure at character boundaries, with a
 * free break between the parts, so that no word (a long web address)
 * runs out of its column: between two boxes of one word where together
 * they would not fit, and inside a box wider than the measure itself.
 * Every part holds at least one character: the work is linear in the
 * text however narrow the measure. */
static void split_long_boxes(ctx *c, double measure)
{
    if (!word_too_wide(c, measure))
        return;
    piece *in = c->pieces;
    int n = c->npieces;
    c->pieces = NULL;
    c->npieces = c->cap = 0;
    double word = 0;                /* width of the word so far on its line */
    for (int i = 0; i < n; i++) {
        piece rest = in[i];
        if (rest.type != LB_BOX) {
            word = 0;
            *push_piece(c) = rest;
            continue;
        }
        if (word > 0 && word + rest.width > measure + LB_FIT_EPSILON) {
            push_free_break(c, &rest);
            word = 0;
        }
        while (rest.width > measure + LB_FIT_EPSILON) {
            double w;
            size_t cut = fitting_prefix(&rest, measure, &w);
            if (cut >= rest.len)
                break;
            piece *head = push_piece(c);
            *head = rest;
            head->len = cut;
            head->width = w;
            push_free_break(c, &rest);
            rest.text += cut;
            rest.len -= cut;
            rest.width = rest.width - w > 0 ? rest.width - w : 0;
        }
        *push_piece(c) = rest;
        word += rest.width;
    }
    free(in);
}

/* ---- setting lines ------------------------------------------------------- */

dl_item *lay_item(ctx *c, dl_kind kind, dl_role role)
{
    dl_item *it = arena_alloc(c->a, sizeof *it);
    it->kind = kind;
    it->role = role;
    return it;
}

static const char *encode(ctx *c, enc_id e, const char *s, size_t len)
{
    char *out = arena_alloc(c->a, len + 1);
    enc_encode(e, s, len, out);
    return out;
}

dl_item *lay_text_item(ctx *c, dl_role role, font *f, double size, uint32_t color,
                       const char *text)
{
    size_t len = strlen(text);
    dl_item *it = lay_item(c, DL_TEXT, role);
    it->font = f;
    it->enc = lay_pick_enc(f, text, len);
    it->size = size;
    it->color = color;
    it->bytes = encode(c, it->enc, text, len);
    it->w = font_text_width(f, text, len) * size / 1000.0;
    return it;
}

/* The word spacing the PDF library accepts, in points. */
#define WORD_SPACE_MIN (-30.0)
#define WORD_SPACE_MAX 300.0

typedef struct run {
    int first, last;                /* piece range, inclusive */
    double x, width;
    int spaces;
    double word_space;              /* what each space in the run stretched by */
    int hyphen;                     /* ends in a hyphen drawn at the break */
} run;

static int same_run(const piece *a, const piece *b)
{
    return a->font == b->font && a->enc == b->enc && a->size == b->size &&
           a->color == b->color && a->href == b->href && a->dest == b->dest && a->rise == b->rise;
}

static void emit_run(ctx *c, gline *l, const run *r, dl_role role, int level)
{
    const piece *p0 = &c->pieces[r->first];
    size_t bytes = 1;
    for (int i = r->first; i <= r->last; i++)
        bytes += c->pieces[i].type == LB_BOX ? c->pieces[i].len : 1;
    char *text = arena_alloc(c->a, bytes + 1), *q = text;
    for (int i = r->first; i <= r->last; i++) {
        const piece *p = &c->pieces[i];
        if (p->type == LB_BOX)
            q += enc_encode(p0->enc, p->text, p->len, q);
        else if (p->type == LB_GLUE)
            *q++ = ' ';
    }
    if (r->hyphen)
        *q++ = '-';
    *q = '\0';
    dl_item *it = lay_item(c, DL_TEXT, role);
    it->level = level;
    it->x = r->x;
    it->w = r->width;
    it->font = p0->font;
    it->enc = p0->enc;
    it->size = p0->size;
    it->color = p0->color;
    it->word_space = r->spaces ? r->word_space : 0;
    it->y = p0->rise;
    it->bytes = text;
    it->src = p0->src;
    gal_line_add(l, it);
    if (p0->href || (p0->dest && p0->dest->page > 0)) {
        it->linked = 1;
        dl_item *ln = lay_item(c, DL_LINK, ROLE_ARTIFACT);
        if (p0->dest) {
            ln->dest_page = p0->dest->page;
            ln->dest_y = p0->dest->y;
        }
        ln->x = r->x;
        ln->y = font_descent(p0->font) * p0->size / 1000.0;
        ln->w = r->width;
        ln->h = (font_ascent(p0->font) - font_descent(p0->font)) * p0->size / 1000.0;
        ln->uri = p0->href;
        ln->src = p0->src;
        gal_line_add(l, ln);
    }
}

/* How much the glue at piece i stretches or shrinks on a line set at
 * ratio r (its stretch and shrink are in the line breaker's items). */
static double glue_adjust(const ctx *c, int i, double r)
{
    if (r == 0)
        return 0;
    return r > 0 ? r * c->items[i].stretch : r * c->items[i].shrink;
}

/* Sets pieces [from, to) as one line at adjustment ratio ratio; hyphen
 * when the line ends at a hyphenation point. */
static void set_line(ctx *c, galley *g, const setting *st, int from, int to, double ratio,
                     int first_line, int hyphen)
{
    const style_block *s = st->s;
    double asc = 0, desc = 0;
    font *base = style_face(c->t, s->family, style_face_index(s->bold, s->italic));
    if (base) {
        asc = font_ascent(base) * s->size * st->scale / 1000.0;
        desc = -font_descent(base) * s->size * st->scale / 1000.0;
    }
    double leading = s->leading * st->scale;
    gline *l = gal_new_line(c->a, g, leading, (leading - asc - desc) / 2 + asc);
    l->ratio = ratio;
    l->hyphenated = hyphen;
    l->heading = st->role == ROLE_HEADING;
    double indent = first_line ? st->first_indent : 0;
    double measure = st->measure - indent;
    double natural = hyphen ? c->pieces[to].width : 0;
    for (int i = from; i < to; i++)
        natural += c->pieces[i].type == LB_PENALTY ? 0 : c->pieces[i].width + (
                   c->pieces[i].type == LB_GLUE ? glue_adjust(c, i, ratio) : 0);
    double extra = measure - natural, x = st->x0 + indent;
    if (c->stats && st->role != ROLE_ARTIFACT) {
        /* furniture, the only artifact set as lines, is not counted */
        c->stats->lines++;
        c->stats->hyphenated += hyphen;
        /* only justified lines stretch their spaces; a ragged line's
         * ratio measures the white at its end, which is not looseness */
        c->stats->loose += ratio > 1 && st->align == ALIGN_JUSTIFY;
        c->stats->overfull += extra < -0.01;
    }
    if (st->align == ALIGN_RIGHT)
        x += extra;
    else if (st->align == ALIGN_CENTER)
        x += extra / 2;
    run r = { .first = -1 };
    for (int i = from; i < to; i++) {
        const piece *p = &c->pieces[i];
        if (p->type == LB_PENALTY)
            continue;               /* a break not taken draws nothing */
        double adj = p->type == LB_GLUE ? glue_adjust(c, i, ratio) : 0;
        if (p->type == LB_GLUE && r.first >= 0 &&
            (c->pieces[r.first].enc == ENC_UTF8 || adj > WORD_SPACE_MAX || adj < WORD_SPACE_MIN)) {
            /* viewers do not stretch the spaces of a two-byte font, and
             * the PDF library refuses word spacing beyond its limits (a
             * line left with one space before an unbreakable address), so
             * such words are placed one by one */
            emit_run(c, l, &r, st->role, st->level);
            r.first = -1;
        }
        if (p->type == LB_BOX && (r.first < 0 || !same_run(&c->pieces[r.first], p))) {
            if (r.first >= 0)
                emit_run(c, l, &r, st->role, st->level);
            r = (run){ .first = i, .last = i, .x = x };
        }
        if (r.first >= 0) {
            r.last = i;
            r.width += p->width + adj;
            if (p->type == LB_GLUE) {
                r.spaces++;
                r.word_space = adj;
            }
        }
        x += p->width + adj;
    }
    if (r.first >= 0) {
        /* a run never ends in glue: the next box started a new run */
        while (r.last > r.first && c->pieces[r.last].type != LB_BOX) {
            if (c->pieces[r.last].type == LB_GLUE) {
                r.width -= c->pieces[r.last].width + glue_adjust(c, r.last, ratio);
                r.spaces--;
            }
            r.last--;
        }
        if (hyphen) {
            r.hyphen = 1;
            r.width += c->pieces[to].width;
        }
        emit_run(c, l, &r, st->role, st->level);
    }
    if (st->bar) {
        dl_item *bar = lay_item(c, DL_RECT, ROLE_ARTIFACT);
        bar->x = st->bar_x;
        bar->y = l->ascent - l->height;
        bar->w = st->bar->bar_left;
        bar->h = l->height;
        bar->color = st->bar->bar_color;
        gal_line_add(l, bar);
        l->bar = bar;
    }
}

/* Marks the lines of a finished paragraph so that the page breaker
 * leaves no fewer than orphans lines at a page's foot and no fewer than
 * widows lines at the next page's head, and records where the paragraph
 * starts and ends for the statistics. */
static void keep_lines(ctx *c, gline *first, int n)
{
    int orphans = c->t->orphans, widows = c->t->widows, i = 0;
    for (gline *l = first; l && i < n; l = l->next, i++) {
        l->para_first = i == 0;
        l->para_last = i == n - 1;
        /* nor does a page end in a hyphen, as TeX's broken penalty has it */
        if (i < n - 1 && (i < orphans - 1 || i >= n - widows || l->hyphenated))
            l->keep_next = 1;
    }
}

/* The items of the paragraph for the line breaker: spaces stretch and
 * shrink in justified text; ragged text stretches only at line ends. */
static lb_params fill_items(ctx *c, const setting *st, int hyphenate)
{
    const style_template *t = c->t;
    int justify = st->align == ALIGN_JUSTIFY;
    for (int i = 0; i < c->npieces; i++) {
        const piece *p = &c->pieces[i];
        lb_item *it = &c->items[i];
        *it = (lb_item){ .type = p->type, .width = p->width, .penalty = p->penalty,
                         .flagged = p->flagged };
        if (p->type == LB_GLUE && justify) {
            it->stretch = p->width * t->space_stretch;
            it->shrink = p->width * t->space_shrink;
        }
        if (p->type == LB_PENALTY && p->flagged && !hyphenate)
            it->penalty = 10000;    /* the first pass tries without hyphens */
    }
    lb_params lp = {
        .first_measure = st->measure - st->first_indent, .measure = st->measure,
        .line_penalty = t->line_penalty, .flagged_demerits = t->flagged_demerits,
        .fitness_demerits = t->fitness_demerits, .max_hyphen_run = t->max_hyphen_run,
        .line_stretch = justify ? 0 : t->ragged_stretch * st->s->size,
    };
    return lp;
}

/* Chooses the breaks: total fit without hyphenation, then with it, then
 * with any looseness; first fit only for what total fit cannot set. */
static int choose_breaks(ctx *c, const setting *st, double *ratios)
{
    static const struct { int hyphenate; int tolerance; } passes[] = { {0, 0}, {1, 1}, {1, 2} };
    for (size_t k = 0; k < sizeof passes / sizeof passes[0]; k++) {
        lb_params lp = fill_items(c, st, passes[k].hyphenate);
        lp.tolerance = passes[k].tolerance == 0 ? c->t->pretolerance
                     : passes[k].tolerance == 1 ? c->t->tolerance : HUGE_VAL;
        int n = lb_total_fit(c->items, c->npieces, &lp, c->breaks, ratios);
        if (n > 0)
            return n;
    }
    fill_items(c, st, 1);
    int n = lb_greedy(c->items, c->npieces, st->measure - st->first_indent, st->measure, c->breaks);
    for (int k = 0; k < n; k++)
        ratios[k] = 0;
    return n;
}

/* Whether n is in the set of elements already warned of; adds it. */
static int warned_of(ctx *c, const model_node *n)
{
    if (2 * (c->nsqueezed + 1) > c->squeezed_cap) {
        size_t cap = c->squeezed_cap ? 2 * c->squeezed_cap : 64;
        const model_node **set = mem_alloc(cap, sizeof *set);
        for (size_t i = 0; i < c->squeezed_cap; i++)
            for (size_t k = (uintptr_t)c->squeezed[i] / sizeof(model_node) % cap; c->squeezed[i]; k = (k + 1) % cap)
                if (!set[k]) {
                    set[k] = c->squeezed[i];
                    break;
                }
        free(c->squeezed);
        c->squeezed = set;
        c->squeezed_cap = cap;
    }
    size_t k = (uintptr_t)n / sizeof(model_node) % c->squeezed_cap;
    for (; c->squeezed[k]; k = (k + 1) % c->squeezed_cap)
        if (c->squeezed[k] == n)
            return 1;
    c->squeezed[k] = n;
    c->nsqueezed++;
    return 0;
}

/* Text set wider than it was given room for (indents, labels or a narrow
 * column left less than min-measure) runs past its edge when a word of it
 * is wider than that room: said once for each element. */
static void squeezed(ctx *c, const setting *st)
{
    if (st->given >= st->measure || !st->src)
        return;
    /* a table's cells are warned of once for the table */
    const model_node *n = st->src;
    for (const model_node *a = n; a; a = a->parent)
        if (a->kind == M_TABLE || a->kind == M_BUDGET || a->kind == M_OUTCOME_GRID ||
            a->kind == M_STRATEGIC_AIMS || a->kind == M_AGENCY_PLAN) {
            n = a;
            break;
        }
    if (!word_too_wide(c, st->given > 0 ? st->given : 0) || warned_of(c, n))
        return;
    diag_warning(n->file, n->line, n->col,
                 "<%s> %s left %.1fpt to be set in (by indents, labels or its column); "
                 "it is set %.1fpt wide and runs past its right edge", n->name,
                 n == st->src ? "is" : "has text", st->given > 0 ? st->given : 0, st->measure);
}

/* Breaks the pieces collected in c into lines and adds them. */
static void set_paragraph(ctx *c, galley *g, const setting *st)
{
    while (c->npieces > 0 && c->pieces[c->npieces - 1].type != LB_BOX)
        c->npieces--;
    if (c->npieces == 0) {
        g->label = NULL;
        return;
    }
    squeezed(c, st);
    split_long_boxes(c, st->measure - (st->first_indent > 0 ? st->first_indent : 0));
    /* the line breaker's arrays follow the paragraph's length */
    c->items = mem_grow_int(c->items, &c->items_cap, c->npieces + 1, sizeof *c->items);
    c->breaks = mem_grow_int(c->breaks, &c->breaks_cap, c->npieces + 1, sizeof *c->breaks);
    c->ratios = mem_grow_int(c->ratios, &c->ratios_cap, c->npieces + 1, sizeof *c->ratios);
    int n = choose_breaks(c, st, c->ratios);
    gline *before = g->last;
    int from = 0;
    for (int k = 0; k < n; k++) {
        int to = c->breaks[k];
        int start = from;
        while (start < to && c->pieces[start].type != LB_BOX)
            start++;
        int end = to;
        while (end > start && c->pieces[end - 1].type == LB_GLUE)
            end--;
        int hyphen = to < c->npieces && c->pieces[to].type == LB_PENALTY && c->pieces[to].flagged;
        set_line(c, g, st, start, end, c->ratios[k], k == 0, hyphen);
        from = to + 1;
    }
    keep_lines(c, gal_since(g, before), n);
    c->npieces = 0;
}

setting lay_setting(ctx *c, int style, frame f, dl_role role, int level, const model_node *src)
{
    const style_block *s = &c->t->styles[style];
    setting st = { .s = s, .role = role, .level = level, .first_indent = s->first_indent,
                   .scale = f.scale, .bar = f.bar, .bar_x = f.bar_x };
    st.align = f.align != LAY_NO_ALIGN ? f.align : s->align;
    st.x0 = c->t->margin_left + f.left + s->indent_left;
    st.measure = lay_text_width(c) - f.left - f.right - s->indent_left - s->indent_right;
    double least = c->t->min_measure;
    st.given = st.measure;
    st.src = src;
    if (st.measure < least)
        st.measure = least;         /* no line is set narrower (see squeezed) */
    if (st.first_indent > st.measure - least)
        st.first_indent = st.measure - least;
    return st;
}

/* A block of running text in the given style. prefix (may be NULL) is
 * set before the content in prefix_style. */
/* What every block does once its lines are set: the page break before
 * it, the rule under it, and keeping it with what follows. */
static void finish_block(ctx *c, galley *g, gline *before, const style_block *s, const setting *st)
{
    gline *first = gal_since(g, before);
    if (!first)
        return;
    if (s->page_break_before)
        first->break_before = 1;
    if (s->rule_below > 0) {
        dl_item *rule = lay_item(c, DL_RULE, ROLE_ARTIFACT);
        rule->x = st->x0;
        rule->x2 = st->x0 + st->measure;
        rule->y = rule->y2 = g->last->ascent - g->last->height;
        rule->line_width = s->rule_below;
        rule->color = s->rule_color;
        gal_line_add(g->last, rule);
    }
    if (s->keep_with_next) {
        for (gline *l = first; l; l = l->next)
            l->keep_next = 1;
        /* heading-keep lines after it stay with it: gal_new_line chains
         * each new line to the one before while this count lasts */
        g->keep_following = c->t->heading_keep_lines;
    }
}

void lay_paragraph(ctx *c, galley *g, const model_node *n, int style, frame f, const char *prefix,
                   int prefix_style, dl_role role, int level)
{
    const style_block *s = &c->t->styles[style];
    gal_add_space(g, s->space_before);
    setting st = lay_setting(c, style, f, role, level, n);
    gline *before = g->last;
    c->npieces = 0;
    if (prefix && *prefix) {
        ink pk = lay_ink(f, &c->t->styles[prefix_style]);
        lay_add_text(c, &pk, prefix, n);
    }
    lay_add_inline(c, g, n, lay_ink(f, s));
    set_paragraph(c, g, &st);
    finish_block(c, g, before, s, &st);
    gal_add_space(g, s->space_after);
}

void lay_plain(ctx *c, galley *g, const char *text, int style, frame f, const model_node *src,
               dl_role role)
{
    const style_block *s = &c->t->styles[style];
    gal_add_space(g, s->space_before);
    setting st = lay_setting(c, style, f, role, 0, src);
    gline *before = g->last;
    c->npieces = 0;
    ink k = lay_ink(f, s);
    lay_add_text(c, &k, text, src);
    set_paragraph(c, g, &st);
    finish_block(c, g, before, s, &st);
    gal_add_space(g, s->space_after);
}

/* The largest length a PDF page may have (200 inches). */
#define LAY_MAX_LENGTH 14400.0

double lay_length(const char *value, double whole)
{
    if (!value)
        return 0;
    char *end;
    double v = strtod(value, &end);
    if (!(v > 0) || !isfinite(v))
        return 0;                   /* "nan", "inf", nothing or less */
    while (*end == ' ')
        end++;
    double scale;
    if (*end == '\0' || strcmp(end, "pt") == 0) scale = 1;
    else if (strcmp(end, "%") == 0) scale = whole / 100;
    else if (strcmp(end, "mm") == 0) scale = 72 / 25.4;
    else if (strcmp(end, "cm") == 0) scale = 72 / 2.54;
    else if (strcmp(end, "in") == 0) scale = 72;
    else return 0;                  /* an unknown unit: sized automatically */
    return v > LAY_MAX_LENGTH / (scale > 1 ? scale : 1) ? LAY_MAX_LENGTH : v * scale;
}

void lay_runs(ctx *c, galley *g, const lay_run *runs, int n, int style, frame f,
              const model_node *src)
{
    const style_block *s = &c->t->styles[style];
    gal_add_space(g, s->space_before);
    setting st = lay_setting(c, style, f, ROLE_BODY, 0, src);
    gline *before = g->last;
    c->npieces = 0;
    for (int k = 0; k < n; k++) {
        if (!runs[k].text || !*runs[k].text)
            continue;
        ink ik = lay_ink(f, &c->t->styles[runs[k].style]);
        ik.href = runs[k].href;
        if (ik.href && c->link_style >= 0)
            ik.color = c->t->styles[c->link_style].color;
        lay_add_text(c, &ik, runs[k].text, src);
    }
    set_paragraph(c, g, &st);
    finish_block(c, g, before, s, &st);
    gal_add_space(g, s->space_after);
}

/* ---- measuring ---------------------------------------------------------- */

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

static double label_width(ctx *c, frame f, const char *label);
static const char *item_label(ctx *c, const model_node *item, int type, int depth, long n);
static int list_type(const model_node *list);
static int has_inline_content(const model_node *n);

static lay_extent measure_list(ctx *c, frame f, const model_node *n, int style, int depth)
{
    int type = list_type(n);
    const style_list *ls = &c->t->list[type];
    double hang = ls->indent;
    long k = 1;
    lay_extent e = { 0, 0 };
    for (const model_node *it = n->first; it; it = it->next, k++) {
        double w = label_width(c, f, item_label(c, it, type, depth, k)) + ls->label_gap;
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
    if (has_inline_content(n)) {
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

/* ---- blocks -------------------------------------------------------------- */

void lay_blocks(ctx *c, galley *g, const model_node *parent, frame f, int level, int list_depth);

static int list_type(const model_node *list)
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

static const char *item_label(ctx *c, const model_node *item, int type, int depth, long n)
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
static double label_width(ctx *c, frame f, const char *label)
{
    const style_block *s = &c->t->styles[lay_style(f, c->t->list_style)];
    font *face = style_face(c->t, s->family, style_face_index(s->bold, s->italic));
    return face ? font_text_width(face, label, strlen(label)) * s->size / 1000.0 : 0;
}

/* Makes the label's items; gal_new_line attaches them to the item's first line. */
static void make_label(ctx *c, galley *g, frame f, const char *label, double x,
                       const model_node *src)
{
    if (!*label)
        return;
    const style_block *s = &c->t->styles[lay_style(f, c->t->list_style)];
    ink k = lay_ink(f, s);
    font *face = ink_font(c, &k);
    if (!face)
        return;
    check_glyphs(c, label, strlen(label), face, src);
    dl_item *it = lay_text_item(c, ROLE_LIST_LABEL, face, s->size, s->color, label);
    it->x = x;
    it->src = src;
    /* an item whose content starts with a nested list shows both labels
     * on its first line */
    if (g->label) {
        dl_item *last = g->label;
        while (last->next)
            last = last->next;
        last->next = it;
    } else {
        g->label = it;
    }
}

static int has_block_children(const model_node *n)
{
    for (const model_node *ch = n->first; ch; ch = ch->next)
        if (!model_is_inline(ch->kind))
            return 1;
    return 0;
}

static int has_inline_content(const model_node *n)
{
    for (const model_node *ch = n->first; ch; ch = ch->next)
        if (model_is_inline(ch->kind) && (ch->kind != M_TEXT || strcmp(ch->text, " ") != 0))
            return 1;
    return 0;
}

/* The widest hanging indent a label may take in b: half the measure,
 * so that the text beside it keeps room. */
static double hang_limit(const ctx *c, frame f)
{
    return (lay_text_width(c) - f.left - f.right) / 2;
}

/* Sets an item's content hung hang points in from f, its label in the
 * margin on its first line; a label too wide for the hang starts the
 * text instead. */
static void item_body(ctx *c, galley *g, const style_list *ls, const char *label,
                      const model_node *it, frame f, double hang, int level, int depth)
{
    frame inner = lay_indent(f, hang, 0);
    int style = lay_style(f, c->t->list_style);
    const char *run_in = NULL;
    double width = *label ? label_width(c, f, label) : 0;
    if (*label && width + ls->label_gap > hang + LB_FIT_EPSILON) {
        run_in = arena_printf(c->a, "%s ", label);
    } else {
        double x = f.left;
        if (ls->label_align == ALIGN_RIGHT && *label)
            x = f.left + hang - ls->label_gap - width;
        make_label(c, g, f, label, c->t->margin_left + x, it);
    }
    if (has_inline_content(it))
        lay_paragraph(c, g, it, style, inner, run_in, style, ROLE_BODY, 0);
    else if (run_in)
        lay_plain(c, g, run_in, style, inner, it, ROLE_BODY);
    if (has_block_children(it))
        lay_blocks(c, g, it, inner, level, depth + 1);
    if (g->label) {
        /* an empty item still shows its label, on a line of a no-break space */
        lay_plain(c, g, "\xC2\xA0", style, inner, it, ROLE_BODY);
    }
}

static void list(ctx *c, galley *g, const model_node *n, frame f, int level, int depth)
{
    int type = list_type(n);
    const style_list *ls = &c->t->list[type];
    const char *start = model_attr_get(n, "start");
    long first = start ? strtol(start, NULL, 10) : 1;
    /* the hanging indent fits the widest label */
    double hang = ls->indent, widest = 0;
    long k = first;
    for (const model_node *it = n->first; it; it = it->next, k++) {
        double w = label_width(c, f, item_label(c, it, type, depth, k));
        if (w > widest)
            widest = w;
    }
    if (widest + ls->label_gap > hang)
        hang = widest + ls->label_gap;
    if (hang > hang_limit(c, f))
        hang = ls->indent < hang_limit(c, f) ? ls->indent : hang_limit(c, f);
    k = first;
    for (const model_node *it = n->first; it; it = it->next, k++)
        item_body(c, g, ls, item_label(c, it, type, depth, k), it, f, hang, level, depth);
    gal_add_space(g, c->t->styles[lay_style(f, c->t->list_style)].space_after);
}

void lay_labelled(ctx *c, galley *g, const char *label, const model_node *content, frame f,
                  int level, int depth)
{
    double hang = 0;
    const style_list *ls = &c->t->list[LIST_ARABIC];
    if (label && *label)
        hang = label_width(c, f, label) + ls->label_gap;
    if (hang > hang_limit(c, f))
        hang = 0;                   /* the label starts the text */
    /* the content's own lists are lists of the first level, as they are
     * outside a cell */
    item_body(c, g, ls, label ? label : "", content, f, hang, level, depth - 1);
}

frame lay_with_bar(const ctx *c, frame f, const style_block *s)
{
    if (s->bar_left > 0) {
        f.bar = s;
        f.bar_x = c->t->margin_left + f.left + s->indent_left - s->bar_gap - s->bar_left;
    }
    return f;
}

static void quote(ctx *c, galley *g, const model_node *n, frame f, int level)
{
    f = lay_with_bar(c, f, &c->t->styles[c->t->quote_style]);
    gline *before = g->last;
    if (has_inline_content(n))
        lay_paragraph(c, g, n, c->t->quote_style, f, NULL, 0, ROLE_QUOTE, 0);
    for (const model_node *ch = n->first; ch; ch = ch->next)
        if (ch->kind == M_P)
            lay_paragraph(c, g, ch, c->t->quote_style, f, NULL, 0, ROLE_QUOTE, 0);
        else if (ch->kind == M_ATTRIBUTION)
            lay_paragraph(c, g, ch, c->t->attribution_style, f, NULL, 0, ROLE_QUOTE, 0);
    (void)level;
    gal_keep_whole(g, before);
}

static void signoff(ctx *c, galley *g, const char *name, const char *role, const char *date, frame f,
                    const model_node *src)
{
    if (name && *name)
        lay_plain(c, g, name, c->t->signoff_name_style, f, src, ROLE_BODY);
    if (role && *role)
        lay_plain(c, g, role, c->t->signoff_role_style, f, src, ROLE_BODY);
    if (date && *date)
        lay_plain(c, g, date, c->t->signoff_role_style, f, src, ROLE_BODY);
}

const char *lay_child_text(ctx *c, const model_node *n, model_kind kind)
{
    const model_node *ch = model_child(n, kind);
    if (!ch)
        return NULL;
    const char *s = model_text(c->a, ch);
    while (*s == ' ')
        s++;
    return s;
}

typedef struct heading_ctx {
    ctx *c;
    int level;
} heading_ctx;

static int heading_lookup(void *p, const char *key, const char **str, long *num)
{
    heading_ctx *h = p;
    (void)str;
    if (strcmp(key, "n") == 0) {
        *num = h->c->counters[h->level - 1];
        return 1;
    }
    if (key[0] >= '1' && key[0] <= '6' && key[1] == '\0') {
        *num = h->c->counters[key[0] - '1'];
        return 1;
    }
    return 0;
}

/* The label of a heading, counting it; NULL when unnumbered. A literal
 * number= is printed as given whatever the template's scheme. */
static const char *heading_label(ctx *c, const model_node *n, const style_heading *h, int level)
{
    const char *number = model_attr_get(n, "number");
    if (number && strcmp(number, "auto") != 0 && strcmp(number, "none") != 0) {
        /* a whole number given by hand sets the count the next continue from */
        char *end;
        long v = strtol(number, &end, 10);
        for (int k = level; k < STYLE_MAX_LEVELS; k++)
            c->counters[k] = 0;
        if (*end != '\0' || v <= 0 || v > MODEL_MAX_COUNT || !h->number)
            return number;
        /* a whole number is counted and dressed as the template dresses
         * numbers: number="7" prints "7." where the scheme is "{1}." */
        c->counters[level - 1] = (int)v;
        if (level == 1 && n->kind != M_APPENDIX)
            c->chapter_counter = (int)v;
        else if (level == 1)
            c->appendix_counter = (int)v;
        heading_ctx hc = { c, level };
        return label_expand(c->a, h->number, heading_lookup, &hc);
    }
    int numbered = number ? strcmp(number, "none") != 0 : h->numbered;
    for (int k = level; k < STYLE_MAX_LEVELS; k++)
        c->counters[k] = 0;             /* a new division restarts those below it */
    if (!numbered || !h->number)
        return NULL;
    if (level == 1)
        c->counters[0] = n->kind == M_APPENDIX ? ++c->appendix_counter : ++c->chapter_counter;
    else
        c->counters[level - 1]++;
    heading_ctx hc = { c, level };
    return label_expand(c->a, h->number, heading_lookup, &hc);
}

/* Marks the first line of a chapter for the running head. */
static void set_mark(ctx *c, galley *g, gline *before, const model_node *n, const char *label)
{
    gline *first = gal_since(g, before);
    if (!first)
        return;
    const char *running = model_attr_get(n, "running-head");
    const model_node *title = model_child(n, M_TITLE);
    first->mark_label = label ? label : "";
    first->mark_title = running ? running : title ? lay_child_text(c, n, M_TITLE) : "";
}

/* The notes of the chapter just ended, each under its number. */
static void flush_notes(ctx *c, galley *g, frame f)
{
    frame nf = lay_in_style(f, c->t->note_style);
    while (g->notes) {
        /* a note met while the notes are set is set with them */
        gal_note *note = g->notes;
        g->notes = note->next;
        if (!g->notes)
            g->notes_last = NULL;
        lay_labelled(c, g, arena_printf(c->a, "%d", note->number), note->node, nf, 2, 0);
    }
}

static void division(ctx *c, galley *g, const model_node *n, frame f, int level)
{
    const style_template *t = c->t;
    if (level > t->nheadings)
        level = t->nheadings;
    const style_heading *h = n->kind == M_APPENDIX && level == 1 ? &t->appendix : &t->heading[level - 1];
    const char *label = heading_label(c, n, h, level);
    const model_node *title = model_child(n, M_TITLE);
    const char *prefix = NULL;
    gline *before = g->last;
    if (label && h->label_above) {
        lay_plain(c, g, label, h->label_style, f, n, ROLE_HEADING);
        g->last->keep_next = 1;
    } else if (label) {
        prefix = arena_printf(c->a, "%s%s", label, h->separator);
    }
    gline *label_end = g->last;
    if (title)
        lay_paragraph(c, g, title, h->style, f, prefix, h->style, ROLE_HEADING, level);
    if (label_end != before && label_end != g->last && t->styles[h->style].page_break_before) {
        /* a label above its title breaks the page with it */
        label_end->next->break_before = 0;
        (gal_since(g, before))->break_before = 1;
    }
    if (level == 1)
        set_mark(c, g, before, n, label);
    if (title)
        toc_anchor(c, g, before, n, label, lay_child_text(c, n, M_TITLE), level);
    if (n->kind == M_SUBGROUP)
        board_subgroup_chair(c, g, n, f);
    lay_blocks(c, g, n, f, level + 1, 0);
    if (level == 1)
        flush_notes(c, g, f);
}

static void foreword(ctx *c, galley *g, const model_node *n, frame f)
{
    const model_node *title = model_child(n, M_TITLE);
    gline *before = g->last;
    if (title)
        lay_paragraph(c, g, title, c->t->foreword_style, f, NULL, 0, ROLE_HEADING, 1);
    else if (*c->t->foreword_title)
        lay_plain(c, g, c->t->foreword_title, c->t->foreword_style, f, n, ROLE_HEADING);
    toc_anchor(c, g, before, n, "", title ? lay_child_text(c, n, M_TITLE) : c->t->foreword_title, 1);
    lay_blocks(c, g, n, f, 2, 0);
    flush_notes(c, g, f);
    signoff(c, g, model_attr_get(n, "by"), model_attr_get(n, "role"), NULL, f, n);
}

/* A paragraph, with its own number hung in the margin when it has one
 * (committee papers number paragraphs 1.1, 3.1.17). */
static void paragraph_block(ctx *c, galley *g, const model_node *n, frame f, int level)
{
    int style = lay_style(f, c->t->body_style);
    const char *label = model_attr_get(n, "label");
    if (!label) {
        lay_paragraph(c, g, n, style, f, NULL, 0, ROLE_BODY, 0);
        return;
    }
    double hang = lay_measure_text(c, f, label, style).max + c->t->list[LIST_ARABIC].label_gap;
    if (hang < c->t->label_indent)
        hang = c->t->label_indent;
    if (hang > hang_limit(c, f)) {
        /* a number too wide for the margin starts the paragraph */
        lay_paragraph(c, g, n, style, f, arena_printf(c->a, "%s ", label), style, ROLE_BODY, level);
        return;
    }
    frame labelled = lay_in_style(f, style);
    make_label(c, g, labelled, label, c->t->margin_left + f.left, n);
    lay_paragraph(c, g, n, style, lay_indent(labelled, hang, 0), NULL, 0, ROLE_BODY, level);
}

static void block(ctx *c, galley *g, const model_node *n, frame f, int level, int list_depth)
{
    switch (n->kind) {
    case M_P: paragraph_block(c, g, n, f, level); break;
    case M_TABLE: table_block(c, g, n, f); break;
    case M_PAGE_BREAK: g->break_next = 1; break;
    case M_CONTENTS: toc_contents(c, g, n, f); break;
    case M_CHART: chart_block(c, g, n, f); break;
    case M_IMAGE: picture_block(c, g, n, f); break;
    case M_BUDGET: board_budget(c, g, n, f); break;
    case M_OUTCOME_GRID: case M_STRATEGIC_AIMS: case M_AGENCY_PLAN: board_grid(c, g, n, f); break;
    case M_KEY_FIGURES: case M_STORY: case M_PRIORITIES: case M_MESSAGES: case M_MEMBERS:
    case M_STRUCTURE: case M_CONTACT: case M_BACKGROUND_PAPERS: case M_FRONT_SHEET:
        board_block(c, g, n, f, level);
        break;
    case M_LIST: list(c, g, n, f, level, list_depth); break;
    case M_QUOTE: quote(c, g, n, f, level); break;
    case M_SIGNOFF:
        signoff(c, g, lay_child_text(c, n, M_NAME), lay_child_text(c, n, M_ROLE), lay_child_text(c, n, M_DATE), f, n);
        break;
    case M_CHAPTER: case M_SECTION: case M_APPENDIX: case M_SUBGROUP: division(c, g, n, f, level); break;
    case M_FOREWORD: foreword(c, g, n, f); break;
    default: break;         /* meta, cover, title: handled elsewhere */
    }
}

void lay_blocks(ctx *c, galley *g, const model_node *parent, frame f, int level, int list_depth)
{
    /* a running head lasts to the end of the blocks it stands among */
    const char *outer = f.head;
    for (const model_node *n = parent->first; n && !c->failed; n = n->next) {
        if (n->kind == M_RUNNING_HEAD) {
            const char *text = model_text(c->a, n);
            f.head = g->head_pending = text ? text : "";
            continue;
        }
        gline *before = g->last;
        block(c, g, n, f, level, list_depth);
        /* anything with an id can be referred to; headings and tables
         * have anchored themselves with their numbers already */
        if (model_attr_get(n, "id"))
            toc_anchor(c, g, before, n, "", model_text(c->a, n), 0);
    }
    if (f.head != outer)
        g->head_pending = outer ? outer : "";
}

/* ---- metadata, cover and running furniture ------------------------------ */

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

/* Sets one line of text at (x, baseline) aligned per align; returns its
 * items appended to page p. Used for furniture, which never wraps. */
static void furniture_text(ctx *c, dl_page *p, const char *text, int style, double x_left,
                           double width, style_align align, double baseline)
{
    if (!text || !*text)
        return;
    const style_block *s = &c->t->styles[style];
    frame f = lay_root_frame();
    c->npieces = 0;
    ink k = lay_ink(f, s);
    lay_add_text(c, &k, text, c->doc->root);
    if (c->npieces == 0)
        return;
    setting st = { .s = s, .align = align, .x0 = x_left, .measure = width, .role = ROLE_ARTIFACT,
                   .scale = f.scale };
    for (int i = 0; i < c->npieces; i++)
        if (c->pieces[i].type == LB_BREAK)
            c->pieces[i].type = LB_GLUE;
    galley line = gal_child(NULL);
    set_line(c, &line, &st, 0, c->npieces, 0, 0, 0);
    c->npieces = 0;
    page_place(line.last, p, baseline + line.last->ascent);
}

static void furniture(ctx *c, dl_page *p, const style_furniture *f, int is_header, meta_ctx *m)
{
    const style_template *t = c->t;
    double x = t->margin_left, w = t->page_width - t->margin_left - t->margin_right;
    double baseline = is_header ? t->page_height - f->offset : f->offset;
    const char *parts[3] = { f->left, f->center, f->right };
    style_align aligns[3] = { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };
    for (int k = 0; k < 3; k++)
        if (parts[k])
            furniture_text(c, p, label_expand(c->a, parts[k], meta_lookup, m), f->style, x, w,
                           aligns[k], baseline);
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

static void add_furniture(ctx *c, dl_doc *d, int has_cover)
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
static gline *cover(ctx *c, galley *g, const model_node *meta)
{
    meta_ctx m = { c, meta, 1, 1, NULL };
    gline *before = g->last;
    for (const style_cover_line *cl = c->t->cover; cl; cl = cl->next) {
        if (cl->logo > 0) {
            const model_node *logo = meta ? model_child(meta, M_LOGO) : NULL;
            if (logo) {
                gal_add_space(g, cl->space_before);
                picture_logo(c, g, logo, cl->logo);
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
static long long document_date(const model_node *meta)
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
        diag_warning(NULL, 0, 0, "SOURCE_DATE_EPOCH '%s' is not a whole number of seconds from 1970 "
                     "to the end of 9999; it is ignored, and the PDF carries %s", env,
                     own ? "the report's own date" : "no date");
    return own ? days_from_civil(y, (unsigned)m, (unsigned)d) * 86400 : -1;
}

static void set_info(ctx *c, dl_doc *d)
{
    const model_node *meta = model_child(c->doc->root, M_META);
    d->root = c->doc->root;
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
    d->date = document_date(meta);
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
                       model_child(root, M_CONTENTS);
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

static void outline(ctx *c, dl_doc *d)
{
    dl_outline **tail = &d->outline;
    for (int i = 0; i < c->cur->n; i++) {
        const anchor *a = &c->cur->v[i];
        if (a->level < 1 || a->page < 1)
            continue;
        dl_outline *o = arena_alloc(c->a, sizeof *o);
        o->level = a->level;
        o->title = *a->label ? arena_printf(c->a, "%s %s", a->label, a->title) : a->title;
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
        cover_lines = cover(c, g, model_child(root, M_META));
        g->pending_space = 0;
    }
    gline *body_start = g->last;
    lay_blocks(c, g, root, lay_root_frame(), 1, 0);
    flush_notes(c, g, lay_root_frame());
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
    page_job job = { c->a, t, c->cur, c->stats, root };
    if (has_cover && cover_lines) {
        if (page_break(&job, d, cover_lines) != 0)
            return paging_failed(c);
        /* the cover's first line sits at cover_top */
        double shift = t->cover_top - t->margin_top;
        for (dl_item *it = d->first->first; it; it = it->next) {
            it->y -= shift;
            it->y2 -= shift;
        }
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
    add_furniture(c, d, has_cover);
    outline(c, d);
    return d;
}

static void reset_pass(ctx *c)
{
    memset(c->counters, 0, sizeof c->counters);
    c->chapter_counter = c->appendix_counter = c->table_counter = 0;
    c->needs_pages = 0;
    c->nwarned = 0;
}

#define LAYOUT_MAX_PASSES 5

dl_doc *layout_run(const model_doc *doc, style_template *t, arena *a, layout_stats *stats)
{
    ctx c = { .doc = doc, .t = t, .a = a };
    c.link_style = style_lookup(t, "link");
    collect_ids(&c);
    anchors passes[2] = { { 0 }, { 0 } };
    dl_doc *d = NULL;
    int pass = 0;
    /* Pass after pass until no heading or target moves: the contents
     * page and references print what the pass before found. Diagnostics
     * come from the first pass only; statistics from the last. */
    while (pass < LAYOUT_MAX_PASSES) {
        anchors *cur = &passes[pass % 2];
        const anchors *prev = pass > 0 ? &passes[(pass + 1) % 2] : NULL;
        free(cur->v);
        *cur = (anchors){ 0 };
        reset_pass(&c);
        c.cur = cur;
        c.prev = prev;
        layout_stats st = { 0 };
        c.stats = &st;
        if (pass > 0)
            diag_quiet(1);
        d = layout_pass(&c);
        diag_quiet(0);
        pass++;
        if (stats)
            *stats = st;
        if (!d || !c.needs_pages || same_places(cur, prev))
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
    return c.failed ? NULL : d;
}
