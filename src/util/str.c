#include "util/str.h"
#include "util/alloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

int sg_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int sg_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

int sg_strcasecmp_ascii(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = tolower((unsigned char)*a);
		int cb = tolower((unsigned char)*b);

		if (ca != cb || !ca)
			return ca - cb;
	}
}

char *sg_strdup_trimmed(const char *s, size_t len)
{
	while (len && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	return sg_xstrndup(s, len);
}

int sg_is_blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

void sg_strlist_add_owned(struct sg_strlist *list, char *s)
{
	SG_ALLOC_GROW(list->items, list->nr + 1, list->alloc);
	list->items[list->nr++] = s;
}

void sg_strlist_add(struct sg_strlist *list, const char *s)
{
	sg_strlist_add_owned(list, sg_xstrdup(s));
}

int sg_strlist_contains(const struct sg_strlist *list, const char *s)
{
	size_t i;

	for (i = 0; i < list->nr; i++)
		if (!strcmp(list->items[i], s))
			return 1;
	return 0;
}

void sg_strlist_add_unique(struct sg_strlist *list, const char *s)
{
	if (!sg_strlist_contains(list, s))
		sg_strlist_add(list, s);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void sg_strlist_sort(struct sg_strlist *list)
{
	if (list->nr > 1)
		qsort(list->items, list->nr, sizeof(*list->items), cmp_str);
}

void sg_strlist_copy(struct sg_strlist *dst, const struct sg_strlist *src)
{
	size_t i;

	for (i = 0; i < src->nr; i++)
		sg_strlist_add(dst, src->items[i]);
}

void sg_strlist_release(struct sg_strlist *list)
{
	size_t i;

	for (i = 0; i < list->nr; i++)
		free(list->items[i]);
	free(list->items);
	list->items = NULL;
	list->nr = list->alloc = 0;
}

const char *sg_memmem(const char *hay, size_t hay_len,
		      const char *needle, size_t needle_len)
{
	const char *p = hay, *end = hay + hay_len;

	if (!needle_len)
		return hay;
	while ((size_t)(end - p) >= needle_len &&
	       (p = memchr(p, needle[0], (size_t)(end - p) - needle_len + 1)) != NULL) {
		if (!memcmp(p, needle, needle_len))
			return p;
		p++;
	}
	return NULL;
}
