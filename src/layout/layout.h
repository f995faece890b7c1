/* layout.h - from the model and a template to pages of positioned boxes.
 *
 * Builds a galley (every line of the document, set to its measure, with
 * its height, the space above it and whether it must stay with the next
 * line), then cuts the galley into pages, then adds the cover and the
 * running header and footer. Measures text with the template's font
 * metrics; never calls the PDF library.
 */
#ifndef BP_LAYOUT_H
#define BP_LAYOUT_H

#include "arena.h"
#include "diag.h"
#include "dl.h"
#include "galley.h"
#include "model.h"
#include "style.h"

/* Lays out doc with template t; everything is allocated in a. Returns
 * NULL after reporting errors (a font that cannot be read). Warnings
 * (a character no font has) are reported and layout goes on. */
dl_doc *layout_run(const model_doc *doc, style_template *t, arena *a, layout_stats *stats, diag *dg);

#endif
