/* args.c — matching the arguments of calls to built-in functions against
 * their signatures, with CPython's error messages. */
#include <string.h>
#include "args.h"
#include "errors.h"
#include "str.h"
#include "tuple.h"

int args_no_keywords(const char *fname, Object *kwnames)
{
    if (kwnames && SIZE(kwnames) > 0)
        return err_format(exc_TypeError, "%s() takes no keyword arguments", fname), -1;
    return 0;
}

void args_positional_error(const char *fname, ssize_t nargs, Object *kwnames, int min, int max)
{
    if (args_no_keywords(fname, kwnames) < 0)
        return;
    if (min == max && max == 0)
        err_format(exc_TypeError, "%s() takes no arguments (%zd given)", fname, nargs);
    else if (min == max && max == 1)
        err_format(exc_TypeError, "%s() takes exactly one argument (%zd given)", fname, nargs);
    else
        err_format(exc_TypeError, "%s expected %s%d argument%s, got %zd", fname,
                   min == max ? "" : nargs < min ? "at least " : "at most ",
                   nargs < min ? min : max, (nargs < min ? min : max) == 1 ? "" : "s", nargs);
}

int args_parse(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
               const char *const *kwlist, int minargs, int maxpos, Object **out)
{
    int nparams = 0;
    while (kwlist[nparams])
        nparams++;
    if (nargs > maxpos) {
        if (maxpos == 0)
            err_format(exc_TypeError, "%s() takes no positional arguments", fname);
        else
            err_format(exc_TypeError, "%s() takes %s %d argument%s (%zd given)", fname,
                       minargs < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < nparams; i++)
        out[i] = i < nargs ? args[i] : NULL;
    ssize_t nkw = kwnames ? SIZE(kwnames) : 0;
    for (ssize_t k = 0; k < nkw; k++) {
        Object *name = TUPLE_GET(kwnames, k);
        int i = 0;
        while (i < nparams && !(kwlist[i][0] && str_eq_cstr(name, kwlist[i])))
            i++;
        if (i == nparams) {
            err_format(exc_TypeError, "'%U' is an invalid keyword argument for %s()", name, fname);
            return -1;
        }
        if (out[i]) {
            err_format(exc_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                       fname, kwlist[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (int i = 0; i < minargs; i++) {
        if (out[i])
            continue;
        if (kwlist[i][0])
            err_format(exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                       kwlist[i], i + 1);
        else
            err_format(exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)", fname,
                       minargs < maxpos ? "at least" : "exactly", minargs, minargs == 1 ? "" : "s",
                       nargs);
        return -1;
    }
    return 0;
}
