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
 * compiled as X X*, so '+' written 64 times asks for 2^64 copies. Its
 * compile time also grows faster than the size: '(((a*)*)*){1,300}' (900
 * positions) takes 5 s. A back-reference makes matching exponential. An
 * ID pattern needs neither large intervals nor back-references, so both
 * are bounded before regcomp sees the pattern: at 100 positions the worst
 * compile found by fuzzing takes about 10 ms.
 */
#define REGEX_MAX_LEN 256
#define REGEX_MAX_SIZE 100             /* atoms once every interval is expanded */
#define CAP (REGEX_MAX_SIZE + 1)       /* sizes saturate here */

struct scan {
	const char *p;
	unsigned depth;     /* open groups: outside any, ')' is a literal */
	int backref;
	int odd_interval;   /* a '{' after an atom that is not {m}, {m,}, {m,n}, {,n} */
};

/*
 * Quantifiers nested in quantifiers make glibc's compile time explode even
 * when the size is small: '((((((/?)?)?){3,})?)?){3,}' takes 10 s. Two
 * levels, as in '(\.[0-9]{1,3}){0,2}', compile at once.
 */
#define REGEX_MAX_QUANT 2

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

/*
 * The copies an interval at *pp ("{m}", "{m,}", "{m,n}", glibc's "{,n}")
 * makes, or 0 when it is written some other way.
 */
static size_t interval(const char **pp)
{
	const char *p = *pp + 1;
	size_t m, n;

	if ((*p < '0' || *p > '9') && *p != ',')
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

/* The piece just read (an atom and its quantifiers) and the sums so far. */
struct piece {
	size_t total;     /* positions of the sequence, this piece included */
	size_t size;      /* positions of this piece; 0 before the first */
	unsigned quant;   /* quantifiers nested in and on this piece */
	unsigned max_quant;
};

/* A quantifier making `copies` copies of the last piece. */
static void quantify(struct piece *x, size_t copies)
{
	x->total = add(x->total, mul(x->size, copies - 1));
	x->size = mul(x->size, copies);
	if (++x->quant > x->max_quant)
		x->max_quant = x->quant;
}

static void atom(struct piece *x, size_t size, unsigned quant)
{
	x->size = size;
	x->quant = quant;
	x->total = add(x->total, size);
	if (quant > x->max_quant)
		x->max_quant = quant;
}

/*
 * The expanded size of the expression at s->p, up to the ')' closing its
 * group; *max_quant gets how deeply its quantifiers nest.
 */
static size_t expanded_size(struct scan *s, unsigned *max_quant)
{
	struct piece x = { 0, 0, 0, 0 };
	size_t inner, k;
	unsigned quant;

	while (*s->p && !(*s->p == ')' && s->depth)) {
		if (*s->p == '{' && x.size) {
			/*
			 * Anything else after an atom is an error for glibc, or
			 * read its own way ("{\,9}" is "{,9}"): refused.
			 */
			k = interval(&s->p);
			if (k) {
				quantify(&x, k);
			} else {
				s->odd_interval = 1;
				s->p++;
			}
		} else if ((*s->p == '*' || *s->p == '?') && x.size) {
			s->p++;
			quantify(&x, 1);
		} else if (*s->p == '+' && x.size) {
			/* X+ is compiled as X X*: a copy, so nested ones double */
			s->p++;
			quantify(&x, 2);
		} else if (*s->p == '(') {
			s->p++;
			s->depth++;
			inner = expanded_size(s, &quant);
			s->depth--;
			if (*s->p == ')')
				s->p++;
			atom(&x, inner ? inner : 1, quant);
		} else if (*s->p == '[') {
			s->p = bracket_end(s->p);
			atom(&x, 1, 0);
		} else if (*s->p == '\\' && s->p[1]) {
			if (s->p[1] >= '1' && s->p[1] <= '9')
				s->backref = 1;
			s->p += 2;
			atom(&x, 1, 0);
		} else if (*s->p == '|') {
			s->p++;
			x.total = add(x.total, 1);
			x.size = 0;
		} else {
			/* a quantifier with nothing to repeat counts as a literal, to be safe */
			s->p++;
			atom(&x, 1, 0);
		}
	}
	*max_quant = x.max_quant;
	return x.total;
}

static int check_bounds(const struct sg_ydoc *doc, const struct sg_ynode *node,
			const char *pattern, const char *what)
{
	struct scan s = { pattern, 0, 0, 0 };
	size_t size = 0, len = 0;
	unsigned quant;

	while (pattern[len] && len <= REGEX_MAX_LEN)
		len++;
	if (len > REGEX_MAX_LEN) {
		sg_yaml_error(doc, node, "'%s' is longer than %d characters",
			      what, REGEX_MAX_LEN);
		sg_error_hint("an ID pattern is short, e.g. 'SR-[0-9]+'");
		return -1;
	}
	size = expanded_size(&s, &quant);
	if (s.backref) {
		sg_yaml_error(doc, node, "'%s' ('%s') uses a back-reference",
			      what, pattern);
		sg_error_hint("back-references make matching exponential; write the ID without them, e.g. 'SR-[0-9]+'");
		return -1;
	}
	if (s.odd_interval) {
		sg_yaml_error(doc, node, "'%s' ('%s') has a '{' that is not an interval {m}, {m,} or {m,n}",
			      what, pattern);
		sg_error_hint("write a literal brace as '[{]' or '\\{'");
		return -1;
	}
	if (size > REGEX_MAX_SIZE) {
		sg_yaml_error(doc, node, "'%s' ('%s') repeats too much: more than %d positions once its intervals are expanded",
			      what, pattern, REGEX_MAX_SIZE);
		sg_error_hint("use '+' or '*' for open-ended repetition, e.g. 'SR-[0-9]+', and small {m,n} intervals");
		return -1;
	}
	if (quant > REGEX_MAX_QUANT) {
		sg_yaml_error(doc, node, "'%s' ('%s') nests repetition more than %d deep",
			      what, pattern, REGEX_MAX_QUANT);
		sg_error_hint("repeat a group at most once more, as in 'SR-[0-9]+(\\.[0-9]+)*'; write 'a+' rather than 'a+*'");
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
