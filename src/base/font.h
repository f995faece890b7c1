/* font.h - TrueType metrics for layout.
 *
 * Reads the tables layout needs (head, hhea, OS/2, hmtx, cmap) straight from
 * a .ttf file, so that text can be measured and glyph coverage checked
 * without a PDF document. Widths are reported the way the PDF font
 * dictionary will state them: advance * 1000 / unitsPerEm, truncated, so a
 * line measured here is exactly as wide as a viewer will draw it.
 * Never draws, never touches libharu.
 */
#ifndef BP_FONT_H
#define BP_FONT_H

#include <stddef.h>
#include <stdint.h>

typedef struct font font;

/* Loads the font at path. Returns NULL and fills err (a short reason, no
 * file name) when the file is missing, unreadable or not a usable TrueType
 * font (no Unicode cmap, truncated tables). The caller frees with
 * font_free. */
font *font_load(const char *path, char *err, size_t errlen);
void font_free(font *f);

/* The path the font was loaded from (owned by the font). */
const char *font_path(const font *f);

/* 1 when the font maps codepoint cp to a real glyph (not .notdef). */
int font_has(const font *f, uint32_t cp);

/* Advance width of cp in 1/1000 em (the .notdef width when unmapped).
 * Cached: constant time after the first call for a codepoint. */
int font_width(font *f, uint32_t cp);

/* Sum of font_width over the UTF-8 string s of len bytes (invalid bytes
 * count as U+FFFD). */
long font_text_width(font *f, const char *s, size_t len);

/* Vertical metrics in 1/1000 em: ascender (positive), descender
 * (negative), both from the OS/2 typo or hhea values as viewers use them. */
int font_ascent(const font *f);
int font_descent(const font *f);

#endif
