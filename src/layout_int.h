/* layout_int.h - what the layout stage's files share among themselves.
 *
 * layout.c owns the galley (lines, paragraphs, blocks, pages); table.c
 * sets tables into it; board.c turns budgets and board grids into
 * tables. Nothing outside the layout stage includes this header.
 */
#ifndef BP_LAYOUT_INT_H
#define BP_LAYOUT_INT_H

#include "dl.h"
#include "galley.h"
#include "layout.h"
#include "linebreak.h"

/* A run of text inside a word: one font, encoding, size, colour, link. */
typedef struct piece {
    lb_type type;                   /* LB_BOX text, LB_GLUE space, LB_BREAK */
    double width;                   /* penalty: of the hyphen drawn if it breaks here */
    double penalty;                 /* penalty: cost of breaking here */
    int flagged;                    /* penalty: a hyphenation point */
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
    arena *a;
    int failed;
    int counters[STYLE_MAX_LEVELS];
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
} ctx;

/* How a paragraph's lines are set. */
typedef struct setting {
    const style_block *s;
    style_align align;
    double x0, measure, first_indent;
    dl_role role;
    int level;
    double given;                   /* the measure before min-measure raised it */
    double scale;                   /* the frame's type scale */
    const style_block *bar;         /* and its bar beside each line, or NULL */
    double bar_x;
    const model_node *src;          /* where the text comes from */
} setting;

#define LAY_NO_ALIGN ((style_align)-1)

double lay_text_width(const ctx *c);
/* The frame of the document's body: no indents, full size, each
 * paragraph in its own style and alignment. */
frame lay_root_frame(void);
/* f indented by left and right more. */
frame lay_indent(frame f, double left, double right);
/* f with style s's bar beside its lines, if s has one (a quote, a story). */
frame lay_with_bar(const ctx *c, frame f, const style_block *s);
/* f with its running text in style (a table cell, a note). */
frame lay_in_style(frame f, int style);
dl_item *lay_item(ctx *c, dl_kind kind, dl_role role);
ink lay_ink(frame f, const style_block *s);
/* The setting of text in style within f; its measure is never below the
 * template's min-measure (a located warning at src when it would be). */
setting lay_setting(ctx *c, int style, frame f, dl_role role, int level, const model_node *src);
void lay_add_text(ctx *c, const ink *k, const char *s, const model_node *src);
/* Adds n's inline content as pieces of the paragraph being built. Notes
 * are numbered in g; with g NULL the content is only being measured. */
void lay_add_inline(ctx *c, galley *g, const model_node *n, ink k);
void lay_paragraph(ctx *c, galley *g, const model_node *n, int style, frame f, const char *prefix,
                   int prefix_style, dl_role role, int level);
void lay_plain(ctx *c, galley *g, const char *text, int style, frame f, const model_node *src,
               dl_role role);
void lay_blocks(ctx *c, galley *g, const model_node *parent, frame f, int level, int list_depth);
const char *lay_child_text(ctx *c, const model_node *n, model_kind kind);
/* The encoding a string is written in with font f: a code page that has
 * all of it, else the two-byte font if f has every glyph, else CP1252
 * (its missing characters as '?'). */
enc_id lay_pick_enc(const font *f, const char *s, size_t len);
/* One line of text in font f as a display item, its encoding picked and
 * its width measured; the caller places it. */
dl_item *lay_text_item(ctx *c, dl_role role, font *f, double size, uint32_t color,
                       const char *text);

/* A width the report gives: a length (pt, mm, cm, in; points when bare)
 * or a percentage of whole; 0 (automatic) when absent, not positive or in
 * an unknown unit. */
double lay_length(const char *value, double whole);

/* A paragraph of plain-text runs, each in its own style and with an
 * optional link (a member's name and role; a contact's email). */
typedef struct lay_run {
    const char *text;
    int style;
    const char *href;
} lay_run;

void lay_runs(ctx *c, galley *g, const lay_run *runs, int n, int style, frame f,
              const model_node *src);

/* Sets content (an element holding running text or blocks) in frame f,
 * with label hung in the margin before its first line, as a list item
 * is. label may be NULL or empty. */
void lay_labelled(ctx *c, galley *g, const char *label, const model_node *content, frame f,
                  int level, int depth);

/* The style running text takes in f: the table cell's while a cell is
 * set, else the given default. */
int lay_style(frame f, int fallback);

/* Widths content needs: min, the widest unbreakable word; max, the
 * longest line it would make with no width limit. Both include the
 * style's indents and list hangs. */
typedef struct lay_extent {
    double min, max;
} lay_extent;

lay_extent lay_measure_text(ctx *c, frame f, const char *text, int style);
lay_extent lay_measure_content(ctx *c, frame f, const model_node *n, int style);

/* ---- toc.c: anchors, the contents page, cross-references ---------------- */

/* Records an anchor for n on the first line written after before. */
void toc_anchor(ctx *c, galley *g, const gline *before, const model_node *n, const char *label, const char *title,
                int level);
/* The anchor the previous pass recorded for n, or NULL. */
const anchor *toc_find(const anchors *a, const model_node *n);
/* The element with the given id, or NULL. */
const model_node *toc_target(const ctx *c, const char *id);
/* The contents page at this point. */
void toc_contents(ctx *c, galley *g, const model_node *n, frame f);
/* The text a <ref> prints; sets *target to the anchor it links to. */
const char *toc_ref_text(ctx *c, const model_node *ref, const anchor **target);
/* A page's number as printed: roman in the front matter, else counted from
 * the body's first page. */
const char *toc_page_label(ctx *c, const anchors *a, int page);

/* A table as table.c sets it, built from a <table> or by board.c from a
 * budget or a grid. */
typedef enum { TROW_HEAD, TROW_BODY, TROW_SUBHEAD, TROW_SUBTOTAL, TROW_TOTAL } trow_kind;

/* One labelled piece of a cell that holds several (a grid column). */
typedef struct tpart {
    const model_node *content;
    const char *label;
} tpart;

typedef struct tcell {
    const model_node *content;      /* its children are set (text or blocks) */
    const char *text;               /* or this plain text */
    const char *label;              /* hung before the content ("1."), or NULL */
    const tpart *parts;             /* or these, one after another */
    int nparts;
    int colspan, rowspan;
    style_align align;              /* LAY_NO_ALIGN: the column's */
    int empty_mark;                 /* text is the mark of an empty cell */
    const model_node *src;
} tcell;

typedef struct trow {
    tcell *cells;
    int ncells;
    trow_kind kind;
    const model_node *src;
} trow;

#define TABLE_MAX_COLS MODEL_MAX_COLS

typedef struct tspec {
    trow *rows;
    int nrows;
    int ncols;                      /* 0: from the rows */
    double col_width[TABLE_MAX_COLS];   /* fixed widths: >0 points, <0 a fraction of
                                           the width (-0.3 = 30%), 0 auto */
    style_align col_align[TABLE_MAX_COLS];
    const model_node *col_src[TABLE_MAX_COLS];  /* the <col> giving each, or NULL */
    int full_width;
    const model_node *caption;      /* inline content of the caption, or NULL */
    const model_node *headnote;     /* what the reader must know first, or NULL */
    const char *number;             /* number= of the element, or NULL */
    const model_node *src;
} tspec;

/* Column widths as browsers' automatic table layout gives them: each
 * column's min (widest word) and max (longest line), fixed[k] > 0 for a
 * column of given width. A table that fits at its maxima takes them (all
 * of avail when full); otherwise the space above the minima is shared in
 * proportion to max - min; minima that do not fit are scaled down. */
void table_distribute(const double *min, const double *max, const double *fixed, int n,
                      double avail, int full, double *out);

/* Sets t in f (table.c). */
void table_set(ctx *c, galley *g, const tspec *t, frame f);

/* A table, budget or grid (table.c, board.c). */
void table_block(ctx *c, galley *g, const model_node *n, frame f);
void board_budget(ctx *c, galley *g, const model_node *n, frame f);
void board_grid(ctx *c, galley *g, const model_node *n, frame f);
/* A <chart> (chart.c), and the round scale it draws on: from start to end
 * in steps of 1, 2, 2.5 or 5 times a power of ten, about target steps. */
void chart_block(ctx *c, galley *g, const model_node *n, frame f);
void chart_ticks(double lo, double hi, int target, double *start, double *end, double *step);

/* An <image> with its caption; the board's logo on the cover, width wide
 * (picture.c). */
void picture_block(ctx *c, galley *g, const model_node *n, frame f);
void picture_logo(ctx *c, galley *g, const model_node *logo, double width);

/* A <structure> drawn as an organisation chart (orgchart.c). */
void org_chart(ctx *c, galley *g, const model_node *n, frame f);

/* The "Chair: ..." line under a subgroup's heading. */
void board_subgroup_chair(ctx *c, galley *g, const model_node *n, frame f);
/* Key figures, stories, priorities, messages, members, structure,
 * contact, background papers, front sheet (board.c). */
void board_block(ctx *c, galley *g, const model_node *n, frame f, int level);

#endif
