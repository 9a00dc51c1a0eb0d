#include "git/trailers.h"
#include "git/cleanup.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/str.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/*
 * A port of git 2.39's trailer.c (find_patch_start, find_trailer_start,
 * find_separator, trailer_info_get, unfold_value) and commit.c
 * (ignore_non_trailer). The names follow git's so the two can be read
 * side by side; only the `trailer.*` configuration is left out, as
 * `--parse` without configuration does.
 */

/* Lines git itself adds; one of them lowers the bar to 25% trailers. */
static const char *const git_generated_prefixes[] = {
	"Signed-off-by: ",
	"(cherry picked from commit ",
	NULL
};

/* git's ctype is ASCII-only and its isspace() knows only these four. */
static int is_git_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_git_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

static const char *next_line(const char *s)
{
	const char *nl = strchr(s, '\n');

	return nl ? nl + 1 : s + strlen(s);
}

/* Blank means white space only, so "\r\n" is blank here. */
static int is_blank_line(const char *s)
{
	while (*s && *s != '\n' && is_git_space((unsigned char)*s))
		s++;
	return !*s || *s == '\n';
}

/*
 * Start of the last line of buf[0..len), len > 0. A final newline belongs
 * to the last line, so it is skipped before looking for the previous one.
 */
static size_t last_line(const char *buf, size_t len)
{
	size_t i;

	for (i = len - 1; i > 0; i--)
		if (buf[i - 1] == '\n')
			return i;
	return 0;
}

/*
 * The position of the separator ':' in "<key>[blanks]:", or 0 when the
 * line is not of that form (git's -1) or starts with ':' (git's 0): every
 * caller treats those two the same.
 */
static size_t find_separator(const char *line)
{
	int whitespace_found = 0;
	const char *c;

	for (c = line; *c; c++) {
		if (*c == ':')
			return (size_t)(c - line);
		if (!whitespace_found && (is_git_alnum((unsigned char)*c) ||
					  *c == '-'))
			continue;
		if (c != line && (*c == ' ' || *c == '\t')) {
			whitespace_found = 1;
			continue;
		}
		break;
	}
	return 0;
}

/* Where a patch starts: a line "---" followed by white space (or EOL). */
static size_t find_patch_start(const char *msg)
{
	const char *s;

	for (s = msg; *s; s = next_line(s))
		if (!strncmp(s, "---", 3) && is_git_space((unsigned char)s[3]))
			break;
	return (size_t)(s - msg);
}

/*
 * How many bytes at the end of buf[0..len) are not part of the log
 * message: trailing comment and empty lines, an old "Conflicts:" block
 * with its tab-indented paths, and the scissors line with what follows.
 * git looks for the scissors line in the whole string; one after `len`
 * makes git 2.39 loop forever, so here it is clamped to `len`.
 */
static size_t ignore_non_trailer(const char *buf, size_t len, char cc)
{
	size_t boc = 0, bol = 0;
	int in_old_conflicts_block = 0;
	size_t cutoff = sg_message_scissors_end(buf, strlen(buf), cc);

	if (cutoff > len)
		cutoff = len;
	while (bol < cutoff) {
		const char *nl = memchr(buf + bol, '\n', len - bol);
		size_t next = nl ? (size_t)(nl - buf) + 1 : len;

		/* boc == 0 doubles as "none yet", exactly as in git */
		if (buf[bol] == cc || buf[bol] == '\n') {
			if (!boc)
				boc = bol;
		} else if (sg_starts_with(buf + bol, "Conflicts:\n")) {
			in_old_conflicts_block = 1;
			if (!boc)
				boc = bol;
		} else if (in_old_conflicts_block && buf[bol] == '\t') {
			; /* a path in the conflicts block */
		} else if (boc) {
			boc = 0;
			in_old_conflicts_block = 0;
		}
		bol = next;
	}
	return boc ? len - boc : len - cutoff;
}

static int has_git_generated_prefix(const char *line)
{
	const char *const *p;

	for (p = git_generated_prefixes; *p; p++)
		if (sg_starts_with(line, *p))
			return 1;
	return 0;
}

/* Where the trailer block of buf[0..len) starts, or len when it has none. */
static size_t find_trailer_start(const char *buf, size_t len, char cc)
{
	const char *s;
	size_t end_of_title, end, l;
	int only_spaces = 1, recognized_prefix = 0;
	size_t trailer_lines = 0, non_trailer_lines = 0;
	/*
	 * Indented lines seen since the last trailer: continuations if a
	 * trailer comes above them, non-trailer lines otherwise.
	 */
	size_t possible_continuation_lines = 0;

	/* The first paragraph is the title and cannot be trailers. */
	for (s = buf; s < buf + len; s = next_line(s)) {
		if (s[0] == cc)
			continue;
		if (is_blank_line(s))
			break;
	}
	end_of_title = (size_t)(s - buf);

	/* Walk back from the end to the blank line above the last paragraph. */
	for (end = len; end > 0; end = l) {
		const char *bol;

		l = last_line(buf, end);
		if (l < end_of_title)
			break;
		bol = buf + l;
		if (bol[0] == cc) {
			non_trailer_lines += possible_continuation_lines;
			possible_continuation_lines = 0;
			continue;
		}
		if (is_blank_line(bol)) {
			if (only_spaces)
				continue;
			non_trailer_lines += possible_continuation_lines;
			if (recognized_prefix &&
			    trailer_lines * 3 >= non_trailer_lines)
				return (size_t)(next_line(bol) - buf);
			if (trailer_lines && !non_trailer_lines)
				return (size_t)(next_line(bol) - buf);
			return len;
		}
		only_spaces = 0;

		if (has_git_generated_prefix(bol)) {
			trailer_lines++;
			possible_continuation_lines = 0;
			recognized_prefix = 1;
		} else if (find_separator(bol) >= 1 &&
			   !is_git_space((unsigned char)bol[0])) {
			trailer_lines++;
			possible_continuation_lines = 0;
		} else if (is_git_space((unsigned char)bol[0])) {
			possible_continuation_lines++;
		} else {
			non_trailer_lines++;
			non_trailer_lines += possible_continuation_lines;
			possible_continuation_lines = 0;
		}
	}
	return len;
}

/* The trailer block of `msg` is msg[*start..*end). */
static void locate_block(size_t *start, size_t *end, const char *msg,
			 char cc)
{
	size_t patch_start = find_patch_start(msg);

	*end = patch_start - ignore_non_trailer(msg, patch_start, cc);
	*start = find_trailer_start(msg, *end, cc);
}

static char *dup_trimmed(const char *s, size_t len)
{
	while (len && is_git_space((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len && is_git_space((unsigned char)s[len - 1]))
		len--;
	return sg_xstrndup(s, len);
}

/* Each newline and the white space after it become one space. */
static char *unfold_value(const char *val)
{
	struct sg_buf out = SG_BUF_INIT;
	char *result;

	while (*val) {
		char c = *val++;

		if (c == '\n') {
			while (*val && is_git_space((unsigned char)*val))
				val++;
			sg_buf_addch(&out, ' ');
		} else {
			sg_buf_addch(&out, c);
		}
	}
	result = dup_trimmed(out.ptr, out.len);
	sg_buf_release(&out);
	return result;
}

static void add_trailer(struct sg_trailers *out, char *key, char *value,
			unsigned line)
{
	SG_ALLOC_GROW(out->items, out->nr + 1, out->alloc);
	out->items[out->nr].key = key;
	out->items[out->nr].value = value;
	out->items[out->nr++].line = line;
}

/* One joined block entry (a line plus its continuations) to a trailer. */
static void add_entry(struct sg_trailers *out, const struct sg_buf *entry,
		      unsigned line, char cc)
{
	size_t sep;
	char *value;

	if (!entry->len || entry->ptr[0] == cc)
		return;
	sep = find_separator(entry->ptr);
	if (sep < 1)
		return;
	value = dup_trimmed(entry->ptr + sep + 1, entry->len - sep - 1);
	add_trailer(out, dup_trimmed(entry->ptr, sep), unfold_value(value),
		    line);
	free(value);
}

static unsigned line_number(const char *msg, size_t offset)
{
	unsigned line = 1;
	size_t i;

	for (i = 0; i < offset; i++)
		if (msg[i] == '\n')
			line++;
	return line;
}

int sg_trailers_parse(struct sg_trailers *out, const char *message,
		      char comment_char)
{
	struct sg_buf entry = SG_BUF_INIT;
	size_t start, end, bol;
	unsigned line, entry_line = 0;
	int joinable = 0;

	if (!out || !message)
		return sg_error_set("no message to read trailers from");
	locate_block(&start, &end, message, comment_char);
	line = line_number(message, start);
	for (bol = start; bol < end; line++) {
		const char *nl = memchr(message + bol, '\n', end - bol);
		size_t next = nl ? (size_t)(nl - message) + 1 : end;

		/* only a line that looks like a trailer takes continuations */
		if (joinable && is_git_space((unsigned char)message[bol])) {
			sg_buf_add(&entry, message + bol, next - bol);
		} else {
			add_entry(out, &entry, entry_line, comment_char);
			sg_buf_reset(&entry);
			sg_buf_add(&entry, message + bol, next - bol);
			entry_line = line;
			joinable = find_separator(entry.ptr) >= 1;
		}
		bol = next;
	}
	add_entry(out, &entry, entry_line, comment_char);
	sg_buf_release(&entry);
	return 0;
}

void sg_trailers_release(struct sg_trailers *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nr; i++) {
		free(t->items[i].key);
		free(t->items[i].value);
	}
	free(t->items);
	t->items = NULL;
	t->nr = t->alloc = 0;
}

void sg_trailers_values(struct sg_strlist *out, const struct sg_trailers *t,
			const char *key)
{
	size_t i;

	for (i = 0; i < t->nr; i++)
		if (!sg_strcasecmp_ascii(t->items[i].key, key))
			sg_strlist_add(out, t->items[i].value);
}

/* The length of "<key>[blanks]" when `line` starts with it and ':'. */
static size_t match_key(const char *line, const char *key)
{
	size_t n = strlen(key), i;

	for (i = 0; i < n; i++)
		if (!line[i] || tolower((unsigned char)line[i]) !=
				tolower((unsigned char)key[i]))
			return 0;
	while (line[i] == ' ' || line[i] == '\t')
		i++;
	return line[i] == ':' ? i : 0;
}

int sg_trailers_misplaced(struct sg_trailers *out, const char *message,
			  char comment_char, const char *key)
{
	size_t start, end, cut, bol, next, key_len, n;
	unsigned line;

	if (!out || !message || !key)
		return sg_error_set("no message to look for trailers in");
	if (!*key)
		return 0;
	key_len = strlen(key);
	locate_block(&start, &end, message, comment_char);
	cut = sg_message_scissors_end(message, strlen(message), comment_char);
	for (bol = 0, line = 1; bol < cut; bol = next, line++) {
		const char *eol = strchr(message + bol, '\n');

		next = eol ? (size_t)(eol - message) + 1 : strlen(message);
		if ((bol >= start && bol < end) || message[bol] == comment_char)
			continue;
		n = match_key(message + bol, key);
		if (!n)
			continue;
		add_trailer(out, sg_xstrndup(message + bol, key_len),
			    dup_trimmed(message + bol + n + 1,
					next - bol - n - 1),
			    line);
	}
	return 0;
}
