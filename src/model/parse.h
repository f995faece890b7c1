/* parse.h - reading a report: libxml2 with safe options, RelaxNG
 * validation against the built-in schema, and the model tree.
 *
 * Safe means: no network, no DTD loading, no entity expansion, and a
 * document with a DOCTYPE declaration is refused outright (the vocabulary
 * needs none, and every entity attack starts there). Never lays out,
 * never touches the PDF.
 */
#ifndef BP_PARSE_H
#define BP_PARSE_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Reads the report at path into a model allocated in a. On failure
 * reports located errors into dg and returns NULL. */
model_doc *parse_file(const char *path, arena *a, diag *dg);

/* The same for a report already in memory; name is used in messages. */
model_doc *parse_memory(const char *buf, size_t len, const char *name, arena *a, diag *dg);

/* Largest report accepted, in bytes. */
#define PARSE_MAX_BYTES (64L * 1024 * 1024)

/* Releases libxml2's global state at exit. */
void parse_shutdown(void);

#endif
