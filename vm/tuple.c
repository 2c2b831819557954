/* tuple.c — owns tuples and tuple_iterator.
 *
 * A tuple of n items is one allocation: [GC head][refcnt type size][n item
 * pointers] (sys.getsizeof: 40 + 8n).  Every non-empty tuple is made by
 * tuple_alloc and given back by tuple_release, which keep CPython 3.11's
 * per-length free lists: up to 2000 dead tuples of each length 1..20, linked
 * through their first item, reused without counting as a new allocation for
 * the collector.  As in 3.11, tuples of 20 items are parked but never taken
 * back (its pop tests the length against 20 where its push tests the index),
 * so that list only fills until a full collection empties every list.  The
 * empty tuple is a static singleton, as in CPython 3.11, and is never
 * tracked.  Tuples are tracked from birth; the collector untracks those that
 * hold nothing trackable (TPFLAG_GC_UNTRACK_YOUNG).
 */
#include <stdarg.h>
#include <limits.h>
#include <string.h>
#include "tuple.h"
#include "list.h"
#include "range.h"
#include "set.h"
#include "int.h"
#include "str.h"
#include "args.h"
#include "errors.h"
#include "repr_guard.h"
#include "../mem/gc.h"
#include "../mem/mem.h"

#define STATIC_REFCNT 999999999 /* CPython 3.11's count for static objects */

static struct {
    GCHead gc;
    TupleObject tuple;
} empty_tuple = { {NULL, 0}, { {{STATIC_REFCNT, &tuple_type}, 0}, {NULL} } };

#define EMPTY_TUPLE ((Object *)&empty_tuple.tuple)

typedef IndexIterObject TupleIterObject;

/* ---- allocation and the free lists ---- */

enum {
    MAXSAVESIZE = 20,           /* PyTuple_MAXSAVESIZE: lengths 1..20 are kept */
    MAXFREELIST = 2000,         /* PyTuple_MAXFREELIST: per length */
};

/* free_list[n - 1]: dead tuples of length n, linked through items[0]. */
static Object *free_list[MAXSAVESIZE];
static int numfree[MAXSAVESIZE];

/* A dead tuple of [n] items off its free list, or NULL. */
static Object *freelist_pop(ssize_t n)
{
    if (n >= MAXSAVESIZE || !free_list[n - 1])
        return NULL;
    Object *t = free_list[n - 1];
    free_list[n - 1] = TUPLE_GET(t, 0);
    numfree[n - 1]--;
    return obj_revive(t);
}

/* Parks the dead tuple [t] on its free list; false when it is not kept. */
static bool freelist_push(Object *t)
{
    ssize_t i = SIZE(t) - 1;
    if (i < 0 || i >= MAXSAVESIZE || numfree[i] >= MAXFREELIST || !IS_TYPE(t, tuple_type))
        return false;
    TUPLE_ITEMS(t)[0] = free_list[i];
    free_list[i] = t;
    numfree[i]++;
    return true;
}

/* An untracked tuple of [n] > 0 NULL items. */
static Object *tuple_alloc(ssize_t n)
{
    Object *t = freelist_pop(n);
    if (t) {
        memset(TUPLE_ITEMS(t), 0, (size_t)n * sizeof(Object *));
        return t;
    }
    if (n > (ssize_t)(SIZE_MAX / 2 / sizeof(Object *)))
        return err_nomemory();
    return obj_alloc(&tuple_type, n);
}

static void tuple_release(Object *t)
{
    if (!freelist_push(t))
        obj_free(t);
}

void tuple_clear_freelists(void)
{
    for (int i = 0; i < MAXSAVESIZE; i++) {
        while (free_list[i]) {
            Object *t = free_list[i];
            free_list[i] = TUPLE_GET(t, 0);
            obj_free(t);
        }
        numfree[i] = 0;
    }
}

void tuple_print_freelists(FILE *out)
{
    for (int i = 0; i < MAXSAVESIZE; i++) {
        char what[48];
        snprintf(what, sizeof what, "free %d-sized PyTupleObject", i + 1);
        obj_print_freelist(out, what, numfree[i],
                           (size_t)tuple_type.basicsize + (size_t)(i + 1) * sizeof(Object *));
    }
}

Object *tuple_new(ssize_t n)
{
    if (n == 0)
        return NEWREF(EMPTY_TUPLE);
    Object *t = tuple_alloc(n);
    if (t)
        gc_track(t);
    return t;
}

static void tuple_dealloc(Object *o)
{
    gc_untrack(o);
    if (list_trash_begin(o))
        return;
    for (ssize_t i = SIZE(o); --i >= 0;)
        XDECREF(TUPLE_GET(o, i));
    tuple_release(o);
    list_trash_end();
}

/* ---- constructors ---- */

Object *tuple_pack(ssize_t n, ...)
{
    Object *t = tuple_new(n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (ssize_t i = 0; i < n; i++)
        TUPLE_ITEMS(t)[i] = NEWREF(va_arg(ap, Object *));
    va_end(ap);
    return t;
}

Object *tuple_from_array(Object *const *items, ssize_t n)
{
    Object *t = tuple_new(n);
    if (!t)
        return NULL;
    for (ssize_t i = 0; i < n; i++)
        TUPLE_ITEMS(t)[i] = NEWREF(items[i]);
    return t;
}

/* Drains [it] into a mem_malloc'd array grown as CPython's PySequence_Tuple
 * grows its tuple (by ten, then a quarter); *n gets the count. */
static Object **drain(Object *it, ssize_t guess, ssize_t *n)
{
    ssize_t cap = guess, len = 0;
    Object **items = mem_malloc((size_t)(cap ? cap : 1) * sizeof(Object *));
    Object *item;
    if (!items)
        return (Object **)err_nomemory();
    while ((item = obj_next(it)) != NULL) {
        if (len == cap) {
            cap += 10;
            cap += cap >> 2;
            Object **p = mem_realloc(items, (size_t)cap * sizeof(Object *));
            if (!p) {
                DECREF(item);
                err_nomemory();
                break;
            }
            items = p;
        }
        items[len++] = item;
    }
    if (err_occurred()) {
        while (--len >= 0)
            DECREF(items[len]);
        mem_free(items);
        return NULL;
    }
    *n = len;
    return items;
}

Object *tuple_from_iter(Object *iterable)
{
    if (IS_TYPE(iterable, tuple_type))
        return NEWREF(iterable);
    if (IS_TYPE(iterable, list_type))
        return list_as_tuple(iterable);
    Object *it = obj_iter(iterable);
    if (!it)
        return NULL;
    ssize_t guess = iter_length_hint(iterable, 10), n = 0;
    Object **items = guess < 0 ? NULL : drain(it, guess, &n);
    DECREF(it);
    if (!items)
        return NULL;
    Object *t = tuple_new(n);
    if (t)
        memcpy(TUPLE_ITEMS(t), items, (size_t)n * sizeof(Object *));
    else
        while (--n >= 0)
            DECREF(items[n]);
    mem_free(items);
    return t;
}

Object *tuple_getslice(Object *t, ssize_t lo, ssize_t hi)
{
    ssize_t len = SIZE(t);
    if (lo < 0)
        lo = 0;
    if (hi > len)
        hi = len;
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == len && IS_TYPE(t, tuple_type))
        return NEWREF(t);
    return tuple_from_array(TUPLE_ITEMS(t) + lo, hi - lo);
}

Object *tuple_recycle(Object *t, Object **items, ssize_t n)
{
    if (REFCNT(t) != 1) {
        Object *fresh = tuple_new(n);
        for (ssize_t i = 0; i < n; i++) {
            if (fresh)
                TUPLE_ITEMS(fresh)[i] = items[i];
            else
                DECREF(items[i]);
        }
        return fresh;
    }
    INCREF(t);
    for (ssize_t i = 0; i < n; i++)
        SETREF(TUPLE_ITEMS(t)[i], items[i]);
    if (!gc_is_tracked(t))
        gc_track(t);
    return t;
}

/* ---- tracking ---- */

bool tuple_may_be_tracked(Object *o)
{
    return obj_is_gc(o) && !(IS_TYPE(o, tuple_type) && !gc_is_tracked(o));
}

/* ---- slots ---- */

static Object *tuple_repr(Object *o)
{
    ssize_t n = SIZE(o);
    if (n == 0)
        return str_from_cstr("()");
    int r = repr_enter(o);
    if (r != 0)
        return r > 0 ? str_from_cstr("(...)") : NULL;
    StrBuilder b;
    sb_init(&b);
    int err = sb_add_char(&b, '(');
    for (ssize_t i = 0; !err && i < n; i++) {
        if (i > 0)
            err = sb_add_cstr(&b, ", ");
        if (!err)
            err = sb_add_repr(&b, TUPLE_GET(o, i));
    }
    if (!err && n == 1)
        err = sb_add_char(&b, ',');
    if (!err)
        err = sb_add_char(&b, ')');
    repr_leave(o);
    if (err) {
        sb_discard(&b);
        return NULL;
    }
    return sb_finish(&b);
}

/* CPython 3.11's tuple hash: xxHash's mixing of the item hashes. */
#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static hash_t tuple_hash(Object *o)
{
    ssize_t n = SIZE(o);
    uint64_t acc = XXPRIME_5;
    for (ssize_t i = 0; i < n; i++) {
        hash_t lane = obj_hash(TUPLE_GET(o, i));
        if (lane == -1)
            return -1;
        acc += (uint64_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (hash_t)acc;
}

static ssize_t tuple_length(Object *o)
{
    return SIZE(o);
}

static Object *tuple_item(Object *o, ssize_t i)
{
    if (i < 0 || i >= SIZE(o))
        return err_format(exc_IndexError, "tuple index out of range");
    return NEWREF(TUPLE_GET(o, i));
}

static Object *tuple_slice(Object *o, Object *slice)
{
    ssize_t start, stop, step, count;
    if (slice_unpack(slice, SIZE(o), &start, &stop, &step, &count) < 0)
        return NULL;
    if (count <= 0)
        return tuple_new(0);
    if (start == 0 && step == 1 && count == SIZE(o) && IS_TYPE(o, tuple_type))
        return NEWREF(o);
    Object *t = tuple_new(count);
    if (!t)
        return NULL;
    for (ssize_t i = 0, cur = start; i < count; i++, cur += step)
        TUPLE_ITEMS(t)[i] = NEWREF(TUPLE_GET(o, cur));
    return t;
}

static Object *tuple_subscript(Object *o, Object *key)
{
    if (TYPE(key)->nb_index) {
        ssize_t i = num_as_ssize(key, exc_IndexError);
        if (i == -1 && err_occurred())
            return NULL;
        return tuple_item(o, i < 0 ? i + SIZE(o) : i);
    }
    if (IS_TYPE(key, slice_type))
        return tuple_slice(o, key);
    return err_format(exc_TypeError, "tuple indices must be integers or slices, not %T", key);
}

static int tuple_contains(Object *o, Object *value)
{
    int cmp = 0;
    for (ssize_t i = 0; cmp == 0 && i < SIZE(o); i++)
        cmp = obj_richcompare_bool(TUPLE_GET(o, i), value, CMP_EQ);
    return cmp;
}

static Object *tuple_concat(Object *a, Object *b)
{
    if (!TYPE_CHECK(a, tuple_type))
        return NEWREF(NotImplemented);
    if (SIZE(a) == 0 && IS_TYPE(b, tuple_type))
        return NEWREF(b);
    if (!TYPE_CHECK(b, tuple_type)) {
        Object *r = list_try_other(a, b, BINOP_ADD);
        if (r != NotImplemented)
            return r;
        DECREF(r);
        return err_format(exc_TypeError, "can only concatenate tuple (not \"%T\") to tuple", b);
    }
    if (SIZE(b) == 0 && IS_TYPE(a, tuple_type))
        return NEWREF(a);
    Object *t = tuple_new(SIZE(a) + SIZE(b));
    if (!t)
        return NULL;
    for (ssize_t i = 0; i < SIZE(a); i++)
        TUPLE_ITEMS(t)[i] = NEWREF(TUPLE_GET(a, i));
    for (ssize_t i = 0; i < SIZE(b); i++)
        TUPLE_ITEMS(t)[SIZE(a) + i] = NEWREF(TUPLE_GET(b, i));
    return t;
}

static Object *tuple_repeat(Object *a, Object *b)
{
    Object *seq;
    ssize_t n;
    if (TYPE_CHECK(a, tuple_type)) {
        Object *r = list_try_other(a, b, BINOP_MULTIPLY);
        if (r != NotImplemented)
            return r;
        DECREF(r);
    }
    if (list_repeat_operands(a, b, &tuple_type, &seq, &n) < 0)
        return NULL;
    ssize_t len = SIZE(seq);
    if ((len == 0 || n == 1) && IS_TYPE(seq, tuple_type))
        return NEWREF(seq);
    if (len == 0 || n == 0)
        return tuple_new(0);
    if (n > SSIZE_MAX / len)
        return err_nomemory();
    Object *t = tuple_new(len * n);
    if (!t)
        return NULL;
    Object **dst = TUPLE_ITEMS(t);
    for (ssize_t k = 0; k < n; k++)
        for (ssize_t i = 0; i < len; i++)
            *dst++ = NEWREF(TUPLE_GET(seq, i));
    return t;
}

static int tuple_traverse(Object *o, visitproc visit, void *arg)
{
    for (ssize_t i = SIZE(o); --i >= 0;) {
        Object *item = TUPLE_GET(o, i);
        int r = item ? visit(item, arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

static Object *tuple_iter(Object *o)
{
    return iter_index_new(&tuple_iter_type, o, 0);
}

/* tuple(iterable) and tuple subclasses: a subclass instance copies the
 * items of a plain tuple made first. */
static Object *tuple_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *iterable = NULL;
    if (args_positional("tuple", args, nargs, kwnames, 0, 1, &iterable) < 0)
        return NULL;
    Object *plain = iterable ? tuple_from_iter(iterable) : tuple_new(0);
    if (!plain || type == &tuple_type)
        return plain;
    Object *t = obj_alloc(type, SIZE(plain));
    if (t) {
        for (ssize_t i = 0; i < SIZE(plain); i++)
            TUPLE_ITEMS(t)[i] = NEWREF(TUPLE_GET(plain, i));
        gc_track(t);
    }
    DECREF(plain);
    return t;
}

/* ---- methods ---- */

static Object *tuple_index_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *value;
    ssize_t start, stop;
    if (list_index_bounds("index", args, nargs, kwnames, SIZE(self), &value, &start, &stop) < 0)
        return NULL;
    for (ssize_t i = start; i < stop && i < SIZE(self); i++) {
        int cmp = obj_richcompare_bool(TUPLE_GET(self, i), value, CMP_EQ);
        if (cmp > 0)
            return int_from_ssize(i);
        if (cmp < 0)
            return NULL;
    }
    return err_format(exc_ValueError, "tuple.index(x): x not in tuple");
}

static Object *tuple_count_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("tuple.count", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    ssize_t count = 0;
    for (ssize_t i = 0; i < SIZE(self); i++) {
        int cmp = obj_richcompare_bool(TUPLE_GET(self, i), arg, CMP_EQ);
        if (cmp < 0)
            return NULL;
        count += cmp;
    }
    return int_from_ssize(count);
}

static const MethodDef tuple_methods[] = {
    {"index", tuple_index_meth, 0, "Return first index of value."},
    {"count", tuple_count_meth, 0, "Return number of occurrences of value."},
    {NULL, NULL, 0, NULL}
};

Type tuple_type = {
    .base = {{1, &type_type}, 0},
    .name = "tuple",
    .basicsize = offsetof(TupleObject, items),
    .itemsize = sizeof(Object *),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_SUBCLASS | TPFLAG_GC_UNTRACK_YOUNG,
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = list_seq_richcompare,
    .iter = tuple_iter,
    .nb = { [BINOP_ADD] = tuple_concat, [BINOP_MULTIPLY] = tuple_repeat },
    .len = tuple_length,
    .getitem = tuple_subscript,
    .contains = tuple_contains,
    .traverse = tuple_traverse,
    .new_ = tuple_new_slot,
    .methods = tuple_methods,
};

/* ---- tuple_iterator ---- */

static Object *tuple_iter_next(Object *o)
{
    TupleIterObject *it = (TupleIterObject *)o;
    if (!it->seq)
        return NULL;
    if (it->index < SIZE(it->seq))
        return NEWREF(TUPLE_GET(it->seq, it->index++));
    CLEAR(it->seq);
    return NULL;
}

static Object *tuple_iter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("tuple_iterator.__length_hint__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    TupleIterObject *it = (TupleIterObject *)self;
    return int_from_ssize(it->seq ? SIZE(it->seq) - it->index : 0);
}

static const MethodDef tuple_iter_methods[] = {
    {"__length_hint__", tuple_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

Type tuple_iter_type = {
    .base = {{1, &type_type}, 0},
    .name = "tuple_iterator",
    .basicsize = sizeof(TupleIterObject),
    .flags = TPFLAG_HAVE_GC,
    .dealloc = iter_index_dealloc,
    .iter = iter_self,
    .iternext = tuple_iter_next,
    .traverse = iter_index_traverse,
    .methods = tuple_iter_methods,
};
