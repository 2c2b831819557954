/* gcmodule.c — the gc module: the Python face of the collector in mem/gc.c. */
#include "lib.h"
#include "../vm/errors.h"
#include "../vm/interp.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/tuple.h"
#include "../vm/list.h"
#include "../vm/dict.h"
#include "../vm/args.h"
#include "../mem/gc.h"

#define NO_SELF (void)self

/* gc.garbage and gc.callbacks, owned by the module's dict. */
static Object *gc_module_dict;

static Object *module_list(const char *name)
{
    return gc_module_dict ? dict_getitem_str(gc_module_dict, name) : NULL;
}

static void save_garbage(Object *o)
{
    Object *g = module_list("garbage");
    if (g && IS_TYPE(g, list_type) && list_append(g, o) < 0)
        err_clear();
}

/* Calls every gc.callbacks entry with ("start" | "stop", info). */
static void phase_hook(bool start, int generation, ssize_t collected, ssize_t uncollectable)
{
    Object *cbs = module_list("callbacks");
    if (!cbs || !IS_TYPE(cbs, list_type) || SIZE(cbs) == 0)
        return;
    Object *saved = err_fetch();
    Object *phase = str_from_cstr(start ? "start" : "stop");
    Object *info = dict_new();
    Object *g = int_from_long(generation), *c = int_from_ssize(collected),
           *u = int_from_ssize(uncollectable);
    if (phase && info && g && c && u && dict_setitem_str(info, "generation", g) == 0 &&
        dict_setitem_str(info, "collected", c) == 0 &&
        dict_setitem_str(info, "uncollectable", u) == 0) {
        Object *copy = list_from_iter(cbs);
        for (ssize_t i = 0; copy && i < SIZE(copy); i++) {
            Object *args[2] = {phase, info};
            Object *r = obj_call(LIST_GET(copy, i), args, 2, NULL);
            if (r)
                DECREF(r);
            else
                err_write_unraisable(LIST_GET(copy, i));
        }
        XDECREF(copy);
    }
    err_clear();
    XDECREF(phase);
    XDECREF(info);
    XDECREF(g);
    XDECREF(c);
    XDECREF(u);
    err_restore(saved);
}

static int generation_arg(Object *o, int deflt, int *out)
{
    if (!o || o == None) {
        *out = deflt;
        return 0;
    }
    long g = int_as_long(o);
    if (g == -1 && err_occurred())
        return -1;
    if (g < 0 || g > 2)
        return err_format(exc_ValueError, "invalid generation"), -1;
    *out = (int)g;
    return 0;
}

static Object *gc_collect_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"generation", NULL};
    Object *a[1] = {NULL};
    int g;
    if (args_parse("collect", args, nargs, kwnames, kw, 0, 1, a) < 0 || generation_arg(a[0], 2, &g) < 0)
        return NULL;
    ssize_t n = gc_collect(g);
    if (err_occurred())
        return NULL;
    return int_from_ssize(n);
}

static Object *gc_enable_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("enable", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    gc_enable(true);
    return none_new();
}

static Object *gc_disable_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("disable", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    gc_enable(false);
    return none_new();
}

static Object *gc_isenabled_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("isenabled", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return bool_from(gc_is_enabled());
}

static Object *three_ints(int (*get)(int))
{
    Object *t = tuple_new(3);
    if (!t)
        return NULL;
    for (int i = 0; i < 3; i++)
        if (!(TUPLE_ITEMS(t)[i] = int_from_long(get(i)))) {
            DECREF(t);
            return NULL;
        }
    return t;
}

static Object *gc_get_count_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("get_count", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return three_ints(gc_get_count);
}

static Object *gc_get_threshold_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("get_threshold", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return three_ints(gc_get_threshold);
}

static Object *gc_set_threshold_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[3] = {NULL, NULL, NULL};
    if (args_positional("set_threshold", args, nargs, kwnames, 1, 3, a) < 0)
        return NULL;
    int v[3];
    for (int i = 0; i < 3; i++) {
        if (!a[i]) {
            v[i] = gc_get_threshold(i);
            continue;
        }
        long x = int_as_long(a[i]);
        if (x == -1 && err_occurred())
            return NULL;
        v[i] = (int)x;
    }
    for (int i = 0; i < 3; i++)
        gc_set_threshold(i, v[i]);
    return none_new();
}

static int append_object(Object *o, void *list)
{
    return list_append(list, o);
}

static Object *gc_get_objects_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"generation", NULL};
    Object *a[1] = {NULL};
    int g;
    if (args_parse("get_objects", args, nargs, kwnames, kw, 0, 1, a) < 0)
        return NULL;
    if (!a[0] || a[0] == None)
        g = -1;
    else if (generation_arg(a[0], -1, &g) < 0) {
        if (err_matches(exc_ValueError)) {
            err_clear();
            long v = int_as_long(a[0]);
            return err_format(exc_ValueError, v < 0 ? "generation parameter cannot be negative"
                                                    : "generation parameter must be less than the number of available generations (3)");
        }
        return NULL;
    }
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
    if (args_positional("is_tracked", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    return bool_from(gc_is_tracked(o));
}

static Object *gc_is_finalized_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("is_finalized", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    return bool_from(gc_is_finalized(o));
}

static Object *gc_get_stats_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("get_stats", args, nargs, kwnames, 0, 0, NULL) < 0)
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
    if (args_positional("freeze", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    gc_freeze();
    return none_new();
}

static Object *gc_unfreeze_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("unfreeze", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    gc_unfreeze();
    return none_new();
}

static Object *gc_get_freeze_count_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("get_freeze_count", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return int_from_ssize(gc_freeze_count());
}

static Object *gc_set_debug_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *f;
    if (args_positional("set_debug", args, nargs, kwnames, 1, 1, &f) < 0)
        return NULL;
    long v = int_as_long(f);
    if (v == -1 && err_occurred())
        return NULL;
    gc_set_debug((int)v);
    return none_new();
}

static Object *gc_get_debug_fn(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("get_debug", args, nargs, kwnames, 0, 0, NULL) < 0)
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

Object *lib_gc_init(void)
{
    Object *m = module_new("gc");
    if (!m)
        return NULL;
    static const struct { const char *name; int value; } consts[] = {
        {"DEBUG_STATS", GC_DEBUG_STATS}, {"DEBUG_COLLECTABLE", GC_DEBUG_COLLECTABLE},
        {"DEBUG_UNCOLLECTABLE", GC_DEBUG_UNCOLLECTABLE}, {"DEBUG_SAVEALL", GC_DEBUG_SAVEALL},
        {"DEBUG_LEAK", GC_DEBUG_LEAK},
    };
    if (module_add_functions(m, gc_functions) < 0 || module_add(m, "garbage", list_new(0)) < 0 ||
        module_add(m, "callbacks", list_new(0)) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (module_add(m, consts[i].name, int_from_long(consts[i].value)) < 0)
            goto fail;
    gc_module_dict = MODULE_DICT(m);
    static const GCHooks hooks = {phase_hook, save_garbage};
    gc_set_hooks(&hooks);
    return m;
fail:
    DECREF(m);
    return NULL;
}
