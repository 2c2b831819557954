/* suggestions.h — "Did you mean ...?" for NameError and AttributeError. */
#ifndef MEMPY_SUGGESTIONS_H
#define MEMPY_SUGGESTIONS_H

#include "object.h"

/* The name to suggest for [exc] (a new str), or NULL; never raises. */
Object *suggestion_for(Object *exc);
/* Records the missing [name] (and the object searched, for AttributeError;
 * may be NULL) on [exc], as CPython 3.11's .name and .obj.  -1 on error. */
int exc_set_name_context(Object *exc, Object *name, Object *obj);

#endif
