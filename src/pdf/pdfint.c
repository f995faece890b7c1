/* pdfint.c - the library's private structures, read in one place (see
 * pdfint.h). Written against libharu 2.3.0. */
#include "pdfint.h"

#include <stdlib.h>

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_encrypt.h>
#include <hpdf_pages.h>

#include "mem.h"

/* HPDF_Doc is a pointer to the document's private record; the library
 * exports no getter for its memory manager. */
HPDF_MMgr pdfi_mmgr(HPDF_Doc pdf)
{
    return pdf->mmgr;
}

/* Nor for its cross-reference table (HPDF_Xref_Add needs it). */
HPDF_Xref pdfi_xref(HPDF_Doc pdf)
{
    return pdf->xref;
}

/* The catalog: the public API sets only page layout, mode and labels on
 * it, none of the keys a tagged or archival PDF needs. */
HPDF_Dict pdfi_catalog(HPDF_Doc pdf)
{
    return pdf->catalog;
}

/* The information dictionary: HPDF_SetInfoAttr writes its strings in the
 * document's encoding, not the UTF-16 every reader shows right. */
HPDF_Dict pdfi_info(HPDF_Doc pdf)
{
    return pdf->info;
}

/* The trailer: the library's /ID comes from the clock, so a file would
 * differ run to run; the public API cannot set another. */
HPDF_Dict pdfi_trailer(HPDF_Doc pdf)
{
    return pdf->trailer;
}

/* A stream object: the public API makes streams only for pages, images
 * and fonts. */
HPDF_Dict pdfi_stream_new(HPDF_Doc pdf)
{
    return HPDF_DictStream_New(pdf->mmgr, pdf->xref);
}

/* Its filter is a field of the dictionary's record, with no setter. */
void pdfi_stream_filter(HPDF_Dict stream, HPDF_UINT filter)
{
    stream->filter = filter;
}

/* Its data, likewise a field. */
HPDF_Stream pdfi_stream_data(HPDF_Dict stream)
{
    return stream->stream;
}

/* A page's content stream is a field of its private attributes; the
 * public API writes only the operators it knows, and BDC/EMC are not
 * among them. */
int pdfi_page_write(HPDF_Page page, const char *ops)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    return HPDF_Stream_WriteStr(attr->stream, ops) == HPDF_OK ? 0 : -1;
}

/* The digest behind the library's encryption, declared only in its
 * internal header. */
struct pdfi_digest {
    HPDF_MD5_CTX md5;
};

pdfi_digest *pdfi_digest_begin(void)
{
    pdfi_digest *d = mem_alloc(1, sizeof *d);
    HPDF_MD5Init(&d->md5);
    return d;
}

void pdfi_digest_add(pdfi_digest *d, const void *bytes, size_t n)
{
    HPDF_MD5Update(&d->md5, (const HPDF_BYTE *)bytes, (HPDF_UINT)n);
}

void pdfi_digest_end(pdfi_digest *d, unsigned char out[16])
{
    HPDF_MD5Final(out, &d->md5);
    free(d);
}

void pdfi_encoder_undefined(HPDF_Doc pdf, const char *name, int code)
{
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, name);
    if (!enc || enc->type != HPDF_ENCODER_TYPE_SINGLE_BYTE || code < 0 || code > 255)
        return;
    HPDF_BasicEncoderAttr attr = (HPDF_BasicEncoderAttr)enc->attr;
    attr->differences[code] = 0;
    attr->has_differences = HPDF_FALSE;
    for (int k = 0; k < 256; k++)
        if (attr->differences[k])
            attr->has_differences = HPDF_TRUE;
}
