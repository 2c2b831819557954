/* arena.c — the arena an AST lives in: nodes are carved from big blocks and
 * freed all at once; the objects the tree refers to (identifiers, literal
 * values) are held by one reference each until the arena is freed.
 *
 *   Arena ── blocks: [ header | node node node ...   free ]  → older block → ...
 *         └─ objects: [ o0 o1 o2 ... ]   one reference each
 */
#include <string.h>
#include "ast.h"
#include "../mem/mem.h"
#include "../vm/errors.h"

enum { BLOCK_SIZE = 8192, ALIGN = 16 };

typedef struct Block Block;
struct Block {
    Block *next;                /* the block filled before this one */
    size_t size, used;          /* bytes of data[] */
    _Alignas(ALIGN) unsigned char data[];
};

struct Arena {
    Block *blocks;              /* the block being filled first */
    Object **objects;
    size_t nobjects, cap;
};

static Block *new_block(size_t size)
{
    Block *b = mem_malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

Arena *arena_new(void)
{
    Arena *a = mem_malloc(sizeof *a);
    if (!a) {
        err_nomemory();
        return NULL;
    }
    memset(a, 0, sizeof *a);
    a->blocks = new_block(BLOCK_SIZE);
    if (!a->blocks) {
        mem_free(a);
        err_nomemory();
        return NULL;
    }
    return a;
}

void *arena_alloc(Arena *a, size_t n)
{
    Block *b = a->blocks;
    void *p;
    n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    if (b->size - b->used < n) {
        b = new_block(n > BLOCK_SIZE / 4 ? n : BLOCK_SIZE);
        if (!b) {
            err_nomemory();
            return NULL;
        }
        if (n > BLOCK_SIZE / 4) {
            /* a big request gets a block of its own, behind the current one */
            b->next = a->blocks->next;
            a->blocks->next = b;
        } else {
            b->next = a->blocks;
            a->blocks = b;
        }
    }
    p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

int arena_add_object(Arena *a, Object *o)
{
    if (a->nobjects == a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 64;
        Object **v = mem_realloc(a->objects, cap * sizeof *v);
        if (!v) {
            DECREF(o);
            err_nomemory();
            return -1;
        }
        a->objects = v;
        a->cap = cap;
    }
    a->objects[a->nobjects++] = o;
    return 0;
}

void arena_free(Arena *a)
{
    Block *b;
    if (!a)
        return;
    for (size_t i = 0; i < a->nobjects; i++)
        DECREF(a->objects[i]);
    mem_free(a->objects);
    for (b = a->blocks; b;) {
        Block *next = b->next;
        mem_free(b);
        b = next;
    }
    mem_free(a);
}
