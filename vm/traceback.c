/* traceback.c — traceback objects, and printing an uncaught exception the
 * way CPython 3.11 does: the chain of causes and contexts, each frame with
 * its source line and caret markers, repeated lines folded, and the final
 * "Type: message" line. */
#include <string.h>
#include "traceback.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "dict.h"
#include "type.h"
#include "suggestions.h"
#include "frameobject.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

#define TB(o) ((TracebackObject *)(o))

int traceback_add(Object *exc, Frame *f)
{
    if (!exc || !obj_is_instance_of(exc, exc_BaseException))
        return 0;
    Object *fo = frame_get_object(f);
    TracebackObject *tb = fo ? (TracebackObject *)obj_alloc(&traceback_type, 0) : NULL;
    if (!tb) {
        XDECREF(fo);
        return -1;
    }
    ExceptionObject *e = (ExceptionObject *)exc;
    tb->next = e->traceback;    /* moves the old head */
    tb->frame = fo;
    tb->lasti = frame_lasti(f);
    e->traceback = (Object *)tb;
    gc_track((Object *)tb);
    return 0;
}

CodeObject *traceback_code(TracebackObject *tb)
{
    Frame *f = ((FrameObject *)tb->frame)->frame;
    return f ? f->code : NULL;
}

Object *traceback_globals(TracebackObject *tb)
{
    Frame *f = ((FrameObject *)tb->frame)->frame;
    return f ? f->globals : NULL;
}

static void tb_dealloc(Object *o)
{
    gc_untrack(o);
    CLEAR(TB(o)->next);
    CLEAR(TB(o)->frame);
    obj_free(o);
}

static int tb_traverse(Object *o, visitproc visit, void *arg)
{
    if (TB(o)->next && visit(TB(o)->next, arg))
        return 1;
    return visit(TB(o)->frame, arg);
}

static int tb_clear(Object *o)
{
    CLEAR(TB(o)->next);
    return 0;
}

static Object *tb_get_frame(Object *o, void *c) { (void)c; return NEWREF(TB(o)->frame); }
static Object *tb_get_next(Object *o, void *c) { (void)c; return NEWREF(TB(o)->next ? TB(o)->next : None); }
static Object *tb_get_lineno(Object *o, void *c)
{
    (void)c;
    CodeObject *co = traceback_code(TB(o));
    return co ? int_from_long(code_loc(co, TB(o)->lasti).line) : none_new();
}
static Object *tb_get_lasti(Object *o, void *c) { (void)c; return int_from_long(TB(o)->lasti * 2); }

static const GetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type traceback_type = {
    .base = {{1, &type_type}, 0}, .name = "traceback", .basicsize = sizeof(TracebackObject),
    .flags = TPFLAG_HAVE_GC, .dealloc = tb_dealloc, .traverse = tb_traverse, .clear = tb_clear,
    .getset = tb_getset,
};

/* ---- printing ---- */

/* Reads line [lineno] of the file [filename] into buf; false if unavailable. */
static bool read_source_line(const char *filename, int lineno, char *buf, size_t size)
{
    if (!filename || filename[0] == '<' || lineno < 1)
        return false;
    FILE *fp = fopen(filename, "r");
    if (!fp)
        return false;
    int line = 1;
    bool found = false;
    while (fgets(buf, (int)size, fp)) {
        size_t n = strlen(buf);
        bool complete = n > 0 && buf[n - 1] == '\n';
        if (line == lineno) {
            if (complete)
                buf[n - 1] = '\0';
            found = true;
            break;
        }
        if (complete)
            line++;
    }
    fclose(fp);
    return found;
}

/* Number of UTF-8 characters in the first [bytes] bytes of [s]. */
static int char_offset(const char *s, int bytes)
{
    int n = 0;
    for (int i = 0; i < bytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* Prints "    <line>" and, where CPython 3.11 would, the caret line. */
static void print_source(FILE *out, const char *line, CodeLoc loc)
{
    int strip = 0;
    while (line[strip] == ' ' || line[strip] == '\t' || line[strip] == '\f')
        strip++;
    const char *stripped = line + strip;
    int len = (int)strlen(stripped);
    while (len > 0 && (stripped[len - 1] == ' ' || stripped[len - 1] == '\r' || stripped[len - 1] == '\n'))
        len--;
    fprintf(out, "    %.*s\n", len, stripped);
    if (loc.col < 0 || loc.end_col < 0)
        return;
    int start = char_offset(line, loc.col);
    int end = loc.end_line == loc.line ? char_offset(line, loc.end_col)
                                       : char_offset(line, strip) + char_offset(stripped, len);
    int sstart = char_offset(line, strip);
    bool has_anchor = loc.anchor_end > 0 && loc.end_line == loc.line;
    if (end - start >= char_offset(stripped, len) && !has_anchor)
        return;
    if (end <= start)
        return;
    fprintf(out, "    %*s", start - sstart, "");
    int astart = has_anchor ? char_offset(line, loc.anchor_start) : start;
    int aend = has_anchor ? char_offset(line, loc.anchor_end) : end;
    for (int i = start; i < end; i++)
        fputc(i >= astart && i < aend ? '^' : '~', out);
    fputc('\n', out);
}

static void print_frame_line(FILE *out, CodeObject *co, int lasti)
{
    CodeLoc loc = code_loc(co, lasti);
    const char *file = str_as_utf8(co->filename, NULL);
    const char *name = str_as_utf8(co->name, NULL);
    fprintf(out, "  File \"%s\", line %d, in %s\n", file ? file : "?", loc.line, name ? name : "?");
    char buf[4096];
    if (read_source_line(file, loc.line, buf, sizeof buf))
        print_source(out, buf, loc);
}

static void print_repeats(FILE *out, int count)
{
    if (count > 3)
        fprintf(out, "  [Previous line repeated %d more time%s]\n", count - 3, count - 3 == 1 ? "" : "s");
}

/* Frames from the oldest call to where the exception was raised; after the
 * same line three times in a row the rest of the run is only counted. */
static void print_traceback(Object *tb, FILE *out)
{
    fputs("Traceback (most recent call last):\n", out);
    CodeObject *last_code = NULL;
    int last_line = -1, count = 0;
    for (; tb; tb = TB(tb)->next) {
        CodeObject *co = traceback_code(TB(tb));
        if (!co)
            continue;
        int line = code_loc(co, TB(tb)->lasti).line;
        bool same = last_code && co->filename == last_code->filename &&
                    str_eq(co->name, last_code->name) && line == last_line;
        if (!same) {
            print_repeats(out, count);
            count = 0;
        }
        last_code = co;
        last_line = line;
        if (++count > 3)
            continue;
        print_frame_line(out, co, TB(tb)->lasti);
    }
    print_repeats(out, count);
}

/* Borrowed attribute of a SyntaxError, or NULL. */
static Object *exc_field(Object *exc, const char *name)
{
    Object *d = ((ExceptionObject *)exc)->dict;
    Object *v = d ? dict_getitem_str(d, name) : NULL;
    return v == None ? NULL : v;
}

static long field_long(Object *exc, const char *name, long deflt)
{
    Object *v = exc_field(exc, name);
    if (!v || !TYPE_CHECK(v, int_type))
        return deflt;
    long r = int_as_long(v);
    if (r == -1 && err_occurred())
        err_clear();
    return r;
}

/* The "  File ..., line N" block CPython prints for a SyntaxError. */
static void print_syntax_error_location(Object *exc, FILE *out)
{
    Object *filename = exc_field(exc, "filename");
    long lineno = field_long(exc, "lineno", -1);
    if (!filename || lineno < 0)
        return;
    const char *f = TYPE_CHECK(filename, str_type) ? str_as_utf8(filename, NULL) : NULL;
    fprintf(out, "  File \"%s\", line %ld\n", f ? f : "<unknown>", lineno);
    Object *text = exc_field(exc, "text");
    if (!text || !TYPE_CHECK(text, str_type))
        return;
    const char *t = str_as_utf8(text, NULL);
    if (!t)
        return;
    /* strip the indentation and trailing newline, as CPython does */
    size_t lead = 0;
    while (t[lead] == ' ' || t[lead] == '\t' || t[lead] == '\f')
        lead++;
    size_t len = strlen(t + lead);
    while (len > 0 && (t[lead + len - 1] == '\n' || t[lead + len - 1] == '\r'))
        len--;
    fprintf(out, "    %.*s\n", (int)len, t + lead);
    long offset = field_long(exc, "offset", -1);
    long end_lineno = field_long(exc, "end_lineno", lineno);
    long end_offset = field_long(exc, "end_offset", offset);
    if (offset < 1)
        return;
    /* offsets count characters from 1 */
    long col = offset - 1 - (long)char_offset(t, (int)lead);
    if (col < 0)
        col = 0;
    long width = 1;
    if (end_lineno == lineno && end_offset > offset)
        width = end_offset - offset;
    long chars = char_offset(t + lead, (int)len);
    if (col > chars)
        col = chars;
    if (col + width > chars + 1 && width > 1)
        width = chars + 1 - col;
    fprintf(out, "    %*s", (int)col, "");
    for (long i = 0; i < width; i++)
        fputc('^', out);
    fputc('\n', out);
}

/* "Type: message", the type named as CPython names it. */
static void print_exception_line(Object *exc, FILE *out)
{
    Type *t = TYPE(exc);
    Object *mod = type_module(t);
    const char *m = mod && TYPE_CHECK(mod, str_type) ? str_as_utf8(mod, NULL) : NULL;
    const char *qual = t->qualname ? str_as_utf8(t->qualname, NULL) : t->name;
    if (m && strcmp(m, "builtins") != 0 && strcmp(m, "__main__") != 0)
        fprintf(out, "%s.%s", m, qual);
    else
        fputs(qual, out);
    XDECREF(mod);
    if (!mod)
        err_clear();
    bool is_syntax = obj_is_instance_of(exc, exc_SyntaxError);
    Object *s = NULL;
    if (is_syntax && exc_field(exc, "msg"))
        s = obj_str(exc_field(exc, "msg"));
    else
        s = obj_str(exc);
    if (!s) {
        err_clear();
        fputs(": <exception str() failed>\n", out);
        return;
    }
    const char *text = str_as_utf8(s, NULL);
    if (text && text[0])
        fprintf(out, ": %s", text);
    Object *hint = suggestion_for(exc);
    const char *h = hint ? str_as_utf8(hint, NULL) : NULL;
    if (h)
        fprintf(out, ". Did you mean: '%s'?", h);
    XDECREF(hint);
    fputc('\n', out);
    DECREF(s);
}

/* Prints [exc] after the exceptions it was chained to; [depth] stops loops. */
static void print_chain(Object *exc, FILE *out, int depth)
{
    ExceptionObject *e = (ExceptionObject *)exc;
    if (depth < 100) {
        if (e->cause) {
            print_chain(e->cause, out, depth + 1);
            fputs("\nThe above exception was the direct cause of the following exception:\n\n", out);
        } else if (e->context && !e->suppress_context) {
            print_chain(e->context, out, depth + 1);
            fputs("\nDuring handling of the above exception, another exception occurred:\n\n", out);
        }
    }
    if (e->traceback)
        print_traceback(e->traceback, out);
    if (obj_is_instance_of(exc, exc_SyntaxError))
        print_syntax_error_location(exc, out);
    print_exception_line(exc, out);
}

void traceback_print(Object *exc, FILE *out)
{
    if (!obj_is_instance_of(exc, exc_BaseException)) {
        fputs("TypeError: print_exception(): Exception expected for value\n", out);
        return;
    }
    print_chain(exc, out, 0);
    fflush(out);
}
