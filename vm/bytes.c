/* bytes.c — the codecs between str and bytes (UTF-8, ASCII and latin-1,
 * with the standard error handlers and CPython's UnicodeError texts), and
 * the bytes type: CPython's layout (sys.getsizeof(b"") == 33), the shared
 * empty and one-byte objects, its slots, methods and iterator.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1           /* memmem */
#endif
#include <string.h>
#include <ctype.h>
#include <limits.h>
#include "str.h"
#include "errors.h"
#include "args.h"
#include "int.h"
#include "list.h"
#include "range.h"
#include "tuple.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

/* ---- Unicode errors ---- */

/* Raises [type](encoding, obj, start, end, reason). */
static void unicode_error(Type *type, const char *encoding, Object *obj,
                          ssize_t start, ssize_t end, const char *reason)
{
    Object *e = str_from_cstr(encoding), *r = str_from_cstr(reason);
    Object *a = int_from_ssize(start), *b = int_from_ssize(end);
    Object *args = e && r && a && b ? tuple_pack(5, e, obj, a, b, r) : NULL;
    XDECREF(e);
    XDECREF(r);
    XDECREF(a);
    XDECREF(b);
    if (!args)
        return;
    Object *exc = exc_new(type, args);
    DECREF(args);
    if (exc)
        err_set(exc);
}

void str_encode_error(const char *encoding, Object *s, ssize_t start, ssize_t end, const char *reason)
{
    unicode_error(exc_UnicodeEncodeError, encoding, s, start, end, reason);
}

Object *str_unicode_error_text(Object *args, bool decode)
{
    if (!TYPE_CHECK(args, tuple_type) || SIZE(args) != 5 || !TYPE_CHECK(TUPLE_GET(args, 0), str_type) ||
        !(decode ? TYPE_CHECK(TUPLE_GET(args, 1), bytes_type) : TYPE_CHECK(TUPLE_GET(args, 1), str_type)) ||
        !TYPE_CHECK(TUPLE_GET(args, 2), int_type) || !TYPE_CHECK(TUPLE_GET(args, 3), int_type) ||
        !TYPE_CHECK(TUPLE_GET(args, 4), str_type))
        return err_format(exc_TypeError, "Unicode%sError needs (encoding, object, start, end, reason)",
                          decode ? "Decode" : "Encode");
    Object *enc = TUPLE_GET(args, 0), *obj = TUPLE_GET(args, 1), *reason = TUPLE_GET(args, 4);
    ssize_t start = int_as_ssize(TUPLE_GET(args, 2)), end = int_as_ssize(TUPLE_GET(args, 3));
    if ((start == -1 || end == -1) && err_occurred())
        return NULL;
    ssize_t len = decode ? SIZE(obj) : STR_LEN(obj);
    const char *what = decode ? "decode" : "encode";
    if (start < 0 || start >= len || end != start + 1)
        return str_from_format("'%U' codec can't %s %s in position %zd-%zd: %U", enc, what,
                               decode ? "bytes" : "characters", start, end - 1, reason);
    if (decode)
        return str_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U", enc,
                               (unsigned)(uint8_t)BYTES_DATA(obj)[start], start, reason);
    uint32_t ch = str_read(obj, start);
    const char *fmt = ch <= 0xFF ? "'%U' codec can't encode character '\\x%02x' in position %zd: %U"
                    : ch <= 0xFFFF ? "'%U' codec can't encode character '\\u%04x' in position %zd: %U"
                    : "'%U' codec can't encode character '\\U%08x' in position %zd: %U";
    return str_from_format(fmt, enc, (unsigned)ch, start, reason);
}

static void decode_error(const char *encoding, const char *s, ssize_t len,
                         ssize_t start, ssize_t end, const char *reason)
{
    Object *b = bytes_from(s, len);
    if (!b)
        return;
    unicode_error(exc_UnicodeDecodeError, encoding, b, start, end, reason);
    DECREF(b);
}

/* ---- codec and error-handler names ---- */

typedef enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 } Codec;
static const char *const codec_names[] = {"utf-8", "ascii", "latin-1"};
static const char *const codec_aliases[][13] = {
    {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", NULL},
    {"ascii", "646", "us_ascii", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986",
     "cp367", "csascii", "ibm367", "iso646_us", "iso_ir_6", "us", NULL},
    {"latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1", "8859", "cp819",
     "iso_ir_100", "csisolatin1", "iso_8859_1_1987", "ibm819", NULL},
};

/* Writes [name] lower-cased, with each run of characters other than
 * letters, digits and '.' made one '_' (none at the ends); false if it
 * does not fit [cap] bytes. */
static bool normalize_name(const char *name, char *out, size_t cap)
{
    size_t n = 0;
    bool gap = false;
    for (const char *p = name; *p; p++) {
        if (!isalnum((unsigned char)*p) && *p != '.') {
            gap = true;
            continue;
        }
        if (n + 2 >= cap)
            return false;
        if (gap && n)
            out[n++] = '_';
        gap = false;
        out[n++] = (char)tolower((unsigned char)*p);
    }
    out[n] = '\0';
    return true;
}

/* Finds the codec called [name] (NULL: UTF-8); -1 with LookupError if
 * unknown. */
static int codec_lookup(const char *name, Codec *out)
{
    char norm[32];
    if (!name) {
        *out = CODEC_UTF8;
        return 0;
    }
    if (normalize_name(name, norm, sizeof norm))
        for (int c = 0; c < 3; c++)
            for (int i = 0; codec_aliases[c][i]; i++)
                if (strcmp(norm, codec_aliases[c][i]) == 0) {
                    *out = (Codec)c;
                    return 0;
                }
    err_format(exc_LookupError, "unknown encoding: %s", name);
    return -1;
}

typedef enum {
    EH_STRICT, EH_IGNORE, EH_REPLACE, EH_BACKSLASH, EH_XMLREF,
    EH_SURROGATEESCAPE, EH_SURROGATEPASS, EH_UNKNOWN
} Handler;
static const char *const handler_names[] = {
    "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
    "surrogateescape", "surrogatepass", NULL
};

static Handler handler_lookup(const char *name)
{
    if (!name)
        return EH_STRICT;
    int h = 0;
    while (handler_names[h] && strcmp(handler_names[h], name) != 0)
        h++;
    return (Handler)h;
}

static void unknown_handler(const char *name)
{
    err_format(exc_LookupError, "unknown error handler name '%s'", name);
}

/* ---- a growing byte buffer for encoders ---- */

typedef struct {
    char *buf;
    ssize_t len, cap;
} ByteBuf;

static int bb_put(ByteBuf *b, const char *s, ssize_t n)
{
    if (n == 0)
        return 0;
    if (str_buf_reserve(&b->buf, &b->cap, b->len, n) < 0)
        return -1;
    memcpy(b->buf + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

static Object *bytes_fresh(const char *s, ssize_t len);

/* The bytes made of the buffer's contents by [make] (bytes_from, or
 * bytes_fresh where CPython never shares a one-byte result); frees the
 * buffer. */
static Object *bb_finish(ByteBuf *b, bool ok, Object *(*make)(const char *, ssize_t))
{
    Object *r = ok ? make(b->buf ? b->buf : "", b->len) : NULL;
    mem_free(b->buf);
    return r;
}

/* ---- encoding ---- */

static bool is_surrogate(uint32_t ch)
{
    return ch >= 0xD800 && ch <= 0xDFFF;
}

static bool encodable(Codec c, uint32_t ch)
{
    return c == CODEC_UTF8 ? !is_surrogate(ch) : ch < (c == CODEC_ASCII ? 128u : 256u);
}

static int put_char(ByteBuf *b, Codec c, uint32_t ch)
{
    char tmp[4];
    if (c != CODEC_UTF8) {
        tmp[0] = (char)ch;
        return bb_put(b, tmp, 1);
    }
    return bb_put(b, tmp, str_utf8_put(tmp, ch));
}

/* Writes the text a handler puts for [ch] ("\\xe9", "&#233;"). */
static int put_escape(ByteBuf *b, Handler h, uint32_t ch)
{
    char tmp[16];
    int n;
    if (h == EH_XMLREF)
        n = snprintf(tmp, sizeof tmp, "&#%u;", (unsigned)ch);
    else if (ch < 0x100)
        n = snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)ch);
    else if (ch < 0x10000)
        n = snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)ch);
    else
        n = snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)ch);
    return bb_put(b, tmp, n);
}

static const char *encode_reason(Codec c)
{
    return c == CODEC_UTF8 ? "surrogates not allowed"
         : c == CODEC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)";
}

/* Applies handler [h] to the unencodable s[start:end]. */
static int encode_failure(ByteBuf *b, Codec c, Handler h, const char *hname,
                          Object *s, ssize_t start, ssize_t end)
{
    for (ssize_t i = start; i < end; i++) {
        uint32_t ch = str_read(s, i);
        int r = 0;
        switch (h) {
        case EH_IGNORE: break;
        case EH_REPLACE: r = bb_put(b, "?", 1); break;
        case EH_BACKSLASH: case EH_XMLREF: r = put_escape(b, h, ch); break;
        case EH_SURROGATEESCAPE:
            if (ch < 0xDC80 || ch > 0xDCFF)
                goto fail_at_i;
            r = bb_put(b, (char[]){(char)(ch - 0xDC00)}, 1);
            break;
        case EH_SURROGATEPASS:
            if (c != CODEC_UTF8)
                goto fail_at_i;
            r = put_char(b, c, ch);
            break;
        case EH_UNKNOWN:
            unknown_handler(hname);
            return -1;
        default:
            goto fail_at_i;
        }
        if (r < 0)
            return -1;
        continue;
    fail_at_i:
        str_encode_error(codec_names[c], s, i, end, encode_reason(c));
        return -1;
    }
    return 0;
}

/* The bytes of [s] when no fast path applies. */
static Object *encode_slow(Object *s, Codec c, const char *errors)
{
    Handler h = handler_lookup(errors);
    ByteBuf b = {NULL, 0, 0};
    ssize_t n = STR_LEN(s), i = 0;
    bool ok = true;
    while (ok && i < n) {
        uint32_t ch = str_read(s, i);
        if (encodable(c, ch)) {
            ok = put_char(&b, c, ch) == 0;
            i++;
            continue;
        }
        ssize_t end = i + 1;
        while (end < n && !encodable(c, str_read(s, end)))
            end++;
        ok = encode_failure(&b, c, h, errors, s, i, end) == 0;
        i = end;
    }
    return bb_finish(&b, ok, bytes_from);
}

Object *str_encode(Object *s, const char *encoding, const char *errors)
{
    Codec c;
    if (codec_lookup(encoding, &c) < 0)
        return NULL;
    if (STR_IS_ASCII(s) || (c == CODEC_LATIN1 && STR_KIND(s) == STR_KIND_1))
        return bytes_from(STR_DATA(s), STR_LEN(s));
    CompactStrObject *cs = (CompactStrObject *)s;
    if (c == CODEC_UTF8 && cs->utf8)
        return bytes_from(cs->utf8, cs->utf8_length);
    return encode_slow(s, c, errors);
}

/* ---- decoding ---- */

static bool is_cont(uint8_t b, uint8_t lo, uint8_t hi)
{
    return b >= lo && b <= hi;
}

/* Decodes the UTF-8 character at s[0..n): returns its length in bytes, or
 * minus the length of the maximal invalid subpart with *reason set. */
static int utf8_decode(const uint8_t *s, ssize_t n, uint32_t *ch, const char **reason)
{
    uint8_t b0 = s[0];
    if (b0 < 0x80) {
        *ch = b0;
        return 1;
    }
    int len = b0 < 0xC2 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF5 ? 4 : 0;
    if (!len) {
        *reason = "invalid start byte";
        return -1;
    }
    uint8_t lo = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80;
    uint8_t hi = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF;
    uint32_t c = b0 & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if (i >= n) {
            *reason = "unexpected end of data";
            return -i;
        }
        if (!is_cont(s[i], i == 1 ? lo : 0x80, i == 1 ? hi : 0xBF)) {
            *reason = "invalid continuation byte";
            return -i;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *ch = c;
    return len;
}

/* The surrogate that surrogatepass reads at s[0..n), or 0. */
static uint32_t encoded_surrogate(const uint8_t *s, ssize_t n)
{
    if (n < 3 || s[0] != 0xED || !is_cont(s[1], 0xA0, 0xBF) || !is_cont(s[2], 0x80, 0xBF))
        return 0;
    return 0xD000 | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
}

/* A decoding in progress with an error handler. */
typedef struct {
    Codec codec;
    Handler h;
    const char *hname;
    const char *s;
    ssize_t len;
    ssize_t first_start, first_end;     /* the first error, which CPython */
    const char *first_reason;           /* reports if a later one fails */
} Decoder;

/* Applies the handler to the bad bytes s[start:end]; returns the index to
 * go on from, -1 on error. */
static ssize_t decode_failure(StrBuilder *sb, Decoder *d, ssize_t start, ssize_t end, const char *reason)
{
    const uint8_t *u = (const uint8_t *)d->s;
    uint32_t sur;
    int r = 0;
    if (d->first_start < 0) {
        d->first_start = start;
        d->first_end = end;
        d->first_reason = reason;
    }
    switch (d->h) {
    case EH_IGNORE: return end;
    case EH_REPLACE: return sb_add_char(sb, 0xFFFD) < 0 ? -1 : end;
    case EH_BACKSLASH: case EH_SURROGATEESCAPE:
        for (ssize_t i = start; i < end && r == 0; i++) {
            char tmp[8];
            snprintf(tmp, sizeof tmp, "\\x%02x", u[i]);
            r = d->h == EH_BACKSLASH ? sb_add_cstr(sb, tmp) : sb_add_char(sb, 0xDC00 + u[i]);
        }
        return r < 0 ? -1 : end;
    case EH_SURROGATEPASS:
        if (d->codec == CODEC_UTF8 && (sur = encoded_surrogate(u + start, d->len - start)))
            return sb_add_char(sb, sur) < 0 ? -1 : start + 3;
        break;
    case EH_XMLREF:
        err_format(exc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    case EH_UNKNOWN:
        unknown_handler(d->hname);
        return -1;
    default:
        break;
    }
    decode_error(codec_names[d->codec], d->s, d->len, d->first_start, d->first_end, d->first_reason);
    return -1;
}

/* Decodes with error handling, through a builder. */
static Object *decode_slow(const char *s, ssize_t len, Codec c, const char *errors)
{
    Decoder d = {c, handler_lookup(errors), errors, s, len, -1, -1, NULL};
    StrBuilder sb;
    sb_init(&sb);
    const uint8_t *u = (const uint8_t *)s;
    ssize_t i = 0;
    while (i < len) {
        uint32_t ch = u[i];
        const char *reason = "ordinal not in range(128)";
        int n = c == CODEC_UTF8 ? utf8_decode(u + i, len - i, &ch, &reason) : ch < 128 ? 1 : -1;
        if (n > 0) {
            if (sb_add_char(&sb, ch) < 0)
                goto fail;
            i += n;
        } else if ((i = decode_failure(&sb, &d, i, i - n, reason)) < 0) {
            goto fail;
        }
    }
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

Object *str_decode_utf8(const char *s, ssize_t len, const char *errors)
{
    const uint8_t *u = (const uint8_t *)s;
    ssize_t nchars = 0;
    uint32_t max = 0, ch;
    const char *reason;
    for (ssize_t i = 0; i < len; nchars++) {
        int n = utf8_decode(u + i, len - i, &ch, &reason);
        if (n < 0)
            return decode_slow(s, len, CODEC_UTF8, errors);
        i += n;
        max = ch > max ? ch : max;
    }
    if (max < 128)
        return str_from_kind(STR_KIND_1, s, len);
    if (nchars == 1)
        return str_from_char(max);
    Object *r = str_new(nchars, max);
    if (!r)
        return NULL;
    for (ssize_t i = 0, j = 0; i < len; j++) {
        i += utf8_decode(u + i, len - i, &ch, &reason);
        str_write(r, j, ch);
    }
    return r;
}

Object *str_decode(const char *s, ssize_t len, const char *encoding, const char *errors)
{
    Codec c;
    if (codec_lookup(encoding, &c) < 0)
        return NULL;
    if (c == CODEC_UTF8)
        return str_decode_utf8(s, len, errors);
    if (c == CODEC_LATIN1)
        return str_from_kind(STR_KIND_1, s, len);
    for (ssize_t i = 0; i < len; i++)
        if ((uint8_t)s[i] >= 128)
            return decode_slow(s, len, c, errors);
    return str_from_kind(STR_KIND_1, s, len);
}

/* ---- bytes objects ---- */

typedef struct { VarObject base; hash_t hash; char data[2]; } ByteChar;
#define BYTE_CHAR(c) { {{STR_STATIC_REFCNT, &bytes_type}, 1}, -1, {(char)(c), 0} },
static ByteChar empty_bytes = { {{STR_STATIC_REFCNT, &bytes_type}, 0}, -1, {0, 0} };
static ByteChar byte_chars[256] = { STR_REP256(BYTE_CHAR, 0) };

/* A fresh bytes object of [n] bytes to fill. */
static Object *bytes_alloc(ssize_t n)
{
    if (n < 0 || n > SSIZE_MAX - (ssize_t)offsetof(BytesObject, data) - 1)
        return err_nomemory();
    BytesObject *b = (BytesObject *)obj_alloc(&bytes_type, n);
    if (!b)
        return NULL;
    SIZE(b) = n;
    b->hash = -1;
    b->data[n] = '\0';
    return (Object *)b;
}

Object *bytes_from(const char *s, ssize_t len)
{
    if (len == 0)
        return NEWREF(&empty_bytes);
    if (len == 1)
        return NEWREF(&byte_chars[(uint8_t)s[0]]);
    Object *b = bytes_alloc(len);
    if (b)
        memcpy(BYTES_DATA(b), s, (size_t)len);
    return b;
}

/* A bytes object holding a copy of [len] bytes at [s], never a shared one
 * unless empty. */
static Object *bytes_fresh(const char *s, ssize_t len)
{
    if (len == 0)
        return NEWREF(&empty_bytes);
    Object *b = bytes_alloc(len);
    if (b)
        memcpy(BYTES_DATA(b), s, (size_t)len);
    return b;
}

static void bytes_dealloc(Object *o)
{
    obj_free(o);
}

static Object *bytes_repr(Object *o)
{
    const uint8_t *d = (const uint8_t *)BYTES_DATA(o);
    ssize_t n = SIZE(o);
    bool sq = memchr(d, '\'', (size_t)n) != NULL, dq = memchr(d, '"', (size_t)n) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    StrBuilder sb;
    sb_init(&sb);
    int r = sb_add_char(&sb, 'b') | sb_add_char(&sb, (uint8_t)quote);
    for (ssize_t i = 0; i < n && r == 0; i++) {
        uint8_t c = d[i];
        char tmp[8];
        if (c == (uint8_t)quote || c == '\\')
            snprintf(tmp, sizeof tmp, "\\%c", c);
        else if (c == '\t' || c == '\n' || c == '\r')
            snprintf(tmp, sizeof tmp, "\\%c", c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
        else if (c < 0x20 || c >= 0x7F)
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
        else
            snprintf(tmp, sizeof tmp, "%c", c);
        r = sb_add_cstr(&sb, tmp);
    }
    if (r < 0 || sb_add_char(&sb, (uint8_t)quote) < 0) {
        sb_discard(&sb);
        return NULL;
    }
    return sb_finish(&sb);
}

static hash_t bytes_hash(Object *o)
{
    BytesObject *b = (BytesObject *)o;
    if (b->hash == -1)
        b->hash = str_hash_bytes(b->data, SIZE(b));
    return b->hash;
}

static int bytes_compare(Object *a, Object *b)
{
    ssize_t la = SIZE(a), lb = SIZE(b);
    int c = memcmp(BYTES_DATA(a), BYTES_DATA(b), (size_t)(la < lb ? la : lb));
    if (c)
        return c < 0 ? -1 : 1;
    return la < lb ? -1 : la > lb ? 1 : 0;
}

static Object *bytes_richcompare(Object *a, Object *b, int op)
{
    if (!TYPE_CHECK(b, bytes_type))
        return NEWREF(NotImplemented);
    if ((op == CMP_EQ || op == CMP_NE) && SIZE(a) != SIZE(b))
        return bool_from(op == CMP_NE);
    int c = bytes_compare(a, b);
    bool r = op == CMP_LT ? c < 0 : op == CMP_LE ? c <= 0 : op == CMP_EQ ? c == 0
           : op == CMP_NE ? c != 0 : op == CMP_GT ? c > 0 : c >= 0;
    return bool_from(r);
}

static Object *bytes_concat(Object *a, Object *b)
{
    if (!TYPE_CHECK(a, bytes_type))
        return NEWREF(NotImplemented);
    if (!TYPE_CHECK(b, bytes_type)) {
        Object *r = str_try_other(a, b, BINOP_ADD);
        if (r != NotImplemented)
            return r;
        DECREF(r);
        return err_format(exc_TypeError, "can't concat %T to bytes", b);
    }
    if (SIZE(b) == 0 && IS_TYPE(a, bytes_type))
        return NEWREF(a);
    if (SIZE(a) == 0 && IS_TYPE(b, bytes_type))
        return NEWREF(b);
    if (SIZE(a) > SSIZE_MAX - SIZE(b))
        return err_nomemory();
    Object *r = bytes_alloc(SIZE(a) + SIZE(b));
    if (!r)
        return NULL;
    memcpy(BYTES_DATA(r), BYTES_DATA(a), (size_t)SIZE(a));
    memcpy(BYTES_DATA(r) + SIZE(a), BYTES_DATA(b), (size_t)SIZE(b));
    return r;
}

static Object *bytes_repeat(Object *o, ssize_t n)
{
    ssize_t len = SIZE(o);
    if (n <= 0 || len == 0)
        return bytes_from("", 0);
    if (n == 1 && IS_TYPE(o, bytes_type))
        return NEWREF(o);
    if (len > SSIZE_MAX / n)
        return err_nomemory();
    Object *r = len * n == 1 ? bytes_from(BYTES_DATA(o), 1) : bytes_alloc(len * n);
    for (ssize_t i = 0; r && len * n > 1 && i < n; i++)
        memcpy(BYTES_DATA(r) + i * len, BYTES_DATA(o), (size_t)len);
    return r;
}

static Object *bytes_mul(Object *a, Object *b)
{
    return str_seq_mul(a, b, &bytes_type, bytes_repeat);
}

static ssize_t bytes_len(Object *o)
{
    return SIZE(o);
}

/* Reads a byte value argument (0..255); -1 with an error. */
static int byte_value(Object *o)
{
    ssize_t v = num_as_ssize(o, exc_OverflowError);
    if (v == -1 && err_occurred())
        return -1;
    if (v < 0 || v > 255) {
        err_format(exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)v;
}

/* Index of the first (dir > 0) or last occurrence of [sub] ([m] bytes) in
 * d[start:end], or -1. */
static ssize_t find_bytes(const char *d, ssize_t start, ssize_t end,
                          const char *sub, ssize_t m, int dir)
{
    if (end - start < m)
        return -1;
    if (dir > 0) {
        const char *p = memmem(d + start, (size_t)(end - start), sub, (size_t)m);
        return p ? p - d : -1;
    }
    for (ssize_t i = end - m; i >= start; i--)
        if (memcmp(d + i, sub, (size_t)m) == 0)
            return i;
    return -1;
}

static int bytes_contains(Object *o, Object *x)
{
    if (TYPE(x)->nb_index) {
        int v = byte_value(x);
        if (v < 0)
            return -1;
        return memchr(BYTES_DATA(o), v, (size_t)SIZE(o)) != NULL;
    }
    if (!TYPE_CHECK(x, bytes_type)) {
        err_format(exc_TypeError, "a bytes-like object is required, not '%T'", x);
        return -1;
    }
    return find_bytes(BYTES_DATA(o), 0, SIZE(o), BYTES_DATA(x), SIZE(x), 1) >= 0;
}

static Object *bytes_getitem(Object *o, Object *key)
{
    if (TYPE(key)->nb_index) {
        ssize_t i = num_as_ssize(key, exc_IndexError);
        if (i == -1 && err_occurred())
            return NULL;
        if (i < 0)
            i += SIZE(o);
        if (i < 0 || i >= SIZE(o))
            return err_format(exc_IndexError, "index out of range");
        return int_from_long((uint8_t)BYTES_DATA(o)[i]);
    }
    if (!IS_TYPE(key, slice_type))
        return err_format(exc_TypeError, "byte indices must be integers or slices, not %T", key);
    ssize_t start, stop, step, count;
    if (slice_unpack(key, SIZE(o), &start, &stop, &step, &count) < 0)
        return NULL;
    if (step == 1)
        return count == SIZE(o) && IS_TYPE(o, bytes_type) ? NEWREF(o)
             : bytes_from(BYTES_DATA(o) + start, count);
    Object *r = count ? bytes_alloc(count) : bytes_from("", 0);
    for (ssize_t i = 0; r && i < count; i++)
        BYTES_DATA(r)[i] = BYTES_DATA(o)[start + i * step];
    return r;
}

/* ---- the constructor ---- */

/* bytes(iterable of ints). */
static Object *bytes_from_iterable(Object *x)
{
    Object *it = obj_iter(x), *item;
    if (!it) {
        if (err_matches(exc_TypeError)) {
            err_clear();
            err_format(exc_TypeError, "cannot convert '%T' object to bytes", x);
        }
        return NULL;
    }
    ByteBuf b = {NULL, 0, 0};
    bool ok = true;
    while (ok && (item = obj_next(it))) {
        ssize_t v = num_as_ssize(item, exc_OverflowError);
        DECREF(item);
        if (v == -1 && err_occurred()) {
            ok = false;
        } else if (v < 0 || v > 255) {
            err_format(exc_ValueError, "bytes must be in range(0, 256)");
            ok = false;
        } else {
            ok = bb_put(&b, (char[]){(char)v}, 1) == 0;
        }
    }
    DECREF(it);
    /* CPython shares a one-byte result, except when made from a tuple */
    return bb_finish(&b, ok && !err_occurred(), IS_TYPE(x, tuple_type) ? bytes_fresh : bytes_from);
}

/* The result of x.__bytes__(), or NULL without error if x has none. */
static Object *call_dunder_bytes(Object *x)
{
    Object *name = str_intern_cstr("__bytes__");
    if (!name)
        return NULL;
    Object *meth = type_lookup(TYPE(x), name);
    DECREF(name);
    if (!meth)
        return NULL;
    Object *r = obj_call_method(x, "__bytes__", NULL, 0);
    if (r && !TYPE_CHECK(r, bytes_type)) {
        err_format(exc_TypeError, "__bytes__ returned non-bytes (type %T)", r);
        CLEAR(r);
    }
    return r;
}

static Object *make_bytes(Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"source", "encoding", "errors", NULL};
    Object *a[3];
    if (args_parse("bytes", args, nargs, kwnames, kwlist, 0, 3, a) < 0)
        return NULL;
    Object *x = a[0];
    const char *names[2] = {NULL, NULL};
    for (int i = 0; i < 2; i++) {
        if (!a[i + 1])
            continue;
        if (!TYPE_CHECK(a[i + 1], str_type))
            return err_format(exc_TypeError, "bytes() argument '%s' must be str, not %T",
                              kwlist[i + 1], a[i + 1]);
        if (!x || !TYPE_CHECK(x, str_type))
            return err_format(exc_TypeError, "%s without a string argument", kwlist[i + 1]);
        if (!(names[i] = str_as_utf8(a[i + 1], NULL)))
            return NULL;
    }
    if (!x)
        return bytes_from("", 0);
    if (IS_TYPE(x, bytes_type))
        return NEWREF(x);
    if (a[1] || a[2])
        return str_encode(x, names[0], names[1]);
    Object *r = call_dunder_bytes(x);
    if (r || err_occurred())
        return r;
    if (TYPE_CHECK(x, str_type))
        return err_format(exc_TypeError, "string argument without an encoding");
    if (TYPE(x)->nb_index) {
        ssize_t n = num_as_ssize(x, exc_OverflowError);
        if (n == -1 && err_occurred())
            return NULL;
        if (n < 0)
            return err_format(exc_ValueError, "negative count");
        r = n ? bytes_alloc(n) : bytes_from("", 0);
        if (r)
            memset(BYTES_DATA(r), 0, (size_t)n);
        return r;
    }
    if (TYPE_CHECK(x, bytes_type))
        return bytes_from(BYTES_DATA(x), SIZE(x));
    return bytes_from_iterable(x);
}

static Object *bytes_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *b = make_bytes(args, nargs, kwnames);
    if (!b || type == &bytes_type)
        return b;
    Object *o = obj_alloc(type, SIZE(b));
    if (o) {
        memcpy((char *)o + sizeof(Object), (char *)b + sizeof(Object),
               offsetof(BytesObject, data) - sizeof(Object) + (size_t)SIZE(b) + 1);
        if (type->flags & TPFLAG_HAVE_GC)
            gc_track(o);
    }
    DECREF(b);
    return o;
}

/* ---- methods ---- */

/* Reads a bytes argument of a method. */
static int bytes_arg(Object *o, const char **p, ssize_t *n)
{
    if (!TYPE_CHECK(o, bytes_type)) {
        err_format(exc_TypeError, "a bytes-like object is required, not '%T'", o);
        return -1;
    }
    *p = BYTES_DATA(o);
    *n = SIZE(o);
    return 0;
}

/* Reads the [sub] of find()/count(): bytes or an int in range(256). */
static int sub_arg(Object *o, const char **p, ssize_t *n, char *one)
{
    if (TYPE(o)->nb_index) {
        int v = byte_value(o);
        if (v < 0)
            return -1;
        *one = (char)v;
        *p = one;
        *n = 1;
        return 0;
    }
    if (!TYPE_CHECK(o, bytes_type)) {
        err_format(exc_TypeError, "argument should be integer or bytes-like object, not '%T'", o);
        return -1;
    }
    *p = BYTES_DATA(o);
    *n = SIZE(o);
    return 0;
}

/* Parses (sub[, start[, end]]) and searches; returns the index or -1, or
 * -2 on error.  *count receives the number of matches when asked. */
static ssize_t bytes_search(const char *name, Object *self, Object *const *args,
                            ssize_t nargs, Object *kwnames, int dir, ssize_t *count)
{
    Object *a[3] = {NULL, NULL, NULL};
    const char *sub;
    ssize_t m, start = 0, end = SIZE(self);
    char one;
    if (str_args("bytes", name, true, args, nargs, kwnames, 1, 3, a) < 0 || sub_arg(a[0], &sub, &m, &one) < 0 ||
        str_index_arg(a[1], &start) < 0 || str_index_arg(a[2], &end) < 0)
        return -2;
    str_clip(&start, &end, SIZE(self));
    const char *d = BYTES_DATA(self);
    if (count) {
        *count = 0;
        if (end - start < m)
            return 0;
        if (m == 0) {
            *count = end - start + 1;
            return 0;
        }
        for (ssize_t i; (i = find_bytes(d, start, end, sub, m, 1)) >= 0; start = i + m)
            ++*count;
        return 0;
    }
    return find_bytes(d, start, end, sub, m, dir);
}

static Object *search_result(ssize_t i, bool raise)
{
    if (i == -2)
        return NULL;
    if (i == -1 && raise)
        return err_format(exc_ValueError, "subsection not found");
    return int_from_ssize(i);
}

static Object *bytes_find(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return search_result(bytes_search("find", self, args, nargs, kw, 1, NULL), false);
}

static Object *bytes_rfind(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return search_result(bytes_search("rfind", self, args, nargs, kw, -1, NULL), false);
}

static Object *bytes_index(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return search_result(bytes_search("index", self, args, nargs, kw, 1, NULL), true);
}

static Object *bytes_rindex(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return search_result(bytes_search("rindex", self, args, nargs, kw, -1, NULL), true);
}

static Object *bytes_count(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    ssize_t n;
    if (bytes_search("count", self, args, nargs, kw, 1, &n) == -2)
        return NULL;
    return int_from_ssize(n);
}

/* startswith / endswith ([end] set for endswith). */
static Object *bytes_affix(const char *name, bool at_end, Object *self, Object *const *args,
                           ssize_t nargs, Object *kwnames)
{
    Object *a[3] = {NULL, NULL, NULL};
    ssize_t start = 0, end = SIZE(self);
    if (str_args("bytes", name, true, args, nargs, kwnames, 1, 3, a) < 0 ||
        str_index_arg(a[1], &start) < 0 || str_index_arg(a[2], &end) < 0)
        return NULL;
    str_clip(&start, &end, SIZE(self));
    bool tuple = TYPE_CHECK(a[0], tuple_type);
    ssize_t n = tuple ? SIZE(a[0]) : 1;
    for (ssize_t i = 0; i < n; i++) {
        Object *p = tuple ? TUPLE_GET(a[0], i) : a[0];
        if (!TYPE_CHECK(p, bytes_type)) {
            if (tuple)
                return err_format(exc_TypeError, "a bytes-like object is required, not '%T'", p);
            return err_format(exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %T",
                              name, p);
        }
        ssize_t m = SIZE(p), at = at_end ? end - m : start;
        if (end - start >= m && memcmp(BYTES_DATA(self) + at, BYTES_DATA(p), (size_t)m) == 0)
            return bool_from(1);
    }
    return bool_from(0);
}

static Object *bytes_startswith(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_affix("startswith", false, self, args, nargs, kw);
}

static Object *bytes_endswith(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_affix("endswith", true, self, args, nargs, kw);
}

static Object *bytes_decode(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    Object *a[2];
    const char *names[2] = {NULL, NULL};
    if (args_parse("decode", args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    for (int i = 0; i < 2; i++) {
        if (a[i] && !TYPE_CHECK(a[i], str_type))
            return err_format(exc_TypeError, "decode() argument '%s' must be str, not %T",
                              kwlist[i], a[i]);
        if (a[i] && !(names[i] = str_as_utf8(a[i], NULL)))
            return NULL;
    }
    return str_decode(BYTES_DATA(self), SIZE(self), names[0], names[1]);
}

static Object *bytes_hex(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"sep", "bytes_per_sep", NULL};
    Object *a[2];
    if (args_parse("hex", args, nargs, kwnames, kwlist, 0, 2, a) < 0)
        return NULL;
    uint32_t sep = 0;
    ssize_t per = 1;
    if (a[0]) {
        bool is_str = TYPE_CHECK(a[0], str_type);
        if (!is_str && !TYPE_CHECK(a[0], bytes_type))
            return err_format(exc_TypeError, "object of type '%T' has no len()", a[0]);
        if ((is_str ? STR_LEN(a[0]) : SIZE(a[0])) != 1)
            return err_format(exc_ValueError, "sep must be length 1.");
        sep = is_str ? str_read(a[0], 0) : (uint8_t)BYTES_DATA(a[0])[0];
        if (sep > 127)
            return err_format(exc_ValueError, "sep must be ASCII.");
    }
    if (a[1] && (per = num_as_ssize(a[1], exc_OverflowError)) == -1 && err_occurred())
        return NULL;
    ssize_t n = SIZE(self), group = per < 0 ? -per : per;
    StrBuilder sb;
    sb_init(&sb);
    for (ssize_t i = 0; i < n; i++) {
        uint8_t c = (uint8_t)BYTES_DATA(self)[i];
        ssize_t from_edge = per < 0 ? i : n - i;
        if (sep && group && i > 0 && from_edge % group == 0 && sb_add_char(&sb, sep) < 0)
            goto fail;
        char tmp[3];
        snprintf(tmp, sizeof tmp, "%02x", c);
        if (sb_add_utf8(&sb, tmp, 2) < 0)
            goto fail;
    }
    return sb_finish(&sb);
fail:
    sb_discard(&sb);
    return NULL;
}

static int hex_value(uint32_t c)
{
    return c >= '0' && c <= '9' ? (int)(c - '0') : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
         : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10) : -1;
}

static Object *bytes_fromhex(Object *cls, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *s;
    (void)cls;
    if (str_args("bytes", "fromhex", false, args, nargs, kwnames, 1, 1, &s) < 0)
        return NULL;
    if (!TYPE_CHECK(s, str_type))
        return err_format(exc_TypeError, "fromhex() argument must be str, not %T", s);
    ByteBuf b = {NULL, 0, 0};
    ssize_t n = STR_LEN(s);
    for (ssize_t i = 0; i < n;) {
        if (str_read(s, i) == ' ') {
            i++;
            continue;
        }
        int hi = hex_value(str_read(s, i)), lo = i + 1 < n ? hex_value(str_read(s, i + 1)) : -1;
        if (hi < 0 || lo < 0) {
            err_format(exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd",
                       hi < 0 ? i : i + 1);
            return bb_finish(&b, false, bytes_from);
        }
        if (bb_put(&b, (char[]){(char)(hi * 16 + lo)}, 1) < 0)
            return bb_finish(&b, false, bytes_from);
        i += 2;
    }
    return bb_finish(&b, true, bytes_from);
}

static Object *bytes_join(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *iterable, *it, *item;
    if (str_args("bytes", "join", false, args, nargs, kwnames, 1, 1, &iterable) < 0)
        return NULL;
    if (!(it = obj_iter(iterable))) {
        if (err_matches(exc_TypeError)) {
            err_clear();
            err_format(exc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    ByteBuf b = {NULL, 0, 0};
    Object *first = NULL;
    bool ok = true;
    ssize_t i = 0;
    for (; ok && (item = obj_next(it)); i++) {
        if (!TYPE_CHECK(item, bytes_type)) {
            err_format(exc_TypeError, "sequence item %zd: expected a bytes-like object, %T found", i, item);
            ok = false;
        } else {
            ok = (i == 0 || bb_put(&b, BYTES_DATA(self), SIZE(self)) == 0) &&
                 bb_put(&b, BYTES_DATA(item), SIZE(item)) == 0;
        }
        if (i == 0)
            first = NEWREF(item);
        DECREF(item);
    }
    DECREF(it);
    ok = ok && !err_occurred();
    if (ok && i == 1 && IS_TYPE(first, bytes_type)) {
        mem_free(b.buf);        /* one exact bytes: itself, as CPython */
        return first;
    }
    XDECREF(first);
    return bb_finish(&b, ok, bytes_fresh);
}

static bool is_bytes_space(uint8_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* strip / lstrip / rstrip: [which] bit 1 strips the left, bit 2 the right. */
static Object *bytes_strip_impl(const char *name, int which, Object *self, Object *const *args,
                                ssize_t nargs, Object *kwnames)
{
    Object *chars = NULL;
    const char *set = NULL;
    ssize_t nset = 0;
    if (str_args("bytes", name, false, args, nargs, kwnames, 0, 1, &chars) < 0)
        return NULL;
    if (chars && chars != None && bytes_arg(chars, &set, &nset) < 0)
        return NULL;
    const uint8_t *d = (const uint8_t *)BYTES_DATA(self);
    ssize_t lo = 0, hi = SIZE(self);
#define STRIPPED(c) (set ? memchr(set, (c), (size_t)nset) != NULL : is_bytes_space(c))
    while ((which & 1) && lo < hi && STRIPPED(d[lo]))
        lo++;
    while ((which & 2) && hi > lo && STRIPPED(d[hi - 1]))
        hi--;
#undef STRIPPED
    if (lo == 0 && hi == SIZE(self) && IS_TYPE(self, bytes_type))
        return NEWREF(self);
    return bytes_from((const char *)d + lo, hi - lo);
}

static Object *bytes_strip(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_strip_impl("strip", 3, self, args, nargs, kw);
}

static Object *bytes_lstrip(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_strip_impl("lstrip", 1, self, args, nargs, kw);
}

static Object *bytes_rstrip(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_strip_impl("rstrip", 2, self, args, nargs, kw);
}

/* Appends self[lo:hi] to [list] (self itself when that is all of it). */
static int add_piece(Object *list, Object *self, ssize_t lo, ssize_t hi)
{
    bool whole = lo == 0 && hi == SIZE(self) && IS_TYPE(self, bytes_type);
    Object *p = whole ? NEWREF(self) : bytes_from(BYTES_DATA(self) + lo, hi - lo);
    if (!p)
        return -1;
    int r = list_append(list, p);
    DECREF(p);
    return r;
}

static Object *bytes_split(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    Object *a[2];
    const char *sep = NULL;
    ssize_t m = 0, max = -1, n = SIZE(self), i = 0;
    if (args_parse("split", args, nargs, kwnames, kwlist, 0, 2, a) < 0 ||
        (a[0] && a[0] != None && bytes_arg(a[0], &sep, &m) < 0) ||
        (a[1] && (max = num_as_ssize(a[1], exc_OverflowError)) == -1 && err_occurred()))
        return NULL;
    if (sep && m == 0)
        return err_format(exc_ValueError, "empty separator");
    Object *list = list_new(0);
    const char *d = BYTES_DATA(self);
    if (!list)
        return NULL;
    if (max < 0)
        max = SSIZE_MAX;
    while (sep) {
        ssize_t j = max-- > 0 ? find_bytes(d, i, n, sep, m, 1) : -1;
        if (add_piece(list, self, i, j < 0 ? n : j) < 0)
            goto fail;
        if (j < 0)
            return list;
        i = j + m;
    }
    for (;;) {
        while (i < n && is_bytes_space((uint8_t)d[i]))
            i++;
        if (i == n)
            return list;
        ssize_t j = i;
        if (max-- <= 0)
            j = n;
        while (j < n && !is_bytes_space((uint8_t)d[j]))
            j++;
        if (add_piece(list, self, i, j) < 0)
            goto fail;
        i = j;
    }
fail:
    DECREF(list);
    return NULL;
}

static Object *bytes_replace(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[3] = {NULL, NULL, NULL};
    const char *old, *new_, *d = BYTES_DATA(self);
    ssize_t lo, ln, count = -1, n = SIZE(self), i = 0;
    if (str_args("bytes", "replace", false, args, nargs, kwnames, 2, 3, a) < 0 ||
        bytes_arg(a[0], &old, &lo) < 0 || bytes_arg(a[1], &new_, &ln) < 0 ||
        (a[2] && (count = num_as_ssize(a[2], exc_OverflowError)) == -1 && err_occurred()))
        return NULL;
    if (count < 0)
        count = SSIZE_MAX;
    if (count == 0 || (lo == 0 && ln == 0) || (lo && find_bytes(d, 0, n, old, lo, 1) < 0))
        return IS_TYPE(self, bytes_type) ? NEWREF(self) : bytes_from(d, n);
    ByteBuf b = {NULL, 0, 0};
    bool ok = true;
    for (; ok && count > 0 && i <= n; count--) {
        ssize_t j = lo ? find_bytes(d, i, n, old, lo, 1) : i;
        if (j < 0)
            break;
        ok = bb_put(&b, d + i, j - i) == 0 && bb_put(&b, new_, ln) == 0;
        if (!lo && ok && j < n)
            ok = bb_put(&b, d + j, 1) == 0;
        i = lo ? j + lo : j + 1;
    }
    if (ok && i < n)
        ok = bb_put(&b, d + i, n - i) == 0;
    return bb_finish(&b, ok, bytes_fresh);
}

/* upper() / lower(): ASCII letters only. */
static Object *bytes_case(Object *self, Object *const *args, ssize_t nargs, Object *kwnames, bool up)
{
    if (str_args("bytes", up ? "upper" : "lower", false, args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    ssize_t n = SIZE(self);
    Object *r = n ? bytes_alloc(n) : bytes_from("", 0);
    for (ssize_t i = 0; r && i < n; i++) {
        unsigned char c = (unsigned char)BYTES_DATA(self)[i];
        BYTES_DATA(r)[i] = (char)(up ? toupper(c) : tolower(c));
    }
    return r;
}

static Object *bytes_upper(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_case(self, args, nargs, kw, true);
}

static Object *bytes_lower(Object *self, Object *const *args, ssize_t nargs, Object *kw)
{
    return bytes_case(self, args, nargs, kw, false);
}

/* isdigit() and friends: true when not empty and every byte passes. */
static Object *bytes_all(Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                         const char *name, int (*pred)(int))
{
    if (str_args("bytes", name, false, args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    ssize_t n = SIZE(self);
    for (ssize_t i = 0; i < n; i++)
        if (!pred((unsigned char)BYTES_DATA(self)[i]))
            return bool_from(0);
    return bool_from(n > 0);
}

static int c_isdigit(int c) { return c >= '0' && c <= '9'; }
static int c_isalpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int c_isalnum(int c) { return c_isdigit(c) || c_isalpha(c); }
static int c_isspace(int c) { return is_bytes_space((uint8_t)c); }

static Object *bytes_isdigit(Object *s, Object *const *a, ssize_t n, Object *k)
{
    return bytes_all(s, a, n, k, "isdigit", c_isdigit);
}

static Object *bytes_isalpha(Object *s, Object *const *a, ssize_t n, Object *k)
{
    return bytes_all(s, a, n, k, "isalpha", c_isalpha);
}

static Object *bytes_isalnum(Object *s, Object *const *a, ssize_t n, Object *k)
{
    return bytes_all(s, a, n, k, "isalnum", c_isalnum);
}

static Object *bytes_isspace(Object *s, Object *const *a, ssize_t n, Object *k)
{
    return bytes_all(s, a, n, k, "isspace", c_isspace);
}

static const MethodDef bytes_methods[] = {
    {"decode", bytes_decode, 0, "Decode the bytes using the codec registered for encoding."},
    {"hex", bytes_hex, 0, "Create a string of hexadecimal numbers from a bytes object."},
    {"fromhex", bytes_fromhex, METH_CLASS, "Create a bytes object from a string of hexadecimal numbers."},
    {"join", bytes_join, 0, "Concatenate any number of bytes objects."},
    {"startswith", bytes_startswith, 0, "Return True if the bytes starts with the specified prefix, False otherwise."},
    {"endswith", bytes_endswith, 0, "Return True if the bytes ends with the specified suffix, False otherwise."},
    {"find", bytes_find, 0, "Return the lowest index in B where subsection sub is found."},
    {"rfind", bytes_rfind, 0, "Return the highest index in B where subsection sub is found."},
    {"index", bytes_index, 0, "Like find, but raise ValueError when the subsection is not found."},
    {"rindex", bytes_rindex, 0, "Like rfind, but raise ValueError when the subsection is not found."},
    {"count", bytes_count, 0, "Return the number of non-overlapping occurrences of subsection sub."},
    {"split", bytes_split, 0, "Return a list of the sections in the bytes, using sep as the delimiter."},
    {"strip", bytes_strip, 0, "Strip leading and trailing bytes contained in the argument."},
    {"lstrip", bytes_lstrip, 0, "Strip leading bytes contained in the argument."},
    {"rstrip", bytes_rstrip, 0, "Strip trailing bytes contained in the argument."},
    {"replace", bytes_replace, 0, "Return a copy with all occurrences of substring old replaced by new."},
    {"upper", bytes_upper, 0, "B.upper() -> copy of B with all ASCII characters converted to uppercase."},
    {"lower", bytes_lower, 0, "B.lower() -> copy of B with all ASCII characters converted to lowercase."},
    {"isdigit", bytes_isdigit, 0, "B.isdigit() -> bool"},
    {"isalpha", bytes_isalpha, 0, "B.isalpha() -> bool"},
    {"isalnum", bytes_isalnum, 0, "B.isalnum() -> bool"},
    {"isspace", bytes_isspace, 0, "B.isspace() -> bool"},
    {NULL, NULL, 0, NULL}
};

/* ---- the iterator ---- */

static Object *bytes_iter(Object *o)
{
    return iter_index_new(&bytes_iter_type, o, 0);
}

static Object *bytes_iter_next(Object *o)
{
    StrIterObject *it = (StrIterObject *)o;
    if (!it->seq)
        return NULL;
    if (it->index < SIZE(it->seq))
        return int_from_long((uint8_t)BYTES_DATA(it->seq)[it->index++]);
    CLEAR(it->seq);
    return NULL;
}

Type bytes_iter_type = {
    .base = {{1, &type_type}, 0}, .name = "bytes_iterator",
    .basicsize = sizeof(StrIterObject), .flags = TPFLAG_HAVE_GC,
    .dealloc = iter_index_dealloc, .iter = iter_self, .iternext = bytes_iter_next,
    .traverse = iter_index_traverse, .clear = str_iter_clear, .methods = str_iter_methods,
};

Type bytes_type = {
    .base = {{1, &type_type}, 0},
    .name = "bytes",
    .basicsize = offsetof(BytesObject, data) + 1,
    .itemsize = 1,
    .flags = TPFLAG_BASETYPE | TPFLAG_BYTES_SUBCLASS | TPFLAG_TUPLE_CALL,
    .dealloc = bytes_dealloc,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .nb = { [BINOP_ADD] = bytes_concat, [BINOP_MULTIPLY] = bytes_mul },
    .len = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .methods = bytes_methods,
    .new_ = bytes_new_slot,
};
