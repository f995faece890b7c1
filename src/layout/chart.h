/* chart.h - bar, stacked-bar, line and pie charts drawn from the report's
 * figures, as one band with its caption and legend.
 */
#ifndef BP_CHART_H
#define BP_CHART_H

#include "lay.h"

/* A <chart>. */
void chart_block(ctx *c, galley *g, const model_node *n, frame f);
/* The round scale a chart draws on: from start to end in steps of 1, 2,
 * 2.5 or 5 times a power of ten, about target steps. */
void chart_ticks(double lo, double hi, int target, double *start, double *end, double *step);

#endif
