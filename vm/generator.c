/* generator.c — generators.  A generator owns a copy of the frame its
 * function started; each next()/send() runs that frame in the eval loop until
 * it yields (the frame keeps its state) or returns (the frame is cleared). */
#include <string.h>
#include "generator.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "func.h"
#include "args.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

typedef struct {
    Object base;
    Frame *frame;               /* mem_malloc'd; frame->code NULL once finished */
    Object *name, *qualname;
    bool running;
} GenObject;

#define GEN(o) ((GenObject *)(o))

Object *gen_new_from_frame(Frame *f)
{
    size_t bytes = frame_size_words(f->code) * sizeof(Object *);
    Frame *copy = mem_malloc(bytes);
    if (!copy)
        return err_nomemory();
    GenObject *g = (GenObject *)obj_alloc(&generator_type, 0);
    if (!g) {
        mem_free(copy);
        return NULL;
    }
    memcpy(copy, f, bytes);
    copy->sp = copy->localsplus + (f->sp - f->localsplus);
    copy->owner = FRAME_IN_GENERATOR;
    copy->previous = NULL;
    g->frame = copy;
    FunctionObject *fn = (FunctionObject *)f->func;
    g->name = NEWREF(fn ? fn->name : f->code->name);
    g->qualname = NEWREF(fn ? fn->qualname : f->code->qualname);
    gc_track((Object *)g);
    return (Object *)g;
}

static bool gen_finished(GenObject *g) { return g->frame->code == NULL; }

/* Runs the generator one step; [value] NULL means throw the pending error. */
static Object *gen_step(GenObject *g, Object *value)
{
    if (g->running)
        return err_format(exc_ValueError, "generator already executing");
    if (gen_finished(g)) {
        if (value)
            err_set_obj(exc_StopIteration, NULL);
        return NULL;
    }
    if (value)
        *g->frame->sp++ = NEWREF(value);
    g->running = true;
    Object *r = eval_run_frame(g->frame, value == NULL);
    g->running = false;
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
    if (g->frame->code && g->frame->lasti < 0 && v != None)
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
    if (gen_finished(g) || g->frame->lasti < 0) {
        if (!gen_finished(g))
            frame_clear(g->frame);
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
    if (gen_finished(g) || g->frame->lasti < 0)
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
        frame_clear(g->frame);
    mem_free(g->frame);
    CLEAR(g->name);
    CLEAR(g->qualname);
    obj_free(o);
}

static int gen_traverse(Object *o, visitproc visit, void *arg)
{
    Frame *f = GEN(o)->frame;
    if (!f->code)
        return 0;
    for (Object **p = f->localsplus; p < f->sp; p++)
        if (*p && visit(*p, arg))
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
static Object *gen_get_running(Object *o, void *c) { (void)c; return NEWREF(GEN(o)->running ? True : False); }

static const GetSetDef gen_getset[] = {
    {"__name__", gen_get_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef gen_methods[] = {
    {"send", gen_send_method, 0, NULL},
    {"throw", gen_throw, 0, NULL},
    {"close", gen_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Type generator_type = {
    .base = {{1, &type_type}, 0}, .name = "generator", .basicsize = sizeof(GenObject),
    .flags = TPFLAG_HAVE_GC, .dealloc = gen_dealloc, .finalize = gen_finalize, .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext, .traverse = gen_traverse, .methods = gen_methods,
    .getset = gen_getset,
};
