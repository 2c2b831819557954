/* module.h — module objects and importing built-in modules. */
#ifndef MEMPY_MODULE_H
#define MEMPY_MODULE_H

#include "object.h"

typedef struct {
    Object base;
    Object *dict;
    Object *name;
} ModuleObject;

#define MODULE_DICT(m) (((ModuleObject *)(m))->dict)

/* A module named [name] with __name__, __doc__ (None), __package__, __loader__ and __spec__ set. */
Object *module_new(const char *name);
/* Adds each function of [defs] (NULL-terminated) to [module]. */
int module_add_functions(Object *module, const MethodDef *defs);
/* Adds [value] as [name]; steals [value] (NULL: returns -1, error already set). */
int module_add(Object *module, const char *name, Object *value);

/* A built-in module: its name and the function that makes it. */
typedef struct {
    const char *name;
    Object *(*init)(void);
} BuiltinModule;

/* Registers the built-in modules (the table must outlive the interpreter). */
void import_set_builtins(const BuiltinModule *table);
/* import [name] (absolute, dotted names unsupported beyond built-ins):
 * sys.modules first, then the built-in table; ModuleNotFoundError else. */
Object *import_module(Object *name);
/* Makes and registers a built-in module in sys.modules; NULL if unknown. */
Object *import_builtin(const char *name);

#endif
