/* test_hyph.c - British hyphenation and the rules on top of it. */
#include <string.h>

#include "check.h"
#include "hyph.h"

#define PATTERNS "/usr/share/hyphen/hyph_en_GB.dic"

static int points(hyph *h, const char *w, int *pts)
{
    return hyph_points(h, w, strlen(w), pts);
}

void test_hyph_words(void)
{
    char err[100];
    hyph *h = hyph_load(PATTERNS, 2, 3, err, sizeof err);
    CHECK(h != NULL);
    if (!h)
        return;
    int p[64];
    int n = points(h, "safeguarding", p);
    CHECK(n >= 2);
    /* every point leaves at least 2 letters before and 3 after */
    for (int i = 0; i < n; i++)
        CHECK(p[i] >= 2 && p[i] <= 12 - 3);
    /* British patterns: "safe-guard-ing" */
    int found = 0;
    for (int i = 0; i < n; i++)
        found |= p[i] == 4;
    CHECK(found);
    n = points(h, "Safeguarding", p);   /* capitalised at a sentence start */
    CHECK(n >= 2);
    CHECK_INT(points(h, "the", p), 0);  /* too short to split 2 + 3 */
    hyph_free(h);
}

void test_hyph_never_inside(void)
{
    char err[100];
    hyph *h = hyph_load(PATTERNS, 2, 3, err, sizeof err);
    CHECK(h != NULL);
    if (!h)
        return;
    int p[64];
    CHECK_INT(points(h, "www.kscb.org.uk", p), 0);           /* web address */
    CHECK_INT(points(h, "sally.mortimore@medway.gov.uk", p), 0);  /* email */
    CHECK_INT(points(h, "1,275,154", p), 0);                 /* number */
    CHECK_INT(points(h, "SAFEGUARDING", p), 0);              /* all capitals */
    CHECK_INT(points(h, "CAFCASS", p), 0);                   /* acronym */
    CHECK_INT(points(h, "2012/13", p), 0);
    CHECK_INT(points(h, "Section11", p), 0);                 /* word with digits */
    CHECK_INT(points(h, "multi-agency", p), 0);              /* explicit hyphen */
    hyph_free(h);
}

void test_hyph_each_word_once(void)
{
    char err[100];
    hyph *h = hyph_load(PATTERNS, 2, 3, err, sizeof err);
    CHECK(h != NULL);
    if (!h)
        return;
    int p[64], q[64];
    int a = points(h, "partnership", p);
    for (int k = 0; k < 1000; k++)
        CHECK_INT(points(h, "partnership", q), a);
    points(h, "improvement", q);
    CHECK_INT(hyph_lookups(h), 2);      /* two distinct words, two look-ups */
    hyph_free(h);
    CHECK(hyph_load("/nonexistent.dic", 2, 3, err, sizeof err) == NULL);
}
