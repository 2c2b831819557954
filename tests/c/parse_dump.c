/* parse_dump.c — prints the AST of Python files as Python's ast.dump() does,
 * or the SyntaxError they raise, so that tests can compare the front end
 * (lexer/, parser/) with CPython 3.11 (tests/parse/run.sh).
 *
 *   parse_dump [-a] [-m exec|single|eval] FILE...
 *   parse_dump [-a] [-m exec|single|eval] -l LIST
 *
 * -a adds the locations (ast.dump(..., include_attributes=True)).  For each
 * file one line: the dump, "Type: msg (lineno, offset, end_lineno,
 * end_offset) 'text'" for an error, or "incomplete" for unfinished
 * interactive input (the REPL's semantics: "single" mode reads like the
 * REPL).  With -l, each line of LIST is a Python str or bytes literal
 * holding one source, parsed as a file named "case.py".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../parser/ast.h"
#include "../../mem/mem.h"
#include "../../vm/errors.h"
#include "../../vm/str.h"
#include "../../vm/interp.h"
#include "../../lib/lib.h"

static bool with_locations;

static void put(const char *s)
{
    fputs(s, stdout);
}

/* Prints repr([o]). */
static void put_repr(Object *o)
{
    Object *r = obj_repr(o);
    const char *s = r ? str_as_utf8(r, NULL) : NULL;
    put(s ? s : "<?>");
    XDECREF(r);
    if (!r)
        err_clear();
}

static void put_loc(Loc loc)
{
    if (with_locations)
        printf(", lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
               loc.line, loc.col, loc.end_line, loc.end_col);
}

static void dump_expr(const Expr *e);
static void dump_stmts(const StmtList *l);

/* ", name=" before every field but the first. */
static void field(const char *name, bool *first)
{
    if (!*first)
        put(", ");
    *first = false;
    printf("%s=", name);
}

static void opt_expr(const char *name, const Expr *e, bool *first)
{
    if (e) {
        field(name, first);
        dump_expr(e);
    }
}

static void opt_name(const char *name, Object *o, bool *first)
{
    if (o) {
        field(name, first);
        put_repr(o);
    }
}

static void expr_list(const ExprList *l)
{
    put("[");
    for (int i = 0; i < l->n; i++) {
        if (i)
            put(", ");
        if (l->v[i])
            dump_expr(l->v[i]);
        else
            put("None");
    }
    put("]");
}

static const char *binop_name(int op)
{
    static const char *const names[] = {
        [BINOP_ADD] = "Add", [BINOP_AND] = "BitAnd", [BINOP_FLOOR_DIVIDE] = "FloorDiv",
        [BINOP_LSHIFT] = "LShift", [BINOP_MATMUL] = "MatMult", [BINOP_MULTIPLY] = "Mult",
        [BINOP_REMAINDER] = "Mod", [BINOP_OR] = "BitOr", [BINOP_POWER] = "Pow",
        [BINOP_RSHIFT] = "RShift", [BINOP_SUBTRACT] = "Sub", [BINOP_TRUE_DIVIDE] = "Div",
        [BINOP_XOR] = "BitXor",
    };
    return names[op];
}

static const char *cmpop_name(CmpOpKind op)
{
    static const char *const names[] = {
        "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"
    };
    return names[op];
}

static const char *ctx_name(ExprCtx ctx)
{
    return ctx == CTX_LOAD ? "Load()" : ctx == CTX_STORE ? "Store()" : "Del()";
}

static void dump_arg(const Arg *a)
{
    bool first = true;
    put("arg(");
    opt_name("arg", a->arg, &first);
    opt_expr("annotation", a->annotation, &first);
    put_loc(a->loc);
    put(")");
}

static void arg_list(const ArgList *l)
{
    put("[");
    for (int i = 0; i < l->n; i++) {
        if (i)
            put(", ");
        dump_arg(l->v[i]);
    }
    put("]");
}

static void dump_arguments(const Arguments *a)
{
    put("arguments(posonlyargs=");
    arg_list(&a->posonlyargs);
    put(", args=");
    arg_list(&a->args);
    if (a->vararg) {
        put(", vararg=");
        dump_arg(a->vararg);
    }
    put(", kwonlyargs=");
    arg_list(&a->kwonlyargs);
    put(", kw_defaults=");
    expr_list(&a->kw_defaults);
    if (a->kwarg) {
        put(", kwarg=");
        dump_arg(a->kwarg);
    }
    put(", defaults=");
    expr_list(&a->defaults);
    put(")");
}

static void keyword_list(const KeywordList *l)
{
    put("[");
    for (int i = 0; i < l->n; i++) {
        bool first = true;
        put(i ? ", keyword(" : "keyword(");
        opt_name("arg", l->v[i]->arg, &first);
        field("value", &first);
        dump_expr(l->v[i]->value);
        put_loc(l->v[i]->loc);
        put(")");
    }
    put("]");
}

static void comprehensions(const ComprehensionList *l)
{
    put("[");
    for (int i = 0; i < l->n; i++) {
        const Comprehension *c = l->v[i];
        put(i ? ", comprehension(target=" : "comprehension(target=");
        dump_expr(c->target);
        put(", iter=");
        dump_expr(c->iter);
        put(", ifs=");
        expr_list(&c->ifs);
        printf(", is_async=%d)", c->is_async);
    }
    put("]");
}

/* Prints the fields of [e], which ast.dump writes inside "Kind(...)". */
static void expr_fields(const Expr *e)
{
    bool first = true;
    switch (e->kind) {
    case EXPR_BOOLOP:
        printf("op=%s, values=", e->u.boolop.op == BOOL_AND ? "And()" : "Or()");
        expr_list(&e->u.boolop.values);
        break;
    case EXPR_NAMEDEXPR:
        put("target=");
        dump_expr(e->u.namedexpr.target);
        put(", value=");
        dump_expr(e->u.namedexpr.value);
        break;
    case EXPR_BINOP:
        put("left=");
        dump_expr(e->u.binop.left);
        printf(", op=%s(), right=", binop_name(e->u.binop.op));
        dump_expr(e->u.binop.right);
        break;
    case EXPR_UNARYOP: {
        static const char *const ops[] = { "Invert", "Not", "UAdd", "USub" };
        printf("op=%s(), operand=", ops[e->u.unaryop.op]);
        dump_expr(e->u.unaryop.operand);
        break;
    }
    case EXPR_LAMBDA:
        put("args=");
        dump_arguments(e->u.lambda.args);
        put(", body=");
        dump_expr(e->u.lambda.body);
        break;
    case EXPR_IFEXP:
        put("test=");
        dump_expr(e->u.ifexp.test);
        put(", body=");
        dump_expr(e->u.ifexp.body);
        put(", orelse=");
        dump_expr(e->u.ifexp.orelse);
        break;
    case EXPR_DICT:
        put("keys=");
        expr_list(&e->u.dict.keys);
        put(", values=");
        expr_list(&e->u.dict.values);
        break;
    case EXPR_SET:
        put("elts=");
        expr_list(&e->u.set.elts);
        break;
    case EXPR_LISTCOMP: case EXPR_SETCOMP: case EXPR_GENERATOREXP:
        put("elt=");
        dump_expr(e->u.comp.elt);
        put(", generators=");
        comprehensions(&e->u.comp.generators);
        break;
    case EXPR_DICTCOMP:
        put("key=");
        dump_expr(e->u.dictcomp.key);
        put(", value=");
        dump_expr(e->u.dictcomp.value);
        put(", generators=");
        comprehensions(&e->u.dictcomp.generators);
        break;
    case EXPR_AWAIT: case EXPR_YIELD: case EXPR_YIELDFROM:
        opt_expr("value", e->u.yield.value, &first);
        break;
    case EXPR_COMPARE:
        put("left=");
        dump_expr(e->u.compare.left);
        put(", ops=[");
        for (int i = 0; i < e->u.compare.n; i++)
            printf("%s%s()", i ? ", " : "", cmpop_name(e->u.compare.ops[i]));
        put("], comparators=");
        expr_list(&e->u.compare.comparators);
        break;
    case EXPR_CALL:
        put("func=");
        dump_expr(e->u.call.func);
        put(", args=");
        expr_list(&e->u.call.args);
        put(", keywords=");
        keyword_list(&e->u.call.keywords);
        break;
    case EXPR_FORMATTEDVALUE:
        put("value=");
        dump_expr(e->u.formattedvalue.value);
        printf(", conversion=%d", e->u.formattedvalue.conversion);
        first = false;
        opt_expr("format_spec", e->u.formattedvalue.format_spec, &first);
        break;
    case EXPR_JOINEDSTR:
        put("values=");
        expr_list(&e->u.joinedstr.values);
        break;
    case EXPR_CONSTANT:
        put("value=");
        put_repr(e->u.constant.value);
        first = false;
        opt_name("kind", e->u.constant.kind, &first);
        break;
    case EXPR_ATTRIBUTE:
        put("value=");
        dump_expr(e->u.attribute.value);
        put(", attr=");
        put_repr(e->u.attribute.attr);
        printf(", ctx=%s", ctx_name(e->u.attribute.ctx));
        break;
    case EXPR_SUBSCRIPT:
        put("value=");
        dump_expr(e->u.subscript.value);
        put(", slice=");
        dump_expr(e->u.subscript.slice);
        printf(", ctx=%s", ctx_name(e->u.subscript.ctx));
        break;
    case EXPR_STARRED:
        put("value=");
        dump_expr(e->u.starred.value);
        printf(", ctx=%s", ctx_name(e->u.starred.ctx));
        break;
    case EXPR_NAME:
        put("id=");
        put_repr(e->u.name.id);
        printf(", ctx=%s", ctx_name(e->u.name.ctx));
        break;
    case EXPR_LIST: case EXPR_TUPLE:
        put("elts=");
        expr_list(&e->u.list.elts);
        printf(", ctx=%s", ctx_name(e->u.list.ctx));
        break;
    case EXPR_SLICE:
        opt_expr("lower", e->u.slice.lower, &first);
        opt_expr("upper", e->u.slice.upper, &first);
        opt_expr("step", e->u.slice.step, &first);
        break;
    }
}

static void dump_expr(const Expr *e)
{
    static const char *const names[] = {
        "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set",
        "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
        "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute",
        "Subscript", "Starred", "Name", "List", "Tuple", "Slice"
    };
    printf("%s(", names[e->kind]);
    expr_fields(e);
    if (with_locations) {
        bool empty = e->kind == EXPR_SLICE && !e->u.slice.lower && !e->u.slice.upper
            && !e->u.slice.step;
        empty |= e->kind == EXPR_YIELD && !e->u.yield.value;
        printf("%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
               empty ? "" : ", ", e->loc.line, e->loc.col, e->loc.end_line, e->loc.end_col);
    }
    put(")");
}

static void dump_funcdef(const Stmt *s)
{
    put("name=");
    put_repr(s->u.funcdef.name);
    put(", args=");
    dump_arguments(s->u.funcdef.args);
    put(", body=");
    dump_stmts(&s->u.funcdef.body);
    put(", decorator_list=");
    expr_list(&s->u.funcdef.decorators);
    if (s->u.funcdef.returns) {
        put(", returns=");
        dump_expr(s->u.funcdef.returns);
    }
}

static void alias_list(const AliasList *l)
{
    put("[");
    for (int i = 0; i < l->n; i++) {
        bool first = true;
        put(i ? ", alias(" : "alias(");
        opt_name("name", l->v[i]->name, &first);
        opt_name("asname", l->v[i]->asname, &first);
        put_loc(l->v[i]->loc);
        put(")");
    }
    put("]");
}

static void name_list(const NameList *l)
{
    put("names=[");
    for (int i = 0; i < l->n; i++) {
        if (i)
            put(", ");
        put_repr(l->v[i]);
    }
    put("]");
}

static void dump_try(const Stmt *s)
{
    put("body=");
    dump_stmts(&s->u.try_.body);
    put(", handlers=[");
    for (int i = 0; i < s->u.try_.handlers.n; i++) {
        const ExceptHandler *h = s->u.try_.handlers.v[i];
        bool first = true;
        put(i ? ", ExceptHandler(" : "ExceptHandler(");
        opt_expr("type", h->type, &first);
        opt_name("name", h->name, &first);
        field("body", &first);
        dump_stmts(&h->body);
        put_loc(h->loc);
        put(")");
    }
    put("], orelse=");
    dump_stmts(&s->u.try_.orelse);
    put(", finalbody=");
    dump_stmts(&s->u.try_.finalbody);
}

static void dump_with(const Stmt *s)
{
    put("items=[");
    for (int i = 0; i < s->u.with.items.n; i++) {
        const WithItem *w = s->u.with.items.v[i];
        put(i ? ", withitem(context_expr=" : "withitem(context_expr=");
        dump_expr(w->context_expr);
        if (w->optional_vars) {
            put(", optional_vars=");
            dump_expr(w->optional_vars);
        }
        put(")");
    }
    put("], body=");
    dump_stmts(&s->u.with.body);
}

/* Prints the fields of [s] (inside "Kind(...)"); false if there are none. */
static bool stmt_fields(const Stmt *s)
{
    bool first = true;
    switch (s->kind) {
    case STMT_FUNCTIONDEF: case STMT_ASYNCFUNCTIONDEF:
        dump_funcdef(s);
        break;
    case STMT_CLASSDEF:
        put("name=");
        put_repr(s->u.classdef.name);
        put(", bases=");
        expr_list(&s->u.classdef.bases);
        put(", keywords=");
        keyword_list(&s->u.classdef.keywords);
        put(", body=");
        dump_stmts(&s->u.classdef.body);
        put(", decorator_list=");
        expr_list(&s->u.classdef.decorators);
        break;
    case STMT_RETURN:
        opt_expr("value", s->u.return_.value, &first);
        return !first;
    case STMT_DELETE:
        put("targets=");
        expr_list(&s->u.delete_.targets);
        break;
    case STMT_ASSIGN:
        put("targets=");
        expr_list(&s->u.assign.targets);
        put(", value=");
        dump_expr(s->u.assign.value);
        break;
    case STMT_AUGASSIGN:
        put("target=");
        dump_expr(s->u.augassign.target);
        printf(", op=%s(), value=", binop_name(s->u.augassign.op));
        dump_expr(s->u.augassign.value);
        break;
    case STMT_ANNASSIGN:
        put("target=");
        dump_expr(s->u.annassign.target);
        put(", annotation=");
        dump_expr(s->u.annassign.annotation);
        first = false;
        opt_expr("value", s->u.annassign.value, &first);
        printf(", simple=%d", s->u.annassign.simple);
        break;
    case STMT_FOR: case STMT_ASYNCFOR:
        put("target=");
        dump_expr(s->u.for_.target);
        put(", iter=");
        dump_expr(s->u.for_.iter);
        put(", body=");
        dump_stmts(&s->u.for_.body);
        put(", orelse=");
        dump_stmts(&s->u.for_.orelse);
        break;
    case STMT_WHILE: case STMT_IF:
        put("test=");
        dump_expr(s->u.if_.test);
        put(", body=");
        dump_stmts(&s->u.if_.body);
        put(", orelse=");
        dump_stmts(&s->u.if_.orelse);
        break;
    case STMT_WITH: case STMT_ASYNCWITH:
        dump_with(s);
        break;
    case STMT_RAISE:
        opt_expr("exc", s->u.raise.exc, &first);
        opt_expr("cause", s->u.raise.cause, &first);
        return !first;
    case STMT_TRY:
        dump_try(s);
        break;
    case STMT_ASSERT:
        put("test=");
        dump_expr(s->u.assert_.test);
        first = false;
        opt_expr("msg", s->u.assert_.msg, &first);
        break;
    case STMT_IMPORT:
        put("names=");
        alias_list(&s->u.import.names);
        break;
    case STMT_IMPORTFROM:
        opt_name("module", s->u.importfrom.module, &first);
        field("names", &first);
        alias_list(&s->u.importfrom.names);
        printf(", level=%d", s->u.importfrom.level);
        break;
    case STMT_GLOBAL: case STMT_NONLOCAL:
        name_list(&s->u.global.names);
        break;
    case STMT_EXPR:
        put("value=");
        dump_expr(s->u.expr.value);
        break;
    case STMT_PASS: case STMT_BREAK: case STMT_CONTINUE:
        return false;
    }
    return true;
}

static void dump_stmt(const Stmt *s)
{
    static const char *const names[] = {
        "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign",
        "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith",
        "Raise", "Try", "Assert", "Import", "ImportFrom", "Global", "Nonlocal", "Expr",
        "Pass", "Break", "Continue"
    };
    bool any;
    printf("%s(", names[s->kind]);
    any = stmt_fields(s);
    if (with_locations)
        printf("%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
               any ? ", " : "", s->loc.line, s->loc.col, s->loc.end_line, s->loc.end_col);
    put(")");
}

static void dump_stmts(const StmtList *l)
{
    put("[");
    for (int i = 0; i < l->n; i++) {
        if (i)
            put(", ");
        dump_stmt(l->v[i]);
    }
    put("]");
}

static void dump_mod(const Mod *m)
{
    if (m->mode == PARSE_EVAL) {
        put("Expression(body=");
        dump_expr(m->expr);
        put(")");
    } else {
        put(m->mode == PARSE_FILE ? "Module(body=" : "Interactive(body=");
        dump_stmts(&m->body);
        put(m->mode == PARSE_FILE ? ", type_ignores=[])" : ")");
    }
}

static void put_attr(Object *exc, const char *name)
{
    Object *v = obj_getattr_str(exc, name);
    if (v) {
        put_repr(v);
        DECREF(v);
    } else {
        err_clear();
        put("?");
    }
}

/* "Type: msg (lineno, offset, end_lineno, end_offset) 'text'" */
static void dump_error(void)
{
    Object *exc = err_fetch();
    Object *msg = obj_getattr_str(exc, "msg");
    printf("%s: %s (", TYPE(exc)->name, msg ? str_as_utf8(msg, NULL) : "?");
    XDECREF(msg);
    put_attr(exc, "lineno");
    put(", ");
    put_attr(exc, "offset");
    put(", ");
    put_attr(exc, "end_lineno");
    put(", ");
    put_attr(exc, "end_offset");
    put(") ");
    put_attr(exc, "text");
    DECREF(exc);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0;
    *len = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (*len == cap) {
            char *nb = mem_raw_realloc(buf, cap = cap ? 2 * cap : 4096);
            if (!nb)
                break;
            buf = nb;
        }
        size_t n = fread(buf + *len, 1, cap - *len, f);
        if (n == 0)
            break;
        *len += n;
    }
    fclose(f);
    return buf;
}

/* Parses [len] bytes of [src] named [path] and prints the result line. */
static int dump_source(const char *src, size_t len, const char *path, ParseMode mode)
{
    Object *name = str_from_cstr(path);
    Arena *arena = arena_new();
    int incomplete = 0;
    Mod *m;
    if (!name || !arena)
        return 1;
    m = parse_source(arena, src, len, name, mode, mode == PARSE_SINGLE ? &incomplete : NULL);
    if (m)
        dump_mod(m);
    else if (incomplete)
        put("incomplete");
    else
        dump_error();
    put("\n");
    arena_free(arena);
    DECREF(name);
    return 0;
}

static int dump_file(const char *path, ParseMode mode)
{
    size_t len;
    char *src = read_file(path, &len);
    int status;
    if (!src) {
        fprintf(stderr, "parse_dump: cannot read %s\n", path);
        return 1;
    }
    status = dump_source(src, len, path, mode);
    mem_raw_free(src);
    return status;
}

/* The value of the str or bytes literal [line] (evaluated by the parser
 * under test itself); NULL if it is none. */
static Object *literal_value(const char *line, size_t len, Arena *arena)
{
    Mod *m = parse_source(arena, line, len, NULL, PARSE_EVAL, NULL);
    if (!m || m->expr->kind != EXPR_CONSTANT) {
        err_clear();
        return NULL;
    }
    return m->expr->u.constant.value;
}

/* Each line of [path] is a literal holding one source. */
static int dump_list(const char *path, ParseMode mode)
{
    size_t len, start = 0;
    char *list = read_file(path, &len);
    int status = 0;
    if (!list) {
        fprintf(stderr, "parse_dump: cannot read %s\n", path);
        return 1;
    }
    while (start < len) {
        size_t end = start;
        Arena *arena;
        Object *v;
        while (end < len && list[end] != '\n')
            end++;
        arena = arena_new();
        v = arena && end > start ? literal_value(list + start, end - start, arena) : NULL;
        if (v && IS_TYPE(v, bytes_type)) {
            status |= dump_source(BYTES_DATA(v), (size_t)SIZE(v), "case.py", mode);
        } else if (v) {
            ssize_t n;
            const char *s = str_as_utf8(v, &n);
            status |= s ? dump_source(s, (size_t)n, "case.py", mode) : 1;
        } else if (end > start) {
            printf("bad case: %.*s\n", (int)(end - start), list + start);
            status = 1;
        }
        if (arena)
            arena_free(arena);
        start = end + 1;
    }
    mem_raw_free(list);
    return status;
}

int main(int argc, char **argv)
{
    ParseMode mode = PARSE_FILE;
    const char *list = NULL;
    int status = 0, i = 1;
    if (mem_init() < 0 || vm_init(lib_modules) < 0)
        return 2;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-a") == 0)
            with_locations = true;
        else if (strcmp(argv[i], "-l") == 0 && i + 1 < argc)
            list = argv[++i];
        else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            mode = strcmp(m, "eval") == 0 ? PARSE_EVAL : strcmp(m, "single") == 0
                ? PARSE_SINGLE : PARSE_FILE;
        }
    }
    if (list)
        status |= dump_list(list, mode);
    for (; i < argc; i++)
        status |= dump_file(argv[i], mode);
    vm_fini();
    return status;
}
