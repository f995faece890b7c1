/* arena.c - bump allocator: a chain of blocks, each filled front to back.
 * Requests larger than a quarter block get a block of their own so that
 * a big allocation never wastes the rest of the current block. */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (64 * 1024)
#define ARENA_ALIGN (_Alignof(max_align_t))

typedef struct block {
    struct block *next;
    size_t size, used;
    _Alignas(max_align_t) unsigned char data[];
} block;

struct arena {
    block *head;
    size_t total;
};

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fputs("boardpress: error: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static block *block_new(size_t size)
{
    block *b = xmalloc(sizeof *b + size);
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

arena *arena_new(void)
{
    arena *a = xmalloc(sizeof *a);
    a->head = block_new(ARENA_BLOCK);
    a->total = 0;
    return a;
}

void arena_free(arena *a)
{
    if (!a)
        return;
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void *arena_alloc(arena *a, size_t n)
{
    if (n > SIZE_MAX / 2) {
        /* a size computed from counts that overflowed (see mem_mul) */
        fputs("boardpress: error: out of memory\n", stderr);
        exit(1);
    }
    size_t need = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    if (need == 0)
        need = ARENA_ALIGN;
    block *b = a->head;
    if (need > b->size - b->used) {
        if (need > ARENA_BLOCK / 4) {
            /* A big request gets its own block behind the current one. */
            block *big = block_new(need);
            big->next = b->next;
            b->next = big;
            big->used = need;
            a->total += need;
            memset(big->data, 0, need);
            return big->data;
        }
        b = block_new(ARENA_BLOCK);
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += need;
    a->total += need;
    memset(p, 0, need);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return arena_strdup(a, "");
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void arena_adopt(arena *into, arena *from)
{
    if (!from)
        return;
    block *last = from->head;
    while (last->next)
        last = last->next;
    /* behind into's current block, which stays the one being filled */
    last->next = into->head->next;
    into->head->next = from->head;
    into->total += from->total;
    free(from);
}

size_t arena_used(const arena *a)
{
    return a->total;
}
