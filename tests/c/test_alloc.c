/* test_alloc.c — unit tests of the allocator (mem/alloc.c, mem/obmalloc.c):
 * size classes, pools, arenas, realloc across the small-block line, raw
 * pointers, zero-byte requests, out of memory, tracing, the statistics
 * layout, the heap checker, and the debug mode's reports (in children).
 *
 * Runs in whatever mode MEMPY_MALLOC selects.  The tests of pools and
 * arenas call the pool allocator directly (mem_pool_*), so they run in
 * every mode; the tests of the API check the pool/system split only in
 * pymalloc mode.  Every test leaves no block behind, and the heap checker
 * runs after each one.  Prints "ok N - name" or "not ok N - name" per test,
 * then "N passed, M failed"; exits 0 only when nothing failed.
 */
#include "mem/mem.h"
#include "mem/obmalloc.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define POOL_HEADER 48          /* the pool header size the diagram documents */
#define MAX_BLOCKS 4096

#ifdef __SANITIZE_ADDRESS__
/* Lets the out-of-memory tests see NULL instead of ASan's report. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }
#endif

static int passed, failed, test_no;
static bool test_ok;

#define EXPECT(cond) do { if (!(cond)) { test_ok = false; \
    printf("#   %s:%d: expected %s\n", __FILE__, __LINE__, #cond); } } while (0)

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

/* Returns the next number of a fixed-seed xorshift generator. */
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Shuffles the [n] pointers of [a]. */
static void shuffle(void **a, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = rnd() % i;
        void *t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

static bool is_pool_block(const void *p) { return mem_block_info(p, NULL); }

static MemBlockInfo info_of(const void *p)
{
    MemBlockInfo info = { 0 };
    mem_block_info(p, &info);
    return info;
}

static MemStats stats(void)
{
    MemStats st;
    mem_get_stats(&st);
    return st;
}

static size_t blocks_per_pool(size_t size) { return (MEM_POOL_SIZE - POOL_HEADER) / size; }

/* Tells whether the [n] bytes at [p] all equal [byte]. */
static bool all_bytes(const void *p, int byte, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (((const uint8_t *)p)[i] != (uint8_t)byte)
            return false;
    return true;
}

/* Runs one test, then the heap checker, and prints the verdict. */
static void run(const char *name, void (*fn)(void))
{
    test_ok = true;
    fn();
    if (mem_heap_check(stdout) != 0) {
        test_ok = false;
        printf("#   the heap check failed after the test\n");
    }
    printf("%s %d - %s\n", test_ok ? "ok" : "not ok", ++test_no, name);
    if (test_ok)
        passed++;
    else
        failed++;
    fflush(stdout);
}

/* ---- size classes and pools ---- */

/* Fills 3 pools and a bit of class [c], checks every block, frees at random. */
static void fill_class(unsigned c)
{
    static void *blocks[3 * MAX_BLOCKS / 8 + 1];
    size_t size = (c + 1) * MEM_ALIGNMENT, per = blocks_per_pool(size), n = 3 * per + 1;
    EXPECT(stats().classes[c].pools == 0);
    for (size_t i = 0; i < n; i++) {
        size_t request = size - rnd() % MEM_ALIGNMENT;     /* any size of the class */
        uint8_t *p = blocks[i] = mem_pool_malloc(request);
        MemBlockInfo info = info_of(p);
        EXPECT(p != NULL && (uintptr_t)p % MEM_ALIGNMENT == 0);
        EXPECT(info.size_class == c && info.block_size == size);
        memset(p, (int)(i * 7 + c), size);
    }
    MemStats st = stats();
    EXPECT(st.classes[c].pools == 4 && st.classes[c].blocks_in_use == n);
    EXPECT(st.classes[c].blocks_avail == 4 * per - n);
    for (size_t i = 0; i < n; i++)
        EXPECT(all_bytes(blocks[i], (int)(i * 7 + c), size));
    shuffle(blocks, n);
    for (size_t i = 0; i < n; i++) {
        mem_pool_free(blocks[i]);
        if (i == n / 2)
            EXPECT(mem_heap_check(stdout) == 0);
    }
    EXPECT(stats().classes[c].pools == 0 && stats().classes[c].blocks_in_use == 0);
}

static void test_every_class(void)
{
    for (unsigned c = 0; c < MEM_NCLASSES && test_ok; c++)
        fill_class(c);
}

static void test_class_boundaries(void)
{
    static const size_t sizes[][2] = { { 1, 0 }, { 8, 0 }, { 9, 1 }, { 16, 1 }, { 17, 2 },
                                       { 504, 62 }, { 505, 63 }, { 512, 63 } };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        void *p = mem_pool_malloc(sizes[i][0]);
        EXPECT(is_pool_block(p) && info_of(p).size_class == sizes[i][1]);
        mem_pool_free(p);
    }
    void *big = mem_pool_malloc(513);
    EXPECT(big != NULL && !is_pool_block(big));
    mem_pool_free(big);
}

/* A pool hands out freed blocks first, last freed first, then the blocks
 * it never handed out, in address order. */
static void test_pool_block_order(void)
{
    static void *blocks[MAX_BLOCKS];
    size_t per = blocks_per_pool(8);
    for (size_t i = 0; i < per / 2; i++)
        blocks[i] = mem_pool_malloc(8);
    uint8_t *first = blocks[0];
    EXPECT((uintptr_t)first % MEM_POOL_SIZE == POOL_HEADER);
    mem_pool_free(blocks[3]);
    mem_pool_free(blocks[7]);
    EXPECT(mem_pool_malloc(8) == blocks[7] && mem_pool_malloc(8) == blocks[3]);
    for (size_t i = per / 2; i < per; i++)
        blocks[i] = mem_pool_malloc(8);
    for (size_t i = 0; i < per; i++)
        EXPECT(blocks[i] == first + 8 * i);
    EXPECT(stats().classes[0].pools == 1 && stats().classes[0].blocks_avail == 0);
    void *next = mem_pool_malloc(8);                /* the pool is full */
    EXPECT(info_of(next).pool != info_of(first).pool);
    mem_pool_free(next);
    for (size_t i = 0; i < per; i++)
        mem_pool_free(blocks[i]);
}

static void test_empty_pool_to_freepools(void)
{
    static void *blocks[MAX_BLOCKS];
    size_t per = blocks_per_pool(48);
    for (size_t i = 0; i <= per; i++)
        blocks[i] = mem_pool_malloc(48);
    void *pool_a = info_of(blocks[0]).pool;
    EXPECT(info_of(blocks[per - 1]).pool == pool_a && info_of(blocks[per]).pool != pool_a);
    MemStats before = stats();
    shuffle(blocks, per);
    for (size_t i = 0; i < per; i++)
        if (info_of(blocks[i]).pool == pool_a)
            mem_pool_free(blocks[i]);
    MemStats after = stats();
    EXPECT(after.classes[5].pools == 1 && after.unused_pools == before.unused_pools + 1);
    void *other = mem_pool_malloc(200);             /* another class takes the empty pool */
    EXPECT(info_of(other).pool == pool_a && info_of(other).size_class == 24);
    mem_pool_free(other);
    for (size_t i = 0; i <= per; i++)
        if (info_of(blocks[i]).pool != pool_a)
            mem_pool_free(blocks[i]);
}

static void test_full_pool_comes_back(void)
{
    static void *blocks[MAX_BLOCKS];
    size_t per = blocks_per_pool(64);
    for (size_t i = 0; i < per; i++)
        blocks[i] = mem_pool_malloc(64);
    void *pool_a = info_of(blocks[0]).pool;
    void *extra = mem_pool_malloc(64);              /* pool A is full: a new pool */
    EXPECT(info_of(extra).pool != pool_a);
    void *freed = blocks[per / 2];
    mem_pool_free(freed);                           /* A goes back to the front */
    void *again = mem_pool_malloc(60);
    EXPECT(again == freed);
    blocks[per / 2] = again;
    mem_pool_free(extra);
    for (size_t i = 0; i < per; i++)
        mem_pool_free(blocks[i]);
}

/* ---- arenas ---- */

/* Tells whether the page at [p] is mapped in this process. */
static bool is_mapped(void *p)
{
    unsigned char vec;
    return mincore(p, 1, &vec) == 0 || errno != ENOMEM;
}

static void test_free_arena_unmapped(void)
{
    static void *blocks[4 * 448 + 1];
    size_t per_arena = MEM_POOLS_PER_ARENA * blocks_per_pool(512), n = 3 * per_arena + 1;
    MemStats before = stats();
    void *arenas[8];
    size_t narenas = 0;
    for (size_t i = 0; i < n; i++) {
        blocks[i] = mem_pool_malloc(512);
        void *a = info_of(blocks[i]).arena;
        if (narenas == 0 || arenas[narenas - 1] != a)
            arenas[narenas++] = a;
    }
    MemStats full = stats();
    EXPECT(narenas == 4 && full.arenas_current >= 4 && full.arenas_highwater >= 4);
    shuffle(blocks, n);
    for (size_t i = 0; i < n; i++)
        mem_pool_free(blocks[i]);
    MemStats after = stats();
    EXPECT(before.spares_allowed == 1);             /* the first wave of this process */
    EXPECT(after.arenas_current == 1 && after.arenas_spare == 1);
    EXPECT(after.arenas_reclaimed >= before.arenas_reclaimed + 3);
    size_t live = 0;
    for (size_t i = 0; i < narenas; i++) {
        bool ours = is_pool_block(arenas[i]);
        live += ours;
        EXPECT(ours == is_mapped(arenas[i]));
    }
    EXPECT(live == 1);
}

/* Allocates [n] blocks of 512 bytes into [blocks] and frees them all;
 * returns how many arenas had to be mapped. */
static size_t wave(void **blocks, size_t n)
{
    size_t mapped = stats().arenas_allocated_total;
    for (size_t i = 0; i < n; i++)
        blocks[i] = mem_pool_malloc(512);
    mapped = stats().arenas_allocated_total - mapped;
    for (size_t i = 0; i < n; i++)
        mem_pool_free(blocks[i]);
    return mapped;
}

static void test_spares_follow_waves(void)
{
    static void *blocks[5 * 448];
    size_t per = blocks_per_pool(512), n = 5 * MEM_POOLS_PER_ARENA * per;
    size_t first = wave(blocks, n), second = wave(blocks, n), third = wave(blocks, n);
    MemStats st = stats();
    EXPECT(first >= 4 && second >= 1 && third == 0);
    EXPECT(st.arenas_spare == 5 && st.spares_allowed >= 5);
    void *keeper = mem_pool_malloc(8);              /* keeps one arena in use */
    for (int i = 0; i < 600; i++) {                 /* pools handed out, spares untouched */
        for (size_t j = 0; j < per; j++)
            blocks[j] = mem_pool_malloc(512);
        for (size_t j = 0; j < per; j++)
            mem_pool_free(blocks[j]);
    }
    st = stats();
    EXPECT(st.spares_allowed == 1 && st.arenas_spare == 1 && st.arenas_current == 2);
    mem_pool_free(keeper);
    EXPECT(stats().arenas_current == 1);
}

static void test_most_used_arena_first(void)
{
    static void *blocks[2 * 448];
    size_t per = blocks_per_pool(512), per_arena = MEM_POOLS_PER_ARENA * per;
    for (size_t i = 0; i < 2 * per_arena; i++)
        blocks[i] = mem_pool_malloc(512);
    void *a = info_of(blocks[0]).arena, *b = info_of(blocks[per_arena]).arena;
    EXPECT(a != b && info_of(blocks[per_arena - 1]).arena == a);
    for (size_t i = 0; i < 10 * per; i++)          /* A: 10 free pools */
        mem_pool_free(blocks[i]);
    for (size_t i = per_arena; i < per_arena + 20 * per; i++)  /* B: 20 */
        mem_pool_free(blocks[i]);
    void *x = mem_pool_malloc(8);                   /* from A, the more used */
    EXPECT(info_of(x).arena == a);
    for (size_t i = 10 * per; i < 30 * per; i++)   /* A: 29 free pools now */
        mem_pool_free(blocks[i]);
    void *y = mem_pool_malloc(16);                  /* from B, more used now */
    EXPECT(info_of(y).arena == b);
    EXPECT(mem_heap_check(stdout) == 0);
    mem_pool_free(x);
    mem_pool_free(y);
    for (size_t i = 30 * per; i < per_arena; i++)
        mem_pool_free(blocks[i]);
    for (size_t i = per_arena + 20 * per; i < 2 * per_arena; i++)
        mem_pool_free(blocks[i]);
}

/* Runs random frees and allocations over [n] slots of [blocks], freeing
 * with probability [free_pct] %, and checks the heap now and then. */
static void arena_phase(void **blocks, size_t n, unsigned free_pct, int steps)
{
    for (int i = 0; i < steps; i++) {
        void **slot = &blocks[rnd() % n];
        if (*slot && rnd() % 100 < free_pct) {
            mem_pool_free(*slot);
            *slot = NULL;
        } else if (*slot == NULL) {
            *slot = mem_pool_malloc(1 + rnd() % 512);
        }
        if (i % 25000 == 0)
            EXPECT(mem_heap_check(stdout) == 0);
    }
}

static void test_arena_lists_under_stress(void)
{
    static void *blocks[40000];
    size_t n = sizeof blocks / sizeof blocks[0];
    for (int wave = 0; wave < 3 && test_ok; wave++) {
        arena_phase(blocks, n, 10, 150000);         /* grow to dozens of arenas */
        arena_phase(blocks, n, 50, 150000);         /* churn */
        arena_phase(blocks, n, 95, 150000);         /* drain */
    }
    for (size_t i = 0; i < n; i++)
        if (blocks[i]) {
            mem_pool_free(blocks[i]);
            blocks[i] = NULL;
        }
    MemStats st = stats();
    EXPECT(st.arenas_highwater >= 30 && st.arenas_current == st.arenas_spare);
}

/* ---- realloc, raw pointers, zero bytes, calloc ---- */

typedef struct Api {
    void *(*malloc)(size_t);
    void *(*realloc)(void *, size_t);
    void (*free)(void *);
} Api;

/* Fills [n] bytes at [p] with a pattern that depends on the offset. */
static void fill(uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(i * 31 + 7);
}

static bool filled(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (uint8_t)(i * 31 + 7))
            return false;
    return true;
}

/* Reallocates across the 512-byte line both ways through [api]; [split]
 * says whether pool/system placement is checked. */
static void realloc_across(const Api *api, bool split)
{
    static const size_t steps[] = { 1000, 300, 513, 512, 40, 600, 8 };
    uint8_t *p = api->malloc(100);
    fill(p, 100);
    EXPECT(!split || (api->realloc(p, 104) == p && api->realloc(p, 80) == p));
    size_t valid = 80;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        size_t n = steps[i];
        p = api->realloc(p, n);
        EXPECT(p != NULL && filled(p, valid < n ? valid : n));
        EXPECT(!split || is_pool_block(p) == (n <= MEM_SMALL_THRESHOLD));
        fill(p, n);
        valid = n;
    }
    p = api->realloc(p, 0);
    EXPECT(p != NULL);
    api->free(p);
}

static void test_realloc_across_512(void)
{
    static const Api pool = { mem_pool_malloc, mem_pool_realloc, mem_pool_free };
    static const Api mem = { mem_malloc, mem_realloc, mem_free };
    static const Api obj = { mem_obj_malloc, mem_obj_realloc, mem_obj_free };
    static const Api raw = { mem_raw_malloc, mem_raw_realloc, mem_raw_free };
    bool pymalloc = mem_mode() == MEM_MODE_PYMALLOC;
    realloc_across(&pool, true);
    realloc_across(&mem, pymalloc);
    realloc_across(&obj, pymalloc);
    realloc_across(&raw, false);
}

static void test_raw_pointers(void)
{
    static void *sys[1000];
    size_t raw0 = stats().raw_bytes;
    void *r = mem_raw_malloc(16);
    EXPECT(r != NULL && !is_pool_block(r) && stats().raw_bytes >= raw0 + 16);
    mem_raw_free(r);
    uint8_t *big = mem_malloc(5000);
    EXPECT(big != NULL && !is_pool_block(big));
    memset(big, 1, 5000);
    mem_free(big);
    EXPECT(stats().raw_bytes == raw0);
    for (size_t i = 0; i < 1000; i++) {             /* malloc's pointers are never ours */
        sys[i] = mem_sys_malloc(1 + rnd() % 5000);
        EXPECT(sys[i] != NULL && !is_pool_block(sys[i]));
    }
    for (size_t i = 0; i < 1000; i++)
        mem_pool_free(sys[i]);
    EXPECT(stats().raw_bytes == raw0);
}

static void test_zero_bytes(void)
{
    void *a = mem_malloc(0), *b = mem_malloc(0);
    void *c = mem_obj_malloc(0), *d = mem_obj_malloc(0);
    void *e = mem_raw_malloc(0), *f = mem_raw_malloc(0);
    void *g = mem_calloc(0, 0), *h = mem_raw_calloc(0, 16), *i = mem_realloc(NULL, 0);
    void *all[] = { a, b, c, d, e, f, g, h, i };
    for (size_t x = 0; x < 9; x++) {
        EXPECT(all[x] != NULL);
        for (size_t y = 0; y < x; y++)
            EXPECT(all[x] != all[y]);
    }
    void *j = mem_pool_malloc(0), *k = mem_pool_malloc(0);
    EXPECT(j != NULL && k != NULL && j != k);
    mem_pool_free(j);
    mem_pool_free(k);
    mem_free(a); mem_free(b); mem_obj_free(c); mem_obj_free(d);
    mem_raw_free(e); mem_raw_free(f); mem_free(g); mem_raw_free(h); mem_free(i);
}

static void test_calloc(void)
{
    uint8_t *p = mem_pool_malloc(64);
    memset(p, 0xAB, 64);
    mem_pool_free(p);
    uint8_t *q = mem_pool_calloc(8, 8);             /* the same, dirty block */
    EXPECT(q == p && all_bytes(q, 0, 64));
    mem_pool_free(q);
    uint8_t *m = mem_calloc(3, 100), *big = mem_calloc(16, 64), *r = mem_raw_calloc(5, 7);
    EXPECT(m && big && r && all_bytes(m, 0, 300) && all_bytes(big, 0, 1024) && all_bytes(r, 0, 35));
    mem_free(m);
    mem_free(big);
    mem_raw_free(r);
    EXPECT(mem_calloc(SIZE_MAX / 2, 3) == NULL && mem_raw_calloc(SIZE_MAX / 2, 3) == NULL);
    EXPECT(mem_pool_calloc(SIZE_MAX / 2, 3) == NULL);
}

/* ---- out of memory ---- */

static void test_huge_requests(void)
{
    EXPECT(mem_malloc(SIZE_MAX / 2) == NULL);
    EXPECT(mem_obj_malloc(SIZE_MAX / 2 - 4) == NULL);
    EXPECT(mem_raw_malloc(SIZE_MAX / 2) == NULL);
    uint8_t *p = mem_malloc(100);
    fill(p, 100);
    EXPECT(mem_realloc(p, SIZE_MAX / 2) == NULL && filled(p, 100));
    mem_free(p);
}

#ifndef __SANITIZE_ADDRESS__
/* Fills the heap of this process (with a small address-space limit) until
 * the allocator says no; exits 0 when it did so by returning NULL. */
static void exhaust_memory(void)
{
    struct rlimit lim = { 64u << 20, 64u << 20 };
    long pages = 0;
    FILE *statm = fopen("/proc/self/statm", "r");
    if (statm == NULL || fscanf(statm, "%ld", &pages) != 1)
        _exit(3);
    fclose(statm);
    lim.rlim_cur = lim.rlim_max = (rlim_t)pages * (rlim_t)sysconf(_SC_PAGESIZE) + (32u << 20);
    if (setrlimit(RLIMIT_AS, &lim) != 0)
        _exit(4);
    void *chain = NULL;
    size_t n = 0;
    for (void **p; (p = mem_obj_malloc(64 + n % 400)) != NULL; n++) {
        *p = chain;
        chain = p;
    }
    bool checked = mem_heap_check(stderr) == 0 && n > 1000;
    while (chain) {
        void *next = *(void **)chain;
        mem_obj_free(chain);
        chain = next;
    }
    _exit(checked && mem_heap_check(stderr) == 0 ? 0 : 1);
}
#endif

/* Runs [fn] in a child whose stderr goes to [buf]; returns the wait
 * status.  [debug] switches the child to MEMPY_MALLOC=debug first. */
static int run_child(void (*fn)(void), bool debug, char *buf, size_t size)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        if (debug && (setenv("MEMPY_MALLOC", "debug", 1) != 0 || mem_init() != 0))
            _exit(5);
        fn();
        _exit(0);
    }
    close(fds[1]);
    size_t len = 0;
    ssize_t got;
    while (len + 1 < size && (got = read(fds[0], buf + len, size - 1 - len)) > 0)
        len += (size_t)got;
    buf[len] = '\0';
    close(fds[0]);
    int status = -1;
    waitpid(pid, &status, 0);
    return status;
}

static void test_out_of_memory_returns_null(void)
{
#ifdef __SANITIZE_ADDRESS__
    printf("#   skipped under ASan (an address-space limit breaks its shadow memory)\n");
#else
    const char *preload = getenv("LD_PRELOAD");
    if (preload && strstr(preload, "vgpreload")) {
        printf("#   skipped under valgrind (it runs out of address space first)\n");
        return;
    }
    char buf[4096];
    int status = run_child(exhaust_memory, false, buf, sizeof buf);
    EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    if (buf[0])
        printf("#   child said: %s", buf);
#endif
}

/* ---- tracing ---- */

typedef struct Event {
    MemDomain domain;
    void *old, *new_;
    size_t size;
} Event;

typedef struct Log {
    int n;
    Event events[16];
} Log;

/* Records an event; also allocates, which must not be traced. */
static void record(MemDomain domain, void *old, void *new_, size_t size, void *ctx)
{
    Log *log = ctx;
    if (log->n < 16)
        log->events[log->n] = (Event){ domain, old, new_, size };
    log->n++;
    mem_raw_free(mem_raw_malloc(10));
}

static bool event_is(const Event *e, MemDomain d, void *old, void *new_, size_t size)
{
    return e->domain == d && e->old == old && e->new_ == new_ && e->size == size;
}

static void test_trace_hook(void)
{
    Log log = { 0 };
    mem_set_trace_hook(record, &log);
    void *p = mem_malloc(10), *q = mem_realloc(p, 20);
    mem_free(q);
    void *r = mem_raw_calloc(2, 3);
    mem_raw_free(r);
    void *o = mem_obj_malloc(700);
    mem_obj_free(o);
    mem_free(NULL);
    mem_set_trace_hook(NULL, NULL);
    mem_free(mem_malloc(5));
    EXPECT(log.n == 7);
    EXPECT(event_is(&log.events[0], MEM_DOMAIN_MEM, NULL, p, 10));
    EXPECT(event_is(&log.events[1], MEM_DOMAIN_MEM, p, q, 20));
    EXPECT(event_is(&log.events[2], MEM_DOMAIN_MEM, q, NULL, 0));
    EXPECT(event_is(&log.events[3], MEM_DOMAIN_RAW, NULL, r, 6));
    EXPECT(event_is(&log.events[4], MEM_DOMAIN_RAW, r, NULL, 0));
    EXPECT(event_is(&log.events[5], MEM_DOMAIN_OBJ, NULL, o, 700));
    EXPECT(event_is(&log.events[6], MEM_DOMAIN_OBJ, o, NULL, 0));
}

/* ---- statistics and the heap checker ---- */

/* Tells whether [text] has a line equal to [line]. */
static bool has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *s = text; (s = strstr(s, line)) != NULL; s++)
        if ((s == text || s[-1] == '\n') && s[n] == '\n')
            return true;
    return false;
}

static void test_print_one(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    mem_print_one(f, "# bytes in allocated blocks", 3494544);
    mem_print_one(f, "x", 0);
    mem_print_one(f, "18 unused pools * 16384 bytes", 999);
    mem_print_one(f, "            8 free PyDictObjects * 48 bytes each ", 1000);
    fclose(f);
    EXPECT(strcmp(text,
        "# bytes in allocated blocks        =            3,494,544\n"
        "x                                  =                    0\n"
        "18 unused pools * 16384 bytes      =                  999\n"
        "            8 free PyDictObjects * 48 bytes each =                1,000\n") == 0);
    free(text);
}

static void test_stats_layout(void)
{
    void *keep = mem_pool_malloc(24);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    mem_print_stats(f);
    fclose(f);
    if (mem_mode() == MEM_MODE_MALLOC) {
        EXPECT(len == 0);                           /* as CPython with PYTHONMALLOC=malloc */
    } else {
        static const char head[] = "Small block threshold = 512, in 64 size classes.\n\n"
                                   "class   size   num pools   blocks in use  avail blocks\n"
                                   "-----   ----   ---------   -------------  ------------\n";
        EXPECT(strncmp(text, head, sizeof head - 1) == 0);
        EXPECT(strstr(text, "\n    2     24           1") != NULL);
        MemStats st = stats();
        char line[128];
        snprintf(line, sizeof line, "%zu arenas * 262144 bytes/arena", st.arenas_current);
        EXPECT(strstr(text, line) != NULL);
        EXPECT(has_line(text, "# bytes lost to arena alignment    =                    0"));
        EXPECT(strstr(text, "\narena map counts\n# arena map mid nodes") != NULL);
        EXPECT(len > 2 && strcmp(text + len - 2, "\n\n") == 0);
        size_t in_use = 0;
        for (unsigned c = 0; c < MEM_NCLASSES; c++)
            in_use += st.classes[c].blocks_in_use * (c + 1) * 8;
        EXPECT(st.bytes_in_blocks == in_use && in_use >= 24);
        EXPECT(st.bytes_in_blocks + st.bytes_avail + st.unused_pools * MEM_POOL_SIZE + st.bytes_pool_headers
               + st.bytes_quantization == st.arenas_current * MEM_ARENA_SIZE);
    }
    free(text);
    mem_pool_free(keep);
}

static void test_heap_check_finds_damage(void)
{
    void **p1 = mem_pool_malloc(24), *p2 = mem_pool_malloc(24);
    mem_pool_free(p1);                              /* p1 heads the free list */
    void *saved = *p1;
    *p1 = (char *)p2 + 4;                           /* a link into the middle of a block */
    EXPECT(mem_heap_check(NULL) > 0);
    *p1 = p1;                                       /* a cycle */
    EXPECT(mem_heap_check(NULL) > 0);
    *p1 = saved;
    EXPECT(mem_heap_check(NULL) == 0);
    mem_pool_free(p2);
}

/* ---- the mode switch and the debug mode ---- */

static void test_mode_names(void)
{
    const char *old = getenv("MEMPY_MALLOC");
    char saved[32] = "";
    if (old)
        snprintf(saved, sizeof saved, "%s", old);
    MemMode mode = mem_mode();
    setenv("MEMPY_MALLOC", "bogus", 1);
    EXPECT(mem_init() == -1 && mem_mode() == mode);
    if (old)
        setenv("MEMPY_MALLOC", saved, 1);
    else
        unsetenv("MEMPY_MALLOC");
    EXPECT(mem_init() == 0 && mem_mode() == mode);
}

static void child_overrun(void)
{
    char *p = mem_malloc(16);
    fprintf(stderr, "block at %p\n", (void *)p);
    p[16] = 'x';
    mem_free(p);
}

static void child_underrun(void)
{
    char *p = mem_malloc(8);
    fprintf(stderr, "block at %p\n", (void *)p);
    p[-1] = 0;
    mem_free(p);
}

static void child_double_free(void)
{
    char *p = mem_obj_malloc(32);
    fprintf(stderr, "block at %p\n", (void *)p);
    mem_obj_free(p);
    mem_obj_free(p);
}

static void child_domain_mismatch(void)
{
    char *p = mem_obj_malloc(32);
    fprintf(stderr, "block at %p\n", (void *)p);
    mem_free(p);
}

static void child_bad_size(void)
{
    char *p = mem_malloc(16);
    fprintf(stderr, "block at %p\n", (void *)p);
    size_t huge = 100000;
    memcpy(p - 16, &huge, sizeof huge);             /* the size field, past the guards */
    mem_free(p);
}

static void child_raw_overrun_on_realloc(void)
{
    char *p = mem_raw_malloc(600);
    fprintf(stderr, "block at %p\n", (void *)p);
    memset(p, 0, 603);
    mem_raw_realloc(p, 700);
}

/* Runs [fn] in a debug-mode child; expects an abort with a report that
 * names [what], [domain], [api] and the block's address. */
static void expect_report(void (*fn)(void), const char *what, const char *domain, const char *api)
{
    char buf[4096], addr[64] = "?", line[128];
    int status = run_child(fn, true, buf, sizeof buf);
    sscanf(buf, "block at %63s", addr);
    EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
    snprintf(line, sizeof line, "mempy: fatal memory error: %s\n", what);
    EXPECT(strstr(buf, line) != NULL);
    snprintf(line, sizeof line, "  domain:   %s\n  address:  %s\n  found by: %s()\n", domain, addr, api);
    EXPECT(strstr(buf, line) != NULL);
    if (!test_ok)
        printf("#   child's stderr:\n%s", buf);
}

static void test_debug_overrun(void) { expect_report(child_overrun, "buffer overrun", "mem", "mem_free"); }
static void test_debug_underrun(void) { expect_report(child_underrun, "buffer underrun", "mem", "mem_free"); }
static void test_debug_double_free(void) { expect_report(child_double_free, "double free", "object", "mem_obj_free"); }
static void test_debug_domain_mismatch(void)
{
    expect_report(child_domain_mismatch, "domain mismatch", "mem", "mem_free");
}
static void test_debug_bad_size(void) { expect_report(child_bad_size, "bad block", "mem", "mem_free"); }
static void test_debug_raw_realloc(void)
{
    expect_report(child_raw_overrun_on_realloc, "buffer overrun", "raw", "mem_raw_realloc");
}

/* Checks the debug mode's fill patterns; exits 1 on a mismatch. */
static void child_patterns(void)
{
    uint8_t *p = mem_malloc(40), *z = mem_calloc(5, 8);
    bool ok = all_bytes(p, 0xCD, 40) && all_bytes(z, 0, 40);
    fill(p, 40);
    p = mem_realloc(p, 400);
    ok = ok && filled(p, 40) && all_bytes(p + 40, 0xCD, 360);
    mem_free(p);
    ok = ok && all_bytes(p, 0xDD, 400);             /* the freed block, still mapped */
    mem_free(z);
    _exit(ok && mem_heap_check(stderr) == 0 ? 0 : 1);
}

static void test_debug_patterns(void)
{
    char buf[4096];
    int status = run_child(child_patterns, true, buf, sizeof buf);
    EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* ---- everything at once ---- */

typedef struct Slot {
    uint8_t *p;
    size_t n;
    bool obj;
} Slot;

/* One random operation on [s]: allocate, reallocate or free, checking the
 * contents written before. */
static void random_op(Slot *s, uint8_t tag)
{
    if (s->p && !all_bytes(s->p, tag, s->n)) {
        test_ok = false;
        printf("#   slot %u lost its contents\n", tag);
    }
    size_t n = rnd() % 4 ? rnd() % 600 : rnd() % 3000;
    if (s->p && rnd() % 3 == 0) {
        s->obj ? mem_obj_free(s->p) : mem_free(s->p);
        s->p = NULL;
        return;
    }
    if (s->p)
        s->p = s->obj ? mem_obj_realloc(s->p, n) : mem_realloc(s->p, n);
    else if ((s->obj = rnd() % 2))
        s->p = mem_obj_malloc(n);
    else
        s->p = rnd() % 2 ? mem_malloc(n) : mem_calloc(1, n);
    s->n = n;
    memset(s->p, tag, n);
}

static void test_random_mix(void)
{
    static Slot slots[256];
    for (int i = 0; i < 200000; i++) {
        unsigned k = (unsigned)(rnd() % 256);
        random_op(&slots[k], (uint8_t)k);
        if (i % 20000 == 0)
            EXPECT(mem_heap_check(stdout) == 0);
    }
    for (unsigned k = 0; k < 256; k++)
        if (slots[k].p)
            slots[k].obj ? mem_obj_free(slots[k].p) : mem_free(slots[k].p);
}

int main(void)
{
    static const char *const names[] = { "pymalloc", "malloc", "debug" };
    if (mem_init() != 0) {
        printf("unknown MEMPY_MALLOC mode\n");
        return 2;
    }
    printf("# allocator mode: %s\n", names[mem_mode()]);
    run("every size class fills several pools, freed in random order", test_every_class);
    run("requests map to the right class; 513 bytes go to the system", test_class_boundaries);
    run("a pool hands out freed blocks first, then in address order", test_pool_block_order);
    run("an empty pool goes to freepools and serves another class", test_empty_pool_to_freepools);
    run("a full pool returns to usedpools when a block is freed", test_full_pool_comes_back);
    run("wholly free arenas are unmapped, one spare kept", test_free_arena_unmapped);
    run("spare arenas follow waves of allocation, then decay", test_spares_follow_waves);
    run("new pools come from the most used arena", test_most_used_arena_first);
    run("arena lists stay sorted through waves of random use", test_arena_lists_under_stress);
    run("realloc moves across the 512-byte line both ways", test_realloc_across_512);
    run("raw pointers are told apart and freed by the system", test_raw_pointers);
    run("zero-byte requests return unique pointers", test_zero_bytes);
    run("calloc zeroes reused blocks and refuses overflow", test_calloc);
    run("impossible requests return NULL", test_huge_requests);
    run("running out of address space returns NULL", test_out_of_memory_returns_null);
    run("the trace hook sees every domain, not itself", test_trace_hook);
    run("stat lines are formatted as CPython's printone", test_print_one);
    run("mem_print_stats has the layout of sys._debugmallocstats", test_stats_layout);
    run("the heap checker finds a damaged free list", test_heap_check_finds_damage);
    run("MEMPY_MALLOC names are checked", test_mode_names);
    run("debug mode reports a buffer overrun", test_debug_overrun);
    run("debug mode reports a buffer underrun", test_debug_underrun);
    run("debug mode reports a double free", test_debug_double_free);
    run("debug mode reports a domain mismatch", test_debug_domain_mismatch);
    run("debug mode refuses a size field its block cannot hold", test_debug_bad_size);
    run("debug mode checks blocks on realloc, raw domain too", test_debug_raw_realloc);
    run("debug mode fills new and freed memory", test_debug_patterns);
    run("random mix of every call across domains", test_random_mix);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
