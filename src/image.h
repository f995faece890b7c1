/* image.h - pictures a report places: PNG decoded and checked, JPEG
 * checked and passed through. Loaded into the run's arena, so that they
 * live until the PDF is written. */
#ifndef BP_IMAGE_H
#define BP_IMAGE_H

#include <stddef.h>

#include "arena.h"

typedef enum { IMAGE_PNG, IMAGE_JPEG } image_kind;

typedef struct image {
    image_kind kind;
    const char *path;
    int width, height;              /* pixels */
    int components;                 /* JPEG: 1, 3 or 4 */
    unsigned char *pixels;          /* PNG: 8-bit RGB rows, composed onto white */
    unsigned char *jpeg;            /* JPEG: the file */
    size_t jpeg_len;
} image;

/* Loads and checks the picture at path; NULL with a sentence for the
 * author in err when it is missing, unreadable, damaged or of another
 * kind. */
image *image_load(const char *path, arena *a, char *err, size_t errlen);

/* The same for a file already in memory (data is not kept: a JPEG is
 * copied into the arena); path names it in messages. */
image *image_decode(const unsigned char *data, size_t len, const char *path, arena *a, char *err,
                    size_t errlen);

#endif
