/* float.h — float objects (a C double) and the text forms of numbers. */
#ifndef MEMPY_FLOAT_H
#define MEMPY_FLOAT_H

#include "object.h"

typedef struct {
    Object base;
    double value;
} FloatObject;

#define FLOAT_VAL(o) (((FloatObject *)(o))->value)

Object *float_from_double(double v);
/* The value of a float or int (or an object with __float__): -1.0 with an
 * exception set on failure. */
double float_as_double(Object *o);
/* repr(float): the shortest string that reads back to the same double,
 * in CPython's style ("1.0", "1e+16", "0.1", "inf", "nan"). */
Object *float_repr_obj(double v);
/* Writes repr(v) to [buf] (at least 32 bytes). */
void float_repr_buf(double v, char *buf, size_t size);
/* Parses float() text: whitespace, underscores (between digits), "inf",
 * "nan", "infinity" in any case.  ValueError on bad text. */
Object *float_from_string(const char *s, ssize_t len);
Object *float_format_spec(Object *o, Object *spec); /* float.__format__ (format.c) */
/* float(o) for any object: str/bytes text, __float__, __index__. */
Object *float_from_object(Object *o);
/* divmod(a, b) with a float operand (the other a float or int): a tuple, or
 * NotImplemented. */
Object *float_divmod(Object *a, Object *b);
/* The free-list line of sys._debugmallocstats(). */
void float_print_freelist(FILE *out);
/* Frees the floats parked on the free list (a full collection, exit). */
void float_fini(void);

#endif
