/* share.c - column widths shared by tables of one section with the same
 * column headings (see share.h). Groups are found by hashing, so the
 * cost is linear in the number of tables. */
#include "share.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

typedef struct group {
    const void *parent;
    char *key;
    uint64_t hash;
    int n;                          /* columns of the tables recorded this pass */
    int members, used_members;      /* this pass's, the pass before's */
    int mixed;                      /* tables of different column counts: not shared */
    double *mn, *mx;                /* this pass's, 2n values: mn then mx */
    double *used;                   /* the pass before's, what tables are measured with */
    int used_n;
} group;

struct share_map {
    group *v;
    int n, cap;
    int *slots;                     /* open addressing: 1 + index into v, 0 empty */
    size_t nslots;
};

static uint64_t hash_of(const void *parent, const char *key)
{
    uint64_t h = (uint64_t)(uintptr_t)parent * 0x9E3779B97F4A7C15ull;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 0x100000001B3ull;
    return h ^ (h >> 29);
}

share_map *share_new(void)
{
    return mem_alloc(1, sizeof(share_map));
}

void share_free(share_map *m)
{
    if (!m)
        return;
    for (int i = 0; i < m->n; i++) {
        free(m->v[i].key);
        free(m->v[i].mn);
        free(m->v[i].used);
    }
    free(m->v);
    free(m->slots);
    free(m);
}

static void rehash(share_map *m)
{
    size_t nb = m->nslots ? 2 * m->nslots : 64;
    free(m->slots);
    m->slots = mem_alloc(nb, sizeof *m->slots);
    m->nslots = nb;
    for (int i = 0; i < m->n; i++) {
        size_t k = m->v[i].hash % nb;
        while (m->slots[k])
            k = (k + 1) % nb;
        m->slots[k] = i + 1;
    }
}

static group *find(share_map *m, const void *parent, const char *key)
{
    if (2 * ((size_t)m->n + 1) > m->nslots)
        rehash(m);
    uint64_t h = hash_of(parent, key);
    size_t k = h % m->nslots;
    for (; m->slots[k]; k = (k + 1) % m->nslots) {
        group *g = &m->v[m->slots[k] - 1];
        if (g->hash == h && g->parent == parent && strcmp(g->key, key) == 0)
            return g;
    }
    group *g = &MEM_PUSH(m->v, m->n, m->cap);
    size_t len = strlen(key);
    g->key = mem_alloc(len + 1, 1);
    memcpy(g->key, key, len);
    g->parent = parent;
    g->hash = h;
    m->slots[k] = m->n;
    return g;
}

void share_next_pass(share_map *m)
{
    for (int i = 0; i < m->n; i++) {
        group *g = &m->v[i];
        free(g->used);
        g->used = g->members > 1 && !g->mixed ? g->mn : NULL;
        g->used_n = g->n;
        if (!g->used)
            free(g->mn);
        g->used_members = g->used ? g->members : 0;
        g->mn = g->mx = NULL;
        g->members = g->mixed = g->n = 0;
    }
}

int share_changed(const share_map *m)
{
    for (int i = 0; i < m->n; i++) {
        const group *g = &m->v[i];
        if (g->members < 2 || g->mixed)
            continue;
        if (!g->used || g->used_n != g->n || memcmp(g->used, g->mn, sizeof(double) * 2 * (size_t)g->n) != 0)
            return 1;
    }
    return 0;
}

void share_widths(share_map *m, const void *parent, const char *key, int n, double *mn, double *mx)
{
    group *g = find(m, parent, key);
    if (g->members == 0) {
        g->n = n;
        g->mn = mem_alloc(mem_mul(2, (size_t)n), sizeof *g->mn);
        g->mx = g->mn + n;
    }
    g->members++;
    if (g->n != n)
        g->mixed = 1;
    for (int k = 0; k < n && !g->mixed; k++) {
        if (mn[k] > g->mn[k]) g->mn[k] = mn[k];
        if (mx[k] > g->mx[k]) g->mx[k] = mx[k];
    }
    if (!g->used || g->used_n != n)
        return;
    for (int k = 0; k < n; k++) {
        if (g->used[k] > mn[k]) mn[k] = g->used[k];
        if (g->used[n + k] > mx[k]) mx[k] = g->used[n + k];
    }
}
