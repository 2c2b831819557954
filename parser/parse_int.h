/* parse_int.h — what the parts of parser/ share: the parser state, the
 * intermediate values of the grammar, and the functions its actions call.
 *
 *   parser.y   the Bison grammar; its actions build nodes with build.c
 *   build.c    node constructors, target checks, argument lists
 *   strings.c  string literals: decoding, concatenation, f-strings
 *   parse.c    parse_source(), the token feed, SyntaxError construction
 *   arena.c    the arena the tree lives in
 */
#ifndef MEMPY_PARSE_INT_H
#define MEMPY_PARSE_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include "ast.h"
#include "../lexer/lexer.h"

/* ---- growable lists in the arena ---- */

/* Returns a copy of [old] ([n] items of [size] bytes) with room for 2n. */
void *list_grow(Arena *a, void *old, int n, size_t size);
/* Appends [item] to any { int n; T *v; } list whose storage came from
 * list_grow; evaluates to 0, or -1 with MemoryError set. */
#define LIST_APPEND(arena, list, item) \
    ((((list).n & ((list).n - 1)) == 0 \
      && ((list).v = list_grow((arena), (list).v, (list).n, sizeof *(list).v)) == NULL) \
     ? -1 : ((list).v[(list).n++] = (item), 0))

/* ---- intermediate values of the grammar ---- */

typedef struct { int n; Token **v; } TokList;            /* adjacent string tokens */
/* Statements and where their last token ends (a trailing ';' counts, as
 * it does for the end of CPython's compound statements). */
typedef struct { StmtList body; Loc end; } Suite;
typedef struct { ExprList keys, values; } DictItems;
typedef struct { int n; CmpOpKind *v; } CmpOpList;

typedef enum { PARAM_PLAIN, PARAM_STAR, PARAM_DSTAR, PARAM_SLASH } ParamKind;
typedef struct {
    ParamKind kind;
    Arg *arg;                   /* NULL for a bare "*" and for "/" */
    Expr *default_;             /* PARAM_PLAIN only, or NULL */
    Loc loc;
} Param;
typedef struct { int n; Param **v; } ParamList;

typedef enum { ARG_POS, ARG_STAR, ARG_KEYWORD, ARG_DSTAR, ARG_GENEXP } ArgKind;
typedef struct {
    ArgKind kind;
    Expr *value;
    Object *name;               /* ARG_KEYWORD */
    Loc loc;
    Loc for_kw;                 /* ARG_GENEXP: its "for" */
} ArgItem;
typedef struct { int n; ArgItem **v; } ArgItemList;

/* ---- the parser state ---- */

/* The error's text: its source line, that line without its newline, or
 * a text of its own (the "(expr)" of an f-string), with a newline added
 * unless the error came from the lexer. */
typedef enum { ERR_TEXT_LINE, ERR_TEXT_BARE, ERR_TEXT_OWN, ERR_TEXT_OWN_BARE } ErrTextKind;

/* A syntax error waiting to be raised, its location as CPython reports it
 * (offsets 1-based, in bytes until the exception is made). */
typedef struct {
    Type **type;                /* &exc_SyntaxError, ... ; NULL: none yet */
    char msg[200];
    int line, offset, end_line, end_offset;
    ErrTextKind text_kind;
    const char *text;           /* ERR_TEXT_OWN: the text, [text_len] bytes */
    size_t text_len;
    bool from_lexer;            /* found by the lexer */
    bool final;                 /* no scanning of the rest may replace it */
} ParseError;

/* What the parser could have accepted where it failed (parse_syntax_error). */
enum {
    EXPECT_INDENT = 1, EXPECT_COLON = 2, EXPECT_ELSE = 4, EXPECT_HANDLER = 8,
    EXPECT_END = 16
};

typedef struct Parser Parser;
struct Parser {
    Arena *arena;
    Lexer lx;
    ParseMode mode;
    int start_token;            /* TOK_START_* still to hand out, or 0 */
    const char *src;            /* the source, NUL-terminated */
    size_t len;
    Mod *mod;
    Expr *fexpr;                /* result of an f-string expression */
    struct { int n; Token *v; } queue;  /* tokens read ahead of Bison ... */
    int queue_head;             /* ... from this one on */
    int last_read_line;         /* line of the furthest token read */
    bool char_offsets;          /* errors count characters, not bytes */
    Token prev, tok;            /* the two latest tokens handed to Bison */
    int prev2;                  /* the kind of the token before prev */
    int line_first;             /* the kind of the first token of the logical line */
    int param_level;            /* bracket level of an open def parameter list, or 0 */
    Loc comp_tail;              /* the latest comprehension iterable or condition */
    bool line_start;            /* the next token begins a logical line */
    int block_kind, block_line; /* header keyword of the latest compound statement */
    bool in_header;             /* still on the line of that header */
    Loc last_bitor;             /* latest reduced bitwise-or operand ... */
    Expr *last_bitor_expr;      /* ... and its node */
    Loc last_disj, prev_disj;   /* the two latest reduced disjunctions */
    bool assign_paren;          /* the first assignment target was parenthesized */
    bool incomplete;            /* interactive input needs more lines */
    bool nomem;                 /* MemoryError is set */
    Parser *outer;              /* the parser of the enclosing string (f-strings) */
    ParseError err;
};

/* ---- parse.c ---- */
/* Records a SyntaxError at [loc] (offset col + 1, end_offset end_col + 1)
 * unless an error is already recorded; returns NULL. */
void *parse_error_at(Parser *p, Loc loc, const char *fmt, ...);
/* The same with another exception type (&exc_IndentationError, ...). */
void *parse_error_type(Parser *p, Type **type, Loc loc, const char *fmt, ...);
void *parse_nomem(Parser *p);   /* records that MemoryError is set; NULL */
/* Diagnoses the syntax error Bison found at the latest token; [token] is
 * its kind as Bison saw it, [expects] EXPECT_* flags. */
void parse_syntax_error(Parser *p, int token, unsigned expects);
/* Parses the f-string expression [text] (without braces) found at [line],
 * [col] of the source; NULL on error (recorded in [p]). */
Expr *parse_fstring_expr(Parser *p, const char *text, size_t len, int line, int col);
/* A token's location as a Loc. */
Loc token_loc(const Token *t);

/* ---- build.c ---- */
Expr *mk_expr(Parser *p, ExprKind kind, Loc loc);
Stmt *mk_stmt(Parser *p, StmtKind kind, Loc loc);
Expr *mk_constant(Parser *p, Object *value, Loc loc);     /* borrows value (arena-owned) */
Expr *mk_singleton(Parser *p, Object *value, Loc loc);    /* None, True, False, Ellipsis */
Expr *mk_name(Parser *p, Object *id, ExprCtx ctx, Loc loc);
Expr *mk_binop(Parser *p, Expr *left, int op, Expr *right, Loc loc);
Expr *mk_unary(Parser *p, UnaryOpKind op, Expr *operand, Loc loc);
Expr *mk_boolop(Parser *p, BoolOpKind op, Expr *left, Expr *right, Loc loc);
Expr *mk_compare(Parser *p, Expr *left, CmpOpKind op, Expr *right, Loc loc);
int compare_append(Parser *p, Expr *cmp, CmpOpKind op, Expr *right);
Expr *mk_seq(Parser *p, ExprKind kind, ExprList elts, Loc loc);      /* List, Tuple, Set */
Expr *mk_comp(Parser *p, ExprKind kind, Expr *elt, ComprehensionList gens, Loc loc);
Expr *mk_dictcomp(Parser *p, Expr *key, Expr *value, ComprehensionList gens, Loc loc);
Comprehension *mk_comprehension(Parser *p, Expr *target, Expr *iter, int is_async);
Expr *mk_namedexpr(Parser *p, Expr *target, Expr *value, Loc loc);
/* [parens]: the span of the parentheses (a lone generator argument's). */
Expr *mk_call(Parser *p, Expr *func, ArgItemList *args, bool trailing_comma, Loc parens,
              Loc loc);
/* "cannot use assignment expressions with X" */
void *namedexpr_error(Parser *p, const Expr *target);
ArgItem *mk_arg(Parser *p, ArgKind kind, Expr *value, Loc loc);
/* "name=value" in a call; [eq] is where the '=' is. */
ArgItem *mk_kwarg(Parser *p, Expr *name, Loc eq, Expr *value, Loc loc);
Stmt *mk_classdef(Parser *p, Object *name, ArgItemList *args, bool trailing_comma,
                  Loc parens, StmtList body, Loc loc);
/* [colon]: where the lambda's ':' is. */
Expr *mk_lambda(Parser *p, ParamList *params, Loc colon, Expr *body, Loc loc);
Param *mk_param(Parser *p, ParamKind kind, Arg *arg, Expr *default_, Loc loc);
Arg *mk_argdef(Parser *p, Object *name, Expr *annotation, Loc loc);
/* Checks the order of [params]; [lambda_colon] is NULL for a def. */
Arguments *mk_arguments(Parser *p, ParamList *params, const Loc *lambda_colon);
Object *join_dotted(Parser *p, Object *left, Object *right);
Alias *mk_alias(Parser *p, Object *name, Object *asname, Loc loc);
Stmt *mk_assign(Parser *p, ExprList targets, bool first_parenthesized, Expr *value, Loc loc);
/* "cannot assign to X here. Maybe you meant '==' instead of '='?" */
void *target_error_here(Parser *p, const Expr *target);
Stmt *mk_augassign(Parser *p, Expr *target, int op, Expr *value, Loc loc);
Stmt *mk_annassign(Parser *p, Expr *target, bool parenthesized, Expr *annotation,
                   Expr *value, Loc loc);
Stmt *mk_delete(Parser *p, ExprList targets, Loc loc);
Stmt *mk_for(Parser *p, Expr *target, Expr *iter, StmtList body, StmtList orelse, Loc loc);
Stmt *mk_funcdef(Parser *p, Object *name, ParamList *params, Expr *returns,
                 StmtList body, Loc loc);
WithItem *mk_withitem(Parser *p, Expr *context, Expr *vars);
ExceptHandler *mk_handler(Parser *p, Expr *type, Object *name, Suite *body, Loc loc);
/* Sets [ctx] on a target, or records CPython's error for the first part
 * that cannot be one ("cannot assign to literal"); 0 or -1. */
int set_context(Parser *p, Expr *e, ExprCtx ctx);
StmtList stmt_list1(Parser *p, Stmt *s);
int stmts_extend(Parser *p, StmtList *dst, StmtList *src);
/* From the start of [start] to the end of [end]. */
Loc span(Loc start, Loc end);

/* ---- strings.c ---- */
/* The Constant or JoinedStr of adjacent string literals [toks]. */
Expr *parse_strings(Parser *p, TokList *toks, Loc loc);

#endif
