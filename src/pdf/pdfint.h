/* pdfint.h - the few places the PDF library is used past its public API.
 *
 * libharu has no API for a tagged PDF's structure tree, marked content,
 * a font's ToUnicode map, XMP metadata, an output intent, a Unicode
 * document title or a file identifier derived from the content. Those
 * are built from the library's own object functions on the document's
 * memory manager and cross-reference table, which only its private
 * structures give. Every such access is here, each saying why, so that
 * a new version of the library is checked in one file.
 */
#ifndef BP_PDFINT_H
#define BP_PDFINT_H

#include <stddef.h>

#include <hpdf.h>

/* The document's memory manager, which every object the library makes
 * must come from (objects the public API has no function for). */
HPDF_MMgr pdfi_mmgr(HPDF_Doc pdf);
/* The cross-reference table: an object added to it is written as an
 * indirect object, which a structure element or a stream must be. */
HPDF_Xref pdfi_xref(HPDF_Doc pdf);
/* The catalog (StructTreeRoot, MarkInfo, Lang, Metadata, OutputIntents),
 * the information dictionary (its strings in UTF-16, which the public
 * setters do not write) and the trailer (the file identifier). */
HPDF_Dict pdfi_catalog(HPDF_Doc pdf);
HPDF_Dict pdfi_info(HPDF_Doc pdf);
HPDF_Dict pdfi_trailer(HPDF_Doc pdf);
/* Leaves code out of the single-byte encoding name's /Differences: the
 * library lists DEL (127), which no font has a glyph for, as /.notdef,
 * a name PDF/UA and PDF/A refuse there; no text ever uses the code. */
void pdfi_encoder_undefined(HPDF_Doc pdf, const char *name, int code);

/* A new stream object, its filter: HPDF_STREAM_FILTER_FLATE_DECODE or
 * HPDF_STREAM_FILTER_NONE (metadata a reader must see as text); and the
 * stream its data is written to. NULL when out of memory. */
HPDF_Dict pdfi_stream_new(HPDF_Doc pdf);
void pdfi_stream_filter(HPDF_Dict stream, HPDF_UINT filter);
HPDF_Stream pdfi_stream_data(HPDF_Dict stream);

/* Writes operators into page's content stream as they are (marked
 * content, which the public API has no operator for): 0, or -1. */
int pdfi_page_write(HPDF_Page page, const char *ops);

/* An MD5 digest, with the library's own implementation (the file
 * identifier): begin, add bytes, end with the 16 bytes of the digest. */
typedef struct pdfi_digest pdfi_digest;
pdfi_digest *pdfi_digest_begin(void);
void pdfi_digest_add(pdfi_digest *d, const void *bytes, size_t n);
void pdfi_digest_end(pdfi_digest *d, unsigned char out[16]);

#endif
