#ifndef SG_UTIL_SHA256_H
#define SG_UTIL_SHA256_H

#include <stddef.h>
#include <stdint.h>

/*
 * SHA-256 (FIPS 180-4), for the policy digest in reports and the evidence
 * digest in release tags. Kept here so sdlgate needs no crypto library.
 */
struct sg_sha256 {
	uint32_t state[8];
	uint64_t length;
	unsigned char block[64];
	size_t used;
};

void sg_sha256_init(struct sg_sha256 *ctx);
void sg_sha256_update(struct sg_sha256 *ctx, const void *data, size_t len);
void sg_sha256_final(unsigned char out[32], struct sg_sha256 *ctx);
/* Hex digest (64 characters and a NUL) of one buffer. */
void sg_sha256_hex(char out[65], const void *data, size_t len);

#endif
