/* hyph.h - where words may be hyphenated.
 *
 * Liang's patterns through libhyphen (Debian's hyphen-en-gb patterns by
 * default), with the rules a board paper needs on top: never inside web
 * or email addresses, numbers, words with digits or all-capital
 * acronyms; no fragment shorter than the template's minimums. Each
 * distinct word is looked up once per run and remembered.
 */
#ifndef BP_HYPH_H
#define BP_HYPH_H

#include <stddef.h>

typedef struct hyph hyph;

/* Loads the pattern file at path; NULL with a reason in err on failure.
 * left and right are the shortest fragments allowed, in characters. */
hyph *hyph_load(const char *path, int left, int right, char *err, size_t errlen);
void hyph_free(hyph *h);

/* The points where word[0..len) may be hyphenated: byte offsets (a
 * hyphen goes before the byte at each), ascending, written to points (room
 * for len) and counted in the result. 0 when the word must not be
 * hyphenated. */
int hyph_points(hyph *h, const char *word, size_t len, int *points);

/* Distinct words looked up in the patterns so far (for the tests). */
long hyph_lookups(const hyph *h);

#endif
