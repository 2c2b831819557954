/* parser.y — the Python 3.11 grammar (without pattern matching), LALR(1).
 *
 * The layering follows Python's grammar: statements, then test (lambda,
 * conditional), or/and/not, comparisons, | ^ & << >> + - * / // % @, unary
 * operators, **, await, primaries and atoms.  Targets are parsed as
 * expressions and turned into targets by set_context() (build.c), which also
 * gives CPython's messages for invalid ones.  Actions build the tree in the
 * parser's arena; node locations are the rule's span, so a parent of a
 * parenthesized expression starts at the parenthesis, as in CPython.
 *
 * One grammar serves all modes: the first token (START_*) chooses a module,
 * an interactive statement, an eval() expression, or the expression of an
 * f-string replacement field.
 *
 * Generated with: bison -Wall -o parser/parser.c --header=parser/parser.h parser/parser.y
 */

%define api.pure full
%define api.token.prefix {TOK_}
%define api.location.type {Loc}
%define parse.error custom
%locations
%param {Parser *p}
%expect 0

%code requires {
#include "parse_int.h"
}

%code provides {
int yylex(YYSTYPE *lval, Loc *lloc, Parser *p);
}

%code top {
#include "../mem/mem.h"
#define YYMALLOC mem_malloc
#define YYFREE mem_free
}

%code {
#include "../vm/int.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N) do { \
        if (N) { \
            (Cur).line = YYRHSLOC(Rhs, 1).line; \
            (Cur).col = YYRHSLOC(Rhs, 1).col; \
            (Cur).end_line = YYRHSLOC(Rhs, N).end_line; \
            (Cur).end_col = YYRHSLOC(Rhs, N).end_col; \
        } else { \
            (Cur).line = (Cur).end_line = YYRHSLOC(Rhs, 0).end_line; \
            (Cur).col = (Cur).end_col = YYRHSLOC(Rhs, 0).end_col; \
        } \
    } while (0)

/* The span from the start of [a] to the end of [b]. */
#define SPAN(a, b) ((Loc){ (a).line, (a).col, (b).end_line, (b).end_col })

/* Ends the parse when a builder failed (it recorded the error). */
#define CHECK(x) do { if (!(x)) YYABORT; } while (0)
#define APPEND(list, item) do { if (LIST_APPEND(p->arena, (list), (item)) < 0) { \
        parse_nomem(p); YYABORT; } } while (0)

static void yyerror(Loc *loc, Parser *p, const char *msg);

static void *unpacking_in_comprehension(Parser *p, Expr *starred)
{
    return parse_error_at(p, starred->loc, "iterable unpacking cannot be used in comprehension");
}
}

%initial-action { @$ = (Loc){ 1, 0, 1, 0 }; }

%union {
    Object *obj;
    Token *tok;
    int op;
    CmpOpKind cmpop;
    Expr *expr;
    Stmt *stmt;
    ExprList exprs;
    StmtList stmts;
    Suite suite;
    NameList names;
    Alias *alias;
    AliasList aliases;
    ExceptHandler *handler;
    HandlerList handlers;
    WithItem *withitem;
    WithItemList withitems;
    ComprehensionList comps;
    Param *param;
    ParamList params;
    ArgItem *argitem;
    ArgItemList argitems;
    DictItems dict;
    TokList toks;
    Arg *argdef;
}

%token <obj> NAME NUMBER
%token <tok> STRING
%token NEWLINE INDENT DEDENT ERRORTOKEN WITH_LPAR
%token START_FILE START_SINGLE START_EVAL START_FSTRING
%token FALSE "False" NONE "None" TRUE "True" AND "and" AS "as" ASSERT "assert"
%token ASYNC "async" AWAIT "await" BREAK "break" CLASS "class" CONTINUE "continue"
%token DEF "def" DEL "del" ELIF "elif" ELSE "else" EXCEPT "except" FINALLY "finally"
%token FOR "for" FROM "from" GLOBAL "global" IF "if" IMPORT "import" IN "in" IS "is"
%token LAMBDA "lambda" NONLOCAL "nonlocal" NOT "not" OR "or" PASS "pass"
%token RAISE "raise" RETURN "return" TRY "try" WHILE "while" WITH "with" YIELD "yield"
%token LPAR "(" RPAR ")" LSQB "[" RSQB "]" LBRACE "{" RBRACE "}"
%token COLON ":" COMMA "," SEMI ";" PLUS "+" MINUS "-" STAR "*" SLASH "/"
%token VBAR "|" AMPER "&" LESS "<" GREATER ">" EQUAL "=" DOT "." PERCENT "%"
%token EQEQUAL "==" NOTEQUAL "!=" LESSEQUAL "<=" GREATEREQUAL ">=" TILDE "~"
%token CIRCUMFLEX "^" LEFTSHIFT "<<" RIGHTSHIFT ">>" DOUBLESTAR "**"
%token PLUSEQUAL "+=" MINEQUAL "-=" STAREQUAL "*=" SLASHEQUAL "/=" PERCENTEQUAL "%="
%token AMPEREQUAL "&=" VBAREQUAL "|=" CIRCUMFLEXEQUAL "^=" LEFTSHIFTEQUAL "<<="
%token RIGHTSHIFTEQUAL ">>=" DOUBLESTAREQUAL "**=" DOUBLESLASH "//"
%token DOUBLESLASHEQUAL "//=" AT "@" ATEQUAL "@=" RARROW "->" ELLIPSIS "..."
%token COLONEQUAL ":="

%nterm <stmts> file_input single_input small_stmts
%nterm <suite> stmt simple_stmts suite stmts elif_tail else_opt finally_opt
%nterm <stmt> small_stmt expr_stmt import_stmt compound_stmt if_stmt while_stmt
%nterm <stmt> for_stmt try_stmt with_stmt funcdef classdef decorated async_stmt
%nterm <exprs> assign_targets decorators tse_items test_items expr_items
%nterm <exprs> star_named_items sub_items
%nterm <expr> testlist_star_expr testlist exprlist yield_or_tse test_or_star
%nterm <expr> expr_or_star star_named star_expr yield_expr namedexpr_test test
%nterm <expr> lambdef or_test or_chain and_test and_chain not_test comparison
%nterm <expr> comp_chain expr xor_expr and_expr shift_expr arith_expr term factor
%nterm <expr> power await_primary primary atom subscriptlist subscript slice
%nterm <expr> test_opt returns decorator
%nterm <op> augassign
%nterm <cmpop> comp_op
%nterm <obj> dotted_name
%nterm <op> dots
%nterm <names> names
%nterm <alias> dotted_as_name import_as_name
%nterm <aliases> dotted_as_names import_as_names import_targets
%nterm <handler> handler
%nterm <handlers> handlers
%nterm <withitem> with_item
%nterm <withitems> with_items
%nterm <comps> comp_for
%nterm <params> params param_items lparams lparam_items
%nterm <param> param lparam
%nterm <argdef> tparam
%nterm <argitem> argument
%nterm <argitems> arg_items
%nterm <dict> dict_items
%nterm <toks> strings

%%

start
    : START_FILE file_input         { p->mod->body = $2; }
    | START_SINGLE single_input     { p->mod->body = $2; }
    | START_EVAL testlist newlines  { p->mod->expr = $2; }
    | START_FSTRING atom NEWLINE    { p->fexpr = $2; }
    ;

file_input
    : %empty                { $$ = (StmtList){ 0, NULL }; }
    | file_input NEWLINE    { $$ = $1; }
    | file_input stmt       { $$ = $1; CHECK(stmts_extend(p, &$$, &$2.body) == 0); }
    ;

newlines
    : %empty
    | newlines NEWLINE
    ;

single_input
    : %empty                            { $$ = (StmtList){ 0, NULL }; }
    | NEWLINE newlines                  { $$ = (StmtList){ 0, NULL }; }
    | simple_stmts newlines             { $$ = $1.body; }
    | compound_stmt NEWLINE newlines    { $$ = stmt_list1(p, $1); CHECK($$.v); }
    ;

/* ---- statements ---- */

stmt
    : simple_stmts
    | compound_stmt     { $$.body = stmt_list1(p, $1); $$.end = $1->loc; CHECK($$.body.v); }
    ;

simple_stmts
    : small_stmts NEWLINE       { $$.body = $1; $$.end = @1; }
    | small_stmts ";" NEWLINE   { $$.body = $1; $$.end = @2; }
    ;

small_stmts
    : small_stmt                    { $$ = stmt_list1(p, $1); CHECK($$.v); }
    | small_stmts ";" small_stmt    { $$ = $1; APPEND($$, $3); }
    ;

small_stmt
    : expr_stmt
    | "del" expr_items              { CHECK($$ = mk_delete(p, $2, @$)); }
    | "del" expr_items ","          { CHECK($$ = mk_delete(p, $2, @$)); }
    | "pass"                        { CHECK($$ = mk_stmt(p, STMT_PASS, @$)); }
    | "break"                       { CHECK($$ = mk_stmt(p, STMT_BREAK, @$)); }
    | "continue"                    { CHECK($$ = mk_stmt(p, STMT_CONTINUE, @$)); }
    | "return"                      { CHECK($$ = mk_stmt(p, STMT_RETURN, @$)); }
    | "return" testlist_star_expr   { CHECK($$ = mk_stmt(p, STMT_RETURN, @$));
                                      $$->u.return_.value = $2; }
    | "raise"                       { CHECK($$ = mk_stmt(p, STMT_RAISE, @$)); }
    | "raise" test                  { CHECK($$ = mk_stmt(p, STMT_RAISE, @$));
                                      $$->u.raise.exc = $2; }
    | "raise" test "from" test      { CHECK($$ = mk_stmt(p, STMT_RAISE, @$));
                                      $$->u.raise.exc = $2; $$->u.raise.cause = $4; }
    | "global" names                { CHECK($$ = mk_stmt(p, STMT_GLOBAL, @$));
                                      $$->u.global.names = $2; }
    | "nonlocal" names              { CHECK($$ = mk_stmt(p, STMT_NONLOCAL, @$));
                                      $$->u.nonlocal.names = $2; }
    | "assert" test                 { CHECK($$ = mk_stmt(p, STMT_ASSERT, @$));
                                      $$->u.assert_.test = $2; }
    | "assert" test "," test        { CHECK($$ = mk_stmt(p, STMT_ASSERT, @$));
                                      $$->u.assert_.test = $2; $$->u.assert_.msg = $4; }
    | import_stmt
    ;

expr_stmt
    : testlist_star_expr            { CHECK($$ = mk_stmt(p, STMT_EXPR, @$));
                                      $$->u.expr.value = $1; }
    | yield_expr                    { CHECK($$ = mk_stmt(p, STMT_EXPR, @$));
                                      $$->u.expr.value = $1; }
    | testlist_star_expr augassign yield_or_tse
                                    { CHECK($$ = mk_augassign(p, $1, $2, $3, @$)); }
    | testlist_star_expr ":" test   { CHECK($$ = mk_annassign(p, $1, @1.col != $1->loc.col
                                                              || @1.line != $1->loc.line,
                                                              $3, NULL, @$)); }
    | testlist_star_expr ":" test "=" yield_or_tse
                                    { CHECK($$ = mk_annassign(p, $1, @1.col != $1->loc.col
                                                              || @1.line != $1->loc.line,
                                                              $3, $5, @$)); }
    | assign_targets yield_or_tse   { CHECK($$ = mk_assign(p, $1, p->assign_paren, $2, @$)); }
    ;

assign_targets
    : testlist_star_expr "="
        { $$ = (ExprList){ 0, NULL }; APPEND($$, $1);
          p->assign_paren = @1.col != $1->loc.col || @1.line != $1->loc.line; }
    | yield_expr "="                            { CHECK(parse_error_at(p, $1->loc,
                                                  "assignment to yield expression not possible")); }
    | assign_targets testlist_star_expr "="     { $$ = $1; APPEND($$, $2); }
    | assign_targets yield_expr "="             { CHECK(parse_error_at(p, $2->loc,
                                                  "assignment to yield expression not possible")); }
    ;

yield_or_tse
    : yield_expr
    | testlist_star_expr
    ;

augassign
    : "+="  { $$ = BINOP_ADD; }
    | "-="  { $$ = BINOP_SUBTRACT; }
    | "*="  { $$ = BINOP_MULTIPLY; }
    | "@="  { $$ = BINOP_MATMUL; }
    | "/="  { $$ = BINOP_TRUE_DIVIDE; }
    | "%="  { $$ = BINOP_REMAINDER; }
    | "&="  { $$ = BINOP_AND; }
    | "|="  { $$ = BINOP_OR; }
    | "^="  { $$ = BINOP_XOR; }
    | "<<=" { $$ = BINOP_LSHIFT; }
    | ">>=" { $$ = BINOP_RSHIFT; }
    | "**=" { $$ = BINOP_POWER; }
    | "//=" { $$ = BINOP_FLOOR_DIVIDE; }
    ;

names
    : NAME              { $$ = (NameList){ 0, NULL }; APPEND($$, $1); }
    | names "," NAME    { $$ = $1; APPEND($$, $3); }
    ;

import_stmt
    : "import" dotted_as_names                          { CHECK($$ = mk_stmt(p, STMT_IMPORT, @$));
                                                          $$->u.import.names = $2; }
    | "from" dotted_name "import" import_targets        { CHECK($$ = mk_stmt(p, STMT_IMPORTFROM, @$));
                                                          $$->u.importfrom.module = $2;
                                                          $$->u.importfrom.names = $4; }
    | "from" dots dotted_name "import" import_targets   { CHECK($$ = mk_stmt(p, STMT_IMPORTFROM, @$));
                                                          $$->u.importfrom.module = $3;
                                                          $$->u.importfrom.names = $5;
                                                          $$->u.importfrom.level = $2; }
    | "from" dots "import" import_targets               { CHECK($$ = mk_stmt(p, STMT_IMPORTFROM, @$));
                                                          $$->u.importfrom.names = $4;
                                                          $$->u.importfrom.level = $2; }
    ;

dots
    : "."           { $$ = 1; }
    | "..."         { $$ = 3; }
    | dots "."      { $$ = $1 + 1; }
    | dots "..."    { $$ = $1 + 3; }
    ;

dotted_name
    : NAME
    | dotted_name "." NAME      { CHECK($$ = join_dotted(p, $1, $3)); }
    ;

dotted_as_name
    : dotted_name               { CHECK($$ = mk_alias(p, $1, NULL, @$)); }
    | dotted_name "as" NAME     { CHECK($$ = mk_alias(p, $1, $3, @$)); }
    ;

dotted_as_names
    : dotted_as_name                        { $$ = (AliasList){ 0, NULL }; APPEND($$, $1); }
    | dotted_as_names "," dotted_as_name    { $$ = $1; APPEND($$, $3); }
    ;

import_as_name
    : NAME              { CHECK($$ = mk_alias(p, $1, NULL, @$)); }
    | NAME "as" NAME    { CHECK($$ = mk_alias(p, $1, $3, @$)); }
    ;

import_as_names
    : import_as_name                        { $$ = (AliasList){ 0, NULL }; APPEND($$, $1); }
    | import_as_names "," import_as_name    { $$ = $1; APPEND($$, $3); }
    ;

import_targets
    : "*"                           { Alias *a;
                                      CHECK(a = mk_alias(p, NULL, NULL, @$));
                                      $$ = (AliasList){ 0, NULL }; APPEND($$, a); }
    | "(" import_as_names ")"       { $$ = $2; }
    | "(" import_as_names "," ")"   { $$ = $2; }
    | import_as_names
    ;

/* ---- compound statements ---- */

compound_stmt
    : if_stmt
    | while_stmt
    | for_stmt
    | try_stmt
    | with_stmt
    | funcdef
    | classdef
    | decorated
    | async_stmt
    ;

suite
    : simple_stmts
    | NEWLINE INDENT stmts DEDENT   { $$ = $3; }
    ;

stmts
    : stmt
    | stmts stmt    { $$ = $1; $$.end = $2.end; CHECK(stmts_extend(p, &$$.body, &$2.body) == 0); }
    ;

/* An empty else part ends where its statement's body does. */
if_stmt
    : "if" namedexpr_test ":" suite elif_tail
        { CHECK($$ = mk_stmt(p, STMT_IF, span(@1, $5.body.n ? $5.end : $4.end)));
          $$->u.if_.test = $2; $$->u.if_.body = $4.body; $$->u.if_.orelse = $5.body; }
    ;

elif_tail
    : %empty                { $$.body = (StmtList){ 0, NULL }; }
    | "else" ":" suite      { $$ = $3; }
    | "elif" namedexpr_test ":" suite elif_tail
        { Stmt *s;
          CHECK(s = mk_stmt(p, STMT_IF, span(@1, $5.body.n ? $5.end : $4.end)));
          s->u.if_.test = $2; s->u.if_.body = $4.body; s->u.if_.orelse = $5.body;
          $$.body = stmt_list1(p, s); $$.end = s->loc; CHECK($$.body.v); }
    ;

else_opt
    : %empty                { $$.body = (StmtList){ 0, NULL }; }
    | "else" ":" suite      { $$ = $3; }
    ;

while_stmt
    : "while" namedexpr_test ":" suite else_opt
        { CHECK($$ = mk_stmt(p, STMT_WHILE, span(@1, $5.body.n ? $5.end : $4.end)));
          $$->u.while_.test = $2; $$->u.while_.body = $4.body; $$->u.while_.orelse = $5.body; }
    ;

for_stmt
    : "for" exprlist "in" testlist_star_expr ":" suite else_opt
        { CHECK($$ = mk_for(p, $2, $4, $6.body, $7.body,
                            span(@1, $7.body.n ? $7.end : $6.end))); }
    ;

try_stmt
    : "try" ":" suite handlers else_opt finally_opt
        { Loc end = $6.body.n ? $6.end : $5.body.n ? $5.end : $4.v[$4.n - 1]->loc;
          CHECK($$ = mk_stmt(p, STMT_TRY, span(@1, end)));
          $$->u.try_.body = $3.body; $$->u.try_.handlers = $4;
          $$->u.try_.orelse = $5.body; $$->u.try_.finalbody = $6.body; }
    | "try" ":" suite "finally" ":" suite
        { CHECK($$ = mk_stmt(p, STMT_TRY, span(@1, $6.end)));
          $$->u.try_.body = $3.body; $$->u.try_.finalbody = $6.body; }
    ;

handlers
    : handler               { $$ = (HandlerList){ 0, NULL }; APPEND($$, $1); }
    | handlers handler      { $$ = $1; APPEND($$, $2); }
    ;

handler
    : "except" ":" suite                        { CHECK($$ = mk_handler(p, NULL, NULL, &$3, @1)); }
    | "except" test ":" suite                   { CHECK($$ = mk_handler(p, $2, NULL, &$4, @1)); }
    | "except" test "as" NAME ":" suite         { CHECK($$ = mk_handler(p, $2, $4, &$6, @1)); }
    ;

finally_opt
    : %empty                { $$.body = (StmtList){ 0, NULL }; }
    | "finally" ":" suite   { $$ = $3; }
    ;

/* WITH_LPAR is a "(" after "with" whose ")" is followed by ":" (parse.c):
 * the parenthesized form of the items. */
with_stmt
    : "with" with_items ":" suite
        { CHECK($$ = mk_stmt(p, STMT_WITH, span(@1, $4.end)));
          $$->u.with.items = $2; $$->u.with.body = $4.body; }
    | "with" WITH_LPAR with_items ")" ":" suite
        { CHECK($$ = mk_stmt(p, STMT_WITH, span(@1, $6.end)));
          $$->u.with.items = $3; $$->u.with.body = $6.body; }
    | "with" WITH_LPAR with_items "," ")" ":" suite
        { CHECK($$ = mk_stmt(p, STMT_WITH, span(@1, $7.end)));
          $$->u.with.items = $3; $$->u.with.body = $7.body; }
    ;

with_items
    : with_item                 { $$ = (WithItemList){ 0, NULL }; APPEND($$, $1); }
    | with_items "," with_item  { $$ = $1; APPEND($$, $3); }
    ;

with_item
    : test              { CHECK($$ = mk_withitem(p, $1, NULL)); }
    | test "as" expr    { CHECK($$ = mk_withitem(p, $1, $3)); }
    ;

funcdef
    : "def" NAME "(" params ")" returns ":" suite
        { CHECK($$ = mk_funcdef(p, $2, &$4, $6, $8.body, span(@1, $8.end))); }
    ;

returns
    : %empty        { $$ = NULL; }
    | "->" test     { $$ = $2; }
    ;

params
    : %empty                { $$ = (ParamList){ 0, NULL }; }
    | param_items
    | param_items ","
    ;

param_items
    : param                     { $$ = (ParamList){ 0, NULL }; APPEND($$, $1); }
    | param_items "," param     { $$ = $1; APPEND($$, $3); }
    ;

param
    : tparam                { CHECK($$ = mk_param(p, PARAM_PLAIN, $1, NULL, @$)); }
    | tparam "=" test       { CHECK($$ = mk_param(p, PARAM_PLAIN, $1, $3, @$)); }
    | "*"                   { CHECK($$ = mk_param(p, PARAM_STAR, NULL, NULL, @$)); }
    | "*" tparam            { CHECK($$ = mk_param(p, PARAM_STAR, $2, NULL, @$)); }
    | "*" NAME ":" star_expr
        { Arg *a; CHECK(a = mk_argdef(p, $2, $4, SPAN(@2, @4)));
          CHECK($$ = mk_param(p, PARAM_STAR, a, NULL, @$)); }
    | "**" tparam           { CHECK($$ = mk_param(p, PARAM_DSTAR, $2, NULL, @$)); }
    | "/"                   { CHECK($$ = mk_param(p, PARAM_SLASH, NULL, NULL, @$)); }
    ;

tparam
    : NAME                  { CHECK($$ = mk_argdef(p, $1, NULL, @$)); }
    | NAME ":" test         { CHECK($$ = mk_argdef(p, $1, $3, @$)); }
    ;

classdef
    : "class" NAME ":" suite
        { CHECK($$ = mk_stmt(p, STMT_CLASSDEF, span(@1, $4.end)));
          $$->u.classdef.name = $2; $$->u.classdef.body = $4.body; }
    | "class" NAME "(" ")" ":" suite
        { CHECK($$ = mk_stmt(p, STMT_CLASSDEF, span(@1, $6.end)));
          $$->u.classdef.name = $2; $$->u.classdef.body = $6.body; }
    | "class" NAME "(" arg_items ")" ":" suite
        { CHECK($$ = mk_classdef(p, $2, &$4, false, SPAN(@3, @5), $7.body, span(@1, $7.end))); }
    | "class" NAME "(" arg_items "," ")" ":" suite
        { CHECK($$ = mk_classdef(p, $2, &$4, true, SPAN(@3, @6), $8.body, span(@1, $8.end))); }
    ;

decorated
    : decorators funcdef    { $$ = $2; $$->u.funcdef.decorators = $1; }
    | decorators classdef   { $$ = $2; $$->u.classdef.decorators = $1; }
    | decorators "async" funcdef
        { $$ = $3; $$->kind = STMT_ASYNCFUNCTIONDEF; $$->u.funcdef.decorators = $1;
          $$->loc.line = @2.line; $$->loc.col = @2.col; }
    ;

decorators
    : decorator                 { $$ = (ExprList){ 0, NULL }; APPEND($$, $1); }
    | decorators decorator      { $$ = $1; APPEND($$, $2); }
    ;

decorator
    : "@" namedexpr_test NEWLINE    { $$ = $2; }
    ;

async_stmt
    : "async" funcdef   { $$ = $2; $$->kind = STMT_ASYNCFUNCTIONDEF; $$->loc.line = @1.line; $$->loc.col = @1.col; }
    | "async" with_stmt { $$ = $2; $$->kind = STMT_ASYNCWITH; $$->loc.line = @1.line; $$->loc.col = @1.col; }
    | "async" for_stmt  { $$ = $2; $$->kind = STMT_ASYNCFOR; $$->loc.line = @1.line; $$->loc.col = @1.col; }
    ;

/* ---- expression lists ---- */

testlist_star_expr
    : tse_items         { CHECK($$ = $1.n == 1 ? $1.v[0] : mk_seq(p, EXPR_TUPLE, $1, @$)); }
    | tse_items ","     { CHECK($$ = mk_seq(p, EXPR_TUPLE, $1, @$)); }
    ;

tse_items
    : test_or_star                  { $$ = (ExprList){ 0, NULL }; APPEND($$, $1); }
    | tse_items "," test_or_star    { $$ = $1; APPEND($$, $3); }
    ;

test_or_star
    : test
    | star_expr
    ;

testlist
    : test_items        { CHECK($$ = $1.n == 1 ? $1.v[0] : mk_seq(p, EXPR_TUPLE, $1, @$)); }
    | test_items ","    { CHECK($$ = mk_seq(p, EXPR_TUPLE, $1, @$)); }
    ;

test_items
    : test                  { $$ = (ExprList){ 0, NULL }; APPEND($$, $1); }
    | test_items "," test   { $$ = $1; APPEND($$, $3); }
    ;

exprlist
    : expr_items        { CHECK($$ = $1.n == 1 ? $1.v[0] : mk_seq(p, EXPR_TUPLE, $1, @$)); }
    | expr_items ","    { CHECK($$ = mk_seq(p, EXPR_TUPLE, $1, @$)); }
    ;

expr_items
    : expr_or_star                  { $$ = (ExprList){ 0, NULL }; APPEND($$, $1); }
    | expr_items "," expr_or_star   { $$ = $1; APPEND($$, $3); }
    ;

expr_or_star
    : expr
    | star_expr
    ;

star_named_items
    : star_named                        { $$ = (ExprList){ 0, NULL }; APPEND($$, $1); }
    | star_named_items "," star_named   { $$ = $1; APPEND($$, $3); }
    ;

star_named
    : namedexpr_test
    | star_expr
    ;

star_expr
    : "*" expr      { CHECK($$ = mk_expr(p, EXPR_STARRED, @$)); $$->u.starred.value = $2; }
    ;

/* ---- expressions ---- */

yield_expr
    : "yield"                       { CHECK($$ = mk_expr(p, EXPR_YIELD, @$)); }
    | "yield" "from" test           { CHECK($$ = mk_expr(p, EXPR_YIELDFROM, @$));
                                      $$->u.yieldfrom.value = $3; }
    | "yield" testlist_star_expr    { CHECK($$ = mk_expr(p, EXPR_YIELD, @$));
                                      $$->u.yield.value = $2; }
    ;

namedexpr_test
    : test
    | test ":=" test    { CHECK($$ = mk_namedexpr(p, $1, $3, @$)); }
    ;

test
    : or_test
    | or_test "if" or_test "else" test
        { CHECK($$ = mk_expr(p, EXPR_IFEXP, @$));
          $$->u.ifexp.test = $3; $$->u.ifexp.body = $1; $$->u.ifexp.orelse = $5; }
    | lambdef
    ;

lambdef
    : "lambda" lparams ":" test     { CHECK($$ = mk_lambda(p, &$2, @3, $4, @$)); }
    ;

lparams
    : %empty                { $$ = (ParamList){ 0, NULL }; }
    | lparam_items
    | lparam_items ","
    ;

lparam_items
    : lparam                    { $$ = (ParamList){ 0, NULL }; APPEND($$, $1); }
    | lparam_items "," lparam   { $$ = $1; APPEND($$, $3); }
    ;

lparam
    : NAME              { Arg *a; CHECK(a = mk_argdef(p, $1, NULL, @1));
                          CHECK($$ = mk_param(p, PARAM_PLAIN, a, NULL, @$)); }
    | NAME "=" test     { Arg *a; CHECK(a = mk_argdef(p, $1, NULL, @1));
                          CHECK($$ = mk_param(p, PARAM_PLAIN, a, $3, @$)); }
    | "*"               { CHECK($$ = mk_param(p, PARAM_STAR, NULL, NULL, @$)); }
    | "*" NAME          { Arg *a; CHECK(a = mk_argdef(p, $2, NULL, @2));
                          CHECK($$ = mk_param(p, PARAM_STAR, a, NULL, @$)); }
    | "**" NAME         { Arg *a; CHECK(a = mk_argdef(p, $2, NULL, @2));
                          CHECK($$ = mk_param(p, PARAM_DSTAR, a, NULL, @$)); }
    | "/"               { CHECK($$ = mk_param(p, PARAM_SLASH, NULL, NULL, @$)); }
    ;

or_test
    : and_test          { $$ = $1; p->prev_disj = p->last_disj; p->last_disj = @1; }
    | or_chain          { $$ = $1; p->prev_disj = p->last_disj; p->last_disj = @1; }
    ;

or_chain
    : and_test "or" and_test    { CHECK($$ = mk_boolop(p, BOOL_OR, $1, $3, @$)); }
    | or_chain "or" and_test    { $$ = $1; $$->loc = @$; APPEND($$->u.boolop.values, $3); }
    ;

and_test
    : not_test
    | and_chain
    ;

and_chain
    : not_test "and" not_test   { CHECK($$ = mk_boolop(p, BOOL_AND, $1, $3, @$)); }
    | and_chain "and" not_test  { $$ = $1; $$->loc = @$; APPEND($$->u.boolop.values, $3); }
    ;

not_test
    : "not" not_test    { CHECK($$ = mk_unary(p, UNARY_NOT, $2, @$)); }
    | comparison
    ;

comparison
    : expr
    | comp_chain
    ;

comp_chain
    : expr comp_op expr         { CHECK($$ = mk_compare(p, $1, $2, $3, @$)); }
    | comp_chain comp_op expr   { $$ = $1; $$->loc = @$; CHECK(compare_append(p, $$, $2, $3) == 0); }
    ;

comp_op
    : "<"           { $$ = CMPOP_LT; }
    | ">"           { $$ = CMPOP_GT; }
    | "=="          { $$ = CMPOP_EQ; }
    | ">="          { $$ = CMPOP_GTE; }
    | "<="          { $$ = CMPOP_LTE; }
    | "!="          { $$ = CMPOP_NOTEQ; }
    | "in"          { $$ = CMPOP_IN; }
    | "not" "in"    { $$ = CMPOP_NOTIN; }
    | "is"          { $$ = CMPOP_IS; }
    | "is" "not"    { $$ = CMPOP_ISNOT; }
    ;

expr
    : xor_expr                  { $$ = $1; p->last_bitor = @$; p->last_bitor_expr = $$; }
    | expr "|" xor_expr         { CHECK($$ = mk_binop(p, $1, BINOP_OR, $3, @$));
                                  p->last_bitor = @$; p->last_bitor_expr = $$; }
    ;

xor_expr
    : and_expr
    | xor_expr "^" and_expr     { CHECK($$ = mk_binop(p, $1, BINOP_XOR, $3, @$)); }
    ;

and_expr
    : shift_expr
    | and_expr "&" shift_expr   { CHECK($$ = mk_binop(p, $1, BINOP_AND, $3, @$)); }
    ;

shift_expr
    : arith_expr
    | shift_expr "<<" arith_expr    { CHECK($$ = mk_binop(p, $1, BINOP_LSHIFT, $3, @$)); }
    | shift_expr ">>" arith_expr    { CHECK($$ = mk_binop(p, $1, BINOP_RSHIFT, $3, @$)); }
    ;

arith_expr
    : term
    | arith_expr "+" term       { CHECK($$ = mk_binop(p, $1, BINOP_ADD, $3, @$)); }
    | arith_expr "-" term       { CHECK($$ = mk_binop(p, $1, BINOP_SUBTRACT, $3, @$)); }
    ;

term
    : factor
    | term "*" factor           { CHECK($$ = mk_binop(p, $1, BINOP_MULTIPLY, $3, @$)); }
    | term "/" factor           { CHECK($$ = mk_binop(p, $1, BINOP_TRUE_DIVIDE, $3, @$)); }
    | term "//" factor          { CHECK($$ = mk_binop(p, $1, BINOP_FLOOR_DIVIDE, $3, @$)); }
    | term "%" factor           { CHECK($$ = mk_binop(p, $1, BINOP_REMAINDER, $3, @$)); }
    | term "@" factor           { CHECK($$ = mk_binop(p, $1, BINOP_MATMUL, $3, @$)); }
    ;

factor
    : "+" factor                { CHECK($$ = mk_unary(p, UNARY_UADD, $2, @$)); }
    | "-" factor                { CHECK($$ = mk_unary(p, UNARY_USUB, $2, @$)); }
    | "~" factor                { CHECK($$ = mk_unary(p, UNARY_INVERT, $2, @$)); }
    | power
    ;

power
    : await_primary
    | await_primary "**" factor { CHECK($$ = mk_binop(p, $1, BINOP_POWER, $3, @$)); }
    ;

await_primary
    : "await" primary   { CHECK($$ = mk_expr(p, EXPR_AWAIT, @$)); $$->u.await_.value = $2; }
    | primary
    ;

primary
    : atom
    | primary "." NAME
        { CHECK($$ = mk_expr(p, EXPR_ATTRIBUTE, @$));
          $$->u.attribute.value = $1; $$->u.attribute.attr = $3; }
    | primary "(" ")"
        { ArgItemList none = { 0, NULL };
          CHECK($$ = mk_call(p, $1, &none, false, @$, @$)); }
    | primary "(" arg_items ")"
        { CHECK($$ = mk_call(p, $1, &$3, false, SPAN(@2, @4), @$)); }
    | primary "(" arg_items "," ")"
        { CHECK($$ = mk_call(p, $1, &$3, true, SPAN(@2, @5), @$)); }
    | primary "[" subscriptlist "]"
        { CHECK($$ = mk_expr(p, EXPR_SUBSCRIPT, @$));
          $$->u.subscript.value = $1; $$->u.subscript.slice = $3; }
    ;

atom
    : NAME                  { CHECK($$ = mk_name(p, $1, CTX_LOAD, @$)); }
    | NUMBER                { CHECK($$ = mk_constant(p, $1, @$)); }
    | strings               { CHECK($$ = parse_strings(p, &$1, @$)); }
    | "..."                 { CHECK($$ = mk_singleton(p, Ellipsis, @$)); }
    | "None"                { CHECK($$ = mk_singleton(p, None, @$)); }
    | "True"                { CHECK($$ = mk_singleton(p, True, @$)); }
    | "False"               { CHECK($$ = mk_singleton(p, False, @$)); }
    | "(" ")"               { CHECK($$ = mk_seq(p, EXPR_TUPLE, (ExprList){ 0, NULL }, @$)); }
    | "(" yield_expr ")"    { $$ = $2; }
    | "(" star_named_items ")"
        { if ($2.n > 1) {
              CHECK($$ = mk_seq(p, EXPR_TUPLE, $2, @$));
          } else if ($2.v[0]->kind == EXPR_STARRED) {
              CHECK(parse_error_at(p, $2.v[0]->loc, "cannot use starred expression here"));
          } else {
              $$ = $2.v[0];
          } }
    | "(" star_named_items "," ")"          { CHECK($$ = mk_seq(p, EXPR_TUPLE, $2, @$)); }
    | "(" namedexpr_test comp_for ")"       { CHECK($$ = mk_comp(p, EXPR_GENERATOREXP, $2, $3, @$)); }
    | "(" star_expr comp_for ")"            { CHECK(unpacking_in_comprehension(p, $2)); }
    | "[" star_expr comp_for "]"            { CHECK(unpacking_in_comprehension(p, $2)); }
    | "{" star_expr comp_for "}"            { CHECK(unpacking_in_comprehension(p, $2)); }
    | "{" "**" expr comp_for "}"
        { CHECK(parse_error_at(p, SPAN(@2, @3),
                               "dict unpacking cannot be used in dict comprehension")); }
    | "[" "]"                               { CHECK($$ = mk_seq(p, EXPR_LIST, (ExprList){ 0, NULL }, @$)); }
    | "[" star_named_items "]"              { CHECK($$ = mk_seq(p, EXPR_LIST, $2, @$)); }
    | "[" star_named_items "," "]"          { CHECK($$ = mk_seq(p, EXPR_LIST, $2, @$)); }
    | "[" namedexpr_test comp_for "]"       { CHECK($$ = mk_comp(p, EXPR_LISTCOMP, $2, $3, @$)); }
    | "{" "}"               { CHECK($$ = mk_expr(p, EXPR_DICT, @$)); }
    | "{" dict_items "}"    { CHECK($$ = mk_expr(p, EXPR_DICT, @$));
                              $$->u.dict.keys = $2.keys; $$->u.dict.values = $2.values; }
    | "{" dict_items "," "}"
                            { CHECK($$ = mk_expr(p, EXPR_DICT, @$));
                              $$->u.dict.keys = $2.keys; $$->u.dict.values = $2.values; }
    | "{" star_named_items "}"              { CHECK($$ = mk_seq(p, EXPR_SET, $2, @$)); }
    | "{" star_named_items "," "}"          { CHECK($$ = mk_seq(p, EXPR_SET, $2, @$)); }
    | "{" namedexpr_test comp_for "}"       { CHECK($$ = mk_comp(p, EXPR_SETCOMP, $2, $3, @$)); }
    | "{" test ":" test comp_for "}"        { CHECK($$ = mk_dictcomp(p, $2, $4, $5, @$)); }
    ;

strings
    : STRING            { $$ = (TokList){ 0, NULL }; APPEND($$, $1); }
    | strings STRING    { $$ = $1; APPEND($$, $2); }
    ;

dict_items
    : test ":" test
        { $$ = (DictItems){ { 0, NULL }, { 0, NULL } };
          APPEND($$.keys, $1); APPEND($$.values, $3); }
    | "**" expr
        { $$ = (DictItems){ { 0, NULL }, { 0, NULL } };
          APPEND($$.keys, NULL); APPEND($$.values, $2); }
    | dict_items "," test ":" test  { $$ = $1; APPEND($$.keys, $3); APPEND($$.values, $5); }
    | dict_items "," "**" expr      { $$ = $1; APPEND($$.keys, NULL); APPEND($$.values, $4); }
    ;

comp_for
    : "for" exprlist "in" or_test
        { Comprehension *c; CHECK(c = mk_comprehension(p, $2, $4, 0));
          $$ = (ComprehensionList){ 0, NULL }; APPEND($$, c); p->comp_tail = @4; }
    | "async" "for" exprlist "in" or_test
        { Comprehension *c; CHECK(c = mk_comprehension(p, $3, $5, 1));
          $$ = (ComprehensionList){ 0, NULL }; APPEND($$, c); p->comp_tail = @5; }
    | comp_for "for" exprlist "in" or_test
        { Comprehension *c; CHECK(c = mk_comprehension(p, $3, $5, 0));
          $$ = $1; APPEND($$, c); p->comp_tail = @5; }
    | comp_for "async" "for" exprlist "in" or_test
        { Comprehension *c; CHECK(c = mk_comprehension(p, $4, $6, 1));
          $$ = $1; APPEND($$, c); p->comp_tail = @6; }
    | comp_for "if" or_test
        { $$ = $1; APPEND($$.v[$$.n - 1]->ifs, $3); p->comp_tail = @3; }
    ;

subscriptlist
    : sub_items         { CHECK($$ = $1.n == 1 && $1.v[0]->kind != EXPR_STARRED ? $1.v[0]
                                 : mk_seq(p, EXPR_TUPLE, $1, @$)); }
    | sub_items ","     { CHECK($$ = mk_seq(p, EXPR_TUPLE, $1, @$)); }
    ;

sub_items
    : subscript                 { $$ = (ExprList){ 0, NULL }; APPEND($$, $1); }
    | sub_items "," subscript   { $$ = $1; APPEND($$, $3); }
    ;

subscript
    : namedexpr_test
    | star_expr
    | slice
    ;

/* A slice starts at its lower bound, or at the ':' when there is none. */
slice
    : test_opt ":" test_opt
        { CHECK($$ = mk_expr(p, EXPR_SLICE, $1 ? @$ : SPAN(@2, @$)));
          $$->u.slice.lower = $1; $$->u.slice.upper = $3; }
    | test_opt ":" test_opt ":" test_opt
        { CHECK($$ = mk_expr(p, EXPR_SLICE, $1 ? @$ : SPAN(@2, @$)));
          $$->u.slice.lower = $1; $$->u.slice.upper = $3; $$->u.slice.step = $5; }
    ;

test_opt
    : %empty    { $$ = NULL; }
    | test
    ;

arg_items
    : argument                  { $$ = (ArgItemList){ 0, NULL }; APPEND($$, $1); }
    | arg_items "," argument    { $$ = $1; APPEND($$, $3); }
    ;

argument
    : namedexpr_test    { CHECK($$ = mk_arg(p, ARG_POS, $1, @$)); }
    | test comp_for     { Expr *g; CHECK(g = mk_comp(p, EXPR_GENERATOREXP, $1, $2, @$));
                          CHECK($$ = mk_arg(p, ARG_GENEXP, g, @$));
                          $$->for_kw = (Loc){ @2.line, @2.col, @2.line, @2.col + 3 }; }
    | test "=" test     { CHECK($$ = mk_kwarg(p, $1, @2, $3, @$)); }
    | "*" test          { Expr *s; CHECK(s = mk_expr(p, EXPR_STARRED, @$));
                          s->u.starred.value = $2;
                          CHECK($$ = mk_arg(p, ARG_STAR, s, @$)); }
    | "**" test         { CHECK($$ = mk_arg(p, ARG_DSTAR, $2, @$)); }
    ;

%%

static int yyreport_syntax_error(const yypcontext_t *ctx, Parser *p)
{
    yysymbol_kind_t expected[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
    unsigned expects = 0;
    bool elif = false;
    for (int i = 0; i < n; i++) {
        switch (expected[i]) {
        case YYSYMBOL_INDENT: expects |= EXPECT_INDENT; break;
        case YYSYMBOL_COLON: expects |= EXPECT_COLON; break;
        case YYSYMBOL_ELSE: expects |= EXPECT_ELSE; break;
        case YYSYMBOL_EXCEPT: expects |= EXPECT_HANDLER; break;
        case YYSYMBOL_ELIF: elif = true; break;
        case YYSYMBOL_YYEOF: expects |= EXPECT_END; break;
        default: break;
        }
    }
    if (elif)
        expects &= ~(unsigned)EXPECT_ELSE;
    parse_syntax_error(p, yypcontext_token(ctx) == YYSYMBOL_YYEOF ? TOK_YYEOF : p->tok.kind,
                       expects);
    return 0;
}

static void yyerror(Loc *loc, Parser *p, const char *msg)
{
    (void)loc;
    (void)msg;
    parse_nomem(p);
}
