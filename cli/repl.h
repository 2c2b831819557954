/* repl.h — the interactive prompt. */
#ifndef MEMPY_REPL_H
#define MEMPY_REPL_H

/* Reads, compiles and runs statements until EOF or SystemExit; returns the
 * exit status. */
int repl_run(void);

#endif
