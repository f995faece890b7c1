/* render.c - walks pages of display items into libharu.
 *
 * libharu's errors are sticky (after one, every call does nothing), so
 * the handler records the first and the walk stops at the next check.
 */
#include "render.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hpdf.h>
#include <time.h>

#include "diag.h"
#include "mem.h"
#include "pdfa.h"
#include "pdfint.h"
#include "image.h"
#include "tag.h"

/* Numbers a PDF reader is sure to handle (the library's own limit). */
#define RENDER_MAX_REAL 32767.0
/* The most lines hatching one shape. */
#define RENDER_MAX_HATCH 10000
/* The narrowest arc drawn, in degrees. */
#define RENDER_MIN_SWEEP 1e-3

typedef struct loaded_font {
    const font *metrics;
    enc_id enc;
    HPDF_Font font;
} loaded_font;

typedef struct file_font {
    const char *path;
    const char *name;           /* libharu's name for the embedded file */
} file_font;

typedef struct loaded_image {
    const struct image *image;
    HPDF_Image pdf_image;
} loaded_image;

typedef struct rstate {
    HPDF_Doc pdf;
    loaded_image *images;       /* each picture embedded once, however often drawn */
    int nimages, image_cap;
    HPDF_Page *pages;           /* for links and bookmarks into the document */
    int npages;
    HPDF_STATUS error, detail;
    loaded_font *fonts;
    int nfonts, cap;
    file_font *files;
    int nfiles, file_cap;
    int utf_ready;              /* the two-byte encoder is registered */
    tagger *tags;               /* the structure tree, for screen readers */
    int page_links;             /* the page being drawn has link annotations */
    diag *dg;                   /* where messages go */
    const dl_where *at;         /* what is being drawn, to say where a failure is */
    const dl_where *err_at;     /* where the library's first error came */
    const char *refused;        /* why render itself stopped, or NULL */
    /* text state of the current page, to write operators only on change */
    int in_text;
    HPDF_Font cur_font;
    double cur_size, cur_ws;
    uint32_t cur_fill;
    int fill_known;
} rstate;

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    rstate *r = data;
    if (!r->error) {
        r->error = error;
        r->detail = detail;
        r->err_at = r->at;
    }
}

/* Stops the render at n for the reason why (the first one wins). */
static void refuse(rstate *r, const dl_where *n, const char *why)
{
    if (!r->refused && !r->error) {
        r->refused = why;
        r->err_at = n;
    }
}

/* The PDF library's error codes as the author can act on them. */
static const char *explain(HPDF_STATUS code)
{
    switch (code) {
    case HPDF_ARRAY_COUNT_ERR:
        return "has more parts than one object of a PDF may hold (32,767)";
    case HPDF_DICT_COUNT_ERR:
        return "has more entries than one object of a PDF may hold (4,095)";
    case HPDF_STRING_OUT_OF_RANGE: case HPDF_BINARY_LENGTH_ERR:
        return "holds a text longer than a PDF string may be (65,535 bytes)";
    case HPDF_INVALID_URI:
        return "has a web address a PDF link cannot hold";
    case HPDF_UNSUPPORTED_JPEG_FORMAT: case HPDF_INVALID_JPEG_DATA:
        return "is a JPEG picture of a kind a PDF cannot hold";
    case HPDF_INVALID_PNG_IMAGE: case HPDF_LIBPNG_ERROR:
        return "is a PNG picture a PDF cannot hold";
    case HPDF_PAGE_OUT_OF_RANGE: case HPDF_REAL_OUT_OF_RANGE: case HPDF_PAGE_INVALID_SIZE:
        return "is placed or sized beyond what a PDF page holds";
    case HPDF_XREF_COUNT_ERR:
        return "makes the PDF hold more objects than it may (8,388,607)";
    case HPDF_FAILD_TO_ALLOC_MEM:
        return "needs more memory than the machine has";
    default:
        return NULL;
    }
}

/* Reports why the render failed, once, at the element it failed on. */
static void report_failure(const rstate *r, const char *where)
{
    const dl_where *n = r->err_at;
    const char *why = r->refused ? r->refused : explain(r->error);
    char code[64];
    if (!why) {
        snprintf(code, sizeof code, "could not be written (PDF library error 0x%04X, detail %u)",
                 (unsigned)r->error, (unsigned)r->detail);
        why = code;
    }
    if (n)
        diag_error(r->dg, n->file, n->line, n->col, "<%s> %s", n->name, why);
    else
        diag_error(r->dg, where, 0, 0, "the PDF %s", why);
}

/* Whether every number of it that reaches the PDF is finite and within
 * the range a PDF reader handles (32,767 either way). */
static int item_in_range(const dl_item *it)
{
    double v[] = { it->x, it->y, it->x2, it->y2, it->w, it->h, it->line_width, it->size,
                   it->word_space, it->a0, it->a1, it->hatch_step, it->hatch_width };
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++)
        if (!(fabs(v[k]) <= RENDER_MAX_REAL))
            return 0;
    for (int k = 0; k < 2 * it->npts; k++)
        if (!(fabs(it->x + it->pts[k]) <= RENDER_MAX_REAL))
            return 0;
    return 1;
}

static const char *file_name(rstate *r, const char *path)
{
    for (int i = 0; i < r->nfiles; i++)
        if (strcmp(r->files[i].path, path) == 0)
            return r->files[i].name;
    const char *name = HPDF_LoadTTFontFromFile(r->pdf, path, HPDF_TRUE);
    if (!name)
        return NULL;
    MEM_PUSH(r->files, r->nfiles, r->file_cap) = (file_font){ path, name };
    return name;
}

/* The two-byte font's codes are its characters' Unicode values, so the
 * map back to text is the identity: one range for each high byte. The
 * PDF library writes its encoding CMap in this place, which readers reject
 * (and extract nothing from reliably); this one they read. */
static int unicode_cmap(rstate *r, HPDF_Font hf)
{
    HPDF_Dict cmap = pdfi_stream_new(r->pdf);
    if (!cmap)
        return -1;
    pdfi_stream_filter(cmap, HPDF_STREAM_FILTER_FLATE_DECODE);
    HPDF_Stream s = pdfi_stream_data(cmap);
    HPDF_STATUS st = HPDF_Stream_WriteStr(s,
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    /* 248 high bytes: the surrogates (D8-DF) are never characters, and
     * U+0000, the byte-order marks FEFF and FFFE, and FFFF are left out */
    int hi = 0;
    for (int block = 0; block < 3 && st == HPDF_OK; block++) {
        char buf[64];
        int n = block < 2 ? 100 : 48;
        snprintf(buf, sizeof buf, "%d beginbfrange\n", n);
        st = HPDF_Stream_WriteStr(s, buf);
        for (int k = 0; k < n && st == HPDF_OK; k++, hi++) {
            if (hi == 0xD8)
                hi = 0xE0;
            int lo = hi == 0 ? 1 : 0, top = hi == 0xFE ? 0xFE : hi == 0xFF ? 0xFD : 0xFF;
            snprintf(buf, sizeof buf, "<%02X%02X> <%02X%02X> <%02X%02X>\n", hi, lo, hi, top, hi, lo);
            st = HPDF_Stream_WriteStr(s, buf);
        }
        if (st == HPDF_OK)
            st = HPDF_Stream_WriteStr(s, "endbfrange\n");
    }
    if (st == HPDF_OK)
        st = HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    if (st == HPDF_OK)
        st = HPDF_Dict_Add(hf, "ToUnicode", cmap);
    return st == HPDF_OK ? 0 : -1;
}

/* The PDF font for a face in an encoding, embedded on first use. */
static HPDF_Font pdf_font(rstate *r, const font *f, enc_id e)
{
    for (int i = 0; i < r->nfonts; i++)
        if (r->fonts[i].metrics == f && r->fonts[i].enc == e)
            return r->fonts[i].font;
    const char *name = file_name(r, font_path(f));
    if (!name)
        return NULL;
    if (e == ENC_UTF8 && !r->utf_ready) {
        if (HPDF_UseUTFEncodings(r->pdf) != HPDF_OK)
            return NULL;
        r->utf_ready = 1;
    }
    if (e != ENC_UTF8)
        pdfi_encoder_undefined(r->pdf, enc_name(e), 127);
    HPDF_Font hf = HPDF_GetFont(r->pdf, name, enc_name(e));
    if (!hf || (e == ENC_UTF8 && unicode_cmap(r, hf) != 0))
        return NULL;
    MEM_PUSH(r->fonts, r->nfonts, r->cap) = (loaded_font){ f, e, hf };
    return hf;
}

static double channel(uint32_t c, int shift)
{
    return ((c >> shift) & 0xFF) / 255.0;
}

static void set_fill(rstate *r, HPDF_Page page, uint32_t color)
{
    if (r->fill_known && r->cur_fill == color)
        return;
    HPDF_Page_SetRGBFill(page, (HPDF_REAL)channel(color, 16), (HPDF_REAL)channel(color, 8),
                         (HPDF_REAL)channel(color, 0));
    r->cur_fill = color;
    r->fill_known = 1;
}

static void end_text(rstate *r, HPDF_Page page)
{
    if (r->in_text) {
        HPDF_Page_EndText(page);
        r->in_text = 0;
    }
}

static void draw_text(rstate *r, HPDF_Page page, const dl_item *it)
{
    HPDF_Font f = pdf_font(r, it->font, it->enc);
    if (!f)
        return;
    if (!r->in_text) {
        HPDF_Page_BeginText(page);
        r->in_text = 1;
    }
    tag_open(r->tags, page, it);
    if (f != r->cur_font || it->size != r->cur_size) {
        HPDF_Page_SetFontAndSize(page, f, (HPDF_REAL)it->size);
        r->cur_font = f;
        r->cur_size = it->size;
    }
    if (it->word_space != r->cur_ws) {
        HPDF_Page_SetWordSpace(page, (HPDF_REAL)it->word_space);
        r->cur_ws = it->word_space;
    }
    set_fill(r, page, it->color);
    HPDF_Page_TextOut(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, it->bytes);
    tag_close(r->tags, page);
}

static void draw_rule(rstate *r, HPDF_Page page, const dl_item *it)
{
    if (it->line_width <= 0)
        return;                     /* a width of 0 means no line, not a hairline */
    end_text(r, page);
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->line_width);
    HPDF_Page_SetRGBStroke(page, (HPDF_REAL)channel(it->color, 16),
                           (HPDF_REAL)channel(it->color, 8), (HPDF_REAL)channel(it->color, 0));
    HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y);
    HPDF_Page_LineTo(page, (HPDF_REAL)it->x2, (HPDF_REAL)it->y2);
    HPDF_Page_Stroke(page);
}

static void set_stroke(HPDF_Page page, const dl_item *it)
{
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->line_width);
    HPDF_Page_SetRGBStroke(page, (HPDF_REAL)channel(it->stroke, 16), (HPDF_REAL)channel(it->stroke, 8),
                           (HPDF_REAL)channel(it->stroke, 0));
}

/* Fills, strokes or both the path just described. */
static void paint(rstate *r, HPDF_Page page, const dl_item *it)
{
    if (it->filled && it->line_width > 0)
        HPDF_Page_FillStroke(page);
    else if (it->filled)
        HPDF_Page_Fill(page);
    else
        HPDF_Page_Stroke(page);
    (void)r;
}

static void draw_hatch(rstate *r, HPDF_Page page, const dl_item *it);

static void draw_rect(rstate *r, HPDF_Page page, const dl_item *it)
{
    end_text(r, page);
    if (it->filled || it->line_width <= 0)
        set_fill(r, page, it->color);
    if (it->line_width > 0)
        set_stroke(page, it);
    HPDF_Page_Rectangle(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w, (HPDF_REAL)it->h);
    if (it->line_width > 0)
        paint(r, page, it);
    else
        HPDF_Page_Fill(page);
    if (it->hatch)
        draw_hatch(r, page, it);
}

/* Lines across a shape, clipped to it, in the outline's colour: series
 * told apart in greyscale print by pattern as well as by shade. */
static void hatch_lines(HPDF_Page page, const dl_item *it, double x0, double y0, double x1, double y1)
{
    double step = it->hatch_step, span = (x1 - x0) + (y1 - y0);
    if (!(step > 0) || span / step > RENDER_MAX_HATCH)
        return;                     /* no hatching finer than a reader can see */
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->hatch_width);
    HPDF_Page_SetRGBStroke(page, (HPDF_REAL)channel(it->stroke, 16), (HPDF_REAL)channel(it->stroke, 8),
                           (HPDF_REAL)channel(it->stroke, 0));
    for (double d = 0; d <= span; d += step) {
        if (it->hatch & 1) {
            HPDF_Page_MoveTo(page, (HPDF_REAL)(x0 + d - (y1 - y0)), (HPDF_REAL)y0);
            HPDF_Page_LineTo(page, (HPDF_REAL)(x0 + d), (HPDF_REAL)y1);
        }
        if (it->hatch & 2) {
            HPDF_Page_MoveTo(page, (HPDF_REAL)(x0 + d - (y1 - y0)), (HPDF_REAL)y1);
            HPDF_Page_LineTo(page, (HPDF_REAL)(x0 + d), (HPDF_REAL)y0);
        }
    }
    HPDF_Page_Stroke(page);
}

static void draw_hatch(rstate *r, HPDF_Page page, const dl_item *it)
{
    (void)r;
    HPDF_Page_GSave(page);
    if (it->kind == DL_RECT) {
        HPDF_Page_Rectangle(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w, (HPDF_REAL)it->h);
        HPDF_Page_Clip(page);
        HPDF_Page_EndPath(page);
        hatch_lines(page, it, it->x, it->y, it->x + it->w, it->y + it->h);
    } else {
        if (it->a1 - it->a0 >= 359.999) {
            HPDF_Page_Circle(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w);
        } else {
            HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y);
            HPDF_Page_Arc(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w,
                          (HPDF_REAL)it->a0, (HPDF_REAL)it->a1);
            HPDF_Page_ClosePath(page);
        }
        HPDF_Page_Clip(page);
        HPDF_Page_EndPath(page);
        hatch_lines(page, it, it->x - it->w, it->y - it->w, it->x + it->w, it->y + it->w);
    }
    HPDF_Page_GRestore(page);
    r->fill_known = 0;              /* the state saved and restored */
}

static void draw_path(rstate *r, HPDF_Page page, const dl_item *it)
{
    if (it->npts < 2)
        return;
    end_text(r, page);
    if (it->filled)
        set_fill(r, page, it->color);
    if (it->line_width > 0)
        set_stroke(page, it);
    HPDF_Page_MoveTo(page, (HPDF_REAL)(it->x + it->pts[0]), (HPDF_REAL)(it->y + it->pts[1]));
    for (int k = 1; k < it->npts; k++)
        HPDF_Page_LineTo(page, (HPDF_REAL)(it->x + it->pts[2 * k]), (HPDF_REAL)(it->y + it->pts[2 * k + 1]));
    if (it->closed)
        HPDF_Page_ClosePath(page);
    paint(r, page, it);
    if (it->hatch)
        draw_hatch(r, page, it);
}

static void draw_wedge(rstate *r, HPDF_Page page, const dl_item *it)
{
    if (!(it->a1 - it->a0 >= RENDER_MIN_SWEEP) || !(it->w > 0))
        return;                     /* the library's arc of a sliver divides by nothing */
    end_text(r, page);
    set_fill(r, page, it->color);
    if (it->line_width > 0)
        set_stroke(page, it);
    if (it->a1 - it->a0 >= 359.999) {
        /* a whole pie: libharu draws no arc of 360 degrees */
        HPDF_Page_Circle(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w);
    } else {
        HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y);
        HPDF_Page_Arc(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w, (HPDF_REAL)it->a0,
                      (HPDF_REAL)it->a1);
        HPDF_Page_ClosePath(page);
    }
    paint(r, page, it);
    if (it->hatch)
        draw_hatch(r, page, it);
}

static HPDF_Destination destination(rstate *r, int page, double y)
{
    if (page < 1 || page > r->npages)
        return NULL;
    HPDF_Destination dst = HPDF_Page_CreateDestination(r->pages[page - 1]);
    if (dst)
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)y);   /* libharu refuses XYZ with zoom 0 */
    return dst;
}

/* Links within the document point at pages drawn later, so they are made
 * once every page exists. */
static HPDF_Annotation draw_link(rstate *r, HPDF_Page page, const dl_item *it)
{
    HPDF_Rect rect = { (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)(it->x + it->w),
                       (HPDF_REAL)(it->y + it->h) };
    HPDF_Annotation a = NULL;
    if (it->uri) {
        a = HPDF_Page_CreateURILinkAnnot(page, rect, it->uri);
    } else {
        HPDF_Destination dst = destination(r, it->dest_page, it->dest_y);
        if (dst)
            a = HPDF_Page_CreateLinkAnnot(page, rect, dst);
    }
    if (a) {
        HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
        HPDF_Dict_AddNumber(a, "F", 4);     /* printable, as PDF/A asks */
        /* what a reader is told the link does, as PDF/UA asks */
        char where[64];
        if (!it->uri)
            snprintf(where, sizeof where, "Go to page %d", it->dest_page);
        HPDF_Dict_Add(a, "Contents", tag_text_string(r->pdf, it->uri ? it->uri : where));
        r->page_links = 1;
    }
    return a;
}

static HPDF_Image pdf_image(rstate *r, const image *im)
{
    for (int i = 0; i < r->nimages; i++)
        if (r->images[i].image == im)
            return r->images[i].pdf_image;
    HPDF_Image pi;
    if (im->kind == IMAGE_PNG)
        pi = HPDF_LoadRawImageFromMem(r->pdf, im->pixels, (HPDF_UINT)im->width, (HPDF_UINT)im->height,
                                      HPDF_CS_DEVICE_RGB, 8);
    else
        pi = HPDF_LoadJpegImageFromMem(r->pdf, im->jpeg, (HPDF_UINT)im->jpeg_len);
    if (!pi)
        return NULL;
    MEM_PUSH(r->images, r->nimages, r->image_cap) = (loaded_image){ im, pi };
    return pi;
}

static void draw_image(rstate *r, HPDF_Page page, const dl_item *it)
{
    end_text(r, page);
    HPDF_Image pi = pdf_image(r, it->image);
    if (pi)
        HPDF_Page_DrawImage(page, pi, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w,
                            (HPDF_REAL)it->h);
}

static void draw_page(rstate *r, const dl_page *p, HPDF_Page page)
{
    HPDF_Page_SetWidth(page, (HPDF_REAL)p->width);
    HPDF_Page_SetHeight(page, (HPDF_REAL)p->height);
    r->in_text = 0;
    r->cur_font = NULL;
    r->cur_size = r->cur_ws = 0;
    r->fill_known = 0;
    r->page_links = 0;
    for (const dl_item *it = p->first; it && !r->error && !r->refused; it = it->next) {
        r->at = it->at;
        if (!item_in_range(it)) {
            refuse(r, r->at, "would be drawn at a position or size beyond what a PDF page holds");
            break;
        }
        if (it->kind == DL_TEXT) {
            draw_text(r, page, it);     /* marked inside its text object */
            continue;
        }
        if (it->kind == DL_LINK) {
            /* an annotation, not page content, but part of the structure */
            HPDF_Annotation a = draw_link(r, page, it);
            if (a)
                tag_link(r->tags, page, a);
            continue;
        }
        end_text(r, page);
        tag_open(r->tags, page, it);
        switch (it->kind) {
        case DL_RULE: draw_rule(r, page, it); break;
        case DL_RECT: draw_rect(r, page, it); break;
        case DL_PATH: draw_path(r, page, it); break;
        case DL_WEDGE: draw_wedge(r, page, it); break;
        case DL_IMAGE: draw_image(r, page, it); break;
        default: break;
        }
        tag_close(r->tags, page);
        const dl_where *tag_at;
        const char *tag_why;
        if (tag_failure(r->tags, &tag_at, &tag_why)) {
            refuse(r, tag_at ? tag_at : r->at, tag_why);
            break;
        }
    }
    end_text(r, page);
    if (r->page_links)
        HPDF_Dict_AddName(page, "Tabs", "S");  /* links in the structure's order */
}

static void set_text(rstate *r, HPDF_Dict dict, const char *key, const char *value)
{
    if (!dict || !value || !*value)
        return;
    HPDF_Binary b = tag_text_string(r->pdf, value);
    if (b)
        HPDF_Dict_Add(dict, key, b);
}

/* Dates come from the report (meta date iso=) or SOURCE_DATE_EPOCH, never
 * the clock, so that the same report gives the same bytes. */
static void set_dates(rstate *r, long long when)
{
    if (!pdfa_writable_date(when))
        return;
    time_t t = (time_t)when;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return;
    HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                    tm.tm_sec, 'Z', 0, 0 };
    HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_MOD_DATE, d);
}

static void set_document(rstate *r, const dl_doc *d)
{
    /* the info dictionary is made by libharu on its first entry */
    HPDF_SetInfoAttr(r->pdf, HPDF_INFO_CREATOR, "boardpress");
    HPDF_SetInfoAttr(r->pdf, HPDF_INFO_PRODUCER, "boardpress");
    set_text(r, pdfi_info(r->pdf), "Title", d->title);
    set_text(r, pdfi_info(r->pdf), "Author", d->author);
    set_text(r, pdfi_info(r->pdf), "Subject", d->subject);
    set_text(r, pdfi_info(r->pdf), "Keywords", d->keywords);
    set_dates(r, d->date);
    HPDF_Dict catalog = pdfi_catalog(r->pdf);
    if (d->lang)
        HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(pdfi_mmgr(r->pdf), d->lang, NULL));
    /* the viewer's title bar shows the title, not the file name */
    HPDF_Dict prefs = HPDF_Dict_New(pdfi_mmgr(r->pdf));
    if (prefs) {
        HPDF_Dict_Add(prefs, "DisplayDocTitle", HPDF_Boolean_New(pdfi_mmgr(r->pdf), HPDF_TRUE));
        HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
    }
}

/* Bookmarks nest by heading level; the viewer opens with them shown.
 * A heading under no heading of the level above hangs from the nearest
 * one higher up (libharu puts parentless items at the top). */
static void bookmarks(rstate *r, const dl_doc *d)
{
    if (!d->outline)
        return;
    enum { DEPTH = 8 };
    HPDF_Outline parent[DEPTH + 1] = { 0 };
    for (const dl_outline *o = d->outline; o; o = o->next) {
        int level = o->level < 1 ? 1 : o->level > DEPTH ? DEPTH : o->level;
        HPDF_Outline up = NULL;
        for (int k = level - 1; k >= 1 && !up; k--)
            up = parent[k];
        HPDF_Outline item = HPDF_CreateOutline(r->pdf, up, "", NULL);
        if (!item)
            return;
        r->at = o->at;
        set_text(r, item, "Title", o->title);
        HPDF_Destination dst = destination(r, o->page, o->y);
        if (dst)
            HPDF_Outline_SetDestination(item, dst);
        if (level == 1)
            HPDF_Outline_SetOpened(item, HPDF_TRUE);
        parent[level] = item;
        for (int k = level + 1; k <= DEPTH; k++)
            parent[k] = NULL;
    }
    HPDF_SetPageMode(r->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* The viewer's page labels: front matter in roman numerals, the body
 * from 1, as the footers print them. */
static void page_labels(rstate *r, const dl_doc *d)
{
    if (d->front_pages > 0) {
        HPDF_AddPageLabel(r->pdf, 0, d->front_style == 'I' ? HPDF_PAGE_NUM_STYLE_UPPER_ROMAN
                                                           : HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, NULL);
        HPDF_AddPageLabel(r->pdf, (HPDF_UINT)d->front_pages, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
    } else {
        HPDF_AddPageLabel(r->pdf, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
    }
}

/* ---- the file ------------------------------------------------------------- */

/* Writes all n bytes, through short writes (a disk filling up) and
 * interrupted calls: 0, or -1 with errno saying why. */
static int write_all(int fd, const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            if (k == 0)
                errno = ENOSPC;     /* no progress and no reason: the device is full */
            return -1;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Writes the finished document to fd: 0, or -1 with errno saying why
 * (0 when the PDF library failed). */
static int save(rstate *r, int fd)
{
    errno = 0;
    if (HPDF_SaveToStream(r->pdf) != HPDF_OK)
        return -1;
    HPDF_ResetStream(r->pdf);
    HPDF_BYTE buf[65536];
    for (;;) {
        HPDF_UINT32 n = sizeof buf;
        HPDF_STATUS st = HPDF_ReadFromStream(r->pdf, buf, &n);
        if (n > 0 && write_all(fd, buf, n) != 0)
            return -1;
        if (st == HPDF_STREAM_EOF)
            return 0;
        if (st != HPDF_OK) {
            errno = 0;
            return -1;
        }
    }
}

/* The temporary file being written, for the signal handler: a run
 * killed while it saves removes it and dies of the same signal. Set and
 * cleared with those signals blocked, so the handler sees a whole path
 * or none. */
static char pending[PATH_MAX + 16];
static volatile sig_atomic_t pending_set;
static const int caught[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction previous[sizeof caught / sizeof caught[0]];

/* Only async-signal-safe calls: unlink and raise. The action is back to
 * the default on entry (SA_RESETHAND), so the signal raised again, once
 * this returns, ends the run as it would have. */
static void on_signal(int sig)
{
    if (pending_set)
        unlink(pending);
    raise(sig);
}

static void caught_set(sigset_t *set)
{
    sigemptyset(set);
    for (size_t k = 0; k < sizeof caught / sizeof caught[0]; k++)
        sigaddset(set, caught[k]);
}

/* A signal ignored when the run started (nohup, a background job) stays
 * ignored. */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    caught_set(&sa.sa_mask);
    for (size_t k = 0; k < sizeof caught / sizeof caught[0]; k++)
        if (sigaction(caught[k], NULL, &previous[k]) == 0 && previous[k].sa_handler != SIG_IGN)
            sigaction(caught[k], &sa, NULL);
}

static void release_signals(void)
{
    for (size_t k = 0; k < sizeof caught / sizeof caught[0]; k++)
        sigaction(caught[k], &previous[k], NULL);
}

/* .NAME.XXXXXX beside path, into pending: 0, or -1 when too long. */
static int temp_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    int n = snprintf(pending, sizeof pending, "%.*s.%s.XXXXXX", dirlen, path, slash ? slash + 1 : path);
    return n > 0 && (size_t)n < sizeof pending ? 0 : -1;
}

/* Saves into the temporary file and closes it: 0, or the errno of the
 * step that failed (-1: the PDF library). The data reaches the disk
 * before the file takes the output's name. */
static int fill_temp(rstate *r, int fd)
{
    int err = save(r, fd) != 0 ? (errno ? errno : -1) : 0;
    if (!err && fchmod(fd, 0644) != 0)
        err = errno;
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    return err;
}

/* The PDF goes to a temporary file beside path, renamed over path only
 * when whole: a failed or killed run leaves no file and never touches
 * what was at path. */
static int write_atomically(rstate *r, const char *path)
{
    if (temp_path(path) != 0) {
        diag_error(r->dg, path, 0, 0, "cannot write the output: %s", strerror(ENAMETOOLONG));
        return -1;
    }
    sigset_t set, old;
    caught_set(&set);
    catch_signals();
    sigprocmask(SIG_BLOCK, &set, &old);
    int fd = mkstemp(pending);
    int err = fd < 0 ? errno : 0;
    pending_set = fd >= 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (fd >= 0)
        err = fill_temp(r, fd);
    char why[FILE_WHY_MAX] = "";
    /* the output was vetted before layout; it may have changed since */
    if (!err && file_output_ok(path, NULL, NULL, 0, why, sizeof why) != 0)
        err = -2;
    sigprocmask(SIG_BLOCK, &set, &old);
    if (!err && rename(pending, path) != 0)
        err = errno;
    if (err && pending_set)
        unlink(pending);
    pending_set = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    release_signals();
    if (err == -2)
        diag_error(r->dg, path, 0, 0, "the output %s", why);
    else if (err)
        diag_error(r->dg, path, 0, 0, "cannot write the output: %s", err == -1 ? "PDF library error" : strerror(err));
    return err ? -1 : 0;
}

/* Draws d into r->pdf: pages, bookmarks, page labels, and PDF/A's parts
 * when asked. Returns 0, or -1 with r->error set or a reason reported. */
static int count_links(const dl_doc *d)
{
    int n = 0;
    for (const dl_page *p = d->first; p; p = p->next)
        for (const dl_item *it = p->first; it; it = it->next)
            n += it->kind == DL_LINK;
    return n;
}

/* Draws d into r->pdf: pages, bookmarks, page labels, and PDF/A's parts
 * when asked. Returns 0, or -1 after reporting, at the element it came
 * to, why it failed. */
static int build(rstate *r, const dl_doc *d, const render_options *opt, const char *where)
{
    HPDF_SetCompressionMode(r->pdf, HPDF_COMP_ALL);
    r->at = d->at;
    set_document(r, d);
    r->pages = mem_alloc((size_t)d->npages + 1, sizeof *r->pages);
    for (const dl_page *p = d->first; p && !r->error && r->npages < d->npages; p = p->next)
        r->pages[r->npages++] = HPDF_AddPage(r->pdf);
    r->tags = tag_new(r->pdf, d->document, r->npages, count_links(d));
    if (!r->tags) {
        diag_error(r->dg, where, 0, 0, "out of memory");
        return -1;
    }
    int k = 0;
    for (const dl_page *p = d->first; p && !r->error && !r->refused && k < r->npages; p = p->next) {
        tag_page(r->tags, r->pages[k], k);
        draw_page(r, p, r->pages[k++]);
    }
    const dl_where *tag_at;
    const char *tag_why;
    if (!r->error && !r->refused) {
        r->at = d->at;
        bookmarks(r, d);
        page_labels(r, d);
        r->at = d->at;
        if (tag_finish(r->tags) != 0 && !r->error && !tag_failure(r->tags, &tag_at, &tag_why))
            refuse(r, NULL, "cannot hold the structure tree for readers");
    }
    if (!r->error && !r->refused && tag_failure(r->tags, &tag_at, &tag_why))
        refuse(r, tag_at ? tag_at : d->at, tag_why);
    if (!r->error && !r->refused && pdfa_metadata(r->pdf, d, opt && opt->pdfa) != 0)
        refuse(r, NULL, "cannot hold the document's metadata");
    if (!r->error && !r->refused && opt && opt->pdfa &&
        pdfa_write(r->pdf, d, opt->icc_profile, opt->icc_condition) != 0) {
        diag_error(r->dg, where, 0, 0, "cannot write PDF/A: the output intent's ICC profile %s cannot be read",
                   opt->icc_profile ? opt->icc_profile : "(the template names none)");
        return -1;
    }
    if (r->error || r->refused) {
        report_failure(r, where);
        return -1;
    }
    return 0;
}

static void finish(rstate *r)
{
    tag_free(r->tags);
    HPDF_Free(r->pdf);
    free(r->pages);
    free(r->fonts);
    free(r->files);
    free(r->images);
}

int render_pdf(const dl_doc *d, const char *path, const render_options *opt, diag *dg)
{
    rstate r = { .dg = dg };
    r.pdf = HPDF_New(on_error, &r);
    if (!r.pdf) {
        diag_error(dg, path, 0, 0, "cannot start the PDF library");
        return -1;
    }
    int rc = build(&r, d, opt, path);
    if (rc == 0)
        rc = write_atomically(&r, path);
    finish(&r);
    return rc;
}

long render_size(const dl_doc *d, const render_options *opt, diag *dg)
{
    rstate r = { .dg = dg };
    r.pdf = HPDF_New(on_error, &r);
    if (!r.pdf)
        return -1;
    long size = -1;
    if (build(&r, d, opt, "(memory)") == 0 && HPDF_SaveToStream(r.pdf) == HPDF_OK)
        size = (long)HPDF_GetStreamSize(r.pdf);
    finish(&r);
    return size;
}
