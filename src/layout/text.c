/* text.c - inline content into the pieces of a paragraph: fonts and
 * the characters they lack, words and the spaces between them, where a
 * word may be hyphenated, the encodings that carry it, web addresses in
 * running text made links, note markers and references.
 */
#include "text.h"

#include <string.h>

#include "anchor.h"
#include "diag.h"
#include "hyph.h"
#include "mem.h"
#include "utf8.h"

font *lay_ink_font(ctx *c, const ink *k)
{
    font *f = style_face(c->t, k->family, style_face_index(k->bold, k->italic), c->dg);
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
void lay_check_glyphs(ctx *c, const char *s, size_t len, font *f, const model_node *src)
{
    const char *p = s, *end = s + len;
    while (p < end) {
        uint32_t cp = utf8_next(&p, end);
        if (cp < 0x80)
            continue;
        int missing = !font_has(f, cp) || cp > 0xFFFF;
        if (missing && !already_warned(c, cp))
            diag_warning(c->dg, src->file, src->line, src->col,
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

/* A new, zeroed piece at the end. The array may move: a pointer into it
 * taken before this call is stale after it. */
piece *lay_push_piece(ctx *c)
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
    if (!f && !(f = lay_ink_font(c, k)))
        return;
    piece *g = lay_push_piece(c);
    g->type = LB_GLUE;
    g->font = f;
    g->size = size;
    g->width = font_width(f, ' ') * size / 1000.0;
}

static void add_break(ctx *c)
{
    if (c->npieces > 0 && c->pieces[c->npieces - 1].type == LB_GLUE)
        c->npieces--;
    lay_push_piece(c)->type = LB_BREAK;
}

/* Adds a text box in one encoding. */
static void add_box(ctx *c, const ink *k, font *f, enc_id e, const char *s, size_t len,
                    const model_node *src)
{
    piece *p = lay_push_piece(c);
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
            diag_warning(c->dg, t->path, 0, 0, "%s: %s; words will not be hyphenated", t->hyphen_patterns, err);
    }
    return c->hyph;
}

/* The hyphenation points of w[from..to), a part of a word, into at (as
 * drawn hyphens) after the n there already; returns the new count. The
 * patterns apply to the part without the punctuation around it. */
static int hyphenate_part(ctx *c, const char *w, size_t from, size_t to, int *at, int *flagged, int n)
{
    size_t a = from, b = to;
    while (a < b && strchr("(\"'[", w[a]))
        a++;
    while (b > a && strchr(".,;:!?)\"']", w[b - 1]))
        b--;
    while (b > a + 3 && (unsigned char)w[b - 3] == 0xE2 && (unsigned char)w[b - 2] == 0x80)
        b -= 3;                     /* closing curly quotes */
    while (a + 3 < b && (unsigned char)w[a] == 0xE2 && (unsigned char)w[a + 1] == 0x80)
        a += 3;                     /* opening curly quotes */
    int pts[64];
    int m = b > a ? hyph_points(patterns(c), w + a, b - a, pts) : 0;
    for (int i = 0; i < m; i++)
        at[n] = (int)a + pts[i], flagged[n++] = 1;
    return n;
}

/* Whether the slash at w[slash] joins two words ("service/process"), so
 * that a line may end after it: a letter or a closing quote before it, a
 * letter or an opening quote after it. Figures ("2012/13") stay whole. */
static int joins_words(const char *w, size_t from, size_t slash, size_t len)
{
    if (slash - from < 2 || len - slash < 4)
        return 0;
    unsigned char before = (unsigned char)w[slash - 1], after = (unsigned char)w[slash + 1];
    int letter_before = (before | 0x20) >= 'a' && (before | 0x20) <= 'z';
    int quote_before = before >= 0x80;  /* the last byte of ” ’ or a letter */
    int letter_after = ((after | 0x20) >= 'a' && (after | 0x20) <= 'z') || after >= 0xC0;
    return (letter_before || quote_before) && letter_after;
}

/* Where the word s[0..len) may break: at its soft hyphens (U+00AD), else
 * where the patterns allow when the style hyphenates, and after a slash
 * joining two words. Words with explicit hyphens ("multi-agency") are not
 * broken: readers' text extraction joins a line ending in a hyphen to the
 * next, and would lose the hyphen. Writes byte offsets (in the word
 * without its soft hyphens) to at, and to flagged 1 where a hyphen is
 * drawn if the line breaks there, 2 for a break after a slash; returns
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
    if (soft)
        return n;               /* the author's breaks, and no others */
    /* each part between slashes ("threshold/criteria") is a word of its
     * own: it may be hyphenated, and the line may break after a slash
     * that joins two words (no hyphen drawn) */
    const char *w = *word;
    for (size_t from = 0; from < *len;) {
        size_t to = from;
        while (to < *len && w[to] != '/')
            to++;
        if (k->hyphenate && patterns(c))
            n = hyphenate_part(c, w, from, to, at, flagged, n);
        if (to + 1 < *len && joins_words(w, from, to, *len))
            at[n] = (int)to + 1, flagged[n++] = 2;
        from = to + 1;
    }
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
    piece *p = lay_push_piece(c);
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
    font *f = lay_ink_font(c, k);
    if (!f)
        return;
    size_t a0, a1;
    const char *href = k->href || k->dest ? NULL : bare_address(c, s, len, &a0, &a1);
    if (href) {
        ink linked = *k;
        linked.href = href;
        if (c->link_style >= 0)
            linked.color = c->t->styles[c->link_style].color;
        lay_check_glyphs(c, s, len, f, src);
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
    lay_check_glyphs(c, s, len, f, src);
    size_t from = 0;
    for (int i = 0; i < n; i++) {
        if ((size_t)at[i] <= from || (size_t)at[i] >= len)
            continue;
        add_encoded(c, k, f, s + from, (size_t)at[i] - from, src);
        /* a break after a slash costs what a hyphen does, but draws none */
        add_penalty(c, f, k->size, flagged[i] ? c->t->hyphen_penalty : 0, flagged[i] == 1);
        from = (size_t)at[i];
    }
    add_encoded(c, k, f, s + from, len - from, src);
}

/* Whether s[0..n) holds the string t. */
static int holds(const char *s, size_t n, const char *t)
{
    size_t m = strlen(t);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, t, m) == 0)
            return 1;
    return 0;
}

/* Writes s[0..n) to out with its straight quotes made the typographic
 * ones q gives, open saying whether a quote at the start opens; a quote
 * opens after a space or an opening bracket, and closes elsewhere.
 * Returns the length written (out has room for 4n bytes). */
static size_t requote(const char *const *q, const char *s, size_t n, int open, char *out)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        const char *with = s[i] == '\'' ? q[open ? 0 : 1] : s[i] == '"' ? q[open ? 2 : 3] : NULL;
        if (with) {
            size_t w = strlen(with);
            memcpy(out + len, with, w);
            len += w;
        } else {
            out[len++] = s[i];
        }
        open = with ? open : strchr(" ([{", s[i]) != NULL;
    }
    out[len] = '\0';
    return len;
}

/* The word s[0..*n) with its straight quotes made the template's
 * typographic ones: opening at the start of a word (after a space or the
 * paragraph's start, or an opening bracket or quote), closing elsewhere,
 * so that an apostrophe is a closing single quote. Addresses are left as
 * written. Returns s itself when nothing changes. */
static const char *typographic_quotes(ctx *c, const char *s, size_t *n)
{
    const char *const *q = c->t->quotes;
    if (!q[0] || (!memchr(s, '\'', *n) && !memchr(s, '"', *n)))
        return s;
    if (holds(s, *n, "://") || holds(s, *n, "www.") || memchr(s, '@', *n))
        return s;
    /* a word joined to the text before it ("<b>Board</b>'s") starts closed */
    int open = c->npieces == 0 || c->pieces[c->npieces - 1].type != LB_BOX;
    char *out = arena_alloc(c->a, *n * 4 + 1);
    *n = requote(q, s, *n, open, out);
    return out;
}

const char *lay_quotes(ctx *c, const char *s)
{
    const char *const *q = c->t->quotes;
    if (!q[0] || (!strchr(s, '\'') && !strchr(s, '"')))
        return s;
    size_t n = strlen(s);
    char *out = arena_alloc(c->a, n * 4 + 1);
    requote(q, s, n, 1, out);
    return out;
}

/* Where the hyphen-minus of a negative figure s[0..n) stands ("-20",
 * "-£1,250", "(-3.5%)"), or -1 when s is not one. */
static int negative_figure(const char *s, size_t n)
{
    size_t at = n > 0 && s[0] == '(' ? 1 : 0, i = at + 1;
    if (n < at + 2 || s[at] != '-')
        return -1;
    if (n > i + 2 && memcmp(s + i, "£", 2) == 0)
        i += 2;
    if (i >= n || s[i] < '0' || s[i] > '9')
        return -1;
    for (; i < n; i++)
        if (!strchr("0123456789,.%)", s[i]))
            return -1;
    return (int)at;
}

const char *lay_minus(ctx *c, const char *s, size_t *n)
{
    const char *m = c->t->minus;
    int at = m ? negative_figure(s, *n) : -1;
    if (at < 0)
        return s;
    size_t ml = strlen(m);
    char *out = arena_alloc(c->a, *n + ml);
    memcpy(out, s, (size_t)at);
    memcpy(out + at, m, ml);
    memcpy(out + at + ml, s + at + 1, *n - (size_t)at - 1);
    out[*n + ml - 1] = '\0';
    *n += ml - 1;
    return out;
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
        const char *next = s + n;
        const char *word = typographic_quotes(c, s, &n);
        /* a negative figure standing as a word of its own takes a true
         * minus: "-20", not "2008-2012" nor a word joined to the one before */
        if (c->npieces == 0 || c->pieces[c->npieces - 1].type != LB_BOX)
            word = lay_minus(c, word, &n);
        add_word(c, k, word, n, src);
        s = next;
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
            /* the note's number here, raised; its text at the page's foot
             * or the chapter's end; measuring a cell counts nothing, and
             * takes two digits' room, so that "c12" fits where "c0" did */
            ink mk = ink_of(&c->t->styles[c->t->note_marker_style], k.scale);
            if (!g) {
                lay_add_text(c, &mk, "00", ch);
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
            const char *text = anchor_ref_text(c, ch, &target);
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
