/* eval.c — the eval loop: frames on the thread's data stack, calls, and the
 * execution of every opcode of vm/opcodes.h.
 *
 * A Python-to-Python call pushes the callee's frame and jumps to its first
 * instruction without recursing in C; a return pops it and goes on in the
 * caller.  Only calls from C (a built-in calling back into Python) start a
 * new, nested run of the loop, marked by the frame's is_entry flag.
 *
 * Reference discipline: the value stack owns what it holds.  Arguments of a
 * Python call move into the callee's slots, their references with them, so
 * a callee sees exactly CPython's counts.
 */
#include <string.h>
#include "interp.h"
#include "errors.h"
#include "opcodes.h"
#include "str.h"
#include "int.h"
#include "float.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "set.h"
#include "func.h"
#include "type.h"
#include "module.h"
#include "traceback.h"
#include "generator.h"
#include "frameobject.h"
#include "suggestions.h"
#include "../mem/mem.h"

/* gcc merges the indirect jumps that end the opcodes into one unless told
 * not to; with one jump per opcode the branch predictor learns which opcode
 * tends to follow which, which is what computed gotos are for. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-gcse", "no-crossjumping")
#endif

ThreadState *vm_ts;

#define DATA_STACK_WORDS (4u << 20)    /* 32 MiB of address space, touched as used */

/* ---- the data stack ---- */

int eval_init_thread(ThreadState *ts)
{
    ts->stack_base = mem_raw_malloc(DATA_STACK_WORDS * sizeof(Object *));
    if (!ts->stack_base)
        return -1;
    ts->stack_top = ts->stack_base;
    ts->stack_limit = ts->stack_base + DATA_STACK_WORDS;
    return 0;
}

void eval_fini_thread(ThreadState *ts)
{
    mem_raw_free(ts->stack_base);
    ts->stack_base = ts->stack_top = ts->stack_limit = NULL;
}

size_t frame_size_words(CodeObject *co)
{
    return (sizeof(Frame) + sizeof(Object *) - 1) / sizeof(Object *) +
           (size_t)co->nlocalsplus + (size_t)co->stacksize;
}

/* Fills a new frame's header; its slots start empty, but for the first
 * [nfilled], which the caller fills at once. */
static inline void frame_init(Frame *f, CodeObject *co, Object *func, Object *globals,
                              Object *builtins, Object *locals, int nfilled)
{
    f->code = (CodeObject *)NEWREF(co);
    f->func = XNEWREF(func);
    f->globals = func ? globals : NEWREF(globals);
    f->builtins = func ? builtins : NEWREF(builtins);
    f->locals = XNEWREF(locals);
    f->frame_obj = NULL;
    f->previous = NULL;
    f->ip = co->code;
    f->stacktop = co->nlocalsplus;
    f->is_entry = false;
    f->owner = FRAME_ON_STACK;
    if (co->nlocalsplus > nfilled)
        memset(f->localsplus + nfilled, 0, (size_t)(co->nlocalsplus - nfilled) * sizeof(Object *));
}

static inline Frame *frame_push(ThreadState *ts, CodeObject *co, Object *func, Object *globals,
                                Object *builtins, Object *locals, int nfilled)
{
    size_t words = frame_size_words(co);
    if (ts->stack_top + words > ts->stack_limit) {
        err_set_str(exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    Frame *f = (Frame *)ts->stack_top;
    ts->stack_top += words;
    frame_init(f, co, func, globals, builtins, locals, nfilled);
    return f;
}

/* Drops everything a frame holds (slots, stack, header references). */
void frame_clear(Frame *f)
{
    Object **end = f->localsplus + f->stacktop;
    for (Object **p = f->localsplus; p < end; p++)
        XDECREF(*p);
    f->stacktop = 0;
    CLEAR(f->locals);
    if (!f->func) {
        CLEAR(f->builtins);
        CLEAR(f->globals);
    }
    f->builtins = f->globals = NULL;
    CLEAR(f->func);
    CLEAR(f->code);
}

static void frame_pop(ThreadState *ts, Frame *f)
{
    if (f->frame_obj)
        frame_release(f);
    else
        frame_clear(f);         /* what frame_release comes to without one */
    ts->stack_top = (Object **)f;
}

/* ---- recursion and signals ---- */

int vm_call_too_deep(void)
{
    vm_ts->c_depth--;
    err_set_str(exc_RecursionError, "maximum recursion depth exceeded while calling a Python object");
    return -1;
}

int vm_check_signals(void)
{
    if (!vm_ts->interrupted)
        return 0;
    vm_ts->interrupted = 0;
    err_set_obj(exc_KeyboardInterrupt, NULL);
    return -1;
}

/* ---- binding arguments ---- */

static Object *func_display_name(FunctionObject *f) { return f->qualname; }

static void missing_args_error(FunctionObject *func, Frame *f, int start, int end, bool kwonly)
{
    CodeObject *co = func->code;
    Object *names = list_new(0);
    if (!names)
        return;
    for (int i = start; i < end; i++)
        if (!f->localsplus[i]) {
            Object *r = obj_repr(TUPLE_GET(co->localsplusnames, i));
            if (!r || list_append(names, r) < 0) {
                XDECREF(r);
                DECREF(names);
                return;
            }
            DECREF(r);
        }
    ssize_t n = SIZE(names);
    StrBuilder b;
    sb_init(&b);
    for (ssize_t i = 0; i < n; i++) {
        if (i > 0)
            sb_add_cstr(&b, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        sb_add_str(&b, LIST_GET(names, i));
    }
    DECREF(names);
    Object *list = sb_finish(&b);
    if (!list)
        return;
    err_format(exc_TypeError, "%U() missing %zd required %s argument%s: %U",
               func_display_name(func), n, kwonly ? "keyword-only" : "positional",
               n == 1 ? "" : "s", list);
    DECREF(list);
}

static void too_many_positional(FunctionObject *func, Frame *f, ssize_t given)
{
    CodeObject *co = func->code;
    ssize_t ndef = func->defaults ? SIZE(func->defaults) : 0;
    int kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        kwonly_given += f->localsplus[i] != NULL;
    Object *sig;
    if (ndef)
        sig = str_from_format("from %zd to %d positional arguments", co->argcount - ndef, co->argcount);
    else
        sig = str_from_format("%d positional argument%s", co->argcount, co->argcount == 1 ? "" : "s");
    if (!sig)
        return;
    if (kwonly_given)
        err_format(exc_TypeError, "%U() takes %U but %zd positional argument%s (and %d keyword-only argument%s) were given",
                   func_display_name(func), sig, given, given == 1 ? "" : "s", kwonly_given,
                   kwonly_given == 1 ? "" : "s");
    else
        err_format(exc_TypeError, "%U() takes %U but %zd %s given", func_display_name(func), sig,
                   given, given == 1 ? "was" : "were");
    DECREF(sig);
}

/* The slot of keyword [name] among the parameters that may be named, or -1. */
static int keyword_slot(CodeObject *co, Object *name)
{
    int end = co->argcount + co->kwonlyargcount;
    for (int i = co->posonlyargcount; i < end; i++)
        if (TUPLE_GET(co->localsplusnames, i) == name)
            return i;
    for (int i = co->posonlyargcount; i < end; i++)
        if (str_eq(TUPLE_GET(co->localsplusnames, i), name))
            return i;
    return -1;
}

/* Puts the call's arguments into the frame's slots (new references),
 * applying defaults, *args and **kwargs.  -1 with TypeError on a mismatch. */
static int bind_args(Frame *f, FunctionObject *func, Object *const *args, ssize_t nargs,
                     Object *kwnames)
{
    CodeObject *co = func->code;
    Object **slots = f->localsplus;
    int argc = co->argcount, total = argc + co->kwonlyargcount;
    Object *kwdict = NULL;
    if (co->flags & CO_VARKEYWORDS) {
        if (!(kwdict = dict_new()))
            return -1;
        slots[total + ((co->flags & CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    ssize_t n = nargs < argc ? nargs : argc;
    for (ssize_t i = 0; i < n; i++)
        slots[i] = NEWREF(args[i]);
    if (co->flags & CO_VARARGS) {
        Object *extra = nargs > argc ? tuple_from_array(args + argc, nargs - argc) : tuple_new(0);
        if (!extra)
            return -1;
        slots[total] = extra;
    }
    ssize_t nkw = kwnames ? SIZE(kwnames) : 0;
    for (ssize_t k = 0; k < nkw; k++) {
        Object *name = TUPLE_GET(kwnames, k), *value = args[nargs + k];
        int i = keyword_slot(co, name);
        if (i < 0) {
            if (kwdict) {
                if (dict_setitem(kwdict, name, value) < 0)
                    return -1;
                continue;
            }
            for (int j = 0; j < co->posonlyargcount; j++)
                if (str_eq(TUPLE_GET(co->localsplusnames, j), name))
                    return err_format(exc_TypeError,
                                      "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                                      func_display_name(func), name), -1;
            return err_format(exc_TypeError, "%U() got an unexpected keyword argument '%U'",
                              func_display_name(func), name), -1;
        }
        if (slots[i])
            return err_format(exc_TypeError, "%U() got multiple values for argument '%U'",
                              func_display_name(func), name), -1;
        slots[i] = NEWREF(value);
    }
    if (nargs > argc && !(co->flags & CO_VARARGS)) {
        too_many_positional(func, f, nargs);
        return -1;
    }
    if (nargs < argc) {
        ssize_t ndef = func->defaults ? SIZE(func->defaults) : 0;
        ssize_t first_default = argc - ndef;
        for (ssize_t i = nargs; i < argc; i++)
            if (!slots[i] && i >= first_default)
                slots[i] = NEWREF(TUPLE_GET(func->defaults, i - first_default));
        for (ssize_t i = nargs; i < argc; i++)
            if (!slots[i]) {
                missing_args_error(func, f, (int)nargs, argc, false);
                return -1;
            }
    }
    for (int i = argc; i < total; i++) {
        if (slots[i])
            continue;
        Object *d = func->kwdefaults ? dict_getitem(func->kwdefaults, TUPLE_GET(co->localsplusnames, i)) : NULL;
        if (d)
            slots[i] = NEWREF(d);
    }
    for (int i = argc; i < total; i++)
        if (!slots[i]) {
            missing_args_error(func, f, argc, total, true);
            return -1;
        }
    return 0;
}

/* A frame for a call of [fn], counted in the call depth, with its slots
 * empty but for the first [nfilled] (see frame_init); NULL on error. */
static inline Frame *push_function_frame(ThreadState *ts, FunctionObject *fn, int nfilled)
{
    if (ts->depth + ts->c_depth >= ts->interp->recursion_limit) {
        err_set_str(exc_RecursionError, "maximum recursion depth exceeded");
        return NULL;
    }
    Frame *f = frame_push(ts, fn->code, (Object *)fn, fn->globals, fn->builtins, NULL, nfilled);
    if (f)
        ts->depth++;
    return f;
}

/* Whether [nargs] positional arguments and no keywords are exactly the
 * parameters of [co]: the common call, bound by copying. */
static bool exact_positional(CodeObject *co, ssize_t nargs, Object *kwnames)
{
    return !kwnames && nargs == co->argcount && co->kwonlyargcount == 0 &&
           !(co->flags & (CO_VARARGS | CO_VARKEYWORDS));
}

/* A frame for a call of [func], its (borrowed) arguments bound; NULL on
 * error. */
static Frame *push_call_frame(ThreadState *ts, Object *func, Object *const *args, ssize_t nargs,
                              Object *kwnames)
{
    FunctionObject *fn = (FunctionObject *)func;
    bool exact = exact_positional(fn->code, nargs, kwnames);
    Frame *f = push_function_frame(ts, fn, exact ? (int)nargs : 0);
    if (!f)
        return NULL;
    if (exact) {
        for (ssize_t i = 0; i < nargs; i++)
            f->localsplus[i] = NEWREF(args[i]);
    } else if (bind_args(f, fn, args, nargs, kwnames) < 0) {
        frame_pop(ts, f);
        ts->depth--;
        return NULL;
    }
    return f;
}

static Object *eval_frame(ThreadState *ts, Frame *f, bool throwing);

Object *vm_call_function(Object *func, Object *const *args, ssize_t nargs, Object *kwnames)
{
    ThreadState *ts = vm_ts;
    Frame *f = push_call_frame(ts, func, args, nargs, kwnames);
    if (!f)
        return NULL;
    return eval_frame(ts, f, false);
}

Object *vm_eval_code(CodeObject *co, Object *globals, Object *locals)
{
    ThreadState *ts = vm_ts;
    Object *builtins = dict_getitem_str(globals, "__builtins__");
    if (builtins && IS_TYPE(builtins, module_type))
        builtins = MODULE_DICT(builtins);
    if (!builtins || !TYPE_CHECK(builtins, dict_type))
        builtins = ts->interp->builtins;
    Frame *f = frame_push(ts, co, NULL, globals, builtins, locals ? locals : globals, 0);
    if (!f)
        return NULL;
    ts->depth++;
    return eval_frame(ts, f, false);
}

Object *vm_call_with_locals(Object *func, Object *locals)
{
    ThreadState *ts = vm_ts;
    FunctionObject *fn = (FunctionObject *)func;
    Frame *f = frame_push(ts, fn->code, func, fn->globals, fn->builtins, locals, 0);
    if (!f)
        return NULL;
    ts->depth++;
    return eval_frame(ts, f, false);
}

/* ---- helpers of the opcodes ---- */

static Object *name_error(Object *name)
{
    err_format(exc_NameError, "name '%U' is not defined", name);
    if (err_occurred())
        exc_set_name_context(err_occurred(), name, NULL);
    return NULL;
}

/* [name] in the globals, then the builtins (LOAD_GLOBAL, and LOAD_NAME
 * after the locals), through the instruction's cache [c]. */
static Object *load_global(Frame *f, Object *name, NameCache *c)
{
    Object *v;
    int found = dict_get_cached(f->globals, name, &c->globals, &v);
    if (found == 0) {
        if (IS_TYPE(f->builtins, dict_type)) {
            found = dict_get_cached(f->builtins, name, &c->builtins, &v);
        } else {
            v = obj_getitem(f->builtins, name);
            if (v)
                return v;
            if (!err_matches(exc_KeyError))
                return NULL;
            err_clear();
        }
    }
    if (found > 0)
        return NEWREF(v);
    return found < 0 ? NULL : name_error(name);
}

/* load_global when the caches answer without a lookup, as 3.11's
 * LOAD_GLOBAL_MODULE and LOAD_GLOBAL_BUILTIN. */
static inline Object *load_global_fast(Frame *f, Object *name, NameCache *c)
{
    Object *v;
    int found = dict_probe_cached(f->globals, &c->globals, &v);
    if (found == 0 && IS_TYPE(f->builtins, dict_type))
        found = dict_probe_cached(f->builtins, &c->builtins, &v);
    return found > 0 ? NEWREF(v) : load_global(f, name, c);
}

static Object *load_name(Frame *f, Object *name, NameCache *c)
{
    Object *locals = f->locals;
    if (!locals)
        return err_format(exc_SystemError, "no locals when loading %R", name);
    Object *v;
    if (IS_TYPE(locals, dict_type)) {
        int found = dict_get_cached(locals, name, &c->locals, &v);
        if (found != 0)
            return found > 0 ? NEWREF(v) : NULL;
    } else {
        v = obj_getitem(locals, name);
        if (v)
            return v;
        if (!err_matches(exc_KeyError))
            return NULL;
        err_clear();
    }
    return load_global(f, name, c);
}

static void unbound_local(CodeObject *co, int i)
{
    Object *name = TUPLE_GET(co->localsplusnames, i);
    if (co->localspluskinds[i] & CO_KIND_FREE)
        err_format(exc_NameError,
                   "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                   name);
    else
        err_format(exc_UnboundLocalError,
                   "cannot access local variable '%U' where it is not associated with a value", name);
}

/* Unpacks [seq] into the n slots at [out] (out[0] = last item). */
static int unpack_sequence(Object *seq, ssize_t n, ssize_t after_star, Object **out, bool star)
{
    if ((IS_TYPE(seq, tuple_type) || IS_TYPE(seq, list_type)) && !star) {
        Object **items = IS_TYPE(seq, tuple_type) ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq);
        if (SIZE(seq) == n) {
            for (ssize_t i = 0; i < n; i++)
                out[n - 1 - i] = NEWREF(items[i]);
            return 0;
        }
        if (SIZE(seq) < n)
            return err_format(exc_ValueError, "not enough values to unpack (expected %zd, got %zd)",
                              n, SIZE(seq)), -1;
        return err_format(exc_ValueError, "too many values to unpack (expected %zd)", n), -1;
    }
    Object *it = obj_iter(seq);
    if (!it) {
        if (err_matches(exc_TypeError) && !TYPE(seq)->iter && !TYPE(seq)->getitem) {
            err_clear();
            err_format(exc_TypeError, "cannot unpack non-iterable %T object", seq);
        }
        return -1;
    }
    ssize_t before = star ? n - after_star - 1 : n;
    ssize_t i = 0;
    for (; i < before; i++) {
        Object *v = obj_next(it);
        if (!v) {
            if (!err_occurred()) {
                if (star)
                    err_format(exc_ValueError, "not enough values to unpack (expected at least %zd, got %zd)",
                               before + after_star, i);
                else
                    err_format(exc_ValueError, "not enough values to unpack (expected %zd, got %zd)", n, i);
            }
            goto fail;
        }
        out[n - 1 - i] = v;
    }
    if (!star) {
        Object *extra = obj_next(it);
        if (extra) {
            DECREF(extra);
            err_format(exc_ValueError, "too many values to unpack (expected %zd)", n);
            goto fail;
        }
        if (err_occurred())
            goto fail;
        DECREF(it);
        return 0;
    }
    Object *rest = list_from_iter(it);
    if (!rest)
        goto fail;
    if (SIZE(rest) < after_star) {
        err_format(exc_ValueError, "not enough values to unpack (expected at least %zd, got %zd)",
                   before + after_star, before + SIZE(rest));
        DECREF(rest);
        goto fail;
    }
    for (ssize_t j = 0; j < after_star; j++) {
        ssize_t src = SIZE(rest) - after_star + j;
        out[after_star - 1 - j] = LIST_GET(rest, src);
        LIST_ITEMS(rest)[src] = NULL;
    }
    SIZE(rest) -= after_star;
    out[after_star] = rest;
    DECREF(it);
    return 0;
fail:
    for (ssize_t j = 0; j < i; j++)
        DECREF(out[n - 1 - j]);
    DECREF(it);
    return -1;
}

static Object *do_raise_make(Object *e)
{
    if (TYPE_CHECK(e, type_type) && type_is_subtype((Type *)e, exc_BaseException)) {
        Object *inst = obj_call0(e);
        if (inst && !obj_is_instance_of(inst, exc_BaseException)) {
            err_format(exc_TypeError, "calling %R should have returned an instance of BaseException, not %T",
                       e, inst);
            CLEAR(inst);
        }
        return inst;
    }
    if (obj_is_instance_of(e, exc_BaseException))
        return NEWREF(e);
    return err_format(exc_TypeError, "exceptions must derive from BaseException");
}

/* raise exc [from cause]: sets the exception; always returns -1. */
static int do_raise(Object *exc, Object *cause)
{
    Object *inst = do_raise_make(exc);
    if (!inst)
        return -1;
    if (cause) {
        Object *c = NULL;
        if (cause != None && !(c = do_raise_make(cause))) {
            if (err_matches(exc_TypeError)) {
                err_clear();
                err_format(exc_TypeError, "exception causes must derive from BaseException");
            }
            DECREF(inst);
            return -1;
        }
        ExceptionObject *e = (ExceptionObject *)inst;
        SETREF(e->cause, c);
        e->suppress_context = 1;
    }
    err_set(inst);
    return -1;
}

static int check_except_type(Object *cls)
{
    if (TYPE_CHECK(cls, tuple_type)) {
        for (ssize_t i = 0; i < SIZE(cls); i++)
            if (check_except_type(TUPLE_GET(cls, i)) < 0)
                return -1;
        return 0;
    }
    if (TYPE_CHECK(cls, type_type) && type_is_subtype((Type *)cls, exc_BaseException))
        return 0;
    err_set_str(exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* f-string field: takes over the reference to [v]. */
static Object *format_value(Object *v, int conv, Object *spec)
{
    Object *conv_v;
    switch (conv) {
    case 1: conv_v = obj_str(v); break;
    case 2: conv_v = obj_repr(v); break;
    case 3: conv_v = obj_ascii(v); break;
    default: conv_v = v; v = NULL;
    }
    XDECREF(v);
    if (!conv_v)
        return NULL;
    if (!spec && IS_TYPE(conv_v, str_type))
        return conv_v;
    Object *r = obj_format(conv_v, spec);
    DECREF(conv_v);
    return r;
}

static Object *import_name(Frame *f, Object *name, Object *fromlist, Object *level)
{
    (void)fromlist;
    if (level && TYPE_CHECK(level, int_type) && int_sign(level) > 0)
        return err_format(exc_ImportError, "attempted relative import with no known parent package");
    Object *imp = dict_getitem_str(f->builtins, "__import__");
    if (!imp)
        return err_format(exc_ImportError, "__import__ not found");
    Object *args[5] = {name, f->globals, f->locals ? f->locals : None, fromlist, level};
    return obj_call(imp, args, 5, NULL);
}

static Object *import_from(Object *module, Object *name)
{
    Object *v;
    int r = obj_lookup_attr(module, name, &v);
    if (r > 0)
        return v;
    if (r < 0)
        return NULL;
    Object *mname = obj_getattr_str(module, "__name__");
    if (!mname) {
        err_clear();
        return err_format(exc_ImportError, "cannot import name '%U'", name);
    }
    err_format(exc_ImportError, "cannot import name '%U' from '%U' (unknown location)", name, mname);
    DECREF(mname);
    return NULL;
}

static int import_star(Frame *f, Object *module)
{
    Object *locals = f->locals;
    Object *d = obj_instance_dict(module, false);
    if (!locals || !d)
        return err_format(exc_SystemError, "no locals found during 'import *'"), -1;
    ssize_t pos = 0;
    Object *k, *v;
    while (dict_next(d, &pos, &k, &v)) {
        if (TYPE_CHECK(k, str_type) && STR_LEN(k) > 0 && str_read(k, 0) == '_')
            continue;
        if (obj_setitem(locals, k, v) < 0)
            return -1;
    }
    return 0;
}

/* Looks up a special method on the type and binds it (for with-statements). */
static Object *special_method(Object *o, const char *name)
{
    Object *n = str_intern_cstr(name);
    if (!n)
        return NULL;
    Object *m = type_lookup(TYPE(o), n);
    DECREF(n);
    if (!m)
        return NULL;
    descrgetfunc get = TYPE(m)->descr_get;
    return get ? get(m, o, (Object *)TYPE(o)) : NEWREF(m);
}

static int dict_merge_call(Object *dict, Object *update)
{
    Object *keys = obj_call_method(update, "keys", NULL, 0);
    if (!keys) {
        if (err_matches(exc_AttributeError)) {
            err_clear();
            err_format(exc_TypeError, "argument after ** must be a mapping, not %T", update);
        }
        return -1;
    }
    Object *it = obj_iter(keys);
    DECREF(keys);
    if (!it)
        return -1;
    Object *k;
    while ((k = obj_next(it))) {
        if (!TYPE_CHECK(k, str_type)) {
            err_set_str(exc_TypeError, "keywords must be strings");
            goto fail;
        }
        int has = dict_contains(dict, k);
        if (has != 0) {
            if (has > 0)
                err_format(exc_TypeError, "got multiple values for keyword argument '%U'", k);
            goto fail;
        }
        Object *v = obj_getitem(update, k);
        if (!v || dict_setitem(dict, k, v) < 0) {
            XDECREF(v);
            goto fail;
        }
        DECREF(v);
        DECREF(k);
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
fail:
    DECREF(k);
    DECREF(it);
    return -1;
}

/* f(*args, **kwargs): unpacks the dict into keyword names and values. */
static Object *call_ex(Object *func, Object *argtuple, Object *kwargs)
{
    if (!kwargs || dict_size(kwargs) == 0)
        return obj_call(func, TUPLE_ITEMS(argtuple), SIZE(argtuple), NULL);
    ssize_t np = SIZE(argtuple), nk = dict_size(kwargs);
    Object **stack = mem_malloc((size_t)(np + nk) * sizeof(Object *));
    Object *names = tuple_new(nk);
    if (!stack || !names) {
        mem_free(stack);
        XDECREF(names);
        return err_nomemory();
    }
    memcpy(stack, TUPLE_ITEMS(argtuple), (size_t)np * sizeof(Object *));
    ssize_t pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwargs, &pos, &k, &v)) {
        TUPLE_ITEMS(names)[i] = NEWREF(k);
        stack[np + i++] = v;
    }
    Object *r = obj_call(func, stack, np, names);
    mem_free(stack);
    DECREF(names);
    return r;
}

/* PRINT_EXPR: sys.displayhook(v), as the REPL echoes values. */
static Object *call_display_hook(Object *v)
{
    Object *hook = dict_getitem_str(MODULE_DICT(vm_ts->interp->sysmod), "displayhook");
    if (!hook)
        return err_format(exc_RuntimeError, "lost sys.displayhook");
    return obj_call1(hook, v);
}

/* ---- fast paths ---- */

/* An exact int of at most one digit: its size is -1, 0 or 1. */
static inline bool is_small_int(Object *o)
{
    return IS_TYPE(o, int_type) && (size_t)(SIZE(o) + 1) <= 2;
}

/* Its value: the sign times the digit (an int of no digits has a zero
 * digit 0, as CPython's medium_value relies on too). */
static inline long small_int_value(Object *o)
{
    return SIZE(o) * (long)((IntObject *)o)->digits[0];
}

/* a op b for one-digit ints, where the result is computed directly (the
 * same value the int type gives); NULL when the operator has no fast path. */
static inline Object *small_int_binop(Object *a, Object *b, int op)
{
    long x = small_int_value(a), y = small_int_value(b);
    switch (op >= BINOP_INPLACE ? op - BINOP_INPLACE : op) {
    case BINOP_ADD: return int_from_long(x + y);
    case BINOP_SUBTRACT: return int_from_long(x - y);
    case BINOP_MULTIPLY: return int_from_long(x * y);
    case BINOP_AND: return int_from_long(x & y);
    case BINOP_OR: return int_from_long(x | y);
    case BINOP_XOR: return int_from_long(x ^ y);
    case BINOP_REMAINDER:
    case BINOP_FLOOR_DIVIDE: {
        if (y == 0)
            return NULL;        /* the int type raises ZeroDivisionError */
        long q = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            q -= 1;
            r += y;
        }
        return int_from_long((op % BINOP_INPLACE) == BINOP_REMAINDER ? r : q);
    }
    default: return NULL;
    }
}

/* ---- the loop ---- */

#if defined(__GNUC__) && !defined(MEMPY_NO_COMPUTED_GOTO)
#define USE_COMPUTED_GOTOS 1
#else
#define USE_COMPUTED_GOTOS 0
#endif

static Object *eval_frame(ThreadState *ts, Frame *f, bool throwing)
{
#if USE_COMPUTED_GOTOS
#define OPCODE_TARGET(name, has_arg, is_jump) [OP_##name] = &&TARGET_OP_##name,
    static void *const targets[256] = { OPCODE_TABLE(OPCODE_TARGET) };
#undef OPCODE_TARGET
#endif
    f->is_entry = true;
    f->previous = ts->frame;
    ts->frame = f;

    CodeObject *co;
    uint16_t *first_instr, *ip;
    Object **sp, **localsplus, **consts, **names;
    unsigned int opcode, oparg;
    uint16_t word;
    Object *retval = NULL;
    Object *kwnames_pending = NULL;     /* KW_NAMES for the CALL that follows */

#define LOAD_FRAME_STATE() do { co = f->code; first_instr = co->code; ip = f->ip; sp = f->localsplus + f->stacktop; \
    localsplus = f->localsplus; consts = TUPLE_ITEMS(co->consts); names = TUPLE_ITEMS(co->names); } while (0)
#define SAVE_FRAME_STATE() do { f->ip = ip; f->stacktop = (int)(sp - f->localsplus); } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(ssize_t)(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define JUMPTO(x) (ip = first_instr + (x))
#if USE_COMPUTED_GOTOS
#define TARGET(op) TARGET_##op: case op
/* f->ip follows every instruction, so that what runs meanwhile (a trace of
 * allocations, a traceback) sees the line being executed */
#define DISPATCH() do { word = *ip++; f->ip = ip; opcode = word & 0xff; oparg = word >> 8; \
    goto *targets[opcode]; } while (0)
#else
#define TARGET(op) case op
#define DISPATCH() goto next_instruction
#endif
#define ERROR_IF(cond) do { if (cond) goto error; } while (0)
/* The caches of the current instruction (code_init_caches made them). */
#define NAME_CACHE() (&co->name_cache[ip - first_instr - 1])
#define ATTR_CACHE() (&co->attr_cache[ip - first_instr - 1])

    LOAD_FRAME_STATE();
    if (throwing)
        goto error;

#if !USE_COMPUTED_GOTOS
next_instruction:
#endif
    word = *ip++;
    f->ip = ip;
    opcode = word & 0xff;
    oparg = word >> 8;
dispatch_opcode:
    switch (opcode) {
    TARGET(OP_NOP): DISPATCH();

    TARGET(OP_EXTENDED_ARG): {
        word = *ip++;
        f->ip = ip;
        opcode = word & 0xff;
        oparg = oparg << 8 | (word >> 8);
        goto dispatch_opcode;
    }

    TARGET(OP_POP_TOP): {
        Object *v = POP();
        XDECREF(v);
        DISPATCH();
    }

    TARGET(OP_PUSH_NULL): {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(OP_COPY): {
        Object *v = PEEK(oparg);
        PUSH(XNEWREF(v));
        DISPATCH();
    }

    TARGET(OP_SWAP): {
        Object *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    TARGET(OP_LOAD_CONST): {
        Object *v = consts[oparg];
        PUSH(NEWREF(v));
        DISPATCH();
    }

    TARGET(OP_LOAD_FAST): {
        Object *v = localsplus[oparg];
        if (!v) {
            unbound_local(co, (int)oparg);
            goto error;
        }
        PUSH(NEWREF(v));
        DISPATCH();
    }

    TARGET(OP_STORE_FAST): {
        Object *v = POP();
        Object *old = localsplus[oparg];
        localsplus[oparg] = v;
        XDECREF(old);
        DISPATCH();
    }

    TARGET(OP_DELETE_FAST): {
        Object *v = localsplus[oparg];
        if (!v) {
            unbound_local(co, (int)oparg);
            goto error;
        }
        localsplus[oparg] = NULL;
        DECREF(v);
        DISPATCH();
    }

    TARGET(OP_MAKE_CELL): {
        Object *cell = cell_new(localsplus[oparg]);
        ERROR_IF(!cell);
        SETREF(localsplus[oparg], cell);
        DISPATCH();
    }

    TARGET(OP_COPY_FREE_VARS): {
        Object *closure = ((FunctionObject *)f->func)->closure;
        int offset = co->nlocalsplus - (int)oparg;
        for (unsigned int i = 0; i < oparg; i++)
            localsplus[offset + (int)i] = NEWREF(TUPLE_GET(closure, i));
        DISPATCH();
    }

    TARGET(OP_LOAD_CLOSURE): {
        PUSH(NEWREF(localsplus[oparg]));
        DISPATCH();
    }

    TARGET(OP_LOAD_DEREF): {
        Object *v = ((CellObject *)localsplus[oparg])->ref;
        if (!v) {
            unbound_local(co, (int)oparg);
            goto error;
        }
        PUSH(NEWREF(v));
        DISPATCH();
    }

    TARGET(OP_LOAD_CLASSDEREF): {
        Object *name = TUPLE_GET(co->localsplusnames, oparg);
        Object *v = f->locals ? dict_getitem_err(f->locals, name) : NULL;
        if (v)
            INCREF(v);
        else {
            ERROR_IF(err_occurred());
            v = ((CellObject *)localsplus[oparg])->ref;
            if (!v) {
                unbound_local(co, (int)oparg);
                goto error;
            }
            INCREF(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(OP_STORE_DEREF): {
        Object *v = POP();
        CellObject *cell = (CellObject *)localsplus[oparg];
        Object *old = cell->ref;
        cell->ref = v;
        XDECREF(old);
        DISPATCH();
    }

    TARGET(OP_DELETE_DEREF): {
        CellObject *cell = (CellObject *)localsplus[oparg];
        if (!cell->ref) {
            unbound_local(co, (int)oparg);
            goto error;
        }
        CLEAR(cell->ref);
        DISPATCH();
    }

    TARGET(OP_LOAD_NAME): {
        NameCache *c = NAME_CACHE();
        Object *v;
        if (f->locals && IS_TYPE(f->locals, dict_type) && dict_probe_cached(f->locals, &c->locals, &v) > 0)
            INCREF(v);          /* the cache found it in the locals */
        else
            v = load_name(f, names[oparg], c);
        ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(OP_STORE_NAME): {
        Object *v = POP();
        int r;
        if (!f->locals) {
            err_format(exc_SystemError, "no locals found when storing %R", names[oparg]);
            r = -1;
        } else if (IS_TYPE(f->locals, dict_type))
            r = dict_set_cached(f->locals, names[oparg], v, &NAME_CACHE()->locals);
        else
            r = obj_setitem(f->locals, names[oparg], v);
        DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_DELETE_NAME): {
        Object *name = names[oparg];
        if (!f->locals || obj_delitem(f->locals, name) < 0) {
            if (!f->locals || err_matches(exc_KeyError)) {
                err_clear();
                name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(OP_LOAD_GLOBAL): {
        Object *v = load_global_fast(f, names[oparg >> 1], NAME_CACHE());
        ERROR_IF(!v);
        if (oparg & 1)
            PUSH(NULL);
        PUSH(v);
        DISPATCH();
    }

    TARGET(OP_STORE_GLOBAL): {
        Object *v = POP();
        int r = dict_set_cached(f->globals, names[oparg], v, &NAME_CACHE()->globals);
        DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_DELETE_GLOBAL): {
        Object *name = names[oparg];
        if (dict_delitem(f->globals, name) < 0) {
            if (err_matches(exc_KeyError)) {
                err_clear();
                name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(OP_LOAD_ATTR): {
        Object *o = TOP();
        AttrCache *c = ATTR_CACHE();
        Object *v;
        if (attr_cache_hit(c, o) && (v = dict_values_at(*obj_values_slot(o), c->index)))
            INCREF(v);          /* the instance value the cache points at */
        else
            v = obj_getattr_remember(o, names[oparg], c);
        ERROR_IF(!v);
        SET_TOP(v);
        DECREF(o);
        DISPATCH();
    }

    TARGET(OP_STORE_ATTR): {
        Object *o = POP();
        Object *v = POP();
        AttrCache *c = ATTR_CACHE();
        int r = 0;
        if (attr_cache_hit(c, o))
            dict_values_put(*obj_values_slot(o), c->index, v);
        else
            r = obj_setattr_remember(o, names[oparg], v, c);
        DECREF(v);
        DECREF(o);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_DELETE_ATTR): {
        Object *o = POP();
        int r = obj_setattr(o, names[oparg], NULL);
        DECREF(o);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_LOAD_METHOD): {
        Object *o = TOP();
        Object *name = names[oparg];
        AttrCache *c = ATTR_CACHE();
        Object *meth = method_cache_hit(c, o);
        if (!meth)
            meth = obj_method_remember(o, name, c);
        if (meth) {
            SET_TOP(NEWREF(meth));
            PUSH(o);
            DISPATCH();
        }
        Object *v = obj_getattr(o, name);
        ERROR_IF(!v);
        SET_TOP(NULL);
        DECREF(o);
        PUSH(v);
        DISPATCH();
    }

    TARGET(OP_KW_NAMES): {
        kwnames_pending = consts[oparg];
        DISPATCH();
    }

    TARGET(OP_CALL): {
        Object *kwnames = kwnames_pending;
        kwnames_pending = NULL;
        ssize_t nargs = (ssize_t)oparg;
        Object **args = sp - nargs;
        Object *callable = args[-1];
        Object *meth = args[-2];
        if (!meth && IS_TYPE(callable, method_type)) {
            /* a bound method: call its function with self, as 3.11 does */
            MethodObject *bm = (MethodObject *)callable;
            args[-2] = meth = NEWREF(bm->func);
            args[-1] = NEWREF(bm->self);
            DECREF(bm);
        }
        if (meth) {
            callable = meth;
            args--;
            nargs++;
        }
        ssize_t npos = nargs - (kwnames ? SIZE(kwnames) : 0);
        if (ts->interrupted && vm_check_signals() < 0)
            goto call_cleanup_error;
        if (IS_TYPE(callable, function_type)) {
            FunctionObject *fn = (FunctionObject *)callable;
            Frame *nf;
            if (exact_positional(fn->code, nargs, kwnames)) {
                if (!(nf = push_function_frame(ts, fn, (int)nargs)))
                    goto call_cleanup_error;
                /* the arguments' references move into the new frame; below
                 * them only the function's slot is left (and a NULL) */
                for (ssize_t i = 0; i < nargs; i++)
                    nf->localsplus[i] = args[i];
                DECREF(callable);
            } else {
                if (!(nf = push_call_frame(ts, callable, args, npos, kwnames)))
                    goto call_cleanup_error;
                for (Object **p = sp - oparg - 2; p < sp; p++)
                    XDECREF(*p);
            }
            sp -= oparg + 2;
            SAVE_FRAME_STATE();
            nf->previous = f;
            f = nf;
            ts->frame = f;
            LOAD_FRAME_STATE();
            DISPATCH();
        }
        Object *res = obj_call(callable, args, npos, kwnames);
        for (Object **p = sp - oparg - 2; p < sp; p++)
            XDECREF(*p);
        sp -= oparg + 2;
        ERROR_IF(!res);
        PUSH(res);
        DISPATCH();
    call_cleanup_error:
        for (Object **p = sp - oparg - 2; p < sp; p++)
            XDECREF(*p);
        sp -= oparg + 2;
        goto error;
    }

    TARGET(OP_CALL_FUNCTION_EX): {
        Object *kwargs = (oparg & 1) ? POP() : NULL;
        Object *callargs = POP();
        Object *func = POP();
        Object *null = POP();
        Object *res = NULL;
        if (!IS_TYPE(callargs, tuple_type)) {
            Object *t = TYPE(callargs)->iter || TYPE(callargs)->getitem ? tuple_from_iter(callargs) : NULL;
            if (!t && !err_occurred())
                err_format(exc_TypeError, "%R argument after * must be an iterable, not %T", func, callargs);
            SETREF(callargs, t);
        }
        if (callargs)
            res = call_ex(func, callargs, kwargs);
        XDECREF(kwargs);
        XDECREF(callargs);
        DECREF(func);
        XDECREF(null);
        ERROR_IF(!res);
        PUSH(res);
        DISPATCH();
    }

    TARGET(OP_RETURN_VALUE): {
        retval = POP();
        goto return_from_frame;
    }

    TARGET(OP_BINARY_OP): {
        Object *b = POP();
        Object *a = TOP();
        Object *res;
        if (oparg == BINOP_ADD + BINOP_INPLACE && IS_TYPE(a, str_type) && IS_TYPE(b, str_type) &&
            (*ip & 0xff) == OP_STORE_FAST && localsplus[*ip >> 8] == a) {
            /* s += t into the local s: append in place when s is not shared */
            localsplus[*ip >> 8] = NULL;
            DECREF(a);
            int r = str_append(&sp[-1], b);
            DECREF(b);
            if (r < 0) {
                Object *s = POP();
                DECREF(s);
                goto error;
            }
            DISPATCH();
        }
        if (is_small_int(a) && is_small_int(b) && (res = small_int_binop(a, b, (int)oparg)))
            ;
        else
            res = num_binop(a, b, (int)oparg);
        DECREF(a);
        DECREF(b);
        SET_TOP(res);
        if (!res) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(OP_UNARY_POSITIVE): {
        Object *v = TOP();
        Object *r = num_positive(v);
        DECREF(v);
        SET_TOP(r);
        if (!r) { sp--; goto error; }
        DISPATCH();
    }

    TARGET(OP_UNARY_NEGATIVE): {
        Object *v = TOP();
        Object *r = num_negative(v);
        DECREF(v);
        SET_TOP(r);
        if (!r) { sp--; goto error; }
        DISPATCH();
    }

    TARGET(OP_UNARY_INVERT): {
        Object *v = TOP();
        Object *r = num_invert(v);
        DECREF(v);
        SET_TOP(r);
        if (!r) { sp--; goto error; }
        DISPATCH();
    }

    TARGET(OP_UNARY_NOT): {
        Object *v = TOP();
        int t = obj_is_true(v);
        DECREF(v);
        if (t < 0) { sp--; goto error; }
        SET_TOP(bool_from(!t));
        DISPATCH();
    }

    TARGET(OP_COMPARE_OP): {
        Object *b = POP();
        Object *a = TOP();
        Object *res;
        if (is_small_int(a) && is_small_int(b)) {
            long x = small_int_value(a), y = small_int_value(b);
            bool r;
            switch (oparg) {
            case CMP_LT: r = x < y; break;
            case CMP_LE: r = x <= y; break;
            case CMP_EQ: r = x == y; break;
            case CMP_NE: r = x != y; break;
            case CMP_GT: r = x > y; break;
            default: r = x >= y; break;
            }
            int next = *ip & 0xff;
            if (next == OP_POP_JUMP_IF_FALSE || next == OP_POP_JUMP_IF_TRUE) {
                /* the jump that follows takes r itself: no bool is pushed */
                DECREF(a);
                DECREF(b);
                sp--;
                if (r == (next == OP_POP_JUMP_IF_TRUE))
                    JUMPTO(*ip >> 8);
                else
                    ip++;
                DISPATCH();
            }
            res = bool_from(r);
        } else {
            res = obj_richcompare(a, b, (int)oparg);
        }
        DECREF(a);
        DECREF(b);
        SET_TOP(res);
        if (!res) { sp--; goto error; }
        DISPATCH();
    }

    TARGET(OP_IS_OP): {
        Object *b = POP();
        Object *a = TOP();
        bool r = (a == b) ^ (oparg != 0);
        DECREF(a);
        DECREF(b);
        SET_TOP(bool_from(r));
        DISPATCH();
    }

    TARGET(OP_CONTAINS_OP): {
        Object *b = POP();
        Object *a = TOP();
        int r = obj_contains(b, a);
        DECREF(a);
        DECREF(b);
        if (r < 0) { sp--; goto error; }
        SET_TOP(bool_from(r ^ (int)oparg));
        DISPATCH();
    }

    TARGET(OP_BINARY_SUBSCR): {
        Object *k = POP();
        Object *o = TOP();
        Object *r;
        if (IS_TYPE(o, list_type) && is_small_int(k)) {
            long i = small_int_value(k);
            if (i < 0)
                i += SIZE(o);
            if (i >= 0 && i < SIZE(o))
                r = NEWREF(LIST_GET(o, i));
            else
                r = obj_getitem(o, k);
        } else {
            r = obj_getitem(o, k);
        }
        DECREF(o);
        DECREF(k);
        SET_TOP(r);
        if (!r) { sp--; goto error; }
        DISPATCH();
    }

    TARGET(OP_STORE_SUBSCR): {
        Object *k = POP();
        Object *o = POP();
        Object *v = POP();
        int r = obj_setitem(o, k, v);
        DECREF(k);
        DECREF(o);
        DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_DELETE_SUBSCR): {
        Object *k = POP();
        Object *o = POP();
        int r = obj_delitem(o, k);
        DECREF(k);
        DECREF(o);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_BUILD_SLICE): {
        Object *step = oparg == 3 ? POP() : NULL;
        Object *stop = POP();
        Object *start = TOP();
        Object *s = slice_new(start, stop, step);
        DECREF(start);
        DECREF(stop);
        XDECREF(step);
        SET_TOP(s);
        if (!s) { sp--; goto error; }
        DISPATCH();
    }

    TARGET(OP_BUILD_TUPLE): {
        Object *t = tuple_new((ssize_t)oparg);
        ERROR_IF(!t);
        for (ssize_t i = (ssize_t)oparg - 1; i >= 0; i--)
            TUPLE_ITEMS(t)[i] = POP();
        PUSH(t);
        DISPATCH();
    }

    TARGET(OP_BUILD_LIST): {
        Object *l = list_new((ssize_t)oparg);
        ERROR_IF(!l);
        for (ssize_t i = (ssize_t)oparg - 1; i >= 0; i--)
            LIST_ITEMS(l)[i] = POP();
        PUSH(l);
        DISPATCH();
    }

    TARGET(OP_BUILD_SET): {
        Object *s = set_new(NULL);
        int err = s ? 0 : -1;
        for (Object **p = sp - oparg; p < sp; p++) {
            if (!err && set_add(s, *p) < 0)
                err = -1;
            DECREF(*p);
        }
        sp -= oparg;
        if (err) {
            XDECREF(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(OP_BUILD_MAP): {
        Object **items = sp - 2 * oparg;
        Object *d = dict_new_presized((ssize_t)oparg);
        for (Object **p = items; d && p < sp; p += 2)
            if (dict_setitem(d, p[0], p[1]) < 0)
                CLEAR(d);
        for (Object **p = items; p < sp; p++)
            DECREF(*p);
        sp = items;
        ERROR_IF(!d);
        PUSH(d);
        DISPATCH();
    }

    TARGET(OP_BUILD_CONST_KEY_MAP): {
        Object *keys = POP();
        Object **vals = sp - oparg;
        Object *d = dict_from_items(TUPLE_ITEMS(keys), vals, (ssize_t)oparg);
        for (Object **p = vals; p < sp; p++)
            DECREF(*p);
        sp = vals;
        DECREF(keys);
        ERROR_IF(!d);
        PUSH(d);
        DISPATCH();
    }

    TARGET(OP_BUILD_STRING): {
        Object *s = str_concat_array(sp - oparg, (ssize_t)oparg);
        for (Object **p = sp - oparg; p < sp; p++)
            DECREF(*p);
        sp -= oparg;
        ERROR_IF(!s);
        PUSH(s);
        DISPATCH();
    }

    TARGET(OP_LIST_APPEND): {
        Object *v = POP();
        int r = list_append(PEEK(oparg), v);
        DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_SET_ADD): {
        Object *v = POP();
        int r = set_add(PEEK(oparg), v);
        DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_MAP_ADD): {
        Object *v = POP();
        Object *k = POP();
        int r = dict_setitem(PEEK(oparg), k, v);
        DECREF(k);
        DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_LIST_EXTEND): {
        Object *it = POP();
        int r = list_extend(PEEK(oparg), it);
        if (r < 0 && err_matches(exc_TypeError) && !TYPE(it)->iter && !TYPE(it)->getitem) {
            err_clear();
            err_format(exc_TypeError, "Value after * must be an iterable, not %T", it);
        }
        DECREF(it);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_SET_UPDATE): {
        Object *it = POP();
        int r = set_update(PEEK(oparg), it);
        DECREF(it);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_DICT_UPDATE): {
        Object *m = POP();
        int r = dict_update(PEEK(oparg), m);
        if (r < 0 && err_matches(exc_AttributeError)) {
            err_clear();
            err_format(exc_TypeError, "'%T' object is not a mapping", m);
        }
        DECREF(m);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_DICT_MERGE): {
        Object *m = POP();
        int r = dict_merge_call(PEEK(oparg), m);
        DECREF(m);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_LIST_TO_TUPLE): {
        Object *l = TOP();
        Object *t = list_as_tuple(l);
        DECREF(l);
        SET_TOP(t);
        if (!t) { sp--; goto error; }
        DISPATCH();
    }

    TARGET(OP_UNPACK_SEQUENCE): {
        Object *seq = POP();
        int r = unpack_sequence(seq, (ssize_t)oparg, 0, sp, false);
        DECREF(seq);
        ERROR_IF(r < 0);
        sp += oparg;
        DISPATCH();
    }

    TARGET(OP_UNPACK_EX): {
        Object *seq = POP();
        ssize_t before = oparg & 0xff, after = oparg >> 8;
        ssize_t n = before + after + 1;
        int r = unpack_sequence(seq, n, after, sp, true);
        DECREF(seq);
        ERROR_IF(r < 0);
        sp += n;
        DISPATCH();
    }

    TARGET(OP_FORMAT_VALUE): {
        Object *spec = (oparg & 4) ? POP() : NULL;
        Object *r = format_value(TOP(), (int)(oparg & 3), spec);
        XDECREF(spec);
        SET_TOP(r);
        if (!r) { sp--; goto error; }
        DISPATCH();
    }

    TARGET(OP_GET_ITER): {
        Object *o = TOP();
        Object *it = obj_iter(o);
        DECREF(o);
        SET_TOP(it);
        if (!it) { sp--; goto error; }
        DISPATCH();
    }

    TARGET(OP_FOR_ITER): {
        Object *it = TOP();
        Object *v = TYPE(it)->iternext(it);
        if (v) {
            PUSH(v);
            DISPATCH();
        }
        if (err_occurred()) {
            if (!err_matches(exc_StopIteration))
                goto error;
            err_clear();
        }
        sp--;
        DECREF(it);
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(OP_JUMP): {
        if (first_instr + oparg < ip && ts->interrupted && vm_check_signals() < 0)
            goto error;
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(OP_POP_JUMP_IF_FALSE): {
        Object *v = POP();
        int t = v == True ? 1 : v == False ? 0 : obj_is_true(v);
        DECREF(v);
        ERROR_IF(t < 0);
        if (!t)
            JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(OP_POP_JUMP_IF_TRUE): {
        Object *v = POP();
        int t = v == True ? 1 : v == False ? 0 : obj_is_true(v);
        DECREF(v);
        ERROR_IF(t < 0);
        if (t)
            JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(OP_POP_JUMP_IF_NONE): {
        Object *v = POP();
        if (v == None)
            JUMPTO(oparg);
        DECREF(v);
        DISPATCH();
    }

    TARGET(OP_POP_JUMP_IF_NOT_NONE): {
        Object *v = POP();
        if (v != None)
            JUMPTO(oparg);
        DECREF(v);
        DISPATCH();
    }

    TARGET(OP_JUMP_IF_FALSE_OR_POP): {
        Object *v = TOP();
        int t = obj_is_true(v);
        ERROR_IF(t < 0);
        if (!t)
            JUMPTO(oparg);
        else {
            sp--;
            DECREF(v);
        }
        DISPATCH();
    }

    TARGET(OP_JUMP_IF_TRUE_OR_POP): {
        Object *v = TOP();
        int t = obj_is_true(v);
        ERROR_IF(t < 0);
        if (t)
            JUMPTO(oparg);
        else {
            sp--;
            DECREF(v);
        }
        DISPATCH();
    }

    TARGET(OP_MAKE_FUNCTION): {
        CodeObject *code = (CodeObject *)POP();
        FunctionObject *fn = (FunctionObject *)func_new(code, f->globals, code->qualname);
        DECREF(code);
        if (!fn) {
            if (oparg & 8) XDECREF(POP());
            if (oparg & 4) XDECREF(POP());
            if (oparg & 2) XDECREF(POP());
            if (oparg & 1) XDECREF(POP());
            goto error;
        }
        if (oparg & 8)
            fn->closure = POP();
        if (oparg & 4)
            fn->annotations = POP();
        if (oparg & 2)
            fn->kwdefaults = POP();
        if (oparg & 1)
            fn->defaults = POP();
        PUSH((Object *)fn);
        DISPATCH();
    }

    TARGET(OP_LOAD_BUILD_CLASS): {
        Object *bc = dict_getitem_str(f->builtins, "__build_class__");
        if (!bc) {
            err_set_str(exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(NEWREF(bc));
        DISPATCH();
    }

    TARGET(OP_SETUP_ANNOTATIONS): {
        if (!f->locals) {
            err_set_str(exc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        if (!dict_getitem_str(f->locals, "__annotations__")) {
            Object *d = dict_new();
            ERROR_IF(!d);
            int r = dict_setitem_str(f->locals, "__annotations__", d);
            DECREF(d);
            ERROR_IF(r < 0);
        }
        DISPATCH();
    }

    TARGET(OP_IMPORT_NAME): {
        Object *fromlist = POP();
        Object *level = TOP();
        Object *m = import_name(f, names[oparg], fromlist, level);
        DECREF(level);
        DECREF(fromlist);
        SET_TOP(m);
        if (!m) { sp--; goto error; }
        DISPATCH();
    }

    TARGET(OP_IMPORT_FROM): {
        Object *v = import_from(TOP(), names[oparg]);
        ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(OP_IMPORT_STAR): {
        Object *m = POP();
        int r = import_star(f, m);
        DECREF(m);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(OP_RAISE_VARARGS): {
        Object *cause = oparg == 2 ? POP() : NULL;
        Object *exc = oparg >= 1 ? POP() : NULL;
        if (!exc) {
            if (!ts->handled) {
                err_set_str(exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            err_restore(NEWREF(ts->handled));
            goto exception_unwind;
        }
        do_raise(exc, cause);
        DECREF(exc);
        XDECREF(cause);
        goto error;
    }

    TARGET(OP_PUSH_EXC_INFO): {
        Object *exc = TOP();
        Object *prev = ts->handled ? ts->handled : NEWREF(None);
        ts->handled = NEWREF(exc);
        SET_TOP(prev);
        PUSH(exc);
        DISPATCH();
    }

    TARGET(OP_POP_EXCEPT): {
        Object *prev = POP();
        Object *old = ts->handled;
        ts->handled = prev == None ? NULL : prev;
        if (prev == None)
            DECREF(prev);
        XDECREF(old);
        DISPATCH();
    }

    TARGET(OP_CHECK_EXC_MATCH): {
        Object *cls = POP();
        if (check_except_type(cls) < 0) {
            DECREF(cls);
            goto error;
        }
        bool m = exc_matches(TOP(), cls);
        DECREF(cls);
        PUSH(bool_from(m));
        DISPATCH();
    }

    TARGET(OP_RERAISE): {
        Object *exc = POP();
        err_restore(exc);
        goto exception_unwind;
    }

    TARGET(OP_LOAD_ASSERTION_ERROR): {
        PUSH(NEWREF(exc_AssertionError));
        DISPATCH();
    }

    TARGET(OP_BEFORE_WITH): {
        Object *mgr = TOP();
        Object *enter = special_method(mgr, "__enter__");
        Object *exit = enter ? special_method(mgr, "__exit__") : NULL;
        if (!exit) {
            XDECREF(enter);
            if (!err_occurred())
                err_format(exc_TypeError, "'%T' object does not support the context manager protocol", mgr);
            goto error;
        }
        SET_TOP(exit);
        DECREF(mgr);
        Object *r = obj_call0(enter);
        DECREF(enter);
        ERROR_IF(!r);
        PUSH(r);
        DISPATCH();
    }

    TARGET(OP_WITH_EXCEPT_START): {
        Object *exc = TOP();
        Object *exit = PEEK(4);
        ExceptionObject *e = (ExceptionObject *)exc;
        Object *args[3] = {(Object *)TYPE(exc), exc, e->traceback ? e->traceback : None};
        Object *r = obj_call(exit, args, 3, NULL);
        ERROR_IF(!r);
        PUSH(r);
        DISPATCH();
    }

    TARGET(OP_PRINT_EXPR): {
        Object *v = POP();
        Object *r = call_display_hook(v);
        DECREF(v);
        ERROR_IF(!r);
        DECREF(r);
        DISPATCH();
    }

    TARGET(OP_RETURN_GENERATOR): {
        SAVE_FRAME_STATE();
        Object *gen = gen_new_from_frame(f);
        ERROR_IF(!gen);
        /* the frame's contents moved into the generator: drop it unreleased */
        Frame *prev = f->previous;
        bool entry = f->is_entry;
        ts->stack_top = (Object **)f;
        ts->depth--;
        ts->frame = prev;
        if (entry)
            return gen;
        f = prev;
        LOAD_FRAME_STATE();
        PUSH(gen);
        DISPATCH();
    }

    TARGET(OP_YIELD_VALUE): {
        retval = POP();
        SAVE_FRAME_STATE();
        ts->depth--;
        ts->frame = f->previous;
        return retval;
    }

    TARGET(OP_GET_YIELD_FROM_ITER): {
        Object *o = TOP();
        if (!IS_TYPE(o, generator_type)) {
            Object *it = obj_iter(o);
            DECREF(o);
            SET_TOP(it);
            if (!it) { sp--; goto error; }
        }
        DISPATCH();
    }

    TARGET(OP_SEND): {
        Object *v = POP();
        Object *it = TOP();
        Object *r;
        if (IS_TYPE(it, generator_type))
            r = gen_send(it, v);
        else if (v == None)
            r = obj_next(it);
        else
            r = obj_call_method(it, "send", &v, 1);
        DECREF(v);
        if (r) {
            PUSH(r);
            DISPATCH();
        }
        Object *value = NULL;
        if (!err_occurred())
            value = NEWREF(None);
        else if (err_matches(exc_StopIteration)) {
            Object *exc = err_fetch();
            value = obj_getattr_str(exc, "value");
            DECREF(exc);
            ERROR_IF(!value);
        } else
            goto error;
        sp--;
        DECREF(it);
        PUSH(value);
        JUMPTO(oparg);
        DISPATCH();
    }

#if !USE_COMPUTED_GOTOS
    default:
        break;
#endif
    }
    err_format(exc_SystemError, "unknown opcode %d", (int)opcode);
    goto error;

error:
    SAVE_FRAME_STATE();
    traceback_add(ts->exc, f);
exception_unwind:
    for (int i = 0, lasti = (int)(ip - first_instr) - 1; i < co->nexc; i++) {
        ExcEntry *e = &co->exctable[i];
        if ((uint32_t)lasti < e->start || (uint32_t)lasti >= e->end)
            continue;
        Object **base = localsplus + co->nlocalsplus + e->depth;
        while (sp > base) {
            Object *v = POP();
            XDECREF(v);
        }
        if (e->lasti) {
            Object *l = int_from_long(lasti);
            if (!l)
                goto error;
            PUSH(l);
        }
        PUSH(err_fetch());
        JUMPTO(e->target);
        DISPATCH();
    }
    /* no handler here: leave the frame */
    while (sp > localsplus + co->nlocalsplus) {
        Object *v = POP();
        XDECREF(v);
    }
    retval = NULL;

return_from_frame:
    SAVE_FRAME_STATE();
    ts->depth--;
    {
        bool entry = f->is_entry;
        Frame *prev = f->previous;
        if (f->owner == FRAME_IN_GENERATOR)
            frame_release(f);
        else
            frame_pop(ts, f);
        ts->frame = prev;
        if (entry)
            return retval;
        f = prev;
    }
    LOAD_FRAME_STATE();
    if (!retval)
        goto error;
    PUSH(retval);
    DISPATCH();
}

Object *eval_run_frame(Frame *f, bool throwing)
{
    vm_ts->depth++;
    return eval_frame(vm_ts, f, throwing);
}
