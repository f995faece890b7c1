/* label.c - counter styles and placeholder expansion. */
#include "label.h"

#include <stdio.h>
#include <string.h>

static void roman(char *out, size_t size, long v, int upper)
{
    static const struct { int value; const char *lo, *up; } digits[] = {
        {1000, "m", "M"}, {900, "cm", "CM"}, {500, "d", "D"}, {400, "cd", "CD"},
        {100, "c", "C"}, {90, "xc", "XC"}, {50, "l", "L"}, {40, "xl", "XL"},
        {10, "x", "X"}, {9, "ix", "IX"}, {5, "v", "V"}, {4, "iv", "IV"}, {1, "i", "I"},
    };
    size_t len = 0;
    out[0] = '\0';
    for (size_t k = 0; k < sizeof digits / sizeof digits[0]; k++)
        while (v >= digits[k].value && len + 3 < size) {
            const char *d = upper ? digits[k].up : digits[k].lo;
            memcpy(out + len, d, strlen(d) + 1);
            len += strlen(d);
            v -= digits[k].value;
        }
}

/* Letters count like spreadsheet columns: a..z, aa, ab, ... */
static void letters(char *out, size_t size, long v, int upper)
{
    char tmp[32];
    int n = 0;
    while (v > 0 && n < 31) {
        v--;
        tmp[n++] = (char)((upper ? 'A' : 'a') + v % 26);
        v /= 26;
    }
    size_t k = 0;
    while (n > 0 && k + 1 < size)
        out[k++] = tmp[--n];
    out[k] = '\0';
}

void label_number(char *out, size_t size, long value, char style)
{
    if (value < 1 || style == '1' || value > 3999) {
        snprintf(out, size, "%ld", value);
        return;
    }
    switch (style) {
    case 'i': roman(out, size, value, 0); break;
    case 'I': roman(out, size, value, 1); break;
    case 'a': letters(out, size, value, 0); break;
    case 'A': letters(out, size, value, 1); break;
    default: snprintf(out, size, "%ld", value); break;
    }
}

typedef struct {
    char *buf;
    size_t len, cap;
    arena *a;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->cap + n + 1) * 2;
        char *nb = arena_alloc(b->a, cap);
        if (b->len)
            memcpy(nb, b->buf, b->len);
        b->buf = nb;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

/* Expands one placeholder body "key" or "key:style" into b. */
static void expand_one(sbuf *b, const char *body, size_t n, label_lookup lookup, void *ctx)
{
    char key[64];
    char style = '1';
    if (n >= sizeof key)
        n = sizeof key - 1;
    memcpy(key, body, n);
    key[n] = '\0';
    char *colon = strchr(key, ':');
    if (colon) {
        style = colon[1];
        *colon = '\0';
    }
    const char *str = NULL;
    long num = 0;
    if (!lookup || !lookup(ctx, key, &str, &num)) {
        put(b, "{", 1);
        put(b, body, n);
        put(b, "}", 1);
    } else if (str) {
        put(b, str, strlen(str));
    } else {
        char digits[64];
        label_number(digits, sizeof digits, num, style);
        put(b, digits, strlen(digits));
    }
}

const char *label_expand(arena *a, const char *fmt, label_lookup lookup, void *ctx)
{
    sbuf b = { .a = a };
    put(&b, "", 0);
    const char *p = fmt;
    while (*p) {
        const char *open = strchr(p, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        if (!open || !close) {
            put(&b, p, strlen(p));
            break;
        }
        put(&b, p, (size_t)(open - p));
        expand_one(&b, open + 1, (size_t)(close - open - 1), lookup, ctx);
        p = close + 1;
    }
    return b.buf;
}
