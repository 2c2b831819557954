/* int.h — arbitrary-precision integers in CPython 3.11's layout: a signed
 * digit count in the size field (its sign is the number's sign, 0 for zero)
 * and 30-bit digits, least significant first.  -5..256 are preallocated.
 * bool is a subclass whose two instances are True and False. */
#ifndef MEMPY_INT_H
#define MEMPY_INT_H

#include "object.h"

typedef uint32_t digit;
typedef uint64_t twodigits;
#define INT_SHIFT 30
#define INT_BASE ((digit)1 << INT_SHIFT)
#define INT_MASK ((digit)(INT_BASE - 1))

typedef struct {
    VarObject base;
    digit digits[1];
} IntObject;

#define INT_IS_SMALL(v) ((v) >= -5 && (v) <= 256)
/* Returns 1 and sets *out when [o] (an int) fits a C long; else 0. */
int int_fits_long(Object *o, long *out);

Object *int_from_long(long v);
Object *int_from_ssize(ssize_t v);
Object *int_from_ulong(unsigned long v);
Object *int_from_double(double d);             /* OverflowError / ValueError for inf / nan */
/* Parses [len] bytes as int() does in [base] (0: prefix decides, as for a
 * literal); underscores between digits allowed; surrounding whitespace
 * allowed.  ValueError: "invalid literal for int() with base 10: '...'" */
Object *int_from_string(const char *s, ssize_t len, int base);
long int_as_long(Object *o);                   /* -1 + OverflowError if too big */
ssize_t int_as_ssize(Object *o);
/* operator.index(o) as a ssize_t, clamped to the ssize_t range when too
 * big (CPython's PyNumber_AsSsize_t(o, NULL)); -1 + TypeError when [o]
 * is no integer. */
ssize_t int_index_clamped(Object *o);
double int_as_double(Object *o);               /* -1.0 + OverflowError if too big */
Object *int_to_decimal(Object *o);             /* str(o); ValueError over int_max_str_digits */
Object *int_format_base(Object *o, int base, bool alternate); /* bin/oct/hex: "0x1f" */
int int_sign(Object *o);                       /* -1, 0, 1 */
int int_compare(Object *a, Object *b);         /* -1, 0, 1 */
hash_t int_hash(Object *o);
Object *int_divmod(Object *a, Object *b);      /* tuple; NotImplemented unless both are ints */
Object *int_format_spec(Object *o, Object *spec); /* int.__format__ (format.c) */
/* int(o) for any object: str/bytes text, float truncation, __int__,
 * __index__, __trunc__; TypeError otherwise. */
Object *int_from_object(Object *o);
/* pow(a, b, m) for ints ([m] NULL or None: a ** b, a float when b < 0);
 * NotImplemented if an operand is not an int. */
Object *int_pow(Object *a, Object *b, Object *m);
/* round(x, ndigits) for a finite double, exactly: the double nearest to
 * the multiple of 10**-ndigits nearest to x (ties to even).  OverflowError
 * "rounded value too large to represent". */
Object *int_round_double(double x, int ndigits);
/* The bool for a three-way comparison result [c] under [op] (CMP_*). */
Object *int_cmp_to_bool(int c, int op);
/* Calls type(o).[name](o) when the type has it: 1 and a new reference in
 * *res, 0 when absent, -1 on error. */
int int_call_special(Object *o, const char *name, Object **res);
/* The digits of |o| in [base] (2, 8, 10 or 16, lower case) in a new
 * NUL-terminated buffer (mem_malloc), *len its length; NULL + ValueError
 * when decimal digits would exceed int_max_str_digits. */
char *int_magnitude_digits(Object *o, int base, ssize_t *len);
/* sys.get_int_max_str_digits() / sys.set_int_max_str_digits(): 0 means no
 * limit; set raises ValueError below 640 and returns -1. */
int int_get_max_str_digits(void);
int int_set_max_str_digits(int n);

typedef IntObject BoolObject;
extern IntObject True_obj, False_obj;
#define True ((Object *)&True_obj)
#define False ((Object *)&False_obj)
static inline Object *bool_from(int v) { Object *r = v ? True : False; INCREF(r); return r; }

void int_init(void);                           /* builds the small-int cache */
void int_fini(void);

#endif
