/* interp.h — the interpreter state, the running thread's state, frames, and
 * the entry points cli/ uses to run code.
 *
 * One interpreter, reached through one pointer; the per-thread part (frames,
 * the pending and the handled exception) is kept apart so threads can come.
 *
 * Frames live on a contiguous per-thread stack of words (the data stack):
 *
 *     [ Frame | localsplus: locals, cells, frees | value stack ... ]  [ next Frame ...
 *
 * A Python-to-Python call pushes the callee's frame there and the eval loop
 * goes on with it; no C recursion, no malloc per call.
 */
#ifndef MEMPY_INTERP_H
#define MEMPY_INTERP_H

#include "object.h"
#include "code.h"
#include "module.h"

typedef struct Frame Frame;
typedef struct FrameObject FrameObject;

/* A running (or suspended) call, laid out as CPython 3.11's
 * _PyInterpreterFrame (72 bytes before the slots). */
struct Frame {
    Object *func;               /* strong; NULL for module and exec code */
    Object *globals;            /* func's, borrowed (as CPython 3.11's); strong without func */
    Object *builtins;           /* the same */
    Object *locals;             /* strong; the namespace for *_NAME, or NULL */
    CodeObject *code;           /* strong */
    FrameObject *frame_obj;     /* its Python frame object, once one was made */
    Frame *previous;
    uint16_t *ip;               /* the next instruction */
    int stacktop;               /* slots in use: localsplus, then the value stack */
    bool is_entry;              /* returning from it leaves the C call of eval */
    uint8_t owner;              /* FRAME_ON_STACK, FRAME_IN_GENERATOR or FRAME_IN_FRAME_OBJECT */
    Object *localsplus[];       /* nlocalsplus slots, then stacksize slots */
};

/* Offset of the instruction being executed (or last executed), or -1. */
static inline int frame_lasti(Frame *f) { return (int)(f->ip - f->code->code) - 1; }

enum { FRAME_ON_STACK, FRAME_IN_GENERATOR, FRAME_IN_FRAME_OBJECT };

typedef struct Interp Interp;

typedef struct {
    Interp *interp;
    Object *exc;                /* the pending (raised) exception, or NULL */
    Object *handled;            /* the exception being handled (sys.exc_info), or NULL */
    Frame *frame;               /* the running frame */
    Object **stack_base, **stack_top, **stack_limit; /* the data stack */
    int depth;                  /* Python frames alive */
    int c_depth;                /* nested C-level eval calls */
    volatile int interrupted;   /* set by SIGINT, turned into KeyboardInterrupt */
} ThreadState;

struct Interp {
    Object *modules;            /* sys.modules */
    Object *builtins;           /* the builtins module's dict */
    Object *sysmod;             /* the sys module */
    int recursion_limit;
    ThreadState *tstate;
    /* Compiles source text to a code object; installed by cli/ (the front
     * end sits above vm/).  mode: "exec", "eval" or "single". */
    Object *(*compile)(Object *source, Object *filename, const char *mode);
};

extern ThreadState *vm_ts;      /* the running thread */

/* Sets up types, the exception types, the built-in modules of [modules]
 * ("builtins" and "sys" are made at once) and __main__.  -1 on failure. */
int vm_init(const BuiltinModule *modules);
/* Clears __main__ and the modules and frees what the interpreter holds. */
void vm_fini(void);

/* sys.modules["__main__"] (borrowed), made anew, as CPython's
 * PyImport_AddModule does, when it is missing or not a module; NULL with
 * an exception on failure. */
Object *vm_main_module(void);
/* Runs [co] with [globals] and [locals] (locals may be NULL: globals). */
Object *vm_eval_code(CodeObject *co, Object *globals, Object *locals);
/* Runs the class body [func] with [locals] as its namespace. */
Object *vm_call_with_locals(Object *func, Object *locals);
/* Calls a Python function object from C (args borrowed). */
Object *vm_call_function(Object *func, Object *const *args, ssize_t nargs, Object *kwnames);

/* Prints the pending exception (clearing it) as CPython does at top level:
 * traceback to stderr.  SystemExit is not handled here. */
void vm_print_exception(void);
/* If the pending exception is SystemExit, clears it, prints its message as
 * CPython does, and returns the exit status; else returns -1. */
int vm_handle_system_exit(void);

/* Raises the RecursionError of a C-level call that went too deep; -1. */
int vm_call_too_deep(void);
/* Counts a C-level call in the depth: -1 with RecursionError when the
 * stack is too deep. */
static inline int vm_enter_call(void)
{
    ThreadState *ts = vm_ts;
    int limit = ts->interp->recursion_limit;
    if (++ts->c_depth + ts->depth > limit + 50 || ts->c_depth > limit)
        return vm_call_too_deep();
    return 0;
}
static inline void vm_leave_call(void) { vm_ts->c_depth--; }
/* Turns a pending SIGINT into KeyboardInterrupt; -1 if one was raised. */
int vm_check_signals(void);

#endif
