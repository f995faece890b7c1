/* date.h - the dates a PDF carries: the report's own (<date iso=>) and
 * SOURCE_DATE_EPOCH, both checked to be real days within the years a
 * PDF date can be written in (1970 to 9999), so that the document
 * information and the XMP packet always say the same. */
#ifndef BP_DATE_H
#define BP_DATE_H

#include <stddef.h>

/* The last second a PDF date can hold: 9999-12-31T23:59:59Z. */
#define DATE_MAX_EPOCH 253402300799LL

/* Reads an ISO date, YYYY-MM-DD, into *y, *m, *d: 0, or -1 with why
 * saying what is wrong ("2011 has no 29 February", "there is no month
 * 13"). why may be NULL. */
int date_parse_iso(const char *s, int *y, int *m, int *d, char *why, size_t whylen);

/* Reads SOURCE_DATE_EPOCH's value s: a whole number of seconds from
 * 1970 to DATE_MAX_EPOCH, digits only. 0 with *epoch, or -1. */
int date_parse_epoch(const char *s, long long *epoch);

#endif
