/* tag.c - the structure tree of a tagged PDF.
 *
 * Each structure element the display list names (structure.c worked
 * them out) becomes a dictionary of the tree when content first needs
 * it, its parents first, and each drawn item gets a marked-content
 * identifier (MCID) on its page that points back to its element. The
 * library has no API for any of this: the tree is built from plain
 * dictionaries, and the marks go into the page's content stream through
 * pdfint.c. */
#include "tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "pdfint.h"
#include "utf8.h"

typedef struct elem {
    const dl_struct *st;            /* the element it writes; NULL for a Link */
    const char *tag;
    HPDF_Dict dict;
    HPDF_Array kids;
    HPDF_Page pg;                   /* the page its marked content starts on */
    struct elem *chain;             /* the next in its hash bucket */
} elem;

struct tagger {
    HPDF_Doc pdf;
    HPDF_Dict tree;                 /* the StructTreeRoot */
    elem *document;
    elem **buckets;
    size_t nbuckets, count;
    HPDF_Array nums;                /* the parent tree: page index, then its marks */
    HPDF_Array leaves;              /* a parent tree too long for one array: its */
    HPDF_Dict leaf;                 /* leaves, the one being filled, */
    int leaf_lo, leaf_hi;           /* and the keys it holds */
    HPDF_Array marks;               /* this page's elements, by MCID */
    HPDF_Page page;
    int mcid;
    elem *link;                     /* the Link element the next annotation joins */
    elem *last;                     /* the element content last went to */
    elem *anonymous;                /* Link elements, which stand for no node */
    int notes;                      /* Note elements made, which name each by ID */
    elem **annots;                  /* the Link of each annotation, by key from */
    int nannots, annot_cap;         /* first_key on */
    int first_key;
    int failed;
    const dl_where *fail_at;        /* where tagging stopped, and why */
    const char *fail_why;
};

/* Entries of one PDF array: the library's limit, less a margin. */
#define TAG_MAX_ARRAY DL_MAX_PARTS
/* Pairs in each leaf of a parent tree split into leaves. */
#define TAG_LEAF_PAIRS 4000

/* Stops tagging at place at (NULL: the document) for the reason why. */
static int fail(tagger *t, const dl_where *at, const char *why)
{
    if (!t->fail_why) {
        t->fail_at = at;
        t->fail_why = why;
    }
    return t->failed = -1;
}

/* Whether e holds all the kids an array may (then tagging stops). */
static int kids_full(tagger *t, elem *e)
{
    if (HPDF_Array_Items(e->kids) < TAG_MAX_ARRAY)
        return 0;
    fail(t, e->st ? e->st->at : NULL, "holds more parts than a tagged PDF can list under one element (32,000)");
    return 1;
}

/* Adds item to the kids of e, unless e already holds all an array may. */
static HPDF_STATUS add_kid(tagger *t, elem *e, void *item)
{
    return kids_full(t, e) ? HPDF_ARRAY_COUNT_ERR : HPDF_Array_Add(e->kids, item);
}

/* Writes the keys the filled leaf holds. */
static HPDF_STATUS close_leaf(tagger *t)
{
    if (!t->leaf)
        return HPDF_OK;
    HPDF_Array limits = HPDF_Array_New(pdfi_mmgr(t->pdf));
    if (!limits)
        return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS st = HPDF_Dict_Add(t->leaf, "Limits", limits);
    st += HPDF_Array_AddNumber(limits, t->leaf_lo);
    st += HPDF_Array_AddNumber(limits, t->leaf_hi);
    t->leaf = NULL;
    return st;
}

/* Adds key and its value to the parent tree: one array of pairs when
 * the report is small enough, else leaves of TAG_LEAF_PAIRS pairs. */
static HPDF_STATUS tree_add(tagger *t, int key, void *value)
{
    if (t->leaves && (!t->leaf || t->leaf_hi - t->leaf_lo + 1 >= TAG_LEAF_PAIRS)) {
        HPDF_STATUS st = close_leaf(t);
        HPDF_Dict leaf = HPDF_Dict_New(pdfi_mmgr(t->pdf));
        if (st != HPDF_OK || !leaf || HPDF_Xref_Add(pdfi_xref(t->pdf), leaf) != HPDF_OK)
            return HPDF_FAILD_TO_ALLOC_MEM;
        t->nums = HPDF_Array_New(pdfi_mmgr(t->pdf));
        if (!t->nums || HPDF_Dict_Add(leaf, "Nums", t->nums) != HPDF_OK ||
            HPDF_Array_Add(t->leaves, leaf) != HPDF_OK)
            return HPDF_FAILD_TO_ALLOC_MEM;
        t->leaf = leaf;
        t->leaf_lo = key;
    }
    t->leaf_hi = key;
    HPDF_STATUS st = HPDF_Array_AddNumber(t->nums, key);
    return st + HPDF_Array_Add(t->nums, value);
}

HPDF_Binary tag_text_string(HPDF_Doc pdf, const char *utf8)
{
    size_t len = strlen(utf8);
    HPDF_BYTE *buf = mem_alloc(mem_mul(len, 4) + 2, 1);
    size_t n = 0;
    buf[n++] = 0xFE;
    buf[n++] = 0xFF;
    const char *p = utf8, *end = utf8 + len;
    while (p < end) {
        uint32_t cp = utf8_next(&p, end);
        if (cp == UTF8_INVALID || utf8_is_noncharacter(cp))
            cp = 0xFFFD;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            uint32_t hi = 0xD800 + (cp >> 10), lo = 0xDC00 + (cp & 0x3FF);
            buf[n++] = (HPDF_BYTE)(hi >> 8);
            buf[n++] = (HPDF_BYTE)hi;
            buf[n++] = (HPDF_BYTE)(lo >> 8);
            buf[n++] = (HPDF_BYTE)lo;
        } else {
            buf[n++] = (HPDF_BYTE)(cp >> 8);
            buf[n++] = (HPDF_BYTE)cp;
        }
    }
    HPDF_Binary b = HPDF_Binary_New(pdfi_mmgr(pdf), buf, (HPDF_UINT)n);
    free(buf);
    return b;
}

/* ---- elements ------------------------------------------------------------------ */

static size_t hash(const dl_struct *st)
{
    size_t h = (size_t)(uintptr_t)st;
    h ^= h >> 17;
    h *= (size_t)0x9E3779B97F4A7C15ull;
    return h;
}

static elem *find(tagger *t, const dl_struct *st)
{
    for (elem *e = t->buckets[hash(st) % t->nbuckets]; e; e = e->chain)
        if (e->st == st)
            return e;
    return NULL;
}

static int grow(tagger *t)
{
    size_t nb = t->nbuckets * 2;
    elem **b = mem_alloc(nb, sizeof *b);
    for (size_t i = 0; i < t->nbuckets; i++)
        for (elem *e = t->buckets[i], *next; e; e = next) {
            next = e->chain;
            size_t k = hash(e->st) % nb;
            e->chain = b[k];
            b[k] = e;
        }
    free(t->buckets);
    t->buckets = b;
    t->nbuckets = nb;
    return 0;
}

/* A new element for st under parent (NULL: under the tree's root). */
/* A table cell's attributes: the headers it is (Scope) and the columns
 * and rows it spans. */
static HPDF_STATUS table_attributes(HPDF_MMgr mm, HPDF_Dict dict, const dl_struct *st)
{
    HPDF_Dict a = HPDF_Dict_New(mm);
    if (!a)
        return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_STATUS status = HPDF_Dict_AddName(a, "O", "Table");
    if (st->scope != DL_SCOPE_NONE)
        status += HPDF_Dict_AddName(a, "Scope", st->scope == DL_SCOPE_ROW ? "Row" : "Column");
    if (st->colspan > 1)
        status += HPDF_Dict_AddNumber(a, "ColSpan", st->colspan);
    if (st->rowspan > 1)
        status += HPDF_Dict_AddNumber(a, "RowSpan", st->rowspan);
    return status + HPDF_Dict_Add(dict, "A", a);
}

static elem *make(tagger *t, const dl_struct *st, elem *parent)
{
    if (t->count * 2 >= t->nbuckets && grow(t) != 0)
        return NULL;
    elem *e = mem_alloc(1, sizeof *e);
    HPDF_MMgr mm = pdfi_mmgr(t->pdf);
    const char *tag = st->tag;
    e->st = st;
    e->tag = tag;
    e->dict = HPDF_Dict_New(mm);
    e->kids = HPDF_Array_New(mm);
    if (!e->dict || !e->kids || HPDF_Xref_Add(pdfi_xref(t->pdf), e->dict) != HPDF_OK) {
        free(e);
        return NULL;
    }
    HPDF_STATUS status = HPDF_Dict_AddName(e->dict, "Type", "StructElem");
    status += HPDF_Dict_AddName(e->dict, "S", tag);
    status += HPDF_Dict_Add(e->dict, "P", parent ? parent->dict : t->tree);
    status += HPDF_Dict_Add(e->dict, "K", e->kids);
    if (strcmp(tag, "Figure") == 0 && st->alt && *st->alt)
        status += HPDF_Dict_Add(e->dict, "Alt", tag_text_string(t->pdf, st->alt));
    if (st->scope != DL_SCOPE_NONE || st->colspan > 1 || st->rowspan > 1)
        status += table_attributes(mm, e->dict, st);
    if (strcmp(tag, "Note") == 0) {
        /* a note is named, as PDF/UA asks, by its place in the tree */
        char id[32];
        snprintf(id, sizeof id, "note-%d", ++t->notes);
        status += HPDF_Dict_Add(e->dict, "ID", HPDF_Binary_New(mm, (HPDF_BYTE *)id, (HPDF_UINT)strlen(id)));
    }
    if (parent)
        status += add_kid(t, parent, e->dict);
    if (status != HPDF_OK) {
        free(e);
        return NULL;
    }
    size_t k = hash(st) % t->nbuckets;
    e->chain = t->buckets[k];
    t->buckets[k] = e;
    t->count++;
    return e;
}

/* A Link element under parent, for a link's text and its annotation. */
static elem *link_element(tagger *t, elem *parent)
{
    elem *e = mem_alloc(1, sizeof *e);
    e->tag = "Link";
    e->dict = HPDF_Dict_New(pdfi_mmgr(t->pdf));
    e->kids = HPDF_Array_New(pdfi_mmgr(t->pdf));
    if (!e->dict || !e->kids || HPDF_Xref_Add(pdfi_xref(t->pdf), e->dict) != HPDF_OK) {
        free(e);
        return NULL;
    }
    e->chain = t->anonymous;
    t->anonymous = e;
    HPDF_STATUS st = HPDF_Dict_AddName(e->dict, "Type", "StructElem");
    st += HPDF_Dict_AddName(e->dict, "S", "Link");
    st += HPDF_Dict_Add(e->dict, "P", parent->dict);
    st += HPDF_Dict_Add(e->dict, "K", e->kids);
    st += add_kid(t, parent, e->dict);
    return st == HPDF_OK ? e : NULL;
}

/* The element of st, made (its parents first) when content first needs it. */
static elem *element(tagger *t, const dl_struct *st)
{
    elem *e = find(t, st);
    if (e)
        return e;
    elem *parent = element(t, st->parent ? st->parent : t->document->st);
    return parent ? make(t, st, parent) : NULL;
}

/* ---- pages and marked content ------------------------------------------- */

tagger *tag_new(HPDF_Doc pdf, const dl_struct *document, int npages, int nlinks)
{
    tagger *t = mem_alloc(1, sizeof *t);
    t->pdf = pdf;
    t->nbuckets = 256;
    t->buckets = mem_alloc(t->nbuckets, sizeof *t->buckets);
    /* every object hangs from the document at once, so that a render
     * that stops half way frees them with it */
    t->tree = HPDF_Dict_New(pdfi_mmgr(pdf));
    HPDF_Dict parents = HPDF_Dict_New(pdfi_mmgr(pdf));
    t->first_key = npages;      /* the pages take keys 0 to npages-1 */
    int flat = (long)npages + nlinks <= TAG_MAX_ARRAY / 2;
    if (flat)
        t->nums = HPDF_Array_New(pdfi_mmgr(pdf));
    else
        t->leaves = HPDF_Array_New(pdfi_mmgr(pdf));
    if (!t->tree || !parents || !(flat ? t->nums : t->leaves) ||
        HPDF_Xref_Add(pdfi_xref(pdf), t->tree) != HPDF_OK ||
        HPDF_Dict_Add(t->tree, "ParentTree", parents) != HPDF_OK ||
        HPDF_Dict_Add(parents, flat ? "Nums" : "Kids", flat ? t->nums : t->leaves) != HPDF_OK) {
        tag_free(t);
        return NULL;
    }
    t->document = make(t, document, NULL);
    if (!t->document) {
        tag_free(t);
        return NULL;
    }
    return t;
}

int tag_page(tagger *t, HPDF_Page page, int index)
{
    t->page = page;
    t->mcid = 0;
    t->marks = HPDF_Array_New(pdfi_mmgr(t->pdf));
    if (!t->marks || tree_add(t, index, t->marks) != HPDF_OK ||
        HPDF_Dict_AddNumber(page, "StructParents", index) != HPDF_OK)
        return t->failed = -1;
    return 0;
}

static int write_op(HPDF_Page page, const char *s)
{
    return pdfi_page_write(page, s);
}

int tag_open(tagger *t, HPDF_Page page, const dl_item *it)
{
    if (!it->st)
        return write_op(page, "/Artifact BMC\n");
    elem *e = element(t, it->st);
    if (e && it->kind == DL_TEXT && it->linked)
        e = t->link = link_element(t, e);
    if (!e)
        return t->failed = -1;
    if (HPDF_Array_Items(t->marks) >= TAG_MAX_ARRAY)
        return fail(t, it->at, "puts more tagged pieces on one page than a PDF can list (32,000)");
    t->last = e;
    HPDF_STATUS st = HPDF_OK;
    if (!e->pg) {
        /* content on the element's own page is a bare MCID */
        e->pg = page;
        st += HPDF_Dict_Add(e->dict, "Pg", page);
    }
    if (kids_full(t, e))
        return t->failed;
    if (e->pg == page) {
        st += HPDF_Array_AddNumber(e->kids, t->mcid);
    } else {
        HPDF_Dict mcr = HPDF_Dict_New(pdfi_mmgr(t->pdf));
        if (!mcr)
            return t->failed = -1;
        st += HPDF_Dict_AddName(mcr, "Type", "MCR");
        st += HPDF_Dict_Add(mcr, "Pg", page);
        st += HPDF_Dict_AddNumber(mcr, "MCID", t->mcid);
        st += add_kid(t, e, mcr);
    }
    st += HPDF_Array_Add(t->marks, e->dict);
    if (st != HPDF_OK)
        return t->failed = -1;
    char op[64];
    snprintf(op, sizeof op, "/%s <</MCID %d>> BDC\n", e->tag, t->mcid++);
    return write_op(page, op);
}

int tag_close(tagger *t, HPDF_Page page)
{
    (void)t;
    return write_op(page, "EMC\n");
}

int tag_link(tagger *t, HPDF_Page page, HPDF_Annotation annot)
{
    elem *e = t->link;
    t->link = NULL;
    if (!e) {
        /* a link over text drawn as a whole (a contents entry) */
        e = link_element(t, t->last ? t->last : t->document);
        if (!e)
            return t->failed = -1;
    }
    HPDF_Dict objr = HPDF_Dict_New(pdfi_mmgr(t->pdf));
    if (!objr)
        return t->failed = -1;
    HPDF_STATUS st = HPDF_Dict_AddName(objr, "Type", "OBJR");
    st += HPDF_Dict_Add(objr, "Obj", annot);
    st += HPDF_Dict_Add(objr, "Pg", page);
    st += add_kid(t, e, objr);
    st += HPDF_Dict_AddNumber(annot, "StructParent", t->first_key + t->nannots);
    MEM_PUSH(t->annots, t->nannots, t->annot_cap) = e;
    return st == HPDF_OK ? 0 : (t->failed = -1);
}

int tag_finish(tagger *t)
{
    if (t->failed)
        return -1;
    HPDF_MMgr mm = pdfi_mmgr(t->pdf);
    HPDF_Dict marked = HPDF_Dict_New(mm);
    if (!marked)
        return -1;
    /* the annotations' entries follow the pages', keeping the keys in
     * order as a number tree must */
    for (int i = 0; i < t->nannots; i++)
        if (tree_add(t, t->first_key + i, t->annots[i]->dict) != HPDF_OK)
            return -1;
    if (close_leaf(t) != HPDF_OK)
        return -1;
    HPDF_STATUS st = HPDF_Dict_AddName(t->tree, "Type", "StructTreeRoot");
    st += HPDF_Dict_Add(t->tree, "K", t->document->dict);
    st += HPDF_Dict_AddNumber(t->tree, "ParentTreeNextKey", t->first_key + t->nannots);
    st += HPDF_Dict_Add(pdfi_catalog(t->pdf), "StructTreeRoot", t->tree);
    st += HPDF_Dict_Add(marked, "Marked", HPDF_Boolean_New(mm, HPDF_TRUE));
    st += HPDF_Dict_Add(pdfi_catalog(t->pdf), "MarkInfo", marked);
    return st == HPDF_OK ? 0 : -1;
}

int tag_failure(const tagger *t, const dl_where **at, const char **why)
{
    if (!t || !t->fail_why)
        return 0;
    *at = t->fail_at;
    *why = t->fail_why;
    return 1;
}

void tag_free(tagger *t)
{
    if (!t)
        return;
    for (size_t i = 0; t->buckets && i < t->nbuckets; i++)
        for (elem *e = t->buckets[i], *next; e; e = next) {
            next = e->chain;
            free(e);
        }
    for (elem *e = t->anonymous, *next; e; e = next) {
        next = e->chain;
        free(e);
    }
    free(t->buckets);
    free(t->annots);
    free(t);
}
