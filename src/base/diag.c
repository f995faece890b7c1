/* diag.c - formats, prints once and counts diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

struct diag {
    FILE *out;
    int strict;
    int errors, warnings;
    char **seen;                    /* messages printed: a set, open addressing */
    size_t nseen, cap;
};

diag *diag_new(FILE *out, int strict)
{
    diag *d = mem_alloc(1, sizeof *d);
    d->out = out ? out : stderr;
    d->strict = strict;
    return d;
}

void diag_free(diag *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->cap; i++)
        free(d->seen[i]);
    free(d->seen);
    free(d);
}

static size_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)h;
}

/* Whether line was printed before; records it. */
static int seen(diag *d, const char *line)
{
    if (2 * (d->nseen + 1) > d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 64;
        char **set = mem_alloc(cap, sizeof *set);
        for (size_t i = 0; i < d->cap; i++) {
            if (!d->seen[i])
                continue;
            size_t k = hash(d->seen[i]) % cap;
            while (set[k])
                k = (k + 1) % cap;
            set[k] = d->seen[i];
        }
        free(d->seen);
        d->seen = set;
        d->cap = cap;
    }
    size_t k = hash(line) % d->cap;
    for (; d->seen[k]; k = (k + 1) % d->cap)
        if (strcmp(d->seen[k], line) == 0)
            return 1;
    size_t len = strlen(line);
    d->seen[k] = mem_alloc(len + 1, 1);
    memcpy(d->seen[k], line, len + 1);
    d->nseen++;
    return 0;
}

void diag_report(diag *d, diag_level level, const char *file, int line, int col,
                 const char *fmt, ...)
{
    if (d->strict)
        level = DIAG_ERROR;
    const char *kind = level == DIAG_ERROR ? "error: " : "warning: ";
    char place[64] = "";
    if (file && *file && line > 0 && col > 0)
        snprintf(place, sizeof place, ":%d:%d", line, col);
    else if (file && *file && line > 0)
        snprintf(place, sizeof place, ":%d", line);
    const char *name = file && *file ? file : "boardpress";
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    size_t head = strlen(name) + strlen(place) + 2 + strlen(kind);
    size_t len = head + (n > 0 ? (size_t)n : 0);
    char *msg = mem_alloc(len + 1, 1);
    snprintf(msg, head + 1, "%s%s: %s", name, place, kind);
    if (n > 0) {
        va_start(ap, fmt);
        vsnprintf(msg + head, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    if (!seen(d, msg)) {
        fprintf(d->out, "%s\n", msg);
        if (level == DIAG_ERROR)
            d->errors++;
        else
            d->warnings++;
    }
    free(msg);
}

int diag_errors(const diag *d) { return d->errors; }
int diag_warnings(const diag *d) { return d->warnings; }
