/* modules.c — the table of built-in modules `import` can find. */
#include "lib.h"

const BuiltinModule lib_modules[] = {
    {"builtins", lib_builtins_init},
    {"sys", lib_sys_init},
    {"gc", lib_gc_init},
    {"time", lib_time_init},
    {"_tracemalloc", lib__tracemalloc_init},
    {"tracemalloc", lib_tracemalloc_init},
    {NULL, NULL},
};
