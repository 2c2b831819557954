/* suggestions.c — "Did you mean: 'counter'?" for NameError and
 * AttributeError, chosen as CPython 3.11 chooses: the closest candidate by
 * a Levenshtein distance where a case change costs half an edit, among at
 * most 750 candidates, and only when at most a third of the characters
 * would change. */
#include <string.h>
#include "suggestions.h"
#include "errors.h"
#include "interp.h"
#include "str.h"
#include "list.h"
#include "dict.h"
#include "traceback.h"

#define MAX_CANDIDATES 750
#define MAX_NAME 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a = (char)(a + ('a' - 'A'));
    if (b >= 'A' && b <= 'Z')
        b = (char)(b + ('a' - 'A'));
    return a == b ? CASE_COST : MOVE_COST;
}

/* Edit distance between two byte strings, or max_cost + 1 once it is
 * certain to exceed max_cost. */
static size_t distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost)
{
    while (na && nb && a[0] == b[0]) {
        a++, b++;
        na--, nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (na == 0 || nb == 0)
        return (na + nb) * MOVE_COST;
    if (na > MAX_NAME || nb > MAX_NAME)
        return max_cost + 1;
    if (nb < na) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t row[MAX_NAME];
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        size_t diag = result = bi * MOVE_COST;
        size_t minimum = (size_t)-1;
        for (size_t ai = 0; ai < na; ai++) {
            size_t substitute = diag + substitution_cost(b[bi], a[ai]);
            diag = row[ai];
            size_t insdel = (result < diag ? result : diag) + MOVE_COST;
            result = insdel < substitute ? insdel : substitute;
            row[ai] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The closest of the str items of [names] (a list) to [name], or NULL. */
static Object *closest(Object *names, Object *name)
{
    if (!names || SIZE(names) >= MAX_CANDIDATES)
        return NULL;
    ssize_t nlen;
    const char *n = str_as_utf8(name, &nlen);
    if (!n)
        return NULL;
    Object *best = NULL;
    size_t best_dist = (size_t)-1;
    for (ssize_t i = 0; i < SIZE(names); i++) {
        Object *item = LIST_GET(names, i);
        ssize_t ilen;
        const char *s = TYPE_CHECK(item, str_type) ? str_as_utf8(item, &ilen) : NULL;
        if (!s || str_eq(item, name))
            continue;
        size_t max = (size_t)(nlen + ilen + 3) * MOVE_COST / 6;
        if (best_dist - 1 < max)
            max = best_dist - 1;
        size_t d = distance(n, (size_t)nlen, s, (size_t)ilen, max);
        if (d > max)
            continue;
        if (!best || d < best_dist) {
            best = item;
            best_dist = d;
        }
    }
    return best;
}

static Object *exc_attr(Object *exc, const char *name)
{
    Object *d = ((ExceptionObject *)exc)->dict;
    return d ? dict_getitem_str(d, name) : NULL;
}

/* Candidates for a NameError: the innermost frame's local names, then its
 * globals, then the builtins. */
static Object *suggest_name(Object *exc, Object *name)
{
    TracebackObject *tb = (TracebackObject *)((ExceptionObject *)exc)->traceback;
    if (!tb)
        return NULL;
    while (tb->next)
        tb = (TracebackObject *)tb->next;
    Object *r = NULL;
    CodeObject *code = traceback_code(tb);
    Object *globals = traceback_globals(tb);
    if (!code)
        return NULL;
    Object *locals = list_from_iter(code->localsplusnames);
    Object *found = closest(locals, name);
    if (found)
        r = NEWREF(found);
    XDECREF(locals);
    for (int i = 0; !r && i < 2; i++) {
        Object *d = i == 0 ? globals : vm_ts->interp->builtins;
        if (i == 1 && globals) {
            Object *b = dict_getitem_str(globals, "__builtins__");
            if (b && IS_TYPE(b, module_type))
                d = MODULE_DICT(b);
            else if (b && TYPE_CHECK(b, dict_type))
                d = b;
        }
        Object *keys = d ? dict_keys_list(d) : NULL;
        found = closest(keys, name);
        if (found)
            r = NEWREF(found);
        XDECREF(keys);
    }
    return r;
}

/* Candidates for an AttributeError: dir(obj). */
static Object *suggest_attribute(Object *obj, Object *name)
{
    Object *names = obj_call_method(obj, "__dir__", NULL, 0);
    if (!names)
        return NULL;
    if (!IS_TYPE(names, list_type))
        SETREF(names, list_from_iter(names));
    Object *found = names ? closest(names, name) : NULL;
    Object *r = XNEWREF(found);
    XDECREF(names);
    return r;
}

Object *suggestion_for(Object *exc)
{
    Object *saved = err_fetch();
    Object *r = NULL;
    Object *name = exc_attr(exc, "name");
    if (name && TYPE_CHECK(name, str_type)) {
        if (obj_is_instance_of(exc, exc_NameError))
            r = suggest_name(exc, name);
        else if (obj_is_instance_of(exc, exc_AttributeError)) {
            Object *obj = exc_attr(exc, "obj");
            if (obj)
                r = suggest_attribute(obj, name);
        }
    }
    err_clear();
    err_restore(saved);
    return r;
}

int exc_set_name_context(Object *exc, Object *name, Object *obj)
{
    ExceptionObject *e = (ExceptionObject *)exc;
    if (!e->dict && !(e->dict = dict_new()))
        return -1;
    if (dict_setitem_str(e->dict, "name", name) < 0)
        return -1;
    return obj ? dict_setitem_str(e->dict, "obj", obj) : 0;
}
