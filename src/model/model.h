/* model.h - the document model: a tree of report elements in an arena.
 *
 * The parser builds it, check reads it, layout walks it. Every node keeps
 * the file, line and column of its start tag so that any later stage can
 * report a problem where the author will look for it. Text is stored
 * already whitespace-collapsed (XML layout whitespace carries no meaning
 * in a report).
 */
#ifndef BP_MODEL_H
#define BP_MODEL_H

#include "arena.h"

/* Element kinds. M_TEXT is character data; M_UNKNOWN never survives
 * validation but keeps the parser total. */
typedef enum {
    M_UNKNOWN, M_TEXT,
    /* document */
    M_REPORT, M_META, M_BOARD, M_AREA, M_PERIOD, M_TITLE, M_SUBTITLE,
    M_AUTHOR, M_DATE, M_COVER,
    /* structure */
    M_FOREWORD, M_CHAPTER, M_SECTION, M_APPENDIX,
    /* blocks */
    M_P, M_LIST, M_ITEM, M_QUOTE, M_ATTRIBUTION, M_SIGNOFF, M_NAME, M_ROLE,
    /* tables and board blocks */
    M_TABLE, M_CAPTION, M_HEADNOTE, M_COLUMNS, M_COL, M_HEAD, M_BODY, M_ROW, M_CELL,
    M_BUDGET, M_PART, M_GROUP, M_LINE, M_SUBTOTAL, M_TOTAL, M_BALANCE,
    M_OUTCOME_GRID, M_ENTRY, M_QUANTITY, M_QUALITY, M_OUTCOME,
    M_STRATEGIC_AIMS, M_AIM, M_STATEMENT, M_OBJECTIVES, M_LATER_OBJECTIVES,
    M_AGENCY_PLAN, M_OBJECTIVE, M_ACTION,
    /* committee papers */
    M_FRONT_SHEET, M_AGENDA_ITEM, M_MEETING, M_MEETING_DATE, M_SUBMITTED_BY, M_REPORT_FROM, M_SUMMARY,
    M_CONTACT, M_BACKGROUND_PAPERS, M_PAPER,
    /* annual report blocks */
    M_SUBGROUP, M_KEY_FIGURES, M_FIGURE, M_STORY, M_PRIORITIES, M_PRIORITY, M_SUCCESS,
    M_MESSAGES, M_MESSAGE, M_MEMBERS, M_MEMBER, M_CHANGE, M_STRUCTURE, M_UNIT,
    M_CHART, M_CATEGORIES, M_SERIES, M_IMAGE, M_PAGE_BREAK, M_RUNNING_HEAD, M_CONTENTS, M_LOGO,
    /* inline */
    M_B, M_I, M_A, M_BR, M_NOTE, M_REF,
    M_KIND_COUNT
} model_kind;

typedef struct model_attr {
    const char *name, *value;
    struct model_attr *next;
} model_attr;

typedef struct model_node {
    model_kind kind;
    const char *name;       /* element name; "#text" for text */
    const char *text;       /* M_TEXT only: collapsed UTF-8 */
    model_attr *attrs;
    struct model_node *parent, *first, *last, *next;
    const char *file;
    int line, col;
} model_node;

typedef struct model_doc {
    arena *arena;
    const char *file;       /* the report's path as given */
    model_node *root;       /* the <report> element */
    int allow_outside;      /* files the report names may lie outside its folder */
    const char *folder;     /* the real path of the report's folder ("" when it cannot be
                             * resolved: then no file lies in it) */
} model_doc;

/* The path of a file the report names, resolved against the report's
 * folder (arena-allocated). */
const char *model_resolve(arena *a, const model_doc *doc, const char *name);

/* Whether a relative path stays inside its folder (no climbing out with
 * ".."); absolute paths do not. Only the spelling is judged: file_open
 * judges where the path leads, links followed, against model_folder. */
int model_path_inside(const char *path);

/* The real path of the folder the files the report names must lie in,
 * or NULL when they may lie anywhere (--allow-outside-paths). */
const char *model_folder(const model_doc *doc);

/* The kind of an element name (M_UNKNOWN when not in the vocabulary). */
model_kind model_kind_of(const char *name);

/* The value of attribute name, or NULL. */
const char *model_attr_get(const model_node *n, const char *name);

/* The first child of the given kind, or NULL. */
model_node *model_child(const model_node *n, model_kind kind);

/* The concatenated text of n's subtree (arena-allocated; "" when none). */
const char *model_text(arena *a, const model_node *n);

/* Inline elements may sit inside paragraphs; everything else is a block or
 * structure element. */
int model_is_inline(model_kind kind);

/* Appends child to parent. */
void model_append(model_node *parent, model_node *child);

/* Limits of a report, checked before layout so that nothing beyond them
 * reaches the layout or the PDF library. */
#define MODEL_MAX_COUNT 1000000     /* start= of lists and grids, rowspan= */
#define MODEL_MAX_COLS 64           /* columns of a table, colspan= */
#define MODEL_MAX_LEVELS 32         /* levels of an organisation chart */
#define MODEL_MAX_STRING 16000      /* bytes of a title, caption, alt text or
                                       web address: the PDF holds each as
                                       one string of at most 64 KB */

#endif
