/* range.c — owns range, range_iterator, longrange_iterator and slice
 * objects, and the slice arithmetic every sequence uses (slice_unpack,
 * slice_index).
 *
 * A range keeps start, stop, step and its length as int objects, as
 * CPython's does (sys.getsizeof(range(10**20)) == 48: a range is lazy), and
 * works with ints of any size; iteration runs on C longs when the values
 * allow it (range_iterator), on int objects otherwise (longrange_iterator).
 * Slices are tracked containers (56 bytes with their GC head, as in 3.11)
 * and unhashable.
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
    long index, start, step, len;
} RangeIterObject;

/* Iterates ranges whose values do not all fit a C long. */
typedef struct {
    Object base;
    Object *index, *start, *step, *len;
} LongRangeIterObject;

#define RANGE(o) ((RangeObject *)(o))

static Type longrange_iter_type;

/* ---- int arithmetic ---- */

/* [a] op [b], dropping the caller's reference to [a]; NULL passes through. */
static Object *then(Object *a, int op, Object *b)
{
    if (!a)
        return NULL;
    Object *r = num_binop(a, b, op);
    DECREF(a);
    return r;
}

static Object *small_int(long v)
{
    return int_from_long(v);    /* cached: -5..256 */
}

static int compare(Object *a, Object *b, int op)
{
    return obj_richcompare_bool(a, b, op);
}

static bool is_one(Object *o)
{
    long v;
    return int_fits_long(o, &v) && v == 1;
}

/* The length of range(lo, hi, step) in C longs, as an unsigned long. */
static unsigned long length_of(long lo, long hi, long step)
{
    if (step > 0 && lo < hi)
        return 1 + ((unsigned long)hi - 1 - (unsigned long)lo) / (unsigned long)step;
    if (step < 0 && lo > hi)
        return 1 + ((unsigned long)lo - 1 - (unsigned long)hi) / (0UL - (unsigned long)step);
    return 0;
}

/* The number of items of range(start, stop, step), for ints of any size. */
static Object *compute_length(Object *start, Object *stop, Object *step)
{
    long a, b, c;
    if (int_fits_long(start, &a) && int_fits_long(stop, &b) && int_fits_long(step, &c))
        return int_from_ulong(length_of(a, b, c));
    bool up = int_sign(step) > 0;
    Object *lo = up ? start : stop, *hi = up ? stop : start;
    int empty = compare(lo, hi, CMP_GE);
    if (empty)
        return empty < 0 ? NULL : small_int(0);
    Object *one = small_int(1), *st = up ? NEWREF(step) : num_negative(step);
    Object *len = st ? then(then(num_binop(hi, lo, BINOP_SUBTRACT), BINOP_SUBTRACT, one),
                            BINOP_FLOOR_DIVIDE, st) : NULL;
    len = then(len, BINOP_ADD, one);
    XDECREF(st);
    DECREF(one);
    return len;
}

/* start + i * step: the [i]th value of range [r]. */
static Object *compute_item(Object *r, Object *i)
{
    if (is_one(RANGE(r)->step))
        return num_binop(RANGE(r)->start, i, BINOP_ADD);
    Object *incr = num_binop(i, RANGE(r)->step, BINOP_MULTIPLY);
    Object *v = incr ? num_binop(RANGE(r)->start, incr, BINOP_ADD) : NULL;
    XDECREF(incr);
    return v;
}

/* ---- range ---- */

/* A range of the three ints (references stolen; NULLs allowed after an
 * error). */
static Object *make_range(Object *start, Object *stop, Object *step)
{
    RangeObject *r = NULL;
    Object *len = NULL;
    if (start && stop && step) {
        if (int_sign(step) == 0)
            err_set_str(exc_ValueError, "range() arg 3 must not be zero");
        else if ((len = compute_length(start, stop, step)))
            r = (RangeObject *)obj_alloc(&range_type, 0);
    }
    if (!r) {
        XDECREF(start);
        XDECREF(stop);
        XDECREF(step);
        XDECREF(len);
        return NULL;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = len;
    return (Object *)r;
}

Object *range_new_from(long start, long stop, long step)
{
    return make_range(int_from_long(start), int_from_long(stop), int_from_long(step));
}

/* operator.index(o) as an exact int (True counts as 1). */
static Object *exact_index(Object *o)
{
    Object *i = num_index(o);
    if (i && !IS_TYPE(i, int_type)) {
        Object *zero = small_int(0);
        SETREF(i, num_binop(i, zero, BINOP_ADD));
        DECREF(zero);
    }
    return i;
}

static Object *range_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[3] = {NULL, NULL, NULL};
    (void)type;
    if (args_positional("range", args, nargs, kwnames, 1, 3, a) < 0)
        return NULL;
    if (nargs == 1) {
        Object *stop = exact_index(a[0]);
        return stop ? make_range(small_int(0), stop, small_int(1)) : NULL;
    }
    Object *start = exact_index(a[0]), *stop = start ? exact_index(a[1]) : NULL;
    Object *step = stop ? (a[2] ? exact_index(a[2]) : small_int(1)) : NULL;
    if (!step) {
        XDECREF(start);
        XDECREF(stop);
        return NULL;
    }
    return make_range(start, stop, step);
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
    if (is_one(r->step))
        return str_from_format("range(%R, %R)", r->start, r->stop);
    return str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

/* hash((len, start, step)), with None for what the length makes
 * irrelevant, so equal ranges hash alike. */
static hash_t range_hash(Object *o)
{
    RangeObject *r = RANGE(o);
    bool empty = int_sign(r->length) == 0, single = is_one(r->length);
    Object *t = tuple_pack(3, r->length, empty ? None : r->start, empty || single ? None : r->step);
    if (!t)
        return -1;
    hash_t h = obj_hash(t);
    DECREF(t);
    return h;
}

/* 1 when the ranges hold the same values, 0 when not, -1 on error. */
static int range_equals(RangeObject *a, RangeObject *b)
{
    if (a == b)
        return 1;
    int c = compare(a->length, b->length, CMP_EQ);
    if (c <= 0 || int_sign(a->length) == 0)
        return c;
    if ((c = compare(a->start, b->start, CMP_EQ)) <= 0 || is_one(a->length))
        return c;
    return compare(a->step, b->step, CMP_EQ);
}

static Object *range_richcompare(Object *a, Object *b, int op)
{
    if (!IS_TYPE(b, range_type) || (op != CMP_EQ && op != CMP_NE))
        return NEWREF(NotImplemented);
    int eq = range_equals(RANGE(a), RANGE(b));
    return eq < 0 ? NULL : bool_from((eq > 0) == (op == CMP_EQ));
}

static ssize_t range_length(Object *o)
{
    return int_as_ssize(RANGE(o)->length);
}

static int range_bool(Object *o)
{
    return int_sign(RANGE(o)->length) != 0;
}

static Object *range_item(Object *o, Object *key)
{
    RangeObject *r = RANGE(o);
    Object *i = num_index(key);
    if (i && int_sign(i) < 0)
        i = then(i, BINOP_ADD, r->length);
    if (!i)
        return NULL;
    int bad = int_sign(i) < 0 ? 1 : compare(i, r->length, CMP_GE);
    Object *v = bad ? NULL : compute_item(o, i);
    DECREF(i);
    if (bad > 0)
        err_set_str(exc_IndexError, "range object index out of range");
    return v;
}

/* ---- slice arithmetic on ints of any size ---- */

static Object *index_of_slice_bound(Object *v)
{
    if (!TYPE(v)->nb_index)
        return err_format(exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return num_index(v);
}

/* A slice bound [v] made a position among [length] items, clamped to
 * [lower, upper]; [deflt] when v is None. */
static Object *long_bound(Object *v, Object *deflt, Object *length, Object *lower, Object *upper)
{
    if (v == None)
        return NEWREF(deflt);
    Object *i = index_of_slice_bound(v);
    if (i && int_sign(i) < 0) {
        i = then(i, BINOP_ADD, length);
        if (i && compare(i, lower, CMP_LT) > 0)
            SETREF(i, NEWREF(lower));
    } else if (i && compare(i, upper, CMP_GT) > 0) {
        SETREF(i, NEWREF(upper));
    }
    return i;
}

/* CPython's _PySlice_GetLongIndices: *start, *stop and *step of [slice]
 * for [length] items (an int >= 0), as ints of any size. */
static int slice_long_indices(Object *slice, Object *length, Object **start, Object **stop, Object **step)
{
    SliceObject *s = (SliceObject *)slice;
    *start = *stop = NULL;
    *step = s->step == None ? small_int(1) : index_of_slice_bound(s->step);
    if (*step && int_sign(*step) == 0) {
        err_set_str(exc_ValueError, "slice step cannot be zero");
        CLEAR(*step);
    }
    if (!*step)
        return -1;
    bool neg = int_sign(*step) < 0;
    Object *lower = small_int(neg ? -1 : 0);
    Object *upper = neg ? num_binop(length, lower, BINOP_ADD) : NEWREF(length);
    if (upper && (*start = long_bound(s->start, neg ? upper : lower, length, lower, upper)))
        *stop = long_bound(s->stop, neg ? lower : upper, length, lower, upper);
    DECREF(lower);
    XDECREF(upper);
    if (*stop)
        return 0;
    CLEAR(*start);
    CLEAR(*step);
    return -1;
}

/* r[slice]: the range of the selected values. */
static Object *range_slice(Object *o, Object *slice)
{
    Object *start, *stop, *step;
    if (slice_long_indices(slice, RANGE(o)->length, &start, &stop, &step) < 0)
        return NULL;
    Object *r = make_range(compute_item(o, start), compute_item(o, stop),
                           num_binop(RANGE(o)->step, step, BINOP_MULTIPLY));
    DECREF(start);
    DECREF(stop);
    DECREF(step);
    return r;
}

static Object *range_subscript(Object *o, Object *key)
{
    if (IS_TYPE(key, slice_type))
        return range_slice(o, key);
    if (TYPE(key)->nb_index)
        return range_item(o, key);
    return err_format(exc_TypeError, "range indices must be integers or slices, not %T", key);
}

/* ---- membership ---- */

static bool is_plain_int(Object *o)
{
    return IS_TYPE(o, int_type) || IS_TYPE(o, bool_type);
}

/* Whether the int [ob] is one of the range's values: 1, 0, -1 on error. */
static int contains_int(Object *o, Object *ob)
{
    RangeObject *r = RANGE(o);
    bool up = int_sign(r->step) > 0;
    int c1 = up ? compare(r->start, ob, CMP_LE) : compare(ob, r->start, CMP_LE);
    int c2 = c1 > 0 ? (up ? compare(ob, r->stop, CMP_LT) : compare(r->stop, ob, CMP_LT)) : c1;
    if (c2 <= 0)
        return c2;
    Object *rem = then(num_binop(ob, r->start, BINOP_SUBTRACT), BINOP_REMAINDER, r->step);
    int found = rem ? int_sign(rem) == 0 : -1;
    XDECREF(rem);
    return found;
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
        return contains_int(o, ob);
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

static Object *range_count_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("range.count", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    if (is_plain_int(arg)) {
        int found = contains_int(self, arg);
        return found < 0 ? NULL : small_int(found);
    }
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
    int found = contains_int(self, arg);
    if (found <= 0)
        return found < 0 ? NULL : err_format(exc_ValueError, "%R is not in range", arg);
    return then(num_binop(arg, RANGE(self)->start, BINOP_SUBTRACT), BINOP_FLOOR_DIVIDE, RANGE(self)->step);
}

/* ---- iteration ---- */

static Object *fast_iter(long start, long step, long len)
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

/* An iterator over ints of any size from [start] by [step] (stolen). */
static Object *long_iter(Object *start, Object *step, Object *len)
{
    LongRangeIterObject *it = start && step ? (LongRangeIterObject *)obj_alloc(&longrange_iter_type, 0) : NULL;
    if (!it) {
        XDECREF(start);
        XDECREF(step);
        return NULL;
    }
    it->index = small_int(0);
    it->start = start;
    it->step = step;
    it->len = NEWREF(len);
    return (Object *)it;
}

/* The range's values as C longs, when they fit, its length fits and the
 * last value cannot overflow (CPython's conditions for range_iterator). */
static bool fits_fast(RangeObject *r, long *start, long *stop, long *step, unsigned long *len)
{
    if (!int_fits_long(r->start, start) || !int_fits_long(r->stop, stop) || !int_fits_long(r->step, step))
        return false;
    *len = length_of(*start, *stop, *step);
    if (*len > (unsigned long)LONG_MAX)
        return false;
    return *len == 0 || (*step > 0 ? *stop <= LONG_MAX - (*step - 1) : *stop >= LONG_MIN + (-1 - *step));
}

static Object *range_iter(Object *o)
{
    RangeObject *r = RANGE(o);
    long start, stop, step;
    unsigned long len;
    if (fits_fast(r, &start, &stop, &step, &len))
        return fast_iter(start, step, (long)len);
    return long_iter(NEWREF(r->start), NEWREF(r->step), r->length);
}

/* reversed(range(start, stop, step)) is range(start + (n-1)*step,
 * start - step, -step); C longs when all of that fits one. */
static Object *range_reversed_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    RangeObject *r = RANGE(self);
    long start, stop, step;
    if (args_positional("range.__reversed__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    if (int_fits_long(r->start, &start) && int_fits_long(r->stop, &stop) && int_fits_long(r->step, &step)
        && step != LONG_MIN
        && (step > 0 ? (unsigned long)start - LONG_MIN >= (unsigned long)step
                     : LONG_MAX - (unsigned long)start >= 0UL - (unsigned long)step)) {
        unsigned long len = length_of(start, stop, step);
        if (len <= (unsigned long)LONG_MAX) {
            long new_stop = start - step;
            return fast_iter((long)((unsigned long)new_stop + len * (unsigned long)step), -step, (long)len);
        }
    }
    Object *one = small_int(1);
    Object *last = then(then(num_binop(r->length, one, BINOP_SUBTRACT), BINOP_MULTIPLY, r->step),
                        BINOP_ADD, r->start);
    DECREF(one);
    return long_iter(last, last ? num_negative(r->step) : NULL, r->length);
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

/* ---- range_iterator and longrange_iterator ---- */

static void range_iter_dealloc(Object *o)
{
    obj_free(o);
}

static Object *range_iter_next(Object *o)
{
    RangeIterObject *it = (RangeIterObject *)o;
    if (it->index >= it->len)
        return NULL;
    return int_from_long((long)((unsigned long)it->start + (unsigned long)(it->index++) * (unsigned long)it->step));
}

static Object *range_iter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    RangeIterObject *it = (RangeIterObject *)self;
    if (args_positional("range_iterator.__length_hint__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return int_from_long(it->len - it->index);
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

static void longrange_iter_dealloc(Object *o)
{
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    XDECREF(it->index);
    XDECREF(it->start);
    XDECREF(it->step);
    XDECREF(it->len);
    obj_free(o);
}

static Object *longrange_iter_next(Object *o)
{
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    if (compare(it->index, it->len, CMP_LT) != 1)
        return NULL;
    Object *one = small_int(1);
    Object *v = then(num_binop(it->index, it->step, BINOP_MULTIPLY), BINOP_ADD, it->start);
    Object *next = v ? num_binop(it->index, one, BINOP_ADD) : NULL;
    DECREF(one);
    if (!next) {
        XDECREF(v);
        return NULL;
    }
    SETREF(it->index, next);
    return v;
}

static Object *longrange_iter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    LongRangeIterObject *it = (LongRangeIterObject *)self;
    if (args_positional("longrange_iterator.__length_hint__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return num_binop(it->len, it->index, BINOP_SUBTRACT);
}

static const MethodDef longrange_iter_methods[] = {
    {"__length_hint__", longrange_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

static Type longrange_iter_type = {
    .base = {{1, &type_type}, 0},
    .name = "longrange_iterator",
    .basicsize = sizeof(LongRangeIterObject),
    .dealloc = longrange_iter_dealloc,
    .iter = iter_self,
    .iternext = longrange_iter_next,
    .methods = longrange_iter_methods,
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
    Object *arg, *start, *stop, *step;
    if (args_positional("slice.indices", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    Object *length = num_index(arg);
    if (!length)
        return NULL;
    int r = int_sign(length) < 0 ? -1 : slice_long_indices(self, length, &start, &stop, &step);
    if (int_sign(length) < 0)
        err_set_str(exc_ValueError, "length should not be negative");
    DECREF(length);
    if (r < 0)
        return NULL;
    Object *t = tuple_pack(3, start, stop, step);
    DECREF(start);
    DECREF(stop);
    DECREF(step);
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
