/* xml_mutator.c - structure-aware mutations of an XML input; see
 * xml_mutator.h. */
#include "xml_mutator.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#define MAX_NODES 4096

typedef struct rng {
    uint64_t s;
} rng;

static unsigned next(rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return (unsigned)(r->s >> 11);
}

static unsigned below(rng *r, unsigned n)
{
    return n ? next(r) % n : 0;
}

typedef struct tree {
    xmlNodePtr el[MAX_NODES];       /* elements, in document order */
    int nel;
    xmlNodePtr text[MAX_NODES];     /* text nodes */
    int ntext;
    const xmlChar *ids[MAX_NODES];  /* values of id= */
    int nids;
} tree;

static void collect(tree *t, xmlNodePtr root)
{
    xmlNodePtr n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE && t->nel < MAX_NODES) {
            t->el[t->nel++] = n;
            for (xmlAttrPtr a = n->properties; a; a = a->next)
                if (xmlStrEqual(a->name, BAD_CAST "id") && a->children && t->nids < MAX_NODES)
                    t->ids[t->nids++] = a->children->content;
        } else if (n->type == XML_TEXT_NODE && t->ntext < MAX_NODES) {
            t->text[t->ntext++] = n;
        }
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        n = (n && n != root) ? n->next : NULL;
    }
}

static const char *const generic[] = {
    "", "0", "1", "-1", "2", "7", "100", "2147483647", "2147483648", "9223372036854775807",
    "999999999999999999999999", "1e308", "-1e308", "4.9e-324", "nan", "inf", "0.0001", "-0",
    "4mm", "0mm", "100%", "0%", "1000%", "-5mm", "1e9mm", "yes", "no", "none", "auto", "{n}", "|",
    "{1}.{2}", "%s%n", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
    NULL,
};

static const char *pick(rng *r, const char *const *list)
{
    int n = 0;
    while (list[n])
        n++;
    return n ? list[below(r, (unsigned)n)] : "";
}

static const char *const *values_for(const xml_values *values, const xmlChar *name)
{
    for (const xml_values *v = values; v && v->name; v++)
        if (xmlStrEqual(BAD_CAST v->name, name))
            return v->values;
    return NULL;
}

/* A value for attribute name: its own list mostly, else an edge of any
 * type, an id of the document, or the old value's bytes mutated. */
static void set_value(rng *r, tree *t, xmlNodePtr el, const xmlChar *name, const xml_values *values)
{
    const char *const *own = values_for(values, name);
    unsigned roll = below(r, 10);
    if (roll < 2 && t->nids) {
        /* a copy: the id may be the very attribute being set */
        xmlChar *id = xmlStrdup(t->ids[below(r, (unsigned)t->nids)]);
        xmlSetProp(el, name, id);
        xmlFree(id);
        return;
    }
    if (roll < 4) {
        /* libFuzzer's mutations of the old value */
        char buf[256] = "";
        xmlChar *old = xmlGetProp(el, name);
        if (old) {
            snprintf(buf, sizeof buf, "%s", (const char *)old);
            xmlFree(old);
        }
        size_t len = LLVMFuzzerMutate((uint8_t *)buf, strlen(buf), sizeof buf - 1);
        buf[len] = '\0';
        buf[strcspn(buf, "\"<&")] = '\0';  /* xmlSetProp escapes, but keep it a value */
        xmlSetProp(el, name, BAD_CAST buf);
        return;
    }
    xmlSetProp(el, name, BAD_CAST (own && roll < 9 ? pick(r, own) : pick(r, generic)));
}

/* A copy of el for the same document: its ids (and its descendants')
 * made new, so that check does not refuse the copy as a repeated id. */
static xmlNodePtr copy_of(rng *r, xmlNodePtr el)
{
    xmlNodePtr copy = xmlCopyNode(el, 1);
    unsigned tag = next(r) % 100000;
    for (xmlNodePtr n = copy; n;) {
        if (n->type == XML_ELEMENT_NODE) {
            xmlChar *id = xmlGetProp(n, BAD_CAST "id");
            if (id) {
                char buf[200];
                snprintf(buf, sizeof buf, "%.150s_%u", (const char *)id, tag++);
                xmlSetProp(n, BAD_CAST "id", BAD_CAST buf);
                xmlFree(id);
            }
        }
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && n != copy && !n->next)
            n = n->parent;
        n = (n && n != copy) ? n->next : NULL;
    }
    return copy;
}

static int is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
    for (; n; n = n->parent)
        if (n == a)
            return 1;
    return 0;
}

static xmlNodePtr some_element(rng *r, tree *t, int skip_root)
{
    if (t->nel <= skip_root)
        return NULL;
    return t->el[skip_root + (int)below(r, (unsigned)(t->nel - skip_root))];
}

static int mutate_tree(rng *r, tree *t, const xml_values *values, const char *const *texts)
{
    xmlNodePtr el = some_element(r, t, 0), other;
    switch (below(r, 12)) {
    case 0: case 1: case 2: {          /* an attribute the element has */
        int n = 0;
        for (xmlAttrPtr a = el->properties; a; a = a->next)
            n++;
        if (!n)
            return 0;
        xmlAttrPtr a = el->properties;
        for (int k = (int)below(r, (unsigned)n); k > 0; k--)
            a = a->next;
        set_value(r, t, el, a->name, values);
        return 1;
    }
    case 3: {                           /* an attribute it may not have yet */
        int n = 0;
        while (values[n].name)
            n++;
        if (!n)
            return 0;
        set_value(r, t, el, BAD_CAST values[below(r, (unsigned)n)].name, values);
        return 1;
    }
    case 4: case 5: {                   /* repeated: more rows, cells, items, units */
        if (!(el = some_element(r, t, 1)))
            return 0;
        unsigned times = below(r, 4) ? 1 + below(r, 4) : 1 + below(r, 120);
        for (unsigned k = 0; k < times; k++) {
            xmlNodePtr copy = copy_of(r, el);
            if (!copy || !xmlAddNextSibling(el, copy)) {
                xmlFreeNode(copy);
                return k > 0;
            }
        }
        return 1;
    }
    case 6: {                           /* nested in itself: into one of its descendants */
        if (!(el = some_element(r, t, 1)))
            return 0;
        xmlNodePtr into = el;
        for (int k = 0; k < t->nel; k++)
            if (t->el[k] != el && is_ancestor(el, t->el[k]) && !below(r, 3))
                into = t->el[k];
        xmlNodePtr copy = copy_of(r, el);
        if (!copy || !xmlAddChild(into, copy)) {
            xmlFreeNode(copy);
            return 0;
        }
        return 1;
    }
    case 7: {                           /* dropped */
        if (!(el = some_element(r, t, 1)))
            return 0;
        xmlUnlinkNode(el);
        xmlFreeNode(el);
        return 1;
    }
    case 8: {                           /* moved beside another element */
        if (!(el = some_element(r, t, 1)) || !(other = some_element(r, t, 1)) || is_ancestor(el, other))
            return 0;
        xmlUnlinkNode(el);
        if (!xmlAddNextSibling(other, el)) {
            xmlFreeNode(el);
            return 0;
        }
        return 1;
    }
    case 9: case 10: {                  /* a text replaced, or made many times longer */
        if (!t->ntext)
            return 0;
        xmlNodePtr tx = t->text[below(r, (unsigned)t->ntext)];
        if (below(r, 3) || !tx->content) {
            xmlNodeSetContent(tx, BAD_CAST pick(r, texts));
        } else {
            unsigned times = 2 + below(r, 30);
            size_t len = (size_t)xmlStrlen(tx->content);
            if (len * times > 65536)
                return 0;
            xmlChar *s = xmlMalloc(times * (len + 1) + 1);
            if (!s)
                return 0;
            for (unsigned k = 0; k < times; k++) {
                memcpy(s + k * (len + 1), tx->content, len);
                s[k * (len + 1) + len] = ' ';
            }
            s[times * (len + 1) - 1] = '\0';
            xmlNodeSetContent(tx, s);
            xmlFree(s);
        }
        return 1;
    }
    default: {                          /* an element's words set in bold, joined to the next */
        if (!t->ntext)
            return 0;
        xmlNodePtr tx = t->text[below(r, (unsigned)t->ntext)];
        if (!tx->parent || tx->parent->type != XML_ELEMENT_NODE)
            return 0;
        const char *tag = below(r, 2) ? "b" : "i";
        xmlNodePtr wrap = xmlNewNode(NULL, BAD_CAST tag);
        if (!wrap)
            return 0;
        xmlNodePtr after = xmlNewText(BAD_CAST (below(r, 2) ? "'s" : "s"));
        xmlAddPrevSibling(tx, wrap);
        xmlUnlinkNode(tx);
        xmlAddChild(wrap, tx);
        if (after && !xmlAddNextSibling(wrap, after))
            xmlFreeNode(after);
        return 1;
    }
    }
}

size_t xml_mutate(uint8_t *data, size_t size, size_t max_size, unsigned int seed,
                  const xml_values *values, const char *const *texts)
{
    static int off = -1;
    if (off < 0) {
        const char *e = getenv("FUZZ_XML_MUTATOR");
        off = e && strcmp(e, "0") == 0;
    }
    rng r = { (uint64_t)seed * 0x9E3779B97F4A7C15ull + 1 };
    if (off || below(&r, 10) < 3 || size > (size_t)1 << 24)
        return LLVMFuzzerMutate(data, size, max_size);
    xmlDocPtr doc = xmlReadMemory((const char *)data, (int)size, "mutate.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        xmlFreeDoc(doc);
        return LLVMFuzzerMutate(data, size, max_size);
    }
    static tree t;
    int changed = 0;
    for (unsigned k = 1 + below(&r, 3); k > 0; k--) {
        t.nel = t.ntext = t.nids = 0;
        collect(&t, root);
        changed |= mutate_tree(&r, &t, values, texts);
    }
    xmlChar *out = NULL;
    int len = 0;
    if (changed)
        xmlDocDumpMemory(doc, &out, &len);
    xmlFreeDoc(doc);
    if (!out || len <= 0 || (size_t)len > max_size) {
        xmlFree(out);
        return LLVMFuzzerMutate(data, size, max_size);
    }
    memcpy(data, out, (size_t)len);
    xmlFree(out);
    return (size_t)len;
}
