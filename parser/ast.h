/* ast.h — the abstract syntax tree, as Python's own `ast` module draws it.
 *
 * Nodes live in one Arena and die with it.  Identifiers and literal values
 * are real objects (interned str, int, float, str, bytes) owned by the arena:
 * the arena holds one reference to each until it is freed, which cli/ does
 * only after the module (or the REPL statement) has finished running — the
 * reason CPython 3.11's refcount of a string literal includes one for its AST.
 *
 * Every node carries its source span: lines from 1, columns as 0-based UTF-8
 * byte offsets, end column exclusive (as CPython's col_offset/end_col_offset).
 */
#ifndef MEMPY_AST_H
#define MEMPY_AST_H

#include <stddef.h>
#include "../vm/object.h"

/* ---- the arena ---- */
typedef struct Arena Arena;
Arena *arena_new(void);
void *arena_alloc(Arena *a, size_t n);          /* zeroed; NULL + MemoryError */
int arena_add_object(Arena *a, Object *o);      /* steals [o]; -1 on failure (o released) */
void arena_free(Arena *a);                      /* releases nodes and objects */

typedef struct {
    int line, col, end_line, end_col;
} Loc;

typedef struct Expr Expr;
typedef struct Stmt Stmt;

typedef struct { int n; Expr **v; } ExprList;
typedef struct { int n; Stmt **v; } StmtList;
typedef struct { int n; Object **v; } NameList;          /* identifiers */

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ExprCtx;
typedef enum { BOOL_AND, BOOL_OR } BoolOpKind;
/* Binary operators use the BINOP_* numbers of vm/object.h. */
typedef enum { UNARY_INVERT, UNARY_NOT, UNARY_UADD, UNARY_USUB } UnaryOpKind;
typedef enum {
    CMPOP_EQ, CMPOP_NOTEQ, CMPOP_LT, CMPOP_LTE, CMPOP_GT, CMPOP_GTE,
    CMPOP_IS, CMPOP_ISNOT, CMPOP_IN, CMPOP_NOTIN
} CmpOpKind;

typedef struct {
    Object *arg;                /* identifier */
    Expr *annotation;           /* or NULL */
    Loc loc;
} Arg;
typedef struct { int n; Arg **v; } ArgList;

typedef struct {
    ArgList posonlyargs, args;
    Arg *vararg;                /* *args or NULL */
    ArgList kwonlyargs;
    ExprList kw_defaults;       /* one per kwonly arg, NULL where none */
    Arg *kwarg;                 /* **kwargs or NULL */
    ExprList defaults;          /* for the last len(defaults) positional args */
} Arguments;

typedef struct {
    Object *arg;                /* identifier, or NULL for **mapping */
    Expr *value;
    Loc loc;
} Keyword;
typedef struct { int n; Keyword **v; } KeywordList;

typedef struct {
    Expr *target, *iter;
    ExprList ifs;
    int is_async;
} Comprehension;
typedef struct { int n; Comprehension **v; } ComprehensionList;

typedef struct {
    Object *name;               /* dotted name "a.b.c" as one str; "*" for star import */
    Object *asname;             /* or NULL */
    Loc loc;
} Alias;
typedef struct { int n; Alias **v; } AliasList;

typedef struct {
    Expr *type;                 /* or NULL for a bare except */
    Object *name;               /* or NULL */
    StmtList body;
    Loc loc;
} ExceptHandler;
typedef struct { int n; ExceptHandler **v; } HandlerList;

typedef struct {
    Expr *context_expr;
    Expr *optional_vars;        /* or NULL */
} WithItem;
typedef struct { int n; WithItem **v; } WithItemList;

typedef enum {
    EXPR_BOOLOP, EXPR_NAMEDEXPR, EXPR_BINOP, EXPR_UNARYOP, EXPR_LAMBDA,
    EXPR_IFEXP, EXPR_DICT, EXPR_SET, EXPR_LISTCOMP, EXPR_SETCOMP,
    EXPR_DICTCOMP, EXPR_GENERATOREXP, EXPR_AWAIT, EXPR_YIELD, EXPR_YIELDFROM,
    EXPR_COMPARE, EXPR_CALL, EXPR_FORMATTEDVALUE, EXPR_JOINEDSTR,
    EXPR_CONSTANT, EXPR_ATTRIBUTE, EXPR_SUBSCRIPT, EXPR_STARRED, EXPR_NAME,
    EXPR_LIST, EXPR_TUPLE, EXPR_SLICE
} ExprKind;

struct Expr {
    ExprKind kind;
    Loc loc;
    union {
        struct { BoolOpKind op; ExprList values; } boolop;
        struct { Expr *target, *value; } namedexpr;
        struct { Expr *left; int op; Expr *right; } binop;       /* op: BINOP_* */
        struct { UnaryOpKind op; Expr *operand; } unaryop;
        struct { Arguments *args; Expr *body; } lambda;
        struct { Expr *test, *body, *orelse; } ifexp;
        struct { ExprList keys, values; } dict;                  /* key NULL: **value */
        struct { ExprList elts; } set;
        struct { Expr *elt; ComprehensionList generators; } comp; /* list/set/generator */
        struct { Expr *key, *value; ComprehensionList generators; } dictcomp;
        struct { Expr *value; } await_, yield, yieldfrom;        /* yield value may be NULL */
        struct { Expr *left; int n; CmpOpKind *ops; ExprList comparators; } compare;
        struct { Expr *func; ExprList args; KeywordList keywords; } call;
        /* conversion: -1 none, 's', 'r', 'a'; format_spec a JoinedStr or NULL */
        struct { Expr *value; int conversion; Expr *format_spec; } formattedvalue;
        struct { ExprList values; } joinedstr;                   /* Constant(str) / FormattedValue */
        struct { Object *value; Object *kind; } constant;        /* kind: "u" for u"" or NULL */
        struct { Expr *value; Object *attr; ExprCtx ctx; } attribute;
        struct { Expr *value, *slice; ExprCtx ctx; } subscript;
        struct { Expr *value; ExprCtx ctx; } starred;
        struct { Object *id; ExprCtx ctx; } name;
        struct { ExprList elts; ExprCtx ctx; } list, tuple;
        struct { Expr *lower, *upper, *step; } slice;            /* each may be NULL */
    } u;
};

typedef enum {
    STMT_FUNCTIONDEF, STMT_ASYNCFUNCTIONDEF, STMT_CLASSDEF, STMT_RETURN,
    STMT_DELETE, STMT_ASSIGN, STMT_AUGASSIGN, STMT_ANNASSIGN, STMT_FOR,
    STMT_ASYNCFOR, STMT_WHILE, STMT_IF, STMT_WITH, STMT_ASYNCWITH, STMT_RAISE,
    STMT_TRY, STMT_ASSERT, STMT_IMPORT, STMT_IMPORTFROM, STMT_GLOBAL,
    STMT_NONLOCAL, STMT_EXPR, STMT_PASS, STMT_BREAK, STMT_CONTINUE
} StmtKind;

struct Stmt {
    StmtKind kind;
    Loc loc;
    union {
        struct { Object *name; Arguments *args; StmtList body; ExprList decorators; Expr *returns; } funcdef;
        struct { Object *name; ExprList bases; KeywordList keywords; StmtList body; ExprList decorators; } classdef;
        struct { Expr *value; } return_;                         /* value may be NULL */
        struct { ExprList targets; } delete_;
        struct { ExprList targets; Expr *value; } assign;        /* a = b = value */
        struct { Expr *target; int op; Expr *value; } augassign; /* op: BINOP_* (not inplace) */
        struct { Expr *target, *annotation, *value; int simple; } annassign;
        struct { Expr *target, *iter; StmtList body, orelse; } for_;
        struct { Expr *test; StmtList body, orelse; } while_, if_;
        struct { WithItemList items; StmtList body; } with;
        struct { Expr *exc, *cause; } raise;                     /* each may be NULL */
        struct { StmtList body; HandlerList handlers; StmtList orelse, finalbody; } try_;
        struct { Expr *test, *msg; } assert_;
        struct { AliasList names; } import;
        struct { Object *module; AliasList names; int level; } importfrom; /* module may be NULL */
        struct { NameList names; } global, nonlocal;
        struct { Expr *value; } expr;
    } u;
};

typedef enum { PARSE_FILE, PARSE_SINGLE, PARSE_EVAL } ParseMode;

typedef struct {
    ParseMode mode;
    StmtList body;              /* PARSE_FILE, PARSE_SINGLE */
    Expr *expr;                 /* PARSE_EVAL */
} Mod;

/* Parses [len] bytes of UTF-8 [src] (need not be NUL-terminated) in [mode].
 * On a syntax error returns NULL with SyntaxError (or IndentationError /
 * TabError) set, its attributes filled as CPython's: msg, filename, lineno,
 * offset (1-based column), text (the source line), end_lineno, end_offset.
 * In PARSE_SINGLE mode, when the input could still become valid by adding
 * lines (an unclosed bracket or triple-quoted string, an unfinished compound
 * statement not yet ended by an empty line), returns NULL with *incomplete
 * set to 1 and no exception set.  [incomplete] may be NULL otherwise. */
Mod *parse_source(Arena *arena, const char *src, size_t len, Object *filename,
                  ParseMode mode, int *incomplete);

#endif
