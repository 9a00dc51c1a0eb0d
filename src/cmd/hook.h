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
struct sg_gate_tips;
struct sg_push_view;

/*
 * Add the commits `updates` bring to `tips` and `view` (view->hook names
 * the hook in messages). Deletions, notes and non-commits are skipped with
 * a note; an object that cannot be seen is a repository error with
 * `missing_hint` (never a silent pass). With `hide_old` (pre-push) each
 * line's old remote commit, when we have it, is left out of the walk.
 * Returns 0, 1 when there is nothing to check, -1 on error.
 */
int sg_hook_collect_push(struct sg_gate_tips *tips, struct sg_push_view *view,
			 struct sg_gate *gate, const struct sg_ctx *ctx,
			 const struct sg_ref_updates *updates,
			 const char *missing_hint, int hide_old);

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
