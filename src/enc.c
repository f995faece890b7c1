/* enc.c - Unicode to Windows code page mapping for single-byte text runs.
 *
 * The byte tables are not written out here: they are read back from
 * libharu's own encoders (HPDF_Encoder_GetUnicode), so a byte chosen by
 * layout is by construction the byte render's font dictionary declares
 * for that character. Each encoding becomes a sorted Unicode->byte array
 * searched by bisection; they are built on first use and live until
 * enc_shutdown. Not thread-safe: the tables are process globals.
 */
#include "enc.h"
#include "mem.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <hpdf.h>

/* 0x20..0xFF: the only bytes that can carry text. */
#define ENC_FIRST_BYTE 0x20
#define ENC_MAX_ENTRIES (0x100 - ENC_FIRST_BYTE)

typedef struct {
    uint16_t cp;
    unsigned char byte;
} enc_entry;

typedef struct {
    enc_entry e[ENC_MAX_ENTRIES];
    int n;
} enc_table;

static const char *const enc_names[ENC_COUNT] = {
    "CP1252", "CP1250", "CP1251", "CP1253", "CP1254", "CP1257"
};

/* NULL until first use; after a failed build it stays NULL and every
 * lookup answers "not encodable", which sends text to the Unicode path
 * rather than producing wrong bytes. */
static enc_table *tables;
static int built;

/* libharu reports errors through this callback and also through return
 * values; the return values are what the build checks, so the callback
 * only has to return (the default would be nothing at all, but an explicit
 * handler keeps libharu from ever being configured to do more). */
static void HPDF_STDCALL enc_hpdf_error(HPDF_STATUS error_no,
                                        HPDF_STATUS detail_no, void *user)
{
    (void)error_no;
    (void)detail_no;
    (void)user;
}

static int entry_cmp(const void *a, const void *b)
{
    const enc_entry *x = a, *y = b;

    if (x->cp != y->cp)
        return x->cp < y->cp ? -1 : 1;
    return (int)x->byte - (int)y->byte;
}

/* Control characters are never text, so a byte libharu maps to one (0x7F
 * maps to U+007F) must not be offered as the encoding of anything. */
static int is_text_cp(HPDF_UNICODE u)
{
    return u >= 0x20 && u != 0x7F && !(u >= 0x80 && u < 0xA0);
}

/* libharu answers 0 for bytes a code page leaves undefined (e.g. 0x81 in
 * CP1252); those are skipped. If two bytes ever named the same character
 * the lower byte wins, so the choice does not depend on qsort's order. */
static void table_fill(enc_table *t, HPDF_Encoder enc)
{
    int b, i, n = 0;

    for (b = ENC_FIRST_BYTE; b <= 0xFF; b++) {
        HPDF_UNICODE u = HPDF_Encoder_GetUnicode(enc, (HPDF_UINT16)b);
        if (!is_text_cp(u))
            continue;
        t->e[n].cp = (uint16_t)u;
        t->e[n].byte = (unsigned char)b;
        n++;
    }
    qsort(t->e, (size_t)n, sizeof t->e[0], entry_cmp);
    t->n = 0;
    for (i = 0; i < n; i++)
        if (t->n == 0 || t->e[t->n - 1].cp != t->e[i].cp)
            t->e[t->n++] = t->e[i];
}

/* The document is only a way to reach the encoders; once the tables are
 * copied out nothing refers to it, so it is freed right away rather than
 * kept alive until enc_shutdown. */
static void tables_build(void)
{
    HPDF_Doc doc;
    int i;

    built = 1;
    doc = HPDF_New(enc_hpdf_error, NULL);
    if (!doc)
        return;
    tables = mem_alloc(ENC_COUNT, sizeof *tables);
    for (i = 0; i < ENC_COUNT; i++) {
        HPDF_Encoder enc = HPDF_GetEncoder(doc, enc_names[i]);
        if (enc)
            table_fill(&tables[i], enc);
    }
    HPDF_Free(doc);
}

static const enc_table *table_get(enc_id e)
{
    if ((int)e < 0 || (int)e >= ENC_COUNT)
        return NULL;
    if (!built)
        tables_build();
    return tables ? &tables[e] : NULL;
}

static unsigned char table_lookup(const enc_table *t, uint32_t cp)
{
    int lo = 0, hi = t->n - 1;

    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (t->e[mid].cp == cp)
            return t->e[mid].byte;
        if (t->e[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0;
}

const char *enc_name(enc_id e)
{
    if (e == ENC_UTF8)
        return "UTF-8";
    if ((int)e < 0 || (int)e >= ENC_COUNT)
        return NULL;
    return enc_names[e];
}

unsigned char enc_byte(enc_id e, uint32_t cp)
{
    const enc_table *t = table_get(e);

    if (!t || cp > 0xFFFF)
        return 0;
    return table_lookup(t, cp);
}

/* One pass over the text, narrowing the set of encodings that could still
 * encode all of it; stops as soon as none can. Invalid UTF-8 is U+FFFD,
 * which no code page here has, so such text goes to the Unicode path where
 * the replacement character can actually be shown. */
enc_id enc_pick(const char *s, size_t len)
{
    unsigned cand = (1u << ENC_COUNT) - 1;
    const char *p, *end;
    int i;

    if (len > 0) {
        p = s;
        end = s + len;
        while (p < end && cand) {
            uint32_t cp = utf8_next(&p, end);
            if (cp == UTF8_INVALID)
                cp = 0xFFFD;
            for (i = 0; i < ENC_COUNT; i++)
                if ((cand & (1u << i)) && !enc_byte((enc_id)i, cp))
                    cand &= ~(1u << i);
        }
    }
    for (i = 0; i < ENC_COUNT; i++)
        if (cand & (1u << i))
            return (enc_id)i;
    return ENC_NONE;
}

size_t enc_encode(enc_id e, const char *s, size_t len, char *out)
{
    const char *p, *end;
    size_t n = 0;

    if (len > 0) {
        p = s;
        end = s + len;
        while (p < end) {
            const char *from = p;
            uint32_t cp = utf8_next(&p, end);
            if (e == ENC_UTF8) {
                if (cp == UTF8_INVALID || cp > 0xFFFF) {
                    out[n++] = '?';     /* the two-byte font reaches the BMP only */
                } else {
                    memcpy(out + n, from, (size_t)(p - from));
                    n += (size_t)(p - from);
                }
                continue;
            }
            unsigned char b = enc_byte(e, cp);
            out[n++] = b ? (char)b : '?';
        }
    }
    out[n] = '\0';
    return n;
}

void enc_shutdown(void)
{
    free(tables);
    tables = NULL;
    built = 0;
}
