/* utf8.h - UTF-8 decoding. Strict: overlong forms, surrogates and code
 * points above U+10FFFF are invalid. */
#ifndef BP_UTF8_H
#define BP_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_INVALID 0xFFFFFFFFu

/* Decodes one character at *s (at most end - *s bytes), advances *s past
 * it and returns the codepoint; on invalid input returns UTF8_INVALID and
 * advances by one byte so that callers always make progress. */
uint32_t utf8_next(const char **s, const char *end);

/* Writes cp as UTF-8 into out (room for 4 bytes); returns bytes written,
 * 0 when cp is not a valid scalar value. */
size_t utf8_encode(uint32_t cp, char *out);

/* Whether cp is one of Unicode's noncharacters (U+FDD0-U+FDEF and the
 * last two of every plane), which readers show as U+FFFD: metadata
 * written in two places must replace them alike. */
int utf8_is_noncharacter(uint32_t cp);

/* Byte offset of the first invalid sequence in s[0..len), or -1. */
long utf8_check(const char *s, size_t len);

#endif
