/* render.c - walks pages of display items into libharu.
 *
 * libharu's errors are sticky (after one, every call does nothing), so
 * the handler records the first and the walk stops at the next check.
 */
#include "render.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hpdf.h>

#include "diag.h"

typedef struct loaded_font {
    const font *metrics;
    enc_id enc;
    HPDF_Font font;
} loaded_font;

typedef struct file_font {
    const char *path;
    const char *name;           /* libharu's name for the embedded file */
} file_font;

typedef struct rstate {
    HPDF_Doc pdf;
    HPDF_STATUS error, detail;
    loaded_font *fonts;
    int nfonts, cap;
    file_font *files;
    int nfiles, file_cap;
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
    }
}

static const char *file_name(rstate *r, const char *path)
{
    for (int i = 0; i < r->nfiles; i++)
        if (strcmp(r->files[i].path, path) == 0)
            return r->files[i].name;
    const char *name = HPDF_LoadTTFontFromFile(r->pdf, path, HPDF_TRUE);
    if (!name)
        return NULL;
    if (r->nfiles == r->file_cap) {
        r->file_cap = r->file_cap ? r->file_cap * 2 : 8;
        r->files = realloc(r->files, sizeof *r->files * (size_t)r->file_cap);
    }
    r->files[r->nfiles++] = (file_font){ path, name };
    return name;
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
    HPDF_Font hf = HPDF_GetFont(r->pdf, name, enc_name(e));
    if (!hf)
        return NULL;
    if (r->nfonts == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 8;
        r->fonts = realloc(r->fonts, sizeof *r->fonts * (size_t)r->cap);
    }
    r->fonts[r->nfonts++] = (loaded_font){ f, e, hf };
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
}

static void draw_rule(rstate *r, HPDF_Page page, const dl_item *it)
{
    end_text(r, page);
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->line_width);
    HPDF_Page_SetRGBStroke(page, (HPDF_REAL)channel(it->color, 16),
                           (HPDF_REAL)channel(it->color, 8), (HPDF_REAL)channel(it->color, 0));
    HPDF_Page_MoveTo(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y);
    HPDF_Page_LineTo(page, (HPDF_REAL)it->x2, (HPDF_REAL)it->y2);
    HPDF_Page_Stroke(page);
}

static void draw_rect(rstate *r, HPDF_Page page, const dl_item *it)
{
    end_text(r, page);
    set_fill(r, page, it->color);
    HPDF_Page_Rectangle(page, (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)it->w, (HPDF_REAL)it->h);
    HPDF_Page_Fill(page);
}

static void draw_link(HPDF_Page page, const dl_item *it)
{
    HPDF_Rect rect = { (HPDF_REAL)it->x, (HPDF_REAL)it->y, (HPDF_REAL)(it->x + it->w),
                       (HPDF_REAL)(it->y + it->h) };
    HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page, rect, it->uri);
    if (a)
        HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

static void draw_page(rstate *r, const dl_page *p)
{
    HPDF_Page page = HPDF_AddPage(r->pdf);
    if (!page)
        return;
    HPDF_Page_SetWidth(page, (HPDF_REAL)p->width);
    HPDF_Page_SetHeight(page, (HPDF_REAL)p->height);
    r->in_text = 0;
    r->cur_font = NULL;
    r->cur_size = r->cur_ws = 0;
    r->fill_known = 0;
    for (const dl_item *it = p->first; it && !r->error; it = it->next) {
        switch (it->kind) {
        case DL_TEXT: draw_text(r, page, it); break;
        case DL_RULE: draw_rule(r, page, it); break;
        case DL_RECT: draw_rect(r, page, it); break;
        case DL_LINK: draw_link(page, it); break;
        }
    }
    end_text(r, page);
}

/* Document information strings are written in PDFDocEncoding by
 * libharu; only ASCII is certain to survive, so others are left out
 * rather than written garbled. */
static void set_info(rstate *r, HPDF_InfoType type, const char *value)
{
    if (!value || !*value)
        return;
    for (const unsigned char *p = (const unsigned char *)value; *p; p++)
        if (*p >= 0x80)
            return;
    HPDF_SetInfoAttr(r->pdf, type, value);
}

/* Writes the finished document to fd. */
static int save(rstate *r, int fd)
{
    if (HPDF_SaveToStream(r->pdf) != HPDF_OK)
        return -1;
    HPDF_ResetStream(r->pdf);
    HPDF_BYTE buf[65536];
    for (;;) {
        HPDF_UINT32 n = sizeof buf;
        HPDF_STATUS st = HPDF_ReadFromStream(r->pdf, buf, &n);
        if (n > 0 && write(fd, buf, n) != (ssize_t)n)
            return -1;
        if (st == HPDF_STREAM_EOF)
            return 0;
        if (st != HPDF_OK)
            return -1;
    }
}

static char *temp_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    char *tmp = malloc(strlen(path) + 16);
    if (!tmp)
        return NULL;
    memcpy(tmp, path, dirlen);
    sprintf(tmp + dirlen, ".%s.XXXXXX", slash ? slash + 1 : path);
    return tmp;
}

static int write_atomically(rstate *r, const char *path)
{
    char *tmp = temp_path(path);
    int fd = tmp ? mkstemp(tmp) : -1;
    if (fd < 0) {
        diag_error(path, 0, 0, "cannot write the output: %s", strerror(errno));
        free(tmp);
        return -1;
    }
    int rc = save(r, fd);
    if (rc == 0 && fchmod(fd, 0644) != 0)
        rc = -1;
    if (close(fd) != 0)
        rc = -1;
    if (rc == 0 && rename(tmp, path) != 0)
        rc = -1;
    if (rc != 0) {
        diag_error(path, 0, 0, "cannot write the output: %s",
                   r->error ? "PDF library error" : strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return rc;
}

int render_pdf(const dl_doc *d, const char *path)
{
    rstate r = { 0 };
    r.pdf = HPDF_New(on_error, &r);
    if (!r.pdf) {
        diag_error(path, 0, 0, "cannot start the PDF library");
        return -1;
    }
    HPDF_SetCompressionMode(r.pdf, HPDF_COMP_ALL);
    set_info(&r, HPDF_INFO_TITLE, d->title);
    set_info(&r, HPDF_INFO_AUTHOR, d->author);
    set_info(&r, HPDF_INFO_SUBJECT, d->subject);
    set_info(&r, HPDF_INFO_CREATOR, "boardpress");
    for (const dl_page *p = d->first; p && !r.error; p = p->next)
        draw_page(&r, p);
    int rc = -1;
    if (r.error)
        diag_error(path, 0, 0, "PDF library error 0x%04X (detail %u)", (unsigned)r.error,
                   (unsigned)r.detail);
    else
        rc = write_atomically(&r, path);
    HPDF_Free(r.pdf);
    free(r.fonts);
    free(r.files);
    return rc;
}
