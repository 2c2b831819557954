/* frameobject.c — frame objects.
 *
 *   while the call runs:   FrameObject.frame ──▶ Frame on the data stack
 *                          (the Frame holds a reference to its object)
 *   when the call ends:    if anyone else still holds the object, it takes
 *                          over a copy of the Frame: header and locals, and
 *                          the caller's frame object as f_back.
 */
#include <string.h>
#include "frameobject.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "dict.h"
#include "func.h"
#include "tuple.h"
#include "generator.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

#define FO(o) ((FrameObject *)(o))

Object *frame_get_object(Frame *f)
{
    if (!f->frame_obj) {
        FrameObject *fo = (FrameObject *)obj_alloc(&frame_type, 0);
        if (!fo)
            return NULL;
        fo->frame = f;
        f->frame_obj = fo;      /* the frame's own reference */
        gc_track((Object *)fo);
    }
    return NEWREF(f->frame_obj);
}

/* Moves [f]'s header and locals into a copy that [fo] owns. */
static void take_ownership(FrameObject *fo, Frame *f)
{
    size_t bytes = sizeof(Frame) + (size_t)f->stacktop * sizeof(Object *);
    Frame *copy = mem_malloc(bytes);
    if (!copy) {
        /* no memory for the copy: the object loses the locals, not the program */
        fo->frame = NULL;
        frame_clear(f);
        return;
    }
    memcpy(copy, f, bytes);
    /* the references moved: the original is left empty */
    f->code = NULL;
    f->func = f->globals = f->builtins = f->locals = NULL;
    f->stacktop = 0;
    copy->owner = FRAME_IN_FRAME_OBJECT;
    copy->previous = NULL;
    copy->frame_obj = fo;
    fo->frame = copy;
    if (f->previous && !fo->back) {
        fo->back = frame_get_object(f->previous);
        if (!fo->back)
            err_clear();
    }
}

void frame_release(Frame *f)
{
    FrameObject *fo = f->frame_obj;
    if (fo) {
        f->frame_obj = NULL;
        if (REFCNT(fo) > 1) {
            take_ownership(fo, f);
            DECREF(fo);
            return;
        }
        fo->frame = NULL;
        DECREF(fo);
    }
    frame_clear(f);
}

static bool owns_frame(FrameObject *fo)
{
    return fo->frame && fo->frame->owner == FRAME_IN_FRAME_OBJECT;
}

static int frame_traverse(Object *o, visitproc visit, void *arg)
{
    FrameObject *fo = FO(o);
    if (fo->back && visit(fo->back, arg))
        return 1;
    if (!owns_frame(fo))
        return 0;
    Frame *f = fo->frame;
    /* the globals and builtins are the function's when there is one */
    Object *fields[] = {f->func, f->locals, (Object *)f->code,
                        f->func ? NULL : f->globals, f->func ? NULL : f->builtins};
    for (int i = 0; i < 5; i++)
        if (fields[i] && visit(fields[i], arg))
            return 1;
    for (int i = 0; i < f->stacktop; i++)
        if (f->localsplus[i] && visit(f->localsplus[i], arg))
            return 1;
    return 0;
}

/* Drops the locals an ended frame kept (the collector breaks cycles so). */
static int frame_tp_clear(Object *o)
{
    FrameObject *fo = FO(o);
    CLEAR(fo->back);
    if (owns_frame(fo)) {
        Frame *f = fo->frame;
        for (int i = 0; i < f->stacktop; i++)
            CLEAR(f->localsplus[i]);
    }
    return 0;
}

static void frame_dealloc(Object *o)
{
    FrameObject *fo = FO(o);
    gc_untrack(o);
    if (owns_frame(fo)) {
        frame_clear(fo->frame);
        mem_free(fo->frame);
    }
    fo->frame = NULL;
    CLEAR(fo->back);
    obj_free(o);
}

static Object *frame_repr(Object *o)
{
    Frame *f = FO(o)->frame;
    if (!f || !f->code)
        return str_from_format("<frame at %p, cleared>", (void *)o);
    return str_from_format("<frame at %p, file %R, line %d, code %U>", (void *)o,
                           f->code->filename, code_loc(f->code, frame_lasti(f)).line, f->code->name);
}

static Object *cleared(void) { return err_format(exc_RuntimeError, "frame has been cleared"); }

static Object *frame_get_code(Object *o, void *c)
{
    (void)c;
    Frame *f = FO(o)->frame;
    return f && f->code ? NEWREF(f->code) : cleared();
}

static Object *frame_get_globals(Object *o, void *c)
{
    (void)c;
    Frame *f = FO(o)->frame;
    return f && f->globals ? NEWREF(f->globals) : cleared();
}

static Object *frame_get_builtins(Object *o, void *c)
{
    (void)c;
    Frame *f = FO(o)->frame;
    return f && f->builtins ? NEWREF(f->builtins) : cleared();
}

static Object *frame_get_lineno(Object *o, void *c)
{
    (void)c;
    Frame *f = FO(o)->frame;
    if (!f || !f->code)
        return none_new();
    int lasti = frame_lasti(f);
    return int_from_long(code_loc(f->code, lasti < 0 ? 0 : lasti).line);
}

static Object *frame_get_lasti(Object *o, void *c)
{
    (void)c;
    Frame *f = FO(o)->frame;
    return int_from_long(f && f->code ? frame_lasti(f) * 2 : -1);
}

Object *frame_locals(Frame *f)
{
    if (f->locals)
        return NEWREF(f->locals);
    Object *d = dict_new();
    CodeObject *co = f->code;
    int n = co->nlocalsplus < f->stacktop ? co->nlocalsplus : f->stacktop;
    for (int i = 0; d && i < n; i++) {
        Object *v = f->localsplus[i];
        if (v && (co->localspluskinds[i] & (CO_KIND_CELL | CO_KIND_FREE)) && IS_TYPE(v, cell_type))
            v = ((CellObject *)v)->ref;
        if (v && dict_setitem(d, TUPLE_GET(co->localsplusnames, i), v) < 0)
            CLEAR(d);
    }
    return d;
}

static Object *frame_get_locals(Object *o, void *c)
{
    (void)c;
    Frame *f = FO(o)->frame;
    if (!f || !f->code)
        return cleared();
    return frame_locals(f);
}

static Object *frame_get_back(Object *o, void *c)
{
    (void)c;
    FrameObject *fo = FO(o);
    if (fo->back)
        return NEWREF(fo->back);
    Frame *f = fo->frame;
    if (f && !owns_frame(fo) && f->previous)
        return frame_get_object(f->previous);
    return none_new();
}

static const GetSetDef frame_getset[] = {
    {"f_code", frame_get_code, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL},
    {"f_lineno", frame_get_lineno, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL},
    {"f_back", frame_get_back, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type frame_type = {
    .base = {{1, &type_type}, 0}, .name = "frame", .basicsize = sizeof(FrameObject),
    .flags = TPFLAG_HAVE_GC, .dealloc = frame_dealloc, .repr = frame_repr,
    .traverse = frame_traverse, .clear = frame_tp_clear, .getset = frame_getset,
};
