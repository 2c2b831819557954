/* unparse.c — an expression back to source text, as CPython 3.11's
 * ast_unparse.c writes it: under `from __future__ import annotations`,
 * annotations are stored as these strings instead of being evaluated.
 *
 * Every operator is written with single spaces around it, parentheses
 * only where the precedence of the context requires them, constants as
 * their repr (infinities as 1e309), f-strings rebuilt with their braces.
 */
#include <string.h>
#include "internal.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/float.h"
#include "../vm/tuple.h"

/* How strongly the context binds: an expression binding less strongly
 * than its context is parenthesized. */
enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR,
    PR_BXOR, PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT,
    PR_ATOM
};

typedef StrBuilder SB;

static int expr(SB *b, Expr *e, int level);

static int put(SB *b, const char *s)
{
    return sb_add_cstr(b, s);
}

static int put_if(SB *b, bool cond, const char *s)
{
    return cond ? sb_add_cstr(b, s) : 0;
}

/* repr() of a constant; an infinity reads back as 1e309. */
static int put_repr(SB *b, Object *o)
{
    if (IS_TYPE(o, float_type) && (FLOAT_VAL(o) == 1.0 / 0.0 || FLOAT_VAL(o) == -1.0 / 0.0))
        return put(b, FLOAT_VAL(o) > 0 ? "1e309" : "-1e309");
    return sb_add_repr(b, o);
}

static int put_constant(SB *b, Object *o)
{
    if (!IS_TYPE(o, tuple_type))
        return put_repr(b, o);
    TRY(put(b, "("));
    for (ssize_t i = 0; i < SIZE(o); i++) {
        TRY(put_if(b, i > 0, ", "));
        TRY(put_constant(b, TUPLE_GET(o, i)));
    }
    TRY(put_if(b, SIZE(o) == 1, ","));
    return put(b, ")");
}

static int put_list(SB *b, ExprList *l, const char *sep, int level)
{
    for (int i = 0; i < l->n; i++) {
        TRY(put_if(b, i > 0, sep));
        TRY(expr(b, l->v[i], level));
    }
    return 0;
}

static const char *const binop_text[BINOP_COUNT] = {
    [BINOP_ADD] = " + ", [BINOP_SUBTRACT] = " - ", [BINOP_MULTIPLY] = " * ",
    [BINOP_MATMUL] = " @ ", [BINOP_TRUE_DIVIDE] = " / ", [BINOP_REMAINDER] = " % ",
    [BINOP_LSHIFT] = " << ", [BINOP_RSHIFT] = " >> ", [BINOP_OR] = " | ",
    [BINOP_XOR] = " ^ ", [BINOP_AND] = " & ", [BINOP_FLOOR_DIVIDE] = " // ",
    [BINOP_POWER] = " ** ",
};

static const int binop_level[BINOP_COUNT] = {
    [BINOP_ADD] = PR_ARITH, [BINOP_SUBTRACT] = PR_ARITH, [BINOP_MULTIPLY] = PR_TERM,
    [BINOP_MATMUL] = PR_TERM, [BINOP_TRUE_DIVIDE] = PR_TERM, [BINOP_REMAINDER] = PR_TERM,
    [BINOP_LSHIFT] = PR_SHIFT, [BINOP_RSHIFT] = PR_SHIFT, [BINOP_OR] = PR_BOR,
    [BINOP_XOR] = PR_BXOR, [BINOP_AND] = PR_BAND, [BINOP_FLOOR_DIVIDE] = PR_TERM,
    [BINOP_POWER] = PR_POWER,
};

static int binop(SB *b, Expr *e, int level)
{
    int op = e->u.binop.op, pr = binop_level[op];
    int rassoc = op == BINOP_POWER;
    TRY(put_if(b, level > pr, "("));
    TRY(expr(b, e->u.binop.left, pr + rassoc));
    TRY(put(b, binop_text[op]));
    TRY(expr(b, e->u.binop.right, pr + !rassoc));
    return put_if(b, level > pr, ")");
}

static int unaryop(SB *b, Expr *e, int level)
{
    static const char *const text[] = {
        [UNARY_INVERT] = "~", [UNARY_NOT] = "not ", [UNARY_UADD] = "+", [UNARY_USUB] = "-",
    };
    int pr = e->u.unaryop.op == UNARY_NOT ? PR_NOT : PR_FACTOR;
    TRY(put_if(b, level > pr, "("));
    TRY(put(b, text[e->u.unaryop.op]));
    TRY(expr(b, e->u.unaryop.operand, pr));
    return put_if(b, level > pr, ")");
}

static int boolop(SB *b, Expr *e, int level)
{
    bool and_ = e->u.boolop.op == BOOL_AND;
    int pr = and_ ? PR_AND : PR_OR;
    TRY(put_if(b, level > pr, "("));
    TRY(put_list(b, &e->u.boolop.values, and_ ? " and " : " or ", pr + 1));
    return put_if(b, level > pr, ")");
}

static int compare(SB *b, Expr *e, int level)
{
    static const char *const text[] = {
        [CMPOP_EQ] = " == ", [CMPOP_NOTEQ] = " != ", [CMPOP_LT] = " < ",
        [CMPOP_LTE] = " <= ", [CMPOP_GT] = " > ", [CMPOP_GTE] = " >= ",
        [CMPOP_IS] = " is ", [CMPOP_ISNOT] = " is not ", [CMPOP_IN] = " in ",
        [CMPOP_NOTIN] = " not in ",
    };
    TRY(put_if(b, level > PR_CMP, "("));
    TRY(expr(b, e->u.compare.left, PR_CMP + 1));
    for (int i = 0; i < e->u.compare.n; i++) {
        TRY(put(b, text[e->u.compare.ops[i]]));
        TRY(expr(b, e->u.compare.comparators.v[i], PR_CMP + 1));
    }
    return put_if(b, level > PR_CMP, ")");
}

static int arg(SB *b, Arg *a)
{
    TRY(sb_add_str(b, a->arg));
    if (!a->annotation)
        return 0;
    TRY(put(b, ": "));
    return expr(b, a->annotation, PR_TEST);
}

static int sep(SB *b, bool *first)
{
    int r = put_if(b, !*first, ", ");
    *first = false;
    return r;
}

static int positional_args(SB *b, Arguments *a, bool *first)
{
    int nposonly = a->posonlyargs.n, n = nposonly + a->args.n;
    for (int i = 0; i < n; i++) {
        TRY(sep(b, first));
        TRY(arg(b, i < nposonly ? a->posonlyargs.v[i] : a->args.v[i - nposonly]));
        int d = i - n + a->defaults.n;
        if (d >= 0) {
            TRY(put(b, "="));
            TRY(expr(b, a->defaults.v[d], PR_TEST));
        }
        TRY(put_if(b, nposonly && i + 1 == nposonly, ", /"));
    }
    return 0;
}

static int arguments(SB *b, Arguments *a)
{
    bool first = true;
    TRY(positional_args(b, a, &first));
    if (a->vararg || a->kwonlyargs.n) {
        TRY(sep(b, &first));
        TRY(put(b, "*"));
        if (a->vararg)
            TRY(arg(b, a->vararg));
    }
    for (int i = 0; i < a->kwonlyargs.n; i++) {
        TRY(sep(b, &first));
        TRY(arg(b, a->kwonlyargs.v[i]));
        if (a->kw_defaults.v[i]) {
            TRY(put(b, "="));
            TRY(expr(b, a->kw_defaults.v[i], PR_TEST));
        }
    }
    if (a->kwarg) {
        TRY(sep(b, &first));
        TRY(put(b, "**"));
        TRY(arg(b, a->kwarg));
    }
    return 0;
}

static int lambda(SB *b, Expr *e, int level)
{
    Arguments *a = e->u.lambda.args;
    TRY(put_if(b, level > PR_TEST, "("));
    TRY(put(b, a->args.n + a->posonlyargs.n ? "lambda " : "lambda"));
    TRY(arguments(b, a));
    TRY(put(b, ": "));
    TRY(expr(b, e->u.lambda.body, PR_TEST));
    return put_if(b, level > PR_TEST, ")");
}

static int ifexp(SB *b, Expr *e, int level)
{
    TRY(put_if(b, level > PR_TEST, "("));
    TRY(expr(b, e->u.ifexp.body, PR_TEST + 1));
    TRY(put(b, " if "));
    TRY(expr(b, e->u.ifexp.test, PR_TEST + 1));
    TRY(put(b, " else "));
    TRY(expr(b, e->u.ifexp.orelse, PR_TEST));
    return put_if(b, level > PR_TEST, ")");
}

static int dict(SB *b, Expr *e)
{
    TRY(put(b, "{"));
    for (int i = 0; i < e->u.dict.values.n; i++) {
        TRY(put_if(b, i > 0, ", "));
        if (e->u.dict.keys.v[i]) {
            TRY(expr(b, e->u.dict.keys.v[i], PR_TEST));
            TRY(put(b, ": "));
            TRY(expr(b, e->u.dict.values.v[i], PR_TEST));
        } else {
            TRY(put(b, "**"));
            TRY(expr(b, e->u.dict.values.v[i], PR_EXPR));
        }
    }
    return put(b, "}");
}

static int bracketed(SB *b, const char *open, ExprList *l, const char *close)
{
    TRY(put(b, open));
    TRY(put_list(b, l, ", ", PR_TEST));
    return put(b, close);
}

static int tuple(SB *b, Expr *e, int level)
{
    ExprList *l = &e->u.tuple.elts;
    if (l->n == 0)
        return put(b, "()");
    TRY(put_if(b, level > PR_TUPLE, "("));
    TRY(put_list(b, l, ", ", PR_TEST));
    TRY(put_if(b, l->n == 1, ","));
    return put_if(b, level > PR_TUPLE, ")");
}

static int generators(SB *b, ComprehensionList *gens)
{
    for (int i = 0; i < gens->n; i++) {
        Comprehension *g = gens->v[i];
        TRY(put(b, g->is_async ? " async for " : " for "));
        TRY(expr(b, g->target, PR_TUPLE));
        TRY(put(b, " in "));
        TRY(expr(b, g->iter, PR_TEST + 1));
        for (int k = 0; k < g->ifs.n; k++) {
            TRY(put(b, " if "));
            TRY(expr(b, g->ifs.v[k], PR_TEST + 1));
        }
    }
    return 0;
}

static int comprehension(SB *b, Expr *e, const char *open, const char *close)
{
    TRY(put(b, open));
    if (e->kind == EXPR_DICTCOMP) {
        TRY(expr(b, e->u.dictcomp.key, PR_TEST));
        TRY(put(b, ": "));
        TRY(expr(b, e->u.dictcomp.value, PR_TEST));
        TRY(generators(b, &e->u.dictcomp.generators));
    } else {
        TRY(expr(b, e->u.comp.elt, PR_TEST));
        TRY(generators(b, &e->u.comp.generators));
    }
    return put(b, close);
}

static int call(SB *b, Expr *e)
{
    ExprList *args = &e->u.call.args;
    KeywordList *kws = &e->u.call.keywords;
    TRY(expr(b, e->u.call.func, PR_ATOM));
    if (args->n == 1 && kws->n == 0 && args->v[0]->kind == EXPR_GENERATOREXP)
        return comprehension(b, args->v[0], "(", ")");
    TRY(put(b, "("));
    bool first = true;
    for (int i = 0; i < args->n; i++) {
        TRY(sep(b, &first));
        TRY(expr(b, args->v[i], PR_TEST));
    }
    for (int i = 0; i < kws->n; i++) {
        TRY(sep(b, &first));
        if (kws->v[i]->arg) {
            TRY(sb_add_str(b, kws->v[i]->arg));
            TRY(put(b, "="));
        } else {
            TRY(put(b, "**"));
        }
        TRY(expr(b, kws->v[i]->value, PR_TEST));
    }
    return put(b, ")");
}

static int fstring_element(SB *b, Expr *e, bool is_spec);

/* Literal text inside an f-string: braces doubled. */
static int fstring_text(SB *b, Object *s)
{
    for (ssize_t i = 0; i < STR_LEN(s); i++) {
        uint32_t ch = str_read(s, i);
        TRY(sb_add_char(b, ch));
        if (ch == '{' || ch == '}')
            TRY(sb_add_char(b, ch));
    }
    return 0;
}

static int joinedstr(SB *b, Expr *e, bool is_spec)
{
    SB body;
    sb_init(&body);
    for (int i = 0; i < e->u.joinedstr.values.n; i++)
        if (fstring_element(&body, e->u.joinedstr.values.v[i], is_spec) < 0) {
            sb_discard(&body);
            return -1;
        }
    Object *text = sb_finish(&body);
    if (!text)
        return -1;
    int r = is_spec ? sb_add_str(b, text) : put(b, "f") < 0 ? -1 : sb_add_repr(b, text);
    DECREF(text);
    return r;
}

static Object *unparse_at(Expr *e, int level);

static int formattedvalue(SB *b, Expr *e)
{
    /* a lambda needs its parentheses before the ':' of the spec */
    Object *value = unparse_at(e->u.formattedvalue.value, PR_TEST + 1);
    if (!value)
        return -1;
    int r = put(b, STR_LEN(value) && str_read(value, 0) == '{' ? "{ " : "{");
    r = r < 0 ? -1 : sb_add_str(b, value);
    DECREF(value);
    TRY(r);
    switch (e->u.formattedvalue.conversion) {
    case 'a': TRY(put(b, "!a")); break;
    case 'r': TRY(put(b, "!r")); break;
    case 's': TRY(put(b, "!s")); break;
    }
    if (e->u.formattedvalue.format_spec) {
        TRY(put(b, ":"));
        TRY(fstring_element(b, e->u.formattedvalue.format_spec, true));
    }
    return put(b, "}");
}

static int fstring_element(SB *b, Expr *e, bool is_spec)
{
    switch (e->kind) {
    case EXPR_CONSTANT: return fstring_text(b, e->u.constant.value);
    case EXPR_JOINEDSTR: return joinedstr(b, e, is_spec);
    default: return formattedvalue(b, e);
    }
}

static int attribute(SB *b, Expr *e)
{
    Expr *v = e->u.attribute.value;
    TRY(expr(b, v, PR_ATOM));
    /* 1 .real: an int needs the space */
    bool is_int = v->kind == EXPR_CONSTANT && IS_TYPE(v->u.constant.value, int_type);
    TRY(put(b, is_int ? " ." : "."));
    return sb_add_str(b, e->u.attribute.attr);
}

static int slice(SB *b, Expr *e)
{
    if (e->u.slice.lower)
        TRY(expr(b, e->u.slice.lower, PR_TEST));
    TRY(put(b, ":"));
    if (e->u.slice.upper)
        TRY(expr(b, e->u.slice.upper, PR_TEST));
    if (!e->u.slice.step)
        return 0;
    TRY(put(b, ":"));
    return expr(b, e->u.slice.step, PR_TEST);
}

static int subscript(SB *b, Expr *e)
{
    Expr *index = e->u.subscript.slice;
    int level = PR_TUPLE;
    if (index->kind == EXPR_TUPLE)
        for (int i = 0; i < index->u.tuple.elts.n; i++)
            if (index->u.tuple.elts.v[i]->kind == EXPR_STARRED) {
                level++;
                break;
            }
    TRY(expr(b, e->u.subscript.value, PR_ATOM));
    TRY(put(b, "["));
    TRY(expr(b, index, level));
    return put(b, "]");
}

static int yield(SB *b, Expr *e)
{
    Expr *v = e->u.yield.value;
    if (e->kind == EXPR_YIELD && !v)
        return put(b, "(yield)");
    TRY(put(b, e->kind == EXPR_YIELD ? "(yield " : "(yield from "));
    TRY(expr(b, v, PR_TEST));
    return put(b, ")");
}

static int wrapped(SB *b, bool parens, const char *before, Expr *e, int level)
{
    TRY(put_if(b, parens, "("));
    TRY(put(b, before));
    TRY(expr(b, e, level));
    return put_if(b, parens, ")");
}

static int namedexpr(SB *b, Expr *e, int level)
{
    TRY(put_if(b, level > PR_TUPLE, "("));
    TRY(expr(b, e->u.namedexpr.target, PR_ATOM));
    TRY(put(b, " := "));
    TRY(expr(b, e->u.namedexpr.value, PR_ATOM));
    return put_if(b, level > PR_TUPLE, ")");
}

static int constant(SB *b, Expr *e)
{
    if (e->u.constant.value == Ellipsis)
        return put(b, "...");
    if (e->u.constant.kind)
        TRY(sb_add_str(b, e->u.constant.kind));
    return put_constant(b, e->u.constant.value);
}

static int expr(SB *b, Expr *e, int level)
{
    switch (e->kind) {
    case EXPR_BOOLOP: return boolop(b, e, level);
    case EXPR_BINOP: return binop(b, e, level);
    case EXPR_UNARYOP: return unaryop(b, e, level);
    case EXPR_LAMBDA: return lambda(b, e, level);
    case EXPR_IFEXP: return ifexp(b, e, level);
    case EXPR_DICT: return dict(b, e);
    case EXPR_SET: return bracketed(b, "{", &e->u.set.elts, "}");
    case EXPR_GENERATOREXP: return comprehension(b, e, "(", ")");
    case EXPR_LISTCOMP: return comprehension(b, e, "[", "]");
    case EXPR_SETCOMP: case EXPR_DICTCOMP: return comprehension(b, e, "{", "}");
    case EXPR_YIELD: case EXPR_YIELDFROM: return yield(b, e);
    case EXPR_AWAIT: return wrapped(b, level > PR_AWAIT, "await ", e->u.await_.value, PR_ATOM);
    case EXPR_COMPARE: return compare(b, e, level);
    case EXPR_CALL: return call(b, e);
    case EXPR_CONSTANT: return constant(b, e);
    case EXPR_JOINEDSTR: return joinedstr(b, e, false);
    case EXPR_FORMATTEDVALUE: return formattedvalue(b, e);
    case EXPR_ATTRIBUTE: return attribute(b, e);
    case EXPR_SUBSCRIPT: return subscript(b, e);
    case EXPR_STARRED: return wrapped(b, false, "*", e->u.starred.value, PR_EXPR);
    case EXPR_SLICE: return slice(b, e);
    case EXPR_NAME: return sb_add_str(b, e->u.name.id);
    case EXPR_LIST: return bracketed(b, "[", &e->u.list.elts, "]");
    case EXPR_TUPLE: return tuple(b, e, level);
    case EXPR_NAMEDEXPR: return namedexpr(b, e, level);
    }
    return 0;
}

static Object *unparse_at(Expr *e, int level)
{
    SB b;
    sb_init(&b);
    if (expr(&b, e, level) < 0) {
        sb_discard(&b);
        return NULL;
    }
    return sb_finish(&b);
}

Object *comp_unparse(Expr *e)
{
    return unparse_at(e, PR_TEST);
}
