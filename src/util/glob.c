#include "util/glob.h"
#include "util/str.h"

#include <string.h>

#define GLOB_MAX_STEPS 200000

struct matcher {
	const char *pattern_start;
	long steps;
};

/* Match a `[...]` class at *pp against c; advances *pp past the class. */
static int match_class(const char **pp, char c)
{
	const char *p = *pp + 1;
	int negate = 0, matched = 0;

	if (*p == '!' || *p == '^') {
		negate = 1;
		p++;
	}
	if (*p == ']') {
		matched = c == ']';
		p++;
	}
	while (*p && *p != ']') {
		if (p[1] == '-' && p[2] && p[2] != ']') {
			if (c >= p[0] && c <= p[2])
				matched = 1;
			p += 3;
		} else {
			if (*p == c)
				matched = 1;
			p++;
		}
	}
	if (!*p) {
		/* an unterminated class is a literal '[' */
		*pp += 1;
		return c == '[';
	}
	*pp = p + 1;
	return negate ? !matched : matched;
}

static int match_from(struct matcher *m, const char *p, const char *t)
{
	if (++m->steps > GLOB_MAX_STEPS)
		return 0;
	while (*p) {
		if (*p == '*') {
			if (p[1] == '*' &&
			    (p == m->pattern_start || p[-1] == '/') &&
			    (p[2] == '\0' || p[2] == '/')) {
				if (p[2] == '\0')
					return 1;
				/* "**" + "/": zero or more whole directories */
				for (;;) {
					if (match_from(m, p + 3, t))
						return 1;
					t = strchr(t, '/');
					if (!t)
						return 0;
					t++;
				}
			}
			while (*p == '*')
				p++;
			for (;;) {
				if (match_from(m, p, t))
					return 1;
				if (!*t || *t == '/')
					return 0;
				t++;
			}
		}
		if (!*t)
			return 0;
		if (*p == '?') {
			if (*t == '/')
				return 0;
		} else if (*p == '[') {
			if (*t == '/' || !match_class(&p, *t))
				return 0;
			t++;
			continue;
		} else {
			if (*p == '\\' && p[1])
				p++;
			if (*p != *t)
				return 0;
		}
		p++;
		t++;
	}
	return *t == '\0';
}

static int match_whole(const char *pattern, const char *text)
{
	struct matcher m = { pattern, 0 };

	return match_from(&m, pattern, text);
}

int sg_glob_match(const char *pattern, const char *path)
{
	char pat[1024], comp[4096];
	size_t plen;
	int dir_only = 0, anchored = 0;
	const char *slash, *start;

	if (*pattern == '/') {
		pattern++;
		anchored = 1;
	}
	plen = strlen(pattern);
	if (!plen || plen >= sizeof(pat) || strlen(path) >= sizeof(comp))
		return 0;
	memcpy(pat, pattern, plen + 1);
	if (pat[plen - 1] == '/') {
		pat[--plen] = '\0';
		dir_only = 1;
		if (!plen)
			return 0;
	}

	if (!anchored && !strchr(pat, '/')) {
		/* any component: directories always, the file unless dir_only */
		for (start = path; ; start = slash + 1) {
			slash = strchr(start, '/');
			if (!slash) {
				return !dir_only && match_whole(pat, start);
			}
			memcpy(comp, start, (size_t)(slash - start));
			comp[slash - start] = '\0';
			if (match_whole(pat, comp))
				return 1;
		}
	}

	if (!dir_only && match_whole(pat, path))
		return 1;
	/* a directory prefix that matches covers everything below it */
	for (slash = strchr(path, '/'); slash; slash = strchr(slash + 1, '/')) {
		memcpy(comp, path, (size_t)(slash - path));
		comp[slash - path] = '\0';
		if (match_whole(pat, comp))
			return 1;
	}
	return 0;
}

int sg_glob_match_any(const struct sg_strlist *patterns, const char *path)
{
	size_t i;

	for (i = 0; i < patterns->nr; i++)
		if (sg_glob_match(patterns->items[i], path))
			return 1;
	return 0;
}

int sg_glob_has_wildcard(const char *pattern)
{
	return strpbrk(pattern, "*?[") != NULL;
}
