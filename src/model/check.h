/* check.h - what a report means, beyond what the schema can say.
 *
 * Runs after parse on the model: ids are unique, list numbering is
 * sensible. Reports located errors and warnings; never lays out.
 */
#ifndef BP_CHECK_H
#define BP_CHECK_H

#include "diag.h"
#include "model.h"

/* Checks doc, reporting into dg; returns the number of errors. */
int check_run(const model_doc *doc, diag *dg);

#endif
