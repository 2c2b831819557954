/* range.c — owns range, range_iterator and slice objects, and the slice
 * arithmetic every sequence uses (slice_unpack, slice_index).
 *
 * A range keeps start, stop, step and its length as int objects, as
 * CPython's does (sys.getsizeof(range(10)) == 48), but computes with C
 * longs: bounds that do not fit one raise OverflowError instead of giving a
 * wrong answer.  Lengths are unsigned longs, so range(-2**62, 2**62) works
 * until len() is asked for it.  Slices are tracked containers (56 bytes
 * with their GC head, as in 3.11) and unhashable.
 */
#include <limits.h>
#include "range.h"
#include "tuple.h"
#include "list.h"
#include "int.h"
#include "str.h"
#include "args.h"
#include "errors.h"
#include "../mem/gc.h"

typedef struct {
    Object base;
    unsigned long index, start, step, len; /* values wrap as two's complement */
} RangeIterObject;

/* The C values of a range. */
typedef struct {
    long start, stop, step;
    unsigned long len;
} RangeValues;

#define RANGE(o) ((RangeObject *)(o))

static unsigned long length_of(long lo, long hi, long step)
{
    if (step > 0 && lo < hi)
        return 1 + ((unsigned long)hi - 1 - (unsigned long)lo) / (unsigned long)step;
    if (step < 0 && lo > hi)
        return 1 + ((unsigned long)lo - 1 - (unsigned long)hi) / (0UL - (unsigned long)step);
    return 0;
}

static RangeValues values_of(Object *r)
{
    RangeValues v;
    int_fits_long(RANGE(r)->start, &v.start);
    int_fits_long(RANGE(r)->stop, &v.stop);
    int_fits_long(RANGE(r)->step, &v.step);
    v.len = length_of(v.start, v.stop, v.step);
    return v;
}

/* The [i]th value of the range (i < len). */
static long value_at(RangeValues *v, unsigned long i)
{
    return (long)((unsigned long)v->start + i * (unsigned long)v->step);
}

Object *range_new_from(long start, long stop, long step)
{
    if (step == 0)
        return err_format(exc_ValueError, "range() arg 3 must not be zero");
    RangeObject *r = (RangeObject *)obj_alloc(&range_type, 0);
    if (!r)
        return NULL;
    r->start = int_from_long(start);
    r->stop = int_from_long(stop);
    r->step = int_from_long(step);
    r->length = int_from_ulong(length_of(start, stop, step));
    if (!r->start || !r->stop || !r->step || !r->length) {
        DECREF(r);
        return NULL;
    }
    return (Object *)r;
}

/* The C long value of an argument with __index__. */
static int as_long(Object *o, long *out)
{
    Object *i = num_index(o);
    if (!i)
        return -1;
    int fits = int_fits_long(i, out);
    DECREF(i);
    if (!fits) {
        err_set_str(exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return 0;
}

static Object *range_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[3] = {NULL, NULL, NULL};
    long v[3] = {0, 0, 1};
    (void)type;
    if (args_positional("range", args, nargs, kwnames, 1, 3, a) < 0)
        return NULL;
    if (nargs == 1)
        return as_long(a[0], &v[1]) < 0 ? NULL : range_new_from(0, v[1], 1);
    for (ssize_t i = 0; i < nargs; i++)
        if (as_long(a[i], &v[i]) < 0)
            return NULL;
    return range_new_from(v[0], v[1], v[2]);
}

static void range_dealloc(Object *o)
{
    RangeObject *r = RANGE(o);
    XDECREF(r->start);
    XDECREF(r->stop);
    XDECREF(r->step);
    XDECREF(r->length);
    obj_free(o);
}

static Object *range_repr(Object *o)
{
    RangeObject *r = RANGE(o);
    if (values_of(o).step == 1)
        return str_from_format("range(%R, %R)", r->start, r->stop);
    return str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

/* hash((len, start, step)), with None for what the length makes
 * irrelevant, so equal ranges hash alike. */
static hash_t range_hash(Object *o)
{
    RangeObject *r = RANGE(o);
    unsigned long len = values_of(o).len;
    Object *t = tuple_pack(3, r->length, len ? r->start : None, len > 1 ? r->step : None);
    if (!t)
        return -1;
    hash_t h = obj_hash(t);
    DECREF(t);
    return h;
}

static Object *range_richcompare(Object *a, Object *b, int op)
{
    if (!IS_TYPE(b, range_type) || (op != CMP_EQ && op != CMP_NE))
        return NEWREF(NotImplemented);
    RangeValues x = values_of(a), y = values_of(b);
    bool eq = a == b || (x.len == y.len && (x.len == 0 || (x.start == y.start && (x.len == 1 || x.step == y.step))));
    return bool_from(eq == (op == CMP_EQ));
}

static ssize_t range_length(Object *o)
{
    unsigned long len = values_of(o).len;
    if (len > (unsigned long)SSIZE_MAX) {
        err_set_str(exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (ssize_t)len;
}

static int range_bool(Object *o)
{
    return values_of(o).len != 0;
}

static Object *range_item(Object *o, Object *key)
{
    RangeValues v = values_of(o);
    Object *idx = num_index(key);
    long i;
    if (!idx)
        return NULL;
    int fits = int_fits_long(idx, &i);
    DECREF(idx);
    unsigned long u = (unsigned long)i, back = 0UL - u;
    if (!fits || (i < 0 ? back > v.len : u >= v.len))
        return err_format(exc_IndexError, "range object index out of range");
    return int_from_long(value_at(&v, i < 0 ? v.len - back : u));
}

/* r[slice]: the range of the selected values. */
static Object *range_slice(Object *o, Object *slice)
{
    RangeValues v = values_of(o);
    ssize_t len = range_length(o), start, stop, step, count;
    long s0, s1, st;
    if (len < 0 || slice_unpack(slice, len, &start, &stop, &step, &count) < 0)
        return NULL;
    if (__builtin_mul_overflow(v.step, step, &st) || __builtin_mul_overflow(start, v.step, &s0)
        || __builtin_add_overflow(s0, v.start, &s0) || __builtin_mul_overflow(stop, v.step, &s1)
        || __builtin_add_overflow(s1, v.start, &s1))
        return err_format(exc_OverflowError, "Python int too large to convert to C long");
    return range_new_from(s0, s1, st);
}

static Object *range_subscript(Object *o, Object *key)
{
    if (IS_TYPE(key, slice_type))
        return range_slice(o, key);
    if (TYPE(key)->nb_index)
        return range_item(o, key);
    return err_format(exc_TypeError, "range indices must be integers or slices, not %T", key);
}

/* The position of the int [ob] in the range, or -1 when absent. */
static long position_of(Object *o, Object *ob)
{
    RangeValues v = values_of(o);
    long x;
    if (!int_fits_long(ob, &x) || v.len == 0)
        return -1;
    unsigned long d, st;
    if (v.step > 0) {
        if (x < v.start || x >= v.stop)
            return -1;
        d = (unsigned long)x - (unsigned long)v.start;
        st = (unsigned long)v.step;
    } else {
        if (x > v.start || x <= v.stop)
            return -1;
        d = (unsigned long)v.start - (unsigned long)x;
        st = 0UL - (unsigned long)v.step;
    }
    return d % st == 0 ? (long)(d / st) : -1;
}

static bool is_plain_int(Object *o)
{
    return IS_TYPE(o, int_type) || IS_TYPE(o, bool_type);
}

/* Walks the range comparing each value with [ob]: the count of equal
 * values, or the index of the first (stopping there) when [first]. */
static ssize_t search(Object *o, Object *ob, bool first)
{
    Object *it = obj_iter(o), *item;
    if (!it)
        return -1;
    ssize_t n = 0, found = 0;
    int cmp = 0;
    while ((item = obj_next(it)) != NULL) {
        cmp = obj_richcompare_bool(item, ob, CMP_EQ);
        DECREF(item);
        if (cmp < 0 || (cmp > 0 && first))
            break;
        found += cmp;
        n++;
    }
    DECREF(it);
    if (cmp < 0 || err_occurred())
        return -1;
    if (first && cmp <= 0) {
        err_set_str(exc_ValueError, "sequence.index(x): x not in sequence");
        return -1;
    }
    return first ? n : found;
}

static int range_contains(Object *o, Object *ob)
{
    if (is_plain_int(ob))
        return position_of(o, ob) >= 0;
    Object *it = obj_iter(o), *item;
    if (!it)
        return -1;
    int cmp = 0;
    while (cmp == 0 && (item = obj_next(it)) != NULL) {
        cmp = obj_richcompare_bool(item, ob, CMP_EQ);
        DECREF(item);
    }
    DECREF(it);
    return cmp == 0 && err_occurred() ? -1 : cmp;
}

static Object *make_iter(unsigned long start, unsigned long step, unsigned long len)
{
    RangeIterObject *it = (RangeIterObject *)obj_alloc(&range_iter_type, 0);
    if (!it)
        return NULL;
    it->index = 0;
    it->start = start;
    it->step = step;
    it->len = len;
    return (Object *)it;
}

static Object *range_iter(Object *o)
{
    RangeValues v = values_of(o);
    return make_iter((unsigned long)v.start, (unsigned long)v.step, v.len);
}

static Object *range_reversed_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("range.__reversed__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    RangeValues v = values_of(self);
    unsigned long last = v.len ? (unsigned long)value_at(&v, v.len - 1) : (unsigned long)v.start;
    return make_iter(last, 0UL - (unsigned long)v.step, v.len);
}

static Object *range_count_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("range.count", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    if (is_plain_int(arg))
        return int_from_long(position_of(self, arg) >= 0);
    ssize_t n = search(self, arg, false);
    return n < 0 ? NULL : int_from_ssize(n);
}

static Object *range_index_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("range.index", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    if (!is_plain_int(arg)) {
        ssize_t n = search(self, arg, true);
        return n < 0 ? NULL : int_from_ssize(n);
    }
    long pos = position_of(self, arg);
    if (pos < 0)
        return err_format(exc_ValueError, "%R is not in range", arg);
    return int_from_long(pos);
}

static Object *range_get_start(Object *o, void *closure)
{
    (void)closure;
    return NEWREF(RANGE(o)->start);
}

static Object *range_get_stop(Object *o, void *closure)
{
    (void)closure;
    return NEWREF(RANGE(o)->stop);
}

static Object *range_get_step(Object *o, void *closure)
{
    (void)closure;
    return NEWREF(RANGE(o)->step);
}

static const GetSetDef range_getset[] = {
    {"start", range_get_start, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL},
    {"step", range_get_step, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

static const MethodDef range_methods[] = {
    {"__reversed__", range_reversed_meth, 0, "Return a reverse iterator."},
    {"count", range_count_meth, 0, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index_meth, 0, "rangeobject.index(value) -> integer -- return index of value."},
    {NULL, NULL, 0, NULL}
};

Type range_type = {
    .base = {{1, &type_type}, 0},
    .name = "range",
    .basicsize = sizeof(RangeObject),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .nb_bool = range_bool,
    .len = range_length,
    .getitem = range_subscript,
    .contains = range_contains,
    .new_ = range_new_slot,
    .methods = range_methods,
    .getset = range_getset,
};

/* ---- range_iterator ---- */

static void range_iter_dealloc(Object *o)
{
    obj_free(o);
}

static Object *range_iter_next(Object *o)
{
    RangeIterObject *it = (RangeIterObject *)o;
    if (it->index >= it->len)
        return NULL;
    return int_from_long((long)(it->start + it->index++ * it->step));
}

static Object *range_iter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    RangeIterObject *it = (RangeIterObject *)self;
    if (args_positional("range_iterator.__length_hint__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return int_from_ulong(it->len - it->index);
}

static const MethodDef range_iter_methods[] = {
    {"__length_hint__", range_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

Type range_iter_type = {
    .base = {{1, &type_type}, 0},
    .name = "range_iterator",
    .basicsize = sizeof(RangeIterObject),
    .dealloc = range_iter_dealloc,
    .iter = iter_self,
    .iternext = range_iter_next,
    .methods = range_iter_methods,
};

/* ---- slice ---- */

#define SLICE(o) ((SliceObject *)(o))

Object *slice_new(Object *start, Object *stop, Object *step)
{
    SliceObject *s = (SliceObject *)obj_alloc(&slice_type, 0);
    if (!s)
        return NULL;
    s->start = NEWREF(start ? start : None);
    s->stop = NEWREF(stop ? stop : None);
    s->step = NEWREF(step ? step : None);
    gc_track((Object *)s);
    return (Object *)s;
}

int slice_index(Object *v, bool none_ok, ssize_t *out)
{
    if (v == None && none_ok)
        return 0;
    if (!TYPE(v)->nb_index) {
        err_set_str(exc_TypeError, none_ok ? "slice indices must be integers or None or have an __index__ method"
                                           : "slice indices must be integers or have an __index__ method");
        return -1;
    }
    Object *i = num_index(v);
    long x;
    if (!i)
        return -1;
    if (int_fits_long(i, &x))
        *out = x;
    else
        *out = int_sign(i) < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
    DECREF(i);
    return 0;
}

/* Clamps [*i] into the sequence of [length] for a slice of [step]. */
static void adjust(ssize_t *i, ssize_t length, ssize_t step)
{
    if (*i < 0) {
        *i += length;
        if (*i < 0)
            *i = step < 0 ? -1 : 0;
    } else if (*i >= length) {
        *i = step < 0 ? length - 1 : length;
    }
}

int slice_unpack(Object *slice, ssize_t length, ssize_t *start, ssize_t *stop, ssize_t *step, ssize_t *count)
{
    SliceObject *s = SLICE(slice);
    *step = 1;
    if (slice_index(s->step, true, step) < 0)
        return -1;
    if (*step == 0) {
        err_set_str(exc_ValueError, "slice step cannot be zero");
        return -1;
    }
    if (*step < -SSIZE_MAX)
        *step = -SSIZE_MAX;
    *start = *step < 0 ? SSIZE_MAX : 0;
    *stop = *step < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
    if (slice_index(s->start, true, start) < 0 || slice_index(s->stop, true, stop) < 0)
        return -1;
    adjust(start, length, *step);
    adjust(stop, length, *step);
    if (*step < 0)
        *count = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
    else
        *count = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
    return 0;
}

static Object *slice_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[3] = {NULL, NULL, NULL};
    (void)type;
    if (args_positional("slice", args, nargs, kwnames, 1, 3, a) < 0)
        return NULL;
    if (nargs == 1)
        return slice_new(NULL, a[0], NULL);
    return slice_new(a[0], a[1], a[2]);
}

static void slice_dealloc(Object *o)
{
    SliceObject *s = SLICE(o);
    gc_untrack(o);
    if (list_trash_begin(o))
        return;
    DECREF(s->step);
    DECREF(s->start);
    DECREF(s->stop);
    obj_free(o);
    list_trash_end();
}

static int slice_traverse(Object *o, visitproc visit, void *arg)
{
    SliceObject *s = SLICE(o);
    int r = visit(s->start, arg);
    if (!r)
        r = visit(s->stop, arg);
    return r ? r : visit(s->step, arg);
}

static Object *slice_repr(Object *o)
{
    SliceObject *s = SLICE(o);
    return str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Object *slice_richcompare(Object *a, Object *b, int op)
{
    if (!IS_TYPE(a, slice_type) || !IS_TYPE(b, slice_type))
        return NEWREF(NotImplemented);
    if (a == b)
        return bool_from(op == CMP_EQ || op == CMP_LE || op == CMP_GE);
    Object *t1 = tuple_pack(3, SLICE(a)->start, SLICE(a)->stop, SLICE(a)->step);
    Object *t2 = t1 ? tuple_pack(3, SLICE(b)->start, SLICE(b)->stop, SLICE(b)->step) : NULL;
    Object *r = t2 ? obj_richcompare(t1, t2, op) : NULL;
    XDECREF(t1);
    XDECREF(t2);
    return r;
}

static Object *slice_indices_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("slice.indices", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    Object *length = num_index(arg);
    if (!length)
        return NULL;
    int sign = int_sign(length);
    ssize_t len = int_as_ssize(length), start, stop, step, count;
    DECREF(length);
    if (sign < 0)
        return err_format(exc_ValueError, "length should not be negative");
    if ((len == -1 && err_occurred()) || slice_unpack(self, len, &start, &stop, &step, &count) < 0)
        return NULL;
    Object *a = int_from_ssize(start), *b = int_from_ssize(stop), *c = int_from_ssize(step);
    Object *t = a && b && c ? tuple_pack(3, a, b, c) : NULL;
    XDECREF(a);
    XDECREF(b);
    XDECREF(c);
    return t;
}

static Object *slice_get_start(Object *o, void *closure)
{
    (void)closure;
    return NEWREF(SLICE(o)->start);
}

static Object *slice_get_stop(Object *o, void *closure)
{
    (void)closure;
    return NEWREF(SLICE(o)->stop);
}

static Object *slice_get_step(Object *o, void *closure)
{
    (void)closure;
    return NEWREF(SLICE(o)->step);
}

static const GetSetDef slice_getset[] = {
    {"start", slice_get_start, NULL, NULL},
    {"stop", slice_get_stop, NULL, NULL},
    {"step", slice_get_step, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

static const MethodDef slice_methods[] = {
    {"indices", slice_indices_meth, 0, "S.indices(len) -> (start, stop, stride)"},
    {NULL, NULL, 0, NULL}
};

Type slice_type = {
    .base = {{1, &type_type}, 0},
    .name = "slice",
    .basicsize = sizeof(SliceObject),
    .flags = TPFLAG_HAVE_GC,
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .richcompare = slice_richcompare,
    .traverse = slice_traverse,
    .new_ = slice_new_slot,
    .methods = slice_methods,
    .getset = slice_getset,
};
