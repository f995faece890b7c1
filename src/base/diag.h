/* diag.h - diagnostics in the form compilers use:
 *     file:line:col: error: message
 * Every stage reports into one context, which counts what it printed, so
 * that the counts decide the exit status in one place. Each message is
 * printed once, however often it is raised: layout's passes meet the same
 * text again and say nothing twice, while a message a later pass raises
 * first is printed and counted. Column 0 means "unknown" and is left out.
 */
#ifndef BP_DIAG_H
#define BP_DIAG_H

#include <stdio.h>

typedef enum { DIAG_WARNING, DIAG_ERROR } diag_level;

typedef struct diag diag;

/* A context printing to out (stderr when NULL); strict reports warnings
 * as errors (--strict). */
diag *diag_new(FILE *out, int strict);
void diag_free(diag *d);

void diag_report(diag *d, diag_level level, const char *file, int line, int col,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#define diag_error(d, file, line, col, ...) diag_report(d, DIAG_ERROR, file, line, col, __VA_ARGS__)
#define diag_warning(d, file, line, col, ...) diag_report(d, DIAG_WARNING, file, line, col, __VA_ARGS__)

/* Errors and warnings printed. */
int diag_errors(const diag *d);
int diag_warnings(const diag *d);

#endif
