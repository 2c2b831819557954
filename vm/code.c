/* code.c — code objects. */
#include "code.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "tuple.h"
#include "opcodes.h"
#include "../mem/mem.h"

CodeObject *code_new(void)
{
    return (CodeObject *)obj_alloc(&code_type, 0);
}

int code_init_caches(CodeObject *co)
{
    bool names = false, attrs = false;
    for (int i = 0; i < co->ncode; i++) {
        int op = co->code[i] & 0xff;
        names |= op == OP_LOAD_GLOBAL || op == OP_STORE_GLOBAL || op == OP_LOAD_NAME || op == OP_STORE_NAME;
        attrs |= op == OP_LOAD_ATTR || op == OP_STORE_ATTR || op == OP_LOAD_METHOD;
    }
    if (names && !(co->name_cache = mem_calloc((size_t)co->ncode, sizeof(NameCache))))
        return err_nomemory(), -1;
    if (attrs && !(co->attr_cache = mem_calloc((size_t)co->ncode, sizeof(AttrCache))))
        return err_nomemory(), -1;
    return 0;
}

CodeLoc code_loc(CodeObject *co, int offset)
{
    if (offset < 0 || offset >= co->ncode || !co->locs)
        return (CodeLoc){co->firstlineno, co->firstlineno, -1, -1, 0, 0};
    return co->locs[offset];
}

static void code_dealloc(Object *o)
{
    CodeObject *co = (CodeObject *)o;
    mem_free(co->code);
    mem_free(co->locs);
    mem_free(co->exctable);
    mem_free(co->localspluskinds);
    mem_free(co->name_cache);
    mem_free(co->attr_cache);
    XDECREF(co->consts);
    XDECREF(co->names);
    XDECREF(co->localsplusnames);
    XDECREF(co->filename);
    XDECREF(co->name);
    XDECREF(co->qualname);
    obj_free(o);
}

static Object *code_repr(Object *o)
{
    CodeObject *co = (CodeObject *)o;
    return str_from_format("<code object %U at %p, file \"%U\", line %d>", co->name,
                           (void *)co, co->filename, co->firstlineno);
}

/* The names of the slots of one kind, as a tuple (co_varnames & co). */
static Object *names_of_kind(CodeObject *co, int kind)
{
    ssize_t n = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        n += (co->localspluskinds[i] & kind) != 0;
    Object *t = tuple_new(n);
    if (!t)
        return NULL;
    for (int i = 0, j = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & kind)
            TUPLE_ITEMS(t)[j++] = NEWREF(TUPLE_GET(co->localsplusnames, i));
    return t;
}

#define CODE(o) ((CodeObject *)(o))
static Object *code_get_consts(Object *o, void *c) { (void)c; return NEWREF(CODE(o)->consts); }
static Object *code_get_names(Object *o, void *c) { (void)c; return NEWREF(CODE(o)->names); }
static Object *code_get_name(Object *o, void *c) { (void)c; return NEWREF(CODE(o)->name); }
static Object *code_get_qualname(Object *o, void *c) { (void)c; return NEWREF(CODE(o)->qualname); }
static Object *code_get_filename(Object *o, void *c) { (void)c; return NEWREF(CODE(o)->filename); }
static Object *code_get_varnames(Object *o, void *c) { (void)c; return names_of_kind(CODE(o), CO_KIND_LOCAL); }
static Object *code_get_cellvars(Object *o, void *c) { (void)c; return names_of_kind(CODE(o), CO_KIND_CELL); }
static Object *code_get_freevars(Object *o, void *c) { (void)c; return names_of_kind(CODE(o), CO_KIND_FREE); }
static Object *code_get_argcount(Object *o, void *c) { (void)c; return int_from_long(CODE(o)->argcount); }
static Object *code_get_nlocals(Object *o, void *c) { (void)c; return int_from_long(CODE(o)->nlocals); }
static Object *code_get_flags(Object *o, void *c) { (void)c; return int_from_long(CODE(o)->flags); }
static Object *code_get_stacksize(Object *o, void *c) { (void)c; return int_from_long(CODE(o)->stacksize); }
static Object *code_get_firstlineno(Object *o, void *c) { (void)c; return int_from_long(CODE(o)->firstlineno); }
static Object *code_get_kwonly(Object *o, void *c) { (void)c; return int_from_long(CODE(o)->kwonlyargcount); }
static Object *code_get_posonly(Object *o, void *c) { (void)c; return int_from_long(CODE(o)->posonlyargcount); }
static Object *code_get_code(Object *o, void *c)
{
    (void)c;
    return bytes_from((const char *)CODE(o)->code, (ssize_t)CODE(o)->ncode * 2);
}

static const GetSetDef code_getset[] = {
    {"co_consts", code_get_consts, NULL, NULL},
    {"co_names", code_get_names, NULL, NULL},
    {"co_name", code_get_name, NULL, NULL},
    {"co_qualname", code_get_qualname, NULL, NULL},
    {"co_filename", code_get_filename, NULL, NULL},
    {"co_varnames", code_get_varnames, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL},
    {"co_argcount", code_get_argcount, NULL, NULL},
    {"co_posonlyargcount", code_get_posonly, NULL, NULL},
    {"co_kwonlyargcount", code_get_kwonly, NULL, NULL},
    {"co_nlocals", code_get_nlocals, NULL, NULL},
    {"co_flags", code_get_flags, NULL, NULL},
    {"co_stacksize", code_get_stacksize, NULL, NULL},
    {"co_firstlineno", code_get_firstlineno, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type code_type = {
    .base = {{1, &type_type}, 0}, .name = "code", .basicsize = sizeof(CodeObject),
    .dealloc = code_dealloc, .repr = code_repr, .getset = code_getset,
};
