/* utf8.c - strict UTF-8 decoding and encoding.
 *
 * Report text arrives as UTF-8 from the XML parser and is measured and
 * encoded one codepoint at a time. The decoder follows RFC 3629 exactly
 * (the "well-formed byte sequences" table of Unicode chapter 3): overlong
 * forms, UTF-16 surrogates and anything above U+10FFFF are errors, so two
 * different byte strings can never measure or encode as the same text.
 */
#include "utf8.h"

/* Length of the sequence a lead byte starts, 0 when it cannot start one.
 * C0 and C1 could only start overlong 2-byte forms, F5..FF only values
 * above U+10FFFF. */
static int seq_len(unsigned char b)
{
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF)
        return 3;
    if (b >= 0xF0 && b <= 0xF4)
        return 4;
    return 0;
}

/* The second byte's range depends on the lead: this is where overlong
 * 3/4-byte forms (E0, F0), surrogates (ED) and values past U+10FFFF (F4)
 * are excluded, without decoding first and checking afterwards. */
static int second_ok(unsigned char lead, unsigned char b)
{
    switch (lead) {
    case 0xE0: return b >= 0xA0 && b <= 0xBF;
    case 0xED: return b >= 0x80 && b <= 0x9F;
    case 0xF0: return b >= 0x90 && b <= 0xBF;
    case 0xF4: return b >= 0x80 && b <= 0x8F;
    default:   return b >= 0x80 && b <= 0xBF;
    }
}

static int is_cont(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

uint32_t utf8_next(const char **s, const char *end)
{
    const unsigned char *p = (const unsigned char *)*s;
    int n, i;
    uint32_t cp;

    /* Nothing to consume: advancing would step past end. */
    if (p >= (const unsigned char *)end)
        return UTF8_INVALID;
    n = seq_len(p[0]);
    if (n == 0 || (long)n > (const unsigned char *)end - p)
        goto bad;
    if (n == 1) {
        *s += 1;
        return p[0];
    }
    if (!second_ok(p[0], p[1]))
        goto bad;
    cp = p[0] & (0x7Fu >> n);
    for (i = 1; i < n; i++) {
        if (!is_cont(p[i]))
            goto bad;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    *s += n;
    return cp;
bad:
    *s += 1;
    return UTF8_INVALID;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;

    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

long utf8_check(const char *s, size_t len)
{
    const char *p, *end;

    if (len == 0)   /* s may be NULL then, and NULL + 0 is not valid C */
        return -1;
    p = s;
    end = s + len;
    while (p < end) {
        const char *at = p;
        if (utf8_next(&p, end) == UTF8_INVALID)
            return (long)(at - s);
    }
    return -1;
}

int utf8_is_noncharacter(uint32_t cp)
{
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp <= 0x10FFFF && (cp & 0xFFFE) == 0xFFFE);
}
