/* util.h — small helpers shared by the compiler's files: growable arrays,
 * a hash map keyed by pointer (names are interned, so a str's address is
 * its identity), and the SyntaxError constructor.
 */
#ifndef MEMPY_COMP_UTIL_H
#define MEMPY_COMP_UTIL_H

#include "../parser/ast.h"

/* Ensures the array at *[items] (of [elsize]-byte elements, capacity *[cap])
 * can hold [need] elements; -1 with MemoryError on failure. */
int comp_grow(void *items, int *cap, int need, size_t elsize);

/* Open-addressing map from a non-NULL pointer to an int, with removal.
 * A zeroed PtrMap is an empty map. */
typedef struct {
    const void **keys;
    int *vals;
    int cap, used, filled;      /* slots, live keys, live + removed keys */
} PtrMap;

/* The value stored for [key], or -1 when absent. */
int comp_map_get(const PtrMap *m, const void *key);
/* Stores [val] for [key]; -1 with MemoryError on failure. */
int comp_map_put(PtrMap *m, const void *key, int val);
/* Removes [key] if present. */
void comp_map_remove(PtrMap *m, const void *key);
/* Iterates: start with *[pos] = 0; returns the next key or NULL at the end. */
const void *comp_map_next(const PtrMap *m, int *pos, int *val);
/* Copies every key of [src] into [dst] (values too); -1 on MemoryError. */
int comp_map_update(PtrMap *dst, const PtrMap *src);
void comp_map_free(PtrMap *m);

/* Raises SyntaxError([fmt] formatted with [arg] (a str for %U, may be
 * NULL), (filename, line, col + 1, None, end_line, end_col + 1)) as
 * CPython's compiler does (end_offset None when end_col < -1); always
 * returns -1. */
int comp_syntax_error(Object *filename, Loc loc, const char *fmt, Object *arg);
/* Private name mangling: __spam inside class [private_] (may be NULL)
 * becomes _Class__spam.  Returns a new reference to the interned result. */
Object *comp_mangle(Object *private_, Object *name);

/* Raises RecursionError for an AST nested too deeply; returns -1. */
int comp_too_deep(void);

/* How deeply the AST walkers may recurse (CPython 3.11: 3 x 1000). */
#define COMP_MAX_DEPTH 3000

#endif
