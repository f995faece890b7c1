/* image.c - pictures, checked before the PDF library sees them.
 *
 * libharu aborts the whole process on a corrupt PNG and draws 16-bit
 * ones garbled, so every PNG is decoded here with libpng (which checks
 * every chunk's CRC and the compressed data) into 8-bit RGB, any
 * transparency composed onto white paper. A JPEG is passed through as
 * it is, after its markers have been read far enough to know its size
 * and colour model. Every failure is a sentence for the author.
 */
#include "image.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <setjmp.h>

#define IMAGE_MAX_BYTES (32L * 1024 * 1024)
#define IMAGE_MAX_PIXELS (40L * 1000 * 1000)

static unsigned char *read_all(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    unsigned char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            unsigned char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                snprintf(err, errlen, "out of memory reading '%s'", path);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0 && n <= (size_t)IMAGE_MAX_BYTES);
    fclose(f);
    if (n > (size_t)IMAGE_MAX_BYTES) {
        free(buf);
        snprintf(err, errlen, "'%s' is larger than %ld MB", path, IMAGE_MAX_BYTES >> 20);
        return NULL;
    }
    *len = n;
    return buf;
}

typedef struct png_source {
    const unsigned char *data;
    size_t len, at;
} png_source;

static void png_read_mem(png_structp png, png_bytep out, png_size_t n)
{
    png_source *src = png_get_io_ptr(png);
    if (n > src->len - src->at)
        png_error(png, "the file ends early");
    memcpy(out, src->data + src->at, n);
    src->at += n;
}

static void png_on_error(png_structp png, png_const_charp msg)
{
    char *err = png_get_error_ptr(png);
    snprintf(err, 200, "%s", msg);
    png_longjmp(png, 1);
}

static void png_on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

/* Decodes with libpng's own reader, which checks every chunk: 16-bit
 * channels are scaled to 8 (not treated as linear light, as libpng's
 * simplified reader would), palettes and grey expanded to RGB, and any
 * alpha composed onto white here. */
static int decode_png(image *im, arena *a, const unsigned char *data, size_t len, const char *path,
                      char *err, size_t errlen)
{
    char why[200] = "";
    png_source src = { data, len, 0 };
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, why, png_on_error, png_on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info) {
        png_destroy_read_struct(&png, &info, NULL);
        snprintf(err, errlen, "out of memory decoding '%s'", path);
        return -1;
    }
    png_bytep *rows = NULL;
    unsigned char *rgba = NULL;
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        free(rows);
        free(rgba);
        snprintf(err, errlen, "'%s' is a damaged PNG: %s", path, why);
        return -1;
    }
    png_set_read_fn(png, &src, png_read_mem);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    if ((long)w * h > IMAGE_MAX_PIXELS || w == 0 || h == 0)
        png_error(png, "too many pixels");
    png_set_scale_16(png);
    png_set_expand(png);                    /* palette, low-bit grey, tRNS */
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)w * 4)
        png_error(png, "unexpected row layout");
    rgba = malloc((size_t)w * h * 4);
    rows = malloc(sizeof *rows * h);
    if (!rgba || !rows)
        png_error(png, "out of memory");
    for (png_uint_32 y = 0; y < h; y++)
        rows[y] = rgba + (size_t)y * w * 4;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    im->pixels = arena_alloc(a, (size_t)w * h * 3);
    for (size_t i = 0; i < (size_t)w * h; i++) {
        unsigned alpha = rgba[4 * i + 3];
        for (int k = 0; k < 3; k++)
            im->pixels[3 * i + k] = (unsigned char)((rgba[4 * i + k] * alpha + 255 * (255 - alpha) + 127) / 255);
    }
    free(rows);
    free(rgba);
    im->width = (int)w;
    im->height = (int)h;
    return 0;
}

/* Reads a JPEG's markers up to its frame header: size and components. */
static int check_jpeg(image *im, const unsigned char *d, size_t len, const char *path, char *err,
                      size_t errlen)
{
    size_t i = 2;
    while (i + 4 <= len) {
        if (d[i] != 0xFF) {
            snprintf(err, errlen, "'%s' is a damaged JPEG (a marker is missing)", path);
            return -1;
        }
        unsigned marker = d[i + 1];
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            i += 2;
            continue;
        }
        size_t seg = (size_t)d[i + 2] << 8 | d[i + 3];
        if (seg < 2 || i + 2 + seg > len)
            break;
        if ((marker >= 0xC0 && marker <= 0xC3) || (marker >= 0xC5 && marker <= 0xC7) ||
            (marker >= 0xC9 && marker <= 0xCB) || (marker >= 0xCD && marker <= 0xCF)) {
            if (seg < 8)
                break;
            im->height = d[i + 5] << 8 | d[i + 6];
            im->width = d[i + 7] << 8 | d[i + 8];
            im->components = d[i + 9];
            if (im->width == 0 || im->height == 0 ||
                (im->components != 1 && im->components != 3 && im->components != 4)) {
                snprintf(err, errlen, "'%s' is a JPEG of a kind that cannot be placed", path);
                return -1;
            }
            return 0;
        }
        i += 2 + seg;
    }
    snprintf(err, errlen, "'%s' is a damaged or truncated JPEG", path);
    return -1;
}

image *image_decode(const unsigned char *data, size_t len, const char *path, arena *a, char *err,
                    size_t errlen)
{
    image *im = arena_alloc(a, sizeof *im);
    im->path = path;
    int rc;
    if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0) {
        im->kind = IMAGE_PNG;
        rc = decode_png(im, a, data, len, path, err, errlen);
    } else if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) {
        im->kind = IMAGE_JPEG;
        rc = check_jpeg(im, data, len, path, err, errlen);
        im->jpeg = arena_alloc(a, len);
        memcpy(im->jpeg, data, len);
        im->jpeg_len = len;
    } else {
        snprintf(err, errlen, "'%s' is neither a PNG nor a JPEG picture", path);
        rc = -1;
    }
    return rc == 0 ? im : NULL;
}

image *image_load(const char *path, arena *a, char *err, size_t errlen)
{
    size_t len = 0;
    unsigned char *data = read_all(path, &len, err, errlen);
    if (!data)
        return NULL;
    image *im = image_decode(data, len, path, a, err, errlen);
    free(data);
    return im;
}
