/* type.h — type objects: readying the built-in types, making classes,
 * and the descriptors a type's namespace holds. */
#ifndef MEMPY_TYPE_H
#define MEMPY_TYPE_H

#include "object.h"
#include "dict.h"
#include "../mem/gc.h"

/* Bumped whenever a class changes: what a cache learnt about a type holds
 * while the epoch stays the same. */
extern unsigned type_epoch;

/* The two words in front of a managed-dict instance's GC header: its
 * values array and its dict (see vm/type.c, "instance values"). */
static inline DictValues **obj_values_slot(Object *o)
{
    return (DictValues **)((char *)o - sizeof(GCHead)) - 2;
}
static inline Object **obj_managed_dict_slot(Object *o)
{
    return (Object **)((char *)o - sizeof(GCHead)) - 1;
}

/* Whether [o]'s attributes are in its values array, with no dict made. */
static inline bool obj_has_inline_values(Object *o)
{
    return (TYPE(o)->flags & TPFLAG_MANAGED_DICT) && *obj_values_slot(o) && !*obj_managed_dict_slot(o);
}

/* What an attribute instruction learnt about instances of [type], valid
 * while no class changed (the type epoch): LOAD_ATTR and STORE_ATTR, the
 * number among the class's shared keys where the value sits; LOAD_METHOD,
 * the function found on the class, and the version of the shared keys
 * that proved the instances' values lack the name (0: no values). */
typedef struct {
    Type *type;
    unsigned epoch;
    int index;
    uint32_t keys_version;
    Object *method;             /* borrowed from the class's namespace */
} AttrCache;

/* LOAD_METHOD's answer from [c] alone: the class's function that o.name
 * binds to o, while no class changed and o cannot hide the name (it has
 * no dict, or its values lie over shared keys that, at the version [c]
 * saw, lack the name; a keys version is never 0 once given); else NULL. */
static inline Object *method_cache_hit(const AttrCache *c, Object *o)
{
    Type *t = TYPE(o);
    if (c->type != t || c->epoch != type_epoch)
        return NULL;
    bool hidden = c->keys_version
        ? !obj_has_inline_values(o) || ((DictKeys *)t->shared_keys)->version != c->keys_version
        : (t->flags & TPFLAG_MANAGED_DICT) || t->dictoffset;
    return hidden ? NULL : c->method;
}

/* Whether what [c] learnt applies to [o]: same class, no class changed,
 * and o's attributes in its values array. */
static inline bool attr_cache_hit(const AttrCache *c, Object *o)
{
    return c->type == TYPE(o) && c->epoch == type_epoch && obj_has_inline_values(o);
}

/* Completes a static type at start-up: base, MRO, and a __dict__ built from
 * its methods, getsets and slots.  -1 on failure. */
int type_ready(Type *t);
/* Drops what type_ready made (at exit). */
void type_fini(Type *t);
/* type_fini for every type readied, newest first. */
void type_fini_all(void);
/* type(name, bases, namespace): a new class.  [meta] is its metatype. */
Object *type_new_class(Type *meta, Object *name, Object *bases, Object *ns);
/* The instance dict of [o] (creating it when [create]); borrowed; NULL if
 * [o] has no dict (no error set unless creation failed). */
Object *obj_instance_dict(Object *o, bool create);
/* Location of an instance dict pointer, or NULL. */
Object **obj_dict_ptr(Object *o);
/* self.name(*args) for a special method looked up on the type only, as
 * CPython's vectorcall_method: no bound method is made.  AttributeError if
 * the type lacks it. */
Object *obj_call_special(Object *self, Object *name, Object *const *args, ssize_t nargs);
/* Whether repr() of a [t] runs a __repr__ written in Python. */
bool type_repr_is_python(Type *t);
/* o.name and o.name = value the generic way, for an instruction whose
 * cache [c] did not apply: remembers in it where an instance
 * attribute kept inline was found or stored, so that the instruction goes
 * straight to its values-array slot next time (attr_cache_hit). */
Object *obj_getattr_remember(Object *o, Object *name, AttrCache *c);
int obj_setattr_remember(Object *o, Object *name, Object *value, AttrCache *c);
/* LOAD_METHOD's question when method_cache_hit did not answer: the
 * function on o's class (borrowed) that o.name would bind to o, remembered
 * in [c], or NULL when o.name must be looked up the generic way. */
Object *obj_method_remember(Object *o, Object *name, AttrCache *c);
/* Called when a type's namespace changed: forgets cached lookups and
 * refreshes slots for dunder names. */
void type_modified(Type *t, Object *name);
/* __module__ of a type as a new str reference ("builtins" for static types). */
Object *type_module(Type *t);

/* Descriptor objects for a built-in type's namespace. */
typedef struct {
    Object base;
    Type *owner;
    const MethodDef *def;
} MethodDescrObject;

typedef struct {
    Object base;
    Type *owner;
    const GetSetDef *def;
} GetSetDescrObject;

typedef struct {
    Object base;
    Type *owner;
    Object *name;
    ssize_t offset;
} MemberDescrObject;

extern Type wrapper_descr_type, method_wrapper_type, mappingproxy_type;

#endif
