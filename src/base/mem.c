/* mem.c - checked allocation and growable arrays. */
#include "mem.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void exhausted(void)
{
    fputs("boardpress: error: out of memory\n", stderr);
    exit(1);
}

size_t mem_mul(size_t a, size_t b)
{
    if (a != 0 && b > SIZE_MAX / a)
        return SIZE_MAX;
    return a * b;
}

void *mem_alloc(size_t n, size_t size)
{
    size_t bytes = mem_mul(n, size);
    if (bytes == SIZE_MAX)
        exhausted();
    void *p = calloc(bytes ? bytes : 1, 1);
    if (!p)
        exhausted();
    return p;
}

void *mem_grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap && p)
        return p;
    size_t want = *cap ? *cap : 8;
    while (want < need)
        want = want > SIZE_MAX / 2 ? need : want * 2;
    size_t bytes = mem_mul(want, size);
    if (bytes == SIZE_MAX || bytes == 0)
        exhausted();
    unsigned char *q = realloc(p, bytes);
    if (!q)
        exhausted();
    size_t old = p ? mem_mul(*cap, size) : 0;
    memset(q + old, 0, bytes - old);
    *cap = want;
    return q;
}

void *mem_grow_int(void *p, int *cap, int need, size_t size)
{
    if (need < 0 || *cap < 0)
        exhausted();                /* a count past INT_MAX wrapped */
    size_t c = (size_t)*cap;
    p = mem_grow(p, &c, (size_t)need, size);
    *cap = c > INT_MAX ? INT_MAX : (int)c;
    if (*cap < need)
        exhausted();
    return p;
}
