/* str_format.c — strings made from templates: str_from_format (the C-side
 * printf of err_format), str.format / str.format_map (PEP 3101: automatic
 * and manual numbering, names, .attr and [index] lookups, !r !s !a, nested
 * fields in specs) and printf-style `str % args`.
 *
 * The format-spec mini-language itself (format(value, spec)) belongs to
 * each type's __format__ (vm/format.c); numbers under % go through
 * format_printf_number.
 */
#include <string.h>
#include <stdio.h>
#include <limits.h>
#include <inttypes.h>
#include "str.h"
#include "errors.h"
#include "int.h"
#include "tuple.h"
#include "format.h"

/* ---- str_from_format ---- */

/* One directive of str_from_format: %[-][0][width][.prec][l|ll|z]conv. */
typedef struct {
    bool left, zero;
    int width, prec;            /* -1 when absent */
    char size;                  /* 0, 'l', 'q' (ll) or 'z' */
    char conv;
} Directive;

/* Parses the directive after a '%'; returns the text after it. */
static const char *parse_directive(const char *f, Directive *d)
{
    d->left = d->zero = false;
    d->width = d->prec = -1;
    d->size = 0;
    for (; *f == '-' || *f == '0'; f++)
        *(*f == '-' ? &d->left : &d->zero) = true;
    for (; *f >= '0' && *f <= '9'; f++)
        d->width = (d->width < 0 ? 0 : d->width * 10) + (*f - '0');
    if (*f == '.')
        for (d->prec = 0, f++; *f >= '0' && *f <= '9'; f++)
            d->prec = d->prec * 10 + (*f - '0');
    if (*f == 'l' && f[1] == 'l')
        d->size = 'q', f += 2;
    else if (*f == 'l' || *f == 'z')
        d->size = *f++;
    d->conv = *f;
    return *f ? f + 1 : f;
}

/* Adds [s] padded with spaces to the directive's width. */
static int add_padded(StrBuilder *b, const Directive *d, Object *s)
{
    ssize_t n = STR_LEN(s), pad = d->width > n ? d->width - n : 0;
    int r = 0;
    for (ssize_t i = 0; !d->left && i < pad && r == 0; i++)
        r = sb_add_char(b, ' ');
    if (r == 0)
        r = sb_add_str(b, s);
    for (ssize_t i = 0; d->left && i < pad && r == 0; i++)
        r = sb_add_char(b, ' ');
    return r;
}

/* Adds an object directive: %U / %S (str), %R (repr), %A (ascii), %T. */
static int add_object(StrBuilder *b, const Directive *d, Object *o)
{
    Object *s;
    switch (d->conv) {
    case 'R': s = obj_repr(o); break;
    case 'A': s = obj_ascii(o); break;
    case 'T': s = str_from_cstr(TYPE(o)->name); break;
    default: s = obj_str(o); break;
    }
    if (!s)
        return -1;
    if (d->prec >= 0 && d->prec < STR_LEN(s))
        SETREF(s, str_substr(s, 0, d->prec));
    int r = s ? add_padded(b, d, s) : -1;
    XDECREF(s);
    return r;
}

/* Adds a C string (%s): [prec] counts bytes, bad UTF-8 is replaced. */
static int add_cstr(StrBuilder *b, const Directive *d, const char *s)
{
    size_t n = 0;
    while (s[n] && (d->prec < 0 || n < (size_t)d->prec))
        n++;
    Object *t = str_decode_utf8(s, (ssize_t)n, "replace");
    int r = t ? add_padded(b, d, t) : -1;
    XDECREF(t);
    return r;
}

/* Reads a signed integer argument of the directive's size. */
static long long signed_arg(const Directive *d, va_list *ap)
{
    switch (d->size) {
    case 'l': return va_arg(*ap, long);
    case 'q': return va_arg(*ap, long long);
    case 'z': return va_arg(*ap, ssize_t);
    default: return va_arg(*ap, int);
    }
}

/* Reads an unsigned integer argument of the directive's size. */
static unsigned long long unsigned_arg(const Directive *d, va_list *ap)
{
    switch (d->size) {
    case 'l': return va_arg(*ap, unsigned long);
    case 'q': return va_arg(*ap, unsigned long long);
    case 'z': return va_arg(*ap, size_t);
    default: return va_arg(*ap, unsigned int);
    }
}

/* Adds a number directive (%d %i %u %x) through the C library. */
static int add_number(StrBuilder *b, const Directive *d, va_list *ap)
{
    char spec[16], out[96];
    bool sign = d->conv == 'd' || d->conv == 'i';
    int w = d->width < 0 ? 0 : d->width;
    snprintf(spec, sizeof spec, "%%%s%s*.*ll%c", d->left ? "-" : "", d->zero ? "0" : "",
             sign ? 'd' : d->conv);
    if (sign)
        snprintf(out, sizeof out, spec, w, d->prec, signed_arg(d, ap));
    else
        snprintf(out, sizeof out, spec, w, d->prec, unsigned_arg(d, ap));
    return sb_add_cstr(b, out);
}

/* Adds one directive's text, taking its argument from [ap]. */
static int add_directive(StrBuilder *b, const Directive *d, va_list *ap)
{
    char tmp[32];
    switch (d->conv) {
    case '%':
        return sb_add_char(b, '%');
    case 'c': {
        int ch = va_arg(*ap, int);
        return sb_add_char(b, ch >= 0 && ch <= 0x10FFFF ? (uint32_t)ch : 0xFFFD);
    }
    case 'p':
        snprintf(tmp, sizeof tmp, "0x%" PRIxPTR, (uintptr_t)va_arg(*ap, void *));
        return sb_add_cstr(b, tmp);
    case 's': {
        const char *s = va_arg(*ap, const char *);
        return add_cstr(b, d, s ? s : "(null)");
    }
    case 'U': case 'S': case 'R': case 'A': case 'T':
        return add_object(b, d, va_arg(*ap, Object *));
    case 'd': case 'i': case 'u': case 'x':
        return add_number(b, d, ap);
    default:
        err_format(exc_ValueError, "invalid directive '%%%c' in str_from_format", d->conv);
        return -1;
    }
}

Object *str_from_vformat(const char *fmt, va_list ap)
{
    StrBuilder b;
    va_list args;
    sb_init(&b);
    va_copy(args, ap);
    const char *f = fmt;
    int r = 0;
    while (*f && r == 0) {
        const char *p = strchr(f, '%');
        ssize_t n = p ? p - f : (ssize_t)strlen(f);
        r = sb_add_utf8(&b, f, n);
        if (!p || r < 0)
            break;
        Directive d;
        f = parse_directive(p + 1, &d);
        r = add_directive(&b, &d, &args);
    }
    va_end(args);
    if (r < 0) {
        sb_discard(&b);
        return NULL;
    }
    return sb_finish(&b);
}

Object *str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Object *s = str_from_vformat(fmt, ap);
    va_end(ap);
    return s;
}

/* ---- str.format and str.format_map ---- */

/* Where replacement fields take their values from. */
typedef struct {
    Object *const *args;        /* positional values; NULL for format_map */
    ssize_t nargs;
    Object *kwnames;            /* format(): the keyword names (tuple) or NULL */
    Object *const *kwvalues;
    Object *mapping;            /* format_map(): the mapping */
    int numbering;              /* 0 undecided, 1 automatic, 2 manual */
    ssize_t next_auto;
} FormatArgs;

/* A parsed replacement field: fmt[name_lo:name_hi]!conv:fmt[spec_lo:spec_hi]. */
typedef struct {
    ssize_t name_lo, name_hi, spec_lo, spec_hi;
    bool expand;                /* the spec holds nested fields */
    uint32_t conv;              /* 0 when absent */
} Field;

static int build(StrBuilder *b, Object *fmt, ssize_t start, ssize_t end, FormatArgs *fa, int depth,
                 Object **whole);

/* The decimal number in fmt[lo:hi]; -1 if it is not one, -2 on overflow. */
static ssize_t field_integer(Object *fmt, ssize_t lo, ssize_t hi)
{
    ssize_t v = 0;
    if (lo >= hi)
        return -1;
    for (ssize_t i = lo; i < hi; i++) {
        int d = str_decimal_value(str_read(fmt, i));
        if (d < 0)
            return -1;
        if (v > (SSIZE_MAX - d) / 10) {
            err_format(exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + d;
    }
    return v;
}

/* Parses the field after a '{' at *pos (its closing '}' included). */
static int parse_field(Object *fmt, ssize_t *pos, ssize_t end, Field *f)
{
    ssize_t i = *pos;
    uint32_t c = 0;
    f->name_lo = i;
    f->spec_lo = f->spec_hi = -1;
    f->expand = false;
    f->conv = 0;
    while (i < end) {
        c = str_read(fmt, i++);
        if (c == '{') {
            err_format(exc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < end && str_read(fmt, i) != ']')
                i++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    f->name_hi = i - 1;
    *pos = i;
    if (c != '!' && c != ':') {
        if (c == '}')
            return 0;
        err_format(exc_ValueError, "expected '}' before end of string");
        return -1;
    }
    if (c == '!') {
        if (i >= end) {
            err_format(exc_ValueError, "end of string while looking for conversion specifier");
            return -1;
        }
        f->conv = str_read(fmt, i++);
        if (i < end) {
            c = str_read(fmt, i++);
            *pos = i;
            if (c == '}')
                return 0;
            if (c != ':') {
                err_format(exc_ValueError, "expected ':' after conversion specifier");
                return -1;
            }
        }
    }
    f->spec_lo = i;
    for (int count = 1; i < end;) {
        c = str_read(fmt, i++);
        if (c == '{') {
            f->expand = true;
            count++;
        } else if (c == '}' && --count == 0) {
            f->spec_hi = i - 1;
            *pos = i;
            return 0;
        }
    }
    err_format(exc_ValueError, "unmatched '{' in format spec");
    return -1;
}

/* Applies automatic or manual numbering to the first part of a field name. */
static int number_field(FormatArgs *fa, bool empty, ssize_t *index)
{
    if (!empty && *index < 0)
        return 0;               /* a keyword name */
    if (fa->numbering == 0)
        fa->numbering = empty ? 1 : 2;
    if (fa->numbering == 2 && empty) {
        err_format(exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
        return -1;
    }
    if (fa->numbering == 1 && !empty) {
        err_format(exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
        return -1;
    }
    if (empty)
        *index = fa->next_auto++;
    return 0;
}

/* The value named [key]: a keyword argument or an item of the mapping. */
static Object *keyword_value(FormatArgs *fa, Object *key)
{
    if (fa->mapping)
        return obj_getitem(fa->mapping, key);
    for (ssize_t i = 0; fa->kwnames && i < SIZE(fa->kwnames); i++)
        if (str_eq(TUPLE_GET(fa->kwnames, i), key))
            return NEWREF(fa->kwvalues[i]);
    err_set_obj(exc_KeyError, key);
    return NULL;
}

/* The value of the first part of a field name, fmt[lo:hi]. */
static Object *first_value(Object *fmt, ssize_t lo, ssize_t hi, FormatArgs *fa)
{
    ssize_t index = field_integer(fmt, lo, hi);
    if (index == -2 || number_field(fa, lo >= hi, &index) < 0)
        return NULL;
    if (index < 0) {
        Object *key = str_substr(fmt, lo, hi);
        Object *v = key ? keyword_value(fa, key) : NULL;
        XDECREF(key);
        return v;
    }
    if (!fa->args)
        return err_format(exc_ValueError, "Format string contains positional fields");
    if (index >= fa->nargs)
        return err_format(exc_IndexError, "Replacement index %zd out of range for positional args tuple", index);
    return NEWREF(fa->args[index]);
}

/* Whether [ch] ends the name after [opener] ('.' or '['). */
static bool ends_name(uint32_t opener, uint32_t ch)
{
    return opener == '[' ? ch == ']' : ch == '.' || ch == '[';
}

/* Applies one ".name" or "[key]" step at *pos of the field name to [obj]
 * (stolen); returns the new value. */
static Object *lookup_step(Object *fmt, ssize_t *pos, ssize_t hi, Object *obj)
{
    ssize_t i = *pos, lo;
    uint32_t c = str_read(fmt, i++);
    Object *key = NULL, *r = NULL;
    if (c != '.' && c != '[') {
        err_format(exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        goto done;
    }
    lo = i;
    while (i < hi && !ends_name(c, str_read(fmt, i)))
        i++;
    if (c == '[' && i >= hi) {
        err_format(exc_ValueError, "Missing ']' in format string");
        goto done;
    }
    *pos = c == '[' ? i + 1 : i;
    ssize_t index = c == '[' ? field_integer(fmt, lo, i) : -1;
    if (index == -2)
        goto done;
    if (lo == i) {
        err_format(exc_ValueError, "Empty attribute in format string");
        goto done;
    }
    key = index >= 0 ? int_from_ssize(index) : str_substr(fmt, lo, i);
    if (key)
        r = c == '.' ? obj_getattr(obj, key) : obj_getitem(obj, key);
done:
    XDECREF(key);
    DECREF(obj);
    return r;
}

/* The object a field name designates. */
static Object *field_value(Object *fmt, const Field *f, FormatArgs *fa)
{
    ssize_t i = f->name_lo;
    while (i < f->name_hi && str_read(fmt, i) != '.' && str_read(fmt, i) != '[')
        i++;
    Object *obj = first_value(fmt, f->name_lo, i, fa);
    while (obj && i < f->name_hi)
        obj = lookup_step(fmt, &i, f->name_hi, obj);
    return obj;
}

/* Applies a !r / !s / !a conversion to [obj] (stolen). */
static Object *convert_field(Object *obj, uint32_t conv)
{
    Object *r = NULL;
    if (conv == 'r')
        r = obj_repr(obj);
    else if (conv == 's')
        r = obj_str(obj);
    else if (conv == 'a')
        r = obj_ascii(obj);
    else if (conv > 32 && conv < 127)
        err_format(exc_ValueError, "Unknown conversion specifier %c", (int)conv);
    else
        err_format(exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
    DECREF(obj);
    return r;
}

/* Formats one replacement field into [b]; when [whole] is given (the field
 * is all the output) and formatting gives back the value itself, that
 * object becomes the result, as CPython's writer hands it back. */
static int render_field(StrBuilder *b, Object *fmt, const Field *f, FormatArgs *fa, int depth,
                        Object **whole)
{
    Object *obj = field_value(fmt, f, fa), *spec = NULL, *r = NULL;
    if (obj && f->conv)
        obj = convert_field(obj, f->conv);
    if (!obj)
        return -1;
    if (f->expand) {
        StrBuilder sb;
        sb_init(&sb);
        spec = build(&sb, fmt, f->spec_lo, f->spec_hi, fa, depth - 1, NULL) < 0 ? NULL : sb_finish(&sb);
    } else {
        spec = f->spec_lo < 0 ? str_empty() : str_substr(fmt, f->spec_lo, f->spec_hi);
    }
    if (spec)
        r = obj_format(obj, spec);
    int res = r ? 0 : -1;
    if (r && whole && r == obj)
        *whole = NEWREF(r);
    else if (r)
        res = sb_add_str(b, r);
    XDECREF(r);
    XDECREF(spec);
    DECREF(obj);
    return res;
}

/* Formats fmt[start:end] into [b]; [depth] counts the nesting levels left;
 * [whole] (or NULL) may receive the result object (see render_field).  On
 * error [b] is discarded. */
static int build(StrBuilder *b, Object *fmt, ssize_t start, ssize_t end, FormatArgs *fa, int depth,
                 Object **whole)
{
    ssize_t i = start;
    if (depth <= 0) {
        err_format(exc_ValueError, "Max string recursion exceeded");
        goto fail;
    }
    while (i < end) {
        ssize_t lit = i;
        uint32_t c = 0;
        bool markup = false;
        while (i < end && !markup) {
            c = str_read(fmt, i++);
            markup = c == '{' || c == '}';
        }
        bool at_end = i >= end;
        ssize_t len = i - lit;
        if (markup && c == '}' && (at_end || str_read(fmt, i) != '}')) {
            err_format(exc_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (markup && c == '{' && at_end) {
            err_format(exc_ValueError, "Single '{' encountered in format string");
            goto fail;
        }
        if (markup && str_read(fmt, i) == c) {
            i++;                /* a doubled brace is literal text */
            markup = false;
        } else if (markup) {
            len--;
        }
        if (sb_add_substr(b, fmt, lit, lit + len) < 0)
            goto fail;
        Field f;
        if (markup && parse_field(fmt, &i, end, &f) < 0)
            goto fail;
        if (markup && render_field(b, fmt, &f, fa, depth, b->len == 0 && i == end ? whole : NULL) < 0)
            goto fail;
    }
    return 0;
fail:
    sb_discard(b);
    return -1;
}

/* The whole of [fmt] formatted with [fa]. */
static Object *format_with(Object *fmt, FormatArgs *fa)
{
    StrBuilder b;
    Object *whole = NULL;
    sb_init(&b);
    if (build(&b, fmt, 0, STR_LEN(fmt), fa, 2, &whole) < 0)
        return NULL;
    if (!whole)
        return sb_finish(&b);
    sb_discard(&b);
    return whole;
}

Object *str_format_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    FormatArgs fa = {args, nargs, kwnames, args + nargs, NULL, 0, 0};
    return format_with(self, &fa);
}

Object *str_format_map_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *mapping;
    if (str_args("str", "format_map", false, args, nargs, kwnames, 1, 1, &mapping) < 0)
        return NULL;
    FormatArgs fa = {NULL, 0, NULL, NULL, mapping, 0, 0};
    return format_with(self, &fa);
}

/* ---- printf-style formatting: fmt % args ---- */

typedef struct {
    Object *fmt;
    ssize_t pos, len;           /* reading position in fmt */
    Object *args;               /* the tuple, the single value, or a keyed value */
    ssize_t argidx, arglen;     /* arglen -1: one value, not a tuple */
    Object *dict;               /* the right operand when it is a mapping */
    Object *keyed;              /* owned value of the last %(key) */
} Printf;

/* One conversion: flags, width and precision as parsed. */
typedef struct {
    int flags;
    ssize_t width, prec;        /* -1 when absent */
    uint32_t conv;
} Spec;

/* The next argument (borrowed). */
static Object *next_arg(Printf *p)
{
    if (p->argidx < p->arglen) {
        ssize_t i = p->argidx++;
        return p->arglen < 0 ? p->args : TUPLE_GET(p->args, i);
    }
    return err_format(exc_TypeError, "not enough arguments for format string");
}

static bool more(Printf *p)
{
    return p->pos < p->len;
}

static uint32_t next_char(Printf *p)
{
    return str_read(p->fmt, p->pos++);
}

static int incomplete(void)
{
    err_format(exc_ValueError, "incomplete format");
    return -1;
}

/* Reads %(key) and makes its value the argument source. */
static int parse_key(Printf *p)
{
    ssize_t start = ++p->pos;
    int depth = 1;
    while (depth > 0 && more(p)) {
        uint32_t c = next_char(p);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
    if (depth > 0) {
        err_format(exc_ValueError, "incomplete format key");
        return -1;
    }
    if (!p->dict) {
        err_format(exc_TypeError, "format requires a mapping");
        return -1;
    }
    Object *key = str_substr(p->fmt, start, p->pos - 1);
    Object *v = key ? obj_getitem(p->dict, key) : NULL;
    XDECREF(key);
    if (!v)
        return -1;
    SETREF(p->keyed, v);
    p->args = v;
    p->arglen = -1;
    p->argidx = -2;
    return 0;
}

/* Reads a width or precision into *out ('*' takes an int argument, else
 * digits); leaves *out alone when there is none. */
static int parse_number(Printf *p, ssize_t *out, const char *too_big)
{
    if (more(p) && str_read(p->fmt, p->pos) == '*') {
        p->pos++;
        Object *v = next_arg(p);
        if (!v)
            return -1;
        if (!TYPE_CHECK(v, int_type)) {
            err_format(exc_TypeError, "* wants int");
            return -1;
        }
        ssize_t n = num_as_ssize(v, exc_OverflowError);
        if (n == -1 && err_occurred())
            return -1;
        *out = n;
        return 1;
    }
    for (bool first = true; more(p); p->pos++, first = false) {
        int d = (int)str_read(p->fmt, p->pos) - '0';
        if (d < 0 || d > 9)
            break;
        if (first)
            *out = 0;
        if (*out > (SSIZE_MAX - d) / 10) {
            err_format(exc_ValueError, "%s", too_big);
            return -1;
        }
        *out = *out * 10 + d;
    }
    return 0;
}

static int flag_bit(uint32_t c)
{
    switch (c) {
    case '-': return FMT_LEFT;
    case '+': return FMT_PLUS;
    case ' ': return FMT_SPACE;
    case '#': return FMT_ALT;
    case '0': return FMT_ZERO;
    default: return 0;
    }
}

/* Reads everything between '%' and the conversion character. */
static int parse_spec(Printf *p, Spec *s)
{
    s->flags = 0;
    s->width = s->prec = -1;
    if (more(p) && str_read(p->fmt, p->pos) == '(' && parse_key(p) < 0)
        return -1;
    for (int bit; more(p) && (bit = flag_bit(str_read(p->fmt, p->pos))); p->pos++)
        s->flags |= bit;
    int star = parse_number(p, &s->width, "width too big");
    if (star < 0)
        return -1;
    if (star && s->width < 0) {
        s->flags |= FMT_LEFT;
        s->width = -s->width;
    }
    if (more(p) && str_read(p->fmt, p->pos) == '.') {
        p->pos++;
        s->prec = 0;
        if (parse_number(p, &s->prec, "precision too big") < 0)
            return -1;
        if (s->prec < 0)
            s->prec = 0;
    }
    while (more(p) && (str_read(p->fmt, p->pos) == 'h' || str_read(p->fmt, p->pos) == 'l' ||
                       str_read(p->fmt, p->pos) == 'L'))
        p->pos++;
    if (!more(p))
        return incomplete();
    s->conv = next_char(p);
    return 0;
}

/* Adds [s] to [b], cut to the precision and padded to the width. */
static int add_text(StrBuilder *b, const Spec *sp, Object *s)
{
    ssize_t n = STR_LEN(s);
    if (sp->prec >= 0 && sp->prec < n)
        n = sp->prec;
    ssize_t pad = sp->width > n ? sp->width - n : 0;
    int r = 0;
    for (ssize_t i = 0; !(sp->flags & FMT_LEFT) && i < pad && r == 0; i++)
        r = sb_add_char(b, ' ');
    if (r == 0)
        r = sb_add_substr(b, s, 0, n);
    for (ssize_t i = 0; (sp->flags & FMT_LEFT) && i < pad && r == 0; i++)
        r = sb_add_char(b, ' ');
    return r;
}

/* The one-character string of %c. */
static Object *char_arg(Object *v)
{
    if (TYPE_CHECK(v, str_type)) {
        if (STR_LEN(v) == 1)
            return str_from_char(str_read(v, 0));
    } else if (TYPE_CHECK(v, int_type)) {
        long c;
        if (!int_fits_long(v, &c) || c < 0 || c > 0x10FFFF)
            return err_format(exc_OverflowError, "%%c arg not in range(0x110000)");
        return str_from_char((uint32_t)c);
    }
    return err_format(exc_TypeError, "%%c requires int or char");
}

/* The text of one conversion of [v]. */
static Object *convert_arg(Printf *p, const Spec *s, Object *v)
{
    switch (s->conv) {
    case 's': return obj_str(v);
    case 'r': return obj_repr(v);
    case 'a': return obj_ascii(v);
    case 'c': return char_arg(v);
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        if (s->width > INT_MAX || s->prec > INT_MAX)
            return err_nomemory();
        return format_printf_number(v, (char)s->conv, s->flags, (int)s->width, (int)s->prec);
    default: {
        uint32_t c = s->conv;
        return err_format(exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                          c >= 31 && c <= 126 ? (int)c : '?', (unsigned)c, p->pos - 1);
    }
    }
}

/* Handles the directive after a '%' at p->pos.  When [whole] is given
 * (nothing written yet) and the directive is the rest of the format, a
 * plain %s / %r / %a hands its text object over there instead, as
 * CPython's writer does. */
static int one_directive(Printf *p, StrBuilder *b, Object **whole)
{
    if (more(p) && str_read(p->fmt, p->pos) == '%') {
        p->pos++;
        return sb_add_char(b, '%');
    }
    Spec s;
    if (parse_spec(p, &s) < 0)
        return -1;
    Object *v = next_arg(p);
    Object *t = v ? convert_arg(p, &s, v) : NULL;
    if (!t)
        return -1;
    bool number = s.conv != 's' && s.conv != 'r' && s.conv != 'a' && s.conv != 'c';
    if (whole && !number && s.conv != 'c' && s.width < 0 && s.prec < 0 && !more(p)) {
        *whole = t;
        return 0;
    }
    Spec plain = {s.flags, s.width, s.conv == 'c' || number ? -1 : s.prec, s.conv};
    int r = number ? sb_add_str(b, t) : add_text(b, &plain, t);
    DECREF(t);
    return r;
}

Object *str_printf(Object *fmt, Object *args)
{
    bool tuple = TYPE_CHECK(args, tuple_type);
    Printf p = {fmt, 0, STR_LEN(fmt), args, tuple ? 0 : -2, tuple ? SIZE(args) : -1, NULL, NULL};
    if (TYPE(args)->getitem && !tuple && !TYPE_CHECK(args, str_type))
        p.dict = args;
    StrBuilder b;
    Object *whole = NULL;
    sb_init(&b);
    int r = 0;
    while (r == 0 && more(&p)) {
        ssize_t pct = str_find_char(fmt, '%', p.pos, p.len), stop = pct < 0 ? p.len : pct;
        r = sb_add_substr(&b, fmt, p.pos, stop);
        p.pos = stop;
        if (pct >= 0 && r == 0) {
            p.pos = pct + 1;
            r = one_directive(&p, &b, b.len == 0 ? &whole : NULL);
        }
    }
    if (r == 0 && p.argidx < p.arglen && !p.dict) {
        err_format(exc_TypeError, "not all arguments converted during string formatting");
        r = -1;
    }
    XDECREF(p.keyed);
    if (r < 0)
        XDECREF(whole);
    if (r < 0 || whole) {
        sb_discard(&b);
        return r < 0 ? NULL : whole;
    }
    return sb_finish(&b);
}
