#ifndef SG_GIT_CLEANUP_H
#define SG_GIT_CLEANUP_H

#include <stddef.h>

struct sg_buf;

/*
 * Commit message cleanup as `git commit` (2.39) applies it before storing
 * a message, for the commit-msg hook, which sees the message file before
 * that cleanup happens. (A message given with -m or -F has already been
 * through whitespace cleanup by then; doing it twice changes nothing.)
 */
enum sg_cleanup_mode {
	/* Cut at the scissors line, drop comment lines, then stripspace. */
	SG_CLEANUP_STRIP = 0,
	/* Cut at the scissors line, then stripspace keeping comment lines. */
	SG_CLEANUP_WHITESPACE,
	/* The same as SG_CLEANUP_WHITESPACE: git's "scissors" mode. */
	SG_CLEANUP_SCISSORS,
	/* Leave the message exactly as it is. */
	SG_CLEANUP_VERBATIM,
};

/*
 * Replace the contents of `out` with `message[0..len)` cleaned up in the
 * given mode. "stripspace" is git's: trailing white space of every line
 * removed, runs of blank lines collapsed into one, leading and trailing
 * blank lines removed, and a final newline added (a message of nothing
 * but blank lines and comments becomes empty). `comment_char` is git's
 * core.commentChar, '#' unless configured.
 *
 * git itself cuts at the scissors line only in "scissors" mode or under
 * `git commit -v`, which is when git writes that line into the message;
 * a hook cannot tell whether -v was given, so every mode but verbatim
 * cuts. Returns 0, or -1 (with sg_error_set) on an unknown mode.
 */
int sg_message_cleanup(struct sg_buf *out, const char *message, size_t len,
		       char comment_char, enum sg_cleanup_mode mode);

/*
 * Parse a `commit.cleanup` value: "strip", "whitespace", "verbatim",
 * "scissors" or "default", compared case-sensitively as git does. NULL
 * (the variable is unset) and "default" give SG_CLEANUP_STRIP, which is
 * git's default when the message was edited in an editor; with -m or -F
 * git's default is "whitespace", which the hook cannot tell apart.
 * Returns 0, or -1 (with sg_error_set) for any other value.
 */
int sg_cleanup_mode_parse(enum sg_cleanup_mode *out,
			  const char *git_config_value);

/*
 * The length of the part of `message[0..len)` before the scissors line
 * "<comment_char> ------------------------ >8 ------------------------"
 * (the line must end with a newline and start the message or follow a
 * newline), or `len` when there is none. This is git's
 * wt_status_locate_end().
 */
size_t sg_message_scissors_end(const char *message, size_t len,
			       char comment_char);

#endif
