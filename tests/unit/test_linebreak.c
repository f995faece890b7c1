/* test_linebreak.c - first fit and total fit on paragraphs with known
 * answers, and total fit checked against an exhaustive search. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "linebreak.h"

#define BOX(w) { .type = LB_BOX, .width = (w) }
#define GLUE(w) { .type = LB_GLUE, .width = (w), .stretch = (w) / 2, .shrink = (w) / 3 }

static int words(lb_item *it, const double *w, int n, double space)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (i)
            it[k++] = (lb_item)GLUE(space);
        it[k++] = (lb_item)BOX(w[i]);
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
    lb_item it[] = { BOX(10), { .type = LB_BREAK }, BOX(10), GLUE(5), BOX(500), GLUE(5), BOX(10) };
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

static lb_params params(double measure, double tolerance)
{
    lb_params p = { .first_measure = measure, .measure = measure, .tolerance = tolerance,
                    .line_penalty = 10, .flagged_demerits = 3000, .fitness_demerits = 10000,
                    .max_hyphen_run = 2 };
    return p;
}

void test_linebreak_total_fit_differs_from_greedy(void)
{
    /* Spaces of 6 that stretch by 3 and shrink by 2, lines of 100. First
     * fit cannot put 35 after 60 (101 > 100) and sets 60 | 35 30 | 55 |
     * 40 35. Total fit shrinks the first line (ratio (100-101)/2 = -0.5),
     * stretches the second (30+6+55 = 91, ratio 9/3 = 3) and needs three
     * lines: 60 35 | 30 55 | 40 35. */
    double w[] = { 60, 35, 30, 55, 40, 35 };
    lb_item it[16];
    int k = 0;
    for (int i = 0; i < 6; i++) {
        if (i)
            it[k++] = (lb_item){ .type = LB_GLUE, .width = 6, .stretch = 3, .shrink = 2 };
        it[k++] = (lb_item)BOX(w[i]);
    }
    int br[17], gb[17];
    double r[17];
    CHECK_INT(lb_greedy(it, k, 100, 100, gb), 4);
    CHECK_INT(gb[0], 1);
    lb_params p = params(100, 3);
    CHECK_INT(lb_total_fit(it, k, &p, br, r), 3);
    CHECK_INT(br[0], 3);
    CHECK_INT(br[1], 7);
    CHECK_INT(br[2], k);
    CHECK(fabs(r[0] + 0.5) < 1e-9);
    CHECK(fabs(r[1] - 3) < 1e-9);
    CHECK(r[2] == 0);             /* the last line at its natural width */
}

void test_linebreak_total_fit_hyphen_and_forced(void)
{
    /* a flagged penalty is used when nothing else fits, and draws its
     * width; a forced break ends a line whatever it costs */
    lb_item it[] = { BOX(60), GLUE(6), BOX(30), { .type = LB_PENALTY, .width = 4, .penalty = 50, .flagged = 1 },
                     BOX(40), GLUE(6), BOX(20), { .type = LB_BREAK }, BOX(10) };
    int br[10];
    double r[10];
    lb_params p = params(100, 1);
    int lines = lb_total_fit(it, 9, &p, br, r);
    CHECK_INT(lines, 3);
    CHECK_INT(br[0], 3);          /* 60 30- (94 of 100) */
    CHECK_INT(br[1], 7);
    CHECK_INT(br[2], 9);
    /* too tight a tolerance for any break: no answer, the caller retries */
    lb_item tight[] = { BOX(10), GLUE(2), BOX(10), GLUE(2), BOX(10) };
    lb_params q = params(25, 0.1);
    CHECK_INT(lb_total_fit(tight, 5, &q, br, r), 0);
}

/* ---- an oracle: every way of breaking, demerits as TeX counts them -------- */

static double line_ratio(const lb_item *it, int from, int to, double measure, int last)
{
    double w = 0, y = 0, z = 0;
    for (int i = from; i < to; i++) {
        w += it[i].width;
        if (it[i].type == LB_GLUE) {
            y += it[i].stretch;
            z += it[i].shrink;
        }
    }
    if (w <= measure)
        return last ? 0 : (y > 0 ? (measure - w) / y : (w == measure ? 0 : HUGE_VAL));
    return z > 0 ? (measure - w) / z : -HUGE_VAL;
}

static int fitness(double r)
{
    return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

/* Demerits of breaking after each glue i with bit k of mask set. */
static double demerits_of(const lb_item *it, int n, unsigned mask, const lb_params *p)
{
    double total = 0;
    int from = 0, fit = 1, k = 0;
    for (int i = 0; i <= n; i++) {
        int is_break = i == n || (it[i].type == LB_GLUE && (mask >> k++ & 1));
        if (!is_break)
            continue;
        double r = line_ratio(it, from, i, p->measure, i == n);
        if (r < -1 || r > p->tolerance)
            return HUGE_VAL;
        double b = 100 * fabs(r) * fabs(r) * fabs(r);
        double d = (p->line_penalty + b) * (p->line_penalty + b);
        if (abs(fitness(r) - fit) > 1)
            d += p->fitness_demerits;
        fit = fitness(r);
        total += d;
        from = i + 1;
    }
    return total;
}

void test_linebreak_total_fit_is_optimal(void)
{
    srand(7);
    int differ = 0;
    for (int trial = 0; trial < 300; trial++) {
        int nw = 6 + rand() % 7;
        double w[16];
        for (int i = 0; i < nw; i++)
            w[i] = 10 + rand() % 50;
        lb_item it[32];
        int n = words(it, w, nw, 6), br[33], gb[33];
        double r[33];
        lb_params p = params(100, 3);
        int lines = lb_total_fit(it, n, &p, br, r);
        double best = HUGE_VAL;
        for (unsigned mask = 0; mask < 1u << (nw - 1); mask++) {
            double d = demerits_of(it, n, mask, &p);
            if (d < best)
                best = d;
        }
        if (best == HUGE_VAL) {
            CHECK_INT(lines, 0);
            continue;
        }
        CHECK(lines > 0);
        unsigned mask = 0;
        for (int k = 0; k < lines - 1; k++)
            mask |= 1u << (br[k] / 2);      /* glue i is the (i/2)th breakpoint */
        CHECK(fabs(demerits_of(it, n, mask, &p) - best) < 1e-6 * best);
        int g = lb_greedy(it, n, 100, 100, gb);
        differ += g != lines || gb[0] != br[0];
    }
    CHECK(differ > 0);            /* the two methods do part ways */
}

void test_linebreak_hyphen_runs(void)
{
    /* Four lines that can each end only at a hyphenation point: with at
     * most two hyphenated lines in a row there is no answer; with three
     * allowed there is. */
    lb_item it[16];
    int k = 0;
    for (int line = 0; line < 4; line++) {
        it[k++] = (lb_item){ .type = LB_BOX, .width = 96 };
        it[k++] = (lb_item){ .type = LB_PENALTY, .width = 4, .penalty = 50, .flagged = 1 };
    }
    it[k++] = (lb_item){ .type = LB_BOX, .width = 20 };
    int br[17];
    double r[17];
    lb_params p = params(100, 1);
    p.max_hyphen_run = 2;
    CHECK_INT(lb_total_fit(it, k, &p, br, r), 0);
    p.max_hyphen_run = 4;
    CHECK_INT(lb_total_fit(it, k, &p, br, r), 5);
}

void test_linebreak_final_hyphen(void)
{
    /* "40 24 20-|20" ends its last but one line in a hyphen (demerits
     * 10² + 50² + 10² = 2,700); "40 24 | 2020" leaves the first line loose
     * (ratio 30/30 = 1: (10 + 100)² + 10² = 12,200). Final-hyphen
     * demerits of 10,000 make the hyphen the dearer. */
    lb_item it[] = {
        { .type = LB_BOX, .width = 40 },
        { .type = LB_GLUE, .width = 6, .stretch = 30, .shrink = 2 },
        { .type = LB_BOX, .width = 24 },
        { .type = LB_GLUE, .width = 6, .stretch = 30, .shrink = 2 },
        { .type = LB_BOX, .width = 20 },
        { .type = LB_PENALTY, .width = 4, .penalty = 50, .flagged = 1 },
        { .type = LB_BOX, .width = 20 },
    };
    int br[8];
    double r[8];
    lb_params p = params(100, 10);
    CHECK_INT(lb_total_fit(it, 7, &p, br, r), 2);
    CHECK_INT(br[0], 5);
    p.final_hyphen_demerits = 10000;
    CHECK_INT(lb_total_fit(it, 7, &p, br, r), 2);
    CHECK_INT(br[0], 3);
}
