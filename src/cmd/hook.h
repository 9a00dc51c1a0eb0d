#ifndef SG_CMD_HOOK_H
#define SG_CMD_HOOK_H

#include "util/str.h"

/*
 * Shared by the files of `sdlgate hook`: hook.c (dispatch, pre-commit,
 * commit-msg), hook_push.c (pre-push), hook_receive.c (pre-receive) and
 * hook_report.c (what a push gate prints).
 */

struct sg_buf;
struct sg_ctx;
struct sg_report;

int sg_hook_pre_push(int argc, char **argv, struct sg_ctx *ctx);
int sg_hook_pre_receive(int argc, char **argv, struct sg_ctx *ctx);

struct sg_ref_updates;

/*
 * Run the release gate for every pushed tag matching release.tag_pattern.
 * Returns the worst exit code of those runs (0 when there are none).
 */
int sg_hook_release_tags(struct sg_ctx *ctx, const struct sg_ref_updates *updates);

struct sg_gate;
struct sg_ref_update;

/*
 * A pushed notes ref is review records, not code: never checked as
 * changes. When it is design_review.notes_ref, the gate reads the notes
 * as pushed, so a branch and its review notes can go in one push.
 * Returns 1 when `u` was a notes ref (skip it), else 0.
 */
int sg_hook_skip_notes(struct sg_gate *gate, const struct sg_ctx *ctx,
		       const struct sg_ref_update *u);

/*
 * The commit a pushed ref brings, peeled from a tag: 0 with `commit` set,
 * 1 when there is nothing to check (a deletion, notes, not a commit, each
 * said in a note), -1 with a repository error when the object cannot be
 * seen (never a silent pass); `missing_hint` says what to do then.
 */
int sg_hook_pushed_commit(char commit[41], struct sg_gate *gate,
			  const struct sg_ctx *ctx, const struct sg_ref_update *u,
			  const char *hook, const char *missing_hint);

/* Exit codes grow with severity (0 pass, 1 fail, 2 input, 3 repository). */
static inline int sg_worst_exit(int a, int b)
{
	return a > b ? a : b;
}

/*
 * Read git's ref lines from standard input, bounded. A terminal is a
 * usage error (the hook was run by hand without input). Returns 0, or an
 * exit code after printing the error.
 */
int sg_hook_read_stdin(struct sg_buf *out, const char *hook);

/* What a push gate checked, for its messages. */
struct sg_push_view {
	const char *hook;            /* "pre-push", "pre-receive" */
	const char *policy_said;     /* where the policy came from, in words */
	struct sg_strlist refs;      /* the refs checked, in input order */
	struct sg_strlist tips;      /* their new commits, same order */
	int server;                  /* pre-receive: say that --no-verify does not help */
};

void sg_push_view_release(struct sg_push_view *view);

/*
 * Print the push gate's report and return the exit code. Text without
 * --output goes to standard error in the push gates' own form: one line
 * per finding (rule, short oid, paths, message), its hint, then how to
 * fix the commits (amend, rebase). Any other format or --output goes
 * through the reporters, as `check` prints it.
 */
int sg_hook_emit_push(struct sg_ctx *ctx, struct sg_report *report,
		      const struct sg_push_view *view);

#endif
