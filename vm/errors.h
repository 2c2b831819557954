/* errors.h — the pending exception of the running thread, and the built-in
 * exception types.
 *
 * A C function that fails sets an exception here and returns NULL or -1;
 * whoever handles it clears it.  The exception is always a normalized
 * instance (a BaseException object).
 */
#ifndef MEMPY_ERRORS_H
#define MEMPY_ERRORS_H

#include "object.h"

typedef struct {
    Object base;
    Object *dict;               /* attributes set on the instance, or NULL */
    Object *args;               /* tuple */
    Object *traceback;          /* Traceback object or NULL */
    Object *context, *cause;
    char suppress_context;
} ExceptionObject;

extern Type *exc_BaseException, *exc_Exception, *exc_TypeError, *exc_ValueError,
    *exc_NameError, *exc_UnboundLocalError, *exc_AttributeError, *exc_KeyError,
    *exc_IndexError, *exc_LookupError, *exc_ZeroDivisionError, *exc_ArithmeticError,
    *exc_OverflowError, *exc_RuntimeError, *exc_RecursionError,
    *exc_NotImplementedError, *exc_StopIteration, *exc_MemoryError,
    *exc_SyntaxError, *exc_IndentationError, *exc_TabError, *exc_SystemExit,
    *exc_KeyboardInterrupt, *exc_ImportError, *exc_ModuleNotFoundError,
    *exc_AssertionError, *exc_UnicodeError, *exc_UnicodeDecodeError,
    *exc_UnicodeEncodeError, *exc_OSError, *exc_FileNotFoundError, *exc_EOFError,
    *exc_GeneratorExit, *exc_BufferError, *exc_SystemError;

/* Raises [type]([msg]) / [type]([printf-style message]).  The format
 * understands %s (char*), %d, %i, %ld, %zd, %zu, %c, %p, %x, %U (an Object*
 * whose str() is inserted), %R (repr() of an Object*), %T (the type name
 * of an Object*). */
void err_set_str(Type *type, const char *msg);
void err_set_obj(Type *type, Object *value);   /* type(value) */
Object *err_format(Type *type, const char *fmt, ...); /* always returns NULL */
void err_set(Object *exc);                     /* raises an instance; steals */
Object *err_nomemory(void);                    /* MemoryError; returns NULL */
Object *err_occurred(void);                    /* borrowed, NULL if none */
bool err_matches(Type *type);                  /* pending exc is a [type] */
void err_clear(void);
Object *err_fetch(void);                       /* new ref and clears; NULL if none */
void err_restore(Object *exc);                 /* steals; NULL clears */
Object *exc_new(Type *type, Object *args);     /* instance with args tuple */
bool exc_matches(Object *exc, Object *cls);    /* cls: type or tuple */

/* Prints "Exception ignored in: <repr of obj>" and the pending exception's
 * traceback to stderr, and clears it (errors nobody can catch). */
void err_write_unraisable(Object *obj);
void errors_init(void);                        /* creates the exception types */
/* Calls [fn] with each built-in exception type and its name. */
void errors_each(void (*fn)(const char *name, Type *t, void *ctx), void *ctx);

#endif
