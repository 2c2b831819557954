/* gc.h — the GC header that container objects carry in front of them, the
 * generation lists of tracked objects, and the cyclic collector (mem/gc.c).
 *
 *      allocation:  [ GCHead: next | prev ][ Object: refcnt | type | ... ]
 *                                           ^ the object pointer
 *
 * A tracked object is on exactly one generation's doubly linked list; an
 * untracked one has next == NULL.  The collector borrows `prev`'s low bits
 * for its flags and gc_refs while it runs.
 */
#ifndef MEMPY_GC_H
#define MEMPY_GC_H

#include <stdint.h>
#include "../vm/object.h"

typedef struct GCHead {
    struct GCHead *next;
    uintptr_t prev;             /* previous GCHead | flags (see gc.c) */
} GCHead;

#define AS_GC(o) ((GCHead *)(o) - 1)
#define FROM_GC(g) ((Object *)((GCHead *)(g) + 1))

/* gc.set_debug() flags, as CPython's */
#define GC_DEBUG_STATS         1
#define GC_DEBUG_COLLECTABLE   2
#define GC_DEBUG_UNCOLLECTABLE 4
#define GC_DEBUG_SAVEALL       32
#define GC_DEBUG_LEAK          (GC_DEBUG_COLLECTABLE | GC_DEBUG_UNCOLLECTABLE | GC_DEBUG_SAVEALL)

typedef struct {
    ssize_t collections, collected, uncollectable;
} GCStats;

/* What the collector needs from the layers above it (lib/ sets them). */
typedef struct {
    /* gc.callbacks: called before (start) and after a collection */
    void (*phase)(bool start, int generation, ssize_t collected, ssize_t uncollectable);
    /* DEBUG_SAVEALL: keeps an unreachable object in gc.garbage */
    void (*save_garbage)(Object *o);
    /* whether an automatic collection may start now (not while an
     * exception is pending, as in CPython) */
    bool (*can_collect)(void);
    /* called when hooks with another release replace these (vm_fini sets
     * none before the modules go): drops what the hooks use */
    void (*release)(void);
} GCHooks;

void gc_init(void);
/* Installs [hooks] (copied), releasing the previous ones (see release). */
void gc_set_hooks(const GCHooks *hooks);
/* [clear] empties the per-type free lists; a collection of the oldest
 * generation calls it at its end, as CPython 3.11's clear_freelists (vm/
 * sets it once at start-up: unlike GCHooks it does not change when the gc
 * module is imported or at exit). */
void gc_set_freelist_hook(void (*clear)(void));
void gc_track(Object *o);
void gc_untrack(Object *o);
bool gc_is_tracked(Object *o);
bool gc_is_finalized(Object *o);
/* Marks [o]'s finalizer as run (a dealloc that ran __del__ itself). */
void gc_set_finalized(Object *o);
/* Counts one allocation of a GC object (may start a collection first). */
void gc_note_alloc(void);
void gc_note_free(void);
/* gc.collect(generation): the number of unreachable objects found. */
ssize_t gc_collect(int generation);
/* The final collection at interpreter exit. */
void gc_collect_at_exit(void);
/* After the last collection CPython would run: frees what cycles are left
 * without running any more finalizers (nothing can observe them now), so
 * that no block outlives the interpreter. */
void gc_free_leftovers(void);

void gc_enable(bool on);
bool gc_is_enabled(void);
void gc_set_debug(int flags);
int gc_get_debug(void);
int gc_get_count(int generation);
int gc_get_threshold(int generation);
void gc_set_threshold(int generation, int value);
GCStats gc_get_stats(int generation);
/* Calls [fn] on each tracked object of [generation] (-1: all); stops at -1. */
int gc_each_object(int generation, int (*fn)(Object *, void *), void *arg);
void gc_freeze(void);
void gc_unfreeze(void);
ssize_t gc_freeze_count(void);

#endif
