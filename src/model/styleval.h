/* styleval.h - reading a template's values: lengths, numbers, colours,
 * flags and style names, each checked where it stands, and the checks
 * of the template as a whole. Every bad value is a located error.
 */
#ifndef BP_STYLEVAL_H
#define BP_STYLEVAL_H

#include <libxml/tree.h>

#include "diag.h"
#include "style.h"

/* The largest length a PDF page may have (200 inches), and the largest
 * plain number (a cost or a ratio) a template may give. */
#define STYLE_MAX_LENGTH 14400.0
#define STYLE_MAX_NUMBER 1e6

/* A template being read. */
typedef struct loader {
    style_template *t;
    arena *a;
    const char *dir;                /* template's folder, for font paths */
    int errors;
    diag *dg;                       /* where errors are reported */
} loader;

/* Attribute name of x, copied into a; NULL when absent. */
const char *sv_attr(xmlNodePtr x, const char *name, arena *a);
/* Reports value as bad for x ("<style>: not a colour '#12'"). */
void sv_bad(loader *L, xmlNodePtr x, const char *what, const char *value);
/* Each reads attribute name of x into *out: 1 when present and good, 0
 * when absent or bad (a bad value is reported and counted in L). A
 * length is a number with pt, mm, cm or in (points when bare), finite
 * and within a page's reach, below 0 only where negative allows. A style
 * reference is -1 (reported) when no style has the name. */
int sv_any_length(loader *L, xmlNodePtr x, const char *name, double *out, int negative);
int sv_length(loader *L, xmlNodePtr x, const char *name, double *out);
int sv_integer(loader *L, xmlNodePtr x, const char *name, int *out);
int sv_number(loader *L, xmlNodePtr x, const char *name, double *out);
int sv_flag(loader *L, xmlNodePtr x, const char *name, int *out);
int sv_colour(loader *L, xmlNodePtr x, const char *name, uint32_t *out);
int sv_style_ref(loader *L, xmlNodePtr x, const char *name, int *out);
/* <flow>'s attributes of running text: quotes= (four characters),
 * minus= (one) and float= (the blocks that may float). */
void sv_quotes(loader *L, xmlNodePtr x);
void sv_minus(loader *L, xmlNodePtr x);
void sv_floats(loader *L, xmlNodePtr x);
/* A style name that must be given. */
void sv_need_style(loader *L, xmlNodePtr x, const char *name, int *out);
/* v with its spaces as no-break spaces: a separator is printed as
 * written. */
const char *sv_keep_spaces(loader *L, const char *v);
/* Reports attributes of x not in allowed (NULL-terminated). */
void sv_attrs_ok(loader *L, xmlNodePtr x, const char *const *allowed);
/* Sizes that fit the page the template describes. */
void sv_check_geometry(loader *L, xmlNodePtr root);
/* What layout relies on being present. */
void sv_check_complete(loader *L, xmlNodePtr root);

#endif
