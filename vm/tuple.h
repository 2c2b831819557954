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

#endif
