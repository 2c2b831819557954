/* dict.h — dicts in CPython 3.11's compact ordered layout: a 48-byte header
 * and a keys object holding an index table and the entries in insertion
 * order (sys.getsizeof: 64 empty; the keys table grows as CPython's does).
 * Instances of user classes keep their attributes in a values array over
 * keys their class shares, and get a dict (a "split" one, over the same keys
 * and values) only when one is asked for: CPython 3.11's inline values. */
#ifndef MEMPY_DICT_H
#define MEMPY_DICT_H

#include "object.h"

typedef struct DictKeys DictKeys;

/* A keys object: its layout is dict.c's business, shown here only for the
 * inline fast path of the name caches (dict_probe_cached). */
struct DictKeys {
    ssize_t refcnt;
    uint8_t log2_size;
    uint8_t log2_index_bytes;
    uint8_t kind;
    uint32_t version;           /* 0 until a cache asks; reset on change */
    ssize_t usable;             /* entries that can still be added */
    ssize_t nentries;           /* entries used, holes included */
    int8_t indices[];           /* then the entries */
};

/* An entry of a table whose keys are all str (the hash is the str's). */
typedef struct {
    Object *key;
    Object *value;
} DictStrEntry;

/* Where the entries of [k] start, after its index table. */
static inline void *dict_keys_entries(DictKeys *k)
{
    return (char *)k->indices + ((size_t)1 << k->log2_index_bytes);
}

typedef struct DictValues DictValues;

typedef struct {
    Object base;
    ssize_t used;
    uint64_t version;
    DictKeys *keys;
    DictValues *values;         /* split table values, or NULL */
} DictObject;

Object *dict_new(void);
/* Bytes of a keys object (a class's shared keys count in its size). */
size_t dict_keys_sizeof(DictKeys *k);
Object *dict_getitem(Object *d, Object *key);          /* borrowed; NULL if absent, no error raised
                                                          (a failing __eq__/__hash__ is swallowed) */
Object *dict_getitem_err(Object *d, Object *key);      /* borrowed; NULL: absent (no error) or error set */
Object *dict_getitem_str(Object *d, const char *key);  /* borrowed */
int dict_setitem(Object *d, Object *key, Object *value); /* increfs both */
int dict_setitem_str(Object *d, const char *key, Object *value);
int dict_delitem(Object *d, Object *key);              /* KeyError if absent */
int dict_contains(Object *d, Object *key);             /* 1, 0, -1 */
/* dict_contains with the key's hash already known. */
int dict_contains_known_hash(Object *d, Object *key, hash_t hash);
/* Iterates: start with *pos = 0; returns 0 at the end; key and value borrowed. */
int dict_next(Object *d, ssize_t *pos, Object **key, Object **value);
/* dict_next that also gives the key's stored hash. */
int dict_next_entry(Object *d, ssize_t *pos, Object **key, Object **value, hash_t *hash);
ssize_t dict_size(Object *d);
Object *dict_keys_list(Object *d);
Object *dict_values_list(Object *d);
Object *dict_items_list(Object *d);
Object *dict_copy(Object *d);
int dict_update(Object *d, Object *other);             /* dict.update(other) */
int dict_merge(Object *d, Object *other, int override);
void dict_clear(Object *d);
Object *dict_pop(Object *d, Object *key, Object *deflt); /* deflt NULL: KeyError */
/* A dict sized for [n] items without resizing (CPython's _PyDict_NewPresized). */
Object *dict_new_presized(ssize_t n);
/* {k0: v0, ...} from [n] keys and values (BUILD_MAP / BUILD_CONST_KEY_MAP):
 * presized, with a str-only table when every key is a str. */
Object *dict_from_items(Object *const *keys, Object *const *values, ssize_t n);
/* dict.update(iterable of pairs) semantics; [override] 0 keeps existing keys. */
int dict_merge_from_seq2(Object *d, Object *seq2, int override);

/* ---- the name caches of LOAD_NAME, LOAD_GLOBAL, STORE_NAME (vm/eval.c) ---- */

/* Where a str name was last looked up in a dict: its entry number, or -1
 * for absent, in a str-only combined keys table whose set of keys then had
 * the version [version] (CPython 3.11's dk_version).  It stays true while
 * that set of keys is unchanged, whichever values are stored meanwhile. */
typedef struct {
    uint32_t version;
    int32_t index;
} DictKeyCache;

/* What [c] knows of [d] without a lookup: 1 with *value (borrowed) when
 * [d] has the name, 0 when it lacks it, -1 when [c] is out of date. */
static inline int dict_probe_cached(Object *d, const DictKeyCache *c, Object **value)
{
    DictKeys *k = ((DictObject *)d)->keys;
    if (k->version != c->version || c->version == 0)
        return -1;
    if (c->index < 0)
        return 0;
    *value = ((DictStrEntry *)dict_keys_entries(k))[c->index].value;
    return 1;
}

/* dict_get_cached when the probe did not answer. */
int dict_get_cached_slow(Object *d, Object *name, DictKeyCache *c, Object **value);

/* [name] in the exact dict [d] through [c]: 1 with *value (borrowed)
 * found, 0 absent, -1 on error (only possible for non-str keys). */
static inline int dict_get_cached(Object *d, Object *name, DictKeyCache *c, Object **value)
{
    int r = dict_probe_cached(d, c, value);
    return r >= 0 ? r : dict_get_cached_slow(d, name, c, value);
}
/* d[name] = value (references taken) through [c]; -1 on error. */
int dict_set_cached(Object *d, Object *name, Object *value, DictKeyCache *c);

/* ---- the values of instances (vm/type.c) ---- */

/* The version of [k]'s set of keys (see DictKeyCache), 0 if none is left. */
uint32_t dict_keys_version(DictKeys *k);
/* The split keys a class shares among its instances: room for 30 str
 * names (CPython 3.11's _PyDict_NewKeysForClass). */
DictKeys *dict_keys_new_for_class(void);
/* Drops a reference to a keys object (the class's when it dies). */
void dict_keys_decref(DictKeys *k);
/* The empty values array of a new instance: the room left in [k] for the
 * next instances shrinks by one first (down to 1), as in CPython 3.11. */
DictValues *dict_values_new(DictKeys *k);
/* Drops the values in [v] and frees it. */
void dict_values_free(DictKeys *k, DictValues *v);
/* Visits the values in [v]; the first nonzero result of [visit]. */
int dict_values_traverse(DictKeys *k, DictValues *v, visitproc visit, void *arg);
/* The value of the exact str [name] in [v], borrowed, or NULL. */
Object *dict_values_get(DictKeys *k, DictValues *v, Object *name);
/* The number of the exact str [name] among the shared keys [k], or < 0;
 * and the value of number [ix] in [v] (borrowed, NULL if unset). */
ssize_t dict_values_index(DictKeys *k, Object *name);
static inline Object *dict_values_at(DictValues *v, ssize_t ix)
{
    return ((Object **)v)[ix];  /* a values array starts at its pointer */
}
/* Sets (or, [value] NULL, deletes) [name] in [v]; a str new to [k] joins
 * the shared keys while there is room. */
enum {
    DICT_VALUES_DONE,
    DICT_VALUES_NO_ROOM,        /* not an exact str, or [k] is full: use a dict */
    DICT_VALUES_MISSING,        /* deleting a name [v] has no value for */
};
int dict_values_store(DictKeys *k, DictValues *v, Object *name, Object *value);
/* Sets the value of shared key [ix] in [v] to [value] (reference taken). */
void dict_values_put(DictValues *v, ssize_t ix, Object *value);
/* The split dict over [k] that takes [v] over (its owner drops [v]). */
Object *dict_from_values(DictKeys *k, DictValues *v);
/* An empty split dict over [k], with values of its own. */
Object *dict_new_shared(DictKeys *k);

/* Frees the dicts and keys objects parked on the free lists (a full
 * collection, exit). */
void dict_clear_freelists(void);
/* The free-list line of sys._debugmallocstats() (dicts only, as CPython's). */
void dict_print_freelist(FILE *out);

extern Type dict_keys_type, dict_values_type, dict_items_type;
extern Type dict_keyiter_type, dict_valueiter_type, dict_itemiter_type;
extern Type dict_revkeyiter_type, dict_revvalueiter_type, dict_revitemiter_type;

#endif
