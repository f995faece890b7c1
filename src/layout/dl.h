/* dl.h - the display list: laid-out pages, ready to draw.
 *
 * Layout writes it, render reads it; render looks at nothing else.
 * Coordinates are PDF points with the origin at the page's lower left.
 * Text is already encoded in the encoding its font will be declared
 * with. Each item drawn as content carries the structure element it
 * belongs to (structure.c works them out), and every item where in the
 * report it was set from, so that a tagged PDF and located messages can
 * be written from the list alone.
 */
#ifndef BP_DL_H
#define BP_DL_H

#include <stdint.h>

#include "enc.h"
#include "font.h"

struct model_node;

/* A place in the report: what a message names. */
typedef struct dl_where {
    const char *file;
    int line, col;
    const char *name;          /* the element's name */
} dl_where;

/* The most parts one structure element, or one page's marked content,
 * may list: a PDF array holds 32,767 entries; readers are kept well
 * inside that. Layout refuses a report past it, so render never meets it. */
#define DL_MAX_PARTS 32000

/* An element of the tagged PDF's structure tree. */
typedef struct dl_struct {
    const char *tag;           /* its standard type: "Sect", "H2", "P", "LI", "Lbl", "TH", ... */
    const struct dl_struct *parent;     /* NULL for the document */
    const char *alt;           /* a Figure's text for readers who cannot see it, or NULL */
    const dl_where *at;        /* the element of the report it stands for */
    int parts;                 /* its content and elements (at most DL_MAX_PARTS) */
    /* a table cell: the headers it is (DL_SCOPE_COLUMN: a heading row's
     * cell) and the rows and columns it spans */
    int scope, colspan, rowspan;
} dl_struct;

enum { DL_SCOPE_NONE, DL_SCOPE_COLUMN, DL_SCOPE_ROW };

typedef enum { DL_TEXT, DL_RULE, DL_RECT, DL_LINK, DL_PATH, DL_WEDGE, DL_IMAGE } dl_kind;

/* What a piece of the page is, for structure and for tests. */
typedef enum {
    ROLE_BODY, ROLE_HEADING, ROLE_LIST_LABEL, ROLE_QUOTE, ROLE_COVER, ROLE_FIGURE,
    ROLE_ARTIFACT              /* running header and footer, rules */
} dl_role;

typedef struct dl_item {
    dl_kind kind;
    dl_role role;
    int level;                 /* heading level for ROLE_HEADING */
    double x, y;               /* text: baseline start; rule: start; rect/link: lower left */
    double x2, y2;             /* rule: end point */
    double w, h;               /* rect/link size; text: advance width */
    double line_width;         /* rule; rect, path and wedge: outline width, 0 none */
    uint32_t color;            /* text, rule; rect, path, wedge: the fill */
    uint32_t stroke;           /* rect, path, wedge: the outline's colour */
    int filled;                /* rect, path, wedge: filled (else outline only) */
    int hatch;                 /* rect, wedge: 0 plain, 1 rising, 2 falling, 3 crossed lines */
    double hatch_step, hatch_width;
    /* path: points x0 y0 x1 y1 ... relative to (x, y); wedge: centre (x, y),
     * radius w, from angle a0 to a1 in degrees clockwise from 12 o'clock */
    const double *pts;
    int npts, closed;
    double a0, a1;
    const struct image *image;  /* image: the picture, drawn in x, y, w, h */
    /* text */
    font *font;                /* metrics; render embeds font_path(font) */
    enc_id enc;
    double size, word_space;
    int linked;                /* text: the link item after it makes it a link */
    const char *bytes;         /* encoded, NUL-terminated */
    const char *uri;           /* link to the web; NULL for a link within the document */
    int dest_page;             /* link within: the page (1-based) and the height */
    double dest_y;             /* at its top */
    const dl_struct *st;       /* the structure element it belongs to; NULL: an artifact */
    const dl_where *at;        /* where it was set from, or NULL */
    const struct model_node *src;   /* layout's own: the node it was set from */
    struct dl_item *next;
} dl_item;

typedef struct dl_page {
    double width, height;
    int number;                /* 1-based physical page number */
    const char *mark_label;    /* the chapter in force on the page, for */
    const char *mark_title;    /* running heads */
    const char *mark_head;     /* the <running-head> in force, or "" */
    dl_item *first, *last;
    struct dl_page *next;
} dl_page;

/* A bookmark: a heading's title, its depth, and where it is. */
typedef struct dl_outline {
    int level;                 /* 1 for chapters */
    const char *title;         /* UTF-8 */
    int page;
    double y;
    const dl_where *at;        /* the heading's division */
    const struct model_node *src;   /* layout's own: that division */
    struct dl_outline *next;
} dl_outline;

typedef struct dl_doc {
    dl_page *first, *last;
    int npages;
    dl_outline *outline;
    int front_pages;           /* numbered apart, before the body's page 1 */
    char front_style;          /* 'i' or 'I' */
    const dl_struct *document; /* the top of the structure tree */
    const dl_where *at;        /* the report */
    /* document information for the PDF */
    const char *title, *author, *subject, *keywords, *lang;
    long long date;            /* seconds since 1970 (UTC), or -1 for none */
} dl_doc;

/* Appends item to page (the item must not be on another page). */
static inline void dl_append(dl_page *p, dl_item *it)
{
    it->next = NULL;
    if (p->last)
        p->last->next = it;
    else
        p->first = it;
    p->last = it;
}

#endif
