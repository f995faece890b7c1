/* test_arena.c - the arena hands out zeroed, aligned, distinct memory;
 * growable arrays keep their elements. */
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "check.h"
#include "mem.h"

void test_arena_alloc(void)
{
    arena *a = arena_new();
    char *p = arena_alloc(a, 10), *q = arena_alloc(a, 10);
    CHECK(p != q);
    CHECK((uintptr_t)q % _Alignof(max_align_t) == 0);
    for (int i = 0; i < 10; i++)
        CHECK(p[i] == 0);
    /* a request bigger than a block, then small ones again */
    char *big = arena_alloc(a, 1 << 20);
    big[(1 << 20) - 1] = 'x';
    char *after = arena_alloc(a, 3);
    CHECK(after != big);
    CHECK(arena_used(a) >= (1 << 20) + 20);
    arena_free(a);
}

void test_arena_strings(void)
{
    arena *a = arena_new();
    CHECK_STR(arena_strdup(a, "Zoë"), "Zoë");
    CHECK_STR(arena_strndup(a, "Kingston", 4), "King");
    CHECK_STR(arena_printf(a, "%s %d", "Table", 18), "Table 18");
    /* many small strings cross block boundaries intact */
    char *s[5000];
    for (int i = 0; i < 5000; i++)
        s[i] = arena_printf(a, "item %d", i);
    CHECK_STR(s[0], "item 0");
    CHECK_STR(s[4999], "item 4999");
    arena_free(a);
}

/* Growable arrays: elements survive growth, new room is zeroed, and a
 * size that would overflow is refused by the size arithmetic. */
void test_mem_grow(void)
{
    int *v = NULL, n = 0, cap = 0;
    for (int i = 0; i < 1000; i++)
        MEM_PUSH(v, n, cap) = i;
    int ok = n == 1000 && cap >= 1000;
    for (int i = 0; i < n; i++)
        ok &= v[i] == i;
    CHECK(ok);
    free(v);
    CHECK(mem_mul((size_t)-1, 2) == (size_t)-1);
    CHECK(mem_mul(1u << 20, 1u << 10) == (size_t)1 << 30);
    size_t c = 0;
    char *p = mem_grow(NULL, &c, 5, 1);
    CHECK(c >= 5 && p[0] == 0 && p[4] == 0);
    free(p);
}
