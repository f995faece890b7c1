/* test_diag.c - messages in the compiler form, counted, strict, each
 * printed once. */
#include <stdio.h>

#include "check.h"
#include "diag.h"

/* What d printed into f since the start, the whole of it. */
static const char *said(FILE *f)
{
    static char buf[1024];
    fflush(f);
    rewind(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    return buf;
}

void test_diag_format(void)
{
    FILE *f = tmpfile();
    diag *d = diag_new(f, 0);
    diag_error(d, "r.xml", 12, 5, "unknown element <%s>", "tabel");
    diag_warning(d, "r.xml", 3, 0, "budget adds to %d", 399348);
    diag_error(d, NULL, 0, 0, "out of memory");
    CHECK_STR(said(f), "r.xml:12:5: error: unknown element <tabel>\n"
                       "r.xml:3: warning: budget adds to 399348\n"
                       "boardpress: error: out of memory\n");
    CHECK_INT(diag_errors(d), 2);
    CHECK_INT(diag_warnings(d), 1);
    diag_free(d);
    fclose(f);

    f = tmpfile();
    d = diag_new(f, 1);
    diag_warning(d, "r.xml", 3, 0, "budget adds to %d", 399348);
    CHECK_STR(said(f), "r.xml:3: error: budget adds to 399348\n");
    CHECK_INT(diag_errors(d), 1);
    CHECK_INT(diag_warnings(d), 0);
    diag_free(d);
    fclose(f);
}

/* A message raised again (a later layout pass meets the same text) is
 * printed and counted once; one raised first later is printed. */
void test_diag_once(void)
{
    FILE *f = tmpfile();
    diag *d = diag_new(f, 0);
    for (int pass = 0; pass < 3; pass++) {
        diag_warning(d, "r.xml", 7, 2, "U+%04X is not in font %s", 0x2603u, "a.ttf");
        if (pass == 2)
            diag_error(d, "r.xml", 9, 1, "<p> falls on page %d", 10001);
    }
    CHECK_STR(said(f), "r.xml:7:2: warning: U+2603 is not in font a.ttf\n"
                       "r.xml:9:1: error: <p> falls on page 10001\n");
    CHECK_INT(diag_warnings(d), 1);
    CHECK_INT(diag_errors(d), 1);
    /* the same words at another place are another message */
    diag_warning(d, "r.xml", 8, 2, "U+%04X is not in font %s", 0x2603u, "a.ttf");
    CHECK_INT(diag_warnings(d), 2);
    diag_free(d);
    fclose(f);
}
