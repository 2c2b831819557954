/* code.h — code objects: what the compiler produces and the eval loop runs.
 *
 * localsplus: the frame's slots, in this order: plain locals (arguments
 * first: positional, keyword-only, *args, **kwargs), then cell variables
 * that are not arguments, then free variables.  An argument that is also a
 * cell keeps its argument slot and gets CO_KIND_CELL added to its kind;
 * MAKE_CELL wraps it at function start.  LOAD_DEREF and friends take
 * localsplus indexes, so one index space serves every kind.
 */
#ifndef MEMPY_CODE_H
#define MEMPY_CODE_H

#include <stdint.h>
#include "object.h"
#include "dict.h"
#include "type.h"

/* co_flags, as CPython's */
#define CO_OPTIMIZED   0x0001
#define CO_NEWLOCALS   0x0002
#define CO_VARARGS     0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED      0x0010
#define CO_GENERATOR   0x0020
#define CO_NOFREE      0x0040

/* kinds of localsplus slots */
#define CO_KIND_LOCAL 0x20
#define CO_KIND_CELL  0x40
#define CO_KIND_FREE  0x80

/* Source span of one instruction: lines from 1; columns 0-based UTF-8 byte
 * offsets, end exclusive; -1 where unknown.  For a binary operator or a
 * subscript, [anchor_start, anchor_end) is the part tracebacks mark with ^
 * (the operator; the brackets and index), the rest of the span with ~;
 * anchor_end == 0 when there is none. */
typedef struct {
    int line, end_line;
    int col, end_col;
    int anchor_start, anchor_end;
} CodeLoc;

/* An exception-table entry: an exception raised by an instruction in
 * [start, end) jumps to [target] after the value stack is cut back to
 * [depth] items (and, if [lasti], the offset of the raising instruction is
 * pushed as an int); the exception itself is then pushed.  Entries are
 * ordered innermost first: the eval loop takes the first that matches. */
typedef struct {
    uint32_t start, end, target;
    uint16_t depth;
    uint8_t lasti;
} ExcEntry;

/* Where LOAD_NAME, LOAD_GLOBAL, STORE_NAME and STORE_GLOBAL last found
 * their name in the locals, globals and builtins dicts (see DictKeyCache). */
typedef struct {
    DictKeyCache locals, globals, builtins;
} NameCache;

typedef struct {
    Object base;
    uint16_t *code;             /* ncode units (mem_malloc'd) */
    CodeLoc *locs;              /* one per code unit (mem_malloc'd) */
    ExcEntry *exctable;         /* nexc entries (mem_malloc'd) or NULL */
    int ncode, nexc;
    int argcount, posonlyargcount, kwonlyargcount;
    int nlocalsplus, nlocals, ncellvars, nfreevars;
    int stacksize, flags, firstlineno;
    Object *consts;             /* tuple */
    Object *names;              /* tuple of str: globals, attributes, imports */
    Object *localsplusnames;    /* tuple of str, nlocalsplus long */
    unsigned char *localspluskinds; /* nlocalsplus CO_KIND_* bytes (mem_malloc'd) */
    Object *filename, *name, *qualname;
    NameCache *name_cache;      /* one per code unit if it has a name opcode, or NULL */
    AttrCache *attr_cache;      /* one per code unit if it has an attribute opcode, or NULL */
} CodeObject;

/* A new code object with every field zero / NULL; the compiler fills it. */
CodeObject *code_new(void);
/* Gives [co] the caches its name and attribute instructions use, at
 * compile time as CPython's inline caches (so that running code allocates
 * nothing for them).  -1 with MemoryError. */
int code_init_caches(CodeObject *co);
/* The source span of the instruction at code-unit [offset]. */
CodeLoc code_loc(CodeObject *co, int offset);

#endif
