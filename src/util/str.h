#ifndef SG_UTIL_STR_H
#define SG_UTIL_STR_H

#include <stddef.h>

int sg_starts_with(const char *s, const char *prefix);
int sg_ends_with(const char *s, const char *suffix);
/* Case-insensitive ASCII comparison (identities, e-mail addresses). */
int sg_strcasecmp_ascii(const char *a, const char *b);
/* A copy of s[0..len) without leading and trailing white space. */
char *sg_strdup_trimmed(const char *s, size_t len);
/* 1 when the string is empty or white space only. */
int sg_is_blank(const char *s);

/* An owned, growable list of owned strings. */
struct sg_strlist {
	char **items;
	size_t nr;
	size_t alloc;
};

#define SG_STRLIST_INIT { NULL, 0, 0 }

void sg_strlist_add(struct sg_strlist *list, const char *s);
void sg_strlist_add_owned(struct sg_strlist *list, char *s);
/* Add unless an equal string is already there (linear; lists are small). */
void sg_strlist_add_unique(struct sg_strlist *list, const char *s);
int sg_strlist_contains(const struct sg_strlist *list, const char *s);
void sg_strlist_sort(struct sg_strlist *list);
void sg_strlist_copy(struct sg_strlist *dst, const struct sg_strlist *src);
void sg_strlist_release(struct sg_strlist *list);

/* The first `needle` in `hay`, or NULL: memmem(), which C11 lacks. */
const char *sg_memmem(const char *hay, size_t hay_len,
		      const char *needle, size_t needle_len);

#endif
