/* test_diag.c - messages in the compiler form, counted, strict. */
#include <stdio.h>

#include "check.h"
#include "diag.h"

static const char *capture(void (*emit)(void))
{
    static char buf[512];
    FILE *f = tmpfile();
    diag_set_stream(f);
    emit();
    diag_set_stream(NULL);
    rewind(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void emit_error(void) { diag_error("r.xml", 12, 5, "unknown element <%s>", "tabel"); }
static void emit_warning(void) { diag_warning("r.xml", 3, 0, "budget adds to %d", 399348); }

void test_diag_format(void)
{
    diag_reset();
    CHECK_STR(capture(emit_error), "r.xml:12:5: error: unknown element <tabel>\n");
    CHECK_STR(capture(emit_warning), "r.xml:3: warning: budget adds to 399348\n");
    CHECK_INT(diag_errors(), 1);
    CHECK_INT(diag_warnings(), 1);
    diag_set_strict(1);
    CHECK_STR(capture(emit_warning), "r.xml:3: error: budget adds to 399348\n");
    diag_set_strict(0);
    CHECK_INT(diag_errors(), 2);
    diag_reset();
}
