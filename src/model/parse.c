/* parse.c - XML to model.
 *
 * libxml2 records only the line of an element, so the column of a start
 * tag is recovered from the source text: elements are visited in
 * document order, which is the order of their start tags, so a cursor per
 * line finds each one after the previous.
 */
#include "parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "diag.h"
#include "file.h"

/* The schema, compiled into the binary (schema.S). */
extern const char parse_schema_start[], parse_schema_end[];

#define MAX_MESSAGES 20

typedef struct {
    const char *name;       /* file name for messages */
    const char *buf;
    size_t len;
    long *line_start;       /* offsets of each line's first byte, 1-based */
    int nlines;
    int cur_line;           /* column finder's cursor */
    size_t cur_pos;
    int messages;
    int doctype_line, doctype_col;
    arena *arena;
    diag *dg;
} source;

/* ---- lines and columns ------------------------------------------------ */

static void index_lines(source *src)
{
    int n = 1;
    for (size_t i = 0; i < src->len; i++)
        if (src->buf[i] == '\n')
            n++;
    src->line_start = arena_alloc(src->arena, sizeof(long) * ((size_t)n + 2));
    src->nlines = n;
    int line = 1;
    src->line_start[1] = 0;
    for (size_t i = 0; i < src->len; i++)
        if (src->buf[i] == '\n')
            src->line_start[++line] = (long)i + 1;
    src->line_start[n + 1] = (long)src->len;
}

static size_t line_end(const source *src, int line)
{
    return line < src->nlines ? (size_t)src->line_start[line + 1] : src->len;
}

/* Column (1-based, in bytes) of "<name" on line, searching after the
 * previous element found on the same line; 0 when not found. */
static int find_column(source *src, int line, const char *name)
{
    if (line < 1 || line > src->nlines)
        return 0;
    size_t from = (size_t)src->line_start[line];
    if (line == src->cur_line && src->cur_pos > from)
        from = src->cur_pos;
    size_t end = line_end(src, line), nlen = strlen(name);
    for (size_t i = from; i + 1 + nlen <= end; i++) {
        if (src->buf[i] == '<' && memcmp(src->buf + i + 1, name, nlen) == 0) {
            src->cur_line = line;
            src->cur_pos = i + 1;
            return (int)(i - (size_t)src->line_start[line]) + 1;
        }
    }
    return 0;
}

/* ---- libxml2 errors ----------------------------------------------------- */

/* libxml2's messages end in a newline and some run over two lines;
 * a diagnostic is one line. */
static void trim_message(char *msg, size_t size, const char *text)
{
    snprintf(msg, size, "%s", text ? text : "malformed XML");
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    for (char *p = strchr(msg, '\n'); p; p = strchr(p, '\n'))
        *p = ' ';
}

static void on_xml_error(void *data, xmlErrorPtr err)
{
    source *src = data;
    if (err->level < XML_ERR_ERROR)
        return;
    if (++src->messages > MAX_MESSAGES)
        return;
    char msg[512];
    trim_message(msg, sizeof msg, err->message);
    int line = err->line, col = err->int2;
    xmlNodePtr node = err->node;
    if (err->domain == XML_FROM_RELAXNGV && node && node->type == XML_ELEMENT_NODE) {
        line = node->line;
        src->cur_line = 0;      /* several messages may name one element */
        col = find_column(src, line, (const char *)node->name);
        diag_error(src->dg, src->name, line, col, "<%s>: %s", node->name, msg);
        return;
    }
    diag_error(src->dg, src->name, line, col, "%s", msg);
}

/* libxml2 hands the DOCTYPE to this SAX callback before it reads any
 * declaration in it; stopping there means no entity is ever defined. */
static void refuse_doctype(void *ctx, const xmlChar *name,
                           const xmlChar *external_id, const xmlChar *system_id)
{
    (void)name; (void)external_id; (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    source *src = ctxt->_private;
    src->doctype_line = xmlSAX2GetLineNumber(ctxt);
    src->doctype_col = xmlSAX2GetColumnNumber(ctxt);
    xmlStopParser(ctxt);
}

/* ---- model building ------------------------------------------------------ */

/* Elements whose character data is running text; elsewhere whitespace
 * between elements is only layout of the XML file. */
static int holds_text(model_kind k)
{
    switch (k) {
    case M_P: case M_TITLE: case M_ITEM: case M_QUOTE: case M_ATTRIBUTION:
    case M_B: case M_I: case M_A: case M_BOARD: case M_AREA: case M_PERIOD:
    case M_SUBTITLE: case M_AUTHOR: case M_DATE: case M_NAME: case M_ROLE:
    case M_CAPTION: case M_HEADNOTE: case M_CELL: case M_LINE: case M_SUBTOTAL: case M_TOTAL: case M_BALANCE:
    case M_QUANTITY: case M_QUALITY: case M_OUTCOME: case M_STATEMENT: case M_OBJECTIVES:
    case M_LATER_OBJECTIVES: case M_ACTION: case M_AGENDA_ITEM: case M_MEETING:
    case M_MEETING_DATE: case M_SUBMITTED_BY: case M_RUNNING_HEAD: case M_SUMMARY: case M_PAPER: case M_FIGURE: case M_SUCCESS:
    case M_CHANGE: case M_UNIT: case M_CATEGORIES: case M_SERIES: case M_NOTE:
        return 1;
    default:
        return 0;
    }
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Collapses each run of XML whitespace to one space. */
static const char *collapse(arena *a, const char *s)
{
    size_t len = strlen(s);
    char *out = arena_alloc(a, len + 1), *p = out;
    int in_space = 0;
    for (; *s; s++) {
        if (is_space(*s)) {
            if (!in_space)
                *p++ = ' ';
            in_space = 1;
        } else {
            *p++ = *s;
            in_space = 0;
        }
    }
    *p = '\0';
    return out;
}

static model_node *new_node(source *src, model_kind kind, const char *name, int line)
{
    model_node *n = arena_alloc(src->arena, sizeof *n);
    n->kind = kind;
    n->name = name;
    n->file = src->name;
    n->line = line;
    return n;
}

static void copy_attrs(source *src, model_node *n, xmlNodePtr x)
{
    model_attr **tail = &n->attrs;
    for (xmlAttrPtr at = x->properties; at; at = at->next) {
        model_attr *ma = arena_alloc(src->arena, sizeof *ma);
        const char *prefix = at->ns && at->ns->prefix ? (const char *)at->ns->prefix : NULL;
        ma->name = prefix ? arena_printf(src->arena, "%s:%s", prefix, at->name)
                          : arena_strdup(src->arena, (const char *)at->name);
        xmlChar *v = xmlNodeListGetString(x->doc, at->children, 1);
        ma->value = arena_strdup(src->arena, v ? (const char *)v : "");
        xmlFree(v);
        *tail = ma;
        tail = &ma->next;
    }
}

static model_node *build(source *src, xmlNodePtr x);

static void build_children(source *src, model_node *n, xmlNodePtr x)
{
    int text_ok = holds_text(n->kind);
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (!text_ok || !c->content)
                continue;
            /* text is located at its element: libxml2 gives text no column */
            model_node *t = new_node(src, M_TEXT, "#text", n->line);
            t->col = n->col;
            t->text = collapse(src->arena, (const char *)c->content);
            model_append(n, t);
        } else if (c->type == XML_ELEMENT_NODE) {
            model_append(n, build(src, c));
        }
    }
}

/* Recursion depth is bounded: libxml2 refuses documents nested deeper
 * than 256 elements unless XML_PARSE_HUGE is given, and it is not. */
static model_node *build(source *src, xmlNodePtr x)
{
    const char *name = arena_strdup(src->arena, (const char *)x->name);
    model_node *n = new_node(src, model_kind_of(name), name, x->line);
    n->col = find_column(src, n->line, name);
    copy_attrs(src, n, x);
    build_children(src, n, x);
    return n;
}

/* ---- validation -------------------------------------------------------- */

static int validate(source *src, xmlDocPtr doc)
{
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(
        parse_schema_start, (int)(parse_schema_end - parse_schema_start));
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    if (!schema) {
        diag_error(src->dg, NULL, 0, 0, "internal error: the built-in schema does not compile");
        return 0;
    }
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(vc, on_xml_error, src);
    int rc = xmlRelaxNGValidateDoc(vc, doc);
    xmlRelaxNGFreeValidCtxt(vc);
    xmlRelaxNGFree(schema);
    if (rc != 0 && src->messages == 0)
        diag_error(src->dg, src->name, 1, 0, "the document does not match the report schema");
    return rc == 0;
}

/* ---- entry points ------------------------------------------------------- */

static xmlDocPtr read_xml(source *src)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        diag_error(src->dg, src->name, 0, 0, "out of memory");
        return NULL;
    }
    ctxt->_private = src;
    ctxt->sax->internalSubset = refuse_doctype;
    xmlSetStructuredErrorFunc(src, on_xml_error);
    /* NONET: never fetch; no NOENT (entities stay unexpanded), no DTDLOAD,
     * no HUGE (keeps libxml2's depth and size limits). */
    int opts = XML_PARSE_NONET | XML_PARSE_NOWARNING;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, src->buf, (int)src->len, src->name, "UTF-8", opts);
    int well_formed = ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (src->doctype_line) {
        diag_error(src->dg, src->name, src->doctype_line, src->doctype_col,
                   "DOCTYPE declarations are not allowed in a report");
        xmlFreeDoc(doc);
        return NULL;
    }
    if (!doc || !well_formed) {
        if (src->messages == 0)
            diag_error(src->dg, src->name, 1, 0, "not a well-formed XML document");
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

model_doc *parse_memory(const char *buf, size_t len, const char *name, arena *a, diag *dg)
{
    source src = { .name = name, .buf = buf, .len = len, .arena = a, .dg = dg };
    if (len == 0) {
        diag_error(dg, name, 1, 1, "the file is empty");
        return NULL;
    }
    /* files that are plainly something else get a plain answer */
    if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
                     ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
        diag_error(dg, name, 1, 1, "the file is in UTF-16; a report is written in UTF-8");
        return NULL;
    }
    if (len >= 5 && memcmp(buf, "%PDF-", 5) == 0) {
        diag_error(dg, name, 1, 1, "this is a PDF file, not a report");
        return NULL;
    }
    if ((long)len > PARSE_MAX_BYTES) {
        diag_error(dg, name, 0, 0, "the file is larger than %ld MB", PARSE_MAX_BYTES >> 20);
        return NULL;
    }
    index_lines(&src);
    xmlDocPtr doc = read_xml(&src);
    if (!doc)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || strcmp((const char *)root->name, "report") != 0) {
        int line = root ? root->line : 1;
        diag_error(dg, name, line, root ? find_column(&src, line, (const char *)root->name) : 0,
                   "the root element is <%s>; a report starts with <report>",
                   root ? (const char *)root->name : "");
        xmlFreeDoc(doc);
        return NULL;
    }
    src.messages = 0;
    int valid = validate(&src, doc);
    model_doc *md = NULL;
    if (valid) {
        src.cur_line = 0;
        md = arena_alloc(a, sizeof *md);
        md->arena = a;
        md->file = name;
        md->folder = file_folder(a, name);
        md->root = build(&src, root);
    }
    xmlFreeDoc(doc);
    return md;
}

model_doc *parse_file(const char *path, arena *a, diag *dg)
{
    char why[FILE_WHY_MAX];
    size_t len = 0;
    unsigned char *buf = file_read(path, NULL, PARSE_MAX_BYTES, &len, NULL, why, sizeof why);
    if (!buf) {
        diag_error(dg, path, 0, 0, "the report %s", why);
        return NULL;
    }
    model_doc *doc = parse_memory((const char *)buf, len, path, a, dg);
    free(buf);
    return doc;
}

void parse_shutdown(void)
{
    xmlCleanupParser();
}
