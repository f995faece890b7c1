/* money.h - amounts of money: read exactly, written per template.
 *
 * Amounts are held as whole ten-thousandths (long long), so sums of
 * pounds and pence are exact: no binary fraction ever decides whether a
 * budget adds up.
 */
#ifndef BP_MONEY_H
#define BP_MONEY_H

#include <stddef.h>

#define MONEY_UNIT 10000LL

/* How amounts of money are written (a template's <money>). */
typedef struct style_money {
    const char *thousands;          /* group separator, "," */
    const char *decimal;            /* decimal mark, "." */
    int decimals;                   /* digits after the mark */
    const char *format;             /* "{n}", "£{n}" */
    const char *negative;           /* "-{n}", "({n})" */
} style_money;

/* Parses a decimal amount ("399349", "-373213", "12.5", " 7 "): at most
 * four decimals and fifteen digits before the mark, and no more than
 * about 922 trillion (what ten-thousandths in 64 bits hold). Returns 0,
 * or -1 when s is not such a number. */
int money_parse(const char *s, long long *out);

/* Adds v to *sum; -1 (and *sum undefined) when the sum leaves the range
 * an amount can hold, about 922 trillion. */
int money_add(long long *sum, long long v);

/* Writes v in the template's format: separators, decimals (rounded half
 * away from zero), negative form, currency. */
void money_format(char *buf, size_t size, long long v, const style_money *m);

/* Writes v plainly for messages: thousands commas, decimals only when
 * there are any ("399,349", "12.50"). */
void money_plain(char *buf, size_t size, long long v);

#endif
