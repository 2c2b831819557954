/* util.c — the compiler's growable arrays, pointer-keyed map and
 * SyntaxError helper (see util.h). */
#include <string.h>
#include "util.h"
#include "../mem/mem.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/tuple.h"

int comp_grow(void *items, int *cap, int need, size_t elsize)
{
    void **p = items;
    if (need <= *cap)
        return 0;
    int ncap = *cap ? *cap : 8;
    while (ncap < need)
        ncap *= 2;
    void *n = mem_realloc(*p, (size_t)ncap * elsize);
    if (!n) {
        err_nomemory();
        return -1;
    }
    *p = n;
    *cap = ncap;
    return 0;
}

/* A removed key keeps its slot busy so that probing goes on past it. */
static const char removed_key;
#define REMOVED ((const void *)&removed_key)

static size_t slot_of(const void *key, int cap)
{
    uintptr_t h = (uintptr_t)key >> 3;
    h *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 7) & (size_t)(cap - 1);
}

/* The slot holding [key], or the empty slot where it would go. */
static int find_slot(const PtrMap *m, const void *key)
{
    size_t mask = (size_t)m->cap - 1, i = slot_of(key, m->cap);
    int first_removed = -1;
    while (m->keys[i]) {
        if (m->keys[i] == key)
            return (int)i;
        if (m->keys[i] == REMOVED && first_removed < 0)
            first_removed = (int)i;
        i = (i + 1) & mask;
    }
    return first_removed >= 0 ? first_removed : (int)i;
}

int comp_map_get(const PtrMap *m, const void *key)
{
    if (m->used == 0)
        return -1;
    int i = find_slot(m, key);
    return m->keys[i] == key ? m->vals[i] : -1;
}

static int resize(PtrMap *m)
{
    int ncap = 16;
    while (ncap < (m->used + 1) * 3)
        ncap *= 2;
    const void **keys = mem_calloc((size_t)ncap, sizeof(*keys));
    int *vals = mem_malloc((size_t)ncap * sizeof(*vals));
    if (!keys || !vals) {
        mem_free(keys);
        mem_free(vals);
        err_nomemory();
        return -1;
    }
    PtrMap old = *m;
    m->keys = keys;
    m->vals = vals;
    m->cap = ncap;
    m->used = m->filled = 0;
    for (int i = 0; i < old.cap; i++)
        if (old.keys[i] && old.keys[i] != REMOVED)
            comp_map_put(m, old.keys[i], old.vals[i]);
    mem_free(old.keys);
    mem_free(old.vals);
    return 0;
}

int comp_map_put(PtrMap *m, const void *key, int val)
{
    if ((m->filled + 1) * 3 > m->cap * 2 && resize(m) < 0)
        return -1;
    int i = find_slot(m, key);
    if (m->keys[i] != key) {
        if (!m->keys[i])
            m->filled++;
        m->keys[i] = key;
        m->used++;
    }
    m->vals[i] = val;
    return 0;
}

void comp_map_remove(PtrMap *m, const void *key)
{
    if (m->used == 0)
        return;
    int i = find_slot(m, key);
    if (m->keys[i] == key) {
        m->keys[i] = REMOVED;
        m->used--;
    }
}

const void *comp_map_next(const PtrMap *m, int *pos, int *val)
{
    while (*pos < m->cap) {
        int i = (*pos)++;
        if (m->keys[i] && m->keys[i] != REMOVED) {
            if (val)
                *val = m->vals[i];
            return m->keys[i];
        }
    }
    return NULL;
}

int comp_map_update(PtrMap *dst, const PtrMap *src)
{
    int pos = 0, val;
    const void *key;
    while ((key = comp_map_next(src, &pos, &val)))
        if (comp_map_put(dst, key, val) < 0)
            return -1;
    return 0;
}

void comp_map_free(PtrMap *m)
{
    mem_free(m->keys);
    mem_free(m->vals);
    memset(m, 0, sizeof(*m));
}

/* (filename, line, offset, None, end_line, end_offset): columns count
 * from 1; a negative end column gives end_offset None. */
static Object *error_details(Object *filename, Loc loc)
{
    Object *items[6] = {
        filename ? filename : None, int_from_long(loc.line), int_from_long(loc.col + 1),
        None, int_from_long(loc.end_line),
        loc.end_col < -1 ? NEWREF(None) : int_from_long(loc.end_col + 1)
    };
    Object *t = NULL;
    if (items[1] && items[2] && items[4] && items[5])
        t = tuple_from_array(items, 6);
    for (int i = 1; i < 6; i++)
        if (i != 3)
            XDECREF(items[i]);
    return t;
}

int comp_syntax_error(Object *filename, Loc loc, const char *fmt, Object *arg)
{
    Object *msg = arg ? str_from_format(fmt, arg) : str_from_cstr(fmt);
    Object *details = msg ? error_details(filename, loc) : NULL;
    if (details) {
        Object *args[2] = { msg, details };
        Object *exc = obj_call((Object *)exc_SyntaxError, args, 2, NULL);
        if (exc)
            err_set(exc);
    }
    XDECREF(msg);
    XDECREF(details);
    return -1;
}

static Object *intern(Object *s)
{
    INCREF(s);
    str_intern(&s);
    return s;
}

/* __x is mangled unless it is a dunder, has a dot (a module path), or the
 * class name is all underscores. */
static ssize_t private_start(Object *private_, Object *name)
{
    ssize_t n = STR_LEN(name), p = 0;
    if (n < 2 || str_read(name, 0) != '_' || str_read(name, 1) != '_')
        return -1;
    if ((str_read(name, n - 1) == '_' && str_read(name, n - 2) == '_') ||
        str_find_char(name, '.', 0, n) >= 0)
        return -1;
    while (p < STR_LEN(private_) && str_read(private_, p) == '_')
        p++;
    return p < STR_LEN(private_) ? p : -1;
}

Object *comp_mangle(Object *private_, Object *name)
{
    ssize_t p = private_ ? private_start(private_, name) : -1;
    if (p < 0)
        return intern(name);
    Object *cls = str_substr(private_, p, STR_LEN(private_));
    Object *r = cls ? str_from_format("_%U%U", cls, name) : NULL;
    XDECREF(cls);
    if (r)
        str_intern(&r);
    return r;
}

int comp_too_deep(void)
{
    err_set_str(exc_RecursionError,
                "maximum recursion depth exceeded during compilation");
    return -1;
}
