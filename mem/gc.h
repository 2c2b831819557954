/* gc.h — the GC header that container objects carry in front of them, and
 * the lists of tracked objects, one per generation.
 *
 *      allocation:  [ GCHead: next | prev ][ Object: refcnt | type | ... ]
 *                                           ^ the object pointer
 *
 * A tracked object is on exactly one generation's doubly linked list; an
 * untracked one has next == NULL.  The collector borrows `prev`'s low bits
 * for gc_refs while it runs (mem/gc.c).
 */
#ifndef MEMPY_GC_H
#define MEMPY_GC_H

#include <stdint.h>
#include "../vm/object.h"

typedef struct GCHead {
    struct GCHead *next;
    uintptr_t prev;             /* previous GCHead, low bits borrowed by the collector */
} GCHead;

#define AS_GC(o) ((GCHead *)(o) - 1)
#define FROM_GC(g) ((Object *)((GCHead *)(g) + 1))

void gc_track(Object *o);
void gc_untrack(Object *o);
bool gc_is_tracked(Object *o);
/* Counts one allocation of a GC object (may start a collection first). */
void gc_note_alloc(void);
void gc_note_free(void);
void gc_init(void);
/* The final collection at interpreter exit. */
void gc_collect_at_exit(void);

#endif
