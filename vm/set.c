/* set.c — owns set, frozenset and set_iterator.
 *
 * A set is one 200-byte object (sys.getsizeof(set()) == 216 with its GC
 * head) holding an open-addressing table of {key, hash} slots: the 8 slots
 * of `smalltable` inline, or a mem_malloc'd table once it grows.  A probe
 * looks at LINEAR_PROBES neighbours before jumping as a dict does, and a
 * deleted key leaves a dummy slot (hash -1).  Growth follows CPython 3.11:
 * when fill reaches 3/5 of the table, the table is rebuilt with room for
 * used * 4 (used * 2 past 50000).  Iteration walks the table, so the order
 * of a set's items is CPython's.
 */
#include <limits.h>
#include <string.h>
#include "set.h"
#include "dict.h"
#include "list.h"
#include "tuple.h"
#include "int.h"
#include "str.h"
#include "args.h"
#include "errors.h"
#include "repr_guard.h"
#include "../mem/gc.h"
#include "../mem/mem.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* The key of a deleted slot: a marker never handed out. */
static Object dummy_key = {1, &set_type};
#define DUMMY (&dummy_key)

typedef struct {
    Object base;
    Object *set;                /* NULL once exhausted */
    ssize_t used;               /* set.used when made; -1 after a change */
    ssize_t pos;
    ssize_t len;
} SetIterObject;

#define SO(o) ((SetObject *)(o))

static bool is_active(SetEntry *e)
{
    return e->key && e->key != DUMMY;
}

/* ---- the table ---- */

static void reset_to_small(SetObject *so)
{
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->fill = so->used = 0;
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->hash = -1;
}

/* Puts [key] in the first free slot of a table known to hold no dummies
 * and not [key]. */
static void insert_clean(SetEntry *table, size_t mask, Object *key, hash_t hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (!entry->key) {
                entry->key = key;
                entry->hash = hash;
                return;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Rebuilds the table with the smallest power of two above [minused]
 * slots (at least 8: the inline table), dropping the dummies. */
static int table_resize(SetObject *so, ssize_t minused)
{
    SetEntry *old = so->table, small_copy[SET_MINSIZE], *table;
    size_t oldmask = (size_t)so->mask, size = SET_MINSIZE;
    bool old_malloced = old != so->smalltable;
    while (size <= (size_t)minused && size < ((size_t)1 << 60))
        size <<= 1;
    if (size == SET_MINSIZE) {
        table = so->smalltable;
        if (table == old) {
            if (so->fill == so->used)
                return 0;
            memcpy(small_copy, old, sizeof small_copy);
            old = small_copy;
        }
    } else if (!(table = mem_malloc(size * sizeof(SetEntry)))) {
        err_nomemory();
        return -1;
    }
    memset(table, 0, size * sizeof(SetEntry));
    so->mask = (ssize_t)size - 1;
    so->table = table;
    so->fill = so->used;
    for (size_t i = 0; i <= oldmask; i++)
        if (is_active(&old[i]))
            insert_clean(table, size - 1, old[i].key, old[i].hash);
    if (old_malloced)
        mem_free(old);
    return 0;
}

/* Compares the key of [entry] (same hash) with [key]: 1 equal, 0 not,
 * -1 error, 2 when the comparison changed the set under us. */
static int entry_matches(SetObject *so, SetEntry *entry, Object *key)
{
    Object *start = entry->key;
    if (start == key)
        return 1;
    if (IS_TYPE(start, str_type) && IS_TYPE(key, str_type))
        return str_eq(start, key);
    SetEntry *table = so->table;
    INCREF(start);
    int cmp = obj_richcompare_bool(start, key, CMP_EQ);
    DECREF(start);
    if (cmp < 0)
        return -1;
    if (table != so->table || entry->key != start)
        return 2;
    return cmp;
}

/* The slot holding [key], or the empty slot that ends its probe sequence;
 * NULL on error.  *freeslot (if given) gets the last dummy seen, where
 * CPython 3.11 puts a new key. */
static SetEntry *find_slot(SetObject *so, Object *key, hash_t hash, SetEntry **freeslot)
{
restart:;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    if (freeslot)
        *freeslot = NULL;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && !entry->key)
                return entry;
            if (entry->hash == hash) {
                int m = entry_matches(so, entry, key);
                if (m == 1)
                    return entry;
                if (m < 0)
                    return NULL;
                if (m == 2)
                    goto restart;
            } else if (entry->hash == -1 && freeslot) {
                *freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int add_entry(SetObject *so, Object *key, hash_t hash)
{
    SetEntry *freeslot;
    INCREF(key);
    SetEntry *entry = find_slot(so, key, hash, &freeslot);
    if (!entry || entry->key) {
        DECREF(key);
        return entry ? 0 : -1;
    }
    so->used++;
    if (freeslot) {
        *freeslot = (SetEntry){key, hash};
        return 0;
    }
    so->fill++;
    *entry = (SetEntry){key, hash};
    if ((size_t)so->fill * 5 < (size_t)so->mask * 3)
        return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

/* 1 when [key] (with [hash]) is in the set, 0 when not, -1 on error. */
static int contains_entry(SetObject *so, Object *key, hash_t hash)
{
    SetEntry *entry = find_slot(so, key, hash, NULL);
    return entry ? entry->key != NULL : -1;
}

/* Removes [key]: 1 found, 0 not there, -1 error. */
static int discard_entry(SetObject *so, Object *key, hash_t hash)
{
    SetEntry *entry = find_slot(so, key, hash, NULL);
    if (!entry)
        return -1;
    if (!entry->key)
        return 0;
    Object *old = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    DECREF(old);
    return 1;
}

static hash_t key_hash(Object *key)
{
    if (IS_TYPE(key, str_type) && ((StrObject *)key)->hash != -1)
        return ((StrObject *)key)->hash;
    return obj_hash(key);
}

static int add_key(SetObject *so, Object *key)
{
    hash_t hash = key_hash(key);
    return hash == -1 ? -1 : add_entry(so, key, hash);
}

static int contains_key(SetObject *so, Object *key)
{
    hash_t hash = key_hash(key);
    return hash == -1 ? -1 : contains_entry(so, key, hash);
}

static int discard_key(SetObject *so, Object *key)
{
    hash_t hash = key_hash(key);
    return hash == -1 ? -1 : discard_entry(so, key, hash);
}

/* Empties the set; the keys are released once the set is consistent
 * again, so a __del__ that looks at it sees it empty. */
static void clear_table(SetObject *so)
{
    SetEntry *table = so->table, small_copy[SET_MINSIZE];
    ssize_t used = so->used;
    bool malloced = table != so->smalltable;
    if (!malloced) {
        if (so->fill == 0)
            return;
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    reset_to_small(so);
    for (SetEntry *e = table; used > 0; e++)
        if (is_active(e)) {
            used--;
            DECREF(e->key);
        }
    if (malloced)
        mem_free(table);
}

/* The next active slot at or after *pos, or NULL. */
static SetEntry *next_slot(SetObject *so, ssize_t *pos)
{
    ssize_t i = *pos;
    while (i <= so->mask && !is_active(&so->table[i]))
        i++;
    *pos = i + 1;
    return i <= so->mask ? &so->table[i] : NULL;
}

/* ---- bulk updates ---- */

/* Adds every key of the set [other]: a plain copy of the slots when this
 * set is empty and as large, clean insertions when it is just empty. */
static int merge(SetObject *so, SetObject *other)
{
    if (so == other || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3 && table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (ssize_t i = 0; i <= other->mask; i++)
            if (other->table[i].key)
                so->table[i] = (SetEntry){NEWREF(other->table[i].key), other->table[i].hash};
        so->fill = so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (ssize_t i = 0; i <= other->mask; i++)
            if (is_active(&other->table[i]))
                insert_clean(so->table, (size_t)so->mask, NEWREF(other->table[i].key), other->table[i].hash);
        return 0;
    }
    for (ssize_t i = 0; i <= other->mask; i++)
        if (is_active(&other->table[i]) && add_entry(so, other->table[i].key, other->table[i].hash) < 0)
            return -1;
    return 0;
}

static int update_from_dict(SetObject *so, Object *d)
{
    ssize_t n = dict_size(d), pos = 0;
    Object *key;
    hash_t hash;
    if ((so->fill + n) * 5 >= so->mask * 3 && table_resize(so, (so->used + n) * 2) < 0)
        return -1;
    while (dict_next_entry(d, &pos, &key, NULL, &hash))
        if (add_entry(so, key, hash) < 0)
            return -1;
    return 0;
}

int set_update(Object *set, Object *other)
{
    if (ANYSET_CHECK(other))
        return merge(SO(set), SO(other));
    if (IS_TYPE(other, dict_type))
        return update_from_dict(SO(set), other);
    Object *it = obj_iter(other), *key;
    if (!it)
        return -1;
    int r = 0;
    while (r == 0 && (key = obj_next(it)) != NULL) {
        r = add_key(SO(set), key);
        DECREF(key);
    }
    DECREF(it);
    return r == 0 && err_occurred() ? -1 : r;
}

/* ---- creation ---- */

static Object *make_new_set(Type *type, Object *iterable)
{
    SetObject *so = (SetObject *)obj_alloc(type, 0);
    if (!so)
        return NULL;
    reset_to_small(so);
    so->finger = 0;
    so->weakreflist = NULL;
    gc_track((Object *)so);
    if (iterable && set_update((Object *)so, iterable) < 0) {
        DECREF(so);
        return NULL;
    }
    return (Object *)so;
}

/* A new set, or frozenset, of the built-in type [type] derives from. */
static Object *make_new_set_basetype(Type *type, Object *iterable)
{
    if (type != &set_type && type != &frozenset_type)
        type = type_is_subtype(type, &set_type) ? &set_type : &frozenset_type;
    return make_new_set(type, iterable);
}

Object *set_new(Object *iterable)
{
    return make_new_set(&set_type, iterable);
}

Object *frozenset_new(Object *iterable)
{
    return make_new_set(&frozenset_type, iterable);
}

static Object *set_copy(Object *so)
{
    return make_new_set_basetype(TYPE(so), so);
}

/* ---- the public API ---- */

int set_add(Object *set, Object *key)
{
    return add_key(SO(set), key);
}

/* Looks [key] up; a set key that cannot be hashed is looked up as the
 * equal frozenset, as CPython does for `in`, remove and discard. */
static int with_frozen_key(Object *set, Object *key, int (*op)(SetObject *, Object *))
{
    int r = op(SO(set), key);
    if (r >= 0 || !TYPE_CHECK(key, set_type) || !err_matches(exc_TypeError))
        return r;
    err_clear();
    Object *frozen = make_new_set(&frozenset_type, key);
    if (!frozen)
        return -1;
    r = op(SO(set), frozen);
    DECREF(frozen);
    return r;
}

int set_contains(Object *set, Object *key)
{
    return with_frozen_key(set, key, contains_key);
}

int set_discard(Object *set, Object *key)
{
    return discard_key(SO(set), key);
}

ssize_t set_size(Object *set)
{
    return SO(set)->used;
}

int set_next_entry(Object *set, ssize_t *pos, Object **key, hash_t *hash)
{
    SetEntry *e = next_slot(SO(set), pos);
    if (!e)
        return 0;
    *key = e->key;
    if (hash)
        *hash = e->hash;
    return 1;
}

int set_next(Object *set, ssize_t *pos, Object **key)
{
    return set_next_entry(set, pos, key, NULL);
}

/* ---- algebra ---- */

/* Exchanges the sets [*a] and [*b] when [*b] has more entries, so that a
 * walk over [*b] probes the larger one. */
static void larger_first(Object **a, Object **b)
{
    if (set_size(*b) > set_size(*a)) {
        Object *t = *a;
        *a = *b;
        *b = t;
    }
}

Object *set_intersection(Object *so, Object *other)
{
    if (so == other)
        return set_copy(so);
    Object *result = make_new_set_basetype(TYPE(so), NULL), *key;
    if (!result)
        return NULL;
    hash_t hash;
    int r = 0;
    if (ANYSET_CHECK(other)) {
        larger_first(&so, &other);
        ssize_t pos = 0;
        while (r >= 0 && set_next_entry(other, &pos, &key, &hash)) {
            INCREF(key);
            r = contains_entry(SO(so), key, hash);
            if (r > 0)
                r = add_entry(SO(result), key, hash);
            DECREF(key);
        }
    } else {
        Object *it = obj_iter(other);
        r = it ? 0 : -1;
        while (r >= 0 && it && (key = obj_next(it)) != NULL) {
            hash = obj_hash(key);
            r = hash == -1 ? -1 : contains_entry(SO(so), key, hash);
            if (r > 0)
                r = add_entry(SO(result), key, hash);
            DECREF(key);
        }
        XDECREF(it);
    }
    if (r < 0 || err_occurred())
        CLEAR(result);
    return result;
}

/* Exchanges the contents of two sets (intersection_update keeps the new
 * table); frozenset hashes move only between frozensets. */
static void swap_bodies(SetObject *a, SetObject *b)
{
    SetEntry tab[SET_MINSIZE];
    ssize_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    SetEntry *u = a->table == a->smalltable ? b->smalltable : a->table;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        memcpy(tab, a->smalltable, sizeof tab);
        memcpy(a->smalltable, b->smalltable, sizeof tab);
        memcpy(b->smalltable, tab, sizeof tab);
    }
    if (TYPE_CHECK(a, frozenset_type) && TYPE_CHECK(b, frozenset_type)) {
        hash_t h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = b->hash = -1;
    }
}

static int intersection_update(Object *so, Object *other)
{
    Object *tmp = set_intersection(so, other);
    if (!tmp)
        return -1;
    swap_bodies(SO(so), SO(tmp));
    DECREF(tmp);
    return 0;
}

int set_difference_update(Object *so, Object *other)
{
    if (so == other) {
        clear_table(SO(so));
        return 0;
    }
    int r = 0;
    if (ANYSET_CHECK(other)) {
        Object *keys = set_size(other) >> 3 > set_size(so) ? set_intersection(so, other) : NEWREF(other), *key;
        ssize_t pos = 0;
        hash_t hash;
        r = keys ? 0 : -1;
        while (r >= 0 && keys && set_next_entry(keys, &pos, &key, &hash)) {
            INCREF(key);
            r = discard_entry(SO(so), key, hash);
            DECREF(key);
        }
        XDECREF(keys);
    } else {
        Object *it = obj_iter(other), *key;
        r = it ? 0 : -1;
        while (r >= 0 && it && (key = obj_next(it)) != NULL) {
            r = discard_key(SO(so), key);
            DECREF(key);
        }
        XDECREF(it);
    }
    if (r < 0 || err_occurred())
        return -1;
    if ((size_t)(SO(so)->fill - SO(so)->used) <= (size_t)SO(so)->mask / 4)
        return 0;
    return table_resize(SO(so), SO(so)->used > 50000 ? SO(so)->used * 2 : SO(so)->used * 4);
}

static Object *copy_and_difference(Object *so, Object *other)
{
    Object *result = set_copy(so);
    if (result && set_difference_update(result, other) < 0)
        CLEAR(result);
    return result;
}

static Object *set_difference(Object *so, Object *other)
{
    bool is_dict = IS_TYPE(other, dict_type);
    if (!ANYSET_CHECK(other) && !is_dict)
        return copy_and_difference(so, other);
    ssize_t other_size = is_dict ? dict_size(other) : set_size(other), pos = 0;
    if (set_size(so) >> 2 > other_size)
        return copy_and_difference(so, other);
    Object *result = make_new_set_basetype(TYPE(so), NULL), *key;
    hash_t hash;
    int r = result ? 0 : -1;
    while (r >= 0 && result && set_next_entry(so, &pos, &key, &hash)) {
        INCREF(key);
        r = is_dict ? dict_contains_known_hash(other, key, hash) : contains_entry(SO(other), key, hash);
        if (r == 0)
            r = add_entry(SO(result), key, hash);
        DECREF(key);
    }
    if (r < 0)
        CLEAR(result);
    return result;
}

/* Toggles the keys of the set [other] in [so]. */
static int toggle_keys(Object *so, Object *other, bool from_dict)
{
    Object *key;
    ssize_t pos = 0;
    hash_t hash;
    int r = 0;
    while (r >= 0 && (from_dict ? dict_next_entry(other, &pos, &key, NULL, &hash)
                                : set_next_entry(other, &pos, &key, &hash))) {
        INCREF(key);
        r = discard_entry(SO(so), key, hash);
        if (r == 0)
            r = add_entry(SO(so), key, hash);
        DECREF(key);
    }
    return r < 0 ? -1 : 0;
}

int set_symmetric_difference_update(Object *so, Object *other)
{
    if (so == other) {
        clear_table(SO(so));
        return 0;
    }
    if (IS_TYPE(other, dict_type))
        return toggle_keys(so, other, true);
    Object *keys = ANYSET_CHECK(other) ? NEWREF(other) : make_new_set_basetype(TYPE(so), other);
    int r = keys ? toggle_keys(so, keys, false) : -1;
    XDECREF(keys);
    return r;
}

static Object *set_symmetric_difference(Object *so, Object *other)
{
    Object *result = make_new_set_basetype(TYPE(so), other);
    if (result && set_symmetric_difference_update(result, so) < 0)
        CLEAR(result);
    return result;
}

/* 1 when every key of [so] is in the set [other]. */
static int issubset(Object *so, Object *other)
{
    if (!ANYSET_CHECK(other)) {
        Object *tmp = make_new_set(&set_type, other);
        int r = tmp ? issubset(so, tmp) : -1;
        XDECREF(tmp);
        return r;
    }
    if (set_size(so) > set_size(other))
        return 0;
    Object *key;
    ssize_t pos = 0;
    hash_t hash;
    while (set_next_entry(so, &pos, &key, &hash)) {
        INCREF(key);
        int r = contains_entry(SO(other), key, hash);
        DECREF(key);
        if (r <= 0)
            return r;
    }
    return 1;
}

static int issuperset(Object *so, Object *other)
{
    if (ANYSET_CHECK(other))
        return issubset(other, so);
    Object *it = obj_iter(other), *key;
    if (!it)
        return -1;
    int r = 1;
    while (r == 1 && (key = obj_next(it)) != NULL) {
        r = contains_key(SO(so), key);
        DECREF(key);
    }
    DECREF(it);
    return r == 1 && err_occurred() ? -1 : r;
}

static int isdisjoint(Object *so, Object *other)
{
    if (so == other)
        return set_size(so) == 0;
    Object *key;
    int r = 0;
    if (ANYSET_CHECK(other)) {
        larger_first(&so, &other);
        ssize_t pos = 0;
        hash_t hash;
        while (r == 0 && set_next_entry(other, &pos, &key, &hash)) {
            INCREF(key);
            r = contains_entry(SO(so), key, hash);
            DECREF(key);
        }
        return r < 0 ? -1 : !r;
    }
    Object *it = obj_iter(other);
    if (!it)
        return -1;
    while (r == 0 && (key = obj_next(it)) != NULL) {
        r = contains_key(SO(so), key);
        DECREF(key);
    }
    DECREF(it);
    if (r < 0 || err_occurred())
        return -1;
    return !r;
}

/* ---- slots ---- */

static void set_dealloc(Object *o)
{
    SetObject *so = SO(o);
    gc_untrack(o);
    if (list_trash_begin(o))
        return;
    ssize_t used = so->used;
    for (SetEntry *e = so->table; used > 0; e++)
        if (is_active(e)) {
            used--;
            DECREF(e->key);
        }
    if (so->table != so->smalltable)
        mem_free(so->table);
    obj_free(o);
    list_trash_end();
}

static Object *set_repr(Object *o)
{
    int r = repr_enter(o);
    if (r != 0)
        return r > 0 ? str_from_format("%s(...)", TYPE(o)->name) : NULL;
    Object *res = NULL;
    if (set_size(o) == 0) {
        res = str_from_format("%s()", TYPE(o)->name);
    } else {
        Object *keys = list_from_iter(o);
        Object *lr = keys ? obj_repr(keys) : NULL;
        Object *inner = lr ? str_substr(lr, 1, STR_LEN(lr) - 1) : NULL;
        if (inner)
            res = IS_TYPE(o, set_type) ? str_from_format("{%U}", inner)
                                       : str_from_format("%s({%U})", TYPE(o)->name, inner);
        XDECREF(keys);
        XDECREF(lr);
        XDECREF(inner);
    }
    repr_leave(o);
    return res;
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

/* CPython 3.11's frozenset hash: an order-independent mix of the slots'
 * hashes (empty and dummy slots cancelled out), cached. */
static hash_t frozenset_hash(Object *o)
{
    SetObject *so = SO(o);
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    for (ssize_t i = 0; i <= so->mask; i++)
        hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    so->hash = (hash_t)hash;
    return so->hash;
}

static Object *set_richcompare(Object *v, Object *w, int op)
{
    if (!ANYSET_CHECK(w))
        return NEWREF(NotImplemented);
    int r;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        if (set_size(v) != set_size(w) || (SO(v)->hash != -1 && SO(w)->hash != -1 && SO(v)->hash != SO(w)->hash))
            r = 0;
        else
            r = issubset(v, w);
        if (op == CMP_NE && r >= 0)
            r = !r;
        break;
    case CMP_LE: r = issubset(v, w); break;
    case CMP_GE: r = issuperset(v, w); break;
    case CMP_LT: r = set_size(v) < set_size(w) ? issubset(v, w) : 0; break;
    default: r = set_size(v) > set_size(w) ? issuperset(v, w) : 0; break;
    }
    return r < 0 ? NULL : bool_from(r);
}

static ssize_t set_length(Object *o)
{
    return set_size(o);
}

static Object *set_or(Object *a, Object *b)
{
    if (!ANYSET_CHECK(a) || !ANYSET_CHECK(b))
        return NEWREF(NotImplemented);
    Object *result = set_copy(a);
    if (result && a != b && set_update(result, b) < 0)
        CLEAR(result);
    return result;
}

static Object *set_and(Object *a, Object *b)
{
    if (!ANYSET_CHECK(a) || !ANYSET_CHECK(b))
        return NEWREF(NotImplemented);
    return set_intersection(a, b);
}

static Object *set_sub(Object *a, Object *b)
{
    if (!ANYSET_CHECK(a) || !ANYSET_CHECK(b))
        return NEWREF(NotImplemented);
    return set_difference(a, b);
}

static Object *set_xor(Object *a, Object *b)
{
    if (!ANYSET_CHECK(a) || !ANYSET_CHECK(b))
        return NEWREF(NotImplemented);
    return set_symmetric_difference(a, b);
}

/* The in-place operators: [op] applied to the set [a] with the set [b]. */
static Object *inplace(Object *a, Object *b, int (*op)(Object *, Object *))
{
    if (!TYPE_CHECK(a, set_type) || !ANYSET_CHECK(b))
        return NEWREF(NotImplemented);
    return op(a, b) < 0 ? NULL : NEWREF(a);
}

static Object *set_ior(Object *a, Object *b) { return inplace(a, b, set_update); }
static Object *set_iand(Object *a, Object *b) { return inplace(a, b, intersection_update); }
static Object *set_isub(Object *a, Object *b) { return inplace(a, b, set_difference_update); }
static Object *set_ixor(Object *a, Object *b) { return inplace(a, b, set_symmetric_difference_update); }

static int set_traverse(Object *o, visitproc visit, void *arg)
{
    ssize_t pos = 0;
    Object *key;
    while (set_next(o, &pos, &key)) {
        int r = visit(key, arg);
        if (r)
            return r;
    }
    return 0;
}

static int set_clear_slot(Object *o)
{
    clear_table(SO(o));
    return 0;
}

static Object *set_iter(Object *o)
{
    SetIterObject *si = (SetIterObject *)obj_alloc(&set_iter_type, 0);
    if (!si)
        return NULL;
    si->set = NEWREF(o);
    si->used = si->len = set_size(o);
    si->pos = 0;
    gc_track((Object *)si);
    return (Object *)si;
}

static Object *set_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)args, (void)nargs;
    if (type == &set_type && args_no_keywords("set", kwnames) < 0)
        return NULL;
    return make_new_set(type, NULL);
}

static int set_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *iterable = NULL;
    if (args_no_keywords("set", kwnames) < 0
        || args_positional(TYPE(self)->name, args, nargs, NULL, 0, 1, &iterable) < 0)
        return -1;
    if (SO(self)->fill)
        clear_table(SO(self));
    SO(self)->hash = -1;
    return iterable ? set_update(self, iterable) : 0;
}

static Object *frozenset_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *iterable = NULL;
    if (type == &frozenset_type && args_no_keywords("frozenset", kwnames) < 0)
        return NULL;
    if (args_positional(type->name, args, nargs, NULL, 0, 1, &iterable) < 0)
        return NULL;
    if (type == &frozenset_type && iterable && IS_TYPE(iterable, frozenset_type))
        return NEWREF(iterable);
    return make_new_set(type, iterable);
}

/* ---- methods ---- */

static Object *set_add_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("set.add", args, nargs, kwnames, 1, 1, &arg) < 0 || set_add(self, arg) < 0)
        return NULL;
    return none_new();
}

static Object *set_clear_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("set.clear", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    clear_table(SO(self));
    return none_new();
}

static Object *set_contains_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("set.__contains__", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    int r = set_contains(self, arg);
    return r < 0 ? NULL : bool_from(r);
}

static Object *set_copy_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("set.copy", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return set_copy(self);
}

static Object *frozenset_copy_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("frozenset.copy", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return IS_TYPE(self, frozenset_type) ? NEWREF(self) : set_copy(self);
}

static Object *set_discard_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("set.discard", args, nargs, kwnames, 1, 1, &arg) < 0
        || with_frozen_key(self, arg, discard_key) < 0)
        return NULL;
    return none_new();
}

static Object *set_remove_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("set.remove", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    int r = with_frozen_key(self, arg, discard_key);
    if (r < 0)
        return NULL;
    if (r == 0) {
        err_set_obj(exc_KeyError, arg);
        return NULL;
    }
    return none_new();
}

static Object *set_pop_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    SetObject *so = SO(self);
    if (args_positional("set.pop", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    if (so->used == 0)
        return err_format(exc_KeyError, "pop from an empty set");
    SetEntry *entry = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (!is_active(entry))
        if (++entry > limit)
            entry = so->table;
    Object *key = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static Object *set_sizeof_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    SetObject *so = SO(self);
    if (args_positional("__sizeof__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    ssize_t size = TYPE(self)->basicsize;
    if (so->table != so->smalltable)
        size += (so->mask + 1) * (ssize_t)sizeof(SetEntry);
    return int_from_ssize(size);
}

static Object *set_union_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_no_keywords(TYPE_CHECK(self, set_type) ? "set.union" : "frozenset.union", kwnames) < 0)
        return NULL;
    Object *result = set_copy(self);
    for (ssize_t i = 0; result && i < nargs; i++)
        if (args[i] != self && set_update(result, args[i]) < 0)
            CLEAR(result);
    return result;
}

/* The method [name]: [update](self, arg) for each positional arg in turn. */
static Object *update_each(const char *name, int (*update)(Object *, Object *), Object *self,
                           Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_no_keywords(name, kwnames) < 0)
        return NULL;
    for (ssize_t i = 0; i < nargs; i++)
        if (update(self, args[i]) < 0)
            return NULL;
    return none_new();
}

static Object *set_update_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return update_each("set.update", set_update, self, args, nargs, kwnames);
}

/* so & args[0] & args[1] ...: a copy when there are no arguments. */
static Object *intersection_multi(Object *self, Object *const *args, ssize_t nargs)
{
    if (nargs == 0)
        return set_copy(self);
    Object *result = NEWREF(self);
    for (ssize_t i = 0; result && i < nargs; i++)
        SETREF(result, set_intersection(result, args[i]));
    return result;
}

static Object *set_intersection_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_no_keywords(TYPE_CHECK(self, set_type) ? "set.intersection" : "frozenset.intersection",
                         kwnames) < 0)
        return NULL;
    return intersection_multi(self, args, nargs);
}

static Object *set_intersection_update_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_no_keywords("set.intersection_update", kwnames) < 0)
        return NULL;
    Object *tmp = intersection_multi(self, args, nargs);
    if (!tmp)
        return NULL;
    swap_bodies(SO(self), SO(tmp));
    DECREF(tmp);
    return none_new();
}

static Object *set_difference_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_no_keywords(TYPE_CHECK(self, set_type) ? "set.difference" : "frozenset.difference", kwnames) < 0)
        return NULL;
    if (nargs == 0)
        return set_copy(self);
    Object *result = set_difference(self, args[0]);
    for (ssize_t i = 1; result && i < nargs; i++)
        if (set_difference_update(result, args[i]) < 0)
            CLEAR(result);
    return result;
}

static Object *set_difference_update_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return update_each("set.difference_update", set_difference_update, self, args, nargs, kwnames);
}

static Object *set_symmetric_difference_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("symmetric_difference", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    return set_symmetric_difference(self, arg);
}

static Object *set_symmetric_difference_update_meth(Object *self, Object *const *args, ssize_t nargs,
                                                    Object *kwnames)
{
    Object *arg;
    if (args_positional("set.symmetric_difference_update", args, nargs, kwnames, 1, 1, &arg) < 0
        || set_symmetric_difference_update(self, arg) < 0)
        return NULL;
    return none_new();
}

static Object *bool_result(int r)
{
    return r < 0 ? NULL : bool_from(r);
}

static Object *set_issubset_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("issubset", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    return bool_result(issubset(self, arg));
}

static Object *set_issuperset_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("issuperset", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    return bool_result(issuperset(self, arg));
}

static Object *set_isdisjoint_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("isdisjoint", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    return bool_result(isdisjoint(self, arg));
}

static const MethodDef set_methods[] = {
    {"add", set_add_meth, 0, "Add an element to a set."},
    {"clear", set_clear_meth, 0, "Remove all elements from this set."},
    {"__contains__", set_contains_meth, 0, "x.__contains__(y) <==> y in x."},
    {"copy", set_copy_meth, 0, "Return a shallow copy of a set."},
    {"discard", set_discard_meth, 0, "Remove an element from a set if it is a member."},
    {"difference", set_difference_meth, 0, "Return the difference of two or more sets as a new set."},
    {"difference_update", set_difference_update_meth, 0, "Remove all elements of another set from this set."},
    {"intersection", set_intersection_meth, 0, "Return the intersection of two sets as a new set."},
    {"intersection_update", set_intersection_update_meth, 0, "Update a set with the intersection of itself and another."},
    {"isdisjoint", set_isdisjoint_meth, 0, "Return True if two sets have a null intersection."},
    {"issubset", set_issubset_meth, 0, "Report whether another set contains this set."},
    {"issuperset", set_issuperset_meth, 0, "Report whether this set contains another set."},
    {"pop", set_pop_meth, 0, "Remove and return an arbitrary set element."},
    {"remove", set_remove_meth, 0, "Remove an element from a set; it must be a member."},
    {"__sizeof__", set_sizeof_meth, 0, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", set_symmetric_difference_meth, 0, "Return the symmetric difference of two sets as a new set."},
    {"symmetric_difference_update", set_symmetric_difference_update_meth, 0, "Update a set with the symmetric difference of itself and another."},
    {"union", set_union_meth, 0, "Return the union of sets as a new set."},
    {"update", set_update_meth, 0, "Update a set with the union of itself and others."},
    {NULL, NULL, 0, NULL}
};

static const MethodDef frozenset_methods[] = {
    {"__contains__", set_contains_meth, 0, "x.__contains__(y) <==> y in x."},
    {"copy", frozenset_copy_meth, 0, "Return a shallow copy of a set."},
    {"difference", set_difference_meth, 0, "Return the difference of two or more sets as a new set."},
    {"intersection", set_intersection_meth, 0, "Return the intersection of two sets as a new set."},
    {"isdisjoint", set_isdisjoint_meth, 0, "Return True if two sets have a null intersection."},
    {"issubset", set_issubset_meth, 0, "Report whether another set contains this set."},
    {"issuperset", set_issuperset_meth, 0, "Report whether this set contains another set."},
    {"__sizeof__", set_sizeof_meth, 0, "S.__sizeof__() -> size of S in memory, in bytes"},
    {"symmetric_difference", set_symmetric_difference_meth, 0, "Return the symmetric difference of two sets as a new set."},
    {"union", set_union_meth, 0, "Return the union of sets as a new set."},
    {NULL, NULL, 0, NULL}
};

Type set_type = {
    .base = {{1, &type_type}, 0},
    .name = "set",
    .basicsize = sizeof(SetObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .nb = {
        [BINOP_SUBTRACT] = set_sub, [BINOP_AND] = set_and, [BINOP_XOR] = set_xor, [BINOP_OR] = set_or,
        [BINOP_INPLACE + BINOP_SUBTRACT] = set_isub, [BINOP_INPLACE + BINOP_AND] = set_iand,
        [BINOP_INPLACE + BINOP_XOR] = set_ixor, [BINOP_INPLACE + BINOP_OR] = set_ior,
    },
    .len = set_length,
    .contains = set_contains,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .new_ = set_new_slot,
    .init = set_init,
    .methods = set_methods,
    .weaklistoffset = offsetof(SetObject, weakreflist),
};

Type frozenset_type = {
    .base = {{1, &type_type}, 0},
    .name = "frozenset",
    .basicsize = sizeof(SetObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC,
    .dealloc = set_dealloc,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .nb = { [BINOP_SUBTRACT] = set_sub, [BINOP_AND] = set_and, [BINOP_XOR] = set_xor, [BINOP_OR] = set_or },
    .len = set_length,
    .contains = set_contains,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .new_ = frozenset_new_slot,
    .methods = frozenset_methods,
    .weaklistoffset = offsetof(SetObject, weakreflist),
};

/* ---- set_iterator ---- */

static void set_iter_dealloc(Object *o)
{
    gc_untrack(o);
    XDECREF(((SetIterObject *)o)->set);
    obj_free(o);
}

static int set_iter_traverse(Object *o, visitproc visit, void *arg)
{
    Object *s = ((SetIterObject *)o)->set;
    return s ? visit(s, arg) : 0;
}

static Object *set_iter_next(Object *o)
{
    SetIterObject *si = (SetIterObject *)o;
    if (!si->set)
        return NULL;
    if (si->used != set_size(si->set)) {
        err_set_str(exc_RuntimeError, "Set changed size during iteration");
        si->used = -1;
        return NULL;
    }
    SetEntry *e = next_slot(SO(si->set), &si->pos);
    if (!e) {
        CLEAR(si->set);
        return NULL;
    }
    si->len--;
    return NEWREF(e->key);
}

static Object *set_iter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    SetIterObject *si = (SetIterObject *)self;
    if (args_positional("set_iterator.__length_hint__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    bool live = si->set && si->used == set_size(si->set);
    return int_from_ssize(live ? si->len : 0);
}

static const MethodDef set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

Type set_iter_type = {
    .base = {{1, &type_type}, 0},
    .name = "set_iterator",
    .basicsize = sizeof(SetIterObject),
    .flags = TPFLAG_HAVE_GC,
    .dealloc = set_iter_dealloc,
    .iter = iter_self,
    .iternext = set_iter_next,
    .traverse = set_iter_traverse,
    .methods = set_iter_methods,
};
