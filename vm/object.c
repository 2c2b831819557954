/* object.c — where objects are born and die: obj_alloc / obj_free, the
 * memory in front of an object (GC header, managed-dict pointers), the size
 * sys.getsizeof reports, the revival of objects kept on free lists, and the
 * singletons None, NotImplemented, Ellipsis.
 *
 *   [ managed dict: dict | values ][ GCHead ][ refcnt | type | ... ]
 *     only TPFLAG_MANAGED_DICT       only TPFLAG_HAVE_GC   ^ Object*
 */
#include <string.h>
#include "object.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "type.h"
#include "../mem/mem.h"
#include "../mem/gc.h"
#include "../mem/obmalloc.h"

/* Bytes that precede an object of [t] in its allocation. */
static size_t preheader_size(Type *t)
{
    size_t n = 0;
    if (t->flags & TPFLAG_HAVE_GC)
        n += sizeof(GCHead);
    if (t->flags & TPFLAG_MANAGED_DICT)
        n += 2 * sizeof(void *);
    return n;
}

Object *obj_alloc_sized(Type *type, size_t size)
{
    /* a built-in type not readied at start-up gets its slots and namespace now */
    if (!(type->flags & TPFLAG_READY) && type_ready(type) < 0)
        return NULL;
    size_t pre = preheader_size(type);
    char *mem = mem_obj_malloc(pre + size);
    if (!mem)
        return err_nomemory();
    memset(mem, 0, pre + size);
    Object *o = (Object *)(mem + pre);
    o->refcnt = 1;
    o->type = type;
    if (type->flags & TPFLAG_HEAPTYPE)
        INCREF(type);
    if (type->flags & TPFLAG_HAVE_GC)
        gc_note_alloc();
    return o;
}

void obj_free(Object *o)
{
    Type *t = TYPE(o);
    if (t->flags & TPFLAG_HAVE_GC)
        gc_note_free();
    mem_obj_free((char *)o - preheader_size(t));
    if (t->flags & TPFLAG_HEAPTYPE)
        DECREF(t);
}

Object *obj_revive(Object *o)
{
    if (TYPE(o)->flags & TPFLAG_HAVE_GC)
        *AS_GC(o) = (GCHead){NULL, 0};
    o->refcnt = 1;
    return o;
}

void obj_print_freelist(FILE *out, const char *what, int count, size_t size)
{
    char line[128], label[sizeof line + 2];
    snprintf(line, sizeof line, "%d %ss * %zu bytes each", count, what, size);
    snprintf(label, sizeof label, "%48s ", line);
    mem_print_one(out, label, (size_t)count * size);
}

void obj_dealloc(Object *o)
{
    TYPE(o)->dealloc(o);
}

ssize_t obj_sizeof(Object *o)
{
    /* looked up on the type, so a class's size is type.__sizeof__ of it */
    Object *name = str_intern_literal("__sizeof__");
    Object *r = name ? obj_call_special(o, name, NULL, 0) : NULL;
    XDECREF(name);
    if (!r)
        return -1;
    if (!TYPE_CHECK(r, int_type)) {
        DECREF(r);
        err_set_str(exc_TypeError, "an integer is required");
        return -1;
    }
    ssize_t n = int_as_ssize(r);
    DECREF(r);
    if (n == -1 && err_occurred())
        return -1;
    if (n < 0) {
        err_set_str(exc_ValueError, "__sizeof__() should return >= 0");
        return -1;
    }
    return n + (obj_is_gc(o) ? (ssize_t)preheader_size(TYPE(o)) : 0);
}

/* ---- None, NotImplemented, Ellipsis ---- */

static void singleton_dealloc(Object *o)
{
    (void)o;                    /* never reached while the counts are right */
}

static Object *none_repr(Object *o) { (void)o; return str_from_cstr("None"); }
static int none_bool(Object *o) { (void)o; return 0; }
static Object *notimpl_repr(Object *o) { (void)o; return str_from_cstr("NotImplemented"); }
static Object *ellipsis_repr(Object *o) { (void)o; return str_from_cstr("Ellipsis"); }

static Object *nonetype_new(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)t; (void)args;
    if (nargs || kwnames)
        return err_format(exc_TypeError, "NoneType takes no arguments");
    return NEWREF(None);
}

Type none_type = {
    .base = {{1, &type_type}, 0}, .name = "NoneType", .basicsize = sizeof(Object),
    .dealloc = singleton_dealloc, .repr = none_repr, .nb_bool = none_bool, .new_ = nonetype_new,
};
Type notimpl_type = {
    .base = {{1, &type_type}, 0}, .name = "NotImplementedType", .basicsize = sizeof(Object),
    .dealloc = singleton_dealloc, .repr = notimpl_repr,
};
Type ellipsis_type = {
    .base = {{1, &type_type}, 0}, .name = "ellipsis", .basicsize = sizeof(Object),
    .dealloc = singleton_dealloc, .repr = ellipsis_repr,
};

Object None_obj = {1, &none_type};
Object NotImplemented_obj = {1, &notimpl_type};
Object Ellipsis_obj = {1, &ellipsis_type};
