/* anchor.h - where headings and elements with ids landed, and the
 * references that cite them.
 *
 * Page numbers are known only once pages are cut, so layout runs in
 * passes: each pass records an anchor for every heading and every
 * element with an id, the page breaker fills in its page, and the next
 * pass prints contents entries and references from those anchors.
 */
#ifndef BP_ANCHOR_H
#define BP_ANCHOR_H

#include "lay.h"

/* Records an anchor for n on the first line written into g after before. */
void anchor_add(ctx *c, galley *g, const gline *before, const model_node *n, const char *label,
                const char *title, int level);
/* The anchor a recorded for n, or NULL. */
const anchor *anchor_find(const anchors *a, const model_node *n);
/* The element with the given id, or NULL. */
const model_node *anchor_target(const ctx *c, const char *id);
/* The most a reference prints of a number or a title, in bytes. */
#define ANCHOR_REF_MAX 120

/* The text a <ref> prints; sets *target to the anchor it links to. */
const char *anchor_ref_text(ctx *c, const model_node *ref, const anchor **target);
/* A page's number as printed: roman in the front matter, else counted from
 * the body's first page. */
const char *anchor_page_label(ctx *c, const anchors *a, int page);

#endif
