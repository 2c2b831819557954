/* generator.h — generator objects: a frame kept alive between resumptions. */
#ifndef MEMPY_GENERATOR_H
#define MEMPY_GENERATOR_H

#include "object.h"
#include "interp.h"

extern Type generator_type;

/* Moves the running frame [f] (at its RETURN_GENERATOR) into a new generator. */
Object *gen_new_from_frame(Frame *f);
/* Resumes [gen] with [value]: the yielded value; NULL with StopIteration set
 * (carrying the return value) when it finishes; NULL with another error. */
Object *gen_send(Object *gen, Object *value);

/* The words a frame for [co] needs (header, slots, value stack). */
size_t frame_size_words(CodeObject *co);
void frame_clear(Frame *f);
Object *eval_run_frame(Frame *f, bool throwing);

#endif
