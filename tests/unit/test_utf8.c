/* test_utf8.c - unit tests for src/utf8.c: the strict decoder and the
 * encoder, including every class of malformed input the decoder must
 * refuse. */
#include "check.h"
#include "utf8.h"

/* Decodes the whole of s (len bytes) into cps (room for max); returns the
 * number of codepoints, UTF8_INVALID included. */
static size_t decode_all(const char *s, size_t len, uint32_t *cps, size_t max)
{
    const char *p = s, *end = s + len;
    size_t n = 0;

    while (p < end && n < max)
        cps[n++] = utf8_next(&p, end);
    return n;
}

void test_utf8_valid(void)
{
    /* "a£€😀" */
    const char s[] = "a\xC2\xA3\xE2\x82\xAC\xF0\x9F\x98\x80";
    uint32_t cps[8];
    const char *p = s;

    CHECK_INT(decode_all(s, sizeof s - 1, cps, 8), 4);
    CHECK_INT(cps[0], 0x61);
    CHECK_INT(cps[1], 0xA3);
    CHECK_INT(cps[2], 0x20AC);
    CHECK_INT(cps[3], 0x1F600);
    CHECK_INT(utf8_check(s, sizeof s - 1), -1);

    /* Each call advances by exactly the sequence length. */
    utf8_next(&p, s + sizeof s - 1);
    CHECK(p == s + 1);
    utf8_next(&p, s + sizeof s - 1);
    CHECK(p == s + 3);
    utf8_next(&p, s + sizeof s - 1);
    CHECK(p == s + 6);
    utf8_next(&p, s + sizeof s - 1);
    CHECK(p == s + 10);
}

void test_utf8_boundaries(void)
{
    uint32_t cps[4];

    /* The largest and smallest values of each length, and the values
     * right next to the surrogate block. */
    CHECK_INT(decode_all("\x7F", 1, cps, 4), 1);
    CHECK_INT(cps[0], 0x7F);
    CHECK_INT(decode_all("\xC2\x80", 2, cps, 4), 1);
    CHECK_INT(cps[0], 0x80);
    CHECK_INT(decode_all("\xDF\xBF", 2, cps, 4), 1);
    CHECK_INT(cps[0], 0x7FF);
    CHECK_INT(decode_all("\xE0\xA0\x80", 3, cps, 4), 1);
    CHECK_INT(cps[0], 0x800);
    CHECK_INT(decode_all("\xED\x9F\xBF", 3, cps, 4), 1);
    CHECK_INT(cps[0], 0xD7FF);
    CHECK_INT(decode_all("\xEE\x80\x80", 3, cps, 4), 1);
    CHECK_INT(cps[0], 0xE000);
    CHECK_INT(decode_all("\xEF\xBF\xBF", 3, cps, 4), 1);
    CHECK_INT(cps[0], 0xFFFF);
    CHECK_INT(decode_all("\xF0\x90\x80\x80", 4, cps, 4), 1);
    CHECK_INT(cps[0], 0x10000);
    CHECK_INT(decode_all("\xF4\x8F\xBF\xBF", 4, cps, 4), 1);
    CHECK_INT(cps[0], 0x10FFFF);
    /* An embedded NUL is a character like any other. */
    CHECK_INT(decode_all("\0", 1, cps, 4), 1);
    CHECK_INT(cps[0], 0);
}

void test_utf8_overlong(void)
{
    uint32_t cps[4];

    /* '/' as 2, 3 and 4 bytes; U+07FF as 3 bytes; U+FFFF as 4 bytes. */
    CHECK_INT(utf8_check("\xC0\xAF", 2), 0);
    CHECK_INT(utf8_check("\xC1\xBF", 2), 0);
    CHECK_INT(utf8_check("\xE0\x80\xAF", 3), 0);
    CHECK_INT(utf8_check("\xE0\x9F\xBF", 3), 0);
    CHECK_INT(utf8_check("\xF0\x80\x80\xAF", 4), 0);
    CHECK_INT(utf8_check("\xF0\x8F\xBF\xBF", 4), 0);
    /* Invalid input costs one byte per call, so the two bytes of an
     * overlong pair are two errors, not one character. */
    CHECK_INT(decode_all("\xC0\xAF", 2, cps, 4), 2);
    CHECK_INT(cps[0], UTF8_INVALID);
    CHECK_INT(cps[1], UTF8_INVALID);
}

void test_utf8_surrogate(void)
{
    CHECK_INT(utf8_check("\xED\xA0\x80", 3), 0);        /* U+D800 */
    CHECK_INT(utf8_check("\xED\xBF\xBF", 3), 0);        /* U+DFFF */
    /* A CESU-8 pair for U+1F600 is two surrogates, not an emoji. */
    CHECK_INT(utf8_check("ab\xED\xA0\xBD\xED\xB8\x80", 8), 2);
}

void test_utf8_truncated(void)
{
    const char euro[] = "\xE2\x82\xAC";
    const char *p;
    uint32_t cps[4];

    CHECK_INT(utf8_check(euro, 2), 0);
    CHECK_INT(utf8_check("\xF0\x9F\x98", 3), 0);
    CHECK_INT(utf8_check("x\xC2", 2), 1);
    /* The end pointer bounds the read even when the bytes after it would
     * complete the sequence. */
    p = euro;
    CHECK_INT(utf8_next(&p, euro + 2), UTF8_INVALID);
    CHECK(p == euro + 1);
    /* A lead byte followed by a non-continuation byte. */
    CHECK_INT(decode_all("\xE2\x82" "A", 3, cps, 4), 3);
    CHECK_INT(cps[0], UTF8_INVALID);
    CHECK_INT(cps[2], 'A');
    /* Stray continuation bytes. */
    CHECK_INT(utf8_check("\x80", 1), 0);
    CHECK_INT(utf8_check("ok\xBF", 3), 2);
}

void test_utf8_too_large(void)
{
    CHECK_INT(utf8_check("\xF4\x90\x80\x80", 4), 0);    /* U+110000 */
    CHECK_INT(utf8_check("\xF5\x80\x80\x80", 4), 0);
    CHECK_INT(utf8_check("\xF7\xBF\xBF\xBF", 4), 0);
    CHECK_INT(utf8_check("\xF8\x88\x80\x80\x80", 5), 0);
    CHECK_INT(utf8_check("\xFE", 1), 0);
    CHECK_INT(utf8_check("\xFF", 1), 0);
}

void test_utf8_empty(void)
{
    const char *s = "";
    const char *p = s;

    CHECK_INT(utf8_check("", 0), -1);
    CHECK_INT(utf8_check(NULL, 0), -1);
    /* At the end there is nothing to consume, and p must not move. */
    CHECK_INT(utf8_next(&p, s), UTF8_INVALID);
    CHECK(p == s);
}

void test_utf8_encode(void)
{
    char out[4];
    uint32_t cps[] = { 0x0, 0x41, 0x7F, 0x80, 0xA3, 0x7FF, 0x800, 0x20AC,
                       0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600,
                       0x10FFFF };
    size_t i;

    CHECK_INT(utf8_encode(0x20AC, out), 3);
    CHECK(memcmp(out, "\xE2\x82\xAC", 3) == 0);
    CHECK_INT(utf8_encode(0x1F600, out), 4);
    CHECK(memcmp(out, "\xF0\x9F\x98\x80", 4) == 0);
    CHECK_INT(utf8_encode(0xD800, out), 0);
    CHECK_INT(utf8_encode(0xDFFF, out), 0);
    CHECK_INT(utf8_encode(0x110000, out), 0);
    CHECK_INT(utf8_encode(UTF8_INVALID, out), 0);
    /* Round trip through the decoder. */
    for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        size_t n = utf8_encode(cps[i], out);
        const char *p = out;
        CHECK(n >= 1 && n <= 4);
        CHECK_INT(utf8_next(&p, out + n), cps[i]);
        CHECK(p == out + n);
    }
}

/* Tests in this file:
 *   test_utf8_valid
 *   test_utf8_boundaries
 *   test_utf8_overlong
 *   test_utf8_surrogate
 *   test_utf8_truncated
 *   test_utf8_too_large
 *   test_utf8_empty
 *   test_utf8_encode
 */
