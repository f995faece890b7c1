/* font.c - TrueType metrics reader for layout.
 *
 * Layout has to measure text before any PDF exists, and the numbers must
 * match what the PDF will say, so this reads the few tables that matter
 * (head, hhea, maxp, OS/2, hmtx, cmap) straight from the file and applies
 * the same arithmetic libharu uses when it writes /Widths. The whole file
 * is kept in memory and every table is addressed through a bounded view:
 * a byte outside a view reads as 0, so a truncated or hostile file can
 * give a wrong answer or a load error, never a read out of bounds.
 */
#include "font.h"
#include "file.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD_MAGIC 0x5F0F3CF5u
#define FS_USE_TYPO_METRICS 0x0080u
#define BMP_SIZE 0x10000u
#define WIDTH_UNKNOWN (-1)
/* Far beyond any real font, small enough that a wrong path (a device, a
 * huge archive) fails quickly instead of eating memory. */
#define FONT_MAX_BYTES ((size_t)256 << 20)

/* A bounded window on the file: a table, or a cmap subtable. */
typedef struct {
    const unsigned char *p;
    size_t n;
} view;

struct font {
    char *path;
    unsigned char *data;
    size_t size;
    view hmtx;
    view cmap;             /* the chosen subtable, up to the end of cmap */
    unsigned cmap_format;  /* 4 or 12 */
    unsigned upem;
    unsigned num_glyphs;
    unsigned num_hmetrics;
    int ascent, descent;
    int16_t *cache;        /* BMP widths, WIDTH_UNKNOWN until measured */
    int cache_failed;      /* allocation failed once: stop retrying */
};

/* ---- bounded reads ---------------------------------------------------- */

static int view_has(view v, size_t off, size_t len)
{
    return off <= v.n && len <= v.n - off;
}

static view view_sub(view v, size_t off, size_t len)
{
    view r = { NULL, 0 };

    if (view_has(v, off, len)) {
        r.p = v.p + off;
        r.n = len;
    }
    return r;
}

static unsigned at16(view v, size_t off)
{
    if (!view_has(v, off, 2))
        return 0;
    return (unsigned)v.p[off] << 8 | v.p[off + 1];
}

static int at16s(view v, size_t off)
{
    unsigned u = at16(v, off);

    return u >= 0x8000u ? (int)u - 0x10000 : (int)u;
}

static uint32_t at32(view v, size_t off)
{
    return (uint32_t)at16(v, off) << 16 | at16(v, off + 2);
}

static void set_err(char *err, size_t errlen, const char *msg)
{
    if (err && errlen > 0)
        snprintf(err, errlen, "%s", msg);
}

/* ---- file ------------------------------------------------------------- */

/* Through file.c: only a regular file is opened (a pipe or device
 * named as a font would block the run or never end), and its size is
 * checked before it is read. */
static unsigned char *load_file(const char *path, size_t *size, char *err, size_t errlen)
{
    return file_read(path, NULL, FONT_MAX_BYTES, size, NULL, err, errlen);
}

/* ---- table directory -------------------------------------------------- */

/* Checks the sfnt header and that every table lies inside the file: a
 * font cut short anywhere is rejected here, even in tables this module
 * never reads, because the PDF writer will embed those. */
static const char *check_directory(view file)
{
    uint32_t tag = at32(file, 0);
    unsigned i, count;

    if (tag == 0x4F54544Fu)     /* 'OTTO' */
        return "CFF-based OpenType is not supported";
    if (tag == 0x74746366u)     /* 'ttcf' */
        return "font collections are not supported";
    if (tag != 0x00010000u && tag != 0x74727565u)   /* 1.0, 'true' */
        return "not a TrueType font";
    count = at16(file, 4);
    if (count == 0 || !view_has(file, 12, (size_t)count * 16))
        return "truncated table directory";
    for (i = 0; i < count; i++) {
        size_t rec = 12 + (size_t)i * 16;
        if (!view_has(file, at32(file, rec + 8), at32(file, rec + 12)))
            return "truncated table";
    }
    return NULL;
}

/* The table with the given tag, or an empty view when it is absent or
 * shorter than min_len. */
static view find_table(view file, const char *tag, size_t min_len)
{
    view none = { NULL, 0 };
    unsigned i, count = at16(file, 4);

    for (i = 0; i < count; i++) {
        size_t rec = 12 + (size_t)i * 16;
        if (view_has(file, rec, 4) && memcmp(file.p + rec, tag, 4) == 0) {
            uint32_t len = at32(file, rec + 12);
            if (len < min_len)
                return none;
            return view_sub(file, at32(file, rec + 8), len);
        }
    }
    return none;
}

/* ---- metric tables ---------------------------------------------------- */

static const char *parse_head(font *f, view file)
{
    view head = find_table(file, "head", 54);

    if (!head.p)
        return "missing or short head table";
    if (at32(head, 12) != HEAD_MAGIC)
        return "bad head magic";
    f->upem = at16(head, 18);
    /* The range the spec allows; it also keeps widths far from overflow. */
    if (f->upem < 16 || f->upem > 16384)
        return "bad unitsPerEm";
    return NULL;
}

static const char *parse_hmetrics(font *f, view file)
{
    view maxp = find_table(file, "maxp", 6);
    view hhea = find_table(file, "hhea", 36);

    if (!maxp.p)
        return "missing or short maxp table";
    if (!hhea.p)
        return "missing or short hhea table";
    f->num_glyphs = at16(maxp, 4);
    f->num_hmetrics = at16(hhea, 34);
    if (f->num_glyphs == 0 || f->num_hmetrics == 0)
        return "font has no glyphs";
    f->hmtx = find_table(file, "hmtx", (size_t)f->num_hmetrics * 4);
    if (!f->hmtx.p)
        return "missing or short hmtx table";
    f->ascent = at16s(hhea, 4);
    f->descent = at16s(hhea, 6);
    return NULL;
}

/* Vertical metrics follow what viewers and browsers do: the hhea values,
 * unless the font sets USE_TYPO_METRICS (fsSelection bit 7) to ask for
 * the OS/2 typo values. An OS/2 table too old to have typo fields (under
 * 72 bytes) is ignored. Called after parse_hmetrics, which set hhea's. */
static void parse_os2(font *f, view file)
{
    view os2 = find_table(file, "OS/2", 72);

    if (os2.p && (at16(os2, 62) & FS_USE_TYPO_METRICS)) {
        f->ascent = at16s(os2, 68);
        f->descent = at16s(os2, 70);
    }
    f->ascent = f->ascent * 1000 / (int)f->upem;
    f->descent = f->descent * 1000 / (int)f->upem;
}

/* ---- cmap ------------------------------------------------------------- */

/* Preference among Unicode subtables: full-repertoire Windows first, then
 * BMP Windows, then the Unicode platform. 0 = not usable. */
static int cmap_score(unsigned platform, unsigned encoding, unsigned format)
{
    if (platform == 3 && encoding == 10 && format == 12)
        return 4;
    if (platform == 3 && encoding == 1 && format == 4)
        return 3;
    if (platform == 0 && format == 12)
        return 2;
    if (platform == 0 && format == 4)
        return 1;
    return 0;
}

/* Format 4's own length field is 16 bits and wraps in large fonts, so the
 * subtable is bounded by the end of the cmap table instead; the arrays
 * the lookup walks must fit inside that. */
static int cmap4_valid(view sub)
{
    unsigned segx2 = at16(sub, 6);

    return segx2 != 0 && segx2 % 2 == 0
        && view_has(sub, 0, 16 + (size_t)segx2 * 4);
}

static int cmap12_valid(view *sub)
{
    uint32_t len = at32(*sub, 4), groups = at32(*sub, 12);

    if (len < 16 || !view_has(*sub, 0, len))
        return 0;
    sub->n = len;
    return groups <= (len - 16) / 12;
}

static const char *parse_cmap(font *f, view file)
{
    view cmap = find_table(file, "cmap", 4);
    unsigned i, count = at16(cmap, 2);
    int best = 0;

    if (!cmap.p)
        return "missing or short cmap table";
    if (!view_has(cmap, 4, (size_t)count * 8))
        return "truncated cmap";
    for (i = 0; i < count; i++) {
        size_t rec = 4 + (size_t)i * 8;
        uint32_t off = at32(cmap, rec + 4);
        view sub = view_sub(cmap, off, off <= cmap.n ? cmap.n - off : 0);
        unsigned format = at16(sub, 0);
        int score = cmap_score(at16(cmap, rec), at16(cmap, rec + 2), format);
        if (score <= best || !view_has(sub, 0, 16))
            continue;
        if (format == 4 ? !cmap4_valid(sub) : !cmap12_valid(&sub))
            continue;
        best = score;
        f->cmap = sub;
        f->cmap_format = format;
    }
    return best ? NULL : "no usable Unicode cmap";
}

/* Segments are sorted by end code; the first whose end is >= cp is the
 * only one that can contain it. */
static unsigned cmap4_lookup(view t, uint32_t cp)
{
    unsigned segx2 = at16(t, 6), lo = 0, hi = segx2 / 2, seg;
    size_t starts = 16 + (size_t)segx2, deltas = starts + segx2;
    size_t ranges = deltas + segx2, ro;
    unsigned start, delta, g;

    if (cp >= BMP_SIZE)
        return 0;
    while (lo < hi) {
        unsigned mid = lo + (hi - lo) / 2;
        if (at16(t, 14 + (size_t)mid * 2) < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == segx2 / 2)
        return 0;
    seg = lo;
    start = at16(t, starts + (size_t)seg * 2);
    delta = at16(t, deltas + (size_t)seg * 2);
    ro = at16(t, ranges + (size_t)seg * 2);
    if (cp < start)
        return 0;
    if (ro == 0)
        return (cp + delta) & 0xFFFFu;
    /* idRangeOffset is relative to its own position in the array. */
    g = at16(t, ranges + (size_t)seg * 2 + ro + (size_t)(cp - start) * 2);
    return g ? (g + delta) & 0xFFFFu : 0;
}

static unsigned cmap12_lookup(view t, uint32_t cp)
{
    uint32_t lo = 0, hi = at32(t, 12);

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        size_t g = 16 + (size_t)mid * 12;
        uint32_t start = at32(t, g), end = at32(t, g + 4);
        if (cp < start) {
            hi = mid;
        } else if (cp > end) {
            lo = mid + 1;
        } else {
            uint64_t gid = (uint64_t)at32(t, g + 8) + (cp - start);
            return gid <= 0xFFFFu ? (unsigned)gid : 0;
        }
    }
    return 0;
}

/* A cmap entry pointing past maxp's glyph count names no glyph. */
static unsigned glyph_of(const font *f, uint32_t cp)
{
    unsigned gid = f->cmap_format == 12 ? cmap12_lookup(f->cmap, cp)
                                        : cmap4_lookup(f->cmap, cp);

    return gid < f->num_glyphs ? gid : 0;
}

/* libharu's arithmetic for /Widths; glyphs past numberOfHMetrics share
 * the last advance (the monospaced-tail compression of hmtx). */
static int glyph_width(const font *f, unsigned gid)
{
    unsigned i = gid < f->num_hmetrics ? gid : f->num_hmetrics - 1;
    uint32_t adv = at16(f->hmtx, (size_t)i * 4);

    return (int)(adv * 1000u / f->upem);
}

/* ---- public ----------------------------------------------------------- */

static const char *parse_font(font *f)
{
    view file = { f->data, f->size };
    const char *why;

    if ((why = check_directory(file)) || (why = parse_head(f, file))
        || (why = parse_hmetrics(f, file)) || (why = parse_cmap(f, file)))
        return why;
    parse_os2(f, file);
    return NULL;
}

font *font_load(const char *path, char *err, size_t errlen)
{
    font *f;
    const char *why;
    size_t plen;

    if (!path) {
        set_err(err, errlen, "no path");
        return NULL;
    }
    f = calloc(1, sizeof *f);
    plen = strlen(path) + 1;
    if (!f || !(f->path = malloc(plen))) {
        free(f);
        set_err(err, errlen, "out of memory");
        return NULL;
    }
    memcpy(f->path, path, plen);
    f->data = load_file(path, &f->size, err, errlen);
    if (!f->data) {
        font_free(f);
        return NULL;
    }
    if ((why = parse_font(f))) {
        set_err(err, errlen, why);
        font_free(f);
        return NULL;
    }
    return f;
}

void font_free(font *f)
{
    if (!f)
        return;
    free(f->cache);
    free(f->data);
    free(f->path);
    free(f);
}

const char *font_path(const font *f)
{
    return f->path;
}

int font_has(const font *f, uint32_t cp)
{
    return glyph_of(f, cp) != 0;
}

static void cache_alloc(font *f)
{
    size_t i;

    f->cache = malloc(BMP_SIZE * sizeof *f->cache);
    if (!f->cache) {
        f->cache_failed = 1;
        return;
    }
    for (i = 0; i < BMP_SIZE; i++)
        f->cache[i] = WIDTH_UNKNOWN;
}

/* Only the BMP is cached: it covers nearly all text, and a full-range
 * table would be 2 MB per font. A width too large for int16 (possible
 * only in absurd fonts) is simply recomputed each time. */
int font_width(font *f, uint32_t cp)
{
    int w;

    if (cp >= BMP_SIZE)
        return glyph_width(f, glyph_of(f, cp));
    if (!f->cache && !f->cache_failed)
        cache_alloc(f);
    if (f->cache && f->cache[cp] != WIDTH_UNKNOWN)
        return f->cache[cp];
    w = glyph_width(f, glyph_of(f, cp));
    if (f->cache && w <= INT16_MAX)
        f->cache[cp] = (int16_t)w;
    return w;
}

long font_text_width(font *f, const char *s, size_t len)
{
    const char *p, *end;
    long sum = 0;

    if (len == 0)
        return 0;
    p = s;
    end = s + len;
    while (p < end) {
        uint32_t cp = utf8_next(&p, end);
        sum += font_width(f, cp == UTF8_INVALID ? 0xFFFDu : cp);
    }
    return sum;
}

int font_ascent(const font *f)
{
    return f->ascent;
}

int font_descent(const font *f)
{
    return f->descent;
}
