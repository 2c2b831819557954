/* symtable.h — the symbol table, as CPython 3.11 builds it.
 *
 * A first pass over the AST makes one Scope per module, class, function,
 * lambda and comprehension, and records for every name how the scope uses
 * it (DEF_* flags).  A second pass resolves each name to where it lives:
 *
 *   SC_LOCAL            bound here (a fast local in functions)
 *   SC_GLOBAL_EXPLICIT  declared `global`
 *   SC_GLOBAL_IMPLICIT  not bound in any enclosing function: globals/builtins
 *   SC_FREE             bound in an enclosing function (or `nonlocal`)
 *   SC_CELL             bound here and used by a nested function
 *
 * Class scopes are skipped when nested functions resolve names, except for
 * the implicit __class__ cell a method gets when it uses `super` or
 * `__class__`.  Comprehensions are function scopes whose only parameter is
 * `.0`, the iterator of the outermost `for`.  All names are interned str.
 */
#ifndef MEMPY_SYMTABLE_H
#define MEMPY_SYMTABLE_H

#include <stdbool.h>
#include "../parser/ast.h"
#include "util.h"

/* How a scope uses a name */
#define DEF_GLOBAL      0x001   /* global statement */
#define DEF_LOCAL       0x002   /* assigned (or deleted) */
#define DEF_PARAM       0x004   /* a parameter */
#define DEF_NONLOCAL    0x008   /* nonlocal statement */
#define DEF_USE         0x010   /* read */
#define DEF_FREE_CLASS  0x040   /* a class local that methods use as free */
#define DEF_IMPORT      0x080   /* bound by import */
#define DEF_ANNOT       0x100   /* annotated */
#define DEF_COMP_ITER   0x200   /* a comprehension's iteration variable */
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

/* Where a name lives (0: the scope does not know the name) */
enum { SC_LOCAL = 1, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL };

typedef enum { BLOCK_MODULE, BLOCK_CLASS, BLOCK_FUNCTION, BLOCK_ANNOTATION } BlockType;
typedef enum { COMPKIND_NONE, COMPKIND_LIST, COMPKIND_SET, COMPKIND_DICT,
               COMPKIND_GEN } CompKind;

typedef struct {
    Object *name;               /* owned */
    int flags;                  /* DEF_* */
    int scope;                  /* SC_*, after analysis */
} Symbol;

typedef struct {
    Object *name;               /* borrowed from the symbols */
    Loc loc;                    /* of the global / nonlocal statement */
} Directive;

typedef struct Scope Scope;
struct Scope {
    BlockType type;
    Object *name;               /* owned */
    const void *key;            /* the AST node that opens the scope */
    Loc loc;
    Symbol *syms;               /* in order of first mention */
    int nsyms, capsyms;
    PtrMap index;               /* name -> position in syms */
    Object **params;            /* parameter names in order (borrowed) */
    int nparams, capparams;
    Scope **children;
    int nchildren, capchildren;
    Directive *directives;
    int ndirectives, capdirectives;
    CompKind comprehension;
    int comp_iter_expr;         /* > 0 inside a comprehension's iterable */
    bool comp_iter_target;      /* visiting a comprehension's for-target */
    bool nested;                /* inside a function */
    bool free;                  /* has free variables */
    bool child_free;            /* a nested scope has free variables */
    bool generator, coroutine, varargs, varkeywords, returns_value;
    bool needs_class_closure;   /* class whose methods use __class__ */
};

typedef struct SymTable SymTable;

/* Builds and analyses the symbol table of [mod]; NULL with SyntaxError
 * (or MemoryError / RecursionError) set on failure.  Under
 * [future_annotations], the names annotations use are not recorded. */
SymTable *comp_symtable_build(Mod *mod, Object *filename, bool future_annotations);
void comp_symtable_free(SymTable *st);
/* The scope opened by AST node [key] (a Mod, Stmt or Expr), or NULL. */
Scope *comp_symtable_lookup(SymTable *st, const void *key);
/* The module scope. */
Scope *comp_symtable_top(SymTable *st);
/* The SC_* scope of [name] in [s], 0 when unknown. */
int comp_symbol_scope(const Scope *s, Object *name);
/* The DEF_* flags of [name] in [s], 0 when unknown. */
int comp_symbol_flags(const Scope *s, Object *name);

#endif
