/* galley.h - the galley: lines set to their measure, waiting for pages.
 *
 * Everything layout sets goes into a galley: a paragraph's lines, a
 * table's bands, a chart. A galley is a value the caller owns: the
 * document's body is one, and a table cell, an organisation-chart box or
 * a trial setting is set into a child galley that is handed back to the
 * caller, who takes its lines (and its notes) or drops them. What a line
 * needs from the page breaker travels on the line: the space above it,
 * whether it keeps with the next, the marks for running heads and
 * anchors, and for a table's bands what to repeat after a break.
 */
#ifndef BP_GALLEY_H
#define BP_GALLEY_H

#include "arena.h"
#include "dl.h"
#include "model.h"

/* Counts from the laid-out pages (for --stats and the tests). */
typedef struct layout_stats {
    int pages, lines, hyphenated, loose, overfull;
    int widows, orphans, stranded_headings;  /* counted where pages break */
    int underfull;                  /* pages left less than 60% full before a page
                                       that does not start a chapter */
    int broken;                     /* lines ending in a word cut without a hyphen */
    int passes;                     /* layout passes run */
} layout_stats;

/* Where a heading or another element with an id landed: what the contents
 * page, bookmarks and cross-references need from the pass before. */
typedef struct anchor {
    const model_node *node;
    const char *label, *title;      /* "3.1", "Appendix A", "Table 4"; plain title */
    int level;                      /* heading level for contents and bookmarks; 0 none */
    int page;                       /* physical page, 1-based; 0 until placed */
    double y;                       /* top of its first line on that page */
} anchor;

typedef struct anchors {
    anchor *v;
    int n, cap;
    int front_pages;                /* pages before the body's page 1 */
} anchors;

/* What the page breaker does where it breaks a run of bands (a table):
 * a rule closes the run at the page's foot, and the heading bands are
 * repeated at the next page's head. */
typedef struct gal_run {
    double x0, x1;                  /* the closing rule: its ends, */
    double width;                   /* its thickness */
    uint32_t color;                 /* and colour */
    const struct gline *head;       /* the heading bands as built (copied before each use), or NULL */
    const struct gline *caption, *caption_last;  /* the caption saying "(continued)",
                                       set apart, or NULL */
    double caption_gap;             /* below it */
    int parts;                      /* heading rows in the body stand for the head, which
                                       names the first part only (a budget) */
} gal_run;

/* A heading row inside a table's body, which the rows under it are
 * continued under after a page break. */
typedef struct gal_sub {
    const struct gline *first;      /* a copy as built, copied again before each use */
} gal_sub;

/* Keeps: GAL_KEEP always holds; GAL_KEEP_SOFT (between a table row's
 * lines) gives way where the row meets a page's foot with room to spare
 * or is taller than a page; GAL_KEEP_BLOCK (a block kept whole) gives way
 * only where the block is taller than a page, and then its lines' own
 * keeps (widows, orphans) still hold. */
enum { GAL_KEEP = 1, GAL_KEEP_SOFT = 2, GAL_KEEP_BLOCK = 3 };

/* Notes set for the foot of the page: lines first..last, height high
 * with the space between them. */
typedef struct gal_foot {
    struct gline *first, *last;
    double height;
    struct gal_foot *next;
} gal_foot;

/* One line of the galley: set to its measure, waiting for a page. */
typedef struct gline {
    double height, ascent;          /* line box and baseline offset */
    double space_before;            /* dropped at the top of a page */
    int keep_next;                  /* GAL_KEEP, or GAL_KEEP_SOFT: kept unless the page
                                       breaker must part a table's row here */
    int break_before;
    dl_item *first, *last;          /* y relative to the baseline */
    const gal_run *run;             /* the run of bands (a table) this band belongs to */
    int run_head;                   /* a heading band, repeated after breaks; 2 the last */
    int row_end;                    /* the last band of a table's row */
    const gal_sub *sub;             /* the heading row in the body this band is under */
    int sub_head;                   /* a band of that heading row itself */
    gal_foot *feet;                 /* notes whose markers it holds, for the page's foot */
    const struct gline *cont;       /* what heads a page the block it is in goes on to
                                       (a story's title, "continued"), set apart */
    int landscape;                  /* set on a page turned on its side */
    int floats;                     /* starts a block that may wait for the next page's
                                       head while the text after it fills this one */
    const char *mark_label;         /* a chapter starts here: its label and */
    const char *mark_title;         /* title, for the running heads */
    const char *mark_head;          /* a <running-head> starts (or ends) here */
    int anchor;                     /* 1 + index of the anchor that starts here, or 0 */
    dl_item *bar;                   /* the bar beside a quote's line */
    double ratio;                   /* adjustment ratio the line was set at */
    int hyphenated;                 /* ends in a hyphen */
    int heading;                    /* a line of a heading */
    int para_first, para_last;      /* first and last line of its paragraph */
    struct gline *next;
} gline;

/* A note met in running text, waiting for the end of its chapter. */
typedef struct gal_note {
    const model_node *node;
    int number;
    struct gal_note *next;
} gal_note;

typedef struct galley {
    gline *first, *last;
    double pending_space;           /* the space the next line has above it */
    int keep_following;             /* lines still to keep with what precedes */
    int break_next;                 /* the next line starts a page */
    const char *head_pending;       /* the next line starts this running head */
    dl_item *label;                 /* a list label waiting for the next line */
    gal_note *notes, *notes_last;   /* notes not yet set */
    int note_counter;               /* the number of the last note met */
} galley;

/* An empty galley for content set apart from g: it numbers notes on from
 * g's (g may be NULL). */
galley gal_child(const galley *g);

/* A new line of the given height at g's end, taking the pending space,
 * page break, running head, keeps and label in force. */
gline *gal_new_line(arena *a, galley *g, double height, double ascent);
/* Appends item it to line l. */
void gal_line_add(gline *l, dl_item *it);
/* Makes the space before the next line at least space. */
void gal_add_space(galley *g, double space);
/* Appends lines first..last built apart (a table's bands, a chart, a
 * child galley's lines) with the space, break and keeps in force. */
void gal_append(galley *g, gline *first, gline *last);
/* The first line added after before (NULL: g's first line). */
gline *gal_since(const galley *g, const gline *before);
/* Keeps every line after before with the next: a block that fits on a
 * page is not split (the page breaker lets a longer one through). */
void gal_keep_whole(galley *g, const gline *before);
/* Moves from's notes for the page's foot to the end of to's. */
void gal_take_feet(gline *to, gline *from);
/* Moves child's notes to g's end, and numbers on from the last of them. */
void gal_take_notes(galley *g, galley *child);
/* Records a note met in running text, numbered on; returns its number. */
int gal_add_note(arena *a, galley *g, const model_node *note);
/* A deep copy of the heading bands from first up to the one marked last
 * (run_head 2): placing a band moves its items onto a page, so what is
 * placed again is copied, as artifacts (a reader meets the heading once). */
gline *gal_copy_head(arena *a, const gline *first);
/* A deep copy of lines first..last (NULL: to the end), not yet placed,
 * for drawing again: a repeated heading, a caption saying "(continued)".
 * With artifact, what it draws is not content (a reader meets it once,
 * where it was set). */
gline *gal_copy_lines(arena *a, const gline *first, const gline *last, int artifact);

#endif
