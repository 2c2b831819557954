/* func.h — callables: Python functions, bound methods, cells, built-in
 * functions, and the property / staticmethod / classmethod wrappers. */
#ifndef MEMPY_FUNC_H
#define MEMPY_FUNC_H

#include "object.h"
#include "code.h"

typedef struct {
    Object base;
    CodeObject *code;
    Object *globals, *builtins;
    Object *name, *qualname, *module, *doc;
    Object *defaults;           /* tuple or NULL */
    Object *kwdefaults;         /* dict or NULL */
    Object *closure;            /* tuple of cells or NULL */
    Object *annotations;        /* dict or NULL */
    Object *dict;               /* __dict__ or NULL */
    /* The rest completes CPython 3.11's layout (sys.getsizeof == 152);
     * mempy has no weak references or per-object vectorcall yet. */
    Object *weakreflist;
    void *vectorcall;
    uint32_t version;
} FunctionObject;

typedef struct {
    Object base;
    Object *func, *self;
    Object *weakreflist;        /* reserved, as CPython's layout (getsizeof == 64) */
    void *vectorcall;
} MethodObject;

typedef struct {
    Object base;
    Object *ref;                /* contents, or NULL when empty */
} CellObject;

/* A built-in function or a built-in method bound to [self]. */
typedef struct {
    Object base;
    const MethodDef *def;
    Object *self;               /* NULL for plain functions; the module for module functions */
    Object *module;             /* __module__ or NULL */
    Object *weakreflist;        /* reserved, as CPython's layout (getsizeof == 72) */
    void *vectorcall;
} CFunctionObject;

Object *func_new(CodeObject *code, Object *globals, Object *qualname);
Object *method_new(Object *func, Object *self);
Object *cell_new(Object *ref);
Object *cfunction_new(const MethodDef *def, Object *self, Object *module);


#endif
