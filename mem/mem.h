/* mem.h — the one allocation API of mempy.
 *
 * Every byte the interpreter uses comes from one of three domains, as in
 * CPython:
 *
 *   raw     straight to the system allocator; large and non-object memory
 *   mem     general buffers (list items, dict tables, ...): the small-block
 *           allocator for requests of 1..512 bytes, raw above that
 *   object  object bodies: same policy as mem, kept apart for tracing
 *
 * Nothing outside mem/ calls malloc/realloc/free directly.  Every function
 * returns NULL on failure and never aborts; callers raise MemoryError.
 * A zero-byte request returns a unique, freeable pointer.
 */
#ifndef MEMPY_MEM_H
#define MEMPY_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum { MEM_DOMAIN_RAW, MEM_DOMAIN_MEM, MEM_DOMAIN_OBJ } MemDomain;

void *mem_raw_malloc(size_t n);
void *mem_raw_calloc(size_t count, size_t size);
void *mem_raw_realloc(void *p, size_t n);
void mem_raw_free(void *p);

void *mem_malloc(size_t n);
void *mem_calloc(size_t count, size_t size);
void *mem_realloc(void *p, size_t n);
void mem_free(void *p);

void *mem_obj_malloc(size_t n);
void *mem_obj_realloc(void *p, size_t n);
void mem_obj_free(void *p);

/* Frees memory that a foreign library (readline) allocated with the system
 * malloc and handed to us. */
void mem_free_foreign(void *p);

/* Reads MEMPY_MALLOC (pymalloc | malloc | debug) and prepares the allocator;
 * called once by cli/ before any other allocation.  Returns -1 on an unknown
 * mode name. */
int mem_init(void);

/* Tracing hook: when set, called after every successful allocation
 * (old == NULL), reallocation, and before every free (new == NULL), with the
 * domain and the requested size.  [hook] NULL turns tracing off. */
typedef void (*MemTraceHook)(MemDomain domain, void *old, void *new_, size_t size, void *ctx);
void mem_set_trace_hook(MemTraceHook hook, void *ctx);

/* Prints the allocator's statistics in the layout of CPython 3.11's
 * sys._debugmallocstats() to [out]. */
void mem_print_stats(FILE *out);

#endif
