/* structure.c - which structure element each drawn item belongs to.
 *
 * An item's element is that of the block its text stands in (inline
 * markup belongs to its block); a list item has a label and a body; the
 * elements around it follow the report's nesting, divisions becoming
 * sections and titles headings of their depth. Elements are made as
 * content first needs them, page by page in drawing order, so that an
 * element's type is settled by its first content, as a reader meets it.
 */
#include "structure.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "mem.h"

enum { SUB_SELF, SUB_LBL, SUB_LBODY, SUB_TBODY };

/* Elements and places made so far, by node (and part of a list item). */
typedef struct slot {
    const model_node *node;
    int sub;                        /* SUB_SELF, SUB_LBL, SUB_LBODY; -1 a place */
    void *value;
} slot;

typedef struct marker {
    arena *a;
    diag *dg;
    const model_node *root;
    dl_struct *document;
    int failed;
    slot *slots;
    size_t nslots, count;
} marker;

static size_t hash(const model_node *n, int sub)
{
    size_t h = (size_t)(uintptr_t)n;
    h ^= h >> 17;
    h *= (size_t)0x9E3779B97F4A7C15ull;
    return h ^ (size_t)(sub + 1);
}

static void **lookup(marker *m, const model_node *n, int sub)
{
    if (2 * (m->count + 1) > m->nslots) {
        size_t nb = m->nslots ? 2 * m->nslots : 1024;
        slot *b = mem_alloc(nb, sizeof *b);
        for (size_t i = 0; i < m->nslots; i++) {
            if (!m->slots[i].node)
                continue;
            size_t k = hash(m->slots[i].node, m->slots[i].sub) % nb;
            while (b[k].node)
                k = (k + 1) % nb;
            b[k] = m->slots[i];
        }
        free(m->slots);
        m->slots = b;
        m->nslots = nb;
    }
    size_t k = hash(n, sub) % m->nslots;
    while (m->slots[k].node && (m->slots[k].node != n || m->slots[k].sub != sub))
        k = (k + 1) % m->nslots;
    if (!m->slots[k].node) {
        m->slots[k] = (slot){ n, sub, NULL };
        m->count++;
    }
    return &m->slots[k].value;
}

/* Where n stands in the report, for messages; one per node. */
static const dl_where *where(marker *m, const model_node *n)
{
    void **v = lookup(m, n, -1);
    if (!*v) {
        dl_where *w = arena_alloc(m->a, sizeof *w);
        *w = (dl_where){ n->file, n->line, n->col, n->name };
        *v = w;
    }
    return *v;
}

/* ---- which element a node is --------------------------------------------- */

/* Inline markup belongs to the block it stands in. */
static int is_inline(model_kind k)
{
    return k == M_TEXT || k == M_B || k == M_I || k == M_A || k == M_BR || k == M_REF;
}

static int is_division(model_kind k)
{
    return k == M_CHAPTER || k == M_SECTION || k == M_APPENDIX || k == M_FOREWORD ||
           k == M_SUBGROUP;
}

static const char *heading_tag(const model_node *title)
{
    static const char *const h[] = { "H1", "H2", "H3", "H4", "H5", "H6" };
    int depth = 0;
    for (const model_node *a = title->parent; a; a = a->parent)
        depth += is_division(a->kind);
    if (depth < 1)
        depth = 1;
    return h[depth > 6 ? 5 : depth - 1];
}

/* The table's child of kind k among its first children, where the
 * schema puts a caption, headnote, columns and head; NULL none. */
static const model_node *table_part(const model_node *table, model_kind k)
{
    int n = 0;
    for (const model_node *c = table->first; c && n < 8; c = c->next, n++)
        if (c->kind == k)
            return c;
    return NULL;
}

/* The standard structure type of a node; holder says it carries drawn
 * content itself, which makes an unknown node a paragraph rather than a
 * mere grouping. */
static const char *tag_for(const model_node *n, int sub, int holder)
{
    if (sub == SUB_LBL)
        return "Lbl";
    if (sub == SUB_LBODY)
        return "LBody";
    if (sub == SUB_TBODY)
        return "TBody";
    switch (n->kind) {
    case M_REPORT: return "Document";
    case M_CHAPTER: case M_SECTION: case M_APPENDIX: case M_FOREWORD: case M_SUBGROUP:
        return "Sect";
    case M_TITLE: return n->parent && n->parent->kind == M_META ? "P" : heading_tag(n);
    case M_LIST: return "L";
    case M_ITEM: return "LI";
    case M_QUOTE: return "BlockQuote";
    case M_NOTE: return "Note";
    case M_TABLE: return "Table";
    case M_HEAD: return "THead";
    case M_BODY: return "TBody";
    case M_ROW: return "TR";
    case M_CELL:
        return n->parent && n->parent->parent && n->parent->parent->kind == M_HEAD ? "TH" : "TD";
    case M_CAPTION: return "Caption";
    case M_HEADNOTE: return n->parent && n->parent->kind == M_TABLE && !table_part(n->parent, M_CAPTION)
                            ? "Caption" : "P";
    case M_IMAGE: case M_LOGO: case M_CHART: case M_STRUCTURE: return "Figure";
    case M_COVER: return "Figure";     /* only its picture is drawn from it */
    case M_CONTENTS: return "Div";
    default: return holder ? "P" : "Div";
    }
}

/* The text of n's character data, notes left out, into out (when not
 * NULL); its length. */
static size_t text_into(const model_node *n, char *out)
{
    if (n->kind == M_TEXT) {
        size_t len = strlen(n->text);
        if (out)
            memcpy(out, n->text, len);
        return len;
    }
    size_t len = 0;
    for (const model_node *c = n->first; c; c = c->next)
        if (c->kind != M_NOTE)
            len += text_into(c, out ? out + len : NULL);
    return len;
}

/* The text of n, in m's arena. */
static const char *text_of(marker *m, const model_node *n)
{
    size_t len = text_into(n, NULL);
    char *s = arena_alloc(m->a, len + 1);
    text_into(n, s);
    return s;
}

/* Appends s to *out, growing it. */
static void append_raw(char **out, size_t *len, size_t *cap, const char *s)
{
    size_t n = strlen(s);
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        char *grown = mem_alloc(*cap, 1);
        if (*out)
            memcpy(grown, *out, *len);
        free(*out);
        *out = grown;
    }
    memcpy(*out + *len, s, n + 1);
    *len += n;
}

/* The longest text made for a figure's Alt: a PDF string holds 65,535
 * bytes, and a reader's summary is better short. */
#define ALT_MAX 4000

/* Appends s to the growing text *out (of *len bytes, *cap held); past
 * ALT_MAX bytes, an ellipsis once and nothing more. */
static void append(char **out, size_t *len, size_t *cap, const char *s)
{
    if (*len >= ALT_MAX)
        return;
    size_t n = strlen(s);
    if (*len + n > ALT_MAX) {
        const char *p = s + (ALT_MAX - *len), *start = s;
        while (p > start && ((unsigned char)*p & 0xC0) == 0x80)
            p--;                    /* not inside a character */
        n = (size_t)(p - start);
        char *cut = mem_alloc(n + 4, 1);
        memcpy(cut, s, n);
        memcpy(cut + n, "\xE2\x80\xA6", 4);
        append_raw(out, len, cap, cut);     /* *len is ALT_MAX or more: nothing more */
        free(cut);
        return;
    }
    append_raw(out, len, cap, s);
}

/* What a chart says without its caption: its kind and what it shows,
 * series by categories ("Bar chart of Kent Rate, England rate by year"
 * is read from its data), for a screen reader. */
static const char *chart_summary(marker *m, const model_node *n)
{
    const char *type = model_attr_get(n, "type");
    char *out = NULL;
    size_t len = 0, cap = 0;
    append(&out, &len, &cap, type && strcmp(type, "pie") == 0 ? "Pie chart" : type && strcmp(type, "line") == 0
                                                                                  ? "Line chart" : "Bar chart");
    const char *sep = " of ";
    for (const model_node *c = n->first; c; c = c->next)
        if (c->kind == M_SERIES && model_attr_get(c, "name")) {
            append(&out, &len, &cap, sep);
            append(&out, &len, &cap, model_attr_get(c, "name"));
            sep = ", ";
        }
    const model_node *cats = model_child(n, M_CATEGORIES);
    if (cats) {
        append(&out, &len, &cap, ": ");
        append(&out, &len, &cap, text_of(m, cats));
    }
    char *s = arena_alloc(m->a, len + 1);
    memcpy(s, out, len + 1);
    free(out);
    return s;
}

/* What an organisation chart says: each unit in order, with the unit it
 * reports to ("Executive, reporting to Main Board"). The unit reported to
 * is found among those before it, as the chart is written top down; a
 * very large chart is named unit by unit without it. */
static const char *chart_units(marker *m, const model_node *n)
{
    char *out = NULL;
    size_t len = 0, cap = 0;
    append(&out, &len, &cap, "Organisation chart");
    int count = 0;
    for (const model_node *u = n->first; u; u = u->next) {
        if (u->kind != M_UNIT)
            continue;
        append(&out, &len, &cap, count++ ? "; " : ": ");
        append(&out, &len, &cap, text_of(m, u));
        const char *to = model_attr_get(u, "reports-to");
        int k = 0;
        for (const model_node *v = n->first; to && v && v != u && k < 200; v = v->next, k++)
            if (v->kind == M_UNIT && model_attr_get(v, "id") && strcmp(model_attr_get(v, "id"), to) == 0) {
                append(&out, &len, &cap, ", reporting to ");
                append(&out, &len, &cap, text_of(m, v));
                break;
            }
    }
    char *s = arena_alloc(m->a, len + 1);
    memcpy(s, out, len + 1);
    free(out);
    return s;
}

/* What a screen reader says for a figure: a picture's alt text; a
 * chart's caption, or else what it shows; an organisation chart's units. */
static const char *alt_of(marker *m, const model_node *n)
{
    const char *alt = model_attr_get(n, "alt");
    if (alt)
        return alt;
    if (n->kind == M_STRUCTURE)
        return chart_units(m, n);
    const model_node *cap = model_child(n, M_CAPTION);
    if (cap)
        return text_of(m, cap);
    return n->kind == M_CHART ? chart_summary(m, n) : NULL;
}

/* A table cell's headers and spans, as check.c has bounded them. */
static void cell_shape(dl_struct *e, const model_node *n)
{
    const char *cs = model_attr_get(n, "colspan"), *rs = model_attr_get(n, "rowspan");
    long c = cs ? strtol(cs, NULL, 10) : 1, r = rs ? strtol(rs, NULL, 10) : 1;
    e->colspan = c >= 1 && c <= MODEL_MAX_COLS ? (int)c : 1;
    e->rowspan = r >= 1 && r <= MODEL_MAX_COUNT ? (int)r : 1;
    e->scope = strcmp(e->tag, "TH") == 0 ? DL_SCOPE_COLUMN : DL_SCOPE_NONE;
}

/* ---- elements ------------------------------------------------------------------ */

static const dl_struct *element(marker *m, const model_node *n, int sub, int holder);

/* Counts a part of e (a piece of its content, an element under it, a
 * link's annotation): past DL_MAX_PARTS the report is refused there, as
 * the tagged PDF could not list them. */
static void count(marker *m, dl_struct *e)
{
    if (++e->parts != DL_MAX_PARTS + 1 || m->failed)
        return;
    const dl_where *at = e->at;
    diag_error(m->dg, at->file, at->line, at->col,
               "<%s> holds more parts than a tagged PDF can list under one element (32,000)", at->name);
    m->failed = 1;
}

/* The element a node's children go into: a list item's body, for the
 * paragraphs and lists inside it. */
static const dl_struct *container(marker *m, const model_node *n)
{
    if (!n || n == m->root)
        return m->document;
    return element(m, n, n->kind == M_ITEM ? SUB_LBODY : SUB_SELF, 0);
}

/* Whether n is a row written straight in a table that has a <head>: a
 * table's rows go in a TBody when it has a THead, which the report need
 * not write (<body> is optional). The head comes among a table's first
 * children (after its caption, headnote and columns), so looking there
 * costs no more for a table of thousands of rows. */
static int in_implied_body(const model_node *n)
{
    return n->kind == M_ROW && n->parent && n->parent->kind == M_TABLE && table_part(n->parent, M_HEAD);
}

/* A headnote stands in its table's Caption (a Table holds no P): under
 * the caption when there is one, else as the caption itself. */
static const model_node *headnote_caption(const model_node *n)
{
    return n->kind == M_HEADNOTE && n->parent && n->parent->kind == M_TABLE ? table_part(n->parent, M_CAPTION)
                                                                              : NULL;
}

static const dl_struct *element(marker *m, const model_node *n, int sub, int holder)
{
    if (!n || n == m->root)
        return m->document;
    void **v = lookup(m, n, sub);
    if (*v)
        return *v;
    dl_struct *parent = (dl_struct *)(sub != SUB_SELF ? element(m, n, SUB_SELF, 0)
                                      : in_implied_body(n) ? element(m, n->parent, SUB_TBODY, 0)
                                      : headnote_caption(n) ? element(m, headnote_caption(n), SUB_SELF, 0)
                                                            : container(m, n->parent));
    count(m, parent);
    dl_struct *e = arena_alloc(m->a, sizeof *e);
    e->tag = tag_for(n, sub, holder);
    e->parent = parent;
    e->at = where(m, n);
    if (strcmp(e->tag, "Figure") == 0)
        e->alt = alt_of(m, n);
    if (n->kind == M_CELL && sub == SUB_SELF)
        cell_shape(e, n);
    /* the parent's lookup may have grown the table: look again */
    *lookup(m, n, sub) = e;
    return e;
}

/* The element an item is drawn for. */
static const dl_struct *element_of(marker *m, const dl_item *it)
{
    const model_node *n = it->src;
    while (n && is_inline(n->kind))
        n = n->parent;
    if (!n)
        return m->document;
    if (n->kind == M_ITEM)
        return element(m, n, it->role == ROLE_LIST_LABEL ? SUB_LBL : SUB_LBODY, 1);
    return element(m, n, SUB_SELF, 1);
}

int structure_mark(arena *a, dl_doc *d, const model_node *root, diag *dg)
{
    marker m = { .a = a, .dg = dg, .root = root };
    dl_struct *doc = arena_alloc(a, sizeof *doc);
    doc->tag = "Document";
    doc->at = where(&m, root);
    m.document = doc;
    d->document = doc;
    d->at = doc->at;
    for (dl_page *p = d->first; p && !m.failed; p = p->next) {
        int marks = 0;
        /* the element content last went to, which takes the annotation
         * of a link drawn over text set as a whole (a contents entry) */
        dl_struct *last = doc;
        for (dl_item *it = p->first; it && !m.failed; it = it->next) {
            const model_node *n = it->src;
            while (n && n->kind == M_TEXT)
                n = n->parent;
            it->at = n ? where(&m, n) : NULL;
            if (it->kind == DL_LINK) {
                count(&m, last);
                continue;
            }
            if (it->role == ROLE_ARTIFACT || !it->src)
                continue;
            it->st = element_of(&m, it);
            last = (dl_struct *)it->st;
            count(&m, last);
            if (++marks > DL_MAX_PARTS && !m.failed) {
                const dl_where *at = it->at ? it->at : doc->at;
                diag_error(dg, at->file, at->line, at->col, "<%s> puts more tagged pieces on one page "
                           "than a PDF can list (32,000)", at->name);
                m.failed = 1;
            }
        }
    }
    for (dl_outline *o = d->outline; o; o = o->next)
        o->at = o->src ? where(&m, o->src) : NULL;
    free(m.slots);
    return m.failed ? -1 : 0;
}
