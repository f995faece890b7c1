/* styleval.c - a template's values, each checked where it stands, and
 * the checks of the template as a whole (see styleval.h).
 */
#include "styleval.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "utf8.h"

/* ---- values -------------------------------------------------------------- */

const char *sv_attr(xmlNodePtr x, const char *name, arena *a)
{
    xmlChar *v = xmlGetProp(x, (const xmlChar *)name);
    if (!v)
        return NULL;
    const char *s = arena_strdup(a, (const char *)v);
    xmlFree(v);
    return s;
}

void sv_bad(loader *L, xmlNodePtr x, const char *what, const char *value)
{
    diag_error(L->dg, L->t->path, x->line, 0, "<%s>: %s '%s'", x->name, what, value);
    L->errors++;
}

/* A length: a number with pt, mm, cm or in (points when bare), finite
 * and within a PDF page's reach; below 0 only where allowed (an indent
 * hanging left, a mark lowered). */
int sv_any_length(loader *L, xmlNodePtr x, const char *name, double *out, int negative)
{
    const char *v = sv_attr(x, name, L->a);
    if (!v)
        return 0;
    char *end;
    double d = strtod(v, &end);
    double scale = 1.0;
    if (strcmp(end, "mm") == 0) scale = 72.0 / 25.4;
    else if (strcmp(end, "cm") == 0) scale = 72.0 / 2.54;
    else if (strcmp(end, "in") == 0) scale = 72.0;
    else if (strcmp(end, "pt") != 0 && *end) {
        sv_bad(L, x, "not a length (use pt, mm, cm or in):", v);
        return 0;
    }
    if (end == v || !isfinite(d) || fabs(d * scale) > STYLE_MAX_LENGTH) {
        sv_bad(L, x, "not a length (at most 200in):", v);
        return 0;
    }
    if (d < 0 && !negative) {
        sv_bad(L, x, "a length below 0 is not allowed here:", v);
        return 0;
    }
    *out = d * scale;
    return 1;
}

int sv_length(loader *L, xmlNodePtr x, const char *name, double *out)
{
    return sv_any_length(L, x, name, out, 0);
}

int sv_integer(loader *L, xmlNodePtr x, const char *name, int *out)
{
    const char *v = sv_attr(x, name, L->a);
    if (!v)
        return 0;
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < 0 || n > 1000) {
        sv_bad(L, x, "not a whole number:", v);
        return 0;
    }
    *out = (int)n;
    return 1;
}

/* A plain decimal number (a ratio or a cost). */
int sv_number(loader *L, xmlNodePtr x, const char *name, double *out)
{
    const char *v = sv_attr(x, name, L->a);
    if (!v)
        return 0;
    char *end;
    double d = strtod(v, &end);
    if (end == v || *end || !(d >= 0) || d > STYLE_MAX_NUMBER) {
        sv_bad(L, x, "not a number (0 to 1,000,000):", v);
        return 0;
    }
    *out = d;
    return 1;
}

int sv_flag(loader *L, xmlNodePtr x, const char *name, int *out)
{
    const char *v = sv_attr(x, name, L->a);
    if (!v)
        return 0;
    if (strcmp(v, "yes") == 0) *out = 1;
    else if (strcmp(v, "no") == 0) *out = 0;
    else { sv_bad(L, x, "expected yes or no, not", v); return 0; }
    return 1;
}

int sv_colour(loader *L, xmlNodePtr x, const char *name, uint32_t *out)
{
    const char *v = sv_attr(x, name, L->a);
    if (!v)
        return 0;
    if (strcmp(v, "none") == 0) {
        *out = STYLE_NONE;
        return 1;
    }
    char *end;
    unsigned long c = v[0] == '#' ? strtoul(v + 1, &end, 16) : 0;
    if (v[0] != '#' || strlen(v) != 7 || *end) {
        sv_bad(L, x, "not a colour (#rrggbb):", v);
        return 0;
    }
    *out = (uint32_t)c;
    return 1;
}

/* Sets *out to the style named by attribute name: 1 done, 0 no such
 * attribute, -1 no such style (reported). */
int sv_style_ref(loader *L, xmlNodePtr x, const char *name, int *out)
{
    const char *v = sv_attr(x, name, L->a);
    if (!v)
        return 0;
    int i = style_lookup(L->t, v);
    if (i < 0) {
        sv_bad(L, x, "no style is called", v);
        return -1;
    }
    *out = i;
    return 1;
}

/* A style= the element cannot do without. */
void sv_need_style(loader *L, xmlNodePtr x, const char *name, int *out)
{
    if (sv_style_ref(L, x, name, out) == 0)
        sv_bad(L, x, "needs the attribute", name);
}

/* Template separators are printed as written: their spaces must not
 * collapse as running text's do, so they become no-break spaces. */
const char *sv_keep_spaces(loader *L, const char *v)
{
    size_t spaces = 0;
    for (const char *p = v; *p; p++)
        spaces += *p == ' ';
    char *out = arena_alloc(L->a, strlen(v) + spaces + 1), *q = out;
    for (const char *p = v; *p; p++) {
        if (*p == ' ') {
            *q++ = (char)0xC2;
            *q++ = (char)0xA0;
        } else {
            *q++ = *p;
        }
    }
    *q = '\0';
    return out;
}

/* Reports attributes the element does not take: a misspelt attribute
 * must not quietly leave a default in force. */
void sv_attrs_ok(loader *L, xmlNodePtr x, const char *const *allowed)
{
    for (xmlAttrPtr a = x->properties; a; a = a->next) {
        int known = 0;
        for (const char *const *k = allowed; *k && !known; k++)
            known = strcmp(*k, (const char *)a->name) == 0;
        if (!known)
            sv_bad(L, x, "takes no attribute", (const char *)a->name);
    }
}

/* Sizes that fit the page the template describes: no line taller than a
 * quarter of the text area (so that a page holds some), no line set over
 * the one before it, a cover starting on its page, and lines of some
 * width. A template is trusted no more than a report. */
void sv_check_geometry(loader *L, xmlNodePtr root)
{
    style_template *t = L->t;
    double body = t->page_height - t->margin_top - t->margin_bottom;
    double width = t->page_width - t->margin_left - t->margin_right;
    for (int i = 0; i < t->nstyles; i++) {
        const style_block *s = &t->styles[i];
        if (s->leading > body / 4 || s->size > body / 4) {
            diag_error(L->dg, t->path, root->line, 0, "style '%s': size %.1fpt and leading %.1fpt must be at most "
                       "a quarter of the text area's height (%.1fpt)", s->name, s->size, s->leading, body / 4);
            L->errors++;
        } else if (s->leading < s->size) {
            diag_error(L->dg, t->path, root->line, 0, "style '%s': a leading of %.1fpt, less than its size of %.1fpt, "
                       "sets lines over each other", s->name, s->leading, s->size);
            L->errors++;
        }
    }
    if (t->cover_top > t->page_height - t->margin_bottom) {
        diag_error(L->dg, t->path, root->line, 0, "<cover> top=%.1fpt is below the foot of the text area", t->cover_top);
        L->errors++;
    }
    for (const style_cover_line *cl = t->cover; cl; cl = cl->next)
        if (cl->top > t->page_height - t->margin_bottom) {
            diag_error(L->dg, t->path, root->line, 0, "<cover> <line> top=%.1fpt is below the foot of the text area",
                       cl->top);
            L->errors++;
        }
    if (2 * t->note_rule_gap + t->note_rule > body / 8) {
        diag_error(L->dg, t->path, root->line, 0, "<notes> rule=%.1fpt and rule-gap=%.1fpt above and below it "
                   "must take at most an eighth of the text area's height (%.1fpt)", t->note_rule, t->note_rule_gap, body / 8);
        L->errors++;
    }
    if (t->note_rule_length > width) {
        diag_error(L->dg, t->path, root->line, 0, "<notes> rule-length=%.1fpt is wider than the text (%.1fpt)",
                   t->note_rule_length, width);
        L->errors++;
    }
    if (t->min_measure > width / 2) {
        diag_error(L->dg, t->path, root->line, 0, "<flow> min-measure=%.1fpt is more than half the text width",
                   t->min_measure);
        L->errors++;
    }
}

/* Checks what layout relies on being present. */
void sv_check_complete(loader *L, xmlNodePtr root)
{
    style_template *t = L->t;
    if (t->nfamilies == 0 || t->nstyles == 0 || t->nheadings == 0) {
        diag_error(L->dg, t->path, root->line, 0,
                   "a template needs at least one <font>, <style> and <heading>");
        L->errors++;
    }
    if (!t->has_chart) {
        diag_error(L->dg, t->path, root->line, 0, "the template has no <chart> element");
        L->errors++;
    }
    if (!t->has_orgchart) {
        diag_error(L->dg, t->path, root->line, 0, "the template has no <orgchart> element");
        L->errors++;
    }
    if (!t->has_notes) {
        diag_error(L->dg, t->path, root->line, 0, "the template has no <notes> element");
        L->errors++;
    }
    if (!t->has_appendix) {
        diag_error(L->dg, t->path, root->line, 0, "the template has no <appendix> scheme");
        L->errors++;
    }
    if (t->page_width <= 0 || t->page_height <= 0) {
        diag_error(L->dg, t->path, root->line, 0, "the template has no <page> size");
        L->errors++;
    }
    if (t->body_style < 0 || t->list_style < 0 || t->quote_style < 0 || t->attribution_style < 0 ||
        t->signoff_name_style < 0 || t->signoff_role_style < 0 || t->foreword_style < 0) {
        diag_error(L->dg, t->path, root->line, 0,
                   "<roles> must name the styles for body, list, quote, attribution, "
                   "signoff-name, signoff-role and foreword");
        L->errors++;
    }
    if (t->space_stretch < 0 || t->space_shrink < 0 || t->ragged_stretch < 0 ||
        t->pretolerance < 0 || t->tolerance < 0 || t->line_penalty < 0 || t->hyphen_penalty < 0 ||
        t->flagged_demerits < 0 || t->fitness_demerits < 0 || t->max_hyphen_run < 0 ||
        !(t->min_measure > 0)) {
        diag_error(L->dg, t->path, root->line, 0,
                   "<flow> must give space-stretch, space-shrink, ragged-stretch, pretolerance, "
                   "tolerance, line-penalty, hyphen-penalty, flagged-demerits, fitness-demerits, "
                   "max-hyphen-run and min-measure (above 0)");
        L->errors++;
    }
    if (!t->hyphen_patterns || t->hyphen_left < 1 || t->hyphen_right < 1) {
        diag_error(L->dg, t->path, root->line, 0, "<hyphenation> must give patterns, left and right");
        L->errors++;
    }
    if (t->contents.depth < 1 || !t->contents.title) {
        diag_error(L->dg, t->path, root->line, 0, "the template needs <contents> with a title and a depth");
        L->errors++;
    }
    if (!t->ref_full || !t->ref_default) {
        diag_error(L->dg, t->path, root->line, 0, "the template needs <references> with full= and show=");
        L->errors++;
    }
    if (!t->has_board) {
        diag_error(L->dg, t->path, root->line, 0, "the template has no <board> element");
        L->errors++;
    }
    if (t->table.cell_style < 0) {
        diag_error(L->dg, t->path, root->line, 0, "the template has no <table> style");
        L->errors++;
    }
    for (int k = 0; k < GRID_TYPE_COUNT; k++)
        if (t->grid[k].ncolumns == 0) {
            diag_error(L->dg, t->path, root->line, 0, "the template has no column headings for a <grid> type");
            L->errors++;
            break;
        }
    for (int k = 0; k < LIST_TYPE_COUNT; k++)
        if (k != LIST_NONE && !t->list[k].label[0]) {
            diag_error(L->dg, t->path, root->line, 0, "the template has no labels for one of the list types");
            L->errors++;
            return;
        }
}

/* quotes="‘’“”": the four characters straight quotes in running text
 * become (opening and closing single, opening and closing double). */
void sv_quotes(loader *L, xmlNodePtr x)
{
    const char *v = sv_attr(x, "quotes", L->a);
    if (!v)
        return;
    const char *p = v, *end = v + strlen(v);
    int k = 0;
    while (p < end && k < 4) {
        const char *from = p;
        if (utf8_next(&p, end) == UTF8_INVALID)
            break;
        L->t->quotes[k++] = arena_strndup(L->a, from, (size_t)(p - from));
    }
    if (k != 4 || p != end) {
        sv_bad(L, x, "quotes= needs four characters (opening and closing single, then double), not", v);
        for (int i = 0; i < 4; i++)
            L->t->quotes[i] = NULL;
    }
}

/* minus="−": one character, what a hyphen-minus before a figure becomes. */
void sv_minus(loader *L, xmlNodePtr x)
{
    const char *v = sv_attr(x, "minus", L->a);
    if (!v)
        return;
    const char *p = v, *end = v + strlen(v);
    if (!*v || utf8_next(&p, end) == UTF8_INVALID || p != end) {
        sv_bad(L, x, "minus= needs one character, not", v);
        return;
    }
    L->t->minus = v;
}

/* float="quote story ...": the blocks that may float. */
void sv_floats(loader *L, xmlNodePtr x)
{
    static const struct { const char *name; unsigned bit; } kinds[] = {
        { "quote", STYLE_FLOAT_QUOTE }, { "story", STYLE_FLOAT_STORY },
        { "key-figures", STYLE_FLOAT_KEY_FIGURES }, { "chart", STYLE_FLOAT_CHART },
        { "image", STYLE_FLOAT_IMAGE }, { "structure", STYLE_FLOAT_STRUCTURE },
    };
    const char *v = sv_attr(x, "float", L->a);
    if (!v)
        return;
    L->t->floats = 0;
    for (const char *p = v; *p;) {
        size_t n = strcspn(p, " \t\n");
        size_t k = 0;
        while (k < sizeof kinds / sizeof kinds[0] &&
               (strlen(kinds[k].name) != n || strncmp(kinds[k].name, p, n) != 0))
            k++;
        if (n && k == sizeof kinds / sizeof kinds[0]) {
            sv_bad(L, x, "float= lists blocks among quote, story, key-figures, chart, image and structure, not",
                   arena_strndup(L->a, p, n));
            return;
        }
        if (n)
            L->t->floats |= kinds[k].bit;
        p += n;
        p += strspn(p, " \t\n");
    }
}
