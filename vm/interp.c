/* interp.c — bringing the interpreter up and down: the built-in types, the
 * exception types, the built-in modules, __main__; and what happens to an
 * exception nobody caught. */
#include <string.h>
#include "interp.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "float.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "set.h"
#include "type.h"
#include "module.h"
#include "traceback.h"
#include "generator.h"
#include "frameobject.h"
#include "../mem/gc.h"

static Interp the_interp;
static ThreadState the_thread;

int eval_init_thread(ThreadState *ts);
void eval_fini_thread(ThreadState *ts);
void errors_fini(void);
extern Type seqiter_type;

/* The built-in types, readied at start-up as CPython readies its static
 * types: readying one later would allocate (its __dict__, __mro__ ...) in
 * the middle of a program and show in gc.get_count(). */
static Type *const core_types[] = {
    &object_type, &type_type, &none_type, &notimpl_type, &ellipsis_type, &int_type,
    &bool_type, &float_type, &str_type, &bytes_type, &list_type, &tuple_type, &dict_type,
    &set_type, &frozenset_type, &range_type, &slice_type, &function_type, &method_type,
    &cell_type, &cfunction_type, &method_descr_type, &getset_descr_type, &member_descr_type,
    &wrapper_descr_type, &method_wrapper_type, &mappingproxy_type, &code_type, &module_type,
    &property_type, &staticmethod_type, &classmethod_type, &super_type, &traceback_type,
    &generator_type, &frame_type, &seqiter_type, &bytes_iter_type, &str_iter_type, &str_ascii_iter_type,
    &list_iter_type, &list_reviter_type, &tuple_iter_type, &set_iter_type, &range_iter_type,
    &dict_keys_type, &dict_values_type, &dict_items_type, &dict_keyiter_type,
    &dict_valueiter_type, &dict_itemiter_type, &dict_revkeyiter_type, &dict_revvalueiter_type,
    &dict_revitemiter_type, &enumerate_type, &filter_type, &map_type, &reversed_type, &zip_type,
};
#define N_CORE_TYPES (sizeof core_types / sizeof core_types[0])

/* Empties the per-type free lists, in CPython 3.11's order (clear_freelists
 * in its gcmodule.c). */
static void clear_freelists(void)
{
    tuple_clear_freelists();
    float_fini();
    list_clear_freelist();
    dict_clear_freelists();
}

Object *vm_main_module(void)
{
    Interp *in = &the_interp;
    Object *main = dict_getitem_str(in->modules, "__main__");
    if (main && IS_TYPE(main, module_type))
        return main;
    if (!(main = module_new("__main__")))
        return NULL;
    Object *bmod = dict_getitem_str(in->modules, "builtins");
    int r = dict_setitem_str(in->modules, "__main__", main);
    if (r == 0 && bmod)
        r = dict_setitem_str(MODULE_DICT(main), "__builtins__", bmod);
    DECREF(main);               /* sys.modules keeps it */
    return r < 0 ? NULL : main;
}

/* No automatic collection while an exception is pending (its traceback
 * is being built), as in CPython; the gc module keeps this rule. */
static bool no_pending_exception(void)
{
    return vm_ts->exc == NULL;
}

int vm_init(const BuiltinModule *modules)
{
    Interp *in = &the_interp;
    ThreadState *ts = &the_thread;
    ts->interp = in;
    in->tstate = ts;
    in->recursion_limit = 1000;
    vm_ts = ts;
    if (eval_init_thread(ts) < 0)
        return -1;
    gc_init();
    static const GCHooks start_hooks = {.can_collect = no_pending_exception};
    gc_set_hooks(&start_hooks);
    gc_set_freelist_hook(clear_freelists);
    int_init();
    for (size_t i = 0; i < N_CORE_TYPES; i++)
        if (type_ready(core_types[i]) < 0)
            return -1;
    errors_init();
    import_set_builtins(modules);
    if (!(in->modules = dict_new()))
        return -1;
    Object *b = import_builtin("builtins");
    if (!b)
        return -1;
    in->builtins = NEWREF(MODULE_DICT(b));
    DECREF(b);
    if (!(in->sysmod = import_builtin("sys")))
        return -1;
    return vm_main_module() ? 0 : -1;
}

/* Takes every module but builtins and sys out of sys.modules. */
static void drop_modules(Interp *in)
{
    Object *names = dict_keys_list(in->modules);
    for (ssize_t i = 0; names && i < SIZE(names); i++) {
        Object *name = LIST_GET(names, i);
        if (!str_eq_cstr(name, "builtins") && !str_eq_cstr(name, "sys") &&
            dict_delitem(in->modules, name) < 0)
            err_clear();
    }
    XDECREF(names);
    err_clear();
}

void vm_fini(void)
{
    Interp *in = &the_interp;
    /* As CPython's Py_FinalizeEx: first a collection (if enabled) while
     * everything is intact, gc.callbacks included ... */
    if (gc_is_enabled())
        gc_collect(2);
    /* ... then the modules leave sys.modules: __main__'s namespace becomes
     * garbage, and the collector runs the __del__ of what it held while its
     * globals are still in place (what gc.callbacks still reaches stays, as
     * in CPython, whose collector state outlives the modules) ... */
    drop_modules(in);
    gc_collect_at_exit();
    /* ... then what is left is cleared. */
    dict_clear(in->builtins);
    dict_clear(MODULE_DICT(in->sysmod));
    CLEAR(in->sysmod);
    CLEAR(in->builtins);
    CLEAR(in->modules);
    CLEAR(the_thread.exc);
    CLEAR(the_thread.handled);
    gc_collect_at_exit();
    /* the last collection is over: gc.garbage and gc.callbacks go now */
    static const GCHooks no_hooks;
    gc_set_hooks(&no_hooks);
    gc_free_leftovers();
    errors_fini();
    type_fini_all();
    str_fini();
    int_fini();
    clear_freelists();
    eval_fini_thread(&the_thread);
}

void vm_print_exception(void)
{
    Object *exc = err_fetch();
    if (!exc)
        return;
    fflush(stdout);
    Object *hook = vm_ts->interp->sysmod ? dict_getitem_str(MODULE_DICT(vm_ts->interp->sysmod), "excepthook")
                                         : NULL;
    if (hook) {
        ExceptionObject *e = (ExceptionObject *)exc;
        Object *args[3] = {(Object *)TYPE(exc), exc, e->traceback ? e->traceback : None};
        Object *r = obj_call(hook, args, 3, NULL);
        if (r) {
            DECREF(r);
            DECREF(exc);
            return;
        }
        err_clear();
    }
    traceback_print(exc, stderr);
    DECREF(exc);
}

int vm_handle_system_exit(void)
{
    if (!err_matches(exc_SystemExit))
        return -1;
    Object *exc = err_fetch();
    Object *d = ((ExceptionObject *)exc)->dict;
    Object *code = d ? dict_getitem_str(d, "code") : NULL;
    int status = 0;
    if (code && code != None) {
        if (TYPE_CHECK(code, int_type)) {
            long v = int_as_long(code);
            if (v == -1 && err_occurred()) {
                err_clear();
                v = -1;
            }
            status = (int)v;
        } else {
            Object *s = obj_str(code);
            const char *t = s ? str_as_utf8(s, NULL) : NULL;
            fflush(stdout);
            if (t)
                fprintf(stderr, "%s\n", t);
            else
                err_clear();
            XDECREF(s);
            status = 1;
        }
    }
    DECREF(exc);
    return status;
}
