/* foreign.c — memory that other libraries allocate and we must release. */
#include <stdlib.h>
#include "mem.h"

void mem_free_foreign(void *p)
{
    free(p);
}
