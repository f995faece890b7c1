/* test_label.c - counter styles and template placeholders. */
#include <string.h>

#include "check.h"
#include "label.h"

void test_label_numbers(void)
{
    char b[32];
    label_number(b, sizeof b, 4, 'i'); CHECK_STR(b, "iv");
    label_number(b, sizeof b, 1994, 'I'); CHECK_STR(b, "MCMXCIV");
    label_number(b, sizeof b, 3, 'a'); CHECK_STR(b, "c");
    label_number(b, sizeof b, 27, 'A'); CHECK_STR(b, "AA");
    label_number(b, sizeof b, 12, '1'); CHECK_STR(b, "12");
    label_number(b, sizeof b, 0, 'i'); CHECK_STR(b, "0");
}

static int lookup(void *ctx, const char *key, const char **str, long *num)
{
    (void)ctx;
    if (strcmp(key, "board") == 0) { *str = "Medway SCB"; return 1; }
    if (strcmp(key, "1") == 0) { *num = 3; return 1; }
    if (strcmp(key, "2") == 0) { *num = 2; return 1; }
    return 0;
}

void test_label_expand(void)
{
    arena *a = arena_new();
    CHECK_STR(label_expand(a, "{1}.{2}", lookup, NULL), "3.2");
    CHECK_STR(label_expand(a, "Appendix {1:A}", lookup, NULL), "Appendix C");
    CHECK_STR(label_expand(a, "{board} – page", lookup, NULL), "Medway SCB – page");
    /* an unknown key stays visible rather than vanishing */
    CHECK_STR(label_expand(a, "{nope}!", lookup, NULL), "{nope}!");
    CHECK_STR(label_expand(a, "no braces", lookup, NULL), "no braces");
    CHECK_STR(label_expand(a, "open { only", lookup, NULL), "open { only");
    arena_free(a);
}
