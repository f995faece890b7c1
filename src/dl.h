/* dl.h - the display list: laid-out pages, ready to draw.
 *
 * Layout writes it, render reads it; neither looks past it. Coordinates
 * are PDF points with the origin at the page's lower left. Text is
 * already encoded in the single-byte encoding its font will be declared
 * with. Each item points back to the model node it came from and carries
 * its structural role, so that a tagged PDF can be written from it.
 */
#ifndef BP_DL_H
#define BP_DL_H

#include <stdint.h>

#include "enc.h"
#include "font.h"
#include "model.h"

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
    const char *alt;           /* image: its text for readers who cannot see it */
    /* text */
    font *font;                /* metrics; render embeds font_path(font) */
    enc_id enc;
    double size, word_space;
    int linked;                /* text: the link item after it makes it a link */
    const char *bytes;         /* encoded, NUL-terminated */
    const char *uri;           /* link to the web; NULL for a link within the document */
    int dest_page;             /* link within: the page (1-based) and the height */
    double dest_y;             /* at its top */
    const model_node *src;
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
    const model_node *src;     /* the heading's division */
    struct dl_outline *next;
} dl_outline;

typedef struct dl_doc {
    dl_page *first, *last;
    int npages;
    dl_outline *outline;
    int front_pages;           /* numbered apart, before the body's page 1 */
    char front_style;          /* 'i' or 'I' */
    const model_node *root;    /* the report, top of the structure tree */
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
