/* int.c — int and bool.
 *
 * An int is CPython 3.11's PyLongObject: the size field holds the signed
 * number of 30-bit digits (0 for zero), the digits follow least significant
 * first, and the top digit of a normalised int is never zero.  -5..256 are
 * preallocated (static storage, see int_init) and every constructor hands
 * those out instead of allocating.  Values of at most one digit take fast
 * paths through C longs everywhere.
 *
 * The magnitude routines (mag_*) work on bare digit arrays; the rest builds
 * Python semantics on top of them: floor division, two's complement bitwise
 * operators, correctly rounded conversions to float, text in any base with
 * the int_max_str_digits limit, and the methods of int and bool.
 * Formatting with a format spec lives in format.c.
 */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "int.h"
#include "type.h"
#include "float.h"
#include "str.h"
#include "tuple.h"
#include "args.h"
#include "errors.h"
#include "format.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

#define ABS_SIZE(o) (SIZE(o) < 0 ? -SIZE(o) : SIZE(o))
#define DIGITS(o) (((IntObject *)(o))->digits)
#define INT_CHECK(o) ((TYPE(o)->flags & TPFLAG_LONG_SUBCLASS) != 0)
#define MAX_DIGITS ((ssize_t)((SSIZE_MAX - offsetof(IntObject, digits)) / sizeof(digit)))
#define KARATSUBA_CUTOFF 70
#define DEFAULT_MAX_STR_DIGITS 4300
#define MIN_MAX_STR_DIGITS 640
/* Refcount the cached ints start with, as CPython 3.11's static objects. */
#define CACHED_REFCNT 999999999

enum { NSMALL_NEG = 5, NSMALL_POS = 257 };
static IntObject small_ints[NSMALL_NEG + NSMALL_POS];
#define SMALL_INT(v) ((Object *)&small_ints[(v) + NSMALL_NEG])

static int max_str_digits = DEFAULT_MAX_STR_DIGITS;

IntObject True_obj = { { { 1, &bool_type }, 1 }, { 1 } };
IntObject False_obj = { { { 1, &bool_type }, 0 }, { 0 } };

/* ---- allocation and normalisation ---- */

/* A new int of [n] digits, uninitialised, with size n (callers set the sign). */
static IntObject *int_alloc(ssize_t n)
{
    if (n > MAX_DIGITS) {
        err_format(exc_OverflowError, "too many digits in integer");
        return NULL;
    }
    IntObject *v = (IntObject *)obj_alloc(&int_type, n > 0 ? n : 1);
    if (!v)
        return NULL;
    SIZE(v) = n;
    v->digits[0] = 0;
    return v;
}

/* The value of an int of at most one digit. */
static inline long medium(Object *v)
{
    return (long)SIZE(v) * (long)DIGITS(v)[0];
}

static inline bool is_medium(Object *v)
{
    return SIZE(v) >= -1 && SIZE(v) <= 1;
}

/* Strips the leading zero digits of a new int [v] and trades a small value
 * for the cached object. */
static Object *int_norm(IntObject *v)
{
    ssize_t n = ABS_SIZE(v);
    while (n > 0 && v->digits[n - 1] == 0)
        n--;
    SIZE(v) = SIZE(v) < 0 ? -n : n;
    if (n <= 1) {
        long m = medium((Object *)v);
        if (INT_IS_SMALL(m)) {
            DECREF(v);
            return NEWREF(SMALL_INT(m));
        }
    }
    return (Object *)v;
}

/* Number of significant entries in the digit array [d] of length [n]. */
static ssize_t norm_len(const digit *d, ssize_t n)
{
    while (n > 0 && d[n - 1] == 0)
        n--;
    return n;
}

static int bits_in_digit(digit d)
{
    return d ? 32 - __builtin_clz(d) : 0;
}

/* Number of bits of |v|. */
static ssize_t mag_bits(Object *v)
{
    ssize_t n = ABS_SIZE(v);
    return n ? (n - 1) * INT_SHIFT + bits_in_digit(DIGITS(v)[n - 1]) : 0;
}

/* A new int of magnitude [u], positive. */
static IntObject *from_u64(uint64_t u)
{
    ssize_t n = 0;
    for (uint64_t t = u; t; t >>= INT_SHIFT)
        n++;
    IntObject *r = int_alloc(n);
    for (ssize_t i = 0; r && i < n; i++, u >>= INT_SHIFT)
        r->digits[i] = (digit)(u & INT_MASK);
    return r;
}

Object *int_from_long(long v)
{
    if (INT_IS_SMALL(v))
        return NEWREF(SMALL_INT(v));
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    IntObject *r;
    if (u < INT_BASE) {
        if (!(r = int_alloc(1)))
            return NULL;
        r->digits[0] = (digit)u;
    } else if (!(r = from_u64(u)))
        return NULL;
    if (v < 0)
        SIZE(r) = -SIZE(r);
    return (Object *)r;
}

Object *int_from_ssize(ssize_t v)
{
    _Static_assert(sizeof(ssize_t) == sizeof(long), "ssize_t is a long");
    return int_from_long((long)v);
}

Object *int_from_ulong(unsigned long v)
{
    if (v <= 256)
        return NEWREF(SMALL_INT((long)v));
    return (Object *)from_u64(v);
}

/* A new int of sign [neg] and magnitude u (a 128-bit value). */
static Object *from_u128(unsigned __int128 u, bool neg)
{
    ssize_t n = 0;
    for (unsigned __int128 t = u; t; t >>= INT_SHIFT)
        n++;
    IntObject *r = int_alloc(n);
    if (!r)
        return NULL;
    for (ssize_t i = 0; i < n; i++, u >>= INT_SHIFT)
        r->digits[i] = (digit)(u & INT_MASK);
    if (neg)
        SIZE(r) = -n;
    return int_norm(r);
}

/* An exact int equal to the int (or int subclass instance) [v]. */
static Object *exact_int(Object *v)
{
    if (IS_TYPE(v, int_type))
        return NEWREF(v);
    if (is_medium(v))
        return int_from_long(medium(v));
    ssize_t n = ABS_SIZE(v);
    IntObject *r = int_alloc(n);
    if (!r)
        return NULL;
    memcpy(r->digits, DIGITS(v), n * sizeof(digit));
    SIZE(r) = SIZE(v);
    return (Object *)r;
}

/* |v| when it fits 64 bits: true and *out set. */
static bool mag_to_u64(Object *v, uint64_t *out)
{
    uint64_t x = 0;
    for (ssize_t i = ABS_SIZE(v); --i >= 0;) {
        if (x >> (64 - INT_SHIFT))
            return false;
        x = (x << INT_SHIFT) | DIGITS(v)[i];
    }
    *out = x;
    return true;
}

int int_fits_long(Object *o, long *out)
{
    uint64_t m;
    if (is_medium(o)) {
        *out = medium(o);
        return 1;
    }
    if (!mag_to_u64(o, &m))
        return 0;
    if (SIZE(o) > 0) {
        if (m > (uint64_t)LONG_MAX)
            return 0;
        *out = (long)m;
    } else {
        if (m > (uint64_t)LONG_MAX + 1)
            return 0;
        *out = m == (uint64_t)LONG_MAX + 1 ? LONG_MIN : -(long)m;
    }
    return 1;
}

/* The int [o] is, or its __index__ (a new reference). */
static Object *as_index(Object *o)
{
    return INT_CHECK(o) ? NEWREF(o) : num_index(o);
}

ssize_t int_index_clamped(Object *o)
{
    long r;
    Object *v = as_index(o);
    if (!v)
        return -1;
    if (!int_fits_long(v, &r))
        r = SIZE(v) < 0 ? LONG_MIN : LONG_MAX;
    DECREF(v);
    return r;
}

/* [o].__index__() as a C long; -1 with OverflowError naming [ctype] when it
 * does not fit. */
static long index_as_clong(Object *o, const char *ctype)
{
    long r;
    Object *v = as_index(o);
    if (!v)
        return -1;
    if (!int_fits_long(v, &r)) {
        err_format(exc_OverflowError, "Python int too large to convert to C %s", ctype);
        r = -1;
    }
    DECREF(v);
    return r;
}

long int_as_long(Object *o)
{
    return index_as_clong(o, "long");
}

ssize_t int_as_ssize(Object *o)
{
    return index_as_clong(o, "ssize_t");
}

int int_sign(Object *o)
{
    return SIZE(o) < 0 ? -1 : SIZE(o) > 0;
}

/* ---- floats ---- */

/* |v| >> shift as a 64-bit value (it must fit); *sticky tells whether any
 * bit shifted out was set. */
static uint64_t top_bits(Object *v, ssize_t shift, bool *sticky)
{
    ssize_t word = shift / INT_SHIFT, n = ABS_SIZE(v);
    int bit = (int)(shift % INT_SHIFT);
    const digit *d = DIGITS(v);
    uint64_t x = 0;
    for (ssize_t i = n - 1; i > word; i--)
        x = (x << INT_SHIFT) | d[i];
    x = (x << (INT_SHIFT - bit)) | (d[word] >> bit);
    bool s = (d[word] & (((digit)1 << bit) - 1)) != 0;
    for (ssize_t i = 0; i < word && !s; i++)
        s = d[i] != 0;
    *sticky = s;
    return x;
}

/* |v| correctly rounded to a double; *overflow set when it is too big. */
static double mag_to_double(Object *v, bool *overflow)
{
    uint64_t u;
    *overflow = false;
    if (ABS_SIZE(v) <= 2 && mag_to_u64(v, &u))
        return (double)u;
    ssize_t nbits = mag_bits(v);
    if (nbits > DBL_MAX_EXP) {
        *overflow = true;
        return 0.0;
    }
    /* Keep 55 bits: 53 for the mantissa, a rounding bit, and a sticky bit
     * folded into the lowest one, so the conversion rounds half to even. */
    bool sticky;
    uint64_t x = top_bits(v, nbits - 55, &sticky) | sticky;
    double d = ldexp((double)x, (int)(nbits - 55));
    *overflow = isinf(d);
    return d;
}

double int_as_double(Object *o)
{
    bool overflow;
    if (is_medium(o))
        return (double)medium(o);
    double d = mag_to_double(o, &overflow);
    if (overflow) {
        err_format(exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return SIZE(o) < 0 ? -d : d;
}

Object *int_from_double(double d)
{
    if (isinf(d))
        return err_format(exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return err_format(exc_ValueError, "cannot convert float NaN to integer");
    if (fabs(d) < 9223372036854775808.0)
        return int_from_long((long)d);
    int e;
    double m = frexp(fabs(d), &e);          /* |d| = m * 2**e, e > 63 */
    ssize_t n = (e - 1) / INT_SHIFT + 1;
    IntObject *r = int_alloc(n);
    if (!r)
        return NULL;
    m = ldexp(m, (e - 1) % INT_SHIFT + 1);
    for (ssize_t i = n - 1; i >= 0; i--) {
        digit top = (digit)m;
        r->digits[i] = top;
        m = ldexp(m - top, INT_SHIFT);
    }
    if (d < 0)
        SIZE(r) = -n;
    return (Object *)r;
}

/* ---- magnitudes: arithmetic on bare digit arrays ---- */

/* r[0..na] = a + b, with na >= nb (r gets na + 1 digits). */
static void mag_add(digit *r, const digit *a, ssize_t na, const digit *b, ssize_t nb)
{
    digit carry = 0;
    ssize_t i;
    for (i = 0; i < nb; i++) {
        carry += a[i] + b[i];
        r[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    r[i] = carry;
}

/* r[0..na) = a - b, with a >= b and na >= nb. */
static void mag_sub(digit *r, const digit *a, ssize_t na, const digit *b, ssize_t nb)
{
    digit borrow = 0;
    ssize_t i;
    for (i = 0; i < nb; i++) {
        borrow = a[i] - b[i] - borrow;
        r[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
    for (; i < na; i++) {
        borrow = a[i] - borrow;
        r[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
}

/* r[0..nr) += t[0..nt), nr >= nt; the sum fits in nr digits. */
static void mag_add_into(digit *r, ssize_t nr, const digit *t, ssize_t nt)
{
    digit carry = 0;
    ssize_t i;
    for (i = 0; i < nt; i++) {
        carry += r[i] + t[i];
        r[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
    for (; carry && i < nr; i++) {
        carry += r[i];
        r[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
    }
}

/* r[0..nr) -= t[0..nt), nr >= nt; the difference is not negative. */
static void mag_sub_from(digit *r, ssize_t nr, const digit *t, ssize_t nt)
{
    digit borrow = 0;
    ssize_t i;
    for (i = 0; i < nt; i++) {
        borrow = r[i] - t[i] - borrow;
        r[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
    for (; borrow && i < nr; i++) {
        borrow = r[i] - borrow;
        r[i] = borrow & INT_MASK;
        borrow = (borrow >> INT_SHIFT) & 1;
    }
}

static int mag_cmp(const digit *a, ssize_t na, const digit *b, ssize_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    while (--na >= 0)
        if (a[na] != b[na])
            return a[na] < b[na] ? -1 : 1;
    return 0;
}

/* r[0..na+nb) = a * b, the schoolbook way. */
static void mul_school(digit *r, const digit *a, ssize_t na, const digit *b, ssize_t nb)
{
    memset(r, 0, (na + nb) * sizeof(digit));
    for (ssize_t i = 0; i < na; i++) {
        twodigits f = a[i], carry = 0;
        if (!f)
            continue;
        for (ssize_t j = 0; j < nb; j++) {
            carry += r[i + j] + f * b[j];
            r[i + j] = (digit)(carry & INT_MASK);
            carry >>= INT_SHIFT;
        }
        r[i + nb] = (digit)carry;
    }
}

static int mag_mul(digit *r, const digit *a, ssize_t na, const digit *b, ssize_t nb);

/* a * b when b is much shorter than a: a is cut into slices of b's length. */
static int mul_lopsided(digit *r, const digit *a, ssize_t na, const digit *b, ssize_t nb)
{
    digit *t = mem_malloc(2 * nb * sizeof(digit));
    if (!t)
        return -1;
    memset(r, 0, (na + nb) * sizeof(digit));
    for (ssize_t off = 0; off < na; off += nb) {
        ssize_t n = na - off < nb ? na - off : nb;
        if (mag_mul(t, a + off, n, b, nb) < 0) {
            mem_free(t);
            return -1;
        }
        mag_add_into(r + off, na + nb - off, t, n + nb);
    }
    mem_free(t);
    return 0;
}

/* Karatsuba for nb > na / 2: with a = ah*B^s + al and b = bh*B^s + bl,
 * a*b = z2*B^2s + ((al+ah)(bl+bh) - z0 - z2)*B^s + z0. */
static int mul_karatsuba(digit *r, const digit *a, ssize_t na, const digit *b, ssize_t nb)
{
    ssize_t s = na / 2;
    ssize_t nal = norm_len(a, s), nbl = norm_len(b, s), nah = na - s, nbh = nb - s;
    memset(r, 0, (na + nb) * sizeof(digit));
    if (mag_mul(r, a, nal, b, nbl) < 0 || mag_mul(r + 2 * s, a + s, nah, b + s, nbh) < 0)
        return -1;
    ssize_t nsa = nah + 1, nsb = (nbh > nbl ? nbh : nbl) + 1;
    digit *sa = mem_malloc(2 * (nsa + nsb) * sizeof(digit));
    if (!sa)
        return -1;
    digit *sb = sa + nsa, *p = sb + nsb;
    mag_add(sa, a + s, nah, a, nal);
    if (nbh >= nbl)
        mag_add(sb, b + s, nbh, b, nbl);
    else
        mag_add(sb, b, nbl, b + s, nbh);
    nsa = norm_len(sa, nsa);
    nsb = norm_len(sb, nsb);
    if (mag_mul(p, sa, nsa, sb, nsb) < 0) {
        mem_free(sa);
        return -1;
    }
    ssize_t np = nsa + nsb;
    mag_sub_from(p, np, r, norm_len(r, 2 * s));
    mag_sub_from(p, np, r + 2 * s, norm_len(r + 2 * s, na + nb - 2 * s));
    mag_add_into(r + s, na + nb - s, p, norm_len(p, np));
    mem_free(sa);
    return 0;
}

/* r[0..na+nb) = a * b (r must not overlap them); -1 when out of memory. */
static int mag_mul(digit *r, const digit *a, ssize_t na, const digit *b, ssize_t nb)
{
    if (na < nb)
        return mag_mul(r, b, nb, a, na);
    if (nb < KARATSUBA_CUTOFF) {
        mul_school(r, a, na, b, nb);
        return 0;
    }
    if (2 * nb <= na)
        return mul_lopsided(r, a, na, b, nb);
    return mul_karatsuba(r, a, na, b, nb);
}

/* q[0..n) = a / d, returning a % d (q may be a). */
static digit mag_divrem1(digit *q, const digit *a, ssize_t n, digit d)
{
    twodigits rem = 0;
    for (ssize_t i = n - 1; i >= 0; i--) {
        rem = (rem << INT_SHIFT) | a[i];
        q[i] = (digit)(rem / d);
        rem %= d;
    }
    return (digit)rem;
}

/* r[0..n) = a << sh (0 <= sh < INT_SHIFT), returning the bits pushed out. */
static digit mag_lshift(digit *r, const digit *a, ssize_t n, int sh)
{
    digit carry = 0;
    for (ssize_t i = 0; i < n; i++) {
        twodigits t = ((twodigits)a[i] << sh) | carry;
        r[i] = (digit)(t & INT_MASK);
        carry = (digit)(t >> INT_SHIFT);
    }
    return carry;
}

/* r[0..n) = a >> sh (0 <= sh < INT_SHIFT), returning the bits shifted out. */
static digit mag_rshift(digit *r, const digit *a, ssize_t n, int sh)
{
    digit carry = 0, mask = ((digit)1 << sh) - 1;
    for (ssize_t i = n - 1; i >= 0; i--) {
        twodigits t = ((twodigits)carry << INT_SHIFT) | a[i];
        carry = a[i] & mask;
        r[i] = (digit)(t >> sh) & INT_MASK;
    }
    return carry;
}

/* One step of Knuth's algorithm D: u[0..nb] -= qhat * v, adding v back
 * once if that went negative; returns the corrected quotient digit. */
static digit divstep(digit *u, const digit *v, ssize_t nb, twodigits qhat)
{
    int64_t borrow = 0;
    twodigits carry = 0;
    for (ssize_t i = 0; i < nb; i++) {
        carry += qhat * v[i];
        int64_t t = (int64_t)u[i] - (int64_t)(carry & INT_MASK) + borrow;
        u[i] = (digit)(t & INT_MASK);
        borrow = t >> INT_SHIFT;
        carry >>= INT_SHIFT;
    }
    if ((int64_t)u[nb] - (int64_t)carry + borrow >= 0)
        return (digit)qhat;
    carry = 0;
    for (ssize_t i = 0; i < nb; i++) {
        carry += (twodigits)u[i] + v[i];
        u[i] = (digit)(carry & INT_MASK);
        carry >>= INT_SHIFT;
    }
    return (digit)(qhat - 1);
}

/* Knuth's algorithm D: q[0..na-nb] = a / b and rem[0..nb) = a % b, for
 * nb >= 2 and na >= nb.  -1 when out of memory. */
static int mag_divrem(digit *q, digit *rem, const digit *a, ssize_t na,
                      const digit *b, ssize_t nb)
{
    digit *v = mem_malloc((nb + na + 1) * sizeof(digit));
    if (!v)
        return -1;
    digit *u = v + nb;
    int sh = INT_SHIFT - bits_in_digit(b[nb - 1]);
    mag_lshift(v, b, nb, sh);
    u[na] = mag_lshift(u, a, na, sh);
    twodigits vtop = v[nb - 1], vnext = v[nb - 2];
    for (ssize_t j = na - nb; j >= 0; j--) {
        digit *uj = u + j;
        twodigits num = ((twodigits)uj[nb] << INT_SHIFT) | uj[nb - 1];
        twodigits qhat = num / vtop, rhat = num % vtop;
        while (qhat >= INT_BASE || qhat * vnext > ((rhat << INT_SHIFT) | uj[nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >= INT_BASE)
                break;
        }
        q[j] = divstep(uj, v, nb, qhat);
        uj[nb] = 0;
    }
    mag_rshift(rem, u, nb, sh);
    mem_free(v);
    return 0;
}

/* ---- addition, subtraction, multiplication ---- */

/* |a| + |b|, negated when [neg]. */
static Object *add_mag(Object *a, Object *b, bool neg)
{
    ssize_t na = ABS_SIZE(a), nb = ABS_SIZE(b);
    if (na < nb) {
        Object *t = a; a = b; b = t;
        ssize_t tn = na; na = nb; nb = tn;
    }
    IntObject *r = int_alloc(na + 1);
    if (!r)
        return NULL;
    mag_add(r->digits, DIGITS(a), na, DIGITS(b), nb);
    if (neg)
        SIZE(r) = -SIZE(r);
    return int_norm(r);
}

/* |a| - |b|, negated when [neg]. */
static Object *sub_mag(Object *a, Object *b, bool neg)
{
    ssize_t na = ABS_SIZE(a), nb = ABS_SIZE(b);
    int c = mag_cmp(DIGITS(a), na, DIGITS(b), nb);
    if (c == 0)
        return NEWREF(SMALL_INT(0));
    if (c < 0) {
        Object *t = a; a = b; b = t;
        ssize_t tn = na; na = nb; nb = tn;
        neg = !neg;
    }
    IntObject *r = int_alloc(na);
    if (!r)
        return NULL;
    mag_sub(r->digits, DIGITS(a), na, DIGITS(b), nb);
    if (neg)
        SIZE(r) = -na;
    return int_norm(r);
}

/* a + b, or a - b when [negb]; both ints. */
static Object *add_ints(Object *a, Object *b, bool negb)
{
    if (is_medium(a) && is_medium(b))
        return int_from_long(negb ? medium(a) - medium(b) : medium(a) + medium(b));
    bool an = SIZE(a) < 0, bn = (SIZE(b) < 0) != negb;
    return an == bn ? add_mag(a, b, an) : sub_mag(a, b, an);
}

static Object *mul_ints(Object *a, Object *b)
{
    if (is_medium(a) && is_medium(b))
        return int_from_long(medium(a) * medium(b));
    ssize_t na = ABS_SIZE(a), nb = ABS_SIZE(b);
    IntObject *r = int_alloc(na + nb);
    if (!r)
        return NULL;
    if (mag_mul(r->digits, DIGITS(a), na, DIGITS(b), nb) < 0) {
        DECREF(r);
        return err_nomemory();
    }
    if ((SIZE(a) < 0) != (SIZE(b) < 0))
        SIZE(r) = -SIZE(r);
    return int_norm(r);
}

/* ---- division ---- */

/* Truncating division of ints: *pq = a / b and *pr = a % b rounded toward
 * zero (the remainder takes a's sign); b is not zero. */
static int divrem_trunc(Object *a, Object *b, Object **pq, Object **pr)
{
    ssize_t na = ABS_SIZE(a), nb = ABS_SIZE(b);
    bool qneg = (SIZE(a) < 0) != (SIZE(b) < 0);
    IntObject *q = NULL, *r = NULL;
    if (mag_cmp(DIGITS(a), na, DIGITS(b), nb) < 0) {
        *pq = NEWREF(SMALL_INT(0));
        *pr = exact_int(a);
        return *pr ? 0 : -1;
    }
    if (!(q = int_alloc(na - nb + 1)) || !(r = int_alloc(nb)))
        goto fail;
    if (nb == 1)
        r->digits[0] = mag_divrem1(q->digits, DIGITS(a), na, DIGITS(b)[0]);
    else if (mag_divrem(q->digits, r->digits, DIGITS(a), na, DIGITS(b), nb) < 0) {
        err_nomemory();
        goto fail;
    }
    if (qneg)
        SIZE(q) = -SIZE(q);
    if (SIZE(a) < 0)
        SIZE(r) = -SIZE(r);
    *pq = int_norm(q);
    *pr = int_norm(r);
    return 0;
fail:
    XDECREF(q);
    XDECREF(r);
    return -1;
}

/* Floor division: *pq = a // b and *pr = a % b (either may be NULL when not
 * wanted); b is not zero. */
static int divmod_floor(Object *a, Object *b, Object **pq, Object **pr)
{
    Object *q, *r;
    if (is_medium(a) && is_medium(b)) {
        long x = medium(a), y = medium(b), lq = x / y, lr = x % y;
        if (lr && (lr < 0) != (y < 0)) {
            lr += y;
            lq--;
        }
        q = pq ? int_from_long(lq) : NULL;
        r = pr ? int_from_long(lr) : NULL;
    } else {
        if (divrem_trunc(a, b, &q, &r) < 0)
            return -1;
        if (SIZE(r) != 0 && (SIZE(r) < 0) != (SIZE(b) < 0)) {
            SETREF(q, add_ints(q, SMALL_INT(1), true));
            SETREF(r, q ? add_ints(r, b, false) : NULL);
        }
        if (!pq)
            CLEAR(q);
        if (!pr)
            CLEAR(r);
    }
    if ((pq && !q) || (pr && !r)) {
        XDECREF(q);
        XDECREF(r);
        return -1;
    }
    if (pq)
        *pq = q;
    if (pr)
        *pr = r;
    return 0;
}

/* a % b for ints; NULL + ZeroDivisionError when b is zero. */
static Object *mod_ints(Object *a, Object *b)
{
    Object *r;
    if (SIZE(b) == 0)
        return err_format(exc_ZeroDivisionError, "integer modulo by zero");
    return divmod_floor(a, b, NULL, &r) < 0 ? NULL : r;
}

/* a // b for ints. */
static Object *floordiv_ints(Object *a, Object *b)
{
    Object *q;
    if (SIZE(b) == 0)
        return err_format(exc_ZeroDivisionError, "integer division or modulo by zero");
    return divmod_floor(a, b, &q, NULL) < 0 ? NULL : q;
}

/* The quotient a / b rounded to nearest, ties to even, as an int: used by
 * round() with a negative ndigits.  *pr gets a - q*b. */
static int divmod_near(Object *a, Object *b, Object **pq, Object **pr)
{
    Object *q, *r, *twice;
    if (divmod_floor(a, b, &q, &r) < 0)
        return -1;
    /* b > 0 here: round up when 2r > b, or 2r == b and q is odd. */
    if (!(twice = add_ints(r, r, false)))
        goto fail;
    int c = int_compare(twice, b);
    DECREF(twice);
    if (c > 0 || (c == 0 && (DIGITS(q)[0] & 1) && SIZE(q) != 0)) {
        SETREF(q, add_ints(q, SMALL_INT(1), false));
        SETREF(r, q ? add_ints(r, b, true) : NULL);
        if (!r)
            goto fail;
    }
    *pq = q;
    *pr = r;
    return 0;
fail:
    XDECREF(q);
    XDECREF(r);
    return -1;
}

/* ---- shifts ---- */

/* v, or -v when [negate], as a new exact int. */
static Object *copy_int(Object *v, bool negate)
{
    if (is_medium(v))
        return int_from_long(negate ? -medium(v) : medium(v));
    ssize_t n = ABS_SIZE(v);
    IntObject *r = int_alloc(n);
    if (!r)
        return NULL;
    memcpy(r->digits, DIGITS(v), n * sizeof(digit));
    SIZE(r) = negate ? -SIZE(v) : SIZE(v);
    return (Object *)r;
}

/* a << n for n >= 0. */
static Object *lshift_n(Object *a, ssize_t n)
{
    if (SIZE(a) == 0)
        return NEWREF(SMALL_INT(0));
    if (is_medium(a) && n <= 32)
        return int_from_long(medium(a) * ((long)1 << n));
    ssize_t na = ABS_SIZE(a), word = n / INT_SHIFT;
    if (word > MAX_DIGITS - na - 1)
        return err_format(exc_OverflowError, "too many digits in integer");
    IntObject *r = int_alloc(na + word + 1);
    if (!r)
        return NULL;
    memset(r->digits, 0, word * sizeof(digit));
    r->digits[na + word] = mag_lshift(r->digits + word, DIGITS(a), na, (int)(n % INT_SHIFT));
    if (SIZE(a) < 0)
        SIZE(r) = -SIZE(r);
    return int_norm(r);
}

/* |a| >> n for n >= 0; *lost tells whether a set bit was shifted out. */
static Object *rshift_mag(Object *a, ssize_t n, bool *lost)
{
    ssize_t na = ABS_SIZE(a), word = n / INT_SHIFT;
    if (word >= na) {
        *lost = na != 0;
        return NEWREF(SMALL_INT(0));
    }
    IntObject *r = int_alloc(na - word);
    if (!r)
        return NULL;
    *lost = mag_rshift(r->digits, DIGITS(a) + word, na - word, (int)(n % INT_SHIFT)) != 0;
    for (ssize_t i = 0; i < word && !*lost; i++)
        *lost = DIGITS(a)[i] != 0;
    return int_norm(r);
}

/* a >> n for n >= 0, rounding toward minus infinity. */
static Object *rshift_n(Object *a, ssize_t n)
{
    bool lost;
    if (is_medium(a))
        return int_from_long(n >= 63 ? (SIZE(a) < 0 ? -1 : 0) : medium(a) >> n);
    Object *r = rshift_mag(a, n, &lost);
    if (!r || SIZE(a) > 0)
        return r;
    if (lost)
        SETREF(r, add_ints(r, SMALL_INT(1), false));
    if (r)
        SETREF(r, copy_int(r, true));
    return r;
}

/* The shift count [b] (an int) as a ssize_t: 1 and *n set; 0 when it is too
 * big for one; -1 + ValueError when it is negative. */
static int shift_count(Object *b, ssize_t *n)
{
    long v;
    if (SIZE(b) < 0) {
        err_format(exc_ValueError, "negative shift count");
        return -1;
    }
    if (!int_fits_long(b, &v))
        return 0;
    *n = v;
    return 1;
}

/* ---- true division ---- */

/* a / b correctly rounded to a double, as CPython's int true division. */
static Object *truediv_ints(Object *a, Object *b)
{
    if (SIZE(b) == 0)
        return err_format(exc_ZeroDivisionError, "division by zero");
    bool neg = (SIZE(a) < 0) != (SIZE(b) < 0);
    ssize_t abits = mag_bits(a), bbits = mag_bits(b);
    if (abits <= DBL_MANT_DIG && bbits <= DBL_MANT_DIG)
        return float_from_double(int_as_double(a) / int_as_double(b));
    ssize_t diff = abits - bbits;
    if (diff > DBL_MAX_EXP)
        goto overflow;
    if (SIZE(a) == 0 || diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        return float_from_double(neg ? -0.0 : 0.0);
    /* Scale a so that the quotient has DBL_MANT_DIG + 2 or + 3 bits (fewer
     * for subnormal results), divide, then round the quotient once, half to
     * even, counting a non-zero remainder or lost bits as sticky. */
    ssize_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    Object *x = shift <= 0 ? lshift_n(a, -shift) : rshift_mag(a, shift, &inexact);
    Object *q, *r;
    if (!x)
        return NULL;
    int rc = divrem_trunc(x, b, &q, &r);
    DECREF(x);
    if (rc < 0)
        return NULL;
    uint64_t qv = 0;
    mag_to_u64(q, &qv);
    inexact = inexact || SIZE(r) != 0;
    DECREF(q);
    DECREF(r);
    ssize_t qbits = 64 - __builtin_clzll(qv);
    int extra = (int)((qbits > DBL_MIN_EXP - shift ? qbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG);
    uint64_t unit = (uint64_t)1 << extra, half = unit >> 1, low = qv & (unit - 1);
    qv -= low;
    if (low > half || (low == half && (inexact || (qv & unit))))
        qv += unit;
    double d = ldexp((double)qv, (int)shift);
    if (isinf(d))
        goto overflow;
    return float_from_double(neg ? -d : d);
overflow:
    return err_format(exc_OverflowError, "integer division result too large for a float");
}

/* ---- powers ---- */

/* a ** b for b >= 0, by squaring; small operands stay in 128-bit words. */
static Object *pow_ints(Object *a, Object *b)
{
    long base, e;
    if (is_medium(a) && int_fits_long(b, &e) && e < 64 && (base = medium(a)) >= -64 && base <= 64) {
        __int128 r = 1;
        while (e-- > 0 && r <= ((__int128)1 << 100) && r >= -((__int128)1 << 100))
            r *= base;
        if (e < 0)
            return from_u128(r < 0 ? (unsigned __int128)-r : (unsigned __int128)r, r < 0);
    }
    Object *r = NEWREF(SMALL_INT(1));
    for (ssize_t i = mag_bits(b) - 1; i >= 0 && r; i--) {
        SETREF(r, mul_ints(r, r));
        if (r && (DIGITS(b)[i / INT_SHIFT] >> (i % INT_SHIFT)) & 1)
            SETREF(r, mul_ints(r, a));
    }
    return r;
}

/* x * y % m for ints, m > 0. */
static Object *mulmod(Object *x, Object *y, Object *m)
{
    Object *p = mul_ints(x, y);
    if (!p)
        return NULL;
    Object *r = mod_ints(p, m);
    DECREF(p);
    return r;
}

/* The inverse of a modulo m (m > 1), by the extended Euclidean algorithm. */
static Object *mod_inverse(Object *a, Object *m)
{
    Object *r0 = mod_ints(a, m), *r1 = NEWREF(m);
    Object *s0 = NEWREF(SMALL_INT(1)), *s1 = NEWREF(SMALL_INT(0)), *res = NULL;
    while (r0 && SIZE(r1) != 0) {
        Object *q, *r, *t, *s;
        if (divmod_floor(r0, r1, &q, &r) < 0)
            goto done;
        t = mul_ints(q, s1);
        DECREF(q);
        s = t ? add_ints(s0, t, true) : NULL;
        XDECREF(t);
        if (!s) {
            DECREF(r);
            goto done;
        }
        SETREF(r0, r1);
        r1 = r;
        SETREF(s0, s1);
        s1 = s;
    }
    if (!r0)
        goto done;
    if (SIZE(r0) != 1 || DIGITS(r0)[0] != 1)
        err_format(exc_ValueError, "base is not invertible for the given modulus");
    else
        res = mod_ints(s0, m);
done:
    XDECREF(r0);
    DECREF(r1);
    DECREF(s0);
    DECREF(s1);
    return res;
}

/* pow(a, b, m) for ints with m != 0. */
static Object *powmod_ints(Object *a, Object *b, Object *m)
{
    Object *r = NULL, *base, *e = NULL;
    bool neg_mod = SIZE(m) < 0;
    if (!(m = copy_int(m, neg_mod)))
        return NULL;
    if (SIZE(m) == 1 && DIGITS(m)[0] == 1) {
        DECREF(m);
        return NEWREF(SMALL_INT(0));
    }
    base = SIZE(b) < 0 ? mod_inverse(a, m) : mod_ints(a, m);
    if (!base || !(e = copy_int(b, SIZE(b) < 0)))
        goto done;
    r = NEWREF(SMALL_INT(1));
    for (ssize_t i = mag_bits(e) - 1; i >= 0 && r; i--) {
        SETREF(r, mulmod(r, r, m));
        if (r && (DIGITS(e)[i / INT_SHIFT] >> (i % INT_SHIFT)) & 1)
            SETREF(r, mulmod(r, base, m));
    }
    if (r && neg_mod && SIZE(r) != 0)
        SETREF(r, add_ints(r, m, true));
done:
    XDECREF(base);
    XDECREF(e);
    DECREF(m);
    return r;
}

Object *int_pow(Object *a, Object *b, Object *m)
{
    if (!INT_CHECK(a) || !INT_CHECK(b) || (m && m != None && !INT_CHECK(m)))
        return NEWREF(NotImplemented);
    if (m && m != None) {
        if (SIZE(m) == 0)
            return err_format(exc_ValueError, "pow() 3rd argument cannot be 0");
        return powmod_ints(a, b, m);
    }
    if (SIZE(b) < 0)
        return float_type.nb[BINOP_POWER](a, b);
    return pow_ints(a, b);
}

/* ---- rounding floats ---- */

/* A new float: the int [q] divided by 10**k (k >= 0) or multiplied by
 * 10**-k, correctly rounded, with the sign of [x]. */
static Object *scaled_double(Object *q, Object *p10, int k, double x)
{
    Object *r;
    double d;
    if (k >= 0) {
        if (!(r = truediv_ints(q, p10)))
            return NULL;
        d = FLOAT_VAL(r);
        DECREF(r);
    } else {
        bool overflow = false;
        if (!(r = mul_ints(q, p10)))
            return NULL;
        d = mag_to_double(r, &overflow);
        DECREF(r);
        if (overflow)
            return err_format(exc_OverflowError, "rounded value too large to represent");
    }
    return float_from_double(copysign(d, x));
}

Object *int_round_double(double x, int ndigits)
{
    int e;
    double m = frexp(fabs(x), &e);
    long exp2 = e - DBL_MANT_DIG;          /* |x| = mant * 2**exp2 */
    if (exp2 >= 0 && ndigits >= 0)
        return float_from_double(x);
    Object *mant = int_from_double(ldexp(m, DBL_MANT_DIG)), *k = int_from_long(abs(ndigits));
    Object *p10 = k ? pow_ints(SMALL_INT(10), k) : NULL, *num = NULL, *den = NULL;
    Object *q = NULL, *r = NULL, *res = NULL;
    if (!mant || !p10)
        goto done;
    if (ndigits >= 0) {
        num = mul_ints(mant, p10);
        den = lshift_n(SMALL_INT(1), -exp2);
    } else {
        num = lshift_n(mant, exp2 > 0 ? exp2 : 0);
        den = lshift_n(p10, exp2 < 0 ? -exp2 : 0);
    }
    if (num && den && divmod_near(num, den, &q, &r) == 0)
        res = scaled_double(q, p10, ndigits, x);
done:
    XDECREF(mant);
    XDECREF(k);
    XDECREF(p10);
    XDECREF(num);
    XDECREF(den);
    XDECREF(q);
    XDECREF(r);
    return res;
}

/* ---- bitwise operators, in two's complement ---- */

/* The [i]th digit of [v]'s two's complement form; *carry starts at 1. */
static inline digit twos_digit(Object *v, ssize_t i, digit *carry)
{
    digit d = i < ABS_SIZE(v) ? DIGITS(v)[i] : 0;
    if (SIZE(v) >= 0)
        return d;
    d = (d ^ INT_MASK) + *carry;
    *carry = d >> INT_SHIFT;
    return d & INT_MASK;
}

/* a & b, a | b or a ^ b ([op] '&', '|', '^') for ints. */
static Object *bitwise(Object *a, char op, Object *b)
{
    if (is_medium(a) && is_medium(b)) {
        long x = medium(a), y = medium(b);
        return int_from_long(op == '&' ? x & y : op == '|' ? x | y : x ^ y);
    }
    bool an = SIZE(a) < 0, bn = SIZE(b) < 0;
    bool rn = op == '&' ? an && bn : op == '|' ? an || bn : an != bn;
    ssize_t n = (ABS_SIZE(a) > ABS_SIZE(b) ? ABS_SIZE(a) : ABS_SIZE(b)) + 1;
    IntObject *r = int_alloc(n);
    if (!r)
        return NULL;
    digit ca = 1, cb = 1, cr = 1;
    for (ssize_t i = 0; i < n; i++) {
        digit x = twos_digit(a, i, &ca), y = twos_digit(b, i, &cb);
        digit z = op == '&' ? x & y : op == '|' ? x | y : x ^ y;
        if (rn) {
            z = (z ^ INT_MASK) + cr;
            cr = z >> INT_SHIFT;
            z &= INT_MASK;
        }
        r->digits[i] = z;
    }
    if (rn)
        SIZE(r) = -n;
    return int_norm(r);
}

/* ---- comparison and hashing ---- */

int int_compare(Object *a, Object *b)
{
    if (is_medium(a) && is_medium(b)) {
        long x = medium(a), y = medium(b);
        return (x > y) - (x < y);
    }
    if (SIZE(a) != SIZE(b))
        return SIZE(a) < SIZE(b) ? -1 : 1;
    int c = mag_cmp(DIGITS(a), ABS_SIZE(a), DIGITS(b), ABS_SIZE(b));
    return SIZE(a) < 0 ? -c : c;
}

/* 2**61 - 1: hashes of numbers are their value modulo this prime. */
#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

hash_t int_hash(Object *o)
{
    if (is_medium(o)) {
        long m = medium(o);
        return m == -1 ? -2 : m;
    }
    uint64_t x = 0;
    for (ssize_t i = ABS_SIZE(o) - 1; i >= 0; i--) {
        x = ((x << INT_SHIFT) & HASH_MODULUS) | (x >> (61 - INT_SHIFT));
        x += DIGITS(o)[i];
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    hash_t h = SIZE(o) < 0 ? -(hash_t)x : (hash_t)x;
    return h == -1 ? -2 : h;
}

/* ---- text ---- */

int int_get_max_str_digits(void)
{
    return max_str_digits;
}

int int_set_max_str_digits(int n)
{
    if (n != 0 && n < MIN_MAX_STR_DIGITS) {
        err_format(exc_ValueError, "maxdigits must be 0 or larger than %d", MIN_MAX_STR_DIGITS);
        return -1;
    }
    max_str_digits = n;
    return 0;
}

static Object *str_digits_error(void)
{
    return err_format(exc_ValueError, "Exceeds the limit (%d digits) for integer string "
                      "conversion; use sys.set_int_max_str_digits() to increase the limit",
                      max_str_digits);
}

/* Writes the decimal digits of [u] so that they end just before [end];
 * returns how many (1 for 0).  printf's %lu without its machinery. */
static int put_decimal(char *end, uint64_t u)
{
    char *p = end;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    return (int)(end - p);
}

/* The decimal digits of |v| in a new buffer. */
static char *decimal_digits(Object *v, ssize_t *len)
{
    enum { CHUNK = 1000000000, CHUNK_DIGITS = 9 };
    ssize_t n = ABS_SIZE(v), nout = 0;
    if (max_str_digits > 0 && n >= 10 * (ssize_t)max_str_digits / (3 * INT_SHIFT) + 2) {
        str_digits_error();
        return NULL;
    }
    /* |v| in base 10**9; 30 bits carry less than one such chunk. */
    uint32_t *out = mem_malloc((n + n / 64 + 2) * sizeof(uint32_t));
    if (!out) {
        err_nomemory();
        return NULL;
    }
    for (ssize_t i = n - 1; i >= 0; i--) {
        twodigits carry = DIGITS(v)[i];
        for (ssize_t j = 0; j < nout; j++) {
            twodigits z = ((twodigits)out[j] << INT_SHIFT) + carry;
            out[j] = (uint32_t)(z % CHUNK);
            carry = z / CHUNK;
        }
        for (; carry; carry /= CHUNK)
            out[nout++] = (uint32_t)(carry % CHUNK);
    }
    char top[16];
    int ntop = put_decimal(top + sizeof top, nout ? out[nout - 1] : 0u);
    ssize_t total = ntop + (nout ? nout - 1 : 0) * CHUNK_DIGITS;
    char *buf = NULL;
    if (max_str_digits > 0 && total > max_str_digits)
        str_digits_error();
    else if (!(buf = mem_malloc(total + 1)))
        err_nomemory();
    if (buf) {
        memcpy(buf, top + sizeof top - ntop, ntop);
        char *p = buf + total;
        *p = '\0';
        for (ssize_t j = 0; j + 1 < nout; j++)
            for (int k = 0; k < CHUNK_DIGITS; k++, out[j] /= 10)
                *--p = (char)('0' + out[j] % 10);
        *len = total;
    }
    mem_free(out);
    return buf;
}

/* The digits of |v| in base 2, 8 or 16 in a new buffer. */
static char *pow2_digits(Object *v, int base, ssize_t *len)
{
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    ssize_t nbits = mag_bits(v), n = nbits ? (nbits + bits - 1) / bits : 1;
    char *buf = mem_malloc(n + 1);
    if (!buf) {
        err_nomemory();
        return NULL;
    }
    buf[n] = '\0';
    for (ssize_t i = 0; i < n; i++) {
        ssize_t bit = i * bits;
        unsigned x = 0;
        for (int k = bits - 1; k >= 0; k--) {
            ssize_t b = bit + k;
            x = x << 1;
            if (b < nbits)
                x |= (DIGITS(v)[b / INT_SHIFT] >> (b % INT_SHIFT)) & 1;
        }
        buf[n - 1 - i] = "0123456789abcdef"[x];
    }
    *len = n;
    return buf;
}

char *int_magnitude_digits(Object *o, int base, ssize_t *len)
{
    return base == 10 ? decimal_digits(o, len) : pow2_digits(o, base, len);
}

/* [sign][prefix]digits as a str. */
static Object *digits_to_str(Object *o, int base, const char *prefix)
{
    ssize_t n, plen = (ssize_t)strlen(prefix) + (SIZE(o) < 0);
    char *d = int_magnitude_digits(o, base, &n);
    if (!d)
        return NULL;
    char *buf = mem_malloc(n + plen + 1);
    Object *s = NULL;
    if (buf) {
        snprintf(buf, n + plen + 1, "%s%s%s", SIZE(o) < 0 ? "-" : "", prefix, d);
        s = str_from_utf8(buf, n + plen);
        mem_free(buf);
    } else
        err_nomemory();
    mem_free(d);
    return s;
}

Object *int_to_decimal(Object *o)
{
    if (is_medium(o)) {
        char buf[24], *end = buf + sizeof buf;
        long v = medium(o);
        int n = put_decimal(end, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
        if (v < 0)
            end[-++n] = '-';
        return str_from_kind_fresh(STR_KIND_1, end - n, n);
    }
    return digits_to_str(o, 10, "");
}

Object *int_format_base(Object *o, int base, bool alternate)
{
    if (!alternate || base == 10)
        return digits_to_str(o, base, "");
    return digits_to_str(o, base, base == 2 ? "0b" : base == 8 ? "0o" : "0x");
}

/* The value of the digit character [c], or 99 for anything else. */
static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Fixed-width bit fields packed into a new int's digits, least significant
 * field first. */
typedef struct {
    IntObject *r;
    ssize_t n;
    twodigits acc;
    int nacc;
} BitPacker;

/* Starts [bp] on a new int with room for [nbits] bits; false on MemoryError. */
static bool bits_start(BitPacker *bp, ssize_t nbits)
{
    bp->r = int_alloc((nbits + INT_SHIFT - 1) / INT_SHIFT);
    bp->n = 0;
    bp->acc = 0;
    bp->nacc = 0;
    return bp->r != NULL;
}

/* Appends the [bits]-wide field [v] above the fields already in [bp]. */
static void bits_put(BitPacker *bp, twodigits v, int bits)
{
    bp->acc |= v << bp->nacc;
    if ((bp->nacc += bits) >= INT_SHIFT) {
        bp->r->digits[bp->n++] = (digit)(bp->acc & INT_MASK);
        bp->acc >>= INT_SHIFT;
        bp->nacc -= INT_SHIFT;
    }
}

/* Flushes the last partial digit of [bp] and returns its int (not normalised). */
static IntObject *bits_end(BitPacker *bp)
{
    if (bp->nacc)
        bp->r->digits[bp->n++] = (digit)bp->acc;
    SIZE(bp->r) = bp->n;
    return bp->r;
}

/* The digits [s, end) (underscores skipped) of a power-of-two [base]
 * packed into a new int, from the least significant end. */
static IntObject *pack_pow2(const char *s, const char *end, int base, ssize_t ndigits)
{
    int bits = __builtin_ctz((unsigned)base);
    BitPacker bp;
    if (!bits_start(&bp, ndigits * bits))
        return NULL;
    for (const char *q = end; q-- > s;)
        if (*q != '_')
            bits_put(&bp, (twodigits)digit_value(*q), bits);
    return bits_end(&bp);
}

/* The digits [s, end) (underscores skipped) of any other [base] read into a
 * new int, k digits at a time: base**k is the biggest power that fits a
 * digit. */
static IntObject *pack_chunks(const char *s, const char *end, int base, ssize_t ndigits)
{
    twodigits chunk_max = base;
    int k = 1;
    while (chunk_max * base <= INT_BASE) {
        chunk_max *= base;
        k++;
    }
    IntObject *r = int_alloc((ssize_t)(ndigits * log2((double)base) / INT_SHIFT) + 2);
    if (!r)
        return NULL;
    ssize_t nr = 0;
    for (const char *q = s; q < end;) {
        twodigits chunk = 0, mult = 1;
        for (int i = 0; i < k && q < end; q++) {
            if (*q == '_')
                continue;
            chunk = chunk * base + digit_value(*q);
            mult *= base;
            i++;
        }
        for (ssize_t j = 0; j < nr; j++) {
            chunk += r->digits[j] * mult;
            r->digits[j] = (digit)(chunk & INT_MASK);
            chunk >>= INT_SHIFT;
        }
        if (chunk)
            r->digits[nr++] = (digit)chunk;
    }
    SIZE(r) = nr;
    return r;
}

/* Reads the digits of [s, end) (single underscores allowed between them)
 * into the new positive int *out.  Returns the end of the digits; *out NULL
 * with no error set means invalid text. */
static const char *parse_digits(const char *s, const char *end, int base, bool lead_underscore,
                                Object **out)
{
    const char *p = s;
    ssize_t ndigits = 0;
    *out = NULL;
    for (bool prev_digit = lead_underscore; p < end; p++) {
        if (*p == '_' && prev_digit && p + 1 < end && digit_value(p[1]) < base) {
            prev_digit = false;
            continue;
        }
        if (digit_value(*p) >= base)
            break;
        prev_digit = true;
        ndigits++;
    }
    if (ndigits == 0)
        return p;
    if ((base & (base - 1)) != 0 && max_str_digits > 0 && ndigits > max_str_digits) {
        err_format(exc_ValueError, "Exceeds the limit (%d digits) for integer string conversion: "
                   "value has %zd digits; use sys.set_int_max_str_digits() to increase the limit",
                   max_str_digits, ndigits);
        return p;
    }
    IntObject *r = (base & (base - 1)) == 0 ? pack_pow2(s, p, base, ndigits)
                                            : pack_chunks(s, p, base, ndigits);
    *out = r ? int_norm(r) : NULL;
    return p;
}

/* Parses int() text; NULL with no exception set means invalid text. */
static Object *parse_int(const char *s, ssize_t len, int base)
{
    const char *end = s + len, *p = s;
    bool neg = false, after_prefix = false;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            after_prefix = true;
        }
    }
    bool literal_zero = base == 0;
    if (base == 0)
        base = 10;
    Object *v;
    const char *stop = parse_digits(p, end, base, after_prefix, &v);
    if (v && stop == end && literal_zero && *p == '0' && SIZE(v) != 0)
        CLEAR(v);               /* base 0 forbids leading zeros: "012" */
    if (v && stop != end)
        CLEAR(v);
    if (v && neg)
        SETREF(v, copy_int(v, true));
    return v;
}

/* int() of the text [s, len) in [base]; the ValueError shows repr([orig])
 * (or of the text itself when orig is NULL), cut to 200 characters. */
static Object *int_from_text(Object *orig, const char *s, ssize_t len, int base)
{
    if (base != 0 && (base < 2 || base > 36))
        return err_format(exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    Object *v = parse_int(s, len, base);
    if (v || err_occurred())
        return v;
    Object *r = orig ? obj_repr(orig) : NULL;
    if (!orig && (orig = str_from_utf8(s, len))) {
        r = obj_repr(orig);
        DECREF(orig);
    }
    if (r && STR_LEN(r) > 200)
        SETREF(r, str_substr(r, 0, 200));
    if (r)
        err_format(exc_ValueError, "invalid literal for int() with base %d: %U", base, r);
    XDECREF(r);
    return NULL;
}

Object *int_from_string(const char *s, ssize_t len, int base)
{
    return int_from_text(NULL, s, len, base);
}

/* ---- int(x) ---- */

int int_call_special(Object *o, const char *name, Object **res)
{
    Object *n = str_intern_literal(name);
    if (!n)
        return -1;
    if (!type_lookup(TYPE(o), n)) {
        DECREF(n);
        return 0;
    }
    *res = obj_call_special(o, n, NULL, 0);
    DECREF(n);
    return *res ? 1 : -1;
}

/* The int that o.__int__() / __index__() returned ([r], stolen), checked. */
static Object *checked_int(Object *r, const char *name)
{
    if (!INT_CHECK(r)) {
        err_format(exc_TypeError, "%s returned non-int (type %T)", name, r);
        DECREF(r);
        return NULL;
    }
    SETREF(r, exact_int(r));
    return r;
}

/* int() of the result of o.__trunc__() ([r], stolen). */
static Object *trunc_result(Object *r)
{
    Object *i = NULL;
    if (INT_CHECK(r))
        return checked_int(r, "__trunc__");
    int rc = int_call_special(r, "__index__", &i);
    if (rc == 0)
        err_format(exc_TypeError, "__trunc__ returned non-Integral (type %T)", r);
    DECREF(r);
    return rc > 0 ? checked_int(i, "__index__") : NULL;
}

/* int() of the str [s] in [base]: non-ASCII digits and spaces count. */
static Object *int_from_str(Object *s, int base)
{
    char *owned;
    ssize_t len;
    const char *text = format_numeric_text(s, &len, &owned);
    if (!text)
        return NULL;
    Object *v = int_from_text(s, text, len, base);
    if (owned)
        mem_free(owned);
    return v;
}

Object *int_from_object(Object *o)
{
    Object *r;
    int rc;
    if (IS_TYPE(o, int_type) || IS_TYPE(o, bool_type))
        return exact_int(o);
    if (IS_TYPE(o, float_type))
        return int_from_double(FLOAT_VAL(o));
    if (!IS_TYPE(o, str_type) && !IS_TYPE(o, bytes_type)) {
        if ((rc = int_call_special(o, "__int__", &r)) != 0)
            return rc > 0 ? checked_int(r, "__int__") : NULL;
        if ((rc = int_call_special(o, "__index__", &r)) != 0)
            return rc > 0 ? checked_int(r, "__index__") : NULL;
        if ((rc = int_call_special(o, "__trunc__", &r)) != 0)
            return rc > 0 ? trunc_result(r) : NULL;
    }
    if (TYPE_CHECK(o, str_type))
        return int_from_str(o, 10);
    if (TYPE_CHECK(o, bytes_type))
        return int_from_text(o, BYTES_DATA(o), SIZE(o), 10);
    return err_format(exc_TypeError, "int() argument must be a string, a bytes-like object "
                      "or a real number, not '%T'", o);
}

/* int(x, base). */
static Object *int_with_base(Object *x, Object *obase)
{
    ssize_t base = int_index_clamped(obase);
    if (base == -1 && err_occurred())
        return NULL;
    if (base != 0 && (base < 2 || base > 36))
        return err_format(exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (TYPE_CHECK(x, str_type))
        return int_from_str(x, (int)base);
    if (TYPE_CHECK(x, bytes_type))
        return int_from_text(x, BYTES_DATA(x), SIZE(x), (int)base);
    return err_format(exc_TypeError, "int() can't convert non-string with explicit base");
}

/* An instance of the int subclass [type] equal to the int [v] (stolen). */
static Object *int_subtype_new(Type *type, Object *v)
{
    ssize_t n = ABS_SIZE(v);
    IntObject *r = (IntObject *)obj_alloc(type, n ? n : 1);
    if (r) {
        memcpy(r->digits, DIGITS(v), (n ? n : 1) * sizeof(digit));
        SIZE(r) = SIZE(v);
        if (type->flags & TPFLAG_HAVE_GC)
            gc_track((Object *)r);
    }
    DECREF(v);
    return (Object *)r;
}

static Object *int_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"", "base", NULL};
    Object *av[2] = {NULL, NULL}, *v;
    if (args_parse("int", args, nargs, kwnames, kwlist, 0, 2, av) < 0)
        return NULL;
    if (!av[0])
        v = av[1] ? err_format(exc_TypeError, "int() missing string argument")
                  : NEWREF(SMALL_INT(0));
    else
        v = av[1] ? int_with_base(av[0], av[1]) : int_from_object(av[0]);
    return v && type != &int_type ? int_subtype_new(type, v) : v;
}

/* ---- slots ---- */

static void int_dealloc(Object *o)
{
    obj_free(o);
}

static Object *int_repr(Object *o)
{
    return int_to_decimal(o);
}

Object *int_cmp_to_bool(int c, int op)
{
    switch (op) {
    case CMP_LT: return bool_from(c < 0);
    case CMP_LE: return bool_from(c <= 0);
    case CMP_EQ: return bool_from(c == 0);
    case CMP_NE: return bool_from(c != 0);
    case CMP_GT: return bool_from(c > 0);
    default: return bool_from(c >= 0);
    }
}

static Object *int_richcompare(Object *a, Object *b, int op)
{
    if (!INT_CHECK(a) || !INT_CHECK(b))
        return NEWREF(NotImplemented);
    return int_cmp_to_bool(int_compare(a, b), op);
}

#define BOTH_INTS(a, b) do { if (!INT_CHECK(a) || !INT_CHECK(b)) \
    return NEWREF(NotImplemented); } while (0)

static Object *int_add(Object *a, Object *b) { BOTH_INTS(a, b); return add_ints(a, b, false); }
static Object *int_sub(Object *a, Object *b) { BOTH_INTS(a, b); return add_ints(a, b, true); }
static Object *int_mul(Object *a, Object *b) { BOTH_INTS(a, b); return mul_ints(a, b); }
static Object *int_floordiv(Object *a, Object *b) { BOTH_INTS(a, b); return floordiv_ints(a, b); }
static Object *int_mod(Object *a, Object *b) { BOTH_INTS(a, b); return mod_ints(a, b); }
static Object *int_truediv(Object *a, Object *b) { BOTH_INTS(a, b); return truediv_ints(a, b); }
static Object *int_power(Object *a, Object *b) { return int_pow(a, b, NULL); }
static Object *int_and(Object *a, Object *b) { BOTH_INTS(a, b); return bitwise(a, '&', b); }
static Object *int_or(Object *a, Object *b) { BOTH_INTS(a, b); return bitwise(a, '|', b); }
static Object *int_xor(Object *a, Object *b) { BOTH_INTS(a, b); return bitwise(a, '^', b); }

static Object *int_lshift(Object *a, Object *b)
{
    ssize_t n;
    BOTH_INTS(a, b);
    int rc = shift_count(b, &n);
    if (rc < 0)
        return NULL;
    if (rc == 0 && SIZE(a) != 0)
        return err_format(exc_OverflowError, "too many digits in integer");
    return rc == 0 ? NEWREF(SMALL_INT(0)) : lshift_n(a, n);
}

static Object *int_rshift(Object *a, Object *b)
{
    ssize_t n;
    BOTH_INTS(a, b);
    int rc = shift_count(b, &n);
    if (rc < 0)
        return NULL;
    return rc == 0 ? NEWREF(SMALL_INT(SIZE(a) < 0 ? -1 : 0)) : rshift_n(a, n);
}

Object *int_divmod(Object *a, Object *b)
{
    Object *q, *r, *t;
    BOTH_INTS(a, b);
    if (SIZE(b) == 0)
        return err_format(exc_ZeroDivisionError, "integer division or modulo by zero");
    if (divmod_floor(a, b, &q, &r) < 0)
        return NULL;
    if (!(t = tuple_new(2))) {
        DECREF(q);
        DECREF(r);
        return NULL;
    }
    TUPLE_ITEMS(t)[0] = q;
    TUPLE_ITEMS(t)[1] = r;
    return t;
}

static Object *int_neg(Object *v) { return copy_int(v, true); }
static Object *int_pos(Object *v) { return exact_int(v); }
static Object *int_abs(Object *v) { return SIZE(v) < 0 ? copy_int(v, true) : exact_int(v); }
static int int_bool(Object *v) { return SIZE(v) != 0; }

static Object *int_float(Object *v)
{
    double d = int_as_double(v);
    return d == -1.0 && err_occurred() ? NULL : float_from_double(d);
}

static Object *int_invert(Object *v)
{
    if (is_medium(v))
        return int_from_long(~medium(v));
    Object *t = add_ints(v, SMALL_INT(1), false);
    if (t)
        SETREF(t, copy_int(t, true));
    return t;
}

/* ---- methods ---- */

/* TypeError unless the call passed no arguments; [name] is "int.method". */
static bool no_args(const char *name, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return args_positional(name, args, nargs, kwnames, 0, 0, NULL) == 0;
}

static Object *int_bit_length(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return no_args("int.bit_length", args, nargs, kwnames) ? int_from_ssize(mag_bits(self)) : NULL;
}

static Object *int_bit_count(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (!no_args("int.bit_count", args, nargs, kwnames))
        return NULL;
    ssize_t count = 0;
    for (ssize_t i = 0; i < ABS_SIZE(self); i++)
        count += __builtin_popcount(DIGITS(self)[i]);
    return int_from_ssize(count);
}

static Object *int_as_integer_ratio(Object *self, Object *const *args, ssize_t nargs,
                                    Object *kwnames)
{
    if (!no_args("int.as_integer_ratio", args, nargs, kwnames))
        return NULL;
    Object *v = exact_int(self);
    Object *t = v ? tuple_pack(2, v, SMALL_INT(1)) : NULL;
    XDECREF(v);
    return t;
}

static Object *int_getnewargs(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    if (!no_args("int.__getnewargs__", args, nargs, kwnames))
        return NULL;
    Object *v = exact_int(self);
    Object *t = v ? tuple_pack(1, v) : NULL;
    XDECREF(v);
    return t;
}

/* int(self), for the methods that return it: [name] is "int.method". */
static Object *int_self(const char *name, Object *self, Object *const *args, ssize_t nargs,
                        Object *kwnames)
{
    return no_args(name, args, nargs, kwnames) ? exact_int(self) : NULL;
}

static Object *int_conjugate(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return int_self("int.conjugate", self, args, nargs, kwnames);
}

static Object *int_trunc(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return int_self("int.__trunc__", self, args, nargs, kwnames);
}

static Object *int_floor(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return int_self("int.__floor__", self, args, nargs, kwnames);
}

static Object *int_ceil(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return int_self("int.__ceil__", self, args, nargs, kwnames);
}

static Object *int_sizeof(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    ssize_t n = ABS_SIZE(self);
    if (!no_args("int.__sizeof__", args, nargs, kwnames))
        return NULL;
    return int_from_ssize(TYPE(self)->basicsize + (n ? n : 1) * (ssize_t)sizeof(digit));
}

/* round(self, -k): the nearest multiple of 10**k, ties to even. */
static Object *round_to_pow10(Object *self, Object *nd)
{
    long k;
    if (!int_fits_long(nd, &k) || -k > mag_bits(self))
        return NEWREF(SMALL_INT(0));
    Object *ten = SMALL_INT(10), *e = int_from_long(-k), *p = e ? pow_ints(ten, e) : NULL;
    Object *q = NULL, *r = NULL, *res = NULL;
    if (p && divmod_near(self, p, &q, &r) == 0)
        res = add_ints(self, r, true);
    XDECREF(e);
    XDECREF(p);
    XDECREF(q);
    XDECREF(r);
    return res;
}

static Object *int_round(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"ndigits", NULL};
    Object *nd = NULL;
    if (args_parse("__round__", args, nargs, kwnames, kwlist, 0, 1, &nd) < 0)
        return NULL;
    if (!nd || nd == None)
        return exact_int(self);
    Object *k = num_index(nd);
    if (!k)
        return NULL;
    Object *r = SIZE(k) >= 0 ? exact_int(self) : round_to_pow10(self, k);
    DECREF(k);
    return r;
}

static Object *int_format_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *spec;
    if (args_positional("__format__", args, nargs, kwnames, 1, 1, &spec) < 0)
        return NULL;
    if (!TYPE_CHECK(spec, str_type))
        return err_format(exc_TypeError, "__format__() argument must be str, not %T", spec);
    return int_format_spec(self, spec);
}

/* __pow__(value, mod=None) and __rpow__: the three-argument pow(). */
static Object *int_pow_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[2] = {NULL, NULL};
    if (args_positional("__pow__", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    return int_pow(self, a[0], a[1]);
}

static Object *int_rpow_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[2] = {NULL, NULL};
    if (args_positional("__rpow__", args, nargs, kwnames, 1, 2, a) < 0)
        return NULL;
    return int_pow(a[0], self, a[1]);
}

static Object *int_divmod_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *other;
    if (args_positional("__divmod__", args, nargs, kwnames, 1, 1, &other) < 0)
        return NULL;
    return int_divmod(self, other);
}

static Object *int_rdivmod_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *other;
    if (args_positional("__rdivmod__", args, nargs, kwnames, 1, 1, &other) < 0)
        return NULL;
    return int_divmod(other, self);
}

/* The byteorder argument: 1 for "little", 0 for "big", -1 on error. */
static int byteorder_arg(const char *fname, Object *o)
{
    if (!o)
        return 0;
    if (!TYPE_CHECK(o, str_type)) {
        err_format(exc_TypeError, "%s() argument 'byteorder' must be str, not %T", fname, o);
        return -1;
    }
    if (str_eq_cstr(o, "little"))
        return 1;
    if (str_eq_cstr(o, "big"))
        return 0;
    err_format(exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

/* Whether [v] fits [nbytes] bytes, signed (two's complement) or not;
 * OverflowError if not.  As in CPython, -1 fits zero signed bytes. */
static bool fits_bytes(Object *v, ssize_t nbytes, bool is_signed)
{
    ssize_t bits = mag_bits(v), limit = nbytes * 8;
    if (SIZE(v) < 0 && !is_signed) {
        err_format(exc_OverflowError, "can't convert negative int to unsigned");
        return false;
    }
    if (SIZE(v) > 0 && is_signed)
        limit--;
    if (SIZE(v) < 0) {
        /* -2**k needs only k bits besides the sign */
        ssize_t n = ABS_SIZE(v), i = 0;
        digit top = DIGITS(v)[n - 1];
        while (i < n - 1 && DIGITS(v)[i] == 0)
            i++;
        if (i == n - 1 && (top & (top - 1)) == 0)
            bits--;
        limit = limit > 0 ? limit - 1 : 0;
    }
    if (bits <= limit)
        return true;
    err_format(exc_OverflowError, "int too big to convert");
    return false;
}

static Object *int_to_bytes(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"length", "byteorder", "signed", NULL};
    Object *av[3] = {NULL, NULL, NULL};
    ssize_t n = 1;
    int little, is_signed = 0;
    if (args_parse("to_bytes", args, nargs, kwnames, kwlist, 0, 2, av) < 0)
        return NULL;
    if (av[0] && (n = num_as_ssize(av[0], exc_OverflowError)) == -1 && err_occurred())
        return NULL;
    if (n < 0)
        return err_format(exc_ValueError, "length argument must be non-negative");
    if ((little = byteorder_arg("to_bytes", av[1])) < 0 ||
        (av[2] && (is_signed = obj_is_true(av[2])) < 0) || !fits_bytes(self, n, is_signed))
        return NULL;
    unsigned char *buf = mem_malloc(n ? n : 1);
    if (!buf)
        return err_nomemory();
    digit carry = 1;
    twodigits acc = 0;
    int nacc = 0;
    for (ssize_t i = 0, di = 0; i < n; i++) {
        while (nacc < 8) {
            acc |= (twodigits)twos_digit(self, di++, &carry) << nacc;
            nacc += INT_SHIFT;
        }
        buf[little ? i : n - 1 - i] = (unsigned char)(acc & 0xff);
        acc >>= 8;
        nacc -= 8;
    }
    Object *r = bytes_from((const char *)buf, n);
    mem_free(buf);
    return r;
}

/* The bytes of [o] (bytes, or an iterable of ints in range(256)) as a new
 * bytes object. */
static Object *bytes_arg(Object *o)
{
    if (TYPE_CHECK(o, bytes_type))
        return NEWREF(o);
    Object *it = TYPE_CHECK(o, str_type) ? NULL : obj_iter(o);
    if (!it) {
        if (!err_occurred() || err_matches(exc_TypeError)) {
            err_clear();
            err_format(exc_TypeError, "cannot convert '%T' object to bytes", o);
        }
        return NULL;
    }
    Object *item, *r = NULL;
    char *buf = NULL;
    ssize_t len = 0, cap = 0;
    while ((item = obj_next(it))) {
        ssize_t v = num_as_ssize(item, NULL);
        DECREF(item);
        if (v == -1 && err_occurred())
            goto done;
        if (v < 0 || v > 255) {
            err_format(exc_ValueError, "bytes must be in range(0, 256)");
            goto done;
        }
        if (len == cap) {
            char *nb = mem_realloc(buf, cap = cap * 2 + 16);
            if (!nb) {
                err_nomemory();
                goto done;
            }
            buf = nb;
        }
        buf[len++] = (char)v;
    }
    if (!err_occurred())
        r = bytes_from(buf ? buf : "", len);
done:
    if (buf)
        mem_free(buf);
    DECREF(it);
    return r;
}

/* The non-negative int whose little-endian bytes are [p, n). */
static Object *from_le_bytes(const unsigned char *p, ssize_t n, bool little)
{
    BitPacker bp;
    if (!bits_start(&bp, n * 8))
        return NULL;
    for (ssize_t i = 0; i < n; i++)
        bits_put(&bp, p[little ? i : n - 1 - i], 8);
    return int_norm(bits_end(&bp));
}

static Object *int_from_bytes(Object *cls, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"bytes", "byteorder", "signed", NULL};
    Object *av[3] = {NULL, NULL, NULL}, *b, *v;
    int little, is_signed = 0;
    if (args_parse("from_bytes", args, nargs, kwnames, kwlist, 1, 2, av) < 0 ||
        (little = byteorder_arg("from_bytes", av[1])) < 0 ||
        (av[2] && (is_signed = obj_is_true(av[2])) < 0) || !(b = bytes_arg(av[0])))
        return NULL;
    const unsigned char *p = (const unsigned char *)BYTES_DATA(b);
    ssize_t n = SIZE(b);
    v = from_le_bytes(p, n, little);
    if (v && is_signed && n > 0 && (p[little ? n - 1 : 0] & 0x80)) {
        Object *m = lshift_n(SMALL_INT(1), n * 8);
        SETREF(v, m ? add_ints(v, m, true) : NULL);
        XDECREF(m);
    }
    DECREF(b);
    if (v && cls != (Object *)&int_type)
        SETREF(v, obj_call1(cls, v));
    return v;
}

static const MethodDef int_methods[] = {
    {"conjugate", int_conjugate, 0, "Returns self, the complex conjugate of any int."},
    {"bit_length", int_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, 0, "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_to_bytes, 0, "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes, METH_CLASS, "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, 0, "Return integer ratio."},
    {"__trunc__", int_trunc, 0, "Truncating an Integral returns itself."},
    {"__floor__", int_floor, 0, "Flooring an Integral returns itself."},
    {"__ceil__", int_ceil, 0, "Ceiling of an Integral returns itself."},
    {"__round__", int_round, 0, "Rounding an Integral returns itself.\nRounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", int_getnewargs, 0, NULL},
    {"__format__", int_format_method, 0, "Convert to a string according to format_spec."},
    {"__sizeof__", int_sizeof, 0, "Returns size in memory, in bytes."},
    {"__pow__", int_pow_method, 0, "Return pow(self, value, mod)."},
    {"__rpow__", int_rpow_method, 0, "Return pow(value, self, mod)."},
    {"__divmod__", int_divmod_method, 0, "Return divmod(self, value)."},
    {"__rdivmod__", int_rdivmod_method, 0, "Return divmod(value, self)."},
    {NULL, NULL, 0, NULL}
};

static Object *int_get_self(Object *self, void *closure)
{
    (void)closure;
    return exact_int(self);
}

static Object *int_get_zero(Object *self, void *closure)
{
    (void)self;
    (void)closure;
    return NEWREF(SMALL_INT(0));
}

static Object *int_get_one(Object *self, void *closure)
{
    (void)self;
    (void)closure;
    return NEWREF(SMALL_INT(1));
}

static const GetSetDef int_getset[] = {
    {"real", int_get_self, NULL, NULL},
    {"imag", int_get_zero, NULL, NULL},
    {"numerator", int_get_self, NULL, NULL},
    {"denominator", int_get_one, NULL, NULL},
    {NULL, NULL, NULL, NULL}
};

Type int_type = {
    .base = {{1, &type_type}, 0},
    .name = "int",
    .basicsize = offsetof(IntObject, digits),
    .itemsize = sizeof(digit),
    .flags = TPFLAG_BASETYPE | TPFLAG_LONG_SUBCLASS | TPFLAG_TUPLE_CALL,
    .dealloc = int_dealloc,
    .repr = int_repr,
    .hash = int_hash,
    .richcompare = int_richcompare,
    .nb = {
        [BINOP_ADD] = int_add, [BINOP_SUBTRACT] = int_sub, [BINOP_MULTIPLY] = int_mul,
        [BINOP_FLOOR_DIVIDE] = int_floordiv, [BINOP_REMAINDER] = int_mod,
        [BINOP_TRUE_DIVIDE] = int_truediv, [BINOP_POWER] = int_power,
        [BINOP_LSHIFT] = int_lshift, [BINOP_RSHIFT] = int_rshift,
        [BINOP_AND] = int_and, [BINOP_OR] = int_or, [BINOP_XOR] = int_xor,
    },
    .nb_negative = int_neg,
    .nb_positive = int_pos,
    .nb_absolute = int_abs,
    .nb_invert = int_invert,
    .nb_int = int_pos,
    .nb_float = int_float,
    .nb_index = int_pos,
    .nb_bool = int_bool,
    .new_ = int_new_slot,
    .methods = int_methods,
    .getset = int_getset,
};

/* ---- bool ---- */

static Object *bool_repr(Object *o)
{
    return str_intern_cstr(o == True ? "True" : "False");
}

static Object *bool_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *x = NULL;
    (void)type;
    if (args_no_keywords("bool", kwnames) < 0)
        return NULL;
    if (nargs > 1)
        return err_format(exc_TypeError, "bool expected at most 1 argument, got %zd", nargs);
    if (nargs == 1)
        x = args[0];
    int t = x ? obj_is_true(x) : 0;
    return t < 0 ? NULL : bool_from(t);
}

/* a & b, a | b, a ^ b: a bool when both are bools, else the int result. */
static Object *bool_bitwise(Object *a, char op, Object *b)
{
    if (!IS_TYPE(a, bool_type) || !IS_TYPE(b, bool_type)) {
        BOTH_INTS(a, b);
        return bitwise(a, op, b);
    }
    bool x = a == True, y = b == True;
    return bool_from(op == '&' ? x && y : op == '|' ? x || y : x != y);
}

static Object *bool_and(Object *a, Object *b) { return bool_bitwise(a, '&', b); }
static Object *bool_or(Object *a, Object *b) { return bool_bitwise(a, '|', b); }
static Object *bool_xor(Object *a, Object *b) { return bool_bitwise(a, '^', b); }

Type bool_type = {
    .base = {{1, &type_type}, 0},
    .name = "bool",
    .basicsize = offsetof(IntObject, digits),
    .itemsize = sizeof(digit),
    .flags = TPFLAG_LONG_SUBCLASS,
    .repr = bool_repr,
    .nb = { [BINOP_AND] = bool_and, [BINOP_OR] = bool_or, [BINOP_XOR] = bool_xor },
    .new_ = bool_new_slot,
    .base_type = &int_type,
};

/* ---- start-up ---- */

void int_init(void)
{
    for (long v = -NSMALL_NEG; v < NSMALL_POS; v++) {
        IntObject *o = (IntObject *)SMALL_INT(v);
        o->base.base.refcnt = CACHED_REFCNT;
        o->base.base.type = &int_type;
        o->base.size = v < 0 ? -1 : v > 0;
        o->digits[0] = (digit)(v < 0 ? -v : v);
    }
}

void int_fini(void)
{
    /* Nothing to release: the cache, True and False are static. */
}
