/* mem.h - the one place memory is asked of the system outside the arena.
 *
 * Every size is checked for overflow before it is asked for, and a
 * request the system refuses ends the run with one message: a report
 * big enough to exhaust memory is refused by the limits long before,
 * so reaching here is a machine out of memory, not bad input.
 *
 * Growable arrays: mem_grow returns the array's new address, so a
 * pointer into the array taken before a push is stale after it. Keep
 * indices, not pointers, across anything that may push.
 */
#ifndef BP_MEM_H
#define BP_MEM_H

#include <stddef.h>

/* n elements of size bytes, zeroed; never NULL (n may be 0). */
void *mem_alloc(size_t n, size_t size);

/* Makes room for at least need elements of size bytes in p, which holds
 * *cap of them, growing geometrically; updates *cap and returns the
 * (possibly moved) array. Elements past the old capacity are zeroed. */
void *mem_grow(void *p, size_t *cap, size_t need, size_t size);

/* The same for an int capacity, as most counters in the engine are. */
void *mem_grow_int(void *p, int *cap, int need, size_t size);

/* The new last element of array arr (n used, cap held), as an lvalue:
 * MEM_PUSH(arr, n, cap) = value. The array is grown first and only then
 * indexed (the comma orders them), so the element is in the new array. */
#define MEM_PUSH(arr, n, cap) \
    (*((arr) = mem_grow_int((arr), &(cap), (n) + 1, sizeof *(arr)), &(arr)[(n)++]))

/* a * b, or SIZE_MAX when it overflows (which every allocator here
 * refuses). */
size_t mem_mul(size_t a, size_t b);

#endif
