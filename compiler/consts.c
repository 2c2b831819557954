/* consts.c — the per-compilation constant cache.
 *
 * Every constant a compilation puts in a co_consts (and every names /
 * consts tuple it builds) goes through comp_const_merge, which returns the
 * one object kept for its "constant key", as CPython's
 * _PyCode_ConstantKey defines it: same type and equal value, so 1, 1.0 and
 * True stay apart and -0.0 is not 0.0; tuples compare item by item under
 * the same rule; code objects compare by value.  Equal literals of one
 * compilation thus become one object shared by all its code objects.
 */
#include <math.h>
#include <string.h>
#include "internal.h"
#include "../vm/code.h"
#include "../mem/mem.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/float.h"
#include "../vm/tuple.h"
#include "../vm/set.h"

static bool key_eq(Object *a, Object *b);

static bool frozenset_has(Object *set, Object *key)
{
    ssize_t pos = 0;
    Object *item;
    while (set_next(set, &pos, &item))
        if (key_eq(item, key))
            return true;
    return false;
}

static bool frozenset_key_eq(Object *a, Object *b)
{
    if (set_size(a) != set_size(b))
        return false;
    ssize_t pos = 0;
    Object *item;
    while (set_next(a, &pos, &item))
        if (!frozenset_has(b, item))
            return false;
    return true;
}

static bool tuple_key_eq(Object *a, Object *b)
{
    if (SIZE(a) != SIZE(b))
        return false;
    for (ssize_t i = 0; i < SIZE(a); i++)
        if (!key_eq(TUPLE_GET(a, i), TUPLE_GET(b, i)))
            return false;
    return true;
}

static bool locs_eq(const CodeLoc *a, const CodeLoc *b, int n)
{
    for (int i = 0; i < n; i++)
        if (a[i].line != b[i].line || a[i].end_line != b[i].end_line ||
            a[i].col != b[i].col || a[i].end_col != b[i].end_col)
            return false;
    return true;
}

static bool exctable_eq(const CodeObject *a, const CodeObject *b)
{
    if (a->nexc != b->nexc)
        return false;
    for (int i = 0; i < a->nexc; i++) {
        const ExcEntry *x = &a->exctable[i], *y = &b->exctable[i];
        if (x->start != y->start || x->end != y->end || x->target != y->target ||
            x->depth != y->depth || x->lasti != y->lasti)
            return false;
    }
    return true;
}

/* Code objects compare by value, as CPython's code_richcompare does (the
 * same definition compiled twice, in a loop test or a finally body, is
 * one constant). */
static bool code_key_eq(const CodeObject *a, const CodeObject *b)
{
    return str_eq(a->name, b->name) && a->argcount == b->argcount &&
           a->posonlyargcount == b->posonlyargcount &&
           a->kwonlyargcount == b->kwonlyargcount && a->flags == b->flags &&
           a->firstlineno == b->firstlineno && a->ncode == b->ncode &&
           memcmp(a->code, b->code, (size_t)a->ncode * sizeof(uint16_t)) == 0 &&
           tuple_key_eq(a->consts, b->consts) && tuple_key_eq(a->names, b->names) &&
           tuple_key_eq(a->localsplusnames, b->localsplusnames) &&
           locs_eq(a->locs, b->locs, a->ncode) && exctable_eq(a, b);
}

static bool key_eq(Object *a, Object *b)
{
    if (a == b)
        return true;
    if (TYPE(a) != TYPE(b))
        return false;
    if (IS_TYPE(a, int_type))
        return int_compare(a, b) == 0;
    if (IS_TYPE(a, float_type))
        return FLOAT_VAL(a) == FLOAT_VAL(b) &&
               signbit(FLOAT_VAL(a)) == signbit(FLOAT_VAL(b));
    if (IS_TYPE(a, str_type))
        return str_eq(a, b);
    if (IS_TYPE(a, bytes_type))
        return SIZE(a) == SIZE(b) && memcmp(BYTES_DATA(a), BYTES_DATA(b), SIZE(a)) == 0;
    if (IS_TYPE(a, tuple_type))
        return tuple_key_eq(a, b);
    if (IS_TYPE(a, frozenset_type))
        return frozenset_key_eq(a, b);
    if (IS_TYPE(a, code_type))
        return code_key_eq((CodeObject *)a, (CodeObject *)b);
    return false;
}

/* A hash consistent with key_eq. */
static uint64_t key_hash(Object *o)
{
    uint64_t h = (uint64_t)((uintptr_t)TYPE(o) >> 4);
    if (IS_TYPE(o, int_type) || IS_TYPE(o, float_type) || IS_TYPE(o, str_type) ||
        IS_TYPE(o, bytes_type) || IS_TYPE(o, frozenset_type))
        return h ^ (uint64_t)obj_hash(o);
    if (IS_TYPE(o, tuple_type)) {
        for (ssize_t i = 0; i < SIZE(o); i++)
            h = h * 1000003 ^ key_hash(TUPLE_GET(o, i));
        return h;
    }
    if (IS_TYPE(o, code_type)) {
        CodeObject *co = (CodeObject *)o;
        return h ^ (uint64_t)str_hash(co->name) ^ (uint64_t)co->firstlineno * 31 ^
               (uint64_t)co->ncode;
    }
    return h ^ (uint64_t)((uintptr_t)o >> 4);
}

static int cache_grow(ConstCache *cache)
{
    int ncap = cache->cap ? cache->cap * 2 : 64;
    Object **slots = mem_calloc((size_t)ncap, sizeof(Object *));
    if (!slots) {
        err_nomemory();
        return -1;
    }
    for (int i = 0; i < cache->cap; i++) {
        Object *o = cache->slots[i];
        if (!o)
            continue;
        size_t j = (size_t)(key_hash(o) & (uint64_t)(ncap - 1));
        while (slots[j])
            j = (j + 1) & (size_t)(ncap - 1);
        slots[j] = o;
    }
    mem_free(cache->slots);
    cache->slots = slots;
    cache->cap = ncap;
    return 0;
}

/* The slot holding the object key-equal to [o], or the empty one for it. */
static Object **cache_slot(ConstCache *cache, Object *o)
{
    size_t mask = (size_t)cache->cap - 1, j = (size_t)(key_hash(o) & mask);
    while (cache->slots[j] && !key_eq(cache->slots[j], o))
        j = (j + 1) & mask;
    return &cache->slots[j];
}

/* Replaces each item of the (new) tuple [t] by its canonical object. */
static int merge_tuple_items(ConstCache *cache, Object *t)
{
    for (ssize_t i = 0; i < SIZE(t); i++) {
        Object *item = TUPLE_GET(t, i);
        Object *m = comp_const_merge(cache, item);
        if (!m)
            return -1;
        if (m != item) {
            TUPLE_ITEMS(t)[i] = NEWREF(m);
            DECREF(item);
        }
    }
    return 0;
}

/* A frozenset is replaced by a new one made of canonical items. */
static Object *merged_frozenset(ConstCache *cache, Object *set)
{
    Object *t = tuple_from_iter(set);
    if (!t)
        return NULL;
    Object *r = merge_tuple_items(cache, t) == 0 ? frozenset_new(t) : NULL;
    DECREF(t);
    return r;
}

static Object *canonical_form(ConstCache *cache, Object *o)
{
    if (IS_TYPE(o, tuple_type))
        return merge_tuple_items(cache, o) == 0 ? NEWREF(o) : NULL;
    if (IS_TYPE(o, frozenset_type) && set_size(o) > 0)
        return merged_frozenset(cache, o);
    return NEWREF(o);
}

/* The object registered for [o]'s key; registers the result of [make]
 * (a new reference) when there is none. */
static Object *merge(ConstCache *cache, Object *o, Object *(*make)(ConstCache *, Object *))
{
    if (o == None || o == Ellipsis)
        return o;
    if ((cache->used + 1) * 2 > cache->cap && cache_grow(cache) < 0)
        return NULL;
    Object **slot = cache_slot(cache, o);
    if (*slot)
        return *slot;
    Object *canon = make(cache, o);
    if (!canon)
        return NULL;
    /* merging the items may have grown the table */
    slot = cache_slot(cache, canon);
    *slot = canon;
    cache->used++;
    return canon;
}

Object *comp_const_merge(ConstCache *cache, Object *o)
{
    return merge(cache, o, canonical_form);
}

static Object *as_is(ConstCache *cache, Object *o)
{
    (void)cache;
    return NEWREF(o);
}

Object *comp_const_merge_one(ConstCache *cache, Object *o)
{
    return merge(cache, o, as_is);
}

void comp_const_cache_free(ConstCache *cache)
{
    for (int i = 0; i < cache->cap; i++)
        XDECREF(cache->slots[i]);
    mem_free(cache->slots);
    memset(cache, 0, sizeof(*cache));
}
