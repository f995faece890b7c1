/* xml_mutator.h - a structure-aware libFuzzer mutator for XML inputs
 * (reports and templates). Byte mutations rarely keep a report valid
 * against the schema, so most never get past it; these mutations work on
 * the tree: an attribute set to a value at the edge of its type, an
 * element repeated (rows, cells, units, items by the dozen), nested in
 * itself (lists in lists), moved, dropped, a text replaced by a long word
 * or a figure at the limit, a reference pointed at another id. A share of
 * calls still goes to libFuzzer's own byte mutations (dictionary words,
 * cross-over); FUZZ_XML_MUTATOR=0 in the environment leaves them all
 * to it. */
#ifndef BP_XML_MUTATOR_H
#define BP_XML_MUTATOR_H

#include <stddef.h>
#include <stdint.h>

/* Values to try for the attribute called name: a NULL-terminated list. */
typedef struct xml_values {
    const char *name;
    const char *const *values;
} xml_values;

/* Mutates the XML document in data (size bytes, room for max_size) in
 * place and returns its new size. values ends with a { NULL, NULL };
 * texts is a NULL-terminated list of text to put in place of an
 * element's text. */
size_t xml_mutate(uint8_t *data, size_t size, size_t max_size, unsigned int seed,
                  const xml_values *values, const char *const *texts);

/* libFuzzer's own mutations, for the share of calls left to them. */
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

#endif
