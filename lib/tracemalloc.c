/* tracemalloc.c — the tracemalloc module: where every block of memory was
 * allocated, as CPython 3.11's _tracemalloc and Lib/tracemalloc.py.
 *
 * Tracing is one hook on the allocator (mem_set_trace_hook): it sees every
 * allocation, reallocation and free of the raw, mem and object domains and
 * keeps, in C memory of its own, one trace per live block:
 *
 *   traces       block address -> { size, traceback }   open addressing,
 *                                                       linear probing
 *   tracebacks   the interned tracebacks: up to nframe (filename, lineno)
 *                frames of the running Python code, most recent first,
 *                plus the depth of the stack (total_nframe)
 *
 * The hook runs inside the allocator: it makes no Python object and raises
 * nothing.  Its tables come from mem_raw_*, which the allocator does not
 * trace while the hook runs (and which tm.busy keeps untraced when a
 * snapshot copies the table).  An interned traceback holds a reference to
 * each filename (INCREF is all the hook does to objects); the references
 * go when the traces are cleared, outside the hook.  Allocations of no
 * Python code are charged to "<unknown>", line 0.  A realloc charges the
 * block again to the code that reallocates it, as CPython does.
 *
 * The Python side of CPython's tracemalloc.py (Snapshot, Statistic,
 * StatisticDiff, Traceback, Frame, Trace, filters) is written here as C
 * types with the same constructors, attributes, str() and repr().
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "lib.h"
#include "../vm/errors.h"
#include "../vm/interp.h"
#include "../vm/str.h"
#include "../vm/int.h"
#include "../vm/float.h"
#include "../vm/tuple.h"
#include "../vm/list.h"
#include "../vm/dict.h"
#include "../vm/range.h"
#include "../vm/args.h"
#include "../vm/type.h"
#include "../mem/mem.h"
#include "../mem/gc.h"

#define NO_SELF (void)self
#define MAX_NFRAME 65535        /* total_nframe is a uint16_t, as in CPython */
#define INITIAL_CAPACITY 1024   /* slots of a table when it is first used */

/* ---- the tracing tables (C memory, never traced) ---- */

typedef struct {
    Object *filename;           /* a reference held by the interned traceback */
    int lineno;
} TFrame;

typedef struct TTraceback {
    struct TTraceback *retired; /* next on the list of those awaiting release */
    uint64_t hash;
    Object *tuple;              /* its frames tuple in the snapshot [stamp] builds */
    unsigned stamp;
    uint16_t nframe, total_nframe;
    TFrame frames[];            /* most recent first */
} TTraceback;

typedef struct {
    uintptr_t ptr;              /* 0: free slot */
    size_t size;
    TTraceback *tb;
} TraceEntry;

static struct {
    bool tracing;
    int max_nframe;             /* stays after stop(), as CPython's */
    bool busy;                  /* our own allocations outside the hook: not traced */
    TraceEntry *traces;
    size_t traces_cap, traces_used;
    TTraceback **tbs;           /* the interned tracebacks (a set) */
    size_t tbs_cap, tbs_used, tbs_bytes;
    TTraceback *scratch;        /* where the hook builds a traceback */
    size_t traced, peak;
    Object *unknown;            /* "<unknown>", for allocations outside Python code */
    unsigned pinned;            /* Python objects being made from tracebacks */
    unsigned stamp;             /* the last snapshot started */
    TTraceback *retired;        /* cleared while pinned: released when unpinned */
} tm = { .max_nframe = 1 };

static size_t tb_bytes(int nframe) { return sizeof(TTraceback) + (size_t)nframe * sizeof(TFrame); }

static size_t ptr_home(uintptr_t p, size_t mask)
{
    uint64_t h = (uint64_t)p * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 32)) & mask;
}

/* The slot of [p] in the traces table, or the free slot where it would go. */
static TraceEntry *trace_slot(uintptr_t p)
{
    size_t mask = tm.traces_cap - 1, i = ptr_home(p, mask);
    while (tm.traces[i].ptr && tm.traces[i].ptr != p)
        i = (i + 1) & mask;
    return &tm.traces[i];
}

/* Doubles the traces table (or makes it); false when memory ran out. */
static bool traces_grow(void)
{
    TraceEntry *old = tm.traces;
    size_t old_cap = tm.traces_cap, cap = old_cap ? 2 * old_cap : INITIAL_CAPACITY;
    TraceEntry *t = mem_raw_calloc(cap, sizeof *t);
    if (!t)
        return false;
    tm.traces = t;
    tm.traces_cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].ptr)
            *trace_slot(old[i].ptr) = old[i];
    mem_raw_free(old);
    return true;
}

/* Forgets the trace of block [p], if any (backward-shift deletion). */
static void remove_trace(uintptr_t p)
{
    if (!tm.traces_used)
        return;
    TraceEntry *e = trace_slot(p);
    if (!e->ptr)
        return;
    tm.traced -= e->size;
    tm.traces_used--;
    size_t mask = tm.traces_cap - 1, i = (size_t)(e - tm.traces), j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (!tm.traces[j].ptr)
            break;
        size_t k = ptr_home(tm.traces[j].ptr, mask);
        /* the entry at j may move to i unless its home lies in (i, j] */
        bool stays = i <= j ? (k > i && k <= j) : (k > i || k <= j);
        if (!stays) {
            tm.traces[i] = tm.traces[j];
            i = j;
        }
    }
    tm.traces[i].ptr = 0;
}

static uint64_t tb_hash(const TTraceback *tb)
{
    uint64_t h = 0x345678u ^ tb->total_nframe;
    for (int i = 0; i < tb->nframe; i++) {
        h = (h ^ (uint64_t)(uintptr_t)tb->frames[i].filename) * 0x100000001B3ull;
        h = (h ^ (uint64_t)tb->frames[i].lineno) * 0x100000001B3ull;
    }
    return h;
}

static bool tb_equal(const TTraceback *a, const TTraceback *b)
{
    if (a->hash != b->hash || a->nframe != b->nframe || a->total_nframe != b->total_nframe)
        return false;
    for (int i = 0; i < a->nframe; i++)
        if (a->frames[i].filename != b->frames[i].filename || a->frames[i].lineno != b->frames[i].lineno)
            return false;
    return true;
}

/* The slot of a traceback equal to [tb] in the set, or the free slot. */
static TTraceback **tb_slot(const TTraceback *tb)
{
    size_t mask = tm.tbs_cap - 1, i = (size_t)tb->hash & mask;
    while (tm.tbs[i] && !tb_equal(tm.tbs[i], tb))
        i = (i + 1) & mask;
    return &tm.tbs[i];
}

static bool tbs_grow(void)
{
    TTraceback **old = tm.tbs;
    size_t old_cap = tm.tbs_cap, cap = old_cap ? 2 * old_cap : INITIAL_CAPACITY;
    TTraceback **t = mem_raw_calloc(cap, sizeof *t);
    if (!t)
        return false;
    tm.tbs = t;
    tm.tbs_cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i])
            *tb_slot(old[i]) = old[i];
    mem_raw_free(old);
    return true;
}

/* The interned copy of the traceback in tm.scratch; NULL if out of memory. */
static TTraceback *intern_scratch(void)
{
    TTraceback *s = tm.scratch;
    s->hash = tb_hash(s);
    if (3 * (tm.tbs_used + 1) > 2 * tm.tbs_cap && !tbs_grow())
        return NULL;
    TTraceback **slot = tb_slot(s);
    if (*slot)
        return *slot;
    TTraceback *tb = mem_raw_malloc(tb_bytes(s->nframe));
    if (!tb)
        return NULL;
    memcpy(tb, s, tb_bytes(s->nframe));
    tb->tuple = NULL;
    tb->stamp = 0;
    for (int i = 0; i < tb->nframe; i++)
        INCREF(tb->frames[i].filename);
    *slot = tb;
    tm.tbs_used++;
    tm.tbs_bytes += tb_bytes(tb->nframe);
    return tb;
}

/* The filename and current line of the running frame [f]. */
static TFrame frame_of(Frame *f)
{
    CodeObject *co = f->code;
    TFrame fr = {tm.unknown, 0};
    if (co && co->filename && TYPE_CHECK(co->filename, str_type))
        fr.filename = co->filename;
    int line = co ? code_loc(co, frame_lasti(f)).line : 0;
    fr.lineno = line > 0 ? line : 0;
    return fr;
}

/* The traceback of the running code, interned; NULL if out of memory. */
static TTraceback *current_traceback(void)
{
    TTraceback *s = tm.scratch;
    s->nframe = s->total_nframe = 0;
    for (Frame *f = vm_ts ? vm_ts->frame : NULL; f; f = f->previous) {
        if (s->nframe < tm.max_nframe)
            s->frames[s->nframe++] = frame_of(f);
        if (s->total_nframe < MAX_NFRAME)
            s->total_nframe++;
    }
    if (s->nframe == 0) {
        s->frames[0] = (TFrame){tm.unknown, 0};
        s->nframe = s->total_nframe = 1;
    }
    return intern_scratch();
}

/* Records block [p] of [size] bytes, allocated here and now (replacing
 * the trace of a block reallocated in place). */
static void add_trace(uintptr_t p, size_t size)
{
    TTraceback *tb = current_traceback();
    if (!tb || (3 * (tm.traces_used + 1) > 2 * tm.traces_cap && !traces_grow()))
        return;                 /* out of memory: the block goes untraced */
    TraceEntry *e = trace_slot(p);
    if (e->ptr)
        tm.traced -= e->size;
    else
        tm.traces_used++;
    *e = (TraceEntry){p, size, tb};
    tm.traced += size;
    if (tm.traced > tm.peak)
        tm.peak = tm.traced;
}

/* The allocator's hook: see mem_set_trace_hook in mem/mem.h. */
static void trace_hook(MemDomain domain, void *old, void *new_, size_t size, void *ctx)
{
    (void)domain;
    (void)ctx;
    if (tm.busy)
        return;
    if (old && old != new_)
        remove_trace((uintptr_t)old);
    if (new_)
        add_trace((uintptr_t)new_, size);
}

/* Drops the filenames of [tb] and frees it. */
static void release_traceback(TTraceback *tb)
{
    for (int i = 0; i < tb->nframe; i++)
        DECREF(tb->frames[i].filename);
    mem_raw_free(tb);
}

/* Forgets every trace and traceback (tracing goes on).  Tracebacks that
 * Python objects are being made from wait until that is over. */
static void clear_tables(void)
{
    TraceEntry *traces = tm.traces;
    TTraceback **tbs = tm.tbs;
    size_t cap = tm.tbs_cap;
    tm.traces = NULL;
    tm.tbs = NULL;
    tm.traces_cap = tm.traces_used = tm.tbs_cap = tm.tbs_used = tm.tbs_bytes = 0;
    tm.traced = tm.peak = 0;
    /* the tables are empty now: the frees below find no trace to drop */
    mem_raw_free(traces);
    for (size_t i = 0; i < cap; i++) {
        if (!tbs[i])
            continue;
        if (tm.pinned) {
            tbs[i]->retired = tm.retired;
            tm.retired = tbs[i];
        } else {
            release_traceback(tbs[i]);
        }
    }
    mem_raw_free(tbs);
}

static void pin(void) { tm.pinned++; }

static void unpin(void)
{
    if (--tm.pinned)
        return;
    while (tm.retired) {
        TTraceback *tb = tm.retired;
        tm.retired = tb->retired;
        release_traceback(tb);
    }
}

static int start_tracing(int nframe)
{
    if (tm.tracing)
        return 0;
    tm.unknown = str_from_cstr("<unknown>");
    tm.scratch = tm.unknown ? mem_raw_malloc(tb_bytes(nframe)) : NULL;
    if (!tm.scratch) {
        CLEAR(tm.unknown);
        return err_nomemory(), -1;
    }
    tm.max_nframe = nframe;
    tm.tracing = true;
    mem_set_trace_hook(trace_hook, NULL);
    return 0;
}

static void stop_tracing(void)
{
    if (!tm.tracing)
        return;
    mem_set_trace_hook(NULL, NULL);
    tm.tracing = false;
    clear_tables();
    mem_raw_free(tm.scratch);
    tm.scratch = NULL;
    CLEAR(tm.unknown);
}

/* ---- from the tables to Python objects ---- */

/* ((filename, lineno), ...) of [tb], most recent first.  The traces of
 * one snapshot share it: tb->tuple is borrowed from the list being built
 * while tb->stamp is that snapshot's [stamp] (0: no sharing). */
static Object *tb_tuple(TTraceback *tb, unsigned stamp)
{
    if (stamp && tb->stamp == stamp)
        return NEWREF(tb->tuple);
    Object *t = tuple_new(tb->nframe);
    for (int i = 0; t && i < tb->nframe; i++) {
        Object *line = int_from_long(tb->frames[i].lineno);
        Object *fr = line ? tuple_pack(2, tb->frames[i].filename, line) : NULL;
        XDECREF(line);
        if (!fr)
            CLEAR(t);
        else
            TUPLE_ITEMS(t)[i] = fr;
    }
    if (t && stamp) {
        tb->tuple = t;
        tb->stamp = stamp;
    }
    return t;
}

/* (domain, size, traceback, total_nframe), the form of one trace. */
static Object *trace_tuple(const TraceEntry *e, unsigned stamp)
{
    Object *tb = tb_tuple(e->tb, stamp);
    Object *size = tb ? int_from_ulong(e->size) : NULL;
    Object *total = size ? int_from_long(e->tb->total_nframe) : NULL;
    Object *zero = int_from_long(0);
    Object *r = total && zero ? tuple_pack(4, zero, size, tb, total) : NULL;
    XDECREF(zero);
    XDECREF(tb);
    XDECREF(size);
    XDECREF(total);
    return r;
}

/* The list of every trace.  The table is copied first: making the tuples
 * allocates, and those allocations are traced into the live table. */
static Object *get_traces(void)
{
    size_t n = tm.traces_used, k = 0;
    tm.busy = true;
    TraceEntry *copy = mem_raw_malloc((n ? n : 1) * sizeof *copy);
    tm.busy = false;
    if (!copy)
        return err_nomemory();
    for (size_t i = 0; i < tm.traces_cap; i++)
        if (tm.traces[i].ptr)
            copy[k++] = tm.traces[i];
    pin();
    unsigned stamp = ++tm.stamp ? tm.stamp : ++tm.stamp;
    Object *list = list_new((ssize_t)n);
    for (size_t i = 0; list && i < n; i++)
        if (!(LIST_ITEMS(list)[i] = trace_tuple(&copy[i], stamp)))
            CLEAR(list);
    for (size_t i = 0; i < n; i++)
        copy[i].tb->stamp = 0;          /* the tuples may go with the list */
    unpin();
    mem_raw_free(copy);
    return list;
}

/* Where the block of [o] starts, as CPython 3.11.7 computes it: the GC
 * header is counted, the two words before the objects of classes whose
 * instances keep their attributes inline are not (so, as there, such an
 * instance is never found and its traceback is None). */
static uintptr_t block_of(Object *o)
{
    return (uintptr_t)o - (TYPE(o)->flags & TPFLAG_HAVE_GC ? sizeof(GCHead) : 0);
}

/* The frames tuple of the block holding [o], or None. */
static Object *object_frames(Object *o)
{
    if (!tm.tracing || !tm.traces_used)
        return none_new();
    TraceEntry *e = trace_slot(block_of(o));
    if (!e->ptr)
        return none_new();
    pin();
    Object *r = tb_tuple(e->tb, 0);
    unpin();
    return r;
}

/* ---- arguments bound as a Python def binds them ---- */

/* Binds a call of the Python function [fname] (a method when [self]) whose
 * parameters are [names] (NULL-terminated), the first [nreq] required and
 * the rest defaulting to NULL in out[], with CPython's messages. */
static int bind(const char *fname, bool self, const char *const *names, int nreq,
                Object *const *args, ssize_t nargs, Object *kwnames, Object **out)
{
    int n = 0;
    while (names[n])
        n++;
    for (int i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : NULL;
    for (ssize_t k = 0; kwnames && k < SIZE(kwnames); k++) {
        Object *kw = TUPLE_GET(kwnames, k);
        int i = 0;
        while (i < n && !str_eq_cstr(kw, names[i]))
            i++;
        if (i == n)
            return err_format(exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, kw), -1;
        if (out[i])
            return err_format(exc_TypeError, "%s() got multiple values for argument '%s'", fname, names[i]), -1;
        out[i] = args[nargs + k];
    }
    if (nargs > n) {
        ssize_t given = nargs + self;
        Object *sig = nreq < n ? str_from_format("from %d to %d", nreq + self, n + self)
                               : str_from_format("%d", n + self);
        if (sig)
            err_format(exc_TypeError, "%s() takes %U positional argument%s but %zd %s given", fname, sig,
                       nreq < n || n + self != 1 ? "s" : "", given, given == 1 ? "was" : "were");
        XDECREF(sig);
        return -1;
    }
    int missing = 0;
    for (int i = 0; i < nreq; i++)
        missing += !out[i];
    if (!missing)
        return 0;
    StrBuilder b;
    sb_init(&b);
    for (int i = 0, seen = 0; i < nreq; i++) {
        if (out[i])
            continue;
        seen++;
        if (seen > 1)
            sb_add_cstr(&b, missing == 2 ? " and " : seen == missing ? ", and " : ", ");
        sb_add_char(&b, '\'');
        sb_add_cstr(&b, names[i]);
        sb_add_char(&b, '\'');
    }
    Object *list = sb_finish(&b);
    if (list)
        err_format(exc_TypeError, "%s() missing %d required positional argument%s: %U", fname, missing,
                   missing == 1 ? "" : "s", list);
    XDECREF(list);
    return -1;
}

/* ---- records: objects made of object slots (the __slots__ classes) ---- */

/* The types of this file (defined below, each after its functions). */
static Type tm_frame_type, tm_traceback_type, tm_statistic_type, tm_statistic_diff_type, tm_trace_type,
    tm_traces_type, tm_basefilter_type, tm_filter_type, tm_domainfilter_type, tm_snapshot_type;

typedef struct {
    Object base;
    Object *slot[];
} Rec;

#define REC(o) (((Rec *)(o))->slot)
#define REC_SIZE(n) ((ssize_t)(offsetof(Rec, slot) + (n) * sizeof(Object *)))

/* The name a class statement would have given the type ("Frame"). */
static const char *short_name(Type *t)
{
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

/* Slots of [o]: those of its first built-in type (subclasses add theirs). */
static ssize_t rec_nslots(Object *o)
{
    Type *t = TYPE(o);
    while (t->flags & TPFLAG_HEAPTYPE)
        t = t->base_type;
    return (t->basicsize - REC_SIZE(0)) / (ssize_t)sizeof(Object *);
}

static int rec_traverse(Object *o, visitproc visit, void *arg)
{
    for (ssize_t i = 0, n = rec_nslots(o); i < n; i++) {
        int r = REC(o)[i] ? visit(REC(o)[i], arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

static int rec_clear(Object *o)
{
    for (ssize_t i = 0, n = rec_nslots(o); i < n; i++)
        CLEAR(REC(o)[i]);
    return 0;
}

static void rec_dealloc(Object *o)
{
    gc_untrack(o);
    rec_clear(o);
    obj_free(o);
}

static Object *rec_new(Type *t, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    Object *o = obj_alloc(t, 0);
    if (o)
        gc_track(o);
    return o;
}

/* A new [t] whose slots take [vals] (stolen; a NULL among them means an
 * error is set: the others are dropped and NULL returned). */
static Object *rec_make(Type *t, int n, Object **vals)
{
    Object *o = NULL;
    for (int i = 0; i < n; i++)
        if (!vals[i])
            goto fail;
    if (!(o = obj_alloc(t, 0)))
        goto fail;
    memcpy(REC(o), vals, (size_t)n * sizeof(Object *));
    gc_track(o);
    return o;
fail:
    for (int i = 0; i < n; i++)
        XDECREF(vals[i]);
    return NULL;
}

/* Slot [i] of [o], borrowed; AttributeError naming [name] when unset. */
static Object *slot_of(Object *o, int i, const char *name)
{
    Object *v = REC(o)[i];
    if (!v)
        err_format(exc_AttributeError, "'%s' object has no attribute '%s'", short_name(TYPE(o)), name);
    return v;
}

typedef struct {
    const char *name;
    int index;
} SlotInfo;

static Object *slot_get(Object *o, void *closure)
{
    const SlotInfo *s = closure;
    return XNEWREF(slot_of(o, s->index, s->name));
}

static int slot_set(Object *o, Object *v, void *closure)
{
    const SlotInfo *s = closure;
    if (!v && !slot_of(o, s->index, s->name))
        return -1;
    SETREF(REC(o)[s->index], XNEWREF(v));
    return 0;
}

/* The setter of a read-only property (closure: its name). */
static int property_set(Object *o, Object *v, void *closure)
{
    err_format(exc_AttributeError, "property '%s' of '%s' object has no %s", (const char *)closure,
               short_name(TYPE(o)), v ? "setter" : "deleter");
    return -1;
}

#define SLOT(name, i) {name, slot_get, slot_set, (void *)&(const SlotInfo){name, i}}
#define PROPERTY(name, get) {name, get, property_set, (void *)name}

/* a <op> b for two [t] compared by their slot 0, [name]: only == and !=
 * unless [ordered] (functools.total_ordering over __lt__). */
static Object *slot0_compare(Object *a, Object *b, int op, Type *t, const char *name, bool ordered)
{
    if (!obj_is_instance_of(b, t) || (!ordered && op != CMP_EQ && op != CMP_NE))
        return NEWREF(NotImplemented);
    Object *x = slot_of(a, 0, name), *y = x ? slot_of(b, 0, name) : NULL;
    return y ? obj_richcompare(x, y, op) : NULL;
}

/* hash() of slot 0, [name]. */
static hash_t slot0_hash(Object *o, const char *name)
{
    Object *v = slot_of(o, 0, name);
    return v ? obj_hash(v) : -1;
}

/* [fmt] % (the [n] values of [vals]), the values stolen. */
static Object *printf_n(const char *fmt, int n, Object **vals)
{
    Object *r = NULL, *f = str_from_cstr(fmt), *t = f ? tuple_new(n) : NULL;
    for (int i = 0; i < n; i++) {
        if (t && vals[i])
            TUPLE_ITEMS(t)[i] = vals[i];
        else
            XDECREF(vals[i]);
        if (!vals[i])
            CLEAR(t);
    }
    if (t)
        r = str_printf(f, t);
    XDECREF(f);
    XDECREF(t);
    return r;
}

/* Sets attribute [name] of [o] to [v] (borrowed); -1 on error. */
static int set_attr(Object *o, const char *name, Object *v)
{
    Object *n = str_intern_literal(name);
    int r = n ? obj_setattr(o, n, v) : -1;
    XDECREF(n);
    return r;
}

/* ---- _format_size and _normalize_filename ---- */

/* Whether [a] < [n]: 1, 0, or -1 on error. */
static int less_than(Object *a, long n)
{
    Object *b = int_from_long(n);
    int r = b ? obj_richcompare_bool(a, b, CMP_LT) : -1;
    XDECREF(b);
    return r;
}

/* [size] in B, KiB, MiB, GiB or TiB, as tracemalloc's _format_size: one
 * decimal below 100 in the units above bytes, else whole units while
 * below 10 * 1024 (and always in TiB); a sign first when [sign]. */
static Object *format_size(Object *size, bool sign)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    static const char *const formats[] = {"%.0f %s", "%+.0f %s", "%.1f %s", "%+.1f %s"};
    Object *v = NEWREF(size), *r = NULL, *k1024 = int_from_long(1024);
    for (int u = 0; v && k1024; u++) {
        Object *a = num_absolute(v);
        int small = !a ? -1 : u ? less_than(a, 100) : 0;
        int whole = small ? small : u == 4 ? 1 : less_than(a, 10 * 1024);
        XDECREF(a);
        if (small < 0 || whole < 0)
            break;
        if (whole) {
            Object *args[2] = {NEWREF(v), str_from_cstr(units[u])};
            r = printf_n(formats[2 * small + sign], 2, args);
            break;
        }
        SETREF(v, num_binop(v, k1024, BINOP_TRUE_DIVIDE));
    }
    XDECREF(v);
    XDECREF(k1024);
    return r;
}

/* The filename tracemalloc compares: a ".pyc" name is its ".py"
 * (os.path.normcase does nothing on POSIX). */
static Object *normalize_filename(Object *fn)
{
    if (!TYPE_CHECK(fn, str_type))
        return err_format(exc_TypeError, "expected str, bytes or os.PathLike object, not %s", short_name(TYPE(fn)));
    ssize_t n = STR_LEN(fn);
    if (n >= 4 && str_read(fn, n - 4) == '.' && str_read(fn, n - 3) == 'p' &&
        str_read(fn, n - 2) == 'y' && str_read(fn, n - 1) == 'c')
        return str_substr(fn, 0, n - 1);
    return NEWREF(fn);
}

/* ---- fnmatch: *, ?, [seq], [!seq] over code points, as fnmatch.fnmatch ---- */

/* Whether [c] belongs to the class [p, end) of a pattern (what lies between
 * '[' and ']'): "!" first negates; "a-z" is a range (empty when a > z);
 * a '-' first or last is itself. */
static bool class_match(Object *pat, ssize_t p, ssize_t end, uint32_t c)
{
    bool neg = p < end && str_read(pat, p) == '!', in = false;
    for (p += neg; p < end; ) {
        uint32_t lo = str_read(pat, p);
        if (p + 2 < end && str_read(pat, p + 1) == '-') {
            in |= lo <= c && c <= str_read(pat, p + 2);
            p += 3;
        } else {
            in |= lo == c;
            p++;
        }
    }
    return in != neg;
}

/* The end (index of its ']') of the class opened at [p] (just after the
 * '['), or -1 when it is not closed and '[' stands for itself. */
static ssize_t class_end(Object *pat, ssize_t p)
{
    ssize_t n = STR_LEN(pat);
    if (p < n && str_read(pat, p) == '!')
        p++;
    if (p < n && str_read(pat, p) == ']')
        p++;
    while (p < n && str_read(pat, p) != ']')
        p++;
    return p < n ? p : -1;
}

/* Whether one pattern item at [*p] matches [c]; advances *p past it. */
static bool item_match(Object *pat, ssize_t *p, uint32_t c)
{
    uint32_t pc = str_read(pat, (*p)++);
    if (pc == '?')
        return true;
    ssize_t end = pc == '[' ? class_end(pat, *p) : -1;
    if (end < 0)
        return pc == c;
    bool m = class_match(pat, *p, end, c);
    *p = end + 1;
    return m;
}

/* fnmatch(name, pat): '*' matches any run of characters, '/' included.
 * After a mismatch the last '*' takes one more character. */
static bool fnmatch(Object *name, Object *pat)
{
    ssize_t n = STR_LEN(name), m = STR_LEN(pat), i = 0, p = 0, star = -1, star_i = 0;
    while (i < n) {
        if (p < m && str_read(pat, p) == '*') {
            star = ++p;
            star_i = i;
            continue;
        }
        ssize_t q = p;
        if (p < m && item_match(pat, &q, str_read(name, i))) {
            p = q;
            i++;
        } else if (star >= 0) {
            p = star;
            i = ++star_i;
        } else {
            return false;
        }
    }
    while (p < m && str_read(pat, p) == '*')
        p++;
    return p == m;
}

/* ---- Frame ---- */

static int frame_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"frame", NULL};
    Object *a[1];
    if (bind("Frame.__init__", true, names, 1, args, nargs, kwnames, a) < 0)
        return -1;
    SETREF(REC(self)[0], NEWREF(a[0]));
    return 0;
}

/* Item [i] of slot 0, [name]: self._frame[i], self._trace[i]. */
static Object *slot0_item(Object *self, const char *name, long i)
{
    Object *f = slot_of(self, 0, name), *k = f ? int_from_long(i) : NULL;
    Object *r = k ? obj_getitem(f, k) : NULL;
    XDECREF(k);
    return r;
}

/* The filename (0) or the line (1) of a Frame. */
static Object *frame_part(Object *self, long i) { return slot0_item(self, "_frame", i); }

static Object *frame_filename(Object *self, void *c) { (void)c; return frame_part(self, 0); }
static Object *frame_lineno(Object *self, void *c) { (void)c; return frame_part(self, 1); }

static Object *frame_str(Object *self)
{
    Object *v[2] = {frame_part(self, 0), NULL};
    v[1] = v[0] ? frame_part(self, 1) : NULL;
    return printf_n("%s:%s", 2, v);
}

static Object *frame_repr(Object *self)
{
    Object *v[2] = {frame_part(self, 0), NULL};
    v[1] = v[0] ? frame_part(self, 1) : NULL;
    return printf_n("<Frame filename=%r lineno=%r>", 2, v);
}

static Object *frame_richcompare(Object *a, Object *b, int op)
{
    return slot0_compare(a, b, op, &tm_frame_type, "_frame", true);
}

static hash_t frame_hash(Object *o) { return slot0_hash(o, "_frame"); }

static const GetSetDef frame_getset[] = {
    SLOT("_frame", 0),
    PROPERTY("filename", frame_filename),
    PROPERTY("lineno", frame_lineno),
    {NULL, NULL, NULL, NULL},
};

static Type tm_frame_type = {
    .base = {{1, &type_type}, 0}, .name = "tracemalloc.Frame", .basicsize = REC_SIZE(1),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL, .dealloc = rec_dealloc,
    .traverse = rec_traverse, .clear = rec_clear, .new_ = rec_new, .init = frame_init,
    .str = frame_str, .repr = frame_repr, .richcompare = frame_richcompare, .hash = frame_hash,
    .getset = frame_getset,
};

/* ---- Traceback: Frames, oldest first ---- */

/* tuple(reversed(frames)): the traces hold the most recent frame first,
 * a Traceback the oldest. */
static Object *oldest_first(Object *frames)
{
    Object *rev = obj_call1((Object *)&reversed_type, frames);
    Object *t = rev ? tuple_from_iter(rev) : NULL;
    XDECREF(rev);
    return t;
}

/* Traceback(frames) */
static Object *traceback_from(Object *frames)
{
    Object *v[2] = {oldest_first(frames), NEWREF(None)};
    return rec_make(&tm_traceback_type, 2, v);
}

static int traceback_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"frames", "total_nframe", NULL};
    Object *a[2], *frames;
    if (bind("Traceback.__init__", true, names, 1, args, nargs, kwnames, a) < 0 || !(frames = oldest_first(a[0])))
        return -1;
    SETREF(REC(self)[0], frames);
    SETREF(REC(self)[1], NEWREF(a[1] ? a[1] : None));
    return 0;
}

static Object *traceback_total(Object *self, void *c) { (void)c; return XNEWREF(slot_of(self, 1, "_total_nframe")); }

/* len() of slot 0, [name]. */
static ssize_t slot0_len(Object *self, const char *name)
{
    Object *f = slot_of(self, 0, name);
    return f ? obj_length(f) : -1;
}

static ssize_t traceback_len(Object *self) { return slot0_len(self, "_frames"); }

/* Wraps each item of [seq] in a [t] (Frame or Trace): a tuple. */
static Object *wrap_all(Object *seq, Type *t)
{
    Object *l = seq ? list_from_iter(seq) : NULL;
    for (ssize_t i = 0; l && i < SIZE(l); i++) {
        Object *v[1] = {NEWREF(LIST_GET(l, i))};
        Object *w = rec_make(t, 1, v);
        if (!w)
            CLEAR(l);
        else
            SETREF(LIST_ITEMS(l)[i], w);
    }
    Object *r = l ? list_as_tuple(l) : NULL;
    XDECREF(l);
    return r;
}

/* self[index] of a Traceback or _Traces: its [slot]'s item wrapped in a
 * [t], or a tuple of them for a slice. */
static Object *wrapped_item(Object *self, const char *slot, Type *t, Object *index)
{
    Object *seq = slot_of(self, 0, slot);
    Object *item = seq ? obj_getitem(seq, index) : NULL;
    if (!item || IS_TYPE(index, slice_type)) {
        Object *r = wrap_all(item, t);
        XDECREF(item);
        return r;
    }
    return rec_make(t, 1, &item);
}

static Object *traceback_getitem(Object *self, Object *index)
{
    return wrapped_item(self, "_frames", &tm_frame_type, index);
}

/* [value]._frame (or ._trace) in the [slot] sequence of [self]. */
static int contains_by(Object *self, const char *slot, Object *value, const char *attr)
{
    Object *seq = slot_of(self, 0, slot);
    Object *key = seq ? obj_getattr_str(value, attr) : NULL;
    int r = key ? obj_contains(seq, key) : -1;
    XDECREF(key);
    return r;
}

static int traceback_contains(Object *self, Object *frame) { return contains_by(self, "_frames", frame, "_frame"); }

static Object *traceback_item(Object *self, long i)
{
    Object *k = int_from_long(i);
    Object *r = k ? traceback_getitem(self, k) : NULL;
    XDECREF(k);
    return r;
}

static Object *traceback_str(Object *self)
{
    Object *f = traceback_item(self, 0);
    Object *r = f ? obj_str(f) : NULL;
    XDECREF(f);
    return r;
}

static Object *traceback_repr(Object *self)
{
    Object *total = slot_of(self, 1, "_total_nframe");
    Object *frames = total ? tuple_from_iter(self) : NULL;
    if (!frames)
        return NULL;
    Object *r = total == None ? str_from_format("<Traceback %R>", frames)
                              : str_from_format("<Traceback %R total_nframe=%U>", frames, total);
    DECREF(frames);
    return r;
}

static Object *traceback_richcompare(Object *a, Object *b, int op)
{
    return slot0_compare(a, b, op, &tm_traceback_type, "_frames", true);
}

static hash_t traceback_hash(Object *o) { return slot0_hash(o, "_frames"); }

/* Line [lineno] of the file [filename], stripped; "" when there is none
 * (linecache.getline(...).strip()).  Lines end at \n, \r\n or \r. */
static Object *source_line(Object *filename, Object *lineno)
{
    long want = TYPE_CHECK(lineno, int_type) ? int_as_long(lineno) : 0;
    const char *path = TYPE_CHECK(filename, str_type) ? str_as_utf8(filename, NULL) : NULL;
    err_clear();
    FILE *fp = want > 0 && path ? fopen(path, "rb") : NULL;
    if (!fp)
        return str_from_cstr("");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    long line = 1;
    int c;
    while (line <= want && (c = getc(fp)) != EOF) {
        if (c == '\r' || c == '\n') {
            if (c == '\r' && (c = getc(fp)) != '\n' && c != EOF)
                ungetc(c, fp);
            line++;
        } else if (line == want) {
            char *more = len < cap ? buf : mem_realloc(buf, cap = cap ? 2 * cap : 128);
            if (!more) {
                len = 0;                /* out of memory: no line */
                break;
            }
            buf = more;
            buf[len++] = (char)c;
        }
    }
    fclose(fp);
    Object *text = buf ? str_from_utf8(buf, (ssize_t)len) : NULL;
    mem_free(buf);
    if (!text) {
        err_clear();
        return str_from_cstr("");
    }
    Object *r = obj_call_method(text, "strip", NULL, 0);
    DECREF(text);
    return r;
}

/* Appends '  File "x", line n' and the stripped source line, if any. */
static int format_frame(Object *lines, Object *frame)
{
    Object *fn = obj_getattr_str(frame, "filename");
    Object *ln = fn ? obj_getattr_str(frame, "lineno") : NULL;
    Object *src = ln ? source_line(fn, ln) : NULL, *head = NULL;
    if (src) {
        Object *v[2] = {fn, ln};
        head = printf_n("  File \"%s\", line %s", 2, v);
    } else {
        XDECREF(fn);
        XDECREF(ln);
    }
    int r = head ? list_append(lines, head) : -1;
    if (r == 0 && STR_LEN(src) > 0) {
        Object *v[1] = {NEWREF(src)};
        Object *body = printf_n("    %s", 1, v);
        r = body ? list_append(lines, body) : -1;
        XDECREF(body);
    }
    XDECREF(head);
    XDECREF(src);
    return r;
}

/* The frames format() shows: self[-limit:] or self[:limit], or all. */
static Object *format_slice(Object *self, Object *limit)
{
    if (!limit || limit == None)
        return tuple_from_iter(self);
    Object *sl = NULL, *zero = int_from_long(0);
    int positive = zero ? obj_richcompare_bool(limit, zero, CMP_GT) : -1;
    XDECREF(zero);
    if (positive > 0) {
        Object *neg = num_negative(limit);
        sl = neg ? slice_new(neg, NULL, NULL) : NULL;
        XDECREF(neg);
    } else if (positive == 0) {
        sl = slice_new(NULL, limit, NULL);
    }
    Object *r = sl ? traceback_getitem(self, sl) : NULL;
    XDECREF(sl);
    return r;
}

static Object *traceback_format(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"limit", "most_recent_first", NULL};
    Object *a[2];
    if (bind("Traceback.format", true, names, 0, args, nargs, kwnames, a) < 0)
        return NULL;
    int reverse = a[1] ? obj_is_true(a[1]) : 0;
    Object *frames = reverse < 0 ? NULL : format_slice(self, a[0]);
    Object *seq = frames ? list_from_iter(frames) : NULL, *lines = seq ? list_new(0) : NULL;
    if (lines && reverse)
        list_reverse(seq);
    for (ssize_t i = 0; lines && i < SIZE(seq); i++)
        if (format_frame(lines, LIST_GET(seq, i)) < 0)
            CLEAR(lines);
    XDECREF(frames);
    XDECREF(seq);
    return lines;
}

/* Sequence.index(value, start=0, stop=None): the first i with self[i] is
 * or == value; ValueError (no message) when there is none. */
static Object *traceback_index(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[3];
    if (args_positional("index", args, nargs, kwnames, 1, 3, a) < 0)
        return NULL;
    ssize_t n = traceback_len(self), start = 0, stop = n;
    if (n < 0 || (a[1] && a[1] != None && slice_index(a[1], false, &start) < 0) ||
        (a[2] && a[2] != None && slice_index(a[2], false, &stop) < 0))
        return NULL;
    if (start < 0)
        start = start + n > 0 ? start + n : 0;
    if (stop < 0)
        stop += n;
    for (ssize_t i = start; i < stop && i < n; i++) {
        Object *v = traceback_item(self, (long)i);
        int eq = v ? obj_richcompare_bool(v, a[0], CMP_EQ) : -1;
        XDECREF(v);
        if (eq)
            return eq < 0 ? NULL : int_from_ssize(i);
    }
    err_set_obj(exc_ValueError, NULL);
    return NULL;
}

/* Sequence.count(value). */
static Object *traceback_count(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *value;
    if (args_positional("count", args, nargs, kwnames, 1, 1, &value) < 0)
        return NULL;
    ssize_t n = traceback_len(self), count = 0;
    for (ssize_t i = 0; i < n; i++) {
        Object *v = traceback_item(self, (long)i);
        int eq = v ? obj_richcompare_bool(v, value, CMP_EQ) : -1;
        XDECREF(v);
        if (eq < 0)
            return NULL;
        count += eq;
    }
    return n < 0 ? NULL : int_from_ssize(count);
}

static const MethodDef traceback_methods[] = {
    {"format", traceback_format, 0, NULL},
    {"index", traceback_index, 0, NULL},
    {"count", traceback_count, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef traceback_getset[] = {
    SLOT("_frames", 0),
    SLOT("_total_nframe", 1),
    PROPERTY("total_nframe", traceback_total),
    {NULL, NULL, NULL, NULL},
};

static Type tm_traceback_type = {
    .base = {{1, &type_type}, 0}, .name = "tracemalloc.Traceback", .basicsize = REC_SIZE(2),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL, .dealloc = rec_dealloc,
    .traverse = rec_traverse, .clear = rec_clear, .new_ = rec_new, .init = traceback_init,
    .str = traceback_str, .repr = traceback_repr, .richcompare = traceback_richcompare,
    .hash = traceback_hash, .len = traceback_len, .getitem = traceback_getitem,
    .contains = traceback_contains, .methods = traceback_methods, .getset = traceback_getset,
};

/* ---- Statistic and StatisticDiff ---- */

static int init_slots(const char *fname, const char *const *names, int n, Object *self,
                      Object *const *args, ssize_t nargs, Object *kwnames)
{
    Object *a[5];
    if (bind(fname, true, names, n, args, nargs, kwnames, a) < 0)
        return -1;
    for (int i = 0; i < n; i++)
        SETREF(REC(self)[i], NEWREF(a[i]));
    return 0;
}

static const char *const statistic_names[] = {"traceback", "size", "count", NULL};
static const char *const diff_names[] = {"traceback", "size", "size_diff", "count", "count_diff", NULL};

static int statistic_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return init_slots("Statistic.__init__", statistic_names, 3, self, args, nargs, kwnames);
}

static int diff_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    return init_slots("StatisticDiff.__init__", diff_names, 5, self, args, nargs, kwnames);
}

/* The slots of [o] named [names], as new references in v[]; -1 if unset. */
static int slots_of(Object *o, const char *const *names, int n, Object **v)
{
    for (int i = 0; i < n; i++) {
        if (!(v[i] = XNEWREF(slot_of(o, i, names[i])))) {
            while (i--)
                DECREF(v[i]);
            return -1;
        }
    }
    return 0;
}

/* ", average=..." when [count] is true, else "". */
static Object *average_text(Object *size, Object *count)
{
    int any = obj_is_true(count);
    if (any <= 0)
        return any < 0 ? NULL : str_from_cstr("");
    Object *avg = num_binop(size, count, BINOP_TRUE_DIVIDE);
    Object *v[1] = {avg ? format_size(avg, false) : NULL};
    XDECREF(avg);
    return printf_n(", average=%s", 1, v);
}

/* The str of a Statistic ([diff] false) or StatisticDiff. */
static Object *stat_text(Object *self, bool diff)
{
    Object *s[5], *text;
    if (slots_of(self, diff ? diff_names : statistic_names, diff ? 5 : 3, s) < 0)
        return NULL;
    Object *size = s[1], *count = NEWREF(diff ? s[3] : s[2]);
    if (diff) {
        Object *v[5] = {s[0], format_size(size, false), format_size(s[2], true), s[3], s[4]};
        DECREF(s[2]);
        text = printf_n("%s: size=%s (%s), count=%i (%+i)", 5, v);
    } else {
        Object *v[3] = {s[0], format_size(size, false), s[2]};
        text = printf_n("%s: size=%s, count=%i", 3, v);
    }
    Object *avg = text ? average_text(size, count) : NULL;
    Object *r = avg ? str_concat(text, avg) : NULL;
    DECREF(size);
    DECREF(count);
    XDECREF(text);
    XDECREF(avg);
    return r;
}

static Object *statistic_str(Object *self) { return stat_text(self, false); }
static Object *diff_str(Object *self) { return stat_text(self, true); }

static Object *statistic_repr(Object *self)
{
    Object *v[3];
    return slots_of(self, statistic_names, 3, v) < 0 ? NULL
           : printf_n("<Statistic traceback=%r size=%i count=%i>", 3, v);
}

static Object *diff_repr(Object *self)
{
    Object *v[5];
    return slots_of(self, diff_names, 5, v) < 0 ? NULL
           : printf_n("<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>", 5, v);
}

/* The names of the slots of a Statistic or StatisticDiff, and their number. */
static const char *const *stat_names(Object *o, int *n)
{
    bool diff = TYPE_CHECK(o, tm_statistic_diff_type);
    *n = diff ? 5 : 3;
    return diff ? diff_names : statistic_names;
}

/* == and != compare every slot, in order. */
static Object *statistic_richcompare(Object *a, Object *b, int op)
{
    int n;
    const char *const *names = stat_names(a, &n);
    Type *t = n == 5 ? &tm_statistic_diff_type : &tm_statistic_type;
    if (!obj_is_instance_of(b, t) || (op != CMP_EQ && op != CMP_NE))
        return NEWREF(NotImplemented);
    for (int i = 0; i < n; i++) {
        Object *x = slot_of(a, i, names[i]), *y = x ? slot_of(b, i, names[i]) : NULL;
        int eq = y ? obj_richcompare_bool(x, y, CMP_EQ) : -1;
        if (eq <= 0)
            return eq < 0 ? NULL : bool_from(op == CMP_NE);
    }
    return bool_from(op == CMP_EQ);
}

/* hash() of the tuple of every slot. */
static hash_t statistic_hash(Object *o)
{
    int n;
    Object *v[5];
    const char *const *names = stat_names(o, &n);
    if (slots_of(o, names, n, v) < 0)
        return -1;
    Object *t = tuple_from_array(v, n);
    for (int i = 0; i < n; i++)
        DECREF(v[i]);
    hash_t h = t ? obj_hash(t) : -1;
    XDECREF(t);
    return h;
}

static const GetSetDef statistic_getset[] = {
    SLOT("traceback", 0), SLOT("size", 1), SLOT("count", 2),
    {NULL, NULL, NULL, NULL},
};

static const GetSetDef diff_getset[] = {
    SLOT("traceback", 0), SLOT("size", 1), SLOT("size_diff", 2), SLOT("count", 3), SLOT("count_diff", 4),
    {NULL, NULL, NULL, NULL},
};

static Type tm_statistic_type = {
    .base = {{1, &type_type}, 0}, .name = "tracemalloc.Statistic", .basicsize = REC_SIZE(3),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL, .dealloc = rec_dealloc,
    .traverse = rec_traverse, .clear = rec_clear, .new_ = rec_new, .init = statistic_init,
    .str = statistic_str, .repr = statistic_repr, .richcompare = statistic_richcompare,
    .hash = statistic_hash, .getset = statistic_getset,
};

static Type tm_statistic_diff_type = {
    .base = {{1, &type_type}, 0}, .name = "tracemalloc.StatisticDiff", .basicsize = REC_SIZE(5),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL, .dealloc = rec_dealloc,
    .traverse = rec_traverse, .clear = rec_clear, .new_ = rec_new, .init = diff_init,
    .str = diff_str, .repr = diff_repr, .richcompare = statistic_richcompare,
    .hash = statistic_hash, .getset = diff_getset,
};

/* ---- Trace and _Traces ---- */

static int trace_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"trace", NULL};
    return init_slots("Trace.__init__", names, 1, self, args, nargs, kwnames);
}

static Object *trace_domain(Object *self, void *c) { (void)c; return slot0_item(self, "_trace", 0); }
static Object *trace_size(Object *self, void *c) { (void)c; return slot0_item(self, "_trace", 1); }

/* Traceback(*self._trace[2:]) */
static Object *trace_traceback(Object *self, void *c)
{
    (void)c;
    Object *t = slot_of(self, 0, "_trace"), *two = t ? int_from_long(2) : NULL;
    Object *sl = two ? slice_new(two, NULL, NULL) : NULL;
    Object *rest = sl ? obj_getitem(t, sl) : NULL;
    Object *args = rest ? list_seq_fast(rest, "argument after * must be an iterable") : NULL;
    Object *r = NULL;
    if (args) {
        Object *const *items = TYPE_CHECK(args, list_type) ? LIST_ITEMS(args) : TUPLE_ITEMS(args);
        r = obj_call((Object *)&tm_traceback_type, items, SIZE(args), NULL);
    }
    XDECREF(two);
    XDECREF(sl);
    XDECREF(rest);
    XDECREF(args);
    return r;
}

static Object *trace_str(Object *self)
{
    Object *size = trace_size(self, NULL);
    Object *v[2] = {size ? trace_traceback(self, NULL) : NULL, size ? format_size(size, false) : NULL};
    XDECREF(size);
    return printf_n("%s: %s", 2, v);
}

static Object *trace_repr(Object *self)
{
    Object *size = trace_size(self, NULL);
    Object *v[3] = {size ? trace_domain(self, NULL) : NULL, size ? format_size(size, false) : NULL, NULL};
    v[2] = v[1] ? trace_traceback(self, NULL) : NULL;
    XDECREF(size);
    return printf_n("<Trace domain=%s size=%s, traceback=%r>", 3, v);
}

static Object *trace_richcompare(Object *a, Object *b, int op)
{
    return slot0_compare(a, b, op, &tm_trace_type, "_trace", false);
}

static hash_t trace_hash(Object *o) { return slot0_hash(o, "_trace"); }

static const GetSetDef trace_getset[] = {
    SLOT("_trace", 0),
    PROPERTY("domain", trace_domain),
    PROPERTY("size", trace_size),
    PROPERTY("traceback", trace_traceback),
    {NULL, NULL, NULL, NULL},
};

static Type tm_trace_type = {
    .base = {{1, &type_type}, 0}, .name = "tracemalloc.Trace", .basicsize = REC_SIZE(1),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL, .dealloc = rec_dealloc,
    .traverse = rec_traverse, .clear = rec_clear, .new_ = rec_new, .init = trace_init,
    .str = trace_str, .repr = trace_repr, .richcompare = trace_richcompare, .hash = trace_hash,
    .getset = trace_getset,
};

static int traces_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"traces", NULL};
    return init_slots("_Traces.__init__", names, 1, self, args, nargs, kwnames);
}

static ssize_t traces_len(Object *self) { return slot0_len(self, "_traces"); }

static Object *traces_getitem(Object *self, Object *index)
{
    return wrapped_item(self, "_traces", &tm_trace_type, index);
}

static int traces_contains(Object *self, Object *trace) { return contains_by(self, "_traces", trace, "_trace"); }

static Object *traces_repr(Object *self)
{
    ssize_t n = traces_len(self);
    return n < 0 ? NULL : str_from_format("<Traces len=%zd>", n);
}

static Object *traces_richcompare(Object *a, Object *b, int op)
{
    return slot0_compare(a, b, op, &tm_traces_type, "_traces", false);
}

static const GetSetDef traces_getset[] = {
    SLOT("_traces", 0),
    {NULL, NULL, NULL, NULL},
};

static Type tm_traces_type = {
    .base = {{1, &type_type}, 0}, .name = "tracemalloc._Traces", .basicsize = REC_SIZE(1),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL, .dealloc = rec_dealloc,
    .traverse = rec_traverse, .clear = rec_clear, .new_ = rec_new, .init = traces_init,
    .repr = traces_repr, .richcompare = traces_richcompare, .len = traces_len,
    .getitem = traces_getitem, .contains = traces_contains, .getset = traces_getset,
};

/* ---- filters (instances with a __dict__, as plain classes) ---- */

static int basefilter_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"inclusive", NULL};
    Object *a[1];
    if (bind("BaseFilter.__init__", true, names, 1, args, nargs, kwnames, a) < 0)
        return -1;
    return set_attr(self, "inclusive", a[0]);
}

static Object *basefilter_match(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const names[] = {"trace", NULL};
    Object *a[1];
    if (bind("BaseFilter._match", true, names, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    err_set_obj(exc_NotImplementedError, NULL);
    return NULL;
}

static int filter_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"inclusive", "filename_pattern", "lineno", "all_frames", "domain", NULL};
    Object *a[5];
    if (bind("Filter.__init__", true, names, 2, args, nargs, kwnames, a) < 0)
        return -1;
    Object *pattern = normalize_filename(a[1]);
    int r = pattern && set_attr(self, "inclusive", a[0]) == 0 &&
            set_attr(self, "_filename_pattern", pattern) == 0 &&
            set_attr(self, "lineno", a[2] ? a[2] : None) == 0 &&
            set_attr(self, "all_frames", a[3] ? a[3] : False) == 0 &&
            set_attr(self, "domain", a[4] ? a[4] : None) == 0 ? 0 : -1;
    XDECREF(pattern);
    return r;
}

static int domainfilter_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"inclusive", "domain", NULL};
    Object *a[2];
    if (bind("DomainFilter.__init__", true, names, 2, args, nargs, kwnames, a) < 0)
        return -1;
    return set_attr(self, "inclusive", a[0]) == 0 && set_attr(self, "_domain", a[1]) == 0 ? 0 : -1;
}

static Object *filter_pattern(Object *self, void *c) { (void)c; return obj_getattr_str(self, "_filename_pattern"); }
static Object *filter_domain(Object *self, void *c) { (void)c; return obj_getattr_str(self, "_domain"); }

/* The truth of attribute [name] of [o]: 1, 0, or -1 on error. */
static int attr_true(Object *o, const char *name)
{
    Object *v = obj_getattr_str(o, name);
    int r = v ? obj_is_true(v) : -1;
    XDECREF(v);
    return r;
}

/* "v[0], ..., v[n - 1] = seq" for a tuple or list [seq] (the values
 * borrowed from it), with the messages of Python's unpacking. */
static int unpack(Object *seq, ssize_t n, Object **v)
{
    bool tuple = TYPE_CHECK(seq, tuple_type);
    if (!tuple && !TYPE_CHECK(seq, list_type))
        return err_format(exc_TypeError, "cannot unpack non-iterable %s object", short_name(TYPE(seq))), -1;
    if (SIZE(seq) != n)
        return err_format(exc_ValueError, SIZE(seq) < n ? "not enough values to unpack (expected %zd, got %zd)"
                                                        : "too many values to unpack (expected %zd)", n, SIZE(seq)), -1;
    memcpy(v, tuple ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq), (size_t)n * sizeof *v);
    return 0;
}

/* [seq] as a tuple (a new reference): itself, or the items of a list;
 * TypeError "'x' object is not [what]" for anything else. */
static Object *as_tuple(Object *seq, const char *what)
{
    if (TYPE_CHECK(seq, tuple_type))
        return NEWREF(seq);
    if (TYPE_CHECK(seq, list_type))
        return list_as_tuple(seq);
    return err_format(exc_TypeError, "'%s' object is not %s", short_name(TYPE(seq)), what);
}

/* Filter._match_frame_impl: the filename matches the pattern and the line
 * is the filter's (or the filter has none).  1, 0 or -1. */
static int filter_match_frame(Object *self, Object *frame)
{
    Object *v[2];
    if (unpack(frame, 2, v) < 0)
        return -1;
    Object *ln = v[1], *name = normalize_filename(v[0]), *pat = name ? obj_getattr_str(self, "_filename_pattern") : NULL;
    Object *lineno = pat ? obj_getattr_str(self, "lineno") : NULL;
    int r = -1;
    if (lineno && !TYPE_CHECK(pat, str_type))
        err_format(exc_TypeError, "expected str, bytes or os.PathLike object, not %s", short_name(TYPE(pat)));
    else if (lineno)
        r = !fnmatch(name, pat) ? 0 : lineno == None ? 1 : obj_richcompare_bool(ln, lineno, CMP_EQ);
    XDECREF(name);
    XDECREF(pat);
    XDECREF(lineno);
    return r;
}

/* Filter._match_traceback over the raw frames (most recent first): the
 * most recent frame, or any frame when all_frames, matches. */
static int filter_match_traceback(Object *self, Object *frames, int inclusive)
{
    int all = attr_true(self, "all_frames");
    Object *t = all < 0 ? NULL : as_tuple(frames, all ? "iterable" : "subscriptable");
    if (!t)
        return -1;
    int m = 0;
    if (!all && SIZE(t) == 0)
        m = (err_set_str(exc_IndexError, "tuple index out of range"), -1);
    for (ssize_t i = 0; m == 0 && i < (all ? SIZE(t) : 1); i++)
        m = filter_match_frame(self, TUPLE_GET(t, i));
    DECREF(t);
    return m < 0 ? -1 : m == inclusive;
}

static Object *filter_match(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"trace", NULL};
    Object *a[1], *t[4];
    if (bind("Filter._match", true, names, 1, args, nargs, kwnames, a) < 0 || unpack(a[0], 4, t) < 0)
        return NULL;
    int inclusive = attr_true(self, "inclusive");
    int res = inclusive < 0 ? -1 : filter_match_traceback(self, t[2], inclusive);
    Object *domain = res < 0 ? NULL : obj_getattr_str(self, "domain");
    if (domain && domain != None) {
        int same = obj_richcompare_bool(t[0], domain, CMP_EQ);
        res = same < 0 ? -1 : inclusive ? res && same : res || !same;
    }
    XDECREF(domain);
    return res < 0 || !domain ? NULL : bool_from(res);
}

static Object *domainfilter_match(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"trace", NULL};
    Object *a[1], *t[4];
    if (bind("DomainFilter._match", true, names, 1, args, nargs, kwnames, a) < 0 || unpack(a[0], 4, t) < 0)
        return NULL;
    Object *domain = obj_getattr_str(self, "domain");
    int same = domain ? obj_richcompare_bool(t[0], domain, CMP_EQ) : -1;
    int inclusive = same < 0 ? -1 : attr_true(self, "inclusive");
    XDECREF(domain);
    return inclusive < 0 ? NULL : bool_from(same == inclusive);
}

static Object *instance_dict(Object *self, void *c)
{
    (void)c;
    return XNEWREF(obj_instance_dict(self, true));
}

static const GetSetDef dict_getset[] = {
    {"__dict__", instance_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef basefilter_methods[] = {
    {"_match", basefilter_match, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef filter_methods[] = {
    {"_match", filter_match, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef domainfilter_methods[] = {
    {"_match", domainfilter_match, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef filter_getset[] = {
    PROPERTY("filename_pattern", filter_pattern),
    {NULL, NULL, NULL, NULL},
};

static const GetSetDef domainfilter_getset[] = {
    PROPERTY("domain", filter_domain),
    {NULL, NULL, NULL, NULL},
};

static Type tm_basefilter_type = {
    .base = {{1, &type_type}, 0}, .name = "tracemalloc.BaseFilter", .basicsize = REC_SIZE(1),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL, .dealloc = rec_dealloc,
    .traverse = rec_traverse, .clear = rec_clear, .new_ = rec_new, .init = basefilter_init,
    .methods = basefilter_methods, .getset = dict_getset, .dictoffset = REC_SIZE(0),
};

static Type tm_filter_type = {
    .base = {{1, &type_type}, 0}, .name = "tracemalloc.Filter", .basicsize = REC_SIZE(1),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL, .dealloc = rec_dealloc,
    .traverse = rec_traverse, .clear = rec_clear, .new_ = rec_new, .init = filter_init,
    .methods = filter_methods, .getset = filter_getset, .dictoffset = REC_SIZE(0),
    .base_type = &tm_basefilter_type,
};

static Type tm_domainfilter_type = {
    .base = {{1, &type_type}, 0}, .name = "tracemalloc.DomainFilter", .basicsize = REC_SIZE(1),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL, .dealloc = rec_dealloc,
    .traverse = rec_traverse, .clear = rec_clear, .new_ = rec_new, .init = domainfilter_init,
    .methods = domainfilter_methods, .getset = domainfilter_getset, .dictoffset = REC_SIZE(0),
    .base_type = &tm_basefilter_type,
};

/* ---- Snapshot: grouping traces into statistics ---- */

/* One group of traces: its key (frames, most recent first), the sum of
 * their sizes and their number. */
typedef struct {
    Object *key;
    ssize_t size, count;
} Group;

typedef struct {
    Object *index;              /* key -> position in groups */
    Group *groups;
    ssize_t n, cap;
} Grouping;

static void grouping_free(Grouping *g)
{
    for (ssize_t i = 0; i < g->n; i++)
        DECREF(g->groups[i].key);
    mem_free(g->groups);
    XDECREF(g->index);
}

/* The index of the group of [key], made when it is new; -1 on error. */
static ssize_t group_of(Grouping *g, Object *key)
{
    Object *pos = dict_getitem_err(g->index, key);
    if (pos || err_occurred())
        return pos ? int_as_ssize(pos) : -1;
    if (g->n == g->cap) {
        ssize_t cap = g->cap ? 2 * g->cap : 16;
        Group *more = mem_realloc(g->groups, (size_t)cap * sizeof *more);
        if (!more)
            return err_nomemory(), -1;
        g->groups = more;
        g->cap = cap;
    }
    Object *p = int_from_ssize(g->n);
    int r = p ? dict_setitem(g->index, key, p) : -1;
    XDECREF(p);
    if (r < 0)
        return -1;
    g->groups[g->n] = (Group){NEWREF(key), 0, 0};
    return g->n++;
}

/* Adds a trace of [size] bytes to the group of [key] (stolen; NULL: an
 * error is set). */
static int group_add(Grouping *g, Object *key, ssize_t size)
{
    ssize_t i = key ? group_of(g, key) : -1;
    XDECREF(key);
    if (i < 0)
        return -1;
    g->groups[i].size += size;
    g->groups[i].count++;
    return 0;
}

enum { KEY_TRACEBACK, KEY_FILENAME, KEY_LINENO };

/* The key of [frame] (a (filename, lineno) pair) in a grouping by
 * filename: ((filename, 0),); else (frame,). */
static Object *frame_key(Object *frame, int kind)
{
    Object *v[2];
    if (kind != KEY_FILENAME)
        return tuple_pack(1, frame);
    if (unpack(frame, 2, v) < 0)
        return NULL;
    Object *zero = int_from_long(0), *f = zero ? tuple_pack(2, v[0], zero) : NULL;
    Object *r = f ? tuple_pack(1, f) : NULL;
    XDECREF(zero);
    XDECREF(f);
    return r;
}

/* Adds one trace to the grouping: by its whole traceback, by its most
 * recent frame ([:1] of the frames), by the filename of that frame, or
 * (cumulative) by each of its frames. */
static int group_trace(Grouping *g, Object *trace, int kind, bool cumulative)
{
    Object *t[4];
    if (unpack(trace, 4, t) < 0)
        return -1;
    ssize_t size = int_as_ssize(t[1]);
    if (size == -1 && err_occurred())
        return -1;
    if (kind == KEY_TRACEBACK)
        return group_add(g, NEWREF(t[2]), size);
    Object *frames = as_tuple(t[2], cumulative ? "iterable" : "subscriptable");
    if (!frames)
        return -1;
    int r = 0;
    if (cumulative)
        for (ssize_t i = 0; r == 0 && i < SIZE(frames); i++)
            r = group_add(g, frame_key(TUPLE_GET(frames, i), kind), size);
    else if (kind == KEY_LINENO)
        r = group_add(g, tuple_getslice(frames, 0, 1), size);
    else if (SIZE(frames) == 0)
        r = (err_set_str(exc_IndexError, "tuple index out of range"), -1);
    else
        r = group_add(g, frame_key(TUPLE_GET(frames, 0), kind), size);
    DECREF(frames);
    return r;
}

/* Snapshot._group_by: the traces of [snap] grouped by [key_type]. */
static int group_by(Object *snap, Object *key_type, Object *cumulative_arg, Grouping *g)
{
    static const char *const kinds[] = {"traceback", "filename", "lineno"};
    int kind = 0;
    while (kind < 3 && !(TYPE_CHECK(key_type, str_type) && str_eq_cstr(key_type, kinds[kind])))
        kind++;
    if (kind == 3)
        return err_format(exc_ValueError, "unknown key_type: %R", key_type), -1;
    int cumulative = cumulative_arg ? obj_is_true(cumulative_arg) : 0;
    if (cumulative < 0)
        return -1;
    if (cumulative && kind == KEY_TRACEBACK)
        return err_format(exc_ValueError, "cumulative mode cannot by used with key type %R", key_type), -1;
    *g = (Grouping){dict_new(), NULL, 0, 0};
    Object *traces = g->index ? obj_getattr_str(snap, "traces") : NULL;
    Object *raw = traces ? obj_getattr_str(traces, "_traces") : NULL;
    Object *it = raw ? obj_iter(raw) : NULL, *trace;
    int r = it ? 0 : -1;
    while (r == 0 && (trace = obj_next(it))) {
        r = group_trace(g, trace, kind, cumulative);
        DECREF(trace);
    }
    if (r == 0 && err_occurred())
        r = -1;
    XDECREF(traces);
    XDECREF(raw);
    XDECREF(it);
    if (r < 0)
        grouping_free(g);
    return r;
}

/* A statistic ready to be sorted: its sort key and its object. */
typedef struct {
    ssize_t k[4];
    Object *frames;             /* the traceback's frames, oldest first */
    Object *stat;
} Ranked;

static int ranked_cmp(const void *pa, const void *pb)
{
    const Ranked *a = pa, *b = pb;
    for (int i = 0; i < 4; i++)
        if (a->k[i] != b->k[i])
            return a->k[i] < b->k[i] ? 1 : -1;
    int lt = obj_richcompare_bool(a->frames, b->frames, CMP_LT);
    int gt = lt ? 0 : obj_richcompare_bool(b->frames, a->frames, CMP_LT);
    if (err_occurred())
        err_clear();
    return lt > 0 ? 1 : gt > 0 ? -1 : 0;
}

/* The list of the [n] statistics of [r], largest first; frees [r]. */
static Object *ranked_list(Ranked *r, ssize_t n)
{
    qsort(r, (size_t)n, sizeof *r, ranked_cmp);
    Object *l = list_new(n);
    for (ssize_t i = 0; i < n; i++) {
        if (l)
            LIST_ITEMS(l)[i] = NEWREF(r[i].stat);
        DECREF(r[i].stat);
    }
    mem_free(r);
    return l;
}

static ssize_t absz(ssize_t v) { return v < 0 ? -v : v; }

/* A Statistic (or StatisticDiff when [diff]) of [tb] (stolen) into r[i]. */
static int rank(Ranked *r, ssize_t i, Object *tb, ssize_t size, ssize_t count, const ssize_t *diff)
{
    Object *stat;
    if (!diff) {
        Object *v[3] = {tb, int_from_ssize(size), int_from_ssize(count)};
        stat = rec_make(&tm_statistic_type, 3, v);
        r[i] = (Ranked){{size, count, 0, 0}, NULL, stat};
    } else {
        Object *v[5] = {tb, int_from_ssize(size), int_from_ssize(diff[0]), int_from_ssize(count),
                        int_from_ssize(diff[1])};
        stat = rec_make(&tm_statistic_diff_type, 5, v);
        r[i] = (Ranked){{absz(diff[0]), size, absz(diff[1]), count}, NULL, stat};
    }
    if (!stat)
        return -1;
    r[i].frames = REC(tb)[0];           /* the Traceback's _frames */
    return 0;
}

/* Releases the first [n] of [r] after an error. */
static Object *ranked_fail(Ranked *r, ssize_t n)
{
    while (n--)
        DECREF(r[n].stat);
    mem_free(r);
    return NULL;
}

static Object *snapshot_statistics(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"key_type", "cumulative", NULL};
    Object *a[2];
    Grouping g;
    if (bind("Snapshot.statistics", true, names, 1, args, nargs, kwnames, a) < 0 ||
        group_by(self, a[0], a[1], &g) < 0)
        return NULL;
    Ranked *r = mem_malloc((size_t)(g.n ? g.n : 1) * sizeof *r);
    ssize_t i = 0;
    for (; r && i < g.n; i++)
        if (rank(r, i, traceback_from(g.groups[i].key), g.groups[i].size, g.groups[i].count, NULL) < 0)
            break;
    grouping_free(&g);
    if (!r)
        return err_nomemory();
    return i < g.n ? ranked_fail(r, i) : ranked_list(r, i);
}

/* The differences between the groupings [now] and [before]: groups of
 * [now] first (new or changed), then those only [before] had. */
static Object *diff_groups(Grouping *now, Grouping *before)
{
    ssize_t cap = now->n + before->n, n = 0;
    Ranked *r = mem_malloc((size_t)(cap ? cap : 1) * sizeof *r);
    bool *seen = mem_calloc((size_t)(before->n ? before->n : 1), 1);
    if (!r || !seen) {
        mem_free(r);
        mem_free(seen);
        return err_nomemory();
    }
    for (ssize_t i = 0; i < now->n; i++, n++) {
        Group *x = &now->groups[i];
        Object *pos = dict_getitem(before->index, x->key);
        ssize_t j = pos ? int_as_ssize(pos) : -1;
        Group *old = j >= 0 ? &before->groups[j] : &(Group){NULL, 0, 0};
        if (j >= 0)
            seen[j] = true;
        ssize_t d[2] = {x->size - old->size, x->count - old->count};
        if (rank(r, n, traceback_from(x->key), x->size, x->count, d) < 0)
            goto fail;
    }
    for (ssize_t j = 0; j < before->n; j++) {
        Group *x = &before->groups[j];
        ssize_t d[2] = {-x->size, -x->count};
        if (!seen[j] && rank(r, n++, traceback_from(x->key), 0, 0, d) < 0) {
            n--;
            goto fail;
        }
    }
    mem_free(seen);
    return ranked_list(r, n);
fail:
    mem_free(seen);
    return ranked_fail(r, n);
}

static Object *snapshot_compare_to(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"old_snapshot", "key_type", "cumulative", NULL};
    Object *a[3];
    Grouping now, before;
    if (bind("Snapshot.compare_to", true, names, 2, args, nargs, kwnames, a) < 0 ||
        group_by(self, a[1], a[2], &now) < 0)
        return NULL;
    if (!obj_is_instance_of(a[0], &tm_snapshot_type)) {
        grouping_free(&now);
        return err_format(exc_AttributeError, "'%s' object has no attribute '_group_by'", short_name(TYPE(a[0])));
    }
    if (group_by(a[0], a[1], a[2], &before) < 0) {
        grouping_free(&now);
        return NULL;
    }
    Object *r = diff_groups(&now, &before);
    grouping_free(&now);
    grouping_free(&before);
    return r;
}

/* A Snapshot of [traces] with [limit] (borrowed). */
static Object *snapshot_of(Object *traces, Object *limit)
{
    Object *args[2] = {traces, limit};
    return obj_call((Object *)&tm_snapshot_type, args, 2, NULL);
}

/* Snapshot._filter_trace: 1 when [trace] passes the filters. */
static int filter_trace(Object *include, Object *exclude, Object *trace)
{
    bool any = SIZE(include) == 0;
    for (ssize_t i = 0; !any && i < SIZE(include); i++) {
        Object *m = obj_call_method(LIST_GET(include, i), "_match", &trace, 1);
        int t = m ? obj_is_true(m) : -1;
        XDECREF(m);
        if (t < 0)
            return -1;
        any = t;
    }
    for (ssize_t i = 0; any && i < SIZE(exclude); i++) {
        Object *m = obj_call_method(LIST_GET(exclude, i), "_match", &trace, 1);
        int t = m ? obj_is_true(m) : -1;
        XDECREF(m);
        if (t <= 0)
            return t;
    }
    return any;
}

/* Sorts the filters of [filters] into [include] and [exclude] by their
 * inclusive attribute. */
static int split_filters(Object *filters, Object *include, Object *exclude)
{
    Object *it = obj_iter(filters), *f;
    int r = it ? 0 : -1;
    while (r == 0 && (f = obj_next(it))) {
        int inc = attr_true(f, "inclusive");
        r = inc < 0 ? -1 : list_append(inc ? include : exclude, f);
        DECREF(f);
    }
    XDECREF(it);
    return r < 0 || err_occurred() ? -1 : 0;
}

/* The list of the traces of [traces] that pass the filters of [filters]. */
static Object *filtered(Object *traces, Object *filters)
{
    Object *include = list_new(0), *exclude = list_new(0), *out = list_new(0);
    Object *it = include && exclude && out && split_filters(filters, include, exclude) == 0 ? obj_iter(traces) : NULL;
    Object *trace;
    int r = it ? 0 : -1;
    while (r == 0 && (trace = obj_next(it))) {
        r = filter_trace(include, exclude, trace);
        r = r > 0 ? list_append(out, trace) : r;
        DECREF(trace);
    }
    if (r < 0 || err_occurred())
        CLEAR(out);
    XDECREF(it);
    XDECREF(include);
    XDECREF(exclude);
    return out;
}

static Object *snapshot_filter_traces(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"filters", NULL};
    Object *a[1];
    if (bind("Snapshot.filter_traces", true, names, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!TYPE(a[0])->iter)
        return err_format(exc_TypeError, "filters must be a list of filters, not %s", short_name(TYPE(a[0])));
    int any = obj_is_true(a[0]);
    Object *traces = any < 0 ? NULL : obj_getattr_str(self, "traces");
    Object *raw = traces ? obj_getattr_str(traces, "_traces") : NULL;
    Object *kept = !raw ? NULL : any ? filtered(raw, a[0]) : obj_call_method(raw, "copy", NULL, 0);
    Object *limit = kept ? obj_getattr_str(self, "traceback_limit") : NULL;
    Object *r = limit ? snapshot_of(kept, limit) : NULL;
    XDECREF(traces);
    XDECREF(raw);
    XDECREF(kept);
    XDECREF(limit);
    return r;
}

static int snapshot_init(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    static const char *const names[] = {"traces", "traceback_limit", NULL};
    Object *a[2];
    if (bind("Snapshot.__init__", true, names, 2, args, nargs, kwnames, a) < 0)
        return -1;
    Object *v[1] = {NEWREF(a[0])};
    Object *traces = rec_make(&tm_traces_type, 1, v);
    int r = traces && set_attr(self, "traces", traces) == 0 ? set_attr(self, "traceback_limit", a[1]) : -1;
    XDECREF(traces);
    return r;
}

static const MethodDef snapshot_methods[] = {
    {"statistics", snapshot_statistics, 0, NULL},
    {"compare_to", snapshot_compare_to, 0, NULL},
    {"filter_traces", snapshot_filter_traces, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static Type tm_snapshot_type = {
    .base = {{1, &type_type}, 0}, .name = "tracemalloc.Snapshot", .basicsize = REC_SIZE(1),
    .flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_TUPLE_CALL, .dealloc = rec_dealloc,
    .traverse = rec_traverse, .clear = rec_clear, .new_ = rec_new, .init = snapshot_init,
    .methods = snapshot_methods, .getset = dict_getset, .dictoffset = REC_SIZE(0),
};

/* ---- the functions of _tracemalloc ---- */

static Object *tm_start(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *a[1];
    if (args_no_keywords("_tracemalloc.start", kwnames) < 0 || args_positional("start", args, nargs, NULL, 0, 1, a) < 0)
        return NULL;
    long n = 1;
    if (a[0]) {
        Object *i = num_index(a[0]);
        n = i ? int_as_long(i) : -1;
        XDECREF(i);
        if (n == -1 && err_occurred()) {
            if (!err_matches(exc_OverflowError))
                return NULL;
            err_clear();
            n = LONG_MAX;
        }
        if (n > INT_MAX || n < INT_MIN)
            return err_format(exc_OverflowError, "Python int too large to convert to C int");
    }
    if (n < 1 || n > MAX_NFRAME)
        return err_format(exc_ValueError, "the number of frames must be in range [1; %d]", MAX_NFRAME);
    return start_tracing((int)n) < 0 ? NULL : none_new();
}

/* The checks of a function of _tracemalloc that takes no argument. */
static int no_args(const char *name, Object *const *args, ssize_t nargs, Object *kwnames)
{
    (void)args;                 /* only their number counts */
    if (args_no_keywords(name, kwnames) < 0)
        return -1;
    if (nargs)
        return err_format(exc_TypeError, "%s() takes no arguments (%zd given)", name, nargs), -1;
    return 0;
}

static Object *tm_stop(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (no_args("_tracemalloc.stop", args, nargs, kwnames) < 0)
        return NULL;
    stop_tracing();
    return none_new();
}

static Object *tm_is_tracing(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    return no_args("_tracemalloc.is_tracing", args, nargs, kwnames) < 0 ? NULL : bool_from(tm.tracing);
}

static Object *tm_clear_traces(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (no_args("_tracemalloc.clear_traces", args, nargs, kwnames) < 0)
        return NULL;
    if (tm.tracing)
        clear_tables();
    return none_new();
}

static Object *tm_get_traced_memory(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (no_args("_tracemalloc.get_traced_memory", args, nargs, kwnames) < 0)
        return NULL;
    size_t now = tm.traced, peak = tm.peak;
    Object *a = int_from_ulong(now), *b = int_from_ulong(peak);
    Object *r = a && b ? tuple_pack(2, a, b) : NULL;
    XDECREF(a);
    XDECREF(b);
    return r;
}

static Object *tm_reset_peak(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (no_args("_tracemalloc.reset_peak", args, nargs, kwnames) < 0)
        return NULL;
    tm.peak = tm.traced;
    return none_new();
}

static Object *tm_get_traceback_limit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (no_args("_tracemalloc.get_traceback_limit", args, nargs, kwnames) < 0)
        return NULL;
    return int_from_long(tm.max_nframe);
}

static Object *tm_get_tracemalloc_memory(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (no_args("_tracemalloc.get_tracemalloc_memory", args, nargs, kwnames) < 0)
        return NULL;
    size_t n = tm.traces_cap * sizeof(TraceEntry) + tm.tbs_cap * sizeof(TTraceback *) + tm.tbs_bytes +
               (tm.scratch ? tb_bytes(tm.max_nframe) : 0);
    return int_from_ulong(n);
}

static Object *tm_get_object_traceback_frames(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *o;
    if (args_positional("_get_object_traceback", args, nargs, kwnames, 1, 1, &o) < 0)
        return NULL;
    return object_frames(o);
}

static Object *tm_get_traces(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    if (no_args("_tracemalloc._get_traces", args, nargs, kwnames) < 0)
        return NULL;
    return tm.tracing ? get_traces() : list_new(0);
}

static const MethodDef tracemalloc_c_functions[] = {
    {"start", tm_start, 0, NULL},
    {"stop", tm_stop, 0, NULL},
    {"is_tracing", tm_is_tracing, 0, NULL},
    {"clear_traces", tm_clear_traces, 0, NULL},
    {"get_traced_memory", tm_get_traced_memory, 0, NULL},
    {"reset_peak", tm_reset_peak, 0, NULL},
    {"get_traceback_limit", tm_get_traceback_limit, 0, NULL},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory, 0, NULL},
    {"_get_object_traceback", tm_get_object_traceback_frames, 0, NULL},
    {"_get_traces", tm_get_traces, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- the functions of tracemalloc.py ---- */

static Object *tm_get_object_traceback(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const names[] = {"obj", NULL};
    Object *a[1];
    if (bind("get_object_traceback", false, names, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    Object *frames = object_frames(a[0]);
    if (!frames || frames == None)
        return frames;
    Object *r = traceback_from(frames);
    DECREF(frames);
    return r;
}

static Object *tm_take_snapshot(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const names[] = {NULL};
    if (bind("take_snapshot", false, names, 0, args, nargs, kwnames, NULL) < 0)
        return NULL;
    if (!tm.tracing)
        return err_format(exc_RuntimeError, "the tracemalloc module must be tracing memory "
                                            "allocations to take a snapshot");
    Object *traces = get_traces(), *limit = traces ? int_from_long(tm.max_nframe) : NULL;
    Object *r = limit ? snapshot_of(traces, limit) : NULL;
    XDECREF(traces);
    XDECREF(limit);
    return r;
}

static Object *tm_format_size(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const names[] = {"size", "sign", NULL};
    Object *a[2];
    if (bind("_format_size", false, names, 2, args, nargs, kwnames, a) < 0)
        return NULL;
    int sign = obj_is_true(a[1]);
    return sign < 0 ? NULL : format_size(a[0], sign);
}

static Object *tm_normalize_filename(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    static const char *const names[] = {"filename", NULL};
    Object *a[1];
    if (bind("_normalize_filename", false, names, 1, args, nargs, kwnames, a) < 0)
        return NULL;
    return normalize_filename(a[0]);
}

static const MethodDef tracemalloc_functions[] = {
    {"get_object_traceback", tm_get_object_traceback, 0, NULL},
    {"take_snapshot", tm_take_snapshot, 0, NULL},
    {"_format_size", tm_format_size, 0, NULL},
    {"_normalize_filename", tm_normalize_filename, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- the module ---- */

/* The owner of the tracing state: the functions of _tracemalloc hold their
 * module, whose dict holds this object; when it goes (at exit, or when
 * nothing uses the module any more), tracing stops and the traces go. */
typedef struct {
    Object base;
} TracerObject;

static Object *the_tracer;      /* borrowed: alive while a module uses it */

static void tracer_dealloc(Object *o)
{
    stop_tracing();
    the_tracer = NULL;
    obj_free(o);
}

static Type tracer_type = {
    .base = {{1, &type_type}, 0}, .name = "_tracemalloc.Tracer", .basicsize = sizeof(TracerObject),
    .dealloc = tracer_dealloc,
};

Object *lib__tracemalloc_init(void)
{
    Object *m = module_new("_tracemalloc");
    if (!m)
        return NULL;
    if (!the_tracer)
        the_tracer = obj_alloc(&tracer_type, 0);
    else
        INCREF(the_tracer);
    if (module_add(m, "_tracer", the_tracer) < 0 || module_add_functions(m, tracemalloc_c_functions) < 0)
        CLEAR(m);
    return m;
}

Object *lib_tracemalloc_init(void)
{
    static const struct { const char *name; Type *type; } types[] = {
        {"Frame", &tm_frame_type}, {"Traceback", &tm_traceback_type}, {"Statistic", &tm_statistic_type},
        {"StatisticDiff", &tm_statistic_diff_type}, {"Trace", &tm_trace_type}, {"_Traces", &tm_traces_type},
        {"BaseFilter", &tm_basefilter_type}, {"Filter", &tm_filter_type},
        {"DomainFilter", &tm_domainfilter_type}, {"Snapshot", &tm_snapshot_type},
    };
    Object *name = str_from_cstr("_tracemalloc");
    Object *c = name ? import_module(name) : NULL, *m = c ? module_new("tracemalloc") : NULL;
    XDECREF(name);
    if (!m || module_add_functions(m, tracemalloc_functions) < 0)
        goto fail;
    for (const MethodDef *d = tracemalloc_c_functions; d->name; d++) {
        Object *f = obj_getattr_str(c, d->name);
        if (module_add(m, d->name, f) < 0)
            goto fail;
    }
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if ((!(types[i].type->flags & TPFLAG_READY) && type_ready(types[i].type) < 0) ||
            module_add(m, types[i].name, NEWREF(types[i].type)) < 0)
            goto fail;
    DECREF(c);
    return m;
fail:
    XDECREF(c);
    XDECREF(m);
    return NULL;
}
