/* test_linebreak.c - first-fit filling on paragraphs with known answers. */
#include "check.h"
#include "linebreak.h"

static int words(lb_item *it, const double *w, int n, double space)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (i)
            it[k++] = (lb_item){ LB_GLUE, space };
        it[k++] = (lb_item){ LB_BOX, w[i] };
    }
    return k;
}

void test_linebreak_fill(void)
{
    /* widths 30 30 30 30 with spaces of 5, measure 70: two words a line */
    lb_item it[16];
    int br[17];
    double w[] = { 30, 30, 30, 30 };
    int n = words(it, w, 4, 5);
    int lines = lb_greedy(it, n, 70, 70, br);
    CHECK_INT(lines, 2);
    CHECK_INT(br[0], 3);          /* the glue between words 2 and 3 */
    CHECK_INT(br[1], n);
    /* exactly fitting: 30+5+30+5+30 = 100 */
    lines = lb_greedy(it, n, 100, 100, br);
    CHECK_INT(lines, 2);
    CHECK_INT(br[0], 5);
}

void test_linebreak_first_line(void)
{
    /* a narrower first line (hanging or indented) takes fewer words */
    lb_item it[16];
    int br[17];
    double w[] = { 20, 20, 20, 20, 20 };
    int n = words(it, w, 5, 5);
    int lines = lb_greedy(it, n, 45, 95, br);
    CHECK_INT(lines, 2);
    CHECK_INT(br[0], 3);
}

void test_linebreak_forced_and_wide(void)
{
    lb_item it[] = { { LB_BOX, 10 }, { LB_BREAK, 0 }, { LB_BOX, 10 }, { LB_GLUE, 5 },
                     { LB_BOX, 500 }, { LB_GLUE, 5 }, { LB_BOX, 10 } };
    int br[8];
    int lines = lb_greedy(it, 7, 100, 100, br);
    /* the break ends line 1; the 500-wide box gets a line of its own */
    CHECK_INT(lines, 4);
    CHECK_INT(br[0], 1);
    CHECK_INT(br[1], 3);
    CHECK_INT(br[2], 5);
    CHECK_INT(br[3], 7);
    CHECK_INT(lb_greedy(it, 0, 100, 100, br), 1);
}
