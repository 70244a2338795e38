#include "hash.h"
#include "diag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct slot {
	char *key;
	size_t n;
	unsigned long long h;
	void *value;
};

struct gs_hash {
	struct slot *s;
	size_t cap;    /* a power of two */
	size_t count;
};

/* Eight bytes a step, each step a multiply and a shift (the mixing of
 * splitmix64): several times faster than a byte a step on the keys of a
 * table (a township's name and a period), which are looked up once for
 * every row. */
unsigned long long gs_hash_bytes(const char *key, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n;
	uint64_t w;
	while (n >= 8) {
		memcpy(&w, key, 8);
		h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
		h ^= h >> 31;
		key += 8;
		n -= 8;
	}
	w = 0;
	if (n)
		memcpy(&w, key, n);
	h = (h ^ w) * 0x94D049BB133111EBULL;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ULL;
	return h ^ (h >> 32);
}

gs_hash *gs_hash_new(void)
{
	gs_hash *h = gs_xmalloc(sizeof *h);
	h->cap = 16;
	h->count = 0;
	h->s = calloc(h->cap, sizeof *h->s);
	if (!h->s)
		gs_die(GS_IO, NULL, 0, "out of memory");
	return h;
}

static struct slot *find(const gs_hash *h, const char *key, size_t n,
                         unsigned long long hv)
{
	size_t i = (size_t)hv & (h->cap - 1);
	for (;;) {
		struct slot *s = &h->s[i];
		if (!s->key || (s->h == hv && s->n == n && !memcmp(s->key, key, n)))
			return s;
		i = (i + 1) & (h->cap - 1);
	}
}

void *gs_hash_get(const gs_hash *h, const char *key, size_t n)
{
	if (!h)
		return NULL;
	struct slot *s = find(h, key, n, gs_hash_bytes(key, n));
	return s->key ? s->value : NULL;
}

static void grow(gs_hash *h)
{
	struct slot *old = h->s;
	size_t oldcap = h->cap;
	h->cap *= 2;
	h->s = calloc(h->cap, sizeof *h->s);
	if (!h->s)
		gs_die(GS_IO, NULL, 0, "out of memory");
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].key)
			*find(h, old[i].key, old[i].n, old[i].h) = old[i];
	free(old);
}

void gs_hash_put(gs_hash *h, const char *key, size_t n, void *value)
{
	unsigned long long hv = gs_hash_bytes(key, n);
	struct slot *s = find(h, key, n, hv);
	if (s->key) {
		s->value = value;
		return;
	}
	s->key = gs_xstrndup(key, n);
	s->n = n;
	s->h = hv;
	s->value = value;
	if (++h->count * 4 > h->cap * 3)
		grow(h);
}

size_t gs_hash_count(const gs_hash *h)
{
	return h ? h->count : 0;
}

void gs_hash_each(const gs_hash *h,
                  void (*fn)(const char *key, size_t n, void *value, void *arg),
                  void *arg)
{
	for (size_t i = 0; h && i < h->cap; i++)
		if (h->s[i].key)
			fn(h->s[i].key, h->s[i].n, h->s[i].value, arg);
}

void gs_hash_free(gs_hash *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->cap; i++)
		free(h->s[i].key);
	free(h->s);
	free(h);
}

size_t gs_key_open(gs_buf *b)
{
	size_t at = b->len;
	gs_buf_add(b, "\0\0\0\0", 4);
	return at;
}

void gs_key_close(gs_buf *b, size_t at)
{
	size_t len = b->len - at - 4;
	b->p[at] = (char)(len >> 24);
	b->p[at + 1] = (char)(len >> 16);
	b->p[at + 2] = (char)(len >> 8);
	b->p[at + 3] = (char)len;
}

void gs_key_add(gs_buf *b, const char *p, size_t n)
{
	size_t at = gs_key_open(b);
	if (n)
		gs_buf_add(b, p, n);
	gs_key_close(b, at);
}
