/* test_enc.c - unit tests for src/base/enc.c: the Unicode -> code page tables
 * (the library's own), encoding choice and run encoding. */
#include <hpdf.h>

#include "check.h"
#include "enc.h"

#define S(lit) (lit), (sizeof(lit) - 1)

void test_enc_names(void)
{
    CHECK_STR(enc_name(ENC_CP1252), "CP1252");
    CHECK_STR(enc_name(ENC_CP1250), "CP1250");
    CHECK_STR(enc_name(ENC_CP1251), "CP1251");
    CHECK_STR(enc_name(ENC_CP1253), "CP1253");
    CHECK_STR(enc_name(ENC_CP1254), "CP1254");
    CHECK_STR(enc_name(ENC_CP1257), "CP1257");
    CHECK(enc_name(ENC_NONE) == NULL);
}

void test_enc_cp1252_bytes(void)
{
    CHECK_INT(enc_byte(ENC_CP1252, 0x20), 0x20);
    CHECK_INT(enc_byte(ENC_CP1252, 'A'), 'A');
    CHECK_INT(enc_byte(ENC_CP1252, '~'), '~');
    CHECK_INT(enc_byte(ENC_CP1252, 0x20AC), 0x80);  /* euro */
    CHECK_INT(enc_byte(ENC_CP1252, 0xA3), 0xA3);    /* pound */
    CHECK_INT(enc_byte(ENC_CP1252, 0x2018), 0x91);  /* left single quote */
    CHECK_INT(enc_byte(ENC_CP1252, 0x2019), 0x92);
    CHECK_INT(enc_byte(ENC_CP1252, 0x201C), 0x93);  /* left double quote */
    CHECK_INT(enc_byte(ENC_CP1252, 0x201D), 0x94);
    CHECK_INT(enc_byte(ENC_CP1252, 0x2013), 0x96);  /* en dash */
    CHECK_INT(enc_byte(ENC_CP1252, 0x2014), 0x97);  /* em dash */
    CHECK_INT(enc_byte(ENC_CP1252, 0xA0), 0xA0);    /* no-break space */
    CHECK_INT(enc_byte(ENC_CP1252, 0xEB), 0xEB);    /* e diaeresis */
    CHECK_INT(enc_byte(ENC_CP1252, 0x0178), 0x9F);  /* Y diaeresis */
    CHECK_INT(enc_byte(ENC_CP1252, 0xFF), 0xFF);
}

void test_enc_not_encodable(void)
{
    /* Controls are never text, even where a byte nominally exists. */
    CHECK_INT(enc_byte(ENC_CP1252, 0), 0);
    CHECK_INT(enc_byte(ENC_CP1252, '\n'), 0);
    CHECK_INT(enc_byte(ENC_CP1252, 0x7F), 0);
    CHECK_INT(enc_byte(ENC_CP1252, 0x81), 0);
    CHECK_INT(enc_byte(ENC_CP1252, 0x0142), 0);     /* l stroke */
    CHECK_INT(enc_byte(ENC_CP1252, 0x4E00), 0);
    CHECK_INT(enc_byte(ENC_CP1252, 0x1F600), 0);
    CHECK_INT(enc_byte(ENC_CP1252, 0xFFFD), 0);
    CHECK_INT(enc_byte(ENC_CP1252, 0x110000), 0);
    CHECK_INT(enc_byte(ENC_NONE, 'a'), 0);
    CHECK_INT(enc_byte(ENC_COUNT, 'a'), 0);
}

void test_enc_other_pages(void)
{
    CHECK_INT(enc_byte(ENC_CP1250, 0x0142), 0xB3);  /* l stroke */
    CHECK_INT(enc_byte(ENC_CP1250, 0x0141), 0xA3);  /* L stroke */
    CHECK_INT(enc_byte(ENC_CP1250, 0x20AC), 0x80);
    CHECK_INT(enc_byte(ENC_CP1250, 0xA3), 0);       /* no pound in 1250 */
    CHECK_INT(enc_byte(ENC_CP1251, 0x0410), 0xC0);  /* Cyrillic A */
    CHECK_INT(enc_byte(ENC_CP1251, 0x044F), 0xFF);  /* ya */
    CHECK_INT(enc_byte(ENC_CP1251, 0x20AC), 0x88);
    CHECK_INT(enc_byte(ENC_CP1253, 0x03A9), 0xD9);  /* Omega */
    CHECK_INT(enc_byte(ENC_CP1254, 0x011F), 0xF0);  /* g breve */
    CHECK_INT(enc_byte(ENC_CP1254, 0x0131), 0xFD);  /* dotless i */
    CHECK_INT(enc_byte(ENC_CP1257, 0x0161), 0xF0);  /* s caron */
    CHECK_INT(enc_byte(ENC_CP1257, 0x0173), 0xF8);  /* u ogonek */
    /* Every page here has the space and the no-break space. */
    CHECK_INT(enc_byte(ENC_CP1250, 0xA0), 0xA0);
    CHECK_INT(enc_byte(ENC_CP1251, 0xA0), 0xA0);
    CHECK_INT(enc_byte(ENC_CP1253, 0xA0), 0xA0);
    CHECK_INT(enc_byte(ENC_CP1254, 0xA0), 0xA0);
    CHECK_INT(enc_byte(ENC_CP1257, 0xA0), 0xA0);
    CHECK_INT(enc_byte(ENC_CP1257, 0x20), 0x20);
}

void test_enc_pick(void)
{
    CHECK_INT(enc_pick(S("plain ASCII")), ENC_CP1252);
    CHECK_INT(enc_pick(S("")), ENC_CP1252);
    CHECK_INT(enc_pick(S("Zo\xC3\xAB")), ENC_CP1252);           /* Zoë */
    CHECK_INT(enc_pick(S("\xE2\x80\x9C" "x" "\xE2\x80\x9D \xE2\x80\x93 "
                         "\xE2\x82\xAC" "5")), ENC_CP1252);
    CHECK_INT(enc_pick(S("Boles\xC5\x82" "aw")), ENC_CP1250);   /* Bolesław */
    CHECK_INT(enc_pick(S("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82")),
              ENC_CP1251);                                      /* Привет */
    CHECK_INT(enc_pick(S("\xCE\xA9\xCE\xBC\xCE\xAD\xCE\xB3\xCE\xB1")),
              ENC_CP1253);                                      /* Ωμέγα */
    CHECK_INT(enc_pick(S("\xC4\x9F\xC4\xB1")), ENC_CP1254);     /* ğı */
    CHECK_INT(enc_pick(S("\xC5\xB3\xC4\x97")), ENC_CP1257);     /* ųė */
    CHECK_INT(enc_pick(S("\xE4\xB8\x80")), ENC_NONE);           /* 一 */
    /* Mixed scripts no single page covers. */
    CHECK_INT(enc_pick(S("\xC5\x82\xD0\x96")), ENC_NONE);       /* łЖ */
    CHECK_INT(enc_pick(S("smile \xF0\x9F\x98\x80")), ENC_NONE);
    /* Invalid UTF-8 is U+FFFD, which no code page has. */
    CHECK_INT(enc_pick(S("ab\xFF")), ENC_NONE);
}

void test_enc_encode(void)
{
    char out[64];

    CHECK_INT(enc_encode(ENC_CP1252, S("Zo\xC3\xAB \xE2\x82\xAC" "5"), out), 6);
    CHECK_STR(out, "Zo\xEB \x80" "5");
    CHECK_INT(enc_encode(ENC_CP1250, S("Boles\xC5\x82" "aw"), out), 8);
    CHECK_STR(out, "Boles\xB3" "aw");
    /* Unencodable characters and invalid bytes become '?'. */
    CHECK_INT(enc_encode(ENC_CP1252, S("a\xE4\xB8\x80" "b\xFF"), out), 4);
    CHECK_STR(out, "a?b?");
    CHECK_INT(enc_encode(ENC_CP1252, S(""), out), 0);
    CHECK_STR(out, "");
}

void test_enc_utf8(void)
{
    char out[64];

    CHECK_STR(enc_name(ENC_UTF8), "UTF-8");
    /* The two-byte fallback keeps the text; Welsh w-circumflex, ideograph. */
    CHECK_INT(enc_encode(ENC_UTF8, S("D\xC5\xB5r \xE4\xB8\xAD"), out), 8);
    CHECK_STR(out, "D\xC5\xB5r \xE4\xB8\xAD");
    /* Invalid bytes, and characters beyond the two-byte range, become '?',
     * so the output is never longer than the input. */
    CHECK_INT(enc_encode(ENC_UTF8, S("a\xFF" "b\xF0\x9F\x98\x80"), out), 4);
    CHECK_STR(out, "a?b?");
    CHECK(enc_pick(S("D\xC5\xB5r")) == ENC_NONE);
}

/* The tables are the library's: every character a code page's byte
 * stands for is encoded as the lowest such byte, and every byte the
 * tables give stands for its character in the library's encoder. */
void test_enc_library(void)
{
    HPDF_Doc doc = HPDF_New(NULL, NULL);
    CHECK(doc != NULL);
    for (int e = 0; doc && e < ENC_COUNT; e++) {
        HPDF_Encoder enc = HPDF_GetEncoder(doc, enc_name((enc_id)e));
        CHECK(enc != NULL);
        int agree = 1;
        for (int b = 0xFF; enc && b >= 0x20; b--) {
            HPDF_UNICODE u = HPDF_Encoder_GetUnicode(enc, (HPDF_UINT16)b);
            int text = u >= 0x20 && u != 0x7F && !(u >= 0x80 && u < 0xA0);
            unsigned char got = enc_byte((enc_id)e, u);
            /* bytes are visited from the top: the lowest comes last */
            if (text && (got == 0 || got > b))
                agree = 0;
        }
        for (uint32_t cp = 0; enc && cp <= 0xFFFF; cp++) {
            unsigned char b = enc_byte((enc_id)e, cp);
            if (b && HPDF_Encoder_GetUnicode(enc, b) != cp)
                agree = 0;
        }
        CHECK(agree);
    }
    HPDF_Free(doc);
}

/* Tests in this file:
 *   test_enc_names
 *   test_enc_cp1252_bytes
 *   test_enc_not_encodable
 *   test_enc_other_pages
 *   test_enc_pick
 *   test_enc_encode
 *   test_enc_library
 */
