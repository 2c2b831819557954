/* run.c — from source text to a finished run: the parser's arena stays alive
 * until the code it produced has finished running (as CPython's does, which
 * is why a literal's refcount includes one for the AST). */
#include <stdlib.h>
#include <string.h>
#include "run.h"
#include "../parser/ast.h"
#include "../compiler/compile.h"
#include "../vm/errors.h"
#include "../vm/interp.h"
#include "../vm/str.h"

/* Parses and compiles; the arena is handed back for the caller to free
 * after running.  *incomplete is set in PARSE_SINGLE mode. */
static Object *compile_text(const char *src, size_t len, Object *filename, ParseMode mode,
                            bool interactive, Arena **arena_out, int *incomplete)
{
    Arena *arena = arena_new();
    if (!arena)
        return NULL;
    Mod *mod = parse_source(arena, src, len, filename, mode, incomplete);
    Object *co = mod ? comp_compile(mod, arena, filename, interactive) : NULL;
    if (co && getenv("MEMPY_DIS"))
        comp_disassemble((CodeObject *)co, stderr);
    if (!co) {
        arena_free(arena);
        return NULL;
    }
    *arena_out = arena;
    return co;
}

/* Compile-time SyntaxWarnings, printed as CPython prints an unfiltered
 * warning: "file:line: SyntaxWarning: message" and the source line. */
static int print_syntax_warning(Object *filename, int lineno, Object *message)
{
    const char *file = str_as_utf8(filename, NULL), *msg = str_as_utf8(message, NULL);
    if (!file || !msg) {
        err_clear();
        return 0;
    }
    fflush(stdout);
    fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", file, lineno, msg);
    FILE *fp = file[0] != '<' ? fopen(file, "r") : NULL;
    char line[4096];
    for (int n = 1; fp && fgets(line, sizeof line, fp); n++)
        if (n == lineno) {
            char *p = line;
            while (*p == ' ' || *p == '\t')
                p++;
            fprintf(stderr, "  %s%s", p, strchr(p, '\n') ? "" : "\n");
            break;
        }
    if (fp)
        fclose(fp);
    return 0;
}

void run_init(void)
{
    comp_set_warning_handler(print_syntax_warning);
}

int run_source(const char *src, size_t len, Object *filename, bool interactive)
{
    Arena *arena = NULL;
    int incomplete = 0;
    Object *co = compile_text(src, len, filename, interactive ? PARSE_SINGLE : PARSE_FILE,
                              interactive, &arena, &incomplete);
    if (!co)
        return incomplete ? 1 : -1;
    Object *main = vm_main_module();
    Object *r = main ? vm_eval_code((CodeObject *)co, MODULE_DICT(main), NULL) : NULL;
    DECREF(co);
    arena_free(arena);
    if (!r)
        return -1;
    DECREF(r);
    return 0;
}

Object *run_compile(Object *source, Object *filename, const char *mode)
{
    ssize_t len;
    const char *src = str_as_utf8(source, &len);
    if (!src)
        return NULL;
    ParseMode pm = strcmp(mode, "eval") == 0 ? PARSE_EVAL : strcmp(mode, "single") == 0 ? PARSE_SINGLE
                                                                                      : PARSE_FILE;
    Arena *arena = NULL;
    /* compile(..., 'single') reports an unfinished statement as an error */
    Object *co = compile_text(src, (size_t)len, filename, pm, pm == PARSE_SINGLE, &arena, NULL);
    if (arena)
        arena_free(arena);
    return co;
}

int run_report_exception(void)
{
    int status = vm_handle_system_exit();
    if (status >= 0)
        return status;
    bool interrupted = err_matches(exc_KeyboardInterrupt);
    vm_print_exception();
    return interrupted ? 130 : 1;
}
