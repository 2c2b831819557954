/* gc.c — the lists of tracked container objects, one per generation, and the
 * allocation count that will drive the cyclic collector.
 *
 *   generation 0  <->  [GCHead]<->[GCHead]<->...   (objects allocated lately)
 *   generation 1  <->  ...
 *   generation 2  <->  ...                         (long-lived objects)
 *
 * Each list is circular with a sentinel head.  A tracked object is on exactly
 * one list; an untracked one has next == NULL.
 */
#include <stddef.h>
#include "gc.h"

#define NUM_GENERATIONS 3

typedef struct {
    GCHead head;                /* sentinel of the circular list */
    int threshold;
    int count;
} Generation;

static Generation generations[NUM_GENERATIONS];

#define GC_PREV(g) ((GCHead *)((g)->prev))

static void list_init(GCHead *h)
{
    h->next = h;
    h->prev = (uintptr_t)h;
}

static void list_append(GCHead *node, GCHead *list)
{
    GCHead *last = GC_PREV(list);
    last->next = node;
    node->prev = (uintptr_t)last;
    node->next = list;
    list->prev = (uintptr_t)node;
}

static void list_remove(GCHead *node)
{
    GCHead *prev = GC_PREV(node);
    prev->next = node->next;
    node->next->prev = (uintptr_t)prev;
    node->next = NULL;
    node->prev = 0;
}

void gc_init(void)
{
    static const int thresholds[NUM_GENERATIONS] = {700, 10, 10};
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        list_init(&generations[i].head);
        generations[i].threshold = thresholds[i];
        generations[i].count = 0;
    }
}

void gc_track(Object *o)
{
    GCHead *g = AS_GC(o);
    if (g->next)
        return;
    list_append(g, &generations[0].head);
}

void gc_untrack(Object *o)
{
    GCHead *g = AS_GC(o);
    if (g->next)
        list_remove(g);
}

bool gc_is_tracked(Object *o)
{
    return (TYPE(o)->flags & TPFLAG_HAVE_GC) && AS_GC(o)->next != NULL;
}

void gc_note_alloc(void)
{
    generations[0].count++;
}

void gc_note_free(void)
{
    if (generations[0].count > 0)
        generations[0].count--;
}

void gc_collect_at_exit(void)
{
}
