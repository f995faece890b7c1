/* test_table.c - column widths from content, with known answers. */
#include <math.h>

#include "check.h"
#include "chart.h"
#include "para.h"
#include "share.h"
#include "table.h"

static int near(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

void test_table_widths_fit_at_max(void)
{
    double mn[] = { 20, 30 }, mx[] = { 50, 100 }, fixed[] = { 0, 0 }, w[2];
    table_distribute(mn, mx, fixed, 2, 400, 0, w);
    CHECK(near(w[0], 50) && near(w[1], 100));      /* narrower than the page: maxima */
    table_distribute(mn, mx, fixed, 2, 300, 1, w);
    CHECK(near(w[0] + w[1], 300));                  /* full width: all of it */
    CHECK(near(w[1] / w[0], 2));                    /* shared in proportion */
}

void test_table_widths_between(void)
{
    /* maxima 150 + 250 exceed 300; minima 50 + 50 leave 200 to share in
     * proportion to (max - min): 100 and 200 */
    double mn[] = { 50, 50 }, mx[] = { 150, 250 }, fixed[] = { 0, 0 }, w[2];
    table_distribute(mn, mx, fixed, 2, 300, 0, w);
    CHECK(near(w[0], 50 + 200.0 / 3));
    CHECK(near(w[1], 50 + 400.0 / 3));
    CHECK(w[0] >= mn[0] && w[1] >= mn[1]);          /* never under a column's longest word */
}

void test_table_widths_too_narrow(void)
{
    /* the minima do not fit: scaled down, long words broken in the cell */
    double mn[] = { 300, 100 }, mx[] = { 400, 100 }, fixed[] = { 0, 0 }, w[2];
    table_distribute(mn, mx, fixed, 2, 200, 0, w);
    CHECK(near(w[0], 150) && near(w[1], 50));
}

void test_table_widths_fixed(void)
{
    double mn[] = { 10, 10, 10 }, mx[] = { 40, 80, 20 }, fixed[] = { 100, 0, 0 }, w[3];
    table_distribute(mn, mx, fixed, 3, 400, 1, w);
    CHECK(near(w[0], 100));                         /* a given width is kept */
    CHECK(near(w[0] + w[1] + w[2], 400));
    CHECK(near(w[1] / w[2], 4));
}

void test_chart_ticks(void)
{
    double lo, hi, step;
    chart_ticks(0, 44.1, 5, &lo, &hi, &step);
    CHECK(near(step, 10) && near(lo, 0) && near(hi, 50));
    chart_ticks(0, 1275154, 5, &lo, &hi, &step);
    CHECK(near(step, 500000) && near(hi, 1500000));   /* the smallest round step giving at most 5 */
    chart_ticks(-43, 0, 5, &lo, &hi, &step);
    CHECK(near(step, 10) && near(lo, -50) && near(hi, 0));
    chart_ticks(0, 1, 4, &lo, &hi, &step);
    CHECK(near(step, 0.25) && near(hi, 1));
    chart_ticks(3, 3, 5, &lo, &hi, &step);        /* a flat series still gets a scale */
    CHECK(step > 0 && hi > lo);
    chart_ticks(0, 4.9e-324, 5, &lo, &hi, &step); /* figures too close to tell apart */
    CHECK(step > 0 && hi > lo && isfinite(hi));
    chart_ticks(-8e15, 8e15, 5, &lo, &hi, &step);
    CHECK(step > 0 && hi >= 8e15 && lo <= -8e15);
}

/* Lengths a report gives: nothing not finite or not positive reaches a
 * page, and nothing longer than a PDF page may be. */
void test_layout_length_limits(void)
{
    CHECK(lay_length("nan", 100) == 0);
    CHECK(lay_length("inf", 100) == 0);
    CHECK(lay_length("-3mm", 100) == 0);
    CHECK(lay_length("1e308in", 100) == 14400);
    CHECK(near(lay_length("50%", 200), 100));
    CHECK(near(lay_length("25.4mm", 0), 72));
}

/* Tables of one group are measured, from the next pass on, with the
 * widest extents of all of them; a table alone, or tables of different
 * column counts, keep their own; the pass settles once nothing widens. */
void test_table_shared_widths(void)
{
    share_map *m = share_new();
    int parent, other;
    double a_mn[] = { 10, 5 }, a_mx[] = { 20, 8 }, b_mn[] = { 30, 4 }, b_mx[] = { 60, 6 };
    double c_mn[] = { 1, 1 }, c_mx[] = { 2, 2 };
    share_next_pass(m);
    share_widths(m, &parent, "Apr|May", 2, a_mn, a_mx);
    share_widths(m, &parent, "Apr|May", 2, b_mn, b_mx);
    share_widths(m, &other, "Apr|May", 2, c_mn, c_mx);    /* another section */
    CHECK(near(a_mn[0], 10) && near(b_mn[0], 30));       /* first pass: each its own */
    CHECK(share_changed(m));
    share_next_pass(m);
    double a2_mn[] = { 10, 5 }, a2_mx[] = { 20, 8 }, b2_mn[] = { 30, 4 }, b2_mx[] = { 60, 6 };
    double c2_mn[] = { 1, 1 }, c2_mx[] = { 2, 2 };
    share_widths(m, &parent, "Apr|May", 2, a2_mn, a2_mx);
    share_widths(m, &parent, "Apr|May", 2, b2_mn, b2_mx);
    share_widths(m, &other, "Apr|May", 2, c2_mn, c2_mx);
    CHECK(near(a2_mn[0], 30) && near(a2_mx[0], 60) && near(a2_mn[1], 5) && near(a2_mx[1], 8));
    CHECK(near(b2_mn[0], 30) && near(b2_mn[1], 5) && near(b2_mx[1], 8));
    CHECK(near(c2_mn[0], 1) && near(c2_mx[1], 2));        /* alone in its group */
    CHECK(!share_changed(m));
    share_next_pass(m);
    double d_mn[] = { 1, 1, 1 }, d_mx[] = { 1, 1, 1 }, e_mn[] = { 2, 2 }, e_mx[] = { 2, 2 };
    share_widths(m, &parent, "Apr|May", 3, d_mn, d_mx);   /* a different shape this pass */
    share_widths(m, &parent, "Apr|May", 2, e_mn, e_mx);
    CHECK(near(d_mn[0], 1) && near(d_mn[2], 1));          /* not widened from two columns */
    share_next_pass(m);
    double f_mn[] = { 2, 2 }, f_mx[] = { 2, 2 };
    share_widths(m, &parent, "Apr|May", 2, f_mn, f_mx);
    CHECK(near(f_mn[0], 2));                              /* a mixed group shares nothing */
    share_free(m);
}
