/* template.h - reading a template: the look of a report (pages, fonts,
 * styles, numbering, furniture) from an XML file, every value checked
 * where it stands.
 *
 * The template is small and trusted no more than a report: it is read
 * with the same safe libxml2 options, and every bad value is an error
 * located in the template, so a typo never silently becomes a default.
 */
#ifndef BP_TEMPLATE_H
#define BP_TEMPLATE_H

#include "diag.h"
#include "style.h"

/* Reads the template in buf (all of it: unknown styles named by base=
 * or by a role are errors located in the template); path names it in
 * messages, and the files it names (fonts, patterns, profile) are found
 * relative to path's folder. Returns NULL after reporting into dg. */
style_template *template_parse(const char *buf, size_t len, const char *path, arena *a, diag *dg);

/* Reads the template file at path (a regular file, anywhere: one the
 * user or the installation chose) with template_parse. */
style_template *template_load(const char *path, arena *a, diag *dg);

/* Largest template accepted, in bytes. */
#define TEMPLATE_MAX_BYTES (4L * 1024 * 1024)

/* Resolves --template NAME|PATH: a value with a '/' or ending in ".xml"
 * is a path; otherwise templates/NAME.xml in the installation. The
 * result is arena-allocated. */
const char *template_find(const char *name, arena *a);

#endif
