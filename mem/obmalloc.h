/* obmalloc.h — the inside of mem/: the small-block allocator's geometry,
 * the two allocators the domains of mem.h are built from, and what tests
 * and tools may read of the heap (counters, a heap checker, where a block
 * lives).
 *
 * Everything here is single-threaded, like the rest of mem/.
 */
#ifndef MEMPY_OBMALLOC_H
#define MEMPY_OBMALLOC_H

#include <stdbool.h>
#include "mem.h"

/* Geometry of the small-block allocator (the diagram is in obmalloc.c). */
#define MEM_ALIGNMENT 8                 /* block sizes are multiples of this */
#define MEM_SMALL_THRESHOLD 512         /* largest request served from pools */
#define MEM_NCLASSES (MEM_SMALL_THRESHOLD / MEM_ALIGNMENT)     /* 64 */
#define MEM_ARENA_SIZE ((size_t)256 << 10)
#define MEM_POOL_SIZE ((size_t)4 << 10)
#define MEM_POOLS_PER_ARENA (MEM_ARENA_SIZE / MEM_POOL_SIZE)    /* 64 */

/* The allocator mode chosen by MEMPY_MALLOC in mem_init(). */
typedef enum { MEM_MODE_PYMALLOC, MEM_MODE_MALLOC, MEM_MODE_DEBUG } MemMode;

/* Returns the current allocator mode. */
MemMode mem_mode(void);

/* ---- the two underlying allocators (used by mem/alloc.c) ---- */

/* The pymalloc policy of the mem and object domains: 1..512 bytes from the
 * pools, anything else (0 bytes included) from the system allocator.
 * mem_pool_free and mem_pool_realloc accept either kind of pointer. */
void *mem_pool_malloc(size_t n);
void *mem_pool_calloc(size_t count, size_t size);
void *mem_pool_realloc(void *p, size_t n);
void mem_pool_free(void *p);

/* The system allocator (malloc), counting the bytes it holds; a zero-byte
 * request is served as a one-byte one. */
void *mem_sys_malloc(size_t n);
void *mem_sys_calloc(size_t count, size_t size);
void *mem_sys_realloc(void *p, size_t n);
void mem_sys_free(void *p);

/* Prints the pymalloc part of sys._debugmallocstats() to [out], ending with
 * the blank line that precedes the free-list lines. */
void mem_pool_print_stats(FILE *out);

/* Prints one "label = value" line in the layout of CPython's
 * _debugmallocstats (label padded to 35 columns, value right-aligned in 21
 * with thousands separators) and returns [value]. */
size_t mem_print_one(FILE *out, const char *label, size_t value);

/* ---- reading the heap (tests, sys, visualisation) ---- */

typedef struct MemClassStats {
    size_t pools;               /* pools of this class holding a block in use */
    size_t blocks_in_use;
    size_t blocks_avail;        /* free blocks in those pools, carved or not */
} MemClassStats;

typedef struct MemStats {
    MemClassStats classes[MEM_NCLASSES];
    size_t arenas_allocated_total;  /* arenas ever mapped */
    size_t arenas_reclaimed;        /* arenas given back to the OS */
    size_t arenas_highwater;        /* most arenas mapped at once */
    size_t arenas_current;
    size_t arenas_spare;            /* wholly free arenas kept mapped */
    size_t spares_allowed;          /* how many may be kept now */
    size_t unused_pools;            /* empty or never used pools, all arenas */
    size_t bytes_in_blocks;         /* block bytes in use (rounded sizes) */
    size_t bytes_avail;             /* free block bytes in pools in use */
    size_t bytes_pool_headers;      /* headers of pools in use */
    size_t bytes_quantization;      /* pool tails too small for a block */
    size_t raw_bytes;               /* system allocator bytes in use */
    size_t map_mid_nodes;           /* nodes of the arena map */
    size_t map_bot_nodes;
} MemStats;

/* Fills [st] by walking every arena and pool. */
void mem_get_stats(MemStats *st);

/* Walks every arena, pool and free list and checks the allocator's
 * invariants; describes each violation on [out] (unless NULL) and returns
 * how many were found. */
int mem_heap_check(FILE *out);

typedef struct MemBlockInfo {
    void *arena;                /* base of the arena */
    void *pool;                 /* base of the pool */
    unsigned size_class;        /* index into the class table */
    size_t block_size;
} MemBlockInfo;

/* Tells whether [p] points into an arena of the small-block allocator and,
 * if so and [info] is not NULL, where it lives. */
bool mem_block_info(const void *p, MemBlockInfo *info);

#endif
