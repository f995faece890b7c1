/* linebreak.c - first-fit line filling over boxes and glue. */
#include "linebreak.h"

int lb_greedy(const lb_item *items, int n, double first_measure, double measure, int *breaks)
{
    int lines = 0;
    double width = 0, pending_glue = 0;
    double limit = first_measure + LB_FIT_EPSILON;
    int line_has_box = 0, last_glue = -1;
    for (int i = 0; i < n; i++) {
        const lb_item *it = &items[i];
        if (it->type == LB_BREAK) {
            breaks[lines++] = i;
            width = pending_glue = 0;
            line_has_box = 0;
            last_glue = -1;
            limit = measure + LB_FIT_EPSILON;
        } else if (it->type == LB_GLUE) {
            if (line_has_box) {
                pending_glue += it->width;
                last_glue = i;
            }
        } else if (line_has_box && width + pending_glue + it->width > limit && last_glue >= 0) {
            /* The box does not fit: end the line at the last glue, and
             * start the next line with the boxes after it. */
            breaks[lines++] = last_glue;
            width = 0;
            for (int k = last_glue + 1; k <= i; k++)
                if (items[k].type == LB_BOX)
                    width += items[k].width;
            pending_glue = 0;
            last_glue = -1;
            limit = measure + LB_FIT_EPSILON;
        } else {
            width += pending_glue + it->width;
            pending_glue = 0;
            line_has_box = 1;
        }
    }
    if (lines == 0 || breaks[lines - 1] != n - 1 || items[n - 1].type != LB_BREAK)
        breaks[lines++] = n;
    return lines;
}
