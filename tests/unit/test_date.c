/* test_date.c - dates a PDF carries: real days from 1970 to 9999. */
#include <string.h>

#include "check.h"
#include "date.h"

static const char *why_not(const char *iso)
{
    static char why[120];
    int y, m, d;
    if (date_parse_iso(iso, &y, &m, &d, why, sizeof why) == 0)
        return "";
    return why;
}

void test_date_iso(void)
{
    int y = 0, m = 0, d = 0;
    CHECK(date_parse_iso("2011-10-19", &y, &m, &d, NULL, 0) == 0);
    CHECK(y == 2011 && m == 10 && d == 19);
    CHECK_STR(why_not("2012-02-29"), "");
    CHECK_STR(why_not("2000-02-29"), "");
    CHECK_STR(why_not("1970-01-01"), "");
    CHECK_STR(why_not("9999-12-31"), "");
    CHECK_STR(why_not("2011-02-29"), "2011 has no 29 February");
    CHECK_STR(why_not("2100-02-29"), "2100 has no 29 February");
    CHECK_STR(why_not("2011-04-31"), "April has 30 days");
    CHECK_STR(why_not("2011-01-32"), "January has 31 days");
    CHECK_STR(why_not("2011-13-01"), "there is no month 13");
    CHECK_STR(why_not("2011-00-01"), "there is no month 0");
    CHECK_STR(why_not("2011-01-00"), "there is no day 0");
    CHECK_STR(why_not("1969-12-31"), "a PDF's date can be no earlier than 1970");
    const char *garbage[] = { "", "2011-1-01", "2011-01-01x", "20110101", "2011/01/01", "+011-01-01",
                              "2011-01-01Z", "garbage", "2011-01-0a" };
    for (size_t i = 0; i < sizeof garbage / sizeof garbage[0]; i++)
        CHECK_STR(why_not(garbage[i]), "write it as year-month-day, such as 2011-10-19");
}

void test_date_epoch(void)
{
    long long e = -1;
    CHECK(date_parse_epoch("0", &e) == 0 && e == 0);
    CHECK(date_parse_epoch("1262304000", &e) == 0 && e == 1262304000);
    CHECK(date_parse_epoch("253402300799", &e) == 0 && e == DATE_MAX_EPOCH);
    const char *bad[] = { "", "253402300800", "999999999999", "9999999999999", "-1", "+1", " 1", "1 ",
                          "1e9", "12x", "0x10", "1.5" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(date_parse_epoch(bad[i], &e) != 0);
}
