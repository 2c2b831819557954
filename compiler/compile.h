/* compile.h — the compiler's public API: AST to code objects.
 *
 * comp_compile folds constants, builds the symbol table and generates one
 * code object per module, class body, function, lambda and comprehension,
 * with the instruction set of vm/opcodes.h (CPython 3.11's, with absolute
 * jump targets and no CACHE/PRECALL units).
 *
 * Conventions the eval loop relies on:
 * - MAKE_FUNCTION's annotations (flag 4) are a flat tuple
 *   (name1, value1, name2, value2, ...) as in CPython 3.11; the function
 *   turns it into a dict the first time __annotations__ is read.
 * - A generator's code starts with RETURN_GENERATOR, POP_TOP: when the
 *   generator first runs, the value sent (None) is pushed and popped, as
 *   for every later resumption after YIELD_VALUE.
 * - RERAISE i (i > 0) restores the frame's lasti from the int at stack
 *   position i + 1 (counting the top as 1) before re-raising.
 * - CodeObject.ncellvars counts every cell slot, arguments that are cells
 *   included (CPython's co_ncellvars).
 */
#ifndef MEMPY_COMPILE_H
#define MEMPY_COMPILE_H

#include <stdio.h>
#include "../parser/ast.h"
#include "../vm/code.h"

/* Compiles [mod] (whose objects live in [arena]) to the code object of a
 * module named "<module>", or NULL with SyntaxError (or MemoryError /
 * RecursionError) set.  The AST is folded in place; folded constants are
 * added to [arena].  [interactive]: REPL mode, every module-level
 * expression statement prints its value (PRINT_EXPR). */
Object *comp_compile(Mod *mod, Arena *arena, Object *filename, int interactive);

/* Compile-time warnings (CPython's SyntaxWarnings: "is" with a literal,
 * a call of a literal, an assertion on a tuple...) go to a handler that
 * shows them as warnings.warn_explicit(message, SyntaxWarning, filename,
 * lineno) would; it returns -1 to turn the warning into an error (the
 * compiler then raises SyntaxError(message) at the warning's location). */
typedef int (*CompWarnHandler)(Object *filename, int lineno, Object *message);
/* Installs [handler] (NULL: warnings are dropped). */
void comp_set_warning_handler(CompWarnHandler handler);

/* The stack effect of [opcode] with argument [arg]: when the jump is taken
 * if [jump] > 0, when not if [jump] == 0, the larger if [jump] < 0.
 * COMP_INVALID_STACK_EFFECT for an unknown opcode. */
#define COMP_INVALID_STACK_EFFECT 0x7fffffff
int comp_stack_effect(int opcode, int arg, int jump);

/* Writes a dis-style listing of [co] and its nested code objects to [out]. */
void comp_disassemble(CodeObject *co, FILE *out);

#endif
