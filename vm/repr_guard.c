/* repr_guard.c — owns the stack of objects whose repr is in progress.
 *
 * CPython keeps this list in the thread state's dict; mempy has one thread
 * for now, so it is a small growable array here, freed whenever it becomes
 * empty (no block outlives the last repr).  It belongs in the per-thread
 * state once that exists. */
#include "repr_guard.h"
#include "errors.h"
#include "../mem/mem.h"

static Object **in_progress;
static ssize_t count, capacity;

static int grow(void)
{
    ssize_t cap = capacity ? capacity * 2 : 8;
    Object **p = mem_realloc(in_progress, (size_t)cap * sizeof(Object *));
    if (!p) {
        err_nomemory();
        return -1;
    }
    in_progress = p;
    capacity = cap;
    return 0;
}

int repr_enter(Object *o)
{
    for (ssize_t i = 0; i < count; i++)
        if (in_progress[i] == o)
            return 1;
    if (count == capacity && grow() < 0)
        return -1;
    in_progress[count++] = o;
    return 0;
}

void repr_leave(Object *o)
{
    ssize_t i = count;
    while (--i >= 0 && in_progress[i] != o)
        ;
    if (i < 0)
        return;
    for (; i + 1 < count; i++)
        in_progress[i] = in_progress[i + 1];
    if (--count == 0) {
        mem_free(in_progress);
        in_progress = NULL;
        capacity = 0;
    }
}
