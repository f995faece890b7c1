/* linebreak.c - where a paragraph's lines end: total fit over boxes, glue and
 * penalties (Knuth and Plass), with first fit as the last resort. */
#include "linebreak.h"

#include "mem.h"

int lb_greedy(const lb_item *items, int n, double first_measure, double measure, int *breaks)
{
    int lines = 0;
    double width = 0, pending_glue = 0;
    double limit = first_measure + LB_FIT_EPSILON;
    int line_has_box = 0, last_glue = -1;    /* the last glue or allowed penalty */
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
        } else if (it->type == LB_PENALTY) {
            /* a place a word may break (a hyphen, or between the parts of
             * a word too wide for the measure) */
            if (line_has_box && it->penalty < LB_INF_PENALTY)
                last_glue = i;
        } else if (line_has_box && width + pending_glue + it->width > limit && last_glue >= 0) {
            /* The box does not fit: end the line at the last glue or
             * penalty, and start the next line with the boxes after it. */
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

/* ---- total fit ---------------------------------------------------------------- */

#include <math.h>
#include <stdlib.h>

#define LB_FITNESS 4
#define LB_MAX_RUN 8

/* A feasible break: where it is, what led to it, what it cost. */
typedef struct lb_node {
    int pos;                        /* item index of the break; -1 for the start */
    int start;                      /* first item of the line after it */
    int line;                       /* lines before this break */
    int fitness, run;               /* tightness class; hyphenated lines in a row */
    int prev;                       /* the node before, or -1 */
    double demerits, ratio;         /* total so far; the ratio of the line ending here */
} lb_node;

typedef struct lb_state {
    const lb_item *items;
    int n;
    const lb_params *p;
    double *w, *y, *z;              /* prefix sums of widths, stretch, shrink */
    lb_node *nodes;
    int nnodes, cap;
    int *active;
    int nactive, active_cap;
} lb_state;

static int lb_push_node(lb_state *s, lb_node node)
{
    s->nodes = mem_grow_int(s->nodes, &s->cap, s->nnodes + 1, sizeof *s->nodes);
    s->nodes[s->nnodes] = node;
    return s->nnodes++;
}

static void lb_activate(lb_state *s, int node)
{
    s->active = mem_grow_int(s->active, &s->active_cap, s->nactive + 1, sizeof *s->active);
    s->active[s->nactive++] = node;
}

static int lb_is_break(const lb_state *s, int i)
{
    if (i == s->n)
        return 1;
    const lb_item *it = &s->items[i];
    if (it->type == LB_BREAK)
        return 1;
    if (it->type == LB_PENALTY)
        return it->penalty < LB_INF_PENALTY;
    return it->type == LB_GLUE && i > 0 && s->items[i - 1].type == LB_BOX;
}

/* The first item of the line after a break at i: glue and penalties
 * after a break are discarded, as in TeX. */
static int lb_line_start(const lb_state *s, int i)
{
    int j = i + 1;
    while (j < s->n && (s->items[j].type == LB_GLUE || s->items[j].type == LB_PENALTY))
        j++;
    return j;
}

/* Adjustment ratio of the line from node a to a break at i; forced
 * breaks (and the paragraph's end) have infinite stretch. */
static double lb_ratio(const lb_state *s, const lb_node *a, int i, int forced)
{
    const lb_params *p = s->p;
    double measure = a->line == 0 ? p->first_measure : p->measure;
    int from = a->start > i ? i : a->start;
    double natural = s->w[i] - s->w[from];
    if (i < s->n && s->items[i].type == LB_PENALTY)
        natural += s->items[i].width;
    if (natural <= measure + LB_FIT_EPSILON) {
        if (forced)
            return 0;
        double stretch = s->y[i] - s->y[from] + p->line_stretch;
        if (natural >= measure - LB_FIT_EPSILON)
            return 0;
        return stretch > 0 ? (measure - natural) / stretch : HUGE_VAL;
    }
    double shrink = s->z[i] - s->z[from];
    return shrink > 0 ? (measure - natural) / shrink : -HUGE_VAL;
}

static int lb_fitness(double r)
{
    return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

static double lb_demerits(const lb_state *s, const lb_node *a, int i, double r)
{
    const lb_params *p = s->p;
    double badness = 100 * fabs(r) * fabs(r) * fabs(r);
    if (badness > LB_INF_PENALTY)
        badness = LB_INF_PENALTY;
    double d = (p->line_penalty + badness) * (p->line_penalty + badness);
    const lb_item *it = i < s->n ? &s->items[i] : NULL;
    if (it && it->type == LB_PENALTY) {
        if (it->penalty >= 0)
            d += it->penalty * it->penalty;
        else if (it->penalty > -LB_INF_PENALTY)
            d -= it->penalty * it->penalty;
        if (it->flagged && a->pos >= 0 && s->items[a->pos].type == LB_PENALTY &&
            s->items[a->pos].flagged)
            d += p->flagged_demerits;
    }
    if (abs(lb_fitness(r) - a->fitness) > 1)
        d += p->fitness_demerits;
    if (i == s->n && a->pos >= 0 && s->items[a->pos].type == LB_PENALTY && s->items[a->pos].flagged)
        d += p->final_hyphen_demerits;
    return d;
}

/* Considers every active node as the start of a line ending at i, and
 * makes the best new node for each fitness class and hyphen run. */
static void lb_try_break(lb_state *s, int i)
{
    const lb_params *p = s->p;
    int forced = i == s->n || s->items[i].type == LB_BREAK;
    int flagged = i < s->n && s->items[i].type == LB_PENALTY && s->items[i].flagged;
    int max_run = p->max_hyphen_run > 0 && p->max_hyphen_run < LB_MAX_RUN ? p->max_hyphen_run : LB_MAX_RUN;
    double best[LB_FITNESS][LB_MAX_RUN + 1];
    int best_from[LB_FITNESS][LB_MAX_RUN + 1];
    double best_ratio[LB_FITNESS][LB_MAX_RUN + 1];
    for (int f = 0; f < LB_FITNESS; f++)
        for (int r = 0; r <= LB_MAX_RUN; r++)
            best_from[f][r] = -1;
    int kept = 0;
    for (int k = 0; k < s->nactive; k++) {
        const lb_node *a = &s->nodes[s->active[k]];
        double r = lb_ratio(s, a, i, forced);
        if (r >= -1 && r <= p->tolerance) {
            int run = flagged ? a->run + 1 : 0;
            if (run <= max_run) {
                double d = a->demerits + lb_demerits(s, a, i, r);
                int f = lb_fitness(r);
                if (best_from[f][run] < 0 || d < best[f][run]) {
                    best[f][run] = d;
                    best_from[f][run] = s->active[k];
                    best_ratio[f][run] = r;
                }
            }
        }
        /* a line already too long stays too long; after a forced break
         * nothing before it can start a line */
        if (r >= -1 && !forced)
            s->active[kept++] = s->active[k];
    }
    s->nactive = kept;
    for (int f = 0; f < LB_FITNESS; f++)
        for (int r = 0; r <= LB_MAX_RUN; r++) {
            if (best_from[f][r] < 0)
                continue;
            const lb_node *a = &s->nodes[best_from[f][r]];
            lb_node node = { .pos = i, .start = lb_line_start(s, i), .line = a->line + 1,
                             .fitness = f, .run = r, .prev = best_from[f][r],
                             .demerits = best[f][r], .ratio = best_ratio[f][r] };
            lb_activate(s, lb_push_node(s, node));
        }
}

int lb_total_fit(const lb_item *items, int n, const lb_params *p, int *breaks, double *ratios)
{
    lb_state s = { .items = items, .n = n, .p = p };
    s.w = mem_alloc(mem_mul((size_t)n + 1, 3), sizeof(double));
    s.y = s.w + n + 1;
    s.z = s.y + n + 1;
    s.w[0] = s.y[0] = s.z[0] = 0;
    for (int i = 0; i < n; i++) {
        const lb_item *it = &items[i];
        int counts = it->type == LB_BOX || it->type == LB_GLUE;
        s.w[i + 1] = s.w[i] + (counts ? it->width : 0);
        s.y[i + 1] = s.y[i] + (it->type == LB_GLUE ? it->stretch : 0);
        s.z[i + 1] = s.z[i] + (it->type == LB_GLUE ? it->shrink : 0);
    }
    lb_node start = { .pos = -1, .start = 0, .line = 0, .fitness = 1, .prev = -1 };
    lb_activate(&s, lb_push_node(&s, start));
    int lines = 0;
    for (int i = 0; i <= n && s.nactive > 0; i++) {
        if (!lb_is_break(&s, i))
            continue;
        lb_try_break(&s, i);
        if (i == n) {
            /* the paragraph's end: the cheapest way to reach it */
            int best = -1;
            for (int k = 0; k < s.nactive; k++)
                if (s.nodes[s.active[k]].pos == n &&
                    (best < 0 || s.nodes[s.active[k]].demerits < s.nodes[best].demerits))
                    best = s.active[k];
            if (best >= 0) {
                lines = s.nodes[best].line;
                for (int at = best, k = lines - 1; at >= 0 && k >= 0; at = s.nodes[at].prev, k--) {
                    breaks[k] = s.nodes[at].pos;
                    ratios[k] = s.nodes[at].ratio;
                }
            }
        }
    }
    free(s.w);
    free(s.nodes);
    free(s.active);
    return lines;
}
