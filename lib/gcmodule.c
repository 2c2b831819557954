/* gcmodule.c — the gc module: the Python face of the collector in mem/gc.c. */
#include <limits.h>
#include "lib.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/tuple.h"
#include "../vm/list.h"
#include "../vm/dict.h"
#include "../vm/args.h"
#include "../mem/gc.h"

#define NO_SELF (void)self

/* gc.garbage and gc.callbacks as the module made them: as in CPython, the
 * collector keeps using these lists even if the names are rebound.  Made
 * by the first import, they live until the collector releases the hooks
 * (vm_fini replaces them before the modules go). */
static Object *garbage_list, *callbacks_list;

static void save_garbage(Object *o)
{
    if (garbage_list && list_append(garbage_list, o) < 0)
        err_clear();
}

/* Calls callbacks[i](phase, info) for each index of the live list, reading
 * its size again after every call (a callback may change the list). */
static void call_callbacks(Object *phase, Object *info)
{
    for (ssize_t i = 0; i < SIZE(callbacks_list); i++) {
        Object *cb = NEWREF(LIST_GET(callbacks_list, i));
        Object *args[2] = {phase, info};
        Object *r = obj_call(cb, args, 2, NULL);
        if (r)
            DECREF(r);
        else
            err_write_unraisable(cb);
        DECREF(cb);
    }
}

/* The info dict of a callback: generation, collected, uncollectable. */
static Object *callback_info(int generation, ssize_t collected, ssize_t uncollectable)
{
    Object *info = dict_new();
    Object *g = int_from_long(generation), *c = int_from_ssize(collected),
           *u = int_from_ssize(uncollectable);
    if (!(info && g && c && u && dict_setitem_str(info, "generation", g) == 0 &&
          dict_setitem_str(info, "collected", c) == 0 &&
          dict_setitem_str(info, "uncollectable", u) == 0))
        CLEAR(info);
    XDECREF(g);
    XDECREF(c);
    XDECREF(u);
    return info;
}

/* Calls every gc.callbacks entry with ("start" | "stop", info). */
static void phase_hook(bool start, int generation, ssize_t collected, ssize_t uncollectable)
{
    if (!callbacks_list || SIZE(callbacks_list) == 0)
        return;
    Object *saved = err_fetch();
    Object *phase = str_from_cstr(start ? "start" : "stop");
    Object *info = phase ? callback_info(generation, collected, uncollectable) : NULL;
    if (info)
        call_callbacks(phase, info);
    err_clear();
    XDECREF(phase);
    XDECREF(info);
    err_restore(saved);
}

/* No automatic collection while an exception is pending (CPython's rule). */
static bool can_collect(void)
{
    return !err_occurred();
}

/* The hooks are being replaced: the module's lists are no longer used. */
static void release_hooks(void)
{
    CLEAR(garbage_list);
    CLEAR(callbacks_list);
}

/* [o] (an int or an object with __index__) as a C int, with CPython's
 * messages: PyArg_ParseTuple's "i" when [ranged] (naming the limit crossed;
 * beyond a C long, PyLong_AsLong's), else argument clinic's int (one message
 * for any size). */
static int int_arg(Object *o, bool ranged, int *out)
{
    long v = int_as_long(o);
    if (v == -1 && err_occurred()) {
        if (ranged || !err_matches(exc_OverflowError))
            return -1;
        err_clear();
        v = LONG_MAX;           /* beyond a C long: too large for a C int too */
    }
    if (v >= INT_MIN && v <= INT_MAX) {
        *out = (int)v;
        return 0;
    }
    if (!ranged)
        err_format(exc_OverflowError, "Python int too large to convert to C int");
    else
        err_format(exc_OverflowError, v > INT_MAX ? "signed integer is greater than maximum"
                                                  : "signed integer is less than minimum");
    return -1;
}

static Object *gc_collect_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"generation", NULL};
    Object *a[1] = {NULL};
    int g = 2;
    if (args_parse("collect", args, nargs, kwnames, kw, 0, 1, a) < 0 || (a[0] && int_arg(a[0], false, &g) < 0))
        return NULL;
    if (g < 0 || g > 2)
        return err_format(exc_ValueError, "invalid generation");
    ssize_t n = gc_collect(g);
    if (err_occurred())
        return NULL;
    return int_from_ssize(n);
}

static Object *gc_enable_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("gc.enable", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    gc_enable(true);
    return none_new();
}

static Object *gc_disable_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("gc.disable", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    gc_enable(false);
    return none_new();
}

static Object *gc_isenabled_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("gc.isenabled", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return bool_from(gc_is_enabled());
}

/* A tuple of get(0), get(1), get(2), read before the tuple is made (so
 * that get_count() does not count its own result). */
static Object *three_ints(int (*get)(int))
{
    int v[3] = {get(0), get(1), get(2)};
    Object *t = tuple_new(3);
    if (!t)
        return NULL;
    for (int i = 0; i < 3; i++)
        if (!(TUPLE_ITEMS(t)[i] = int_from_long(v[i]))) {
            DECREF(t);
            return NULL;
        }
    return t;
}

static Object *gc_get_count_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("gc.get_count", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return three_ints(gc_get_count);
}

static Object *gc_get_threshold_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("gc.get_threshold", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return three_ints(gc_get_threshold);
}

/* set_threshold(threshold0[, threshold1[, threshold2]]): each value is
 * stored as soon as it is converted, as CPython does. */
static Object *gc_set_threshold_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_no_keywords("set_threshold", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 3)
        return err_format(exc_TypeError, "set_threshold() takes at %s (%zd given)",
                          nargs < 1 ? "least 1 argument" : "most 3 arguments", nargs);
    for (int i = 0; i < nargs; i++) {
        int v;
        if (int_arg(args[i], true, &v) < 0)
            return NULL;
        gc_set_threshold(i, v);
    }
    return none_new();
}

static int append_object(Object *o, void *list)
{
    return o == list ? 0 : list_append(list, o);
}

/* get_objects' generation: None or -1 (every generation), or 0..2; other
 * values raise as CPython's Py_ssize_t-or-None converter and checks. */
static int objects_generation_arg(Object *o, int *out)
{
    *out = -1;
    if (!o || o == None)
        return 0;
    if (!TYPE(o)->nb_index)
        return err_format(exc_TypeError, "argument should be integer or None, not '%T'", o), -1;
    ssize_t g = num_as_ssize(o, exc_OverflowError);
    if (g == -1 && err_occurred())
        return -1;
    if (g >= 3)
        return err_format(exc_ValueError, "generation parameter must be less than the number "
                                          "of available generations (3)"), -1;
    if (g < -1)
        return err_format(exc_ValueError, "generation parameter cannot be negative"), -1;
    *out = (int)g;
    return 0;
}

static Object *gc_get_objects_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"generation", NULL};
    Object *a[1] = {NULL};
    int g;
    if (args_parse("get_objects", args, nargs, kwnames, kw, 0, 1, a) < 0 ||
        objects_generation_arg(a[0], &g) < 0)
        return NULL;
    Object *l = list_new(0);
    if (l && gc_each_object(g, append_object, l) < 0)
        CLEAR(l);
    return l;
}

/* get_referrers: objects whose traverse visits one of the targets. */
typedef struct {
    Object *const *targets;
    ssize_t n;
} Targets;

static int visit_is_target(Object *o, void *arg)
{
    Targets *t = arg;
    for (ssize_t i = 0; i < t->n; i++)
        if (o == t->targets[i])
            return 1;
    return 0;
}

typedef struct {
    Targets targets;
    Object *result;
} ReferrerSearch;

static int check_referrer(Object *o, void *arg)
{
    ReferrerSearch *s = arg;
    if (o == s->result || !TYPE(o)->traverse)
        return 0;
    if (TYPE(o)->traverse(o, visit_is_target, &s->targets))
        return list_append(s->result, o);
    return 0;
}

static Object *gc_get_referrers_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_no_keywords("get_referrers", kwnames) < 0)
        return NULL;
    ReferrerSearch s = {{args, nargs}, list_new(0)};
    if (s.result && gc_each_object(-1, check_referrer, &s) < 0)
        CLEAR(s.result);
    return s.result;
}

static int append_referent(Object *o, void *list)
{
    return list_append(list, o) < 0 ? -1 : 0;
}

static Object *gc_get_referents_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_no_keywords("get_referents", kwnames) < 0)
        return NULL;
    Object *l = list_new(0);
    for (ssize_t i = 0; l && i < nargs; i++) {
        Object *o = args[i];
        if (!obj_is_gc(o) || !TYPE(o)->traverse)
            continue;
        if (TYPE(o)->traverse(o, append_referent, l))
            CLEAR(l);
    }
    return l;
}

static Object *gc_is_tracked_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("gc.is_tracked", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    return bool_from(gc_is_tracked(o));
}

static Object *gc_is_finalized_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("gc.is_finalized", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    return bool_from(gc_is_finalized(o));
}

static Object *gc_get_stats_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("gc.get_stats", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    Object *l = list_new(0);
    for (int i = 0; l && i < 3; i++) {
        GCStats st = gc_get_stats(i);
        Object *d = dict_new();
        Object *a = int_from_ssize(st.collections), *b = int_from_ssize(st.collected),
               *c = int_from_ssize(st.uncollectable);
        bool ok = d && a && b && c && dict_setitem_str(d, "collections", a) == 0 &&
                  dict_setitem_str(d, "collected", b) == 0 &&
                  dict_setitem_str(d, "uncollectable", c) == 0 && list_append(l, d) == 0;
        XDECREF(d);
        XDECREF(a);
        XDECREF(b);
        XDECREF(c);
        if (!ok)
            CLEAR(l);
    }
    return l;
}

static Object *gc_freeze_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("gc.freeze", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    gc_freeze();
    return none_new();
}

static Object *gc_unfreeze_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("gc.unfreeze", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    gc_unfreeze();
    return none_new();
}

static Object *gc_get_freeze_count_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("gc.get_freeze_count", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return int_from_ssize(gc_freeze_count());
}

static Object *gc_set_debug_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *f;
    if (args_positional("gc.set_debug", args, nargs, kwnames, 1, 1, &f) < 0)
        return NULL;
    int v;
    if (int_arg(f, false, &v) < 0)
        return NULL;
    gc_set_debug(v);
    return none_new();
}

static Object *gc_get_debug_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("gc.get_debug", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return int_from_long(gc_get_debug());
}

static const MethodDef gc_functions[] = {
    {"collect", gc_collect_fn, 0, NULL},
    {"enable", gc_enable_fn, 0, NULL},
    {"disable", gc_disable_fn, 0, NULL},
    {"isenabled", gc_isenabled_fn, 0, NULL},
    {"get_count", gc_get_count_fn, 0, NULL},
    {"get_threshold", gc_get_threshold_fn, 0, NULL},
    {"set_threshold", gc_set_threshold_fn, 0, NULL},
    {"get_objects", gc_get_objects_fn, 0, NULL},
    {"get_referrers", gc_get_referrers_fn, 0, NULL},
    {"get_referents", gc_get_referents_fn, 0, NULL},
    {"is_tracked", gc_is_tracked_fn, 0, NULL},
    {"is_finalized", gc_is_finalized_fn, 0, NULL},
    {"get_stats", gc_get_stats_fn, 0, NULL},
    {"freeze", gc_freeze_fn, 0, NULL},
    {"unfreeze", gc_unfreeze_fn, 0, NULL},
    {"get_freeze_count", gc_get_freeze_count_fn, 0, NULL},
    {"set_debug", gc_set_debug_fn, 0, NULL},
    {"get_debug", gc_get_debug_fn, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* Makes gc.garbage and gc.callbacks the first time; later imports of the
 * module share them, as CPython's. */
static int make_lists(void)
{
    if (!garbage_list && !(garbage_list = list_new(0)))
        return -1;
    if (!callbacks_list && !(callbacks_list = list_new(0)))
        return -1;
    return 0;
}

Object *lib_gc_init(void)
{
    static const GCHooks hooks = {
        .phase = phase_hook, .save_garbage = save_garbage,
        .can_collect = can_collect, .release = release_hooks,
    };
    gc_set_hooks(&hooks);
    if (make_lists() < 0)
        return NULL;
    Object *m = module_new("gc");
    if (!m)
        return NULL;
    static const struct { const char *name; int value; } consts[] = {
        {"DEBUG_STATS", GC_DEBUG_STATS}, {"DEBUG_COLLECTABLE", GC_DEBUG_COLLECTABLE},
        {"DEBUG_UNCOLLECTABLE", GC_DEBUG_UNCOLLECTABLE}, {"DEBUG_SAVEALL", GC_DEBUG_SAVEALL},
        {"DEBUG_LEAK", GC_DEBUG_LEAK},
    };
    if (module_add_functions(m, gc_functions) < 0 ||
        module_add(m, "garbage", NEWREF(garbage_list)) < 0 ||
        module_add(m, "callbacks", NEWREF(callbacks_list)) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (module_add(m, consts[i].name, int_from_long(consts[i].value)) < 0)
            goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
