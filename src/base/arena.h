/* arena.h - bump allocation for the document model and the display list.
 *
 * Everything a run builds (model nodes, strings, laid-out lines, pages)
 * lives as long as the run, so it is carved from large blocks and freed in
 * one call: no per-node ownership to get wrong.
 */
#ifndef BP_ARENA_H
#define BP_ARENA_H

#include <stddef.h>

typedef struct arena arena;

/* A new, empty arena. */
arena *arena_new(void);

/* Frees every block of the arena and the arena itself. NULL is allowed. */
void arena_free(arena *a);

/* n bytes, zeroed, aligned for any type; never NULL. A request the
 * machine cannot meet (or a size that overflowed, SIZE_MAX from
 * mem_mul) ends the run with a message, as mem.h's allocators do. */
void *arena_alloc(arena *a, size_t n);

/* A copy of s[0..len) with a terminating NUL. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);

/* A printf-formatted string allocated in the arena. */
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Moves everything from holds into into, which then frees it with the
 * rest; from itself is freed. NULL is allowed. */
void arena_adopt(arena *into, arena *from);

/* Bytes handed out so far (for the benchmark's memory figures). */
size_t arena_used(const arena *a);

#endif
