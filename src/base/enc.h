/* enc.h - single-byte encodings for text runs.
 *
 * Simple (single-byte) TrueType fonts are cheap to load, extract correctly
 * and honour word spacing, so every run that fits one of the Windows code
 * pages is written in one. This module maps Unicode to those code pages.
 * The tables were read from the PDF library's own encoders (and are
 * checked against them by the unit tests), so what layout encodes is
 * exactly what render declares.
 */
#ifndef BP_ENC_H
#define BP_ENC_H

#include <stddef.h>
#include <stdint.h>

/* Encodings in order of preference; ENC_NONE means no single-byte
 * encoding here has the character. ENC_UTF8 is the fallback for text no
 * code page carries: a two-byte font, kept for the words that need it. */
typedef enum {
    ENC_CP1252, ENC_CP1250, ENC_CP1251, ENC_CP1253, ENC_CP1254,
    ENC_CP1257, ENC_COUNT, ENC_UTF8, ENC_NONE = -1
} enc_id;

/* The encoding's name as the PDF library knows it ("CP1252"). */
const char *enc_name(enc_id e);

/* The byte for cp in encoding e, or 0 when e cannot encode it. Byte 0 is
 * never a valid result (NUL is not text). */
unsigned char enc_byte(enc_id e, uint32_t cp);

/* The first encoding (in preference order) that encodes every codepoint
 * of the UTF-8 string s[0..len), or ENC_NONE. */
enc_id enc_pick(const char *s, size_t len);

/* Encodes UTF-8 s[0..len) into out (room for len+1 bytes; NUL-terminated)
 * in encoding e; returns the number of bytes written. Characters e cannot
 * encode become '?'. ENC_UTF8 copies the text (invalid bytes become '?'). */
size_t enc_encode(enc_id e, const char *s, size_t len, char *out);

#endif
