/* test_money.c - amounts read exactly and written per template. */
#include "check.h"
#include "money.h"

void test_money_parse(void)
{
    long long v;
    CHECK(money_parse("399349", &v) == 0 && v == 399349 * MONEY_UNIT);
    CHECK(money_parse(" -373213 ", &v) == 0 && v == -373213 * MONEY_UNIT);
    CHECK(money_parse("12.5", &v) == 0 && v == 125000);
    CHECK(money_parse("0.0001", &v) == 0 && v == 1);
    CHECK(money_parse("1,000", &v) != 0);            /* separators are the template's job */
    CHECK(money_parse("12.34567", &v) != 0);
    CHECK(money_parse("", &v) != 0);
    CHECK(money_parse("-", &v) != 0);
    CHECK(money_parse("1234567890123456", &v) != 0);
}

void test_money_format(void)
{
    char b[64];
    style_money m = { .thousands = ",", .decimal = ".", .decimals = 0, .format = "{n}", .negative = "-{n}" };
    money_format(b, sizeof b, 1275154 * MONEY_UNIT, &m); CHECK_STR(b, "1,275,154");
    money_format(b, sizeof b, -373213 * MONEY_UNIT, &m); CHECK_STR(b, "-373,213");
    money_format(b, sizeof b, 999 * MONEY_UNIT, &m); CHECK_STR(b, "999");
    m.negative = "({n})";
    m.format = "£{n}";
    m.decimals = 2;
    money_format(b, sizeof b, -1234567, &m); CHECK_STR(b, "£(123.46)");   /* rounded half up */
    money_format(b, sizeof b, 5000, &m); CHECK_STR(b, "£0.50");
    money_plain(b, sizeof b, 399348 * MONEY_UNIT); CHECK_STR(b, "399,348");
    money_plain(b, sizeof b, 1255000); CHECK_STR(b, "125.50");
    money_plain(b, sizeof b, 1250000); CHECK_STR(b, "125");
}

/* Amounts near the limit are read exactly or refused, and sums that
 * would wrap are refused (once printed as wrapped nonsense). */
void test_money_limits(void)
{
    long long v, sum;
    CHECK(money_parse("922337203685477", &v) == 0 && v == 922337203685477LL * MONEY_UNIT);
    CHECK(money_parse("922337203685478", &v) != 0);
    CHECK(money_parse("999999999999999", &v) != 0);
    CHECK(money_parse("-922337203685477.5807", &v) == 0 && v == -9223372036854775807LL);
    sum = 900000000000000LL * MONEY_UNIT;
    CHECK(money_add(&sum, 900000000000000LL * MONEY_UNIT) != 0);
    sum = 1;
    CHECK(money_add(&sum, 2) == 0 && sum == 3);
    char b[64];
    money_plain(b, sizeof b, -9223372036854775807LL - 1);   /* never negated as a signed value */
    CHECK(b[0] == '-');
}
