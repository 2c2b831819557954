/* strings.c — string literals: prefixes, escapes, adjacent-literal
 * concatenation, and the splitting of f-strings into literal text and
 * replacement fields, with CPython 3.11's messages.
 *
 * The lexer hands over each literal whole (prefix and quotes included).
 * Adjacent literals become one Constant (str or bytes) or, when any of them
 * is an f-string, one JoinedStr of Constant and FormattedValue parts.  As in
 * CPython 3.11 the expression of a replacement field is copied, wrapped in
 * parentheses and parsed by a nested parser (parse_fstring_expr).  Errors
 * found here are reported at the token after the literals, as CPython does.
 */
#include <string.h>
#include "parse_int.h"
#include "parser.h"
#include "../mem/mem.h"
#include "../vm/errors.h"
#include "../vm/str.h"

/* One literal token, its prefix read. */
typedef struct {
    const Token *tok;
    bool raw, bytes, fmt, u;
    const char *body;           /* between the quotes */
    size_t len;
} Lit;

/* The parts of a JoinedStr being built, and the literal text not yet
 * turned into a Constant. */
typedef struct {
    ExprList values;
    StrBuilder text;
    Loc loc;
} Parts;

static void read_literal(const Token *t, Lit *l)
{
    const char *s = t->start;
    size_t q;
    memset(l, 0, sizeof *l);
    l->tok = t;
    for (; *s != '\'' && *s != '"'; s++) {
        char c = (char)(*s | 0x20);
        l->raw |= c == 'r';
        l->bytes |= c == 'b';
        l->fmt |= c == 'f';
        l->u |= c == 'u';
    }
    q = (size_t)(t->end - s) >= 6 && s[1] == s[0] && s[2] == s[0] ? 3 : 1;
    l->body = s + q;
    l->len = (size_t)(t->end - s) - 2 * q;
}

/* Records an error at the token after the literals. */
#define STRING_ERROR(p, ...) parse_error_at((p), token_loc(&(p)->tok), __VA_ARGS__)

static void *escape_error(Parser *p, size_t start, size_t end, const char *what)
{
    return STRING_ERROR(p, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                        "position %zu-%zu: %s", start, end, what);
}

/* ---- escapes ---- */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Reads up to [max] hex digits at s[i..n); returns how many were read. */
static size_t read_hex(const char *s, size_t i, size_t n, size_t max, unsigned long *value)
{
    size_t k = 0;
    *value = 0;
    while (k < max && i + k < n && hex_value(s[i + k]) >= 0) {
        *value = *value * 16 + (unsigned long)hex_value(s[i + k]);
        k++;
    }
    return k;
}

/* Reads up to 3 octal digits at s[i..n). */
static size_t read_octal(const char *s, size_t i, size_t n, unsigned long *value)
{
    size_t k = 0;
    *value = 0;
    while (k < 3 && i + k < n && s[i + k] >= '0' && s[i + k] <= '7') {
        *value = *value * 8 + (unsigned long)(s[i + k] - '0');
        k++;
    }
    return k;
}

static int simple_escape(char c)
{
    switch (c) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return 7;
    case 'b': return 8;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 't': return 9;
    case 'v': return 11;
    default: return -1;
    }
}

/* Decodes the \x, \u or \U escape whose backslash is at s[i]; returns the
 * bytes used, or 0 after recording an error. */
static size_t unicode_escape(Parser *p, const char *s, size_t i, size_t n, unsigned long *ch)
{
    char c = s[i + 1];
    size_t want = c == 'x' ? 2 : c == 'u' ? 4 : 8;
    size_t got = read_hex(s, i + 2, n, want, ch);
    if (got < want) {
        const char *what = c == 'x' ? "truncated \\xXX escape" : c == 'u'
            ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        escape_error(p, i, i + 1 + got, what);
        return 0;
    }
    if (*ch > 0x10FFFF) {
        escape_error(p, i, i + 1 + got, "illegal Unicode character");
        return 0;
    }
    return 2 + got;
}

/* \N{name}: character names are not available; reports CPython's error. */
static void *named_escape(Parser *p, const char *s, size_t i, size_t n)
{
    size_t j = i + 2;
    if (j >= n || s[j] != '{')
        return escape_error(p, i, j - 1, "malformed \\N character escape");
    while (j < n && s[j] != '}')
        j++;
    if (j >= n)
        return escape_error(p, i, j - 1, "malformed \\N character escape");
    return escape_error(p, i, j, "unknown Unicode character name");
}

#define NO_CHAR ((unsigned long)-1)

/* Decodes the escapes str and bytes literals share (backslash at s[i]):
 * a line continuation ([*ch] = NO_CHAR), a one-letter or an octal escape;
 * returns the bytes used, or 0 when s[i+1] is none of these. */
static size_t shared_escape(const char *s, size_t i, size_t n, unsigned long *ch)
{
    char c = s[i + 1];
    *ch = NO_CHAR;
    if (c == '\n')
        return 2;
    if (c == '\r')
        return i + 2 < n && s[i + 2] == '\n' ? 3 : 2;
    if (simple_escape(c) >= 0) {
        *ch = (unsigned long)simple_escape(c);
        return 2;
    }
    if (c >= '0' && c <= '7')
        return 1 + read_octal(s, i + 1, n, ch);
    return 0;
}

/* Appends one escape of a str literal (backslash at s[i]) to [b]; returns
 * the bytes used, or 0 on error. */
static size_t str_escape(Parser *p, StrBuilder *b, const char *s, size_t i, size_t n)
{
    char c = s[i + 1];
    unsigned long ch;
    size_t used = shared_escape(s, i, n, &ch);
    if (used) {
        if (ch == NO_CHAR)
            return used;
    } else if (c == 'x' || c == 'u' || c == 'U') {
        used = unicode_escape(p, s, i, n, &ch);
        if (!used)
            return 0;
    } else if (c == 'N') {
        named_escape(p, s, i, n);
        return 0;
    } else {
        ch = '\\';
        used = 1;
    }
    if (sb_add_char(b, (uint32_t)ch) < 0) {
        parse_nomem(p);
        return 0;
    }
    return used;
}

/* Appends the text [s, s+n) of a str literal to [b], decoding escapes
 * unless [raw] and turning "\r\n" and "\r" into "\n". */
static int decode_str(Parser *p, StrBuilder *b, const char *s, size_t n, bool raw)
{
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && s[run] != '\r' && (raw || s[run] != '\\'))
            run++;
        if (run > i && sb_add_utf8(b, s + i, (ssize_t)(run - i)) < 0)
            return parse_nomem(p), -1;
        i = run;
        if (i >= n)
            break;
        if (s[i] == '\r') {
            if (sb_add_char(b, '\n') < 0)
                return parse_nomem(p), -1;
            i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        } else if (i + 1 >= n) {
            if (sb_add_char(b, '\\') < 0)
                return parse_nomem(p), -1;
            i++;
        } else {
            size_t used = str_escape(p, b, s, i, n);
            if (!used)
                return -1;
            i += used;
        }
    }
    return 0;
}

/* A growable byte buffer for bytes literals. */
typedef struct {
    char *v;
    size_t n, cap;
} ByteBuf;

static int byte_add(Parser *p, ByteBuf *b, char c)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 64;
        char *v = mem_realloc(b->v, cap);
        if (!v) {
            err_nomemory();
            parse_nomem(p);
            return -1;
        }
        b->v = v;
        b->cap = cap;
    }
    b->v[b->n++] = c;
    return 0;
}

/* Decodes one escape of a bytes literal (backslash at s[i]); returns the
 * bytes used, or 0 on error. */
static size_t bytes_escape(Parser *p, ByteBuf *out, const char *s, size_t i, size_t n)
{
    char c = s[i + 1];
    unsigned long v;
    size_t used = shared_escape(s, i, n, &v);
    if (used) {
        if (v == NO_CHAR)
            return used;
    } else if (c == 'x') {
        if (read_hex(s, i + 2, n, 2, &v) < 2) {
            STRING_ERROR(p, "(value error) invalid \\x escape at position %zu", i);
            return 0;
        }
        used = 4;
    } else {
        v = '\\';
        used = 1;
    }
    return byte_add(p, out, (char)(v & 0xFF)) < 0 ? 0 : used;
}

static int decode_bytes(Parser *p, ByteBuf *out, const Lit *l)
{
    const char *s = l->body;
    size_t i = 0, n = l->len;
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)s[k] >= 0x80) {
            parse_error_at(p, token_loc(l->tok),
                           "bytes can only contain ASCII literal characters");
            return -1;
        }
    while (i < n) {
        if (s[i] == '\r') {
            if (byte_add(p, out, '\n') < 0)
                return -1;
            i += i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        } else if (s[i] != '\\' || l->raw || i + 1 >= n) {
            if (byte_add(p, out, s[i++]) < 0)
                return -1;
        } else {
            size_t used = bytes_escape(p, out, s, i, n);
            if (!used)
                return -1;
            i += used;
        }
    }
    return 0;
}

/* ---- constants ---- */

static Expr *str_constant(Parser *p, StrBuilder *b, Loc loc)
{
    Object *s = sb_finish(b);
    if (!s || arena_add_object(p->arena, s) < 0)
        return parse_nomem(p);
    return mk_constant(p, s, loc);
}

static Expr *concat_bytes(Parser *p, Lit *lits, int n, Loc loc)
{
    ByteBuf b = { NULL, 0, 0 };
    Object *o = NULL;
    for (int i = 0; i < n; i++)
        if (decode_bytes(p, &b, &lits[i]) < 0)
            goto done;
    o = bytes_from(b.v ? b.v : "", (ssize_t)b.n);
    if (!o || arena_add_object(p->arena, o) < 0) {
        o = NULL;
        parse_nomem(p);
    }
done:
    mem_free(b.v);
    return o ? mk_constant(p, o, loc) : NULL;
}

static Expr *concat_str(Parser *p, Lit *lits, int n, Loc loc)
{
    StrBuilder b;
    Expr *e;
    sb_init(&b);
    for (int i = 0; i < n; i++)
        if (decode_str(p, &b, lits[i].body, lits[i].len, lits[i].raw) < 0) {
            sb_discard(&b);
            return NULL;
        }
    e = str_constant(p, &b, loc);
    if (e && lits[0].u) {
        Object *u = str_intern_cstr("u");
        if (!u || arena_add_object(p->arena, u) < 0)
            return parse_nomem(p);
        e->u.constant.kind = u;
    }
    return e;
}

/* ---- f-strings ---- */

/* Turns the pending literal text of [parts] into a Constant part at
 * [loc]. */
static int flush_text(Parser *p, Parts *parts, Loc loc)
{
    Expr *c;
    if (parts->text.len == 0)
        return 0;
    c = str_constant(p, &parts->text, loc);
    sb_init(&parts->text);
    if (!c || LIST_APPEND(p->arena, parts->values, c) < 0)
        return parse_nomem(p), -1;
    return 0;
}

/* Scans the literal text of an f-string from *s up to an unescaped '{' or
 * '}' (CPython's fstring_find_literal), adding it to [parts].  Returns 1
 * if a doubled brace was consumed and scanning should go on, 0 at a brace
 * or the end, -1 on error. */
static int fstring_literal(Parser *p, Parts *parts, const char **s, const char *end,
                           bool raw, int depth)
{
    const char *start = *s, *q = *s;
    int result = 0;
    while (q < end) {
        char c = *q++;
        if (!raw && c == '\\' && q < end) {
            c = *q++;
            if (c == 'N') {
                if (q < end && *q++ == '{')
                    while (q < end && *q++ != '}')
                        ;
                continue;
            }
        }
        if (c == '{' || c == '}') {
            if (depth == 0 && q < end && *q == c) {
                *s = q + 1;
                result = 1;
                goto done;
            }
            if (depth == 0 && c == '}') {
                STRING_ERROR(p, "f-string: single '}' is not allowed");
                return -1;
            }
            q--;
            break;
        }
    }
    *s = q;
done:
    if (q > start && decode_str(p, &parts->text, start, (size_t)(q - start), raw) < 0)
        return -1;
    return result;
}

/* Finds the end of a replacement field's expression (CPython's
 * fstring_find_expr): stops at '!', ':', '=' or '}' outside brackets and
 * strings. */
static const char *expression_end(Parser *p, const char *s, const char *end)
{
    char quote = 0, stack[LEX_MAXLEVEL];
    int triple = 0, depth = 0;
    for (; s < end; s++) {
        char c = *s;
        if (c == '\\')
            return STRING_ERROR(p, "f-string expression part cannot include a backslash");
        if (quote) {
            if (c == quote && (!triple || (s + 2 < end && s[1] == c && s[2] == c))) {
                s += triple ? 2 : 0;
                quote = 0;
            }
        } else if (c == '\'' || c == '"') {
            triple = s + 2 < end && s[1] == c && s[2] == c;
            s += triple ? 2 : 0;
            quote = c;
        } else if (c == '[' || c == '{' || c == '(') {
            if (depth >= LEX_MAXLEVEL)
                return STRING_ERROR(p, "f-string: too many nested parenthesis");
            stack[depth++] = c;
        } else if (c == '#') {
            return STRING_ERROR(p, "f-string expression part cannot include '#'");
        } else if (depth == 0 && strchr("!:}=<>", c)) {
            if (s + 1 < end && s[1] == '=' && c != ':' && c != '}') {
                s++;
                continue;
            }
            if (c != '<' && c != '>')
                return s;
        } else if (c == ']' || c == '}' || c == ')') {
            char open;
            if (!depth)
                return STRING_ERROR(p, "f-string: unmatched '%c'", c);
            open = stack[--depth];
            if ((open == '(') != (c == ')') || (open == '[') != (c == ']'))
                return STRING_ERROR(p, "f-string: closing parenthesis '%c' does not "
                                    "match opening parenthesis '%c'", c, open);
        }
    }
    if (quote)
        return STRING_ERROR(p, "f-string: unterminated string");
    if (depth)
        return STRING_ERROR(p, "f-string: unmatched '%c'", stack[depth - 1]);
    return s;
}

/* The line and column of [at] inside the token [t]. */
static void position_in_token(const Token *t, const char *at, int *line, int *col)
{
    const char *line_start = NULL;
    *line = t->line;
    for (const char *q = t->start; q < at; q++)
        if (*q == '\n' || (*q == '\r' && q[1] != '\n')) {
            (*line)++;
            line_start = q + 1;
        }
    *col = line_start ? (int)(at - line_start) : t->col + (int)(at - t->start);
}

/* Parses the expression text [start, stop) of a replacement field. */
static Expr *field_expression(Parser *p, const Token *t, const char *start, const char *stop)
{
    const char *q = start;
    int line, col;
    while (q < stop && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '\f'))
        q++;
    if (q == stop) {
        if (*stop == '!' || *stop == ':' || *stop == '=')
            return STRING_ERROR(p, "f-string: expression required before '%c'", *stop);
        return STRING_ERROR(p, "f-string: empty expression not allowed");
    }
    position_in_token(t, start, &line, &col);
    return parse_fstring_expr(p, start, (size_t)(stop - start), line, col);
}

static int fstring_parts(Parser *p, Parts *parts, const char **s, const char *end,
                         bool raw, int depth, const Token *t);

/* The "=" of a self-documenting field: the field's text up to the next
 * non-blank goes before its value.  Returns 0 or -1. */
static int self_documenting(Parser *p, Parts *parts, const char *start, const char **s,
                            const char *end)
{
    (*s)++;
    while (*s < end && (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r'
                        || **s == '\f' || **s == '\v'))
        (*s)++;
    if (*s >= end)
        return STRING_ERROR(p, "f-string: expecting '}'"), -1;
    if (sb_add_utf8(&parts->text, start, (ssize_t)(*s - start)) < 0)
        return parse_nomem(p), -1;
    return 0;
}

/* Reads "!c" after a field's expression; returns the conversion, 0 on error. */
static int conversion(Parser *p, const char **s, const char *end)
{
    int c;
    if (++*s >= end) {
        STRING_ERROR(p, "f-string: expecting '}'");
        return 0;
    }
    c = (unsigned char)*(*s)++;
    if (c != 's' && c != 'r' && c != 'a') {
        STRING_ERROR(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        return 0;
    }
    return c;
}

/* Reads the format spec after ':' as a JoinedStr.  As in CPython, the
 * spec and its final literal are located at the literal [t] holding them,
 * its other parts at the whole string ([span]). */
static Expr *format_spec(Parser *p, Loc span, const char **s, const char *end, bool raw,
                         int depth, const Token *t)
{
    Loc loc = token_loc(t);
    Parts spec = { { 0, NULL }, { 0 }, span };
    Expr *e = NULL;
    sb_init(&spec.text);
    if (++*s >= end) {
        STRING_ERROR(p, "f-string: expecting '}'");
    } else if (fstring_parts(p, &spec, s, end, raw, depth + 1, t) == 0
               && flush_text(p, &spec, loc) == 0) {
        e = mk_expr(p, EXPR_JOINEDSTR, loc);
        if (e)
            e->u.joinedstr.values = spec.values;
    }
    sb_discard(&spec.text);
    return e;
}

/* Reads one replacement field "{...}" at *s and adds its parts. */
static int fstring_field(Parser *p, Parts *parts, const char **s, const char *end,
                         bool raw, int depth, const Token *t)
{
    const char *start = ++*s, *stop;
    Expr *value, *spec = NULL, *fv;
    int conv = -1;
    bool documented = false;
    if (depth >= 2)
        return STRING_ERROR(p, "f-string: expressions nested too deeply"), -1;
    stop = expression_end(p, start, end);
    if (!stop)
        return -1;
    if (stop >= end)
        return STRING_ERROR(p, "f-string: expecting '}'"), -1;
    *s = stop;
    value = field_expression(p, t, start, stop);
    if (!value)
        return -1;
    if (**s == '=') {
        if (self_documenting(p, parts, start, s, end) < 0)
            return -1;
        documented = true;
    }
    if (**s == '!' && !(conv = conversion(p, s, end)))
        return -1;
    if (*s < end && **s == ':' && !(spec = format_spec(p, parts->loc, s, end, raw, depth, t)))
        return -1;
    if (*s >= end || **s != '}')
        return STRING_ERROR(p, "f-string: expecting '}'"), -1;
    ++*s;
    if (documented && !spec && conv == -1)
        conv = 'r';
    if (flush_text(p, parts, parts->loc) < 0
        || !(fv = mk_expr(p, EXPR_FORMATTEDVALUE, parts->loc)))
        return -1;
    fv->u.formattedvalue.value = value;
    fv->u.formattedvalue.conversion = conv;
    fv->u.formattedvalue.format_spec = spec;
    return LIST_APPEND(p->arena, parts->values, fv) < 0 ? (parse_nomem(p), -1) : 0;
}

/* Adds the parts of the f-string text *s..end to [parts]; in a format spec
 * ([depth] > 0) stops at the closing '}'. */
static int fstring_parts(Parser *p, Parts *parts, const char **s, const char *end,
                         bool raw, int depth, const Token *t)
{
    for (;;) {
        int r = fstring_literal(p, parts, s, end, raw, depth);
        if (r < 0)
            return -1;
        if (r == 1)
            continue;
        if (*s >= end || **s == '}')
            return 0;
        if (fstring_field(p, parts, s, end, raw, depth, t) < 0)
            return -1;
    }
}

static Expr *joined_str(Parser *p, Lit *lits, int n, Loc loc)
{
    Parts parts = { { 0, NULL }, { 0 }, loc };
    Expr *e = NULL;
    int i;
    sb_init(&parts.text);
    for (i = 0; i < n; i++) {
        const char *s = lits[i].body, *end = s + lits[i].len;
        int r = lits[i].fmt ? fstring_parts(p, &parts, &s, end, lits[i].raw, 0, lits[i].tok)
                            : decode_str(p, &parts.text, s, lits[i].len, lits[i].raw);
        if (r < 0)
            break;
    }
    if (i == n && flush_text(p, &parts, loc) == 0 && (e = mk_expr(p, EXPR_JOINEDSTR, loc)))
        e->u.joinedstr.values = parts.values;
    sb_discard(&parts.text);
    return e;
}

Expr *parse_strings(Parser *p, TokList *toks, Loc loc)
{
    Lit *lits = arena_alloc(p->arena, (size_t)toks->n * sizeof *lits);
    bool bytes = false, text = false, fmt = false;
    if (!lits)
        return parse_nomem(p);
    for (int i = 0; i < toks->n; i++) {
        read_literal(toks->v[i], &lits[i]);
        bytes |= lits[i].bytes;
        text |= !lits[i].bytes;
        fmt |= lits[i].fmt;
    }
    if (bytes && text)
        return STRING_ERROR(p, "cannot mix bytes and nonbytes literals");
    if (bytes)
        return concat_bytes(p, lits, toks->n, loc);
    return fmt ? joined_str(p, lits, toks->n, loc) : concat_str(p, lits, toks->n, loc);
}
