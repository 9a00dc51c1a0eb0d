#ifndef SG_UTIL_ALLOC_H
#define SG_UTIL_ALLOC_H

#include <stddef.h>

/*
 * Allocation that never returns NULL: sdlgate is a short-lived command,
 * so running out of memory aborts with a message, as git's xmalloc does.
 */
void *sg_xmalloc(size_t size);
void *sg_xcalloc(size_t nmemb, size_t size);
void *sg_xrealloc(void *ptr, size_t size);
char *sg_xstrdup(const char *s);
char *sg_xstrndup(const char *s, size_t n);

/*
 * Grow the array `x` (with `nr` used and `alloc` allocated elements) so
 * that it can hold at least `want` elements.
 */
#define SG_ALLOC_GROW(x, want, alloc) \
	do { \
		if ((want) > (alloc)) { \
			size_t sg_new_alloc_ = (alloc) ? (alloc) * 2 : 8; \
			if (sg_new_alloc_ < (want)) \
				sg_new_alloc_ = (want); \
			(x) = sg_xrealloc((x), sg_new_alloc_ * sizeof(*(x))); \
			(alloc) = sg_new_alloc_; \
		} \
	} while (0)

#define SG_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define SG_FREE_AND_NULL(p) do { free(p); (p) = NULL; } while (0)

#endif
