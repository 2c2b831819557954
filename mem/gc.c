/* gc.c — the generational cyclic garbage collector.
 *
 * Reference counting frees everything except cycles.  Every container that
 * can be part of one carries a GCHead in front of it and, while tracked,
 * sits on exactly one generation's circular doubly linked list:
 *
 *   generation 0  (young)   head <-> obj <-> obj <-> ... <-> head
 *   generation 1
 *   generation 2  (old)
 *   permanent               (gc.freeze(): never examined)
 *
 * Generation 0's count is allocations minus deallocations of GC objects;
 * an older generation's count is the number of collections of the one
 * below it.  When a count passes its threshold (700, 10, 10) the oldest such
 * generation is collected, together with all younger ones:
 *
 *   1. gc_refs = refcount, for every object being collected;
 *   2. for every reference between two of them, gc_refs -= 1 (traverse);
 *      when every tracked object is being collected, one walk does both;
 *   3. one walk sorts the list: an object with gc_refs > 0 is referenced
 *      from outside, so it and all it reaches are alive; one with gc_refs 0
 *      is set aside as unreachable, and comes back behind the others if an
 *      alive object turns out to reach it (so the order of the survivors,
 *      and later of finalizers, is CPython's); as it goes, the walk
 *      untracks the survivors that hold only atomic values (tuples, and
 *      dicts in a full collection), deciding each as CPython 3.11's own
 *      later walks would;
 *   4. survivors move one generation up;
 *   5. unreachable objects' finalizers (__del__) run, once per object;
 *   6. if one ran, the objects it made reachable again are resurrected;
 *   7. the rest are broken apart with their type's clear hook and freed by
 *      reference counting;
 *   8. a collection of generation 2 ends by emptying the per-type free
 *      lists (through the hook vm/ sets), which frees what they held.
 *
 * The `prev` word of a GCHead keeps flags in its low bits.  During steps
 * 1-3 it holds gc_refs above them instead of the link, so the list being
 * sorted is walked through `next` only; step 3 makes it a link again.
 */
#include <stdio.h>
#include <time.h>
#include "gc.h"
#include "mem.h"

#define NUM_GENERATIONS 3

/* Low bits of GCHead.prev. */
#define PREV_FINALIZED   ((uintptr_t)1) /* __del__ has run: never again (PEP 442) */
#define PREV_COLLECTING  ((uintptr_t)2) /* in the set being collected */
#define PREV_UNREACHABLE ((uintptr_t)4) /* set aside by move_unreachable's walk */
#define PREV_FLAGS       ((uintptr_t)7)
#define REFS_SHIFT 3

typedef struct {
    GCHead head;
    int threshold;
    int count;
} Generation;

typedef struct {
    Generation gen[NUM_GENERATIONS];
    GCHead permanent;
    bool enabled, collecting;
    int debug;
    ssize_t long_lived_total, long_lived_pending;
    GCStats stats[NUM_GENERATIONS];
    GCHooks hooks;
    void (*clear_freelists)(void);
} GCState;

static GCState gc;

/* ---- list primitives (they keep the flag bits of prev) ---- */

static GCHead *prev_of(GCHead *g) { return (GCHead *)(g->prev & ~PREV_FLAGS); }
static void set_prev(GCHead *g, GCHead *p) { g->prev = (g->prev & PREV_FLAGS) | (uintptr_t)p; }

static void list_init(GCHead *h)
{
    h->next = h;
    h->prev = (uintptr_t)h;
}

static bool list_empty(GCHead *h) { return h->next == h; }

static void list_append(GCHead *node, GCHead *list)
{
    GCHead *last = prev_of(list);
    last->next = node;
    set_prev(node, last);
    node->next = list;
    set_prev(list, node);
}

static void list_remove(GCHead *node)
{
    GCHead *prev = prev_of(node), *next = node->next;
    prev->next = next;
    set_prev(next, prev);
    node->next = NULL;
    node->prev &= PREV_FINALIZED;
}

static void list_move(GCHead *node, GCHead *list)
{
    GCHead *prev = prev_of(node), *next = node->next;
    prev->next = next;
    set_prev(next, prev);
    list_append(node, list);
}

/* Appends all of [from] to [to]; [from] becomes empty. */
static void list_merge(GCHead *from, GCHead *to)
{
    if (list_empty(from))
        return;
    GCHead *to_last = prev_of(to), *first = from->next, *last = prev_of(from);
    to_last->next = first;
    set_prev(first, to_last);
    last->next = to;
    set_prev(to, last);
    list_init(from);
}

static ssize_t list_size(GCHead *h)
{
    ssize_t n = 0;
    for (GCHead *g = h->next; g != h; g = g->next)
        n++;
    return n;
}

/* ---- the public tracking interface ---- */

void gc_init(void)
{
    static const int thresholds[NUM_GENERATIONS] = {700, 10, 10};
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        list_init(&gc.gen[i].head);
        gc.gen[i].threshold = thresholds[i];
        gc.gen[i].count = 0;
    }
    list_init(&gc.permanent);
    gc.enabled = true;
}

void gc_set_hooks(const GCHooks *hooks)
{
    GCHooks old = gc.hooks;
    gc.hooks = *hooks;
    if (old.release && old.release != hooks->release)
        old.release();
}

void gc_set_freelist_hook(void (*clear)(void)) { gc.clear_freelists = clear; }

void gc_track(Object *o)
{
    GCHead *g = AS_GC(o);
    if (!g->next)
        list_append(g, &gc.gen[0].head);
}

void gc_untrack(Object *o)
{
    GCHead *g = AS_GC(o);
    if (g->next)
        list_remove(g);
}

bool gc_is_tracked(Object *o)
{
    return obj_is_gc(o) && AS_GC(o)->next != NULL;
}

bool gc_is_finalized(Object *o)
{
    return obj_is_gc(o) && (AS_GC(o)->prev & PREV_FINALIZED);
}

void gc_set_finalized(Object *o)
{
    AS_GC(o)->prev |= PREV_FINALIZED;
}

static void collect_generations(void);

void gc_note_alloc(void)
{
    gc.gen[0].count++;
    if (gc.gen[0].count > gc.gen[0].threshold && gc.enabled && gc.gen[0].threshold &&
        !gc.collecting && (!gc.hooks.can_collect || gc.hooks.can_collect()))
        collect_generations();
}

void gc_note_free(void)
{
    if (gc.gen[0].count > 0)
        gc.gen[0].count--;
}

/* ---- the collection ----
 * Each step walks a list of objects spread over the heap; the walks ask the
 * CPU to fetch the node after next while they work on this one. */

static ssize_t refs_of(GCHead *g) { return (ssize_t)(g->prev >> REFS_SHIFT); }
static void set_refs(GCHead *g, ssize_t n)
{
    g->prev = (g->prev & PREV_FLAGS) | ((uintptr_t)n << REFS_SHIFT);
}

static bool is_collecting(Object *o)
{
    return obj_is_gc(o) && AS_GC(o)->next && (AS_GC(o)->prev & PREV_COLLECTING);
}

/* Puts [g] in the collecting set with gc_refs = refcount; its prev link is
 * given up. */
static void start_refs(GCHead *g)
{
    uintptr_t refs = (uintptr_t)REFCNT(FROM_GC(g)) << REFS_SHIFT;
    g->prev = (g->prev & PREV_FINALIZED) | PREV_COLLECTING | refs;
}

/* Step 1: gc_refs = refcount. */
static void update_refs(GCHead *list)
{
    for (GCHead *g = list->next; g != list; g = g->next) {
        __builtin_prefetch(g->next->next);
        start_refs(g);
    }
}

static void decref(GCHead *g)
{
    if (refs_of(g) > 0)
        set_refs(g, refs_of(g) - 1);
}

static int visit_decref(Object *o, void *arg)
{
    (void)arg;
    if (is_collecting(o))
        decref(AS_GC(o));
    return 0;
}

/* Step 2: subtract the references the collected objects hold to each other. */
static void subtract_refs(GCHead *list)
{
    for (GCHead *g = list->next; g != list; g = g->next) {
        __builtin_prefetch(g->next->next);
        Object *o = FROM_GC(g);
        if (TYPE(o)->traverse)
            TYPE(o)->traverse(o, visit_decref, NULL);
    }
}

/* visit_decref when every tracked object is being collected: one that
 * neither the walk nor a reference has reached yet starts its gc_refs. */
static int visit_decref_all(Object *o, void *arg)
{
    (void)arg;
    if (!obj_is_gc(o) || !AS_GC(o)->next)
        return 0;
    GCHead *g = AS_GC(o);
    if (!(g->prev & PREV_COLLECTING))
        start_refs(g);
    decref(g);
    return 0;
}

/* Steps 1 and 2 in one walk, when [list] holds every tracked object (a
 * full collection with nothing frozen): outside a collection no tracked
 * object is in the collecting set, so the first to reach an object, the
 * walk or a reference to it, starts its gc_refs.  One walk of a large
 * heap fewer: each costs about as much as the memory it must fetch. */
static void count_refs_all(GCHead *list)
{
    for (GCHead *g = list->next; g != list; g = g->next) {
        __builtin_prefetch(g->next->next);
        if (!(g->prev & PREV_COLLECTING))
            start_refs(g);
        Object *o = FROM_GC(g);
        if (TYPE(o)->traverse)
            TYPE(o)->traverse(o, visit_decref_all, NULL);
    }
}

/* Called by a traverse hook for each object an alive object references:
 * [o], if it is being collected, is alive too.  If the walk of
 * move_unreachable has already set it aside as unreachable, it goes back to
 * the tail of [young] (the walk will meet it again there); if the walk has
 * not reached it yet, a gc_refs of 1 tells the walk it is alive. */
static int visit_reachable(Object *o, void *young)
{
    if (!is_collecting(o))
        return 0;               /* outside the collection, or already walked */
    GCHead *g = AS_GC(o);
    if (g->prev & PREV_UNREACHABLE) {
        GCHead *prev = prev_of(g), *next = g->next;
        prev->next = next;
        set_prev(next, prev);
        g->prev &= ~PREV_UNREACHABLE;
        list_append(g, young);
        set_refs(g, 1);
    } else if (refs_of(g) == 0) {
        set_refs(g, 1);
    }
    return 0;
}

/* Whether a value keeps a container from being untracked (CPython's
 * _PyObject_GC_MAY_BE_TRACKED): any GC object, except an untracked tuple.
 * A tracked tuple that move_unreachable's walk has not reached yet (still
 * collecting) may still be untracked by it: it sets *[waits] instead. */
static int visit_maybe_tracked(Object *o, void *waits)
{
    if (!obj_is_gc(o))
        return 0;
    GCHead *g = AS_GC(o);
    if (!(TYPE(o)->flags & TPFLAG_GC_UNTRACK_YOUNG))
        return 1;
    if (!g->next)
        return 0;
    if (!(g->prev & PREV_COLLECTING))
        return 1;
    *(bool *)waits = true;
    return 0;
}

typedef enum { KEEP_TRACKED, UNTRACK, UNDECIDED } Verdict;

/* Whether [o], a survivor, is untracked: its type is one of [flags] and it
 * holds only atomic values.  CPython 3.11 untracks tuples in one walk of
 * the survivors and then, in a full collection, dicts in another; the walk
 * of move_unreachable meets the survivors in that same order and decides
 * each as it goes.  A tuple that holds a tuple the walk has not reached yet
 * stays tracked, as in CPython's walk; a dict that holds one is UNDECIDED,
 * as CPython looks at dicts only after every tuple. */
static Verdict untrack_verdict(Object *o, unsigned long flags)
{
    Type *t = TYPE(o);
    if (!(t->flags & flags) || !t->traverse)
        return KEEP_TRACKED;
    bool waits = false;
    if (t->traverse(o, visit_maybe_tracked, &waits))
        return KEEP_TRACKED;
    if (!waits)
        return UNTRACK;
    return (t->flags & TPFLAG_GC_UNTRACK_YOUNG) ? KEEP_TRACKED : UNDECIDED;
}

/* What move_unreachable's walk found. */
typedef struct {
    ssize_t survivors;          /* those still tracked */
    bool undecided;             /* some dict is left for untrack_atomic */
    ssize_t unreachable;
    bool finalizers;            /* some unreachable object's finalizer has not run */
} Sorted;

/* Step 3 (CPython's move_unreachable): one walk of [young], front to back.
 * An object with gc_refs > 0 is alive: its traverse hook marks what it
 * references as alive, it leaves the collecting set and, if its type is one
 * of [untrack] and it holds only atomic values, it is untracked (CPython
 * does that in walks of its own after this one, in the same order).  An
 * object with gc_refs == 0 is taken, for now, for unreachable and moves to
 * the tail of [unreachable] (with the UNREACHABLE flag); visit_reachable
 * brings it back to the tail of [young] if an alive object is found to
 * reference it.  So survivors end in the order the walk met them.  During
 * the walk [young] is linked through next only (prev holds gc_refs), its
 * head's prev naming its tail; [unreachable] is a whole list.  At the end
 * both are whole lists, and only the unreachable objects are still in the
 * collecting set. */
static Sorted move_unreachable(GCHead *young, GCHead *unreachable, unsigned long untrack)
{
    Sorted sorted = {0, false, 0, false};
    GCHead *prev = young;       /* the last object of young known alive */
    for (GCHead *g = young->next; g != young; g = prev->next) {
        if (refs_of(g) > 0) {
            Object *o = FROM_GC(g);
            if (TYPE(o)->traverse)
                TYPE(o)->traverse(o, visit_reachable, young);
            Verdict v = untrack ? untrack_verdict(o, untrack) : KEEP_TRACKED;
            if (v == UNTRACK) {
                prev->next = g->next;
                g->next = NULL;
                g->prev &= PREV_FINALIZED;
                continue;
            }
            sorted.undecided |= v == UNDECIDED;
            sorted.survivors++;
            g->prev = (g->prev & PREV_FINALIZED) | (uintptr_t)prev;
            prev = g;
        } else {
            prev->next = g->next;
            list_append(g, unreachable);
            g->prev |= PREV_UNREACHABLE;
        }
    }
    set_prev(young, prev);
    for (GCHead *g = unreachable->next; g != unreachable; g = g->next) {
        g->prev &= ~PREV_UNREACHABLE;
        sorted.unreachable++;
        sorted.finalizers |= !(g->prev & PREV_FINALIZED) && TYPE(FROM_GC(g))->finalize;
    }
    return sorted;
}

/* The walk that decides the dicts move_unreachable left UNDECIDED: untracks
 * the objects of [list] whose type allows it ([flag]) and whose contents
 * are all atomic; returns how many objects stay. */
static ssize_t untrack_atomic(GCHead *list, unsigned long flag)
{
    ssize_t left = 0;
    GCHead *g = list->next;
    while (g != list) {
        GCHead *next = g->next;
        __builtin_prefetch(next->next);
        if (untrack_verdict(FROM_GC(g), flag) == UNTRACK)
            list_remove(g);
        else
            left++;
        g = next;
    }
    return left;
}

/* Step 5: runs each finalizer once; objects may die or come back meanwhile. */
static void finalize_garbage(GCHead *unreachable)
{
    GCHead seen;
    list_init(&seen);
    while (!list_empty(unreachable)) {
        GCHead *g = unreachable->next;
        Object *o = FROM_GC(g);
        list_move(g, &seen);
        if (!(g->prev & PREV_FINALIZED) && TYPE(o)->finalize) {
            g->prev |= PREV_FINALIZED;
            INCREF(o);
            TYPE(o)->finalize(o);
            DECREF(o);
        }
    }
    list_merge(&seen, unreachable);
}

/* Step 6: what a finalizer made reachable again goes to [old]; what is
 * still garbage stays in [unreachable], and is counted. */
static ssize_t handle_resurrected(GCHead *unreachable, GCHead *old)
{
    GCHead still;
    list_init(&still);
    update_refs(unreachable);
    subtract_refs(unreachable);
    ssize_t n = move_unreachable(unreachable, &still, 0).unreachable;
    list_merge(unreachable, old);
    list_merge(&still, unreachable);
    return n;
}

/* Step 7: breaks the cycles; survivors of clear() move to [old]. */
static void delete_garbage(GCHead *unreachable, GCHead *old)
{
    while (!list_empty(unreachable)) {
        GCHead *g = unreachable->next;
        Object *o = FROM_GC(g);
        if ((gc.debug & GC_DEBUG_SAVEALL) && gc.hooks.save_garbage) {
            gc.hooks.save_garbage(o);
        } else if (TYPE(o)->clear) {
            INCREF(o);
            TYPE(o)->clear(o);
            DECREF(o);
        }
        if (unreachable->next == g) {
            g->prev &= ~PREV_COLLECTING;
            list_move(g, old);
        }
    }
}

/* Steps 1-4: merges the generations up to [generation] into its list, sets
 * the unreachable objects aside in [unreachable], untracks the atomic
 * survivors and moves the others up a generation. */
static Sorted sort_young(int generation, GCHead *unreachable)
{
    for (int i = 0; i < generation; i++)
        list_merge(&gc.gen[i].head, &gc.gen[generation].head);
    GCHead *young = &gc.gen[generation].head;
    bool full = generation == NUM_GENERATIONS - 1;
    if (full && list_empty(&gc.permanent)) {
        count_refs_all(young);  /* young holds every tracked object */
    } else {
        update_refs(young);
        subtract_refs(young);
    }
    /* dicts are untracked in full collections only */
    unsigned long untrack = TPFLAG_GC_UNTRACK_YOUNG | (full ? TPFLAG_GC_UNTRACK_FULL : 0);
    Sorted sorted = move_unreachable(young, unreachable, untrack);
    if (sorted.undecided)
        sorted.survivors = untrack_atomic(young, TPFLAG_GC_UNTRACK_FULL);
    if (full) {
        gc.long_lived_pending = 0;
        gc.long_lived_total = sorted.survivors;
    } else {
        if (generation == NUM_GENERATIONS - 2)
            gc.long_lived_pending += sorted.survivors;
        list_merge(young, &gc.gen[generation + 1].head);
    }
    return sorted;
}

static void debug_stats_start(int generation)
{
    fprintf(stderr, "gc: collecting generation %d...\n", generation);
    fprintf(stderr, "gc: objects in each generation:");
    for (int i = 0; i < NUM_GENERATIONS; i++)
        fprintf(stderr, " %zd", list_size(&gc.gen[i].head));
    fprintf(stderr, "\ngc: objects in permanent generation: %zd\n", list_size(&gc.permanent));
}

static void debug_list(GCHead *list, const char *what)
{
    for (GCHead *g = list->next; g != list; g = g->next) {
        Object *o = FROM_GC(g);
        fprintf(stderr, "gc: %s <%s %p>\n", what, TYPE(o)->name, (void *)o);
    }
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Collects [generation] and all younger ones; returns the number of
 * unreachable objects found. */
static ssize_t collect(int generation)
{
    double t0 = 0;
    if (gc.debug & GC_DEBUG_STATS) {
        debug_stats_start(generation);
        t0 = now_seconds();
    }
    if (generation + 1 < NUM_GENERATIONS)
        gc.gen[generation + 1].count++;
    for (int i = 0; i <= generation; i++)
        gc.gen[i].count = 0;
    GCHead *old = &gc.gen[generation < NUM_GENERATIONS - 1 ? generation + 1 : generation].head;
    GCHead unreachable;
    list_init(&unreachable);
    Sorted sorted = sort_young(generation, &unreachable);
    if (gc.debug & GC_DEBUG_COLLECTABLE)
        debug_list(&unreachable, "collectable");
    /* without a finalizer to run no code runs: every object stays
     * unreachable, and handle_resurrected would leave the list as it is */
    ssize_t m = sorted.unreachable;
    if (sorted.finalizers) {
        finalize_garbage(&unreachable);
        m = handle_resurrected(&unreachable, old);
    }
    delete_garbage(&unreachable, old);
    if (gc.debug & GC_DEBUG_STATS)
        fprintf(stderr, "gc: done, %zd unreachable, 0 uncollectable, %.4fs elapsed\n", m,
                now_seconds() - t0);
    if (generation == NUM_GENERATIONS - 1 && gc.clear_freelists)
        gc.clear_freelists();
    gc.stats[generation].collections++;
    gc.stats[generation].collected += m;
    return m;
}

/* Runs one collection of [generation], telling the hooks before and after. */
static ssize_t collect_with_callback(int generation)
{
    if (gc.hooks.phase)
        gc.hooks.phase(true, generation, 0, 0);
    ssize_t n = collect(generation);
    if (gc.hooks.phase)
        gc.hooks.phase(false, generation, n, 0);
    return n;
}

static void collect_generations(void)
{
    gc.collecting = true;
    for (int i = NUM_GENERATIONS - 1; i >= 0; i--) {
        if (gc.gen[i].count <= gc.gen[i].threshold)
            continue;
        /* a full collection only when a quarter of the old objects are new */
        if (i == NUM_GENERATIONS - 1 && gc.long_lived_pending < gc.long_lived_total / 4)
            continue;
        collect_with_callback(i);
        break;
    }
    gc.collecting = false;
}

ssize_t gc_collect(int generation)
{
    if (gc.collecting)
        return 0;
    gc.collecting = true;
    ssize_t n = collect_with_callback(generation);
    gc.collecting = false;
    return n;
}

void gc_collect_at_exit(void)
{
    if (gc.collecting)
        return;
    gc.collecting = true;
    collect(NUM_GENERATIONS - 1);
    gc.collecting = false;
}

void gc_free_leftovers(void)
{
    GCHead *lists[NUM_GENERATIONS + 1] = {&gc.gen[0].head, &gc.gen[1].head, &gc.gen[2].head,
                                          &gc.permanent};
    for (int i = 0; i <= NUM_GENERATIONS; i++)
        for (GCHead *g = lists[i]->next; g != lists[i]; g = g->next)
            g->prev |= PREV_FINALIZED;
    list_merge(&gc.permanent, &gc.gen[NUM_GENERATIONS - 1].head);
    gc_collect_at_exit();
}

/* ---- the knobs of the gc module ---- */

void gc_enable(bool on) { gc.enabled = on; }
bool gc_is_enabled(void) { return gc.enabled; }
void gc_set_debug(int flags) { gc.debug = flags; }
int gc_get_debug(void) { return gc.debug; }
int gc_get_count(int generation) { return gc.gen[generation].count; }
int gc_get_threshold(int generation) { return gc.gen[generation].threshold; }
void gc_set_threshold(int generation, int value) { gc.gen[generation].threshold = value; }
GCStats gc_get_stats(int generation) { return gc.stats[generation]; }

int gc_each_object(int generation, int (*fn)(Object *, void *), void *arg)
{
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        if (generation >= 0 && i != generation)
            continue;
        GCHead *h = &gc.gen[i].head;
        for (GCHead *g = h->next; g != h; g = g->next)
            if (fn(FROM_GC(g), arg) < 0)
                return -1;
    }
    return 0;
}

void gc_freeze(void)
{
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        list_merge(&gc.gen[i].head, &gc.permanent);
        gc.gen[i].count = 0;
    }
}

void gc_unfreeze(void) { list_merge(&gc.permanent, &gc.gen[NUM_GENERATIONS - 1].head); }
ssize_t gc_freeze_count(void) { return list_size(&gc.permanent); }
