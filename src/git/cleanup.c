#include "git/cleanup.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/str.h"

#include <string.h>

#define SG_CUT_LINE "------------------------ >8 ------------------------\n"

/* git's isspace(): only these four, whatever the locale says. */
static int is_git_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t sg_message_scissors_end(const char *message, size_t len,
			       char comment_char)
{
	char pattern[sizeof(SG_CUT_LINE) + 3];
	size_t pattern_len;
	const char *p;

	/* "\n<c> <cut line>", so the match always starts a line */
	pattern[0] = '\n';
	pattern[1] = comment_char;
	pattern[2] = ' ';
	memcpy(pattern + 3, SG_CUT_LINE, sizeof(SG_CUT_LINE));
	pattern_len = 3 + strlen(SG_CUT_LINE);

	if (len >= pattern_len - 1 &&
	    !memcmp(message, pattern + 1, pattern_len - 1))
		return 0;
	p = sg_memmem(message, len, pattern, pattern_len);
	if (p)
		return (size_t)(p - message) + 1;
	return len;
}

/* Length of the line without its trailing white space (newline included). */
static size_t rtrim_len(const char *line, size_t len)
{
	while (len && is_git_space((unsigned char)line[len - 1]))
		len--;
	return len;
}

/*
 * git's strbuf_stripspace(): copy line by line, holding back blank lines
 * until a non-blank one shows they are inside the message, not at an end.
 */
static void stripspace(struct sg_buf *out, const char *msg, size_t len,
		       int skip_comments, char comment_char)
{
	size_t empties = 0;
	size_t i, line_len, kept;

	for (i = 0; i < len; i += line_len) {
		const char *eol = memchr(msg + i, '\n', len - i);

		line_len = eol ? (size_t)(eol - (msg + i)) + 1 : len - i;
		if (skip_comments && msg[i] == comment_char)
			continue;
		kept = rtrim_len(msg + i, line_len);
		if (!kept) {
			empties++;
			continue;
		}
		if (empties > 0 && out->len > 0)
			sg_buf_addch(out, '\n');
		empties = 0;
		sg_buf_add(out, msg + i, kept);
		sg_buf_addch(out, '\n');
	}
}

int sg_message_cleanup(struct sg_buf *out, const char *message, size_t len,
		       char comment_char, enum sg_cleanup_mode mode)
{
	sg_buf_reset(out);
	switch (mode) {
	case SG_CLEANUP_VERBATIM:
		sg_buf_add(out, message, len);
		return 0;
	case SG_CLEANUP_STRIP:
	case SG_CLEANUP_WHITESPACE:
	case SG_CLEANUP_SCISSORS:
		len = sg_message_scissors_end(message, len, comment_char);
		stripspace(out, message, len, mode == SG_CLEANUP_STRIP,
			   comment_char);
		return 0;
	}
	return sg_error_set("unknown cleanup mode %d", (int)mode);
}

int sg_cleanup_mode_parse(enum sg_cleanup_mode *out,
			  const char *git_config_value)
{
	static const struct {
		const char *name;
		enum sg_cleanup_mode mode;
	} modes[] = {
		{ "default", SG_CLEANUP_STRIP },
		{ "strip", SG_CLEANUP_STRIP },
		{ "whitespace", SG_CLEANUP_WHITESPACE },
		{ "scissors", SG_CLEANUP_SCISSORS },
		{ "verbatim", SG_CLEANUP_VERBATIM },
	};
	size_t i;

	if (!git_config_value) {
		*out = SG_CLEANUP_STRIP;
		return 0;
	}
	for (i = 0; i < SG_ARRAY_SIZE(modes); i++) {
		if (!strcmp(git_config_value, modes[i].name)) {
			*out = modes[i].mode;
			return 0;
		}
	}
	return sg_error_set("invalid cleanup mode '%s'", git_config_value);
}
