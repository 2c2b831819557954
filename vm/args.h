/* args.h — parsing the arguments of built-in functions and methods. */
#ifndef MEMPY_ARGS_H
#define MEMPY_ARGS_H

#include "object.h"

/* Matches a call's arguments against a signature: [kwlist] names the
 * [maxpos] + keyword-only parameters in order (an entry "" marks a
 * positional-only parameter; the list ends with NULL); the first [minargs]
 * are required; at most [maxpos] may be given positionally.  Fills out[]
 * (borrowed references, NULL for missing optional ones).  On a mismatch
 * raises CPython's TypeError (e.g. "append() takes exactly one argument
 * (0 given)", "f() got an unexpected keyword argument 'x'") using [fname]
 * and returns -1. */
int args_parse(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
               const char *const *kwlist, int minargs, int maxpos, Object **out);
/* Raises the TypeError of args_positional, in CPython's words. */
void args_positional_error(const char *fname, ssize_t nargs, Object *kwnames, int min, int max);
/* Positional-only shorthand: between [min] and [max] positional arguments
 * and no keywords, else TypeError in CPython's words. */
static inline int args_positional(const char *fname, Object *const *args, ssize_t nargs,
                                  Object *kwnames, int min, int max, Object **out)
{
    if ((kwnames && SIZE(kwnames) > 0) || nargs < min || nargs > max) {
        args_positional_error(fname, nargs, kwnames, min, max);
        return -1;
    }
    for (int i = 0; i < max; i++)
        out[i] = i < nargs ? args[i] : NULL;
    return 0;
}
/* TypeError if [kwnames] is not empty: "f() takes no keyword arguments". */
int args_no_keywords(const char *fname, Object *kwnames);

#endif
