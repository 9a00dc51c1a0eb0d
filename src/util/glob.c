#include "util/glob.h"
#include "util/alloc.h"
#include "util/str.h"

#include <stdlib.h>
#include <string.h>

/*
 * The pattern is compiled into a small automaton whose states are run all
 * at once over the path (as a Thompson NFA), so every match takes at most
 * (path length) x (pattern length) steps and always has an answer. A
 * backtracking matcher needs a step budget against hostile input, and a
 * budget that runs out has no right answer: "no match" would let a
 * crafted pushed path slip past a design-review trigger.
 */
enum glob_state {
	G_BYTE,        /* one given byte */
	G_ANY,         /* '?': one byte other than '/' */
	G_CLASS,       /* '[...]': one byte of the set, never '/' */
	G_STAR,        /* '*': any run of bytes other than '/' */
	G_DIRS,        /* a whole "**" + "/": zero or more directories ... */
	G_DIRS_INNER,  /* ... and the state inside one of those directories */
	G_REST,        /* a final whole "**": everything below */
	G_ACCEPT,
};

struct glob_node {
	unsigned char kind;
	unsigned char byte;
	unsigned char set[32];   /* G_CLASS: bit per byte */
};

struct glob_program {
	struct glob_node *nodes;
	size_t nr;
	/*
	 * A match may always end before a '/': a directory, which covers all
	 * below it. It may end where the path ends unless the pattern asks
	 * for directories only (a trailing '/').
	 */
	int at_end;
};

static struct glob_node *add_node(struct glob_program *prog, int kind)
{
	struct glob_node *node = &prog->nodes[prog->nr++];

	memset(node, 0, sizeof(*node));
	node->kind = (unsigned char)kind;
	return node;
}

static void set_bit(unsigned char *set, unsigned char c)
{
	set[c >> 3] |= (unsigned char)(1u << (c & 7));
}

static int has_bit(const unsigned char *set, unsigned char c)
{
	return set[c >> 3] & (1u << (c & 7));
}

/*
 * Compile the `[...]` class at p into node; returns the byte after it, or
 * NULL when the class is unterminated (then '[' is a literal).
 */
static const char *compile_class(struct glob_node *node, const char *p,
				 const char *end)
{
	const unsigned char *q = (const unsigned char *)p + 1;
	const unsigned char *stop = (const unsigned char *)end;
	int negate = 0;
	unsigned c;
	size_t i;

	if (q < stop && (*q == '!' || *q == '^')) {
		negate = 1;
		q++;
	}
	if (q < stop && *q == ']') {
		set_bit(node->set, ']');
		q++;
	}
	while (q < stop && *q != ']') {
		if (stop - q > 2 && q[1] == '-' && q[2] != ']') {
			for (c = q[0]; c <= q[2]; c++)
				set_bit(node->set, (unsigned char)c);
			q += 3;
		} else {
			set_bit(node->set, *q);
			q++;
		}
	}
	if (q == stop)
		return NULL;
	if (negate)
		for (i = 0; i < sizeof(node->set); i++)
			node->set[i] = (unsigned char)~node->set[i];
	return (const char *)q + 1;
}

/* A double star that is a whole component of the pattern [start, end). */
static int whole_double_star(const char *start, const char *p, const char *end)
{
	return end - p >= 2 && p[0] == '*' && p[1] == '*' &&
	       (p == start || p[-1] == '/') && (p + 2 == end || p[2] == '/');
}

static void compile(struct glob_program *prog, const char *pat, size_t len,
		    int any_depth)
{
	const char *p = pat, *end = pat + len, *after;
	struct glob_node *node;

	if (any_depth) {
		/* a pattern without '/' names a file or directory at any depth */
		add_node(prog, G_DIRS);
		add_node(prog, G_DIRS_INNER);
	}
	while (p < end) {
		if (whole_double_star(pat, p, end)) {
			if (p + 2 == end) {
				add_node(prog, G_REST);
				break;
			}
			add_node(prog, G_DIRS);
			add_node(prog, G_DIRS_INNER);
			p += 3;
		} else if (*p == '*') {
			while (p < end && *p == '*')
				p++;
			add_node(prog, G_STAR);
		} else if (*p == '?') {
			add_node(prog, G_ANY);
			p++;
		} else if (*p == '[') {
			node = add_node(prog, G_CLASS);
			after = compile_class(node, p, end);
			if (after) {
				p = after;
			} else {
				node->kind = G_BYTE;
				node->byte = '[';
				p++;
			}
		} else {
			if (*p == '\\' && p + 1 < end)
				p++;
			add_node(prog, G_BYTE)->byte = (unsigned char)*p++;
		}
	}
	add_node(prog, G_ACCEPT);
}

/* Follow the moves that read nothing; they all go forward. */
static void close_states(const struct glob_program *prog, unsigned char *on)
{
	size_t s;

	for (s = 0; s < prog->nr; s++) {
		if (!on[s])
			continue;
		if (prog->nodes[s].kind == G_STAR)
			on[s + 1] = 1;
		else if (prog->nodes[s].kind == G_DIRS)
			on[s + 2] = 1;
	}
}

/*
 * Whether a live state ends the match where the path has c next ('\0' at
 * the end of the path).
 */
static int ends_here(const struct glob_program *prog, int kind, unsigned char c)
{
	if (kind == G_REST)
		return prog->at_end || c == '/';
	if (kind == G_ACCEPT)
		return c == '\0' ? prog->at_end : c == '/';
	return 0;
}

/* Move every live state of `on` over byte c into `next`. */
static int step(const struct glob_program *prog, const unsigned char *on,
		unsigned char *next, unsigned char c)
{
	const struct glob_node *node;
	int live = 0;
	size_t s;

	memset(next, 0, prog->nr);
	for (s = 0; s < prog->nr; s++) {
		if (!on[s])
			continue;
		node = &prog->nodes[s];
		switch (node->kind) {
		case G_BYTE:
			if (c == node->byte)
				next[s + 1] = 1;
			break;
		case G_ANY:
			if (c != '/')
				next[s + 1] = 1;
			break;
		case G_CLASS:
			if (c != '/' && has_bit(node->set, c))
				next[s + 1] = 1;
			break;
		case G_STAR:
		case G_REST:
			if (c != '/')
				next[s] = 1;
			break;
		case G_DIRS:
			/* an empty component ("a//b") counts as none */
			next[c == '/' ? s : s + 1] = 1;
			break;
		case G_DIRS_INNER:
			next[c == '/' ? s - 1 : s] = 1;
			break;
		default:
			break;
		}
	}
	close_states(prog, next);
	for (s = 0; s < prog->nr; s++)
		live |= next[s];
	return live;
}

/* `states` has room for 2 * prog->nr flags. */
static int run(const struct glob_program *prog, const char *path,
	       unsigned char *states)
{
	unsigned char *on = states, *next = states + prog->nr, *swap;
	const unsigned char *t = (const unsigned char *)path;
	int matched = 0, live = 1;
	size_t s;

	memset(on, 0, prog->nr);
	on[0] = 1;
	close_states(prog, on);
	for (;;) {
		for (s = 0; s < prog->nr && !matched; s++)
			if (on[s] && ends_here(prog, prog->nodes[s].kind, *t))
				matched = 1;
		if (matched || !*t || !live)
			break;
		live = step(prog, on, next, *t++);
		swap = on;
		on = next;
		next = swap;
	}
	return matched;
}

/* Policy patterns are short: those compile into memory on the stack. */
#define GLOB_SHORT_PATTERN 64
#define GLOB_NODES(len) (2 * (len) + 3)   /* at most two per byte, + G_ACCEPT */

int sg_glob_match(const char *pattern, const char *path)
{
	struct glob_node short_nodes[GLOB_NODES(GLOB_SHORT_PATTERN)];
	unsigned char short_states[2 * GLOB_NODES(GLOB_SHORT_PATTERN)];
	struct glob_program prog = { short_nodes, 0, 1 };
	unsigned char *states = short_states;
	size_t len;
	int anchored = 0, matched;

	if (*pattern == '/') {
		pattern++;
		anchored = 1;
	}
	len = strlen(pattern);
	if (len && pattern[len - 1] == '/') {
		len--;
		prog.at_end = 0;   /* directories only */
	}
	if (!len)
		return 0;
	if (len > GLOB_SHORT_PATTERN) {
		prog.nodes = sg_xmalloc(GLOB_NODES(len) * sizeof(*prog.nodes));
		states = sg_xmalloc(2 * GLOB_NODES(len));
	}
	compile(&prog, pattern, len, !anchored && !memchr(pattern, '/', len));
	matched = run(&prog, path, states);
	if (prog.nodes != short_nodes) {
		free(prog.nodes);
		free(states);
	}
	return matched;
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
