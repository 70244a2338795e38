/* hash: a map from byte strings to pointers.
 *
 * The map copies each key it stores and frees the copies in gs_hash_free;
 * the values are the caller's (never freed here). Lookup cost does not
 * grow with the number of keys. */
#ifndef GS_HASH_H
#define GS_HASH_H

#include <stddef.h>

#include "buf.h"

typedef struct gs_hash gs_hash;

gs_hash *gs_hash_new(void);

/* The value stored for KEY[0..N), or NULL when there is none. */
void *gs_hash_get(const gs_hash *h, const char *key, size_t n);

/* Store VALUE (not NULL) for KEY[0..N), replacing any earlier value. */
void gs_hash_put(gs_hash *h, const char *key, size_t n, void *value);

/* Number of keys stored. */
size_t gs_hash_count(const gs_hash *h);

/* Visit every entry in no particular order. */
void gs_hash_each(const gs_hash *h,
                  void (*fn)(const char *key, size_t n, void *value, void *arg),
                  void *arg);

void gs_hash_free(gs_hash *h);

/* Compound keys (several values as one hash key): each part is its length
 * in 4 bytes, then its bytes, so ("ab", "c") and ("a", "bc") differ.
 * gs_key_add appends a part; gs_key_open starts one whose bytes the caller
 * appends, and gs_key_close(B, AT) then writes its length. */
void gs_key_add(gs_buf *b, const char *p, size_t n);
size_t gs_key_open(gs_buf *b);
void gs_key_close(gs_buf *b, size_t at);

/* A 64-bit hash of KEY[0..N) (not for storing: it may change). */
unsigned long long gs_hash_bytes(const char *key, size_t n);

#endif
