/* fuzz_image.c - libFuzzer over picture checking: the input is a file
 * a report names as a picture. image_decode() must either refuse it with
 * a sentence for the author, or accept it as a picture the PDF library
 * takes: a PNG as sensible dimensions and every pixel written, a JPEG
 * with its size and 1, 3 or 4 components, loaded by libharu without an
 * error (image.c's promise: never a damaged picture for libharu). Any
 * crash, hang, leak or broken promise (an abort here) is a bug. Built
 * and run by `make fuzz FUZZ_TARGET=image`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "arena.h"
#include "image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void broken(const char *what, const char *err)
{
    fprintf(stderr, "fuzz_image: %s (%s)\n", what, err);
    abort();
}

static void on_pdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    HPDF_STATUS *status = user;
    if (!status[0]) {
        status[0] = error;
        status[1] = detail;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena *a = arena_new();
    char err[300] = "";
    image *im = image_decode(data, size, "fuzz.img", a, err, sizeof err);
    if (!im) {
        if (!err[0])
            broken("refused without a reason", "");
        arena_free(a);
        return 0;
    }
    if (im->width <= 0 || im->height <= 0)
        broken("accepted a picture without a size", err);
    HPDF_STATUS status[2] = { 0, 0 };
    HPDF_Doc pdf = HPDF_New(on_pdf_error, status);
    HPDF_Image pi = NULL;
    if (im->kind == IMAGE_PNG) {
        if (!im->pixels)
            broken("accepted a PNG without pixels", err);
        /* every byte is read, so that ASan sees a buffer shorter than
         * width x height x 3 (the sum keeps the loop from being dropped) */
        size_t n = (size_t)im->width * (size_t)im->height * 3;
        unsigned sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += im->pixels[i];
        if (sum == 0xFFFFFFFFu)
            fputc('.', stderr);
        if (pdf)
            pi = HPDF_LoadRawImageFromMem(pdf, im->pixels, (HPDF_UINT)im->width, (HPDF_UINT)im->height,
                                          HPDF_CS_DEVICE_RGB, 8);
    } else {
        if (im->components != 1 && im->components != 3 && im->components != 4)
            broken("accepted a JPEG of an unplaceable kind", err);
        /* passed through as it is, up to its end-of-image marker (what
         * follows that marker is left out) */
        if (!im->jpeg || im->jpeg_len > size || im->jpeg_len < 4 || memcmp(im->jpeg, data, im->jpeg_len) != 0 ||
            im->jpeg[im->jpeg_len - 2] != 0xFF || im->jpeg[im->jpeg_len - 1] != 0xD9)
            broken("a JPEG is not passed through as it is, up to its end", err);
        if (pdf)
            pi = HPDF_LoadJpegImageFromMem(pdf, im->jpeg, (HPDF_UINT)im->jpeg_len);
    }
    if (pdf && (!pi || status[0])) {
        char why[64];
        snprintf(why, sizeof why, "libharu error 0x%04X, detail %u", (unsigned)status[0], (unsigned)status[1]);
        broken("accepted a picture the PDF library refuses", why);
    }
    if (pdf)
        HPDF_Free(pdf);
    arena_free(a);
    return 0;
}
