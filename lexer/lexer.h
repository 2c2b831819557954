/* lexer.h — the token interface of the scanner (lexer/lexer.re).
 *
 * The lexer turns UTF-8 source bytes into Python 3.11 tokens, one at a time:
 * names, keywords, numbers, strings (whole, prefix and quotes included),
 * operators, and the layout tokens NEWLINE / INDENT / DEDENT that it derives
 * from an indentation stack, as CPython's tokenizer does.  It knows the parser
 * only through the token numbers TOK_* of the Bison-generated parser/parser.h;
 * it makes no objects and allocates nothing.
 *
 * Positions: lines from 1, columns as 0-based UTF-8 byte offsets in the line,
 * end column exclusive.  Tokens for which CPython has no column (INDENT,
 * DEDENT, and the tokens made at the end of input) get col = the column where
 * the scanner stands minus one, and end_col = -2, so that col + 1 and
 * end_col + 1 are the offset and end_offset CPython reports for them.
 */
#ifndef MEMPY_LEXER_H
#define MEMPY_LEXER_H

#include <stdbool.h>
#include <stddef.h>

enum { LEX_MAXINDENT = 100, LEX_MAXLEVEL = 200 };

typedef enum {
    LEX_MODE_FILE,              /* a module, eval() input, an f-string expression */
    LEX_MODE_INTERACTIVE        /* one REPL statement: end of input may be "need more" */
} LexMode;

/* NUMBER tokens say which kind of literal they are in Token.flags. */
enum { LEX_NUM_INT, LEX_NUM_FLOAT, LEX_NUM_IMAG };

typedef struct Token {
    int kind;                   /* TOK_*; TOK_YYEOF at the end; TOK_YYerror on error */
    int flags;                  /* NUMBER: LEX_NUM_* */
    const char *start, *end;    /* the token's bytes in the source buffer */
    int line, col, end_line, end_col;
} Token;

typedef enum {
    LEX_ERR_NONE,
    LEX_ERR_SYNTAX,             /* SyntaxError */
    LEX_ERR_INDENT,             /* IndentationError */
    LEX_ERR_TAB,                /* TabError */
    LEX_ERR_INCOMPLETE          /* interactive input ended inside a token: read more */
} LexErrKind;

/* A scanning error, with the location as CPython's SyntaxError reports it:
 * offset and end_offset count bytes from 1 (the parser converts them to
 * characters); values below 1 are kept as CPython gives them. */
typedef struct {
    LexErrKind kind;
    int line, offset, end_line, end_offset;
    bool bare_text;             /* error text is the line without its newline */
    bool unclosed;              /* "'(' was never closed" */
    char msg[160];
} LexError;

typedef struct {
    const unsigned char *buf, *cur, *lim;
    const unsigned char *line_start;  /* first byte of the current line */
    int line;
    int line0, col0;            /* position of buf[0]: columns of line0 start at col0 */
    LexMode mode;
    bool at_bol;                /* at the start of a logical line */
    bool line_has_tokens;       /* the current logical line produced a token */
    bool continued;             /* the last line ended with a backslash */
    bool done;                  /* ENDMARKER was returned */
    int level;                  /* open brackets */
    char paren[LEX_MAXLEVEL];
    int paren_line[LEX_MAXLEVEL], paren_col[LEX_MAXLEVEL];
    int indent;                 /* top of the indentation stacks */
    int indstack[LEX_MAXINDENT];    /* columns, tabs to multiples of 8 */
    int altstack[LEX_MAXINDENT];    /* columns, tabs counting 1 */
    int pending;                /* > 0: INDENTs to emit; < 0: DEDENTs */
    LexError err;
} Lexer;

/* Prepares [lx] to scan the [len] bytes at [buf], which must be followed by
 * a NUL byte (buf[len] == 0) and contain none; [line] and [col] are the
 * position of buf[0] in the file (1 and 0 for a whole file). */
void lex_init(Lexer *lx, const char *buf, size_t len, LexMode mode, int line, int col);

/* Scans the next token into [t] and returns its kind.  On a scanning error
 * returns TOK_YYerror with lx->err filled; after the end returns TOK_YYEOF
 * again. */
int lex_next(Lexer *lx, Token *t);

#endif
