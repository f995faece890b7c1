/* foot.h - notes at the foot of the page their marker falls on.
 *
 * Where the template puts notes at the page's foot, the notes met while
 * the body was set wait in the galley; once it is set, each is set at
 * the text block's full width and hung on the line that holds its
 * marker (a table's band, a floating block's line alike), for the page
 * breaker to place under a rule at that page's foot (page.c).
 */
#ifndef BP_FOOT_H
#define BP_FOOT_H

#include "lay.h"

/* Sets g's waiting notes and hangs each on the line of g that holds its
 * marker; a note whose marker no line holds is set at g's end. */
void foot_attach(ctx *c, galley *g);

#endif
