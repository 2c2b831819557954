/* module.c — module objects, and import of built-in modules through
 * sys.modules and the table lib/ provides. */
#include <string.h>
#include "module.h"
#include "errors.h"
#include "interp.h"
#include "str.h"
#include "dict.h"
#include "func.h"
#include "type.h"
#include "args.h"
#include "../mem/gc.h"

#define MOD(o) ((ModuleObject *)(o))

static int module_init_dict(Object *m, Object *name)
{
    Object *d = MOD(m)->dict;
    if (dict_setitem_str(d, "__name__", name) < 0 || dict_setitem_str(d, "__doc__", None) < 0 ||
        dict_setitem_str(d, "__package__", None) < 0 || dict_setitem_str(d, "__loader__", None) < 0 ||
        dict_setitem_str(d, "__spec__", None) < 0)
        return -1;
    return 0;
}

static Object *module_make(Type *t, Object *name)
{
    ModuleObject *m = (ModuleObject *)obj_alloc(t, 0);
    if (!m)
        return NULL;
    m->name = NEWREF(name);
    if (!(m->dict = dict_new()) || module_init_dict((Object *)m, name) < 0) {
        DECREF(m);
        return NULL;
    }
    gc_track((Object *)m);
    return (Object *)m;
}

Object *module_new(const char *name)
{
    Object *n = str_from_cstr(name);
    if (!n)
        return NULL;
    Object *m = module_make(&module_type, n);
    DECREF(n);
    return m;
}

int module_add(Object *module, const char *name, Object *value)
{
    if (!value)
        return -1;
    int r = dict_setitem_str(MOD(module)->dict, name, value);
    DECREF(value);
    return r;
}

int module_add_functions(Object *module, const MethodDef *defs)
{
    for (const MethodDef *d = defs; d->name; d++)
        if (module_add(module, d->name, cfunction_new(d, module, MOD(module)->name)) < 0)
            return -1;
    return 0;
}

static Object *module_new_slot(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kw[] = {"name", "doc", NULL};
    Object *a[2];
    if (args_parse("module", args, nargs, kwnames, kw, 1, 2, a) < 0)
        return NULL;
    if (!TYPE_CHECK(a[0], str_type))
        return err_format(exc_TypeError, "module.__init__() argument 'name' must be str, not %T", a[0]);
    Object *m = module_make(t, a[0]);
    if (m && a[1] && dict_setitem_str(MOD(m)->dict, "__doc__", a[1]) < 0)
        CLEAR(m);
    return m;
}

static int module_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return 0;
}

static void module_dealloc(Object *o)
{
    gc_untrack(o);
    CLEAR(MOD(o)->dict);
    CLEAR(MOD(o)->name);
    obj_free(o);
}

static int module_traverse(Object *o, visitproc visit, void *arg)
{
    return MOD(o)->dict ? visit(MOD(o)->dict, arg) : 0;
}

static int module_clear(Object *o)
{
    CLEAR(MOD(o)->dict);
    return 0;
}

static Object *module_repr(Object *o)
{
    Object *d = MOD(o)->dict;
    Object *name = d ? dict_getitem_str(d, "__name__") : NULL;
    Object *file = d ? dict_getitem_str(d, "__file__") : NULL;
    if (!name)
        name = MOD(o)->name;
    if (file)
        return str_from_format("<module %R from %R>", name, file);
    return str_from_format("<module %R (built-in)>", name);
}

static Object *module_get_dict(Object *o, void *c) { (void)c; return NEWREF(MOD(o)->dict); }

static const GetSetDef module_getset[] = {
    {"__dict__", module_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type module_type = {
    .base = {{1, &type_type}, 0}, .name = "module", .basicsize = sizeof(ModuleObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC, .dealloc = module_dealloc, .repr = module_repr,
    .traverse = module_traverse, .clear = module_clear, .new_ = module_new_slot,
    .init = module_init, .getset = module_getset, .dictoffset = offsetof(ModuleObject, dict),
};

/* ---- import ---- */

static const BuiltinModule *builtin_table;

void import_set_builtins(const BuiltinModule *table) { builtin_table = table; }

Object *import_builtin(const char *name)
{
    for (const BuiltinModule *b = builtin_table; b && b->name; b++) {
        if (strcmp(b->name, name) != 0)
            continue;
        Object *m = b->init();
        if (!m)
            return NULL;
        if (dict_setitem_str(vm_ts->interp->modules, name, m) < 0) {
            DECREF(m);
            return NULL;
        }
        return m;
    }
    return NULL;
}

Object *import_module(Object *name)
{
    Object *m = dict_getitem(vm_ts->interp->modules, name);
    if (m)
        return NEWREF(m);
    const char *n = str_as_utf8(name, NULL);
    if (!n)
        return NULL;
    m = import_builtin(n);
    if (m || err_occurred())
        return m;
    Object *exc = NULL;
    Object *msg = str_from_format("No module named %R", name);
    if (msg) {
        exc = obj_call1((Object *)exc_ModuleNotFoundError, msg);
        DECREF(msg);
    }
    if (exc) {
        Object *key = str_intern_cstr("name");
        if (key) {
            obj_setattr(exc, key, name);
            DECREF(key);
        }
        err_set(exc);
    }
    return NULL;
}
