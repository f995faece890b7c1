/* hyph.c - hyphenation points from libhyphen, cached per word. */
#include "hyph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "file.h"
#include "mem.h"
#include "utf8.h"

#define HYPH_MAX_WORD 64            /* longer "words" are addresses or codes */

typedef struct entry {
    char *word;                     /* NULL: empty slot */
    size_t len;
    unsigned char npoints;
    unsigned char points[HYPH_MAX_WORD];
} entry;

struct hyph {
    HyphenDict *dict;
    int left, right;
    entry *table;
    size_t cap, used;
    long lookups;
};

hyph *hyph_load(const char *path, int left, int right, char *err, size_t errlen)
{
    /* through file.c, so that a pipe named as the patterns cannot block */
    char why[FILE_WHY_MAX] = "cannot be read";
    file_handle fh;
    FILE *f = file_open(&fh, path, NULL, why, sizeof why) == 0 ? fdopen(fh.fd, "r") : NULL;
    if (!f) {
        file_close(&fh);
        snprintf(err, errlen, "the hyphenation patterns %s", why);
        return NULL;
    }
    HyphenDict *d = hnj_hyphen_load_file(f);
    fclose(f);
    if (!d) {
        snprintf(err, errlen, "not a hyphenation pattern file");
        return NULL;
    }
    hyph *h = mem_alloc(1, sizeof *h);
    h->dict = d;
    h->left = left > 0 ? left : 1;
    h->right = right > 0 ? right : 1;
    h->cap = 1024;
    h->table = mem_alloc(h->cap, sizeof *h->table);
    return h;
}

void hyph_free(hyph *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->cap; i++)
        free(h->table[i].word);
    free(h->table);
    hnj_hyphen_free(h->dict);
    free(h);
}

long hyph_lookups(const hyph *h)
{
    return h->lookups;
}

static size_t hash(const char *s, size_t len)
{
    size_t v = 14695981039346656037u;
    for (size_t i = 0; i < len; i++)
        v = (v ^ (unsigned char)s[i]) * 1099511628211u;
    return v;
}

static int is_lower(unsigned char ch) { return ch >= 'a' && ch <= 'z'; }
static int is_upper(unsigned char ch) { return ch >= 'A' && ch <= 'Z'; }

/* Only plain words are hyphenated: letters (any script) and apostrophes,
 * with at least one lower-case letter. */
static int plain_word(const char *w, size_t len)
{
    int lower = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (is_lower(ch) || ch >= 0x80)
            lower |= is_lower(ch) || ch >= 0xC0;
        else if (!is_upper(ch) && ch != '\'')
            return 0;               /* digits, @, /, :, ., hyphens... */
    }
    return lower;
}

/* Looks the word up in the patterns; fills e. */
static void compute(hyph *h, const char *w, size_t len, entry *e)
{
    char lower[HYPH_MAX_WORD * 4 + 1];
    memcpy(lower, w, len);
    for (size_t i = 0; i < len; i++)
        if (is_upper((unsigned char)lower[i]))
            lower[i] = (char)(lower[i] + 32);
    lower[len] = '\0';
    char marks[HYPH_MAX_WORD * 4 + 5];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    h->lookups++;
    e->npoints = 0;
    if (hnj_hyphen_hyphenate2(h->dict, lower, (int)len, marks, NULL, &rep, &pos, &cut) == 0) {
        /* marks are per character; map them to byte offsets and keep only
         * those leaving left and right characters on either side */
        const char *p = w, *end = w + len;
        int nchars = 0;
        while (p < end) {
            utf8_next(&p, end);
            nchars++;
        }
        p = w;
        for (int k = 0; k < nchars - 1 && p < end; k++) {
            utf8_next(&p, end);
            int before = k + 1, after = nchars - before;
            if ((marks[k] & 1) && !rep && before >= h->left && after >= h->right &&
                e->npoints < HYPH_MAX_WORD)
                e->points[e->npoints++] = (unsigned char)(p - w);
        }
    }
    if (rep) {
        for (size_t i = 0; i < len; i++)
            free(rep[i]);
        free(rep);
        free(pos);
        free(cut);
    }
}

static void grow(hyph *h)
{
    size_t cap = h->cap * 2;
    entry *t = mem_alloc(cap, sizeof *t);
    for (size_t i = 0; i < h->cap; i++) {
        if (!h->table[i].word)
            continue;
        size_t k = hash(h->table[i].word, h->table[i].len) & (cap - 1);
        while (t[k].word)
            k = (k + 1) & (cap - 1);
        t[k] = h->table[i];
    }
    free(h->table);
    h->table = t;
    h->cap = cap;
}

int hyph_points(hyph *h, const char *word, size_t len, int *points)
{
    if (len < (size_t)(h->left + h->right) || len > HYPH_MAX_WORD || !plain_word(word, len))
        return 0;
    if (h->used * 2 >= h->cap)
        grow(h);
    size_t k = hash(word, len) & (h->cap - 1);
    while (h->table[k].word && (h->table[k].len != len || memcmp(h->table[k].word, word, len) != 0))
        k = (k + 1) & (h->cap - 1);
    entry *e = &h->table[k];
    if (!e->word) {
        e->word = mem_alloc(len + 1, 1);
        memcpy(e->word, word, len);
        e->word[len] = '\0';
        e->len = len;
        compute(h, word, len, e);
        h->used++;
    }
    for (int i = 0; i < e->npoints; i++)
        points[i] = e->points[i];
    return e->npoints;
}
