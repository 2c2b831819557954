/* range.h — range and slice objects (vm/range.c), and the built-in
 * iterator types enumerate, zip, map, filter and reversed with the helpers
 * every iterator shares (vm/iterators.c). */
#ifndef MEMPY_RANGE_H
#define MEMPY_RANGE_H

#include "object.h"

/* range: start, stop, step and the length as int objects of any size, as
 * CPython's rangeobject (sys.getsizeof(range(10**20)) == 48). */
typedef struct {
    Object base;
    Object *start, *stop, *step, *length;
} RangeObject;

/* range(start, stop, step); ValueError when [step] is 0. */
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
/* Converts a slice bound [v] (an int or an object with __index__) to *out,
 * clamped to the ssize_t range (CPython's _PyEval_SliceIndex).  None leaves
 * *out alone when [none_ok]; anything else is a TypeError ("slice indices
 * must be integers or None or have an __index__ method"). */
int slice_index(Object *v, bool none_ok, ssize_t *out);

extern Type range_iter_type;
extern Type enumerate_type, zip_type, map_type, filter_type, reversed_type;

/* The iter slot of iterators: returns [o] itself. */
Object *iter_self(Object *o);
/* The iterators that walk a list, tuple, str or bytes by position share
 * this layout and its slots; [seq] is NULL once exhausted. */
typedef struct {
    Object base;
    ssize_t index;
    Object *seq;
} IndexIterObject;
/* A new tracked iterator of type [t] over [seq], starting at [index]. */
Object *iter_index_new(Type *t, Object *seq, ssize_t index);
void iter_index_dealloc(Object *o);
int iter_index_traverse(Object *o, visitproc visit, void *arg);
/* len(o) if o has a length, else o.__length_hint__(), else [deflt]
 * (CPython's PyObject_LengthHint); -1 with an exception on error. */
ssize_t iter_length_hint(Object *o, ssize_t deflt);
/* type(o).name bound to [o] (CPython's _PyObject_LookupSpecial): a new
 * reference, or NULL without an exception when the type has no such
 * attribute, or NULL with one on error. */
Object *iter_lookup_special(Object *o, const char *name);

#endif
