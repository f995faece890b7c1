/* diag.h - diagnostics in the form compilers use:
 *     file:line:col: error: message
 * Every stage reports through here so that the counts decide the exit
 * status in one place. Column 0 means "unknown" and is left out. */
#ifndef BP_DIAG_H
#define BP_DIAG_H

typedef enum { DIAG_WARNING, DIAG_ERROR } diag_level;

void diag_report(diag_level level, const char *file, int line, int col,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#define diag_error(file, line, col, ...) diag_report(DIAG_ERROR, file, line, col, __VA_ARGS__)
#define diag_warning(file, line, col, ...) diag_report(DIAG_WARNING, file, line, col, __VA_ARGS__)

/* With strict on, warnings are reported as errors (--strict). */
void diag_set_strict(int on);

/* While quiet, warnings are neither reported nor counted: layout's later
 * passes meet the same text again and must not say the same thing
 * twice. Errors are always reported: a pass stops at its first. */
void diag_quiet(int on);

/* Errors and warnings reported since the last diag_reset. */
int diag_errors(void);
int diag_warnings(void);
void diag_reset(void);

/* Where messages go (stderr by default); tests capture them. */
#include <stdio.h>
void diag_set_stream(FILE *f);

#endif
