/* money.c - exact parsing and template formatting of amounts. */
#include "money.h"

#include <stdio.h>
#include <string.h>

int money_parse(const char *s, long long *out)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    int neg = 0;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    long long whole = 0, frac = 0;
    int digits = 0, fdigits = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (++digits > 15)
            return -1;
        whole = whole * 10 + (*s - '0');
    }
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++) {
            if (++fdigits > 4)
                return -1;
            frac = frac * 10 + (*s - '0');
        }
    }
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (*s || digits + fdigits == 0)
        return -1;
    for (int k = fdigits; k < 4; k++)
        frac *= 10;
    long long v;
    if (__builtin_mul_overflow(whole, MONEY_UNIT, &v) || __builtin_add_overflow(v, frac, &v))
        return -1;
    *out = neg ? -v : v;
    return 0;
}

int money_add(long long *sum, long long v)
{
    return __builtin_add_overflow(*sum, v, sum) ? -1 : 0;
}

/* Digits of whole with sep between groups of three. */
static void group(char *buf, size_t size, unsigned long long whole, const char *sep)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", whole);
    size_t len = 0, seplen = strlen(sep);
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            for (size_t k = 0; k < seplen && len + 1 < size; k++)
                buf[len++] = sep[k];
        if (len + 1 < size)
            buf[len++] = digits[i];
    }
    buf[len] = '\0';
}

static void put_placeholder(char *buf, size_t size, const char *fmt, const char *value)
{
    const char *at = strstr(fmt, "{n}");
    if (!at)
        snprintf(buf, size, "%s", value);
    else
        snprintf(buf, size, "%.*s%s%s", (int)(at - fmt), fmt, value, at + 3);
}

void money_format(char *buf, size_t size, long long v, const style_money *m)
{
    static const long long scale[] = { 10000, 1000, 100, 10, 1 };
    int d = m->decimals < 0 ? 0 : m->decimals > 4 ? 4 : m->decimals;
    unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    unsigned long long step = (unsigned long long)scale[d];
    unsigned long long units = (mag + step / 2) / step;     /* rounded to d decimals */
    unsigned long long pow10 = (unsigned long long)(MONEY_UNIT / (long long)step);
    char number[64], frac[24] = "";
    group(number, sizeof number, units / pow10, m->thousands ? m->thousands : "");
    if (d > 0) {
        snprintf(frac, sizeof frac, "%0*llu", d, units % pow10);
        size_t len = strlen(number);
        snprintf(number + len, sizeof number - len, "%s%s", m->decimal ? m->decimal : ".", frac);
    }
    char signed_number[96];
    if (v < 0 && units > 0)
        put_placeholder(signed_number, sizeof signed_number, m->negative ? m->negative : "-{n}", number);
    else
        snprintf(signed_number, sizeof signed_number, "%s", number);
    put_placeholder(buf, size, m->format ? m->format : "{n}", signed_number);
}

void money_plain(char *buf, size_t size, long long v)
{
    unsigned long long mag = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    long long frac = (long long)(mag % MONEY_UNIT);
    style_money m = { .thousands = ",", .decimal = ".", .format = "{n}", .negative = "-{n}",
                      .decimals = frac == 0 ? 0 : frac % 100 == 0 ? 2 : 4 };
    money_format(buf, size, v, &m);
}
