/* style.h - templates: every visual decision, read from templates/NAME.xml.
 *
 * A template names the page geometry, the font families and their files,
 * a set of named paragraph styles (with inheritance through base=), the
 * numbering schemes of headings, appendices and lists, the cover, and the
 * running header and footer. Layout asks this module for values and never
 * invents one: no size, colour, spacing or label format lives in C.
 */
#ifndef BP_STYLE_H
#define BP_STYLE_H

#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "font.h"
#include "money.h"

typedef enum { ALIGN_LEFT, ALIGN_JUSTIFY, ALIGN_CENTER, ALIGN_RIGHT } style_align;

enum { FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_BOLD_ITALIC, FACE_COUNT };

typedef struct style_family {
    const char *name;
    const char *path[FACE_COUNT];   /* resolved file paths */
    font *face[FACE_COUNT];         /* metrics, loaded on first use */
    int tline;                      /* template line, for messages */
} style_family;

/* A paragraph style. Lengths are in points. */
typedef struct style_block {
    const char *name;
    int family;                     /* index into style_template.families */
    int bold, italic, uppercase;
    double size, leading;
    uint32_t color;                 /* 0xRRGGBB */
    double space_before, space_after;
    double indent_left, indent_right, first_indent;
    style_align align;
    int keep_with_next;             /* keep the block with what follows */
    int hyphenate;                  /* words of this style may be hyphenated */
    int page_break_before;
    double rule_below;              /* width of a rule under the block, 0 none */
    uint32_t rule_color;
    double bar_left;                /* width of a bar left of the block (quotes) */
    uint32_t bar_color;
    double bar_gap;                 /* space between bar and text */
} style_block;

/* How one heading level, or appendices, are labelled. */
typedef struct style_heading {
    int style;                      /* index into styles */
    const char *number;             /* label format, e.g. "{1}.{2}"; NULL none */
    int numbered;                   /* default when the element says nothing */
    const char *separator;          /* between label and title when inline */
    int label_above;                /* label on its own line, in label_style */
    int label_style;
} style_heading;

/* Label scheme of one list type. */
typedef struct style_list {
    const char *label[4];           /* per nesting depth; last one repeats */
    double indent;                  /* of the text from the list's left edge */
    double label_gap;               /* minimum space after a label */
    style_align label_align;        /* left: at the list's edge; right: label_gap
                                     * before the text, so 9. and 10. align */
} style_list;

enum { LIST_BULLET, LIST_ARABIC, LIST_ROMAN, LIST_ALPHA, LIST_NONE, LIST_TYPE_COUNT };

/* A line of the cover page or of the running header and footer. */
typedef struct style_cover_line {
    int style;
    const char *text;               /* with {meta} placeholders */
    double space_before;
    double logo;                    /* > 0: the board's logo this wide instead of text */
    double picture;                 /* > 0: the report's cover picture this wide */
    double top;                     /* > 0: from the page's top edge, at least (a cover's
                                       lines that stand lower down) */
    struct style_cover_line *next;
} style_cover_line;

/* A field of colour across a cover page, drawn under its lines. */
typedef struct style_cover_band {
    double top, height;             /* from the page's top edge */
    uint32_t color;
    struct style_cover_band *next;
} style_cover_band;

typedef struct style_furniture {
    int style;
    const char *left, *center, *right;  /* with placeholders; NULL empty */
    double offset;                  /* baseline distance from the page edge */
    double rule;                    /* rule between furniture and body; 0 none */
    double rule_gap;                /* distance of that rule from the text */
    uint32_t rule_color;
    int on_first_page;              /* also on the cover */
    double min_size;                /* a text too long for the line is set down to
                                       this size, then cut; 0: cut at the style's */
} style_furniture;

/* A colour that is not drawn (a fill left out). */
#define STYLE_NONE 0xFFFFFFFFu

/* How tables look. */
typedef struct style_table {
    int cell_style, head_style, total_style, caption_style;
    int headnote_style;             /* notes between the caption and the table */
    const char *label;              /* caption label, e.g. "Table {n}"; NULL none */
    const char *separator;          /* between label and caption text */
    const char *continued;          /* after the caption repeated over a continued
                                       table: " (continued)"; NULL none */
    int numbered;                   /* default for tables without number= */
    double pad_x, pad_y;            /* cell padding */
    double pad_x_min;               /* narrowest padding of a crowded table */
    double min_scale;               /* smallest type size factor of a crowded table */
    double split_room;              /* a row that fits on a page parts at its foot only
                                       where moving it whole would leave more than this
                                       share of the text block empty */
    double rule;                    /* rules between rows (and columns in a grid) */
    double frame;                   /* rules above and below the table and under its head */
    uint32_t rule_color;
    uint32_t head_fill, total_fill, stripe_fill;
    int grid;                       /* vertical rules between columns */
    double space_before, space_after;
    style_align numeric_align;      /* columns of figures */
    int decimal_align;              /* right-aligned figures line up on their decimal point */
} style_table;

/* The board grids: partner outcome grids, strategic aims, agency plans. */
enum { GRID_OUTCOMES, GRID_AIMS, GRID_AGENCY_PLAN, GRID_TYPE_COUNT };

typedef struct style_grid {
    const char *columns[6];         /* column headings, with {placeholders} */
    int ncolumns;
    double widths[6];               /* fractions of the text width; 0 auto */
    const char *label;              /* numbering of entries, "{n}."; NULL none */
} style_grid;

/* The board's own blocks: the words templates put around them and the
 * styles they are set in. */
typedef struct style_board {
    const char *chair;              /* "Chair: {chair}" */
    int chair_style;
    int figure_value_style, figure_label_style;
    int story_style, story_title_style;
    const char *priority_label;     /* "{n})" */
    int priority_style, success_style;
    const char *message_title;      /* "Messages for {to}" */
    int message_style;
    int group_style, member_style, member_role_style, change_style;
    const char *member_separator;
    const char *contact_title;
    int contact_title_style, contact_style;
    const char *papers_title;
    int papers_title_style;
    const char *summary_title;
    int summary_title_style;
} style_board;

/* Organisation charts. */
typedef struct style_orgchart {
    int box_style;                  /* the units' names */
    double padding, gap_x, gap_y;   /* inside a box; between boxes; between levels */
    double box_max;                 /* widest a box grows before its name wraps */
    double line;                    /* boxes' outlines and connectors */
    uint32_t line_color, fill;
    double min_scale;               /* smallest a chart too big for a page is drawn */
} style_orgchart;

/* Charts. */
typedef struct style_chart {
    int text_style;                 /* ticks, labels and legend */
    double height;                  /* of the whole chart, legend included */
    uint32_t palette[8];            /* series colours, in order */
    int npalette;
    double axis, grid, line, outline, marker;   /* widths, and the marker's size */
    uint32_t axis_color, grid_color;
    double tick, gap;               /* tick marks' length; space between marks and words */
    double bar_width;               /* a group of bars' share of its slot, 0..1 */
    double hatch_step, hatch_width; /* spacing and width of hatching lines */
    uint32_t value_fill;            /* behind a figure set on a bar's part */
} style_chart;

/* The contents page. */
typedef struct style_contents {
    const char *title;              /* its heading, "Contents" */
    int title_style;
    int depth;                      /* heading levels listed */
    int style[3];                   /* entry style per level (the last repeats) */
    const char *leader;             /* the leader's character, "." */
    double number_width;            /* room kept for page numbers */
    double gap;                     /* between text, leaders and number */
    int auto_pages;                 /* a report longer than this, without <contents>,
                                       gets one; 0 never */
} style_contents;

#define STYLE_MAX_LEVELS 6

/* Blocks a template may let float (<flow float="...">). */
enum {
    STYLE_FLOAT_QUOTE = 1, STYLE_FLOAT_STORY = 2, STYLE_FLOAT_KEY_FIGURES = 4,
    STYLE_FLOAT_CHART = 8, STYLE_FLOAT_IMAGE = 16, STYLE_FLOAT_STRUCTURE = 32
};

typedef struct style_template {
    const char *path;
    const char *name;
    double page_width, page_height;
    double margin_top, margin_bottom, margin_left, margin_right;
    int widows, orphans;
    int heading_keep_lines;         /* lines of following text kept with a heading */
    double label_indent;            /* of paragraphs numbered in the margin */
    double min_measure;             /* narrowest a line is set, whatever indents,
                                       labels and columns leave */
    /* line breaking (TeX's parameters, see linebreak.h) */
    double space_stretch, space_shrink;  /* of a space, as fractions of its width */
    double ragged_stretch;          /* of a ragged line's end, in ems */
    int ragged_hyphenate;           /* ragged text hyphenated as justified text is; else
                                       only where a word would not fit otherwise */
    unsigned floats;                /* STYLE_FLOAT_*: blocks that may wait for the next
                                       page's head while the text after fills this one */
    int float_past_headings;        /* the text that moves ahead of them may hold headings */
    const char *minus;              /* what a hyphen-minus before a figure becomes
                                       ("−"); NULL as written */
    const char *quotes[4];          /* what straight quotes become: opening and closing
                                       single, opening and closing double; NULL none */
    double pretolerance, tolerance; /* passes without and with hyphenation */
    double line_penalty, hyphen_penalty, flagged_demerits, fitness_demerits;
    double final_hyphen_demerits;   /* a hyphen ending a paragraph's last but one line */
    int max_hyphen_run;
    const char *hyphen_patterns;    /* libhyphen pattern file */
    int hyphen_left, hyphen_right;  /* shortest fragments, in characters */
    style_family *families;
    int nfamilies;
    style_block *styles;
    int nstyles;
    style_heading heading[STYLE_MAX_LEVELS];  /* index 0 = level 1 */
    int nheadings;
    style_heading appendix;
    style_list list[LIST_TYPE_COUNT];
    style_cover_line *cover;
    double cover_top;               /* first cover line's distance from the top */
    style_cover_band *cover_bands;
    style_furniture header, footer;
    style_table table;
    style_contents contents;
    style_orgchart orgchart;
    int has_orgchart;
    style_chart chart;
    int has_chart;
    const char *ref_full;           /* a reference with show="full": "{number}, page {page}" */
    const char *ref_default;        /* what a reference shows when it does not say */
    int front_numbering;            /* label_number style of front-matter pages: 'i', 'I', or 0 none */
    int note_style, note_marker_style;  /* notes, and their numbers in the text */
    double note_rise;               /* how far the number is raised */
    int notes_at_foot;              /* at the foot of the page of their marker; else at
                                       the end of the chapter */
    double note_rule, note_rule_length, note_rule_gap;  /* the rule over a page's notes:
                                       thickness, length, space above and below */
    uint32_t note_rule_color;
    const char *pdfa_profile;       /* ICC profile of the PDF/A output intent */
    const char *pdfa_condition;     /* its name, "sRGB IEC61966-2.1" */
    style_board board;
    int has_board, has_appendix, has_notes;
    style_cover_line *front_sheet;  /* lines of a committee front sheet */
    style_money money;
    style_grid grid[GRID_TYPE_COUNT];
    const char *foreword_title;     /* heading of a foreword without <title> */
    int foreword_style;
    int signoff_name_style, signoff_role_style;
    int attribution_style, quote_style, body_style, list_style;
} style_template;

/* Index of the style called name, or -1. */
int style_lookup(const style_template *t, const char *name);

/* The metrics of a family's face, loading them on first use; NULL (and
 * an error reported into dg) when the file cannot be read. */
font *style_face(style_template *t, int family, int face, diag *dg);

/* FACE_* for the given weight and slant. */
int style_face_index(int bold, int italic);

/* Frees the font metrics the template loaded. */
void style_release(style_template *t);

#endif
