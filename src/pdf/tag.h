/* tag.h - the structure tree of a tagged PDF.
 *
 * Render draws each display-list item inside a marked-content sequence
 * that this module opens and closes: page furniture and decoration as
 * artifacts, everything else under the structure element the item names
 * (a heading, a paragraph, a list item, a table cell, a figure with its
 * alternative text). At the end the tree of those elements, and the
 * map from each page's marked content back to them, go into the
 * document, so that screen readers read the report in its own order.
 */
#ifndef BP_TAG_H
#define BP_TAG_H

#include <hpdf.h>

#include "dl.h"

typedef struct tagger tagger;

/* A tagger for pdf, whose structure tree has document at its top, for
 * npages pages and nlinks link annotations; NULL when out of memory. */
tagger *tag_new(HPDF_Doc pdf, const dl_struct *document, int npages, int nlinks);

/* Starts page index (0-based) of the document. */
int tag_page(tagger *t, HPDF_Page page, int index);

/* Opens the marked content for it on page (inside the text object for
 * text, outside one for anything else); tag_close ends it. */
int tag_open(tagger *t, HPDF_Page page, const dl_item *it);
int tag_close(tagger *t, HPDF_Page page);

/* Puts a link's annotation on page into the structure: into the Link
 * element of the text drawn just before it, or a Link of its own. */
int tag_link(tagger *t, HPDF_Page page, HPDF_Annotation annot);

/* Writes the structure tree and marks the document as tagged. */
int tag_finish(tagger *t);

/* Whether tagging stopped at a limit of the PDF: 1 with where it stopped
 * (NULL: the document) and the reason, else 0. */
int tag_failure(const tagger *t, const dl_where **at, const char **why);

void tag_free(tagger *t);

/* A PDF text string in UTF-16BE with its byte order mark: the one form
 * every reader shows right for any character (the library would write
 * UTF-8 bytes as PDFDocEncoding). */
HPDF_Binary tag_text_string(HPDF_Doc pdf, const char *utf8);

#endif
