/* dict.c — owns dicts in CPython 3.11's compact, ordered layout, their
 * keys / values / items views and the six dict iterators.
 *
 *   DictObject (48 bytes)          DictKeys (one mem_malloc'd block)
 *   +-----------------+            +------------------------------------+
 *   | refcnt, type    |            | refcnt, log2_size, log2_index_bytes|
 *   | used, version   |            | kind, version, usable, nentries    |
 *   | keys -----------+----------->+------------------------------------+
 *   | values (split)  |            | indices: 2**log2_size signed ints  |
 *   +-----------------+            |   of 1, 2, 4 or 8 bytes: an entry  |
 *                                  |   number, EMPTY (-1) or DUMMY (-2) |
 *                                  +------------------------------------+
 *                                  | entries, in insertion order:       |
 *                                  |   {hash, key, value} (24 bytes) or |
 *                                  |   {key, value} (16) when every key |
 *                                  |   is a str (the "unicode" kind)    |
 *                                  +------------------------------------+
 *
 * A table of size n has room for 2n/3 entries; when they run out it is
 * rebuilt at a size computed from used * 3, exactly as CPython 3.11 does,
 * so sys.getsizeof follows CPython's numbers.  Deleting leaves a DUMMY index
 * and a hole in the entries.  An empty dict points at a static empty keys
 * object that is never freed nor counted by __sizeof__.
 *
 * As in CPython 3.11, up to 80 dead exact dicts and 80 str-only keys
 * objects of the smallest size (8 slots) wait on free lists to be reused; a
 * dict taken from its list is not counted as an allocation by the
 * collector, and one parked there does not lower the count.  dict() itself
 * (dict_new_slot, CPython's tp_alloc) never takes one.
 *
 * A split table is CPython 3.11's dict of an instance: its keys object,
 * of the split kind, belongs to the class and is shared by the dicts of all
 * its instances (at most 30 str names); each dict keeps its values in an
 * array of its own, one slot per shared key, and remembers the order in
 * which its own keys came (see "split tables" below).  Every place that
 * reads or writes a value goes through value_slot(); dictresize() is where
 * a split table becomes a combined one (a key that is not a str, no room
 * left in the shared keys, popitem).  Dicts start untracked and are tracked
 * once they hold something the collector may need to see
 * (maintain_tracking); full collections untrack them again when that is
 * gone (TPFLAG_GC_UNTRACK_FULL).
 */
#include <limits.h>
#include <string.h>
#include "dict.h"
#include "list.h"
#include "tuple.h"
#include "set.h"
#include "int.h"
#include "str.h"
#include "args.h"
#include "errors.h"
#include "repr_guard.h"
#include "type.h"
#include "../mem/gc.h"
#include "../mem/mem.h"

enum { KEYS_GENERAL, KEYS_UNICODE, KEYS_SPLIT };

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define DKIX_KEY_CHANGED (-4)

typedef struct {
    hash_t hash;
    Object *key;
    Object *value;
} DictEntry;

#define LOG_MINSIZE 3
#define MINSIZE 8
#define PERTURB_SHIFT 5
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define DK_SIZE(k) ((ssize_t)1 << (k)->log2_size)
#define DK_MASK(k) ((size_t)DK_SIZE(k) - 1)
#define DK_IS_UNICODE(k) ((k)->kind != KEYS_GENERAL)
#define STATIC_REFCNT 999999999 /* CPython 3.11's count for static objects */

static DictKeys empty_keys = {
    .refcnt = STATIC_REFCNT, .log2_size = 0, .log2_index_bytes = 0,
    .kind = KEYS_UNICODE, .version = 1, .usable = 0, .nentries = 0,
};

typedef struct {
    Object base;
    Object *dict;
} DictViewObject;

typedef struct {
    Object base;
    Object *dict;               /* NULL once exhausted */
    ssize_t used;               /* d.used when made; -1 after a size change */
    ssize_t pos;
    Object *result;             /* items: the (key, value) tuple reused */
    ssize_t len;
} DictIterObject;

static Object *dict_iter(Object *o);

/* dict versions tell caches that a dict changed; one counter for all, as
 * CPython's (to move to the interpreter state with the rest). */
static uint64_t last_version;

static uint64_t next_version(void)
{
    return ++last_version;
}

/* Keys versions (CPython 3.11's dk_version) name one state of one keys
 * object's set of keys, for the name caches; 1 is the static empty keys',
 * and 0 once the counter has run out (nothing is cached from then on). */
static uint32_t next_keys_version = 2;

uint32_t dict_keys_version(DictKeys *k)
{
    if (k->version == 0 && next_keys_version != 0)
        k->version = next_keys_version++;
    return k->version;
}

/* ---- the free lists ---- */

enum { MAXFREELIST = 80 };      /* PyDict_MAXFREELIST, for both lists */

/* Dead exact dicts, and keys objects of 2**LOG_MINSIZE slots of a str-only
 * kind; the last one parked is reused first. */
static DictObject *free_list[MAXFREELIST];
static int numfree;
static DictKeys *keys_free_list[MAXFREELIST];
static int keys_numfree;

void dict_clear_freelists(void)
{
    while (numfree > 0)
        obj_free((Object *)free_list[--numfree]);
    while (keys_numfree > 0)
        mem_free(keys_free_list[--keys_numfree]);
}

void dict_print_freelist(FILE *out)
{
    obj_print_freelist(out, "free PyDictObject", numfree, sizeof(DictObject));
}

/* ---- split tables: the values arrays ----
 *
 * The values of a split table sit in one mem_malloc'd block whose front
 * part records the order in which the dict's keys were inserted, laid out
 * (and sized) as CPython 3.11's:
 *
 *   [ ... order[1] order[0] | count | front ][ values[0] values[1] ... ]
 *                                              ^ DictValues *
 *
 * order[i] is the shared-key number of the i-th key inserted, count how
 * many there are, front the length of the part in front of the values (the
 * number of value slots + 2, rounded up to a multiple of 8). */

enum {
    SPLIT_LOG2_SIZE = 6,        /* a class's keys: 64 slots... */
    SPLIT_MAX_KEYS = 30,        /* ...of which 30 may be used */
};

static Object **values_array(DictValues *v)
{
    return (Object **)v;        /* as dict_values_at in dict.h knows */
}

static uint8_t *values_front(DictValues *v)
{
    return (uint8_t *)v;
}

/* An array of [size] empty values. */
static DictValues *new_values(ssize_t size)
{
    size_t front = ((size_t)size + 2 + 7) & ~(size_t)7;
    uint8_t *mem = mem_malloc(front + (size_t)size * sizeof(Object *));
    if (!mem)
        return (DictValues *)err_nomemory();
    mem[front - 1] = (uint8_t)front;
    mem[front - 2] = 0;
    DictValues *v = (DictValues *)(mem + front);
    memset(values_array(v), 0, (size_t)size * sizeof(Object *));
    return v;
}

static void free_values(DictValues *v)
{
    mem_free(values_front(v) - values_front(v)[-1]);
}

/* Drops the references in the first [n] slots of [v] and frees it. */
static void release_values(DictValues *v, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++)
        CLEAR(values_array(v)[i]);
    free_values(v);
}

static ssize_t order_count(DictValues *v)
{
    return values_front(v)[-2];
}

/* The shared-key number of the [i]-th key inserted. */
static ssize_t order_get(DictValues *v, ssize_t i)
{
    return values_front(v)[-3 - i];
}

static void order_append(DictValues *v, ssize_t ix)
{
    uint8_t *p = values_front(v);
    p[-3 - p[-2]] = (uint8_t)ix;
    p[-2]++;
}

static void order_remove(DictValues *v, ssize_t ix)
{
    uint8_t *p = values_front(v);
    ssize_t n = p[-2], i = 0;
    while (p[-3 - i] != ix)
        i++;
    for (; i < n - 1; i++)
        p[-3 - i] = p[-4 - i];
    p[-2]--;
}

/* ---- the keys object ---- */

static DictEntry *general_entries(DictKeys *k)
{
    return dict_keys_entries(k);
}

static DictStrEntry *str_entries(DictKeys *k)
{
    return dict_keys_entries(k);
}

static ssize_t get_index(DictKeys *k, size_t i)
{
    if (k->log2_size < 8)
        return k->indices[i];
    if (k->log2_size < 16)
        return ((int16_t *)k->indices)[i];
    if (k->log2_size < 32)
        return ((int32_t *)k->indices)[i];
    return (ssize_t)((int64_t *)k->indices)[i];
}

static void set_index(DictKeys *k, size_t i, ssize_t ix)
{
    if (k->log2_size < 8)
        k->indices[i] = (int8_t)ix;
    else if (k->log2_size < 16)
        ((int16_t *)k->indices)[i] = (int16_t)ix;
    else if (k->log2_size < 32)
        ((int32_t *)k->indices)[i] = (int32_t)ix;
    else
        ((int64_t *)k->indices)[i] = ix;
}

static hash_t str_cached_hash(Object *s)
{
    hash_t h = ((StrObject *)s)->hash;
    return h != -1 ? h : str_hash(s);
}

static Object *entry_key(DictKeys *k, ssize_t ix)
{
    return DK_IS_UNICODE(k) ? str_entries(k)[ix].key : general_entries(k)[ix].key;
}

static hash_t entry_hash(DictKeys *k, ssize_t ix)
{
    return DK_IS_UNICODE(k) ? str_cached_hash(str_entries(k)[ix].key) : general_entries(k)[ix].hash;
}

/* Where the value of entry [ix] lives. */
static Object **value_slot(DictObject *d, ssize_t ix)
{
    if (d->values)
        return &values_array(d->values)[ix];
    DictKeys *k = d->keys;
    return DK_IS_UNICODE(k) ? &str_entries(k)[ix].value : &general_entries(k)[ix].value;
}

static size_t entry_size(bool unicode)
{
    return unicode ? sizeof(DictStrEntry) : sizeof(DictEntry);
}

static size_t keys_size(DictKeys *k)
{
    return sizeof(DictKeys) + ((size_t)1 << k->log2_index_bytes)
        + (size_t)USABLE_FRACTION(DK_SIZE(k)) * entry_size(DK_IS_UNICODE(k));
}

size_t dict_keys_sizeof(DictKeys *k)
{
    return keys_size(k);
}

/* A keys object for 2**[log2_size] slots, off the keys free list when it
 * is of the smallest str-only kind. */
static DictKeys *new_keys(uint8_t log2_size, bool unicode)
{
    if (log2_size > 40)
        return (DictKeys *)err_nomemory();
    ssize_t usable = USABLE_FRACTION((ssize_t)1 << log2_size);
    uint8_t log2_bytes = log2_size < 8 ? log2_size : log2_size < 16 ? log2_size + 1
                       : log2_size < 32 ? log2_size + 2 : log2_size + 3;
    size_t nindex = (size_t)1 << log2_bytes, nentry = entry_size(unicode) * (size_t)usable;
    DictKeys *k;
    if (log2_size == LOG_MINSIZE && unicode && keys_numfree > 0)
        k = keys_free_list[--keys_numfree];
    else if (!(k = mem_malloc(sizeof(DictKeys) + nindex + nentry)))
        return (DictKeys *)err_nomemory();
    k->refcnt = 1;
    k->log2_size = log2_size;
    k->log2_index_bytes = log2_bytes;
    k->kind = unicode ? KEYS_UNICODE : KEYS_GENERAL;
    k->version = 0;
    k->usable = usable;
    k->nentries = 0;
    memset(k->indices, 0xff, nindex);
    memset(dict_keys_entries(k), 0, nentry);
    return k;
}

/* Frees [k], or parks it on the keys free list. */
static void free_keys(DictKeys *k)
{
    if (k->log2_size == LOG_MINSIZE && DK_IS_UNICODE(k) && keys_numfree < MAXFREELIST)
        keys_free_list[keys_numfree++] = k;
    else
        mem_free(k);
}

/* Drops a reference to [k]; the last one releases its keys and values in
 * entry order and frees it. */
static void keys_decref(DictKeys *k)
{
    if (k == &empty_keys || --k->refcnt > 0)
        return;
    for (ssize_t i = 0; i < k->nentries; i++) {
        if (DK_IS_UNICODE(k)) {
            XDECREF(str_entries(k)[i].key);
            XDECREF(str_entries(k)[i].value);
        } else {
            XDECREF(general_entries(k)[i].key);
            XDECREF(general_entries(k)[i].value);
        }
    }
    free_keys(k);
}

/* log2 of the table size for [minsize] slots, computed as CPython 3.11
 * does (note: 16 for any minsize from 1 to 16). */
static uint8_t calculate_log2_keysize(ssize_t minsize)
{
    uint64_t v = (uint64_t)((minsize | MINSIZE) - 1) | (MINSIZE - 1);
    return (uint8_t)(64 - __builtin_clzll(v));
}

/* The size whose usable part holds [n] entries. */
static uint8_t estimate_log2_keysize(ssize_t n)
{
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

/* ---- probing ---- */

static size_t find_empty_slot(DictKeys *k, hash_t hash)
{
    size_t mask = DK_MASK(k), i = (size_t)hash & mask, perturb = (size_t)hash;
    while (get_index(k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The index slot that holds entry [ix] of hash [hash]. */
static size_t slot_of_entry(DictKeys *k, hash_t hash, ssize_t ix)
{
    size_t mask = DK_MASK(k), i = (size_t)hash & mask, perturb = (size_t)hash;
    while (get_index(k, i) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Compares the stored [start] with [key] (equal hashes): 1, 0, -1 on
 * error, DKIX_KEY_CHANGED when the comparison changed the dict. */
static int keys_equal(DictObject *d, DictKeys *k, ssize_t ix, Object *start, Object *key)
{
    if (IS_TYPE(start, str_type) && IS_TYPE(key, str_type))
        return str_eq(start, key);
    INCREF(start);
    int cmp = obj_richcompare_bool(start, key, CMP_EQ);
    DECREF(start);
    if (cmp < 0)
        return -1;
    if (d->keys != k || entry_key(k, ix) != start)
        return DKIX_KEY_CHANGED;
    return cmp;
}

static ssize_t keys_lookup(DictObject *d, Object *key, hash_t hash)
{
    DictKeys *k = d->keys;
    if (k->nentries == 0)
        return DKIX_EMPTY;
    size_t mask = DK_MASK(k), i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        ssize_t ix = get_index(k, i);
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        if (ix >= 0) {
            Object *start = entry_key(k, ix);
            if (start == key)
                return ix;
            if (entry_hash(k, ix) == hash) {
                int cmp = keys_equal(d, k, ix, start, key);
                if (cmp < 0)
                    return cmp == -1 ? DKIX_ERROR : DKIX_KEY_CHANGED;
                if (cmp > 0)
                    return ix;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Finds [key]: its entry number and *value (borrowed), or DKIX_EMPTY and
 * NULL, or DKIX_ERROR.  Starts again when a comparison mutated the dict. */
static ssize_t str_lookup(DictKeys *k, Object *key, hash_t hash);

static ssize_t dict_lookup(DictObject *d, Object *key, hash_t hash, Object **value)
{
    ssize_t ix;
    if (DK_IS_UNICODE(d->keys) && IS_TYPE(key, str_type)) {
        /* str keys only: no comparison can run Python code */
        ix = d->keys->nentries ? str_lookup(d->keys, key, hash) : DKIX_EMPTY;
        *value = ix >= 0 ? *value_slot(d, ix) : NULL;
        return ix;
    }
    do
        ix = keys_lookup(d, key, hash);
    while (ix == DKIX_KEY_CHANGED);
    *value = ix >= 0 ? *value_slot(d, ix) : NULL;
    return ix;
}

static hash_t key_hash(Object *key)
{
    if (IS_TYPE(key, str_type) && ((StrObject *)key)->hash != -1)
        return ((StrObject *)key)->hash;
    return obj_hash(key);
}

/* ---- resizing ---- */

/* Moves the items of [d] in order into the empty [k] (converting str
 * entries to general ones if needed) and indexes them.  The references to
 * the values go over; those to the keys too, except from a split table,
 * whose keys stay with the class: [k] takes new ones. */
static void move_entries(DictObject *d, DictKeys *k)
{
    DictKeys *old = d->keys;
    ssize_t n = d->used, j = 0;
    for (ssize_t i = 0; j < n; i++) {
        ssize_t ix = d->values ? order_get(d->values, i) : i;
        Object *key = entry_key(old, ix), *value = *value_slot(d, ix);
        if (!value)
            continue;
        if (d->values)
            INCREF(key);
        if (DK_IS_UNICODE(k))
            str_entries(k)[j] = (DictStrEntry){key, value};
        else
            general_entries(k)[j] = (DictEntry){entry_hash(old, ix), key, value};
        j++;
    }
    for (ssize_t ix = 0; ix < n; ix++) {
        hash_t hash = entry_hash(k, ix);
        size_t mask = DK_MASK(k), i = (size_t)hash & mask, perturb = (size_t)hash;
        while (get_index(k, i) != DKIX_EMPTY) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        set_index(k, i, ix);
    }
    k->usable -= n;
    k->nentries = n;
}

/* Rebuilds [d]'s table with 2**[log2_newsize] slots, of the str-only kind
 * only if [unicode] and the table already is. */
static int dictresize(DictObject *d, uint8_t log2_newsize, bool unicode)
{
    DictKeys *old = d->keys;
    if (log2_newsize >= 64) {
        err_nomemory();
        return -1;
    }
    DictKeys *k = new_keys(log2_newsize, unicode && DK_IS_UNICODE(old));
    if (!k)
        return -1;
    move_entries(d, k);
    d->keys = k;
    if (d->values) {
        free_values(d->values);
        d->values = NULL;
        keys_decref(old);
    } else if (old != &empty_keys) {
        free_keys(old);
    }
    return 0;
}

static int insertion_resize(DictObject *d, bool unicode)
{
    return dictresize(d, calculate_log2_keysize(d->used * 3), unicode);
}

/* ---- inserting and deleting ---- */

static void maintain_tracking(DictObject *d, Object *key, Object *value)
{
    if (!gc_is_tracked((Object *)d) && (tuple_may_be_tracked(key) || tuple_may_be_tracked(value)))
        gc_track((Object *)d);
}

/* Adds [key] (known absent) with [value]; steals both. */
static int insert_new(DictObject *d, Object *key, hash_t hash, Object *value)
{
    if (d->keys->usable <= 0 && insertion_resize(d, true) < 0)
        return -1;
    DictKeys *k = d->keys;
    k->version = 0;
    set_index(k, find_empty_slot(k, hash), k->nentries);
    if (d->values) {
        /* the key joins the class's shared keys */
        str_entries(k)[k->nentries].key = key;
        values_array(d->values)[k->nentries] = value;
        order_append(d->values, k->nentries);
    } else if (DK_IS_UNICODE(k)) {
        str_entries(k)[k->nentries] = (DictStrEntry){key, value};
    } else {
        general_entries(k)[k->nentries] = (DictEntry){hash, key, value};
    }
    k->usable--;
    k->nentries++;
    d->used++;
    d->version = next_version();
    return 0;
}

/* A str-only table cannot take [key]: turn it into a general one. */
static int prepare_for_key(DictObject *d, Object *key)
{
    if (DK_IS_UNICODE(d->keys) && !IS_TYPE(key, str_type))
        return insertion_resize(d, false);
    return 0;
}

/* Adds [key] with [value] (stealing both), which [d] lacks: a new entry
 * when [ix] is DKIX_EMPTY, else the value of shared key [ix] that the split
 * table has none for. */
static int insert_absent(DictObject *d, Object *key, hash_t hash, Object *value, ssize_t ix)
{
    if (ix == DKIX_EMPTY)
        return insert_new(d, key, hash, value);
    values_array(d->values)[ix] = value;
    order_append(d->values, ix);
    d->used++;
    d->version = next_version();
    DECREF(key);
    return 0;
}

/* Puts [value] (stolen) in the occupied [slot] of [d], dropping the value
 * that was there. */
static void replace_value(DictObject *d, Object **slot, Object *value)
{
    Object *old = *slot;
    if (old != value) {
        *slot = value;
        d->version = next_version();
    }
    DECREF(old);
}

/* d[key] = value; steals both references. */
static int insertdict(DictObject *d, Object *key, hash_t hash, Object *value)
{
    Object *old;
    ssize_t ix = prepare_for_key(d, key) < 0 ? DKIX_ERROR : dict_lookup(d, key, hash, &old);
    if (ix == DKIX_ERROR)
        goto fail;
    maintain_tracking(d, key, value);
    if (!old) {
        if (insert_absent(d, key, hash, value, ix) < 0)
            goto fail;
        return 0;
    }
    replace_value(d, value_slot(d, ix), value);
    DECREF(key);
    return 0;
fail:
    DECREF(value);
    DECREF(key);
    return -1;
}

/* Removes entry [ix], dropping the dict's references to its key and to
 * its value [old_value]. */
static void delitem_common(DictObject *d, hash_t hash, ssize_t ix, Object *old_value)
{
    DictKeys *k = d->keys;
    if (d->values) {
        /* the key stays in the shared keys */
        values_array(d->values)[ix] = NULL;
        order_remove(d->values, ix);
        d->used--;
        d->version = next_version();
        DECREF(old_value);
        return;
    }
    Object *old_key = entry_key(k, ix);
    set_index(k, slot_of_entry(k, hash, ix), DKIX_DUMMY);
    if (DK_IS_UNICODE(k))
        str_entries(k)[ix] = (DictStrEntry){NULL, NULL};
    else
        general_entries(k)[ix] = (DictEntry){0, NULL, NULL};
    k->version = 0;
    d->used--;
    d->version = next_version();
    DECREF(old_key);
    DECREF(old_value);
}

/* ---- creation ---- */

/* Gives the dict [d] the keys [k] (stolen) holding [used] items. */
static Object *init_dict(DictObject *d, DictKeys *k, ssize_t used)
{
    d->used = used;
    d->version = next_version();
    d->keys = k;
    d->values = NULL;
    return (Object *)d;
}

/* An exact dict with keys [k] (stolen) holding [used] items, untracked;
 * a dead one off the free list when there is one (CPython's new_dict). */
static Object *new_dict(DictKeys *k, ssize_t used)
{
    DictObject *d;
    if (numfree > 0)
        d = (DictObject *)obj_revive((Object *)free_list[--numfree]);
    else if (!(d = (DictObject *)obj_alloc(&dict_type, 0))) {
        keys_decref(k);
        return NULL;
    }
    return init_dict(d, k, used);
}

Object *dict_new(void)
{
    return new_dict(&empty_keys, 0);
}

static Object *new_presized(ssize_t n, bool unicode)
{
    if (n <= USABLE_FRACTION(MINSIZE))
        return dict_new();
    uint8_t log2 = n > USABLE_FRACTION((ssize_t)1 << 17) ? 17 : estimate_log2_keysize(n);
    DictKeys *k = new_keys(log2, unicode);
    return k ? new_dict(k, 0) : NULL;
}

Object *dict_new_presized(ssize_t n)
{
    return new_presized(n, false);
}

Object *dict_from_items(Object *const *keys, Object *const *values, ssize_t n)
{
    bool unicode = true;
    for (ssize_t i = 0; i < n && unicode; i++)
        unicode = IS_TYPE(keys[i], str_type);
    Object *d = new_presized(n, unicode);
    for (ssize_t i = 0; d && i < n; i++)
        if (dict_setitem(d, keys[i], values[i]) < 0)
            CLEAR(d);
    return d;
}

/* A copy of [orig]'s combined keys object, holding new references. */
static DictKeys *clone_keys(DictObject *orig)
{
    size_t size = keys_size(orig->keys);
    DictKeys *k = mem_malloc(size);
    if (!k)
        return (DictKeys *)err_nomemory();
    memcpy(k, orig->keys, size);
    k->version = 0;
    for (ssize_t i = 0; i < k->nentries; i++) {
        Object *value = DK_IS_UNICODE(k) ? str_entries(k)[i].value : general_entries(k)[i].value;
        if (value) {
            INCREF(value);
            INCREF(entry_key(k, i));
        }
    }
    return k;
}

/* A new split table over [k] (a reference taken) with the values [v]
 * (stolen) holding [used] items; NULL (and [v] left alone) on failure. */
static Object *new_split_dict(DictKeys *k, DictValues *v, ssize_t used)
{
    k->refcnt++;
    DictObject *d = (DictObject *)new_dict(k, used);
    if (d)
        d->values = v;
    return (Object *)d;
}

/* A copy of the split table [mp]: the same keys, a values array of its own
 * (sized by the keys' room now).  Never off the free list. */
static Object *copy_split(DictObject *mp)
{
    DictKeys *k = mp->keys;
    DictValues *v = new_values(k->nentries + k->usable);
    Object *copy = v ? obj_alloc(&dict_type, 0) : NULL;
    if (!copy) {
        if (v)
            free_values(v);
        return NULL;
    }
    for (ssize_t i = 0; i < order_count(mp->values); i++)
        order_append(v, order_get(mp->values, i));
    for (ssize_t i = 0; i < k->nentries; i++)
        values_array(v)[i] = XNEWREF(values_array(mp->values)[i]);
    init_dict((DictObject *)copy, k, mp->used);
    k->refcnt++;
    ((DictObject *)copy)->values = v;
    if (gc_is_tracked((Object *)mp))
        gc_track(copy);
    return copy;
}

Object *dict_copy(Object *o)
{
    DictObject *mp = (DictObject *)o;
    if (mp->used == 0)
        return dict_new();
    if (mp->values)
        return copy_split(mp);
    if (TYPE(o)->iter == dict_iter && !mp->values && mp->used >= (mp->keys->nentries * 2) / 3) {
        DictKeys *k = clone_keys(mp);
        Object *copy = k ? new_dict(k, mp->used) : NULL;
        if (copy && gc_is_tracked(o))
            gc_track(copy);
        return copy;
    }
    Object *copy = dict_new();
    if (copy && dict_merge(copy, o, 1) < 0)
        CLEAR(copy);
    return copy;
}

/* ---- the public API ---- */

Object *dict_getitem_err(Object *op, Object *key)
{
    Object *value;
    hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    dict_lookup((DictObject *)op, key, hash, &value);
    return value;
}

/* The entry of [name] in [d]'s str-only combined table, or DKIX_EMPTY,
 * remembered in [c]; DKIX_ERROR when [d] has another kind of table. */
static ssize_t str_lookup_to_cache(DictObject *d, Object *name, DictKeyCache *c)
{
    DictKeys *k = d->keys;
    if (k->kind != KEYS_UNICODE || d->values)
        return DKIX_ERROR;
    ssize_t ix = k->nentries ? str_lookup(k, name, str_cached_hash(name)) : DKIX_EMPTY;
    uint32_t version = dict_keys_version(k);
    if (version && ix <= INT32_MAX)
        *c = (DictKeyCache){version, (int32_t)ix};
    return ix;
}

int dict_get_cached_slow(Object *op, Object *name, DictKeyCache *c, Object **value)
{
    DictObject *d = (DictObject *)op;
    if (!IS_TYPE(name, str_type) || str_lookup_to_cache(d, name, c) == DKIX_ERROR) {
        *value = dict_getitem_err(op, name);
        return *value ? 1 : err_occurred() ? -1 : 0;
    }
    return dict_probe_cached(op, c, value);
}

int dict_set_cached(Object *op, Object *name, Object *value, DictKeyCache *c)
{
    DictObject *d = (DictObject *)op;
    DictKeys *k = d->keys;
    if (k->version == c->version && c->version != 0 && c->index >= 0) {
        maintain_tracking(d, name, value);
        replace_value(d, &str_entries(k)[c->index].value, NEWREF(value));
        return 0;
    }
    if (dict_setitem(op, name, value) < 0)
        return -1;
    if (IS_TYPE(name, str_type))
        str_lookup_to_cache(d, name, c);
    return 0;
}

Object *dict_getitem(Object *op, Object *key)
{
    if (!TYPE_CHECK(op, dict_type))
        return NULL;
    Object *saved = err_fetch();
    Object *value = dict_getitem_err(op, key);
    err_clear();
    err_restore(saved);
    return value;
}

Object *dict_getitem_str(Object *d, const char *key)
{
    Object *k = str_from_cstr(key);
    if (!k) {
        err_clear();
        return NULL;
    }
    Object *value = dict_getitem(d, k);
    DECREF(k);
    return value;
}

int dict_setitem(Object *op, Object *key, Object *value)
{
    hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return insertdict((DictObject *)op, NEWREF(key), hash, NEWREF(value));
}

int dict_setitem_str(Object *d, const char *key, Object *value)
{
    Object *k = str_intern_cstr(key);
    if (!k)
        return -1;
    int r = dict_setitem(d, k, value);
    DECREF(k);
    return r;
}

int dict_delitem(Object *op, Object *key)
{
    DictObject *d = (DictObject *)op;
    Object *old;
    hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    ssize_t ix = dict_lookup(d, key, hash, &old);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY || !old) {
        err_set_obj(exc_KeyError, key);
        return -1;
    }
    delitem_common(d, hash, ix, old);
    return 0;
}

int dict_contains_known_hash(Object *op, Object *key, hash_t hash)
{
    Object *value;
    ssize_t ix = dict_lookup((DictObject *)op, key, hash, &value);
    return ix == DKIX_ERROR ? -1 : value != NULL;
}

int dict_contains(Object *op, Object *key)
{
    hash_t hash = key_hash(key);
    return hash == -1 ? -1 : dict_contains_known_hash(op, key, hash);
}

int dict_next_entry(Object *op, ssize_t *pos, Object **key, Object **value, hash_t *hash)
{
    DictObject *d = (DictObject *)op;
    ssize_t i = *pos, ix = i;
    if (i < 0)
        return 0;
    if (d->values) {
        if (i >= d->used)
            return 0;
        ix = order_get(d->values, i);
    } else {
        while (i < d->keys->nentries && !*value_slot(d, i))
            i++;
        if (i >= d->keys->nentries)
            return 0;
        ix = i;
    }
    *pos = i + 1;
    if (key)
        *key = entry_key(d->keys, ix);
    if (value)
        *value = *value_slot(d, ix);
    if (hash)
        *hash = entry_hash(d->keys, ix);
    return 1;
}

int dict_next(Object *d, ssize_t *pos, Object **key, Object **value)
{
    return dict_next_entry(d, pos, key, value, NULL);
}

ssize_t dict_size(Object *d)
{
    return ((DictObject *)d)->used;
}

/* A list of one thing per item, made by [pick]. */
static Object *collect(Object *d, Object *(*pick)(Object *key, Object *value))
{
    Object *list = list_new(dict_size(d)), *key, *value;
    ssize_t pos = 0, i = 0;
    while (list && dict_next(d, &pos, &key, &value)) {
        if (!(LIST_ITEMS(list)[i++] = pick(key, value)))
            CLEAR(list);
    }
    return list;
}

static Object *pick_key(Object *key, Object *value)
{
    (void)value;
    return NEWREF(key);
}

static Object *pick_value(Object *key, Object *value)
{
    (void)key;
    return NEWREF(value);
}

static Object *pick_item(Object *key, Object *value)
{
    return tuple_pack(2, key, value);
}

Object *dict_keys_list(Object *d)
{
    return collect(d, pick_key);
}

Object *dict_values_list(Object *d)
{
    return collect(d, pick_value);
}

Object *dict_items_list(Object *d)
{
    return collect(d, pick_item);
}

void dict_clear(Object *op)
{
    DictObject *d = (DictObject *)op;
    DictKeys *old = d->keys;
    DictValues *values = d->values;
    if (old == &empty_keys)
        return;
    d->keys = &empty_keys;
    d->values = NULL;
    d->used = 0;
    d->version = next_version();
    if (values)
        release_values(values, old->nentries);
    keys_decref(old);
}

Object *dict_pop(Object *op, Object *key, Object *deflt)
{
    DictObject *d = (DictObject *)op;
    Object *old;
    ssize_t ix = DKIX_EMPTY;
    hash_t hash = 0;
    if (d->used > 0) {
        if ((hash = key_hash(key)) == -1)
            return NULL;
        if ((ix = dict_lookup(d, key, hash, &old)) == DKIX_ERROR)
            return NULL;
    }
    if (ix == DKIX_EMPTY || !old) {
        if (deflt)
            return NEWREF(deflt);
        err_set_obj(exc_KeyError, key);
        return NULL;
    }
    INCREF(old);
    delitem_common(d, hash, ix, old);
    return old;
}

/* ---- the values of instances ----
 *
 * An instance of a class keeps its attributes in a values array over the
 * class's split keys and gets a dict only when one is asked for (CPython
 * 3.11's inline values; vm/type.c holds the instance side). */

DictKeys *dict_keys_new_for_class(void)
{
    DictKeys *k = new_keys(SPLIT_LOG2_SIZE, true);
    if (k) {
        k->kind = KEYS_SPLIT;
        k->usable = SPLIT_MAX_KEYS;
    }
    return k;
}

void dict_keys_decref(DictKeys *k)
{
    keys_decref(k);
}

DictValues *dict_values_new(DictKeys *k)
{
    if (k->usable > 1)
        k->usable--;
    return new_values(k->nentries + k->usable);
}

void dict_values_free(DictKeys *k, DictValues *v)
{
    release_values(v, k->nentries);
}

int dict_values_traverse(DictKeys *k, DictValues *v, visitproc visit, void *arg)
{
    for (ssize_t i = 0; i < k->nentries; i++) {
        Object *value = values_array(v)[i];
        int r = value ? visit(value, arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

/* The entry number of the exact str [key] in the str-only table [k], or
 * DKIX_EMPTY. */
static ssize_t str_lookup(DictKeys *k, Object *key, hash_t hash)
{
    size_t mask = DK_MASK(k), i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        ssize_t ix = get_index(k, i);
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        if (ix >= 0) {
            Object *start = str_entries(k)[ix].key;
            if (start == key || (str_cached_hash(start) == hash && str_eq(start, key)))
                return ix;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

ssize_t dict_values_index(DictKeys *k, Object *name)
{
    return str_lookup(k, name, str_cached_hash(name));
}

Object *dict_values_get(DictKeys *k, DictValues *v, Object *name)
{
    ssize_t ix = str_lookup(k, name, str_cached_hash(name));
    return ix >= 0 ? values_array(v)[ix] : NULL;
}

/* The number of the exact str [name] among the shared keys [k], added to
 * them if new and there is room; DKIX_EMPTY when there is none. */
static ssize_t shared_key_insert(DictKeys *k, Object *name)
{
    hash_t hash = str_cached_hash(name);
    ssize_t ix = str_lookup(k, name, hash);
    if (ix != DKIX_EMPTY || k->usable <= 0)
        return ix;
    k->version = 0;
    ix = k->nentries;
    set_index(k, find_empty_slot(k, hash), ix);
    str_entries(k)[ix].key = NEWREF(name);
    k->usable--;
    k->nentries++;
    return ix;
}

int dict_values_store(DictKeys *k, DictValues *v, Object *name, Object *value)
{
    ssize_t ix = IS_TYPE(name, str_type) ? shared_key_insert(k, name) : DKIX_EMPTY;
    if (ix == DKIX_EMPTY)
        return DICT_VALUES_NO_ROOM;
    if (value) {
        dict_values_put(v, ix, value);
        return DICT_VALUES_DONE;
    }
    Object **slot = &values_array(v)[ix], *old = *slot;
    if (!old)
        return DICT_VALUES_MISSING;
    *slot = NULL;
    order_remove(v, ix);
    DECREF(old);
    return DICT_VALUES_DONE;
}

void dict_values_put(DictValues *v, ssize_t ix, Object *value)
{
    Object **slot = &values_array(v)[ix], *old = *slot;
    *slot = NEWREF(value);
    if (old)
        DECREF(old);
    else
        order_append(v, ix);
}

Object *dict_from_values(DictKeys *k, DictValues *v)
{
    ssize_t used = 0;
    bool track = false;
    for (ssize_t i = 0; i < k->nentries; i++) {
        Object *value = values_array(v)[i];
        if (value) {
            used++;
            track = track || tuple_may_be_tracked(value);
        }
    }
    Object *d = new_split_dict(k, v, used);
    if (d && track)
        gc_track(d);
    return d;
}

Object *dict_new_shared(DictKeys *k)
{
    DictValues *v = new_values(k->nentries + k->usable);
    Object *d = v ? new_split_dict(k, v, 0) : NULL;
    if (v && !d)
        free_values(v);
    return d;
}

/* ---- merging ---- */

/* Merges dict [other] into [mp]: cloning its table when mp is empty and
 * other compact, else one resize up front then insertions. */
static int merge_dict(DictObject *mp, DictObject *other, int override)
{
    if (other == mp || other->used == 0)
        return 0;
    DictKeys *ok = other->keys;
    if (mp->used == 0) {
        override = 1;
        if (!other->values && other->used == ok->nentries
            && (ok->log2_size == LOG_MINSIZE || USABLE_FRACTION(DK_SIZE(ok) / 2) < other->used)) {
            DictKeys *k = clone_keys(other);
            if (!k)
                return -1;
            keys_decref(mp->keys);
            mp->keys = k;
            if (mp->values) {
                free_values(mp->values); /* empty */
                mp->values = NULL;
            }
            mp->used = other->used;
            mp->version = next_version();
            if (gc_is_tracked((Object *)other) && !gc_is_tracked((Object *)mp))
                gc_track((Object *)mp);
            return 0;
        }
    }
    if (USABLE_FRACTION(DK_SIZE(mp->keys)) < other->used
        && dictresize(mp, estimate_log2_keysize(mp->used + other->used), DK_IS_UNICODE(ok)) < 0)
        return -1;
    ssize_t orig = other->keys->nentries, pos = 0;
    Object *key, *value;
    hash_t hash;
    while (dict_next_entry((Object *)other, &pos, &key, &value, &hash)) {
        int err = 0;
        if (override != 1) {
            Object *found;
            ssize_t ix = dict_lookup(mp, key, hash, &found);
            err = ix == DKIX_ERROR ? -1 : found != NULL;
            if (err > 0 && override != 0) {
                err_set_obj(exc_KeyError, key);
                return -1;
            }
        }
        if (err == 0)
            err = insertdict(mp, NEWREF(key), hash, NEWREF(value));
        else if (err > 0)
            err = 0;
        if (err < 0)
            return -1;
        if (orig != other->keys->nentries) {
            err_set_str(exc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

/* Merges a mapping that is not a dict: its keys(), then [key] for each. */
static int merge_mapping(Object *a, Object *b, int override)
{
    Object *keys = obj_call_method(b, "keys", NULL, 0);
    Object *it = keys ? obj_iter(keys) : NULL, *key;
    XDECREF(keys);
    if (!it)
        return -1;
    int r = 0;
    while (r == 0 && (key = obj_next(it)) != NULL) {
        int found = override == 1 ? 0 : dict_contains(a, key);
        if (found == 0) {
            Object *value = obj_getitem(b, key);
            r = value ? dict_setitem(a, key, value) : -1;
            XDECREF(value);
        } else if (found < 0) {
            r = -1;
        } else if (override != 0) {
            err_set_obj(exc_KeyError, key);
            r = -1;
        }
        DECREF(key);
    }
    DECREF(it);
    return r == 0 && err_occurred() ? -1 : r;
}

int dict_merge(Object *a, Object *b, int override)
{
    if (TYPE_CHECK(b, dict_type) && TYPE(b)->iter == dict_iter)
        return merge_dict((DictObject *)a, (DictObject *)b, override);
    return merge_mapping(a, b, override);
}

/* Adds one (key, value) pair [item], element number [i] of the sequence. */
static int merge_pair(Object *d, Object *item, ssize_t i, int override)
{
    Object *fast = list_seq_fast(item, "");
    if (!fast) {
        if (err_matches(exc_TypeError))
            err_format(exc_TypeError, "cannot convert dictionary update sequence element #%zd to a sequence", i);
        return -1;
    }
    int r = -1;
    if (SIZE(fast) != 2) {
        err_format(exc_ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required",
                   i, SIZE(fast));
    } else {
        Object **kv = IS_TYPE(fast, list_type) ? LIST_ITEMS(fast) : TUPLE_ITEMS(fast);
        Object *key = NEWREF(kv[0]), *value = NEWREF(kv[1]);
        int found = override ? 0 : dict_contains(d, key);
        r = found < 0 ? -1 : found ? 0 : dict_setitem(d, key, value);
        DECREF(key);
        DECREF(value);
    }
    DECREF(fast);
    return r;
}

int dict_merge_from_seq2(Object *d, Object *seq2, int override)
{
    Object *it = obj_iter(seq2), *item;
    if (!it)
        return -1;
    int r = 0;
    for (ssize_t i = 0; r == 0 && (item = obj_next(it)) != NULL; i++) {
        r = merge_pair(d, item, i, override);
        DECREF(item);
    }
    DECREF(it);
    return r == 0 && err_occurred() ? -1 : r;
}

int dict_update(Object *d, Object *other)
{
    if (IS_TYPE(other, dict_type))
        return dict_merge(d, other, 1);
    Object *name = str_intern_cstr("keys"), *keys = NULL;
    int has = name ? obj_lookup_attr(other, name, &keys) : -1;
    XDECREF(name);
    XDECREF(keys);
    if (has < 0)
        return -1;
    return has ? dict_merge(d, other, 1) : dict_merge_from_seq2(d, other, 1);
}

/* The keyword arguments of a call as a dict, built as CPython's call
 * machinery builds **kwargs. */
static Object *kwargs_dict(Object *const *values, Object *kwnames)
{
    return dict_from_items(TUPLE_ITEMS(kwnames), values, SIZE(kwnames));
}

/* dict.update(...) / dict(...): one positional mapping or iterable of
 * pairs, then the keywords; [direct] stores keywords one by one as
 * dict(...) does, else merges them from a **kwargs dict as update() does. */
static int update_common(Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                         const char *fname, bool direct)
{
    Object *arg = NULL;
    if (args_positional(fname, args, nargs, NULL, 0, 1, &arg) < 0 || (arg && dict_update(self, arg) < 0))
        return -1;
    if (!kwnames || SIZE(kwnames) == 0)
        return 0;
    if (direct) {
        for (ssize_t i = 0; i < SIZE(kwnames); i++)
            if (dict_setitem(self, TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                return -1;
        return 0;
    }
    Object *kw = kwargs_dict(args + nargs, kwnames);
    int r = kw ? dict_merge(self, kw, 1) : -1;
    XDECREF(kw);
    return r;
}

/* ---- slots ---- */

static void dict_dealloc(Object *o)
{
    gc_untrack(o);
    if (list_trash_begin(o))
        return;
    DictObject *d = (DictObject *)o;
    if (d->values)
        release_values(d->values, d->keys->nentries);
    keys_decref(d->keys);
    if (IS_TYPE(o, dict_type) && numfree < MAXFREELIST)
        free_list[numfree++] = (DictObject *)o;
    else
        obj_free(o);
    list_trash_end();
}

static int add_item_repr(StrBuilder *b, Object *key, Object *value, bool first)
{
    int err = first ? 0 : sb_add_cstr(b, ", ");
    INCREF(key);
    INCREF(value);
    if (!err)
        err = sb_add_repr(b, key);
    if (!err)
        err = sb_add_cstr(b, ": ");
    if (!err)
        err = sb_add_repr(b, value);
    DECREF(key);
    DECREF(value);
    return err;
}

static Object *dict_repr(Object *o)
{
    int r = repr_enter(o);
    if (r != 0)
        return r > 0 ? str_from_cstr("{...}") : NULL;
    if (dict_size(o) == 0) {
        repr_leave(o);
        return str_from_cstr("{}");
    }
    StrBuilder b;
    Object *key, *value;
    ssize_t pos = 0;
    sb_init(&b);
    int err = sb_add_char(&b, '{');
    for (bool first = true; !err && dict_next(o, &pos, &key, &value); first = false)
        err = add_item_repr(&b, key, value, first);
    if (!err)
        err = sb_add_char(&b, '}');
    repr_leave(o);
    if (err) {
        sb_discard(&b);
        return NULL;
    }
    return sb_finish(&b);
}

/* 1 when [a] and [b] hold equal items, 0 when not, -1 on error. */
static int dict_equal(DictObject *a, DictObject *b)
{
    if (a->used != b->used)
        return 0;
    for (ssize_t i = 0; i < a->keys->nentries; i++) {
        Object *aval = *value_slot(a, i), *bval;
        if (!aval)
            continue;
        Object *key = NEWREF(entry_key(a->keys, i));
        hash_t hash = entry_hash(a->keys, i);
        INCREF(aval);
        ssize_t ix = dict_lookup(b, key, hash, &bval);
        int cmp = ix == DKIX_ERROR ? -1 : 0;
        if (bval) {
            INCREF(bval);
            cmp = obj_richcompare_bool(aval, bval, CMP_EQ);
            DECREF(bval);
        }
        DECREF(aval);
        DECREF(key);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

static Object *dict_richcompare(Object *v, Object *w, int op)
{
    if (!TYPE_CHECK(v, dict_type) || !TYPE_CHECK(w, dict_type) || (op != CMP_EQ && op != CMP_NE))
        return NEWREF(NotImplemented);
    int cmp = dict_equal((DictObject *)v, (DictObject *)w);
    if (cmp < 0)
        return NULL;
    return bool_from((cmp > 0) == (op == CMP_EQ));
}

static ssize_t dict_length(Object *o)
{
    return dict_size(o);
}

static Object *dict_subscript(Object *o, Object *key)
{
    Object *value;
    hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    if (dict_lookup((DictObject *)o, key, hash, &value) == DKIX_ERROR)
        return NULL;
    if (value)
        return NEWREF(value);
    if (!IS_TYPE(o, dict_type)) {
        Object *missing = iter_lookup_special(o, "__missing__");
        if (missing) {
            Object *r = obj_call1(missing, key);
            DECREF(missing);
            return r;
        }
        if (err_occurred())
            return NULL;
    }
    err_set_obj(exc_KeyError, key);
    return NULL;
}

static int dict_ass_sub(Object *o, Object *key, Object *value)
{
    return value ? dict_setitem(o, key, value) : dict_delitem(o, key);
}

static Object *dict_or(Object *a, Object *b)
{
    if (!TYPE_CHECK(a, dict_type) || !TYPE_CHECK(b, dict_type))
        return NEWREF(NotImplemented);
    Object *d = dict_copy(a);
    if (d && dict_update(d, b) < 0)
        CLEAR(d);
    return d;
}

static Object *dict_ior(Object *a, Object *b)
{
    if (!TYPE_CHECK(a, dict_type))
        return NEWREF(NotImplemented);
    return dict_update(a, b) < 0 ? NULL : NEWREF(a);
}

static int dict_traverse(Object *o, visitproc visit, void *arg)
{
    DictObject *d = (DictObject *)o;
    DictKeys *k = d->keys;
    for (ssize_t i = 0; i < k->nentries; i++) {
        Object *value = *value_slot(d, i);
        int r = value ? visit(value, arg) : 0;
        if (!r && value && !DK_IS_UNICODE(k))
            r = visit(entry_key(k, i), arg);
        if (r)
            return r;
    }
    return 0;
}

static int dict_clear_slot(Object *o)
{
    dict_clear(o);
    return 0;
}

static Object *dict_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    DictObject *d = (DictObject *)obj_alloc(type, 0);
    if (!d)
        return NULL;
    init_dict(d, &empty_keys, 0);
    if (type != &dict_type)
        gc_track((Object *)d);
    return (Object *)d;
}

static int dict_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return update_common(self, args, nargs, kwnames, "dict", IS_TYPE(self, dict_type));
}

/* ---- methods ---- */

static Object *dict_contains_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("dict.__contains__", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    int r = dict_contains(self, arg);
    return r < 0 ? NULL : bool_from(r);
}

static Object *dict_getitem_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("dict.__getitem__", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    return dict_subscript(self, arg);
}

static Object *dict_sizeof_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("dict.__sizeof__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    DictKeys *k = ((DictObject *)self)->keys;
    ssize_t size = TYPE(self)->basicsize;
    if (((DictObject *)self)->values)
        size += (k->nentries + k->usable) * (ssize_t)sizeof(Object *);
    if (k->refcnt == 1)
        size += (ssize_t)keys_size(k);
    return int_from_ssize(size);
}

static Object *dict_get_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[2] = {NULL, NULL}, *value;
    if (args_positional("get", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    hash_t hash = key_hash(a[0]);
    if (hash == -1 || dict_lookup((DictObject *)self, a[0], hash, &value) == DKIX_ERROR)
        return NULL;
    return NEWREF(value ? value : a[1] ? a[1] : None);
}

static Object *dict_setdefault_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    DictObject *d = (DictObject *)self;
    Object *a[2] = {NULL, NULL}, *value;
    if (args_positional("setdefault", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    Object *key = a[0], *deflt = a[1] ? a[1] : None;
    hash_t hash = key_hash(key);
    if (hash == -1 || prepare_for_key(d, key) < 0)
        return NULL;
    ssize_t ix = dict_lookup(d, key, hash, &value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (value)
        return NEWREF(value);
    if (insert_absent(d, NEWREF(key), hash, NEWREF(deflt), ix) < 0) {
        DECREF(key);
        DECREF(deflt);
        return NULL;
    }
    maintain_tracking(d, key, deflt);
    return NEWREF(deflt);
}

static Object *dict_pop_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[2] = {NULL, NULL};
    if (args_positional("pop", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    return dict_pop(self, a[0], a[1]);
}

static Object *dict_popitem_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    DictObject *d = (DictObject *)self;
    if (args_positional("dict.popitem", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    Object *res = tuple_new(2);
    if (!res)
        return NULL;
    if (d->used == 0) {
        DECREF(res);
        return err_format(exc_KeyError, "popitem(): dictionary is empty");
    }
    if (d->values && dictresize(d, d->keys->log2_size, true) < 0) {
        DECREF(res);
        return NULL;
    }
    DictKeys *k = d->keys;
    ssize_t i = k->nentries - 1;
    while (!*value_slot(d, i))
        i--;
    hash_t hash = entry_hash(k, i);
    TUPLE_ITEMS(res)[0] = entry_key(k, i);
    TUPLE_ITEMS(res)[1] = *value_slot(d, i);
    set_index(k, slot_of_entry(k, hash, i), DKIX_DUMMY);
    if (DK_IS_UNICODE(k))
        str_entries(k)[i] = (DictStrEntry){NULL, NULL};
    else
        general_entries(k)[i] = (DictEntry){0, NULL, NULL};
    k->version = 0;
    k->nentries = i;
    d->used--;
    d->version = next_version();
    return res;
}

static Object *make_view(Object *d, Type *type)
{
    DictViewObject *v = (DictViewObject *)obj_alloc(type, 0);
    if (!v)
        return NULL;
    v->dict = NEWREF(d);
    gc_track((Object *)v);
    return (Object *)v;
}

static Object *dict_keys_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return args_positional("dict.keys", args, nargs, kwnames, 0, 0, NULL) < 0 ? NULL : make_view(self, &dict_keys_type);
}

static Object *dict_values_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return args_positional("dict.values", args, nargs, kwnames, 0, 0, NULL) < 0 ? NULL : make_view(self, &dict_values_type);
}

static Object *dict_items_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return args_positional("dict.items", args, nargs, kwnames, 0, 0, NULL) < 0 ? NULL : make_view(self, &dict_items_type);
}

static Object *dict_update_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return update_common(self, args, nargs, kwnames, "update", false) < 0 ? NULL : none_new();
}

/* fromkeys from a dict or a set: one resize (to a str-only table if the
 * dict's is one), then insertions with the known hashes. */
static int fromkeys_known(DictObject *d, Object *iterable, Object *value)
{
    bool is_dict = IS_TYPE(iterable, dict_type);
    ssize_t n = is_dict ? dict_size(iterable) : set_size(iterable), pos = 0;
    Object *key;
    hash_t hash;
    bool unicode = is_dict && DK_IS_UNICODE(((DictObject *)iterable)->keys);
    if (dictresize(d, estimate_log2_keysize(n), unicode) < 0)
        return -1;
    while (is_dict ? dict_next_entry(iterable, &pos, &key, NULL, &hash) : set_next_entry(iterable, &pos, &key, &hash))
        if (insertdict(d, NEWREF(key), hash, NEWREF(value)) < 0)
            return -1;
    return 0;
}

static int fromkeys_iter(Object *d, Object *iterable, Object *value)
{
    Object *it = obj_iter(iterable), *key;
    if (!it)
        return -1;
    int r = 0;
    while (r == 0 && (key = obj_next(it)) != NULL) {
        r = IS_TYPE(d, dict_type) ? dict_setitem(d, key, value) : obj_setitem(d, key, value);
        DECREF(key);
    }
    DECREF(it);
    return r == 0 && err_occurred() ? -1 : r;
}

static Object *dict_fromkeys_meth(Object *cls, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[2] = {NULL, NULL};
    if (args_positional("fromkeys", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    Object *iterable = a[0], *value = a[1] ? a[1] : None;
    Object *d = cls == (Object *)&dict_type ? dict_new() : obj_call0(cls);
    if (!d)
        return NULL;
    int r;
    if (IS_TYPE(d, dict_type) && (IS_TYPE(iterable, dict_type) || IS_TYPE(iterable, set_type)
                                  || IS_TYPE(iterable, frozenset_type)))
        r = fromkeys_known((DictObject *)d, iterable, value);
    else
        r = fromkeys_iter(d, iterable, value);
    if (r < 0)
        CLEAR(d);
    return d;
}

static Object *dict_clear_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("dict.clear", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    dict_clear(self);
    return none_new();
}

static Object *dict_copy_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return args_positional("dict.copy", args, nargs, kwnames, 0, 0, NULL) < 0 ? NULL : dict_copy(self);
}

static Object *new_dict_iter(Object *d, Type *type);

static Object *dict_reversed_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("dict.__reversed__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return new_dict_iter(self, &dict_revkeyiter_type);
}

static const MethodDef dict_methods[] = {
    {"__contains__", dict_contains_meth, 0, "True if the dictionary has the specified key, else False."},
    {"__getitem__", dict_getitem_meth, 0, "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", dict_sizeof_meth, 0, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", dict_get_meth, 0, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault_meth, 0, "Insert key with a value of default if key is not in the dictionary."},
    {"pop", dict_pop_meth, 0, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", dict_popitem_meth, 0, "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", dict_keys_meth, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", dict_items_meth, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"values", dict_values_meth, 0, "D.values() -> an object providing a view on D's values"},
    {"update", dict_update_meth, 0, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys", dict_fromkeys_meth, METH_CLASS, "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", dict_clear_meth, 0, "D.clear() -> None.  Remove all items from D."},
    {"copy", dict_copy_meth, 0, "D.copy() -> a shallow copy of D"},
    {"__reversed__", dict_reversed_meth, 0, "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL}
};

Type dict_type = {
    .base = {{1, &type_type}, 0},
    .name = "dict",
    .basicsize = sizeof(DictObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_DICT_SUBCLASS | TPFLAG_GC_UNTRACK_FULL,
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .richcompare = dict_richcompare,
    .iter = dict_iter,
    .nb = { [BINOP_OR] = dict_or, [BINOP_INPLACE + BINOP_OR] = dict_ior },
    .len = dict_length,
    .getitem = dict_subscript,
    .setitem = dict_ass_sub,
    .contains = dict_contains,
    .traverse = dict_traverse,
    .clear = dict_clear_slot,
    .new_ = dict_new_slot,
    .init = dict_init,
    .methods = dict_methods,
};

/* ---- iterators ---- */

static bool is_item_iter(Type *type)
{
    return type == &dict_itemiter_type || type == &dict_revitemiter_type;
}

static bool is_reverse_iter(Type *type)
{
    return type == &dict_revkeyiter_type || type == &dict_revvalueiter_type || type == &dict_revitemiter_type;
}

static Object *new_dict_iter(Object *d, Type *type)
{
    DictIterObject *di = (DictIterObject *)obj_alloc(type, 0);
    if (!di)
        return NULL;
    di->dict = NEWREF(d);
    di->used = dict_size(d);
    di->len = di->used;
    DictObject *mp = (DictObject *)d;
    di->pos = !is_reverse_iter(type) ? 0 : mp->values ? mp->used - 1 : mp->keys->nentries - 1;
    di->result = NULL;
    if (is_item_iter(type) && !(di->result = tuple_pack(2, None, None))) {
        DECREF(di);
        return NULL;
    }
    gc_track((Object *)di);
    return (Object *)di;
}

static Object *dict_iter(Object *o)
{
    return new_dict_iter(o, &dict_keyiter_type);
}

static void dict_iter_dealloc(Object *o)
{
    DictIterObject *di = (DictIterObject *)o;
    gc_untrack(o);
    XDECREF(di->dict);
    XDECREF(di->result);
    obj_free(o);
}

static int dict_iter_traverse(Object *o, visitproc visit, void *arg)
{
    DictIterObject *di = (DictIterObject *)o;
    int r = di->dict ? visit(di->dict, arg) : 0;
    return r ? r : di->result ? visit(di->result, arg) : 0;
}

/* The entry the iterator stands on next, or -1: exhausted (the dict is
 * dropped) or an error. */
static ssize_t iter_advance(DictIterObject *di, bool reverse)
{
    DictObject *d = (DictObject *)di->dict;
    if (!d)
        return -1;
    if (di->used != d->used) {
        err_set_str(exc_RuntimeError, "dictionary changed size during iteration");
        di->used = -1;
        return -1;
    }
    /* a split table is walked in its insertion order, with no holes */
    bool split = d->values != NULL;
    ssize_t i = di->pos, n = split ? d->used : d->keys->nentries;
    if (reverse) {
        for (i = i < n ? i : n - 1; !split && i >= 0 && !*value_slot(d, i); i--)
            ;
    } else {
        while (!split && i < n && !*value_slot(d, i))
            i++;
        if (i < n && di->len == 0) {
            err_set_str(exc_RuntimeError, "dictionary keys changed during iteration");
            i = n;
        }
    }
    if (i < 0 || i >= n) {
        CLEAR(di->dict);
        return -1;
    }
    di->pos = reverse ? i - 1 : i + 1;
    di->len--;
    return split ? order_get(d->values, i) : i;
}

static Object *dict_iter_next(Object *o)
{
    DictIterObject *di = (DictIterObject *)o;
    Type *type = TYPE(o);
    ssize_t i = iter_advance(di, is_reverse_iter(type));
    if (i < 0)
        return NULL;
    DictObject *d = (DictObject *)di->dict;
    Object *key = entry_key(d->keys, i), *value = *value_slot(d, i);
    if (type == &dict_keyiter_type || type == &dict_revkeyiter_type)
        return NEWREF(key);
    if (type == &dict_valueiter_type || type == &dict_revvalueiter_type)
        return NEWREF(value);
    Object *pair[2] = {NEWREF(key), NEWREF(value)};
    return tuple_recycle(di->result, pair, 2);
}

static Object *dict_iter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    DictIterObject *di = (DictIterObject *)self;
    if (args_positional("__length_hint__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    bool live = di->dict && di->used == dict_size(di->dict);
    return int_from_ssize(live ? di->len : 0);
}

static const MethodDef dict_iter_methods[] = {
    {"__length_hint__", dict_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

#define DICT_ITER_TYPE(var, tpname) \
    Type var = { \
        .base = {{1, &type_type}, 0}, \
        .name = tpname, \
        .basicsize = sizeof(DictIterObject), \
        .flags = TPFLAG_HAVE_GC, \
        .dealloc = dict_iter_dealloc, \
        .iter = iter_self, \
        .iternext = dict_iter_next, \
        .traverse = dict_iter_traverse, \
        .methods = dict_iter_methods, \
    }

DICT_ITER_TYPE(dict_keyiter_type, "dict_keyiterator");
DICT_ITER_TYPE(dict_valueiter_type, "dict_valueiterator");
DICT_ITER_TYPE(dict_itemiter_type, "dict_itemiterator");
DICT_ITER_TYPE(dict_revkeyiter_type, "dict_reversekeyiterator");
DICT_ITER_TYPE(dict_revvalueiter_type, "dict_reversevalueiterator");
DICT_ITER_TYPE(dict_revitemiter_type, "dict_reverseitemiterator");

/* ---- views ---- */

#define VIEW_DICT(v) (((DictViewObject *)(v))->dict)

static bool is_set_view(Object *o)
{
    return TYPE_CHECK(o, dict_keys_type) || TYPE_CHECK(o, dict_items_type);
}

static void view_dealloc(Object *o)
{
    gc_untrack(o);
    XDECREF(VIEW_DICT(o));
    obj_free(o);
}

static int view_traverse(Object *o, visitproc visit, void *arg)
{
    return VIEW_DICT(o) ? visit(VIEW_DICT(o), arg) : 0;
}

static ssize_t view_len(Object *o)
{
    return dict_size(VIEW_DICT(o));
}

static Object *view_repr(Object *o)
{
    int r = repr_enter(o);
    if (r != 0)
        return r > 0 ? str_from_cstr("...") : NULL;
    Object *list = list_from_iter(o);
    Object *res = list ? str_from_format("%s(%R)", TYPE(o)->name, list) : NULL;
    XDECREF(list);
    repr_leave(o);
    return res;
}

static Object *keys_view_iter(Object *o)
{
    return new_dict_iter(VIEW_DICT(o), &dict_keyiter_type);
}

static Object *values_view_iter(Object *o)
{
    return new_dict_iter(VIEW_DICT(o), &dict_valueiter_type);
}

static Object *items_view_iter(Object *o)
{
    return new_dict_iter(VIEW_DICT(o), &dict_itemiter_type);
}

static int keys_view_contains(Object *o, Object *key)
{
    return dict_contains(VIEW_DICT(o), key);
}

static int items_view_contains(Object *o, Object *item)
{
    if (!TYPE_CHECK(item, tuple_type) || SIZE(item) != 2)
        return 0;
    Object *found = dict_getitem_err(VIEW_DICT(o), TUPLE_GET(item, 0));
    if (!found)
        return err_occurred() ? -1 : 0;
    INCREF(found);
    int r = obj_richcompare_bool(found, TUPLE_GET(item, 1), CMP_EQ);
    DECREF(found);
    return r;
}

/* 1 when every item of [self] is in [other]. */
static int all_contained_in(Object *self, Object *other)
{
    Object *it = obj_iter(self), *item;
    if (!it)
        return -1;
    int ok = 1;
    while (ok == 1 && (item = obj_next(it)) != NULL) {
        ok = obj_contains(other, item);
        DECREF(item);
    }
    DECREF(it);
    return ok == 1 && err_occurred() ? -1 : ok;
}

static Object *view_richcompare(Object *self, Object *other, int op)
{
    if (!ANYSET_CHECK(other) && !is_set_view(other))
        return NEWREF(NotImplemented);
    ssize_t ls = obj_length(self), lo = obj_length(other);
    if (ls < 0 || lo < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case CMP_EQ:
    case CMP_NE:
        ok = ls == lo ? all_contained_in(self, other) : 0;
        if (op == CMP_NE && ok >= 0)
            ok = !ok;
        break;
    case CMP_LT: ok = ls < lo ? all_contained_in(self, other) : 0; break;
    case CMP_LE: ok = ls <= lo ? all_contained_in(self, other) : 0; break;
    case CMP_GT: ok = ls > lo ? all_contained_in(other, self) : 0; break;
    default: ok = ls >= lo ? all_contained_in(other, self) : 0; break;
    }
    return ok < 0 ? NULL : bool_from(ok);
}

/* set(view), from the dict itself for a keys view of a plain dict. */
static Object *view_to_set(Object *o)
{
    if (IS_TYPE(o, dict_keys_type) && IS_TYPE(VIEW_DICT(o), dict_type))
        return set_new(VIEW_DICT(o));
    return set_new(o);
}

static Object *view_sub(Object *a, Object *b)
{
    Object *res = view_to_set(a);
    if (res && set_difference_update(res, b) < 0)
        CLEAR(res);
    return res;
}

static Object *view_or(Object *a, Object *b)
{
    Object *res = view_to_set(a);
    if (res && set_update(res, b) < 0)
        CLEAR(res);
    return res;
}

/* view & other: iterates the smaller side when both are views, and lets
 * a set at least as large do the work itself. */
static Object *view_and(Object *a, Object *b)
{
    Object *self = is_set_view(a) ? a : b, *other = self == a ? b : a;
    ssize_t ls = view_len(self);
    if (IS_TYPE(other, set_type) && ls <= set_size(other))
        return set_intersection(other, self);
    if (is_set_view(other) && view_len(other) > ls) {
        Object *t = self;
        self = other;
        other = t;
    }
    int (*contains)(Object *, Object *) = TYPE_CHECK(self, dict_keys_type) ? keys_view_contains : items_view_contains;
    Object *res = set_new(NULL), *it = res ? obj_iter(other) : NULL, *key;
    int r = it ? 0 : -1;
    while (r >= 0 && it && (key = obj_next(it)) != NULL) {
        r = contains(self, key);
        if (r > 0)
            r = set_add(res, key);
        DECREF(key);
    }
    XDECREF(it);
    if (r < 0 || err_occurred())
        CLEAR(res);
    return res;
}

/* One pair of d2 in items ^ items: dropped from [tmp] when d1 holds it
 * with an equal value, else added to [res]. */
static int xor_pair(Object *tmp, Object *res, Object *key, Object *val2, hash_t hash)
{
    Object *val1;
    if (dict_lookup((DictObject *)tmp, key, hash, &val1) == DKIX_ERROR)
        return -1;
    int drop = 0;
    if (val1) {
        INCREF(val1);
        drop = obj_richcompare_bool(val1, val2, CMP_EQ);
        DECREF(val1);
    }
    if (drop > 0)
        return dict_delitem(tmp, key);
    if (drop < 0)
        return -1;
    Object *pair = tuple_pack(2, key, val2);
    int r = pair ? set_add(res, pair) : -1;
    XDECREF(pair);
    return r;
}

static Object *items_xor(Object *a, Object *b)
{
    Object *tmp = dict_copy(VIEW_DICT(a)), *res = tmp ? set_new(NULL) : NULL, *key, *val2;
    ssize_t pos = 0;
    hash_t hash;
    int r = res ? 0 : -1;
    while (r == 0 && dict_next_entry(VIEW_DICT(b), &pos, &key, &val2, &hash)) {
        INCREF(key);
        INCREF(val2);
        r = xor_pair(tmp, res, key, val2, hash);
        DECREF(key);
        DECREF(val2);
    }
    Object *rest = r == 0 ? make_view(tmp, &dict_items_type) : NULL;
    if (!rest || set_update(res, rest) < 0)
        CLEAR(res);
    XDECREF(rest);
    XDECREF(tmp);
    return res;
}

static Object *view_xor(Object *a, Object *b)
{
    if (TYPE_CHECK(a, dict_items_type) && TYPE_CHECK(b, dict_items_type))
        return items_xor(a, b);
    Object *res = view_to_set(a);
    if (res && set_symmetric_difference_update(res, b) < 0)
        CLEAR(res);
    return res;
}

static Object *view_isdisjoint_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *arg;
    if (args_positional("isdisjoint", args, nargs, kwnames, 1, 1, &arg) < 0)
        return NULL;
    Object *other = arg, *item;
    if (other == self)
        return bool_from(view_len(self) == 0);
    if (ANYSET_CHECK(other) || is_set_view(other)) {
        ssize_t lo = obj_length(other);
        if (lo < 0)
            return NULL;
        if (lo > view_len(self)) {
            other = self;
            self = arg;
        }
    }
    Object *it = obj_iter(other);
    if (!it)
        return NULL;
    int found = 0;
    while (found == 0 && (item = obj_next(it)) != NULL) {
        found = obj_contains(self, item);
        DECREF(item);
    }
    DECREF(it);
    if (found < 0 || err_occurred())
        return NULL;
    return bool_from(!found);
}

static Object *keys_reversed_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("__reversed__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return new_dict_iter(VIEW_DICT(self), &dict_revkeyiter_type);
}

static Object *values_reversed_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("__reversed__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return new_dict_iter(VIEW_DICT(self), &dict_revvalueiter_type);
}

static Object *items_reversed_meth(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("__reversed__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return new_dict_iter(VIEW_DICT(self), &dict_revitemiter_type);
}

/* view.mapping: a read-only proxy of the dict. */
static Object *view_get_mapping(Object *o, void *closure)
{
    (void)closure;
    return obj_call1((Object *)&mappingproxy_type, VIEW_DICT(o));
}

static const GetSetDef view_getset[] = {
    {"mapping", view_get_mapping, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

static const MethodDef keys_view_methods[] = {
    {"isdisjoint", view_isdisjoint_meth, 0, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", keys_reversed_meth, 0, "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL}
};

static const MethodDef items_view_methods[] = {
    {"isdisjoint", view_isdisjoint_meth, 0, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", items_reversed_meth, 0, "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL}
};

static const MethodDef values_view_methods[] = {
    {"__reversed__", values_reversed_meth, 0, "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL}
};

#define SET_VIEW_TYPE(var, tpname, iterf, containsf, meths) \
    Type var = { \
        .base = {{1, &type_type}, 0}, \
        .name = tpname, \
        .basicsize = sizeof(DictViewObject), \
        .flags = TPFLAG_HAVE_GC, \
        .dealloc = view_dealloc, \
        .repr = view_repr, \
        .richcompare = view_richcompare, \
        .iter = iterf, \
        .nb = { [BINOP_SUBTRACT] = view_sub, [BINOP_AND] = view_and, \
                [BINOP_OR] = view_or, [BINOP_XOR] = view_xor }, \
        .len = view_len, \
        .contains = containsf, \
        .traverse = view_traverse, \
        .methods = meths, \
        .getset = view_getset, \
    }

SET_VIEW_TYPE(dict_keys_type, "dict_keys", keys_view_iter, keys_view_contains, keys_view_methods);
SET_VIEW_TYPE(dict_items_type, "dict_items", items_view_iter, items_view_contains, items_view_methods);

Type dict_values_type = {
    .base = {{1, &type_type}, 0},
    .name = "dict_values",
    .basicsize = sizeof(DictViewObject),
    .flags = TPFLAG_HAVE_GC,
    .dealloc = view_dealloc,
    .repr = view_repr,
    .iter = values_view_iter,
    .len = view_len,
    .traverse = view_traverse,
    .methods = values_view_methods,
    .getset = view_getset,
};
