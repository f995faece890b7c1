/* text.h - inline content into the pieces of a paragraph.
 *
 * A paragraph's inline content (text, bold, italic, links, notes,
 * references) is cut into pieces: runs of text in one font, encoding,
 * size, colour and link, the spaces between words, forced breaks, and
 * the points where a word may be hyphenated. The pieces collect in the
 * pass (ctx) until para.c sets them as lines.
 */
#ifndef BP_TEXT_H
#define BP_TEXT_H

#include "lay.h"

/* The inline formatting of style s in frame f. */
ink lay_ink(frame f, const style_block *s);
/* Adds the text s (words and spaces) in ink k. */
void lay_add_text(ctx *c, const ink *k, const char *s, const model_node *src);
/* Adds n's inline content as pieces of the paragraph being built. Notes
 * are numbered in g; with g NULL the content is only being measured. */
void lay_add_inline(ctx *c, galley *g, const model_node *n, ink k);
/* A new, zeroed piece at the end. The array may move: a pointer into it
 * taken before this call is stale after it. */
piece *lay_push_piece(ctx *c);
/* The font of ink k; NULL (and the pass failed) when it cannot be had. */
font *lay_ink_font(ctx *c, const ink *k);
/* Warns (once per character) about characters of s that font f has no
 * glyph for, or cannot carry (beyond the two-byte range). */
void lay_check_glyphs(ctx *c, const char *s, size_t len, font *f, const model_node *src);
/* The encoding a string is written in with font f: a code page that has
 * all of it, else the two-byte font if f has every glyph, else CP1252
 * (its missing characters as '?'). */
enc_id lay_pick_enc(const font *f, const char *s, size_t len);
/* One line of text in font f as a display item, its encoding picked and
 * its width measured; the caller places it. */
dl_item *lay_text_item(ctx *c, dl_role role, font *f, double size, uint32_t color,
                       const char *text);
/* s with its straight quotes made the template's typographic ones, as
 * running text prints them (for bookmarks, which are not set as lines). */
const char *lay_quotes(ctx *c, const char *s);
/* The figure s[0..*n) with a leading hyphen-minus made the template's
 * minus ("-20" to "−20"); s itself when it is not a negative figure or
 * the template keeps hyphens. *n is updated. */
const char *lay_minus(ctx *c, const char *s, size_t *n);
/* The text of n's first child of kind, leading spaces dropped; NULL
 * when there is none. */
const char *lay_child_text(ctx *c, const model_node *n, model_kind kind);

#endif
