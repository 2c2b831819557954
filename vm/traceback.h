/* traceback.h — traceback objects (one per frame an exception passed
 * through) and the printing of an exception as CPython 3.11 prints it. */
#ifndef MEMPY_TRACEBACK_H
#define MEMPY_TRACEBACK_H

#include <stdio.h>
#include "object.h"
#include "code.h"

typedef struct {
    Object base;
    Object *next;               /* the traceback of the frame it was raised in, or NULL */
    CodeObject *code;
    Object *globals;            /* the frame's globals (for suggestions), or NULL */
    int lasti;                  /* offset of the instruction that raised */
} TracebackObject;

extern Type traceback_type;

/* Adds the frame running [code] with [globals] at [lasti] to the head of
 * [exc]'s traceback. */
int traceback_add(Object *exc, CodeObject *code, Object *globals, int lasti);
/* Writes "Traceback (most recent call last):", the frames, and the
 * "Type: message" line(s) of [exc] (chained exceptions first) to [out]. */
void traceback_print(Object *exc, FILE *out);

#endif
