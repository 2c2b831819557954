/* run.h — running source text: parse, compile, execute in __main__. */
#ifndef MEMPY_RUN_H
#define MEMPY_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include "../vm/object.h"

/* Parses, compiles and runs [len] bytes of [src] in __main__'s namespace,
 * as a whole module or as one REPL statement ([interactive]).  Returns 0 on
 * success, -1 with the exception set, or (interactive only) 1 when the input
 * is incomplete and more lines are needed. */
int run_source(const char *src, size_t len, Object *filename, bool interactive);

/* Sets up what the front end needs (the SyntaxWarning printer). */
void run_init(void);

/* The compile hook installed in the interpreter for compile/exec/eval. */
Object *run_compile(Object *source, Object *filename, const char *mode);

/* Prints the pending exception; returns the exit status it calls for
 * (SystemExit's code, 130 for KeyboardInterrupt, else 1). */
int run_report_exception(void);

#endif
