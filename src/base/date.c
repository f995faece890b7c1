/* date.c - checking dates before a PDF carries them. */
#include "date.h"

#include <stdio.h>
#include <string.h>

static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
};

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* The value of n digits at s, or -1 when any is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int fail(char *why, size_t whylen, const char *text)
{
    if (why && whylen)
        snprintf(why, whylen, "%s", text);
    return -1;
}

int date_parse_iso(const char *s, int *y, int *m, int *d, char *why, size_t whylen)
{
    char text[80];
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || (*y = digits(s, 4)) < 0 ||
        (*m = digits(s + 5, 2)) < 0 || (*d = digits(s + 8, 2)) < 0)
        return fail(why, whylen, "write it as year-month-day, such as 2011-10-19");
    if (*y < 1970)
        return fail(why, whylen, "a PDF's date can be no earlier than 1970");
    if (*m < 1 || *m > 12) {
        snprintf(text, sizeof text, "there is no month %d", *m);
        return fail(why, whylen, text);
    }
    if (*d < 1) {
        snprintf(text, sizeof text, "there is no day %d", *d);
        return fail(why, whylen, text);
    }
    if (*d > days_in(*y, *m)) {
        if (*m == 2 && *d == 29)
            snprintf(text, sizeof text, "%d has no 29 February", *y);
        else
            snprintf(text, sizeof text, "%s has %d days", month_names[*m - 1], days_in(*y, *m));
        return fail(why, whylen, text);
    }
    return 0;
}

int date_parse_epoch(const char *s, long long *epoch)
{
    long long v = 0;
    size_t n = strlen(s);
    if (n == 0 || n > 12)       /* DATE_MAX_EPOCH has 12 digits */
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (v > DATE_MAX_EPOCH)
        return -1;
    *epoch = v;
    return 0;
}
