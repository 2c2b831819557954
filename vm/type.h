/* type.h — type objects: readying the built-in types, making classes,
 * and the descriptors a type's namespace holds. */
#ifndef MEMPY_TYPE_H
#define MEMPY_TYPE_H

#include "object.h"

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
/* o.name, remembering in [c] (may be NULL) where an instance attribute
 * kept inline was found, so that the next lookup goes straight to it. */
Object *obj_getattr_cached(Object *o, Object *name, void *cache);
/* o.name = value through the same kind of cache: a hit stores straight
 * into the instance's values array. */
int obj_setattr_cached(Object *o, Object *name, Object *value, void *cache);
/* LOAD_METHOD's question through the same kind of cache: the function on
 * o's class (borrowed) that o.name would bind to o, or NULL when o.name
 * must be looked up the generic way. */
Object *obj_method_cached(Object *o, Object *name, void *cache);
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
