/* iterators.c — owns the built-in iterator types enumerate, zip, map,
 * filter and reversed, and the helpers every iterator shares: the
 * self-returning iter slot, length hints and special-method lookup.
 *
 * Their layouts are CPython 3.11's, so sys.getsizeof agrees (enumerate 72,
 * zip 64, map / filter / reversed 48), and enumerate and zip recycle their
 * result tuple while nobody else holds it, as CPython's do.
 */
#include <limits.h>
#include "range.h"
#include "tuple.h"
#include "dict.h"
#include "list.h"
#include "int.h"
#include "str.h"
#include "args.h"
#include "errors.h"
#include "../mem/gc.h"
#include "../mem/mem.h"

typedef struct {
    Object base;
    ssize_t index;
    Object *iter;
    Object *result;             /* the (index, item) tuple recycled */
    Object *longindex;          /* the index once past ssize_t, else NULL */
    Object *one;                /* borrowed: the int 1, to count past ssize_t */
} EnumerateObject;

typedef struct {
    Object base;
    ssize_t size;
    Object *iters;              /* tuple of iterators */
    Object *result;             /* the tuple recycled */
    int strict;
} ZipObject;

typedef struct {
    Object base;
    Object *iters;              /* tuple of iterators */
    Object *func;
} MapObject;

typedef struct {
    Object base;
    Object *func;
    Object *iter;
} FilterObject;

typedef struct {
    Object base;
    ssize_t index;
    Object *seq;                /* NULL once exhausted */
} ReversedObject;

/* ---- shared helpers ---- */

Object *iter_self(Object *o)
{
    return NEWREF(o);
}

Object *iter_index_new(Type *t, Object *seq, ssize_t index)
{
    IndexIterObject *it = (IndexIterObject *)obj_alloc(t, 0);
    if (!it)
        return NULL;
    it->index = index;
    it->seq = NEWREF(seq);
    gc_track((Object *)it);
    return (Object *)it;
}

void iter_index_dealloc(Object *o)
{
    gc_untrack(o);
    CLEAR(((IndexIterObject *)o)->seq);
    obj_free(o);
}

int iter_index_traverse(Object *o, visitproc visit, void *arg)
{
    Object *seq = ((IndexIterObject *)o)->seq;
    return seq ? visit(seq, arg) : 0;
}

Object *iter_lookup_special(Object *o, const char *name)
{
    Object *key = str_intern_cstr(name);
    if (!key)
        return NULL;
    Object *attr = type_lookup(TYPE(o), key);
    DECREF(key);
    if (!attr)
        return NULL;
    descrgetfunc get = TYPE(attr)->descr_get;
    return get ? get(attr, o, (Object *)TYPE(o)) : NEWREF(attr);
}

/* The value of a __length_hint__ method's result [r] (stolen). */
static ssize_t hint_value(Object *r, ssize_t deflt)
{
    if (r == NotImplemented) {
        DECREF(r);
        return deflt;
    }
    if (!TYPE_CHECK(r, int_type)) {
        err_format(exc_TypeError, "__length_hint__ must be an integer, not %T", r);
        DECREF(r);
        return -1;
    }
    ssize_t n = int_as_ssize(r);
    DECREF(r);
    if (n == -1 && err_occurred())
        return -1;
    if (n < 0) {
        err_set_str(exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

ssize_t iter_length_hint(Object *o, ssize_t deflt)
{
    if (TYPE(o)->len) {
        ssize_t n = obj_length(o);
        if (n >= 0)
            return n;
        if (!err_matches(exc_TypeError))
            return -1;
        err_clear();
    }
    Object *hint = iter_lookup_special(o, "__length_hint__");
    if (!hint)
        return err_occurred() ? -1 : deflt;
    Object *r = obj_call0(hint);
    DECREF(hint);
    if (!r) {
        if (!err_matches(exc_TypeError))
            return -1;
        err_clear();
        return deflt;
    }
    return hint_value(r, deflt);
}

/* A tuple of iter(x) for the [n] objects of [objs]. */
static Object *iter_tuple(Object *const *objs, ssize_t n)
{
    Object *t = tuple_new(n);
    for (ssize_t i = 0; t && i < n; i++)
        if (!(TUPLE_ITEMS(t)[i] = obj_iter(objs[i])))
            CLEAR(t);
    return t;
}

/* Untracks and frees the iterator [o] after dropping the [n] references in
 * [refs] (its fields), through the trashcan that bounds nested deallocs. */
static void free_with_refs(Object *o, Object *const *refs, int n)
{
    gc_untrack(o);
    if (list_trash_begin(o))
        return;
    for (int i = 0; i < n; i++)
        XDECREF(refs[i]);
    obj_free(o);
    list_trash_end();
}

/* Visits the non-NULL references among [refs] ([n] of them) in order,
 * stopping at the first nonzero result. */
static int visit_refs(Object *const *refs, int n, visitproc visit, void *arg)
{
    for (int i = 0; i < n; i++) {
        int r = refs[i] ? visit(refs[i], arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

/* ---- enumerate ---- */

static Object *enumerate_new(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"iterable", "start", NULL};
    Object *a[2] = {NULL, NULL}, *start = NULL;
    ssize_t n = nargs + (kwnames ? SIZE(kwnames) : 0);
    if (nargs == 0 && n == 0)
        return err_format(exc_TypeError, "enumerate() missing required argument 'iterable'");
    if (n > 2)
        return err_format(exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)", n);
    if (args_parse("enumerate", args, nargs, kwnames, kwlist, 1, 2, a) < 0)
        return NULL;
    if (a[1] && !(start = num_index(a[1])))
        return NULL;
    EnumerateObject *en = (EnumerateObject *)obj_alloc(type, 0);
    if (!en) {
        XDECREF(start);
        return NULL;
    }
    long index = 0;
    if (start && !int_fits_long(start, &index)) {
        en->index = SSIZE_MAX;
        en->longindex = NEWREF(start);
    } else {
        en->index = index;
    }
    XDECREF(start);
    en->one = int_from_long(1);        /* a cached small int: it outlives us */
    XDECREF(en->one);
    en->iter = obj_iter(a[0]);
    en->result = en->iter ? tuple_pack(2, None, None) : NULL;
    gc_track((Object *)en);
    if (!en->result) {
        DECREF(en);
        return NULL;
    }
    return (Object *)en;
}

static void enumerate_dealloc(Object *o)
{
    EnumerateObject *en = (EnumerateObject *)o;
    Object *refs[3] = {en->iter, en->result, en->longindex};
    free_with_refs(o, refs, 3);
}

static int enumerate_traverse(Object *o, visitproc visit, void *arg)
{
    EnumerateObject *en = (EnumerateObject *)o;
    Object *refs[3] = {en->iter, en->result, en->longindex};
    return visit_refs(refs, 3, visit, arg);
}

/* The next index as an int: counted in C up to SSIZE_MAX, then as ints. */
static Object *next_index(EnumerateObject *en)
{
    if (en->index < SSIZE_MAX)
        return int_from_ssize(en->index++);
    if (!en->longindex && !(en->longindex = int_from_ssize(SSIZE_MAX)))
        return NULL;
    Object *next = num_binop(en->longindex, en->one, BINOP_ADD);
    if (!next)
        return NULL;
    Object *current = en->longindex;
    en->longindex = next;
    return current;
}

static Object *enumerate_next(Object *o)
{
    EnumerateObject *en = (EnumerateObject *)o;
    Object *item = obj_next(en->iter);
    if (!item)
        return NULL;
    Object *index = next_index(en);
    if (!index) {
        DECREF(item);
        return NULL;
    }
    Object *pair[2] = {index, item};
    return tuple_recycle(en->result, pair, 2);
}

Type enumerate_type = {
    .base = {{1, &type_type}, 0},
    .name = "enumerate",
    .basicsize = sizeof(EnumerateObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC,
    .dealloc = enumerate_dealloc,
    .iter = iter_self,
    .iternext = enumerate_next,
    .traverse = enumerate_traverse,
    .new_ = enumerate_new,
};

/* ---- zip ---- */

static Object *zip_new(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"strict", NULL};
    Object *strict = NULL;
    if (args_parse("zip", args + nargs, 0, kwnames, kwlist, 0, 0, &strict) < 0)
        return NULL;
    int is_strict = strict ? obj_is_true(strict) : 0;
    if (is_strict < 0)
        return NULL;
    Object *iters = iter_tuple(args, nargs), *result = iters ? tuple_new(nargs) : NULL;
    for (ssize_t i = 0; result && i < nargs; i++)
        TUPLE_ITEMS(result)[i] = NEWREF(None);
    ZipObject *z = result ? (ZipObject *)obj_alloc(type, 0) : NULL;
    if (!z) {
        XDECREF(iters);
        XDECREF(result);
        return NULL;
    }
    z->size = nargs;
    z->iters = iters;
    z->result = result;
    z->strict = is_strict;
    gc_track((Object *)z);
    return (Object *)z;
}

static void zip_dealloc(Object *o)
{
    ZipObject *z = (ZipObject *)o;
    Object *refs[2] = {z->iters, z->result};
    free_with_refs(o, refs, 2);
}

static int zip_traverse(Object *o, visitproc visit, void *arg)
{
    ZipObject *z = (ZipObject *)o;
    Object *refs[2] = {z->iters, z->result};
    return visit_refs(refs, 2, visit, arg);
}

/* zip(strict=True) after iterator [i] ran out first (i > 0) or all of the
 * first i did: the others must be exhausted too.  NULL either way. */
static Object *zip_check_strict(ZipObject *z, ssize_t i)
{
    const char *plural = i == 1 ? " " : "s 1-";
    if (err_occurred())
        return NULL;
    if (i > 0)
        return err_format(exc_ValueError, "zip() argument %zd is shorter than argument%s%zd", i + 1, plural, i);
    for (i = 1; i < z->size; i++) {
        Object *item = obj_next(TUPLE_GET(z->iters, i));
        if (item) {
            DECREF(item);
            plural = i == 1 ? " " : "s 1-";
            return err_format(exc_ValueError, "zip() argument %zd is longer than argument%s%zd", i + 1, plural, i);
        }
        if (err_occurred())
            return NULL;
    }
    return NULL;
}

static Object *zip_next(Object *o)
{
    ZipObject *z = (ZipObject *)o;
    Object *small[8], **items = z->size <= 8 ? small : mem_malloc((size_t)z->size * sizeof(Object *));
    ssize_t i;
    if (z->size == 0)
        return NULL;
    if (!items)
        return err_nomemory();
    for (i = 0; i < z->size; i++)
        if (!(items[i] = obj_next(TUPLE_GET(z->iters, i))))
            break;
    Object *result = NULL;
    if (i == z->size) {
        result = tuple_recycle(z->result, items, z->size);
    } else {
        for (ssize_t j = 0; j < i; j++)
            DECREF(items[j]);
        if (z->strict)
            zip_check_strict(z, i);
    }
    if (items != small)
        mem_free(items);
    return result;
}

Type zip_type = {
    .base = {{1, &type_type}, 0},
    .name = "zip",
    .basicsize = sizeof(ZipObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL,
    .dealloc = zip_dealloc,
    .iter = iter_self,
    .iternext = zip_next,
    .traverse = zip_traverse,
    .new_ = zip_new,
};

/* ---- map ---- */

static Object *map_new(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (type == &map_type && args_no_keywords("map", kwnames) < 0)
        return NULL;
    if (nargs < 2)
        return err_format(exc_TypeError, "map() must have at least two arguments.");
    Object *iters = iter_tuple(args + 1, nargs - 1);
    MapObject *m = iters ? (MapObject *)obj_alloc(type, 0) : NULL;
    if (!m) {
        XDECREF(iters);
        return NULL;
    }
    m->iters = iters;
    m->func = NEWREF(args[0]);
    gc_track((Object *)m);
    return (Object *)m;
}

static void map_dealloc(Object *o)
{
    MapObject *m = (MapObject *)o;
    Object *refs[2] = {m->iters, m->func};
    free_with_refs(o, refs, 2);
}

static int map_traverse(Object *o, visitproc visit, void *arg)
{
    MapObject *m = (MapObject *)o;
    Object *refs[2] = {m->iters, m->func};
    return visit_refs(refs, 2, visit, arg);
}

static Object *map_next(Object *o)
{
    MapObject *m = (MapObject *)o;
    ssize_t n = SIZE(m->iters), i;
    Object *small[5], **items = n <= 5 ? small : mem_malloc((size_t)n * sizeof(Object *));
    if (!items)
        return err_nomemory();
    for (i = 0; i < n; i++)
        if (!(items[i] = obj_next(TUPLE_GET(m->iters, i))))
            break;
    Object *result = i == n ? obj_call(m->func, items, n, NULL) : NULL;
    while (--i >= 0)
        DECREF(items[i]);
    if (items != small)
        mem_free(items);
    return result;
}

Type map_type = {
    .base = {{1, &type_type}, 0},
    .name = "map",
    .basicsize = sizeof(MapObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC,
    .dealloc = map_dealloc,
    .iter = iter_self,
    .iternext = map_next,
    .traverse = map_traverse,
    .new_ = map_new,
};

/* ---- filter ---- */

static Object *filter_new(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[2];
    if (type == &filter_type && args_no_keywords("filter", kwnames) < 0)
        return NULL;
    if (args_positional("filter", args, nargs, NULL, 2, 2, a) < 0)
        return NULL;
    Object *it = obj_iter(a[1]);
    FilterObject *f = it ? (FilterObject *)obj_alloc(type, 0) : NULL;
    if (!f) {
        XDECREF(it);
        return NULL;
    }
    f->func = NEWREF(a[0]);
    f->iter = it;
    gc_track((Object *)f);
    return (Object *)f;
}

static void filter_dealloc(Object *o)
{
    FilterObject *f = (FilterObject *)o;
    Object *refs[2] = {f->func, f->iter};
    free_with_refs(o, refs, 2);
}

static int filter_traverse(Object *o, visitproc visit, void *arg)
{
    FilterObject *f = (FilterObject *)o;
    Object *refs[2] = {f->func, f->iter};
    return visit_refs(refs, 2, visit, arg);
}

/* Whether [item] passes the filter: 1, 0, -1 on error. */
static int passes(FilterObject *f, Object *item)
{
    if (f->func == None || f->func == (Object *)&bool_type)
        return obj_is_true(item);
    Object *good = obj_call1(f->func, item);
    if (!good)
        return -1;
    int ok = obj_is_true(good);
    DECREF(good);
    return ok;
}

static Object *filter_next(Object *o)
{
    FilterObject *f = (FilterObject *)o;
    Object *item;
    while ((item = obj_next(f->iter)) != NULL) {
        int ok = passes(f, item);
        if (ok > 0)
            return item;
        DECREF(item);
        if (ok < 0)
            return NULL;
    }
    return NULL;
}

Type filter_type = {
    .base = {{1, &type_type}, 0},
    .name = "filter",
    .basicsize = sizeof(FilterObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC,
    .dealloc = filter_dealloc,
    .iter = iter_self,
    .iternext = filter_next,
    .traverse = filter_traverse,
    .new_ = filter_new,
};

/* ---- reversed ---- */

static Object *not_reversible(Object *seq)
{
    return err_format(exc_TypeError, "'%T' object is not reversible", seq);
}

static Object *reversed_new(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (type == &reversed_type && args_no_keywords("reversed", kwnames) < 0)
        return NULL;
    if (nargs != 1)
        return err_format(exc_TypeError, "reversed expected 1 argument, got %zd", nargs);
    Object *seq = args[0], *meth = iter_lookup_special(seq, "__reversed__");
    if (meth == None) {
        DECREF(meth);
        return not_reversible(seq);
    }
    if (meth) {
        Object *r = obj_call0(meth);
        DECREF(meth);
        return r;
    }
    if (err_occurred())
        return NULL;
    if (!TYPE(seq)->getitem || TYPE_CHECK(seq, dict_type))
        return not_reversible(seq);
    ssize_t n = obj_length(seq);
    if (n == -1)
        return NULL;
    ReversedObject *ro = (ReversedObject *)obj_alloc(type, 0);
    if (!ro)
        return NULL;
    ro->index = n - 1;
    ro->seq = NEWREF(seq);
    gc_track((Object *)ro);
    return (Object *)ro;
}

static void reversed_dealloc(Object *o)
{
    free_with_refs(o, &((ReversedObject *)o)->seq, 1);
}

static int reversed_traverse(Object *o, visitproc visit, void *arg)
{
    Object *seq = ((ReversedObject *)o)->seq;
    return seq ? visit(seq, arg) : 0;
}

static Object *reversed_next(Object *o)
{
    ReversedObject *ro = (ReversedObject *)o;
    if (ro->index >= 0 && ro->seq) {
        Object *index = int_from_ssize(ro->index);
        Object *item = index ? obj_getitem(ro->seq, index) : NULL;
        XDECREF(index);
        if (item) {
            ro->index--;
            return item;
        }
        if (!err_matches(exc_IndexError) && !err_matches(exc_StopIteration))
            return NULL;
        err_clear();
    }
    ro->index = -1;
    CLEAR(ro->seq);
    return NULL;
}

static Object *reversed_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    ReversedObject *ro = (ReversedObject *)self;
    if (args_positional("reversed.__length_hint__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    if (!ro->seq)
        return int_from_long(0);
    ssize_t size = obj_length(ro->seq);
    if (size == -1)
        return NULL;
    return int_from_ssize(size < ro->index + 1 ? 0 : ro->index + 1);
}

static const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

Type reversed_type = {
    .base = {{1, &type_type}, 0},
    .name = "reversed",
    .basicsize = sizeof(ReversedObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC,
    .dealloc = reversed_dealloc,
    .iter = iter_self,
    .iternext = reversed_next,
    .traverse = reversed_traverse,
    .new_ = reversed_new,
    .methods = reversed_methods,
};
