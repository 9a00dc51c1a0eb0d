#include "policy/sections.h"
#include "policy/yaml.h"
#include "util/error.h"

#include <regex.h>
#include <stddef.h>

/*
 * The ID patterns of a policy (requirements.id_pattern,
 * risk.safety_id_pattern) go to glibc's regcomp, which compiles an
 * interval such as {1,255} by copying what it repeats; nested intervals
 * multiply, so '((a{1,255}){1,255}){1,255}' asks for 16 million copies
 * and the machine's memory, and '.{1,32767}' takes 4 GB and 9 s; X+ is
 * compiled as X X*, so '+' written 64 times asks for 2^64 copies. A
 * back-reference makes matching exponential. An ID pattern needs neither
 * large intervals nor back-references, so both are bounded before
 * regcomp sees the pattern.
 */
#define REGEX_MAX_LEN 256
#define REGEX_MAX_SIZE 1000            /* atoms once every interval is expanded */
#define CAP (REGEX_MAX_SIZE + 1)       /* sizes saturate here */

struct scan {
	const char *p;
	int backref;
};

static size_t add(size_t a, size_t b)
{
	return a + b > CAP ? CAP : a + b;
}

static size_t mul(size_t a, size_t b)
{
	return b && a > CAP / b ? CAP : (a * b > CAP ? CAP : a * b);
}

static size_t number(const char **pp)
{
	size_t n = 0;

	for (; **pp >= '0' && **pp <= '9'; (*pp)++)
		n = n > CAP ? n : n * 10 + (size_t)(**pp - '0');
	return n;
}

/* The copies an interval at *pp ("{m}", "{m,}", "{m,n}") makes, or 0. */
static size_t interval(const char **pp)
{
	const char *p = *pp + 1;
	size_t m, n;

	if (*p < '0' || *p > '9')
		return 0;
	m = n = number(&p);
	if (*p == ',') {
		p++;
		n = *p >= '0' && *p <= '9' ? number(&p) : m + 1;
	}
	if (*p != '}')
		return 0;
	*pp = p + 1;
	n = n > m ? n : m;
	return n ? n : 1;
}

/* Past a bracket expression at p ('['), classes like [:digit:] included. */
static const char *bracket_end(const char *p)
{
	const char *q = p + 1;
	char kind;

	if (*q == '^')
		q++;
	if (*q == ']')
		q++;
	while (*q && *q != ']') {
		if (*q == '[' && (q[1] == ':' || q[1] == '=' || q[1] == '.')) {
			kind = q[1];
			for (q += 2; *q && !(q[0] == kind && q[1] == ']'); q++)
				;
			if (*q)
				q += 2;
		} else {
			q++;
		}
	}
	return *q ? q + 1 : q;
}

/* The expanded size of the expression at s->p, up to an unmatched ')'. */
static size_t expanded_size(struct scan *s)
{
	size_t total = 0, last = 0, k;

	while (*s->p && *s->p != ')') {
		if (*s->p == '{' && last && (k = interval(&s->p))) {
			total = add(total, mul(last, k - 1));
			last = mul(last, k);
			continue;
		}
		if (*s->p == '(') {
			s->p++;
			last = expanded_size(s);
			if (*s->p == ')')
				s->p++;
			last = last ? last : 1;
		} else if (*s->p == '[') {
			s->p = bracket_end(s->p);
			last = 1;
		} else if (*s->p == '\\' && s->p[1]) {
			if (s->p[1] >= '1' && s->p[1] <= '9')
				s->backref = 1;
			s->p += 2;
			last = 1;
		} else if (*s->p == '+') {
			/* X+ is compiled as X X*: a copy, so nested ones double */
			s->p++;
			total = add(total, last);
			last = mul(last, 2);
			continue;
		} else if (*s->p == '*' || *s->p == '?') {
			s->p++;
			continue;
		} else {
			last = *s->p == '|' ? 0 : 1;
			s->p++;
			total = add(total, 1);
			continue;
		}
		total = add(total, last);
	}
	return total;
}

static int check_bounds(const struct sg_ydoc *doc, const struct sg_ynode *node,
			const char *pattern, const char *what)
{
	struct scan s = { pattern, 0 };
	size_t size = 0, len = 0;

	while (pattern[len] && len <= REGEX_MAX_LEN)
		len++;
	if (len > REGEX_MAX_LEN) {
		sg_yaml_error(doc, node, "'%s' is longer than %d characters",
			      what, REGEX_MAX_LEN);
		sg_error_hint("an ID pattern is short, e.g. 'SR-[0-9]+'");
		return -1;
	}
	for (;;) {
		size = add(size, expanded_size(&s));
		if (!*s.p)
			break;
		s.p++;   /* an unmatched ')' */
	}
	if (s.backref) {
		sg_yaml_error(doc, node, "'%s' ('%s') uses a back-reference",
			      what, pattern);
		sg_error_hint("back-references make matching exponential; write the ID without them, e.g. 'SR-[0-9]+'");
		return -1;
	}
	if (size > REGEX_MAX_SIZE) {
		sg_yaml_error(doc, node, "'%s' ('%s') repeats too much: more than %d positions once its intervals are expanded",
			      what, pattern, REGEX_MAX_SIZE);
		sg_error_hint("use '+' or '*' for open-ended repetition, e.g. 'SR-[0-9]+', and small {m,n} intervals");
		return -1;
	}
	return 0;
}

int sg_policy__compile_regex(regex_t *re, int *ok, const struct sg_ydoc *doc,
			 const struct sg_ynode *node, const char *pattern,
			 const char *what)
{
	char msg[256];
	int rc;

	if (check_bounds(doc, node, pattern, what) < 0)
		return -1;
	rc = regcomp(re, pattern, REG_EXTENDED);
	if (rc) {
		regerror(rc, re, msg, sizeof(msg));
		sg_yaml_error(doc, node, "'%s' is not a valid regular expression ('%s'): %s",
			      what, pattern, msg);
		sg_error_hint("sdlgate uses POSIX extended regular expressions, e.g. 'SR-[0-9]+'");
		return -1;
	}
	*ok = 1;
	if (regexec(re, "", 0, NULL, 0) == 0) {
		sg_yaml_error(doc, node, "'%s' ('%s') matches the empty string",
			      what, pattern);
		sg_error_hint("an ID pattern must require at least one character, e.g. 'SR-[0-9]+'");
		return -1;
	}
	return 0;
}
