/* frameobject.h — frame objects: the Python-visible face of a call
 * (tracebacks hold them).  While the call runs, the object points at the
 * live Frame; when the call ends, the object takes the frame's locals over,
 * keeping them alive as long as it lives — as CPython 3.11's do. */
#ifndef MEMPY_FRAMEOBJECT_H
#define MEMPY_FRAMEOBJECT_H

#include "interp.h"

struct FrameObject {
    Object base;
    Frame *frame;               /* the live frame, or the copy this object owns */
    Object *back;               /* the caller's frame object, kept once the call ended */
};

extern Type frame_type;

/* The frame object of [f], made on first use (a new reference). */
Object *frame_get_object(Frame *f);
/* f_locals / locals(): the namespace of module and class code, or a new
 * dict snapshot of a function's variables (cells read through). */
Object *frame_locals(Frame *f);
/* Ends [f] (a frame about to be popped or finished): its frame object, if
 * any, takes its header and locals over; otherwise they are released.  The
 * value stack must be empty. */
void frame_release(Frame *f);

#endif
