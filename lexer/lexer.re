/* lexer.re — the scanner: source bytes to Python 3.11 tokens (re2c).
 *
 * lex_next() hands out one token at a time.  Layout follows CPython's
 * tokenizer: at the start of each logical line the indentation is measured
 * (tabs to the next multiple of 8, and again counting a tab as 1 to detect
 * inconsistent mixing), compared with the indentation stack, and turned into
 * pending INDENT / DEDENT tokens.  Blank and comment-only lines do not count
 * (in interactive mode an empty line does: it ends a compound statement).
 * Inside brackets newlines are ignored; a backslash joins two lines.
 *
 * Strings are scanned whole (prefix and quotes included) and left undecoded:
 * parser/strings.c decodes them and splits f-strings.  Numbers are checked
 * here with CPython's messages and converted by the parser.
 *
 * Generated with: re2c -W --no-generation-date --no-version -c -o lexer/lexer.c lexer/lexer.re
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "lexer.h"
#include "../parser/parser.h"

/* What scan() returns when it ended a blank line without a token. */
enum { NO_TOKEN = -1 };

/* ---- positions ---- */

static int column(const Lexer *lx, const unsigned char *p)
{
    return (int)(p - lx->line_start) + (lx->line == lx->line0 ? lx->col0 : 0);
}

static void start_line(Lexer *lx, const unsigned char *p)
{
    lx->line++;
    lx->line_start = p;
}

/* Skips one newline ("\n", "\r\n" or "\r") at [p]; returns what follows. */
static const unsigned char *skip_eol(const unsigned char *p)
{
    if (p[0] == '\r' && p[1] == '\n')
        return p + 2;
    return p + 1;
}

/* The line and the 1-based offset CPython reports at the end of input: the
 * last line read, just past its end (as if it had a newline). */
static void eof_position(const Lexer *lx, int *line, int *offset)
{
    const unsigned char *ls = lx->line_start;
    *line = lx->line;
    if (ls == lx->lim && ls > lx->buf && lx->line > lx->line0) {
        const unsigned char *q = ls - 1;
        if (q > lx->buf && q[0] == '\n' && q[-1] == '\r')
            q--;
        while (q > lx->buf && q[-1] != '\n' && q[-1] != '\r')
            q--;
        *line = lx->line - 1;
        *offset = (int)(ls - q);
        return;
    }
    *offset = (int)(lx->lim - ls) + 1;
}

/* ---- errors ---- */

static int fail(Lexer *lx, LexErrKind kind, int line, int offset, int end_offset,
                bool bare, const char *fmt, ...)
{
    va_list ap;
    lx->err.kind = kind;
    lx->err.line = lx->err.end_line = line;
    lx->err.offset = offset;
    lx->err.end_offset = end_offset;
    lx->err.bare_text = bare;
    va_start(ap, fmt);
    vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
    va_end(ap);
    return TOK_YYerror;
}

/* A tokenizer-style SyntaxError on the current line at 1-based [offset]. */
#define TOKEN_ERROR(lx, offset, ...) \
    fail((lx), LEX_ERR_SYNTAX, (lx)->line, (offset), (offset), true, __VA_ARGS__)

static int incomplete(Lexer *lx)
{
    lx->err.kind = LEX_ERR_INCOMPLETE;
    return TOK_YYerror;
}

static int tab_error(Lexer *lx)
{
    return fail(lx, LEX_ERR_TAB, lx->line, 1, 0, false,
                "inconsistent use of tabs and spaces in indentation");
}

/* ---- emitting tokens ---- */

static int emit(Lexer *lx, Token *t, int kind, const unsigned char *start,
                const unsigned char *end)
{
    t->kind = kind;
    t->flags = 0;
    t->start = (const char *)start;
    t->end = (const char *)end;
    t->line = t->end_line = lx->line;
    t->col = column(lx, start);
    t->end_col = column(lx, end);
    lx->cur = end;
    lx->line_has_tokens = true;
    lx->continued = false;
    return kind;
}

/* A token with no text of its own (INDENT, DEDENT, the end markers). */
static int emit_layout(Lexer *lx, Token *t, int kind, int line, int offset)
{
    t->kind = kind;
    t->flags = 0;
    t->start = t->end = (const char *)lx->cur;
    t->line = t->end_line = line;
    t->col = offset - 1;
    t->end_col = -2;
    return kind;
}

static int emit_pending(Lexer *lx, Token *t)
{
    int offset = column(lx, lx->cur);
    if (lx->pending > 0) {
        lx->pending--;
        return emit_layout(lx, t, TOK_INDENT, lx->line, offset);
    }
    lx->pending++;
    return emit_layout(lx, t, TOK_DEDENT, lx->line, offset);
}

/* ---- indentation ---- */

static int dedent_error(Lexer *lx)
{
    const unsigned char *p = lx->cur;
    while (p < lx->lim && *p != '\n' && *p != '\r')
        p++;
    int offset = (int)(p - lx->line_start) + 1;
    return fail(lx, LEX_ERR_INDENT, lx->line, offset, -1, false,
                "unindent does not match any outer indentation level");
}

/* Compares the new line's indentation with the stack and queues INDENTs or
 * DEDENTs.  Returns 0 or TOK_YYerror. */
static int set_indentation(Lexer *lx, int col, int altcol)
{
    int top = lx->indent;
    if (col == lx->indstack[top])
        return altcol == lx->altstack[top] ? 0 : tab_error(lx);
    if (col > lx->indstack[top]) {
        if (top + 1 >= LEX_MAXINDENT)
            return fail(lx, LEX_ERR_INDENT, lx->line, 1, 0, false,
                        "too many levels of indentation");
        if (altcol <= lx->altstack[top])
            return tab_error(lx);
        lx->indent++;
        lx->indstack[lx->indent] = col;
        lx->altstack[lx->indent] = altcol;
        lx->pending++;
        return 0;
    }
    while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
        lx->indent--;
        lx->pending--;
    }
    if (col != lx->indstack[lx->indent])
        return dedent_error(lx);
    return altcol == lx->altstack[lx->indent] ? 0 : tab_error(lx);
}

/* At the start of a logical line: measures the indentation and decides
 * whether the line is blank.  Returns 0 or TOK_YYerror. */
static int line_start(Lexer *lx, bool *blank)
{
    const unsigned char *p = lx->cur;
    int col = 0, altcol = 0;
    for (;; p++) {
        if (*p == ' ') {
            col++;
            altcol++;
        } else if (*p == '\t') {
            col = (col / 8 + 1) * 8;
            altcol++;
        } else if (*p == '\f') {
            col = altcol = 0;
        } else {
            break;
        }
    }
    lx->cur = p;
    lx->at_bol = false;
    *blank = false;
    if (p == lx->lim)
        return 0;
    if (*p == '#' || *p == '\n' || *p == '\r') {
        bool empty = col == 0 && *p != '#';
        if (lx->mode != LEX_MODE_INTERACTIVE || (!empty && lx->line != 1)) {
            *blank = true;
            return 0;
        }
        col = altcol = 0;
    }
    return set_indentation(lx, col, altcol);
}

/* ---- the end of input ---- */

static int end_of_input(Lexer *lx, Token *t)
{
    int line, offset;
    bool interactive = lx->mode == LEX_MODE_INTERACTIVE;
    eof_position(lx, &line, &offset);
    if (lx->level > 0) {
        int i = lx->level - 1;
        if (interactive)
            return incomplete(lx);
        lx->err.unclosed = true;
        return fail(lx, LEX_ERR_SYNTAX, lx->paren_line[i], lx->paren_col[i] + 1, 0,
                    false, "'%c' was never closed", lx->paren[i]);
    }
    if (lx->continued) {
        if (interactive)
            return incomplete(lx);
        return fail(lx, LEX_ERR_SYNTAX, line, offset, -1, false,
                    "unexpected EOF while parsing");
    }
    if (lx->line_has_tokens) {
        lx->line_has_tokens = false;
        emit_layout(lx, t, TOK_NEWLINE, line, offset);
        t->end_col = t->col;
        return TOK_NEWLINE;
    }
    if (!interactive && lx->indent > 0) {
        lx->indent--;
        return emit_layout(lx, t, TOK_DEDENT, line, offset);
    }
    lx->done = true;
    return emit_layout(lx, t, TOK_YYEOF, line, offset);
}

/* ---- strings ---- */

static int unterminated(Lexer *lx, int line0, int col0, bool triple, bool after_eol)
{
    int line = lx->line, offset;
    if (lx->cur >= lx->lim) {
        if (triple || after_eol) {
            if (lx->mode == LEX_MODE_INTERACTIVE)
                return incomplete(lx);
        }
        eof_position(lx, &line, &offset);
    }
    return fail(lx, LEX_ERR_SYNTAX, line0, col0 + 1, col0 + 1, true,
                triple ? "unterminated triple-quoted string literal (detected at line %d)"
                       : "unterminated string literal (detected at line %d)", line);
}

/* Scans the rest of a string whose prefix and opening quote span
 * [start, p). */
static int scan_string(Lexer *lx, Token *t, const unsigned char *start,
                       const unsigned char *p)
{
    unsigned char q = p[-1];
    bool triple = p[0] == q && p[1] == q;
    int line0 = lx->line, col0 = column(lx, start);
    bool after_eol = false;
    if (triple)
        p += 2;
    for (;;) {
        if (p >= lx->lim) {
            lx->cur = p;
            return unterminated(lx, line0, col0, triple, after_eol);
        }
        unsigned char c = *p++;
        after_eol = false;
        if (c == '\\') {
            if (p < lx->lim && (*p == '\n' || *p == '\r')) {
                p = skip_eol(p);
                start_line(lx, p);
                after_eol = true;
            } else if (p < lx->lim) {
                p++;
            }
        } else if (c == '\n' || c == '\r') {
            if (!triple) {
                lx->cur = p - 1;
                return unterminated(lx, line0, col0, false, false);
            }
            p = skip_eol(p - 1);
            start_line(lx, p);
        } else if (c == q && (!triple || (p[0] == q && p[1] == q))) {
            p += triple ? 2 : 0;
            break;
        }
    }
    emit(lx, t, TOK_STRING, start, p);
    t->line = line0;
    t->col = col0;
    return TOK_STRING;
}

/* ---- numbers ---- */

static bool is_id_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c >= 0x80;
}

/* CPython accepts a number directly followed by one of these keywords. */
static bool keyword_follows(const unsigned char *p)
{
    static const char *const words[] = { "and", "else", "for", "if", "in", "is", "not", "or" };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strncmp((const char *)p, words[i], strlen(words[i])) == 0)
            return true;
    return false;
}

/* Checks what follows a number literal of [kind] ("decimal", "octal", ...)
 * spanning [start, end), then emits it. */
static int number(Lexer *lx, Token *t, const unsigned char *start,
                  const unsigned char *end, int flags, const char *kind)
{
    int col = column(lx, end);
    bool digits_only = kind[0] == 'o' || kind[0] == 'b';
    lx->cur = end;
    if (digits_only && *end >= '0' && *end <= '9')
        return TOKEN_ERROR(lx, col + 1, "invalid digit '%c' in %s literal", *end, kind);
    if (*end == '_')
        return TOKEN_ERROR(lx, col + 1, "invalid %s literal", kind);
    if ((*end | 0x20) == 'e' && (end[1] == '+' || end[1] == '-'))
        return TOKEN_ERROR(lx, col + 2, "invalid %s literal", kind);
    if (is_id_byte(*end) && !keyword_follows(end))
        return TOKEN_ERROR(lx, col, "invalid %s literal", kind);
    emit(lx, t, TOK_NUMBER, start, end);
    t->flags = flags;
    return TOK_NUMBER;
}

/* "0x", "0o" or "0b" with no digit after it (nor after an underscore). */
static int bare_prefix(Lexer *lx, const unsigned char *end)
{
    char c = (char)(end[-1] | 0x20);
    const char *kind = c == 'x' ? "hexadecimal" : c == 'o' ? "octal" : "binary";
    const unsigned char *p = end + (*end == '_');
    int col = column(lx, p);
    lx->cur = p;
    if (c != 'x' && *p >= '0' && *p <= '9')
        return TOKEN_ERROR(lx, col + 1, "invalid digit '%c' in %s literal", *p, kind);
    return TOKEN_ERROR(lx, col, "invalid %s literal", kind);
}

static int leading_zeros(Lexer *lx, const unsigned char *start, const unsigned char *end)
{
    const unsigned char *p = start;
    while (*p == '0' || *p == '_')
        p++;
    lx->cur = end;
    return fail(lx, LEX_ERR_SYNTAX, lx->line, column(lx, start) + 1, column(lx, p) + 1,
                true, "leading zeros in decimal integer literals are not permitted; "
                "use an 0o prefix for octal integers");
}

/* ---- names ---- */

/* Decodes one UTF-8 sequence at [p] (the source is valid UTF-8). */
static unsigned decode_utf8(const unsigned char *p, int *len)
{
    if (p[0] < 0xE0) {
        *len = 2;
        return (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    }
    if (p[0] < 0xF0) {
        *len = 3;
        return (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    }
    *len = 4;
    return (unsigned)(p[0] & 0x07) << 18 | (unsigned)(p[1] & 0x3F) << 12
        | (unsigned)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
}

/* An approximation of Unicode's XID_Start / XID_Continue for non-ASCII
 * characters: letters are accepted, the common punctuation and symbol
 * blocks are not. */
static bool identifier_char(unsigned c, bool first)
{
    if (c < 0xC0)
        return c == 0xAA || c == 0xB5 || c == 0xBA || (!first && c == 0xB7);
    if (c == 0xD7 || c == 0xF7 || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF))
        return false;
    if (c >= 0x2000 && c <= 0x206F)
        return !first && (c == 0x203F || c == 0x2040 || c == 0x2054);
    if ((c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2190 && c <= 0x2BFF))
        return false;
    if ((c >= 0x3000 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3020))
        return false;
    if ((c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F))
        return false;
    if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20))
        return false;
    return !(c >= 0x1F000 && c <= 0x1FAFF);
}

/* An approximation of Unicode's printable characters among the
 * non-ASCII ones: separators and format controls are not. */
static bool printable(unsigned c)
{
    return !(c <= 0xA0 || c == 0xAD || (c >= 0x2000 && c <= 0x200F)
             || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F)
             || c == 0x3000 || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB));
}

/* Checks the non-ASCII characters of a name spanning [start, end). */
static int check_name(Lexer *lx, const unsigned char *start, const unsigned char *end)
{
    for (const unsigned char *p = start; p < end;) {
        int len = 1;
        if (*p < 0x80) {
            p++;
            continue;
        }
        unsigned c = decode_utf8(p, &len);
        if (!identifier_char(c, p == start)) {
            lx->cur = p + len;
            if (!printable(c))
                return TOKEN_ERROR(lx, column(lx, p) + 1,
                                   "invalid non-printable character U+%04X", c);
            return TOKEN_ERROR(lx, column(lx, p) + 1, "invalid character '%.*s' (U+%04X)",
                               len, (const char *)p, c);
        }
        p += len;
    }
    return 0;
}

static int name(Lexer *lx, Token *t, const unsigned char *start, const unsigned char *end)
{
    if (check_name(lx, start, end) != 0)
        return TOK_YYerror;
    return emit(lx, t, TOK_NAME, start, end);
}

/* ---- brackets ---- */

static int open_bracket(Lexer *lx, Token *t, const unsigned char *start, int kind)
{
    if (lx->level >= LEX_MAXLEVEL) {
        lx->cur = start + 1;
        return TOKEN_ERROR(lx, column(lx, start) + 1, "too many nested parentheses");
    }
    lx->paren[lx->level] = (char)*start;
    lx->paren_line[lx->level] = lx->line;
    lx->paren_col[lx->level] = column(lx, start);
    lx->level++;
    return emit(lx, t, kind, start, start + 1);
}

static int close_bracket(Lexer *lx, Token *t, const unsigned char *start, int kind)
{
    char c = (char)*start, open;
    int offset = column(lx, start) + 1;
    lx->cur = start + 1;
    if (lx->level == 0)
        return TOKEN_ERROR(lx, offset, "unmatched '%c'", c);
    lx->level--;
    open = lx->paren[lx->level];
    if ((open == '(' && c != ')') || (open == '[' && c != ']') || (open == '{' && c != '}')) {
        if (lx->paren_line[lx->level] != lx->line)
            return TOKEN_ERROR(lx, offset, "closing parenthesis '%c' does not match "
                               "opening parenthesis '%c' on line %d", c, open,
                               lx->paren_line[lx->level]);
        return TOKEN_ERROR(lx, offset, "closing parenthesis '%c' does not match "
                           "opening parenthesis '%c'", c, open);
    }
    return emit(lx, t, kind, start, start + 1);
}

/* ---- other characters ---- */

static int bad_character(Lexer *lx, Token *t, const unsigned char *start)
{
    unsigned char c = *start;
    if (c < 0x20 || c == 0x7F) {
        lx->cur = start + 1;
        return TOKEN_ERROR(lx, column(lx, start) + 1,
                           "invalid non-printable character U+%04X", c);
    }
    return emit(lx, t, TOK_ERRORTOKEN, start, start + 1);
}

static int bad_continuation(Lexer *lx, const unsigned char *start)
{
    lx->cur = start + 1;
    if (start + 1 >= lx->lim) {
        lx->continued = true;
        return end_of_input(lx, NULL);
    }
    return fail(lx, LEX_ERR_SYNTAX, lx->line, column(lx, start) + 2, 0, false,
                "unexpected character after line continuation character");
}

/* A newline outside a string.  Returns NEWLINE, or NO_TOKEN when it only
 * joins lines (inside brackets, or ending a blank line). */
static int newline(Lexer *lx, Token *t, const unsigned char *start,
                   const unsigned char *end, bool blank)
{
    int kind = NO_TOKEN;
    if (lx->level == 0 && !blank) {
        kind = emit(lx, t, TOK_NEWLINE, start, start);
        lx->line_has_tokens = false;
        lx->at_bol = true;
    }
    lx->cur = end;
    lx->continued = false;
    start_line(lx, end);
    return kind;
}

/* ---- the scanner proper ---- */

/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;
    re2c:eof = 0;

    eol = "\r\n" | "\n" | "\r";
    id_start = [a-zA-Z_\x80-\xff];
    id_cont = [a-zA-Z0-9_\x80-\xff];
    str_prefix = [rRuUbBfF] | [rR][bBfF] | [bBfF][rR];

    digitpart = [0-9] ("_"? [0-9])*;
    decimal = [1-9] ("_"? [0-9])*;
    zero = "0" ("_"? "0")*;
    hexnum = "0" [xX] ("_"? [0-9a-fA-F])+;
    octnum = "0" [oO] ("_"? [0-7])+;
    binnum = "0" [bB] ("_"? [01])+;
    exponent = [eE] [+-]? digitpart;
    pointfloat = digitpart? "." digitpart | digitpart ".";
    floatnum = pointfloat exponent? | digitpart exponent;
    imagnum = (floatnum | digitpart) [jJ];
*/

/* Scans one token (skipping blanks, comments and joined lines); NO_TOKEN
 * after a blank line. */
static int scan(Lexer *lx, Token *t, bool blank)
{
    const unsigned char *YYCURSOR = lx->cur, *YYLIMIT = lx->lim, *YYMARKER = lx->cur;
    const unsigned char *start;
    int kind;
#define TOK(k) return emit(lx, t, (k), start, YYCURSOR)
    for (;;) {
        start = YYCURSOR;
        lx->cur = start;
        /*!re2c
        $                   { return end_of_input(lx, t); }
        [ \t\f]+            { continue; }
        "#" [^\r\n\x00]*    { continue; }
        "\\" eol            { lx->continued = true; start_line(lx, YYCURSOR); continue; }
        "\\"                { return bad_continuation(lx, start); }
        eol                 { kind = newline(lx, t, start, YYCURSOR, blank);
                              if (kind != NO_TOKEN) return kind;
                              if (blank) { lx->at_bol = true; return NO_TOKEN; }
                              YYCURSOR = lx->cur;
                              continue; }

        "False"     { TOK(TOK_FALSE); }
        "None"      { TOK(TOK_NONE); }
        "True"      { TOK(TOK_TRUE); }
        "and"       { TOK(TOK_AND); }
        "as"        { TOK(TOK_AS); }
        "assert"    { TOK(TOK_ASSERT); }
        "async"     { TOK(TOK_ASYNC); }
        "await"     { TOK(TOK_AWAIT); }
        "break"     { TOK(TOK_BREAK); }
        "class"     { TOK(TOK_CLASS); }
        "continue"  { TOK(TOK_CONTINUE); }
        "def"       { TOK(TOK_DEF); }
        "del"       { TOK(TOK_DEL); }
        "elif"      { TOK(TOK_ELIF); }
        "else"      { TOK(TOK_ELSE); }
        "except"    { TOK(TOK_EXCEPT); }
        "finally"   { TOK(TOK_FINALLY); }
        "for"       { TOK(TOK_FOR); }
        "from"      { TOK(TOK_FROM); }
        "global"    { TOK(TOK_GLOBAL); }
        "if"        { TOK(TOK_IF); }
        "import"    { TOK(TOK_IMPORT); }
        "in"        { TOK(TOK_IN); }
        "is"        { TOK(TOK_IS); }
        "lambda"    { TOK(TOK_LAMBDA); }
        "nonlocal"  { TOK(TOK_NONLOCAL); }
        "not"       { TOK(TOK_NOT); }
        "or"        { TOK(TOK_OR); }
        "pass"      { TOK(TOK_PASS); }
        "raise"     { TOK(TOK_RAISE); }
        "return"    { TOK(TOK_RETURN); }
        "try"       { TOK(TOK_TRY); }
        "while"     { TOK(TOK_WHILE); }
        "with"      { TOK(TOK_WITH); }
        "yield"     { TOK(TOK_YIELD); }

        str_prefix? ['"]    { return scan_string(lx, t, start, YYCURSOR); }
        id_start id_cont*   { return name(lx, t, start, YYCURSOR); }

        decimal | zero      { return number(lx, t, start, YYCURSOR, LEX_NUM_INT, "decimal"); }
        hexnum              { return number(lx, t, start, YYCURSOR, LEX_NUM_INT, "hexadecimal"); }
        octnum              { return number(lx, t, start, YYCURSOR, LEX_NUM_INT, "octal"); }
        binnum              { return number(lx, t, start, YYCURSOR, LEX_NUM_INT, "binary"); }
        "0" [xXoObB]        { return bare_prefix(lx, YYCURSOR); }
        "0" ("_"? [0-9])+   { return leading_zeros(lx, start, YYCURSOR); }
        floatnum            { return number(lx, t, start, YYCURSOR, LEX_NUM_FLOAT, "decimal"); }
        imagnum             { return number(lx, t, start, YYCURSOR, LEX_NUM_IMAG, "imaginary"); }

        "("     { return open_bracket(lx, t, start, TOK_LPAR); }
        "["     { return open_bracket(lx, t, start, TOK_LSQB); }
        "{"     { return open_bracket(lx, t, start, TOK_LBRACE); }
        ")"     { return close_bracket(lx, t, start, TOK_RPAR); }
        "]"     { return close_bracket(lx, t, start, TOK_RSQB); }
        "}"     { return close_bracket(lx, t, start, TOK_RBRACE); }

        ":"     { TOK(TOK_COLON); }
        ","     { TOK(TOK_COMMA); }
        ";"     { TOK(TOK_SEMI); }
        "+"     { TOK(TOK_PLUS); }
        "-"     { TOK(TOK_MINUS); }
        "*"     { TOK(TOK_STAR); }
        "/"     { TOK(TOK_SLASH); }
        "|"     { TOK(TOK_VBAR); }
        "&"     { TOK(TOK_AMPER); }
        "<"     { TOK(TOK_LESS); }
        ">"     { TOK(TOK_GREATER); }
        "="     { TOK(TOK_EQUAL); }
        "."     { TOK(TOK_DOT); }
        "%"     { TOK(TOK_PERCENT); }
        "=="    { TOK(TOK_EQEQUAL); }
        "!="    { TOK(TOK_NOTEQUAL); }
        "<="    { TOK(TOK_LESSEQUAL); }
        ">="    { TOK(TOK_GREATEREQUAL); }
        "~"     { TOK(TOK_TILDE); }
        "^"     { TOK(TOK_CIRCUMFLEX); }
        "<<"    { TOK(TOK_LEFTSHIFT); }
        ">>"    { TOK(TOK_RIGHTSHIFT); }
        "**"    { TOK(TOK_DOUBLESTAR); }
        "+="    { TOK(TOK_PLUSEQUAL); }
        "-="    { TOK(TOK_MINEQUAL); }
        "*="    { TOK(TOK_STAREQUAL); }
        "/="    { TOK(TOK_SLASHEQUAL); }
        "%="    { TOK(TOK_PERCENTEQUAL); }
        "&="    { TOK(TOK_AMPEREQUAL); }
        "|="    { TOK(TOK_VBAREQUAL); }
        "^="    { TOK(TOK_CIRCUMFLEXEQUAL); }
        "<<="   { TOK(TOK_LEFTSHIFTEQUAL); }
        ">>="   { TOK(TOK_RIGHTSHIFTEQUAL); }
        "**="   { TOK(TOK_DOUBLESTAREQUAL); }
        "//"    { TOK(TOK_DOUBLESLASH); }
        "//="   { TOK(TOK_DOUBLESLASHEQUAL); }
        "@"     { TOK(TOK_AT); }
        "@="    { TOK(TOK_ATEQUAL); }
        "->"    { TOK(TOK_RARROW); }
        "<>"    { TOK(TOK_ERRORTOKEN); }
        "..."   { TOK(TOK_ELLIPSIS); }
        ":="    { TOK(TOK_COLONEQUAL); }

        *       { return bad_character(lx, t, start); }
        */
    }
#undef TOK
}

void lex_init(Lexer *lx, const char *buf, size_t len, LexMode mode, int line, int col)
{
    memset(lx, 0, sizeof *lx);
    lx->buf = lx->cur = lx->line_start = (const unsigned char *)buf;
    lx->lim = lx->buf + len;
    lx->line = lx->line0 = line;
    lx->col0 = col;
    lx->mode = mode;
    lx->at_bol = true;
    if (line == 1 && col == 0 && len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        lx->cur = lx->line_start = lx->buf + 3;
}

int lex_next(Lexer *lx, Token *t)
{
    if (lx->err.kind != LEX_ERR_NONE)
        return TOK_YYerror;
    if (lx->done) {
        int line, offset;
        eof_position(lx, &line, &offset);
        return emit_layout(lx, t, TOK_YYEOF, line, offset);
    }
    for (;;) {
        bool blank = false;
        int kind;
        if (lx->pending)
            return emit_pending(lx, t);
        if (lx->at_bol) {
            if (line_start(lx, &blank) != 0)
                return TOK_YYerror;
            if (lx->pending)
                continue;
        }
        kind = scan(lx, t, blank);
        if (kind != NO_TOKEN)
            return kind;
    }
}
