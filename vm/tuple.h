/* tuple.h — tuples: items inline after the header (sys.getsizeof: 40 + 8n). */
#ifndef MEMPY_TUPLE_H
#define MEMPY_TUPLE_H

#include "object.h"

typedef struct {
    VarObject base;
    Object *items[1];
} TupleObject;

#define TUPLE_ITEMS(o) (((TupleObject *)(o))->items)
#define TUPLE_GET(o, i) (((TupleObject *)(o))->items[i])

/* A tuple of [n] NULL items that the caller must fill (steals into items);
 * tuple_new(0) returns the shared empty tuple. */
Object *tuple_new(ssize_t n);
Object *tuple_pack(ssize_t n, ...);                   /* increfs each */
Object *tuple_from_array(Object *const *items, ssize_t n); /* increfs each */
Object *tuple_from_iter(Object *iterable);            /* tuple(iterable) */
Object *tuple_getslice(Object *t, ssize_t lo, ssize_t hi);

/* The result tuple of an iterator that recycles it (dict items, enumerate,
 * zip): [t] itself, refilled with the [n] references of [items] (stolen),
 * when nobody else holds it, else a new tuple of them. */
Object *tuple_recycle(Object *t, Object **items, ssize_t n);

extern Type tuple_iter_type;

/* Frees the tuples parked on the per-length free lists (a full collection,
 * exit). */
void tuple_clear_freelists(void);
/* The free-list lines of sys._debugmallocstats(), lengths 1 to 20. */
void tuple_print_freelists(FILE *out);

/* True when [o] may be tracked by the collector (CPython's
 * _PyObject_GC_MAY_BE_TRACKED): it carries a GC header and is not an
 * untracked tuple. */
bool tuple_may_be_tracked(Object *o);

#endif
