/* traceback.h — traceback objects (one per frame an exception passed
 * through) and the printing of an exception as CPython 3.11 prints it. */
#ifndef MEMPY_TRACEBACK_H
#define MEMPY_TRACEBACK_H

#include <stdio.h>
#include "object.h"
#include "code.h"
#include "interp.h"

typedef struct {
    Object base;
    Object *next;               /* the traceback of the frame it was raised in, or NULL */
    Object *frame;              /* the frame object of the call it passed through */
    int lasti;                  /* offset of the instruction that raised */
} TracebackObject;

extern Type traceback_type;

/* Adds the running frame [f] (at its current instruction) to the head of
 * [exc]'s traceback. */
int traceback_add(Object *exc, struct Frame *f);
/* The code and globals of a traceback entry's frame (borrowed; NULL once
 * the frame has been cleared). */
CodeObject *traceback_code(TracebackObject *tb);
Object *traceback_globals(TracebackObject *tb);
/* Writes "Traceback (most recent call last):", the frames, and the
 * "Type: message" line(s) of [exc] (chained exceptions first) to [out]. */
void traceback_print(Object *exc, FILE *out);

#endif
