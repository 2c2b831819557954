/* list.h — list objects: a header with a separately allocated array of
 * item pointers, over-allocated as CPython 3.11 does (sys.getsizeof: 56
 * empty, 88 after the first append). */
#ifndef MEMPY_LIST_H
#define MEMPY_LIST_H

#include "object.h"

typedef struct {
    VarObject base;
    Object **items;
    ssize_t allocated;
} ListObject;

#define LIST_ITEMS(o) (((ListObject *)(o))->items)
#define LIST_GET(o, i) (((ListObject *)(o))->items[i])

/* A list of [n] NULL items that the caller must fill (steals into items). */
Object *list_new(ssize_t n);
int list_append(Object *list, Object *item);          /* increfs item */
int list_extend(Object *list, Object *iterable);
int list_insert(Object *list, ssize_t i, Object *item);
int list_sort(Object *list, Object *key, int reverse);
int list_reverse(Object *list);
Object *list_as_tuple(Object *list);
Object *list_from_iter(Object *iterable);             /* list(iterable) */

#endif
