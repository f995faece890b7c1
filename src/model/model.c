/* model.c - the document tree's small helpers. */
#include "model.h"

#include <string.h>

static const char *const kind_names[M_KIND_COUNT] = {
    [M_REPORT] = "report", [M_META] = "meta", [M_BOARD] = "board",
    [M_AREA] = "area", [M_PERIOD] = "period", [M_TITLE] = "title",
    [M_SUBTITLE] = "subtitle", [M_AUTHOR] = "author", [M_DATE] = "date",
    [M_COVER] = "cover", [M_FOREWORD] = "foreword", [M_CHAPTER] = "chapter",
    [M_SECTION] = "section", [M_APPENDIX] = "appendix", [M_P] = "p",
    [M_LIST] = "list", [M_ITEM] = "item", [M_QUOTE] = "quote",
    [M_ATTRIBUTION] = "attribution", [M_SIGNOFF] = "signoff",
    [M_NAME] = "name", [M_ROLE] = "role",
    [M_TABLE] = "table", [M_CAPTION] = "caption", [M_HEADNOTE] = "headnote", [M_COLUMNS] = "columns", [M_COL] = "col",
    [M_HEAD] = "head", [M_BODY] = "body", [M_ROW] = "row", [M_CELL] = "cell",
    [M_BUDGET] = "budget", [M_PART] = "part", [M_GROUP] = "group", [M_LINE] = "line",
    [M_SUBTOTAL] = "subtotal", [M_TOTAL] = "total", [M_BALANCE] = "balance",
    [M_OUTCOME_GRID] = "outcome-grid", [M_ENTRY] = "entry", [M_QUANTITY] = "quantity",
    [M_QUALITY] = "quality", [M_OUTCOME] = "outcome", [M_STRATEGIC_AIMS] = "strategic-aims",
    [M_AIM] = "aim", [M_STATEMENT] = "statement", [M_OBJECTIVES] = "objectives",
    [M_LATER_OBJECTIVES] = "later-objectives", [M_AGENCY_PLAN] = "agency-plan",
    [M_OBJECTIVE] = "objective", [M_ACTION] = "action",
    [M_FRONT_SHEET] = "front-sheet", [M_AGENDA_ITEM] = "agenda-item", [M_MEETING] = "meeting",
    [M_MEETING_DATE] = "meeting-date", [M_SUBMITTED_BY] = "submitted-by", [M_REPORT_FROM] = "report-from", [M_SUMMARY] = "summary",
    [M_CONTACT] = "contact", [M_BACKGROUND_PAPERS] = "background-papers", [M_PAPER] = "paper",
    [M_SUBGROUP] = "subgroup", [M_KEY_FIGURES] = "key-figures", [M_FIGURE] = "figure",
    [M_STORY] = "story", [M_PRIORITIES] = "priorities", [M_PRIORITY] = "priority",
    [M_SUCCESS] = "success", [M_MESSAGES] = "messages", [M_MESSAGE] = "message",
    [M_MEMBERS] = "members", [M_MEMBER] = "member", [M_CHANGE] = "change",
    [M_STRUCTURE] = "structure", [M_UNIT] = "unit", [M_CHART] = "chart",
    [M_CATEGORIES] = "categories", [M_SERIES] = "series", [M_IMAGE] = "image",
    [M_PAGE_BREAK] = "page-break", [M_RUNNING_HEAD] = "running-head", [M_CONTENTS] = "contents", [M_LOGO] = "logo",
    [M_NOTE] = "note", [M_REF] = "ref", [M_B] = "b", [M_I] = "i",
    [M_A] = "a", [M_BR] = "br",
};

model_kind model_kind_of(const char *name)
{
    for (int k = 0; k < M_KIND_COUNT; k++)
        if (kind_names[k] && strcmp(kind_names[k], name) == 0)
            return (model_kind)k;
    return M_UNKNOWN;
}

const char *model_attr_get(const model_node *n, const char *name)
{
    for (const model_attr *a = n->attrs; a; a = a->next)
        if (strcmp(a->name, name) == 0)
            return a->value;
    return NULL;
}

model_node *model_child(const model_node *n, model_kind kind)
{
    for (model_node *c = n->first; c; c = c->next)
        if (c->kind == kind)
            return c;
    return NULL;
}

/* A note inside an element is not part of its text: a title's note is
 * not in the running head, the bookmark or the contents. */
static size_t text_len(const model_node *n)
{
    if (n->kind == M_TEXT)
        return strlen(n->text);
    size_t len = 0;
    for (const model_node *c = n->first; c; c = c->next)
        if (c->kind != M_NOTE)
            len += text_len(c);
    return len;
}

static char *text_copy(const model_node *n, char *p)
{
    if (n->kind == M_TEXT) {
        size_t len = strlen(n->text);
        memcpy(p, n->text, len);
        return p + len;
    }
    for (const model_node *c = n->first; c; c = c->next)
        if (c->kind != M_NOTE)
            p = text_copy(c, p);
    return p;
}

const char *model_text(arena *a, const model_node *n)
{
    char *s = arena_alloc(a, text_len(n) + 1);
    *text_copy(n, s) = '\0';
    return s;
}

int model_is_inline(model_kind kind)
{
    return kind == M_TEXT || kind == M_B || kind == M_I || kind == M_A ||
           kind == M_BR || kind == M_NOTE || kind == M_REF;
}

void model_append(model_node *parent, model_node *child)
{
    child->parent = parent;
    if (parent->last)
        parent->last->next = child;
    else
        parent->first = child;
    parent->last = child;
}

const char *model_resolve(arena *a, const model_doc *doc, const char *name)
{
    const char *slash = strrchr(doc->file, '/');
    if (name[0] == '/' || !slash)
        return name;
    return arena_printf(a, "%.*s/%s", (int)(slash - doc->file), doc->file, name);
}

const char *model_folder(const model_doc *doc)
{
    return doc->allow_outside ? NULL : doc->folder;
}

int model_path_inside(const char *path)
{
    if (path[0] == '/')
        return 0;
    int depth = 0;
    for (const char *p = path; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            depth--;
        else if (n > 0 && !(n == 1 && p[0] == '.'))
            depth++;
        if (depth < 0)
            return 0;
        p += n;
        while (*p == '/')
            p++;
    }
    return 1;
}
