/* type.c — `type` and `object`: readying built-in types, making classes
 * (MRO, layout, slots that call dunder methods), attribute lookup on types
 * and instances, and the descriptors of built-in methods and attributes.
 *
 * An instance of a class without __slots__ keeps its attributes in a dict
 * reached through the "managed dict" words in front of its GC header, as in
 * CPython 3.11; __slots__ values sit inline after the header.
 */
#include <string.h>
#include "type.h"
#include "code.h"
#include "errors.h"
#include "interp.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "func.h"
#include "args.h"
#include "module.h"
#include "suggestions.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

/* ---- method cache: (type, interned name) -> borrowed attribute ---- */

#define MCACHE_SIZE 4096
typedef struct {
    Type *type;
    Object *name;
    Object *value;
    unsigned epoch;
} MCacheEntry;
static MCacheEntry mcache[MCACHE_SIZE];
unsigned type_epoch = 1;

static Object *mro_lookup(Type *t, Object *name)
{
    Object *mro = t->mro;
    if (!mro)
        return t->dict ? dict_getitem(t->dict, name) : NULL;
    for (ssize_t i = 0; i < SIZE(mro); i++) {
        Type *b = (Type *)TUPLE_GET(mro, i);
        Object *v = b->dict ? dict_getitem(b->dict, name) : NULL;
        if (v)
            return v;
    }
    return NULL;
}

Object *type_lookup(Type *t, Object *name)
{
    if (!((StrObject *)name)->state.interned)
        return mro_lookup(t, name);
    size_t h = (((uintptr_t)t >> 4) ^ ((uintptr_t)name >> 3)) & (MCACHE_SIZE - 1);
    MCacheEntry *e = &mcache[h];
    if (e->type == t && e->name == name && e->epoch == type_epoch)
        return e->value;
    Object *v = mro_lookup(t, name);
    e->type = t;
    e->name = name;
    e->value = v;
    e->epoch = type_epoch;
    return v;
}

bool type_is_subtype(Type *a, Type *b)
{
    if (a == b)
        return true;
    Object *mro = a->mro;
    if (mro) {
        for (ssize_t i = 0; i < SIZE(mro); i++)
            if (TUPLE_GET(mro, i) == (Object *)b)
                return true;
        return false;
    }
    for (Type *t = a->base_type; t; t = t->base_type)
        if (t == b)
            return true;
    return b == &object_type;
}

bool obj_is_instance_of(Object *o, Type *t)
{
    return TYPE(o) == t || type_is_subtype(TYPE(o), t);
}

/* ---- instance attributes: inline values, or a dict ----
 *
 * As in CPython 3.11, a class whose instances get a __dict__ from it (not
 * from a base) owns a keys object of the split kind: the str names its
 * instances have used, with room for 30 (vm/dict.h).  An instance of a
 * class based on object is born with a values array over those keys, sized
 * by the room left, which shrinks by one for every instance made; its
 * attributes sit there, in the order they were set, with no dict object.
 * Asking for __dict__ makes a dict that shares the class's keys and takes
 * the array over; so does a name that is not an exact str or finds no room
 * left, and the dict then stops sharing.  Instances of other bases (list,
 * ...) have no array: their first attribute makes a dict sharing the keys
 * (a plain dict for variable-sized ones, like int's).
 *
 *   [ values* | dict* ][ GCHead ][ refcnt | type | ... ]
 */

Object **obj_dict_ptr(Object *o)
{
    Type *t = TYPE(o);
    if (t->flags & TPFLAG_MANAGED_DICT)
        return obj_managed_dict_slot(o);
    if (t->dictoffset)
        return (Object **)((char *)o + t->dictoffset);
    return NULL;
}

static Type *solid_type(Type *t);

/* The class's split keys, made for its first instance; NULL (error set)
 * when memory ran out. */
static DictKeys *class_keys(Type *t)
{
    if (!t->shared_keys)
        t->shared_keys = dict_keys_new_for_class();
    return t->shared_keys;
}

static void shared_keys_free(Type *t)
{
    if (t->shared_keys)
        dict_keys_decref(t->shared_keys);
    t->shared_keys = NULL;
}

/* Gives an instance its values array (CPython's init_inline_values). */
static int init_values(Object *o)
{
    DictKeys *k = class_keys(TYPE(o));
    DictValues *v = k ? dict_values_new(k) : NULL;
    if (!v)
        return -1;
    *obj_values_slot(o) = v;
    return 0;
}

/* Whether [o] keeps its attributes in a values array: 1 when it has one,
 * or has no dict yet and is based on object (then it gets its array now,
 * if it lost it to a collection); 0 if not; -1 on error. */
static int uses_values(Object *o)
{
    if (*obj_values_slot(o))
        return 1;
    if (*obj_managed_dict_slot(o) || solid_type(TYPE(o)) != &object_type)
        return 0;
    return init_values(o) < 0 ? -1 : 1;
}

/* Turns the values of [o] into its dict: a split dict that takes them. */
static Object *values_to_dict(Object *o)
{
    Object *d = dict_from_values(TYPE(o)->shared_keys, *obj_values_slot(o));
    if (!d)
        return NULL;
    *obj_values_slot(o) = NULL;
    *obj_managed_dict_slot(o) = d;
    return d;
}

/* The dict a store on [o] (no dict yet) has to go to: one made from its
 * values, else a new one that shares the class's keys (CPython's
 * _PyObjectDict_SetItem; variable-sized instances get a plain dict, as
 * CPython gives their classes no shared keys). */
static Object *dict_for_store(Object *o)
{
    Type *t = TYPE(o);
    if (*obj_values_slot(o))
        return values_to_dict(o);
    if (t->itemsize)
        return *obj_managed_dict_slot(o) = dict_new();
    DictKeys *k = class_keys(t);
    return k ? (*obj_managed_dict_slot(o) = dict_new_shared(k)) : NULL;
}

/* Borrowed value of attribute [name] of [o], which has no dict, or NULL
 * (with an error set if a dict was needed and could not be made): a name
 * that is not an exact str is looked up in a dict made from the values. */
static Object *values_get(Object *o, Object *name)
{
    DictValues *v = *obj_values_slot(o);
    if (!v)
        return NULL;
    if (IS_TYPE(name, str_type))
        return dict_values_get(TYPE(o)->shared_keys, v, name);
    Object *d = values_to_dict(o);
    return d ? dict_getitem_err(d, name) : NULL;
}

/* The AttributeError of a store or delete that finds no attribute: CPython
 * 3.11 sets no name or obj on it (so no suggestion follows). */
static int no_attribute_to_set(Object *o, Object *name)
{
    if (TYPE_CHECK(o, type_type))
        err_format(exc_AttributeError, "type object '%s' has no attribute '%U'", ((Type *)o)->name, name);
    else
        err_format(exc_AttributeError, "'%s' object has no attribute '%U'", TYPE(o)->name, name);
    return -1;
}

/* Sets (value) or deletes (NULL) an attribute of [o], which has no dict,
 * in its values: 1 done, 0 when it needs a dict for that, -1 on error. */
static int values_set(Object *o, Object *name, Object *value)
{
    int r = uses_values(o);
    if (r <= 0)
        return r;
    switch (dict_values_store(TYPE(o)->shared_keys, *obj_values_slot(o), name, value)) {
    case DICT_VALUES_DONE:
        return 1;
    case DICT_VALUES_MISSING:
        return no_attribute_to_set(o, name);
    default:
        return 0;
    }
}

Object *obj_instance_dict(Object *o, bool create)
{
    Object **p = obj_dict_ptr(o);
    if (!p)
        return NULL;
    if (!*p && (TYPE(o)->flags & TPFLAG_MANAGED_DICT)) {
        int r = create ? uses_values(o) : *obj_values_slot(o) != NULL;
        if (r)
            return r < 0 ? NULL : values_to_dict(o);
    }
    if (!*p && create)
        *p = dict_new();
    return *p;
}

/* After a generic get or set of [name] on [o] gave or stored [value]:
 * remembers in [c] the shared-key slot that held it, if the instance's
 * values array is what answered (no data descriptor on the class). */
static void remember_values_slot(AttrCache *c, Object *o, Object *name, Object *value)
{
    Type *t = TYPE(o);
    if (!IS_TYPE(name, str_type) || !obj_has_inline_values(o))
        return;
    Object *descr = type_lookup(t, name);
    if (descr && TYPE(descr)->descr_get && TYPE(descr)->descr_set)
        return;
    ssize_t ix = dict_values_index(t->shared_keys, name);
    if (ix >= 0 && dict_values_at(*obj_values_slot(o), ix) == value)
        *c = (AttrCache){.type = t, .epoch = type_epoch, .index = (int)ix};
}

Object *obj_getattr_remember(Object *o, Object *name, AttrCache *c)
{
    Object *r = obj_getattr(o, name);
    if (r && TYPE(o)->getattr == obj_generic_getattr)
        remember_values_slot(c, o, name, r);
    return r;
}

/* The instance attribute [name] of [o] (inline value or dict entry),
 * borrowed; NULL if absent (no error). */
static Object *obj_instance_attr(Object *o, Object *name)
{
    Object **dp = obj_dict_ptr(o);
    if (!dp)
        return NULL;
    if (*dp)
        return dict_getitem(*dp, name);
    return (TYPE(o)->flags & TPFLAG_MANAGED_DICT) ? values_get(o, name) : NULL;
}

/* When o's attributes are in its values array: the version of the shared
 * keys that proves no instance of o's class keeps [name] among its values,
 * as long as those keys stay the same.  0 otherwise, or when none does. */
static uint32_t keys_version_without(Object *o, Object *name)
{
    DictKeys *k = TYPE(o)->shared_keys;
    if (!obj_has_inline_values(o) || dict_values_index(k, name) >= 0)
        return 0;
    return dict_keys_version(k);
}

/* Whether o.name is [descr], a function found on the class, called with
 * o as its first argument (no bound method needed). */
static bool is_plain_method(Object *o, Object *name, Object *descr)
{
    if (!descr || !(IS_TYPE(descr, function_type) ||
                    (IS_TYPE(descr, method_descr_type) &&
                     !(((MethodDescrObject *)descr)->def->flags & (METH_STATIC | METH_CLASS)))))
        return false;
    return !obj_instance_attr(o, name);
}

Object *obj_method_remember(Object *o, Object *name, AttrCache *c)
{
    Type *t = TYPE(o);
    if (t->getattr != obj_generic_getattr)
        return NULL;
    Object *descr = type_lookup(t, name);
    if (!is_plain_method(o, name, descr))
        return NULL;
    uint32_t version = keys_version_without(o, name);
    if (version || !obj_dict_ptr(o))
        *c = (AttrCache){.type = t, .epoch = type_epoch, .keys_version = version, .method = descr};
    return descr;
}

int obj_setattr_remember(Object *o, Object *name, Object *value, AttrCache *c)
{
    if (obj_setattr(o, name, value) < 0)
        return -1;
    if (TYPE(o)->setattr == obj_generic_setattr)
        remember_values_slot(c, o, name, value);
    return 0;
}


/* ---- generic attribute access ---- */

static Object *no_attribute(Object *o, Object *name)
{
    if (TYPE_CHECK(o, type_type))
        err_format(exc_AttributeError, "type object '%s' has no attribute '%U'",
                   ((Type *)o)->name, name);
    else if (IS_TYPE(o, module_type)) {
        Object *mn = dict_getitem_str(((ModuleObject *)o)->dict, "__name__");
        err_format(exc_AttributeError, "module '%U' has no attribute '%U'",
                   mn ? mn : ((ModuleObject *)o)->name, name);
    } else
        err_format(exc_AttributeError, "'%s' object has no attribute '%U'", TYPE(o)->name, name);
    if (err_occurred())
        exc_set_name_context(err_occurred(), name, o);
    return NULL;
}

Object *obj_generic_getattr(Object *o, Object *name)
{
    if (!TYPE_CHECK(name, str_type))
        return err_format(exc_TypeError, "attribute name must be string, not '%T'", name);
    Type *t = TYPE(o);
    Object *descr = type_lookup(t, name);
    descrgetfunc get = NULL;
    if (descr) {
        INCREF(descr);
        get = TYPE(descr)->descr_get;
        if (get && TYPE(descr)->descr_set) {
            Object *r = get(descr, o, (Object *)t);
            DECREF(descr);
            return r;
        }
    }
    Object **dp = obj_dict_ptr(o);
    if (dp && *dp) {
        Object *v = dict_getitem_err(*dp, name);
        if (v) {
            XDECREF(descr);
            return NEWREF(v);
        }
        if (err_occurred()) {
            XDECREF(descr);
            return NULL;
        }
    } else if (dp && (t->flags & TPFLAG_MANAGED_DICT)) {
        Object *v = values_get(o, name);
        if (v || err_occurred()) {
            XDECREF(descr);
            return XNEWREF(v);
        }
    }
    if (get) {
        Object *r = get(descr, o, (Object *)t);
        DECREF(descr);
        return r;
    }
    if (descr)
        return descr;
    return no_attribute(o, name);
}

int obj_generic_setattr(Object *o, Object *name, Object *value)
{
    if (!TYPE_CHECK(name, str_type))
        return err_format(exc_TypeError, "attribute name must be string, not '%T'", name), -1;
    Type *t = TYPE(o);
    Object *descr = type_lookup(t, name);
    if (descr && TYPE(descr)->descr_set) {
        INCREF(descr);
        int r = TYPE(descr)->descr_set(descr, o, value);
        DECREF(descr);
        return r;
    }
    Object **dp = obj_dict_ptr(o);
    if (!dp) {
        if (descr)
            return err_format(exc_AttributeError, "'%s' object attribute '%U' is read-only",
                              t->name, name), -1;
        return err_format(exc_AttributeError, "'%s' object has no attribute '%U'", t->name, name), -1;
    }
    if (!*dp && (t->flags & TPFLAG_MANAGED_DICT)) {
        int r = values_set(o, name, value);
        if (r != 0)
            return r < 0 ? -1 : 0;
        if (!dict_for_store(o))
            return -1;
    }
    if (value) {
        if (!*dp && !(*dp = dict_new()))
            return -1;
        return dict_setitem(*dp, name, value);
    }
    if (*dp) {
        int r = dict_contains(*dp, name);
        if (r > 0)
            return dict_delitem(*dp, name);
        if (r < 0)
            return -1;
    }
    return no_attribute_to_set(o, name);
}

/* ---- descriptors for built-in methods, attributes and slots ---- */

/* Method, getset and member descriptors all start with their owner type,
 * which they keep alive (a class and its descriptors form a cycle). */
typedef struct {
    Object base;
    Type *owner;
} DescrHead;

static void descr_dealloc(Object *o)
{
    gc_untrack(o);
    if (IS_TYPE(o, member_descr_type))
        DECREF(((MemberDescrObject *)o)->name);
    XDECREF(((DescrHead *)o)->owner);
    obj_free(o);
}

static int descr_traverse(Object *o, visitproc visit, void *arg)
{
    Type *owner = ((DescrHead *)o)->owner;
    return owner ? visit((Object *)owner, arg) : 0;
}

/* Starts a descriptor of [owner]: a new reference to it, tracked. */
static Object *descr_init(Object *d, Type *owner)
{
    if (d) {
        ((DescrHead *)d)->owner = (Type *)NEWREF(owner);
        gc_track(d);
    }
    return d;
}

static Object *method_descr_get(Object *d, Object *obj, Object *type)
{
    (void)type;
    MethodDescrObject *md = (MethodDescrObject *)d;
    if (md->def->flags & METH_CLASS)
        return cfunction_new(md->def, obj ? (Object *)TYPE(obj) : type, NULL);
    if (md->def->flags & METH_STATIC)
        return cfunction_new(md->def, NULL, NULL);
    if (!obj)
        return NEWREF(d);
    if (!obj_is_instance_of(obj, md->owner))
        return err_format(exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                          md->def->name, md->owner->name, obj);
    return cfunction_new(md->def, obj, NULL);
}

static Object *method_descr_call(Object *d, Object *const *args, ssize_t nargs, Object *kwnames)
{
    MethodDescrObject *md = (MethodDescrObject *)d;
    if (md->def->flags & METH_STATIC)
        return md->def->func(NULL, args, nargs, kwnames);
    if (md->def->flags & METH_CLASS) {
        if (nargs < 1 || !TYPE_CHECK(args[0], type_type))
            return err_format(exc_TypeError, "descriptor '%s' needs a type", md->def->name);
        return md->def->func(args[0], args + 1, nargs - 1, kwnames);
    }
    if (nargs < 1)
        return err_format(exc_TypeError, "unbound method %s.%s() needs an argument",
                          md->owner->name, md->def->name);
    if (!obj_is_instance_of(args[0], md->owner))
        return err_format(exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                          md->def->name, md->owner->name, args[0]);
    return md->def->func(args[0], args + 1, nargs - 1, kwnames);
}

static Object *method_descr_repr(Object *d)
{
    MethodDescrObject *md = (MethodDescrObject *)d;
    return str_from_format("<method '%s' of '%s' objects>", md->def->name, md->owner->name);
}

Type method_descr_type = {
    .base = {{1, &type_type}, 0}, .name = "method_descriptor",
    .basicsize = sizeof(MethodDescrObject), .flags = TPFLAG_HAVE_GC, .traverse = descr_traverse, .dealloc = descr_dealloc,
    .repr = method_descr_repr, .call = method_descr_call, .descr_get = method_descr_get,
};

static Object *getset_get(Object *d, Object *obj, Object *type)
{
    (void)type;
    GetSetDescrObject *gd = (GetSetDescrObject *)d;
    if (!obj)
        return NEWREF(d);
    return gd->def->get(obj, gd->def->closure);
}

static int getset_set(Object *d, Object *obj, Object *value)
{
    GetSetDescrObject *gd = (GetSetDescrObject *)d;
    if (!gd->def->set)
        return err_format(exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                          gd->def->name, gd->owner->name), -1;
    return gd->def->set(obj, value, gd->def->closure);
}

static Object *getset_repr(Object *d)
{
    GetSetDescrObject *gd = (GetSetDescrObject *)d;
    return str_from_format("<attribute '%s' of '%s' objects>", gd->def->name, gd->owner->name);
}

Type getset_descr_type = {
    .base = {{1, &type_type}, 0}, .name = "getset_descriptor",
    .basicsize = sizeof(GetSetDescrObject), .flags = TPFLAG_HAVE_GC, .traverse = descr_traverse, .dealloc = descr_dealloc,
    .repr = getset_repr, .descr_get = getset_get, .descr_set = getset_set,
};

static Object *member_get(Object *d, Object *obj, Object *type)
{
    (void)type;
    MemberDescrObject *m = (MemberDescrObject *)d;
    if (!obj)
        return NEWREF(d);
    Object *v = *(Object **)((char *)obj + m->offset);
    if (!v)
        return err_format(exc_AttributeError, "'%T' object has no attribute '%U'", obj, m->name);
    return NEWREF(v);
}

static int member_set(Object *d, Object *obj, Object *value)
{
    MemberDescrObject *m = (MemberDescrObject *)d;
    Object **slot = (Object **)((char *)obj + m->offset);
    if (!value && !*slot)
        return err_format(exc_AttributeError, "%U", m->name), -1;
    SETREF(*slot, XNEWREF(value));
    return 0;
}

static Object *member_repr(Object *d)
{
    MemberDescrObject *m = (MemberDescrObject *)d;
    return str_from_format("<member '%U' of '%s' objects>", m->name, m->owner->name);
}

Type member_descr_type = {
    .base = {{1, &type_type}, 0}, .name = "member_descriptor",
    .basicsize = sizeof(MemberDescrObject), .flags = TPFLAG_HAVE_GC, .traverse = descr_traverse, .dealloc = descr_dealloc,
    .repr = member_repr, .descr_get = member_get, .descr_set = member_set,
};

/* ---- slot wrappers: dunder names of built-in types' slots ---- */

typedef enum {
    SK_UNARY, SK_BINARY, SK_RBINARY, SK_RICHCMP, SK_LEN, SK_HASH, SK_BOOL,
    SK_GETITEM, SK_SETITEM, SK_DELITEM, SK_CONTAINS, SK_INIT, SK_CALL,
    SK_GETATTR, SK_SETATTR, SK_DELATTR, SK_NEXT, SK_DESCR_GET, SK_DESCR_SET, SK_DESCR_DELETE,
    SK_FINALIZE
} SlotKind;

typedef struct {
    const char *name;
    size_t offset;
    SlotKind kind;
    int arg;
    void *generic;              /* the slot function of classes defining the name */
} SlotDef;

typedef struct {
    Object base;
    Type *owner;
    const SlotDef *slot;
    Object *self;               /* bound (method-wrapper) or NULL */
} WrapperObject;


#define SLOT_FUNC(field) ((void **)((char *)t + (field)))

/* Calls a built-in slot the way a dunder method call asks for it. */
static Object *wrapper_invoke(const SlotDef *s, Type *owner, Object *self,
                              Object *const *args, ssize_t nargs, Object *kwnames)
{
    Type *t = owner;
    void *fn = *SLOT_FUNC(s->offset);
    int want = 0;
    switch (s->kind) {
    case SK_BINARY: case SK_RBINARY: case SK_RICHCMP: case SK_GETITEM: case SK_DELITEM:
    case SK_CONTAINS: case SK_GETATTR: case SK_DELATTR: want = 1; break;
    case SK_SETITEM: case SK_SETATTR: case SK_DESCR_SET: want = 2; break;
    case SK_DESCR_DELETE: want = 1; break;
    case SK_INIT: case SK_CALL: want = -1; break;
    case SK_DESCR_GET: want = -2; break;
    default: want = 0;
    }
    if (want >= 0 && (nargs != want || (kwnames && SIZE(kwnames))))
        return err_format(exc_TypeError, "expected %d argument%s, got %zd", want,
                          want == 1 ? "" : "s", nargs);
    int r;
    switch (s->kind) {
    case SK_UNARY: case SK_NEXT: {
        Object *v = ((unaryfunc)fn)(self);
        if (!v && s->kind == SK_NEXT && !err_occurred())
            err_set_obj(exc_StopIteration, NULL);
        return v;
    }
    case SK_BINARY: return ((binaryfunc)fn)(self, args[0]);
    case SK_RBINARY: return ((binaryfunc)fn)(args[0], self);
    case SK_RICHCMP: return ((richcmpfunc)fn)(self, args[0], s->arg);
    case SK_LEN: {
        ssize_t n = ((lenfunc)fn)(self);
        return n < 0 ? NULL : int_from_ssize(n);
    }
    case SK_HASH: {
        hash_t h = ((hashfunc)fn)(self);
        return h == -1 && err_occurred() ? NULL : int_from_ssize((ssize_t)h);
    }
    case SK_BOOL:
        r = ((inquiry)fn)(self);
        return r < 0 ? NULL : bool_from(r);
    case SK_GETITEM: return ((binaryfunc)fn)(self, args[0]);
    case SK_SETITEM:
        r = ((objobjargproc)fn)(self, args[0], args[1]);
        return r < 0 ? NULL : none_new();
    case SK_DELITEM:
        r = ((objobjargproc)fn)(self, args[0], NULL);
        return r < 0 ? NULL : none_new();
    case SK_CONTAINS:
        r = ((objobjproc)fn)(self, args[0]);
        return r < 0 ? NULL : bool_from(r);
    case SK_INIT:
        r = ((initfunc)fn)(self, args, nargs, kwnames);
        return r < 0 ? NULL : none_new();
    case SK_CALL: return ((callfunc)fn)(self, args, nargs, kwnames);
    case SK_GETATTR: return ((getattrofunc)fn)(self, args[0]);
    case SK_SETATTR:
        r = ((setattrofunc)fn)(self, args[0], args[1]);
        return r < 0 ? NULL : none_new();
    case SK_DELATTR:
        r = ((setattrofunc)fn)(self, args[0], NULL);
        return r < 0 ? NULL : none_new();
    case SK_FINALIZE:
        ((destructor)fn)(self);
        return none_new();
    case SK_DESCR_SET:
    case SK_DESCR_DELETE:
        r = ((descrsetfunc)fn)(self, args[0], s->kind == SK_DESCR_SET ? args[1] : NULL);
        return r < 0 ? NULL : none_new();
    case SK_DESCR_GET:
        if (nargs < 1 || nargs > 2)
            return err_format(exc_TypeError, "__get__ expected 1 or 2 arguments");
        return ((descrgetfunc)fn)(self, args[0] == None ? NULL : args[0],
                                  nargs > 1 ? args[1] : NULL);
    }
    return NULL;
}

static Object *wrapper_descr_call(Object *w, Object *const *args, ssize_t nargs, Object *kwnames)
{
    WrapperObject *wo = (WrapperObject *)w;
    if (wo->self)
        return wrapper_invoke(wo->slot, wo->owner, wo->self, args, nargs, kwnames);
    if (nargs < 1)
        return err_format(exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                          wo->slot->name, wo->owner->name);
    if (!obj_is_instance_of(args[0], wo->owner))
        return err_format(exc_TypeError, "descriptor '%s' requires a '%s' object but received a '%T'",
                          wo->slot->name, wo->owner->name, args[0]);
    return wrapper_invoke(wo->slot, wo->owner, args[0], args + 1, nargs - 1, kwnames);
}

static Object *wrapper_new(Type *owner, const SlotDef *s, Object *self)
{
    WrapperObject *w = (WrapperObject *)obj_alloc(self ? &method_wrapper_type : &wrapper_descr_type, 0);
    if (!w)
        return NULL;
    w->slot = s;
    w->self = XNEWREF(self);
    return descr_init((Object *)w, owner);
}

static Object *wrapper_descr_get(Object *w, Object *obj, Object *type)
{
    (void)type;
    if (!obj)
        return NEWREF(w);
    return wrapper_new(((WrapperObject *)w)->owner, ((WrapperObject *)w)->slot, obj);
}

static void wrapper_dealloc(Object *w)
{
    gc_untrack(w);
    XDECREF(((WrapperObject *)w)->self);
    XDECREF(((WrapperObject *)w)->owner);
    obj_free(w);
}

static int wrapper_traverse(Object *w, visitproc visit, void *arg)
{
    Object *self = ((WrapperObject *)w)->self;
    if (self && visit(self, arg))
        return 1;
    return visit((Object *)((WrapperObject *)w)->owner, arg);
}

static Object *wrapper_repr(Object *w)
{
    WrapperObject *wo = (WrapperObject *)w;
    if (wo->self)
        return str_from_format("<method-wrapper '%s' of %s object at %p>",
                               wo->slot->name, TYPE(wo->self)->name, (void *)wo->self);
    return str_from_format("<slot wrapper '%s' of '%s' objects>", wo->slot->name, wo->owner->name);
}

Type wrapper_descr_type = {
    .base = {{1, &type_type}, 0}, .name = "wrapper_descriptor",
    .basicsize = sizeof(WrapperObject), .flags = TPFLAG_HAVE_GC, .traverse = wrapper_traverse,
    .dealloc = wrapper_dealloc, .repr = wrapper_repr,
    .call = wrapper_descr_call, .descr_get = wrapper_descr_get,
};
Type method_wrapper_type = {
    .base = {{1, &type_type}, 0}, .name = "method-wrapper",
    .basicsize = sizeof(WrapperObject), .flags = TPFLAG_HAVE_GC, .traverse = wrapper_traverse,
    .dealloc = wrapper_dealloc, .repr = wrapper_repr, .call = wrapper_descr_call,
};

/* ---- slots of classes: they call the dunder methods found on the class ---- */

static Object *slot_name(const char *s) { return str_intern_literal(s); }

/* Looks [name] up on type(self) and calls it with self prepended. */
Object *obj_call_special(Object *self, Object *name, Object *const *args, ssize_t nargs)
{
    Object *f = type_lookup(TYPE(self), name);
    if (!f)
        return err_format(exc_AttributeError, "'%T' object has no attribute '%U'", self, name);
    INCREF(f);
    Object *r;
    if (IS_TYPE(f, function_type)) {
        Object *stack[8];
        if (nargs > 7) {
            DECREF(f);
            return err_format(exc_SystemError, "too many slot arguments");
        }
        stack[0] = self;
        for (ssize_t i = 0; i < nargs; i++)
            stack[i + 1] = args[i];
        r = obj_call(f, stack, nargs + 1, NULL);
    } else {
        descrgetfunc get = TYPE(f)->descr_get;
        Object *bound = get ? get(f, self, (Object *)TYPE(self)) : NEWREF(f);
        r = bound ? obj_call(bound, args, nargs, NULL) : NULL;
        XDECREF(bound);
    }
    DECREF(f);
    return r;
}

/* Like obj_call_special but answers NotImplemented when the class lacks it. */
static Object *slot_call_maybe(Object *self, const char *cname, Object *const *args, ssize_t nargs)
{
    Object *name = slot_name(cname);
    Object *r = type_lookup(TYPE(self), name) ? obj_call_special(self, name, args, nargs)
                                              : NEWREF(NotImplemented);
    DECREF(name);
    return r;
}

static Object *slot_call(Object *self, const char *cname, Object *const *args, ssize_t nargs)
{
    Object *name = slot_name(cname);
    Object *r = obj_call_special(self, name, args, nargs);
    DECREF(name);
    return r;
}

static Object *slot_repr(Object *self) { return slot_call(self, "__repr__", NULL, 0); }

bool type_repr_is_python(Type *t) { return t->repr == slot_repr; }
static Object *slot_str(Object *self) { return slot_call(self, "__str__", NULL, 0); }
static Object *slot_iter(Object *self) { return slot_call(self, "__iter__", NULL, 0); }
static Object *slot_neg(Object *self) { return slot_call(self, "__neg__", NULL, 0); }
static Object *slot_pos(Object *self) { return slot_call(self, "__pos__", NULL, 0); }
static Object *slot_abs(Object *self) { return slot_call(self, "__abs__", NULL, 0); }
static Object *slot_invert(Object *self) { return slot_call(self, "__invert__", NULL, 0); }
static Object *slot_int(Object *self) { return slot_call(self, "__int__", NULL, 0); }
static Object *slot_float(Object *self) { return slot_call(self, "__float__", NULL, 0); }
static Object *slot_index(Object *self) { return slot_call(self, "__index__", NULL, 0); }

static Object *slot_next(Object *self)
{
    Object *r = slot_call(self, "__next__", NULL, 0);
    if (!r && err_matches(exc_StopIteration))
        err_clear();
    return r;
}

static hash_t slot_hash(Object *self)
{
    Object *r = slot_call(self, "__hash__", NULL, 0);
    if (!r)
        return -1;
    if (!TYPE_CHECK(r, int_type)) {
        DECREF(r);
        err_set_str(exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    hash_t h = int_hash(r);
    DECREF(r);
    return h;
}

static ssize_t slot_len(Object *self)
{
    Object *r = slot_call(self, "__len__", NULL, 0);
    if (!r)
        return -1;
    if (!TYPE_CHECK(r, int_type)) {
        err_format(exc_TypeError, "'%T' object cannot be interpreted as an integer", r);
        DECREF(r);
        return -1;
    }
    ssize_t n = int_as_ssize(r);
    DECREF(r);
    if (n < 0 && !err_occurred())
        err_set_str(exc_ValueError, "__len__() should return >= 0");
    return n < 0 ? -1 : n;
}

static int slot_bool(Object *self)
{
    Object *name = slot_name("__bool__");
    Object *r;
    if (type_lookup(TYPE(self), name)) {
        r = obj_call_special(self, name, NULL, 0);
        DECREF(name);
        if (!r)
            return -1;
        if (!IS_TYPE(r, bool_type)) {
            err_format(exc_TypeError, "__bool__ should return bool, returned %T", r);
            DECREF(r);
            return -1;
        }
        int v = r == True;
        DECREF(r);
        return v;
    }
    DECREF(name);
    name = slot_name("__len__");
    bool has_len = type_lookup(TYPE(self), name) != NULL;
    DECREF(name);
    if (!has_len)
        return 1;
    ssize_t n = slot_len(self);
    return n < 0 ? -1 : n > 0;
}

static Object *slot_getitem(Object *self, Object *k) { return slot_call(self, "__getitem__", &k, 1); }

static int slot_setitem(Object *self, Object *k, Object *v)
{
    Object *args[2] = {k, v};
    Object *r = v ? slot_call(self, "__setitem__", args, 2) : slot_call(self, "__delitem__", &k, 1);
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

static int slot_contains(Object *self, Object *k)
{
    Object *name = slot_name("__contains__");
    bool has = type_lookup(TYPE(self), name) != NULL;
    if (!has) {
        DECREF(name);
        /* no __contains__: iterate */
        Object *it = obj_iter(self);
        if (!it)
            return -1;
        Object *item;
        while ((item = obj_next(it))) {
            int eq = obj_richcompare_bool(item, k, CMP_EQ);
            DECREF(item);
            if (eq != 0) {
                DECREF(it);
                return eq;
            }
        }
        DECREF(it);
        return err_occurred() ? -1 : 0;
    }
    Object *r = obj_call_special(self, name, &k, 1);
    DECREF(name);
    if (!r)
        return -1;
    int t = obj_is_true(r);
    DECREF(r);
    return t;
}


/* Calls [f] with [first] prepended to the arguments.  With keywords the
 * arguments are copied with new references, as CPython 3.11 unpacks its
 * kwargs dict into a new vector; without, they are only borrowed. */
static Object *call_prepend(Object *f, Object *first, Object *const *args, ssize_t nargs,
                            Object *kwnames)
{
    ssize_t nkw = kwnames ? SIZE(kwnames) : 0, total = nargs + nkw;
    Object *small[9], **stack = total < 8 ? small : mem_malloc((size_t)(total + 1) * sizeof(Object *));
    if (!stack)
        return err_nomemory();
    stack[0] = first;
    memcpy(stack + 1, args, (size_t)total * sizeof(Object *));
    if (nkw)
        for (ssize_t i = 0; i <= total; i++)
            INCREF(stack[i]);
    Object *r = IS_TYPE(f, function_type) ? vm_call_function(f, stack, nargs + 1, kwnames)
                                          : obj_call(f, stack, nargs + 1, kwnames);
    if (nkw)
        for (ssize_t i = 0; i <= total; i++)
            DECREF(stack[i]);
    if (stack != small)
        mem_free(stack);
    return r;
}

static Object *slot_call_call(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *name = slot_name("__call__");
    Object *f = name ? type_lookup(TYPE(self), name) : NULL;
    XDECREF(name);
    if (!f)
        return err_format(exc_TypeError, "'%T' object is not callable", self);
    INCREF(f);
    Object *r;
    if (IS_TYPE(f, function_type))
        r = call_prepend(f, self, args, nargs, kwnames);
    else {
        descrgetfunc get = TYPE(f)->descr_get;
        Object *bound = get ? get(f, self, (Object *)TYPE(self)) : NEWREF(f);
        r = bound ? obj_call(bound, args, nargs, kwnames) : NULL;
        XDECREF(bound);
    }
    DECREF(f);
    return r;
}

static int slot_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *name = slot_name("__init__");
    Object *f = type_lookup(TYPE(self), name);
    DECREF(name);
    if (!f)
        return 0;
    INCREF(f);
    Object *r;
    if (IS_TYPE(f, function_type)) {
        r = call_prepend(f, self, args, nargs, kwnames);
    } else {
        descrgetfunc get = TYPE(f)->descr_get;
        Object *bound = get ? get(f, self, (Object *)TYPE(self)) : NEWREF(f);
        r = bound ? obj_call(bound, args, nargs, kwnames) : NULL;
        XDECREF(bound);
    }
    DECREF(f);
    if (!r)
        return -1;
    if (r != None) {
        err_format(exc_TypeError, "__init__() should return None, not '%T'", r);
        DECREF(r);
        return -1;
    }
    DECREF(r);
    return 0;
}

/* The new slot of classes defining __new__: __new__(cls, *args, **kwargs). */
static Object *slot_new(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *name = slot_name("__new__");
    Object *f = name ? obj_getattr((Object *)t, name) : NULL;
    XDECREF(name);
    if (!f)
        return NULL;
    Object *r = call_prepend(f, (Object *)t, args, nargs, kwnames);
    DECREF(f);
    return r;
}

static Object *slot_getattr_hook(Object *self, Object *name)
{
    Object *r = obj_generic_getattr(self, name);
    if (r || !err_matches(exc_AttributeError))
        return r;
    Object *gname = slot_name("__getattr__");
    bool has = type_lookup(TYPE(self), gname) != NULL;
    if (has) {
        err_clear();
        r = obj_call_special(self, gname, &name, 1);
    }
    DECREF(gname);
    return r;
}

static int slot_setattr(Object *self, Object *name, Object *value)
{
    Object *args[2] = {name, value};
    Object *r = value ? slot_call(self, "__setattr__", args, 2) : slot_call(self, "__delattr__", &name, 1);
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

/* __del__: its errors are reported as "Exception ignored in: ..." */
static void slot_finalize(Object *self)
{
    Object *saved = err_fetch();
    Object *name = slot_name("__del__");
    Object *del = name ? type_lookup(TYPE(self), name) : NULL;
    if (del) {
        INCREF(del);
        Object *r = obj_call_special(self, name, NULL, 0);
        if (r)
            DECREF(r);
        else
            err_write_unraisable(del);
        DECREF(del);
    }
    XDECREF(name);
    err_restore(saved);
}

/* __set__ / __delete__ of classes: descriptors with them are data descriptors. */
static int slot_descr_set(Object *self, Object *obj, Object *value)
{
    Object *args[2] = {obj, value};
    Object *r = value ? slot_call(self, "__set__", args, 2) : slot_call(self, "__delete__", &obj, 1);
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

static Object *slot_descr_get(Object *self, Object *obj, Object *type)
{
    Object *args[2] = {obj ? obj : None, type ? type : None};
    return slot_call(self, "__get__", args, 2);
}

static const char *const cmp_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static Object *slot_richcompare(Object *self, Object *other, int op)
{
    return slot_call_maybe(self, cmp_names[op], &other, 1);
}

static const char *const binop_names[BINOP_COUNT][3] = {
    [BINOP_ADD] = {"__add__", "__radd__", "__iadd__"},
    [BINOP_AND] = {"__and__", "__rand__", "__iand__"},
    [BINOP_FLOOR_DIVIDE] = {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    [BINOP_LSHIFT] = {"__lshift__", "__rlshift__", "__ilshift__"},
    [BINOP_MATMUL] = {"__matmul__", "__rmatmul__", "__imatmul__"},
    [BINOP_MULTIPLY] = {"__mul__", "__rmul__", "__imul__"},
    [BINOP_REMAINDER] = {"__mod__", "__rmod__", "__imod__"},
    [BINOP_OR] = {"__or__", "__ror__", "__ior__"},
    [BINOP_POWER] = {"__pow__", "__rpow__", "__ipow__"},
    [BINOP_RSHIFT] = {"__rshift__", "__rrshift__", "__irshift__"},
    [BINOP_SUBTRACT] = {"__sub__", "__rsub__", "__isub__"},
    [BINOP_TRUE_DIVIDE] = {"__truediv__", "__rtruediv__", "__itruediv__"},
    [BINOP_XOR] = {"__xor__", "__rxor__", "__ixor__"},
};

static binaryfunc slot_binop_funcs[BINOP_COUNT];

/* The binary slot of classes: self.__op__(other), then other.__rop__(self). */
static Object *slot_binop(Object *a, Object *b, int op)
{
    binaryfunc me = slot_binop_funcs[op];
    if (TYPE(a)->nb[op] == me) {
        Object *r = slot_call_maybe(a, binop_names[op][0], &b, 1);
        if (r != NotImplemented || TYPE(a) == TYPE(b))
            return r;
        DECREF(r);
    }
    if (TYPE(b)->nb[op] == me && TYPE(a) != TYPE(b))
        return slot_call_maybe(b, binop_names[op][1], &a, 1);
    return NEWREF(NotImplemented);
}

static Object *slot_inplace(Object *a, Object *b, int op)
{
    return slot_call_maybe(a, binop_names[op][2], &b, 1);
}

#define BINOP_SLOTS(OP) \
    static Object *slot_##OP(Object *a, Object *b) { return slot_binop(a, b, BINOP_##OP); } \
    static Object *slot_i##OP(Object *a, Object *b) { return slot_inplace(a, b, BINOP_##OP); }
BINOP_SLOTS(ADD) BINOP_SLOTS(AND) BINOP_SLOTS(FLOOR_DIVIDE) BINOP_SLOTS(LSHIFT)
BINOP_SLOTS(MATMUL) BINOP_SLOTS(MULTIPLY) BINOP_SLOTS(REMAINDER) BINOP_SLOTS(OR)
BINOP_SLOTS(POWER) BINOP_SLOTS(RSHIFT) BINOP_SLOTS(SUBTRACT) BINOP_SLOTS(TRUE_DIVIDE)
BINOP_SLOTS(XOR)

static binaryfunc slot_binop_funcs[BINOP_COUNT] = {
    slot_ADD, slot_AND, slot_FLOOR_DIVIDE, slot_LSHIFT, slot_MATMUL, slot_MULTIPLY,
    slot_REMAINDER, slot_OR, slot_POWER, slot_RSHIFT, slot_SUBTRACT, slot_TRUE_DIVIDE, slot_XOR,
};
static binaryfunc slot_inplace_funcs[BINOP_COUNT] = {
    slot_iADD, slot_iAND, slot_iFLOOR_DIVIDE, slot_iLSHIFT, slot_iMATMUL, slot_iMULTIPLY,
    slot_iREMAINDER, slot_iOR, slot_iPOWER, slot_iRSHIFT, slot_iSUBTRACT, slot_iTRUE_DIVIDE, slot_iXOR,
};

#define OFF(f) offsetof(Type, f)
#define NB(op) (offsetof(Type, nb) + (op) * sizeof(binaryfunc))
#define NBI(op) (offsetof(Type, nb) + ((op) + BINOP_INPLACE) * sizeof(binaryfunc))

static SlotDef slotdefs[] = {
    {"__repr__", OFF(repr), SK_UNARY, 0, slot_repr},
    {"__str__", OFF(str), SK_UNARY, 0, slot_str},
    {"__hash__", OFF(hash), SK_HASH, 0, slot_hash},
    {"__call__", OFF(call), SK_CALL, 0, slot_call_call},
    {"__getattribute__", OFF(getattr), SK_GETATTR, 0, NULL},
    {"__getattr__", OFF(getattr), SK_GETATTR, 0, slot_getattr_hook},
    {"__setattr__", OFF(setattr), SK_SETATTR, 0, slot_setattr},
    {"__delattr__", OFF(setattr), SK_DELATTR, 0, slot_setattr},
    {"__lt__", OFF(richcompare), SK_RICHCMP, CMP_LT, slot_richcompare},
    {"__le__", OFF(richcompare), SK_RICHCMP, CMP_LE, slot_richcompare},
    {"__eq__", OFF(richcompare), SK_RICHCMP, CMP_EQ, slot_richcompare},
    {"__ne__", OFF(richcompare), SK_RICHCMP, CMP_NE, slot_richcompare},
    {"__gt__", OFF(richcompare), SK_RICHCMP, CMP_GT, slot_richcompare},
    {"__ge__", OFF(richcompare), SK_RICHCMP, CMP_GE, slot_richcompare},
    {"__iter__", OFF(iter), SK_UNARY, 0, slot_iter},
    {"__next__", OFF(iternext), SK_NEXT, 0, slot_next},
    {"__get__", OFF(descr_get), SK_DESCR_GET, 0, slot_descr_get},
    {"__set__", OFF(descr_set), SK_DESCR_SET, 0, slot_descr_set},
    {"__delete__", OFF(descr_set), SK_DESCR_DELETE, 0, slot_descr_set},
    {"__del__", OFF(finalize), SK_FINALIZE, 0, slot_finalize},
    {"__init__", OFF(init), SK_INIT, 0, slot_init},
    {"__len__", OFF(len), SK_LEN, 0, slot_len},
    {"__getitem__", OFF(getitem), SK_GETITEM, 0, slot_getitem},
    {"__setitem__", OFF(setitem), SK_SETITEM, 0, slot_setitem},
    {"__delitem__", OFF(setitem), SK_DELITEM, 0, slot_setitem},
    {"__contains__", OFF(contains), SK_CONTAINS, 0, slot_contains},
    {"__neg__", OFF(nb_negative), SK_UNARY, 0, slot_neg},
    {"__pos__", OFF(nb_positive), SK_UNARY, 0, slot_pos},
    {"__abs__", OFF(nb_absolute), SK_UNARY, 0, slot_abs},
    {"__invert__", OFF(nb_invert), SK_UNARY, 0, slot_invert},
    {"__bool__", OFF(nb_bool), SK_BOOL, 0, slot_bool},
    {"__int__", OFF(nb_int), SK_UNARY, 0, slot_int},
    {"__float__", OFF(nb_float), SK_UNARY, 0, slot_float},
    {"__index__", OFF(nb_index), SK_UNARY, 0, slot_index},
    {NULL, 0, 0, 0, NULL},      /* binary operators are appended by slotdefs_init */
};

/* The binary-operator rows: __op__, __rop__, __iop__ for each operator. */
static SlotDef binop_slotdefs[3 * BINOP_COUNT + 1];

static void slotdefs_init(void)
{
    if (binop_slotdefs[0].name)
        return;
    for (int op = 0; op < BINOP_COUNT; op++) {
        binop_slotdefs[3 * op] = (SlotDef){binop_names[op][0], NB(op), SK_BINARY, op, (void *)slot_binop_funcs[op]};
        binop_slotdefs[3 * op + 1] = (SlotDef){binop_names[op][1], NB(op), SK_RBINARY, op, (void *)slot_binop_funcs[op]};
        binop_slotdefs[3 * op + 2] = (SlotDef){binop_names[op][2], NBI(op), SK_BINARY, op, (void *)slot_inplace_funcs[op]};
    }
}

/* Calls [fn] on every slot definition. */
static int each_slotdef(int (*fn)(Type *, const SlotDef *, void *), Type *t, void *ctx)
{
    slotdefs_init();
    for (const SlotDef *s = slotdefs; s->name; s++)
        if (fn(t, s, ctx) < 0)
            return -1;
    for (const SlotDef *s = binop_slotdefs; s->name; s++)
        if (fn(t, s, ctx) < 0)
            return -1;
    return 0;
}

/* ---- readying built-in types ---- */

static int add_to_dict(Type *t, const char *name, Object *v)
{
    if (!v)
        return -1;
    int r = dict_setitem_str(t->dict, name, v);
    DECREF(v);
    return r;
}

/* Adds a wrapper for each slot the type defines itself (not inherited). */
static int add_slot_wrapper(Type *t, const SlotDef *s, void *ctx)
{
    (void)ctx;
    void *fn = *SLOT_FUNC(s->offset);
    if (!fn || (s->kind == SK_GETATTR && s->generic))
        return 0;
    Type *b = t->base_type;
    if (b && *((void **)((char *)b + s->offset)) == fn)
        return 0;
    if (dict_getitem_str(t->dict, s->name))
        return 0;
    return add_to_dict(t, s->name, wrapper_new(t, s, NULL));
}

/* T.__new__(S, ...): makes an S (a subtype of T) with T's allocator. */
static Object *tp_new_wrapper(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Type *t = (Type *)self;
    if (nargs < 1)
        return err_format(exc_TypeError, "%s.__new__(): not enough arguments", t->name);
    Object *sub = args[0];
    if (!TYPE_CHECK(sub, type_type))
        return err_format(exc_TypeError, "%s.__new__(X): X is not a type object (%T)", t->name, sub);
    Type *s = (Type *)sub;
    if (!type_is_subtype(s, t))
        return err_format(exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", t->name,
                          s->name, s->name, t->name);
    Type *solid = s;
    while (solid->flags & TPFLAG_HEAPTYPE)
        solid = solid->base_type;
    if (solid->new_ != t->new_)
        return err_format(exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", t->name,
                          s->name, solid->name);
    return t->new_(s, args + 1, nargs - 1, kwnames);
}

static const MethodDef tp_new_def = {"__new__", tp_new_wrapper, 0, "Create and return a new object."};

static int add_methods(Type *t)
{
    if (t->new_ && !(t->flags & TPFLAG_HEAPTYPE) && !dict_getitem_str(t->dict, "__new__") &&
        (!t->base_type || t->base_type->new_ != t->new_) &&
        add_to_dict(t, "__new__", cfunction_new(&tp_new_def, (Object *)t, NULL)) < 0)
        return -1;
    for (const MethodDef *m = t->methods; m && m->name; m++) {
        MethodDescrObject *d = (MethodDescrObject *)obj_alloc(&method_descr_type, 0);
        if (!d)
            return -1;
        d->def = m;
        descr_init((Object *)d, t);
        if (add_to_dict(t, m->name, (Object *)d) < 0)
            return -1;
    }
    for (const GetSetDef *g = t->getset; g && g->name; g++) {
        GetSetDescrObject *d = (GetSetDescrObject *)obj_alloc(&getset_descr_type, 0);
        if (!d)
            return -1;
        d->def = g;
        descr_init((Object *)d, t);
        if (add_to_dict(t, g->name, (Object *)d) < 0)
            return -1;
    }
    return 0;
}

/* Copies every NULL slot of [t] from its base. */
static void inherit_slots(Type *t, Type *b)
{
#define INHERIT(f) if (!t->f) t->f = b->f
    INHERIT(dealloc); INHERIT(repr); INHERIT(str); INHERIT(getattr); INHERIT(setattr);
    INHERIT(call); INHERIT(iter); INHERIT(iternext); INHERIT(descr_get); INHERIT(descr_set);
    INHERIT(nb_negative); INHERIT(nb_positive); INHERIT(nb_absolute); INHERIT(nb_invert);
    INHERIT(nb_int); INHERIT(nb_float); INHERIT(nb_index); INHERIT(nb_bool);
    INHERIT(len); INHERIT(getitem); INHERIT(setitem); INHERIT(contains);
    INHERIT(traverse); INHERIT(clear); INHERIT(init); INHERIT(new_); INHERIT(finalize);
    if (!t->richcompare && !t->hash) {
        t->richcompare = b->richcompare;
        t->hash = b->hash;
    }
    for (int i = 0; i < 2 * BINOP_COUNT; i++)
        INHERIT(nb[i]);
    if (!t->dictoffset)
        t->dictoffset = b->dictoffset;
    if (!t->weaklistoffset)
        t->weaklistoffset = b->weaklistoffset;
    t->flags |= b->flags & (TPFLAG_LONG_SUBCLASS | TPFLAG_LIST_SUBCLASS | TPFLAG_TUPLE_SUBCLASS |
                            TPFLAG_BYTES_SUBCLASS | TPFLAG_STR_SUBCLASS | TPFLAG_DICT_SUBCLASS |
                            TPFLAG_BASE_EXC_SUBCLASS | TPFLAG_TYPE_SUBCLASS);
#undef INHERIT
}

static hash_t hash_not_implemented(Object *o)
{
    err_format(exc_TypeError, "unhashable type: '%T'", o);
    return -1;
}

/* Every static type readied so far, so that exit can undo it. */
static Type **ready_types;
static size_t n_ready_types, cap_ready_types;

static int remember_ready(Type *t)
{
    if (n_ready_types == cap_ready_types) {
        size_t cap = cap_ready_types ? cap_ready_types * 2 : 128;
        Type **n = mem_raw_realloc(ready_types, cap * sizeof(Type *));
        if (!n)
            return err_nomemory(), -1;
        ready_types = n;
        cap_ready_types = cap;
    }
    ready_types[n_ready_types++] = t;
    return 0;
}

void type_fini_all(void)
{
    while (n_ready_types > 0)
        type_fini(ready_types[--n_ready_types]);
    mem_raw_free(ready_types);
    ready_types = NULL;
    cap_ready_types = 0;
}

int type_ready(Type *t)
{
    if (t->flags & TPFLAG_READY)
        return 0;
    t->flags |= TPFLAG_READY;
    if (remember_ready(t) < 0)
        return -1;
    if (!t->base_type && t != &object_type)
        t->base_type = &object_type;
    Type *b = t->base_type;
    if (b && type_ready(b) < 0)
        return -1;
    if (!(t->dict = dict_new()))
        return -1;
    ssize_t nmro = 1;
    for (Type *x = b; x; x = x->base_type)
        nmro++;
    if (!(t->mro = tuple_new(nmro)))
        return -1;
    ssize_t i = 0;
    for (Type *x = t; x; x = x->base_type)
        TUPLE_ITEMS(t->mro)[i++] = NEWREF(x);
    t->bases = b ? tuple_pack(1, b) : tuple_new(0);
    if (!t->bases)
        return -1;
    bool own_eq = t->richcompare != NULL;
    if (b) {
        inherit_slots(t, b);
        if (own_eq && !t->hash)
            t->hash = hash_not_implemented;
    }
    if (add_methods(t) < 0 || each_slotdef(add_slot_wrapper, t, NULL) < 0)
        return -1;
    if (t->hash == hash_not_implemented && dict_setitem_str(t->dict, "__hash__", None) < 0)
        return -1;
    return 0;
}

void type_fini(Type *t)
{
    CLEAR(t->dict);
    CLEAR(t->mro);
    CLEAR(t->bases);
}

void type_modified(Type *t, Object *name)
{
    (void)t;
    (void)name;
    type_epoch++;
}

/* ---- making classes ---- */

/* The C3 linearization of a class with [bases]; a new tuple starting with t. */
static Object *c3_mro(Type *t, Object *bases)
{
    ssize_t nb = SIZE(bases);
    /* Lists to merge: each base's MRO, then the bases themselves. */
    Object *seqs = list_new(0);
    if (!seqs)
        return NULL;
    for (ssize_t i = 0; i < nb; i++) {
        Object *l = list_from_iter(((Type *)TUPLE_GET(bases, i))->mro);
        if (!l || list_append(seqs, l) < 0) {
            XDECREF(l);
            DECREF(seqs);
            return NULL;
        }
        DECREF(l);
    }
    Object *bl = list_from_iter(bases);
    Object *result = list_new(0);
    if (!bl || !result || list_append(seqs, bl) < 0 || list_append(result, (Object *)t) < 0)
        goto fail;
    ssize_t nseq = SIZE(seqs);
    ssize_t *pos = mem_calloc((size_t)nseq, sizeof(ssize_t));
    if (!pos) {
        err_nomemory();
        goto fail;
    }
    for (;;) {
        Object *candidate = NULL;
        bool empty = true;
        for (ssize_t i = 0; i < nseq && !candidate; i++) {
            Object *s = LIST_GET(seqs, i);
            if (pos[i] >= SIZE(s))
                continue;
            empty = false;
            Object *c = LIST_GET(s, pos[i]);
            bool in_tail = false;
            for (ssize_t j = 0; j < nseq && !in_tail; j++) {
                Object *s2 = LIST_GET(seqs, j);
                for (ssize_t k = pos[j] + 1; k < SIZE(s2); k++)
                    if (LIST_GET(s2, k) == c) {
                        in_tail = true;
                        break;
                    }
            }
            if (!in_tail)
                candidate = c;
        }
        if (empty)
            break;
        if (!candidate) {
            mem_free(pos);
            err_set_str(exc_TypeError, "Cannot create a consistent method resolution order (MRO)");
            goto fail;
        }
        if (list_append(result, candidate) < 0) {
            mem_free(pos);
            goto fail;
        }
        for (ssize_t i = 0; i < nseq; i++) {
            Object *s = LIST_GET(seqs, i);
            if (pos[i] < SIZE(s) && LIST_GET(s, pos[i]) == candidate)
                pos[i]++;
        }
    }
    mem_free(pos);
    DECREF(seqs);
    DECREF(bl);
    Object *tup = list_as_tuple(result);
    DECREF(result);
    return tup;
fail:
    DECREF(seqs);
    XDECREF(bl);
    XDECREF(result);
    return NULL;
}

/* The base whose instance layout a class extends. */
static Type *solid_base(Type *t)
{
    Type *b = t->base_type ? solid_base(t->base_type) : t;
    if (t->basicsize != b->basicsize || t->itemsize != b->itemsize) {
        if (!(t->flags & TPFLAG_HEAPTYPE) || t->slot_names)
            return t;
    }
    return b;
}

static Type *best_base(Object *bases)
{
    Type *best = NULL, *best_solid = NULL;
    for (ssize_t i = 0; i < SIZE(bases); i++) {
        Object *bo = TUPLE_GET(bases, i);
        if (!TYPE_CHECK(bo, type_type))
            return err_format(exc_TypeError, "bases must be types"), NULL;
        Type *b = (Type *)bo;
        if (!(b->flags & TPFLAG_BASETYPE))
            return err_format(exc_TypeError, "type '%s' is not an acceptable base type", b->name), NULL;
        Type *s = solid_base(b);
        if (!best_solid || type_is_subtype(s, best_solid)) {
            best = b;
            best_solid = s;
        } else if (!type_is_subtype(best_solid, s)) {
            return err_format(exc_TypeError, "multiple bases have instance lay-out conflict"), NULL;
        }
    }
    return best;
}

static void subtype_dealloc(Object *o);
static int type_add_instance_dict_descr(Type *t);
static const GetSetDef instance_weakref_getset;
static int add_getset_descr(Type *t, const GetSetDef *def);
static int subtype_traverse(Object *o, visitproc visit, void *arg);
static int subtype_clear(Object *o);

/* Points a slot at the class's dunder-calling function when the class (or a
 * class in its MRO) defines the dunder in Python, else at the base's. */
static int fix_slot(Type *t, const SlotDef *s, void *ctx)
{
    Object *only = ctx;
    if (!s->generic)
        return 0;
    Object *name = str_intern_cstr(s->name);
    if (!name)
        return -1;
    if (only && !str_eq(only, name)) {
        DECREF(name);
        return 0;
    }
    Object *v = type_lookup(t, name);
    DECREF(name);
    void **slot = SLOT_FUNC(s->offset);
    if (v && IS_TYPE(v, wrapper_descr_type) && ((WrapperObject *)v)->slot->offset == s->offset) {
        /* a built-in implementation, unless another name of this slot is Python code */
        if (*slot != s->generic)
            *slot = *((void **)((char *)((WrapperObject *)v)->owner + s->offset));
        return 0;
    }
    if (v == None && s->kind == SK_HASH) {
        t->hash = hash_not_implemented;
        return 0;
    }
    if (v)
        *slot = s->generic;
    return 0;
}

static int update_slots(Type *t, Object *only)
{
    return each_slotdef(fix_slot, t, only);
}

/* Lays out __slots__: member descriptors after the base's fields. */
static int add_slots(Type *t, Object *slots, bool *want_dict)
{
    Object *seq = TYPE_CHECK(slots, str_type) ? tuple_pack(1, slots) : tuple_from_iter(slots);
    if (!seq)
        return -1;
    Object *names = list_new(0);
    if (!names) {
        DECREF(seq);
        return -1;
    }
    for (ssize_t i = 0; i < SIZE(seq); i++) {
        Object *n = TUPLE_GET(seq, i);
        if (!TYPE_CHECK(n, str_type)) {
            err_format(exc_TypeError, "__slots__ items must be strings, not '%T'", n);
            goto fail;
        }
        if (str_eq_cstr(n, "__dict__")) {
            *want_dict = true;
            continue;
        }
        if (str_eq_cstr(n, "__weakref__"))
            continue;
        if (list_append(names, n) < 0)
            goto fail;
    }
    DECREF(seq);
    if (list_sort(names, NULL, 0) < 0)
        goto fail2;
    t->slots_offset = t->basicsize;
    for (ssize_t i = 0; i < SIZE(names); i++) {
        Object *n = LIST_GET(names, i);
        if (dict_getitem(t->dict, n)) {
            err_format(exc_ValueError, "'%U' in __slots__ conflicts with class variable", n);
            goto fail2;
        }
        MemberDescrObject *m = (MemberDescrObject *)obj_alloc(&member_descr_type, 0);
        if (!m)
            goto fail2;
        descr_init((Object *)m, t);
        m->name = NEWREF(n);
        str_intern(&m->name);
        m->offset = t->basicsize;
        t->basicsize += sizeof(Object *);
        if (add_to_dict(t, str_as_utf8(n, NULL), (Object *)m) < 0)
            goto fail2;
    }
    t->slot_names = list_as_tuple(names);
    DECREF(names);
    return t->slot_names ? 0 : -1;
fail:
    DECREF(seq);
fail2:
    DECREF(names);
    return -1;
}

static Object *get_module_name(void)
{
    Frame *f = vm_ts->frame;
    Object *g = f ? f->globals : NULL;
    Object *n = g ? dict_getitem_str(g, "__name__") : NULL;
    return n ? NEWREF(n) : str_from_cstr("builtins");
}

/* Sets up the layout of a new class: base, slots, dict, GC. */
static int class_layout(Type *t, Type *base, Object *ns)
{
    t->base_type = base;
    t->basicsize = base->basicsize;
    t->itemsize = base->itemsize;
    t->flags = TPFLAG_READY | TPFLAG_HEAPTYPE | TPFLAG_BASETYPE | TPFLAG_HAVE_GC |
               (base->flags & TPFLAG_MANAGED_DICT);
    Object *slots = dict_getitem_str(ns, "__slots__");
    bool want_dict = !slots;
    if (slots && add_slots(t, slots, &want_dict) < 0)
        return -1;
    if (t->slot_names && SIZE(t->slot_names) && base->itemsize)
        return err_format(exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                          base->name), -1;
    bool base_has_dict = base->dictoffset || (base->flags & TPFLAG_MANAGED_DICT);
    if (want_dict && !base_has_dict) {
        t->flags |= TPFLAG_MANAGED_DICT;
        if (type_add_instance_dict_descr(t) < 0)
            return -1;
    }
    if (!slots && !base->weaklistoffset && !base->itemsize) {
        t->weaklistoffset = t->basicsize;
        t->basicsize += sizeof(Object *);
        if (add_getset_descr(t, &instance_weakref_getset) < 0)
            return -1;
    }
    return 0;
}

static Object *type_qualname_from(Object *ns, Object *name)
{
    Object *q = dict_getitem_str(ns, "__qualname__");
    if (q) {
        if (!TYPE_CHECK(q, str_type))
            return err_format(exc_TypeError, "type __qualname__ must be a str, not %T", q);
        INCREF(q);
        Object *key = str_intern_cstr("__qualname__");
        int r = key ? dict_delitem(ns, key) : -1;
        XDECREF(key);
        if (r < 0) {
            DECREF(q);
            return NULL;
        }
        return q;
    }
    return NEWREF(name);
}

Object *type_new_class(Type *meta, Object *name, Object *bases, Object *ns)
{
    if (!TYPE_CHECK(name, str_type) || !TYPE_CHECK(bases, tuple_type) || !TYPE_CHECK(ns, dict_type))
        return err_format(exc_TypeError, "type.__new__() argument types: (str, tuple, dict)");
    Object *realbases = SIZE(bases) ? NEWREF(bases) : tuple_pack(1, &object_type);
    if (!realbases)
        return NULL;
    Type *base = best_base(realbases);
    if (!base) {
        DECREF(realbases);
        return NULL;
    }
    Type *t = (Type *)obj_alloc(meta, 0);
    if (!t) {
        DECREF(realbases);
        return NULL;
    }
    t->bases = realbases;
    t->name_obj = NEWREF(name);
    t->name = str_as_utf8(name, NULL);
    if (!(t->dict = dict_copy(ns)) || !(t->qualname = type_qualname_from(t->dict, name)))
        goto fail;
    if (!dict_getitem_str(t->dict, "__module__")) {
        Object *m = get_module_name();
        if (!m || dict_setitem_str(t->dict, "__module__", m) < 0) {
            XDECREF(m);
            goto fail;
        }
        DECREF(m);
    }
    if (class_layout(t, base, t->dict) < 0)
        goto fail;
    if (!dict_getitem_str(t->dict, "__doc__") && dict_setitem_str(t->dict, "__doc__", None) < 0)
        goto fail;
    if (!(t->mro = c3_mro(t, realbases)))
        goto fail;
    t->dealloc = subtype_dealloc;
    t->traverse = subtype_traverse;
    t->clear = subtype_clear;
    t->getattr = NULL;
    inherit_slots(t, base);
    t->dealloc = subtype_dealloc;
    t->traverse = subtype_traverse;
    t->clear = subtype_clear;
    t->richcompare = base->richcompare;
    t->hash = base->hash;
    Object *newf = dict_getitem_str(t->dict, "__new__");
    if (newf)
        t->new_ = slot_new;
    if (newf && IS_TYPE(newf, function_type)) {
        Object *sm = obj_call1((Object *)&staticmethod_type, newf);
        if (!sm || dict_setitem_str(t->dict, "__new__", sm) < 0) {
            XDECREF(sm);
            goto fail;
        }
        DECREF(sm);
    }
    if (update_slots(t, NULL) < 0)
        goto fail;
    if (dict_getitem_str(t->dict, "__eq__") && !dict_getitem_str(t->dict, "__hash__")) {
        t->hash = hash_not_implemented;
        if (dict_setitem_str(t->dict, "__hash__", None) < 0)
            goto fail;
    }
    gc_track((Object *)t);
    return (Object *)t;
fail:
    DECREF(t);
    return NULL;
}

/* ---- instances of classes ---- */

/* The __slots__ value slots of [o], class by class up to the built-in base. */
#define FOR_EACH_SLOT(o, slot) \
    for (Type *b_ = TYPE(o); b_ && (b_->flags & TPFLAG_HEAPTYPE); b_ = b_->base_type) \
        for (ssize_t i_ = 0; b_->slot_names && i_ < SIZE(b_->slot_names); i_++) \
            for (Object **slot = (Object **)((char *)(o) + b_->slots_offset) + i_; slot; slot = NULL)

static Type *solid_type(Type *t)
{
    while (t->flags & TPFLAG_HEAPTYPE)
        t = t->base_type;
    return t;
}

static int subtype_traverse(Object *o, visitproc visit, void *arg)
{
    Type *t = TYPE(o);
    FOR_EACH_SLOT(o, slot)
        if (*slot && visit(*slot, arg))
            return 1;
    if ((t->flags & TPFLAG_MANAGED_DICT) && *obj_values_slot(o)
        && dict_values_traverse(t->shared_keys, *obj_values_slot(o), visit, arg))
        return 1;
    Object **dp = obj_dict_ptr(o);
    if (dp && *dp && visit(*dp, arg))
        return 1;
    if (visit((Object *)t, arg))
        return 1;
    Type *solid = solid_type(t);
    if (solid->traverse && solid->traverse != subtype_traverse)
        return solid->traverse(o, visit, arg);
    return 0;
}

/* Drops the slots, inline values and managed dict of a class instance. */
static void clear_instance_fields(Object *o)
{
    FOR_EACH_SLOT(o, slot)
        CLEAR(*slot);
    if (TYPE(o)->flags & TPFLAG_MANAGED_DICT) {
        DictValues *v = *obj_values_slot(o);
        *obj_values_slot(o) = NULL;
        if (v)
            dict_values_free(TYPE(o)->shared_keys, v);
        CLEAR(*obj_managed_dict_slot(o));
    }
}

static int subtype_clear(Object *o)
{
    clear_instance_fields(o);
    Type *solid = solid_type(TYPE(o));
    if (solid->clear && solid != &object_type)
        return solid->clear(o);
    return 0;
}

static void subtype_dealloc(Object *o)
{
    Type *t = TYPE(o);
    if (t->finalize && !gc_is_finalized(o)) {
        /* __del__ runs on a briefly revived object; it may keep it alive */
        o->refcnt = 1;
        t->finalize(o);
        gc_set_finalized(o);
        if (--o->refcnt > 0)
            return;
    }
    gc_untrack(o);
    if (list_trash_begin(o))
        return;                 /* freed later, to keep deep chains off the C stack */
    clear_instance_fields(o);
    solid_type(t)->dealloc(o);
    list_trash_end();
}

/* ---- object ---- */

static void object_dealloc(Object *o) { obj_free(o); }

static Object *object_repr(Object *o)
{
    Type *t = TYPE(o);
    if (!(t->flags & TPFLAG_HEAPTYPE))
        return str_from_format("<%s object at %p>", t->name, (void *)o);
    Object *mod = type_module(t);
    if (!mod)
        return NULL;
    Object *r;
    if (TYPE_CHECK(mod, str_type) && !str_eq_cstr(mod, "builtins"))
        r = str_from_format("<%U.%U object at %p>", mod, t->qualname, (void *)o);
    else
        r = str_from_format("<%U object at %p>", t->qualname, (void *)o);
    DECREF(mod);
    return r;
}

static Object *object_str(Object *o) { return TYPE(o)->repr(o); }

static hash_t object_hash(Object *o) { return (hash_t)(((uintptr_t)o >> 4) | ((uintptr_t)o << 60)); }

static Object *object_richcompare(Object *a, Object *b, int op)
{
    if (op == CMP_EQ)
        return NEWREF(a == b ? True : NotImplemented);
    if (op == CMP_NE) {
        richcmpfunc rc = TYPE(a)->richcompare;
        if (!rc)
            return NEWREF(NotImplemented);
        Object *r = rc(a, b, CMP_EQ);
        if (!r || r == NotImplemented)
            return r;
        int t = obj_is_true(r);
        DECREF(r);
        return t < 0 ? NULL : bool_from(!t);
    }
    return NEWREF(NotImplemented);
}

static bool excess_args(ssize_t nargs, Object *kwnames)
{
    return nargs > 0 || (kwnames && SIZE(kwnames) > 0);
}

static int object_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames);

static Object *object_new(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)args;
    if (excess_args(nargs, kwnames) && (t->new_ != object_new || t->init == object_init))
        return err_format(exc_TypeError, "%s() takes no arguments", t->name);
    Object *o = obj_alloc(t, 0);
    if (o && (t->flags & TPFLAG_HAVE_GC))
        gc_track(o);
    /* an instance gets its attribute array at birth, as CPython 3.11's */
    if (o && (t->flags & TPFLAG_MANAGED_DICT) && init_values(o) < 0)
        CLEAR(o);
    return o;
}

static int object_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)args;
    Type *t = TYPE(self);
    if (excess_args(nargs, kwnames) && (t->init != object_init || t->new_ == object_new))
        return err_format(exc_TypeError,
                          "%s.__init__() takes exactly one argument (the instance to initialize)",
                          t->name), -1;
    return 0;
}

static Object *object_get_class(Object *o, void *c) { (void)c; return NEWREF(TYPE(o)); }

static Object *object_get_dict(Object *o, void *c)
{
    (void)c;
    Object *d = obj_instance_dict(o, true);
    if (!d)
        return err_occurred() ? NULL
                              : err_format(exc_AttributeError, "'%T' object has no attribute '__dict__'", o);
    return NEWREF(d);
}

static int object_set_dict(Object *o, Object *v, void *c)
{
    (void)c;
    Object **dp = obj_dict_ptr(o);
    if (!dp)
        return err_format(exc_AttributeError, "'%T' object has no attribute '__dict__'", o), -1;
    if (!v || !TYPE_CHECK(v, dict_type))
        return err_format(exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'",
                          v ? v : None), -1;
    /* inline values first become the dict being replaced, and go with it */
    if (!obj_instance_dict(o, false) && err_occurred())
        return -1;
    SETREF(*dp, NEWREF(v));
    return 0;
}

static const GetSetDef object_getset[] = {
    {"__class__", object_get_class, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

/* __dict__ of class instances: a getset the class namespaces share. */
static const GetSetDef instance_dict_getset = {"__dict__", object_get_dict, object_set_dict, NULL};

static Object *object_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("__sizeof__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    Type *t = TYPE(self);
    ssize_t n = t->basicsize;
    if (t->itemsize) {
        ssize_t items = SIZE(self);
        n += (items < 0 ? -items : items) * t->itemsize;
    }
    return int_from_ssize(n);
}

static Object *object_format(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *spec;
    if (args_positional("__format__", args, nargs, kwnames, 1, 1, &spec) < 0)
        return NULL;
    if (!TYPE_CHECK(spec, str_type))
        return err_format(exc_TypeError, "__format__() argument must be str, not %T", spec);
    if (STR_LEN(spec) > 0)
        return err_format(exc_TypeError, "unsupported format string passed to %T.__format__", self);
    return obj_str(self);
}

static Object *object_dir(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("__dir__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    Object *d = dict_new();
    if (!d)
        return NULL;
    Object *own = obj_instance_dict(self, false);
    if (own && dict_update(d, own) < 0)
        goto fail;
    Object *mro = TYPE(self)->mro;
    for (ssize_t i = SIZE(mro) - 1; i >= 0; i--)
        if (dict_update(d, ((Type *)TUPLE_GET(mro, i))->dict) < 0)
            goto fail;
    Object *keys = dict_keys_list(d);
    DECREF(d);
    return keys;
fail:
    DECREF(d);
    return NULL;
}

static Object *object_init_subclass(Object *cls, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)cls;
    if (args_positional("__init_subclass__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return none_new();
}

static const MethodDef object_methods[] = {
    {"__sizeof__", object_sizeof, 0, NULL},
    {"__format__", object_format, 0, NULL},
    {"__dir__", object_dir, 0, NULL},
    {"__init_subclass__", object_init_subclass, METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

Type object_type = {
    .base = {{1, &type_type}, 0}, .name = "object", .basicsize = sizeof(Object),
    .flags = TPFLAG_BASETYPE, .dealloc = object_dealloc, .repr = object_repr, .str = object_str,
    .hash = object_hash, .richcompare = object_richcompare, .getattr = obj_generic_getattr,
    .setattr = obj_generic_setattr, .new_ = object_new, .init = object_init,
    .methods = object_methods, .getset = object_getset,
};

/* ---- type ---- */

Object *type_module(Type *t)
{
    if (t->flags & TPFLAG_HEAPTYPE) {
        Object *m = dict_getitem_str(t->dict, "__module__");
        if (m)
            return NEWREF(m);
    }
    /* a built-in type named "module.name" belongs to that module */
    const char *dot = strrchr(t->name, '.');
    if (dot)
        return str_from_utf8(t->name, dot - t->name);
    return str_from_cstr("builtins");
}

static Object *type_repr(Object *o)
{
    Type *t = (Type *)o;
    if (!(t->flags & TPFLAG_HEAPTYPE))
        return str_from_format("<class '%s'>", t->name);   /* "module.name" or "name" */
    Object *mod = type_module(t);
    if (!mod)
        return NULL;
    Object *r;
    if (TYPE_CHECK(mod, str_type) && !str_eq_cstr(mod, "builtins"))
        r = str_from_format("<class '%U.%U'>", mod, t->qualname);
    else
        r = str_from_format("<class '%U'>", t->qualname);
    DECREF(mod);
    return r;
}


static Object *type_getattro(Object *o, Object *name)
{
    Type *t = (Type *)o;
    Type *meta = TYPE(o);
    Object *meta_attr = type_lookup(meta, name);
    if (meta_attr && TYPE(meta_attr)->descr_get && TYPE(meta_attr)->descr_set)
        return TYPE(meta_attr)->descr_get(meta_attr, o, (Object *)meta);
    Object *attr = type_lookup(t, name);
    if (attr) {
        descrgetfunc get = TYPE(attr)->descr_get;
        if (get && !IS_TYPE(attr, getset_descr_type) && !IS_TYPE(attr, member_descr_type)
            && !IS_TYPE(attr, wrapper_descr_type))
            return get(attr, NULL, o);
        return NEWREF(attr);
    }
    if (meta_attr) {
        descrgetfunc get = TYPE(meta_attr)->descr_get;
        return get ? get(meta_attr, o, (Object *)meta) : NEWREF(meta_attr);
    }
    err_format(exc_AttributeError, "type object '%s' has no attribute '%U'", t->name, name);
    if (err_occurred())
        exc_set_name_context(err_occurred(), name, o);
    return NULL;
}

static int type_setattro(Object *o, Object *name, Object *value)
{
    Type *t = (Type *)o;
    if (!(t->flags & TPFLAG_HEAPTYPE))
        return err_format(exc_TypeError, "cannot set '%U' attribute of immutable type '%s'",
                          name, t->name), -1;
    Object *meta_attr = type_lookup(TYPE(o), name);
    if (meta_attr && TYPE(meta_attr)->descr_set)
        return TYPE(meta_attr)->descr_set(meta_attr, o, value);
    Object *key = NEWREF(name);
    str_intern(&key);
    int r = value ? dict_setitem(t->dict, key, value) : dict_delitem(t->dict, key);
    if (r < 0 && !value && err_matches(exc_KeyError)) {
        err_clear();
        err_format(exc_AttributeError, "type object '%s' has no attribute '%U'", t->name, name);
    }
    type_modified(t, key);
    if (r == 0 && str_as_utf8(key, NULL)[0] == '_')
        r = update_slots(t, key);
    DECREF(key);
    return r;
}

static Object *construct(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *obj = t->new_(t, args, nargs, kwnames);
    if (!obj || !obj_is_instance_of(obj, t))
        return obj;
    if (TYPE(obj)->init && TYPE(obj)->init(obj, args, nargs, kwnames) < 0) {
        DECREF(obj);
        return NULL;
    }
    return obj;
}

static Object *type_call(Object *o, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Type *t = (Type *)o;
    if (t == &type_type && nargs == 1 && !(kwnames && SIZE(kwnames)))
        return NEWREF(TYPE(args[0]));
    if (!t->new_)
        return err_format(exc_TypeError, "cannot create '%s' instances", t->name);
    if (!(t->flags & (TPFLAG_HEAPTYPE | TPFLAG_TUPLE_CALL)))
        return construct(t, args, nargs, kwnames);
    /* As CPython 3.11 calls a type without vectorcall: the arguments are
     * packed into a tuple (and a dict) first, which hold a reference each. */
    Object *packed = tuple_from_array(args, nargs + (kwnames ? SIZE(kwnames) : 0));
    if (!packed)
        return NULL;
    Object *obj = construct(t, TUPLE_ITEMS(packed), nargs, kwnames);
    DECREF(packed);
    return obj;
}

static Object *type_new_slot(Type *meta, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (nargs != 1 && nargs != 3)
        return err_format(exc_TypeError, "type() takes 1 or 3 arguments");
    (void)kwnames;
    if (nargs == 1)
        return NEWREF(TYPE(args[0]));
    return type_new_class(meta, args[0], args[1], args[2]);
}

static int type_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)self; (void)args; (void)nargs; (void)kwnames;
    return 0;
}

static void type_dealloc(Object *o)
{
    Type *t = (Type *)o;
    gc_untrack(o);
    type_modified(t, NULL);
    CLEAR(t->dict);
    CLEAR(t->mro);
    CLEAR(t->bases);
    CLEAR(t->name_obj);
    CLEAR(t->qualname);
    CLEAR(t->slot_names);
    shared_keys_free(t);
    obj_free(o);
}

static int type_traverse(Object *o, visitproc visit, void *arg)
{
    Type *t = (Type *)o;
    Object *fields[] = {t->dict, t->mro, t->bases};
    for (int i = 0; i < 3; i++)
        if (fields[i] && visit(fields[i], arg))
            return 1;
    return 0;
}

static int type_clear(Object *o)
{
    Type *t = (Type *)o;
    type_modified(t, NULL);
    CLEAR(t->dict);
    CLEAR(t->mro);
    return 0;
}

static Object *type_get_name(Object *o, void *c)
{
    (void)c;
    Type *t = (Type *)o;
    if (t->name_obj)
        return NEWREF(t->name_obj);
    const char *dot = strrchr(t->name, '.');
    return str_from_cstr(dot ? dot + 1 : t->name);
}

static Object *type_get_qualname(Object *o, void *c)
{
    Type *t = (Type *)o;
    return t->qualname ? NEWREF(t->qualname) : type_get_name(o, c);
}

static Object *type_get_module(Object *o, void *c) { (void)c; return type_module((Type *)o); }
static int type_set_module(Object *o, Object *v, void *c)
{
    (void)c;
    Type *t = (Type *)o;
    if (!(t->flags & TPFLAG_HEAPTYPE))
        return err_format(exc_TypeError, "cannot set '__module__' attribute of immutable type '%s'",
                          t->name), -1;
    if (!v)
        return err_format(exc_TypeError, "cannot delete '__module__' attribute of immutable type '%s'",
                          t->name), -1;
    type_modified(t, NULL);
    return dict_setitem_str(t->dict, "__module__", v);
}
static Object *type_get_mro(Object *o, void *c) { (void)c; return NEWREF(((Type *)o)->mro); }
static Object *type_get_bases(Object *o, void *c) { (void)c; return NEWREF(((Type *)o)->bases); }
static Object *type_get_base(Object *o, void *c)
{
    (void)c;
    Type *b = ((Type *)o)->base_type;
    return NEWREF(b ? (Object *)b : None);
}
static Object *type_get_dict(Object *o, void *c)
{
    (void)c;
    return obj_call1((Object *)&mappingproxy_type, ((Type *)o)->dict);
}
static Object *type_get_doc(Object *o, void *c)
{
    (void)c;
    Object *d = dict_getitem_str(((Type *)o)->dict, "__doc__");
    return NEWREF(d ? d : None);
}

static const GetSetDef type_getset[] = {
    {"__name__", type_get_name, NULL, NULL},
    {"__qualname__", type_get_qualname, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__mro__", type_get_mro, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__doc__", type_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Object *type_mro_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("mro", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return list_from_iter(((Type *)self)->mro);
}

static Object *type_subclasscheck(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *sub;
    if (args_positional("__subclasscheck__", args, nargs, kwnames, 1, 1, &sub) < 0)
        return NULL;
    if (!TYPE_CHECK(sub, type_type))
        return err_format(exc_TypeError, "issubclass() arg 1 must be a class");
    return bool_from(type_is_subtype((Type *)sub, (Type *)self));
}

static Object *type_instancecheck(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *inst;
    if (args_positional("__instancecheck__", args, nargs, kwnames, 1, 1, &inst) < 0)
        return NULL;
    return bool_from(obj_is_instance_of(inst, (Type *)self));
}

static Object *type_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("__sizeof__", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    /* mempy's own type object and its instances' shared keys: the true size */
    Type *t = (Type *)self;
    size_t n = sizeof(Type) + (t->shared_keys ? dict_keys_sizeof(t->shared_keys) : 0);
    return int_from_ssize((ssize_t)n);
}

static const MethodDef type_methods[] = {
    {"mro", type_mro_method, 0, NULL},
    {"__subclasscheck__", type_subclasscheck, 0, NULL},
    {"__instancecheck__", type_instancecheck, 0, NULL},
    {"__sizeof__", type_sizeof, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_type = {
    .base = {{1, &type_type}, 0}, .name = "type", .basicsize = sizeof(Type),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TYPE_SUBCLASS,
    .dealloc = type_dealloc, .repr = type_repr, .getattr = type_getattro,
    .setattr = type_setattro, .call = type_call, .traverse = type_traverse,
    .clear = type_clear, .new_ = type_new_slot, .init = type_init,
    .methods = type_methods, .getset = type_getset,
};

/* ---- mappingproxy: the read-only view of a class namespace ---- */

typedef struct {
    Object base;
    Object *mapping;
} MappingProxyObject;

static Object *mp_new(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *m;
    if (args_positional("mappingproxy", args, nargs, kwnames, 1, 1, &m) < 0)
        return NULL;
    MappingProxyObject *p = (MappingProxyObject *)obj_alloc(t, 0);
    if (p)
        p->mapping = NEWREF(m);
    return (Object *)p;
}
static void mp_dealloc(Object *o) { DECREF(((MappingProxyObject *)o)->mapping); obj_free(o); }
static Object *mp_repr(Object *o) { return str_from_format("mappingproxy(%R)", ((MappingProxyObject *)o)->mapping); }
static Object *mp_getitem(Object *o, Object *k) { return obj_getitem(((MappingProxyObject *)o)->mapping, k); }
static ssize_t mp_len(Object *o) { return obj_length(((MappingProxyObject *)o)->mapping); }
static int mp_contains(Object *o, Object *k) { return obj_contains(((MappingProxyObject *)o)->mapping, k); }
static Object *mp_iter(Object *o) { return obj_iter(((MappingProxyObject *)o)->mapping); }
static Object *mp_getattr(Object *o, Object *name)
{
    Object *r = obj_generic_getattr(o, name);
    if (r || !err_matches(exc_AttributeError))
        return r;
    err_clear();
    return obj_getattr(((MappingProxyObject *)o)->mapping, name); /* keys, items, get ... */
}

Type mappingproxy_type = {
    .base = {{1, &type_type}, 0}, .name = "mappingproxy", .basicsize = sizeof(MappingProxyObject),
    .dealloc = mp_dealloc, .repr = mp_repr, .getitem = mp_getitem, .len = mp_len,
    .contains = mp_contains, .iter = mp_iter, .getattr = mp_getattr, .new_ = mp_new,
};

/* Gives classes with a managed dict their __dict__ attribute. */
static int add_getset_descr(Type *t, const GetSetDef *def)
{
    GetSetDescrObject *d = (GetSetDescrObject *)obj_alloc(&getset_descr_type, 0);
    if (!d)
        return -1;
    d->def = def;
    descr_init((Object *)d, t);
    return add_to_dict(t, def->name, (Object *)d);
}

static int type_add_instance_dict_descr(Type *t)
{
    return add_getset_descr(t, &instance_dict_getset);
}

/* __weakref__: the head of the instance's weak reference list (mempy has
 * no weak references yet, so it is always None). */
static Object *object_get_weakref(Object *o, void *c)
{
    (void)c;
    Object *w = *(Object **)((char *)o + TYPE(o)->weaklistoffset);
    return NEWREF(w ? w : None);
}

static const GetSetDef instance_weakref_getset = {"__weakref__", object_get_weakref, NULL, NULL};
