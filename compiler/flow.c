/* flow.c — the control-flow graph: building it, and the passes that clean
 * and optimise it before assembly, in CPython 3.11's order.
 *
 * The code generator appends instructions to basic blocks; a block ends at
 * a jump, return or raise, and `next` links blocks in layout order.  Jump
 * targets are blocks.  Exception handling is described by the pseudo
 * instructions SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH (whose target is
 * the handler) and POP_BLOCK, as in CPython 3.11.
 *
 * The passes: small exit blocks are inlined at the jumps that reach them;
 * constant conditions are decided, jumps to jumps threaded, tuples of
 * constants folded, swaps simplified; unreachable blocks, redundant NOPs
 * and jumps removed; unused trailing constants dropped; and every
 * instruction gets a line number where CPython's has one.
 */
#include <string.h>
#include "internal.h"
#include "compile.h"
#include "../mem/mem.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/tuple.h"
#include "../vm/set.h"


/* ---- building ---- */

Block *comp_new_block(Compiler *c)
{
    Block *b = mem_calloc(1, sizeof(Block));
    if (!b) {
        err_nomemory();
        return NULL;
    }
    b->all_next = c->u->blocks;
    c->u->blocks = b;
    return b;
}

void comp_use_block(Compiler *c, Block *b)
{
    c->u->cur->next = b;
    c->u->cur = b;
    c->u->need_new_block = false;
}

int comp_insert_instr(Block *b, int pos, Instr in)
{
    TRY(comp_grow(&b->instr, &b->cap, b->n + 1, sizeof(Instr)));
    memmove(&b->instr[pos + 1], &b->instr[pos], (size_t)(b->n - pos) * sizeof(Instr));
    b->instr[pos] = in;
    b->n++;
    return 0;
}

static int emit(Compiler *c, int op, int arg, Block *target, CodeLoc loc)
{
    Unit *u = c->u;
    if (u->need_new_block) {
        Block *b = comp_new_block(c);
        if (!b)
            return -1;
        comp_use_block(c, b);
    }
    TRY(comp_insert_instr(u->cur, u->cur->n, (Instr){ op, arg, target, NULL, loc }));
    if (op == OP_RETURN_VALUE)
        u->cur->returns = true;
    if (comp_is_jump(op) || comp_ends_scope(op))
        u->need_new_block = true;
    return 0;
}

int comp_addop(Compiler *c, int op)
{
    return emit(c, op, 0, NULL, c->u->loc);
}

int comp_addop_i(Compiler *c, int op, int arg)
{
    return emit(c, op, arg, NULL, c->u->loc);
}

int comp_addop_j(Compiler *c, int op, Block *target)
{
    return emit(c, op, 0, target, c->u->loc);
}

int comp_addop_noline(Compiler *c, int op)
{
    return emit(c, op, 0, NULL, COMP_NO_LOC);
}

int comp_addop_j_noline(Compiler *c, int op, Block *target)
{
    return emit(c, op, 0, target, COMP_NO_LOC);
}

int comp_addop_i_noline(Compiler *c, int op, int arg)
{
    return emit(c, op, arg, NULL, COMP_NO_LOC);
}

void comp_free_blocks(Unit *u)
{
    Block *b = u->blocks;
    while (b) {
        Block *next = b->all_next;
        mem_free(b->instr);
        mem_free(b->exstack);
        mem_free(b);
        b = next;
    }
    u->blocks = u->entry = u->cur = NULL;
}

/* ---- stack effects ---- */

static int call_effect(int op, int arg)
{
    switch (op) {
    case OP_CALL: return -arg - 1;
    case OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case OP_MAKE_FUNCTION:
        return -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0) - ((arg & 8) != 0);
    case OP_RAISE_VARARGS: return -arg;
    case OP_BUILD_SLICE: return arg == 3 ? -2 : -1;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET:
    case OP_BUILD_STRING: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP: return -arg;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_LOAD_GLOBAL: return 1 + (arg & 1);
    }
    return COMP_INVALID_STACK_EFFECT;
}

static int jump_effect(int op, int jump)
{
    switch (op) {
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_SEND: return jump ? -1 : 0;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_SETUP_FINALLY: case OP_SETUP_WITH: return jump ? 1 : 0;
    case OP_SETUP_CLEANUP: return jump ? 2 : 0;
    }
    return COMP_INVALID_STACK_EFFECT;
}

static int fixed_effect(int op)
{
    switch (op) {
    case OP_NOP: case OP_EXTENDED_ARG: case OP_SWAP: case OP_UNARY_POSITIVE:
    case OP_UNARY_NEGATIVE: case OP_UNARY_NOT: case OP_UNARY_INVERT: case OP_GET_ITER:
    case OP_SETUP_ANNOTATIONS: case OP_YIELD_VALUE: case OP_POP_BLOCK: case OP_RESUME:
    case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_DELETE_FAST: case OP_DELETE_DEREF:
    case OP_LOAD_ATTR: case OP_CHECK_EXC_MATCH: case OP_JUMP: case OP_KW_NAMES:
    case OP_MAKE_CELL: case OP_COPY_FREE_VARS: case OP_RETURN_GENERATOR:
    case OP_GET_YIELD_FROM_ITER: case OP_LIST_TO_TUPLE:
        return 0;
    case OP_PUSH_NULL: case OP_COPY: case OP_LOAD_CONST: case OP_LOAD_FAST:
    case OP_LOAD_CLOSURE: case OP_LOAD_DEREF: case OP_LOAD_CLASSDEREF: case OP_LOAD_NAME:
    case OP_LOAD_METHOD: case OP_LOAD_BUILD_CLASS: case OP_IMPORT_FROM:
    case OP_PUSH_EXC_INFO: case OP_LOAD_ASSERTION_ERROR: case OP_BEFORE_WITH:
    case OP_WITH_EXCEPT_START:
        return 1;
    case OP_STORE_SUBSCR:
        return -3;
    case OP_DELETE_SUBSCR: case OP_STORE_ATTR: case OP_MAP_ADD:
        return -2;
    case OP_POP_TOP: case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_NAME:
    case OP_STORE_GLOBAL: case OP_DELETE_ATTR: case OP_RETURN_VALUE: case OP_BINARY_OP:
    case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP: case OP_BINARY_SUBSCR:
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
    case OP_DICT_UPDATE: case OP_DICT_MERGE: case OP_IMPORT_NAME: case OP_IMPORT_STAR:
    case OP_POP_EXCEPT: case OP_RERAISE: case OP_PRINT_EXPR:
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE:
        return -1;
    }
    return COMP_INVALID_STACK_EFFECT;
}

static int effect_of(int op, int arg, int jump)
{
    int e = fixed_effect(op);
    if (e == COMP_INVALID_STACK_EFFECT)
        e = jump_effect(op, jump);
    if (e == COMP_INVALID_STACK_EFFECT)
        e = call_effect(op, arg);
    return e;
}

int comp_stack_effect(int opcode, int arg, int jump)
{
    if (opcode < 0 || opcode >= OP_PSEUDO_END)
        return COMP_INVALID_STACK_EFFECT;
    if (jump >= 0)
        return effect_of(opcode, arg, jump);
    int a = effect_of(opcode, arg, 0), b = effect_of(opcode, arg, 1);
    return a > b ? a : b;
}

/* ---- CFG clean-up ---- */

static Block *skip_empty(Block *b)
{
    while (b->n == 0)
        b = b->next;
    return b;
}

/* Marks exits and blocks without fall-through; retargets empty blocks. */
static void normalize_block(Block *b)
{
    for (int i = 0; i < b->n; i++) {
        Instr *in = &b->instr[i];
        if (comp_ends_scope(in->op)) {
            b->exit = true;
            b->nofallthrough = true;
        } else if (comp_is_jump(in->op)) {
            if (in->op == OP_JUMP)
                b->nofallthrough = true;
            in->target = skip_empty(in->target);
        }
    }
}

static bool has_lineno(const Block *b)
{
    for (int i = 0; i < b->n; i++)
        if (b->instr[i].loc.line > 0)
            return true;
    return false;
}

/* A jump to a small exit block without line numbers (an implicit
 * `return None`) is replaced by a copy of that block. */
static int extend_block(Block *b)
{
    Instr *last = comp_last_instr(b);
    if (!last || last->op != OP_JUMP)
        return 0;
    Block *t = last->target;
    if (!t->exit || t->n > 4 || has_lineno(t))
        return 0;
    last->op = OP_NOP;
    for (int i = 0; i < t->n; i++)
        TRY(comp_insert_instr(b, b->n, t->instr[i]));
    b->exit = true;
    return 0;
}

/* Removes NOPs that carry no line number a neighbour does not carry. */
void comp_clean_block(Block *b)
{
    int dest = 0, prev_line = -1;
    for (int src = 0; src < b->n; src++) {
        Instr *in = &b->instr[src];
        int line = in->loc.line;
        if (in->op == OP_NOP) {
            if (line < 0 || line == prev_line)
                continue;
            if (src < b->n - 1) {
                Instr *next = &b->instr[src + 1];
                if (next->loc.line == line)
                    continue;
                if (next->loc.line < 0) {
                    next->loc = in->loc;
                    continue;
                }
            } else {
                Block *nb = b->next;
                while (nb && nb->n == 0)
                    nb = nb->next;
                if (nb && nb->instr[0].loc.line == line)
                    continue;
            }
        }
        b->instr[dest++] = *in;
        prev_line = line;
    }
    b->n = dest;
}

static void eliminate_empty_blocks(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        Block *next = b->next;
        if (next) {
            while (next->n == 0 && next->next)
                next = next->next;
            b->next = next;
        }
    }
    for (Block *b = entry; b; b = b->next) {
        Instr *last = comp_last_instr(b);
        if (last && comp_is_jump(last->op))
            last->target = skip_empty(last->target);
    }
}

/* Room for every block of [u] (each is pushed at most once). */
Block **comp_block_stack(Unit *u)
{
    int n = 1;
    for (Block *b = u->blocks; b; b = b->all_next)
        n++;
    Block **stack = mem_malloc((size_t)n * sizeof(Block *));
    if (!stack)
        err_nomemory();
    return stack;
}

/* Counts the predecessors of each block reachable from the entry. */
static int mark_reachable(Unit *u)
{
    Block *entry = u->entry;
    Block **stack = comp_block_stack(u), **sp = stack;
    if (!stack)
        return -1;
    entry->predecessors = 1;
    *sp++ = entry;
    while (sp > stack) {
        Block *b = *--sp;
        if (b->next && !b->nofallthrough && b->next->predecessors++ == 0)
            *sp++ = b->next;
        for (int i = 0; i < b->n; i++)
            if (comp_has_target(&b->instr[i]) && b->instr[i].target->predecessors++ == 0)
                *sp++ = b->instr[i].target;
    }
    mem_free(stack);
    return 0;
}

/* ---- peephole optimisation of one block ---- */

static Object *const_of(Unit *u, const Instr *in)
{
    return u->consts.items[in->arg];
}

/* LOAD_CONST followed by a conditional jump: the jump is decided now. */
static void fold_const_condition(Unit *u, Block *b, int i)
{
    Instr *in = &b->instr[i], *next = &b->instr[i + 1];
    int truth = obj_is_true(const_of(u, in));
    if (truth < 0) {
        err_clear();
        return;
    }
    if (next->op == OP_POP_JUMP_IF_FALSE || next->op == OP_POP_JUMP_IF_TRUE) {
        in->op = OP_NOP;
        if (truth == (next->op == OP_POP_JUMP_IF_TRUE)) {
            next->op = OP_JUMP;
            b->nofallthrough = true;
        } else {
            next->op = OP_NOP;
        }
    } else if (truth == (next->op == OP_JUMP_IF_TRUE_OR_POP)) {
        next->op = OP_JUMP;
        b->nofallthrough = true;
    } else {
        in->op = OP_NOP;
        next->op = OP_NOP;
    }
}

/* LOAD_CONST None, IS_OP, POP_JUMP_IF_x becomes POP_JUMP_IF_[NOT_]NONE. */
static void fold_is_none(Unit *u, Block *b, int i)
{
    if (const_of(u, &b->instr[i]) != None || i + 2 >= b->n)
        return;
    Instr *is = &b->instr[i + 1], *jump = &b->instr[i + 2];
    if (jump->op != OP_POP_JUMP_IF_FALSE && jump->op != OP_POP_JUMP_IF_TRUE)
        return;
    bool jump_if_not_none = is->arg ^ (jump->op == OP_POP_JUMP_IF_FALSE);
    b->instr[i].op = OP_NOP;
    is->op = OP_NOP;
    jump->op = jump_if_not_none ? OP_POP_JUMP_IF_NOT_NONE : OP_POP_JUMP_IF_NONE;
}

static void optimize_load_const(Unit *u, Block *b, int i)
{
    int next = i + 1 < b->n ? b->instr[i + 1].op : -1;
    switch (next) {
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
        fold_const_condition(u, b, i);
        break;
    case OP_IS_OP:
        fold_is_none(u, b, i);
        break;
    }
}

/* LOAD_CONST a, ..., LOAD_CONST z, BUILD_TUPLE n becomes one LOAD_CONST. */
static int fold_tuple_of_constants(Compiler *c, Block *b, int i)
{
    int n = b->instr[i].arg;
    Instr *first = &b->instr[i - n];
    for (int k = 0; k < n; k++)
        if (first[k].op != OP_LOAD_CONST)
            return 0;
    Object *t = tuple_new(n);
    if (!t)
        return -1;
    for (int k = 0; k < n; k++)
        TUPLE_ITEMS(t)[k] = NEWREF(const_of(c->u, &first[k]));
    Object *canon = comp_const_merge_one(&c->cache, t);
    DECREF(t);
    int index = canon ? comp_list_add(&c->u->consts, canon) : -1;
    TRY(index);
    for (int k = 0; k < n; k++)
        first[k].op = OP_NOP;
    b->instr[i].op = OP_LOAD_CONST;
    b->instr[i].arg = index;
    return 0;
}

static int optimize_build_tuple(Compiler *c, Block *b, int i)
{
    Instr *in = &b->instr[i];
    Instr *next = i + 1 < b->n ? &b->instr[i + 1] : NULL;
    if (next && next->op == OP_UNPACK_SEQUENCE && next->arg == in->arg &&
        in->arg >= 1 && in->arg <= 3) {
        in->op = OP_NOP;
        next->op = in->arg == 1 ? OP_NOP : OP_SWAP;
        return 0;
    }
    return i >= in->arg ? fold_tuple_of_constants(c, b, i) : 0;
}

/* Makes [in] jump where [target] (the first instruction at its target)
 * jumps; returns 1 if it did. */
static int jump_thread(Instr *in, const Instr *target, int op)
{
    if (in->loc.line != target->loc.line || in->target == target->target)
        return 0;
    in->target = target->target;
    in->op = op;
    return 1;
}

/* x: JUMP_IF_FALSE_OR_POP y, where y tests the same value again. */
static int thread_or_pop(Instr *in, const Instr *target, int same_pop, int same_keep,
                         int opposite_pop, int opposite_keep)
{
    int t = target->op;
    if (t == same_pop)
        return jump_thread(in, target, same_pop);
    if (t == OP_JUMP || t == same_keep)
        return jump_thread(in, target, same_keep);
    if ((t == opposite_pop || t == opposite_keep) && in->loc.line == target->loc.line) {
        in->op = same_pop;
        in->target = in->target->next;
        return 1;
    }
    return 0;
}

static int thread_jump(Instr *in, const Instr *target)
{
    switch (in->op) {
    case OP_JUMP_IF_FALSE_OR_POP:
        return thread_or_pop(in, target, OP_POP_JUMP_IF_FALSE, OP_JUMP_IF_FALSE_OR_POP,
                             OP_POP_JUMP_IF_TRUE, OP_JUMP_IF_TRUE_OR_POP);
    case OP_JUMP_IF_TRUE_OR_POP:
        return thread_or_pop(in, target, OP_POP_JUMP_IF_TRUE, OP_JUMP_IF_TRUE_OR_POP,
                             OP_POP_JUMP_IF_FALSE, OP_JUMP_IF_FALSE_OR_POP);
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE: case OP_JUMP:
        return target->op == OP_JUMP ? jump_thread(in, target, in->op) : 0;
    }
    return 0;
}

/* Writes SWAPs realising permutation [perm] (of [depth] items) backwards
 * into [run], from [out] down, one cycle at a time through the top of
 * the stack; returns the first position left unused. */
static int emit_cycles(Instr *run, int out, int *perm, int depth)
{
    for (int k = 0; k < depth; k++) {
        if (perm[k] < 0 || perm[k] == k)
            continue;
        for (int j = k;;) {
            if (j) {
                run[out].op = OP_SWAP;
                run[out--].arg = j + 1;
            }
            if (perm[j] < 0)
                break;
            int next = perm[j];
            perm[j] = -1;
            j = next;
        }
    }
    return out;
}

/* Replaces a run of SWAPs (and NOPs) starting at *[ix] by the fewest SWAPs
 * with the same effect. */
static int swaptimize(Block *b, int *ix)
{
    Instr *run = &b->instr[*ix];
    int depth = run[0].arg, len = 1, swaps = 1;
    while (*ix + len < b->n && (run[len].op == OP_SWAP || run[len].op == OP_NOP)) {
        if (run[len].op == OP_SWAP) {
            depth = run[len].arg > depth ? run[len].arg : depth;
            swaps++;
        }
        len++;
    }
    if (swaps == 1)
        return 0;
    int *perm = mem_malloc((size_t)depth * sizeof(int));
    if (!perm) {
        err_nomemory();
        return -1;
    }
    for (int k = 0; k < depth; k++)
        perm[k] = k;
    for (int k = 0; k < len; k++)
        if (run[k].op == OP_SWAP) {
            int t = perm[0];
            perm[0] = perm[run[k].arg - 1];
            perm[run[k].arg - 1] = t;
        }
    for (int out = emit_cycles(run, len - 1, perm, depth); out >= 0; out--)
        run[out].op = OP_NOP;
    mem_free(perm);
    *ix += len - 1;
    return 0;
}

static bool swappable(int op)
{
    return op == OP_STORE_FAST || op == OP_POP_TOP;
}

static int stores_to(const Instr *in)
{
    return in->op == OP_STORE_FAST ? in->arg : -1;
}

/* The next swappable instruction after [i] (skipping NOPs), on [line]
 * when it is >= 0; -1 when there is none. */
static int next_swappable(Block *b, int i, int line)
{
    while (++i < b->n) {
        Instr *in = &b->instr[i];
        if (line >= 0 && in->loc.line != line)
            return -1;
        if (in->op == OP_NOP)
            continue;
        return swappable(in->op) ? i : -1;
    }
    return -1;
}

static bool stores_conflict(Block *b, int j, int k)
{
    int sj = stores_to(&b->instr[j]), sk = stores_to(&b->instr[k]);
    if (sj < 0 && sk < 0)
        return false;
    if (sj == sk)
        return true;
    for (int i = j + 1; i < k; i++) {
        int s = stores_to(&b->instr[i]);
        if (s >= 0 && (s == sj || s == sk))
            return true;
    }
    return false;
}

/* SWAP n followed by stores/pops: swap the instructions instead. */
static void apply_static_swaps(Block *b, int i)
{
    for (; i >= 0; i--) {
        Instr *swap = &b->instr[i];
        if (swap->op != OP_SWAP) {
            if (swap->op == OP_NOP || swappable(swap->op))
                continue;
            return;
        }
        int j = next_swappable(b, i, -1);
        if (j < 0)
            return;
        int k = j, line = b->instr[j].loc.line;
        for (int count = swap->arg - 1; count > 0; count--)
            if ((k = next_swappable(b, k, line)) < 0)
                return;
        if (stores_conflict(b, j, k))
            return;
        swap->op = OP_NOP;
        Instr t = b->instr[j];
        b->instr[j] = b->instr[k];
        b->instr[k] = t;
    }
}

static int optimize_swap(Block *b, int *i)
{
    if (b->instr[*i].arg == 1) {
        b->instr[*i].op = OP_NOP;
        return 0;
    }
    TRY(swaptimize(b, i));
    apply_static_swaps(b, *i);
    return 0;
}

static void merge_push_null(Block *b, int i)
{
    Instr *next = i + 1 < b->n ? &b->instr[i + 1] : NULL;
    if (next && next->op == OP_LOAD_GLOBAL && !(next->arg & 1)) {
        b->instr[i].op = OP_NOP;
        next->arg |= 1;
    }
}

static int optimize_block(Compiler *c, Block *b)
{
    for (int i = 0; i < b->n; i++) {
        Instr *in = &b->instr[i];
        if (comp_has_target(in)) {
            in->target = skip_empty(in->target);
            if (comp_is_jump(in->op))
                i -= thread_jump(in, &in->target->instr[0]);
            continue;
        }
        switch (in->op) {
        case OP_LOAD_CONST:
            optimize_load_const(c->u, b, i);
            break;
        case OP_BUILD_TUPLE:
            TRY(optimize_build_tuple(c, b, i));
            break;
        case OP_SWAP:
            TRY(optimize_swap(b, &i));
            break;
        case OP_PUSH_NULL:
            merge_push_null(b, i);
            break;
        }
    }
    return 0;
}

static void drop_redundant_jumps(Block *entry)
{
    bool changed = false;
    for (Block *b = entry; b; b = b->next) {
        Instr *last = comp_last_instr(b);
        if (last && last->op == OP_JUMP && last->target == b->next) {
            b->nofallthrough = false;
            last->op = OP_NOP;
            changed = true;
        }
    }
    if (changed)
        eliminate_empty_blocks(entry);
}

static int optimize_cfg(Compiler *c)
{
    Unit *u = c->u;
    for (Block *b = u->entry; b; b = b->next) {
        TRY(optimize_block(c, b));
        comp_clean_block(b);
    }
    for (Block *b = u->blocks; b; b = b->all_next)
        TRY(extend_block(b));
    TRY(mark_reachable(u));
    for (Block *b = u->entry; b; b = b->next)
        if (b->predecessors == 0) {
            b->n = 0;
            b->nofallthrough = false;
        }
    eliminate_empty_blocks(u->entry);
    for (Block *b = u->entry; b; b = b->next)
        comp_clean_block(b);
    drop_redundant_jumps(u->entry);
    return 0;
}

/* ---- line numbers ---- */

static bool is_exit_without_lineno(const Block *b)
{
    return b->exit && !has_lineno(b) && b->n > 0;
}

static Block *copy_block(Compiler *c, Block *b)
{
    Block *copy = comp_new_block(c);
    if (!copy)
        return NULL;
    for (int i = 0; i < b->n; i++)
        if (comp_insert_instr(copy, i, b->instr[i]) < 0)
            return NULL;
    copy->exit = b->exit;
    copy->nofallthrough = true;
    return copy;
}

/* Every jump to a shared exit without line numbers gets its own copy, so
 * that it can take the jump's line number. */
static int duplicate_exits_without_lineno(Compiler *c)
{
    for (Block *b = c->u->blocks; b; b = b->all_next) {
        Instr *last = comp_last_instr(b);
        if (!last || !comp_is_jump(last->op))
            continue;
        Block *t = last->target;
        if (!is_exit_without_lineno(t) || t->predecessors <= 1)
            continue;
        Block *copy = copy_block(c, t);
        if (!copy)
            return -1;
        copy->instr[0].loc = last->loc;
        last->target = copy;
        t->predecessors--;
        copy->predecessors = 1;
        copy->next = t->next;
        t->next = copy;
    }
    for (Block *b = c->u->blocks; b; b = b->all_next)
        while (b->next && b->next->n == 0)
            b->next = b->next->next;
    for (Block *b = c->u->blocks; b; b = b->all_next)
        if (!b->nofallthrough && b->next && b->n > 0 && is_exit_without_lineno(b->next))
            b->next->instr[0].loc = b->instr[b->n - 1].loc;
    return 0;
}

static void propagate_line_numbers(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        if (b->n == 0)
            continue;
        CodeLoc prev = COMP_NO_LOC;
        for (int i = 0; i < b->n; i++) {
            if (b->instr[i].loc.line < 0)
                b->instr[i].loc = prev;
            else
                prev = b->instr[i].loc;
        }
        if (!b->nofallthrough && b->next->predecessors == 1 &&
            b->next->instr[0].loc.line < 0)
            b->next->instr[0].loc = prev;
        Instr *last = comp_last_instr(b);
        if (comp_is_jump(last->op) && last->target->predecessors == 1 &&
            last->target->instr[0].loc.line < 0)
            last->target->instr[0].loc = prev;
    }
}

static void guarantee_lineno_for_exits(Block *entry, int firstlineno)
{
    int line = firstlineno;
    for (Block *b = entry; b; b = b->next) {
        Instr *last = comp_last_instr(b);
        if (!last)
            continue;
        if (last->loc.line >= 0) {
            line = last->loc.line;
        } else if (last->op == OP_RETURN_VALUE) {
            for (int i = 0; i < b->n; i++)
                b->instr[i].loc.line = b->instr[i].loc.end_line = line;
        }
    }
}

/* Drops the constants after the last one the code uses (keeping the
 * first, the docstring slot). */
static void trim_unused_consts(Unit *u)
{
    int max = 0;
    for (Block *b = u->entry; b; b = b->next)
        for (int i = 0; i < b->n; i++)
            if ((b->instr[i].op == OP_LOAD_CONST || b->instr[i].op == OP_KW_NAMES) &&
                b->instr[i].arg > max)
                max = b->instr[i].arg;
    while (u->consts.n > max + 1) {
        Object *o = u->consts.items[--u->consts.n];
        comp_map_remove(&u->consts.index, o);
        DECREF(o);
    }
}

/* Marks exits and inlines small exit blocks (before the prefix goes in). */
int comp_cfg_normalize(Compiler *c)
{
    for (Block *b = c->u->blocks; b; b = b->all_next)
        normalize_block(b);
    for (Block *b = c->u->blocks; b; b = b->all_next)
        TRY(extend_block(b));
    return 0;
}

int comp_cfg_optimize(Compiler *c)
{
    Unit *u = c->u;
    TRY(optimize_cfg(c));
    TRY(duplicate_exits_without_lineno(c));
    trim_unused_consts(u);
    propagate_line_numbers(u->entry);
    guarantee_lineno_for_exits(u->entry, u->firstlineno);
    return 0;
}
