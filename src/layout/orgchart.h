/* orgchart.h - a <structure> drawn as an organisation chart. */
#ifndef BP_ORGCHART_H
#define BP_ORGCHART_H

#include "lay.h"

void org_chart(ctx *c, galley *g, const model_node *n, frame f);

#endif
