/* assemble.c — from the optimised control-flow graph to a code object:
 * the prefix (COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR) and the mapping
 * of cell indexes to localsplus slots; the maximum stack depth, found by
 * walking every path; the exception handler of each instruction, from the
 * SETUP_* / POP_BLOCK nesting along every path; the layout in code units
 * with EXTENDED_ARG prefixes and absolute jump targets, resolved until the
 * sizes stop changing; then the locations, the exception table and the
 * code object, its strings interned and its tuples shared as CPython does.
 */
#include <string.h>
#include "internal.h"
#include "compile.h"
#include "../mem/mem.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/tuple.h"
#include "../vm/set.h"

typedef struct ExceptStack {
    Block *handlers[COMP_MAX_BLOCKS + 1];
    int depth;
} ExceptStack;

static bool is_block_push(int op)
{
    return op == OP_SETUP_FINALLY || op == OP_SETUP_CLEANUP || op == OP_SETUP_WITH;
}

/* ---- stack depth ---- */

static void push_depth(Block ***sp, Block *b, int depth)
{
    if (b->startdepth < depth && b->startdepth < 100) {
        b->startdepth = depth;
        *(*sp)++ = b;
    }
}

static int stackdepth(Compiler *c)
{
    Unit *u = c->u;
    int nblocks = 0, max = 0;
    for (Block *b = u->blocks; b; b = b->all_next) {
        b->startdepth = -1;
        nblocks++;
    }
    Block **stack = mem_malloc((size_t)nblocks * sizeof(Block *)), **sp = stack;
    if (!stack) {
        err_nomemory();
        return -1;
    }
    push_depth(&sp, u->entry, u->ste->generator || u->ste->coroutine);
    while (sp > stack) {
        Block *b = *--sp, *next = b->next;
        int depth = b->startdepth;
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instr[i];
            int d = depth + comp_stack_effect(in->op, in->arg, 0);
            max = d > max ? d : max;
            if (comp_has_target(in)) {
                int t = depth + comp_stack_effect(in->op, in->arg, 1);
                max = t > max ? t : max;
                push_depth(&sp, in->target, t);
            }
            depth = d;
            if (in->op == OP_JUMP || comp_ends_scope(in->op)) {
                next = NULL;
                break;
            }
        }
        if (next)
            push_depth(&sp, next, depth);
    }
    mem_free(stack);
    return max;
}

/* ---- exception handlers ---- */

static ExceptStack *copy_except_stack(const ExceptStack *s)
{
    ExceptStack *copy = mem_malloc(sizeof(ExceptStack));
    if (!copy) {
        err_nomemory();
        return NULL;
    }
    *copy = *s;
    return copy;
}

/* Pushes [b] on the work list with handler stack [s] (taken). */
static void schedule(Block ***todo, Block *b, ExceptStack *s)
{
    b->exstack = s;
    b->visited = true;
    *(*todo)++ = b;
}

static int label_block(Block *b, ExceptStack **sp, Block ***todo)
{
    ExceptStack *s = *sp;
    Block *handler = s->handlers[s->depth];
    for (int i = 0; i < b->n; i++) {
        Instr *in = &b->instr[i];
        if (is_block_push(in->op)) {
            if (!in->target->visited) {
                ExceptStack *copy = copy_except_stack(s);
                if (!copy)
                    return -1;
                schedule(todo, in->target, copy);
            }
            if (in->op != OP_SETUP_FINALLY)
                in->target->preserve_lasti = true;
            handler = s->handlers[++s->depth] = in->target;
        } else if (in->op == OP_POP_BLOCK) {
            handler = s->handlers[--s->depth];
        } else {
            in->handler = handler;
            if (comp_is_jump(in->op) && !in->target->visited) {
                ExceptStack *t = b->nofallthrough ? s : copy_except_stack(s);
                if (!t)
                    return -1;
                schedule(todo, in->target, t);
                if (b->nofallthrough)
                    *sp = s = NULL;
            }
        }
    }
    return 0;
}

/* Gives every instruction the handler its exceptions go to, following the
 * SETUP_* / POP_BLOCK nesting along every path. */
static int label_exception_targets(Unit *u)
{
    Block *entry = u->entry;
    for (Block *b = entry; b; b = b->next)
        b->visited = false;
    Block **stack = comp_block_stack(u), **todo = stack;
    ExceptStack *s = mem_calloc(1, sizeof(ExceptStack));
    if (!stack || !s) {
        mem_free(stack);
        mem_free(s);
        err_nomemory();
        return -1;
    }
    schedule(&todo, entry, s);
    while (todo > stack) {
        Block *b = *--todo;
        s = b->exstack;
        b->exstack = NULL;
        if (label_block(b, &s, &todo) < 0) {
            mem_free(s);
            mem_free(stack);
            return -1;
        }
        if (!b->nofallthrough && !b->next->visited)
            schedule(&todo, b->next, s);
        else
            mem_free(s);
    }
    mem_free(stack);
    return 0;
}

static void convert_pseudo_ops(Block *entry)
{
    for (Block *b = entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (b->instr[i].op >= OP_COUNT && b->instr[i].op != OP_RESUME)
                b->instr[i].op = OP_NOP;
}

/* The placeholder RESUME has done its work: it leaves no code. */
static void drop_resume(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        int dest = 0;
        for (int i = 0; i < b->n; i++)
            if (b->instr[i].op != OP_RESUME)
                b->instr[dest++] = b->instr[i];
        b->n = dest;
    }
}

/* ---- cells and the prefix ---- */

/* fixed[i]: the localsplus slot of cell/free variable i. */
static int *cell_slots(Unit *u)
{
    int n = u->cellvars.n + u->freevars.n;
    int *fixed = mem_malloc((size_t)(n + 1) * sizeof(int));
    if (!fixed) {
        err_nomemory();
        return NULL;
    }
    for (int i = 0; i < n; i++)
        fixed[i] = u->varnames.n + i;
    for (int i = 0; i < u->cellvars.n; i++) {
        int arg = comp_list_find(&u->varnames, u->cellvars.items[i]);
        if (arg >= 0)
            fixed[i] = arg;
    }
    return fixed;
}

static int compute_flags(Compiler *c)
{
    Scope *s = c->u->ste;
    int flags = c->future_annotations ? CO_FUTURE_ANNOTATIONS : 0;
    if (s->type != BLOCK_FUNCTION)
        return flags;
    flags |= CO_OPTIMIZED | CO_NEWLOCALS;
    if (s->nested)
        flags |= CO_NESTED;
    if (s->generator && !s->coroutine)
        flags |= CO_GENERATOR;
    if (s->varargs)
        flags |= CO_VARARGS;
    if (s->varkeywords)
        flags |= CO_VARKEYWORDS;
    return flags;
}

static int insert_prefix(Compiler *c, const int *fixed)
{
    Unit *u = c->u;
    Block *entry = u->entry;
    if (compute_flags(c) & CO_GENERATOR) {
        CodeLoc loc = { .line = u->firstlineno, .end_line = u->firstlineno,
                        .col = -1, .end_col = -1 };
        TRY(comp_insert_instr(entry, 0, (Instr){ .op = OP_RETURN_GENERATOR, .loc = loc }));
        TRY(comp_insert_instr(entry, 1, (Instr){ .op = OP_POP_TOP, .loc = COMP_NO_LOC }));
    }
    /* MAKE_CELL in slot order; the argument is fixed up with the others */
    int pos = 0, nslots = u->varnames.n + u->cellvars.n;
    for (int slot = 0; slot < nslots; slot++)
        for (int i = 0; i < u->cellvars.n; i++)
            if (fixed[i] == slot)
                TRY(comp_insert_instr(entry, pos++, (Instr){ .op = OP_MAKE_CELL, .arg = i,
                                                             .loc = COMP_NO_LOC }));
    if (u->freevars.n)
        TRY(comp_insert_instr(entry, 0, (Instr){ .op = OP_COPY_FREE_VARS,
                                                 .arg = u->freevars.n, .loc = COMP_NO_LOC }));
    return 0;
}

static bool is_cell_op(int op)
{
    return op == OP_MAKE_CELL || op == OP_LOAD_CLOSURE || op == OP_LOAD_DEREF ||
           op == OP_STORE_DEREF || op == OP_DELETE_DEREF || op == OP_LOAD_CLASSDEREF;
}

/* Turns cell/free indexes into localsplus slots; returns how many cells
 * share an argument's slot. */
static int fix_cell_offsets(Unit *u, int *fixed)
{
    int n = u->cellvars.n + u->freevars.n, dropped = 0;
    for (int i = 0; i < n; i++) {
        if (fixed[i] == u->varnames.n + i)
            fixed[i] -= dropped;
        else
            dropped++;
    }
    for (Block *b = u->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if (is_cell_op(b->instr[i].op))
                b->instr[i].arg = fixed[b->instr[i].arg];
    return dropped;
}

/* ---- layout ---- */

static int instr_size(const Instr *in)
{
    if (!opcode_has_arg[in->op])
        return 1;
    unsigned arg = (unsigned)in->arg;
    return 1 + (arg > 0xFF) + (arg > 0xFFFF) + (arg > 0xFFFFFF);
}

static int resolve_jumps(Block *entry)
{
    bool changed;
    int total;
    do {
        total = 0;
        for (Block *b = entry; b; b = b->next) {
            b->offset = total;
            for (int i = 0; i < b->n; i++)
                total += instr_size(&b->instr[i]);
        }
        changed = false;
        for (Block *b = entry; b; b = b->next)
            for (int i = 0; i < b->n; i++) {
                Instr *in = &b->instr[i];
                if (!comp_is_jump(in->op))
                    continue;
                int size = instr_size(in);
                in->arg = in->target->offset;
                changed |= instr_size(in) != size;
            }
    } while (changed);
    return total;
}

static void write_code(CodeObject *co, Block *entry)
{
    int pos = 0;
    for (Block *b = entry; b; b = b->next)
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instr[i];
            int size = instr_size(in);
            int arg = opcode_has_arg[in->op] ? in->arg : 0;
            for (int k = size - 1; k >= 0; k--) {
                co->locs[pos] = in->loc;
                co->code[pos++] = (uint16_t)((k ? OP_EXTENDED_ARG : in->op) |
                                             ((arg >> (8 * k)) & 0xFF) << 8);
            }
        }
}

static ExcEntry handler_entry(Block *h, int start, int end)
{
    int depth = h->startdepth - 1 - h->preserve_lasti;
    return (ExcEntry){ (uint32_t)start, (uint32_t)end, (uint32_t)h->offset,
                       (uint16_t)depth, (uint8_t)h->preserve_lasti };
}

static int add_entry(CodeObject *co, int *cap, Block *h, int start, int end)
{
    TRY(comp_grow(&co->exctable, cap, co->nexc + 1, sizeof(ExcEntry)));
    co->exctable[co->nexc++] = handler_entry(h, start, end);
    return 0;
}

static int write_exception_table(CodeObject *co, Block *entry)
{
    Block *handler = NULL;
    int start = 0, offset = 0, cap = 0;
    for (Block *b = entry; b; b = b->next)
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instr[i];
            if (in->handler != handler) {
                if (handler)
                    TRY(add_entry(co, &cap, handler, start, offset));
                start = offset;
                handler = in->handler;
            }
            offset += instr_size(in);
        }
    return handler ? add_entry(co, &cap, handler, start, offset) : 0;
}

static int emit_code(CodeObject *co, Block *entry)
{
    int ncode = resolve_jumps(entry);
    co->code = mem_malloc((size_t)(ncode ? ncode : 1) * sizeof(uint16_t));
    co->locs = mem_malloc((size_t)(ncode ? ncode : 1) * sizeof(CodeLoc));
    if (!co->code || !co->locs) {
        err_nomemory();
        return -1;
    }
    co->ncode = ncode;
    write_code(co, entry);
    if (code_init_caches(co) < 0)
        return -1;
    return write_exception_table(co, entry);
}

/* ---- the code object ---- */

static bool all_name_chars(Object *s)
{
    if (!STR_IS_ASCII(s))
        return false;
    const unsigned char *p = STR_DATA(s);
    for (ssize_t k = 0; k < STR_LEN(s); k++)
        if (p[k] != '_' && !(p[k] >= '0' && p[k] <= '9') &&
            !((p[k] | 0x20) >= 'a' && (p[k] | 0x20) <= 'z'))
            return false;
    return true;
}

static bool intern_string_constants(Object *t);

/* A frozenset whose strings interning changed is rebuilt from them. */
static bool intern_frozenset(Object *t, ssize_t i)
{
    Object *items = tuple_from_iter(TUPLE_GET(t, i));
    if (!items) {
        err_clear();
        return false;
    }
    Object *set = intern_string_constants(items) ? frozenset_new(items) : NULL;
    DECREF(items);
    if (!set) {
        err_clear();
        return false;
    }
    SETREF(TUPLE_ITEMS(t)[i], set);
    return true;
}

/* Strings made only of ASCII letters, digits and '_' are interned, also
 * inside constant tuples and frozensets (CPython's intern_string_constants);
 * returns whether an item was replaced. */
static bool intern_string_constants(Object *t)
{
    bool modified = false;
    for (ssize_t i = SIZE(t) - 1; i >= 0; i--) {
        Object *o = TUPLE_GET(t, i);
        if (IS_TYPE(o, str_type) && all_name_chars(o)) {
            str_intern(&TUPLE_ITEMS(t)[i]);
            modified |= TUPLE_GET(t, i) != o;
        } else if (IS_TYPE(o, tuple_type)) {
            intern_string_constants(o);
        } else if (IS_TYPE(o, frozenset_type)) {
            modified |= intern_frozenset(t, i);
        }
    }
    return modified;
}

/* A new tuple of [l]'s items, shared with an equal tuple of this
 * compilation if there is one. */
static Object *merged_tuple(Compiler *c, Object **items, int n)
{
    Object *t = tuple_from_array(items, n);
    Object *m = t ? comp_const_merge_one(&c->cache, t) : NULL;
    XDECREF(t);
    return m ? NEWREF(m) : NULL;
}

/* A names tuple (shared, perhaps, with an equal constant) holds the
 * interned strings. */
static Object *names_tuple(Compiler *c, Object **items, int n)
{
    Object *t = merged_tuple(c, items, n);
    if (t)
        for (ssize_t i = 0; i < SIZE(t); i++)
            str_intern(&TUPLE_ITEMS(t)[i]);
    return t;
}

static int set_localsplus(Compiler *c, CodeObject *co)
{
    Unit *u = c->u;
    int n = u->varnames.n, total = u->varnames.n + u->cellvars.n + u->freevars.n;
    Object **names = mem_malloc((size_t)(total + 1) * sizeof(Object *));
    co->localspluskinds = mem_malloc((size_t)(total + 1));
    if (!names || !co->localspluskinds) {
        mem_free(names);
        err_nomemory();
        return -1;
    }
    for (int i = 0; i < u->varnames.n; i++) {
        bool cell = comp_list_find(&u->cellvars, u->varnames.items[i]) >= 0;
        names[i] = u->varnames.items[i];
        co->localspluskinds[i] = CO_KIND_LOCAL | (cell ? CO_KIND_CELL : 0);
        co->ncellvars += cell;
    }
    for (int i = 0; i < u->cellvars.n; i++)
        if (comp_list_find(&u->varnames, u->cellvars.items[i]) < 0) {
            names[n] = u->cellvars.items[i];
            co->localspluskinds[n++] = CO_KIND_CELL;
            co->ncellvars++;
        }
    for (int i = 0; i < u->freevars.n; i++) {
        names[n] = u->freevars.items[i];
        co->localspluskinds[n++] = CO_KIND_FREE;
    }
    co->nlocalsplus = n;
    co->nlocals = u->varnames.n;
    co->nfreevars = u->freevars.n;
    co->localsplusnames = names_tuple(c, names, n);
    mem_free(names);
    return co->localsplusnames ? 0 : -1;
}

static int fill_code(Compiler *c, CodeObject *co, int maxdepth)
{
    Unit *u = c->u;
    co->argcount = u->posonlyargcount + u->argcount;
    co->posonlyargcount = u->posonlyargcount;
    co->kwonlyargcount = u->kwonlyargcount;
    co->stacksize = maxdepth;
    co->flags = compute_flags(c);
    co->firstlineno = u->firstlineno;
    co->filename = NEWREF(c->filename);
    co->name = NEWREF(u->name);
    co->qualname = NEWREF(u->qualname ? u->qualname : u->name);
    TRY(emit_code(co, u->entry));
    co->names = names_tuple(c, u->names.items, u->names.n);
    co->consts = co->names ? merged_tuple(c, u->consts.items, u->consts.n) : NULL;
    if (!co->consts)
        return -1;
    intern_string_constants(co->consts);
    return set_localsplus(c, co);
}

static CodeObject *make_code(Compiler *c, int maxdepth)
{
    CodeObject *co = code_new();
    if (co && fill_code(c, co, maxdepth) < 0)
        CLEAR(co);
    return co;
}

/* Steps 1 and 2: the implicit return, exit inlining, prefix, cells. */
static int prepare(Compiler *c, bool add_none)
{
    Unit *u = c->u;
    if (!u->cur->returns) {
        comp_unset_loc(c);
        if (add_none)
            TRY(comp_load_const(c, None));
        TRY(comp_addop(c, OP_RETURN_VALUE));
    }
    TRY(comp_cfg_normalize(c));
    if (!u->firstlineno)
        u->firstlineno = u->entry->n && u->entry->instr[0].loc.line > 0
                         ? u->entry->instr[0].loc.line : 1;
    int *fixed = cell_slots(u);
    if (!fixed)
        return -1;
    int r = insert_prefix(c, fixed);
    if (r == 0)
        fix_cell_offsets(u, fixed);
    mem_free(fixed);
    return r;
}

CodeObject *comp_assemble(Compiler *c, bool add_none)
{
    Unit *u = c->u;
    if (prepare(c, add_none) < 0 || comp_cfg_optimize(c) < 0)
        return NULL;
    int maxdepth = stackdepth(c);
    if (maxdepth < 0 || label_exception_targets(u) < 0)
        return NULL;
    convert_pseudo_ops(u->entry);
    for (Block *b = u->entry; b; b = b->next)
        comp_clean_block(b);
    drop_resume(u->entry);
    return make_code(c, maxdepth);
}
