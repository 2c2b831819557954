/* compile_expr.c — code generation for expressions, in CPython 3.11's
 * shapes: operators, comparisons (chained ones keep the middle operand
 * with COPY/SWAP), boolean operators and conditional jumps, calls
 * (LOAD_METHOD for obj.meth(...), KW_NAMES for keywords, CALL_FUNCTION_EX
 * for * and **), displays with unpacking, f-strings, comprehensions and
 * generator expressions (nested functions called with the outermost
 * iterator), yield, assignment targets and unpacking.
 */
#include "internal.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/tuple.h"
#include "../vm/set.h"
#include "../vm/int.h"
#include "../vm/float.h"
#include "../vm/generator.h"

static int visit_opt_or_none(Compiler *c, Expr *e)
{
    return e ? comp_visit_expr(c, e) : comp_load_const(c, None);
}

int comp_visit_exprs(Compiler *c, ExprList *l)
{
    for (int i = 0; i < l->n; i++)
        TRY(comp_visit_expr(c, l->v[i]));
    return 0;
}

void comp_attr_loc(Compiler *c, Expr *attr)
{
    CodeLoc *l = &c->u->loc;
    if (l->line == attr->loc.end_line)
        return;
    int len = (int)STR_LEN(attr->u.attribute.attr);
    l->line = attr->loc.end_line;
    if (len <= attr->loc.end_col) {
        l->col = attr->loc.end_col - len;
    } else {
        l->col = -1;
        l->end_col = -1;
    }
    if (l->end_line < l->line)
        l->end_line = l->line;
    if (l->line == l->end_line && l->end_col < l->col)
        l->end_col = l->col;
}

/* ---- warnings about literals ---- */

/* The type a display, comprehension or literal evaluates to, or NULL. */
static Type *infer_type(Expr *e)
{
    switch (e->kind) {
    case EXPR_TUPLE: return &tuple_type;
    case EXPR_LIST: case EXPR_LISTCOMP: return &list_type;
    case EXPR_DICT: case EXPR_DICTCOMP: return &dict_type;
    case EXPR_SET: case EXPR_SETCOMP: return &set_type;
    case EXPR_GENERATOREXP: return &generator_type;
    case EXPR_LAMBDA: return &function_type;
    case EXPR_JOINEDSTR: case EXPR_FORMATTEDVALUE: return &str_type;
    case EXPR_CONSTANT: return TYPE(e->u.constant.value);
    default: return NULL;
    }
}

static int warn_about_type(Compiler *c, const char *fmt, Type *t, Type *t2)
{
    Object *a = str_from_cstr(t->name), *b = t2 ? str_from_cstr(t2->name) : NULL;
    int r = a && (b || !t2) ? comp_warn(c, fmt, a, b) : -1;
    XDECREF(a);
    XDECREF(b);
    return r;
}

/* Whether [e] is a literal other than None, True, False and ... */
static bool is_literal(Expr *e)
{
    if (e->kind != EXPR_CONSTANT)
        return false;
    Object *v = e->u.constant.value;
    return v != None && v != True && v != False && v != Ellipsis;
}

static int check_compare(Compiler *c, Expr *e)
{
    bool left = is_literal(e->u.compare.left);
    for (int i = 0; i < e->u.compare.n; i++) {
        CmpOpKind op = e->u.compare.ops[i];
        bool right = is_literal(e->u.compare.comparators.v[i]);
        if ((op == CMPOP_IS || op == CMPOP_ISNOT) && (left || right))
            return comp_warn(c, op == CMPOP_IS
                ? "\"is\" with a literal. Did you mean \"==\"?"
                : "\"is not\" with a literal. Did you mean \"!=\"?", NULL, NULL);
        left = right;
    }
    return 0;
}

static int check_caller(Compiler *c, Expr *func)
{
    switch (func->kind) {
    case EXPR_CONSTANT: case EXPR_TUPLE: case EXPR_LIST: case EXPR_LISTCOMP: case EXPR_DICT:
    case EXPR_DICTCOMP: case EXPR_SET: case EXPR_SETCOMP: case EXPR_GENERATOREXP:
    case EXPR_JOINEDSTR: case EXPR_FORMATTEDVALUE:
        return warn_about_type(c, "'%U' object is not callable; perhaps you missed a comma?",
                               infer_type(func), NULL);
    default:
        return 0;
    }
}

static int check_subscripter(Compiler *c, Expr *value)
{
    if (value->kind == EXPR_CONSTANT) {
        Object *v = value->u.constant.value;
        if (!(v == None || v == Ellipsis || TYPE_CHECK(v, int_type) ||
              TYPE_CHECK(v, float_type) || TYPE_CHECK(v, set_type) ||
              TYPE_CHECK(v, frozenset_type)))
            return 0;
    } else if (value->kind != EXPR_SET && value->kind != EXPR_SETCOMP &&
               value->kind != EXPR_GENERATOREXP && value->kind != EXPR_LAMBDA) {
        return 0;
    }
    return warn_about_type(c, "'%U' object is not subscriptable; perhaps you missed a comma?",
                           infer_type(value), NULL);
}

static bool is_sequence_literal(Expr *value)
{
    switch (value->kind) {
    case EXPR_CONSTANT: {
        Object *v = value->u.constant.value;
        return TYPE_CHECK(v, str_type) || TYPE_CHECK(v, bytes_type) ||
               TYPE_CHECK(v, tuple_type);
    }
    case EXPR_TUPLE: case EXPR_LIST: case EXPR_LISTCOMP: case EXPR_JOINEDSTR:
    case EXPR_FORMATTEDVALUE:
        return true;
    default:
        return false;
    }
}

static int check_index(Compiler *c, Expr *value, Expr *index)
{
    Type *t = infer_type(index);
    if (!t || (t->flags & TPFLAG_LONG_SUBCLASS) || t == &slice_type || !is_sequence_literal(value))
        return 0;
    return warn_about_type(c, "%U indices must be integers or slices, not %U; "
                           "perhaps you missed a comma?", infer_type(value), t);
}

/* ---- comparisons and conditions ---- */

static int add_compare(Compiler *c, CmpOpKind op)
{
    static const int cmp[] = {
        [CMPOP_EQ] = CMP_EQ, [CMPOP_NOTEQ] = CMP_NE, [CMPOP_LT] = CMP_LT,
        [CMPOP_LTE] = CMP_LE, [CMPOP_GT] = CMP_GT, [CMPOP_GTE] = CMP_GE,
    };
    switch (op) {
    case CMPOP_IS: return comp_addop_i(c, OP_IS_OP, 0);
    case CMPOP_ISNOT: return comp_addop_i(c, OP_IS_OP, 1);
    case CMPOP_IN: return comp_addop_i(c, OP_CONTAINS_OP, 0);
    case CMPOP_NOTIN: return comp_addop_i(c, OP_CONTAINS_OP, 1);
    default: return comp_addop_i(c, OP_COMPARE_OP, cmp[op]);
    }
}

/* a < b < c: each middle operand is kept (SWAP, COPY) for the next test;
 * a failing test jumps with [jump_op] to [cleanup], which drops it. */
static int compare_chain(Compiler *c, Expr *e, int jump_op, Block *cleanup)
{
    int n = e->u.compare.n - 1;
    for (int i = 0; i < n; i++) {
        TRY(comp_visit_expr(c, e->u.compare.comparators.v[i]));
        TRY(comp_addop_i(c, OP_SWAP, 2));
        TRY(comp_addop_i(c, OP_COPY, 2));
        TRY(add_compare(c, e->u.compare.ops[i]));
        TRY(comp_addop_j(c, jump_op, cleanup));
    }
    TRY(comp_visit_expr(c, e->u.compare.comparators.v[n]));
    return add_compare(c, e->u.compare.ops[n]);
}

static int visit_compare(Compiler *c, Expr *e)
{
    TRY(check_compare(c, e));
    TRY(comp_visit_expr(c, e->u.compare.left));
    if (e->u.compare.n == 1) {
        TRY(comp_visit_expr(c, e->u.compare.comparators.v[0]));
        return add_compare(c, e->u.compare.ops[0]);
    }
    Block *cleanup = comp_new_block(c), *end = cleanup ? comp_new_block(c) : NULL;
    if (!end)
        return -1;
    TRY(compare_chain(c, e, OP_JUMP_IF_FALSE_OR_POP, cleanup));
    TRY(comp_addop_j_noline(c, OP_JUMP, end));
    comp_use_block(c, cleanup);
    TRY(comp_addop_i(c, OP_SWAP, 2));
    TRY(comp_addop(c, OP_POP_TOP));
    comp_use_block(c, end);
    return 0;
}

static int jump_if_compare(Compiler *c, Expr *e, Block *next, bool cond)
{
    comp_set_loc(c, e->loc);
    TRY(check_compare(c, e));
    Block *cleanup = comp_new_block(c), *end = cleanup ? comp_new_block(c) : NULL;
    if (!end)
        return -1;
    TRY(comp_visit_expr(c, e->u.compare.left));
    TRY(compare_chain(c, e, OP_POP_JUMP_IF_FALSE, cleanup));
    TRY(comp_addop_j(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next));
    TRY(comp_addop_j_noline(c, OP_JUMP, end));
    comp_use_block(c, cleanup);
    TRY(comp_addop(c, OP_POP_TOP));
    if (!cond)
        TRY(comp_addop_j_noline(c, OP_JUMP, next));
    comp_use_block(c, end);
    return 0;
}

static int jump_if_boolop(Compiler *c, Expr *e, Block *next, bool cond)
{
    ExprList *values = &e->u.boolop.values;
    bool cond2 = e->u.boolop.op == BOOL_OR;
    Block *next2 = next;
    if (cond2 != cond && !(next2 = comp_new_block(c)))
        return -1;
    for (int i = 0; i < values->n - 1; i++)
        TRY(comp_jump_if(c, values->v[i], next2, cond2));
    TRY(comp_jump_if(c, values->v[values->n - 1], next, cond));
    if (next2 != next)
        comp_use_block(c, next2);
    return 0;
}

static int jump_if_ifexp(Compiler *c, Expr *e, Block *next, bool cond)
{
    Block *end = comp_new_block(c), *next2 = end ? comp_new_block(c) : NULL;
    if (!next2)
        return -1;
    TRY(comp_jump_if(c, e->u.ifexp.test, next2, false));
    TRY(comp_jump_if(c, e->u.ifexp.body, next, cond));
    TRY(comp_addop_j_noline(c, OP_JUMP, end));
    comp_use_block(c, next2);
    TRY(comp_jump_if(c, e->u.ifexp.orelse, next, cond));
    comp_use_block(c, end);
    return 0;
}

int comp_jump_if(Compiler *c, Expr *e, Block *next, bool cond)
{
    switch (e->kind) {
    case EXPR_UNARYOP:
        if (e->u.unaryop.op == UNARY_NOT)
            return comp_jump_if(c, e->u.unaryop.operand, next, !cond);
        break;
    case EXPR_BOOLOP:
        return jump_if_boolop(c, e, next, cond);
    case EXPR_IFEXP:
        return jump_if_ifexp(c, e, next, cond);
    case EXPR_COMPARE:
        if (e->u.compare.n > 1)
            return jump_if_compare(c, e, next, cond);
        comp_set_loc(c, e->loc);
        break;
    default:
        break;
    }
    TRY(comp_visit_expr(c, e));
    return comp_addop_j(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next);
}

static int visit_boolop(Compiler *c, Expr *e)
{
    ExprList *values = &e->u.boolop.values;
    int jump = e->u.boolop.op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
    Block *end = comp_new_block(c);
    if (!end)
        return -1;
    for (int i = 0; i < values->n - 1; i++) {
        TRY(comp_visit_expr(c, values->v[i]));
        TRY(comp_addop_j(c, jump, end));
        Block *next = comp_new_block(c);
        if (!next)
            return -1;
        comp_use_block(c, next);
    }
    TRY(comp_visit_expr(c, values->v[values->n - 1]));
    comp_use_block(c, end);
    return 0;
}

static int visit_ifexp(Compiler *c, Expr *e)
{
    Block *end = comp_new_block(c), *next = end ? comp_new_block(c) : NULL;
    if (!next)
        return -1;
    TRY(comp_jump_if(c, e->u.ifexp.test, next, false));
    TRY(comp_visit_expr(c, e->u.ifexp.body));
    TRY(comp_addop_j_noline(c, OP_JUMP, end));
    comp_use_block(c, next);
    TRY(comp_visit_expr(c, e->u.ifexp.orelse));
    comp_use_block(c, end);
    return 0;
}

/* ---- displays and unpacking ---- */

static bool all_constants(ExprList *l, int begin, int end)
{
    for (int i = begin; i < end; i++)
        if (!l->v[i] || l->v[i]->kind != EXPR_CONSTANT)
            return false;
    return true;
}

static Object *constants_tuple(ExprList *l, int begin, int end)
{
    Object *t = tuple_new(end - begin);
    if (t)
        for (int i = begin; i < end; i++)
            TUPLE_ITEMS(t)[i - begin] = NEWREF(l->v[i]->u.constant.value);
    return t;
}

static bool has_starred(ExprList *l)
{
    for (int i = 0; i < l->n; i++)
        if (l->v[i]->kind == EXPR_STARRED)
            return true;
    return false;
}

/* Three or more constants: one constant tuple (or frozenset) extended
 * into a new list/set, or the tuple itself. */
static int folded_display(Compiler *c, ExprList *elts, int pushed, int build,
                          int extend, bool tuple)
{
    Object *folded = constants_tuple(elts, 0, elts->n);
    if (tuple && !pushed)
        return comp_load_const_new(c, folded);
    if (folded && build == OP_BUILD_SET) {
        Object *set = frozenset_new(folded);
        DECREF(folded);
        folded = set;
    }
    if (!folded)
        return -1;
    TRY(comp_addop_i(c, build, pushed));
    TRY(comp_load_const_new(c, folded));
    TRY(comp_addop_i(c, extend, 1));
    return tuple ? comp_addop(c, OP_LIST_TO_TUPLE) : 0;
}

/* Builds a list, set or tuple display of [elts] after [pushed] items
 * already on the stack; starred items are unpacked into it. */
static int starunpack(Compiler *c, ExprList *elts, int pushed, int build, int add,
                      int extend, bool tuple)
{
    int n = elts->n;
    if (n > 2 && all_constants(elts, 0, n))
        return folded_display(c, elts, pushed, build, extend, tuple);
    bool big = n + pushed > STACK_USE_GUIDELINE, built = big;
    if (!has_starred(elts) && !big) {
        TRY(comp_visit_exprs(c, elts));
        return comp_addop_i(c, tuple ? OP_BUILD_TUPLE : build, n + pushed);
    }
    if (big)
        TRY(comp_addop_i(c, build, pushed));
    for (int i = 0; i < n; i++) {
        Expr *elt = elts->v[i];
        if (elt->kind == EXPR_STARRED) {
            if (!built)
                TRY(comp_addop_i(c, build, i + pushed));
            built = true;
            TRY(comp_visit_expr(c, elt->u.starred.value));
            TRY(comp_addop_i(c, extend, 1));
        } else {
            TRY(comp_visit_expr(c, elt));
            if (built)
                TRY(comp_addop_i(c, add, 1));
        }
    }
    return tuple ? comp_addop(c, OP_LIST_TO_TUPLE) : 0;
}

static int unpack_targets(Compiler *c, ExprList *elts)
{
    int n = elts->n, starred = -1;
    for (int i = 0; i < n; i++) {
        if (elts->v[i]->kind != EXPR_STARRED)
            continue;
        if (starred >= 0)
            return comp_error(c, "multiple starred expressions in assignment", NULL);
        if (i >= (1 << 8) || n - i - 1 >= (0x7fffffff >> 8))
            return comp_error(c, "too many expressions in star-unpacking assignment",
                              NULL);
        starred = i;
    }
    if (starred < 0)
        return comp_addop_i(c, OP_UNPACK_SEQUENCE, n);
    return comp_addop_i(c, OP_UNPACK_EX, starred + ((n - starred - 1) << 8));
}

static int assign_targets(Compiler *c, ExprList *elts)
{
    TRY(unpack_targets(c, elts));
    for (int i = 0; i < elts->n; i++) {
        Expr *elt = elts->v[i];
        TRY(comp_visit_expr(c, elt->kind == EXPR_STARRED ? elt->u.starred.value : elt));
    }
    return 0;
}

static int visit_sequence(Compiler *c, ExprList *elts, ExprCtx ctx, bool tuple)
{
    if (ctx == CTX_STORE)
        return assign_targets(c, elts);
    if (ctx == CTX_LOAD)
        return starunpack(c, elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, tuple);
    return comp_visit_exprs(c, elts);
}

/* keys[begin:end] -> values[begin:end] as one dict. */
static int subdict(Compiler *c, Expr *e, int begin, int end)
{
    ExprList *keys = &e->u.dict.keys, *values = &e->u.dict.values;
    int n = end - begin;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && all_constants(keys, begin, end)) {
        for (int i = begin; i < end; i++)
            TRY(comp_visit_expr(c, values->v[i]));
        TRY(comp_load_const_new(c, constants_tuple(keys, begin, end)));
        return comp_addop_i(c, OP_BUILD_CONST_KEY_MAP, n);
    }
    if (big)
        TRY(comp_addop_i(c, OP_BUILD_MAP, 0));
    for (int i = begin; i < end; i++) {
        TRY(comp_visit_expr(c, keys->v[i]));
        TRY(comp_visit_expr(c, values->v[i]));
        if (big)
            TRY(comp_addop_i(c, OP_MAP_ADD, 1));
    }
    return big ? 0 : comp_addop_i(c, OP_BUILD_MAP, n);
}

/* Emits the pending run of [n] key/value pairs ending before [end]. */
static int flush_pairs(Compiler *c, Expr *e, int end, int n, bool *have_dict)
{
    TRY(subdict(c, e, end - n, end));
    if (*have_dict)
        TRY(comp_addop_i(c, OP_DICT_UPDATE, 1));
    *have_dict = true;
    return 0;
}

static int visit_dict(Compiler *c, Expr *e)
{
    int n = e->u.dict.values.n, pending = 0;
    bool have_dict = false;
    for (int i = 0; i < n; i++) {
        if (e->u.dict.keys.v[i]) {
            if (pending * 2 > STACK_USE_GUIDELINE) {
                TRY(flush_pairs(c, e, i + 1, pending + 1, &have_dict));
                pending = 0;
            } else {
                pending++;
            }
            continue;
        }
        if (pending)
            TRY(flush_pairs(c, e, i, pending, &have_dict));
        pending = 0;
        if (!have_dict)
            TRY(comp_addop_i(c, OP_BUILD_MAP, 0));
        have_dict = true;
        TRY(comp_visit_expr(c, e->u.dict.values.v[i]));
        TRY(comp_addop_i(c, OP_DICT_UPDATE, 1));
    }
    if (pending)
        TRY(flush_pairs(c, e, n, pending, &have_dict));
    return have_dict ? 0 : comp_addop_i(c, OP_BUILD_MAP, 0);
}

/* ---- calls ---- */

static int validate_keywords(Compiler *c, KeywordList *kws)
{
    for (int i = 0; i < kws->n; i++) {
        Object *name = kws->v[i]->arg;
        if (!name)
            continue;
        if (str_eq_cstr(name, "__debug__"))
            return comp_error(c, "cannot assign to __debug__", NULL);
        for (int j = i + 1; j < kws->n; j++)
            if (kws->v[j]->arg && str_eq(name, kws->v[j]->arg)) {
                comp_set_loc(c, kws->v[j]->loc);
                return comp_error(c, "keyword argument repeated: %U", name);
            }
    }
    return 0;
}

static int visit_keyword_values(Compiler *c, KeywordList *kws, int begin, int end)
{
    for (int i = begin; i < end; i++)
        TRY(comp_visit_expr(c, kws->v[i]->value));
    return 0;
}

static Object *keyword_names(KeywordList *kws, int begin, int end)
{
    Object *t = tuple_new(end - begin);
    if (t)
        for (int i = begin; i < end; i++)
            TUPLE_ITEMS(t)[i - begin] = NEWREF(kws->v[i]->arg);
    return t;
}

/* The keyword values, then KW_NAMES with their names. */
static int simple_keywords(Compiler *c, KeywordList *kws)
{
    TRY(visit_keyword_values(c, kws, 0, kws->n));
    Object *names = keyword_names(kws, 0, kws->n);
    int i = names ? comp_add_const(c, names) : -1;
    XDECREF(names);
    TRY(i);
    return comp_addop_i(c, OP_KW_NAMES, i);
}

/* kws[begin:end] (all named) as one dict. */
static int subkwargs(Compiler *c, KeywordList *kws, int begin, int end)
{
    int n = end - begin;
    bool big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        TRY(visit_keyword_values(c, kws, begin, end));
        TRY(comp_load_const_new(c, keyword_names(kws, begin, end)));
        return comp_addop_i(c, OP_BUILD_CONST_KEY_MAP, n);
    }
    if (big)
        TRY(comp_addop_i_noline(c, OP_BUILD_MAP, 0));
    for (int i = begin; i < end; i++) {
        TRY(comp_load_const(c, kws->v[i]->arg));
        TRY(comp_visit_expr(c, kws->v[i]->value));
        if (big)
            TRY(comp_addop_i_noline(c, OP_MAP_ADD, 1));
    }
    return big ? 0 : comp_addop_i(c, OP_BUILD_MAP, n);
}

static int merge_kwargs(Compiler *c, KeywordList *kws, int end, int n, bool *have_dict)
{
    TRY(subkwargs(c, kws, end - n, end));
    if (*have_dict)
        TRY(comp_addop_i(c, OP_DICT_MERGE, 1));
    *have_dict = true;
    return 0;
}

/* The keyword arguments of CALL_FUNCTION_EX, merged into one dict. */
static int kwargs_dict(Compiler *c, KeywordList *kws)
{
    int seen = 0;
    bool have_dict = false;
    for (int i = 0; i < kws->n; i++) {
        if (kws->v[i]->arg) {
            seen++;
            continue;
        }
        if (seen)
            TRY(merge_kwargs(c, kws, i, seen, &have_dict));
        seen = 0;
        if (!have_dict)
            TRY(comp_addop_i(c, OP_BUILD_MAP, 0));
        have_dict = true;
        TRY(comp_visit_expr(c, kws->v[i]->value));
        TRY(comp_addop_i(c, OP_DICT_MERGE, 1));
    }
    return seen ? merge_kwargs(c, kws, kws->n, seen, &have_dict) : 0;
}

static bool needs_call_ex(ExprList *args, KeywordList *kws)
{
    if (args->n + kws->n * 2 > STACK_USE_GUIDELINE || has_starred(args))
        return true;
    for (int i = 0; i < kws->n; i++)
        if (!kws->v[i]->arg)
            return true;
    return false;
}

int comp_call_helper(Compiler *c, int n, ExprList *args, KeywordList *kws)
{
    TRY(validate_keywords(c, kws));
    if (!needs_call_ex(args, kws)) {
        TRY(comp_visit_exprs(c, args));
        if (kws->n)
            TRY(simple_keywords(c, kws));
        return comp_addop_i(c, OP_CALL, n + args->n + kws->n);
    }
    if (n == 0 && args->n == 1 && args->v[0]->kind == EXPR_STARRED)
        TRY(comp_visit_expr(c, args->v[0]->u.starred.value));
    else
        TRY(starunpack(c, args, n, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true));
    if (kws->n)
        TRY(kwargs_dict(c, kws));
    return comp_addop_i(c, OP_CALL_FUNCTION_EX, kws->n > 0);
}

static bool is_import_originated(Compiler *c, Expr *e)
{
    return e->kind == EXPR_NAME &&
           (comp_symbol_flags(comp_symtable_top(c->st), e->u.name.id) & DEF_IMPORT);
}

static bool can_call_method(Compiler *c, Expr *e)
{
    Expr *meth = e->u.call.func;
    ExprList *args = &e->u.call.args;
    KeywordList *kws = &e->u.call.keywords;
    if (meth->kind != EXPR_ATTRIBUTE || meth->u.attribute.ctx != CTX_LOAD ||
        is_import_originated(c, meth->u.attribute.value))
        return false;
    if (args->n + kws->n + (kws->n != 0) >= STACK_USE_GUIDELINE || has_starred(args))
        return false;
    for (int i = 0; i < kws->n; i++)
        if (!kws->v[i]->arg)
            return false;
    return true;
}

/* obj.meth(args): LOAD_METHOD avoids making a bound method. */
static int method_call(Compiler *c, Expr *e)
{
    Expr *meth = e->u.call.func;
    KeywordList *kws = &e->u.call.keywords;
    TRY(comp_visit_expr(c, meth->u.attribute.value));
    comp_set_loc(c, meth->loc);
    comp_attr_loc(c, meth);
    TRY(comp_addop_name(c, OP_LOAD_METHOD, meth->u.attribute.attr));
    TRY(comp_visit_exprs(c, &e->u.call.args));
    if (kws->n)
        TRY(simple_keywords(c, kws));
    comp_set_loc(c, e->loc);
    comp_attr_loc(c, meth);
    return comp_addop_i(c, OP_CALL, e->u.call.args.n + kws->n);
}

static int visit_call(Compiler *c, Expr *e)
{
    TRY(validate_keywords(c, &e->u.call.keywords));
    if (can_call_method(c, e))
        return method_call(c, e);
    TRY(check_caller(c, e->u.call.func));
    comp_set_loc(c, e->u.call.func->loc);
    TRY(comp_addop(c, OP_PUSH_NULL));
    comp_set_loc(c, e->loc);
    TRY(comp_visit_expr(c, e->u.call.func));
    return comp_call_helper(c, 0, &e->u.call.args, &e->u.call.keywords);
}

/* ---- f-strings ---- */

static int visit_joinedstr(Compiler *c, Expr *e)
{
    ExprList *values = &e->u.joinedstr.values;
    if (values->n <= STACK_USE_GUIDELINE) {
        TRY(comp_visit_exprs(c, values));
        return values->n == 1 ? 0 : comp_addop_i(c, OP_BUILD_STRING, values->n);
    }
    Object *join = str_intern_cstr("join");
    TRY(comp_load_const_new(c, str_from_cstr("")));
    int r = join ? comp_addop_name(c, OP_LOAD_METHOD, join) : -1;
    XDECREF(join);
    TRY(r);
    TRY(comp_addop_i(c, OP_BUILD_LIST, 0));
    for (int i = 0; i < values->n; i++) {
        TRY(comp_visit_expr(c, values->v[i]));
        TRY(comp_addop_i(c, OP_LIST_APPEND, 1));
    }
    return comp_addop_i(c, OP_CALL, 1);
}

static int visit_formattedvalue(Compiler *c, Expr *e)
{
    int arg;
    TRY(comp_visit_expr(c, e->u.formattedvalue.value));
    switch (e->u.formattedvalue.conversion) {
    case 's': arg = 1; break;
    case 'r': arg = 2; break;
    case 'a': arg = 3; break;
    default: arg = 0; break;
    }
    if (e->u.formattedvalue.format_spec) {
        TRY(comp_visit_expr(c, e->u.formattedvalue.format_spec));
        arg |= 4;
    }
    return comp_addop_i(c, OP_FORMAT_VALUE, arg);
}

/* ---- comprehensions ---- */

typedef struct {
    CompKind kind;
    Expr *elt, *value;
    ComprehensionList *gens;
} CompSpec;

static int comprehension_element(Compiler *c, const CompSpec *spec, int depth)
{
    TRY(comp_visit_expr(c, spec->elt));
    switch (spec->kind) {
    case COMPKIND_GEN:
        TRY(comp_addop(c, OP_YIELD_VALUE));
        return comp_addop(c, OP_POP_TOP);
    case COMPKIND_LIST:
        return comp_addop_i(c, OP_LIST_APPEND, depth + 1);
    case COMPKIND_SET:
        return comp_addop_i(c, OP_SET_ADD, depth + 1);
    default:
        TRY(comp_visit_expr(c, spec->value));
        return comp_addop_i(c, OP_MAP_ADD, depth + 1);
    }
}

/* The iterable of an inner `for`: `for y in [f(x)]` just binds y. */
static int inner_iterable(Compiler *c, Expr *iter, Block **start)
{
    ExprList *elts = iter->kind == EXPR_LIST || iter->kind == EXPR_TUPLE
                     ? &iter->u.list.elts : NULL;
    if (elts && elts->n == 1 && elts->v[0]->kind != EXPR_STARRED) {
        *start = NULL;
        return comp_visit_expr(c, elts->v[0]);
    }
    TRY(comp_visit_expr(c, iter));
    return comp_addop(c, OP_GET_ITER);
}

static int comprehension_loop(Compiler *c, const CompSpec *spec, int index, int depth)
{
    Comprehension *g = spec->gens->v[index];
    Block *start = comp_new_block(c), *if_cleanup = comp_new_block(c);
    Block *anchor = comp_new_block(c);
    if (!start || !if_cleanup || !anchor)
        return -1;
    if (index == 0) {
        c->u->argcount = 1;
        TRY(comp_addop_i(c, OP_LOAD_FAST, 0));
    } else {
        TRY(inner_iterable(c, g->iter, &start));
    }
    if (start) {
        depth++;
        comp_use_block(c, start);
        TRY(comp_addop_j(c, OP_FOR_ITER, anchor));
    }
    TRY(comp_visit_expr(c, g->target));
    for (int i = 0; i < g->ifs.n; i++)
        TRY(comp_jump_if(c, g->ifs.v[i], if_cleanup, false));
    if (index + 1 < spec->gens->n)
        TRY(comprehension_loop(c, spec, index + 1, depth));
    else
        TRY(comprehension_element(c, spec, depth));
    comp_use_block(c, if_cleanup);
    if (start) {
        TRY(comp_addop_j(c, OP_JUMP, start));
        comp_use_block(c, anchor);
    }
    return 0;
}

static bool any_async(ComprehensionList *gens)
{
    for (int i = 0; i < gens->n; i++)
        if (gens->v[i]->is_async)
            return true;
    return false;
}

static int comprehension_body(Compiler *c, Expr *e, const CompSpec *spec)
{
    static const int build[] = {
        [COMPKIND_LIST] = OP_BUILD_LIST, [COMPKIND_SET] = OP_BUILD_SET,
        [COMPKIND_DICT] = OP_BUILD_MAP,
    };
    comp_set_loc(c, e->loc);
    if (c->u->ste->coroutine)
        return comp_error(c, "mempy does not support asynchronous comprehensions yet",
                          NULL);
    if (spec->kind != COMPKIND_GEN)
        TRY(comp_addop_i(c, build[spec->kind], 0));
    TRY(comprehension_loop(c, spec, 0, 0));
    return spec->kind != COMPKIND_GEN ? comp_addop(c, OP_RETURN_VALUE) : 0;
}

/* A comprehension is a function called at once with iter(outermost). */
static int visit_comprehension(Compiler *c, Expr *e, const char *name, CompSpec spec)
{
    Object *n = str_intern_cstr(name);
    int r = n ? comp_enter_scope(c, n, UNIT_COMPREHENSION, e, e->loc.line) : -1;
    XDECREF(n);
    TRY(r);
    if (any_async(spec.gens))
        return comp_error(c, "mempy does not support asynchronous comprehensions yet",
                          NULL);
    TRY(comprehension_body(c, e, &spec));
    TRY(comp_finish_function(c, 0, true));
    TRY(comp_visit_expr(c, spec.gens->v[0]->iter));
    TRY(comp_addop(c, OP_GET_ITER));
    return comp_addop_i(c, OP_CALL, 0);
}

/* ---- yield ---- */

static int check_yield(Compiler *c)
{
    if (c->u->ste->type != BLOCK_FUNCTION)
        return comp_error(c, "'yield' outside function", NULL);
    return 0;
}

static int visit_yield_from(Compiler *c, Expr *e)
{
    Block *start = comp_new_block(c), *resume = comp_new_block(c);
    Block *exit = comp_new_block(c);
    if (!start || !resume || !exit)
        return -1;
    TRY(check_yield(c));
    TRY(comp_visit_expr(c, e->u.yieldfrom.value));
    TRY(comp_addop(c, OP_GET_YIELD_FROM_ITER));
    TRY(comp_load_const(c, None));
    comp_use_block(c, start);
    TRY(comp_addop_j(c, OP_SEND, exit));
    comp_use_block(c, resume);
    TRY(comp_addop(c, OP_YIELD_VALUE));
    TRY(comp_addop_j(c, OP_JUMP, start));
    comp_use_block(c, exit);
    return 0;
}

static int visit_await(Compiler *c)
{
    if (c->u->ste->type != BLOCK_FUNCTION)
        return comp_error(c, "'await' outside function", NULL);
    if (c->u->kind != UNIT_COMPREHENSION)
        return comp_error(c, "'await' outside async function", NULL);
    return comp_error(c, "mempy does not support await yet", NULL);
}

/* ---- the rest ---- */

static int visit_attribute(Compiler *c, Expr *e)
{
    TRY(comp_visit_expr(c, e->u.attribute.value));
    comp_attr_loc(c, e);
    switch (e->u.attribute.ctx) {
    case CTX_LOAD:
        return comp_addop_name(c, OP_LOAD_ATTR, e->u.attribute.attr);
    case CTX_STORE:
        if (str_eq_cstr(e->u.attribute.attr, "__debug__"))
            return comp_error(c, "cannot assign to __debug__", NULL);
        return comp_addop_name(c, OP_STORE_ATTR, e->u.attribute.attr);
    default:
        return comp_addop_name(c, OP_DELETE_ATTR, e->u.attribute.attr);
    }
}

static int visit_subscript(Compiler *c, Expr *e)
{
    static const int ops[] = {
        [CTX_LOAD] = OP_BINARY_SUBSCR, [CTX_STORE] = OP_STORE_SUBSCR,
        [CTX_DEL] = OP_DELETE_SUBSCR,
    };
    if (e->u.subscript.ctx == CTX_LOAD) {
        TRY(check_subscripter(c, e->u.subscript.value));
        TRY(check_index(c, e->u.subscript.value, e->u.subscript.slice));
    }
    TRY(comp_visit_expr(c, e->u.subscript.value));
    TRY(comp_visit_expr(c, e->u.subscript.slice));
    return comp_addop(c, ops[e->u.subscript.ctx]);
}

static int visit_slice(Compiler *c, Expr *e)
{
    TRY(visit_opt_or_none(c, e->u.slice.lower));
    TRY(visit_opt_or_none(c, e->u.slice.upper));
    if (e->u.slice.step)
        TRY(comp_visit_expr(c, e->u.slice.step));
    return comp_addop_i(c, OP_BUILD_SLICE, e->u.slice.step ? 3 : 2);
}

static int visit_unaryop(Compiler *c, Expr *e)
{
    static const int ops[] = {
        [UNARY_INVERT] = OP_UNARY_INVERT, [UNARY_NOT] = OP_UNARY_NOT,
        [UNARY_UADD] = OP_UNARY_POSITIVE, [UNARY_USUB] = OP_UNARY_NEGATIVE,
    };
    TRY(comp_visit_expr(c, e->u.unaryop.operand));
    return comp_addop(c, ops[e->u.unaryop.op]);
}

static int visit_comp_expr(Compiler *c, Expr *e)
{
    CompSpec spec = { COMPKIND_GEN, e->u.comp.elt, NULL, &e->u.comp.generators };
    switch (e->kind) {
    case EXPR_LISTCOMP:
        spec.kind = COMPKIND_LIST;
        return visit_comprehension(c, e, "<listcomp>", spec);
    case EXPR_SETCOMP:
        spec.kind = COMPKIND_SET;
        return visit_comprehension(c, e, "<setcomp>", spec);
    case EXPR_DICTCOMP:
        spec = (CompSpec){ COMPKIND_DICT, e->u.dictcomp.key, e->u.dictcomp.value,
                           &e->u.dictcomp.generators };
        return visit_comprehension(c, e, "<dictcomp>", spec);
    default:
        return visit_comprehension(c, e, "<genexpr>", spec);
    }
}

static int visit_expr1(Compiler *c, Expr *e)
{
    switch (e->kind) {
    case EXPR_NAMEDEXPR:
        TRY(comp_visit_expr(c, e->u.namedexpr.value));
        TRY(comp_addop_i(c, OP_COPY, 1));
        return comp_visit_expr(c, e->u.namedexpr.target);
    case EXPR_BOOLOP:
        return visit_boolop(c, e);
    case EXPR_BINOP:
        TRY(comp_visit_expr(c, e->u.binop.left));
        TRY(comp_visit_expr(c, e->u.binop.right));
        return comp_addop_i(c, OP_BINARY_OP, e->u.binop.op);
    case EXPR_UNARYOP:
        return visit_unaryop(c, e);
    case EXPR_LAMBDA:
        return comp_lambda(c, e);
    case EXPR_IFEXP:
        return visit_ifexp(c, e);
    case EXPR_DICT:
        return visit_dict(c, e);
    case EXPR_SET:
        return starunpack(c, &e->u.set.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE,
                          false);
    case EXPR_LISTCOMP:
    case EXPR_SETCOMP:
    case EXPR_DICTCOMP:
    case EXPR_GENERATOREXP:
        return visit_comp_expr(c, e);
    case EXPR_YIELD:
        TRY(check_yield(c));
        TRY(visit_opt_or_none(c, e->u.yield.value));
        return comp_addop(c, OP_YIELD_VALUE);
    case EXPR_YIELDFROM:
        return visit_yield_from(c, e);
    case EXPR_AWAIT:
        return visit_await(c);
    case EXPR_COMPARE:
        return visit_compare(c, e);
    case EXPR_CALL:
        return visit_call(c, e);
    case EXPR_FORMATTEDVALUE:
        return visit_formattedvalue(c, e);
    case EXPR_JOINEDSTR:
        return visit_joinedstr(c, e);
    case EXPR_CONSTANT:
        return comp_load_const(c, e->u.constant.value);
    case EXPR_ATTRIBUTE:
        return visit_attribute(c, e);
    case EXPR_SUBSCRIPT:
        return visit_subscript(c, e);
    case EXPR_STARRED:
        return comp_error(c, e->u.starred.ctx == CTX_STORE
                          ? "starred assignment target must be in a list or tuple"
                          : "can't use starred expression here", NULL);
    case EXPR_SLICE:
        return visit_slice(c, e);
    case EXPR_NAME:
        return comp_nameop(c, e->u.name.id, e->u.name.ctx);
    case EXPR_LIST:
        return visit_sequence(c, &e->u.list.elts, e->u.list.ctx, false);
    case EXPR_TUPLE:
        return visit_sequence(c, &e->u.tuple.elts, e->u.tuple.ctx, true);
    }
    return 0;
}

int comp_visit_expr(Compiler *c, Expr *e)
{
    CodeLoc saved = c->u->loc;
    comp_set_expr_loc(c, e);
    int r = visit_expr1(c, e);
    c->u->loc = saved;
    return r;
}
