/* enc.c - Unicode to Windows code page mapping for single-byte text runs.
 *
 * The tables (enc_tables.h) are generated from the PDF library's own
 * encoders by mk/gen_enc.c, and tests/unit/test_enc.c checks them
 * against the library on every run, so a byte chosen by layout is the
 * byte render's font dictionary declares for that character. Each is a
 * sorted Unicode->byte array searched by bisection: constant data, no
 * state.
 */
#include "enc.h"
#include "utf8.h"

#include <string.h>

typedef struct {
    uint16_t cp;
    unsigned char byte;
} enc_entry;

#include "enc_tables.h"

typedef struct {
    const enc_entry *e;
    int n;
} enc_table;

#define TABLE(t) { t, (int)(sizeof t / sizeof t[0]) }

static const enc_table tables[ENC_COUNT] = {
    TABLE(enc_CP1252), TABLE(enc_CP1250), TABLE(enc_CP1251),
    TABLE(enc_CP1253), TABLE(enc_CP1254), TABLE(enc_CP1257),
};

static const char *const enc_names[ENC_COUNT] = {
    "CP1252", "CP1250", "CP1251", "CP1253", "CP1254", "CP1257"
};

static const enc_table *table_get(enc_id e)
{
    if ((int)e < 0 || (int)e >= ENC_COUNT)
        return NULL;
    return &tables[e];
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
