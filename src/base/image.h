/* image.h - pictures a report places: PNG decoded and checked, JPEG
 * read to its end, checked and passed through. Loaded into the run's
 * arena, so that they live until the PDF is written. */
#ifndef BP_IMAGE_H
#define BP_IMAGE_H

#include <stddef.h>

#include "arena.h"
#include "file.h"

typedef enum { IMAGE_PNG, IMAGE_JPEG } image_kind;

typedef struct image {
    image_kind kind;
    const char *path;
    file_identity id;                     /* the file it was read from (image_load) */
    int width, height;              /* pixels */
    int components;                 /* JPEG: 1, 3 or 4 */
    unsigned char *pixels;          /* PNG: 8-bit RGB rows, composed onto white */
    unsigned char *jpeg;            /* JPEG: the file, up to its end-of-image marker */
    size_t jpeg_len;
} image;

/* Largest picture file, and most pixels a picture may have. */
#define IMAGE_MAX_BYTES (32L * 1024 * 1024)
#define IMAGE_MAX_PIXELS (40L * 1000 * 1000)

/* Decodes and checks the picture in data (path only names it in
 * messages); NULL with a sentence for the author in err when it is
 * damaged, too large or of a kind a PDF cannot hold. */
image *image_decode(const unsigned char *data, size_t len, const char *path, arena *a, char *err,
                    size_t errlen);

/* Reads the opened file h (closing it) and decodes it, as image_decode;
 * the image keeps h's identity. */
image *image_load(file_handle *h, const char *path, arena *a, char *err, size_t errlen);

#endif
