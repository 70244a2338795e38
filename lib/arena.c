#include "arena.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Chunks are mapped whole and, where the kernel offers transparent huge
 * pages on request, backed by them: filling hundreds of megabytes a 4 KiB
 * page fault at a time was a fifth of rank's time. */
#define CHUNK ((size_t)32 << 20)

struct gs_chunk {
	struct gs_chunk *prev;
	size_t size;             /* bytes of data */
	size_t mapped;           /* bytes mapped, 0 when malloc'd */
	char data[];
};

static struct gs_chunk *new_chunk(size_t size)
{
	size_t total = sizeof(struct gs_chunk) + size;
	struct gs_chunk *c;
	void *m = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m != MAP_FAILED) {
#ifdef MADV_HUGEPAGE
		madvise(m, total, MADV_HUGEPAGE);
#endif
		c = m;
		c->mapped = total;
	} else {
		c = gs_xmalloc(total);
		c->mapped = 0;
	}
	c->size = size;
	return c;
}

char *gs_arena_add(gs_arena *a, const void *s, size_t n)
{
	if (!a->head || a->used + n > a->head->size) {
		struct gs_chunk *c = new_chunk(n > CHUNK ? n : CHUNK);
		c->prev = a->head;
		a->head = c;
		a->used = 0;
	}
	char *p = a->head->data + a->used;
	if (n)
		memcpy(p, s, n);
	a->used += n;
	a->total += n;
	return p;
}

void gs_arena_free(gs_arena *a)
{
	struct gs_chunk *c = a->head;
	while (c) {
		struct gs_chunk *prev = c->prev;
		if (c->mapped)
			munmap(c, c->mapped);
		else
			free(c);
		c = prev;
	}
	a->head = NULL;
	a->used = a->total = 0;
}
