/* object.h — the object header, the type protocol and the core object API.
 *
 * Every object starts with a reference count and a type pointer (16 bytes);
 * variable-size objects add an item count.  Containers that can take part in
 * cycles carry a GC header *before* the object (see mem/gc.h).  A type's
 * slots mirror CPython's: a NULL slot means "not supported".
 *
 * Conventions: a function returning Object* returns a new reference, or NULL
 * with an exception set (vm/errors.h); one returning int returns -1 on error.
 * "Borrowed" in a comment means the caller gets no reference.
 */
#ifndef MEMPY_OBJECT_H
#define MEMPY_OBJECT_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>

typedef int64_t hash_t;

typedef struct Object Object;
typedef struct Type Type;

struct Object {
    ssize_t refcnt;
    Type *type;
};

typedef struct {
    Object base;
    ssize_t size;               /* items; for int the signed digit count */
} VarObject;

#define TYPE(o) (((Object *)(o))->type)
#define SIZE(o) (((VarObject *)(o))->size)
#define REFCNT(o) (((Object *)(o))->refcnt)

void obj_dealloc(Object *o);    /* runs the type's dealloc; refcnt is 0 */

static inline void INCREF(void *o) { ((Object *)o)->refcnt++; }
static inline void DECREF(void *o)
{
    Object *op = (Object *)o;
    if (--op->refcnt == 0)
        obj_dealloc(op);
}
static inline void XINCREF(void *o) { if (o) INCREF(o); }
static inline void XDECREF(void *o) { if (o) DECREF(o); }
static inline Object *NEWREF(void *o) { INCREF(o); return (Object *)o; }
static inline Object *XNEWREF(void *o) { XINCREF(o); return (Object *)o; }
/* Sets the field to NULL before dropping the reference (a dealloc that runs
 * must not see the dying value through the field). */
#define CLEAR(field) do { Object *tmp_ = (Object *)(field); \
    if (tmp_) { (field) = NULL; DECREF(tmp_); } } while (0)
/* Replaces [field] with [value] (a new reference), dropping the old one. */
#define SETREF(field, value) do { Object *old_ = (Object *)(field); \
    (field) = (value); XDECREF(old_); } while (0)

/* ---- slot signatures ---- */
typedef void (*destructor)(Object *);
typedef Object *(*unaryfunc)(Object *);
typedef Object *(*binaryfunc)(Object *, Object *);
typedef Object *(*ternaryfunc)(Object *, Object *, Object *);
typedef int (*inquiry)(Object *);
typedef ssize_t (*lenfunc)(Object *);
typedef hash_t (*hashfunc)(Object *);
typedef Object *(*richcmpfunc)(Object *, Object *, int op);
typedef Object *(*getattrofunc)(Object *, Object *name);
typedef int (*setattrofunc)(Object *, Object *name, Object *value); /* value NULL: delete */
typedef int (*objobjargproc)(Object *, Object *, Object *);        /* value NULL: delete */
typedef int (*objobjproc)(Object *, Object *);
typedef Object *(*descrgetfunc)(Object *descr, Object *obj, Object *type);
typedef int (*descrsetfunc)(Object *descr, Object *obj, Object *value);
typedef int (*visitproc)(Object *, void *arg);
typedef int (*traverseproc)(Object *, visitproc, void *arg);
/* The one calling convention (CPython's vectorcall): [args] holds [nargs]
 * positional values followed by one value per name in [kwnames] (a tuple of
 * str, or NULL).  The callee borrows all of them. */
typedef Object *(*callfunc)(Object *callable, Object *const *args, ssize_t nargs, Object *kwnames);
/* new: type, args, nargs, kwnames → new object; init: self, ... → 0 / -1 */
typedef Object *(*newfunc)(Type *, Object *const *args, ssize_t nargs, Object *kwnames);
typedef int (*initfunc)(Object *, Object *const *args, ssize_t nargs, Object *kwnames);

/* Binary operators, numbered as CPython 3.11's BINARY_OP argument:
 * BINOP_x is the plain operator; BINOP_x + BINOP_INPLACE the augmented one. */
enum {
    BINOP_ADD, BINOP_AND, BINOP_FLOOR_DIVIDE, BINOP_LSHIFT, BINOP_MATMUL,
    BINOP_MULTIPLY, BINOP_REMAINDER, BINOP_OR, BINOP_POWER, BINOP_RSHIFT,
    BINOP_SUBTRACT, BINOP_TRUE_DIVIDE, BINOP_XOR,
    BINOP_COUNT,
    BINOP_INPLACE = BINOP_COUNT
};
/* Rich comparison operators, as CPython's Py_LT .. Py_GE. */
enum { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE };

/* Built-in methods and attributes a type lists in its tables. */
typedef Object *(*cfunction)(Object *self, Object *const *args, ssize_t nargs, Object *kwnames);
typedef struct {
    const char *name;
    cfunction func;
    int flags;                  /* METH_STATIC, METH_CLASS, or 0 */
    const char *doc;
} MethodDef;
#define METH_STATIC 1
#define METH_CLASS 2

typedef Object *(*getter)(Object *, void *closure);
typedef int (*setter)(Object *, Object *value, void *closure);
typedef struct {
    const char *name;
    getter get;
    setter set;                 /* NULL: read-only */
    void *closure;
} GetSetDef;

/* Type flags */
#define TPFLAG_HEAPTYPE     (1UL << 0)  /* made by a class statement */
#define TPFLAG_BASETYPE     (1UL << 1)  /* may be subclassed */
#define TPFLAG_HAVE_GC      (1UL << 2)  /* instances carry a GC header */
#define TPFLAG_MANAGED_DICT (1UL << 3)  /* instances keep attributes in a managed dict */
#define TPFLAG_READY        (1UL << 6)  /* type_ready has started on it */
#define TPFLAG_GC_UNTRACK_YOUNG (1UL << 4) /* collector untracks it when it holds only atomic values (tuple) */
#define TPFLAG_GC_UNTRACK_FULL (1UL << 5)  /* the same, in full collections only (dict) */
#define TPFLAG_LONG_SUBCLASS (1UL << 8)
#define TPFLAG_LIST_SUBCLASS (1UL << 9)
#define TPFLAG_TUPLE_SUBCLASS (1UL << 10)
#define TPFLAG_BYTES_SUBCLASS (1UL << 11)
#define TPFLAG_STR_SUBCLASS (1UL << 12)
#define TPFLAG_DICT_SUBCLASS (1UL << 13)
#define TPFLAG_BASE_EXC_SUBCLASS (1UL << 14)
#define TPFLAG_TYPE_SUBCLASS (1UL << 15)
/* Calling the type packs the arguments into a tuple first, as CPython 3.11
 * does for types without vectorcall (classes, int, str, bytes, zip,
 * exceptions): that tuple holds a reference to each argument. */
#define TPFLAG_TUPLE_CALL   (1UL << 16)

struct Type {
    VarObject base;
    const char *name;           /* "int", "list", user class "__qualname__" */
    ssize_t basicsize, itemsize;/* object size without the GC header */
    unsigned long flags;

    destructor dealloc;
    unaryfunc repr, str;
    hashfunc hash;
    richcmpfunc richcompare;
    getattrofunc getattr;
    setattrofunc setattr;
    callfunc call;
    unaryfunc iter, iternext;   /* iternext: NULL without error = exhausted */
    descrgetfunc descr_get;
    descrsetfunc descr_set;

    binaryfunc nb[2 * BINOP_COUNT]; /* indexed by BINOP_*; NotImplemented if unsupported */
    unaryfunc nb_negative, nb_positive, nb_absolute, nb_invert;
    unaryfunc nb_int, nb_float, nb_index;
    inquiry nb_bool;

    lenfunc len;
    binaryfunc getitem;         /* o[k] */
    objobjargproc setitem;      /* o[k] = v / del o[k] */
    objobjproc contains;        /* k in o: 1, 0, -1 */

    traverseproc traverse;
    inquiry clear;
    destructor finalize;        /* __del__: run once, before the object is cleared or freed */

    newfunc new_;
    initfunc init;

    const MethodDef *methods;
    const GetSetDef *getset;

    Type *base_type;            /* tp_base */
    Object *bases;              /* tuple */
    Object *mro;                /* tuple */
    Object *dict;               /* the type's namespace (a dict) */
    Object *name_obj;           /* heap types: __name__ as a str */
    Object *qualname;           /* heap types: __qualname__ */
    Object *slot_names;         /* heap types with __slots__: tuple of names */
    void *shared_keys;          /* heap types: keys of the managed dict */
    ssize_t slots_offset;       /* offset of the first __slots__ slot, or 0 */
    ssize_t dictoffset;         /* offset of an instance dict pointer, or 0 */
    ssize_t weaklistoffset;     /* offset of the weakref list pointer, or 0 */
    unsigned int version;       /* bumped on every change of the type's dict */
};

/* ---- the core object protocol (vm/abstract.c) ---- */
Object *obj_repr(Object *o);
Object *obj_str(Object *o);
Object *obj_ascii(Object *o);
hash_t obj_hash(Object *o);                    /* -1 on error */
Object *obj_richcompare(Object *a, Object *b, int op);
int obj_richcompare_bool(Object *a, Object *b, int op); /* identity implies ==  */
int obj_is_true(Object *o);                    /* 1, 0, -1 */
int obj_not(Object *o);
Object *obj_getattr(Object *o, Object *name);
Object *obj_getattr_str(Object *o, const char *name);    /* name: a C string literal */
int obj_setattr(Object *o, Object *name, Object *value);  /* value NULL: delete */
int obj_hasattr(Object *o, Object *name);
/* Looks up [name]; returns 1 and a new ref in *res, 0 if absent (no error), -1 on error. */
int obj_lookup_attr(Object *o, Object *name, Object **res);
Object *obj_generic_getattr(Object *o, Object *name);
int obj_generic_setattr(Object *o, Object *name, Object *value);
Object *obj_getitem(Object *o, Object *key);
int obj_setitem(Object *o, Object *key, Object *value);
int obj_delitem(Object *o, Object *key);
ssize_t obj_length(Object *o);
int obj_contains(Object *container, Object *item); /* 1, 0, -1 */
Object *obj_iter(Object *o);
/* Next item: a new ref; NULL and no exception when exhausted. */
Object *obj_next(Object *iter);
Object *obj_call(Object *callable, Object *const *args, ssize_t nargs, Object *kwnames);
Object *obj_call0(Object *callable);
Object *obj_call1(Object *callable, Object *arg);
Object *obj_call_method(Object *o, const char *name, Object *const *args, ssize_t nargs); /* name: a literal */
Object *obj_format(Object *o, Object *spec);   /* format(o, spec) */
bool obj_is_instance_of(Object *o, Type *t);   /* isinstance by MRO */
int obj_isinstance(Object *o, Object *cls);    /* isinstance(), cls may be a tuple */
int obj_issubclass(Object *derived, Object *cls);
bool type_is_subtype(Type *a, Type *b);
Object *type_lookup(Type *t, Object *name);    /* borrowed; MRO search, no error */

Object *num_binop(Object *a, Object *b, int op); /* op: BINOP_*, inplace included */
Object *num_negative(Object *o);
Object *num_positive(Object *o);
Object *num_absolute(Object *o);
Object *num_invert(Object *o);
Object *num_index(Object *o);                  /* operator.index */
ssize_t num_as_ssize(Object *o, Type *overflow_exc); /* -1 + error on failure */

/* ---- allocation of objects (vm/alloc.c) ---- */
/* Allocates an object of [type] taking [size] bytes itself, refcnt 1, GC
 * header in front when the type has TPFLAG_HAVE_GC (not yet tracked).
 * Returns NULL with MemoryError set. */
Object *obj_alloc_sized(Type *type, size_t size);
/* The same for an object of [type] with [nitems] items (0 for fixed-size
 * types): basicsize + nitems * itemsize bytes. */
static inline Object *obj_alloc(Type *type, ssize_t nitems)
{
    Object *o = obj_alloc_sized(type, (size_t)type->basicsize + (size_t)nitems * (size_t)type->itemsize);
    if (o && type->itemsize)
        SIZE(o) = nitems;
    return o;
}
void obj_free(Object *o);                      /* frees the memory of an object */
/* Brings back [o], an object that its type parked on a free list instead of
 * freeing it: refcnt 1, GC header untracked.  Unlike obj_alloc it is not
 * counted as an allocation by the collector (as CPython 3.11's free lists:
 * the count only sees obj_alloc and obj_free). */
Object *obj_revive(Object *o);
/* Prints one free-list line of sys._debugmallocstats(): "[count] [what]s *
 * [size] bytes each" right-aligned to 48 columns, then its total in bytes. */
void obj_print_freelist(FILE *out, const char *what, int count, size_t size);
/* Size of an object as sys.getsizeof reports it, GC header included. */
ssize_t obj_sizeof(Object *o);

/* ---- singletons ---- */
extern Object None_obj, NotImplemented_obj, Ellipsis_obj;
#define None (&None_obj)
#define NotImplemented (&NotImplemented_obj)
#define Ellipsis (&Ellipsis_obj)
static inline Object *none_new(void) { INCREF(None); return None; }

/* ---- the built-in types ---- */
extern Type type_type, object_type, none_type, notimpl_type, ellipsis_type;
extern Type int_type, bool_type, float_type, str_type, bytes_type;
extern Type list_type, tuple_type, dict_type, set_type, frozenset_type;
extern Type range_type, slice_type, function_type, method_type, cell_type;
extern Type cfunction_type, method_descr_type, getset_descr_type, member_descr_type;
extern Type code_type, module_type, property_type, staticmethod_type, classmethod_type;
extern Type super_type;

/* Whether [o] carries a GC header: its type says so, except for the
 * statically allocated types (a type object is GC only if made by a class
 * statement), as CPython's tp_is_gc. */
static inline bool obj_is_gc(Object *o)
{
    unsigned long f = TYPE(o)->flags;
    if (!(f & TPFLAG_HAVE_GC))
        return false;
    return !(f & TPFLAG_TYPE_SUBCLASS) || (((Type *)o)->flags & TPFLAG_HEAPTYPE);
}

#define IS_TYPE(o, t) (TYPE(o) == &(t))
#define TYPE_CHECK(o, t) (TYPE(o) == &(t) || type_is_subtype(TYPE(o), &(t)))

#endif
