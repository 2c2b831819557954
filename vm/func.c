/* func.c — function objects, bound methods, cells, built-in functions and
 * methods, property, staticmethod, classmethod and super. */
#include <string.h>
#include "func.h"
#include "errors.h"
#include "interp.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "dict.h"
#include "type.h"
#include "args.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

/* ---- functions ---- */

#define FUNC(o) ((FunctionObject *)(o))

Object *func_new(CodeObject *code, Object *globals, Object *qualname)
{
    FunctionObject *f = (FunctionObject *)obj_alloc(&function_type, 0);
    if (!f)
        return NULL;
    f->code = (CodeObject *)NEWREF(code);
    f->globals = NEWREF(globals);
    f->builtins = NEWREF(vm_ts->interp->builtins);
    f->name = NEWREF(code->name);
    f->qualname = NEWREF(qualname ? qualname : code->name);
    Object *mod = dict_getitem_str(globals, "__name__");
    f->module = XNEWREF(mod);
    Object *doc = SIZE(code->consts) > 0 ? TUPLE_GET(code->consts, 0) : None;
    f->doc = NEWREF(TYPE_CHECK(doc, str_type) && (code->flags & CO_OPTIMIZED) ? doc : None);
    gc_track((Object *)f);
    return (Object *)f;
}

static int func_traverse(Object *o, visitproc visit, void *arg)
{
    FunctionObject *f = FUNC(o);
    /* in CPython's order, which gc.get_referents shows */
    Object *fields[] = {(Object *)f->code, f->globals, f->builtins, f->module, f->defaults,
                        f->kwdefaults, f->doc, f->name, f->dict, f->closure,
                        f->annotations, f->qualname};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && visit(fields[i], arg))
            return 1;
    return 0;
}

static int func_clear(Object *o)
{
    FunctionObject *f = FUNC(o);
    CLEAR(f->globals);
    CLEAR(f->builtins);
    CLEAR(f->module);
    CLEAR(f->doc);
    CLEAR(f->defaults);
    CLEAR(f->kwdefaults);
    CLEAR(f->closure);
    CLEAR(f->annotations);
    CLEAR(f->dict);
    return 0;
}

static void func_dealloc(Object *o)
{
    gc_untrack(o);
    func_clear(o);
    CLEAR(FUNC(o)->code);
    CLEAR(FUNC(o)->name);
    CLEAR(FUNC(o)->qualname);
    obj_free(o);
}

static Object *func_repr(Object *o)
{
    return str_from_format("<function %U at %p>", FUNC(o)->qualname, (void *)o);
}

static Object *func_descr_get(Object *f, Object *obj, Object *type)
{
    (void)type;
    if (!obj)
        return NEWREF(f);
    return method_new(f, obj);
}

static Object *func_call(Object *f, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return vm_call_function(f, args, nargs, kwnames);
}

#define FUNC_ATTR_GETTER(field) \
    static Object *func_get_##field(Object *o, void *c) \
    { (void)c; return NEWREF(FUNC(o)->field ? (Object *)FUNC(o)->field : None); }
FUNC_ATTR_GETTER(code)
FUNC_ATTR_GETTER(globals)
FUNC_ATTR_GETTER(closure)
FUNC_ATTR_GETTER(doc)
FUNC_ATTR_GETTER(module)
FUNC_ATTR_GETTER(builtins)

static Object *func_get_name(Object *o, void *c) { (void)c; return NEWREF(FUNC(o)->name); }
static Object *func_get_qualname(Object *o, void *c) { (void)c; return NEWREF(FUNC(o)->qualname); }

static int set_str_field(Object **field, Object *v, const char *what)
{
    if (!v || !TYPE_CHECK(v, str_type))
        return err_format(exc_TypeError, "%s must be set to a string object", what), -1;
    SETREF(*field, NEWREF(v));
    return 0;
}
static int func_set_name(Object *o, Object *v, void *c) { (void)c; return set_str_field(&FUNC(o)->name, v, "__name__"); }
static int func_set_qualname(Object *o, Object *v, void *c) { (void)c; return set_str_field(&FUNC(o)->qualname, v, "__qualname__"); }
static int func_set_doc(Object *o, Object *v, void *c) { (void)c; SETREF(FUNC(o)->doc, NEWREF(v ? v : None)); return 0; }
static int func_set_module(Object *o, Object *v, void *c) { (void)c; SETREF(FUNC(o)->module, NEWREF(v ? v : None)); return 0; }

static Object *func_get_defaults(Object *o, void *c)
{
    (void)c;
    return NEWREF(FUNC(o)->defaults ? FUNC(o)->defaults : None);
}
static int func_set_defaults(Object *o, Object *v, void *c)
{
    (void)c;
    if (v && v != None && !TYPE_CHECK(v, tuple_type))
        return err_format(exc_TypeError, "__defaults__ must be set to a tuple object"), -1;
    SETREF(FUNC(o)->defaults, (v && v != None && SIZE(v)) ? NEWREF(v) : NULL);
    return 0;
}
static Object *func_get_kwdefaults(Object *o, void *c)
{
    (void)c;
    return NEWREF(FUNC(o)->kwdefaults ? FUNC(o)->kwdefaults : None);
}
static int func_set_kwdefaults(Object *o, Object *v, void *c)
{
    (void)c;
    if (v && v != None && !TYPE_CHECK(v, dict_type))
        return err_format(exc_TypeError, "__kwdefaults__ must be set to a dict object"), -1;
    SETREF(FUNC(o)->kwdefaults, (v && v != None) ? NEWREF(v) : NULL);
    return 0;
}
/* __annotations__: MAKE_FUNCTION stores them as a flat (name, value, ...)
 * tuple, as CPython 3.11 does; the dict is made on first access. */
static Object *func_get_annotations(Object *o, void *c)
{
    (void)c;
    FunctionObject *f = FUNC(o);
    if (f->annotations && TYPE_CHECK(f->annotations, tuple_type)) {
        Object *t = f->annotations, *d = dict_new();
        for (ssize_t i = 0; d && i + 1 < SIZE(t); i += 2)
            if (dict_setitem(d, TUPLE_GET(t, i), TUPLE_GET(t, i + 1)) < 0)
                CLEAR(d);
        if (!d)
            return NULL;
        SETREF(f->annotations, d);
    }
    if (!f->annotations && !(f->annotations = dict_new()))
        return NULL;
    return NEWREF(f->annotations);
}
static int func_set_annotations(Object *o, Object *v, void *c)
{
    (void)c;
    if (v && v != None && !TYPE_CHECK(v, dict_type))
        return err_format(exc_TypeError, "__annotations__ must be set to a dict object"), -1;
    SETREF(FUNC(o)->annotations, (v && v != None) ? NEWREF(v) : NULL);
    return 0;
}
static Object *func_get_dict(Object *o, void *c)
{
    (void)c;
    if (!FUNC(o)->dict && !(FUNC(o)->dict = dict_new()))
        return NULL;
    return NEWREF(FUNC(o)->dict);
}

static const GetSetDef func_getset[] = {
    {"__code__", func_get_code, NULL, NULL},
    {"__globals__", func_get_globals, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL},
    {"__name__", func_get_name, func_set_name, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL},
    {"__module__", func_get_module, func_set_module, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL},
    {"__dict__", func_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type function_type = {
    .base = {{1, &type_type}, 0}, .name = "function", .basicsize = sizeof(FunctionObject),
    .flags = TPFLAG_HAVE_GC, .dealloc = func_dealloc, .repr = func_repr,
    .call = func_call, .descr_get = func_descr_get, .traverse = func_traverse,
    .clear = func_clear, .getset = func_getset, .dictoffset = offsetof(FunctionObject, dict),
};

/* ---- bound methods ---- */

#define METH(o) ((MethodObject *)(o))

Object *method_new(Object *func, Object *self)
{
    MethodObject *m = (MethodObject *)obj_alloc(&method_type, 0);
    if (!m)
        return NULL;
    m->func = NEWREF(func);
    m->self = NEWREF(self);
    gc_track((Object *)m);
    return (Object *)m;
}

static void method_dealloc(Object *o)
{
    gc_untrack(o);
    CLEAR(METH(o)->func);
    CLEAR(METH(o)->self);
    obj_free(o);
}

static int method_traverse(Object *o, visitproc visit, void *arg)
{
    if (METH(o)->func && visit(METH(o)->func, arg))
        return 1;
    return METH(o)->self ? visit(METH(o)->self, arg) : 0;
}

static Object *method_call(Object *o, Object *const *args, ssize_t nargs, Object *kwnames)
{
    MethodObject *m = METH(o);
    ssize_t total = nargs + (kwnames ? SIZE(kwnames) : 0);
    Object *small[8];
    Object **stack = total < 8 ? small : mem_malloc((size_t)(total + 1) * sizeof(Object *));
    if (!stack)
        return err_nomemory();
    stack[0] = m->self;
    if (total)
        memcpy(stack + 1, args, (size_t)total * sizeof(Object *));
    Object *r = obj_call(m->func, stack, nargs + 1, kwnames);
    if (stack != small)
        mem_free(stack);
    return r;
}

static Object *method_repr(Object *o)
{
    MethodObject *m = METH(o);
    Object *name = obj_getattr_str(m->func, "__qualname__");
    if (!name) {
        err_clear();
        name = str_from_cstr("?");
        if (!name)
            return NULL;
    }
    Object *self_repr = obj_repr(m->self);
    Object *r = self_repr ? str_from_format("<bound method %U of %U>", name, self_repr) : NULL;
    DECREF(name);
    XDECREF(self_repr);
    return r;
}

static Object *method_richcompare(Object *a, Object *b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_TYPE(b, method_type))
        return NEWREF(NotImplemented);
    bool eq = METH(a)->func == METH(b)->func && METH(a)->self == METH(b)->self;
    return bool_from(eq == (op == CMP_EQ));
}

static hash_t method_hash(Object *o)
{
    hash_t a = obj_hash(METH(o)->self), b = obj_hash(METH(o)->func);
    if (a == -1 || b == -1)
        return -1;
    hash_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static Object *method_getattr(Object *o, Object *name)
{
    Object *r = obj_generic_getattr(o, name);
    if (r || !err_matches(exc_AttributeError))
        return r;
    err_clear();
    return obj_getattr(METH(o)->func, name);
}

static Object *method_get_func(Object *o, void *c) { (void)c; return NEWREF(METH(o)->func); }
static Object *method_get_self(Object *o, void *c) { (void)c; return NEWREF(METH(o)->self); }

static const GetSetDef method_getset[] = {
    {"__func__", method_get_func, NULL, NULL},
    {"__self__", method_get_self, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type method_type = {
    .base = {{1, &type_type}, 0}, .name = "method", .basicsize = sizeof(MethodObject),
    .flags = TPFLAG_HAVE_GC, .dealloc = method_dealloc, .repr = method_repr,
    .call = method_call, .traverse = method_traverse, .richcompare = method_richcompare,
    .hash = method_hash, .getattr = method_getattr, .getset = method_getset,
};

/* ---- cells ---- */

Object *cell_new(Object *ref)
{
    CellObject *c = (CellObject *)obj_alloc(&cell_type, 0);
    if (!c)
        return NULL;
    c->ref = XNEWREF(ref);
    gc_track((Object *)c);
    return (Object *)c;
}

static void cell_dealloc(Object *o)
{
    gc_untrack(o);
    CLEAR(((CellObject *)o)->ref);
    obj_free(o);
}

static int cell_traverse(Object *o, visitproc visit, void *arg)
{
    Object *r = ((CellObject *)o)->ref;
    return r ? visit(r, arg) : 0;
}

static int cell_clear(Object *o)
{
    CLEAR(((CellObject *)o)->ref);
    return 0;
}

static Object *cell_repr(Object *o)
{
    Object *r = ((CellObject *)o)->ref;
    if (!r)
        return str_from_format("<cell at %p: empty>", (void *)o);
    return str_from_format("<cell at %p: %s object at %p>", (void *)o, TYPE(r)->name, (void *)r);
}

static Object *cell_get_contents(Object *o, void *c)
{
    (void)c;
    Object *r = ((CellObject *)o)->ref;
    if (!r)
        return err_format(exc_ValueError, "Cell is empty");
    return NEWREF(r);
}

static int cell_set_contents(Object *o, Object *v, void *c)
{
    (void)c;
    SETREF(((CellObject *)o)->ref, XNEWREF(v));
    return 0;
}

static const GetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL},
    {NULL, NULL, NULL, NULL},
};

Type cell_type = {
    .base = {{1, &type_type}, 0}, .name = "cell", .basicsize = sizeof(CellObject),
    .flags = TPFLAG_HAVE_GC, .dealloc = cell_dealloc, .repr = cell_repr,
    .traverse = cell_traverse, .clear = cell_clear, .getset = cell_getset,
};

/* ---- built-in functions and bound built-in methods ---- */

#define CFUNC(o) ((CFunctionObject *)(o))

Object *cfunction_new(const MethodDef *def, Object *self, Object *module)
{
    CFunctionObject *f = (CFunctionObject *)obj_alloc(&cfunction_type, 0);
    if (!f)
        return NULL;
    f->def = def;
    f->self = XNEWREF(self);
    f->module = XNEWREF(module);
    gc_track((Object *)f);
    return (Object *)f;
}

static void cfunction_dealloc(Object *o)
{
    gc_untrack(o);
    CLEAR(CFUNC(o)->self);
    CLEAR(CFUNC(o)->module);
    obj_free(o);
}

static int cfunction_traverse(Object *o, visitproc visit, void *arg)
{
    if (CFUNC(o)->self && visit(CFUNC(o)->self, arg))
        return 1;
    return CFUNC(o)->module ? visit(CFUNC(o)->module, arg) : 0;
}

static Object *cfunction_call(Object *o, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return CFUNC(o)->def->func(CFUNC(o)->self, args, nargs, kwnames);
}

static Object *cfunction_repr(Object *o)
{
    CFunctionObject *f = CFUNC(o);
    if (!f->self || IS_TYPE(f->self, module_type))
        return str_from_format("<built-in function %s>", f->def->name);
    return str_from_format("<built-in method %s of %s object at %p>", f->def->name,
                           TYPE(f->self)->name, (void *)f->self);
}

static Object *cfunction_get_name(Object *o, void *c) { (void)c; return str_from_cstr(CFUNC(o)->def->name); }
static Object *cfunction_get_self(Object *o, void *c)
{
    (void)c;
    return NEWREF(CFUNC(o)->self ? CFUNC(o)->self : None);
}
static Object *cfunction_get_doc(Object *o, void *c)
{
    (void)c;
    const char *d = CFUNC(o)->def->doc;
    return d ? str_from_cstr(d) : none_new();
}
static Object *cfunction_get_module(Object *o, void *c)
{
    (void)c;
    return NEWREF(CFUNC(o)->module ? CFUNC(o)->module : None);
}

static const GetSetDef cfunction_getset[] = {
    {"__name__", cfunction_get_name, NULL, NULL},
    {"__qualname__", cfunction_get_name, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL},
    {"__doc__", cfunction_get_doc, NULL, NULL},
    {"__module__", cfunction_get_module, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Object *cfunction_richcompare(Object *a, Object *b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_TYPE(b, cfunction_type))
        return NEWREF(NotImplemented);
    bool eq = CFUNC(a)->def == CFUNC(b)->def && CFUNC(a)->self == CFUNC(b)->self;
    return bool_from(eq == (op == CMP_EQ));
}

static hash_t cfunction_hash(Object *o)
{
    return (hash_t)((uintptr_t)CFUNC(o)->def >> 3) ^ (hash_t)((uintptr_t)CFUNC(o)->self >> 4);
}

Type cfunction_type = {
    .base = {{1, &type_type}, 0}, .name = "builtin_function_or_method",
    .basicsize = sizeof(CFunctionObject), .flags = TPFLAG_HAVE_GC,
    .dealloc = cfunction_dealloc, .repr = cfunction_repr, .call = cfunction_call,
    .traverse = cfunction_traverse, .getset = cfunction_getset,
    .richcompare = cfunction_richcompare, .hash = cfunction_hash,
};

/* ---- staticmethod and classmethod ---- */

typedef struct {
    Object base;
    Object *callable;
    Object *dict;
} WrapObject;

#define WRAP(o) ((WrapObject *)(o))

static Object *wrap_new(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *f;
    if (args_positional(t->name, args, nargs, kwnames, 1, 1, &f) < 0)
        return NULL;
    WrapObject *w = (WrapObject *)obj_alloc(t, 0);
    if (!w)
        return NULL;
    w->callable = NEWREF(f);
    gc_track((Object *)w);
    return (Object *)w;
}

static int wrap_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return 0;
}

static void wrap_dealloc(Object *o)
{
    gc_untrack(o);
    CLEAR(WRAP(o)->callable);
    CLEAR(WRAP(o)->dict);
    obj_free(o);
}

static int wrap_traverse(Object *o, visitproc visit, void *arg)
{
    if (WRAP(o)->callable && visit(WRAP(o)->callable, arg))
        return 1;
    return WRAP(o)->dict ? visit(WRAP(o)->dict, arg) : 0;
}

static int wrap_clear(Object *o)
{
    CLEAR(WRAP(o)->callable);
    CLEAR(WRAP(o)->dict);
    return 0;
}

static Object *staticmethod_get(Object *o, Object *obj, Object *type)
{
    (void)obj; (void)type;
    return NEWREF(WRAP(o)->callable);
}

static Object *staticmethod_call(Object *o, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return obj_call(WRAP(o)->callable, args, nargs, kwnames);
}

static Object *classmethod_get(Object *o, Object *obj, Object *type)
{
    if (!type)
        type = (Object *)TYPE(obj);
    return method_new(WRAP(o)->callable, type);
}

static Object *wrap_get_func(Object *o, void *c) { (void)c; return NEWREF(WRAP(o)->callable); }

static const GetSetDef wrap_getset[] = {
    {"__func__", wrap_get_func, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type staticmethod_type = {
    .base = {{1, &type_type}, 0}, .name = "staticmethod", .basicsize = sizeof(WrapObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC, .dealloc = wrap_dealloc,
    .traverse = wrap_traverse, .clear = wrap_clear, .new_ = wrap_new, .init = wrap_init,
    .descr_get = staticmethod_get, .call = staticmethod_call, .getset = wrap_getset,
    .dictoffset = offsetof(WrapObject, dict),
};

Type classmethod_type = {
    .base = {{1, &type_type}, 0}, .name = "classmethod", .basicsize = sizeof(WrapObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC, .dealloc = wrap_dealloc,
    .traverse = wrap_traverse, .clear = wrap_clear, .new_ = wrap_new, .init = wrap_init,
    .descr_get = classmethod_get, .getset = wrap_getset,
    .dictoffset = offsetof(WrapObject, dict),
};

/* ---- property ---- */

typedef struct {
    Object base;
    Object *fget, *fset, *fdel, *doc;
} PropertyObject;

#define PROP(o) ((PropertyObject *)(o))

static Object *property_new(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kw[] = {"fget", "fset", "fdel", "doc", NULL};
    Object *a[4];
    if (args_parse("property", args, nargs, kwnames, kw, 0, 4, a) < 0)
        return NULL;
    PropertyObject *p = (PropertyObject *)obj_alloc(t, 0);
    if (!p)
        return NULL;
    p->fget = a[0] && a[0] != None ? NEWREF(a[0]) : NULL;
    p->fset = a[1] && a[1] != None ? NEWREF(a[1]) : NULL;
    p->fdel = a[2] && a[2] != None ? NEWREF(a[2]) : NULL;
    p->doc = a[3] && a[3] != None ? NEWREF(a[3]) : NULL;
    gc_track((Object *)p);
    return (Object *)p;
}

static int property_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return 0;
}

static void property_dealloc(Object *o)
{
    gc_untrack(o);
    CLEAR(PROP(o)->fget);
    CLEAR(PROP(o)->fset);
    CLEAR(PROP(o)->fdel);
    CLEAR(PROP(o)->doc);
    obj_free(o);
}

static int property_traverse(Object *o, visitproc visit, void *arg)
{
    Object *f[] = {PROP(o)->fget, PROP(o)->fset, PROP(o)->fdel, PROP(o)->doc};
    for (int i = 0; i < 4; i++)
        if (f[i] && visit(f[i], arg))
            return 1;
    return 0;
}

static Object *property_get(Object *o, Object *obj, Object *type)
{
    (void)type;
    if (!obj)
        return NEWREF(o);
    if (!PROP(o)->fget)
        return err_format(exc_AttributeError, "property object has no getter");
    return obj_call1(PROP(o)->fget, obj);
}

static int property_set(Object *o, Object *obj, Object *value)
{
    Object *f = value ? PROP(o)->fset : PROP(o)->fdel;
    if (!f)
        return err_format(exc_AttributeError, value ? "can't set attribute" : "can't delete attribute"), -1;
    Object *args[2] = {obj, value};
    Object *r = obj_call(f, args, value ? 2 : 1, NULL);
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

/* A copy of the property with one accessor replaced (property.setter etc.). */
static Object *property_copy(Object *o, int which, Object *f)
{
    Object *a[4] = {PROP(o)->fget, PROP(o)->fset, PROP(o)->fdel, PROP(o)->doc};
    for (int i = 0; i < 4; i++)
        if (!a[i])
            a[i] = None;
    a[which] = f;
    return obj_call((Object *)TYPE(o), a, 4, NULL);
}

static Object *property_getter(Object *o, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *f;
    return args_positional("getter", args, nargs, kw, 1, 1, &f) < 0 ? NULL : property_copy(o, 0, f);
}
static Object *property_setter(Object *o, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *f;
    return args_positional("setter", args, nargs, kw, 1, 1, &f) < 0 ? NULL : property_copy(o, 1, f);
}
static Object *property_deleter(Object *o, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *f;
    return args_positional("deleter", args, nargs, kw, 1, 1, &f) < 0 ? NULL : property_copy(o, 2, f);
}

static const MethodDef property_methods[] = {
    {"getter", property_getter, 0, NULL},
    {"setter", property_setter, 0, NULL},
    {"deleter", property_deleter, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static Object *property_get_fget(Object *o, void *c) { (void)c; return NEWREF(PROP(o)->fget ? PROP(o)->fget : None); }
static Object *property_get_fset(Object *o, void *c) { (void)c; return NEWREF(PROP(o)->fset ? PROP(o)->fset : None); }
static Object *property_get_fdel(Object *o, void *c) { (void)c; return NEWREF(PROP(o)->fdel ? PROP(o)->fdel : None); }

static const GetSetDef property_getset[] = {
    {"fget", property_get_fget, NULL, NULL},
    {"fset", property_get_fset, NULL, NULL},
    {"fdel", property_get_fdel, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type property_type = {
    .base = {{1, &type_type}, 0}, .name = "property", .basicsize = sizeof(PropertyObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC, .dealloc = property_dealloc,
    .traverse = property_traverse, .new_ = property_new, .init = property_init,
    .descr_get = property_get, .descr_set = property_set, .methods = property_methods,
    .getset = property_getset,
};

/* ---- super ---- */

typedef struct {
    Object base;
    Type *type;                 /* the class super() was called in */
    Object *obj;                /* the instance (or class) */
    Type *obj_type;             /* the type whose MRO is searched */
} SuperObject;

#define SUPER(o) ((SuperObject *)(o))

/* super() without arguments: the __class__ cell and the first argument of
 * the calling frame. */
static int super_from_frame(Type **type, Object **obj)
{
    Frame *f = vm_ts->frame;
    if (!f || !f->func)
        return err_format(exc_RuntimeError, "super(): no arguments"), -1;
    CodeObject *co = f->code;
    if (co->argcount == 0)
        return err_format(exc_RuntimeError, "super(): no arguments"), -1;
    Object *first = f->localsplus[0];
    if (first && (co->localspluskinds[0] & CO_KIND_CELL) && IS_TYPE(first, cell_type))
        first = ((CellObject *)first)->ref;
    if (!first)
        return err_format(exc_RuntimeError, "super(): arg[0] deleted"), -1;
    for (int i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus; i++) {
        Object *name = TUPLE_GET(co->localsplusnames, i);
        if (str_eq_cstr(name, "__class__")) {
            Object *cell = f->localsplus[i];
            Object *cls = cell ? ((CellObject *)cell)->ref : NULL;
            if (!cls)
                return err_format(exc_RuntimeError, "super(): empty __class__ cell"), -1;
            if (!TYPE_CHECK(cls, type_type))
                return err_format(exc_RuntimeError, "super(): __class__ is not a type (%T)", cls), -1;
            *type = (Type *)cls;
            *obj = first;
            return 0;
        }
    }
    return err_format(exc_RuntimeError, "super(): __class__ cell not found"), -1;
}

static Object *super_new(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[2] = {NULL, NULL};
    if (args_positional("super", args, nargs, kwnames, 0, 2, a) < 0)
        return NULL;
    Type *type;
    Object *obj = a[1];
    if (!a[0]) {
        if (super_from_frame(&type, &obj) < 0)
            return NULL;
    } else {
        if (!TYPE_CHECK(a[0], type_type))
            return err_format(exc_TypeError, "super() argument 1 must be a type, not %T", a[0]);
        type = (Type *)a[0];
    }
    Type *obj_type = NULL;
    if (obj) {
        if (TYPE_CHECK(obj, type_type) && type_is_subtype((Type *)obj, type))
            obj_type = (Type *)obj;
        else if (obj_is_instance_of(obj, type))
            obj_type = TYPE(obj);
        else
            return err_format(exc_TypeError,
                              "super(type, obj): obj must be an instance or subtype of type");
    }
    SuperObject *s = (SuperObject *)obj_alloc(t, 0);
    if (!s)
        return NULL;
    s->type = (Type *)NEWREF(type);
    s->obj = XNEWREF(obj);
    s->obj_type = (Type *)XNEWREF(obj_type);
    gc_track((Object *)s);
    return (Object *)s;
}

static int super_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return 0;
}

static void super_dealloc(Object *o)
{
    gc_untrack(o);
    CLEAR(SUPER(o)->type);
    CLEAR(SUPER(o)->obj);
    CLEAR(SUPER(o)->obj_type);
    obj_free(o);
}

static int super_traverse(Object *o, visitproc visit, void *arg)
{
    if (SUPER(o)->obj && visit(SUPER(o)->obj, arg))
        return 1;
    return visit((Object *)SUPER(o)->type, arg);
}

static Object *super_getattr(Object *o, Object *name)
{
    SuperObject *s = SUPER(o);
    if (s->obj_type && !str_eq_cstr(name, "__class__")) {
        Object *mro = s->obj_type->mro;
        ssize_t i = 0, n = SIZE(mro);
        while (i < n && TUPLE_GET(mro, i) != (Object *)s->type)
            i++;
        for (i++; i < n; i++) {
            Type *b = (Type *)TUPLE_GET(mro, i);
            Object *v = dict_getitem(b->dict, name);
            if (!v)
                continue;
            descrgetfunc get = TYPE(v)->descr_get;
            if (!get)
                return NEWREF(v);
            return get(v, s->obj == (Object *)s->obj_type ? NULL : s->obj, (Object *)s->obj_type);
        }
    }
    return obj_generic_getattr(o, name);
}

static Object *super_repr(Object *o)
{
    SuperObject *s = SUPER(o);
    if (s->obj_type)
        return str_from_format("<super: <class '%s'>, <%s object>>", s->type->name, s->obj_type->name);
    return str_from_format("<super: <class '%s'>, NULL>", s->type->name);
}

Type super_type = {
    .base = {{1, &type_type}, 0}, .name = "super", .basicsize = sizeof(SuperObject),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC, .dealloc = super_dealloc,
    .traverse = super_traverse, .getattr = super_getattr, .new_ = super_new,
    .init = super_init, .repr = super_repr,
};
