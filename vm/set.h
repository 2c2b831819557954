/* set.h — set and frozenset: open-addressing hash tables laid out as
 * CPython 3.11's (sys.getsizeof(set()) == 216), range and slice objects. */
#ifndef MEMPY_SET_H
#define MEMPY_SET_H

#include "object.h"

Object *set_new(Object *iterable);                     /* iterable may be NULL */
Object *frozenset_new(Object *iterable);
int set_add(Object *set, Object *key);
int set_contains(Object *set, Object *key);            /* 1, 0, -1 */
int set_discard(Object *set, Object *key);             /* 1 found, 0 not, -1 error */
ssize_t set_size(Object *set);
/* Iterates: start with *pos = 0; returns 0 at the end; key borrowed. */
int set_next(Object *set, ssize_t *pos, Object **key);

Object *range_new_from(long start, long stop, long step);
typedef struct {
    Object base;
    Object *start, *stop, *step;
} SliceObject;
Object *slice_new(Object *start, Object *stop, Object *step); /* NULL means None */
/* Resolves a slice against [length]: *start, *stop, *step and the number of
 * items; -1 with an exception on a bad slice. */
int slice_unpack(Object *slice, ssize_t length, ssize_t *start, ssize_t *stop,
                 ssize_t *step, ssize_t *count);

#endif
