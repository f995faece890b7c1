/* diag.c - formats and counts diagnostics. */
#include "diag.h"

#include <stdarg.h>

static int n_errors, n_warnings, strict, quiet;
static FILE *out;

void diag_report(diag_level level, const char *file, int line, int col,
                 const char *fmt, ...)
{
    if (quiet && level == DIAG_WARNING)
        return;
    if (strict)
        level = DIAG_ERROR;
    FILE *f = out ? out : stderr;
    if (file && *file) {
        fprintf(f, "%s:", file);
        if (line > 0)
            fprintf(f, "%d:", line);
        if (line > 0 && col > 0)
            fprintf(f, "%d:", col);
        fputc(' ', f);
    } else {
        fputs("boardpress: ", f);
    }
    fputs(level == DIAG_ERROR ? "error: " : "warning: ", f);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fputc('\n', f);
    if (level == DIAG_ERROR)
        n_errors++;
    else
        n_warnings++;
}

void diag_set_strict(int on) { strict = on; }
void diag_quiet(int on) { quiet = on; }
int diag_errors(void) { return n_errors; }
int diag_warnings(void) { return n_warnings; }
void diag_reset(void) { n_errors = n_warnings = 0; }
void diag_set_stream(FILE *f) { out = f; }
