/* list.c — owns lists, list_iterator and list_reverseiterator, and the few
 * helpers every built-in sequence shares (lexicographic comparison, the
 * operands of seq * n, METH_O / METH_NOARGS argument checks, unhashable).
 *
 * A list is a 40-byte header (behind its GC head) pointing at a separate
 * array of item pointers.  The array is over-allocated by CPython 3.11's
 * formula (list_resize), so sys.getsizeof of a list grown by append goes
 * 56, 88, 88, 88, 88, 120, ... while lists made in one go ([1, 2, 3],
 * [0] * n, a[i:j], list(x) of a sized x) get exactly what they need.
 * As in CPython 3.11, up to 80 dead lists wait on a free list (their arrays
 * freed) for list_new to reuse: a list taken from it is not counted as an
 * allocation by the collector, and one parked on it does not lower the
 * count.  list() itself (list_new_slot, CPython's tp_alloc) never takes one.
 */
#include <limits.h>
#include <string.h>
#include "list.h"
#include "type.h"
#include "tuple.h"
#include "range.h"
#include "set.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "args.h"
#include "errors.h"
#include "repr_guard.h"
#include "../mem/gc.h"
#include "../mem/mem.h"

typedef IndexIterObject ListIterObject;

#define MAX_ITEMS ((ssize_t)(SIZE_MAX / 2 / sizeof(Object *)))

/* ---- the item array ---- */

/* Sets the list's size to [newsize], reallocating the item array with
 * CPython 3.11's over-allocation unless the current one fits well. */
static int list_resize(ListObject *self, ssize_t newsize)
{
    ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        SIZE(self) = newsize;
        return 0;
    }
    size_t want = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - SIZE(self) > (ssize_t)(want - (size_t)newsize))
        want = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        want = 0;
    Object **items = NULL;
    if (want <= (size_t)MAX_ITEMS)
        items = mem_realloc(self->items, want * sizeof(Object *));
    if (!items) {
        err_nomemory();
        return -1;
    }
    self->items = items;
    SIZE(self) = newsize;
    self->allocated = (ssize_t)want;
    return 0;
}

/* Gives an empty list room for exactly [n] items (rounded up to even, as
 * the allocator's granularity makes that free). */
static int preallocate_exact(ListObject *self, ssize_t n)
{
    n = (n + 1) & ~(ssize_t)1;
    self->items = n <= MAX_ITEMS ? mem_malloc((size_t)n * sizeof(Object *)) : NULL;
    if (!self->items) {
        err_nomemory();
        return -1;
    }
    self->allocated = n;
    return 0;
}

/* Empties the list, freeing its array; the items are released last to
 * first, once the list no longer shows them. */
static void clear_items(ListObject *self)
{
    Object **items = self->items;
    ssize_t i = SIZE(self);
    if (!items)
        return;
    SIZE(self) = 0;
    self->items = NULL;
    self->allocated = 0;
    while (--i >= 0)
        XDECREF(items[i]);
    mem_free(items);
}

static Object **seq_items(Object *o)
{
    return TYPE_CHECK(o, list_type) ? LIST_ITEMS(o) : TUPLE_ITEMS(o);
}

/* ---- the trashcan ---- */

/* Deallocs nest at most this deep; deeper objects wait on a chain linked
 * through their (unused, untracked) GC heads.  One thread for now: this
 * belongs in the thread state. */
#define TRASH_UNWIND_LEVEL 50

static int trash_nesting;
static Object *trash_later;

int list_trash_begin(Object *o)
{
    if (trash_nesting < TRASH_UNWIND_LEVEL) {
        trash_nesting++;
        return 0;
    }
    AS_GC(o)->prev = (uintptr_t)trash_later;
    trash_later = o;
    return 1;
}

void list_trash_end(void)
{
    if (--trash_nesting > 0 || !trash_later)
        return;
    trash_nesting++;
    while (trash_later) {
        Object *o = trash_later;
        trash_later = (Object *)AS_GC(o)->prev;
        /* its finalizer, if any, ran before it was parked here */
        AS_GC(o)->prev = 0;
        gc_set_finalized(o);
        TYPE(o)->dealloc(o);
    }
    trash_nesting--;
}

/* ---- the free list ---- */

enum { MAXFREELIST = 80 };      /* PyList_MAXFREELIST */

/* Dead exact lists, without item arrays; the last one parked is reused first. */
static ListObject *free_list[MAXFREELIST];
static int numfree;

void list_clear_freelist(void)
{
    while (numfree > 0)
        obj_free((Object *)free_list[--numfree]);
}

void list_print_freelist(FILE *out)
{
    obj_print_freelist(out, "free PyListObject", numfree, sizeof(ListObject));
}

/* ---- creation ---- */

static ListObject *init_empty(ListObject *op)
{
    SIZE(op) = 0;
    op->items = NULL;
    op->allocated = 0;
    return op;
}

/* A new empty untracked list of [type] (CPython's tp_alloc). */
static ListObject *list_alloc(Type *type)
{
    ListObject *op = (ListObject *)obj_alloc(type, 0);
    return op ? init_empty(op) : NULL;
}

Object *list_new(ssize_t n)
{
    ListObject *op = numfree > 0 ? init_empty((ListObject *)obj_revive((Object *)free_list[--numfree]))
                                 : list_alloc(&list_type);
    if (!op)
        return NULL;
    if (n > 0) {
        op->items = n <= MAX_ITEMS ? mem_calloc((size_t)n, sizeof(Object *)) : NULL;
        if (!op->items) {
            DECREF(op);
            return err_nomemory();
        }
        SIZE(op) = n;
        op->allocated = n;
    }
    gc_track((Object *)op);
    return (Object *)op;
}

/* An empty list with room for exactly [n] items. */
static ListObject *list_new_prealloc(ssize_t n)
{
    ListObject *op = (ListObject *)list_new(0);
    if (!op)
        return NULL;
    op->items = n <= MAX_ITEMS ? mem_malloc((size_t)n * sizeof(Object *)) : NULL;
    if (!op->items) {
        DECREF(op);
        return (ListObject *)err_nomemory();
    }
    op->allocated = n;
    return op;
}

/* A new list holding [n] items of [src]. */
static Object *list_from_items(Object *const *src, ssize_t n)
{
    if (n <= 0)
        return list_new(0);
    ListObject *np = list_new_prealloc(n);
    if (!np)
        return NULL;
    for (ssize_t i = 0; i < n; i++)
        np->items[i] = NEWREF(src[i]);
    SIZE(np) = n;
    return (Object *)np;
}

Object *list_getslice(Object *list, ssize_t lo, ssize_t hi)
{
    ssize_t len = SIZE(list);
    lo = lo < 0 ? 0 : lo > len ? len : lo;
    hi = hi < lo ? lo : hi > len ? len : hi;
    return list_from_items(LIST_ITEMS(list) + lo, hi - lo);
}

static void list_dealloc(Object *o)
{
    ListObject *op = (ListObject *)o;
    gc_untrack(o);
    if (list_trash_begin(o))
        return;
    if (op->items) {
        for (ssize_t i = SIZE(op); --i >= 0;)
            XDECREF(op->items[i]);
        mem_free(op->items);
    }
    if (IS_TYPE(o, list_type) && numfree < MAXFREELIST)
        free_list[numfree++] = op;
    else
        obj_free(o);
    list_trash_end();
}

/* ---- growing ---- */

/* Appends [item], stealing the reference. */
static int append_steal(ListObject *self, Object *item)
{
    ssize_t n = SIZE(self);
    if (self->allocated > n) {
        self->items[n] = item;
        SIZE(self) = n + 1;
        return 0;
    }
    if (list_resize(self, n + 1) < 0) {
        DECREF(item);
        return -1;
    }
    self->items[n] = item;
    return 0;
}

int list_append(Object *list, Object *item)
{
    return append_steal((ListObject *)list, NEWREF(item));
}

int list_insert(Object *list, ssize_t where, Object *item)
{
    ListObject *self = (ListObject *)list;
    ssize_t n = SIZE(self);
    if (list_resize(self, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    memmove(&self->items[where + 1], &self->items[where], (size_t)(n - where) * sizeof(Object *));
    self->items[where] = NEWREF(item);
    return 0;
}

Object *list_seq_fast(Object *v, const char *msg)
{
    if (IS_TYPE(v, list_type) || IS_TYPE(v, tuple_type))
        return NEWREF(v);
    Object *it = obj_iter(v);
    if (!it) {
        if (err_matches(exc_TypeError))
            err_set_str(exc_TypeError, msg);
        return NULL;
    }
    Object *list = list_from_iter(it);
    DECREF(it);
    return list;
}

/* extend() from a list or a tuple (or the list itself): one resize. */
static int extend_fast(ListObject *self, Object *iterable)
{
    Object *seq = list_seq_fast(iterable, "argument must be iterable");
    if (!seq)
        return -1;
    ssize_t n = SIZE(seq), m = SIZE(self);
    int r = 0;
    if (n > 0) {
        if (!self->items)
            r = preallocate_exact(self, n);
        else
            r = list_resize(self, m + n);
    }
    if (r == 0 && n > 0) {
        Object **src = seq_items(seq);
        for (ssize_t i = 0; i < n; i++)
            self->items[m + i] = NEWREF(src[i]);
        SIZE(self) = m + n;
    }
    DECREF(seq);
    return r;
}

/* Makes room for about [n] more items, as CPython does before running an
 * iterator of known length. */
static int reserve(ListObject *self, ssize_t n)
{
    ssize_t m = SIZE(self);
    if (m > SSIZE_MAX - n)
        return 0;
    if (!self->items)
        return n ? preallocate_exact(self, n) : 0;
    if (list_resize(self, m + n) < 0)
        return -1;
    SIZE(self) = m;
    return 0;
}

int list_extend(Object *list, Object *iterable)
{
    ListObject *self = (ListObject *)list;
    if (IS_TYPE(iterable, list_type) || IS_TYPE(iterable, tuple_type) || iterable == list)
        return extend_fast(self, iterable);
    Object *it = obj_iter(iterable);
    if (!it)
        return -1;
    ssize_t n = iter_length_hint(iterable, 8);
    int r = n < 0 ? -1 : reserve(self, n);
    Object *item;
    while (r == 0 && (item = obj_next(it)) != NULL)
        r = append_steal(self, item);
    if (r == 0 && err_occurred())
        r = -1;
    if (r == 0 && SIZE(self) < self->allocated)
        r = list_resize(self, SIZE(self));
    DECREF(it);
    return r;
}

Object *list_from_iter(Object *iterable)
{
    Object *list = list_new(0);
    if (list && list_extend(list, iterable) < 0) {
        DECREF(list);
        return NULL;
    }
    return list;
}

Object *list_as_tuple(Object *list)
{
    return tuple_from_array(LIST_ITEMS(list), SIZE(list));
}

/* ---- slice assignment ---- */

/* a[ilow:ihigh] = v (v NULL: del a[ilow:ihigh]), as CPython's
 * list_ass_slice: the removed items are released after the list is
 * consistent again. */
static int ass_slice(ListObject *a, ssize_t ilow, ssize_t ihigh, Object *v)
{
    if (v == (Object *)a) {
        Object *copy = list_getslice(v, 0, SIZE(v));
        if (!copy)
            return -1;
        int r = ass_slice(a, ilow, ihigh, copy);
        DECREF(copy);
        return r;
    }
    Object *seq = v ? list_seq_fast(v, "can only assign an iterable") : NULL;
    if (v && !seq)
        return -1;
    ssize_t n = seq ? SIZE(seq) : 0, len = SIZE(a);
    ilow = ilow < 0 ? 0 : ilow > len ? len : ilow;
    ihigh = ihigh < ilow ? ilow : ihigh > len ? len : ihigh;
    ssize_t norig = ihigh - ilow, d = n - norig;
    if (len + d == 0) {
        XDECREF(seq);
        clear_items(a);
        return 0;
    }
    Object *on_stack[8], **recycle = on_stack;
    if (norig > 8 && !(recycle = mem_malloc((size_t)norig * sizeof(Object *)))) {
        XDECREF(seq);
        err_nomemory();
        return -1;
    }
    if (norig)
        memcpy(recycle, &a->items[ilow], (size_t)norig * sizeof(Object *));
    int r = 0;
    if (d < 0) {
        memmove(&a->items[ihigh + d], &a->items[ihigh], (size_t)(len - ihigh) * sizeof(Object *));
        r = list_resize(a, len + d);
        if (r < 0) {
            memmove(&a->items[ihigh], &a->items[ihigh + d], (size_t)(len - ihigh) * sizeof(Object *));
            memcpy(&a->items[ilow], recycle, (size_t)norig * sizeof(Object *));
        }
    } else if (d > 0 && (r = list_resize(a, len + d)) == 0) {
        memmove(&a->items[ihigh + d], &a->items[ihigh], (size_t)(len - ihigh) * sizeof(Object *));
    }
    if (r == 0) {
        Object **src = n ? seq_items(seq) : NULL;
        for (ssize_t k = 0; k < n; k++)
            a->items[ilow + k] = NEWREF(src[k]);
        for (ssize_t k = norig - 1; k >= 0; k--)
            XDECREF(recycle[k]);
    }
    if (recycle != on_stack)
        mem_free(recycle);
    XDECREF(seq);
    return r;
}

/* del a[start::step] for [count] items, step > 0. */
static int delete_extended(ListObject *self, ssize_t start, ssize_t step, ssize_t count)
{
    Object **garbage = mem_malloc((size_t)count * sizeof(Object *));
    if (!garbage) {
        err_nomemory();
        return -1;
    }
    ssize_t dst = start, g = 0;
    for (ssize_t cur = start; cur < SIZE(self); cur++) {
        if (g < count && cur == start + g * step)
            garbage[g++] = self->items[cur];
        else
            self->items[dst++] = self->items[cur];
    }
    SIZE(self) -= count;
    int r = list_resize(self, SIZE(self));
    for (g = 0; g < count; g++)
        DECREF(garbage[g]);
    mem_free(garbage);
    return r;
}

/* a[start::step] = value for [count] items, lengths equal. */
static int assign_extended(ListObject *self, ssize_t start, ssize_t step, ssize_t count, Object *value)
{
    Object *seq = value == (Object *)self ? list_getslice(value, 0, SIZE(value))
                                          : list_seq_fast(value, "must assign iterable to extended slice");
    if (!seq)
        return -1;
    if (SIZE(seq) != count) {
        err_format(exc_ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd",
                   SIZE(seq), count);
        DECREF(seq);
        return -1;
    }
    Object **garbage = count ? mem_malloc((size_t)count * sizeof(Object *)) : NULL;
    if (count && !garbage) {
        DECREF(seq);
        err_nomemory();
        return -1;
    }
    Object **src = seq_items(seq);
    for (ssize_t i = 0, cur = start; i < count; i++, cur += step) {
        garbage[i] = self->items[cur];
        self->items[cur] = NEWREF(src[i]);
    }
    for (ssize_t i = 0; i < count; i++)
        DECREF(garbage[i]);
    mem_free(garbage);
    DECREF(seq);
    return 0;
}

static int ass_slice_object(ListObject *self, Object *slice, Object *value)
{
    ssize_t start, stop, step, count;
    if (slice_unpack(slice, SIZE(self), &start, &stop, &step, &count) < 0)
        return -1;
    if (step == 1)
        return ass_slice(self, start, stop, value);
    if (value)
        return assign_extended(self, start, step, count, value);
    if (count <= 0)
        return 0;
    if (step < 0) {
        start += step * (count - 1);
        step = -step;
    }
    return delete_extended(self, start, step, count);
}

/* ---- sorting: timsort, as CPython 3.11's listsort ----
 *
 * Natural runs are found left to right (a strictly descending run is
 * reversed in place) and short ones are extended to `minrun` items by
 * binary insertion.  Runs wait on a stack and are merged by the
 * "powersort" rule; a merge gallops when one side keeps winning.  The
 * comparisons made, and their order, are CPython's, so a key function or
 * an __lt__ that prints or fails sees what it would see there.  When a
 * comparison fails the items stay a permutation of the originals. */

#define MIN_GALLOP 7
#define SORT_TEMP_SIZE 256
#define MAX_MERGE_PENDING 85

/* keys[i] is compared; values[i] (NULL without a key function) moves with it. */
typedef struct {
    Object **keys, **values;
} SortSlice;

typedef struct {
    SortSlice base;
    ssize_t len;
    int power;
} PendingRun;

typedef int (*LessThan)(Object *a, Object *b);   /* 1, 0, -1 on error */

typedef struct {
    LessThan lt;                /* chosen for the keys' types */
    ssize_t min_gallop;
    SortSlice a;                /* temporary space for merges */
    ssize_t alloced;
    int n;                      /* runs pending */
    PendingRun pending[MAX_MERGE_PENDING];
    Object **basekeys;
    ssize_t listlen;
    Object *temparray[SORT_TEMP_SIZE];
} MergeState;

static int lt_object(Object *a, Object *b)
{
    return obj_richcompare_bool(a, b, CMP_LT);
}

/* When every key is an int, a str or a float, they are compared directly,
 * as CPython's unsafe_*_compare do: same answers, no side effects. */
static int lt_int(Object *a, Object *b)
{
    return int_compare(a, b) < 0;
}

static int lt_str(Object *a, Object *b)
{
    return str_compare(a, b) < 0;
}

static int lt_float(Object *a, Object *b)
{
    return FLOAT_VAL(a) < FLOAT_VAL(b);
}

static LessThan choose_lt(Object **keys, ssize_t n)
{
    Type *t = n ? TYPE(keys[0]) : NULL;
    for (ssize_t i = 1; i < n && t; i++)
        if (TYPE(keys[i]) != t)
            t = NULL;
    return t == &int_type ? lt_int : t == &str_type ? lt_str : t == &float_type ? lt_float : lt_object;
}

static void slice_advance(SortSlice *s, ssize_t n)
{
    s->keys += n;
    if (s->values)
        s->values += n;
}

static void slice_move(SortSlice *dst, ssize_t i, SortSlice *src, ssize_t j, ssize_t n)
{
    memmove(&dst->keys[i], &src->keys[j], (size_t)n * sizeof(Object *));
    if (dst->values)
        memmove(&dst->values[i], &src->values[j], (size_t)n * sizeof(Object *));
}

static void slice_copy_incr(SortSlice *dst, SortSlice *src)
{
    slice_move(dst, 0, src, 0, 1);
    slice_advance(dst, 1);
    slice_advance(src, 1);
}

static void slice_copy_decr(SortSlice *dst, SortSlice *src)
{
    slice_move(dst, 0, src, 0, 1);
    slice_advance(dst, -1);
    slice_advance(src, -1);
}

static void reverse_array(Object **a, ssize_t n)
{
    for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        Object *t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

/* Sorts s[0:n) by binary insertion, s[0:start) being sorted already. */
static int binary_sort(MergeState *ms, SortSlice s, ssize_t n, ssize_t start)
{
    for (start += start == 0; start < n; start++) {
        Object *pivot = s.keys[start];
        ssize_t l = 0, r = start;
        do {
            ssize_t p = l + ((r - l) >> 1);
            int k = ms->lt(pivot, s.keys[p]);
            if (k < 0)
                return -1;
            if (k)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        memmove(&s.keys[l + 1], &s.keys[l], (size_t)(start - l) * sizeof(Object *));
        s.keys[l] = pivot;
        if (s.values) {
            Object *v = s.values[start];
            memmove(&s.values[l + 1], &s.values[l], (size_t)(start - l) * sizeof(Object *));
            s.values[l] = v;
        }
    }
    return 0;
}

/* The length of the run at keys[0:n): ascending (a[i] <= a[i+1]) or
 * strictly descending (*descending set). */
static ssize_t count_run(MergeState *ms, Object **keys, ssize_t n, bool *descending)
{
    *descending = false;
    if (n == 1)
        return 1;
    int k = ms->lt(keys[1], keys[0]);
    if (k < 0)
        return -1;
    *descending = k;
    ssize_t i;
    for (i = 2; i < n; i++) {
        if ((k = ms->lt(keys[i], keys[i - 1])) < 0)
            return -1;
        if (k != *descending)
            break;
    }
    return i;
}

/* Where [key] goes in the sorted a[0:n): before any equal item (left)
 * or after them (right).  The search gallops from a[hint] outwards,
 * then bisects, making CPython's comparisons. */
static ssize_t gallop(MergeState *ms, Object *key, Object **a, ssize_t n, ssize_t hint, bool right)
{
    ssize_t ofs = 1, lastofs = 0, k;
    /* "key goes after a[i]": a[i] < key (left) or not key < a[i] (right) */
#define AFTER(i) (right ? ((k = ms->lt(key, a[i])) < 0 ? -1 : !k) : ms->lt(a[i], key))
    int c = AFTER(hint);
    if (c < 0)
        return -1;
    if (c) {
        ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            if ((c = AFTER(hint + ofs)) < 0)
                return -1;
            if (!c)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            if ((c = AFTER(hint - ofs)) < 0)
                return -1;
            if (c)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    for (++lastofs; lastofs < ofs;) {
        ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        if ((c = AFTER(m)) < 0)
            return -1;
        if (c)
            lastofs = m + 1;
        else
            ofs = m;
    }
#undef AFTER
    return ofs;
}

/* Makes the temporary space hold [need] items (and values). */
static int merge_getmem(MergeState *ms, ssize_t need)
{
    if (need <= ms->alloced)
        return 0;
    if (ms->a.keys != ms->temparray)
        mem_free(ms->a.keys);
    size_t mult = ms->a.values ? 2 : 1;
    ms->a.keys = (size_t)need <= SIZE_MAX / 4 / sizeof(Object *) ? mem_malloc(mult * (size_t)need * sizeof(Object *)) : NULL;
    if (!ms->a.keys) {
        ms->a.keys = ms->temparray;
        ms->alloced = 0;
        err_nomemory();
        return -1;
    }
    ms->alloced = need;
    if (ms->a.values)
        ms->a.values = ms->a.keys + need;
    return 0;
}

/* Merges the runs a (na items) and b (nb) that follow it, with na <= nb,
 * working from the left; a is first copied to the temporary space. */
static int merge_lo(MergeState *ms, SortSlice ssa, ssize_t na, SortSlice ssb, ssize_t nb)
{
    if (merge_getmem(ms, na) < 0)
        return -1;
    slice_move(&ms->a, 0, &ssa, 0, na);
    SortSlice dest = ssa;
    ssa = ms->a;
    int result = -1;
    ssize_t k, min_gallop = ms->min_gallop;
    slice_copy_incr(&dest, &ssb);
    if (--nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_b;
    for (;;) {
        ssize_t acount = 0, bcount = 0;
        for (;;) {              /* one item at a time until a side wins often */
            if ((k = ms->lt(ssb.keys[0], ssa.keys[0])) < 0)
                goto fail;
            if (k) {
                slice_copy_incr(&dest, &ssb);
                bcount++;
                acount = 0;
                if (--nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            } else {
                slice_copy_incr(&dest, &ssa);
                acount++;
                bcount = 0;
                if (--na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        min_gallop++;
        do {                    /* galloping */
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            if ((k = gallop(ms, ssb.keys[0], ssa.keys, na, 0, true)) < 0)
                goto fail;
            acount = k;
            if (k) {
                slice_move(&dest, 0, &ssa, 0, k);
                slice_advance(&dest, k);
                slice_advance(&ssa, k);
                na -= k;
                if (na == 1)
                    goto copy_b;
                if (na == 0)
                    goto succeed;
            }
            slice_copy_incr(&dest, &ssb);
            if (--nb == 0)
                goto succeed;
            if ((k = gallop(ms, ssa.keys[0], ssb.keys, nb, 0, false)) < 0)
                goto fail;
            bcount = k;
            if (k) {
                slice_move(&dest, 0, &ssb, 0, k);
                slice_advance(&dest, k);
                slice_advance(&ssb, k);
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            slice_copy_incr(&dest, &ssa);
            if (--na == 1)
                goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ms->min_gallop = ++min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na)
        slice_move(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    slice_move(&dest, 0, &ssb, 0, nb);
    slice_move(&dest, nb, &ssa, 0, 1);
    return 0;
}

/* The mirror image of merge_lo for na > nb: b goes to the temporary
 * space and the merge works from the right. */
static int merge_hi(MergeState *ms, SortSlice ssa, ssize_t na, SortSlice ssb, ssize_t nb)
{
    if (merge_getmem(ms, nb) < 0)
        return -1;
    SortSlice dest = ssb, basea = ssa, baseb = ms->a;
    slice_advance(&dest, nb - 1);
    slice_move(&ms->a, 0, &ssb, 0, nb);
    ssb = ms->a;
    slice_advance(&ssb, nb - 1);
    slice_advance(&ssa, na - 1);
    int result = -1;
    ssize_t k, min_gallop = ms->min_gallop;
    slice_copy_decr(&dest, &ssa);
    if (--na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_a;
    for (;;) {
        ssize_t acount = 0, bcount = 0;
        for (;;) {
            if ((k = ms->lt(ssb.keys[0], ssa.keys[0])) < 0)
                goto fail;
            if (k) {
                slice_copy_decr(&dest, &ssa);
                acount++;
                bcount = 0;
                if (--na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            } else {
                slice_copy_decr(&dest, &ssb);
                bcount++;
                acount = 0;
                if (--nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        min_gallop++;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            if ((k = gallop(ms, ssb.keys[0], basea.keys, na, na - 1, true)) < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                slice_advance(&dest, -k);
                slice_advance(&ssa, -k);
                slice_move(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            slice_copy_decr(&dest, &ssb);
            if (--nb == 1)
                goto copy_a;
            if ((k = gallop(ms, ssa.keys[0], baseb.keys, nb, nb - 1, false)) < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                slice_advance(&dest, -k);
                slice_advance(&ssb, -k);
                slice_move(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                if (nb == 0)
                    goto succeed;
            }
            slice_copy_decr(&dest, &ssa);
            if (--na == 0)
                goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ms->min_gallop = ++min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb)
        slice_move(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
copy_a:
    slice_move(&dest, 1 - na, &ssa, 1 - na, na);
    slice_advance(&dest, -na);
    slice_advance(&ssa, -na);
    slice_move(&dest, 0, &ssb, 0, 1);
    return 0;
}

/* Merges pending runs i and i + 1. */
static int merge_at(MergeState *ms, int i)
{
    SortSlice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    ssize_t na = ms->pending[i].len, nb = ms->pending[i + 1].len;
    ms->pending[i].len = na + nb;
    if (i == ms->n - 3)
        ms->pending[i + 1] = ms->pending[i + 2];
    ms->n--;
    /* a's items before b[0]'s place, and b's after a's last, stay put */
    ssize_t k = gallop(ms, ssb.keys[0], ssa.keys, na, 0, true);
    if (k < 0)
        return -1;
    slice_advance(&ssa, k);
    if ((na -= k) == 0)
        return 0;
    nb = gallop(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1, false);
    if (nb <= 0)
        return (int)nb;
    return na <= nb ? merge_lo(ms, ssa, na, ssb, nb) : merge_hi(ms, ssa, na, ssb, nb);
}

/* The depth in the ideal merge tree of the boundary between two adjacent
 * runs (powersort's "power"): where the binary expansions of their
 * midpoints, as fractions of n, first differ. */
static int powerloop(ssize_t s1, ssize_t n1, ssize_t n2, ssize_t n)
{
    int result = 0;
    ssize_t a = 2 * s1 + n1, b = a + n1 + n2;
    for (;;) {
        result++;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

/* A new run of [n2] items follows the top of the stack: merge the runs
 * below whose power is greater. */
static int found_new_run(MergeState *ms, ssize_t n2)
{
    if (ms->n == 0)
        return 0;
    PendingRun *p = ms->pending;
    ssize_t s1 = p[ms->n - 1].base.keys - ms->basekeys, n1 = p[ms->n - 1].len;
    int power = powerloop(s1, n1, n2, ms->listlen);
    while (ms->n > 1 && p[ms->n - 2].power > power)
        if (merge_at(ms, ms->n - 2) < 0)
            return -1;
    p[ms->n - 1].power = power;
    return 0;
}

static int merge_force_collapse(MergeState *ms)
{
    while (ms->n > 1) {
        int n = ms->n - 2;
        if (n > 0 && ms->pending[n - 1].len < ms->pending[n + 1].len)
            n--;
        if (merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

/* The minimum run length for [n] items: between 32 and 64, making n / minrun
 * a power of two or just below one. */
static ssize_t merge_compute_minrun(ssize_t n)
{
    ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static void merge_init(MergeState *ms, ssize_t n, bool has_keys, SortSlice *lo)
{
    if (has_keys) {
        /* half the list at most; the rest of temparray may hold the keys */
        ms->alloced = (n + 1) / 2;
        if (ms->alloced > SORT_TEMP_SIZE / 2)
            ms->alloced = SORT_TEMP_SIZE / 2;
        ms->a.values = &ms->temparray[ms->alloced];
    } else {
        ms->alloced = SORT_TEMP_SIZE;
        ms->a.values = NULL;
    }
    ms->a.keys = ms->temparray;
    ms->lt = choose_lt(lo->keys, n);
    ms->n = 0;
    ms->min_gallop = MIN_GALLOP;
    ms->listlen = n;
    ms->basekeys = lo->keys;
}

/* Timsort of the [n] items of [lo]. */
static int timsort(MergeState *ms, SortSlice lo, ssize_t n)
{
    ssize_t remaining = n, minrun = merge_compute_minrun(n);
    if (n < 2)
        return 0;
    do {
        bool descending;
        ssize_t run = count_run(ms, lo.keys, remaining, &descending);
        if (run < 0)
            return -1;
        if (descending) {
            reverse_array(lo.keys, run);
            if (lo.values)
                reverse_array(lo.values, run);
        }
        if (run < minrun) {
            ssize_t force = remaining <= minrun ? remaining : minrun;
            if (binary_sort(ms, lo, force, run) < 0)
                return -1;
            run = force;
        }
        if (found_new_run(ms, run) < 0)
            return -1;
        ms->pending[ms->n].base = lo;
        ms->pending[ms->n].len = run;
        ms->n++;
        slice_advance(&lo, run);
        remaining -= run;
    } while (remaining);
    return merge_force_collapse(ms);
}

int list_reverse(Object *list)
{
    reverse_array(LIST_ITEMS(list), SIZE(list));
    return 0;
}

/* The keys of [n] items by [key], in [keys]; -1 (none kept) on error. */
static int compute_keys(Object *key, Object **items, ssize_t n, Object **keys)
{
    for (ssize_t i = 0; i < n; i++) {
        if (!(keys[i] = obj_call1(key, items[i]))) {
            while (--i >= 0)
                DECREF(keys[i]);
            return -1;
        }
    }
    return 0;
}

/* Sorts [n] items, by their keys when [key] is given (reversed first when
 * [reverse]): 0, -1 when the sort failed, -2 when the keys could not be
 * made (nothing was moved). */
static int sort_items(Object **items, ssize_t n, Object *key, int reverse)
{
    MergeState ms;
    Object **keys = NULL;
    bool keys_in_temp = n < SORT_TEMP_SIZE / 2;
    if (key) {
        keys = keys_in_temp ? &ms.temparray[n + 1] : mem_malloc((size_t)n * sizeof(Object *));
        if (!keys) {
            err_nomemory();
            return -2;
        }
        if (compute_keys(key, items, n, keys) < 0) {
            if (!keys_in_temp)
                mem_free(keys);
            return -2;
        }
    }
    SortSlice lo = { keys ? keys : items, keys ? items : NULL };
    merge_init(&ms, n, keys != NULL, &lo);
    if (reverse && n > 1) {
        if (keys)
            reverse_array(keys, n);
        reverse_array(items, n);
    }
    int r = timsort(&ms, lo, n);
    if (keys) {
        for (ssize_t i = 0; i < n; i++)
            DECREF(keys[i]);
        if (!keys_in_temp)
            mem_free(keys);
    }
    if (ms.a.keys != ms.temparray)
        mem_free(ms.a.keys);
    return r;
}

int list_sort(Object *list, Object *key, int reverse)
{
    ListObject *self = (ListObject *)list;
    ssize_t n = SIZE(self), allocated = self->allocated;
    Object **items = self->items;
    /* The list looks empty while it is sorted: changes made by key
     * functions or comparisons go to a new array, discarded at the end. */
    SIZE(self) = 0;
    self->items = NULL;
    self->allocated = -1;
    int r = sort_items(items, n, key == None ? NULL : key, reverse);
    if (r != -2) {              /* reversing after keeps equal items in order */
        if (self->allocated != -1 && r == 0) {
            err_set_str(exc_ValueError, "list modified during sort");
            r = -1;
        }
        if (reverse && n > 1)
            reverse_array(items, n);
    }
    Object **final = self->items;
    ssize_t i = SIZE(self);
    SIZE(self) = n;
    self->items = items;
    self->allocated = allocated;
    if (final) {
        while (--i >= 0)
            XDECREF(final[i]);
        mem_free(final);
    }
    return r < 0 ? -1 : 0;
}

/* ---- helpers shared by the sequences ---- */

static Object *compare_sizes(ssize_t a, ssize_t b, int op)
{
    switch (op) {
    case CMP_LT: return bool_from(a < b);
    case CMP_LE: return bool_from(a <= b);
    case CMP_EQ: return bool_from(a == b);
    case CMP_NE: return bool_from(a != b);
    case CMP_GT: return bool_from(a > b);
    default: return bool_from(a >= b);
    }
}

Object *list_seq_richcompare(Object *v, Object *w, int op)
{
    bool lists = TYPE_CHECK(v, list_type);
    if (lists ? !TYPE_CHECK(w, list_type) : !(TYPE_CHECK(v, tuple_type) && TYPE_CHECK(w, tuple_type)))
        return NEWREF(NotImplemented);
    if (lists && SIZE(v) != SIZE(w) && (op == CMP_EQ || op == CMP_NE))
        return bool_from(op == CMP_NE);
    ssize_t i;
    for (i = 0; i < SIZE(v) && i < SIZE(w); i++) {
        Object *a = seq_items(v)[i], *b = seq_items(w)[i];
        if (a == b)
            continue;
        INCREF(a);
        INCREF(b);
        int k = obj_richcompare_bool(a, b, CMP_EQ);
        DECREF(a);
        DECREF(b);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= SIZE(v) || i >= SIZE(w))
        return compare_sizes(SIZE(v), SIZE(w), op);
    if (op == CMP_EQ || op == CMP_NE)
        return bool_from(op == CMP_NE);
    return obj_richcompare(seq_items(v)[i], seq_items(w)[i], op);
}

int list_index_bounds(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
                      ssize_t len, Object **value, ssize_t *start, ssize_t *stop)
{
    Object *a[3] = {NULL, NULL, NULL};
    if (args_positional(fname, args, nargs, kwnames, 1, 3, a) < 0)
        return -1;
    *value = a[0];
    *start = 0;
    *stop = SSIZE_MAX;
    if ((a[1] && slice_index(a[1], false, start) < 0) || (a[2] && slice_index(a[2], false, stop) < 0))
        return -1;
    if (*start < 0 && (*start += len) < 0)
        *start = 0;
    if (*stop < 0 && (*stop += len) < 0)
        *stop = 0;
    return 0;
}

/* Whether [f] is the + or * of a built-in sequence (which CPython keeps
 * in sequence slots, never tried as a number slot). */
static bool is_sequence_slot(binaryfunc f, int op)
{
    return f == list_type.nb[op] || f == tuple_type.nb[op] || f == str_type.nb[op] || f == bytes_type.nb[op];
}

Object *list_try_other(Object *a, Object *b, int op)
{
    binaryfunc f = TYPE(b)->nb[op];
    if (!f || f == TYPE(a)->nb[op] || is_sequence_slot(f, op))
        return NEWREF(NotImplemented);
    return f(a, b);
}

int list_repeat_operands(Object *a, Object *b, Type *seq_type, Object **seq, ssize_t *count)
{
    bool left = TYPE(a) == seq_type || type_is_subtype(TYPE(a), seq_type);
    Object *n = left ? b : a;
    *seq = left ? a : b;
    if (!TYPE(n)->nb_index) {
        err_format(exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
        return -1;
    }
    ssize_t c = num_as_ssize(n, exc_OverflowError);
    if (c == -1 && err_occurred())
        return -1;
    *count = c < 0 ? 0 : c;
    return 0;
}

/* ---- slots ---- */

static Object *list_repr(Object *o)
{
    if (SIZE(o) == 0)
        return str_from_cstr("[]");
    int r = repr_enter(o);
    if (r != 0)
        return r > 0 ? str_from_cstr("[...]") : NULL;
    StrBuilder b;
    sb_init(&b);
    int err = sb_add_char(&b, '[');
    for (ssize_t i = 0; !err && i < SIZE(o); i++) {
        Object *item = LIST_GET(o, i);
        if (i > 0)
            err = sb_add_cstr(&b, ", ");
        /* CPython 3.11 holds no reference of its own here; a __repr__ written
         * in Python keeps the item alive through its frame, any other repr
         * (which may run code that empties the list) gets one from us */
        bool hold = !type_repr_is_python(TYPE(item));
        if (hold)
            INCREF(item);
        if (!err)
            err = sb_add_repr(&b, item);
        if (hold)
            DECREF(item);
    }
    if (!err)
        err = sb_add_char(&b, ']');
    repr_leave(o);
    if (err) {
        sb_discard(&b);
        return NULL;
    }
    return sb_finish(&b);
}

static ssize_t list_length(Object *o)
{
    return SIZE(o);
}

static Object *list_item(Object *o, ssize_t i)
{
    if (i < 0 || i >= SIZE(o))
        return err_format(exc_IndexError, "list index out of range");
    return NEWREF(LIST_GET(o, i));
}

static Object *list_subscript(Object *o, Object *key)
{
    if (TYPE(key)->nb_index) {
        ssize_t i = num_as_ssize(key, exc_IndexError);
        if (i == -1 && err_occurred())
            return NULL;
        return list_item(o, i < 0 ? i + SIZE(o) : i);
    }
    if (!IS_TYPE(key, slice_type))
        return err_format(exc_TypeError, "list indices must be integers or slices, not %T", key);
    ssize_t start, stop, step, count;
    if (slice_unpack(key, SIZE(o), &start, &stop, &step, &count) < 0)
        return NULL;
    if (count <= 0)
        return list_new(0);
    if (step == 1)
        return list_getslice(o, start, stop);
    ListObject *np = list_new_prealloc(count);
    if (!np)
        return NULL;
    for (ssize_t i = 0, cur = start; i < count; i++, cur += step)
        np->items[i] = NEWREF(LIST_GET(o, cur));
    SIZE(np) = count;
    return (Object *)np;
}

static int list_ass_subscript(Object *o, Object *key, Object *value)
{
    ListObject *self = (ListObject *)o;
    if (IS_TYPE(key, slice_type))
        return ass_slice_object(self, key, value);
    if (!TYPE(key)->nb_index) {
        err_format(exc_TypeError, "list indices must be integers or slices, not %T", key);
        return -1;
    }
    ssize_t i = num_as_ssize(key, exc_IndexError);
    if (i == -1 && err_occurred())
        return -1;
    if (i < 0)
        i += SIZE(self);
    if (i < 0 || i >= SIZE(self)) {
        err_set_str(exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (!value)
        return ass_slice(self, i, i + 1, NULL);
    SETREF(self->items[i], NEWREF(value));
    return 0;
}

static int list_contains(Object *o, Object *value)
{
    int cmp = 0;
    for (ssize_t i = 0; cmp == 0 && i < SIZE(o); i++) {
        Object *item = NEWREF(LIST_GET(o, i));
        cmp = obj_richcompare_bool(item, value, CMP_EQ);
        DECREF(item);
    }
    return cmp;
}

static Object *list_concat(Object *a, Object *b)
{
    if (!TYPE_CHECK(a, list_type))
        return NEWREF(NotImplemented);
    if (!TYPE_CHECK(b, list_type)) {
        Object *r = list_try_other(a, b, BINOP_ADD);
        if (r != NotImplemented)
            return r;
        DECREF(r);
        return err_format(exc_TypeError, "can only concatenate list (not \"%T\") to list", b);
    }
    ssize_t size = SIZE(a) + SIZE(b);
    if (size == 0)
        return list_new(0);
    ListObject *np = list_new_prealloc(size);
    if (!np)
        return NULL;
    for (ssize_t i = 0; i < SIZE(a); i++)
        np->items[i] = NEWREF(LIST_GET(a, i));
    for (ssize_t i = 0; i < SIZE(b); i++)
        np->items[SIZE(a) + i] = NEWREF(LIST_GET(b, i));
    SIZE(np) = size;
    return (Object *)np;
}

/* The items of [src] ([len] of them) copied [n] times into [dst]. */
static void repeat_into(Object **dst, Object **src, ssize_t len, ssize_t n)
{
    for (ssize_t k = 0; k < n; k++)
        for (ssize_t i = 0; i < len; i++)
            *dst++ = NEWREF(src[i]);
}

/* seq * n for a list [a] on the left: the other operand's own slot first. */
static Object *try_other_first(Object *a, Object *b, int op)
{
    return TYPE_CHECK(a, list_type) ? list_try_other(a, b, op) : NEWREF(NotImplemented);
}

static Object *list_repeat(Object *a, Object *b)
{
    Object *seq, *r = try_other_first(a, b, BINOP_MULTIPLY);
    ssize_t n;
    if (r != NotImplemented)
        return r;
    DECREF(r);
    if (list_repeat_operands(a, b, &list_type, &seq, &n) < 0)
        return NULL;
    ssize_t len = SIZE(seq);
    if (n > 0 && len > SSIZE_MAX / n)
        return err_nomemory();
    if (len * n == 0)
        return list_new(0);
    ListObject *np = list_new_prealloc(len * n);
    if (!np)
        return NULL;
    repeat_into(np->items, LIST_ITEMS(seq), len, n);
    SIZE(np) = len * n;
    return (Object *)np;
}

static Object *list_inplace_concat(Object *a, Object *b)
{
    Object *r = try_other_first(a, b, BINOP_ADD);
    if (r != NotImplemented || !TYPE_CHECK(a, list_type))
        return r;
    DECREF(r);
    return list_extend(a, b) < 0 ? NULL : NEWREF(a);
}

static Object *list_inplace_repeat(Object *a, Object *b)
{
    Object *seq, *r = try_other_first(a, b, BINOP_MULTIPLY);
    ssize_t n;
    if (r != NotImplemented || !TYPE_CHECK(a, list_type))
        return r;
    DECREF(r);
    if (list_repeat_operands(a, b, &list_type, &seq, &n) < 0)
        return NULL;
    ssize_t len = SIZE(a);
    if (len == 0 || n == 1)
        return NEWREF(a);
    if (n < 1) {
        clear_items((ListObject *)a);
        return NEWREF(a);
    }
    if (len > SSIZE_MAX / n)
        return err_nomemory();
    if (list_resize((ListObject *)a, len * n) < 0)
        return NULL;
    repeat_into(LIST_ITEMS(a) + len, LIST_ITEMS(a), len, n - 1);
    return NEWREF(a);
}

static int list_traverse(Object *o, visitproc visit, void *arg)
{
    for (ssize_t i = SIZE(o); --i >= 0;) {
        Object *item = LIST_GET(o, i);
        int r = item ? visit(item, arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

static int list_clear_slot(Object *o)
{
    clear_items((ListObject *)o);
    return 0;
}

static Object *list_iter(Object *o)
{
    return iter_index_new(&list_iter_type, o, 0);
}

static Object *list_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    ListObject *op = list_alloc(type);
    if (op)
        gc_track((Object *)op);
    return (Object *)op;
}

static int list_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *iterable = NULL;
    if (args_positional("list", args, nargs, kwnames, 0, 1, &iterable) < 0)
        return -1;
    clear_items((ListObject *)self);
    return iterable ? list_extend(self, iterable) : 0;
}

/* ---- methods ---- */

static Object *list_getitem_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("list.__getitem__", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    return list_subscript(self, arg);
}

static Object *list_reversed_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("list.__reversed__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return iter_index_new(&list_reviter_type, self, SIZE(self) - 1);
}

static Object *list_sizeof_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("list.__sizeof__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return int_from_ssize(TYPE(self)->basicsize + ((ListObject *)self)->allocated * (ssize_t)sizeof(Object *));
}

static Object *list_clear_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("list.clear", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    clear_items((ListObject *)self);
    return none_new();
}

static Object *list_copy_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("list.copy", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return list_getslice(self, 0, SIZE(self));
}

static Object *list_append_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("list.append", args, nargs, kwnames, 1, 1, &arg) < 0 || list_append(self, arg) < 0)
        return NULL;
    return none_new();
}

static Object *list_insert_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[2];
    if (args_positional("insert", args, nargs, kwnames, 2, 2, a) < 0)
        return NULL;
    ssize_t where = num_as_ssize(a[0], exc_OverflowError);
    if ((where == -1 && err_occurred()) || list_insert(self, where, a[1]) < 0)
        return NULL;
    return none_new();
}

static Object *list_extend_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("list.extend", args, nargs, kwnames, 1, 1, &arg) < 0 || list_extend(self, arg) < 0)
        return NULL;
    return none_new();
}

static Object *list_pop_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg = NULL;
    if (args_positional("pop", args, nargs, kwnames, 0, 1, &arg) < 0)
        return NULL;
    ssize_t i = arg ? num_as_ssize(arg, exc_OverflowError) : -1, n = SIZE(self);
    if (i == -1 && err_occurred())
        return NULL;
    if (n == 0)
        return err_format(exc_IndexError, "pop from empty list");
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return err_format(exc_IndexError, "pop index out of range");
    Object *v = LIST_GET(self, i);
    if (i == n - 1)             /* the list's reference moves to the caller */
        return list_resize((ListObject *)self, n - 1) < 0 ? NULL : v;
    INCREF(v);
    if (ass_slice((ListObject *)self, i, i + 1, NULL) < 0) {
        DECREF(v);
        return NULL;
    }
    return v;
}

static Object *list_remove_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("list.remove", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    for (ssize_t i = 0; i < SIZE(self); i++) {
        Object *item = NEWREF(LIST_GET(self, i));
        int cmp = obj_richcompare_bool(item, arg, CMP_EQ);
        DECREF(item);
        if (cmp > 0)
            return ass_slice((ListObject *)self, i, i + 1, NULL) < 0 ? NULL : none_new();
        if (cmp < 0)
            return NULL;
    }
    return err_format(exc_ValueError, "list.remove(x): x not in list");
}

static Object *list_index_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *value;
    ssize_t start, stop;
    if (list_index_bounds("index", args, nargs, kwnames, SIZE(self), &value, &start, &stop) < 0)
        return NULL;
    for (ssize_t i = start; i < stop && i < SIZE(self); i++) {
        Object *item = NEWREF(LIST_GET(self, i));
        int cmp = obj_richcompare_bool(item, value, CMP_EQ);
        DECREF(item);
        if (cmp > 0)
            return int_from_ssize(i);
        if (cmp < 0)
            return NULL;
    }
    return err_format(exc_ValueError, "%R is not in list", value);
}

static Object *list_count_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("list.count", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    ssize_t count = 0;
    for (ssize_t i = 0; i < SIZE(self); i++) {
        Object *item = LIST_GET(self, i);
        if (item == arg) {
            count++;
            continue;
        }
        INCREF(item);
        int cmp = obj_richcompare_bool(item, arg, CMP_EQ);
        DECREF(item);
        if (cmp < 0)
            return NULL;
        count += cmp;
    }
    return int_from_ssize(count);
}

static Object *list_reverse_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("list.reverse", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    list_reverse(self);
    return none_new();
}

static Object *list_sort_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"key", "reverse", NULL};
    Object *a[2] = {NULL, NULL};
    if (args_parse("sort", args, nargs, kwnames, kwlist, 0, 0, a) < 0)
        return NULL;
    ssize_t reverse = a[1] ? num_as_ssize(a[1], exc_OverflowError) : 0;
    if ((reverse == -1 && err_occurred()) || list_sort(self, a[0], reverse != 0) < 0)
        return NULL;
    return none_new();
}

static const MethodDef list_methods[] = {
    {"__getitem__", list_getitem_meth, 0, "x.__getitem__(y) <==> x[y]"},
    {"__reversed__", list_reversed_meth, 0, "Return a reverse iterator over the list."},
    {"__sizeof__", list_sizeof_meth, 0, "Return the size of the list in memory, in bytes."},
    {"clear", list_clear_meth, 0, "Remove all items from list."},
    {"copy", list_copy_meth, 0, "Return a shallow copy of the list."},
    {"append", list_append_meth, 0, "Append object to the end of the list."},
    {"insert", list_insert_meth, 0, "Insert object before index."},
    {"extend", list_extend_meth, 0, "Extend list by appending elements from the iterable."},
    {"pop", list_pop_meth, 0, "Remove and return item at index (default last)."},
    {"remove", list_remove_meth, 0, "Remove first occurrence of value."},
    {"index", list_index_meth, 0, "Return first index of value."},
    {"count", list_count_meth, 0, "Return number of occurrences of value."},
    {"reverse", list_reverse_meth, 0, "Reverse *IN PLACE*."},
    {"sort", list_sort_meth, 0, "Sort the list in ascending order and return None."},
    {NULL, NULL, 0, NULL}
};

Type list_type = {
    .base = {{1, &type_type}, 0},
    .name = "list",
    .basicsize = sizeof(ListObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_LIST_SUBCLASS,
    .dealloc = list_dealloc,
    .repr = list_repr,
    .richcompare = list_seq_richcompare,
    .iter = list_iter,
    .nb = {
        [BINOP_ADD] = list_concat,
        [BINOP_MULTIPLY] = list_repeat,
        [BINOP_INPLACE + BINOP_ADD] = list_inplace_concat,
        [BINOP_INPLACE + BINOP_MULTIPLY] = list_inplace_repeat,
    },
    .len = list_length,
    .getitem = list_subscript,
    .setitem = list_ass_subscript,
    .contains = list_contains,
    .traverse = list_traverse,
    .clear = list_clear_slot,
    .new_ = list_new_slot,
    .init = list_init,
    .methods = list_methods,
};

/* ---- list_iterator and list_reverseiterator ---- */

static Object *list_iter_next(Object *o)
{
    ListIterObject *it = (ListIterObject *)o;
    if (!it->seq)
        return NULL;
    if (it->index < SIZE(it->seq))
        return NEWREF(LIST_GET(it->seq, it->index++));
    CLEAR(it->seq);
    return NULL;
}

static Object *list_reviter_next(Object *o)
{
    ListIterObject *it = (ListIterObject *)o;
    if (!it->seq)
        return NULL;
    if (it->index >= 0 && it->index < SIZE(it->seq))
        return NEWREF(LIST_GET(it->seq, it->index--));
    it->index = -1;
    CLEAR(it->seq);
    return NULL;
}

static Object *list_iter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("list_iterator.__length_hint__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    ListIterObject *it = (ListIterObject *)self;
    ssize_t len = it->seq ? SIZE(it->seq) - it->index : 0;
    return int_from_ssize(len < 0 ? 0 : len);
}

static Object *list_reviter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("list_reverseiterator.__length_hint__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    ListIterObject *it = (ListIterObject *)self;
    ssize_t len = it->index + 1;
    if (!it->seq || SIZE(it->seq) < len)
        len = 0;
    return int_from_ssize(len);
}

static const MethodDef list_iter_methods[] = {
    {"__length_hint__", list_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

static const MethodDef list_reviter_methods[] = {
    {"__length_hint__", list_reviter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

Type list_iter_type = {
    .base = {{1, &type_type}, 0},
    .name = "list_iterator",
    .basicsize = sizeof(ListIterObject),
    .flags = TPFLAG_HAVE_GC,
    .dealloc = iter_index_dealloc,
    .iter = iter_self,
    .iternext = list_iter_next,
    .traverse = iter_index_traverse,
    .methods = list_iter_methods,
};

Type list_reviter_type = {
    .base = {{1, &type_type}, 0},
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListIterObject),
    .flags = TPFLAG_HAVE_GC,
    .dealloc = iter_index_dealloc,
    .iter = iter_self,
    .iternext = list_reviter_next,
    .traverse = iter_index_traverse,
    .methods = list_reviter_methods,
};
