/* errors.c — raising and fetching the pending exception, and the built-in
 * exception types (BaseException and its family tree, as CPython 3.11's).
 *
 * Exception types are static-like types made once at start-up from a table;
 * every instance is an ExceptionObject whose extra attributes (SystemExit's
 * code, SyntaxError's lineno, ...) live in its own dict.
 */
#include <stdarg.h>
#include <string.h>
#include "errors.h"
#include "interp.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "dict.h"
#include "args.h"
#include "traceback.h"
#include "type.h"
#include "../mem/gc.h"

Type *exc_BaseException, *exc_Exception, *exc_TypeError, *exc_ValueError,
    *exc_NameError, *exc_UnboundLocalError, *exc_AttributeError, *exc_KeyError,
    *exc_IndexError, *exc_LookupError, *exc_ZeroDivisionError, *exc_ArithmeticError,
    *exc_OverflowError, *exc_RuntimeError, *exc_RecursionError,
    *exc_NotImplementedError, *exc_StopIteration, *exc_MemoryError,
    *exc_SyntaxError, *exc_IndentationError, *exc_TabError, *exc_SystemExit,
    *exc_KeyboardInterrupt, *exc_ImportError, *exc_ModuleNotFoundError,
    *exc_AssertionError, *exc_UnicodeError, *exc_UnicodeDecodeError,
    *exc_UnicodeEncodeError, *exc_OSError, *exc_FileNotFoundError, *exc_EOFError,
    *exc_GeneratorExit, *exc_BufferError, *exc_SystemError;

/* ---- the pending exception ---- */

Object *err_occurred(void) { return vm_ts->exc; }

void err_clear(void) { CLEAR(vm_ts->exc); }

Object *err_fetch(void)
{
    Object *e = vm_ts->exc;
    vm_ts->exc = NULL;
    return e;
}

void err_restore(Object *exc) { SETREF(vm_ts->exc, exc); }

/* Links [exc] to the exception being handled, as its __context__, breaking
 * any loop that would make the chain circular. */
static void set_context(ExceptionObject *exc)
{
    Object *handled = vm_ts->handled;
    if (!handled || handled == (Object *)exc || exc->context)
        return;
    for (ExceptionObject *e = (ExceptionObject *)handled; e->context;
         e = (ExceptionObject *)e->context) {
        if (e->context == (Object *)exc) {
            CLEAR(e->context);
            break;
        }
    }
    exc->context = NEWREF(handled);
}

void err_set(Object *exc)
{
    set_context((ExceptionObject *)exc);
    SETREF(vm_ts->exc, exc);
}

bool err_matches(Type *type)
{
    return vm_ts->exc && obj_is_instance_of(vm_ts->exc, type);
}

Object *exc_new(Type *type, Object *args)
{
    return obj_call(type == NULL ? NULL : (Object *)type,
                    args ? TUPLE_ITEMS(args) : NULL, args ? SIZE(args) : 0, NULL);
}

void err_set_obj(Type *type, Object *value)
{
    Object *exc = obj_call((Object *)type, value ? &value : NULL, value ? 1 : 0, NULL);
    if (exc)
        err_set(exc);
}

void err_set_str(Type *type, const char *msg)
{
    Object *s = str_from_cstr(msg);
    if (!s)
        return;
    err_set_obj(type, s);
    DECREF(s);
}

Object *err_format(Type *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Object *s = str_from_vformat(fmt, ap);
    va_end(ap);
    if (s) {
        err_set_obj(type, s);
        DECREF(s);
    }
    return NULL;
}

/* One MemoryError instance is kept ready so raising it needs no memory. */
static Object *memory_error_inst;

Object *err_nomemory(void)
{
    if (memory_error_inst) {
        ExceptionObject *e = (ExceptionObject *)memory_error_inst;
        CLEAR(e->traceback);
        CLEAR(e->context);
        err_set(NEWREF(memory_error_inst));
    }
    return NULL;
}

void err_write_unraisable(Object *obj)
{
    Object *exc = err_fetch();
    if (!exc)
        return;
    fflush(stdout);
    Object *r = obj ? obj_repr(obj) : NULL;
    const char *text = r ? str_as_utf8(r, NULL) : NULL;
    if (!r)
        err_clear();
    fprintf(stderr, "Exception ignored in: %s\n", text ? text : "<object repr() failed>");
    XDECREF(r);
    traceback_print(exc, stderr);
    DECREF(exc);
}

bool exc_matches(Object *exc, Object *cls)
{
    if (TYPE_CHECK(cls, tuple_type)) {
        for (ssize_t i = 0; i < SIZE(cls); i++)
            if (exc_matches(exc, TUPLE_GET(cls, i)))
                return true;
        return false;
    }
    return TYPE_CHECK(cls, type_type) && type_is_subtype(TYPE(exc), (Type *)cls);
}

/* ---- BaseException ---- */

#define EXC(o) ((ExceptionObject *)(o))

static Object *exc_new_slot(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)kwnames;
    Object *self = obj_alloc(t, 0);
    if (!self)
        return NULL;
    EXC(self)->args = tuple_from_array(args, nargs);
    if (!EXC(self)->args) {
        DECREF(self);
        return NULL;
    }
    gc_track(self);
    return self;
}

/* Sets an attribute in the instance's own dict. */
static int exc_set_attr(Object *self, const char *name, Object *v)
{
    if (!EXC(self)->dict && !(EXC(self)->dict = dict_new()))
        return -1;
    return dict_setitem_str(EXC(self)->dict, name, v);
}

/* Stores the attributes that some exception families derive from their
 * arguments (SystemExit.code, StopIteration.value, SyntaxError's fields). */
static int exc_init_attributes(Object *self)
{
    Object *args = EXC(self)->args;
    ssize_t n = SIZE(args);
    Object *first = n > 0 ? TUPLE_GET(args, 0) : None;
    if (obj_is_instance_of(self, exc_SystemExit))
        return exc_set_attr(self, "code", n > 1 ? args : first);
    if (obj_is_instance_of(self, exc_StopIteration))
        return exc_set_attr(self, "value", first);
    if (obj_is_instance_of(self, exc_SyntaxError)) {
        static const char *const fields[] = {"filename", "lineno", "offset", "text",
                                             "end_lineno", "end_offset"};
        if (exc_set_attr(self, "msg", first) < 0)
            return -1;
        Object *info = n == 2 ? TUPLE_GET(args, 1) : NULL;
        if (info && !TYPE_CHECK(info, tuple_type))
            info = NULL;
        for (int i = 0; i < 6; i++) {
            Object *v = info && i < SIZE(info) ? TUPLE_GET(info, i) : None;
            if (exc_set_attr(self, fields[i], v) < 0)
                return -1;
        }
        return 0;
    }
    if (obj_is_instance_of(self, exc_OSError) && n >= 2) {
        if (exc_set_attr(self, "errno", first) < 0 ||
            exc_set_attr(self, "strerror", TUPLE_GET(args, 1)) < 0)
            return -1;
        return exc_set_attr(self, "filename", n > 2 ? TUPLE_GET(args, 2) : None);
    }
    return 0;
}

/* The keyword-only attributes some exceptions take (3.11: name and obj of
 * AttributeError, name of NameError, name and path of ImportError). */
static const char *const *exc_keywords(Object *self)
{
    static const char *const attribute[] = {"name", "obj", NULL};
    static const char *const name[] = {"name", NULL};
    static const char *const import[] = {"name", "path", NULL};
    if (obj_is_instance_of(self, exc_AttributeError))
        return attribute;
    if (obj_is_instance_of(self, exc_NameError))
        return name;
    if (obj_is_instance_of(self, exc_ImportError))
        return import;
    return NULL;
}

static int exc_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    const char *const *kw = exc_keywords(self);
    ssize_t nkw = kwnames ? SIZE(kwnames) : 0;
    if (nkw && !kw)
        return err_format(exc_TypeError, "%s() takes no keyword arguments", TYPE(self)->name), -1;
    for (int i = 0; kw && kw[i]; i++)
        if (exc_set_attr(self, kw[i], None) < 0)
            return -1;
    for (ssize_t k = 0; k < nkw; k++) {
        Object *key = TUPLE_GET(kwnames, k);
        int i = 0;
        while (kw[i] && !str_eq_cstr(key, kw[i]))
            i++;
        if (!kw[i])
            return err_format(exc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                              TYPE(self)->name), -1;
        if (exc_set_attr(self, kw[i], args[nargs + k]) < 0)
            return -1;
    }
    Object *t = tuple_from_array(args, nargs);
    if (!t)
        return -1;
    SETREF(EXC(self)->args, t);
    return exc_init_attributes(self);
}

static int exc_traverse(Object *self, visitproc visit, void *arg)
{
    ExceptionObject *e = EXC(self);
    Object *fields[] = {e->dict, e->args, e->traceback, e->context, e->cause};
    for (int i = 0; i < 5; i++)
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    return 0;
}

static int exc_clear(Object *self)
{
    ExceptionObject *e = EXC(self);
    CLEAR(e->dict);
    CLEAR(e->args);
    CLEAR(e->traceback);
    CLEAR(e->context);
    CLEAR(e->cause);
    return 0;
}

static void exc_dealloc(Object *self)
{
    gc_untrack(self);
    exc_clear(self);
    obj_free(self);
}

static Object *exc_str(Object *self)
{
    Object *args = EXC(self)->args;
    switch (SIZE(args)) {
    case 0: return str_from_cstr("");
    case 1: return obj_str(TUPLE_GET(args, 0));
    default: return obj_str(args);
    }
}

static Object *keyerror_str(Object *self)
{
    Object *args = EXC(self)->args;
    if (SIZE(args) == 1)
        return obj_repr(TUPLE_GET(args, 0));
    return exc_str(self);
}

/* Borrowed attribute from the instance dict, or NULL. */
static Object *exc_attr(Object *self, const char *name)
{
    Object *d = EXC(self)->dict;
    return d ? dict_getitem_str(d, name) : NULL;
}

static Object *syntaxerror_str(Object *self)
{
    Object *msg = exc_attr(self, "msg");
    Object *filename = exc_attr(self, "filename");
    Object *lineno = exc_attr(self, "lineno");
    if (!msg)
        return exc_str(self);
    bool have_file = filename && TYPE_CHECK(filename, str_type);
    bool have_line = lineno && TYPE_CHECK(lineno, int_type);
    if (have_file) {
        const char *f = str_as_utf8(filename, NULL);
        const char *slash = f ? strrchr(f, '/') : NULL;
        Object *base = slash ? str_from_cstr(slash + 1) : NEWREF(filename);
        if (!base)
            return NULL;
        Object *r = have_line ? str_from_format("%S (%U, line %ld)", msg, base, int_as_long(lineno))
                              : str_from_format("%S (%U)", msg, base);
        DECREF(base);
        return r;
    }
    if (have_line)
        return str_from_format("%S (line %ld)", msg, int_as_long(lineno));
    return obj_str(msg);
}

static Object *oserror_str(Object *self)
{
    Object *eno = exc_attr(self, "errno"), *msg = exc_attr(self, "strerror");
    Object *fname = exc_attr(self, "filename");
    if (eno && msg && eno != None && msg != None) {
        if (fname && fname != None)
            return str_from_format("[Errno %S] %S: %R", eno, msg, fname);
        return str_from_format("[Errno %S] %S", eno, msg);
    }
    return exc_str(self);
}

static Object *unicode_decode_error_str(Object *self)
{
    return str_unicode_error_text(EXC(self)->args, true);
}

static Object *unicode_encode_error_str(Object *self)
{
    return str_unicode_error_text(EXC(self)->args, false);
}

static Object *exc_repr(Object *self)
{
    Object *args = EXC(self)->args;
    const char *name = TYPE(self)->name;
    const char *dot = strrchr(name, '.');
    if (dot)
        name = dot + 1;
    if (SIZE(args) == 1)
        return str_from_format("%s(%R)", name, TUPLE_GET(args, 0));
    return str_from_format("%s%R", name, args);
}

static Object *exc_get_args(Object *self, void *c) { (void)c; return NEWREF(EXC(self)->args); }
static int exc_set_args(Object *self, Object *v, void *c)
{
    (void)c;
    if (!v)
        return err_format(exc_TypeError, "args may not be deleted"), -1;
    Object *t = tuple_from_iter(v);
    if (!t)
        return -1;
    SETREF(EXC(self)->args, t);
    return 0;
}
static Object *exc_get_tb(Object *self, void *c) { (void)c; return NEWREF(EXC(self)->traceback ? EXC(self)->traceback : None); }
static int exc_set_tb(Object *self, Object *v, void *c)
{
    (void)c;
    if (!v)
        return err_format(exc_TypeError, "__traceback__ may not be deleted"), -1;
    if (v != None && !IS_TYPE(v, traceback_type))
        return err_format(exc_TypeError, "__traceback__ must be a traceback or None"), -1;
    SETREF(EXC(self)->traceback, v == None ? NULL : NEWREF(v));
    return 0;
}
static Object *exc_get_context(Object *self, void *c) { (void)c; return NEWREF(EXC(self)->context ? EXC(self)->context : None); }
static int exc_set_context(Object *self, Object *v, void *c)
{
    (void)c;
    SETREF(EXC(self)->context, (!v || v == None) ? NULL : NEWREF(v));
    return 0;
}
static Object *exc_get_cause(Object *self, void *c) { (void)c; return NEWREF(EXC(self)->cause ? EXC(self)->cause : None); }
static int exc_set_cause(Object *self, Object *v, void *c)
{
    (void)c;
    if (v && v != None && !obj_is_instance_of(v, exc_BaseException))
        return err_format(exc_TypeError, "exception cause must be None or derive from BaseException"), -1;
    SETREF(EXC(self)->cause, (!v || v == None) ? NULL : NEWREF(v));
    EXC(self)->suppress_context = 1;
    return 0;
}
static Object *exc_get_suppress(Object *self, void *c) { (void)c; return bool_from(EXC(self)->suppress_context); }
static int exc_set_suppress(Object *self, Object *v, void *c)
{
    (void)c;
    int t = v ? obj_is_true(v) : 0;
    if (t < 0)
        return -1;
    EXC(self)->suppress_context = (char)t;
    return 0;
}
static Object *exc_get_dict(Object *self, void *c)
{
    (void)c;
    if (!EXC(self)->dict && !(EXC(self)->dict = dict_new()))
        return NULL;
    return NEWREF(EXC(self)->dict);
}

static const GetSetDef exc_getset[] = {
    {"args", exc_get_args, exc_set_args, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL},
    {"__context__", exc_get_context, exc_set_context, NULL},
    {"__cause__", exc_get_cause, exc_set_cause, NULL},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL},
    {"__dict__", exc_get_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Object *exc_with_traceback(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *tb;
    if (args_positional("with_traceback", args, nargs, kwnames, 1, 1, &tb) < 0)
        return NULL;
    if (exc_set_tb(self, tb, NULL) < 0)
        return NULL;
    return NEWREF(self);
}

static const MethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- the family tree ---- */

typedef struct {
    Type **slot;
    const char *name;
    Type **base;
    unaryfunc str;
} ExcSpec;

static Type *exc_Warning, *exc_ReferenceError, *exc_FloatingPointError,
    *exc_StopAsyncIteration, *exc_UnicodeTranslateError, *exc_FileExistsError,
    *exc_PermissionError, *exc_IsADirectoryError, *exc_NotADirectoryError,
    *exc_DeprecationWarning, *exc_RuntimeWarning, *exc_UserWarning, *exc_SyntaxWarning,
    *exc_ConnectionError, *exc_TimeoutError, *exc_InterruptedError, *exc_ProcessLookupError,
    *exc_ChildProcessError, *exc_BlockingIOError, *exc_BrokenPipeError,
    *exc_PendingDeprecationWarning, *exc_FutureWarning, *exc_ImportWarning,
    *exc_UnicodeWarning, *exc_BytesWarning, *exc_ResourceWarning, *exc_EncodingWarning;

static const ExcSpec exc_specs[] = {
    {&exc_BaseException, "BaseException", NULL, NULL},
    {&exc_GeneratorExit, "GeneratorExit", &exc_BaseException, NULL},
    {&exc_KeyboardInterrupt, "KeyboardInterrupt", &exc_BaseException, NULL},
    {&exc_SystemExit, "SystemExit", &exc_BaseException, NULL},
    {&exc_Exception, "Exception", &exc_BaseException, NULL},
    {&exc_ArithmeticError, "ArithmeticError", &exc_Exception, NULL},
    {&exc_FloatingPointError, "FloatingPointError", &exc_ArithmeticError, NULL},
    {&exc_OverflowError, "OverflowError", &exc_ArithmeticError, NULL},
    {&exc_ZeroDivisionError, "ZeroDivisionError", &exc_ArithmeticError, NULL},
    {&exc_AssertionError, "AssertionError", &exc_Exception, NULL},
    {&exc_AttributeError, "AttributeError", &exc_Exception, NULL},
    {&exc_BufferError, "BufferError", &exc_Exception, NULL},
    {&exc_EOFError, "EOFError", &exc_Exception, NULL},
    {&exc_ImportError, "ImportError", &exc_Exception, NULL},
    {&exc_ModuleNotFoundError, "ModuleNotFoundError", &exc_ImportError, NULL},
    {&exc_LookupError, "LookupError", &exc_Exception, NULL},
    {&exc_IndexError, "IndexError", &exc_LookupError, NULL},
    {&exc_KeyError, "KeyError", &exc_LookupError, keyerror_str},
    {&exc_MemoryError, "MemoryError", &exc_Exception, NULL},
    {&exc_NameError, "NameError", &exc_Exception, NULL},
    {&exc_UnboundLocalError, "UnboundLocalError", &exc_NameError, NULL},
    {&exc_OSError, "OSError", &exc_Exception, oserror_str},
    {&exc_BlockingIOError, "BlockingIOError", &exc_OSError, NULL},
    {&exc_ChildProcessError, "ChildProcessError", &exc_OSError, NULL},
    {&exc_ConnectionError, "ConnectionError", &exc_OSError, NULL},
    {&exc_BrokenPipeError, "BrokenPipeError", &exc_ConnectionError, NULL},
    {&exc_FileExistsError, "FileExistsError", &exc_OSError, NULL},
    {&exc_FileNotFoundError, "FileNotFoundError", &exc_OSError, NULL},
    {&exc_InterruptedError, "InterruptedError", &exc_OSError, NULL},
    {&exc_IsADirectoryError, "IsADirectoryError", &exc_OSError, NULL},
    {&exc_NotADirectoryError, "NotADirectoryError", &exc_OSError, NULL},
    {&exc_PermissionError, "PermissionError", &exc_OSError, NULL},
    {&exc_ProcessLookupError, "ProcessLookupError", &exc_OSError, NULL},
    {&exc_TimeoutError, "TimeoutError", &exc_OSError, NULL},
    {&exc_ReferenceError, "ReferenceError", &exc_Exception, NULL},
    {&exc_RuntimeError, "RuntimeError", &exc_Exception, NULL},
    {&exc_NotImplementedError, "NotImplementedError", &exc_RuntimeError, NULL},
    {&exc_RecursionError, "RecursionError", &exc_RuntimeError, NULL},
    {&exc_StopAsyncIteration, "StopAsyncIteration", &exc_Exception, NULL},
    {&exc_StopIteration, "StopIteration", &exc_Exception, NULL},
    {&exc_SyntaxError, "SyntaxError", &exc_Exception, syntaxerror_str},
    {&exc_IndentationError, "IndentationError", &exc_SyntaxError, NULL},
    {&exc_TabError, "TabError", &exc_IndentationError, NULL},
    {&exc_SystemError, "SystemError", &exc_Exception, NULL},
    {&exc_TypeError, "TypeError", &exc_Exception, NULL},
    {&exc_ValueError, "ValueError", &exc_Exception, NULL},
    {&exc_UnicodeError, "UnicodeError", &exc_ValueError, NULL},
    {&exc_UnicodeDecodeError, "UnicodeDecodeError", &exc_UnicodeError, unicode_decode_error_str},
    {&exc_UnicodeEncodeError, "UnicodeEncodeError", &exc_UnicodeError, unicode_encode_error_str},
    {&exc_UnicodeTranslateError, "UnicodeTranslateError", &exc_UnicodeError, NULL},
    {&exc_Warning, "Warning", &exc_Exception, NULL},
    {&exc_BytesWarning, "BytesWarning", &exc_Warning, NULL},
    {&exc_DeprecationWarning, "DeprecationWarning", &exc_Warning, NULL},
    {&exc_EncodingWarning, "EncodingWarning", &exc_Warning, NULL},
    {&exc_FutureWarning, "FutureWarning", &exc_Warning, NULL},
    {&exc_ImportWarning, "ImportWarning", &exc_Warning, NULL},
    {&exc_PendingDeprecationWarning, "PendingDeprecationWarning", &exc_Warning, NULL},
    {&exc_ResourceWarning, "ResourceWarning", &exc_Warning, NULL},
    {&exc_RuntimeWarning, "RuntimeWarning", &exc_Warning, NULL},
    {&exc_SyntaxWarning, "SyntaxWarning", &exc_Warning, NULL},
    {&exc_UnicodeWarning, "UnicodeWarning", &exc_Warning, NULL},
    {&exc_UserWarning, "UserWarning", &exc_Warning, NULL},
};

#define N_EXC (sizeof exc_specs / sizeof exc_specs[0])
static Type exc_storage[N_EXC];

static void exc_type_fill(Type *t, const ExcSpec *spec)
{
    t->base.base.refcnt = 1;
    t->base.base.type = &type_type;
    t->name = spec->name;
    t->basicsize = sizeof(ExceptionObject);
    t->flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_BASE_EXC_SUBCLASS | TPFLAG_TUPLE_CALL;
    t->dictoffset = offsetof(ExceptionObject, dict);
    t->base_type = spec->base ? *spec->base : &object_type;
    if (!spec->base) {
        t->dealloc = exc_dealloc;
        t->repr = exc_repr;
        t->str = exc_str;
        t->traverse = exc_traverse;
        t->clear = exc_clear;
        t->new_ = exc_new_slot;
        t->init = exc_init;
        t->getset = exc_getset;
        t->methods = exc_methods;
    }
    if (spec->str)
        t->str = spec->str;
}

/* Every exception type by name, for the builtins module. */
void errors_each(void (*fn)(const char *name, Type *t, void *ctx), void *ctx)
{
    for (size_t i = 0; i < N_EXC; i++)
        fn(exc_specs[i].name, *exc_specs[i].slot, ctx);
}

void errors_init(void)
{
    for (size_t i = 0; i < N_EXC; i++) {
        Type *t = &exc_storage[i];
        *exc_specs[i].slot = t;
        exc_type_fill(t, &exc_specs[i]);
        type_ready(t);
    }
    memory_error_inst = obj_call((Object *)exc_MemoryError, NULL, 0, NULL);
}

void errors_fini(void)
{
    CLEAR(memory_error_inst);
}
