/* str.c — str objects: the compact PEP 393 layout, the shared empty and
 * one-character strings, hashing (SipHash-1-3), comparison, the cached UTF-8
 * copy, interning, the StrBuilder, and the str type with its slots and
 * iterators.
 *
 * Invariant: every string is stored in the narrowest kind that holds its
 * widest character (ASCII, latin-1, UCS-2, UCS-4), as CPython does, so two
 * equal strings always have the same kind and bytes.  Results of one
 * latin-1 character are the shared singletons.
 *
 * Methods live in str_methods.c, str.format and % in str_format.c, codecs
 * and the bytes type in bytes.c.
 */
#include <string.h>
#include <limits.h>
#include "str.h"
#include "errors.h"
#include "args.h"
#include "int.h"
#include "range.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

/* ---- the static strings: "" and the 256 latin-1 characters ---- */

typedef struct { StrObject h; uint8_t data[2]; } AsciiChar;
typedef struct { CompactStrObject h; uint8_t data[2]; } Latin1Char;

#define ASCII_CHAR(c) { { {STR_STATIC_REFCNT, &str_type}, 1, -1, \
    {0, STR_KIND_1, 1, 1, 1}, NULL }, {(c), 0} },
#define LATIN1_CHAR(c) { { { {STR_STATIC_REFCNT, &str_type}, 1, -1, \
    {0, STR_KIND_1, 1, 0, 1}, NULL }, 0, NULL, 0 }, {(c), 0} },

static AsciiChar empty_str = { { {STR_STATIC_REFCNT, &str_type}, 0, -1,
    {0, STR_KIND_1, 1, 1, 1}, NULL }, {0, 0} };
static AsciiChar ascii_chars[128] = { STR_REP128(ASCII_CHAR, 0) };
static Latin1Char latin1_chars[128] = { STR_REP128(LATIN1_CHAR, 128) };

/* A new reference to the shared empty string. */
Object *str_empty(void)
{
    return NEWREF(&empty_str);
}

/* One-character string; the latin-1 ones are shared. */
Object *str_from_char(uint32_t ch)
{
    if (ch < 128)
        return NEWREF(&ascii_chars[ch]);
    if (ch < 256)
        return NEWREF(&latin1_chars[ch - 128]);
    Object *s = str_new(1, ch);
    if (s)
        str_write(s, 0, ch);
    return s;
}

/* Replaces a fresh string of one latin-1 character by the shared one. */
static Object *share_char(Object *s)
{
    if (STR_LEN(s) != 1 || STR_KIND(s) != STR_KIND_1)
        return s;
    Object *c = str_from_char(str_read(s, 0));
    DECREF(s);
    return c;
}

/* ---- allocation and raw access ---- */

static int kind_for(uint32_t maxchar)
{
    return maxchar < 256 ? STR_KIND_1 : maxchar < 65536 ? STR_KIND_2 : STR_KIND_4;
}

Object *str_new(ssize_t len, uint32_t maxchar)
{
    if (len == 0)
        return str_empty();
    int kind = kind_for(maxchar);
    bool ascii = maxchar < 128;
    ssize_t header = ascii ? (ssize_t)sizeof(StrObject) : (ssize_t)sizeof(CompactStrObject);
    if (len < 0 || len > (SSIZE_MAX - header) / kind - 1)
        return err_nomemory();
    ssize_t extra = header - (ssize_t)sizeof(StrObject) + (len + 1) * kind;
    StrObject *s = (StrObject *)obj_alloc(&str_type, extra);
    if (!s)
        return NULL;
    s->length = len;
    s->hash = -1;
    s->state.interned = 0;
    s->state.kind = kind;
    s->state.compact = 1;
    s->state.ascii = ascii;
    s->state.ready = 1;
    s->wstr = NULL;
    if (!ascii) {
        CompactStrObject *c = (CompactStrObject *)s;
        c->utf8_length = 0;
        c->utf8 = NULL;
        c->wstr_length = 0;
    }
    memset((char *)STR_DATA(s) + len * kind, 0, kind);
    return (Object *)s;
}

void str_write(Object *s, ssize_t i, uint32_t ch)
{
    void *d = STR_DATA(s);
    switch (STR_KIND(s)) {
    case STR_KIND_1: ((uint8_t *)d)[i] = (uint8_t)ch; break;
    case STR_KIND_2: ((uint16_t *)d)[i] = (uint16_t)ch; break;
    default: ((uint32_t *)d)[i] = ch; break;
    }
}

static uint32_t read_kind(int kind, const void *d, ssize_t i)
{
    switch (kind) {
    case STR_KIND_1: return ((const uint8_t *)d)[i];
    case STR_KIND_2: return ((const uint16_t *)d)[i];
    default: return ((const uint32_t *)d)[i];
    }
}

/* The widest of [n] characters of [kind] at [d], or one as wide as it as
 * far as the narrowest kind is concerned (the scan stops once that kind is
 * known). */
static uint32_t data_maxchar(int kind, const void *d, ssize_t n)
{
    uint32_t max = 0;
    for (ssize_t i = 0; i < n; i++) {
        uint32_t ch = read_kind(kind, d, i);
        if (ch > max) {
            max = ch;
            if (max >= 0x10000 || (kind == STR_KIND_2 && max >= 256) ||
                (kind == STR_KIND_1 && max >= 128))
                break;
        }
    }
    return max;
}

uint32_t str_maxchar(Object *s)
{
    if (STR_IS_ASCII(s))
        return 127;
    switch (STR_KIND(s)) {
    case STR_KIND_1: return 255;
    case STR_KIND_2: return 65535;
    default: return 0x10FFFF;
    }
}

/* str_copy_data between different kinds: character by character. */
void str_copy_converting(Object *dst, ssize_t at, int kind, const void *src, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++)
        str_write(dst, at + i, read_kind(kind, src, i));
}

/* Narrowest str of the [len] characters of [kind] at [data]; with [share]
 * a single latin-1 character is the shared string. */
static Object *from_kind(int kind, const void *data, ssize_t len, bool share)
{
    if (len == 0)
        return str_empty();
    uint32_t max = data_maxchar(kind, data, len);
    if (len == 1 && share)
        return str_from_char(max);
    Object *s = str_new(len, max);
    if (s)
        str_copy_data(s, 0, kind, data, len);
    return s;
}

Object *str_from_kind(int kind, const void *data, ssize_t len)
{
    return from_kind(kind, data, len, true);
}

Object *str_from_kind_fresh(int kind, const void *data, ssize_t len)
{
    return from_kind(kind, data, len, false);
}

Object *str_substr(Object *s, ssize_t start, ssize_t end)
{
    if (start < 0)
        start = 0;
    if (end > STR_LEN(s))
        end = STR_LEN(s);
    if (start >= end)
        return str_empty();
    if (start == 0 && end == STR_LEN(s) && IS_TYPE(s, str_type))
        return NEWREF(s);
    int k = STR_KIND(s);
    return str_from_kind(k, (char *)STR_DATA(s) + start * k, end - start);
}

Object *str_from_cstr(const char *s)
{
    return str_from_utf8(s, (ssize_t)strlen(s));
}

Object *str_from_utf8(const char *s, ssize_t len)
{
    ssize_t i = 0;
    while (i < len && (uint8_t)s[i] < 128)
        i++;
    if (i < len)
        return str_decode_utf8(s, len, NULL);
    if (len <= 1)
        return len ? str_from_char((uint8_t)s[0]) : str_empty();
    Object *r = str_new(len, 127);
    if (r)
        memcpy(STR_DATA(r), s, (size_t)len);
    return r;
}

/* ---- UTF-8 out ---- */

int str_utf8_put(char *out, uint32_t ch)
{
    uint8_t *o = (uint8_t *)out;
    if (ch < 0x80) {
        o[0] = (uint8_t)ch;
        return 1;
    }
    if (ch < 0x800) {
        o[0] = (uint8_t)(0xC0 | (ch >> 6));
        o[1] = (uint8_t)(0x80 | (ch & 0x3F));
        return 2;
    }
    if (ch < 0x10000) {
        o[0] = (uint8_t)(0xE0 | (ch >> 12));
        o[1] = (uint8_t)(0x80 | ((ch >> 6) & 0x3F));
        o[2] = (uint8_t)(0x80 | (ch & 0x3F));
        return 3;
    }
    o[0] = (uint8_t)(0xF0 | (ch >> 18));
    o[1] = (uint8_t)(0x80 | ((ch >> 12) & 0x3F));
    o[2] = (uint8_t)(0x80 | ((ch >> 6) & 0x3F));
    o[3] = (uint8_t)(0x80 | (ch & 0x3F));
    return 4;
}

/* Decodes one character of UTF-8 that is known to be well formed
 * (surrogates allowed); advances *p. */
static uint32_t utf8_next(const uint8_t **p)
{
    const uint8_t *s = *p;
    uint32_t ch = s[0];
    int n = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
    if (n > 1)
        ch &= 0x3F >> (n - 1);
    for (int i = 1; i < n; i++)
        ch = (ch << 6) | (s[i] & 0x3F);
    *p = s + n;
    return ch;
}

static bool is_surrogate(uint32_t ch)
{
    return ch >= 0xD800 && ch <= 0xDFFF;
}

/* Fills the UTF-8 cache of a non-ASCII string; -1 with UnicodeEncodeError
 * on a lone surrogate. */
static int fill_utf8_cache(Object *s)
{
    CompactStrObject *c = (CompactStrObject *)s;
    ssize_t n = STR_LEN(s), size = 0;
    for (ssize_t i = 0; i < n; i++) {
        uint32_t ch = str_read(s, i);
        if (is_surrogate(ch)) {
            ssize_t end = i + 1;
            while (end < n && is_surrogate(str_read(s, end)))
                end++;
            str_encode_error("utf-8", s, i, end, "surrogates not allowed");
            return -1;
        }
        size += ch < 0x80 ? 1 : ch < 0x800 ? 2 : ch < 0x10000 ? 3 : 4;
    }
    char *buf = mem_malloc((size_t)size + 1);
    if (!buf) {
        err_nomemory();
        return -1;
    }
    char *o = buf;
    for (ssize_t i = 0; i < n; i++)
        o += str_utf8_put(o, str_read(s, i));
    *o = '\0';
    c->utf8 = buf;
    c->utf8_length = size;
    return 0;
}

const char *str_as_utf8(Object *s, ssize_t *len)
{
    if (STR_IS_ASCII(s)) {
        if (len)
            *len = STR_LEN(s);
        return (const char *)STR_DATA(s);
    }
    CompactStrObject *c = (CompactStrObject *)s;
    if (!c->utf8 && fill_utf8_cache(s) < 0)
        return NULL;
    if (len)
        *len = c->utf8_length;
    return c->utf8;
}

/* ---- concatenation and repetition ---- */

Object *str_concat(Object *a, Object *b)
{
    if (!TYPE_CHECK(b, str_type))
        return err_format(exc_TypeError, "can only concatenate str (not \"%T\") to str", b);
    if (STR_LEN(b) == 0 && IS_TYPE(a, str_type))
        return NEWREF(a);
    if (STR_LEN(a) == 0 && IS_TYPE(b, str_type))
        return NEWREF(b);
    ssize_t la = STR_LEN(a), lb = STR_LEN(b);
    if (la > SSIZE_MAX - lb)
        return err_format(exc_OverflowError, "strings are too large to concat");
    uint32_t ma = str_maxchar(a), mb = str_maxchar(b);
    Object *r = str_new(la + lb, ma > mb ? ma : mb);
    if (!r)
        return NULL;
    str_copy(r, 0, a, 0, la);
    str_copy(r, la, b, 0, lb);
    return r;
}

/* Whether [a] may grow in place to take [b]: a fresh exact str nobody
 * else sees (never hashed or interned) and [b] no wider than it. */
static bool appendable(Object *a, Object *b)
{
    StrObject *s = (StrObject *)a;
    return IS_TYPE(a, str_type) && REFCNT(a) == 1 && s->hash == -1 && !s->state.interned &&
           s->length > 0 && str_maxchar(b) <= str_maxchar(a);
}

int str_append(Object **p, Object *b)
{
    Object *a = *p;
    if (!TYPE_CHECK(b, str_type) || !appendable(a, b)) {
        Object *r = str_concat(a, b);
        if (!r)
            return -1;
        *p = r;
        DECREF(a);
        return 0;
    }
    ssize_t la = STR_LEN(a), lb = STR_LEN(b);
    int kind = STR_KIND(a);
    ssize_t header = STR_IS_ASCII(a) ? (ssize_t)sizeof(StrObject) : (ssize_t)sizeof(CompactStrObject);
    if (lb > (SSIZE_MAX - header) / kind - 1 - la) {
        err_format(exc_OverflowError, "strings are too large to concat");
        return -1;
    }
    if (!STR_IS_ASCII(a)) {
        CompactStrObject *c = (CompactStrObject *)a;
        mem_free(c->utf8);
        c->utf8 = NULL;
        c->utf8_length = 0;
    }
    Object *r = mem_obj_realloc(a, (size_t)(header + (la + lb + 1) * kind));
    if (!r) {
        err_nomemory();
        return -1;
    }
    str_copy(r, la, b, 0, lb);
    ((StrObject *)r)->length = la + lb;
    memset((char *)STR_DATA(r) + (la + lb) * kind, 0, (size_t)kind);
    *p = r;
    return 0;
}

/* [s] repeated [n] times. */
static Object *str_repeat(Object *s, ssize_t n)
{
    ssize_t len = STR_LEN(s);
    if (n <= 0 || len == 0)
        return str_empty();
    if (n == 1 && IS_TYPE(s, str_type))
        return NEWREF(s);
    if (len > SSIZE_MAX / n)
        return err_format(exc_OverflowError, "repeated string is too long");
    Object *r = str_new(len * n, str_maxchar(s));
    if (!r)
        return NULL;
    int k = STR_KIND(r);
    char *d = STR_DATA(r);
    if (len == 1 && k == STR_KIND_1) {
        memset(d, *(uint8_t *)STR_DATA(s), (size_t)n);
        return r;
    }
    ssize_t done = len * k, total = len * n * k;
    memcpy(d, STR_DATA(s), (size_t)done);
    while (done < total) {
        ssize_t chunk = done < total - done ? done : total - done;
        memcpy(d + done, d, (size_t)chunk);
        done += chunk;
    }
    return r;
}

/* ---- comparison and hashing ---- */

bool str_eq(Object *a, Object *b)
{
    if (a == b)
        return true;
    if (STR_LEN(a) != STR_LEN(b) || STR_KIND(a) != STR_KIND(b))
        return false;
    StrObject *sa = (StrObject *)a, *sb = (StrObject *)b;
    if (sa->hash != -1 && sb->hash != -1 && sa->hash != sb->hash)
        return false;
    return memcmp(STR_DATA(a), STR_DATA(b), (size_t)(STR_LEN(a) * STR_KIND(a))) == 0;
}

int str_eq_cstr(Object *s, const char *c)
{
    ssize_t n = (ssize_t)strlen(c);
    if (STR_IS_ASCII(s))
        return STR_LEN(s) == n && memcmp(STR_DATA(s), c, (size_t)n) == 0;
    ssize_t len;
    const char *u = str_as_utf8(s, &len);
    if (!u) {
        err_clear();
        return 0;
    }
    return len == n && memcmp(u, c, (size_t)n) == 0;
}

int str_compare(Object *a, Object *b)
{
    ssize_t la = STR_LEN(a), lb = STR_LEN(b), n = la < lb ? la : lb;
    if (STR_KIND(a) == STR_KIND_1 && STR_KIND(b) == STR_KIND_1) {
        int c = memcmp(STR_DATA(a), STR_DATA(b), (size_t)n);
        if (c)
            return c < 0 ? -1 : 1;
    } else {
        for (ssize_t i = 0; i < n; i++) {
            uint32_t x = str_read(a, i), y = str_read(b, i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND(v0, v1, v2, v3) do { \
    v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32); \
    v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2; \
    v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0; \
    v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32); } while (0)

/* SipHash-1-3 of [len] bytes with the all-zero key (CPython's hash of str
 * and bytes under PYTHONHASHSEED=0); 0 for no bytes, never -1. */
hash_t str_hash_bytes(const void *p, ssize_t len)
{
    if (len == 0)
        return 0;
    const uint8_t *s = p;
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    uint64_t b = (uint64_t)len << 56;
    for (; len >= 8; s += 8, len -= 8) {
        uint64_t m = 0;
        for (int i = 7; i >= 0; i--)    /* little-endian word, on any host */
            m = (m << 8) | s[i];
        v3 ^= m;
        SIPROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    for (ssize_t i = 0; i < len; i++)
        b |= (uint64_t)s[i] << (8 * i);
    v3 ^= b;
    SIPROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    hash_t h = (hash_t)(v0 ^ v1 ^ v2 ^ v3);
    return h == -1 ? -2 : h;
}

hash_t str_hash(Object *s)
{
    StrObject *o = (StrObject *)s;
    if (o->hash == -1)
        o->hash = str_hash_bytes(STR_DATA(s), o->length * o->state.kind);
    return o->hash;
}

/* ---- repr ---- */

static const char hexdigits[] = "0123456789abcdef";

/* Characters repr() writes for [ch] with [quote] as the quote. */
static int repr_width(uint32_t ch, uint32_t quote)
{
    if (ch == quote || ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r')
        return 2;
    if (ch < 0x20 || ch == 0x7F)
        return 4;
    if (ch < 0x7F || str_isprintable_char(ch))
        return 1;
    return ch < 0x100 ? 4 : ch < 0x10000 ? 6 : 10;
}

/* Writes the escape of [ch] at [at] of [r]; returns the next position. */
static ssize_t repr_put(Object *r, ssize_t at, uint32_t ch, uint32_t quote)
{
    int w = repr_width(ch, quote);
    if (w == 1) {
        str_write(r, at, ch);
        return at + 1;
    }
    str_write(r, at++, '\\');
    if (w == 2) {
        str_write(r, at, ch == '\t' ? 't' : ch == '\n' ? 'n' : ch == '\r' ? 'r' : ch);
        return at + 1;
    }
    str_write(r, at++, w == 4 ? 'x' : w == 6 ? 'u' : 'U');
    for (int shift = (w - 2) * 4 - 4; shift >= 0; shift -= 4)
        str_write(r, at++, (uint8_t)hexdigits[(ch >> shift) & 0xF]);
    return at;
}

Object *str_repr(Object *s)
{
    ssize_t n = STR_LEN(s), outlen = 2;
    bool sq = str_find_char(s, '\'', 0, n) >= 0, dq = str_find_char(s, '"', 0, n) >= 0;
    uint32_t quote = sq && !dq ? '"' : '\'', max = 127;
    for (ssize_t i = 0; i < n; i++) {
        uint32_t ch = str_read(s, i);
        int w = repr_width(ch, quote);
        outlen += w;
        if (w == 1 && ch > max)
            max = ch;
    }
    Object *r = str_new(outlen, max);
    if (!r)
        return NULL;
    ssize_t at = 0;
    str_write(r, at++, quote);
    if (outlen == n + 2)        /* nothing to escape */
        str_copy(r, 1, s, 0, n);
    for (ssize_t i = 0; outlen != n + 2 && i < n; i++)
        at = repr_put(r, at, str_read(s, i), quote);
    str_write(r, outlen - 1, quote);
    return r;
}

/* ---- interning: an open-addressing set of the interned strings ----
 *
 * The table owns no reference (CPython 3.11 discounts the interned dict's
 * two references): an interned string that dies takes itself out. */

static struct {
    StrObject **slots;
    size_t cap, used;
} interned;

static void table_put(StrObject *s)
{
    size_t mask = interned.cap - 1, i = (size_t)str_hash((Object *)s) & mask;
    while (interned.slots[i])
        i = (i + 1) & mask;
    interned.slots[i] = s;
}

static int table_grow(void)
{
    size_t oldcap = interned.cap, cap = oldcap ? oldcap * 2 : 1024;
    StrObject **old = interned.slots, **slots = mem_calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    interned.slots = slots;
    interned.cap = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i])
            table_put(old[i]);
    mem_free(old);
    return 0;
}

/* The interned string equal to [s], or NULL. */
static StrObject *table_find(Object *s)
{
    if (!interned.cap)
        return NULL;
    size_t mask = interned.cap - 1, i = (size_t)str_hash(s) & mask;
    for (; interned.slots[i]; i = (i + 1) & mask)
        if (str_eq((Object *)interned.slots[i], s))
            return interned.slots[i];
    return NULL;
}

/* Takes a dying interned string out, re-placing the rest of its cluster. */
static void table_remove(StrObject *s)
{
    size_t mask = interned.cap - 1, i = (size_t)s->hash & mask;
    while (interned.slots[i] != s)
        i = (i + 1) & mask;
    interned.slots[i] = NULL;
    interned.used--;
    for (i = (i + 1) & mask; interned.slots[i]; i = (i + 1) & mask) {
        StrObject *t = interned.slots[i];
        interned.slots[i] = NULL;
        table_put(t);
    }
}

void str_intern(Object **p)
{
    Object *s = *p;
    if (!IS_TYPE(s, str_type) || ((StrObject *)s)->state.interned)
        return;
    StrObject *t = table_find(s);
    if (t) {
        INCREF(t);
        *p = (Object *)t;
        DECREF(s);
        return;
    }
    if ((interned.used + 1) * 3 >= interned.cap * 2 && table_grow() < 0)
        return;                 /* not interned; still a valid string */
    table_put((StrObject *)s);
    interned.used++;
    ((StrObject *)s)->state.interned = 1;
}

Object *str_intern_cstr(const char *c)
{
    Object *s = str_from_cstr(c);
    if (s)
        str_intern(&s);
    return s;
}

/* Interned strings of C string literals, found again by the literal's
 * address: the names the interpreter looks up over and over ("__init__",
 * "write", ...) are made once.  The table owns one reference to each. */
#define LITERAL_CACHE 512
static struct {
    const char *literal;
    Object *str;
} literal_cache[LITERAL_CACHE];

Object *str_intern_literal(const char *literal)
{
    size_t h = ((uintptr_t)literal >> 3) & (LITERAL_CACHE - 1);
    for (size_t n = 0; n < LITERAL_CACHE; n++, h = (h + 1) & (LITERAL_CACHE - 1)) {
        if (literal_cache[h].literal == literal)
            return NEWREF(literal_cache[h].str);
        if (!literal_cache[h].literal) {
            Object *s = str_intern_cstr(literal);
            if (s) {
                literal_cache[h].literal = literal;
                literal_cache[h].str = NEWREF(s);
            }
            return s;
        }
    }
    return str_intern_cstr(literal);        /* the table is full: no caching */
}

static void literal_cache_clear(void)
{
    for (size_t i = 0; i < LITERAL_CACHE; i++) {
        if (literal_cache[i].literal)
            CLEAR(literal_cache[i].str);
        literal_cache[i].literal = NULL;
    }
}

/* Frees a static character's UTF-8 copy. */
static void drop_utf8(CompactStrObject *c)
{
    mem_free(c->utf8);
    c->utf8 = NULL;
}

void str_fini(void)
{
    literal_cache_clear();
    for (size_t i = 0; i < interned.cap; i++)
        if (interned.slots[i])
            interned.slots[i]->state.interned = 0;
    mem_free(interned.slots);
    interned.slots = NULL;
    interned.cap = interned.used = 0;
    for (int i = 0; i < 128; i++)
        drop_utf8(&latin1_chars[i].h);
}

/* ---- StrBuilder: UTF-8 (surrogates allowed) plus the widest character ---- */

void sb_init(StrBuilder *b)
{
    b->buf = NULL;
    b->len = b->cap = 0;
    b->maxchar = 0;
    b->nchars = 0;
}

int str_buf_reserve(char **buf, ssize_t *cap, ssize_t len, ssize_t n)
{
    if (len + n <= *cap)
        return 0;
    if (n > SSIZE_MAX / 2 - len) {
        err_nomemory();
        return -1;
    }
    ssize_t want = *cap ? *cap : 64;
    while (want < len + n)
        want *= 2;
    char *p = mem_realloc(*buf, (size_t)want);
    if (!p) {
        err_nomemory();
        return -1;
    }
    *buf = p;
    *cap = want;
    return 0;
}

/* Makes room for [n] more bytes. */
static int sb_reserve(StrBuilder *b, ssize_t n)
{
    return str_buf_reserve(&b->buf, &b->cap, b->len, n);
}

int sb_add_char(StrBuilder *b, uint32_t ch)
{
    if (sb_reserve(b, 4) < 0)
        return -1;
    b->len += str_utf8_put(b->buf + b->len, ch);
    b->nchars++;
    if (ch > b->maxchar)
        b->maxchar = ch;
    return 0;
}

int sb_add_utf8(StrBuilder *b, const char *s, ssize_t len)
{
    const uint8_t *p = (const uint8_t *)s;
    ssize_t i = 0;
    while (i < len && p[i] < 0x80)
        i++;
    if (i < len) {              /* validate and count through a str */
        Object *t = str_decode_utf8(s, len, NULL);
        if (!t)
            return -1;
        int r = sb_add_str(b, t);
        DECREF(t);
        return r;
    }
    if (len == 0)
        return 0;
    if (sb_reserve(b, len) < 0)
        return -1;
    memcpy(b->buf + b->len, s, (size_t)len);
    b->len += len;
    b->nchars += len;
    return 0;
}

int sb_add_cstr(StrBuilder *b, const char *s)
{
    return sb_add_utf8(b, s, (ssize_t)strlen(s));
}

int sb_add_str(StrBuilder *b, Object *s)
{
    ssize_t n = STR_LEN(s);
    if (STR_IS_ASCII(s))
        return sb_add_utf8(b, STR_DATA(s), n);
    if (n > SSIZE_MAX / 8 || sb_reserve(b, 4 * n) < 0)
        return -1;
    for (ssize_t i = 0; i < n; i++) {
        uint32_t ch = str_read(s, i);
        b->len += str_utf8_put(b->buf + b->len, ch);
        if (ch > b->maxchar)
            b->maxchar = ch;
    }
    b->nchars += n;
    return 0;
}

int sb_add_repr(StrBuilder *b, Object *o)
{
    Object *r = obj_repr(o);
    if (!r)
        return -1;
    int res = sb_add_str(b, r);
    DECREF(r);
    return res;
}

int sb_add_substr(StrBuilder *b, Object *s, ssize_t start, ssize_t end)
{
    if (STR_IS_ASCII(s))
        return sb_add_utf8(b, (const char *)STR_DATA(s) + start, end - start);
    for (ssize_t i = start; i < end; i++)
        if (sb_add_char(b, str_read(s, i)) < 0)
            return -1;
    return 0;
}

void sb_discard(StrBuilder *b)
{
    mem_free(b->buf);
    sb_init(b);
}

Object *sb_finish(StrBuilder *b)
{
    Object *s = str_new(b->nchars, b->maxchar);
    if (s && b->maxchar < 128) {
        if (b->len)
            memcpy(STR_DATA(s), b->buf, (size_t)b->len);
    } else if (s) {
        const uint8_t *p = (const uint8_t *)b->buf;
        for (ssize_t i = 0; i < b->nchars; i++)
            str_write(s, i, utf8_next(&p));
    }
    sb_discard(b);
    return s ? share_char(s) : NULL;
}

/* ---- the str type's slots ---- */

static void str_dealloc(Object *o)
{
    StrObject *s = (StrObject *)o;
    if (s->state.interned && interned.slots)
        table_remove(s);
    if (!s->state.ascii)
        mem_free(((CompactStrObject *)s)->utf8);
    obj_free(o);
}

/* str(s): [s] itself, or an exact str copy of a subclass instance. */
static Object *str_str(Object *s)
{
    if (IS_TYPE(s, str_type))
        return NEWREF(s);
    int k = STR_KIND(s);
    return str_from_kind(k, STR_DATA(s), STR_LEN(s));
}

static hash_t str_hash_slot(Object *s)
{
    return str_hash(s);
}

static Object *str_richcompare(Object *a, Object *b, int op)
{
    if (!TYPE_CHECK(b, str_type))
        return NEWREF(NotImplemented);
    int c;
    if (op == CMP_EQ || op == CMP_NE)
        c = str_eq(a, b) ? 0 : 1;
    else
        c = str_compare(a, b);
    bool r = false;
    switch (op) {
    case CMP_LT: r = c < 0; break;
    case CMP_LE: r = c <= 0; break;
    case CMP_EQ: r = c == 0; break;
    case CMP_NE: r = c != 0; break;
    case CMP_GT: r = c > 0; break;
    case CMP_GE: r = c >= 0; break;
    }
    return bool_from(r);
}

Object *str_try_other(Object *a, Object *b, int op)
{
    binaryfunc f = TYPE(b)->nb[op];
    if (!f || f == str_type.nb[op] || f == bytes_type.nb[op])
        return NEWREF(NotImplemented);  /* CPython's sequences have no number slot */
    return f(a, b);
}

static Object *str_add(Object *a, Object *b)
{
    if (!TYPE_CHECK(a, str_type))
        return NEWREF(NotImplemented);
    if (!TYPE_CHECK(b, str_type)) {
        Object *r = str_try_other(a, b, BINOP_ADD);
        if (r != NotImplemented)
            return r;
        DECREF(r);
    }
    return str_concat(a, b);
}

Object *str_seq_mul(Object *a, Object *b, Type *t, Object *(*repeat)(Object *, ssize_t))
{
    Object *s = TYPE_CHECK(a, *t) ? a : b, *n = s == a ? b : a;
    if (s == a) {
        Object *r = str_try_other(a, b, BINOP_MULTIPLY);
        if (r != NotImplemented)
            return r;
        DECREF(r);
    }
    if (!TYPE(n)->nb_index)
        return err_format(exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    ssize_t count = num_as_ssize(n, exc_OverflowError);
    if (count == -1 && err_occurred())
        return NULL;
    return repeat(s, count);
}

static Object *str_mul(Object *a, Object *b)
{
    return str_seq_mul(a, b, &str_type, str_repeat);
}

static Object *str_mod(Object *a, Object *b)
{
    if (!TYPE_CHECK(a, str_type))
        return NEWREF(NotImplemented);
    return str_printf(a, b);
}

static ssize_t str_len(Object *s)
{
    return STR_LEN(s);
}

static int str_contains(Object *s, Object *sub)
{
    if (!TYPE_CHECK(sub, str_type)) {
        err_format(exc_TypeError, "'in <string>' requires string as left operand, not %T", sub);
        return -1;
    }
    return str_find(s, sub, 0, STR_LEN(s), 1) >= 0;
}

/* s[start:stop:step] for a resolved slice of [count] characters. */
static Object *str_slice_step(Object *s, ssize_t start, ssize_t step, ssize_t count)
{
    if (step == 1)
        return str_substr(s, start, start + count);
    uint32_t max = 0;
    for (ssize_t i = 0, j = start; i < count; i++, j += step) {
        uint32_t ch = str_read(s, j);
        max = ch > max ? ch : max;
    }
    Object *r = str_new(count, max);    /* never shared, as CPython */
    if (!r)
        return NULL;
    for (ssize_t i = 0, j = start; i < count; i++, j += step)
        str_write(r, i, str_read(s, j));
    return r;
}

static Object *str_getitem(Object *s, Object *key)
{
    if (TYPE(key)->nb_index) {
        ssize_t i = num_as_ssize(key, exc_IndexError);
        if (i == -1 && err_occurred())
            return NULL;
        if (i < 0)
            i += STR_LEN(s);
        if (i < 0 || i >= STR_LEN(s))
            return err_format(exc_IndexError, "string index out of range");
        return str_from_char(str_read(s, i));
    }
    if (IS_TYPE(key, slice_type)) {
        ssize_t start, stop, step, count;
        if (slice_unpack(key, STR_LEN(s), &start, &stop, &step, &count) < 0)
            return NULL;
        return str_slice_step(s, start, step, count);
    }
    return err_format(exc_TypeError, "string indices must be integers, not '%T'", key);
}

/* str(object='', encoding='utf-8', errors='strict') as an exact str. */
static Object *make_str(Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    Object *a[3];
    if (args_parse("str", args, nargs, kwnames, kwlist, 0, 3, a) < 0)
        return NULL;
    if (!a[0])
        return str_empty();
    if (!a[1] && !a[2])
        return obj_str(a[0]);
    const char *names[2] = {NULL, NULL};
    for (int i = 0; i < 2; i++) {
        if (a[i + 1] && !TYPE_CHECK(a[i + 1], str_type))
            return err_format(exc_TypeError, "str() argument '%s' must be str, not %T",
                              kwlist[i + 1], a[i + 1]);
        if (a[i + 1] && !(names[i] = str_as_utf8(a[i + 1], NULL)))
            return NULL;
    }
    if (TYPE_CHECK(a[0], str_type))
        return err_format(exc_TypeError, "decoding str is not supported");
    if (!TYPE_CHECK(a[0], bytes_type))
        return err_format(exc_TypeError, "decoding to str: need a bytes-like object, %T found", a[0]);
    return str_decode(BYTES_DATA(a[0]), SIZE(a[0]), names[0], names[1]);
}

/* A [type] instance (a str subclass) holding the characters of [s]. */
static Object *subtype_copy(Type *type, Object *s)
{
    ssize_t header = STR_IS_ASCII(s) ? (ssize_t)sizeof(StrObject) : (ssize_t)sizeof(CompactStrObject);
    ssize_t size = header + (STR_LEN(s) + 1) * STR_KIND(s);
    Object *o = obj_alloc(type, size - (ssize_t)sizeof(StrObject));
    if (!o)
        return NULL;
    memcpy((char *)o + sizeof(Object), (char *)s + sizeof(Object), (size_t)size - sizeof(Object));
    StrObject *so = (StrObject *)o;
    so->hash = -1;
    so->state.interned = 0;
    if (!so->state.ascii) {
        ((CompactStrObject *)o)->utf8 = NULL;
        ((CompactStrObject *)o)->utf8_length = 0;
    }
    if (type->flags & TPFLAG_HAVE_GC)
        gc_track(o);
    return o;
}

static Object *str_new_slot(Type *type, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *s = make_str(args, nargs, kwnames);
    if (!s || type == &str_type)
        return s;
    Object *o = subtype_copy(type, s);
    DECREF(s);
    return o;
}

/* ---- iterators: str_ascii_iterator, str_iterator ---- */

static Object *str_iter(Object *s)
{
    return iter_index_new(STR_IS_ASCII(s) ? &str_ascii_iter_type : &str_iter_type, s, 0);
}

int str_iter_clear(Object *o)
{
    CLEAR(((StrIterObject *)o)->seq);
    return 0;
}

static Object *str_iter_next(Object *o)
{
    StrIterObject *it = (StrIterObject *)o;
    if (!it->seq)
        return NULL;
    if (it->index < STR_LEN(it->seq))
        return str_from_char(str_read(it->seq, it->index++));
    CLEAR(it->seq);
    return NULL;
}

static Object *str_iter_length_hint(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    StrIterObject *it = (StrIterObject *)self;
    if (str_args(TYPE(self)->name, "__length_hint__", false, args, nargs, kwnames, 0, 0, NULL) < 0)
        return NULL;
    if (!it->seq)
        return int_from_ssize(0);
    ssize_t len = TYPE_CHECK(it->seq, str_type) ? STR_LEN(it->seq) : SIZE(it->seq);
    return int_from_ssize(len - it->index);
}

const MethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}
};

Type str_ascii_iter_type = {
    .base = {{1, &type_type}, 0}, .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIterObject), .flags = TPFLAG_HAVE_GC,
    .dealloc = iter_index_dealloc, .iter = iter_self, .iternext = str_iter_next,
    .traverse = iter_index_traverse, .clear = str_iter_clear, .methods = str_iter_methods,
};

Type str_iter_type = {
    .base = {{1, &type_type}, 0}, .name = "str_iterator",
    .basicsize = sizeof(StrIterObject), .flags = TPFLAG_HAVE_GC,
    .dealloc = iter_index_dealloc, .iter = iter_self, .iternext = str_iter_next,
    .traverse = iter_index_traverse, .clear = str_iter_clear, .methods = str_iter_methods,
};

/* basicsize + itemsize * n covers any layout: str_new asks for the bytes
 * past the 48-byte ASCII header. */
Type str_type = {
    .base = {{1, &type_type}, 0},
    .name = "str",
    .basicsize = sizeof(StrObject),
    .itemsize = 1,
    .flags = TPFLAG_BASETYPE | TPFLAG_STR_SUBCLASS | TPFLAG_TUPLE_CALL,
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .iter = str_iter,
    .nb = { [BINOP_ADD] = str_add, [BINOP_MULTIPLY] = str_mul, [BINOP_REMAINDER] = str_mod },
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .methods = str_methods,
    .new_ = str_new_slot,
};
