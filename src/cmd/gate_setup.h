#ifndef SG_CMD_GATE_SETUP_H
#define SG_CMD_GATE_SETUP_H

#include "rules/gate.h"

struct sg_buf;
struct sg_ctx;

/* Today's date (UTC, YYYY-MM-DD), or $SDLGATE_TODAY for reproducible tests. */
const char *sg_today(void);

/*
 * The commits of a push: those reachable from a tip of `push` and from
 * none of `hide`.
 */
struct sg_gate_tips {
	struct sg_strlist push;        /* commit oids, full hex; at least one */
	struct sg_strlist hide;        /* commit oids the other side has */
	/*
	 * When not empty: exactly these commits, newest first, instead of a
	 * walk (a shallow clone, where libgit2 must not walk into the cut);
	 * push[0] is still the head.
	 */
	struct sg_strlist list;
};

#define SG_GATE_TIPS_INIT { SG_STRLIST_INIT, SG_STRLIST_INIT, SG_STRLIST_INIT }

void sg_gate_tips_release(struct sg_gate_tips *tips);

/*
 * Run `gate` over the commits of `tips` and fill `report` without
 * printing it. Several tips make one change set, so a commit two pushed
 * refs share is checked once and a push gives one report. The first tip
 * is the change set's head (records, SBOMs). Returns 0 (the verdict is in
 * the report) or -1 with an error.
 */
int sg_gate_run_tips(struct sg_report *report, struct sg_ctx *ctx,
		     struct sg_gate *gate, const struct sg_gate_tips *tips);

/*
 * Run the gate over commits: push `head`, hide `base` (may be NULL) and
 * every oid of `hide` (NULL-terminated, may be NULL), then emit the report.
 * Returns the exit code.
 */
int sg_run_range_gate(struct sg_ctx *ctx, struct sg_gate *gate,
		      const char *base, const char *head,
		      const char *const *hide);

/*
 * The same over exactly `commits` (newest first), for a shallow clone
 * whose range was computed without letting libgit2 walk into the cut.
 */
int sg_run_list_gate(struct sg_ctx *ctx, struct sg_gate *gate,
		     const char *base, const char *head,
		     const struct sg_strlist *commits);

/*
 * Run the gate over the staged change: at pre-commit (`message` NULL) or
 * at commit-msg with the cleaned message. Returns the exit code.
 */
int sg_run_staged_gate(struct sg_ctx *ctx, enum sg_gate_mode mode,
		       const char *message, int amend);

/*
 * The same, filling `report` without printing it: 0, or -1 with an error.
 * `amend`: the commit being made replaces HEAD (see cmd/amend.h).
 */
int sg_gate_run_staged(struct sg_report *report, struct sg_ctx *ctx,
		       enum sg_gate_mode mode, const char *message, int amend);

/*
 * The message of the commit being made, from the file git names, cleaned
 * as git will store it (commit.cleanup, core.commentChar). 0, or -1 with
 * an error.
 */
int sg_commit_msg_read(struct sg_buf *clean, struct sg_ctx *ctx,
		       const char *file);

#endif
