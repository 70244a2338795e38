/* arena: bytes kept until the end, in chunks, so that growing never moves
 * what is stored (pointers stay valid) and nothing is copied to grow.
 * For tools that must hold every row (rank). Freed all at once. */
#ifndef GS_ARENA_H
#define GS_ARENA_H

#include <stddef.h>

typedef struct gs_arena {
	struct gs_chunk *head;   /* the chunk being filled */
	size_t used;             /* bytes used in it */
	size_t total;            /* bytes stored in all */
} gs_arena;

/* Copy S[0..N) into the arena; the copy lives until gs_arena_free. */
char *gs_arena_add(gs_arena *a, const void *s, size_t n);

void gs_arena_free(gs_arena *a);

#endif
