/* internal.h — what the compiler's files share: the compilation state,
 * the control-flow graph of basic blocks the code generator fills, and the
 * emission helpers.
 *
 *   compile.c       driver, code units (one per code object), names,
 *                   constants, functions, classes, closures
 *   location.c      instruction locations and traceback anchors
 *   compile_stmt.c  statements, loops, try/with and their frame blocks
 *   compile_expr.c  expressions, calls, comprehensions, f-strings
 *   flow.c          the CFG and its optimisation
 *   assemble.c      stack depth, exception table, layout, the code object
 *   consts.c        the constant cache
 *   fold.c          constant folding on the AST
 *   symtable.c      the symbol table
 *   unparse.c       expressions back to text (postponed annotations)
 *   disasm.c        the disassembler
 */
#ifndef MEMPY_COMP_INTERNAL_H
#define MEMPY_COMP_INTERNAL_H

#include <stdbool.h>
#include "../parser/ast.h"
#include "../vm/code.h"
#include "../vm/opcodes.h"
#include "symtable.h"
#include "util.h"

/* Pseudo-instructions: they mark the ranges an exception handler covers
 * and become NOPs (and exception-table entries) in the assembler. */
enum {
    OP_SETUP_FINALLY = OP_COUNT,    /* handler gets: exc */
    OP_SETUP_CLEANUP,               /* handler gets: lasti exc */
    OP_SETUP_WITH,                  /* handler gets: lasti exc, below the enter result */
    OP_POP_BLOCK,                   /* ends the innermost SETUP_* range */
    OP_RESUME,                      /* CPython's RESUME: holds the scope's first
                                       location through the passes, then dropped */
    OP_PSEUDO_END
};

typedef struct Block Block;

typedef struct {
    int op, arg;
    Block *target;              /* jumps and SETUP_*: the target block */
    Block *handler;             /* the handler in effect (set by the assembler) */
    CodeLoc loc;                /* line -1: none (artificial instruction) */
} Instr;

struct Block {
    Block *all_next;            /* every block of the unit, newest first */
    Block *next;                /* the block laid out after this one */
    Instr *instr;
    int n, cap;
    struct ExceptStack *exstack;/* handlers on entry (assembler) */
    int predecessors, startdepth, offset;
    bool nofallthrough;         /* ends with a jump, return or raise */
    bool exit;                  /* ends with a return or raise */
    bool returns;               /* contains RETURN_VALUE */
    bool preserve_lasti;        /* handler that receives lasti */
    bool visited;
};

/* Objects in insertion order with their index (owned references). */
typedef struct {
    Object **items;
    int n, cap;
    PtrMap index;
} ObjList;

typedef struct {
    Object **slots;
    int cap, used;
} ConstCache;

/* Frame blocks: the statically nested constructs that break, continue and
 * return must unwind. */
typedef enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END,
    FB_WITH, FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER
} FBlockKind;

typedef struct {
    FBlockKind kind;
    Block *block;
    Block *exit;
    const void *datum;          /* finally body, with statement or handler name */
} FBlock;

#define COMP_MAX_BLOCKS 20      /* CPython's CO_MAXBLOCKS */
#define STACK_USE_GUIDELINE 30  /* above this, sequences are built piecewise */

typedef enum {
    UNIT_MODULE, UNIT_CLASS, UNIT_FUNCTION, UNIT_LAMBDA, UNIT_COMPREHENSION
} UnitKind;

/* One code object being compiled. */
typedef struct Unit Unit;
struct Unit {
    Unit *parent;
    Scope *ste;
    UnitKind kind;
    Object *name, *qualname;    /* owned */
    Object *private_;           /* class name for mangling (borrowed) or NULL */
    ObjList consts, names, varnames, cellvars, freevars;
    int argcount, posonlyargcount, kwonlyargcount;
    Block *blocks;              /* all blocks, newest first */
    Block *entry, *cur;
    bool need_new_block;        /* the last instruction ended a block */
    FBlock fblocks[COMP_MAX_BLOCKS];
    int nfblocks;
    int firstlineno;
    CodeLoc loc;                /* location given to new instructions */
};

typedef struct {
    Object *filename;
    Arena *arena;
    SymTable *st;
    ConstCache cache;
    Unit *u;
    int nestlevel;
    int future_lineno;          /* line of the last `from __future__` import */
    bool future_annotations;    /* annotations are kept as strings */
    bool interactive;
} Compiler;

/* co_flags of code compiled under `from __future__ import annotations` */
#define CO_FUTURE_ANNOTATIONS 0x1000000

#define TRY(x) do { if ((x) < 0) return -1; } while (0)

/* ---- consts.c ---- */
/* The canonical object for constant [o] (borrowed, owned by the cache);
 * registers [o] when new, merging a tuple's items into it.  NULL on error. */
Object *comp_const_merge(ConstCache *cache, Object *o);
/* As comp_const_merge, but a new tuple keeps its items as they are. */
Object *comp_const_merge_one(ConstCache *cache, Object *o);
void comp_const_cache_free(ConstCache *cache);

/* ---- location.c ---- */
void comp_set_loc(Compiler *c, Loc loc);
/* The location of [e]; a binary operation or subscript also gets the
 * anchor tracebacks mark with ^. */
void comp_set_expr_loc(Compiler *c, Expr *e);
/* No location: the instruction is artificial. */
void comp_unset_loc(Compiler *c);

/* ---- compile.c ---- */
/* Index of [o] in [l], adding it (with a new reference) when absent. */
int comp_list_add(ObjList *l, Object *o);
int comp_list_find(const ObjList *l, Object *o);
/* Raises SyntaxError([fmt] % [arg]) at the current location; returns -1. */
int comp_error(Compiler *c, const char *fmt, Object *arg);
/* Reports a SyntaxWarning ([fmt] with the str [a] and [b], each may be
 * NULL) at the current location; -1 if it became an error. */
int comp_warn(Compiler *c, const char *fmt, Object *a, Object *b);

/* Index in co_consts of constant [o] (borrowed). */
int comp_add_const(Compiler *c, Object *o);
int comp_load_const(Compiler *c, Object *o);
/* As comp_load_const, but steals [o] (which may be NULL: error). */
int comp_load_const_new(Compiler *c, Object *o);
/* [op] with the index of the (mangled) [name] in co_names. */
int comp_addop_name(Compiler *c, int op, Object *name);
/* Loads, stores or deletes variable [name] as its scope requires. */
int comp_nameop(Compiler *c, Object *name, ExprCtx ctx);
int comp_enter_scope(Compiler *c, Object *name, UnitKind kind, const void *key,
                     int firstlineno);
void comp_exit_scope(Compiler *c);
/* Assembles the current unit, leaves its scope and pushes a function made
 * from it with MAKE_FUNCTION [flags] (closure cells loaded as needed). */
int comp_finish_function(Compiler *c, int flags, bool add_none);
Object *comp_docstring(StmtList *body);
int comp_visit_body(Compiler *c, StmtList *body);
/* Pushes the defaults of [a]; returns the MAKE_FUNCTION flags, or -1. */
int comp_default_arguments(Compiler *c, Arguments *a);
int comp_function(Compiler *c, Stmt *s);
int comp_class(Compiler *c, Stmt *s);
int comp_lambda(Compiler *c, Expr *e);

/* ---- compile_stmt.c ---- */
int comp_visit_stmt(Compiler *c, Stmt *s);
int comp_visit_stmts(Compiler *c, StmtList *l);

/* ---- compile_expr.c ---- */
int comp_visit_expr(Compiler *c, Expr *e);
/* If attribute [attr] spans lines, points the location at its name. */
void comp_attr_loc(Compiler *c, Expr *attr);
int comp_visit_exprs(Compiler *c, ExprList *l);
/* Jumps to [next] when the truth of [e] equals [cond]. */
int comp_jump_if(Compiler *c, Expr *e, Block *next, bool cond);
/* The argument-passing part of a call, after [n] implicit arguments. */
int comp_call_helper(Compiler *c, int n, ExprList *args, KeywordList *kws);

/* ---- flow.c ---- */
#define COMP_NO_LOC ((CodeLoc){ .line = -1, .end_line = -1, .col = -1, .end_col = -1 })

static inline bool comp_is_jump(int op)
{
    return op < OP_COUNT && opcode_is_jump[op];
}

static inline bool comp_has_target(const Instr *in)
{
    return comp_is_jump(in->op) || in->op == OP_SETUP_FINALLY ||
           in->op == OP_SETUP_CLEANUP || in->op == OP_SETUP_WITH;
}

/* RETURN_VALUE, RAISE_VARARGS, RERAISE: the code does not go on. */
static inline bool comp_ends_scope(int op)
{
    return op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS || op == OP_RERAISE;
}

static inline Instr *comp_last_instr(Block *b)
{
    return b->n ? &b->instr[b->n - 1] : NULL;
}

Block *comp_new_block(Compiler *c);
/* Makes [b] the block that follows the current one and fills it next. */
void comp_use_block(Compiler *c, Block *b);
int comp_addop(Compiler *c, int op);
int comp_addop_i(Compiler *c, int op, int arg);
int comp_addop_j(Compiler *c, int op, Block *target);
int comp_addop_noline(Compiler *c, int op);
int comp_addop_j_noline(Compiler *c, int op, Block *target);
int comp_addop_i_noline(Compiler *c, int op, int arg);
void comp_free_blocks(Unit *u);
int comp_insert_instr(Block *b, int pos, Instr in);
/* Removes the NOPs whose line number is carried by a neighbour. */
void comp_clean_block(Block *b);
/* Room to push every block of [u] once; NULL with MemoryError. */
Block **comp_block_stack(Unit *u);
/* Marks the blocks that end the code; inlines small exit blocks. */
int comp_cfg_normalize(Compiler *c);
/* Optimises the graph, drops unused trailing constants, fixes lines. */
int comp_cfg_optimize(Compiler *c);

/* ---- assemble.c ---- */
/* Turns the current unit into a code object (adding `return None` at the
 * end when [add_none], else just RETURN_VALUE, if the code may fall off). */
CodeObject *comp_assemble(Compiler *c, bool add_none);

/* ---- fold.c ---- */
/* Folds constant sub-expressions of [mod] in place, as CPython's AST
 * optimiser; new constants are added to [arena]; annotations are left
 * alone when they are to become strings.  -1 on error. */
int comp_fold(Mod *mod, Arena *arena, bool future_annotations);

/* ---- unparse.c ---- */
/* The source text of [e], as CPython writes an annotation under
 * `from __future__ import annotations`; a new str. */
Object *comp_unparse(Expr *e);

#endif
