#ifndef SG_GIT_TRAILERS_H
#define SG_GIT_TRAILERS_H

#include <stddef.h>

struct sg_strlist;

/*
 * Commit message trailers, read exactly as git 2.39's
 * `git interpret-trailers --parse` reads them (that is `--only-trailers
 * --only-input --unfold` with no `trailer.*` configuration), without
 * running git or libgit2.
 *
 * The rules, in short: the message ends at a line starting with "---" and
 * a white space character, at the scissors line, or before trailing
 * comment lines, blank lines and an old "Conflicts:" block. The trailer
 * block is the last paragraph after a blank line, never the first
 * paragraph; it counts when all its lines are trailers, or when it holds a
 * "Signed-off-by: " or "(cherry picked from commit " line and at least 25%
 * of its lines are trailers. A line starting with white space continues
 * the trailer above it; comment lines inside the block are skipped.
 *
 * Like git, every function here is byte-oriented: "white space" is space,
 * tab, CR and LF, and key characters are ASCII letters, digits and '-'.
 * git reads the trailers of the message as stored, so a commit-msg hook
 * should pass the message through sg_message_cleanup() first.
 */

/* One trailer: "Key: value" with both sides trimmed. */
struct sg_trailer {
	char *key;
	char *value;   /* continuation lines unfolded into single spaces */
	unsigned line; /* 1-based line in the message */
};

/* An owned array of trailers in message order. */
struct sg_trailers {
	struct sg_trailer *items;
	size_t nr, alloc;
};

#define SG_TRAILERS_INIT { NULL, 0, 0 }

/*
 * Append the trailers of the NUL-terminated `message` to `out`.
 * `comment_char` is git's core.commentChar ('#' unless configured): lines
 * starting with it are comments. A message without a trailer block is
 * not an error, it simply adds nothing. Returns 0, or -1 (with
 * sg_error_set) when `out` or `message` is NULL.
 *
 * One deliberate difference: git 2.39 loops forever when a "---" divider
 * comes before a scissors line; here the scissors line after the divider
 * is simply out of reach, as everything after the divider is.
 */
int sg_trailers_parse(struct sg_trailers *out, const char *message,
		      char comment_char);

/* Free the contents; `t` is SG_TRAILERS_INIT afterwards. Accepts NULL. */
void sg_trailers_release(struct sg_trailers *t);

/*
 * Append to `out` a copy of the value of every trailer whose key equals
 * `key` ignoring ASCII case (git compares trailer keys that way), in
 * message order. `key` is given without the colon.
 */
void sg_trailers_values(struct sg_strlist *out, const struct sg_trailers *t,
			const char *key);

/*
 * Find misplaced trailers: lines of `message` outside its trailer block
 * that start with `key`, optional spaces or tabs, and ':' (key compared
 * ignoring ASCII case), such as "Security-Requirement: SR-1" in the body
 * or the subject, after a "---" divider, or in a paragraph that did not
 * qualify as a trailer block. Each one is appended to `out` as a
 * struct sg_trailer: the key as spelled in the line, the trimmed rest of
 * the line as value and its 1-based line number. Comment lines and
 * everything from the scissors line on are not part of the message and
 * are not reported. Returns 0, or -1 (with sg_error_set) on NULL input.
 */
int sg_trailers_misplaced(struct sg_trailers *out, const char *message,
			  char comment_char, const char *key);

#endif
