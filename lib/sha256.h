/* sha256: the SHA-256 digest (FIPS 180-4), for the audit trail: reports
 * and manifests name each input by its digest so a figure can be traced
 * to the exact bytes it came from. */
#ifndef GS_SHA256_H
#define GS_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct gs_sha256 {
	uint32_t h[8];
	uint64_t len;            /* bytes hashed */
	unsigned char buf[64];
	size_t nbuf;
} gs_sha256;

void gs_sha256_init(gs_sha256 *c);
void gs_sha256_update(gs_sha256 *c, const void *data, size_t n);

/* Finish C and write the digest as 64 lowercase hex digits and a NUL. */
void gs_sha256_hex(gs_sha256 *c, char out[65]);

#endif
