/* disasm.c — a dis-like listing of code objects, for debugging the
 * compiler (and later the `dis` module): line numbers, jump targets
 * marked >>, arguments resolved to names and constants, the exception
 * table, then every nested code object.  Offsets are in code units.
 */
#include <string.h>
#include "compile.h"
#include "../vm/opcodes.h"
#include "../vm/errors.h"
#include "../vm/str.h"
#include "../vm/tuple.h"

static const char *const binop_names[] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
};
static const char *const cmp_names[] = { "<", "<=", "==", "!=", ">", ">=" };

/* The text of [o] (repr if [repr]) into [buf]. */
static void object_text(Object *o, bool repr, char *buf, size_t size)
{
    Object *s = repr ? obj_repr(o) : NEWREF(o);
    const char *u = s ? str_as_utf8(s, NULL) : NULL;
    snprintf(buf, size, "%s", u ? u : "?");
    XDECREF(s);
    if (!u)
        err_clear();
}

static Object *tuple_item(Object *t, int i)
{
    return t && i >= 0 && i < SIZE(t) ? TUPLE_GET(t, i) : NULL;
}

static void name_text(Object *t, int i, char *buf, size_t size)
{
    Object *o = tuple_item(t, i);
    if (o)
        object_text(o, false, buf, size);
    else
        snprintf(buf, size, "<%d>", i);
}

static bool uses_names(int op)
{
    switch (op) {
    case OP_LOAD_NAME: case OP_STORE_NAME: case OP_DELETE_NAME: case OP_STORE_GLOBAL:
    case OP_DELETE_GLOBAL: case OP_LOAD_ATTR: case OP_STORE_ATTR: case OP_DELETE_ATTR:
    case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
        return true;
    }
    return false;
}

static bool uses_locals(int op)
{
    switch (op) {
    case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST: case OP_MAKE_CELL:
    case OP_LOAD_CLOSURE: case OP_LOAD_DEREF: case OP_LOAD_CLASSDEREF:
    case OP_STORE_DEREF: case OP_DELETE_DEREF:
        return true;
    }
    return false;
}

static void flag_names(const char *const *names, int n, int arg, char *buf, size_t size)
{
    buf[0] = 0;
    for (int i = 0; i < n; i++)
        if (arg & (1 << i)) {
            size_t len = strlen(buf);
            snprintf(buf + len, size - len, "%s%s", len ? ", " : "", names[i]);
        }
}

static void special_text(int op, int arg, char *buf, size_t size)
{
    static const char *const make_function[] = { "defaults", "kwdefaults",
                                                 "annotations", "closure" };
    static const char *const conversions[] = { "", "str", "repr", "ascii" };
    switch (op) {
    case OP_BINARY_OP:
        if (arg >= 0 && arg < 2 * BINOP_COUNT)
            snprintf(buf, size, "%s%s", binop_names[arg % BINOP_COUNT],
                     arg >= BINOP_INPLACE ? "=" : "");
        break;
    case OP_COMPARE_OP:
        if (arg >= 0 && arg < 6)
            snprintf(buf, size, "%s", cmp_names[arg]);
        break;
    case OP_MAKE_FUNCTION:
        flag_names(make_function, 4, arg, buf, size);
        break;
    case OP_FORMAT_VALUE:
        snprintf(buf, size, "%s%s%s", conversions[arg & 3],
                 (arg & 3) && (arg & 4) ? ", " : "", arg & 4 ? "with format" : "");
        break;
    }
}

/* The meaning of [op]'s argument, dis-style. */
static void arg_text(CodeObject *co, int op, int arg, char *buf, size_t size)
{
    buf[0] = 0;
    if (op == OP_LOAD_CONST || op == OP_KW_NAMES) {
        Object *o = tuple_item(co->consts, arg);
        if (o)
            object_text(o, true, buf, size);
    } else if (op == OP_LOAD_GLOBAL) {
        char name[200];
        name_text(co->names, arg >> 1, name, sizeof name);
        snprintf(buf, size, "%s%s", arg & 1 ? "NULL + " : "", name);
    } else if (uses_names(op)) {
        name_text(co->names, arg, buf, size);
    } else if (uses_locals(op)) {
        name_text(co->localsplusnames, arg, buf, size);
    } else if (opcode_is_jump[op]) {
        snprintf(buf, size, "to %d", arg);
    } else {
        special_text(op, arg, buf, size);
    }
}

/* Whether a jump or an exception handler goes to [offset]. */
static bool is_jump_target(CodeObject *co, int offset)
{
    for (int i = 0; i < co->nexc; i++)
        if ((int)co->exctable[i].target == offset)
            return true;
    int arg = 0;
    for (int i = 0; i < co->ncode; i++) {
        int op = co->code[i] & 0xFF;
        arg = arg << 8 | co->code[i] >> 8;
        if (op == OP_EXTENDED_ARG)
            continue;
        if (op < OP_COUNT && opcode_is_jump[op] && arg == offset)
            return true;
        arg = 0;
    }
    return false;
}

static void print_instruction(CodeObject *co, int start, int i, int arg, int *line, FILE *out)
{
    int op = co->code[i] & 0xFF;
    CodeLoc loc = co->locs[start];
    char text[256];
    if (loc.line >= 0 && loc.line != *line) {
        fprintf(out, "%s%4d", start ? "\n" : "", loc.line);
        *line = loc.line;
    } else {
        fprintf(out, "    ");
    }
    fprintf(out, " %s %6d %-24s", is_jump_target(co, start) ? ">>" : "  ", start,
            op < OP_COUNT ? opcode_names[op] : "<unknown>");
    if (op < OP_COUNT && opcode_has_arg[op]) {
        arg_text(co, op, arg, text, sizeof text);
        fprintf(out, " %5d%s%s%s", arg, text[0] ? " (" : "", text, text[0] ? ")" : "");
    }
    fputc('\n', out);
}

static void print_exception_table(CodeObject *co, FILE *out)
{
    if (!co->nexc)
        return;
    fprintf(out, "ExceptionTable:\n");
    for (int i = 0; i < co->nexc; i++) {
        ExcEntry *e = &co->exctable[i];
        fprintf(out, "  %u to %u -> %u [%u]%s\n", e->start, e->end - 1, e->target,
                e->depth, e->lasti ? " lasti" : "");
    }
}

static void disassemble_one(CodeObject *co, FILE *out)
{
    int line = -1, arg = 0, start = 0;
    for (int i = 0; i < co->ncode; i++) {
        int op = co->code[i] & 0xFF;
        arg = arg << 8 | co->code[i] >> 8;
        if (op == OP_EXTENDED_ARG)
            continue;
        print_instruction(co, start, i, arg, &line, out);
        arg = 0;
        start = i + 1;
    }
    print_exception_table(co, out);
}

void comp_disassemble(CodeObject *co, FILE *out)
{
    disassemble_one(co, out);
    for (ssize_t i = 0; i < SIZE(co->consts); i++) {
        Object *o = TUPLE_GET(co->consts, i);
        if (!IS_TYPE(o, code_type))
            continue;
        char text[256];
        object_text(o, true, text, sizeof text);
        fprintf(out, "\nDisassembly of %s:\n", text);
        comp_disassemble((CodeObject *)o, out);
    }
}
