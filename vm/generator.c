/* generator.c — generators.  A generator holds, inside itself, the frame its
 * function started; each next()/send() runs that frame in the eval loop until
 * it yields (the frame keeps its state) or returns (the frame is released). */
#include <string.h>
#include "generator.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "func.h"
#include "args.h"
#include "frameobject.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

/* Laid out as CPython 3.11's generator, its frame inside it, so that
 * sys.getsizeof reports the same bytes. */
typedef struct {
    Object base;
    CodeObject *code;           /* strong */
    Object *weakreflist;        /* reserved: no weak references yet */
    Object *name, *qualname;
    Object *exc_state[2];       /* reserved: the exception handled inside */
    Object *origin;             /* reserved */
    char hooks_inited, closed, running_async;
    int8_t state;               /* GEN_CREATED ... GEN_COMPLETED */
    Object *frame_words[];      /* the Frame, its slots and value stack */
} GenObject;

enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_COMPLETED };

#define GEN(o) ((GenObject *)(o))
#define GEN_FRAME(g) ((Frame *)(g)->frame_words)

Object *gen_new_from_frame(Frame *f)
{
    size_t bytes = frame_size_words(f->code) * sizeof(Object *);
    GenObject *g = (GenObject *)obj_alloc_sized(&generator_type, sizeof(GenObject) + bytes);
    if (!g)
        return NULL;
    Frame *copy = GEN_FRAME(g);
    memcpy(copy, f, sizeof(Frame) + (size_t)f->stacktop * sizeof(Object *));
    copy->owner = FRAME_IN_GENERATOR;
    copy->previous = NULL;
    if (copy->frame_obj)
        copy->frame_obj->frame = copy;
    FunctionObject *fn = (FunctionObject *)f->func;
    g->code = (CodeObject *)NEWREF(f->code);
    g->name = NEWREF(fn ? fn->name : f->code->name);
    g->qualname = NEWREF(fn ? fn->qualname : f->code->qualname);
    g->state = GEN_CREATED;
    gc_track((Object *)g);
    return (Object *)g;
}

static bool gen_finished(GenObject *g) { return g->state == GEN_COMPLETED; }

/* Runs the generator one step; [value] NULL means throw the pending error. */
static Object *gen_step(GenObject *g, Object *value)
{
    if (g->state == GEN_RUNNING)
        return err_format(exc_ValueError, "generator already executing");
    if (gen_finished(g)) {
        if (value)
            err_set_obj(exc_StopIteration, NULL);
        return NULL;
    }
    Frame *f = GEN_FRAME(g);
    if (value)
        f->localsplus[f->stacktop++] = NEWREF(value);
    g->state = GEN_RUNNING;
    Object *r = eval_run_frame(f, value == NULL);
    g->state = f->code ? GEN_SUSPENDED : GEN_COMPLETED;
    if (!gen_finished(g))
        return r;
    if (r) {
        if (r == None)
            err_set_obj(exc_StopIteration, NULL);
        else
            err_set_obj(exc_StopIteration, r);
        DECREF(r);
        return NULL;
    }
    if (err_matches(exc_StopIteration)) {
        Object *cause = err_fetch();
        err_set_str(exc_RuntimeError, "generator raised StopIteration");
        ExceptionObject *e = (ExceptionObject *)err_occurred();
        if (e) {
            SETREF(e->cause, NEWREF(cause));
            e->suppress_context = 1;
        }
        DECREF(cause);
    }
    return NULL;
}

Object *gen_send(Object *gen, Object *value)
{
    return gen_step(GEN(gen), value);
}

static Object *gen_iternext(Object *o)
{
    Object *r = gen_step(GEN(o), None);
    if (!r && err_matches(exc_StopIteration))
        err_clear();
    return r;
}

static Object *gen_send_method(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *v;
    if (args_positional("send", args, nargs, kw, 1, 1, &v) < 0)
        return NULL;
    GenObject *g = GEN(self);
    if (g->state == GEN_CREATED && v != None)
        return err_format(exc_TypeError, "can't send non-None value to a just-started generator");
    return gen_step(g, v);
}

static Object *gen_throw(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    Object *a[3] = {NULL, NULL, NULL};
    if (args_positional("throw", args, nargs, kw, 1, 3, a) < 0)
        return NULL;
    Object *exc = a[0];
    Object *inst;
    if (TYPE_CHECK(exc, type_type) && type_is_subtype((Type *)exc, exc_BaseException))
        inst = a[1] && a[1] != None ? obj_call1(exc, a[1]) : obj_call0(exc);
    else if (obj_is_instance_of(exc, exc_BaseException))
        inst = NEWREF(exc);
    else
        return err_format(exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %T", exc);
    if (!inst)
        return NULL;
    err_set(inst);
    if (gen_finished(GEN(self)))
        return NULL;
    return gen_step(GEN(self), NULL);
}

static Object *gen_close(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    if (args_positional("close", args, nargs, kw, 0, 0, NULL) < 0)
        return NULL;
    GenObject *g = GEN(self);
    if (gen_finished(g) || g->state == GEN_CREATED) {
        if (!gen_finished(g)) {
            frame_release(GEN_FRAME(g));
            g->state = GEN_COMPLETED;
        }
        return none_new();
    }
    err_set_obj(exc_GeneratorExit, NULL);
    Object *r = gen_step(g, NULL);
    if (r) {
        DECREF(r);
        return err_format(exc_RuntimeError, "generator ignored GeneratorExit");
    }
    if (err_matches(exc_GeneratorExit) || err_matches(exc_StopIteration)) {
        err_clear();
        return none_new();
    }
    return NULL;
}

/* A suspended generator that dies is closed first, so its finally blocks
 * run (CPython's _PyGen_Finalize); errors cannot propagate from here. */
static void gen_finalize(Object *o)
{
    GenObject *g = GEN(o);
    if (gen_finished(g) || g->state == GEN_CREATED)
        return;
    Object *saved = err_fetch();
    Object *r = gen_close(o, NULL, 0, NULL);
    if (r)
        DECREF(r);
    else
        err_write_unraisable(o);
    err_restore(saved);
}

static void gen_dealloc(Object *o)
{
    GenObject *g = GEN(o);
    if (!gc_is_finalized(o)) {
        /* finalized on a briefly revived generator, which may stay alive */
        o->refcnt = 1;
        gen_finalize(o);
        gc_set_finalized(o);
        if (--o->refcnt > 0)
            return;
    }
    gc_untrack(o);
    if (!gen_finished(g))
        frame_release(GEN_FRAME(g));
    CLEAR(g->code);
    CLEAR(g->name);
    CLEAR(g->qualname);
    obj_free(o);
}

static int gen_traverse(Object *o, visitproc visit, void *arg)
{
    GenObject *g = GEN(o);
    Frame *f = GEN_FRAME(g);
    if (gen_finished(g) || !f->code)
        return 0;
    for (int i = 0; i < f->stacktop; i++)
        if (f->localsplus[i] && visit(f->localsplus[i], arg))
            return 1;
    if (f->frame_obj && visit((Object *)f->frame_obj, arg))
        return 1;
    if (f->func && visit(f->func, arg))
        return 1;
    return 0;
}

static Object *gen_repr(Object *o)
{
    return str_from_format("<generator object %U at %p>", GEN(o)->qualname, (void *)o);
}

static Object *gen_iter(Object *o) { return NEWREF(o); }

static Object *gen_get_name(Object *o, void *c) { (void)c; return NEWREF(GEN(o)->name); }
static Object *gen_get_qualname(Object *o, void *c) { (void)c; return NEWREF(GEN(o)->qualname); }
static Object *gen_get_running(Object *o, void *c) { (void)c; return bool_from(GEN(o)->state == GEN_RUNNING); }

static Object *gen_get_code(Object *o, void *c) { (void)c; return NEWREF(GEN(o)->code); }

static Object *gen_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("__sizeof__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    GenObject *g = GEN(self);
    return int_from_ssize((ssize_t)(sizeof(GenObject) + frame_size_words(g->code) * sizeof(Object *)));
}

static const GetSetDef gen_getset[] = {
    {"__name__", gen_get_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef gen_methods[] = {
    {"send", gen_send_method, 0, NULL},
    {"throw", gen_throw, 0, NULL},
    {"close", gen_close, 0, NULL},
    {"__sizeof__", gen_sizeof, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Type generator_type = {
    .base = {{1, &type_type}, 0}, .name = "generator", .basicsize = sizeof(GenObject),
    .flags = TPFLAG_HAVE_GC, .dealloc = gen_dealloc, .finalize = gen_finalize, .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext, .traverse = gen_traverse, .methods = gen_methods,
    .getset = gen_getset,
};
