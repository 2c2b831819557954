/* abstract.c — the object protocol: what `repr(x)`, `x == y`, `x + y`,
 * `x[k]`, `iter(x)`, `f(*args)` mean for any object, dispatched through the
 * slots of its type, with CPython's error messages. */
#include <string.h>
#include "object.h"
#include "errors.h"
#include "interp.h"
#include "str.h"
#include "int.h"
#include "float.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "func.h"
#include "type.h"
#include "../mem/mem.h"

/* ---- text ---- */

Object *obj_repr(Object *o)
{
    if (!TYPE(o)->repr)
        return str_from_format("<%s object at %p>", TYPE(o)->name, (void *)o);
    if (vm_enter_call() < 0)
        return NULL;
    Object *r = TYPE(o)->repr(o);
    vm_leave_call();
    if (r && !TYPE_CHECK(r, str_type)) {
        err_format(exc_TypeError, "__repr__ returned non-string (type %T)", r);
        CLEAR(r);
    }
    return r;
}

Object *obj_str(Object *o)
{
    if (IS_TYPE(o, str_type))
        return NEWREF(o);
    unaryfunc f = TYPE(o)->str ? TYPE(o)->str : TYPE(o)->repr;
    if (!f)
        return obj_repr(o);
    if (vm_enter_call() < 0)
        return NULL;
    Object *r = f(o);
    vm_leave_call();
    if (r && !TYPE_CHECK(r, str_type)) {
        err_format(exc_TypeError, "__str__ returned non-string (type %T)", r);
        CLEAR(r);
    }
    return r;
}

Object *obj_ascii(Object *o)
{
    Object *r = obj_repr(o);
    if (!r)
        return NULL;
    StrBuilder b;
    sb_init(&b);
    for (ssize_t i = 0; i < STR_LEN(r); i++) {
        uint32_t c = str_read(r, i);
        char buf[16];
        if (c < 128)
            sb_add_char(&b, c);
        else {
            if (c < 0x100)
                snprintf(buf, sizeof buf, "\\x%02x", c);
            else if (c < 0x10000)
                snprintf(buf, sizeof buf, "\\u%04x", c);
            else
                snprintf(buf, sizeof buf, "\\U%08x", c);
            sb_add_cstr(&b, buf);
        }
    }
    DECREF(r);
    return sb_finish(&b);
}

Object *obj_format(Object *o, Object *spec)
{
    if (!spec || (TYPE_CHECK(spec, str_type) && STR_LEN(spec) == 0)) {
        if (IS_TYPE(o, str_type))
            return NEWREF(o);
        if (IS_TYPE(o, int_type))
            return obj_str(o);
    }
    Object *empty = NULL;
    if (!spec && !(spec = empty = str_from_cstr("")))
        return NULL;
    Object *r = obj_call_method(o, "__format__", &spec, 1);
    XDECREF(empty);
    if (r && !TYPE_CHECK(r, str_type)) {
        err_format(exc_TypeError, "__format__ must return a str, not %T", r);
        CLEAR(r);
    }
    return r;
}

/* ---- hashing and comparing ---- */

hash_t obj_hash(Object *o)
{
    hashfunc h = TYPE(o)->hash;
    if (!h) {
        err_format(exc_TypeError, "unhashable type: '%T'", o);
        return -1;
    }
    return h(o);
}

static const int swapped_op[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
static const char *const op_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

Object *obj_richcompare(Object *a, Object *b, int op)
{
    if (vm_enter_call() < 0)
        return NULL;
    Object *r;
    richcmpfunc fa = TYPE(a)->richcompare, fb = TYPE(b)->richcompare;
    bool checked_reverse = false;
    if (TYPE(a) != TYPE(b) && type_is_subtype(TYPE(b), TYPE(a)) && fb) {
        checked_reverse = true;
        r = fb(b, a, swapped_op[op]);
        if (r != NotImplemented)
            goto done;
        DECREF(r);
    }
    if (fa) {
        r = fa(a, b, op);
        if (r != NotImplemented)
            goto done;
        DECREF(r);
    }
    if (!checked_reverse && fb) {
        r = fb(b, a, swapped_op[op]);
        if (r != NotImplemented)
            goto done;
        DECREF(r);
    }
    if (op == CMP_EQ || op == CMP_NE)
        r = bool_from((a == b) == (op == CMP_EQ));
    else
        r = err_format(exc_TypeError, "'%s' not supported between instances of '%T' and '%T'",
                       op_symbols[op], a, b);
done:
    vm_leave_call();
    return r;
}

int obj_richcompare_bool(Object *a, Object *b, int op)
{
    if (a == b) {
        if (op == CMP_EQ)
            return 1;
        if (op == CMP_NE)
            return 0;
    }
    Object *r = obj_richcompare(a, b, op);
    if (!r)
        return -1;
    int t = r == True ? 1 : r == False ? 0 : obj_is_true(r);
    DECREF(r);
    return t;
}

int obj_is_true(Object *o)
{
    if (o == True)
        return 1;
    if (o == False || o == None)
        return 0;
    Type *t = TYPE(o);
    if (t->nb_bool)
        return t->nb_bool(o);
    if (t->len) {
        ssize_t n = t->len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int obj_not(Object *o)
{
    int r = obj_is_true(o);
    return r < 0 ? r : !r;
}

/* ---- attributes ---- */

Object *obj_getattr(Object *o, Object *name)
{
    getattrofunc f = TYPE(o)->getattr;
    if (!f)
        return err_format(exc_AttributeError, "'%T' object has no attribute '%U'", o, name);
    return f(o, name);
}

Object *obj_getattr_str(Object *o, const char *name)
{
    Object *n = str_intern_literal(name);
    if (!n)
        return NULL;
    Object *r = obj_getattr(o, n);
    DECREF(n);
    return r;
}

int obj_setattr(Object *o, Object *name, Object *value)
{
    setattrofunc f = TYPE(o)->setattr;
    if (!f) {
        bool has = TYPE(o)->getattr && type_lookup(TYPE(o), name);
        if (value)
            err_format(exc_AttributeError, has ? "'%T' object attribute '%U' is read-only"
                                               : "'%T' object has no attribute '%U'", o, name);
        else
            err_format(exc_AttributeError, "'%T' object has no attribute '%U'", o, name);
        return -1;
    }
    Object *key = NEWREF(name);
    str_intern(&key);
    int r = f(o, key, value);
    DECREF(key);
    return r;
}

int obj_lookup_attr(Object *o, Object *name, Object **res)
{
    *res = obj_getattr(o, name);
    if (*res)
        return 1;
    if (err_matches(exc_AttributeError)) {
        err_clear();
        return 0;
    }
    return -1;
}

int obj_hasattr(Object *o, Object *name)
{
    Object *v;
    int r = obj_lookup_attr(o, name, &v);
    XDECREF(v);
    return r;
}

/* ---- items ---- */

Object *obj_getitem(Object *o, Object *key)
{
    Type *t = TYPE(o);
    if (t->getitem)
        return t->getitem(o, key);
    if (TYPE_CHECK(o, type_type)) {
        if (o == (Object *)&type_type)
            return NEWREF(o);
        Object *r;
        Object *name = str_intern_cstr("__class_getitem__");
        int found = name ? obj_lookup_attr(o, name, &r) : -1;
        XDECREF(name);
        if (found > 0) {
            Object *v = obj_call1(r, key);
            DECREF(r);
            return v;
        }
        if (found < 0)
            return NULL;
        return err_format(exc_TypeError, "type '%s' is not subscriptable", ((Type *)o)->name);
    }
    return err_format(exc_TypeError, "'%T' object is not subscriptable", o);
}

int obj_setitem(Object *o, Object *key, Object *value)
{
    if (!TYPE(o)->setitem)
        return err_format(exc_TypeError, "'%T' object does not support item assignment", o), -1;
    return TYPE(o)->setitem(o, key, value);
}

int obj_delitem(Object *o, Object *key)
{
    if (!TYPE(o)->setitem)
        return err_format(exc_TypeError, "'%T' object does not support item deletion", o), -1;
    return TYPE(o)->setitem(o, key, NULL);
}

ssize_t obj_length(Object *o)
{
    if (!TYPE(o)->len)
        return err_format(exc_TypeError, "object of type '%T' has no len()", o), -1;
    return TYPE(o)->len(o);
}

int obj_contains(Object *container, Object *item)
{
    if (TYPE(container)->contains)
        return TYPE(container)->contains(container, item);
    Object *it = obj_iter(container);
    if (!it) {
        if (err_matches(exc_TypeError)) {
            err_clear();
            err_format(exc_TypeError, "argument of type '%T' is not iterable", container);
        }
        return -1;
    }
    Object *x;
    int found = 0;
    while (!found && (x = obj_next(it))) {
        found = obj_richcompare_bool(x, item, CMP_EQ);
        DECREF(x);
        if (found < 0)
            break;
    }
    DECREF(it);
    if (found == 0 && err_occurred())
        return -1;
    return found;
}

/* ---- iteration ---- */

/* The iterator of an object that only has __getitem__. */
typedef struct {
    Object base;
    Object *seq;
    ssize_t index;
} SeqIterObject;

static void seqiter_dealloc(Object *o)
{
    XDECREF(((SeqIterObject *)o)->seq);
    obj_free(o);
}

static Object *seqiter_next(Object *o)
{
    SeqIterObject *it = (SeqIterObject *)o;
    if (!it->seq)
        return NULL;
    Object *i = int_from_ssize(it->index);
    if (!i)
        return NULL;
    Object *v = obj_getitem(it->seq, i);
    DECREF(i);
    if (v) {
        it->index++;
        return v;
    }
    if (err_matches(exc_IndexError) || err_matches(exc_StopIteration)) {
        err_clear();
        CLEAR(it->seq);
    }
    return NULL;
}

static Object *self_iter(Object *o) { return NEWREF(o); }

Type seqiter_type = {
    .base = {{1, &type_type}, 0}, .name = "iterator", .basicsize = sizeof(SeqIterObject),
    .dealloc = seqiter_dealloc, .iter = self_iter, .iternext = seqiter_next,
};

Object *obj_iter(Object *o)
{
    Type *t = TYPE(o);
    if (t->iter) {
        Object *r = t->iter(o);
        if (r && !TYPE(r)->iternext) {
            err_format(exc_TypeError, "iter() returned non-iterator of type '%T'", r);
            CLEAR(r);
        }
        return r;
    }
    if (t->getitem && !TYPE_CHECK(o, dict_type)) {
        SeqIterObject *it = (SeqIterObject *)obj_alloc(&seqiter_type, 0);
        if (it)
            it->seq = NEWREF(o);
        return (Object *)it;
    }
    return err_format(exc_TypeError, "'%T' object is not iterable", o);
}

Object *obj_next(Object *iter)
{
    unaryfunc f = TYPE(iter)->iternext;
    if (!f)
        return err_format(exc_TypeError, "'%T' object is not an iterator", iter);
    return f(iter);
}

/* ---- calls ---- */

Object *obj_call(Object *callable, Object *const *args, ssize_t nargs, Object *kwnames)
{
    callfunc f = TYPE(callable)->call;
    if (!f)
        return err_format(exc_TypeError, "'%T' object is not callable", callable);
    if (vm_enter_call() < 0)
        return NULL;
    Object *r = f(callable, args, nargs, kwnames);
    vm_leave_call();
    if (!r && !err_occurred())
        err_format(exc_SystemError, "error return without exception set");
    return r;
}

Object *obj_call0(Object *callable) { return obj_call(callable, NULL, 0, NULL); }
Object *obj_call1(Object *callable, Object *arg) { return obj_call(callable, &arg, 1, NULL); }

Object *obj_call_method(Object *o, const char *name, Object *const *args, ssize_t nargs)
{
    Object *m = obj_getattr_str(o, name);
    if (!m)
        return NULL;
    Object *r = obj_call(m, args, nargs, NULL);
    DECREF(m);
    return r;
}

/* ---- isinstance / issubclass ---- */

int obj_isinstance(Object *o, Object *cls)
{
    if (TYPE(o) == (Type *)cls)
        return 1;
    if (TYPE_CHECK(cls, tuple_type)) {
        for (ssize_t i = 0; i < SIZE(cls); i++) {
            int r = obj_isinstance(o, TUPLE_GET(cls, i));
            if (r)
                return r;
        }
        return 0;
    }
    if (!TYPE_CHECK(cls, type_type))
        return err_format(exc_TypeError,
                          "isinstance() arg 2 must be a type, a tuple of types, or a union"), -1;
    return obj_is_instance_of(o, (Type *)cls);
}

int obj_issubclass(Object *derived, Object *cls)
{
    if (!TYPE_CHECK(derived, type_type))
        return err_format(exc_TypeError, "issubclass() arg 1 must be a class"), -1;
    if (TYPE_CHECK(cls, tuple_type)) {
        for (ssize_t i = 0; i < SIZE(cls); i++) {
            int r = obj_issubclass(derived, TUPLE_GET(cls, i));
            if (r)
                return r;
        }
        return 0;
    }
    if (!TYPE_CHECK(cls, type_type))
        return err_format(exc_TypeError,
                          "issubclass() arg 2 must be a class, a tuple of classes, or a union"), -1;
    return type_is_subtype((Type *)derived, (Type *)cls);
}

/* ---- numbers ---- */

static const char *const binop_symbols[BINOP_COUNT] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
};

/* Tries a's slot, then b's, CPython's order: a subclass's reflected slot first. */
static Object *binop_try(Object *a, Object *b, int op)
{
    binaryfunc sa = TYPE(a)->nb[op];
    binaryfunc sb = TYPE(b) != TYPE(a) ? TYPE(b)->nb[op] : NULL;
    if (sb == sa)
        sb = NULL;
    Object *r;
    if (sa) {
        if (sb && type_is_subtype(TYPE(b), TYPE(a))) {
            r = sb(a, b);
            if (r != NotImplemented)
                return r;
            DECREF(r);
            sb = NULL;
        }
        r = sa(a, b);
        if (r != NotImplemented)
            return r;
        DECREF(r);
    }
    if (sb)
        return sb(a, b);
    return NEWREF(NotImplemented);
}

Object *num_binop(Object *a, Object *b, int op)
{
    Object *r;
    if (op >= BINOP_INPLACE) {
        binaryfunc f = TYPE(a)->nb[op];
        if (f) {
            r = f(a, b);
            if (r != NotImplemented)
                return r;
            DECREF(r);
        }
    }
    int base = op >= BINOP_INPLACE ? op - BINOP_INPLACE : op;
    r = binop_try(a, b, base);
    if (r != NotImplemented)
        return r;
    DECREF(r);
    const char *sym = binop_symbols[base];
    if (base == BINOP_POWER)
        return err_format(exc_TypeError, "unsupported operand type(s) for %s: '%T' and '%T'",
                          op >= BINOP_INPLACE ? "** or pow()" : "** or pow()", a, b);
    if (base == BINOP_RSHIFT && op < BINOP_INPLACE && IS_TYPE(a, cfunction_type) &&
        strcmp(((CFunctionObject *)a)->def->name, "print") == 0)
        return err_format(exc_TypeError,
                          "unsupported operand type(s) for >>: 'builtin_function_or_method' and '%T'. "
                          "Did you mean \"print(<message>, file=<output_stream>)\"?", b);
    return err_format(exc_TypeError, "unsupported operand type(s) for %s%s: '%T' and '%T'",
                      sym, op >= BINOP_INPLACE ? "=" : "", a, b);
}

static Object *unary(Object *o, unaryfunc f, const char *sym)
{
    if (!f)
        return err_format(exc_TypeError, "bad operand type for %s: '%T'", sym, o);
    return f(o);
}

Object *num_negative(Object *o) { return unary(o, TYPE(o)->nb_negative, "unary -"); }
Object *num_positive(Object *o) { return unary(o, TYPE(o)->nb_positive, "unary +"); }
Object *num_absolute(Object *o) { return unary(o, TYPE(o)->nb_absolute, "abs()"); }
Object *num_invert(Object *o) { return unary(o, TYPE(o)->nb_invert, "unary ~"); }

Object *num_index(Object *o)
{
    if (TYPE_CHECK(o, int_type))
        return NEWREF(o);
    if (!TYPE(o)->nb_index)
        return err_format(exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    Object *r = TYPE(o)->nb_index(o);
    if (r && !TYPE_CHECK(r, int_type)) {
        err_format(exc_TypeError, "__index__ returned non-int (type %T)", r);
        CLEAR(r);
    }
    return r;
}

ssize_t num_as_ssize(Object *o, Type *overflow_exc)
{
    Object *i = num_index(o);
    if (!i)
        return -1;
    ssize_t n = int_as_ssize(i);
    DECREF(i);
    if (n == -1 && err_occurred() && err_matches(exc_OverflowError) && overflow_exc) {
        err_clear();
        err_format(overflow_exc, "cannot fit 'int' into an index-sized integer");
    }
    return n;
}

