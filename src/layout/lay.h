/* lay.h - what every file of the layout stage shares: the state of a
 * layout pass (ctx), the frame content is set in, and the pieces a
 * paragraph is built from.
 *
 * The stage's files, lowest first (each may use those before it):
 * galley.c (lines) and page.c (pages); text.c (inline content to
 * pieces), para.c (pieces to lines), measure.c (the widths content
 * needs); anchor.c (where headings landed, references); then the
 * blocks: block.c dispatches and sets lists, quotes and divisions, and
 * calls table.c, board.c, chart.c, orgchart.c, picture.c and toc.c,
 * which may set nested blocks through block.c; furniture.c (cover,
 * running heads) and layout.c (the passes) on top. Nothing outside the
 * layout stage includes this header.
 */
#ifndef BP_LAY_H
#define BP_LAY_H

#include "arena.h"
#include "diag.h"
#include "dl.h"
#include "galley.h"
#include "linebreak.h"
#include "style.h"

/* A run of text inside a word: one font, encoding, size, colour, link. */
typedef struct piece {
    lb_type type;                   /* LB_BOX text, LB_GLUE space, LB_BREAK */
    double width;                   /* penalty: of the hyphen drawn if it breaks here */
    double penalty;                 /* penalty: cost of breaking here */
    int flagged;                    /* penalty: a hyphenation point */
    int cut;                        /* penalty: where a word too wide for its line is
                                       cut, no hyphen drawn */
    const char *text;               /* UTF-8, not terminated */
    size_t len;
    font *font;
    enc_id enc;
    double size;
    uint32_t color;
    const char *href;
    const struct anchor *dest;      /* a link within the document */
    double rise;                    /* raised above the baseline (note markers) */
    const model_node *src;
} piece;

/* The inline formatting in force while walking a paragraph. */
typedef struct ink {
    int family, bold, italic, uppercase, hyphenate;
    double size;
    uint32_t color;
    const char *href;
    const struct anchor *dest;
    double rise;
    double scale;                   /* the frame's, for text styled apart (a note's marker) */
} ink;

/* How content is set where it stands: indents, type scale, alignment,
 * the style of running text, the bar beside each line, the running head.
 * A frame is a value: a block passes its children a changed copy (a
 * cell's style and alignment, a quote's bar, a list item's indent), so
 * nothing needs restoring when they return. */
typedef struct frame {
    double left, right;             /* indents from the text area's edges */
    double scale;                   /* type size factor: 1, less in a crowded table */
    style_align align;              /* overrides paragraph alignment (table columns) */
    int style;                      /* overrides body/list style (table cells); -1 none */
    const style_block *bar;         /* quote bar drawn beside each line, or NULL */
    double bar_x;
    const char *head;               /* the running head of the blocks being set */
} frame;

/* The state of one layout pass, shared by every block: the template,
 * counters, anchors and pictures, and the paragraph being built (its
 * pieces and the line breaker's arrays, reused from one paragraph to the
 * next). What is set, and how, is in the galley and the frame each
 * function is given. */
typedef struct ctx {
    const model_doc *doc;
    style_template *t;
    arena *a;                       /* this pass's: freed two passes on */
    arena *keep;                    /* the run's: what outlives a pass (pictures) */
    diag *dg;                       /* where messages go */
    int failed;
    int counters[STYLE_MAX_LEVELS];
    int uncounted[STYLE_MAX_LEVELS];    /* the heading in force at a level has no count
                                           of its own ("Section 1", unnumbered) */
    int chapter_counter, appendix_counter;
    int table_counter;
    /* the paragraph being built */
    piece *pieces;
    int npieces, cap;
    lb_item *items;                 /* the line breaker's view of the pieces */
    int *breaks;
    double *ratios;
    int items_cap, breaks_cap, ratios_cap;
    struct hyph *hyph;              /* the template's patterns, loaded on first use */
    int hyph_failed;
    uint32_t *warned;               /* codepoints already warned about */
    int nwarned, warned_cap;
    int link_style;
    struct share_map *shares;       /* tables that share column widths, across passes */
    int landscape;                  /* a part set on pages turned on their side: the
                                       template's page width and height are swapped */
    const model_node **squeezed;    /* elements warned of for their measure: a */
    size_t nsqueezed, squeezed_cap; /* set, open addressing on the address */
    layout_stats *stats;
    anchors *cur;                   /* this pass's anchors */
    const anchors *prev;            /* the pass before's, or NULL on the first */
    int needs_pages;                /* a contents page or reference wants page numbers */
    struct image **images;          /* pictures decoded so far, kept for every pass */
    int nimages, images_cap;
    const model_node **ids;         /* elements with ids, sorted by id */
    int nids;
    /* a long report without <contents/>: the contents page the template
     * gives it (a node of its own, the same in every pass), set before
     * the first block of the body */
    const model_node *auto_contents, *contents_before;
} ctx;

#define LAY_NO_ALIGN ((style_align)-1)

/* Lets the block set after before (kept whole) wait for the next page's
 * head when it does not fit where it falls, if the template lets blocks
 * of its kind (bit, STYLE_FLOAT_*) float. */
static inline void lay_float(const ctx *c, galley *g, const gline *before, unsigned bit)
{
    gline *first = gal_since(g, before);
    if (first && (c->t->floats & bit))
        first->floats = 1;
}

/* The width of the text area. */
static inline double lay_text_width(const ctx *c)
{
    return c->t->page_width - c->t->margin_left - c->t->margin_right;
}

/* Turns the page on its side, or back: what is set in between is set
 * for pages as wide as the template's are tall (page.c gives its lines
 * such pages). */
static inline void lay_turn(ctx *c)
{
    double w = c->t->page_width;
    c->t->page_width = c->t->page_height;
    c->t->page_height = w;
    c->landscape = !c->landscape;
}

/* The frame of the document's body: no indents, full size, each
 * paragraph in its own style and alignment. */
static inline frame lay_root_frame(void)
{
    return (frame){ .scale = 1, .align = LAY_NO_ALIGN, .style = -1 };
}

/* f indented by left and right more. */
static inline frame lay_indent(frame f, double left, double right)
{
    f.left += left;
    f.right += right;
    return f;
}

/* f with its running text in style (a table cell, a note). */
static inline frame lay_in_style(frame f, int style)
{
    f.style = style;
    return f;
}

/* f with style s's bar beside its lines, if s has one (a quote, a story). */
static inline frame lay_with_bar(const ctx *c, frame f, const style_block *s)
{
    if (s->bar_left > 0) {
        f.bar = s;
        f.bar_x = c->t->margin_left + f.left + s->indent_left - s->bar_gap - s->bar_left;
    }
    return f;
}

/* A new display item, zeroed, in the pass's arena. */
static inline dl_item *lay_item(ctx *c, dl_kind kind, dl_role role)
{
    dl_item *it = arena_alloc(c->a, sizeof *it);
    it->kind = kind;
    it->role = role;
    return it;
}

#endif
