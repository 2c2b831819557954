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
/* a[lo:hi] as a new list (bounds clamped as CPython's list_slice). */
Object *list_getslice(Object *list, ssize_t lo, ssize_t hi);
/* [v] as a list or tuple (a new reference): v itself when it is an exact
 * list or tuple, else list(v); TypeError([msg]) when v is not iterable
 * (CPython's PySequence_Fast). */
Object *list_seq_fast(Object *v, const char *msg);

extern Type list_iter_type, list_reviter_type;

/* Frees the lists parked on the free list (a full collection, exit). */
void list_clear_freelist(void);
/* The free-list line of sys._debugmallocstats(). */
void list_print_freelist(FILE *out);

/* Helpers shared by the built-in containers (list.c). */
/* The "trashcan" that keeps the deallocation of deeply nested containers
 * from exhausting the C stack (CPython's Py_TRASHCAN_BEGIN / END): a
 * container's dealloc, once it has untracked [o], calls list_trash_begin;
 * on 1 it returns at once ([o] is freed later, from a shallower level);
 * on 0 it frees [o] and then calls list_trash_end. */
int list_trash_begin(Object *o);
void list_trash_end(void);
/* Lexicographic rich comparison of two lists or two tuples (CPython's
 * list_richcompare / tuplerichcompare). */
Object *list_seq_richcompare(Object *v, Object *w, int op);
/* The arguments of index(value, start=0, stop=sys.maxsize) of a sequence of
 * [len] items, named [fname]: *value (borrowed), and start and stop made
 * non-negative as CPython does before searching. */
int list_index_bounds(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
                      ssize_t len, Object **value, ssize_t *start, ssize_t *stop);
/* The operands of seq * n for a sequence type [seq_type] (on either side):
 * 0 with *seq and *count set (count >= 0), or -1 with TypeError "can't
 * multiply sequence by non-int of type 'float'" or OverflowError. */
int list_repeat_operands(Object *a, Object *b, Type *seq_type, Object **seq, ssize_t *count);
/* For seq + x and seq * x with the sequence [a] on the left: x's own number
 * slot [op] (x.__radd__, x.__rmul__), which CPython tries before the
 * sequence operation; a new NotImplemented when x has none or declines. */
Object *list_try_other(Object *a, Object *b, int op);

#endif
