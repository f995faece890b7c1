/* image.c - pictures, checked before the PDF library sees them.
 *
 * libharu aborts the whole process on a corrupt PNG and draws 16-bit
 * ones garbled, so every PNG is decoded here with libpng (which checks
 * every chunk's CRC and the compressed data) into 8-bit RGB, any
 * transparency composed onto white paper. A JPEG is passed through as
 * it is (PDF readers decode it), so it is read here from its first
 * marker to its last: every segment, every scan's compressed data, up
 * to the end-of-image marker. libharu copies the file into the PDF
 * after reading only its frame header, and writes what it finds there
 * as the picture's size and bit depth, so only the JPEGs PDF readers
 * decode and libharu describes rightly are let through: Huffman-coded
 * baseline, extended and progressive pictures of 8 bits a sample with
 * 1, 3 or 4 components. Every failure is a sentence for the author.
 */
#include "image.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <setjmp.h>

#include "file.h"
#include "mem.h"

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
/* Whether every chunk's stated length lies within the file: libpng
 * allocates what a chunk claims (gigabytes, for a few bytes of file)
 * before it reads it. */
static int chunks_fit(const unsigned char *d, size_t len)
{
    size_t i = 8;
    while (i + 12 <= len) {
        size_t n = (size_t)d[i] << 24 | (size_t)d[i + 1] << 16 | (size_t)d[i + 2] << 8 | d[i + 3];
        if (n > len - i - 12)
            return 0;
        if (memcmp(d + i + 4, "IEND", 4) == 0)
            return 1;
        i += 12 + n;
    }
    return 1;                       /* cut short: libpng says where */
}

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
    /* set after setjmp and freed after a longjmp to it: volatile, or the
     * jump may restore them as NULL and leak what they hold */
    png_bytep *volatile rows = NULL;
    unsigned char *volatile rgba = NULL;
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        free(rows);
        free(rgba);
        snprintf(err, errlen, "'%s' is a damaged PNG: %s", path, why);
        return -1;
    }
    png_set_read_fn(png, &src, png_read_mem);
    if (!chunks_fit(data, len))
        png_error(png, "a chunk claims more bytes than the file holds");
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
    rgba = mem_alloc(mem_mul((size_t)w * h, 4), 1);
    rows = mem_alloc(h, sizeof *rows);
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


/* ---- JPEG ------------------------------------------------------------------ */

typedef struct jpeg_comp {
    int id, h, v, tq;               /* identifier, sampling factors, quantisation table */
} jpeg_comp;

typedef struct jpeg {
    const unsigned char *d;
    size_t len, at;                 /* the file, and the reader's place in it */
    int frame;                      /* the frame header's marker; 0 before it */
    int width, height, ncomp, hmax, vmax;
    jpeg_comp comp[4];
    unsigned qt, dc, ac;            /* bit k: table k defined */
    int scans;
    char why[160];                  /* what is wrong, after the file's name */
} jpeg;

static int jpeg_fail(jpeg *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int jpeg_fail(jpeg *j, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(j->why, sizeof j->why, fmt, ap);
    va_end(ap);
    return -1;
}

#define DAMAGED "is a damaged JPEG: "
#define RESAVE "; save it as a baseline or progressive JPEG"

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static unsigned long long ceil_div(unsigned long long a, unsigned long long b)
{
    return (a + b - 1) / b;
}

/* SOF0-2: the picture's size, depth and components. */
static int jpeg_frame(jpeg *j, const unsigned char *s, size_t n, int marker)
{
    if (j->frame)
        return jpeg_fail(j, DAMAGED "it has two frame headers");
    if (n < 6 || n != 6 + 3 * (size_t)s[5])
        return jpeg_fail(j, DAMAGED "its frame header is malformed");
    j->height = (int)be16(s + 1);
    j->width = (int)be16(s + 3);
    j->ncomp = s[5];
    if (s[0] != 8)
        return jpeg_fail(j, "is a JPEG of %d bits a sample; a PDF holds JPEGs of 8" RESAVE, s[0]);
    if (j->ncomp != 1 && j->ncomp != 3 && j->ncomp != 4)
        return jpeg_fail(j, "is a JPEG of %d components; a PDF holds JPEGs of 1 (grey), 3 (colour) "
                         "or 4 (CMYK)", j->ncomp);
    if (j->height == 0)
        return jpeg_fail(j, "is a JPEG that gives its height after its data (a DNL marker), which "
                         "the PDF library cannot read");
    if (j->width == 0)
        return jpeg_fail(j, DAMAGED "it is 0 pixels wide");
    if ((long long)j->width * j->height > IMAGE_MAX_PIXELS)
        return jpeg_fail(j, "has %d x %d pixels, more than the %ld million a picture may have", j->width,
                         j->height, IMAGE_MAX_PIXELS / 1000000);
    for (int k = 0; k < j->ncomp; k++) {
        const unsigned char *c = s + 6 + 3 * k;
        jpeg_comp jc = { c[0], c[1] >> 4, c[1] & 15, c[2] };
        if (jc.h < 1 || jc.h > 4 || jc.v < 1 || jc.v > 4 || jc.tq > 3)
            return jpeg_fail(j, DAMAGED "its frame header is malformed");
        for (int i = 0; i < k; i++)
            if (j->comp[i].id == jc.id)
                return jpeg_fail(j, DAMAGED "two components share an identifier");
        j->comp[k] = jc;
        j->hmax = jc.h > j->hmax ? jc.h : j->hmax;
        j->vmax = jc.v > j->vmax ? jc.v : j->vmax;
    }
    j->frame = marker;
    return 0;
}

/* DHT: one or more Huffman tables. */
static int jpeg_huffman(jpeg *j, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (n - i < 17 || s[i] >> 4 > 1 || (s[i] & 15) > 3)
            return jpeg_fail(j, DAMAGED "a Huffman table is malformed");
        size_t count = 0;
        for (int k = 1; k <= 16; k++)
            count += s[i + k];
        if (count > 256 || n - i - 17 < count)
            return jpeg_fail(j, DAMAGED "a Huffman table is malformed");
        if (s[i] >> 4)
            j->ac |= 1u << (s[i] & 15);
        else
            j->dc |= 1u << (s[i] & 15);
        i += 17 + count;
    }
    return 0;
}

/* DQT: one or more quantisation tables of 8 or 16 bits an entry. */
static int jpeg_quant(jpeg *j, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t size = 1 + 64 * (size_t)((s[i] >> 4) + 1);
        if (s[i] >> 4 > 1 || (s[i] & 15) > 3 || n - i < size)
            return jpeg_fail(j, DAMAGED "a quantisation table is malformed");
        j->qt |= 1u << (s[i] & 15);
        i += size;
    }
    return 0;
}

/* Blocks of 8 x 8 samples a scan of the ns components in sel codes. */
static unsigned long long jpeg_blocks(const jpeg *j, const int *sel, int ns)
{
    if (ns == 1) {
        const jpeg_comp *c = &j->comp[sel[0]];
        unsigned long long w = ceil_div((unsigned long long)j->width * c->h, (unsigned)j->hmax);
        unsigned long long h = ceil_div((unsigned long long)j->height * c->v, (unsigned)j->vmax);
        return ceil_div(w, 8) * ceil_div(h, 8);
    }
    unsigned long long mcus = ceil_div((unsigned)j->width, 8u * (unsigned)j->hmax) *
                              ceil_div((unsigned)j->height, 8u * (unsigned)j->vmax);
    unsigned per = 0;
    for (int k = 0; k < ns; k++)
        per += (unsigned)(j->comp[sel[k]].h * j->comp[sel[k]].v);
    return mcus * per;
}

/* SOS: which components a scan codes, with which tables, and which
 * coefficients. *dc_blocks gets the blocks whose DC coefficient it codes:
 * each takes at least one bit of the data that follows. */
static int jpeg_scan_header(jpeg *j, const unsigned char *s, size_t n, unsigned long long *dc_blocks)
{
    if (!j->frame)
        return jpeg_fail(j, DAMAGED "its picture data comes before its frame header");
    int ns = n ? s[0] : 0;
    if (ns < 1 || ns > 4 || n != 4 + 2 * (size_t)ns)
        return jpeg_fail(j, DAMAGED "a scan header is malformed");
    int ss = s[1 + 2 * ns], se = s[2 + 2 * ns], ah = s[3 + 2 * ns] >> 4, al = s[3 + 2 * ns] & 15;
    int progressive = j->frame == 0xC2;
    if (progressive ? (ss > se || se > 63 || (ss == 0 && se != 0) || (ss > 0 && ns != 1) || ah > 13 || al > 13)
                    : (ss != 0 || se != 63 || ah != 0 || al != 0))
        return jpeg_fail(j, DAMAGED "a scan header is malformed");
    int sel[4];
    for (int k = 0; k < ns; k++) {
        int c = 0;
        while (c < j->ncomp && j->comp[c].id != s[1 + 2 * k])
            c++;
        for (int i = 0; i < k; i++)
            if (c < j->ncomp && sel[i] == c)
                c = j->ncomp;
        if (c == j->ncomp)
            return jpeg_fail(j, DAMAGED "a scan names a component the frame does not have");
        if (!(j->qt >> j->comp[c].tq & 1))
            return jpeg_fail(j, DAMAGED "a component's quantisation table is never given");
        int td = s[2 + 2 * k] >> 4, ta = s[2 + 2 * k] & 15;
        if ((ss == 0 && ah == 0 && (td > 3 || !(j->dc >> td & 1))) || (se > 0 && (ta > 3 || !(j->ac >> ta & 1))))
            return jpeg_fail(j, DAMAGED "a scan uses a Huffman table that is never given");
        sel[k] = c;
    }
    *dc_blocks = ss == 0 ? jpeg_blocks(j, sel, ns) : 0;
    return 0;
}

/* The compressed data after a scan header, up to the marker that ends
 * it: stuffed bytes (FF 00) and restart markers are part of it. */
static int jpeg_entropy(jpeg *j, unsigned long long dc_blocks)
{
    unsigned long long bytes = 0;
    size_t i = j->at;
    for (;;) {
        const unsigned char *ff = memchr(j->d + i, 0xFF, j->len - i);
        if (!ff || (size_t)(ff - j->d) + 1 >= j->len)
            return jpeg_fail(j, DAMAGED "it is cut off in its picture data");
        bytes += (size_t)(ff - j->d) - i;
        i = (size_t)(ff - j->d);
        unsigned m = j->d[i + 1];
        if (m != 0x00 && (m < 0xD0 || m > 0xD7))
            break;
        bytes += m == 0x00;
        i += 2;
    }
    j->at = i;
    if (bytes * 8 < dc_blocks)
        return jpeg_fail(j, DAMAGED "its picture data is too short for its %d x %d pixels", j->width, j->height);
    return 0;
}

static int jpeg_segment(jpeg *j, unsigned marker, const unsigned char *s, size_t n)
{
    unsigned long long dc_blocks = 0;
    switch (marker) {
    case 0xC0: case 0xC1: case 0xC2:
        return jpeg_frame(j, s, n, (int)marker);
    case 0xC3: case 0xCB:
        return jpeg_fail(j, "is a lossless JPEG, which PDF readers cannot show" RESAVE);
    case 0xC5: case 0xC6: case 0xC7: case 0xCD: case 0xCE: case 0xCF: case 0xDE: case 0xDF:
        return jpeg_fail(j, "is a hierarchical JPEG, which PDF readers cannot show" RESAVE);
    case 0xC9: case 0xCA:
        return jpeg_fail(j, "is an arithmetic-coded JPEG, which many PDF readers cannot show" RESAVE);
    case 0xF7:
        return jpeg_fail(j, "is a JPEG-LS picture, which PDF readers cannot show" RESAVE);
    case 0xC4:
        return jpeg_huffman(j, s, n);
    case 0xDB:
        return jpeg_quant(j, s, n);
    case 0xDD:
        return n == 2 ? 0 : jpeg_fail(j, DAMAGED "its restart interval is malformed");
    case 0xDA:
        j->scans++;
        return jpeg_scan_header(j, s, n, &dc_blocks) == 0 ? jpeg_entropy(j, dc_blocks) : -1;
    case 0xCC: case 0xFE:
        return 0;                   /* arithmetic conditioning (unused here), comments */
    default:
        if (marker >= 0xE0 && marker <= 0xEF)
            return 0;               /* application data: JFIF, Exif, ICC, Adobe */
        return jpeg_fail(j, DAMAGED "it has a marker (0xFF%02X) that has no place in a picture", marker);
    }
}

/* Reads the file from its start-of-image marker to its end-of-image
 * marker; j->at is then just past the end. */
static int jpeg_read(jpeg *j)
{
    j->at = 2;
    for (;;) {
        if (j->at >= j->len)
            return jpeg_fail(j, DAMAGED "it is cut off before its end-of-image marker");
        if (j->d[j->at] != 0xFF)
            return jpeg_fail(j, DAMAGED "a marker is missing at byte %zu", j->at);
        size_t fill = 0;
        while (j->at < j->len && j->d[j->at] == 0xFF)
            j->at++, fill++;
        if (j->at >= j->len)
            return jpeg_fail(j, DAMAGED "it is cut off before its end-of-image marker");
        unsigned m = j->d[j->at++];
        /* libharu reads every marker before the frame header as two bytes
         * and a length: padding or a marker without a length misleads it */
        if (!j->frame && (fill > 1 || m == 0x01))
            return jpeg_fail(j, "has padding before its frame header, which the PDF library misreads" RESAVE);
        if (m == 0xD9)
            return j->scans ? 0 : jpeg_fail(j, DAMAGED "it has no picture data");
        if (m == 0x01)
            continue;
        if (m == 0x00 || m == 0xD8 || (m >= 0xD0 && m <= 0xD7))
            return jpeg_fail(j, DAMAGED "a marker (0xFF%02X) stands out of place at byte %zu", m, j->at - 2);
        if (j->len - j->at < 2 || be16(j->d + j->at) > j->len - j->at)
            return jpeg_fail(j, DAMAGED "it is cut off inside a marker segment");
        size_t seg = be16(j->d + j->at);
        if (seg < 2)
            return jpeg_fail(j, DAMAGED "a marker segment is shorter than its length field");
        const unsigned char *s = j->d + j->at + 2;
        j->at += seg;
        if (jpeg_segment(j, m, s, seg - 2) != 0)
            return -1;
    }
}

static int decode_jpeg(image *im, arena *a, const unsigned char *data, size_t len, const char *path,
                       char *err, size_t errlen)
{
    jpeg j = { .d = data, .len = len };
    if (jpeg_read(&j) != 0) {
        snprintf(err, errlen, "'%s' %s", path, j.why);
        return -1;
    }
    im->width = j.width;
    im->height = j.height;
    im->components = j.ncomp;
    /* what follows the end-of-image marker is no part of the picture */
    im->jpeg_len = j.at;
    im->jpeg = arena_alloc(a, j.at);
    memcpy(im->jpeg, data, j.at);
    return 0;
}

/* ---- entry points ---------------------------------------------------------- */

image *image_decode(const unsigned char *data, size_t len, const char *path, arena *a, char *err,
                    size_t errlen)
{
    if (!path)
        path = "(picture)";
    image *im = arena_alloc(a, sizeof *im);
    im->path = arena_strdup(a, path);
    int rc;
    if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0) {
        im->kind = IMAGE_PNG;
        rc = decode_png(im, a, data, len, path, err, errlen);
    } else if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) {
        im->kind = IMAGE_JPEG;
        rc = decode_jpeg(im, a, data, len, path, err, errlen);
    } else {
        snprintf(err, errlen, "'%s' is neither a PNG nor a JPEG picture", path);
        rc = -1;
    }
    return rc == 0 ? im : NULL;
}

image *image_load(file_handle *h, const char *path, arena *a, char *err, size_t errlen)
{
    char why[FILE_WHY_MAX];
    size_t len = 0;
    file_identity id = h->id;
    unsigned char *data = file_take(h, IMAGE_MAX_BYTES, &len, why, sizeof why);
    if (!data) {
        snprintf(err, errlen, "'%s' %s", path, why);
        return NULL;
    }
    image *im = image_decode(data, len, path, a, err, errlen);
    free(data);
    if (im)
        im->id = id;
    return im;
}
