#include "util/glob.h"
#include "util/str.h"

#include <string.h>

/*
 * The work of one sg_glob_match call: every match_from call, pattern
 * character and skipped path byte counts, so that no pattern and path
 * (a path of a pushed tree is untrusted) can take more than a moment.
 */
#define GLOB_MAX_STEPS 200000
#define GLOB_MAX_PATH 4096

struct matcher {
	const char *pattern_start;
	long steps;
	/*
	 * A match may always end before a '/': a directory, which covers all
	 * below it. It may end where the path ends unless the pattern asks
	 * for directories only (a trailing '/').
	 */
	int at_end;
};

/*
 * Match a `[...]` class at *pp against c; advances *pp past the class.
 * The bytes read count as steps: an unterminated class is read to the
 * end of the pattern each time it is tried.
 */
static int match_class(struct matcher *m, const char **pp, char c)
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
	m->steps += p - *pp;
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
	const char *next;

	if (++m->steps > GLOB_MAX_STEPS)
		return 0;
	while (*p) {
		if (++m->steps > GLOB_MAX_STEPS)
			return 0;
		if (*p == '*') {
			if (p[1] == '*' &&
			    (p == m->pattern_start || p[-1] == '/') &&
			    (p[2] == '\0' || p[2] == '/')) {
				/* the rest of the path, or a directory in it */
				if (p[2] == '\0') {
					if (m->at_end)
						return 1;
					next = t + strcspn(t, "/");
					m->steps += next - t;
					return *next == '/';
				}
				/* "**" + "/": zero or more whole directories */
				for (;;) {
					if (match_from(m, p + 3, t))
						return 1;
					next = strchr(t, '/');
					if (!next)
						return 0;
					m->steps += next - t;
					t = next + 1;
				}
			}
			for (next = p; *p == '*'; p++)
				;
			m->steps += p - next;
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
			if (*t == '/' || !match_class(m, &p, *t))
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
	return *t == '\0' ? m->at_end : *t == '/';
}

/*
 * One pass over the path: a pattern that names a directory matches where
 * a '/' follows, rather than matching every directory prefix (or every
 * component) from the start again, which multiplied the work by the
 * depth of the path ("**" + "/" repeated against "a/a/a/...": seconds).
 */
int sg_glob_match(const char *pattern, const char *path)
{
	char pat[1024];
	struct matcher m = { pat, 0, 1 };
	size_t plen;
	int anchored = 0;
	const char *start, *slash;

	if (*pattern == '/') {
		pattern++;
		anchored = 1;
	}
	plen = strlen(pattern);
	if (!plen || plen >= sizeof(pat) || strlen(path) >= GLOB_MAX_PATH)
		return 0;
	memcpy(pat, pattern, plen + 1);
	if (pat[plen - 1] == '/') {
		pat[--plen] = '\0';
		m.at_end = 0;   /* directories only */
		if (!plen)
			return 0;
	}

	if (!anchored && !strchr(pat, '/')) {
		/* any component: directories always, the file unless dir_only */
		for (start = path; ; start = slash + 1) {
			if (match_from(&m, pat, start))
				return 1;
			slash = strchr(start, '/');
			if (!slash)
				return 0;
		}
	}
	return match_from(&m, pat, path);
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
