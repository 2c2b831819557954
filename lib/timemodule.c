/* timemodule.c — the time module's clocks and sleep. */
#include <errno.h>
#include <time.h>
#include "lib.h"
#include "../vm/errors.h"
#include "../vm/interp.h"
#include "../vm/int.h"
#include "../vm/float.h"
#include "../vm/args.h"

#define NO_SELF (void)self

/* Reads clock [id] into [ts] for the function [name], which takes no
 * arguments; -1 with TypeError when it was given some. */
static int read_clock(clockid_t id, const char *name, Object *const *args, ssize_t nargs,
                      Object *kwnames, struct timespec *ts)
{
    if (args_positional(name, args, nargs, kwnames, 0, 0, NULL) < 0)
        return -1;
    clock_gettime(id, ts);
    return 0;
}

static Object *clock_seconds(clockid_t id, const char *name, Object *const *args, ssize_t nargs,
                             Object *kwnames)
{
    struct timespec ts;
    if (read_clock(id, name, args, nargs, kwnames, &ts) < 0)
        return NULL;
    return float_from_double((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static Object *clock_ns(clockid_t id, const char *name, Object *const *args, ssize_t nargs,
                        Object *kwnames)
{
    struct timespec ts;
    if (read_clock(id, name, args, nargs, kwnames, &ts) < 0)
        return NULL;
    Object *s = int_from_long((long)ts.tv_sec), *billion = int_from_long(1000000000L);
    Object *ns = int_from_long(ts.tv_nsec);
    Object *r = NULL;
    if (s && billion && ns) {
        Object *m = num_binop(s, billion, BINOP_MULTIPLY);
        if (m) {
            r = num_binop(m, ns, BINOP_ADD);
            DECREF(m);
        }
    }
    XDECREF(s);
    XDECREF(billion);
    XDECREF(ns);
    return r;
}

static Object *time_time(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return clock_seconds(CLOCK_REALTIME, "time.time", a, n, k); }
static Object *time_time_ns(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return clock_ns(CLOCK_REALTIME, "time.time_ns", a, n, k); }
static Object *time_monotonic(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return clock_seconds(CLOCK_MONOTONIC, "time.monotonic", a, n, k); }
static Object *time_monotonic_ns(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return clock_ns(CLOCK_MONOTONIC, "time.monotonic_ns", a, n, k); }
static Object *time_perf_counter(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return clock_seconds(CLOCK_MONOTONIC, "time.perf_counter", a, n, k); }
static Object *time_perf_counter_ns(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return clock_ns(CLOCK_MONOTONIC, "time.perf_counter_ns", a, n, k); }
static Object *time_process_time(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return clock_seconds(CLOCK_PROCESS_CPUTIME_ID, "time.process_time", a, n, k); }
static Object *time_process_time_ns(Object *self, Object *const *a, ssize_t n, Object *k) { NO_SELF; return clock_ns(CLOCK_PROCESS_CPUTIME_ID, "time.process_time_ns", a, n, k); }

static Object *time_sleep(Object *self, Object *const *args, ssize_t nargs, Object *kwnames)
{
    NO_SELF;
    Object *secs;
    if (args_positional("time.sleep", args, nargs, kwnames, 1, 1, &secs) < 0)
        return NULL;
    double d = float_as_double(secs);
    if (d == -1.0 && err_occurred())
        return NULL;
    if (d < 0)
        return err_format(exc_ValueError, "sleep length must be non-negative");
    struct timespec req = {(time_t)d, (long)((d - (double)(time_t)d) * 1e9)};
    while (nanosleep(&req, &req) < 0 && errno == EINTR)
        if (vm_check_signals() < 0)
            return NULL;
    return none_new();
}

static const MethodDef time_functions[] = {
    {"time", time_time, 0, NULL},
    {"time_ns", time_time_ns, 0, NULL},
    {"monotonic", time_monotonic, 0, NULL},
    {"monotonic_ns", time_monotonic_ns, 0, NULL},
    {"perf_counter", time_perf_counter, 0, NULL},
    {"perf_counter_ns", time_perf_counter_ns, 0, NULL},
    {"process_time", time_process_time, 0, NULL},
    {"process_time_ns", time_process_time_ns, 0, NULL},
    {"sleep", time_sleep, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Object *lib_time_init(void)
{
    Object *m = module_new("time");
    if (m && module_add_functions(m, time_functions) < 0)
        CLEAR(m);
    return m;
}
