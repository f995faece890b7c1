/* label.h - numbers and placeholders in template strings.
 *
 * Templates write labels and running text as formats: "{1}.{2}" for a
 * section number, "Appendix {1:A}", "{n:i}." for a roman list label,
 * "Page {page} of {pages}", "{board}". A placeholder is {key} or
 * {key:style}, where style is 1 (arabic), i/I (roman), a/A (letters).
 */
#ifndef BP_LABEL_H
#define BP_LABEL_H

#include <stddef.h>

#include "arena.h"

/* Writes value in the given style ('1', 'i', 'I', 'a', 'A') to out.
 * Values below 1 are written in arabic whatever the style. */
void label_number(char *out, size_t size, long value, char style);

/* Answers a placeholder: sets *str (text) or *num (a number formatted by
 * the placeholder's style) and returns 1, or returns 0 for an unknown key,
 * which is then kept literally so that the mistake shows. key lasts only
 * for the call: a lookup that keeps it must copy it. */
typedef int (*label_lookup)(void *ctx, const char *key, const char **str, long *num);

/* fmt with every placeholder replaced; arena-allocated. */
const char *label_expand(arena *a, const char *fmt, label_lookup lookup, void *ctx);

#endif
