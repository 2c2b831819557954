/* format.h — numbers as text: the format-spec mini-language of format(),
 * str.format() and f-strings (int_format_spec, float_format_spec and
 * str_format_spec are defined in format.c), printf-style '%' conversions of
 * numbers, and the digit layout that repr(float) shares with them. */
#ifndef MEMPY_FORMAT_H
#define MEMPY_FORMAT_H

#include "object.h"

/* Flags of format_double. */
enum {
    FMT_DBL_ALT = 1,       /* '#': keep the decimal point and trailing zeros */
    FMT_DBL_DOT0 = 2,      /* an integral result without exponent gets ".0" */
    FMT_DBL_NO_NEG0 = 4,   /* 'z': a result that rounds to zero loses its '-' */
};

/* [x] written in [type] ('e', 'f', 'g', their capitals, or 'r' for repr's
 * shortest round-trip digits, which ignores [prec]) with [prec] digits as
 * the mini-language means them, and [flags] (FMT_DBL_*).  "inf" and "nan"
 * (capitalised for capital types); a '-' for negative values, no other
 * sign.  Returns a new NUL-terminated buffer (mem_malloc) and its length in
 * *len, or NULL + MemoryError. */
char *format_double(double x, char type, int prec, int flags, ssize_t *len);

/* Flags of a printf-style conversion, as written between '%' and the type. */
enum {
    FMT_LEFT = 1,          /* '-': pad on the right */
    FMT_PLUS = 2,          /* '+': always a sign */
    FMT_SPACE = 4,         /* ' ': a space for non-negative values */
    FMT_ALT = 8,           /* '#': 0x / 0o prefix, or keep the point */
    FMT_ZERO = 16,         /* '0': pad with zeros after the sign */
};

/* One '%' conversion of a number, as str % args does it: [conv] is one of
 * d i u x X o e E f F g G; [flags] FMT_*; [width] and [prec] -1 when not
 * given.  %d/%i/%u take int(v) (floats are truncated), %x/%X/%o take
 * operator.index(v), the float conversions float(v).  TypeError in
 * CPython's words ("%d format: a real number is required, not str",
 * "must be real number, not str"). */
Object *format_printf_number(Object *v, char conv, int flags, int width, int prec);

/* The text of the str [s] for int() and float(): non-ASCII decimal digits
 * and white space become their ASCII equivalents, other non-ASCII
 * characters '?'.  Returns the characters of [s] itself when it is ASCII
 * (*owned = NULL), else a new buffer that the caller frees with mem_free
 * (*owned = the buffer); *len gets the length.  NULL + MemoryError. */
const char *format_numeric_text(Object *s, ssize_t *len, char **owned);

#endif
