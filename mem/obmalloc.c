/* obmalloc.c — the small-block allocator ("pymalloc"): arenas, pools and
 * blocks; the arena map that tells its blocks from the system's; the
 * system allocator wrapper that counts raw bytes; the counters behind
 * sys._debugmallocstats(); the heap checker.
 *
 * Requests of 1..512 bytes from the mem and object domains are served here;
 * anything larger (and zero-byte requests) goes to malloc.
 *
 *   OS: mmap / munmap, 256 KiB at a time, aligned on 256 KiB
 *    |
 *    v
 *   arena (256 KiB) = 64 pools of 4 KiB, handed out in address order
 *   +--------+--------+--------+--------+-- ... --+---------------------+
 *   | pool 0 | pool 1 | pool 2 | pool 3 |         |  never used yet     |
 *   | used   | full   | empty  | used   |         |                     |
 *   +--------+--------+--------+--------+-- ... --+---------------------+
 *   ^ arena base = pool 0                          ^ pool_address
 *                                                    (the high water mark)
 *
 *   pool (4 KiB): a 48-byte header, then blocks of one size class
 *   +--------+-------+-------+-------+-------+- - - - - - - - -+------+
 *   | header | blk 0 | blk 1 | blk 2 | blk 3 |  not carved yet  | tail |
 *   |        | used  | free  | used  | free  |                  |      |
 *   +--------+-------+-------+-------+-------+- - - - - - - - -+------+
 *                     ^   |           ^   |  ^
 *    freeblock -------|---|-----------+   |  nextoffset: the next block
 *                     +---|---------------+  never handed out; blocks are
 *                         v                  carved one at a time, in
 *                        NULL                address order
 *
 *   freeblock -> blk 3 -> blk 1 -> NULL: a freed block is pushed at the
 *   front; its first word holds the link.  malloc pops the free list, and
 *   carves the block at nextoffset only when the list is empty, so freed
 *   blocks are reused first, last freed first.  Carving writes nothing
 *   into the block: fresh memory is touched first by the program that
 *   uses it.  ref counts the blocks in use; the pool is full when ref
 *   reaches capacity.  The tail is what is left when 4096 - 48 is not a
 *   multiple of the block size.
 *
 *   Size classes: a request of n bytes gets a block of n rounded up to 8.
 *
 *       request      block  class          request      block  class
 *        1 ..   8       8      0          257 .. 264     264     32
 *        9 ..  16      16      1                 ...
 *       17 ..  24      24      2          505 .. 512     512     63
 *
 *   Pool states and the lists that hold them:
 *
 *     used   some blocks in use, some free: on usedpools[class], a doubly
 *            linked list; malloc takes the first free block of its head
 *     full   every block in use: on no list; freeing one of its blocks
 *            puts the pool back at the front of usedpools[class]
 *     empty  no block in use: on its arena's freepools list, ready for any
 *            class; when taken again it is carved afresh, so its blocks
 *            come out in address order without reading cold memory
 *
 *   Arenas: the arena objects live in the arenas[] table (a pool finds its
 *   arena through arenaindex).  Arenas with a free pool are on
 *   usable_arenas, doubly linked through nextarena/prevarena and sorted by
 *   nfreepools, fewest first: new pools come from the most-used arena so
 *   that the least-used ones can drain.  nfp2lasta[k] is the last arena
 *   with k free pools, which keeps the list sorted in O(1).
 *
 *   A wholly free arena is unmapped, unless it can stay as a spare (the
 *   spares sit at the end of usable_arenas and are used last).  One spare
 *   is allowed at first, as in CPython, so that a loop allocating and
 *   freeing across an arena boundary does not map and unmap every turn.
 *   The allowance follows the program's waves: when an arena must be
 *   mapped while others were unmapped since the last mapping, the memory
 *   given back is wanted again, and the allowance grows by that many
 *   arenas (up to MAX_SPARES, 64 MiB: the most glibc keeps at the top of
 *   its heap).  When DECAY_POOLS pools have been handed out without
 *   touching a spare, the allowance halves and the extra spares go back
 *   to the OS.
 *
 *   The arena map: free() must tell our blocks from the system's without
 *   reading memory that is not ours.  Arenas are aligned on 256 KiB, so the
 *   high 46 bits of an address name the one arena it could belong to.  A
 *   three-level radix tree over those bits (16 + 16 + 14 on 64-bit, split as
 *   CPython 3.11 splits its own) keeps one flag per arena-sized slot of the
 *   address space; its nodes are mapped on first use, and a lookup is three
 *   loads.
 */
#include "obmalloc.h"

#include <malloc.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define COLD __attribute__((noinline, cold))  /* keeps slow paths out of the fast ones */

#define ALIGNMENT_SHIFT 3
#define ARENA_BITS 18
#define ARENA_MASK ((uintptr_t)MEM_ARENA_SIZE - 1)
#define POOL_MASK ((uintptr_t)MEM_POOL_SIZE - 1)
#define INDEX2SIZE(i) (((size_t)(i) + 1) << ALIGNMENT_SHIFT)
#define POOL_OVERHEAD ((sizeof(Pool) + MEM_ALIGNMENT - 1) & ~(size_t)(MEM_ALIGNMENT - 1))
#define NBLOCKS(i) ((MEM_POOL_SIZE - POOL_OVERHEAD) / INDEX2SIZE(i))
#define POOL_OF(p) ((Pool *)((uintptr_t)(p) & ~POOL_MASK))
#define MAX_SPARES 256          /* most wholly free arenas kept mapped */
#define DECAY_POOLS 256         /* pools handed out, no spare touched, before the allowance halves */

_Static_assert(MEM_ARENA_SIZE == (size_t)1 << ARENA_BITS, "arena size");
_Static_assert(MEM_ALIGNMENT == 1 << ALIGNMENT_SHIFT, "alignment");

/* A free block: its first word links it to the next free block. */
typedef struct Block {
    struct Block *next;
} Block;

/* The header at the start of every pool. */
typedef struct Pool {
    uint32_t ref;               /* blocks in use */
    uint32_t capacity;          /* blocks it holds: full when ref == capacity */
    Block *freeblock;           /* last block freed; NULL when none is free */
    struct Pool *nextpool;      /* usedpools[szidx], or the arena's freepools */
    struct Pool *prevpool;      /* usedpools[szidx] only */
    uint32_t arenaindex;        /* this pool's arena in arenas[] */
    uint32_t szidx;             /* size class */
    uint32_t nextoffset;        /* offset of the next block never handed out */
} Pool;

/* The bookkeeping of one arena (a slot of the arenas[] table). */
typedef struct ArenaObject {
    uintptr_t address;          /* base of the mapping; 0 when the slot is unused */
    uint8_t *pool_address;      /* first pool never handed out */
    unsigned nfreepools;        /* empty pools plus pools never handed out */
    Pool *freepools;            /* empty pools, linked through nextpool */
    struct ArenaObject *nextarena;  /* usable_arenas, or the unused slots */
    struct ArenaObject *prevarena;  /* usable_arenas only */
} ArenaObject;

/* ---- the arena map (radix tree) ---- */

#if UINTPTR_MAX > 0xffffffffu
#define POINTER_BITS 64
#else
#define POINTER_BITS 32
#endif
#define MAP_KEY_BITS (POINTER_BITS - ARENA_BITS)
#define MAP_TOP_BITS ((MAP_KEY_BITS + 2) / 3)
#define MAP_MID_BITS MAP_TOP_BITS
#define MAP_BOT_BITS (MAP_KEY_BITS - MAP_TOP_BITS - MAP_MID_BITS)
#define MAP_TOP_SHIFT (POINTER_BITS - MAP_TOP_BITS)
#define MAP_MID_SHIFT (ARENA_BITS + MAP_BOT_BITS)
#define MAP_MID_MASK (((uintptr_t)1 << MAP_MID_BITS) - 1)
#define MAP_BOT_MASK (((uintptr_t)1 << MAP_BOT_BITS) - 1)

typedef struct MapBot {
    uint8_t is_arena[(size_t)1 << MAP_BOT_BITS];
} MapBot;

typedef struct MapMid {
    MapBot *bot[(size_t)1 << MAP_MID_BITS];
} MapMid;

static MapMid *map_root[(size_t)1 << MAP_TOP_BITS];

/* ---- the allocator's state ---- */

static struct {
    Pool *usedpools[MEM_NCLASSES];
    ArenaObject *arenas;        /* the table of arena objects */
    unsigned maxarenas;         /* its length */
    ArenaObject *unused_arena_objects;
    ArenaObject *usable_arenas;
    ArenaObject *nfp2lasta[MEM_POOLS_PER_ARENA + 1];
    size_t nspares;             /* wholly free arenas kept mapped */
    size_t max_spares;          /* how many may be kept */
    size_t unmapped_since_map;  /* arenas unmapped since one was last mapped */
    size_t pools_since_spare;   /* pools handed out since a spare was last used */
    size_t narenas_current;
    size_t narenas_highwater;
    size_t ntimes_arena_allocated;
    size_t map_mid_nodes;
    size_t map_bot_nodes;
    size_t raw_bytes;
} heap = { .max_spares = 1 };

/* Maps [size] bytes of zeroed memory, or returns NULL. */
static void *os_map(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* Maps one arena aligned on its own size, or returns NULL.  The first try
 * usually lands aligned (the kernel places a mapping right below the last
 * one); otherwise map twice the size and trim both ends. */
static void *os_map_arena(void)
{
    uint8_t *p = os_map(MEM_ARENA_SIZE);
    if (p == NULL || ((uintptr_t)p & ARENA_MASK) == 0)
        return p;
    munmap(p, MEM_ARENA_SIZE);
    p = os_map(2 * MEM_ARENA_SIZE);
    if (p == NULL)
        return NULL;
    uint8_t *base = (uint8_t *)(((uintptr_t)p + ARENA_MASK) & ~ARENA_MASK);
    if (base > p)
        munmap(p, (size_t)(base - p));
    munmap(base + MEM_ARENA_SIZE, (size_t)(p + MEM_ARENA_SIZE - base));
    return base;
}

/* Tells whether [p] lies in a live arena: three loads, no foreign memory. */
static inline bool map_contains(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    const MapMid *mid = map_root[a >> MAP_TOP_SHIFT];
    if (UNLIKELY(mid == NULL))
        return false;
    const MapBot *bot = mid->bot[(a >> MAP_MID_SHIFT) & MAP_MID_MASK];
    if (UNLIKELY(bot == NULL))
        return false;
    return bot->is_arena[(a >> ARENA_BITS) & MAP_BOT_MASK];
}

/* Returns the leaf node covering [a], mapping the missing nodes on the way;
 * NULL when out of memory. */
static MapBot *map_leaf(uintptr_t a)
{
    MapMid **mid = &map_root[a >> MAP_TOP_SHIFT];
    if (*mid == NULL) {
        if ((*mid = os_map(sizeof(MapMid))) == NULL)
            return NULL;
        heap.map_mid_nodes++;
    }
    MapBot **bot = &(*mid)->bot[(a >> MAP_MID_SHIFT) & MAP_MID_MASK];
    if (*bot == NULL) {
        if ((*bot = os_map(sizeof(MapBot))) == NULL)
            return NULL;
        heap.map_bot_nodes++;
    }
    return *bot;
}

/* Records whether the arena at [base] is live; -1 when out of memory. */
static int map_set(uintptr_t base, bool live)
{
    MapBot *bot = map_leaf(base);
    if (bot == NULL)
        return -1;
    bot->is_arena[(base >> ARENA_BITS) & MAP_BOT_MASK] = live;
    return 0;
}

/* ---- arenas ---- */

/* Doubles the arenas[] table; false when out of memory.  Called only when
 * every arena is full (usable_arenas and nfp2lasta are empty) and no slot
 * is unused, so no pointer into the old table survives the move: pools
 * name their arena by index. */
static bool grow_arena_table(void)
{
    unsigned n = heap.maxarenas ? 2 * heap.maxarenas : 16;
    if (n <= heap.maxarenas)
        return false;
    ArenaObject *t = realloc(heap.arenas, (size_t)n * sizeof(ArenaObject));
    if (t == NULL)
        return false;
    for (unsigned i = heap.maxarenas; i < n; i++)
        t[i] = (ArenaObject){ .nextarena = i + 1 < n ? &t[i + 1] : NULL };
    heap.unused_arena_objects = &t[heap.maxarenas];
    heap.arenas = t;
    heap.maxarenas = n;
    return true;
}

/* Maps a new arena and makes it the only usable one; NULL when out of
 * memory.  Called only when usable_arenas is empty. */
static ArenaObject *new_arena(void)
{
    if (heap.unused_arena_objects == NULL && !grow_arena_table())
        return NULL;
    uint8_t *base = os_map_arena();
    if (base == NULL)
        return NULL;
    if (map_set((uintptr_t)base, true) < 0) {
        munmap(base, MEM_ARENA_SIZE);
        return NULL;
    }
    ArenaObject *ao = heap.unused_arena_objects;
    heap.unused_arena_objects = ao->nextarena;
    *ao = (ArenaObject){ .address = (uintptr_t)base, .pool_address = base,
                         .nfreepools = MEM_POOLS_PER_ARENA };
    heap.usable_arenas = ao;
    heap.nfp2lasta[MEM_POOLS_PER_ARENA] = ao;
    heap.nspares++;
    if (heap.unmapped_since_map) {  /* a wave: memory given back is wanted again */
        heap.max_spares += heap.unmapped_since_map;
        if (heap.max_spares > MAX_SPARES)
            heap.max_spares = MAX_SPARES;
        heap.unmapped_since_map = 0;
    }
    heap.ntimes_arena_allocated++;
    if (++heap.narenas_current > heap.narenas_highwater)
        heap.narenas_highwater = heap.narenas_current;
    return ao;
}

/* Unmaps a wholly free arena already off usable_arenas and recycles its slot. */
static void free_arena(ArenaObject *ao)
{
    map_set(ao->address, false);    /* the leaf exists: cannot fail */
    munmap((void *)ao->address, MEM_ARENA_SIZE);
    ao->address = 0;
    ao->nextarena = heap.unused_arena_objects;
    heap.unused_arena_objects = ao;
    heap.narenas_current--;
    heap.unmapped_since_map++;
}

/* Takes [ao] off usable_arenas. */
static void usable_unlink(ArenaObject *ao)
{
    if (ao->prevarena)
        ao->prevarena->nextarena = ao->nextarena;
    else
        heap.usable_arenas = ao->nextarena;
    if (ao->nextarena)
        ao->nextarena->prevarena = ao->prevarena;
}

/* Puts [ao] on usable_arenas right after [prev] (at the head if NULL). */
static void usable_insert_after(ArenaObject *ao, ArenaObject *prev)
{
    ao->prevarena = prev;
    ao->nextarena = prev ? prev->nextarena : heap.usable_arenas;
    if (ao->nextarena)
        ao->nextarena->prevarena = ao;
    if (prev)
        prev->nextarena = ao;
    else
        heap.usable_arenas = ao;
}

/* Keeps nfp2lasta[k] right as [ao] leaves the run of arenas that have [k]
 * free pools: if it ended the run, its predecessor now does, or nobody. */
static void leave_run(ArenaObject *ao, unsigned k)
{
    if (heap.nfp2lasta[k] != ao)
        return;
    ArenaObject *prev = ao->prevarena;
    heap.nfp2lasta[k] = prev && prev->nfreepools == k ? prev : NULL;
}

/* Accounts for a pool taken from [ao], the head of usable_arenas: it stays
 * the head (it had the fewest free pools) or leaves the list when full. */
static void arena_lost_pool(ArenaObject *ao)
{
    unsigned nf = ao->nfreepools--;
    if (nf == MEM_POOLS_PER_ARENA)
        heap.nspares--;
    leave_run(ao, nf);
    if (nf == 1)
        usable_unlink(ao);
    else
        heap.nfp2lasta[nf - 1] = ao;
}

/* Accounts for [pool] given back to [ao]: moves the arena to its place in
 * usable_arenas, or unmaps it when it is wholly free and no more spares
 * are allowed. */
static void arena_gained_pool(ArenaObject *ao, Pool *pool)
{
    pool->nextpool = ao->freepools;
    ao->freepools = pool;
    unsigned nf = ++ao->nfreepools;
    if (nf == 1) {                  /* was full: fewest free pools of all */
        usable_insert_after(ao, NULL);
        if (heap.nfp2lasta[1] == NULL)
            heap.nfp2lasta[1] = ao;
        return;
    }
    ArenaObject *last = heap.nfp2lasta[nf - 1];     /* end of ao's old run */
    leave_run(ao, nf - 1);
    if (nf == MEM_POOLS_PER_ARENA && heap.nspares >= heap.max_spares) {
        usable_unlink(ao);
        free_arena(ao);
        return;
    }
    heap.nspares += nf == MEM_POOLS_PER_ARENA;
    if (last != ao) {
        usable_unlink(ao);
        usable_insert_after(ao, last);
    }
    if (heap.nfp2lasta[nf] == NULL)
        heap.nfp2lasta[nf] = ao;
}

/* Halves the spare allowance and unmaps the spares beyond it, the last
 * arenas of usable_arenas. */
static void decay_spares(void)
{
    heap.pools_since_spare = 0;
    heap.max_spares = heap.max_spares > 1 ? heap.max_spares / 2 : 1;
    while (heap.nspares > heap.max_spares) {
        ArenaObject *ao = heap.nfp2lasta[MEM_POOLS_PER_ARENA];
        leave_run(ao, MEM_POOLS_PER_ARENA);
        usable_unlink(ao);
        free_arena(ao);
        heap.nspares--;
    }
}

/* Takes an empty pool from the most-used usable arena, mapping a new arena
 * if there is none; NULL when out of memory. */
static Pool *take_pool(void)
{
    ArenaObject *ao = heap.usable_arenas;
    if (ao == NULL && (ao = new_arena()) == NULL)
        return NULL;
    if (ao->nfreepools == MEM_POOLS_PER_ARENA)
        heap.pools_since_spare = 0;
    else if (++heap.pools_since_spare >= DECAY_POOLS)
        decay_spares();
    Pool *pool = ao->freepools;
    if (pool) {
        ao->freepools = pool->nextpool;
    } else {
        pool = (Pool *)ao->pool_address;
        ao->pool_address += MEM_POOL_SIZE;
        pool->arenaindex = (uint32_t)(ao - heap.arenas);
    }
    arena_lost_pool(ao);
    return pool;
}

/* ---- pools ---- */

/* Puts [pool] at the front of usedpools[its class]. */
COLD static void usedpools_push(Pool *pool)
{
    Pool **head = &heap.usedpools[pool->szidx];
    pool->prevpool = NULL;
    pool->nextpool = *head;
    if (*head)
        (*head)->prevpool = pool;
    *head = pool;
}

/* Takes [pool] off usedpools[its class]. */
static void usedpools_unlink(Pool *pool)
{
    if (pool->prevpool)
        pool->prevpool->nextpool = pool->nextpool;
    else
        heap.usedpools[pool->szidx] = pool->nextpool;
    if (pool->nextpool)
        pool->nextpool->prevpool = pool->prevpool;
}

/* Prepares an empty pool for class [idx]: nothing freed, nothing carved. */
static void pool_init(Pool *pool, unsigned idx)
{
    pool->ref = 0;
    pool->capacity = (uint32_t)NBLOCKS(idx);
    pool->szidx = idx;
    pool->freeblock = NULL;
    pool->nextoffset = (uint32_t)POOL_OVERHEAD;
}

/* Retires [pool], the head of usedpools, once its last block is handed out. */
COLD static void pool_full(Pool *pool)
{
    Pool *next = pool->nextpool;
    heap.usedpools[pool->szidx] = next;
    if (next)
        next->prevpool = NULL;
}

/* Hands out a block of [pool], which has one: the last one freed, else the
 * next one never carved. */
static inline void *pool_pop(Pool *pool)
{
    Block *b = pool->freeblock;
    if (b != NULL) {
        pool->freeblock = b->next;
    } else {
        b = (Block *)((uint8_t *)pool + pool->nextoffset);
        pool->nextoffset += (uint32_t)INDEX2SIZE(pool->szidx);
    }
    if (UNLIKELY(++pool->ref == pool->capacity))
        pool_full(pool);
    return b;
}

/* mem_pool_malloc when usedpools has no pool for [n] bytes, or [n] is not
 * small: a fresh pool, else the system allocator. */
COLD static void *pool_malloc_slow(size_t n)
{
    if (n - 1 < MEM_SMALL_THRESHOLD) {
        unsigned idx = (unsigned)((n - 1) >> ALIGNMENT_SHIFT);
        Pool *pool = take_pool();
        if (pool) {
            pool_init(pool, idx);
            usedpools_push(pool);
            return pool_pop(pool);
        }
    }
    return mem_sys_malloc(n);
}

/* Handles the two changes of state a free can make: [pool] was full and
 * goes back on usedpools, or it is empty and goes back to its arena. */
COLD static void pool_state_changed(Pool *pool)
{
    if (pool->ref != 0) {
        usedpools_push(pool);
    } else {
        usedpools_unlink(pool);
        arena_gained_pool(&heap.arenas[pool->arenaindex], pool);
    }
}

/* Pushes block [p] on the free list of its [pool]. */
static inline void pool_free(Pool *pool, void *p)
{
    Block *b = p;
    b->next = pool->freeblock;
    pool->freeblock = b;
    uint32_t ref = pool->ref--;
    /* One test for both rare cases: ref was 1, the pool is empty now (1 - 2
     * wraps around), or ref was capacity, the pool was full. */
    if (UNLIKELY(ref - 2 >= pool->capacity - 2))
        pool_state_changed(pool);
}

/* ---- the system allocator ---- */

COLD void *mem_sys_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p)
        heap.raw_bytes += malloc_usable_size(p);
    return p;
}

void *mem_sys_calloc(size_t count, size_t size)
{
    if (count == 0 || size == 0)
        count = size = 1;
    void *p = calloc(count, size);
    if (p)
        heap.raw_bytes += malloc_usable_size(p);
    return p;
}

void *mem_sys_realloc(void *p, size_t n)
{
    size_t old = p ? malloc_usable_size(p) : 0;
    void *q = realloc(p, n ? n : 1);
    if (q)
        heap.raw_bytes += malloc_usable_size(q) - old;
    return q;
}

COLD void mem_sys_free(void *p)
{
    if (p == NULL)
        return;
    heap.raw_bytes -= malloc_usable_size(p);
    free(p);
}

/* ---- the pymalloc policy ---- */

void *mem_pool_malloc(size_t n)
{
    if (LIKELY(n - 1 < MEM_SMALL_THRESHOLD)) {
        Pool *pool = heap.usedpools[(n - 1) >> ALIGNMENT_SHIFT];
        if (LIKELY(pool != NULL))
            return pool_pop(pool);
    }
    return pool_malloc_slow(n);
}

void *mem_pool_calloc(size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    size_t n = count * size;
    if (n - 1 >= MEM_SMALL_THRESHOLD)
        return mem_sys_calloc(count, size);
    void *p = mem_pool_malloc(n);
    if (p)
        memset(p, 0, n);
    return p;
}

void mem_pool_free(void *p)
{
    if (LIKELY(map_contains(p)))
        pool_free(POOL_OF(p), p);
    else
        mem_sys_free(p);
}

/* Moves [p] (holding [have] valid bytes) into a new allocation of [n]
 * bytes; the old block is freed only on success. */
static void *move_block(void *p, size_t have, size_t n)
{
    void *q = mem_pool_malloc(n);
    if (q == NULL)
        return NULL;
    memcpy(q, p, have < n ? have : n);
    mem_pool_free(p);
    return q;
}

void *mem_pool_realloc(void *p, size_t n)
{
    if (p == NULL)
        return mem_pool_malloc(n);
    if (map_contains(p)) {
        size_t size = INDEX2SIZE(POOL_OF(p)->szidx);
        /* Stay put when it fits, unless it shrinks by a quarter or more. */
        if (n <= size && 4 * n > 3 * size)
            return p;
        return move_block(p, size, n);
    }
    if (n - 1 < MEM_SMALL_THRESHOLD)    /* a system block small enough for a pool */
        return move_block(p, malloc_usable_size(p), n);
    return mem_sys_realloc(p, n);
}

/* ---- reading the heap ---- */

/* Counts the free blocks [pool] has never carved. */
static size_t uncarved_blocks(const Pool *pool)
{
    return pool->capacity - (pool->nextoffset - POOL_OVERHEAD) / INDEX2SIZE(pool->szidx);
}

/* Adds the pools of arena [ao] to [st]. */
static void arena_stats(const ArenaObject *ao, MemStats *st)
{
    st->unused_pools += ao->nfreepools;
    for (uint8_t *b = (uint8_t *)ao->address; b < ao->pool_address; b += MEM_POOL_SIZE) {
        const Pool *pool = (const Pool *)b;
        if (pool->ref == 0)
            continue;
        MemClassStats *c = &st->classes[pool->szidx];
        c->pools++;
        c->blocks_in_use += pool->ref;
        c->blocks_avail += NBLOCKS(pool->szidx) - pool->ref;
    }
}

void mem_get_stats(MemStats *st)
{
    memset(st, 0, sizeof *st);
    for (unsigned i = 0; i < heap.maxarenas; i++)
        if (heap.arenas[i].address)
            arena_stats(&heap.arenas[i], st);
    for (unsigned i = 0; i < MEM_NCLASSES; i++) {
        const MemClassStats *c = &st->classes[i];
        st->bytes_in_blocks += c->blocks_in_use * INDEX2SIZE(i);
        st->bytes_avail += c->blocks_avail * INDEX2SIZE(i);
        st->bytes_pool_headers += c->pools * POOL_OVERHEAD;
        st->bytes_quantization += c->pools * ((MEM_POOL_SIZE - POOL_OVERHEAD) % INDEX2SIZE(i));
    }
    st->arenas_allocated_total = heap.ntimes_arena_allocated;
    st->arenas_reclaimed = heap.ntimes_arena_allocated - heap.narenas_current;
    st->arenas_highwater = heap.narenas_highwater;
    st->arenas_current = heap.narenas_current;
    st->arenas_spare = heap.nspares;
    st->spares_allowed = heap.max_spares;
    st->raw_bytes = heap.raw_bytes;
    st->map_mid_nodes = heap.map_mid_nodes;
    st->map_bot_nodes = heap.map_bot_nodes;
}

bool mem_block_info(const void *p, MemBlockInfo *info)
{
    if (!map_contains(p))
        return false;
    if (info) {
        const Pool *pool = POOL_OF(p);
        info->arena = (void *)((uintptr_t)p & ~ARENA_MASK);
        info->pool = (void *)pool;
        info->size_class = pool->szidx;
        info->block_size = INDEX2SIZE(pool->szidx);
    }
    return true;
}

size_t mem_print_one(FILE *out, const char *label, size_t value)
{
    char digits[32];
    char grouped[48];
    int len = snprintf(digits, sizeof digits, "%zu", value);
    int j = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            grouped[j++] = ',';
        grouped[j++] = digits[i];
    }
    grouped[j] = '\0';
    fprintf(out, "%-35s=%21s\n", label, grouped);
    return value;
}

/* Prints the class table of [st]. */
static void print_class_table(FILE *out, const MemStats *st)
{
    fputs("class   size   num pools   blocks in use  avail blocks\n"
          "-----   ----   ---------   -------------  ------------\n", out);
    for (unsigned i = 0; i < MEM_NCLASSES; i++) {
        const MemClassStats *c = &st->classes[i];
        if (c->pools)
            fprintf(out, "%5u %6zu %11zu %15zu %13zu\n", i, INDEX2SIZE(i),
                    c->pools, c->blocks_in_use, c->blocks_avail);
    }
}

/* Prints the arena counters and the byte accounting of [st]. */
static void print_arena_summary(FILE *out, const MemStats *st)
{
    char label[64];
    mem_print_one(out, "# arenas allocated total", st->arenas_allocated_total);
    mem_print_one(out, "# arenas reclaimed", st->arenas_reclaimed);
    mem_print_one(out, "# arenas highwater mark", st->arenas_highwater);
    mem_print_one(out, "# arenas allocated current", st->arenas_current);
    snprintf(label, sizeof label, "%zu arenas * %zu bytes/arena", st->arenas_current, MEM_ARENA_SIZE);
    mem_print_one(out, label, st->arenas_current * MEM_ARENA_SIZE);
    fputc('\n', out);
    size_t total = mem_print_one(out, "# bytes in allocated blocks", st->bytes_in_blocks);
    total += mem_print_one(out, "# bytes in available blocks", st->bytes_avail);
    snprintf(label, sizeof label, "%zu unused pools * %zu bytes", st->unused_pools, MEM_POOL_SIZE);
    total += mem_print_one(out, label, st->unused_pools * MEM_POOL_SIZE);
    total += mem_print_one(out, "# bytes lost to pool headers", st->bytes_pool_headers);
    total += mem_print_one(out, "# bytes lost to quantization", st->bytes_quantization);
    total += mem_print_one(out, "# bytes lost to arena alignment", 0);  /* arenas are aligned */
    mem_print_one(out, "Total", total);
}

/* Prints the size of the arena map of [st]. */
static void print_arena_map(FILE *out, const MemStats *st)
{
    fputs("\narena map counts\n", out);
    mem_print_one(out, "# arena map mid nodes", st->map_mid_nodes);
    mem_print_one(out, "# arena map bot nodes", st->map_bot_nodes);
    fputc('\n', out);
    size_t total = mem_print_one(out, "# bytes lost to arena map root", sizeof map_root);
    total += mem_print_one(out, "# bytes lost to arena map mid", st->map_mid_nodes * sizeof(MapMid));
    total += mem_print_one(out, "# bytes lost to arena map bot", st->map_bot_nodes * sizeof(MapBot));
    mem_print_one(out, "Total", total);
}

void mem_pool_print_stats(FILE *out)
{
    MemStats st;
    mem_get_stats(&st);
    fprintf(out, "Small block threshold = %d, in %d size classes.\n\n",
            MEM_SMALL_THRESHOLD, MEM_NCLASSES);
    print_class_table(out, &st);
    fputc('\n', out);
    print_arena_summary(out, &st);
    print_arena_map(out, &st);
    fputc('\n', out);
}

/* ---- the heap checker ---- */

typedef struct Checker {
    FILE *out;
    int errors;
    size_t used_pools[MEM_NCLASSES];    /* pools with room, seen in arenas */
} Checker;

/* Records one violation, described by a printf format. */
static void complain(Checker *c, const char *fmt, ...)
{
    c->errors++;
    if (c->out == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("heap check: ", c->out);
    vfprintf(c->out, fmt, ap);
    fputc('\n', c->out);
    va_end(ap);
}

/* Checks the free list of a pool in use against its counts. */
static void check_free_list(Checker *c, const Pool *pool)
{
    size_t size = INDEX2SIZE(pool->szidx), nblocks = NBLOCKS(pool->szidx);
    uint8_t seen[MEM_POOL_SIZE / MEM_ALIGNMENT] = { 0 };
    size_t nfree = 0;
    for (const Block *b = pool->freeblock; b; b = b->next) {
        size_t off = (size_t)((const uint8_t *)b - (const uint8_t *)pool);
        if (POOL_OF(b) != pool || off < POOL_OVERHEAD || off >= pool->nextoffset
                || (off - POOL_OVERHEAD) % size != 0) {
            complain(c, "pool %p: free block %p is not a carved block of it", (void *)pool, (void *)b);
            return;
        }
        if (seen[(off - POOL_OVERHEAD) / size]++) {
            complain(c, "pool %p: block %p is twice on the free list", (void *)pool, (void *)b);
            return;
        }
        nfree++;
    }
    if (pool->ref + nfree + uncarved_blocks(pool) != nblocks)
        complain(c, "pool %p: %u in use + %zu free + %zu uncarved != %zu blocks",
                 (void *)pool, pool->ref, nfree, uncarved_blocks(pool), nblocks);
}

/* Checks one pool that has blocks in use. */
static void check_pool(Checker *c, const Pool *pool)
{
    if (pool->szidx >= MEM_NCLASSES) {
        complain(c, "pool %p: bad size class %u", (void *)pool, pool->szidx);
        return;
    }
    size_t size = INDEX2SIZE(pool->szidx);
    if (pool->capacity != NBLOCKS(pool->szidx) || pool->ref > pool->capacity) {
        complain(c, "pool %p: %u blocks in use, capacity %u, room for %zu",
                 (void *)pool, pool->ref, pool->capacity, NBLOCKS(pool->szidx));
        return;
    }
    if (pool->nextoffset < POOL_OVERHEAD || (pool->nextoffset - POOL_OVERHEAD) % size != 0
            || pool->nextoffset > POOL_OVERHEAD + pool->capacity * size) {
        complain(c, "pool %p: carved up to offset %u, not a block boundary of it", (void *)pool, pool->nextoffset);
        return;
    }
    check_free_list(c, pool);
    if (pool->ref < pool->capacity)
        c->used_pools[pool->szidx]++;
}

/* Checks arena [ao] (slot [i]) and every pool it has handed out. */
static void check_arena(Checker *c, const ArenaObject *ao, unsigned i)
{
    const uint8_t *base = (const uint8_t *)ao->address;
    if ((ao->address & ARENA_MASK) || !map_contains(base)
            || ao->pool_address < base || ao->pool_address > base + MEM_ARENA_SIZE) {
        complain(c, "arena %u at %p: bad address or high water mark", i, (void *)base);
        return;
    }
    size_t empty = 0, nfree = 0;
    for (const uint8_t *b = base; b < ao->pool_address; b += MEM_POOL_SIZE) {
        const Pool *pool = (const Pool *)b;
        if (pool->arenaindex != i)
            complain(c, "pool %p: arenaindex %u, lives in arena %u", (void *)b, pool->arenaindex, i);
        if (pool->ref == 0)
            empty++;
        else
            check_pool(c, pool);
    }
    for (const Pool *p = ao->freepools; p && nfree <= MEM_POOLS_PER_ARENA; p = p->nextpool, nfree++)
        if ((const uint8_t *)p < base || (const uint8_t *)p >= ao->pool_address || p->ref != 0)
            complain(c, "arena %u: freepools holds %p, not an empty pool of it", i, (void *)p);
    size_t uncarved = (size_t)(base + MEM_ARENA_SIZE - ao->pool_address) / MEM_POOL_SIZE;
    if (nfree != empty || ao->nfreepools != empty + uncarved)
        complain(c, "arena %u: nfreepools %u, %zu empty pools (%zu on freepools) + %zu never used",
                 i, ao->nfreepools, empty, nfree, uncarved);
}

/* Checks every arena slot and the arena counters. */
static void check_arenas(Checker *c)
{
    size_t live = 0;
    for (unsigned i = 0; i < heap.maxarenas; i++) {
        if (heap.arenas[i].address == 0)
            continue;
        live++;
        check_arena(c, &heap.arenas[i], i);
    }
    if (live != heap.narenas_current || live > heap.narenas_highwater
            || heap.narenas_highwater > heap.ntimes_arena_allocated)
        complain(c, "arena counters: %zu live, %zu current, %zu highwater, %zu allocated",
                 live, heap.narenas_current, heap.narenas_highwater, heap.ntimes_arena_allocated);
}

/* Checks that usable_arenas is well linked, sorted, and indexed by nfp2lasta. */
static void check_usable_arenas(Checker *c)
{
    size_t n = 0, wholly_free = 0, with_room = 0, runs = 0, indexed = 0;
    const ArenaObject *prev = NULL;
    for (const ArenaObject *ao = heap.usable_arenas; ao && n <= heap.maxarenas; prev = ao, ao = ao->nextarena, n++) {
        if (ao->prevarena != prev || ao->address == 0 || ao->nfreepools == 0
                || (prev && prev->nfreepools > ao->nfreepools))
            complain(c, "usable_arenas: arena %p out of order or badly linked", (void *)ao->address);
        bool last_of_run = ao->nextarena == NULL || ao->nextarena->nfreepools != ao->nfreepools;
        if (ao->nfreepools <= MEM_POOLS_PER_ARENA && last_of_run != (heap.nfp2lasta[ao->nfreepools] == ao))
            complain(c, "nfp2lasta[%u] does not point at the last arena with that many free pools", ao->nfreepools);
        runs += last_of_run;
        wholly_free += ao->nfreepools == MEM_POOLS_PER_ARENA;
    }
    for (unsigned i = 0; i < heap.maxarenas; i++)
        with_room += heap.arenas[i].address && heap.arenas[i].nfreepools > 0;
    if (n != with_room)
        complain(c, "usable_arenas holds %zu arenas, %zu have free pools", n, with_room);
    if (wholly_free != heap.nspares || heap.nspares > heap.max_spares
            || heap.max_spares < 1 || heap.max_spares > MAX_SPARES)
        complain(c, "%zu wholly free arenas, %zu spares counted, %zu allowed",
                 wholly_free, heap.nspares, heap.max_spares);
    for (unsigned k = 0; k <= MEM_POOLS_PER_ARENA; k++)
        indexed += heap.nfp2lasta[k] != NULL;
    if (runs != indexed)
        complain(c, "nfp2lasta has %zu entries for %zu runs of usable arenas", indexed, runs);
}

/* Checks the usedpools lists against the pools counted in the arenas. */
static void check_usedpools(Checker *c)
{
    for (unsigned i = 0; i < MEM_NCLASSES; i++) {
        size_t n = 0;
        const Pool *prev = NULL;
        for (const Pool *p = heap.usedpools[i]; p; prev = p, p = p->nextpool, n++) {
            if (n > c->used_pools[i] || !map_contains(p)) {
                complain(c, "usedpools[%u]: more pools than the arenas hold, or a foreign one", i);
                break;
            }
            if (p->prevpool != prev || p->szidx != i || p->ref == 0 || p->ref == p->capacity)
                complain(c, "usedpools[%u]: pool %p badly linked, empty or full", i, (void *)p);
        }
        if (n != c->used_pools[i])
            complain(c, "usedpools[%u] holds %zu pools, the arenas have %zu with room", i, n, c->used_pools[i]);
    }
}

int mem_heap_check(FILE *out)
{
    Checker c = { .out = out };
    check_arenas(&c);
    check_usable_arenas(&c);
    check_usedpools(&c);
    return c.errors;
}
