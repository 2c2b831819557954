/* opcodes.h — the instruction set, defined once.
 *
 * An instruction is one 16-bit code unit: opcode in the low byte, argument in
 * the high byte; EXTENDED_ARG prefixes supply higher argument bytes.  Jump
 * arguments are absolute code-unit offsets.  From this one table come the
 * opcode enum, the names for `dis` and tracebacks, and the dispatch table of
 * the eval loop (vm/eval.c).  The table lives in vm/ because the compiler
 * (which may use vm/) and the eval loop both read it.
 *
 * OPCODE(name, has_arg, is_jump)   stack: before -> after (top on the right)
 */
#ifndef MEMPY_OPCODES_H
#define MEMPY_OPCODES_H

#define OPCODE_TABLE(OPCODE) \
    OPCODE(NOP, 0, 0)                 /* ->                                  */ \
    OPCODE(EXTENDED_ARG, 1, 0)        /* prefix: arg = arg << 8 | next arg   */ \
    OPCODE(POP_TOP, 0, 0)             /* v ->                                */ \
    OPCODE(PUSH_NULL, 0, 0)           /* -> NULL                             */ \
    OPCODE(COPY, 1, 0)                /* ... v(i) ... -> ... v(i)            (COPY 1 duplicates TOS) */ \
    OPCODE(SWAP, 1, 0)                /* swaps TOS with the i-th item (SWAP 2: top two) */ \
    OPCODE(LOAD_CONST, 1, 0)          /* -> consts[i]                        */ \
    OPCODE(LOAD_FAST, 1, 0)           /* -> localsplus[i]; UnboundLocalError if unset */ \
    OPCODE(STORE_FAST, 1, 0)          /* v ->                                */ \
    OPCODE(DELETE_FAST, 1, 0)         \
    OPCODE(MAKE_CELL, 1, 0)           /* localsplus[i] = cell(localsplus[i] or empty); at function start */ \
    OPCODE(COPY_FREE_VARS, 1, 0)      /* the last i slots of localsplus = the function's closure cells */ \
    OPCODE(LOAD_CLOSURE, 1, 0)        /* -> the cell in localsplus[i]        */ \
    OPCODE(LOAD_DEREF, 1, 0)          /* -> contents of the cell in localsplus[i] (NameError/UnboundLocalError if empty) */ \
    OPCODE(LOAD_CLASSDEREF, 1, 0)     /* class body: locals dict first, then the cell */ \
    OPCODE(STORE_DEREF, 1, 0)         /* v ->                                */ \
    OPCODE(DELETE_DEREF, 1, 0)        \
    OPCODE(LOAD_NAME, 1, 0)           /* -> locals/globals/builtins[names[i]] */ \
    OPCODE(STORE_NAME, 1, 0)          /* v ->  locals[names[i]] = v          */ \
    OPCODE(DELETE_NAME, 1, 0)         \
    OPCODE(LOAD_GLOBAL, 1, 0)         /* -> globals/builtins[names[i>>1]]; if i&1, pushes NULL first */ \
    OPCODE(STORE_GLOBAL, 1, 0)        /* v ->                                */ \
    OPCODE(DELETE_GLOBAL, 1, 0)       \
    OPCODE(LOAD_ATTR, 1, 0)           /* o -> o.names[i]                     */ \
    OPCODE(STORE_ATTR, 1, 0)          /* v o ->   (o.names[i] = v)           */ \
    OPCODE(DELETE_ATTR, 1, 0)         /* o ->                                */ \
    OPCODE(LOAD_METHOD, 1, 0)         /* o -> meth o  (unbound method found on the type) | NULL attr */ \
    OPCODE(KW_NAMES, 1, 0)            /* sets consts[i] (tuple of str) as keyword names of the next CALL */ \
    OPCODE(CALL, 1, 0)                /* X Y a1..an -> result: X non-NULL: X(Y, a1..an); else Y(a1..an); \
                                         the last len(kwnames) of the args are keyword values */ \
    OPCODE(CALL_FUNCTION_EX, 1, 0)    /* NULL f args_tuple [kwargs_dict if i&1] -> f(*args, **kwargs) */ \
    OPCODE(RETURN_VALUE, 0, 0)        /* v -> (returns v)                    */ \
    OPCODE(BINARY_OP, 1, 0)           /* a b -> a op b; i: BINOP_* (+BINOP_INPLACE for augmented) */ \
    OPCODE(UNARY_POSITIVE, 0, 0)      /* v -> +v                             */ \
    OPCODE(UNARY_NEGATIVE, 0, 0)      \
    OPCODE(UNARY_NOT, 0, 0)           \
    OPCODE(UNARY_INVERT, 0, 0)        \
    OPCODE(COMPARE_OP, 1, 0)          /* a b -> a cmp b; i: CMP_*            */ \
    OPCODE(IS_OP, 1, 0)               /* a b -> a is b (i=1: is not)         */ \
    OPCODE(CONTAINS_OP, 1, 0)         /* a b -> a in b (i=1: not in)         */ \
    OPCODE(BINARY_SUBSCR, 0, 0)       /* o k -> o[k]                         */ \
    OPCODE(STORE_SUBSCR, 0, 0)        /* v o k ->  (o[k] = v)                */ \
    OPCODE(DELETE_SUBSCR, 0, 0)       /* o k ->                              */ \
    OPCODE(BUILD_SLICE, 1, 0)         /* start stop [step if i==3] -> slice  */ \
    OPCODE(BUILD_TUPLE, 1, 0)         /* v1..vi -> (v1..vi)                  */ \
    OPCODE(BUILD_LIST, 1, 0)          \
    OPCODE(BUILD_SET, 1, 0)           \
    OPCODE(BUILD_MAP, 1, 0)           /* k1 v1 .. ki vi -> dict              */ \
    OPCODE(BUILD_CONST_KEY_MAP, 1, 0) /* v1..vi keys_tuple -> dict           */ \
    OPCODE(BUILD_STRING, 1, 0)        /* s1..si -> s1+..+si                  */ \
    OPCODE(LIST_APPEND, 1, 0)         /* list(at depth i after popping v) .. v -> list ..  (list.append(v)) */ \
    OPCODE(SET_ADD, 1, 0)             \
    OPCODE(MAP_ADD, 1, 0)             /* dict .. k v -> dict ..  (dict[k] = v; dict at depth i after popping k v) */ \
    OPCODE(LIST_EXTEND, 1, 0)         /* list .. it -> list ..               */ \
    OPCODE(SET_UPDATE, 1, 0)          \
    OPCODE(DICT_UPDATE, 1, 0)         /* dict .. m -> dict ..  (dict display **m) */ \
    OPCODE(DICT_MERGE, 1, 0)          /* like DICT_UPDATE, TypeError on duplicate keys (calls) */ \
    OPCODE(LIST_TO_TUPLE, 0, 0)       /* list -> tuple                       */ \
    OPCODE(UNPACK_SEQUENCE, 1, 0)     /* seq -> vi .. v1 (v1 on top)         */ \
    OPCODE(UNPACK_EX, 1, 0)           /* seq -> ... ; i = before | after << 8 (a, *b, c = seq) */ \
    OPCODE(FORMAT_VALUE, 1, 0)        /* v [spec if i&4] -> str; i&3: 0 none, 1 str, 2 repr, 3 ascii */ \
    OPCODE(GET_ITER, 0, 0)            /* o -> iter(o)                        */ \
    OPCODE(FOR_ITER, 1, 1)            /* it -> it next; exhausted: pops it and jumps to i */ \
    OPCODE(JUMP, 1, 1)                /* jumps to i                          */ \
    OPCODE(POP_JUMP_IF_FALSE, 1, 1)   /* v ->  jumps to i if not v           */ \
    OPCODE(POP_JUMP_IF_TRUE, 1, 1)    \
    OPCODE(POP_JUMP_IF_NONE, 1, 1)    \
    OPCODE(POP_JUMP_IF_NOT_NONE, 1, 1) \
    OPCODE(JUMP_IF_FALSE_OR_POP, 1, 1) /* v -> v (and jumps) if not v; else pops */ \
    OPCODE(JUMP_IF_TRUE_OR_POP, 1, 1) \
    OPCODE(MAKE_FUNCTION, 1, 0)       /* [defaults if i&1] [kwdefaults dict if i&2] [annotations if i&4] \
                                         [closure tuple if i&8] code -> function */ \
    OPCODE(LOAD_BUILD_CLASS, 0, 0)    /* -> builtins.__build_class__         */ \
    OPCODE(SETUP_ANNOTATIONS, 0, 0)   /* creates __annotations__ in locals if missing */ \
    OPCODE(IMPORT_NAME, 1, 0)         /* level fromlist -> module names[i]   */ \
    OPCODE(IMPORT_FROM, 1, 0)         /* m -> m m.names[i] (ImportError if missing) */ \
    OPCODE(IMPORT_STAR, 0, 0)         /* m ->                                */ \
    OPCODE(RAISE_VARARGS, 1, 0)       /* i=0: re-raise; [exc]: raise exc; [exc cause]: raise exc from cause */ \
    OPCODE(PUSH_EXC_INFO, 0, 0)       /* exc -> prev_handled exc  (exc becomes the handled exception) */ \
    OPCODE(POP_EXCEPT, 0, 0)          /* prev_handled ->  (restores it)      */ \
    OPCODE(CHECK_EXC_MATCH, 0, 0)     /* exc cls -> exc bool                 */ \
    OPCODE(RERAISE, 1, 0)             /* exc -> (raises exc again, traceback kept) */ \
    OPCODE(LOAD_ASSERTION_ERROR, 0, 0) \
    OPCODE(BEFORE_WITH, 0, 0)         /* mgr -> bound_exit mgr.__enter__()   */ \
    OPCODE(WITH_EXCEPT_START, 0, 0)   /* exit lasti prev exc -> exit lasti prev exc exit(type, exc, tb) */ \
    OPCODE(PRINT_EXPR, 0, 0)          /* v ->  (REPL: sys.displayhook(v))    */ \
    OPCODE(RETURN_GENERATOR, 0, 0)    /* first instruction of a generator's code */ \
    OPCODE(YIELD_VALUE, 0, 0)         /* v -> sent                           */ \
    OPCODE(GET_YIELD_FROM_ITER, 0, 0) \
    OPCODE(SEND, 1, 1)                /* it v -> it r; exhausted: -> value, jumps to i */

#define OPCODE_ENUM(name, has_arg, is_jump) OP_##name,
typedef enum { OPCODE_TABLE(OPCODE_ENUM) OP_COUNT } Opcode;
#undef OPCODE_ENUM

extern const char *const opcode_names[OP_COUNT];
extern const unsigned char opcode_has_arg[OP_COUNT];
extern const unsigned char opcode_is_jump[OP_COUNT];

#endif
