/* tag.c - the structure tree of a tagged PDF.
 *
 * Each model node that holds drawn content becomes a structure element,
 * its ancestors become the elements around it, and each drawn item gets
 * a marked-content identifier (MCID) on its page that points back to its
 * element. The library has no API for any of this, so the operators go
 * straight into the page's content stream and the tree is built from
 * plain dictionaries. */
#include "tag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_pages.h>

#include "mem.h"
#include "utf8.h"

typedef struct elem {
    const model_node *node;
    int sub;                        /* 0 the node's element; a list item's LBL or LBODY */
    const char *tag;
    HPDF_Dict dict;
    HPDF_Array kids;
    HPDF_Page pg;                   /* the page its marked content starts on */
    struct elem *chain;             /* the next in its hash bucket */
} elem;

enum { SUB_SELF, SUB_LBL, SUB_LBODY };

struct tagger {
    HPDF_Doc pdf;
    const model_node *root;
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
    elem **annots;                  /* the Link of each annotation, by key from */
    int nannots, annot_cap;         /* first_key on */
    int first_key;
    int failed;
    const model_node *fail_at;      /* where tagging stopped, and why */
    const char *fail_why;
};

/* Entries of one PDF array: the library's limit, less a margin. */
#define TAG_MAX_ARRAY 32000
/* Pairs in each leaf of a parent tree split into leaves. */
#define TAG_LEAF_PAIRS 4000

/* Stops tagging at node n (NULL: the document) for the reason why. */
static int fail(tagger *t, const model_node *n, const char *why)
{
    if (!t->fail_why) {
        t->fail_at = n;
        t->fail_why = why;
    }
    return t->failed = -1;
}

/* Whether e holds all the kids an array may (then tagging stops). */
static int kids_full(tagger *t, elem *e)
{
    if (HPDF_Array_Items(e->kids) < TAG_MAX_ARRAY)
        return 0;
    fail(t, e->node, "holds more parts than a tagged PDF can list under one element (32,000)");
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
    HPDF_Array limits = HPDF_Array_New(t->pdf->mmgr);
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
        HPDF_Dict leaf = HPDF_Dict_New(t->pdf->mmgr);
        if (st != HPDF_OK || !leaf || HPDF_Xref_Add(t->pdf->xref, leaf) != HPDF_OK)
            return HPDF_FAILD_TO_ALLOC_MEM;
        t->nums = HPDF_Array_New(t->pdf->mmgr);
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
    HPDF_Binary b = HPDF_Binary_New(pdf->mmgr, buf, (HPDF_UINT)n);
    free(buf);
    return b;
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

/* The standard structure type of a node; holder says it carries drawn
 * content itself, which makes an unknown node a paragraph rather than a
 * mere grouping. */
static const char *tag_for(const model_node *n, int sub, int holder)
{
    if (sub == SUB_LBL)
        return "Lbl";
    if (sub == SUB_LBODY)
        return "LBody";
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
    case M_IMAGE: case M_LOGO: case M_CHART: return "Figure";
    case M_CONTENTS: return "Div";
    default: return holder ? "P" : "Div";
    }
}


/* The text of n's character data, notes left out; malloc'd. */
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

/* What a screen reader says for a figure: a picture's alt text; a
 * chart's caption. */
static char *alt_of(const model_node *n)
{
    const char *alt = model_attr_get(n, "alt");
    if (alt)
    {
        size_t len = strlen(alt);
        char *s = mem_alloc(len + 1, 1);
        memcpy(s, alt, len);
        return s;
    }
    const model_node *cap = model_child(n, M_CAPTION);
    if (!cap)
        return NULL;
    size_t len = text_into(cap, NULL);
    char *s = mem_alloc(len + 1, 1);
    text_into(cap, s);
    s[len] = '\0';
    return s;
}

/* ---- elements ------------------------------------------------------------------ */

static size_t hash(const model_node *n, int sub)
{
    size_t h = (size_t)(uintptr_t)n;
    h ^= h >> 17;
    h *= (size_t)0x9E3779B97F4A7C15ull;
    return h ^ (size_t)sub;
}

static elem *find(tagger *t, const model_node *n, int sub)
{
    for (elem *e = t->buckets[hash(n, sub) % t->nbuckets]; e; e = e->chain)
        if (e->node == n && e->sub == sub)
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
            size_t k = hash(e->node, e->sub) % nb;
            e->chain = b[k];
            b[k] = e;
        }
    free(t->buckets);
    t->buckets = b;
    t->nbuckets = nb;
    return 0;
}

/* A new element under parent (NULL: under the tree's root). */
static elem *make(tagger *t, const model_node *n, int sub, const char *tag, elem *parent)
{
    if (t->count * 2 >= t->nbuckets && grow(t) != 0)
        return NULL;
    elem *e = mem_alloc(1, sizeof *e);
    HPDF_MMgr mm = t->pdf->mmgr;
    e->node = n;
    e->sub = sub;
    e->tag = tag;
    e->dict = HPDF_Dict_New(mm);
    e->kids = HPDF_Array_New(mm);
    if (!e->dict || !e->kids || HPDF_Xref_Add(t->pdf->xref, e->dict) != HPDF_OK) {
        free(e);
        return NULL;
    }
    HPDF_STATUS st = HPDF_Dict_AddName(e->dict, "Type", "StructElem");
    st += HPDF_Dict_AddName(e->dict, "S", tag);
    st += HPDF_Dict_Add(e->dict, "P", parent ? parent->dict : t->tree);
    st += HPDF_Dict_Add(e->dict, "K", e->kids);
    if (strcmp(tag, "Figure") == 0) {
        char *alt = alt_of(n);
        if (alt && *alt)
            st += HPDF_Dict_Add(e->dict, "Alt", tag_text_string(t->pdf, alt));
        free(alt);
    }
    if (parent)
        st += add_kid(t, parent, e->dict);
    if (st != HPDF_OK) {
        free(e);
        return NULL;
    }
    size_t k = hash(n, sub) % t->nbuckets;
    e->chain = t->buckets[k];
    t->buckets[k] = e;
    t->count++;
    return e;
}

static elem *element(tagger *t, const model_node *n, int sub, int holder);

/* A Link element under parent, for a link's text and its annotation. */
static elem *link_element(tagger *t, elem *parent)
{
    elem *e = mem_alloc(1, sizeof *e);
    e->tag = "Link";
    e->dict = HPDF_Dict_New(t->pdf->mmgr);
    e->kids = HPDF_Array_New(t->pdf->mmgr);
    if (!e->dict || !e->kids || HPDF_Xref_Add(t->pdf->xref, e->dict) != HPDF_OK) {
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

/* The element a node's children go into: a list item's body, for the
 * paragraphs and lists inside it. */
static elem *container(tagger *t, const model_node *n)
{
    if (!n || n == t->root)
        return t->document;
    if (n->kind == M_ITEM)
        return element(t, n, SUB_LBODY, 0);
    return element(t, n, SUB_SELF, 0);
}

static elem *element(tagger *t, const model_node *n, int sub, int holder)
{
    if (!n || n == t->root)
        return t->document;
    elem *e = find(t, n, sub);
    if (e)
        return e;
    elem *parent = sub == SUB_SELF ? container(t, n->parent) : element(t, n, SUB_SELF, 0);
    if (!parent)
        return NULL;
    return make(t, n, sub, tag_for(n, sub, holder), parent);
}

/* The element an item is drawn for. */
static elem *element_of(tagger *t, const dl_item *it)
{
    const model_node *n = it->src;
    while (n && is_inline(n->kind))
        n = n->parent;
    if (!n)
        return t->document;
    if (n->kind == M_ITEM)
        return element(t, n, it->role == ROLE_LIST_LABEL ? SUB_LBL : SUB_LBODY, 1);
    return element(t, n, SUB_SELF, 1);
}

/* ---- pages and marked content ------------------------------------------- */

tagger *tag_new(HPDF_Doc pdf, const model_node *root, int npages, int nlinks)
{
    tagger *t = mem_alloc(1, sizeof *t);
    t->pdf = pdf;
    t->root = root;
    t->nbuckets = 256;
    t->buckets = mem_alloc(t->nbuckets, sizeof *t->buckets);
    /* every object hangs from the document at once, so that a render
     * that stops half way frees them with it */
    t->tree = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict parents = HPDF_Dict_New(pdf->mmgr);
    t->first_key = npages;      /* the pages take keys 0 to npages-1 */
    int flat = (long)npages + nlinks <= TAG_MAX_ARRAY / 2;
    if (flat)
        t->nums = HPDF_Array_New(pdf->mmgr);
    else
        t->leaves = HPDF_Array_New(pdf->mmgr);
    if (!t->tree || !parents || !(flat ? t->nums : t->leaves) ||
        HPDF_Xref_Add(pdf->xref, t->tree) != HPDF_OK ||
        HPDF_Dict_Add(t->tree, "ParentTree", parents) != HPDF_OK ||
        HPDF_Dict_Add(parents, flat ? "Nums" : "Kids", flat ? t->nums : t->leaves) != HPDF_OK) {
        tag_free(t);
        return NULL;
    }
    t->document = make(t, root, SUB_SELF, "Document", NULL);
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
    t->marks = HPDF_Array_New(t->pdf->mmgr);
    if (!t->marks || tree_add(t, index, t->marks) != HPDF_OK ||
        HPDF_Dict_AddNumber(page, "StructParents", index) != HPDF_OK)
        return t->failed = -1;
    return 0;
}

static int write_op(HPDF_Page page, const char *s)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    return HPDF_Stream_WriteStr(attr->stream, s) == HPDF_OK ? 0 : -1;
}

int tag_open(tagger *t, HPDF_Page page, const dl_item *it)
{
    if (it->role == ROLE_ARTIFACT || !it->src)
        return write_op(page, "/Artifact BMC\n");
    elem *e = element_of(t, it);
    if (e && it->kind == DL_TEXT && it->linked)
        e = t->link = link_element(t, e);
    if (!e)
        return t->failed = -1;
    if (HPDF_Array_Items(t->marks) >= TAG_MAX_ARRAY)
        return fail(t, it->src, "puts more tagged pieces on one page than a PDF can list (32,000)");
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
        HPDF_Dict mcr = HPDF_Dict_New(t->pdf->mmgr);
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
    HPDF_Dict objr = HPDF_Dict_New(t->pdf->mmgr);
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
    HPDF_MMgr mm = t->pdf->mmgr;
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
    st += HPDF_Dict_Add(t->pdf->catalog, "StructTreeRoot", t->tree);
    st += HPDF_Dict_Add(marked, "Marked", HPDF_Boolean_New(mm, HPDF_TRUE));
    st += HPDF_Dict_Add(t->pdf->catalog, "MarkInfo", marked);
    return st == HPDF_OK ? 0 : -1;
}

int tag_failure(const tagger *t, const model_node **at, const char **why)
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
