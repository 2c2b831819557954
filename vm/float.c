/* float.c — float objects: a C double in CPython 3.11's layout (24 bytes),
 * recycled through a free list of up to 100 objects as CPython does.
 * Arithmetic mixes with ints (an int operand is converted exactly or raises
 * OverflowError), comparisons with ints are exact, hashes agree with equal
 * ints, and the text forms are CPython's: repr is the shortest string that
 * reads back to the same double (format.c lays the digits out), float()
 * parses with underscores, "inf", "nan" and Unicode digits. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "float.h"
#include "int.h"
#include "str.h"
#include "tuple.h"
#include "args.h"
#include "errors.h"
#include "format.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

#define INT_CHECK(o) ((TYPE(o)->flags & TPFLAG_LONG_SUBCLASS) != 0)
#define FLOAT_CHECK(o) (IS_TYPE(o, float_type) || TYPE_CHECK(o, float_type))
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)
#define HASH_INF 314159

/* ---- the free list ---- */

enum { FREELIST_MAX = 100 };
/* Freed floats, linked through their type field. */
static FloatObject *free_floats;
static int nfree_floats;

Object *float_from_double(double v)
{
    FloatObject *f = free_floats;
    if (f) {
        free_floats = (FloatObject *)f->base.type;
        nfree_floats--;
        f->base.refcnt = 1;
        f->base.type = &float_type;
    } else if (!(f = (FloatObject *)obj_alloc(&float_type, 0)))
        return NULL;
    f->value = v;
    return (Object *)f;
}

static void float_dealloc(Object *o)
{
    if (IS_TYPE(o, float_type) && nfree_floats < FREELIST_MAX) {
        o->type = (Type *)free_floats;
        free_floats = (FloatObject *)o;
        nfree_floats++;
        return;
    }
    obj_free(o);
}

void float_print_freelist(FILE *out)
{
    obj_print_freelist(out, "free PyFloatObject", nfree_floats, sizeof(FloatObject));
}

void float_fini(void)
{
    while (free_floats) {
        FloatObject *f = free_floats;
        free_floats = (FloatObject *)f->base.type;
        f->base.type = &float_type;     /* obj_free reads the type */
        obj_free((Object *)f);
    }
    nfree_floats = 0;
}

/* ---- conversions ---- */

/* The value of the float or int [o]: 1 and *out set, 0 when [o] is
 * neither, -1 on OverflowError. */
static int operand(Object *o, double *out)
{
    if (IS_TYPE(o, float_type)) {
        *out = FLOAT_VAL(o);
        return 1;
    }
    if (INT_CHECK(o)) {
        *out = int_as_double(o);
        return *out == -1.0 && err_occurred() ? -1 : 1;
    }
    if (!TYPE_CHECK(o, float_type))
        return 0;
    *out = FLOAT_VAL(o);
    return 1;
}

/* The float that o.__float__() returned ([r], stolen), checked. */
static double float_result(Object *o, Object *r)
{
    double d = -1.0;
    if (FLOAT_CHECK(r))
        d = FLOAT_VAL(r);
    else
        err_format(exc_TypeError, "%T.__float__ returned non-float (type %T)", o, r);
    DECREF(r);
    return d;
}

/* The value of [o] through __float__ or __index__; 0 when it has neither. */
static int special_value(Object *o, double *out)
{
    Object *r;
    int rc = int_call_special(o, "__float__", &r);
    if (rc > 0) {
        *out = float_result(o, r);
        return *out == -1.0 && err_occurred() ? -1 : 1;
    }
    if (rc == 0 && (rc = int_call_special(o, "__index__", &r)) > 0) {
        if (!INT_CHECK(r)) {
            err_format(exc_TypeError, "__index__ returned non-int (type %T)", r);
            DECREF(r);
            return -1;
        }
        *out = int_as_double(r);
        DECREF(r);
        return *out == -1.0 && err_occurred() ? -1 : 1;
    }
    return rc;
}

double float_as_double(Object *o)
{
    double d;
    int rc = operand(o, &d);
    if (rc == 0)
        rc = special_value(o, &d);
    if (rc == 0)
        err_format(exc_TypeError, "must be real number, not %T", o);
    return rc > 0 ? d : -1.0;
}

/* ---- text ---- */

void float_repr_buf(double v, char *buf, size_t size)
{
    ssize_t len;
    char *s = format_double(v, 'r', 0, FMT_DBL_DOT0, &len);
    if (!s) {
        err_clear();
        snprintf(buf, size, "%.17g", v);
        return;
    }
    snprintf(buf, size, "%s", s);
    mem_free(s);
}

Object *float_repr_obj(double v)
{
    ssize_t len;
    char *s = format_double(v, 'r', 0, FMT_DBL_DOT0, &len);
    if (!s)
        return NULL;
    Object *r = str_from_utf8(s, len);
    mem_free(s);
    return r;
}

static Object *float_repr(Object *o)
{
    return float_repr_obj(FLOAT_VAL(o));
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Matches [word] (lower case) at *p, ignoring case; advances *p. */
static bool match_word(const char **p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - *p) < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (((*p)[i] | 0x20) != word[i])
            return false;
    *p += n;
    return true;
}

/* Skips digits (and single underscores between them) at *p, copying the
 * digits to *out; returns how many digits there were. */
static ssize_t copy_digits(const char **p, const char *end, char **out)
{
    ssize_t n = 0;
    const char *q = *p;
    while (q < end) {
        if (is_digit(*q))
            n++, *(*out)++ = *q++;
        else if (*q == '_' && n && q + 1 < end && is_digit(q[1]))
            q++;
        else
            break;
    }
    *p = q;
    return n;
}

/* The decimal number [p, end) without its underscores, copied into [out]
 * (room for end - p + 1 bytes); false if it is not one. */
static bool clean_decimal(const char *p, const char *end, char *out)
{
    ssize_t ndig = copy_digits(&p, end, &out);
    if (p < end && *p == '.') {
        *out++ = *p++;
        ndig += copy_digits(&p, end, &out);
    }
    if (ndig == 0)
        return false;
    if (p < end && (*p | 0x20) == 'e') {
        *out++ = *p++;
        if (p < end && (*p == '+' || *p == '-'))
            *out++ = *p++;
        if (copy_digits(&p, end, &out) == 0)
            return false;
    }
    *out = '\0';
    return p == end;
}

/* Narrows [*p, *end) past surrounding white space and one leading sign;
 * true when that sign was '-'. */
static bool trim_sign(const char **p, const char **end)
{
    while (*p < *end && (**p == ' ' || (**p >= '\t' && **p <= '\r')))
        (*p)++;
    while (*end > *p && ((*end)[-1] == ' ' || ((*end)[-1] >= '\t' && (*end)[-1] <= '\r')))
        (*end)--;
    bool neg = *p < *end && **p == '-';
    if (*p < *end && (**p == '+' || **p == '-'))
        (*p)++;
    return neg;
}

/* True with [*out] set when [p, end) is exactly "inf", "infinity" or "nan"
 * (any case). */
static bool inf_or_nan(const char *p, const char *end, double *out)
{
    const char *w = p;
    if ((match_word(&w, end, "infinity") || match_word(&w, end, "inf")) && w == end) {
        *out = INFINITY;
        return true;
    }
    w = p;
    if (match_word(&w, end, "nan") && w == end) {
        *out = NAN;
        return true;
    }
    return false;
}

/* Parses float() text; false when it is not a number. */
static bool parse_float(const char *s, ssize_t len, double *out)
{
    const char *end = s + len, *p = s;
    bool neg = trim_sign(&p, &end);
    if (inf_or_nan(p, end, out)) {
        *out = neg ? -*out : *out;
        return true;
    }
    char small[64], *buf = end - p < (ssize_t)sizeof small - 1 ? small : mem_malloc(end - p + 2);
    if (!buf)
        return false;
    buf[0] = neg ? '-' : '+';
    bool ok = clean_decimal(p, end, buf + 1);
    if (ok)
        *out = strtod(buf, NULL);
    if (buf != small)
        mem_free(buf);
    return ok;
}

/* float() of the text [s, len); the ValueError shows repr([orig]), or of
 * the text when orig is NULL. */
static Object *float_from_text(Object *orig, const char *s, ssize_t len)
{
    double d;
    if (parse_float(s, len, &d))
        return float_from_double(d);
    if (err_occurred())
        return NULL;
    Object *shown = orig ? NEWREF(orig) : str_from_utf8(s, len);
    if (shown) {
        err_format(exc_ValueError, "could not convert string to float: %R", shown);
        DECREF(shown);
    }
    return NULL;
}

Object *float_from_string(const char *s, ssize_t len)
{
    return float_from_text(NULL, s, len);
}

/* float() of a str: non-ASCII digits and white space count. */
static Object *float_from_str(Object *s)
{
    char *owned;
    ssize_t len;
    const char *text = format_numeric_text(s, &len, &owned);
    if (!text)
        return NULL;
    Object *v = float_from_text(s, text, len);
    if (owned)
        mem_free(owned);
    return v;
}

Object *float_from_object(Object *o)
{
    double d;
    if (IS_TYPE(o, float_type))
        return NEWREF(o);
    if (TYPE_CHECK(o, str_type))
        return float_from_str(o);
    if (TYPE_CHECK(o, bytes_type))
        return float_from_text(o, BYTES_DATA(o), SIZE(o));
    bool plain_int = IS_TYPE(o, int_type) || IS_TYPE(o, bool_type);
    int rc = plain_int ? operand(o, &d) : special_value(o, &d);
    if (rc == 0)
        err_format(exc_TypeError, "float() argument must be a string or a real number, "
                   "not '%T'", o);
    return rc > 0 ? float_from_double(d) : NULL;
}

/* ---- arithmetic ---- */

/* Both operands of a binary slot as doubles: 1, 0 when one is neither a
 * float nor an int, -1 on OverflowError. */
static int operands(Object *a, Object *b, double *x, double *y)
{
    int rc = operand(a, x);
    return rc > 0 ? operand(b, y) : rc;
}

/* Returns NotImplemented (or NULL on error) from a binary slot whose
 * operands are not both numbers. */
#define OPERANDS(a, b, x, y) do { int rc_ = operands(a, b, &x, &y); \
    if (rc_ <= 0) return rc_ < 0 ? NULL : NEWREF(NotImplemented); } while (0)

static Object *float_add(Object *a, Object *b)
{
    double x, y;
    OPERANDS(a, b, x, y);
    return float_from_double(x + y);
}

static Object *float_sub(Object *a, Object *b)
{
    double x, y;
    OPERANDS(a, b, x, y);
    return float_from_double(x - y);
}

static Object *float_mul(Object *a, Object *b)
{
    double x, y;
    OPERANDS(a, b, x, y);
    return float_from_double(x * y);
}

static Object *float_truediv(Object *a, Object *b)
{
    double x, y;
    OPERANDS(a, b, x, y);
    if (y == 0.0)
        return err_format(exc_ZeroDivisionError, "float division by zero");
    return float_from_double(x / y);
}

/* Python's divmod of doubles (y != 0): *q = floor(x / y) and
 * *r = x - *q * y, which takes y's sign. */
static void divmod_values(double x, double y, double *q, double *r)
{
    double mod = fmod(x, y), div = (x - mod) / y;
    if (mod == 0.0)
        mod = copysign(0.0, y);
    else if ((y < 0) != (mod < 0)) {
        mod += y;
        div -= 1.0;
    }
    if (div == 0.0)
        div = copysign(0.0, x / y);
    else {
        double whole = floor(div);
        div = div - whole > 0.5 ? whole + 1.0 : whole;
    }
    *q = div;
    *r = mod;
}

static Object *float_floordiv(Object *a, Object *b)
{
    double x, y, q, r;
    OPERANDS(a, b, x, y);
    if (y == 0.0)
        return err_format(exc_ZeroDivisionError, "float floor division by zero");
    divmod_values(x, y, &q, &r);
    return float_from_double(q);
}

static Object *float_mod(Object *a, Object *b)
{
    double x, y, q, r;
    OPERANDS(a, b, x, y);
    if (y == 0.0)
        return err_format(exc_ZeroDivisionError, "float modulo");
    divmod_values(x, y, &q, &r);
    return float_from_double(r);
}

Object *float_divmod(Object *a, Object *b)
{
    double x, y, q, r;
    OPERANDS(a, b, x, y);
    if (y == 0.0)
        return err_format(exc_ZeroDivisionError, "float divmod()");
    divmod_values(x, y, &q, &r);
    Object *fq = float_from_double(q), *fr = fq ? float_from_double(r) : NULL;
    Object *t = fr ? tuple_pack(2, fq, fr) : NULL;
    XDECREF(fq);
    XDECREF(fr);
    return t;
}

static bool is_odd_integer(double y)
{
    return fmod(fabs(y), 2.0) == 1.0;
}

/* OverflowError(34, 'Numerical result out of range'), as CPython raises
 * from errno ERANGE. */
static Object *range_error(void)
{
    Object *code = int_from_long(ERANGE), *msg = str_from_cstr(strerror(ERANGE));
    Object *args = code && msg ? tuple_pack(2, code, msg) : NULL;
    XDECREF(code);
    XDECREF(msg);
    if (args) {
        Object *exc = exc_new(exc_OverflowError, args);
        DECREF(args);
        if (exc)
            err_set(exc);
    }
    return NULL;
}

/* x ** y with C99's special cases and CPython's errors. */
static Object *pow_values(double x, double y)
{
    if (y == 0.0)
        return float_from_double(1.0);
    if (isnan(x))
        return float_from_double(x);
    if (isnan(y))
        return float_from_double(x == 1.0 ? 1.0 : y);
    if (isinf(y)) {
        if (fabs(x) == 1.0)
            return float_from_double(1.0);
        return float_from_double((fabs(x) > 1.0) == (y > 0) ? INFINITY : 0.0);
    }
    if (isinf(x)) {
        bool odd = is_odd_integer(y);
        if (y > 0)
            return float_from_double(odd ? x : fabs(x));
        return float_from_double(odd ? copysign(0.0, x) : 0.0);
    }
    if (x == 0.0) {
        if (y < 0)
            return err_format(exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_from_double(is_odd_integer(y) ? x : 0.0);
    }
    bool negate = false;
    if (x < 0) {
        if (y != floor(y))
            return err_format(exc_ValueError, "negative number cannot be raised to a fractional power");
        x = -x;
        negate = is_odd_integer(y);
    }
    double r = x == 1.0 ? 1.0 : pow(x, y);
    if (isinf(r))
        return range_error();
    return float_from_double(negate ? -r : r);
}

static Object *float_power(Object *a, Object *b)
{
    double x, y;
    OPERANDS(a, b, x, y);
    return pow_values(x, y);
}

static Object *float_neg(Object *o) { return float_from_double(-FLOAT_VAL(o)); }
static Object *float_abs(Object *o) { return float_from_double(fabs(FLOAT_VAL(o))); }
static int float_bool(Object *o) { return FLOAT_VAL(o) != 0.0; }
static Object *float_trunc(Object *o) { return int_from_double(FLOAT_VAL(o)); }

/* float(o) for a float or float subclass instance. */
static Object *float_exact(Object *o)
{
    return IS_TYPE(o, float_type) ? NEWREF(o) : float_from_double(FLOAT_VAL(o));
}

/* ---- comparison and hashing ---- */

/* Compares the finite double x with the int [i] exactly: -1, 0, 1, or -2
 * on error. */
static int compare_with_int(double x, Object *i)
{
    long v;
    if (int_fits_long(i, &v) && v > -(1L << 53) && v < (1L << 53)) {
        double d = (double)v;
        return (x > d) - (x < d);
    }
    double whole = floor(x);
    Object *w = int_from_double(whole);
    if (!w)
        return -2;
    int c = int_compare(w, i);
    DECREF(w);
    return c != 0 ? c : x > whole;
}

static Object *float_richcompare(Object *a, Object *b, int op)
{
    double x = FLOAT_VAL(a), y;
    int c;
    if (FLOAT_CHECK(b)) {
        y = FLOAT_VAL(b);
        if (isnan(x) || isnan(y))
            return bool_from(op == CMP_NE);
        c = (x > y) - (x < y);
    } else if (INT_CHECK(b)) {
        if (isnan(x))
            return bool_from(op == CMP_NE);
        c = isinf(x) ? (x > 0 ? 1 : -1) : compare_with_int(x, b);
        if (c == -2)
            return NULL;
    } else
        return NEWREF(NotImplemented);
    return int_cmp_to_bool(c, op);
}

/* The hash of a pointer, as CPython's: rotated right by 4 bits. */
static hash_t pointer_hash(const void *p)
{
    uintptr_t y = (uintptr_t)p;
    hash_t h = (hash_t)((y >> 4) | (y << (8 * sizeof(y) - 4)));
    return h == -1 ? -2 : h;
}

/* The hash of the number v, equal to the hash of an equal int: |v| is
 * M * 2**E with M an integer, so its hash is M * 2**(E mod 61) modulo
 * 2**61 - 1, a rotation of M's bits. */
static hash_t double_hash(Object *o, double v)
{
    if (isnan(v))
        return pointer_hash(o);
    if (isinf(v))
        return v > 0 ? HASH_INF : -HASH_INF;
    int e;
    double m = frexp(fabs(v), &e);
    uint64_t h = (uint64_t)ldexp(m, 53);
    int k = ((e - 53) % 61 + 61) % 61;
    h = ((h << k) & HASH_MODULUS) | (h >> (61 - k));
    hash_t r = v < 0 ? -(hash_t)h : (hash_t)h;
    return r == -1 ? -2 : r;
}

static hash_t float_hash(Object *o)
{
    return double_hash(o, FLOAT_VAL(o));
}

/* ---- methods ---- */

/* TypeError unless the call passed no arguments; [name] is "float.method". */
static bool no_args(const char *name, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return args_positional(name, args, nargs, kwnames, 0, 0, NULL) == 0;
}

static Object *float_is_integer(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x = FLOAT_VAL(self);
    if (!no_args("float.is_integer", args, nargs, kwnames))
        return NULL;
    return bool_from(isfinite(x) && floor(x) == x);
}

static Object *float_as_integer_ratio(Object *self, Object *const *args, ssize_t nargs,
                                      Object *kwnames)
{
    double x = FLOAT_VAL(self);
    int e;
    if (!no_args("float.as_integer_ratio", args, nargs, kwnames))
        return NULL;
    if (isinf(x))
        return err_format(exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return err_format(exc_ValueError, "cannot convert NaN to integer ratio");
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    Object *num = int_from_double(m), *one = int_from_long(1), *shift = int_from_long(abs(e));
    Object *t = NULL, *big = NULL;
    if (num && one && shift && (big = num_binop(e > 0 ? num : one, shift, BINOP_LSHIFT)))
        t = e > 0 ? tuple_pack(2, big, one) : tuple_pack(2, num, big);
    XDECREF(num);
    XDECREF(one);
    XDECREF(shift);
    XDECREF(big);
    return t;
}

static Object *float_hex(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    double x = FLOAT_VAL(self);
    char buf[40];
    int e;
    if (!no_args("float.hex", args, nargs, kwnames))
        return NULL;
    if (isnan(x) || isinf(x))
        return float_repr_obj(x);
    if (x == 0.0)
        return str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    uint64_t bits = (uint64_t)ldexp(m, 52 + shift);   /* leading digit and 52 bits */
    e -= shift;
    snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", x < 0 ? "-" : "", (int)(bits >> 52),
             (unsigned long long)(bits & (((uint64_t)1 << 52) - 1)), e);
    return str_from_cstr(buf);
}

static int hex_value(char c)
{
    c = (char)(c | 0x20);
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Rewrites the float.fromhex() text [p, end) (no spaces or sign) into
 * [out] as C's "0x<hex>.<hex>p<exp>"; false if it is not valid. */
static bool clean_hex(const char *p, const char *end, char *out)
{
    ssize_t ndig = 0;
    if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x')
        p += 2;
    *out++ = '0';
    *out++ = 'x';
    for (; p < end && hex_value(*p) >= 0; ndig++)
        *out++ = *p++;
    if (p < end && *p == '.')
        for (*out++ = *p++; p < end && hex_value(*p) >= 0; ndig++)
            *out++ = *p++;
    if (ndig == 0)
        return false;
    *out++ = 'p';
    if (p < end && (*p | 0x20) == 'p') {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            *out++ = *p++;
        if (p == end || !is_digit(*p))
            return false;
        while (p < end && is_digit(*p))
            *out++ = *p++;
    } else
        *out++ = '0';
    *out = '\0';
    return p == end;
}

/* The value of the hexadecimal number [p, end); NaN + ValueError if it is
 * not one, NaN + MemoryError. */
static double hex_number(const char *p, const char *end)
{
    char *buf = mem_malloc(end - p + 8);
    if (!buf) {
        err_nomemory();
        return NAN;
    }
    bool ok = clean_hex(p, end, buf);
    double d = ok ? strtod(buf, NULL) : NAN;
    mem_free(buf);
    if (!ok)
        err_format(exc_ValueError, "invalid hexadecimal floating-point string");
    return d;
}

static Object *float_fromhex(Object *cls, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *s;
    ssize_t len;
    double d;
    if (args_positional("fromhex", args, nargs, kwnames, 1, 1, &s) < 0)
        return NULL;
    if (!TYPE_CHECK(s, str_type))
        return err_format(exc_TypeError, "fromhex() argument must be str, not %T", s);
    const char *text = str_as_utf8(s, &len), *end = text ? text + len : NULL, *p = text;
    if (!text)
        return NULL;
    bool neg = trim_sign(&p, &end);
    if (!inf_or_nan(p, end, &d)) {
        d = hex_number(p, end);
        if (d != d)
            return NULL;
        if (isinf(d))
            return err_format(exc_OverflowError, "hexadecimal value too large to represent as a float");
    }
    Object *r = float_from_double(neg ? -d : d);
    if (r && cls != (Object *)&float_type)
        SETREF(r, obj_call1(cls, r));
    return r;
}

/* round(x, ndigits): ndigits beyond what a double can hold leave x as is
 * (or make it a zero); the rest is rounded exactly (int.c). */
static Object *round_digits(double x, Object *nd)
{
    enum { NDIGITS_MAX = 323, NDIGITS_MIN = -308 };
    ssize_t n = int_index_clamped(nd);
    if (n == -1 && err_occurred())
        return NULL;
    if (!isfinite(x) || n > NDIGITS_MAX)
        return float_from_double(x);
    if (n < NDIGITS_MIN)
        return float_from_double(0.0 * x);
    return int_round_double(x, (int)n);
}

static Object *float_round(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"ndigits", NULL};
    Object *nd = NULL;
    double x = FLOAT_VAL(self);
    if (args_parse("__round__", args, nargs, kwnames, kwlist, 0, 1, &nd) < 0)
        return NULL;
    if (nd && nd != None)
        return round_digits(x, nd);
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return int_from_double(r);
}

static Object *float_trunc_method(Object *self, Object *const *args, ssize_t nargs,
                                  Object *kwnames)
{
    return no_args("float.__trunc__", args, nargs, kwnames) ? float_trunc(self) : NULL;
}

static Object *float_floor(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (!no_args("float.__floor__", args, nargs, kwnames))
        return NULL;
    return int_from_double(floor(FLOAT_VAL(self)));
}

static Object *float_ceil(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (!no_args("float.__ceil__", args, nargs, kwnames))
        return NULL;
    return int_from_double(ceil(FLOAT_VAL(self)));
}

/* conjugate: float(self). */
static Object *float_self(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return no_args("float.conjugate", args, nargs, kwnames) ? float_exact(self) : NULL;
}

static Object *float_getnewargs(Object *self, Object *const *args, ssize_t nargs,
                                Object *kwnames)
{
    if (!no_args("float.__getnewargs__", args, nargs, kwnames))
        return NULL;
    Object *v = float_exact(self);
    Object *t = v ? tuple_pack(1, v) : NULL;
    XDECREF(v);
    return t;
}

static Object *float_format_method(Object *self, Object *const *args, ssize_t nargs,
                                   Object *kwnames)
{
    Object *spec;
    if (args_positional("__format__", args, nargs, kwnames, 1, 1, &spec) < 0)
        return NULL;
    if (!TYPE_CHECK(spec, str_type))
        return err_format(exc_TypeError, "__format__() argument must be str, not %T", spec);
    return float_format_spec(self, spec);
}

/* __pow__(value, mod=None) and __rpow__: a modulus is for ints only. */
static Object *float_pow_method(Object *self, Object *const *args, ssize_t nargs,
                                Object *kwnames)
{
    Object *a[2] = {NULL, NULL};
    if (args_positional("__pow__", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    if (a[1] && a[1] != None)
        return err_format(exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return float_power(self, a[0]);
}

static Object *float_rpow_method(Object *self, Object *const *args, ssize_t nargs,
                                 Object *kwnames)
{
    Object *a[2] = {NULL, NULL};
    if (args_positional("__rpow__", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    if (a[1] && a[1] != None)
        return err_format(exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    return float_power(a[0], self);
}

static Object *float_divmod_method(Object *self, Object *const *args, ssize_t nargs,
                                   Object *kwnames)
{
    Object *other;
    if (args_positional("__divmod__", args, nargs, kwnames, 1, 1, &other) < 0)
        return NULL;
    return float_divmod(self, other);
}

static Object *float_rdivmod_method(Object *self, Object *const *args, ssize_t nargs,
                                    Object *kwnames)
{
    Object *other;
    if (args_positional("__rdivmod__", args, nargs, kwnames, 1, 1, &other) < 0)
        return NULL;
    return float_divmod(other, self);
}

static const MethodDef float_methods[] = {
    {"conjugate", float_self, 0, "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc_method, 0, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, 0, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, 0, "Return the ceiling as an Integral."},
    {"__round__", float_round, 0, "Return the Integral closest to x, rounding half toward even.\n\nWhen an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", float_as_integer_ratio, 0, "Return integer ratio."},
    {"fromhex", float_fromhex, METH_CLASS, "Create a floating-point number from a hexadecimal string."},
    {"hex", float_hex, 0, "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", float_is_integer, 0, "Return True if the float is an integer."},
    {"__getnewargs__", float_getnewargs, 0, NULL},
    {"__format__", float_format_method, 0, "Formats the float according to format_spec."},
    {"__pow__", float_pow_method, 0, "Return pow(self, value, mod)."},
    {"__rpow__", float_rpow_method, 0, "Return pow(value, self, mod)."},
    {"__divmod__", float_divmod_method, 0, "Return divmod(self, value)."},
    {"__rdivmod__", float_rdivmod_method, 0, "Return divmod(value, self)."},
    {NULL, NULL, 0, NULL}
};

static Object *float_get_real(Object *self, void *closure)
{
    (void)closure;
    return float_exact(self);
}

static Object *float_get_imag(Object *self, void *closure)
{
    (void)self;
    (void)closure;
    return float_from_double(0.0);
}

static const GetSetDef float_getset[] = {
    {"real", float_get_real, NULL, NULL},
    {"imag", float_get_imag, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

/* An instance of the float subclass [type] holding [v]'s value ([v] stolen). */
static Object *float_subtype_new(Type *type, Object *v)
{
    FloatObject *r = (FloatObject *)obj_alloc(type, 0);
    if (r) {
        r->value = FLOAT_VAL(v);
        if (type->flags & TPFLAG_HAVE_GC)
            gc_track((Object *)r);
    }
    DECREF(v);
    return (Object *)r;
}

static Object *float_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (args_no_keywords("float", kwnames) < 0)
        return NULL;
    if (nargs > 1)
        return err_format(exc_TypeError, "float expected at most 1 argument, got %zd", nargs);
    Object *v = nargs ? float_from_object(args[0]) : float_from_double(0.0);
    return v && type != &float_type ? float_subtype_new(type, v) : v;
}

Type float_type = {
    .base = {{1, &type_type}, 0},
    .name = "float",
    .basicsize = sizeof(FloatObject),
    .flags = TPFLAG_BASETYPE,
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .nb = {
        [BINOP_ADD] = float_add, [BINOP_SUBTRACT] = float_sub, [BINOP_MULTIPLY] = float_mul,
        [BINOP_TRUE_DIVIDE] = float_truediv, [BINOP_FLOOR_DIVIDE] = float_floordiv,
        [BINOP_REMAINDER] = float_mod, [BINOP_POWER] = float_power,
    },
    .nb_negative = float_neg,
    .nb_positive = float_exact,
    .nb_absolute = float_abs,
    .nb_int = float_trunc,
    .nb_float = float_exact,
    .nb_bool = float_bool,
    .new_ = float_new_slot,
    .methods = float_methods,
    .getset = float_getset,
};
