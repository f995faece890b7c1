/* test_image.c - JPEGs read to their end: what PDF readers decode and
 * libharu describes rightly passes, anything cut, damaged or of another
 * kind is refused with its reason, and nothing is read out of bounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "image.h"

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = malloc(1 << 16);
    *len = f && buf ? fread(buf, 1, 1 << 16, f) : 0;
    if (f)
        fclose(f);
    return buf;
}

static const char *decode(const unsigned char *d, size_t len, arena *a)
{
    static char err[300];
    return image_decode(d, len, "x.jpg", a, err, sizeof err) ? "" : err;
}

/* The offset of the first marker m (0xFFm) in d. */
static size_t marker(const unsigned char *d, size_t len, unsigned m)
{
    for (size_t i = 0; i + 1 < len; i++)
        if (d[i] == 0xFF && d[i + 1] == m)
            return i;
    return 0;
}

void test_image_jpeg_kinds(void)
{
    size_t len;
    unsigned char *jpg = slurp("tests/good/images/band.jpg", &len), *x = malloc(len + 16);
    arena *a = arena_new();
    char err[300];
    image *im = image_decode(jpg, len, "band.jpg", a, err, sizeof err);
    CHECK(im && im->kind == IMAGE_JPEG && im->width == 80 && im->height == 40 && im->components == 3);
    CHECK(im && im->jpeg_len == len);
    /* what follows the end-of-image marker is left out */
    memcpy(x, jpg, len);
    memcpy(x + len, "trailing", 8);
    im = image_decode(x, len + 8, "band.jpg", a, err, sizeof err);
    CHECK(im && im->jpeg_len == len);
    size_t sof = marker(jpg, len, 0xC0);
    static const struct { int at; unsigned char value; const char *why; } cases[] = {
        { 1, 0xC1, "" },                                            /* extended sequential */
        { 1, 0xC3, "'x.jpg' is a lossless JPEG" },
        { 1, 0xC5, "'x.jpg' is a hierarchical JPEG" },
        { 1, 0xC9, "'x.jpg' is an arithmetic-coded JPEG" },
        { 1, 0xC2, "'x.jpg' is a damaged JPEG: a scan header is malformed" },
        { 4, 12, "'x.jpg' is a JPEG of 12 bits a sample" },
        { 5, 0, "'x.jpg' is a JPEG that gives its height after its data" },
        { 9, 2, "'x.jpg' is a damaged JPEG: its frame header is malformed" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        memcpy(x, jpg, len);
        x[sof + (size_t)cases[k].at] = cases[k].value;
        if (cases[k].at == 5)
            x[sof + 6] = 0;
        const char *why = decode(x, len, a);
        CHECK(strncmp(why, cases[k].why, strlen(cases[k].why)) == 0 && (*why != 0) == (*cases[k].why != 0));
        if (strncmp(why, cases[k].why, strlen(cases[k].why)) != 0)
            fprintf(stderr, "  case %zu: %s\n", k, why);
    }
    arena_free(a);
    free(x);
    free(jpg);
}

/* Every prefix of a JPEG lacks its end and is refused; every byte of it
 * changed to a few telling values never reads outside the data. */
void test_image_jpeg_cut_and_changed(void)
{
    size_t len;
    unsigned char *jpg = slurp("tests/good/images/band.jpg", &len);
    arena *a = arena_new();
    int accepted = 0;
    for (size_t n = 0; n < len; n++) {
        unsigned char *cut = malloc(n ? n : 1);     /* exactly n bytes, for ASan */
        memcpy(cut, jpg, n);
        accepted += *decode(cut, n, a) == 0;
        free(cut);
    }
    CHECK_INT(accepted, 0);
    static const unsigned char values[] = { 0x00, 0x01, 0x02, 0x7F, 0xC2, 0xD9, 0xDA, 0xFF };
    unsigned char *x = malloc(len);
    for (size_t i = 2; i < len; i++)
        for (size_t v = 0; v < sizeof values; v++) {
            memcpy(x, jpg, len);
            x[i] = values[v];
            decode(x, len, a);
        }
    free(x);
    arena_free(a);
    free(jpg);
}
