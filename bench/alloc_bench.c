/* alloc_bench.c — allocator micro-benchmark: mempy's small-block allocator
 * (mem_malloc / mem_free) against glibc's malloc / free, in the same run.
 *
 * Mixes: fixed sizes of 16, 32, 64 and 256 bytes and random sizes 1..512,
 * each allocated in batches and freed in LIFO order or in random order;
 * then a churn over a working set of live blocks (1..512 bytes) where each
 * step frees a random block and allocates a new one in its place.  Every
 * mix runs [ops] operations (an allocation or a free each) for each
 * allocator.  Sizes and free orders are drawn before the clock starts and
 * are the same for both allocators; every block gets one byte written, as
 * a program would.  Nothing is warmed up: first-touch page faults count.
 *
 * Each (mix, allocator) run happens in a child process of its own, so the
 * peak RSS reported (ru_maxrss from wait4) is that run's alone; the two
 * allocators take turns, and the best of [reps] runs of each is kept.  Helper arrays are mmap'd, outside both heaps.
 *
 * usage: alloc_bench [ops (default 10000000)] [batch (default 100000)]
 *                    [working set (default 100000)] [reps (default 3)]
 */
#include "mem/mem.h"
#include "mem/obmalloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef enum { ORDER_LIFO, ORDER_RANDOM } Order;

typedef struct Mix {
    const char *name;
    size_t size;                /* fixed size, or 0 for random 1..512 */
    Order order;
    bool churn;
} Mix;

typedef struct Params {
    size_t ops, batch, working_set;
    int reps;
} Params;

typedef struct Result {
    double seconds;
    long peak_rss_kib;
} Result;

typedef struct Scratch {
    void **blocks;
    uint16_t *sizes;
    uint32_t *order;
} Scratch;

static uint64_t rng_state = 0x2545F4914F6CDD1Du;

/* Returns the next number of a fixed-seed xorshift generator. */
static inline uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Maps [size] bytes outside both allocators' heaps; exits on failure. */
static void *scratch_map(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        _exit(2);
    }
    return p;
}

/* Draws the sizes and free order of [mix] for [n] blocks. */
static Scratch scratch_make(const Mix *mix, size_t n)
{
    Scratch s = { scratch_map(n * sizeof(void *)), scratch_map(n * sizeof(uint16_t)),
                  scratch_map(n * sizeof(uint32_t)) };
    for (size_t i = 0; i < n; i++) {
        s.sizes[i] = (uint16_t)(mix->size ? mix->size : 1 + rnd() % 512);
        s.order[i] = (uint32_t)(mix->order == ORDER_LIFO ? n - 1 - i : i);
    }
    for (size_t i = n; mix->order == ORDER_RANDOM && i > 1; i--) {
        size_t j = rnd() % i;
        uint32_t t = s.order[i - 1];
        s.order[i - 1] = s.order[j];
        s.order[j] = t;
    }
    return s;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Allocates a batch and frees it in the drawn order until [ops] operations
 * are done; inlined per allocator so both calls are direct. */
static inline __attribute__((always_inline))
double run_batches(const Scratch *s, size_t batch, size_t ops,
                   void *(*alloc)(size_t), void (*release)(void *))
{
    double start = now();
    for (size_t done = 0; done < ops; done += 2 * batch) {
        for (size_t i = 0; i < batch; i++) {
            char *p = alloc(s->sizes[i]);
            p[0] = (char)i;
            s->blocks[i] = p;
        }
        for (size_t i = 0; i < batch; i++)
            release(s->blocks[s->order[i]]);
    }
    return now() - start;
}

/* Maps 32 random bits onto 0..n-1 without a division. */
static inline size_t pick(uint64_t bits32, size_t n)
{
    return (size_t)((bits32 * n) >> 32);
}

/* Fills the working set, then replaces a random block by a new one of a
 * random size until [ops] operations are done; the set-up and the final
 * frees are not timed. */
static inline __attribute__((always_inline))
double run_churn(const Scratch *s, size_t slots, size_t ops,
                 void *(*alloc)(size_t), void (*release)(void *))
{
    for (size_t i = 0; i < slots; i++)
        s->blocks[i] = alloc(s->sizes[i]);
    double start = now();
    for (size_t i = 0; i < ops; i += 2) {
        uint64_t r = rnd();
        void **slot = &s->blocks[pick(r >> 32, slots)];
        release(*slot);
        char *p = alloc(s->sizes[pick(r & 0xffffffffu, slots)]);
        p[0] = (char)i;
        *slot = p;
    }
    double t = now() - start;
    for (size_t i = 0; i < slots; i++)
        release(s->blocks[i]);
    return t;
}

/* Runs [mix] once with mempy's allocator ([ours]) or glibc's. */
static double run_mix(const Mix *mix, const Params *pr, bool ours)
{
    size_t n = mix->churn ? pr->working_set : pr->batch;
    Scratch s = scratch_make(mix, n);
    if (mix->churn)
        return ours ? run_churn(&s, n, pr->ops, mem_malloc, mem_free)
                    : run_churn(&s, n, pr->ops, malloc, free);
    return ours ? run_batches(&s, n, pr->ops, mem_malloc, mem_free)
                : run_batches(&s, n, pr->ops, malloc, free);
}

/* Runs [mix] in a child process; returns its time and peak RSS. */
static Result run_in_child(const Mix *mix, const Params *pr, bool ours)
{
    Result r = { -1, -1 };
    int fds[2];
    if (pipe(fds) != 0)
        return r;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        double t = run_mix(mix, pr, ours);
        ssize_t w = write(fds[1], &t, sizeof t);
        _exit(w == (ssize_t)sizeof t ? 0 : 1);
    }
    close(fds[1]);
    if (read(fds[0], &r.seconds, sizeof r.seconds) != (ssize_t)sizeof r.seconds)
        r.seconds = -1;
    close(fds[0]);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        r.peak_rss_kib = ru.ru_maxrss;
    return r;
}

/* Keeps in [best] the shorter run of [best] and [r], with its peak RSS. */
static void keep_best(Result *best, Result r)
{
    if (r.seconds > 0 && (best->seconds < 0 || r.seconds < best->seconds))
        *best = r;
}

/* Benchmarks [mix] with both allocators, taking turns so that a change in
 * the machine's load hits both alike, and prints its row. */
static void bench(const Mix *mix, const Params *pr)
{
    Result m = { -1, -1 }, g = { -1, -1 };
    for (int i = 0; i < pr->reps; i++) {
        keep_best(&m, run_in_child(mix, pr, true));
        keep_best(&g, run_in_child(mix, pr, false));
    }
    double mops = (double)pr->ops / m.seconds / 1e6, gops = (double)pr->ops / g.seconds / 1e6;
    printf("%-22s %9.1f %9.1f %7.2fx %10.1f %10.1f %7.3fx\n", mix->name, mops, gops, mops / gops,
           (double)m.peak_rss_kib / 1024, (double)g.peak_rss_kib / 1024,
           (double)m.peak_rss_kib / (double)g.peak_rss_kib);
}

/* Reads the positive integer argument [i] of [argv], or [fallback]. */
static size_t arg(int argc, char **argv, int i, size_t fallback)
{
    if (i >= argc)
        return fallback;
    long v = atol(argv[i]);
    return v > 0 ? (size_t)v : fallback;
}

int main(int argc, char **argv)
{
    static const Mix mixes[] = {
        { "fixed 16, LIFO", 16, ORDER_LIFO, false },   { "fixed 16, random", 16, ORDER_RANDOM, false },
        { "fixed 32, LIFO", 32, ORDER_LIFO, false },   { "fixed 32, random", 32, ORDER_RANDOM, false },
        { "fixed 64, LIFO", 64, ORDER_LIFO, false },   { "fixed 64, random", 64, ORDER_RANDOM, false },
        { "fixed 256, LIFO", 256, ORDER_LIFO, false }, { "fixed 256, random", 256, ORDER_RANDOM, false },
        { "1..512, LIFO", 0, ORDER_LIFO, false },      { "1..512, random", 0, ORDER_RANDOM, false },
        { "churn 1..512", 0, ORDER_RANDOM, true },
    };
    Params pr = { arg(argc, argv, 1, 10000000), arg(argc, argv, 2, 100000),
                  arg(argc, argv, 3, 100000), (int)arg(argc, argv, 4, 3) };
    if (mem_init() != 0 || mem_mode() != MEM_MODE_PYMALLOC) {
        fprintf(stderr, "alloc_bench: run it with MEMPY_MALLOC unset or =pymalloc\n");
        return 2;
    }
    printf("%zu operations per mix, batches of %zu blocks, churn over %zu slots, best of %d\n\n",
           pr.ops, pr.batch, pr.working_set, pr.reps);
    printf("%-22s %9s %9s %8s %10s %10s %8s\n", "mix", "mempy", "glibc", "speed", "mempy", "glibc", "RSS");
    printf("%-22s %9s %9s %8s %10s %10s %8s\n", "", "Mops/s", "Mops/s", "ratio", "peak MiB", "peak MiB", "ratio");
    for (size_t i = 0; i < sizeof mixes / sizeof mixes[0]; i++)
        bench(&mixes[i], &pr);
    return 0;
}
