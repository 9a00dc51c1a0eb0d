#ifndef SG_FUZZ_H
#define SG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Shared by the libFuzzer harnesses of tests/fuzz. Every harness frees all
 * it was given (LeakSanitizer is on) and clears the error state, so one
 * input never leaks into the next.
 */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of `size` bytes (the C string APIs stop at a NUL). */
static inline char *sg_fuzz_strndup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
