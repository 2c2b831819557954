/* lib.h — the Python-visible modules written in C, and the table of them
 * that cli/ hands to the interpreter. */
#ifndef MEMPY_LIB_H
#define MEMPY_LIB_H

#include "../vm/object.h"
#include "../vm/module.h"

extern const BuiltinModule lib_modules[];

Object *lib_builtins_init(void);
Object *lib_sys_init(void);
Object *lib_gc_init(void);
Object *lib_time_init(void);
/* _tracemalloc (the tracer's functions) and tracemalloc (them, and the
 * classes of snapshots and statistics). */
Object *lib__tracemalloc_init(void);
Object *lib_tracemalloc_init(void);

/* Sets sys.argv from C strings. */
int lib_sys_set_argv(int argc, char **argv);
/* Sets a sys attribute (steals [value]). */
int lib_sys_set(const char *name, Object *value);

/* The version mempy reports, and the CPython version it follows. */
#define MEMPY_PY_VERSION "3.11.7"

#endif
