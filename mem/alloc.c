/* alloc.c — the allocation API of mem.h: the raw, mem and object domains,
 * the allocator mode chosen by MEMPY_MALLOC, the debug allocator that
 * guards every block, and the trace hook.
 *
 *   mode (MEMPY_MALLOC)   raw domain     mem and object domains
 *   pymalloc (default)    malloc         pools for 1..512 bytes, else malloc
 *   malloc                malloc         malloc (so valgrind and ASan see
 *                                        every object)
 *   debug                 as pymalloc, every block wrapped in guards:
 *
 *     | size (8) | domain id (1) | 0xFD x 7 | n bytes of data | 0xFD x 8 |
 *                                           ^ the pointer handed out
 *
 *   New data is filled with 0xCD, and a freed block (header and guards
 *   included) with 0xDD before it is released.  Every free and realloc
 *   checks the guards and the domain id first; a violation (overrun,
 *   underrun, double free, a block freed through another domain) is a
 *   memory corruption: it is reported on stderr and the process aborts.
 *
 * The fast path of every function is one predictable branch on
 * `slow_path`, which is set when the mode is not pymalloc or a trace hook
 * is installed; everything else happens out of line.
 */
#include "obmalloc.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define UNLIKELY(x) __builtin_expect(!!(x), 0)

#define DEBUG_HEAD 16           /* size, domain id, 7 guard bytes */
#define DEBUG_TAIL 8            /* guard bytes after the data */
#define GUARD_BYTE 0xFD
#define CLEAN_BYTE 0xCD
#define DEAD_BYTE 0xDD

/* One underlying allocator. */
typedef struct Allocator {
    void *(*malloc)(size_t n);
    void *(*calloc)(size_t count, size_t size);
    void *(*realloc)(void *p, size_t n);
    void (*free)(void *p);
} Allocator;

static const Allocator sys_allocator = { mem_sys_malloc, mem_sys_calloc, mem_sys_realloc, mem_sys_free };
static const Allocator pool_allocator = { mem_pool_malloc, mem_pool_calloc, mem_pool_realloc, mem_pool_free };

static const char domain_ids[] = { 'r', 'm', 'o' };
static const char *const domain_names[] = { "raw", "mem", "object" };

static MemMode mode = MEM_MODE_PYMALLOC;
static MemTraceHook trace_hook;
static void *trace_ctx;
static bool in_hook;            /* allocations made by the hook are not traced */
static bool slow_path;          /* mode != pymalloc, or a hook is installed */

/* Recomputes slow_path after a change of mode or hook. */
static void update_slow_path(void)
{
    slow_path = mode != MEM_MODE_PYMALLOC || trace_hook != NULL;
}

/* Returns the allocator that serves domain [d] in the current mode. */
static const Allocator *base_allocator(MemDomain d)
{
    return mode == MEM_MODE_MALLOC || d == MEM_DOMAIN_RAW ? &sys_allocator : &pool_allocator;
}

/* Reports one event to the trace hook, if any and not re-entered. */
static void trace(MemDomain d, void *old, void *new_, size_t n)
{
    if (trace_hook == NULL || in_hook)
        return;
    in_hook = true;
    trace_hook(d, old, new_, n, trace_ctx);
    in_hook = false;
}

/* ---- the debug allocator ---- */

/* Reports a corrupted block on stderr and aborts. */
static _Noreturn void corruption(MemDomain d, const void *p, const char *api,
                                 const char *what, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fflush(stdout);
    fprintf(stderr, "mempy: fatal memory error: %s\n", what);
    fprintf(stderr, "  domain:   %s\n  address:  %p\n  found by: %s()\n  detail:   ",
            domain_names[d], p, api);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

/* Returns the index of the first of [n] bytes at [p] that is not [byte],
 * or [n] when all are. */
static size_t first_other(const uint8_t *p, int byte, size_t n)
{
    size_t i = 0;
    while (i < n && p[i] == byte)
        i++;
    return i;
}

/* Returns the domain whose id is [id], or -1. */
static int domain_of_id(uint8_t id)
{
    for (int d = MEM_DOMAIN_RAW; d <= MEM_DOMAIN_OBJ; d++)
        if (domain_ids[d] == id)
            return d;
    return -1;
}

/* Checks the guards and the domain of the debug block [p] released through
 * [api] of domain [d]; returns its data size, or reports and aborts. */
static size_t debug_check(MemDomain d, const void *p, const char *api)
{
    const uint8_t *head = (const uint8_t *)p - DEBUG_HEAD;
    if (first_other(head + 8, DEAD_BYTE, 8) == 8)
        corruption(d, p, api, "double free",
                   "the block was already freed (its header holds the freed-memory pattern 0x%02X)", DEAD_BYTE);
    if (first_other(head + 9, GUARD_BYTE, 7) < 7)
        corruption(d, p, api, "buffer underrun",
                   "the guard bytes before the block were overwritten");
    int owner = domain_of_id(head[8]);
    if (owner < 0)
        corruption(d, p, api, "bad block",
                   "no live block starts here (domain id byte 0x%02X): never allocated by mempy, or already freed", head[8]);
    if (owner != (int)d)
        corruption(d, p, api, "domain mismatch",
                   "the block was allocated by the %s domain and released through the %s domain",
                   domain_names[owner], domain_names[d]);
    size_t n;
    memcpy(&n, head, sizeof n);
    MemBlockInfo pool_block;
    if (mem_block_info(head, &pool_block) && n > pool_block.block_size - DEBUG_HEAD - DEBUG_TAIL)
        corruption(d, p, api, "bad block",
                   "its size field says %zu bytes, more than its %zu-byte pool block holds", n, pool_block.block_size);
    const uint8_t *tail = (const uint8_t *)p + n;
    size_t bad = first_other(tail, GUARD_BYTE, DEBUG_TAIL);
    if (bad < DEBUG_TAIL)
        corruption(d, p, api, "buffer overrun",
                   "a %zu-byte block was written past its end: byte %zu after it is 0x%02X, not 0x%02X",
                   n, bad, tail[bad], GUARD_BYTE);
    return n;
}

/* Allocates a guarded block of [n] bytes in domain [d], zeroed if [zero]. */
static void *debug_malloc(MemDomain d, size_t n, bool zero)
{
    if (n > SIZE_MAX - DEBUG_HEAD - DEBUG_TAIL)
        return NULL;
    uint8_t *head = base_allocator(d)->malloc(DEBUG_HEAD + n + DEBUG_TAIL);
    if (head == NULL)
        return NULL;
    memcpy(head, &n, sizeof n);
    head[8] = (uint8_t)domain_ids[d];
    memset(head + 9, GUARD_BYTE, 7);
    memset(head + DEBUG_HEAD, zero ? 0 : CLEAN_BYTE, n);
    memset(head + DEBUG_HEAD + n, GUARD_BYTE, DEBUG_TAIL);
    return head + DEBUG_HEAD;
}

/* Checks, poisons and releases the guarded block [p] of domain [d]. */
static void debug_free(MemDomain d, void *p, const char *api)
{
    size_t n = debug_check(d, p, api);
    uint8_t *head = (uint8_t *)p - DEBUG_HEAD;
    memset(head, DEAD_BYTE, DEBUG_HEAD + n + DEBUG_TAIL);
    base_allocator(d)->free(head);
}

/* Resizes a guarded block by moving it, so stale pointers to the old one
 * meet the freed-memory pattern. */
static void *debug_realloc(MemDomain d, void *p, size_t n, const char *api)
{
    if (p == NULL)
        return debug_malloc(d, n, false);
    size_t old = debug_check(d, p, api);
    void *q = debug_malloc(d, n, false);
    if (q == NULL)
        return NULL;
    memcpy(q, p, old < n ? old : n);
    debug_free(d, p, api);
    return q;
}

/* ---- the slow paths: other modes, tracing ---- */

/* mem_*malloc when off the fast path: mode dispatch, then tracing. */
static void *slow_malloc(MemDomain d, size_t n)
{
    void *p = mode == MEM_MODE_DEBUG ? debug_malloc(d, n, false) : base_allocator(d)->malloc(n);
    if (p)
        trace(d, NULL, p, n);
    return p;
}

/* mem_*calloc when off the fast path. */
static void *slow_calloc(MemDomain d, size_t count, size_t size)
{
    void *p;
    if (mode != MEM_MODE_DEBUG)
        p = base_allocator(d)->calloc(count, size);
    else if (size != 0 && count > SIZE_MAX / size)
        p = NULL;
    else
        p = debug_malloc(d, count * size, true);
    if (p)
        trace(d, NULL, p, count * size);
    return p;
}

/* mem_*realloc when off the fast path; [api] names the caller for reports. */
static void *slow_realloc(MemDomain d, void *p, size_t n, const char *api)
{
    void *q = mode == MEM_MODE_DEBUG ? debug_realloc(d, p, n, api) : base_allocator(d)->realloc(p, n);
    if (q)
        trace(d, p, q, n);
    return q;
}

/* mem_*free when off the fast path: the hook sees the block before it goes. */
static void slow_free(MemDomain d, void *p, const char *api)
{
    if (p == NULL)
        return;
    trace(d, p, NULL, 0);
    if (mode == MEM_MODE_DEBUG)
        debug_free(d, p, api);
    else
        base_allocator(d)->free(p);
}

/* ---- the API of mem.h ---- */

void *mem_raw_malloc(size_t n)
{
    if (UNLIKELY(slow_path))
        return slow_malloc(MEM_DOMAIN_RAW, n);
    return mem_sys_malloc(n);
}

void *mem_raw_calloc(size_t count, size_t size)
{
    if (UNLIKELY(slow_path))
        return slow_calloc(MEM_DOMAIN_RAW, count, size);
    return mem_sys_calloc(count, size);
}

void *mem_raw_realloc(void *p, size_t n)
{
    if (UNLIKELY(slow_path))
        return slow_realloc(MEM_DOMAIN_RAW, p, n, "mem_raw_realloc");
    return mem_sys_realloc(p, n);
}

void mem_raw_free(void *p)
{
    if (UNLIKELY(slow_path))
        slow_free(MEM_DOMAIN_RAW, p, "mem_raw_free");
    else
        mem_sys_free(p);
}

void *mem_malloc(size_t n)
{
    if (UNLIKELY(slow_path))
        return slow_malloc(MEM_DOMAIN_MEM, n);
    return mem_pool_malloc(n);
}

void *mem_calloc(size_t count, size_t size)
{
    if (UNLIKELY(slow_path))
        return slow_calloc(MEM_DOMAIN_MEM, count, size);
    return mem_pool_calloc(count, size);
}

void *mem_realloc(void *p, size_t n)
{
    if (UNLIKELY(slow_path))
        return slow_realloc(MEM_DOMAIN_MEM, p, n, "mem_realloc");
    return mem_pool_realloc(p, n);
}

void mem_free(void *p)
{
    if (UNLIKELY(slow_path))
        slow_free(MEM_DOMAIN_MEM, p, "mem_free");
    else
        mem_pool_free(p);
}

void *mem_obj_malloc(size_t n)
{
    if (UNLIKELY(slow_path))
        return slow_malloc(MEM_DOMAIN_OBJ, n);
    return mem_pool_malloc(n);
}

void *mem_obj_realloc(void *p, size_t n)
{
    if (UNLIKELY(slow_path))
        return slow_realloc(MEM_DOMAIN_OBJ, p, n, "mem_obj_realloc");
    return mem_pool_realloc(p, n);
}

void mem_obj_free(void *p)
{
    if (UNLIKELY(slow_path))
        slow_free(MEM_DOMAIN_OBJ, p, "mem_obj_free");
    else
        mem_pool_free(p);
}

int mem_init(void)
{
    const char *name = getenv("MEMPY_MALLOC");
    if (name == NULL || *name == '\0' || strcmp(name, "pymalloc") == 0)
        mode = MEM_MODE_PYMALLOC;
    else if (strcmp(name, "malloc") == 0)
        mode = MEM_MODE_MALLOC;
    else if (strcmp(name, "debug") == 0)
        mode = MEM_MODE_DEBUG;
    else
        return -1;
    update_slow_path();
    return 0;
}

MemMode mem_mode(void)
{
    return mode;
}

void mem_set_trace_hook(MemTraceHook hook, void *ctx)
{
    trace_hook = hook;
    trace_ctx = ctx;
    update_slow_path();
}

void mem_print_stats(FILE *out)
{
    if (mode != MEM_MODE_MALLOC)
        mem_pool_print_stats(out);
}
