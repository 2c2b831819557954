/* repr_guard.h — the containers whose repr is being built right now, so
 * that one that contains itself prints [...] or {...} instead of recursing
 * forever (CPython's Py_ReprEnter / Py_ReprLeave). */
#ifndef MEMPY_REPR_GUARD_H
#define MEMPY_REPR_GUARD_H

#include "object.h"

/* Marks [o] as being repr'd: 0 when it was not (call repr_leave when
 * done), 1 when it already is (print the short form), -1 with MemoryError. */
int repr_enter(Object *o);
/* Unmarks [o] (the latest mark if it was entered more than once). */
void repr_leave(Object *o);

#endif
