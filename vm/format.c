/* format.c — numbers (and strs) as text.
 *
 * Three layers:
 *   1. format_double: the digits of a double and their layout ('e', 'f',
 *      'g', and 'r', the shortest round-trip repr), shared by repr(float),
 *      format() and '%' formatting.  Digits come from the C library's
 *      correctly rounded printf and strtod.
 *   2. The format-spec mini-language
 *      [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 *      parsed into a Spec, then int_format_spec, float_format_spec and
 *      str_format_spec (the __format__ of those types) lay their value out
 *      with fill, alignment, sign and digit grouping.
 *   3. format_printf_number: one '%' conversion of a number for str % args.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "errors.h"
#include "../mem/mem.h"

/* ---- Unicode digits and spaces for int() and float() ---- */

/* The zero of every run of ten decimal digits above ASCII (Unicode 14). */
static const uint32_t digit_zeros[] = {
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6,
    0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946,
    0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0,
    0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066,
    0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0,
    0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0,
    0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0,
    0x1e950, 0x1fbf0,
};

/* White space above ASCII, as str.isspace() sees it. */
static const uint32_t unicode_spaces[] = {
    0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
    0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
};

/* The value of the decimal digit [ch] (any script), or -1. */
static int decimal_value(uint32_t ch)
{
    if (ch >= '0' && ch <= '9')
        return (int)(ch - '0');
    size_t lo = 0, hi = sizeof digit_zeros / sizeof digit_zeros[0];
    while (lo < hi) {           /* the last zero <= ch */
        size_t mid = (lo + hi) / 2;
        if (digit_zeros[mid] <= ch)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && ch - digit_zeros[lo - 1] < 10 ? (int)(ch - digit_zeros[lo - 1]) : -1;
}

static bool is_unicode_space(uint32_t ch)
{
    for (size_t i = 0; i < sizeof unicode_spaces / sizeof unicode_spaces[0]; i++)
        if (unicode_spaces[i] == ch)
            return true;
    return false;
}

const char *format_numeric_text(Object *s, ssize_t *len, char **owned)
{
    ssize_t n = STR_LEN(s);
    *len = n;
    *owned = NULL;
    if (STR_IS_ASCII(s))
        return (const char *)STR_DATA(s);
    char *buf = mem_malloc(n + 1);
    if (!buf) {
        err_nomemory();
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        uint32_t ch = str_read(s, i);
        int d = ch < 128 ? -1 : decimal_value(ch);
        buf[i] = ch < 128 ? (char)ch : is_unicode_space(ch) ? ' ' : d >= 0 ? (char)('0' + d) : '?';
    }
    buf[n] = '\0';
    *owned = buf;
    return buf;
}

/* ---- the digits of a double ---- */

/* A decimal candidate for repr: 0.d1d2...dn * 10**decpt. */
typedef struct {
    char d[24];
    int nd, decpt;
} Decimal;

/* The value of [c] read back by strtod. */
static double decimal_value_of(const Decimal *c)
{
    char buf[48], *p = buf + c->nd;
    int e = c->decpt - c->nd;
    memcpy(buf, c->d, c->nd);
    *p++ = 'e';
    if (e < 0) {
        *p++ = '-';
        e = -e;
    }
    char *start = p;
    do
        *p++ = (char)('0' + e % 10);
    while ((e /= 10) > 0);
    *p = '\0';
    for (char *q = p - 1; start < q; start++, q--) {
        char t = *start;
        *start = *q;
        *q = t;
    }
    return strtod(buf, NULL);
}

/* Adds one unit in the last place of [c]. */
static void bump_decimal(Decimal *c)
{
    int i = c->nd - 1;
    while (i >= 0 && c->d[i] == '9')
        c->d[i--] = '0';
    if (i >= 0) {
        c->d[i]++;
        return;
    }
    c->d[0] = '1';              /* 99..9 became 00..0: make it 10..0 */
    c->decpt++;
}

/* The digits and exponent of "%e" text [buf] as a Decimal. */
static void decimal_from_e(const char *buf, Decimal *c)
{
    const char *e = strchr(buf, 'e');
    c->nd = 0;
    for (const char *p = buf; p < e; p++)
        if (*p != '.')
            c->d[c->nd++] = *p;
    c->d[c->nd] = '\0';
    c->decpt = atoi(e + 1) + 1;
}

/* [ax] correctly rounded to [p] significant digits, from its 17 correctly
 * rounded digits [d17]: rounding those again is exact unless their tail
 * is exactly a half, which printf then settles. */
static void round_to(double ax, const Decimal *d17, int p, Decimal *c)
{
    const char *tail = d17->d + p;
    if (p < 17 && tail[0] == '5' && strspn(tail + 1, "0") == (size_t)(16 - p)) {
        char buf[40];
        snprintf(buf, sizeof buf, "%.*e", p - 1, ax);
        decimal_from_e(buf, c);
        return;
    }
    *c = *d17;
    c->nd = p;
    if (p < 17 && tail[0] >= '5')
        bump_decimal(c);
}

/* Whether [p] significant digits suffice to read back as [ax] (> 0): the
 * correctly rounded p-digit decimal, or for a power of two (whose gap to
 * the double below is half the gap above) the next p-digit decimal up.
 * Leaves the candidate that works in [c]. */
static bool round_trips(double ax, const Decimal *d17, int p, Decimal *c)
{
    int e;
    round_to(ax, d17, p, c);
    double back = decimal_value_of(c);
    if (back == ax)
        return true;
    if (back > ax || frexp(ax, &e) != 0.5)
        return false;
    bump_decimal(c);
    return decimal_value_of(c) == ax;
}

/* The fewest significant digits of [ax] (> 0, finite) that read back as
 * ax, into [buf] (at least 24 bytes); returns decpt. */
static int shortest_digits(double ax, char *buf)
{
    char text[40];
    Decimal d17, c;
    snprintf(text, sizeof text, "%.16e", ax);
    decimal_from_e(text, &d17);
    Decimal best = d17;                 /* 17 digits always read back */
    int lo = 1, hi = 17, mid = 15;      /* most doubles need 16 or 17 */
    while (lo < hi) {
        if (round_trips(ax, &d17, mid, &c)) {
            hi = mid;
            best = c;
        } else
            lo = mid + 1;
        mid = (lo + hi) / 2;
    }
    memcpy(buf, best.d, best.nd);
    buf[best.nd] = '\0';
    return best.decpt;
}

/* The digits and exponent of "%e" text: [buf] keeps just the digits. */
static int split_e(char *buf)
{
    char *e = strchr(buf, 'e'), *out = buf;
    int exp = atoi(e + 1);
    for (char *p = buf; p < e; p++)
        if (*p != '.')
            *out++ = *p;
    *out = '\0';
    return exp + 1;
}

/* The digits of "%f" text, leading zeros dropped: [buf] keeps them. */
static int split_f(char *buf)
{
    char *dot = strchr(buf, '.'), *out = buf;
    int decpt = dot ? (int)(dot - buf) : (int)strlen(buf);
    for (char *p = buf; *p; p++)
        if (*p != '.')
            *out++ = *p;
    *out = '\0';
    size_t lead = strspn(buf, "0");
    if (lead == strlen(buf))
        return 1;
    memmove(buf, buf + lead, strlen(buf + lead) + 1);
    return decpt - (int)lead;
}

/* The significant digits of the finite |x| = [ax] in a new buffer, with
 * *decpt placing the point (ax = 0.d1d2... * 10**decpt); trailing zeros
 * dropped, zero as "0" with decpt 1.  [mode] 'r': the fewest digits that
 * read back as ax; 'e': [n] significant digits; 'f': up to [n] places
 * after the point. */
static char *double_digits(double ax, char mode, int n, int *decpt)
{
    size_t size = mode == 'r' ? 32 : mode == 'e' ? (size_t)n + 16 : (size_t)n + 330;
    char *buf = mem_malloc(size);
    if (!buf) {
        err_nomemory();
        return NULL;
    }
    if (mode == 'f') {
        snprintf(buf, size, "%.*f", n, ax);
        *decpt = split_f(buf);
    } else if (mode == 'e' || ax == 0.0) {
        snprintf(buf, size, "%.*e", mode == 'e' ? n - 1 : 0, ax);
        *decpt = split_e(buf);
    } else
        *decpt = shortest_digits(ax, buf);
    size_t nd = strlen(buf);
    while (nd > 1 && buf[nd - 1] == '0')
        buf[--nd] = '\0';
    if (buf[0] == '0')
        *decpt = 1;
    return buf;
}

/* Writes the digits [d] (nd of them, point at [decpt]) as [type] into a
 * new buffer: see format_double. */
static char *layout_digits(const char *d, int decpt, bool neg, char type, int prec, int flags,
                           ssize_t *len)
{
    char lower = (char)(type | 0x20);
    ssize_t nd = (ssize_t)strlen(d), frac_min = 0;
    bool use_exp, alt = flags & FMT_DBL_ALT;
    if (lower == 'e')
        use_exp = true;
    else if (lower == 'f')
        use_exp = false;
    else if (lower == 'g')
        use_exp = decpt <= -4 || decpt > ((flags & FMT_DBL_DOT0) ? prec - 1 : prec);
    else
        use_exp = decpt <= -4 || decpt > 16;
    int exp = decpt - 1;
    if (use_exp)
        decpt = 1;
    if (lower == 'e' || lower == 'f')
        frac_min = prec;
    else if (lower == 'g' && alt)
        frac_min = prec - decpt;
    ssize_t nint = decpt > 0 ? decpt : 1;
    ssize_t nfrac = nd > decpt ? nd - decpt : 0;   /* counts leading zeros when decpt < 0 */
    if (nfrac < frac_min)
        nfrac = frac_min;
    if (nfrac == 0 && (flags & FMT_DBL_DOT0) && !use_exp)
        nfrac = 1;
    char *buf = mem_malloc(nint + nfrac + 16);
    if (!buf) {
        err_nomemory();
        return NULL;
    }
    char *p = buf;
    if (neg)
        *p++ = '-';
    for (ssize_t i = 0; i < nint; i++)
        *p++ = i < decpt && i < nd ? d[i] : '0';
    if (nfrac > 0 || alt)
        *p++ = '.';
    for (ssize_t j = 0; j < nfrac; j++) {
        ssize_t pos = decpt + j;
        *p++ = pos >= 0 && pos < nd ? d[pos] : '0';
    }
    if (use_exp)
        p += sprintf(p, "%c%+03d", lower == type ? 'e' : 'E', exp);
    *p = '\0';
    *len = p - buf;
    return buf;
}

char *format_double(double x, char type, int prec, int flags, ssize_t *len)
{
    char lower = (char)(type | 0x20);
    bool neg = signbit(x) && !isnan(x);
    if (!isfinite(x)) {
        bool upper = lower != type;
        const char *word = isnan(x) ? (upper ? "NAN" : "nan") : neg ? (upper ? "-INF" : "-inf")
                                                                    : (upper ? "INF" : "inf");
        char *buf = mem_malloc(8);
        if (!buf) {
            err_nomemory();
            return NULL;
        }
        *len = (ssize_t)strlen(word);
        memcpy(buf, word, *len + 1);
        return buf;
    }
    if (lower == 'g' && prec == 0)
        prec = 1;
    int decpt;
    char mode = lower == 'f' || lower == 'r' ? lower : 'e';
    char *d = double_digits(fabs(x), mode, lower == 'e' ? prec + 1 : prec, &decpt);
    if (!d)
        return NULL;
    if (d[0] == '0' && (flags & FMT_DBL_NO_NEG0))
        neg = false;
    char *r = layout_digits(d, decpt, neg, type, prec, flags, len);
    mem_free(d);
    return r;
}

/* ---- the format-spec mini-language ---- */

typedef struct {
    uint32_t fill;
    uint32_t align;             /* '<', '>', '^' or '=' */
    uint32_t sign;              /* '+', '-', ' ' or 0 */
    bool no_neg_0;              /* 'z' */
    bool alternate;             /* '#' */
    ssize_t width;              /* -1 when not given */
    char thousands;             /* ',', '_' or 0 */
    ssize_t precision;          /* -1 when not given */
    uint32_t type;              /* 0 when not given */
} Spec;

static bool is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Reads a decimal number at *i of [s]: its number of digits (0: none) and
 * *out, or -1 + ValueError when it overflows. */
static int read_number(Object *s, ssize_t *i, ssize_t *out)
{
    ssize_t v = 0;
    int nd = 0, d;
    for (; *i < STR_LEN(s) && (d = decimal_value(str_read(s, *i))) >= 0; (*i)++, nd++) {
        if (v > (SSIZE_MAX - d) / 10) {
            err_format(exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
    }
    *out = v;
    return nd;
}

/* Raises ValueError("Unknown format code ...") for [o]'s type; NULL. */
static Object *unknown_code(uint32_t type, Object *o)
{
    if (type > 32 && type < 128)
        return err_format(exc_ValueError, "Unknown format code '%c' for object of type '%T'",
                          (int)type, o);
    return err_format(exc_ValueError, "Unknown format code '\\x%x' for object of type '%T'",
                      (unsigned)type, o);
}

/* Checks the grouping option against the type. */
static int check_thousands(const Spec *sp)
{
    switch (sp->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return 0;
    case 'b': case 'o': case 'x': case 'X':
        if (sp->thousands == '_')
            return 0;
        break;
    }
    if (sp->type > 32 && sp->type < 128)
        err_format(exc_ValueError, "Cannot specify '%c' with '%c'.", sp->thousands, (int)sp->type);
    else
        err_format(exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sp->thousands,
                   (unsigned)sp->type);
    return -1;
}

/* Reads [[fill]align][sign][z][#][0] at the start of [s] into [sp];
 * returns where they end. */
static ssize_t parse_flags(Object *s, uint32_t default_align, Spec *sp)
{
    ssize_t n = STR_LEN(s), i = 0;
    bool fill_given = false;
    if (n >= 2 && is_align(str_read(s, 1))) {
        sp->fill = str_read(s, 0);
        sp->align = str_read(s, 1);
        fill_given = true;
        i = 2;
    } else if (n >= 1 && is_align(str_read(s, 0)))
        sp->align = str_read(s, i++);
    bool align_given = i > 0;
    if (i < n && (str_read(s, i) == '+' || str_read(s, i) == '-' || str_read(s, i) == ' '))
        sp->sign = str_read(s, i++);
    if (i < n && str_read(s, i) == 'z') {
        sp->no_neg_0 = true;
        i++;
    }
    if (i < n && str_read(s, i) == '#') {
        sp->alternate = true;
        i++;
    }
    if (!fill_given && i < n && str_read(s, i) == '0') {
        sp->fill = '0';
        if (!align_given && default_align == '>')
            sp->align = '=';
        i++;
    }
    return i;
}

/* Reads [,|_] at *i of [s]. */
static int parse_grouping(Object *s, ssize_t *i, Spec *sp)
{
    ssize_t n = STR_LEN(s);
    if (*i < n && str_read(s, *i) == ',') {
        sp->thousands = ',';
        (*i)++;
    }
    if (*i < n && str_read(s, *i) == '_') {
        if (sp->thousands)
            goto both;
        sp->thousands = '_';
        (*i)++;
    }
    if (*i < n && str_read(s, *i) == ',' && sp->thousands == '_')
        goto both;
    return 0;
both:
    err_format(exc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
}

/* Parses the format spec [s] for the value [o]; [default_align] is '>'
 * for numbers, '<' for strings; [default_type] 'd' for ints, 's' for
 * strings, 0 for floats. */
static int parse_spec(Object *s, uint32_t default_align, uint32_t default_type, Object *o,
                      Spec *sp)
{
    *sp = (Spec){ .fill = ' ', .align = default_align, .width = -1, .precision = -1,
                  .type = default_type };
    ssize_t n = STR_LEN(s), i = parse_flags(s, default_align, sp);
    int nd = read_number(s, &i, &sp->width);
    if (nd < 0 || parse_grouping(s, &i, sp) < 0)
        return -1;
    if (nd == 0)
        sp->width = -1;
    if (i < n && str_read(s, i) == '.') {
        i++;
        if ((nd = read_number(s, &i, &sp->precision)) < 0)
            return -1;
        if (nd == 0) {
            err_format(exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (n - i > 1) {
        err_format(exc_ValueError, "Invalid format specifier '%U' for object of type '%T'", s, o);
        return -1;
    }
    if (n - i == 1)
        sp->type = str_read(s, i);
    return sp->thousands ? check_thousands(sp) : 0;
}

/* Appends [n] copies of [ch]; -1 on MemoryError. */
static int add_fill(StrBuilder *b, uint32_t ch, ssize_t n)
{
    for (; n > 0; n--)
        if (sb_add_char(b, ch) < 0)
            return -1;
    return 0;
}

/* The padding of a value [len] characters long: *left and *right. */
static void split_padding(const Spec *sp, ssize_t len, ssize_t *left, ssize_t *right)
{
    ssize_t pad = sp->width > len ? sp->width - len : 0;
    *left = sp->align == '<' ? 0 : sp->align == '^' ? pad / 2 : pad;
    *right = pad - *left;
}

/* [body] padded to the spec's width ('=' counts as '>'). */
static Object *pad_str(const Spec *sp, Object *body)
{
    ssize_t left, right;
    StrBuilder b;
    split_padding(sp, STR_LEN(body), &left, &right);
    if (left == 0 && right == 0)
        return NEWREF(body);
    sb_init(&b);
    if (add_fill(&b, sp->fill, left) < 0 || sb_add_str(&b, body) < 0 ||
        add_fill(&b, sp->fill, right) < 0) {
        sb_discard(&b);
        return NULL;
    }
    return sb_finish(&b);
}

/* [digits] with [sep] every [group] digits from the right, zero-padded on
 * the left to at least [minw] characters (a separator never leads): a
 * new buffer, *len its length. */
static char *group_digits(const char *digits, ssize_t nd, char sep, int group, ssize_t minw,
                          ssize_t *len)
{
    ssize_t cap = (nd > minw ? nd : minw) * 2 + 2;
    char *buf = mem_malloc(cap), *p = buf + cap;
    if (!buf) {
        err_nomemory();
        return NULL;
    }
    for (ssize_t rem = nd;;) {
        ssize_t l = rem > minw ? rem : minw;
        l = l < 1 ? 1 : l > group ? group : l;
        for (ssize_t k = 0; k < l; k++)
            *--p = rem > 0 ? digits[--rem] : '0';
        minw -= l;
        if (rem <= 0 && minw <= 0)
            break;
        *--p = sep;
        minw--;
    }
    *len = buf + cap - p;
    memmove(buf, p, *len);
    return buf;
}

/* Lays out [sign][prefix][digits][rest] (all ASCII) with the spec's fill,
 * alignment, width and grouping ([group] digits per group). */
static Object *render_number(const Spec *sp, char sign, const char *prefix, const char *digits,
                             ssize_t nd, const char *rest, int group)
{
    ssize_t nlead = (sign != 0) + (ssize_t)strlen(prefix), nrest = (ssize_t)strlen(rest);
    ssize_t ng = nd, left, right;
    char *grouped = NULL;
    StrBuilder b;
    if (sp->thousands && nd > 0) {
        bool zero_pad = sp->fill == '0' && sp->align == '=';
        ssize_t minw = zero_pad ? sp->width - nlead - nrest : 0;
        if (!(grouped = group_digits(digits, nd, sp->thousands, group, minw, &ng)))
            return NULL;
        digits = grouped;
    }
    split_padding(sp, nlead + ng + nrest, &left, &right);
    bool inner = sp->align == '=';
    sb_init(&b);
    bool ok = add_fill(&b, sp->fill, inner ? 0 : left) == 0 &&
              (!sign || sb_add_char(&b, (unsigned char)sign) == 0) &&
              sb_add_cstr(&b, prefix) == 0 && add_fill(&b, sp->fill, inner ? left : 0) == 0 &&
              sb_add_utf8(&b, digits, ng) == 0 && sb_add_utf8(&b, rest, nrest) == 0 &&
              add_fill(&b, sp->fill, right) == 0;
    if (grouped)
        mem_free(grouped);
    if (!ok) {
        sb_discard(&b);
        return NULL;
    }
    return sb_finish(&b);
}

/* The sign to show for a value: '-' when negative, else per the spec. */
static char sign_char(const Spec *sp, bool neg)
{
    return neg ? '-' : sp->sign == '+' ? '+' : sp->sign == ' ' ? ' ' : 0;
}

/* format(d, spec) for a float (or int) value with a float type. */
static Object *format_float_value(double d, const Spec *sp)
{
    uint32_t type = sp->type;
    ssize_t prec = sp->precision;
    int flags = (sp->alternate ? FMT_DBL_ALT : 0) | (sp->no_neg_0 ? FMT_DBL_NO_NEG0 : 0);
    if (prec > INT_MAX)
        return err_format(exc_ValueError, "precision too big");
    if (type == 0) {
        flags |= FMT_DBL_DOT0;
        type = prec < 0 ? 'r' : 'g';
    } else if (type == 'n')
        type = 'g';
    if (prec < 0)
        prec = 6;
    if (type == '%')
        d *= 100.0;
    ssize_t len;
    char *s = format_double(d, type == '%' ? 'f' : (char)type, (int)prec, flags, &len);
    if (!s)
        return NULL;
    bool neg = s[0] == '-';
    char *body = s + neg;
    ssize_t nd = (ssize_t)strspn(body, "0123456789");
    char *rest = mem_malloc(len - nd + 2);
    Object *r = NULL;
    if (rest) {
        snprintf(rest, len - nd + 2, "%s%s", body + nd, type == '%' ? "%" : "");
        r = render_number(sp, sign_char(sp, neg), "", body, nd, rest, 3);
        mem_free(rest);
    } else
        err_nomemory();
    mem_free(s);
    return r;
}

/* format(o, spec) for an int with 'c': one character. */
static Object *format_int_char(Object *o, const Spec *sp)
{
    if (sp->sign)
        return err_format(exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    if (sp->alternate)
        return err_format(exc_ValueError,
                          "Alternate form (#) not allowed with integer format specifier 'c'");
    long v = int_as_long(o);
    if (v == -1 && err_occurred())
        return NULL;
    if (v < 0 || v > 0x10ffff) {
        err_set_str(exc_OverflowError, "%c arg not in range(0x110000)");
        return NULL;
    }
    Object *ch = str_from_char((uint32_t)v);
    Object *r = ch ? pad_str(sp, ch) : NULL;
    XDECREF(ch);
    return r;
}

/* format(o, spec) for an int with an integer type (b c d o x X n, none). */
static Object *format_int_value(Object *o, const Spec *sp)
{
    if (sp->precision >= 0)
        return err_format(exc_ValueError, "Precision not allowed in integer format specifier");
    if (sp->no_neg_0)
        return err_format(exc_ValueError,
                          "Negative zero coercion (z) not allowed in integer format specifier");
    if (sp->type == 'c')
        return format_int_char(o, sp);
    uint32_t t = sp->type;
    int base = t == 'b' ? 2 : t == 'o' ? 8 : t == 'x' || t == 'X' ? 16 : 10;
    const char *prefix = !sp->alternate || base == 10 ? ""
                         : base == 2 ? "0b" : base == 8 ? "0o" : t == 'X' ? "0X" : "0x";
    ssize_t nd;
    char *digits = int_magnitude_digits(o, base, &nd);
    if (!digits)
        return NULL;
    for (ssize_t i = 0; t == 'X' && i < nd; i++)
        if (digits[i] >= 'a')
            digits[i] = (char)(digits[i] - 'a' + 'A');
    Object *r = render_number(sp, sign_char(sp, int_sign(o) < 0), prefix, digits, nd, "",
                              base == 10 ? 3 : 4);
    mem_free(digits);
    return r;
}

Object *int_format_spec(Object *o, Object *spec)
{
    Spec sp;
    if (STR_LEN(spec) == 0)
        return obj_str(o);
    if (parse_spec(spec, '>', 'd', o, &sp) < 0)
        return NULL;
    switch (sp.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_int_value(o, &sp);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = int_as_double(o);
        if (d == -1.0 && err_occurred())
            return NULL;
        return format_float_value(d, &sp);
    }
    default:
        return unknown_code(sp.type, o);
    }
}

Object *float_format_spec(Object *o, Object *spec)
{
    Spec sp;
    if (STR_LEN(spec) == 0)
        return obj_str(o);
    if (parse_spec(spec, '>', 0, o, &sp) < 0)
        return NULL;
    switch (sp.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': case 0:
        return format_float_value(FLOAT_VAL(o), &sp);
    default:
        return unknown_code(sp.type, o);
    }
}

Object *str_format_spec(Object *o, Object *spec)
{
    Spec sp;
    if (STR_LEN(spec) == 0)
        return obj_str(o);
    if (parse_spec(spec, '<', 's', o, &sp) < 0)
        return NULL;
    if (sp.type != 's')
        return unknown_code(sp.type, o);
    if (sp.sign == ' ')
        return err_format(exc_ValueError, "Space not allowed in string format specifier");
    if (sp.sign)
        return err_format(exc_ValueError, "Sign not allowed in string format specifier");
    if (sp.no_neg_0)
        return err_format(exc_ValueError,
                          "Negative zero coercion (z) not allowed in string format specifier");
    if (sp.alternate)
        return err_format(exc_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (sp.align == '=')
        return err_format(exc_ValueError, "'=' alignment not allowed in string format specifier");
    Object *body = sp.precision >= 0 && sp.precision < STR_LEN(o)
                   ? str_substr(o, 0, sp.precision) : obj_str(o);
    Object *r = body ? pad_str(&sp, body) : NULL;
    XDECREF(body);
    return r;
}

/* ---- printf-style conversions ---- */

/* [sign][prefix][zeros][body] padded to [width] as the printf flags say. */
static Object *pad_printf(int flags, int width, char sign, const char *prefix, ssize_t zeros,
                          const char *body, ssize_t nbody)
{
    ssize_t len = (sign != 0) + (ssize_t)strlen(prefix) + zeros + nbody;
    ssize_t pad = width > len ? width - len : 0;
    char *buf = mem_malloc(len + pad + 1), *p = buf;
    if (flags & FMT_ZERO && !(flags & FMT_LEFT)) {
        zeros += pad;
        pad = 0;
    }
    if (!buf)
        return err_nomemory();
    if (!(flags & FMT_LEFT))
        for (ssize_t i = 0; i < pad; i++)
            *p++ = ' ';
    if (sign)
        *p++ = sign;
    p += sprintf(p, "%s", prefix);
    memset(p, '0', zeros);
    p += zeros;
    memcpy(p, body, nbody);
    p += nbody;
    if (flags & FMT_LEFT)
        for (ssize_t i = 0; i < pad; i++)
            *p++ = ' ';
    Object *r = str_from_utf8(buf, p - buf);
    mem_free(buf);
    return r;
}

static char printf_sign(int flags, bool neg)
{
    return neg ? '-' : flags & FMT_PLUS ? '+' : flags & FMT_SPACE ? ' ' : 0;
}

/* The int a %d/%x/%o conversion formats: int(v), or operator.index(v) for
 * %x/%X/%o, with CPython's TypeError when [v] is no number. */
static Object *printf_int_arg(Object *v, char conv)
{
    bool index_only = conv == 'x' || conv == 'X' || conv == 'o';
    if (TYPE(v)->flags & TPFLAG_LONG_SUBCLASS)
        return NEWREF(v);
    Object *r = NULL;
    if (!TYPE_CHECK(v, str_type) && !TYPE_CHECK(v, bytes_type))
        r = index_only ? num_index(v) : int_from_object(v);
    if (r || (err_occurred() && !err_matches(exc_TypeError)))
        return r;
    char msg[300];
    err_clear();
    snprintf(msg, sizeof msg, "%%%c format: %s is required, not %.200s", conv,
             index_only ? "an integer" : "a real number", TYPE(v)->name);
    err_set_str(exc_TypeError, msg);
    return NULL;
}

/* %d %i %u %x %X %o */
static Object *printf_int(Object *v, char conv, int flags, int width, int prec)
{
    Object *iv = printf_int_arg(v, conv);
    if (!iv)
        return NULL;
    int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
    ssize_t nd;
    char *digits = int_magnitude_digits(iv, base, &nd);
    bool neg = int_sign(iv) < 0;
    DECREF(iv);
    if (!digits)
        return NULL;
    for (ssize_t i = 0; conv == 'X' && i < nd; i++)
        if (digits[i] >= 'a')
            digits[i] = (char)(digits[i] - 'a' + 'A');
    const char *prefix = !(flags & FMT_ALT) || base == 10 ? ""
                         : base == 8 ? "0o" : conv == 'X' ? "0X" : "0x";
    Object *r = pad_printf(flags, width, printf_sign(flags, neg), prefix,
                           prec > nd ? prec - nd : 0, digits, nd);
    mem_free(digits);
    return r;
}

/* %e %E %f %F %g %G */
static Object *printf_float(Object *v, char conv, int flags, int width, int prec)
{
    double d = float_as_double(v);
    ssize_t len;
    if (d == -1.0 && err_occurred())
        return NULL;
    char *s = format_double(d, conv, prec < 0 ? 6 : prec, flags & FMT_ALT ? FMT_DBL_ALT : 0, &len);
    if (!s)
        return NULL;
    bool neg = s[0] == '-';
    Object *r = pad_printf(flags, width, printf_sign(flags, neg), "", 0, s + neg, len - neg);
    mem_free(s);
    return r;
}

Object *format_printf_number(Object *v, char conv, int flags, int width, int prec)
{
    switch (conv) {
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        return printf_int(v, conv, flags, width, prec);
    default:
        return printf_float(v, conv, flags, width, prec);
    }
}
