/* parse.c — parse_source(): the token feed between the lexer and the
 * grammar, the diagnosis of syntax errors, and the SyntaxError they become.
 *
 * The token feed turns NAME and NUMBER tokens into objects owned by the
 * arena (interned identifiers, ints, floats) and remembers the last tokens,
 * which compound statement header is open, and the latest reduced operands,
 * so that a syntax error can be given CPython 3.11's message and caret:
 * "expected ':'", "expected an indented block after 'if' statement on line
 * N", "invalid syntax. Perhaps you forgot a comma?", ... or plain "invalid
 * syntax" at the offending token.  After a parser error the rest of the
 * source is scanned, and a scanning error found there wins, as in CPython.
 *
 * In interactive mode an error at the end of the input means the statement
 * is not finished: parse_source() then reports "incomplete" instead.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "parser.h"
#include "../mem/mem.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/float.h"
#include "../vm/tuple.h"

Loc token_loc(const Token *t)
{
    return (Loc){ t->line, t->col, t->end_line, t->end_col };
}

/* ---- recording errors ---- */

static void record(Parser *p, Type **type, Loc loc, const char *fmt, va_list ap)
{
    ParseError *e = &p->err;
    if (e->type)
        return;
    e->type = type;
    e->line = loc.line;
    e->offset = loc.col + 1;
    e->end_line = loc.end_line;
    e->end_offset = loc.end_col + 1;
    e->text_kind = ERR_TEXT_LINE;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

void *parse_error_type(Parser *p, Type **type, Loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(p, type, loc, fmt, ap);
    va_end(ap);
    return NULL;
}

void *parse_error_at(Parser *p, Loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(p, &exc_SyntaxError, loc, fmt, ap);
    va_end(ap);
    return NULL;
}

void *parse_nomem(Parser *p)
{
    p->nomem = true;
    return NULL;
}

static void lexer_error(Parser *p, const LexError *le)
{
    static Type **const types[] = {
        [LEX_ERR_SYNTAX] = &exc_SyntaxError,
        [LEX_ERR_INDENT] = &exc_IndentationError,
        [LEX_ERR_TAB] = &exc_TabError,
    };
    ParseError *e = &p->err;
    if (le->kind == LEX_ERR_INCOMPLETE) {
        p->incomplete = true;
        return;
    }
    e->type = types[le->kind];
    e->line = le->line;
    e->offset = le->offset;
    e->end_line = le->end_line;
    e->end_offset = le->end_offset;
    e->text_kind = le->bare_text ? ERR_TEXT_BARE : ERR_TEXT_LINE;
    e->from_lexer = true;
    snprintf(e->msg, sizeof e->msg, "%s", le->msg);
}

/* A scanning error met while reading ahead to diagnose wins, as in
 * CPython, whose parser reports tokenizer errors at once (but the REPL
 * does not wait for more lines to find one). */
static bool lexer_wins(Parser *p)
{
    if (p->lx.err.kind == LEX_ERR_NONE || p->lx.err.kind == LEX_ERR_INCOMPLETE)
        return false;
    lexer_error(p, &p->lx.err);
    return true;
}

/* ---- the token feed ---- */

static bool opener(int k)
{
    return k == TOK_LPAR || k == TOK_LSQB || k == TOK_LBRACE || k == TOK_WITH_LPAR;
}

static bool closer(int k)
{
    return k == TOK_RPAR || k == TOK_RSQB || k == TOK_RBRACE;
}

static bool block_keyword(int kind)
{
    switch (kind) {
    case TOK_IF: case TOK_ELIF: case TOK_ELSE: case TOK_WHILE: case TOK_FOR:
    case TOK_TRY: case TOK_EXCEPT: case TOK_FINALLY: case TOK_WITH: case TOK_DEF:
    case TOK_CLASS:
        return true;
    default:
        return false;
    }
}

/* Follows logical lines, compound statement headers and def parameter
 * lists ([t] is the new token, p->prev the one before). */
static void track_lines(Parser *p, const Token *t)
{
    bool at_start = p->line_start;
    int k = t->kind;
    if (at_start && k != TOK_NEWLINE && k != TOK_INDENT && k != TOK_DEDENT) {
        p->in_header = false;
        p->line_first = k;
    }
    if (k == TOK_LPAR && p->prev.kind == TOK_NAME && p->prev2 == TOK_DEF)
        p->param_level = p->lx.level;
    else if (closer(k) && p->lx.level < p->param_level)
        p->param_level = 0;
    p->line_start = k == TOK_NEWLINE || k == TOK_INDENT || k == TOK_DEDENT
        || (at_start && k == TOK_ASYNC);
    if (at_start && block_keyword(k)) {
        p->block_kind = k;
        p->block_line = t->line;
        p->in_header = true;
    }
}

static Object *name_object(Parser *p, const Token *t)
{
    Object *s = str_from_utf8(t->start, t->end - t->start);
    if (!s)
        return NULL;
    str_intern(&s);
    return arena_add_object(p->arena, s) < 0 ? NULL : s;
}

/* CPython's message when an int literal is too long to convert. */
static void number_error(Parser *p, const Token *t)
{
    Object *exc = err_fetch();
    Object *args = exc ? ((ExceptionObject *)exc)->args : NULL;
    const char *msg = NULL;
    if (args && SIZE(args) > 0 && TYPE_CHECK(TUPLE_GET(args, 0), str_type))
        msg = str_as_utf8(TUPLE_GET(args, 0), NULL);
    if (exc && TYPE(exc) == exc_MemoryError) {
        err_restore(exc);
        parse_nomem(p);
        return;
    }
    parse_error_at(p, token_loc(t), "%s - Consider hexadecimal for huge integer literals "
                   "to avoid decimal conversion limits.", msg ? msg : "invalid literal");
    XDECREF(exc);
}

static Object *number_object(Parser *p, const Token *t)
{
    Object *o;
    if (t->flags == LEX_NUM_IMAG)
        return parse_error_at(p, token_loc(t), "complex not supported");
    if (t->flags == LEX_NUM_FLOAT)
        o = float_from_string(t->start, t->end - t->start);
    else
        o = int_from_string(t->start, t->end - t->start, 0);
    if (!o) {
        number_error(p, t);
        return NULL;
    }
    return arena_add_object(p->arena, o) < 0 ? parse_nomem(p) : o;
}

/* Gives Bison the value of a NAME, NUMBER or STRING token; 0 on failure. */
static int token_value(Parser *p, const Token *t, YYSTYPE *lval)
{
    Token *copy;
    switch (t->kind) {
    case TOK_NAME:
        lval->obj = name_object(p, t);
        return lval->obj ? 1 : (parse_nomem(p), 0);
    case TOK_NUMBER:
        lval->obj = number_object(p, t);
        return lval->obj != NULL;
    case TOK_STRING:
        copy = arena_alloc(p->arena, sizeof *copy);
        if (!copy)
            return parse_nomem(p), 0;
        *copy = *t;
        lval->tok = copy;
        return 1;
    default:
        return 1;
    }
}

/* The next token: a queued one, else a new one from the lexer. */
static int next_token(Parser *p, Token *t)
{
    if (p->queue_head < p->queue.n) {
        *t = p->queue.v[p->queue_head++];
        return t->kind;
    }
    p->queue.n = p->queue_head = 0;
    if (lex_next(&p->lx, t) == TOK_YYerror)
        return TOK_YYerror;
    p->last_read_line = t->line;
    return t->kind;
}

/* Reads one more token into the queue; its kind (TOK_YYerror on failure). */
static int queue_token(Parser *p)
{
    Token t;
    if (lex_next(&p->lx, &t) == TOK_YYerror)
        return TOK_YYerror;
    if (LIST_APPEND(p->arena, p->queue, t) < 0) {
        parse_nomem(p);
        return TOK_YYerror;
    }
    p->last_read_line = t.line;
    return t.kind;
}

/* Is the "(" just read after "with" the start of parenthesized items, that
 * is, is its ")" followed by ":"?  Reads ahead into the queue. */
static bool with_parenthesis(Parser *p)
{
    int depth = 1, i = p->queue_head, k;
    for (;;) {
        k = i < p->queue.n ? p->queue.v[i].kind : queue_token(p);
        i++;
        if (k == TOK_YYerror || k == TOK_YYEOF)
            return false;
        if (depth == 0)
            return k == TOK_COLON;
        depth += opener(k) - closer(k);
    }
}

int yylex(YYSTYPE *lval, Loc *lloc, Parser *p)
{
    Token t;
    int kind;
    if (p->start_token) {
        kind = p->start_token;
        p->start_token = 0;
        *lloc = (Loc){ p->lx.line, 0, p->lx.line, 0 };
        return kind;
    }
    kind = next_token(p, &t);
    if (kind == TOK_LPAR && p->tok.kind == TOK_WITH && with_parenthesis(p))
        kind = t.kind = TOK_WITH_LPAR;
    if (kind == TOK_YYerror) {
        lexer_error(p, &p->lx.err);
        return TOK_YYerror;
    }
    p->prev2 = p->prev.kind;
    p->prev = p->tok;
    p->tok = t;
    track_lines(p, &t);
    *lloc = token_loc(&t);
    return token_value(p, &t, lval) ? kind : TOK_YYerror;
}

/* ---- diagnosis ---- */

static bool ends_operand(int k)
{
    switch (k) {
    case TOK_NAME: case TOK_NUMBER: case TOK_STRING: case TOK_RPAR: case TOK_RSQB:
    case TOK_RBRACE: case TOK_NONE: case TOK_TRUE: case TOK_FALSE: case TOK_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

/* Tokens that begin an operand and cannot continue one. */
static bool starts_operand(int k)
{
    switch (k) {
    case TOK_NAME: case TOK_NUMBER: case TOK_STRING: case TOK_LBRACE: case TOK_NONE:
    case TOK_TRUE: case TOK_FALSE: case TOK_ELLIPSIS: case TOK_LAMBDA: case TOK_NOT:
    case TOK_AWAIT:
        return true;
    default:
        return false;
    }
}

static bool binary_operator(int k, bool full)
{
    switch (k) {
    case TOK_PLUS: case TOK_MINUS: case TOK_STAR: case TOK_SLASH: case TOK_DOUBLESLASH:
    case TOK_PERCENT: case TOK_AT: case TOK_DOUBLESTAR: case TOK_LEFTSHIFT:
    case TOK_RIGHTSHIFT: case TOK_AMPER: case TOK_VBAR: case TOK_CIRCUMFLEX: case TOK_DOT:
        return true;
    case TOK_LESS: case TOK_GREATER: case TOK_EQEQUAL: case TOK_NOTEQUAL:
    case TOK_LESSEQUAL: case TOK_GREATEREQUAL: case TOK_IN: case TOK_NOT: case TOK_IS:
    case TOK_AND: case TOK_OR: case TOK_IF: case TOK_ELSE:
        return full;
    default:
        return false;
    }
}

/* Skims one expression beginning with the offending token, reading on from
 * the lexer (the parse is over); returns where it ends.  [full]: an
 * expression with comparisons and boolean operators, else a bitwise-or
 * operand; [commas]: a comma-separated list.  [next] receives the token
 * after it. */
static Loc skim_expression(Parser *p, bool full, bool commas, int *next)
{
    Token t = p->tok, last = p->tok;
    bool operand = false;
    int depth = 0;
    for (;;) {
        int k = t.kind;
        if (k == TOK_YYEOF || k == TOK_YYerror)
            break;
        if (depth > 0) {
            depth += opener(k) - closer(k);
            operand = depth == 0;
        } else if (opener(k)) {
            depth = 1;
        } else if (!operand && starts_operand(k) && k != TOK_LAMBDA) {
            operand = k != TOK_NOT && k != TOK_AWAIT;
        } else if (!operand && (k == TOK_MINUS || k == TOK_PLUS || k == TOK_TILDE)) {
            ;
        } else if (operand && (binary_operator(k, full) || (commas && k == TOK_COMMA)
                               || (k == TOK_STRING && last.kind == TOK_STRING))) {
            operand = k == TOK_STRING;
        } else {
            break;
        }
        last = t;
        if (next_token(p, &t) == TOK_YYerror)
            t.kind = TOK_YYerror;
    }
    *next = t.kind;
    return token_loc(&last);
}

static bool at_end_of(Loc a, const Token *t)
{
    return a.end_line == t->end_line && a.end_col == t->end_col;
}

static bool token_is(const Token *t, const char *text)
{
    size_t n = strlen(text);
    return (size_t)(t->end - t->start) == n && memcmp(t->start, text, n) == 0;
}

static const char *block_name(int kind)
{
    switch (kind) {
    case TOK_IF: return "'if' statement";
    case TOK_ELIF: return "'elif' statement";
    case TOK_ELSE: return "'else' statement";
    case TOK_WHILE: return "'while' statement";
    case TOK_FOR: return "'for' statement";
    case TOK_TRY: return "'try' statement";
    case TOK_EXCEPT: return "'except' statement";
    case TOK_FINALLY: return "'finally' statement";
    case TOK_WITH: return "'with' statement";
    case TOK_DEF: return "function definition";
    default: return "class definition";
    }
}

/* "print x": CPython suggests the parentheses. */
static bool legacy_print(Parser *p)
{
    const Token *name = &p->prev;
    Loc loc = token_loc(name), end;
    int next;
    if (name->kind != TOK_NAME || !starts_operand(p->tok.kind)
        || (!token_is(name, "print") && !token_is(name, "exec")))
        return false;
    end = skim_expression(p, true, true, &next);
    if (next == TOK_YYerror && lexer_wins(p))
        return true;
    loc.end_line = end.end_line;
    loc.end_col = end.end_col;
    parse_error_at(p, loc, "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                   (int)(name->end - name->start), name->start,
                   (int)(name->end - name->start), name->start);
    return true;
}

/* The bracket level before the offending token. */
static int level_before(Parser *p)
{
    return p->lx.level - opener(p->tok.kind) + closer(p->tok.kind);
}

/* The innermost bracket open before the offending token, or 0. */
static char open_bracket(Parser *p)
{
    int level = level_before(p);
    return level > 0 ? p->lx.paren[level - 1] : 0;
}

static bool same_loc(Loc a, Loc b)
{
    return a.line == b.line && a.col == b.col && a.end_line == b.end_line
        && a.end_col == b.end_col;
}

/* Two operands in a row inside brackets (not in a def's parameters, nor
 * after a comprehension's iterable or condition, as in CPython). */
static bool missing_comma(Parser *p)
{
    int next;
    Loc a = at_end_of(p->last_disj, &p->prev) ? p->last_disj : token_loc(&p->prev), b;
    if (!open_bracket(p) || !ends_operand(p->prev.kind) || !starts_operand(p->tok.kind)
        || (p->prev.kind == TOK_STRING && p->tok.kind == TOK_STRING)
        || level_before(p) == p->param_level || same_loc(a, p->comp_tail))
        return false;
    b = skim_expression(p, true, false, &next);
    if (next == TOK_YYerror && lexer_wins(p))
        return true;
    a.end_line = b.end_line;
    a.end_col = b.end_col;
    parse_error_at(p, a, "invalid syntax. Perhaps you forgot a comma?");
    return true;
}

/* "x = 1" where an expression was expected. */
static bool assignment_in_expression(Parser *p)
{
    Loc a = p->last_bitor, b;
    Expr *target = p->last_bitor_expr;
    int next;
    if (p->tok.kind != TOK_EQUAL || !target || !at_end_of(a, &p->prev))
        return false;
    if (next_token(p, &p->tok) == TOK_YYerror)
        return false;
    b = skim_expression(p, false, false, &next);
    if (next == TOK_YYerror && lexer_wins(p))
        return true;
    if (next == TOK_EQUAL || next == TOK_COLONEQUAL)
        return false;
    if (target->kind == EXPR_NAME) {
        a.end_line = b.end_line;
        a.end_col = b.end_col;
        parse_error_at(p, a, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    } else {
        target_error_here(p, target);
    }
    return true;
}

/* "x.y := 1" where := may not be, or a dictionary key without ':'. */
static bool misplaced_operand(Parser *p, unsigned expects)
{
    const Expr *target = p->last_bitor_expr;
    Loc after = token_loc(&p->prev);
    bool in_dict = open_bracket(p) == '{' && (p->tok.kind == TOK_RBRACE
                                              || p->tok.kind == TOK_COMMA);
    if (p->tok.kind == TOK_COLONEQUAL && target && at_end_of(target->loc, &p->prev)
        && target->kind != EXPR_NAME) {
        namedexpr_error(p, target);
        return true;
    }
    if (in_dict && p->prev.kind == TOK_COLON) {
        parse_error_at(p, after, "expression expected after dictionary key and ':'");
        return true;
    }
    if (in_dict && (expects & EXPECT_COLON) && at_end_of(p->last_disj, &p->prev)) {
        Loc key = p->last_disj;
        key.end_col = -1;
        key.end_line = key.line;
        parse_error_at(p, key, "':' expected after dictionary key");
        return true;
    }
    return false;
}

/* Errors of indentation and of compound statement headers. */
static bool layout_error(Parser *p, unsigned expects)
{
    const Token *t = &p->tok;
    Loc loc = token_loc(t);
    if (t->kind == TOK_INDENT) {
        parse_error_type(p, &exc_IndentationError, loc, "unexpected indent");
        p->err.final = true;
    } else if ((expects & EXPECT_INDENT) && p->block_kind) {
        parse_error_type(p, &exc_IndentationError, loc,
                         "expected an indented block after %s on line %d",
                         block_name(p->block_kind), p->block_line);
    } else if ((expects & EXPECT_COLON) && p->in_header && t->kind == TOK_NEWLINE) {
        parse_error_at(p, loc, "expected ':'");
    } else if ((expects & EXPECT_HANDLER) && t->kind != TOK_EXCEPT && t->kind != TOK_FINALLY) {
        parse_error_at(p, loc, "expected 'except' or 'finally' block");
    } else if (t->kind == TOK_DEDENT) {
        parse_error_type(p, &exc_IndentationError, loc, "unexpected unindent");
        p->err.final = true;
    } else {
        return false;
    }
    return true;
}

/* Statements that CPython names: "def f x", "from m import a,", and
 * "except A, B:". */
static bool statement_error(Parser *p)
{
    const Token *t = &p->tok;
    Loc a = p->last_disj, b;
    int next;
    if (p->prev.kind == TOK_NAME && p->prev2 == TOK_DEF && t->kind != TOK_LPAR) {
        parse_error_at(p, token_loc(t), "expected '('");
    } else if (p->line_first == TOK_FROM && p->prev.kind == TOK_COMMA
               && t->kind == TOK_NEWLINE && level_before(p) == 0) {
        parse_error_at(p, token_loc(t),
                       "trailing comma not allowed without surrounding parentheses");
    } else if (p->line_first == TOK_EXCEPT && t->kind == TOK_COMMA && level_before(p) == 0
               && at_end_of(a, &p->prev)) {
        if (next_token(p, &p->tok) == TOK_YYerror)
            return false;
        b = skim_expression(p, true, true, &next);
        if (next == TOK_YYerror && lexer_wins(p))
            return true;
        a.end_line = b.end_line;
        a.end_col = b.end_col;
        parse_error_at(p, a, "multiple exception types must be parenthesized");
    } else {
        return false;
    }
    return true;
}

/* "a if b" without its else. */
static bool missing_else(Parser *p, unsigned expects)
{
    Loc range = { p->prev_disj.line, p->prev_disj.col, p->last_disj.end_line,
                  p->last_disj.end_col };
    if (!(expects & EXPECT_ELSE) || !at_end_of(p->last_disj, &p->prev))
        return false;
    parse_error_at(p, range, "expected 'else' after 'if' expression");
    return true;
}

void parse_syntax_error(Parser *p, int token, unsigned expects)
{
    bool single = p->mode == PARSE_SINGLE && !p->outer;
    if (token == TOK_YYEOF && single) {
        p->incomplete = true;
        return;
    }
    if ((expects & EXPECT_END) && single && p->tok.kind != TOK_INDENT) {
        parse_error_at(p, token_loc(&p->prev),
                       "multiple statements found while compiling a single statement");
        return;
    }
    if (layout_error(p, expects) || statement_error(p) || missing_else(p, expects)
        || legacy_print(p)
        || missing_comma(p) || assignment_in_expression(p) || misplaced_operand(p, expects))
        return;
    parse_error_at(p, token_loc(&p->tok), "invalid syntax");
}

/* ---- after the parse ---- */

/* Scans the rest of the source after a parser error, as CPython does: an
 * error its tokenizer raises there (a bad literal, an unterminated string,
 * ...) replaces the parser's; so does an unclosed bracket opened on a line
 * before the furthest token read.  Layout errors found there do not. */
static void check_rest(Parser *p)
{
    Token t;
    int k, line = p->last_read_line;
    LexError *le = &p->lx.err;
    if (p->lx.mode == LEX_MODE_INTERACTIVE || p->outer || p->err.from_lexer || p->err.final)
        return;
    do {
        k = next_token(p, &t);
    } while (k != TOK_YYEOF && k != TOK_YYerror);
    if (k == TOK_YYerror && (le->bare_text || (le->unclosed && line > le->line))) {
        p->err.type = NULL;
        lexer_error(p, le);
    }
}

/* Finds line [n] of [src]: its start, its length without the newline, and
 * whether it has one. */
static bool find_line(const char *src, size_t len, int n, const char **start,
                      size_t *size, bool *newline)
{
    const char *s = src, *end = src + len;
    if (n < 1)
        return false;
    for (int i = 1; i < n; i++) {
        while (s < end && *s != '\n' && *s != '\r')
            s++;
        if (s == end)
            return false;
        s += s + 1 < end && s[0] == '\r' && s[1] == '\n' ? 2 : 1;
    }
    *start = s;
    while (s < end && *s != '\n' && *s != '\r')
        s++;
    *size = (size_t)(s - *start);
    *newline = s < end;
    return true;
}

/* A 1-based byte offset in [line] as a 1-based character offset. */
static int char_offset(const char *line, size_t size, int offset)
{
    int chars = 0;
    size_t i;
    if (offset < 1)
        return offset;
    for (i = 0; i < size && i < (size_t)offset - 1; i++)
        chars += ((unsigned char)line[i] & 0xC0) != 0x80;
    return chars + (int)((size_t)offset - 1 - i) + 1;
}

static Object *int_or_none(int v, bool none)
{
    return none ? none_new() : int_from_long(v);
}

/* The text of the error (the REPL's has no newline) and its offsets,
 * converted to characters where CPython counts them so; NULL on failure. */
static Object *error_text(Parser *p, int *offset, int *end_offset)
{
    ParseError *e = &p->err;
    const char *line, *end_line;
    size_t size, end_size;
    bool nl, end_nl;
    bool chars = p->char_offsets || e->text_kind == ERR_TEXT_BARE;
    if (!find_line(p->src, p->len, e->line, &line, &size, &nl))
        return none_new();
    if (chars)
        *offset = char_offset(line, size, e->offset);
    if (chars && find_line(p->src, p->len, e->end_line, &end_line, &end_size, &end_nl))
        *end_offset = char_offset(end_line, end_size, e->end_offset);
    if (e->text_kind == ERR_TEXT_LINE && nl && p->lx.mode != LEX_MODE_INTERACTIVE) {
        StrBuilder b;
        sb_init(&b);
        if (sb_add_utf8(&b, line, (ssize_t)size) < 0 || sb_add_char(&b, '\n') < 0) {
            sb_discard(&b);
            return NULL;
        }
        return sb_finish(&b);
    }
    return str_from_utf8(line, (ssize_t)size);
}

static int set_attr(Object *exc, const char *name, Object *value)
{
    Object *key = str_intern_cstr(name);
    int r = key && value ? obj_setattr(exc, key, value) : -1;
    XDECREF(key);
    return r;
}

/* Raises [type](msg, (filename, lineno, offset, text, end_lineno,
 * end_offset)) with those attributes set; [text] is stolen. */
static void raise_syntax_error(Type *type, const char *msg, Object *filename, int line,
                               int offset, Object *text, int end_line, int end_offset,
                               bool no_location)
{
    static const char *const names[] = {
        "filename", "lineno", "offset", "text", "end_lineno", "end_offset"
    };
    Object *v[6], *m = str_from_utf8(msg, (ssize_t)strlen(msg));
    Object *details = NULL, *args = NULL, *exc = NULL;
    v[0] = XNEWREF(filename ? filename : None);
    v[1] = int_or_none(line, no_location);
    v[2] = int_or_none(offset, no_location);
    v[3] = text;
    v[4] = int_or_none(end_line, no_location);
    v[5] = int_or_none(end_offset, no_location);
    if (m && v[1] && v[2] && v[3] && v[4] && v[5]) {
        details = tuple_from_array(v, 6);
        args = details ? tuple_pack(2, m, details) : NULL;
        exc = args ? exc_new(type, args) : NULL;
    }
    if (exc && set_attr(exc, "msg", m) == 0) {
        int i = 0;
        while (i < 6 && set_attr(exc, names[i], v[i]) == 0)
            i++;
        if (i == 6) {
            err_set(exc);
            exc = NULL;
        }
    }
    XDECREF(exc);
    XDECREF(args);
    XDECREF(details);
    XDECREF(m);
    for (int i = 0; i < 6; i++)
        XDECREF(v[i]);
    if (!err_occurred())
        err_nomemory();
}

static void raise_error(Parser *p, Object *filename)
{
    ParseError *e = &p->err;
    int offset = e->offset, end_offset = e->end_offset;
    Object *text;
    if (e->text_kind == ERR_TEXT_OWN || e->text_kind == ERR_TEXT_OWN_BARE) {
        StrBuilder b;
        sb_init(&b);
        if (sb_add_utf8(&b, e->text, (ssize_t)e->text_len) < 0
            || (e->text_kind == ERR_TEXT_OWN && sb_add_char(&b, '\n') < 0)) {
            sb_discard(&b);
            text = NULL;
        } else {
            text = sb_finish(&b);
        }
    } else {
        text = error_text(p, &offset, &end_offset);
    }
    raise_syntax_error(*e->type, e->msg, filename, e->line, offset, text, e->end_line,
                       end_offset, false);
}

/* ---- f-string expressions ---- */

/* Moves the error of the nested parser [sub] of "(expr)" to [p], with the
 * "f-string: " prefix and the offsets counted in that text. */
static void take_fstring_error(Parser *p, Parser *sub, const char *text, size_t len)
{
    ParseError *e = &sub->err;
    bool prefix = !e->from_lexer && strncmp(e->msg, "f-string", 8) != 0;
    if (p->err.type)
        return;
    p->err = *e;
    snprintf(p->err.msg, sizeof p->err.msg, "%s%.180s", prefix ? "f-string: " : "", e->msg);
    if (e->text_kind != ERR_TEXT_OWN && e->text_kind != ERR_TEXT_OWN_BARE) {
        if (e->line == sub->lx.line0 && e->offset > 0)
            p->err.offset -= sub->lx.col0;
        if (e->end_line == sub->lx.line0 && e->end_offset > 0)
            p->err.end_offset -= sub->lx.col0;
        p->err.text_kind = e->from_lexer ? ERR_TEXT_OWN_BARE : ERR_TEXT_OWN;
        p->err.text = text;
        p->err.text_len = len;
    }
}

Expr *parse_fstring_expr(Parser *p, const char *text, size_t len, int line, int col)
{
    char *buf = arena_alloc(p->arena, len + 3);
    Parser *sub = arena_alloc(p->arena, sizeof *sub);
    if (!buf || !sub)
        return parse_nomem(p);
    buf[0] = '(';
    memcpy(buf + 1, text, len);
    buf[len + 1] = ')';
    sub->arena = p->arena;
    sub->outer = p;
    sub->mode = PARSE_EVAL;
    sub->src = buf;
    sub->len = len + 2;
    sub->start_token = TOK_START_FSTRING;
    sub->line_start = true;
    lex_init(&sub->lx, buf, len + 2, LEX_MODE_FILE, line, col - 1);
    if (yyparse(sub) == 0 && !sub->err.type && !sub->nomem)
        return sub->fexpr;
    if (sub->nomem)
        return parse_nomem(p);
    take_fstring_error(p, sub, buf, len + 2);
    return NULL;
}

/* ---- checking the bytes ---- */

/* Length of the valid UTF-8 sequence at s[0..n), or 0. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    size_t len = s[0] < 0x80 ? 1 : s[0] < 0xC2 ? 0 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3
        : s[0] < 0xF5 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F)
        || (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
        return 0;
    return len;
}

static int line_of(const char *src, const char *at)
{
    int line = 1;
    for (const char *s = src; s < at; s++)
        line += *s == '\n' || (*s == '\r' && s[1] != '\n');
    return line;
}

/* Rejects NUL bytes and invalid UTF-8 as CPython does for a file. */
static int check_bytes(const char *src, size_t len, Object *filename)
{
    const char *nul = memchr(src, 0, len);
    size_t i = 0, n;
    if (nul) {
        int line = line_of(src, nul);
        const char *start = nul;
        while (start > src && start[-1] != '\n' && start[-1] != '\r')
            start--;
        raise_syntax_error(exc_SyntaxError, "source code cannot contain null bytes", filename,
                           line, 0, str_from_utf8(start, nul - start), line, 0, false);
        return -1;
    }
    for (; i < len; i += n) {
        n = utf8_sequence((const unsigned char *)src + i, len - i);
        if (n == 0) {
            char msg[200];
            const char *name = filename && TYPE_CHECK(filename, str_type)
                ? str_as_utf8(filename, NULL) : NULL;
            snprintf(msg, sizeof msg, "Non-UTF-8 code starting with '\\x%02x' in file %s on "
                     "line %d, but no encoding declared; see https://peps.python.org/pep-0263/"
                     " for details", (unsigned char)src[i], name ? name : "<string>",
                     line_of(src, src + i));
            raise_syntax_error(exc_SyntaxError, msg, NULL, 0, 0, none_new(), 0, 0, true);
            return -1;
        }
    }
    return 0;
}

/* ---- PEP 263 coding cookies ---- */

/* The end of the line starting at [s]. */
static const char *line_end(const char *s, const char *end)
{
    while (s < end && *s != '\n' && *s != '\r')
        s++;
    return s;
}

/* The encoding named by a "coding[:=] name" comment on the line [s, end),
 * lowercased with '_' as '-', into [name]; false if there is none. */
static bool cookie_on_line(const char *s, const char *end, char *name, size_t size)
{
    size_t n = 0;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\f'))
        s++;
    if (s == end || *s != '#')
        return false;
    for (; s + 7 <= end; s++)
        if (memcmp(s, "coding", 6) == 0 && (s[6] == ':' || s[6] == '='))
            break;
    if (s + 7 > end)
        return false;
    for (s += 7; s < end && (*s == ' ' || *s == '\t'); s++)
        ;
    for (; s < end && n + 1 < size && (isalnum((unsigned char)*s) || strchr("-_.", *s)); s++)
        name[n++] = *s == '_' ? '-' : (char)tolower((unsigned char)*s);
    name[n] = 0;
    return n > 0;
}

/* The coding cookie of the first two lines (the second counts only after a
 * comment or blank first line), into [name]. */
static bool coding_cookie(const char *src, size_t len, char *name, size_t size)
{
    const char *end = src + len, *first_end = line_end(src, end), *s = src;
    if (cookie_on_line(src, first_end, name, size))
        return true;
    while (s < first_end && (*s == ' ' || *s == '\t' || *s == '\f'))
        s++;
    if (s < first_end && *s != '#')
        return false;
    s = first_end + (first_end + 1 < end && first_end[0] == '\r' && first_end[1] == '\n')
        + (first_end < end);
    return s < end && cookie_on_line(s, line_end(s, end), name, size);
}

static bool encoding_is(const char *name, const char *want)
{
    size_t n = strlen(want);
    return strncmp(name, want, n) == 0 && (name[n] == 0 || name[n] == '-');
}

/* [src] decoded from Latin-1 into UTF-8, in the arena. */
static char *latin1_to_utf8(Arena *arena, const char *src, size_t *len)
{
    char *out = arena_alloc(arena, 2 * *len + 1), *o = out;
    if (!out)
        return NULL;
    for (size_t i = 0; i < *len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c < 0x80) {
            *o++ = (char)c;
        } else {
            *o++ = (char)(0xC0 | c >> 6);
            *o++ = (char)(0x80 | (c & 0x3F));
        }
    }
    *len = (size_t)(o - out);
    return out;
}

Mod *parse_source(Arena *arena, const char *src, size_t len, Object *filename,
                  ParseMode mode, int *incomplete)
{
    static const int start[] = {
        [PARSE_FILE] = TOK_START_FILE, [PARSE_SINGLE] = TOK_START_SINGLE,
        [PARSE_EVAL] = TOK_START_EVAL,
    };
    Parser *p = arena_alloc(arena, sizeof *p);
    char *buf = arena_alloc(arena, len + 1);
    bool interactive = mode == PARSE_SINGLE && incomplete, encoded = false;
    char coding[16];
    if (incomplete)
        *incomplete = 0;
    if (coding_cookie(src, len, coding, sizeof coding)) {
        encoded = true;
        if (encoding_is(coding, "latin-1") || encoding_is(coding, "iso-8859-1")
            || encoding_is(coding, "iso-latin-1")) {
            src = latin1_to_utf8(arena, src, &len);
            buf = src ? arena_alloc(arena, len + 1) : NULL;
        }
    }
    if (!p || !buf || check_bytes(src, len, filename) < 0)
        return NULL;
    memcpy(buf, src, len);
    p->arena = arena;
    p->mode = mode;
    p->src = buf;
    p->len = len;
    p->start_token = start[mode];
    p->line_start = true;
    /* CPython counts characters for strings and the REPL, bytes for files
     * (unless a BOM or a coding cookie gave the file an encoding) */
    p->char_offsets = interactive || encoded || (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        || (filename && TYPE_CHECK(filename, str_type) && str_eq_cstr(filename, "<string>"));
    p->mod = arena_alloc(arena, sizeof *p->mod);
    if (!p->mod)
        return NULL;
    p->mod->mode = mode;
    lex_init(&p->lx, buf, len, interactive ? LEX_MODE_INTERACTIVE : LEX_MODE_FILE, 1, 0);
    if (yyparse(p) == 0 && !p->err.type && !p->nomem && !p->incomplete)
        return p->mod;
    if (p->nomem) {
        if (!err_occurred())
            err_nomemory();
        return NULL;
    }
    if (p->incomplete) {
        *incomplete = 1;
        return NULL;
    }
    check_rest(p);
    raise_error(p, filename);
    return NULL;
}
