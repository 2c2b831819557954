/* set.h — set and frozenset: open-addressing hash tables laid out as
 * CPython 3.11's (sys.getsizeof(set()) == 216).  Range and slice objects,
 * once declared here, now live in vm/range.h (included below). */
#ifndef MEMPY_SET_H
#define MEMPY_SET_H

#include "object.h"
#include "range.h"

/* One slot of the table: key NULL and hash 0 when unused; a deleted key
 * leaves a dummy with hash -1. */
typedef struct {
    Object *key;
    hash_t hash;
} SetEntry;

#define SET_MINSIZE 8

typedef struct {
    Object base;
    ssize_t fill;               /* active + dummy slots */
    ssize_t used;               /* active slots */
    ssize_t mask;               /* table size - 1 */
    SetEntry *table;            /* smalltable or a mem_malloc'd table */
    hash_t hash;                /* frozenset: cached hash, -1 until computed */
    ssize_t finger;             /* where set.pop() looks next */
    SetEntry smalltable[SET_MINSIZE];
    Object *weakreflist;        /* unused; keeps CPython's layout */
} SetObject;

#define ANYSET_CHECK(o) (TYPE_CHECK(o, set_type) || TYPE_CHECK(o, frozenset_type))

Object *set_new(Object *iterable);                     /* iterable may be NULL */
Object *frozenset_new(Object *iterable);
int set_add(Object *set, Object *key);
int set_contains(Object *set, Object *key);            /* 1, 0, -1 */
int set_discard(Object *set, Object *key);             /* 1 found, 0 not, -1 error */
ssize_t set_size(Object *set);
/* Iterates: start with *pos = 0; returns 0 at the end; key borrowed. */
int set_next(Object *set, ssize_t *pos, Object **key);
/* Like set_next, also giving the key's stored hash. */
int set_next_entry(Object *set, ssize_t *pos, Object **key, hash_t *hash);
/* set.intersection(other) for one iterable [other]: a new set or frozenset
 * (the type of [set]'s base). */
Object *set_intersection(Object *set, Object *other);
/* In-place set.update / difference_update / symmetric_difference_update
 * with any iterable [other]. */
int set_update(Object *set, Object *other);
int set_difference_update(Object *set, Object *other);
int set_symmetric_difference_update(Object *set, Object *other);

extern Type set_iter_type;

#endif
