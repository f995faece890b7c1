/* pdfa.h - what PDF/A-1b adds to a PDF: the XMP packet (the document's
 * information again, escaped, and the claim of conformance), the sRGB
 * output intent, and a file identifier derived from the content, so that
 * the same report gives the same bytes.
 */
#ifndef BP_PDFA_H
#define BP_PDFA_H

#include <hpdf.h>

#include "dl.h"

/* The XMP packet every file carries: d's information, its language and
 * the PDF/UA identifier, with the PDF/A claim (and the schema PDF/A
 * asks to be described) when pdfa. 0, or -1 (memory ran out). */
int pdfa_metadata(HPDF_Doc pdf, const dl_doc *d, int pdfa);

/* What else PDF/A adds to pdf for d: the output intent from the ICC
 * profile at icc_profile, called condition (NULL: sRGB), and the file
 * identifier: 0, or -1 (the profile cannot be read, or memory ran out). */
int pdfa_write(HPDF_Doc pdf, const dl_doc *d, const char *icc_profile, const char *condition);

/* A date both the information dictionary (D:YYYY...) and the XMP packet
 * can write alike: from 1970 to the end of 9999. */
int pdfa_writable_date(long long when);

#endif
