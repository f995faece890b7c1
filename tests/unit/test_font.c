/* test_font.c - unit tests for src/base/font.c, the TrueType metrics reader.
 *
 * Known answers for the Liberation fonts were computed twice, from hmtx
 * and cmap read with Python's struct module and with libharu's
 * HPDF_Font_GetUnicodeWidth / HPDF_Font_GetAscent / GetDescent, and agree.
 * Paths are relative to the repository root, where the tests run. Scratch
 * files go to /tmp with the process id in their names.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L   /* getpid */
#endif

#include "check.h"
#include "font.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define SANS "fonts/LiberationSans-Regular.ttf"
#define SERIF "fonts/LiberationSerif-Regular.ttf"
#define S(lit) (lit), (sizeof(lit) - 1)

/* ---- helpers -------------------------------------------------------- */

static void tmp_path(char *out, size_t n, const char *what)
{
    snprintf(out, n, "/tmp/boardpress_test_font_%ld_%s", (long)getpid(), what);
}

static int write_file(const char *path, const void *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    int ok;

    if (!fp)
        return 0;
    ok = fwrite(data, 1, len, fp) == len;
    return fclose(fp) == 0 && ok;
}

static unsigned char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *buf;
    long n;

    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) <= 0
        || fseek(fp, 0, SEEK_SET) != 0 || !(buf = malloc((size_t)n))) {
        fclose(fp);
        return NULL;
    }
    *len = fread(buf, 1, (size_t)n, fp);
    fclose(fp);
    return buf;
}

/* Writes data to a scratch file and loads it; the file is removed again. */
static font *load_bytes(const void *data, size_t len, char *err, size_t errlen)
{
    char path[128];
    font *f;

    tmp_path(path, sizeof path, "scratch.ttf");
    if (!write_file(path, data, len))
        return NULL;
    f = font_load(path, err, errlen);
    remove(path);
    return f;
}

/* Queries that walk every lookup path; used on damaged fonts, where the
 * answers do not matter but must not read out of bounds. */
static void poke(font *f)
{
    static const uint32_t cps[] = { 0, 0x20, 'A', 'B', 0xA3, 0x142, 0x20AC,
                                    0xE000, 0xFFFF, 0x1F600, 0x20000,
                                    0x10FFFF, 0xFFFFFFFFu };
    size_t i;

    for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        CHECK(font_width(f, cps[i]) >= 0);
        (void)font_has(f, cps[i]);
    }
    CHECK(font_text_width(f, S("AB\xC2\xA3\xF0\x9F\x98\x80\xFF")) >= 0);
    (void)font_ascent(f);
    (void)font_descent(f);
}

/* ---- a synthetic font ----------------------------------------------- */

/* The Liberation fonts only have format 4 cmaps and no USE_TYPO_METRICS,
 * so a minimal font built here covers the other paths: a (3,10,12) cmap
 * that must win over (3,1,4), numberOfHMetrics < numGlyphs, typo metrics,
 * and a unitsPerEm (1024) where the truncating division shows.
 *
 * glyphs: 0 .notdef 512, 1 'A' 600, 2 'B' 1100, 3 (U+1F600), 4 (U+20000);
 * hmtx holds 3 advances, so glyphs 3 and 4 reuse 1100. The format 4
 * subtable maps only 'A'; the format 12 one maps 'A'-'B', U+1F600,
 * U+20000 and U+E000 -> glyph 9, which does not exist. */
enum {
    SF_HEAD = 108, SF_HHEA = 164, SF_MAXP = 200, SF_HMTX = 208,
    SF_OS2 = 224, SF_CMAP = 304, SF_CMAP4 = SF_CMAP + 20,
    SF_CMAP12 = SF_CMAP + 52, SF_SIZE = SF_CMAP + 116
};

static void put16(unsigned char *b, size_t off, unsigned v)
{
    b[off] = (unsigned char)(v >> 8);
    b[off + 1] = (unsigned char)v;
}

static void put32(unsigned char *b, size_t off, uint32_t v)
{
    put16(b, off, (unsigned)(v >> 16));
    put16(b, off + 2, (unsigned)(v & 0xFFFF));
}

static void sf_table(unsigned char *b, int i, const char *tag,
                     size_t off, size_t len)
{
    memcpy(b + 12 + i * 16, tag, 4);
    put32(b, 12 + i * 16 + 8, (uint32_t)off);
    put32(b, 12 + i * 16 + 12, (uint32_t)len);
}

static void sf_cmap(unsigned char *b)
{
    static const uint32_t groups[4][3] = {
        { 'A', 'B', 1 }, { 0xE000, 0xE000, 9 },
        { 0x1F600, 0x1F600, 3 }, { 0x20000, 0x20000, 4 }
    };
    size_t c = SF_CMAP4, g = SF_CMAP12;
    int i;

    put16(b, SF_CMAP + 2, 2);
    put16(b, SF_CMAP + 4, 3);
    put16(b, SF_CMAP + 6, 1);
    put32(b, SF_CMAP + 8, SF_CMAP4 - SF_CMAP);
    put16(b, SF_CMAP + 12, 3);
    put16(b, SF_CMAP + 14, 10);
    put32(b, SF_CMAP + 16, SF_CMAP12 - SF_CMAP);
    /* format 4: segments ['A','A'] delta 1-'A', and the closing 0xFFFF */
    put16(b, c, 4);
    put16(b, c + 2, 32);
    put16(b, c + 6, 4);
    put16(b, c + 14, 'A');
    put16(b, c + 16, 0xFFFF);
    put16(b, c + 20, 'A');
    put16(b, c + 22, 0xFFFF);
    put16(b, c + 24, (unsigned)(1 - 'A') & 0xFFFF);
    put16(b, c + 26, 1);
    /* format 12 */
    put16(b, g, 12);
    put32(b, g + 4, 16 + 4 * 12);
    put32(b, g + 12, 4);
    for (i = 0; i < 4; i++) {
        put32(b, g + 16 + i * 12, groups[i][0]);
        put32(b, g + 20 + i * 12, groups[i][1]);
        put32(b, g + 24 + i * 12, groups[i][2]);
    }
}

static size_t sf_build(unsigned char *b, int use_typo)
{
    memset(b, 0, SF_SIZE);
    put32(b, 0, 0x00010000);
    put16(b, 4, 6);
    sf_table(b, 0, "OS/2", SF_OS2, 78);
    sf_table(b, 1, "cmap", SF_CMAP, SF_SIZE - SF_CMAP);
    sf_table(b, 2, "head", SF_HEAD, 54);
    sf_table(b, 3, "hhea", SF_HHEA, 36);
    sf_table(b, 4, "hmtx", SF_HMTX, 16);
    sf_table(b, 5, "maxp", SF_MAXP, 6);
    put32(b, SF_HEAD + 12, 0x5F0F3CF5);
    put16(b, SF_HEAD + 18, 1024);
    put16(b, SF_HHEA + 4, 800);
    put16(b, SF_HHEA + 6, (unsigned)-200 & 0xFFFF);
    put16(b, SF_HHEA + 34, 3);
    put32(b, SF_MAXP, 0x00005000);
    put16(b, SF_MAXP + 4, 5);
    put16(b, SF_HMTX, 512);
    put16(b, SF_HMTX + 4, 600);
    put16(b, SF_HMTX + 8, 1100);
    put16(b, SF_OS2 + 62, use_typo ? 0x00C0 : 0x0040);
    put16(b, SF_OS2 + 68, 700);
    put16(b, SF_OS2 + 70, (unsigned)-300 & 0xFFFF);
    sf_cmap(b);
    return SF_SIZE;
}

/* ---- Liberation known answers ---------------------------------------- */

void test_font_widths(void)
{
    char err[128] = "";
    font *f = font_load(SANS, err, sizeof err);

    CHECK(f != NULL);
    if (!f) {
        fprintf(stderr, "  %s: %s\n", SANS, err);
        return;
    }
    CHECK_STR(font_path(f), SANS);
    CHECK_INT(font_width(f, 'a'), 556);
    CHECK_INT(font_width(f, 'W'), 943);
    CHECK_INT(font_width(f, ' '), 277);
    CHECK_INT(font_width(f, 'A'), 666);
    CHECK_INT(font_width(f, 0xA3), 556);        /* pound */
    CHECK_INT(font_width(f, 0x20AC), 556);      /* euro */
    CHECK_INT(font_width(f, 0x142), 222);       /* l stroke */
    CHECK_INT(font_width(f, 0xA0), 277);        /* no-break space */
    CHECK_INT(font_width(f, 0x2013), 556);      /* en dash */
    /* Unmapped characters measure as .notdef (advance 1536/2048). */
    CHECK_INT(font_width(f, 0x4E00), 750);
    CHECK_INT(font_width(f, 0x1F600), 750);
    CHECK_INT(font_width(f, 0x110000), 750);
    /* Second lookups come from the cache and must agree. */
    CHECK_INT(font_width(f, 'W'), 943);
    CHECK_INT(font_width(f, 0x4E00), 750);
    CHECK_INT(font_ascent(f), 905);
    CHECK_INT(font_descent(f), -211);
    font_free(f);
}

void test_font_serif(void)
{
    char err[128] = "";
    font *f = font_load(SERIF, err, sizeof err);

    CHECK(f != NULL);
    if (!f) {
        fprintf(stderr, "  %s: %s\n", SERIF, err);
        return;
    }
    CHECK_INT(font_width(f, 'a'), 443);
    CHECK_INT(font_width(f, 'W'), 943);
    CHECK_INT(font_width(f, ' '), 250);
    CHECK_INT(font_width(f, 0xA3), 500);
    CHECK_INT(font_width(f, 0x20AC), 500);
    CHECK_INT(font_width(f, 0x142), 277);
    CHECK_INT(font_width(f, 0x4E00), 777);
    CHECK_INT(font_ascent(f), 891);
    CHECK_INT(font_descent(f), -216);
    CHECK(font_has(f, 0x142));
    font_free(f);
}

void test_font_has(void)
{
    font *f = font_load(SANS, NULL, 0);

    CHECK(f != NULL);
    if (!f)
        return;
    CHECK(font_has(f, 'a'));
    CHECK(font_has(f, 0x142));          /* l stroke */
    CHECK(font_has(f, 0x20AC));
    CHECK(font_has(f, 0x0416));         /* Cyrillic Zhe */
    CHECK(!font_has(f, 0x4E00));        /* CJK */
    CHECK(!font_has(f, 0xFFFD));        /* Liberation has no U+FFFD */
    CHECK(!font_has(f, 0x1F600));
    CHECK(!font_has(f, 0x110000));
    font_free(f);
}

void test_font_text_width(void)
{
    font *f = font_load(SANS, NULL, 0);

    CHECK(f != NULL);
    if (!f)
        return;
    CHECK_INT(font_text_width(f, S("a W")), 556 + 277 + 943);
    CHECK_INT(font_text_width(f, S("\xE2\x82\xAC\xC2\xA3")), 556 + 556);
    CHECK_INT(font_text_width(f, S("")), 0);
    CHECK_INT(font_text_width(f, NULL, 0), 0);
    /* An invalid byte is U+FFFD, which this font lacks: .notdef, 750. */
    CHECK_INT(font_text_width(f, S("a\xFF")), 556 + 750);
    /* A truncated euro sign is three invalid bytes, not one. */
    CHECK_INT(font_text_width(f, S("\xE2\x82")), 750 + 750);
    font_free(f);
}

/* ---- load errors ------------------------------------------------------ */

void test_font_missing(void)
{
    char err[128] = "";

    CHECK(font_load("fonts/no-such-font.ttf", err, sizeof err) == NULL);
    CHECK(err[0] != '\0');
    CHECK(strstr(err, "no-such-font") == NULL);
    err[0] = '\0';
    CHECK(font_load("fonts", err, sizeof err) == NULL);   /* a directory */
    CHECK(err[0] != '\0');
    /* err is optional. */
    CHECK(font_load("fonts/no-such-font.ttf", NULL, 0) == NULL);
    font_free(NULL);
}

void test_font_not_a_font(void)
{
    static const char text[] = "<report>this is not a font</report>\n";
    char err[128] = "";
    char path[128];

    tmp_path(path, sizeof path, "text.ttf");
    CHECK(write_file(path, text, sizeof text - 1));
    CHECK(font_load(path, err, sizeof err) == NULL);
    CHECK(err[0] != '\0');
    remove(path);
    err[0] = '\0';
    CHECK(load_bytes("", 0, err, sizeof err) == NULL);      /* empty */
    CHECK(err[0] != '\0');
    err[0] = '\0';
    /* The license next to the fonts: a real file, not a font. */
    CHECK(font_load("fonts/LICENSE-Liberation.txt", err, sizeof err) == NULL);
    CHECK(err[0] != '\0');
    err[0] = '\0';
    CHECK(load_bytes("OTTO\0\0\0\0\0\0\0\0", 12, err, sizeof err) == NULL);
    CHECK(err[0] != '\0');
}

void test_font_truncated(void)
{
    size_t len = 0, cuts[12], i;
    unsigned char *data = read_file(SANS, &len);
    char err[128];

    CHECK(data != NULL && len == 410712);
    if (!data || len < 20000)
        goto out;
    cuts[0] = 0; cuts[1] = 4; cuts[2] = 11; cuts[3] = 12; cuts[4] = 100;
    cuts[5] = 330;          /* inside head */
    cuts[6] = 12000;        /* inside cmap */
    cuts[7] = 20000;        /* inside loca */
    cuts[8] = len / 2;      /* inside glyf */
    cuts[9] = len - 29;     /* just short of the last table */
    cuts[10] = len - 1;
    cuts[11] = 7;
    for (i = 0; i < 12; i++) {
        font *f;
        err[0] = '\0';
        f = load_bytes(data, cuts[i], err, sizeof err);
        CHECK(f == NULL);
        CHECK(err[0] != '\0');
        font_free(f);
    }
    /* The intact bytes still load through the same path. */
    {
        font *f = load_bytes(data, len, NULL, 0);
        CHECK(f != NULL);
        if (f)
            CHECK_INT(font_width(f, 'W'), 943);
        font_free(f);
    }
out:
    free(data);
}

/* ---- synthetic font ---------------------------------------------------- */

void test_font_format12(void)
{
    unsigned char b[SF_SIZE];
    char err[128] = "";
    font *f = load_bytes(b, sf_build(b, 1), err, sizeof err);

    CHECK(f != NULL);
    if (!f) {
        fprintf(stderr, "  synthetic font: %s\n", err);
        return;
    }
    /* 'B' exists only in the format 12 subtable, so it must be in use. */
    CHECK(font_has(f, 'A'));
    CHECK(font_has(f, 'B'));
    CHECK(font_has(f, 0x1F600));
    CHECK(font_has(f, 0x20000));
    CHECK(!font_has(f, 'C'));
    CHECK(!font_has(f, 0xE000));        /* maps past numGlyphs */
    /* advance * 1000 / 1024, truncated */
    CHECK_INT(font_width(f, 'A'), 585);             /* 600 */
    CHECK_INT(font_width(f, 'B'), 1074);            /* 1100 */
    CHECK_INT(font_width(f, 'C'), 500);             /* .notdef 512 */
    CHECK_INT(font_width(f, 0xE000), 500);
    /* Glyphs 3 and 4 lie past numberOfHMetrics: last advance. */
    CHECK_INT(font_width(f, 0x1F600), 1074);
    CHECK_INT(font_width(f, 0x20000), 1074);
    CHECK_INT(font_text_width(f, S("AB\xF0\x9F\x98\x80")), 585 + 1074 + 1074);
    /* USE_TYPO_METRICS is set: OS/2 700/-300, truncated toward zero. */
    CHECK_INT(font_ascent(f), 683);
    CHECK_INT(font_descent(f), -292);
    font_free(f);
}

void test_font_hhea_metrics(void)
{
    unsigned char b[SF_SIZE];
    font *f = load_bytes(b, sf_build(b, 0), NULL, 0);

    CHECK(f != NULL);
    if (!f)
        return;
    /* Without USE_TYPO_METRICS the hhea values (800/-200) apply. */
    CHECK_INT(font_ascent(f), 781);
    CHECK_INT(font_descent(f), -195);
    font_free(f);
}

void test_font_cmap_fallback(void)
{
    unsigned char b[SF_SIZE];
    font *f;

    /* A format 12 group count that overruns its subtable disqualifies
     * it; the format 4 subtable is used instead. */
    sf_build(b, 1);
    put32(b, SF_CMAP12 + 12, 0x10000000u);
    f = load_bytes(b, SF_SIZE, NULL, 0);
    CHECK(f != NULL);
    if (f) {
        CHECK(font_has(f, 'A'));
        CHECK(!font_has(f, 'B'));
        CHECK_INT(font_width(f, 'A'), 585);
        font_free(f);
    }
    /* With neither subtable usable the font is rejected. */
    put16(b, SF_CMAP4 + 6, 0);
    CHECK(load_bytes(b, SF_SIZE, NULL, 0) == NULL);
}

void test_font_bad_tables(void)
{
    unsigned char b[SF_SIZE];
    char err[128];
    size_t n;

    /* Every proper prefix of the synthetic font cuts some table short. */
    sf_build(b, 1);
    for (n = 0; n < SF_SIZE; n++) {
        font *f = load_bytes(b, n, NULL, 0);
        CHECK(f == NULL);
        font_free(f);
    }
    sf_build(b, 1);
    put32(b, SF_HEAD + 12, 0xDEADBEEF);             /* head magic */
    err[0] = '\0';
    CHECK(load_bytes(b, SF_SIZE, err, sizeof err) == NULL);
    CHECK(err[0] != '\0');
    sf_build(b, 1);
    put16(b, SF_HEAD + 18, 0);                      /* unitsPerEm */
    CHECK(load_bytes(b, SF_SIZE, NULL, 0) == NULL);
    sf_build(b, 1);
    put16(b, SF_HHEA + 34, 5);                      /* hmtx too short */
    CHECK(load_bytes(b, SF_SIZE, NULL, 0) == NULL);
    sf_build(b, 1);
    put16(b, SF_MAXP + 4, 0);                       /* no glyphs */
    CHECK(load_bytes(b, SF_SIZE, NULL, 0) == NULL);
    sf_build(b, 1);
    put32(b, 12 + 16 + 12, 0xFFFFFFF0u);            /* cmap length */
    CHECK(load_bytes(b, SF_SIZE, NULL, 0) == NULL);
    sf_build(b, 1);
    put16(b, 4, 0xFFFF);                            /* numTables */
    CHECK(load_bytes(b, SF_SIZE, NULL, 0) == NULL);
}

/* Random damage to the synthetic font: whatever loads must answer every
 * query without touching memory it does not own (run under a sanitizer
 * or valgrind to make this test mean something). */
void test_font_fuzz(void)
{
    unsigned char b[SF_SIZE];
    uint32_t seed = 12345;
    int iter, k, loaded = 0;

    for (iter = 0; iter < 1500; iter++) {
        font *f;
        sf_build(b, iter & 1);
        for (k = 0; k < 1 + iter % 4; k++) {
            seed = seed * 1103515245u + 12345u;
            b[(seed >> 8) % SF_SIZE] = (unsigned char)(seed >> 24);
        }
        f = load_bytes(b, SF_SIZE, NULL, 0);
        if (f) {
            loaded++;
            poke(f);
            font_free(f);
        }
    }
    /* Most single-byte damage leaves a loadable font, so the lookups were
     * really exercised. */
    CHECK(loaded > 100);
}

/* Tests in this file:
 *   test_font_widths
 *   test_font_serif
 *   test_font_has
 *   test_font_text_width
 *   test_font_missing
 *   test_font_not_a_font
 *   test_font_truncated
 *   test_font_format12
 *   test_font_hhea_metrics
 *   test_font_cmap_fallback
 *   test_font_bad_tables
 *   test_font_fuzz
 */
