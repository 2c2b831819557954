/* sys.c — the sys module: argv, modules, the standard streams, displayhook
 * and excepthook, getrefcount, getsizeof, intern, the recursion limit,
 * exit, and _debugmallocstats. */
#include <config.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include "lib.h"
#include "../vm/errors.h"
#include "../vm/interp.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/float.h"
#include "../vm/tuple.h"
#include "../vm/list.h"
#include "../vm/dict.h"
#include "../vm/type.h"
#include "../vm/args.h"
#include "../vm/traceback.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

#define NO_SELF (void)self

static Object *sys_dict(void) { return MODULE_DICT(vm_ts->interp->sysmod); }

int lib_sys_set(const char *name, Object *value)
{
    if (!value)
        return -1;
    int r = dict_setitem_str(sys_dict(), name, value);
    DECREF(value);
    return r;
}

int lib_sys_set_argv(int argc, char **argv)
{
    Object *l = list_new(0);
    if (!l)
        return -1;
    for (int i = 0; i < argc; i++) {
        Object *s = str_from_utf8(argv[i], (ssize_t)strlen(argv[i]));
        if (!s || list_append(l, s) < 0) {
            XDECREF(s);
            DECREF(l);
            return -1;
        }
        DECREF(s);
    }
    return lib_sys_set("argv", l);
}

/* ---- text streams over C FILEs ---- */

typedef struct {
    Object base;
    FILE *fp;
    const char *name;
    int fd;
    bool closed;
} TextIOObject;

#define TIO(o) ((TextIOObject *)(o))

static Object *closed_file(void) { return err_format(exc_ValueError, "I/O operation on closed file."); }

static Object *tio_write(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *s;
    if (args_positional("write", args, nargs, kwnames, 1, 1, &s) < 0)
        return NULL;
    if (!TYPE_CHECK(s, str_type))
        return err_format(exc_TypeError, "write() argument must be str, not %T", s);
    if (TIO(self)->closed)
        return closed_file();
    ssize_t len;
    const char *u = str_as_utf8(s, &len);
    if (!u)
        return NULL;
    FILE *fp = TIO(self)->fp;
    if (len && fwrite(u, 1, (size_t)len, fp) != (size_t)len)
        return err_format(exc_OSError, "[Errno %d] %s", errno, strerror(errno));
    if (isatty(TIO(self)->fd) && memchr(u, '\n', (size_t)len))
        fflush(fp);
    return int_from_ssize(STR_LEN(s));
}

static Object *tio_flush(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("flush", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    if (TIO(self)->closed)
        return closed_file();
    fflush(TIO(self)->fp);
    return none_new();
}

static Object *tio_readline(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("readline", args, nargs, kwnames, 0, 1, (Object *[1]){NULL}) < 0)
        return NULL;
    if (TIO(self)->closed)
        return closed_file();
    fflush(stdout);
    char *line = NULL;
    size_t cap = 0;
    size_t len = 0;
    int c;
    while ((c = fgetc(TIO(self)->fp)) != EOF) {
        if (len + 2 > cap) {
            size_t ncap = cap ? cap * 2 : 128;
            char *n = mem_realloc(line, ncap);
            if (!n) {
                mem_free(line);
                return err_nomemory();
            }
            line = n;
            cap = ncap;
        }
        line[len++] = (char)c;
        if (c == '\n')
            break;
    }
    if (ferror(TIO(self)->fp) && vm_check_signals() < 0) {
        clearerr(TIO(self)->fp);
        mem_free(line);
        return NULL;
    }
    Object *r = str_from_utf8(line ? line : "", (ssize_t)len);
    mem_free(line);
    return r;
}

static Object *tio_read(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("read", args, nargs, kwnames, 0, 1, (Object *[1]){NULL}) < 0)
        return NULL;
    if (TIO(self)->closed)
        return closed_file();
    StrBuilder b;
    sb_init(&b);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, TIO(self)->fp)) > 0)
        if (sb_add_utf8(&b, buf, (ssize_t)n) < 0) {
            sb_discard(&b);
            return NULL;
        }
    return sb_finish(&b);
}

static Object *tio_close(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("close", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    fflush(TIO(self)->fp);
    TIO(self)->closed = true;
    return none_new();
}

static Object *tio_fileno(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("fileno", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return int_from_long(TIO(self)->fd);
}

static Object *tio_isatty(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_positional("isatty", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return bool_from(isatty(TIO(self)->fd));
}

static const MethodDef tio_methods[] = {
    {"write", tio_write, 0, NULL},
    {"flush", tio_flush, 0, NULL},
    {"readline", tio_readline, 0, NULL},
    {"read", tio_read, 0, NULL},
    {"close", tio_close, 0, NULL},
    {"fileno", tio_fileno, 0, NULL},
    {"isatty", tio_isatty, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static Object *tio_repr(Object *o)
{
    return str_from_format("<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>",
                           TIO(o)->name, TIO(o)->fd == 0 ? "r" : "w");
}

static Object *tio_get_closed(Object *o, void *c) { (void)c; return bool_from(TIO(o)->closed); }
static Object *tio_get_encoding(Object *o, void *c) { (void)o; (void)c; return str_from_cstr("utf-8"); }

static const GetSetDef tio_getset[] = {
    {"closed", tio_get_closed, NULL, NULL},
    {"encoding", tio_get_encoding, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static void tio_dealloc(Object *o)
{
    fflush(TIO(o)->fp);
    obj_free(o);
}

static Type textio_type = {
    .base = {{1, &type_type}, 0}, .name = "_io.TextIOWrapper", .basicsize = sizeof(TextIOObject),
    .dealloc = tio_dealloc, .repr = tio_repr, .methods = tio_methods, .getset = tio_getset,
};

static Object *textio_new(FILE *fp, const char *name, int fd)
{
    TextIOObject *t = (TextIOObject *)obj_alloc(&textio_type, 0);
    if (!t)
        return NULL;
    t->fp = fp;
    t->name = name;
    t->fd = fd;
    return (Object *)t;
}

/* ---- functions ---- */

static Object *set_builtins_underscore(Object *v)
{
    return dict_setitem_str(vm_ts->interp->builtins, "_", v) < 0 ? NULL : v;
}

static Object *sys_displayhook(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *v;
    if (args_positional("displayhook", args, nargs, kwnames, 1, 1, &v) < 0)
        return NULL;
    if (v == None)
        return none_new();
    if (!set_builtins_underscore(None))
        return NULL;
    Object *out = dict_getitem_str(sys_dict(), "stdout");
    if (!out || out == None)
        return err_format(exc_RuntimeError, "lost sys.stdout");
    Object *r = obj_repr(v);
    Object *nl = r ? str_from_cstr("\n") : NULL;
    Object *w1 = nl ? obj_call_method(out, "write", &r, 1) : NULL;
    Object *w2 = w1 ? obj_call_method(out, "write", &nl, 1) : NULL;
    XDECREF(r);
    XDECREF(nl);
    XDECREF(w1);
    if (!w2)
        return NULL;
    DECREF(w2);
    if (!set_builtins_underscore(v))
        return NULL;
    return none_new();
}

static Object *sys_excepthook(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[3];
    if (args_positional("excepthook", args, nargs, kwnames, 3, 3, a) < 0)
        return NULL;
    fflush(stdout);
    traceback_print(a[1], stderr);
    return none_new();
}

static Object *sys_getrefcount(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("getrefcount", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    return int_from_ssize(REFCNT(o));
}

static Object *sys_getsizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"object", "default", NULL};
    Object *a[2] = {NULL, NULL};
    if (args_parse("getsizeof", args, nargs, kwnames, kw, 1, 2, a) < 0)
        return NULL;
    ssize_t n = obj_sizeof(a[0]);
    if (n < 0) {
        if (a[1] && err_matches(exc_TypeError)) {
            err_clear();
            return NEWREF(a[1]);
        }
        return NULL;
    }
    return int_from_ssize(n);
}

static Object *sys_intern(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *s;
    if (args_positional("intern", args, nargs, kwnames, 1, 1, &s) < 0)
        return NULL;
    if (!IS_TYPE(s, str_type))
        return err_format(exc_TypeError, "intern() argument must be str, not %T", s);
    INCREF(s);
    str_intern(&s);
    return s;
}

static Object *sys_getrecursionlimit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("getrecursionlimit", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return int_from_long(vm_ts->interp->recursion_limit);
}

static Object *sys_setrecursionlimit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *v;
    if (args_positional("setrecursionlimit", args, nargs, kwnames, 1, 1, &v) < 0)
        return NULL;
    if (!TYPE_CHECK(v, int_type))
        return err_format(exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    long n = int_as_long(v);
    if (n == -1 && err_occurred())
        return NULL;
    if (n < 1)
        return err_format(exc_ValueError, "recursion limit must be greater or equal than 1");
    if (n > 100000)
        n = 100000;            /* the data stack bounds it anyway */
    int depth = vm_ts->depth;
    if (n <= depth)
        return err_format(exc_RecursionError,
                          "cannot set the recursion limit to %ld at the recursion depth %d: the limit is too low",
                          n, depth);
    vm_ts->interp->recursion_limit = (int)n;
    return none_new();
}

static Object *sys_exit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *code = NULL;
    if (args_positional("exit", args, nargs, kwnames, 0, 1, &code) < 0)
        return NULL;
    err_set_obj(exc_SystemExit, code);
    return NULL;
}

static Object *sys_exc_info(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("exc_info", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    Object *e = vm_ts->handled;
    if (!e)
        return tuple_pack(3, None, None, None);
    Object *tb = ((ExceptionObject *)e)->traceback;
    return tuple_pack(3, TYPE(e), e, tb ? tb : None);
}

static Object *sys_exception(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("exception", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return NEWREF(vm_ts->handled ? vm_ts->handled : None);
}

static Object *sys_debugmallocstats(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("_debugmallocstats", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    fflush(stdout);
    mem_print_stats(stderr);
    dict_print_freelist(stderr);
    float_print_freelist(stderr);
    list_print_freelist(stderr);
    tuple_print_freelists(stderr);
    return none_new();
}

static Object *sys_getdefaultencoding(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("getdefaultencoding", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return str_from_cstr("utf-8");
}

static Object *sys_get_int_max_str_digits(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("get_int_max_str_digits", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return int_from_ssize(int_get_max_str_digits());
}

static Object *sys_set_int_max_str_digits(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"maxdigits", NULL};
    Object *a[1];
    if (args_parse("set_int_max_str_digits", args, nargs, kwnames, kw, 1, 1, a) < 0)
        return NULL;
    ssize_t n = num_as_ssize(a[0], exc_OverflowError);
    if (n == -1 && err_occurred())
        return NULL;
    return int_set_max_str_digits(n) < 0 ? NULL : none_new();
}

static const MethodDef sys_functions[] = {
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0, NULL},
    {"displayhook", sys_displayhook, 0, NULL},
    {"excepthook", sys_excepthook, 0, NULL},
    {"getrefcount", sys_getrefcount, 0, NULL},
    {"getsizeof", sys_getsizeof, 0, NULL},
    {"intern", sys_intern, 0, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, 0, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, 0, NULL},
    {"exit", sys_exit, 0, NULL},
    {"exc_info", sys_exc_info, 0, NULL},
    {"exception", sys_exception, 0, NULL},
    {"_debugmallocstats", sys_debugmallocstats, 0, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* A tuple of [n] new references (NULL if any is NULL). */
static Object *tuple_of_new(ssize_t n, Object **items)
{
    Object *t = NULL;
    bool ok = true;
    for (ssize_t i = 0; i < n; i++)
        ok = ok && items[i];
    if (ok && (t = tuple_new(n)))
        for (ssize_t i = 0; i < n; i++)
            TUPLE_ITEMS(t)[i] = items[i];
    else
        for (ssize_t i = 0; i < n; i++)
            XDECREF(items[i]);
    return t;
}

/* sys.version_info as a plain tuple (CPython's is a named tuple). */
static Object *version_info(void)
{
    Object *items[5] = {int_from_long(3), int_from_long(11), int_from_long(7),
                        str_from_cstr("final"), int_from_long(0)};
    return tuple_of_new(5, items);
}

static Object *module_names(void)
{
    Object *items[2] = {str_from_cstr("builtins"), str_from_cstr("sys")};
    return tuple_of_new(2, items);
}

Object *lib_sys_init(void)
{
    Object *m = module_new("sys");
    if (!m)
        return NULL;
    if (module_add_functions(m, sys_functions) < 0)
        goto fail;
    Object *d = MODULE_DICT(m);
    Object *stdout_obj = textio_new(stdout, "<stdout>", 1);
    Object *stderr_obj = textio_new(stderr, "<stderr>", 2);
    Object *stdin_obj = textio_new(stdin, "<stdin>", 0);
    if (dict_setitem_str(d, "modules", vm_ts->interp->modules) < 0 ||
        module_add(m, "stdout", stdout_obj) < 0 || module_add(m, "stderr", stderr_obj) < 0 ||
        module_add(m, "stdin", stdin_obj) < 0 ||
        dict_setitem_str(d, "__stdout__", dict_getitem_str(d, "stdout")) < 0 ||
        dict_setitem_str(d, "__stderr__", dict_getitem_str(d, "stderr")) < 0 ||
        dict_setitem_str(d, "__stdin__", dict_getitem_str(d, "stdin")) < 0 ||
        dict_setitem_str(d, "__displayhook__", dict_getitem_str(d, "displayhook")) < 0 ||
        dict_setitem_str(d, "__excepthook__", dict_getitem_str(d, "excepthook")) < 0 ||
        module_add(m, "argv", list_new(0)) < 0 || module_add(m, "path", list_new(0)) < 0 ||
        module_add(m, "version", str_from_cstr(MEMPY_PY_VERSION " (mempy " PACKAGE_VERSION ")")) < 0 ||
        module_add(m, "version_info", version_info()) < 0 ||
        module_add(m, "platform", str_from_cstr("linux")) < 0 ||
        module_add(m, "byteorder", str_from_cstr("little")) < 0 ||
        module_add(m, "maxsize", int_from_ssize(SSIZE_MAX)) < 0 ||
        module_add(m, "maxunicode", int_from_long(0x10FFFF)) < 0 ||
        module_add(m, "executable", str_from_cstr("")) < 0 ||
        module_add(m, "builtin_module_names", module_names()) < 0)
        goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
