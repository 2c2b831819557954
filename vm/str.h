/* str.h — str objects in CPython 3.11's compact layout (PEP 393): the
 * characters are stored right after the header, one byte each when all are
 * below 128 (ASCII) or 256 (latin-1), two or four bytes otherwise, always
 * followed by a NUL.  Indexing is O(1).  ASCII strings have a 48-byte header
 * (sys.getsizeof("") == 49); the others a 72-byte one holding a cached UTF-8
 * copy (sys.getsizeof("é") == 74).  str hashes are SipHash-1-3 with a zero
 * key, equal to CPython's under PYTHONHASHSEED=0. */
#ifndef MEMPY_STR_H
#define MEMPY_STR_H

#include <stdarg.h>
#include <string.h>
#include "object.h"
#include "range.h"

enum { STR_KIND_1 = 1, STR_KIND_2 = 2, STR_KIND_4 = 4 };

typedef struct {
    Object base;
    ssize_t length;             /* in code points */
    hash_t hash;                /* -1 until computed */
    struct {
        unsigned int interned:2;
        unsigned int kind:3;    /* STR_KIND_* */
        unsigned int compact:1;
        unsigned int ascii:1;
        unsigned int ready:1;
    } state;
    void *wstr;                 /* unused; keeps CPython's layout */
} StrObject;

typedef struct {
    StrObject base;
    ssize_t utf8_length;
    char *utf8;                 /* cached UTF-8 copy or NULL (mem_malloc'd) */
    ssize_t wstr_length;
} CompactStrObject;

#define STR_LEN(o) (((StrObject *)(o))->length)
#define STR_KIND(o) (((StrObject *)(o))->state.kind)
#define STR_IS_ASCII(o) (((StrObject *)(o))->state.ascii)
/* Pointer to the characters. */
#define STR_DATA(o) (STR_IS_ASCII(o) ? (void *)((StrObject *)(o) + 1) \
                                     : (void *)((CompactStrObject *)(o) + 1))
static inline uint32_t str_read(Object *s, ssize_t i)
{
    void *d = STR_DATA(s);
    switch (STR_KIND(s)) {
    case STR_KIND_1: return ((uint8_t *)d)[i];
    case STR_KIND_2: return ((uint16_t *)d)[i];
    default: return ((uint32_t *)d)[i];
    }
}

/* A new string of [len] code points able to hold characters up to
 * [maxchar]; its characters are to be written with str_write (the widest
 * must reach maxchar's kind: strings are always in their narrowest form).
 * len 0 gives the shared "". */
Object *str_new(ssize_t len, uint32_t maxchar);
void str_write(Object *s, ssize_t i, uint32_t ch);
Object *str_from_utf8(const char *s, ssize_t len);   /* UnicodeDecodeError on bad bytes */
Object *str_from_cstr(const char *s);
Object *str_from_char(uint32_t ch);                  /* cached for latin-1 */
Object *str_from_format(const char *fmt, ...);       /* the formats of err_format */
Object *str_from_vformat(const char *fmt, va_list ap); /* the same, with a va_list */
/* UTF-8 of [s], cached in the object (borrowed; valid while s lives).
 * [len] may be NULL.  NULL + UnicodeEncodeError for lone surrogates. */
const char *str_as_utf8(Object *s, ssize_t *len);
Object *str_concat(Object *a, Object *b);
/* *p = *p + b (CPython's PyUnicode_Append): grows *p in place when it is
 * a fresh, unshared exact str (refcount 1, never hashed or interned) and
 * b fits its kind, else replaces it by the concatenation.  -1 on error
 * (TypeError if b is not a str), *p then unchanged. */
int str_append(Object **p, Object *b);
Object *str_join(Object *sep, Object *iterable);
/* sep.join of the [n] items (which must be str, else TypeError), as
 * CPython's _PyUnicode_JoinArray. */
Object *str_join_array(Object *sep, Object *const *items, ssize_t n);
/* "".join of the [n] items: BUILD_STRING. */
Object *str_concat_array(Object *const *items, ssize_t n);
Object *str_substr(Object *s, ssize_t start, ssize_t end);
bool str_eq(Object *a, Object *b);                   /* both str */
int str_eq_cstr(Object *s, const char *c);           /* 1 if equal */
int str_compare(Object *a, Object *b);               /* -1, 0, 1 by code point */
hash_t str_hash(Object *s);
Object *str_repr(Object *s);
/* Index of the first [ch] in s[start:end], or -1. */
ssize_t str_find_char(Object *s, uint32_t ch, ssize_t start, ssize_t end);
/* Interning: replaces *p by the interned string equal to it (or interns
 * *p itself); the table holds no reference, as CPython 3.11's mortal
 * interned strings. */
void str_intern(Object **p);
Object *str_intern_cstr(const char *s);              /* new ref to the interned string */
/* The same for a C string literal (or any text that lives, unchanged, as
 * long as the process): made once, then found by the literal's address. */
Object *str_intern_literal(const char *literal);
Object *str_format_spec(Object *o, Object *spec);    /* str.__format__ */
void str_fini(void);                                 /* drops the interned table */

/* The text of a UnicodeDecodeError ([decode]) or UnicodeEncodeError from
 * its args (encoding, object, start, end, reason), as CPython's __str__:
 * "'ascii' codec can't encode character '\xe9' in position 0: ordinal not
 * in range(128)"; TypeError if the args do not have that shape. */
Object *str_unicode_error_text(Object *args, bool decode);

/* Builds a str piece by piece. */
typedef struct {
    char *buf;                  /* UTF-8 so far (mem_malloc'd) */
    ssize_t len, cap;
    uint32_t maxchar;
    ssize_t nchars;
} StrBuilder;
void sb_init(StrBuilder *b);
int sb_add_utf8(StrBuilder *b, const char *s, ssize_t len);
int sb_add_cstr(StrBuilder *b, const char *s);
int sb_add_char(StrBuilder *b, uint32_t ch);
int sb_add_str(StrBuilder *b, Object *s);
int sb_add_repr(StrBuilder *b, Object *o);           /* repr(o) */
int sb_add_substr(StrBuilder *b, Object *s, ssize_t start, ssize_t end); /* s[start:end] */
Object *sb_finish(StrBuilder *b);                    /* the str; frees the builder */
void sb_discard(StrBuilder *b);

/* bytes: CPython's layout (sys.getsizeof(b"") == 33). */
typedef struct {
    VarObject base;
    hash_t hash;
    char data[1];               /* size + 1 bytes, NUL-terminated */
} BytesObject;
Object *bytes_from(const char *s, ssize_t len);
#define BYTES_DATA(o) (((BytesObject *)(o))->data)

/* ---- shared by the str files (str.c, str_methods.c, str_format.c,
 * bytes.c); not for use elsewhere ---- */
Object *str_empty(void);                             /* the shared "" */
/* Narrowest str holding the [len] characters of [kind] at [data]. */
Object *str_from_kind(int kind, const void *data, ssize_t len);
/* The same, but a one-character result is a new object, where CPython
 * does not share it either (case mappings, joins, stepped slices). */
Object *str_from_kind_fresh(int kind, const void *data, ssize_t len);
uint32_t str_maxchar(Object *s);                     /* bound of s's kind: 127, 255, 65535, 0x10FFFF */
/* Copies [n] characters of [src] from [from] into [dst] at [at]; they must
 * fit dst's kind.  str_copy_data takes them from [n] chars of [kind] at
 * [src]; str_copy_converting is its case of another kind than dst's. */
void str_copy_converting(Object *dst, ssize_t at, int kind, const void *src, ssize_t n);
static inline void str_copy_data(Object *dst, ssize_t at, int kind, const void *src, ssize_t n)
{
    if (STR_KIND(dst) == kind)
        memcpy((char *)STR_DATA(dst) + at * kind, src, (size_t)(n * kind));
    else
        str_copy_converting(dst, at, kind, src, n);
}
static inline void str_copy(Object *dst, ssize_t at, Object *src, ssize_t from, ssize_t n)
{
    int k = STR_KIND(src);
    str_copy_data(dst, at, k, (char *)STR_DATA(src) + from * k, n);
}
int str_utf8_put(char *out, uint32_t ch);            /* bytes written (1-4) */
/* Makes room for [n] more bytes after the [len] in use in the mem_malloc'd
 * buffer [*buf] of [*cap] bytes, doubling from 64; -1 with MemoryError. */
int str_buf_reserve(char **buf, ssize_t *cap, ssize_t len, ssize_t n);
hash_t str_hash_bytes(const void *p, ssize_t len);   /* SipHash-1-3, zero key */
/* First (dir > 0) or last (dir < 0) index of [sub] in s[start:end], -1 if
 * absent; start and end already clipped to 0..len. */
ssize_t str_find(Object *s, Object *sub, ssize_t start, ssize_t end, int dir);
bool str_isprintable_char(uint32_t ch);
int str_decimal_value(uint32_t ch);                  /* 0-9 for a Unicode decimal digit, else -1 */
/* Reads an optional start/end argument of find() and friends as a slice
 * bound: NULL or None leaves *out alone; -1 with TypeError if not an index. */
int str_index_arg(Object *o, ssize_t *out);
/* Checks the arguments of method [name] of [tname] ("str") with CPython's
 * wording: "str.join() takes exactly one argument (0 given)" for none or
 * one, "find() takes at least 1 argument (0 given)" when [tuple_style],
 * else "center expected at least 1 argument, got 0"; no keywords.  Fills
 * out[0..max) as args_positional does. */
int str_args(const char *tname, const char *name, bool tuple_style, Object *const *args,
             ssize_t nargs, Object *kwnames, int min, int max, Object **out);
/* Resolves [*start, *end) against [len] as a slice does (no step). */
void str_clip(ssize_t *start, ssize_t *end, ssize_t len);
Object *str_printf(Object *fmt, Object *args);       /* fmt % args */
/* For the + and * of str and bytes with [a] a sequence on the left: b's
 * number slot [op] (b.__radd__ / __rmul__), which CPython tries before the
 * sequence operation; a new NotImplemented when b has none (str and bytes
 * themselves have none in CPython). */
Object *str_try_other(Object *a, Object *b, int op);
/* The * of str and bytes ([t]): the one of [a], [b] that is a [t] repeated
 * by the other's __index__ with [repeat], after str_try_other when the
 * sequence is on the left. */
Object *str_seq_mul(Object *a, Object *b, Type *t, Object *(*repeat)(Object *, ssize_t));
Object *str_format_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames);
Object *str_format_map_method(Object *self, Object *const *args, ssize_t nargs, Object *kwnames);
/* Codecs (bytes.c).  [encoding] / [errors] NULL mean "utf-8" / "strict". */
Object *str_decode_utf8(const char *s, ssize_t len, const char *errors);
Object *str_decode(const char *s, ssize_t len, const char *encoding, const char *errors);
Object *str_encode(Object *s, const char *encoding, const char *errors);
/* Raises UnicodeEncodeError(encoding, s, start, end, reason). */
void str_encode_error(const char *encoding, Object *s, ssize_t start, ssize_t end, const char *reason);

/* Static objects (the empty and one-character str and bytes) start with
 * CPython 3.11's count for its static objects; STR_REPn(M, k) expands
 * M(k) M(k + 1) ... M(k + n - 1) to initialise their tables. */
#define STR_STATIC_REFCNT 999999999
#define STR_REP2(M, n) M(n) M((n) + 1)
#define STR_REP4(M, n) STR_REP2(M, n) STR_REP2(M, (n) + 2)
#define STR_REP8(M, n) STR_REP4(M, n) STR_REP4(M, (n) + 4)
#define STR_REP16(M, n) STR_REP8(M, n) STR_REP8(M, (n) + 8)
#define STR_REP32(M, n) STR_REP16(M, n) STR_REP16(M, (n) + 16)
#define STR_REP64(M, n) STR_REP32(M, n) STR_REP32(M, (n) + 32)
#define STR_REP128(M, n) STR_REP64(M, n) STR_REP64(M, (n) + 64)
#define STR_REP256(M, n) STR_REP128(M, n) STR_REP128(M, (n) + 128)

/* Iterators over a str or bytes (range.h's positional iterators). */
typedef IndexIterObject StrIterObject;
extern Type str_iter_type, str_ascii_iter_type, bytes_iter_type;
extern const MethodDef str_methods[], str_iter_methods[];
int str_iter_clear(Object *o);

#endif
