/* builtins.c — the builtins module: print, len, isinstance, sorted, ...,
 * the built-in types under their names, the exception types, and
 * __build_class__ / __import__, which the eval loop calls. */
#include <string.h>
#include "lib.h"
#include "../vm/object.h"
#include "../vm/errors.h"
#include "../vm/interp.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/float.h"
#include "../vm/tuple.h"
#include "../vm/list.h"
#include "../vm/dict.h"
#include "../vm/set.h"
#include "../vm/func.h"
#include "../vm/type.h"
#include "../vm/module.h"
#include "../vm/frameobject.h"
#include "../vm/args.h"
#include "../mem/mem.h"

#define NO_SELF (void)self

/* ---- output ---- */

/* Writes [s] to the file object [file] (sys.stdout when NULL or None). */
static int write_to(Object *file, Object *s)
{
    Object *r = obj_call_method(file, "write", &s, 1);
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

/* sys.stdout / sys.stdin ([name]: a C string literal). */
static Object *sys_stream(const char *name)
{
    Object *key = str_intern_literal(name);
    Object *f = key ? dict_getitem(MODULE_DICT(vm_ts->interp->sysmod), key) : NULL;
    XDECREF(key);
    if (!f || f == None)
        return err_format(exc_RuntimeError, "lost sys.%s", name);
    return NEWREF(f);
}

/* Calls [fn] with its positional arguments packed in a tuple that lives for
 * the call, as CPython 3.11 passes them to its METH_VARARGS built-ins
 * (print, min, max): the tuple holds a reference to each. */
static Object *call_with_args_tuple(cfunction fn, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *packed = tuple_from_array(args, nargs + (kwnames ? SIZE(kwnames) : 0));
    if (!packed)
        return NULL;
    Object *r = fn(NULL, TUPLE_ITEMS(packed), nargs, kwnames);
    DECREF(packed);
    return r;
}

static Object *print_args(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"sep", "end", "file", "flush", NULL};
    Object *opt[4] = {NULL, NULL, NULL, NULL};
    if (kwnames && SIZE(kwnames) &&
        args_parse("print", args + nargs, 0, kwnames, kw, 0, 0, opt) < 0)
        return NULL;
    Object *sep = opt[0], *end = opt[1], *file = opt[2], *flush = opt[3];
    if (sep == None)
        sep = NULL;
    if (end == None)
        end = NULL;
    if (sep && !TYPE_CHECK(sep, str_type))
        return err_format(exc_TypeError, "sep must be None or a string, not %T", sep);
    if (end && !TYPE_CHECK(end, str_type))
        return err_format(exc_TypeError, "end must be None or a string, not %T", end);
    file = file && file != None ? NEWREF(file) : sys_stream("stdout");
    if (!file)
        return NULL;
    StrBuilder b;
    sb_init(&b);
    for (ssize_t i = 0; i < nargs; i++) {
        if (i > 0 && (sep ? sb_add_str(&b, sep) : sb_add_char(&b, ' ')) < 0)
            goto fail;
        Object *s = obj_str(args[i]);
        if (!s || sb_add_str(&b, s) < 0) {
            XDECREF(s);
            goto fail;
        }
        DECREF(s);
    }
    if ((end ? sb_add_str(&b, end) : sb_add_char(&b, '\n')) < 0)
        goto fail;
    Object *text = sb_finish(&b);
    if (!text || write_to(file, text) < 0) {
        XDECREF(text);
        DECREF(file);
        return NULL;
    }
    DECREF(text);
    if (flush && obj_is_true(flush) > 0) {
        Object *r = obj_call_method(file, "flush", NULL, 0);
        if (!r) {
            DECREF(file);
            return NULL;
        }
        DECREF(r);
    }
    DECREF(file);
    return none_new();
fail:
    sb_discard(&b);
    DECREF(file);
    return NULL;
}

static Object *builtin_print(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return call_with_args_tuple(print_args, args, nargs, kwnames);
}

static Object *builtin_input(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *prompt = NULL;
    if (args_positional("input", args, nargs, kwnames, 0, 1, &prompt) < 0)
        return NULL;
    if (prompt) {
        Object *out = sys_stream("stdout");
        Object *s = out ? obj_str(prompt) : NULL;
        int r = s ? write_to(out, s) : -1;
        XDECREF(s);
        if (out) {
            Object *fr = r == 0 ? obj_call_method(out, "flush", NULL, 0) : NULL;
            XDECREF(fr);
            DECREF(out);
        }
        if (r < 0)
            return NULL;
    }
    Object *in = sys_stream("stdin");
    if (!in)
        return NULL;
    Object *line = obj_call_method(in, "readline", NULL, 0);
    DECREF(in);
    if (!line)
        return NULL;
    if (!TYPE_CHECK(line, str_type) || STR_LEN(line) == 0) {
        DECREF(line);
        return err_format(exc_EOFError, "EOF when reading a line");
    }
    ssize_t n = STR_LEN(line);
    if (str_read(line, n - 1) == '\n') {
        Object *t = str_substr(line, 0, n - 1);
        DECREF(line);
        return t;
    }
    return line;
}

/* ---- simple functions ---- */

static Object *builtin_len(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("len", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    ssize_t n = obj_length(o);
    return n < 0 ? NULL : int_from_ssize(n);
}

static Object *builtin_id(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("id", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    return int_from_ulong((unsigned long)(uintptr_t)o);
}

/* The built-in [name] of one argument, which returns [fn] of it. */
static Object *unary(const char *name, Object *(*fn)(Object *), Object *const *args, ssize_t nargs,
                     Object *kwnames)
{
    Object *o;
    return args_positional(name, args, nargs, kwnames, 1, 1, &o) < 0 ? NULL : fn(o);
}

/* isinstance or issubclass ([name]): [test](args[0], args[1]) as a bool. */
static Object *class_test(const char *name, int (*test)(Object *, Object *), Object *const *args,
                          ssize_t nargs, Object *kwnames)
{
    Object *a[2];
    if (args_positional(name, args, nargs, kwnames, 2, 2, a) < 0)
        return NULL;
    int r = test(a[0], a[1]);
    return r < 0 ? NULL : bool_from(r);
}

static Object *builtin_repr(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return unary("repr", obj_repr, args, nargs, kwnames);
}

static Object *builtin_ascii(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return unary("ascii", obj_ascii, args, nargs, kwnames);
}

static Object *builtin_hash(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("hash", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    hash_t h = obj_hash(o);
    return h == -1 && err_occurred() ? NULL : int_from_ssize((ssize_t)h);
}

static Object *builtin_abs(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return unary("abs", num_absolute, args, nargs, kwnames);
}

static Object *builtin_callable(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("callable", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    return bool_from(TYPE(o)->call != NULL);
}

static Object *builtin_isinstance(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return class_test("isinstance", obj_isinstance, args, nargs, kwnames);
}

static Object *builtin_issubclass(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return class_test("issubclass", obj_issubclass, args, nargs, kwnames);
}

static Object *builtin_getattr(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[3] = {NULL, NULL, NULL};
    if (args_positional("getattr", args, nargs, kwnames, 2, 3, a) < 0)
        return NULL;
    if (!TYPE_CHECK(a[1], str_type))
        return err_format(exc_TypeError, "attribute name must be string, not '%T'", a[1]);
    if (!a[2])
        return obj_getattr(a[0], a[1]);
    Object *v;
    int r = obj_lookup_attr(a[0], a[1], &v);
    if (r < 0)
        return NULL;
    return r ? v : NEWREF(a[2]);
}

static Object *builtin_setattr(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[3];
    if (args_positional("setattr", args, nargs, kwnames, 3, 3, a) < 0)
        return NULL;
    if (!TYPE_CHECK(a[1], str_type))
        return err_format(exc_TypeError, "attribute name must be string, not '%T'", a[1]);
    return obj_setattr(a[0], a[1], a[2]) < 0 ? NULL : none_new();
}

static Object *builtin_delattr(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[2];
    if (args_positional("delattr", args, nargs, kwnames, 2, 2, a) < 0)
        return NULL;
    if (!TYPE_CHECK(a[1], str_type))
        return err_format(exc_TypeError, "attribute name must be string, not '%T'", a[1]);
    return obj_setattr(a[0], a[1], NULL) < 0 ? NULL : none_new();
}

static Object *builtin_hasattr(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[2];
    if (args_positional("hasattr", args, nargs, kwnames, 2, 2, a) < 0)
        return NULL;
    if (!TYPE_CHECK(a[1], str_type))
        return err_format(exc_TypeError, "attribute name must be string, not '%T'", a[1]);
    int r = obj_hasattr(a[0], a[1]);
    return r < 0 ? NULL : bool_from(r);
}

static Object *builtin_iter(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[2] = {NULL, NULL};
    if (args_positional("iter", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    if (a[1])
        return err_format(exc_NotImplementedError, "iter(callable, sentinel) is not supported yet");
    return obj_iter(a[0]);
}

static Object *builtin_next(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[2] = {NULL, NULL};
    if (args_positional("next", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    if (!TYPE(a[0])->iternext)
        return err_format(exc_TypeError, "'%T' object is not an iterator", a[0]);
    Object *v = TYPE(a[0])->iternext(a[0]);
    if (v || err_occurred())
        return v;
    if (a[1])
        return NEWREF(a[1]);
    err_set_obj(exc_StopIteration, NULL);
    return NULL;
}

/* ---- min / max ---- */

static Object *min_max(Object *const *args, ssize_t nargs, Object *kwnames, int op, const char *name)
{
    static const char *const kw[] = {"key", "default", NULL};
    Object *opt[2] = {NULL, NULL};
    if (kwnames && SIZE(kwnames) && args_parse(name, args + nargs, 0, kwnames, kw, 0, 0, opt) < 0)
        return NULL;
    Object *key = opt[0] == None ? NULL : opt[0], *deflt = opt[1];
    if (nargs == 0)
        return err_format(exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && deflt)
        return err_format(exc_TypeError,
                          "Cannot specify a default for %s() with multiple positional arguments", name);
    Object *seq = nargs == 1 ? NEWREF(args[0]) : tuple_from_array(args, nargs);
    if (!seq)
        return NULL;
    Object *it = obj_iter(seq);
    DECREF(seq);
    if (!it)
        return NULL;
    Object *best = NULL, *best_key = NULL, *item;
    while ((item = obj_next(it))) {
        Object *k = key ? obj_call1(key, item) : NEWREF(item);
        if (!k) {
            DECREF(item);
            goto fail;
        }
        if (!best) {
            best = item;
            best_key = k;
            continue;
        }
        int better = obj_richcompare_bool(k, best_key, op);
        if (better < 0) {
            DECREF(item);
            DECREF(k);
            goto fail;
        }
        if (better) {
            SETREF(best, item);
            SETREF(best_key, k);
        } else {
            DECREF(item);
            DECREF(k);
        }
    }
    if (err_occurred())
        goto fail;
    DECREF(it);
    XDECREF(best_key);
    if (!best) {
        if (deflt)
            return NEWREF(deflt);
        return err_format(exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
fail:
    DECREF(it);
    XDECREF(best);
    XDECREF(best_key);
    return NULL;
}

static Object *min_args(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return min_max(args, nargs, kwnames, CMP_LT, "min");
}

static Object *max_args(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return min_max(args, nargs, kwnames, CMP_GT, "max");
}

static Object *builtin_min(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return call_with_args_tuple(min_args, args, nargs, kwnames);
}

static Object *builtin_max(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return call_with_args_tuple(max_args, args, nargs, kwnames);
}

static Object *builtin_sum(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"", "start", NULL};
    Object *a[2] = {NULL, NULL};
    if (args_parse("sum", args, nargs, kwnames, kw, 1, 2, a) < 0)
        return NULL;
    Object *start = a[1];
    if (start && TYPE_CHECK(start, str_type))
        return err_format(exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (start && TYPE_CHECK(start, bytes_type))
        return err_format(exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    Object *it = obj_iter(a[0]);
    if (!it)
        return NULL;
    Object *total = start ? NEWREF(start) : int_from_long(0);
    Object *item;
    while (total && (item = obj_next(it))) {
        Object *t = num_binop(total, item, BINOP_ADD);
        DECREF(item);
        SETREF(total, t);
    }
    DECREF(it);
    if (total && err_occurred())
        CLEAR(total);
    return total;
}

static Object *builtin_sorted(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"", "key", "reverse", NULL};
    Object *a[3] = {NULL, NULL, NULL};
    if (nargs != 1 && !(kwnames && SIZE(kwnames)))
        return err_format(exc_TypeError, "sorted expected 1 argument, got %zd", nargs);
    if (args_parse("sorted", args, nargs, kwnames, kw, 1, 1, a) < 0)
        return NULL;
    Object *l = list_from_iter(a[0]);
    if (!l)
        return NULL;
    int rev = a[2] ? obj_is_true(a[2]) : 0;
    if (rev < 0 || list_sort(l, a[1] == None ? NULL : a[1], rev) < 0) {
        DECREF(l);
        return NULL;
    }
    return l;
}

static Object *all_any(Object *const *args, ssize_t nargs, Object *kwnames, bool want, const char *name)
{
    Object *o;
    if (args_positional(name, args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    Object *it = obj_iter(o);
    if (!it)
        return NULL;
    Object *x;
    while ((x = obj_next(it))) {
        int t = obj_is_true(x);
        DECREF(x);
        if (t < 0 || (t != 0) == want) {
            DECREF(it);
            return t < 0 ? NULL : bool_from(want);
        }
    }
    DECREF(it);
    return err_occurred() ? NULL : bool_from(!want);
}

static Object *builtin_all(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return all_any(args, nargs, kwnames, false, "all");
}

static Object *builtin_any(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return all_any(args, nargs, kwnames, true, "any");
}

/* ---- numbers ---- */

static Object *builtin_divmod(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[2];
    if (args_positional("divmod", args, nargs, kwnames, 2, 2, a) < 0)
        return NULL;
    Object *r;
    Object *name = str_intern_cstr("__divmod__");
    if (type_lookup(TYPE(a[0]), name) && (r = obj_call_method(a[0], "__divmod__", &a[1], 1)) != NULL) {
        DECREF(name);
        if (r != NotImplemented)
            return r;
        DECREF(r);
    } else if (err_occurred()) {
        DECREF(name);
        return NULL;
    } else
        DECREF(name);
    Object *rname = str_intern_cstr("__rdivmod__");
    bool has = type_lookup(TYPE(a[1]), rname) != NULL;
    DECREF(rname);
    if (has) {
        r = obj_call_method(a[1], "__rdivmod__", &a[0], 1);
        if (!r || r != NotImplemented)
            return r;
        DECREF(r);
    }
    return err_format(exc_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'", a[0], a[1]);
}

static Object *builtin_pow(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"base", "exp", "mod", NULL};
    Object *a[3] = {NULL, NULL, NULL};
    if (args_parse("pow", args, nargs, kwnames, kw, 2, 3, a) < 0)
        return NULL;
    if (!a[2] || a[2] == None)
        return num_binop(a[0], a[1], BINOP_POWER);
    Object *r = obj_call_method(a[0], "__pow__", a + 1, 2);
    if (r == NotImplemented || (!r && err_matches(exc_AttributeError))) {
        XDECREF(r);
        err_clear();
        return err_format(exc_TypeError, "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'",
                          a[0], a[1], a[2]);
    }
    return r;
}

static Object *builtin_round(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"number", "ndigits", NULL};
    Object *a[2] = {NULL, NULL};
    if (args_parse("round", args, nargs, kwnames, kw, 1, 2, a) < 0)
        return NULL;
    Object *name = str_intern_cstr("__round__");
    bool has = type_lookup(TYPE(a[0]), name) != NULL;
    DECREF(name);
    if (!has)
        return err_format(exc_TypeError, "type %T doesn't define __round__ method", a[0]);
    if (!a[1] || a[1] == None)
        return obj_call_method(a[0], "__round__", NULL, 0);
    return obj_call_method(a[0], "__round__", &a[1], 1);
}

static Object *int_text(Object *const *args, ssize_t nargs, Object *kwnames, int base, const char *name)
{
    Object *o;
    if (args_positional(name, args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    Object *i = num_index(o);
    if (!i)
        return NULL;
    Object *r = int_format_base(i, base, true);
    DECREF(i);
    return r;
}

static Object *builtin_hex(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return int_text(a, n, k, 16, "hex"); }
static Object *builtin_oct(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return int_text(a, n, k, 8, "oct"); }
static Object *builtin_bin(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return int_text(a, n, k, 2, "bin"); }

static Object *builtin_ord(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("ord", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    if (TYPE_CHECK(o, str_type)) {
        if (STR_LEN(o) != 1)
            return err_format(exc_TypeError, "ord() expected a character, but string of length %zd found",
                              STR_LEN(o));
        return int_from_long((long)str_read(o, 0));
    }
    if (TYPE_CHECK(o, bytes_type)) {
        if (SIZE(o) != 1)
            return err_format(exc_TypeError, "ord() expected a character, but string of length %zd found",
                              SIZE(o));
        return int_from_long((unsigned char)BYTES_DATA(o)[0]);
    }
    return err_format(exc_TypeError, "ord() expected string of length 1, but %T found", o);
}

static Object *builtin_chr(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("chr", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    if (!TYPE_CHECK(o, int_type))
        return err_format(exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    long v = int_as_long(o);
    if (v == -1 && err_occurred()) {
        err_clear();
        return err_format(exc_OverflowError, "Python int too large to convert to C int");
    }
    if (v < 0 || v > 0x10FFFF)
        return err_format(exc_ValueError, "chr() arg not in range(0x110000)");
    return str_from_char((uint32_t)v);
}

static Object *builtin_format(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[2] = {NULL, NULL};
    if (args_positional("format", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    if (a[1] && !TYPE_CHECK(a[1], str_type))
        return err_format(exc_TypeError, "format() argument 2 must be str, not %T", a[1]);
    return obj_format(a[0], a[1]);
}

/* ---- namespaces ---- */

static Object *builtin_globals(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("globals", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    Frame *f = vm_ts->frame;
    return NEWREF(f ? f->globals : None);
}

static Object *builtin_locals(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (args_positional("locals", args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    return frame_locals(vm_ts->frame);
}

static Object *builtin_vars(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o = NULL;
    if (args_positional("vars", args, nargs, kwnames, 0, 1, &o) < 0)
        return NULL;
    if (!o)
        return frame_locals(vm_ts->frame);
    Object *d = obj_getattr_str(o, "__dict__");
    if (!d && err_matches(exc_AttributeError)) {
        err_clear();
        return err_format(exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

static Object *builtin_dir(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o = NULL;
    if (args_positional("dir", args, nargs, kwnames, 0, 1, &o) < 0)
        return NULL;
    Object *names;
    if (!o) {
        Object *loc = frame_locals(vm_ts->frame);
        if (!loc)
            return NULL;
        names = dict_keys_list(loc);
        DECREF(loc);
    } else if (TYPE_CHECK(o, type_type)) {
        Object *d = dict_new();
        Object *mro = ((Type *)o)->mro;
        for (ssize_t i = SIZE(mro) - 1; d && i >= 0; i--)
            if (dict_update(d, ((Type *)TUPLE_GET(mro, i))->dict) < 0)
                CLEAR(d);
        names = d ? dict_keys_list(d) : NULL;
        XDECREF(d);
    } else if (IS_TYPE(o, module_type)) {
        names = dict_keys_list(MODULE_DICT(o));
    } else {
        names = obj_call_method(o, "__dir__", NULL, 0);
        if (names && !IS_TYPE(names, list_type))
            SETREF(names, list_from_iter(names));
    }
    if (names && list_sort(names, NULL, 0) < 0)
        CLEAR(names);
    return names;
}

/* ---- compiling and running code ---- */

static Object *compile_arg(Object *src, const char *mode, const char *fname)
{
    Interp *in = vm_ts->interp;
    if (!in->compile)
        return err_format(exc_RuntimeError, "%s(): no compiler available", fname);
    if (IS_TYPE(src, code_type))
        return NEWREF(src);
    Object *text = NULL;
    if (TYPE_CHECK(src, str_type))
        text = NEWREF(src);
    else if (TYPE_CHECK(src, bytes_type))
        text = str_from_utf8(BYTES_DATA(src), SIZE(src));
    else
        return err_format(exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    if (!text)
        return NULL;
    if (strcmp(mode, "eval") == 0) {
        /* eval() ignores leading blanks, as CPython's does */
        ssize_t lead = 0;
        while (lead < STR_LEN(text) && (str_read(text, lead) == ' ' || str_read(text, lead) == '\t'))
            lead++;
        if (lead) {
            Object *t = str_substr(text, lead, STR_LEN(text));
            DECREF(text);
            if (!(text = t))
                return NULL;
        }
    }
    Object *filename = str_from_cstr("<string>");
    Object *co = filename ? in->compile(text, filename, mode) : NULL;
    XDECREF(filename);
    DECREF(text);
    return co;
}

static Object *run_code_with(Object *co, Object *globals, Object *locals)
{
    Frame *f = vm_ts->frame;
    if (!globals || globals == None) {
        Object *main = f ? NULL : vm_main_module();
        if (!f && !main)
            return NULL;
        globals = f ? f->globals : MODULE_DICT(main);
        if ((!locals || locals == None) && f)
            locals = f->locals ? f->locals : NULL;
    } else if (!TYPE_CHECK(globals, dict_type)) {
        return err_format(exc_TypeError, "globals must be a dict");
    }
    if (locals == None)
        locals = NULL;
    if (!dict_getitem_str(globals, "__builtins__")) {
        Object *b = dict_getitem_str(vm_ts->interp->modules, "builtins");
        if (b && dict_setitem_str(globals, "__builtins__", b) < 0)
            return NULL;
    }
    return vm_eval_code((CodeObject *)co, globals, locals);
}

static Object *exec_or_eval(Object *const *args, ssize_t nargs, Object *kwnames, bool is_eval)
{
    static const char *const kw[] = {"", "globals", "locals", NULL};
    Object *a[3] = {NULL, NULL, NULL};
    const char *name = is_eval ? "eval" : "exec";
    if (args_parse(name, args, nargs, kwnames, kw, 1, 3, a) < 0)
        return NULL;
    Object *co = compile_arg(a[0], is_eval ? "eval" : "exec", name);
    if (!co)
        return NULL;
    Object *r = run_code_with(co, a[1], a[2]);
    DECREF(co);
    if (r && !is_eval)
        SETREF(r, none_new());
    return r;
}

static Object *builtin_exec(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return exec_or_eval(args, nargs, kwnames, false);
}

static Object *builtin_eval(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return exec_or_eval(args, nargs, kwnames, true);
}

static Object *builtin_compile(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                     "optimize", NULL};
    Object *a[6] = {NULL};
    if (args_parse("compile", args, nargs, kwnames, kw, 3, 6, a) < 0)
        return NULL;
    const char *mode = TYPE_CHECK(a[2], str_type) ? str_as_utf8(a[2], NULL) : NULL;
    if (!mode || (strcmp(mode, "exec") && strcmp(mode, "eval") && strcmp(mode, "single")))
        return err_format(exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    if (!TYPE_CHECK(a[0], str_type))
        return err_format(exc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    return vm_ts->interp->compile(a[0], a[1], mode);
}

/* ---- classes and imports ---- */

/* __build_class__(func, name, *bases, metaclass=None, **kwds) */
static Object *builtin_build_class(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (nargs < 2)
        return err_format(exc_TypeError, "__build_class__: not enough arguments");
    Object *func = args[0], *name = args[1];
    if (!IS_TYPE(func, function_type))
        return err_format(exc_TypeError, "__build_class__: func must be a function");
    if (!TYPE_CHECK(name, str_type))
        return err_format(exc_TypeError, "__build_class__: name is not a string");
    Object *bases = tuple_from_array(args + 2, nargs - 2);
    if (!bases)
        return NULL;
    Type *meta = NULL;
    ssize_t nkw = kwnames ? SIZE(kwnames) : 0;
    for (ssize_t k = 0; k < nkw; k++) {
        if (str_eq_cstr(TUPLE_GET(kwnames, k), "metaclass"))
            meta = (Type *)args[nargs + k];
        else {
            DECREF(bases);
            return err_format(exc_TypeError, "__init_subclass__() takes no keyword arguments");
        }
    }
    if (!meta)
        meta = SIZE(bases) ? TYPE(TUPLE_GET(bases, 0)) : &type_type;
    for (ssize_t i = 0; i < SIZE(bases); i++) {
        Type *bt = TYPE(TUPLE_GET(bases, i));
        if (type_is_subtype(bt, meta))
            meta = bt;
        else if (!type_is_subtype(meta, bt)) {
            DECREF(bases);
            return err_format(exc_TypeError,
                              "metaclass conflict: the metaclass of a derived class must be a "
                              "(non-strict) subclass of the metaclasses of all its bases");
        }
    }
    Object *ns = dict_new();
    if (!ns) {
        DECREF(bases);
        return NULL;
    }
    Object *cell = vm_call_with_locals(func, ns);
    Object *cls = NULL;
    if (cell) {
        Object *margs[3] = {name, bases, ns};
        cls = obj_call((Object *)meta, margs, 3, NULL);
        if (cls && IS_TYPE(cell, cell_type))
            SETREF(((CellObject *)cell)->ref, NEWREF(cls));
        DECREF(cell);
    }
    DECREF(ns);
    DECREF(bases);
    return cls;
}

static Object *builtin_import(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const kw[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    Object *a[5] = {NULL};
    if (args_parse("__import__", args, nargs, kwnames, kw, 1, 5, a) < 0)
        return NULL;
    if (!TYPE_CHECK(a[0], str_type))
        return err_format(exc_TypeError, "__import__() argument 1 must be str, not %T", a[0]);
    if (a[4] && TYPE_CHECK(a[4], int_type) && int_sign(a[4]) > 0)
        return err_format(exc_ImportError, "attempted relative import with no known parent package");
    return import_module(a[0]);
}

/* ---- exit() / quit() ---- */

typedef struct {
    Object base;
    const char *name;
} QuitterObject;

static Object *quitter_repr(Object *o)
{
    return str_from_format("Use %s() or Ctrl-D (i.e. EOF) to exit", ((QuitterObject *)o)->name);
}

static Object *quitter_call(Object *o, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)o;
    Object *code = NULL;
    if (args_positional("exit", args, nargs, kwnames, 0, 1, &code) < 0)
        return NULL;
    Object *in = dict_getitem_str(MODULE_DICT(vm_ts->interp->sysmod), "stdin");
    if (in) {
        Object *r = obj_call_method(in, "close", NULL, 0);
        if (r)
            DECREF(r);
        else
            err_clear();
    }
    err_set_obj(exc_SystemExit, code);
    return NULL;
}

static void quitter_dealloc(Object *o) { obj_free(o); }

static Type quitter_type = {
    .base = {{1, &type_type}, 0}, .name = "Quitter", .basicsize = sizeof(QuitterObject),
    .dealloc = quitter_dealloc, .repr = quitter_repr, .call = quitter_call,
};

static Object *quitter_new(const char *name)
{
    QuitterObject *q = (QuitterObject *)obj_alloc(&quitter_type, 0);
    if (q)
        q->name = name;
    return (Object *)q;
}

static const MethodDef builtin_functions[] = {
    {"print", builtin_print, 0, NULL},
    {"input", builtin_input, 0, NULL},
    {"len", builtin_len, 0, NULL},
    {"id", builtin_id, 0, NULL},
    {"repr", builtin_repr, 0, NULL},
    {"ascii", builtin_ascii, 0, NULL},
    {"hash", builtin_hash, 0, NULL},
    {"abs", builtin_abs, 0, NULL},
    {"callable", builtin_callable, 0, NULL},
    {"isinstance", builtin_isinstance, 0, NULL},
    {"issubclass", builtin_issubclass, 0, NULL},
    {"getattr", builtin_getattr, 0, NULL},
    {"setattr", builtin_setattr, 0, NULL},
    {"delattr", builtin_delattr, 0, NULL},
    {"hasattr", builtin_hasattr, 0, NULL},
    {"iter", builtin_iter, 0, NULL},
    {"next", builtin_next, 0, NULL},
    {"min", builtin_min, 0, NULL},
    {"max", builtin_max, 0, NULL},
    {"sum", builtin_sum, 0, NULL},
    {"sorted", builtin_sorted, 0, NULL},
    {"all", builtin_all, 0, NULL},
    {"any", builtin_any, 0, NULL},
    {"divmod", builtin_divmod, 0, NULL},
    {"pow", builtin_pow, 0, NULL},
    {"round", builtin_round, 0, NULL},
    {"hex", builtin_hex, 0, NULL},
    {"oct", builtin_oct, 0, NULL},
    {"bin", builtin_bin, 0, NULL},
    {"ord", builtin_ord, 0, NULL},
    {"chr", builtin_chr, 0, NULL},
    {"format", builtin_format, 0, NULL},
    {"globals", builtin_globals, 0, NULL},
    {"locals", builtin_locals, 0, NULL},
    {"vars", builtin_vars, 0, NULL},
    {"dir", builtin_dir, 0, NULL},
    {"exec", builtin_exec, 0, NULL},
    {"eval", builtin_eval, 0, NULL},
    {"compile", builtin_compile, 0, NULL},
    {"__build_class__", builtin_build_class, 0, NULL},
    {"__import__", builtin_import, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static void add_exception(const char *name, Type *t, void *ctx)
{
    dict_setitem_str(ctx, name, (Object *)t);
}

Object *lib_builtins_init(void)
{
    Object *m = module_new("builtins");
    if (!m)
        return NULL;
    Object *d = MODULE_DICT(m);
    struct { const char *name; Object *value; } values[] = {
        {"None", None}, {"True", True}, {"False", False}, {"Ellipsis", Ellipsis},
        {"NotImplemented", NotImplemented}, {"__debug__", True},
        {"object", (Object *)&object_type}, {"type", (Object *)&type_type},
        {"int", (Object *)&int_type}, {"bool", (Object *)&bool_type},
        {"float", (Object *)&float_type}, {"str", (Object *)&str_type},
        {"bytes", (Object *)&bytes_type}, {"list", (Object *)&list_type},
        {"tuple", (Object *)&tuple_type}, {"dict", (Object *)&dict_type},
        {"set", (Object *)&set_type}, {"frozenset", (Object *)&frozenset_type},
        {"range", (Object *)&range_type}, {"slice", (Object *)&slice_type},
        {"property", (Object *)&property_type}, {"staticmethod", (Object *)&staticmethod_type},
        {"classmethod", (Object *)&classmethod_type}, {"super", (Object *)&super_type},
        {"enumerate", (Object *)&enumerate_type}, {"zip", (Object *)&zip_type},
        {"map", (Object *)&map_type}, {"filter", (Object *)&filter_type},
        {"reversed", (Object *)&reversed_type},
    };
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
        if (dict_setitem_str(d, values[i].name, values[i].value) < 0)
            goto fail;
    errors_each(add_exception, d);
    if (module_add_functions(m, builtin_functions) < 0 ||
        module_add(m, "exit", quitter_new("exit")) < 0 ||
        module_add(m, "quit", quitter_new("quit")) < 0)
        goto fail;
    return m;
fail:
    DECREF(m);
    return NULL;
}
