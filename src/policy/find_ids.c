#include "policy/policy.h"
#include "util/str.h"

#include <ctype.h>
#include <regex.h>
#include <string.h>

/*
 * glibc's regexec tries every start position and may read from each one
 * to the end of the string: '[A-Z]+-[0-9]+' against 64 KB of 'S' takes
 * 7 s, and commit messages and test files come from whoever pushes. IDs
 * never span lines and are short, so the text is searched line by line,
 * and a long line in windows of ID_WINDOW bytes that overlap by half: a
 * match starting in a window's first half and no longer than half a
 * window lies wholly inside it. The work is then at most linear in the
 * text times ID_WINDOW.
 */
#define ID_WINDOW 512
#define ID_MAX_LEN (ID_WINDOW / 2)

/*
 * An ID stands on its own: 'XSR-001' and 'SR-001a' do not cite SR-001
 * ('SR-001_login_test.py' and '(SR-001)' do).
 */
static int stands_alone(const char *line, const char *line_end,
			const char *start, const char *end)
{
	return (start == line || !isalnum((unsigned char)start[-1])) &&
	       (end == line_end || !isalnum((unsigned char)*end));
}

struct id_search {
	struct sg_strlist *out;
	const regex_t *re;
	char window[ID_WINDOW + 1];
};

/*
 * Search window [from, to) of a line [line, line_end), adding the matches
 * that start before `limit` and at or after *next; *next moves past each.
 */
static void search_window(struct id_search *s, const char *line,
			  const char *line_end, const char *from,
			  const char *to, const char *limit,
			  const char **next)
{
	size_t len = (size_t)(to - from), at = (size_t)(*next - from);
	regmatch_t m;
	int flags;
	char after;

	memcpy(s->window, from, len);
	s->window[len] = '\0';
	while (at < len) {
		flags = (from + at == line ? 0 : REG_NOTBOL) |
			(to == line_end ? 0 : REG_NOTEOL);
		if (regexec(s->re, s->window + at, 1, &m, flags) != 0)
			return;
		if (from + at + m.rm_so >= limit)
			return;   /* the next window sees it whole */
		if (m.rm_eo > m.rm_so &&
		    stands_alone(line, line_end, from + at + m.rm_so, from + at + m.rm_eo)) {
			after = s->window[at + m.rm_eo];
			s->window[at + m.rm_eo] = '\0';
			sg_strlist_add_unique(s->out, s->window + at + m.rm_so);
			s->window[at + m.rm_eo] = after;
			at += (size_t)m.rm_eo;
		} else {
			at += (size_t)m.rm_so + 1;
		}
		*next = from + at;
	}
}

static void search_line(struct id_search *s, const char *line, const char *end)
{
	const char *from = line, *next = line, *to, *limit;

	for (;;) {
		to = end - from > ID_WINDOW ? from + ID_WINDOW : end;
		limit = to == end ? end : from + ID_MAX_LEN;
		if (next < from)
			next = from;
		search_window(s, line, end, from, to, limit, &next);
		if (to == end)
			return;
		from += ID_MAX_LEN;
	}
}

void sg_policy_find_ids(struct sg_strlist *out, const struct sg_policy *policy,
			const char *text)
{
	struct id_search s;   /* half a kilobyte: on the stack, no allocation per call */
	const char *line = text, *end;

	s.out = out;
	s.re = &policy->requirements.id_regex;
	while (*line) {
		end = line + strcspn(line, "\n");
		if (end > line)
			search_line(&s, line, end);
		line = *end ? end + 1 : end;
	}
}
