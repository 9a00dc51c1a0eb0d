#include "cmd.h"
#include "cmd/gate_setup.h"
#include "cmd/mr.h"
#include "git/change.h"
#include "git/mergebase.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "git/walk.h"
#include "report/report.h"
#include "rules/gate.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

/* A change source that yields one staged change, once. */
struct single {
	struct sg_change *change;
};

static int single_next(struct sg_change **out, void *payload)
{
	struct single *s = payload;

	*out = s->change;
	s->change = NULL;
	return *out ? 0 : 1;
}

int sg_gate_run_staged(struct sg_report *report, struct sg_ctx *ctx,
		       enum sg_gate_mode mode, const char *message, int amend)
{
	struct sg_gate gate;
	struct single single = { NULL };
	struct sg_change_source source = { single_next, &single };
	int error = -1;

	memset(&gate, 0, sizeof(gate));
	gate.policy = ctx->policy;
	gate.repo = ctx->repo;
	gate.mode = mode;
	gate.today = sg_today();

	if (sg_change_staged(&single.change, ctx->repo, amend, message,
			     sg_repo_comment_char(ctx->repo)) < 0)
		goto done;
	/*
	 * git runs commit-msg only for a commit that changes something, so
	 * nothing staged against HEAD means 'git commit --amend' rewording HEAD
	 * ('-m' hides the amend from prepare-commit-msg), or --allow-empty:
	 * judge it as the commit that replaces HEAD.
	 */
	if (mode == SG_GATE_COMMIT_MSG && !amend && !single.change->paths.nr &&
	    single.change->parents) {
		sg_change_free(single.change);
		single.change = NULL;
		amend = 1;
		if (sg_change_staged(&single.change, ctx->repo, amend, message,
				     sg_repo_comment_char(ctx->repo)) < 0)
			goto done;
	}
	if (amend)
		sg_gate_note(&gate, "this commit amends HEAD: it is judged with everything it changes against HEAD's parent");
	if (sg_snapshot_from_index(&gate.head, ctx->repo) < 0)
		goto done;
	error = sg_gate_run(report, &gate, &source);
done:
	sg_change_free(single.change);
	sg_snapshot_free(gate.head);
	sg_gate_release(&gate);
	return error;
}

int sg_run_staged_gate(struct sg_ctx *ctx, enum sg_gate_mode mode,
		       const char *message, int amend)
{
	struct sg_report report;
	int rc;

	memset(&report, 0, sizeof(report));
	if (sg_gate_run_staged(&report, ctx, mode, message, amend) < 0)
		rc = sg_ctx_fail();
	else
		rc = sg_ctx_emit(ctx, &report);
	sg_report_release(&report);
	return rc;
}

/*
 * libgit2 1.5 does not know where a shallow clone is cut and fails (and
 * leaks) when a walk reaches it: compute the range without walking into
 * the cut, and refuse, with the fix, when the range needs what is cut off.
 */
static int check_shallow_range(struct sg_ctx *ctx, struct sg_gate *gate,
			       const char *base, const char *head)
{
	struct sg_strlist commits = SG_STRLIST_INIT;
	char merge_base[41];
	int rc;

	if (!base) {
		sg_error_shallow("checking the whole history of a shallow clone");
		return sg_ctx_fail();
	}
	if (sg_repo_shallow_range(&commits, merge_base, ctx->repo, base, head) < 0)
		return sg_ctx_fail();
	rc = sg_run_list_gate(ctx, gate, base, head, &commits);
	sg_strlist_release(&commits);
	return rc;
}

static int check_range(struct sg_ctx *ctx, const char *range)
{
	struct sg_gate gate;
	struct sg_walk *walk = NULL;
	char *base = NULL, *head = NULL;
	int rc;

	memset(&gate, 0, sizeof(gate));
	gate.mode = SG_GATE_RANGE;
	/* resolve A..B once, here, so errors name the revisions as typed */
	if (sg_walk_new(&walk, ctx->repo) < 0 ||
	    sg_walk_range(walk, range, &base, &head) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	if (sg_repo_is_shallow(ctx->repo))
		rc = check_shallow_range(ctx, &gate, base, head);
	else
		rc = sg_run_range_gate(ctx, &gate, base, head, NULL);
done:
	sg_walk_free(walk);
	sg_gate_release(&gate);
	free(base);
	free(head);
	return rc;
}

int cmd_check(int argc, char **argv, struct sg_ctx *ctx)
{
	const char *range = NULL, *base = NULL;
	int staged = 0, mr = 0, i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--staged"))
			staged = 1;
		else if (!strcmp(argv[i], "--mr"))
			mr = 1;
		else if (!strcmp(argv[i], "--range") && i + 1 < argc)
			range = argv[++i];
		else if (!strncmp(argv[i], "--range=", 8))
			range = argv[i] + 8;
		else if (!strcmp(argv[i], "--base") && i + 1 < argc)
			base = argv[++i];
		else if (!strncmp(argv[i], "--base=", 7))
			base = argv[i] + 7;
		else if (!strcmp(argv[i], "--range") || !strcmp(argv[i], "--base"))
			return sg_usage_error("check", "option '%s' needs a value (%s)", argv[i],
					      argv[i][2] == 'r' ? "A..B" : "a revision");
		else
			return sg_usage_error("check", "unknown argument '%s'", argv[i]);
	}
	if (range && !*range)
		return sg_usage_error("check", "--range needs a value (A..B)");
	if (staged + mr + (range != NULL) > 1)
		return sg_usage_error("check", "--staged, --range and --mr cannot be used together");
	if (base && !mr)
		return sg_usage_error("check", "--base goes with --mr");
	if (base && !*base)
		return sg_usage_error("check", "--base needs a revision");
	if (!staged && !range && !mr)
		return sg_usage_error("check", "say what to check: --staged, --range A..B or --mr [--base REF]");
	/* --mr reads the target's policy; the others read it as the common options say */
	if (mr)
		return sg_check_mr(ctx, base);
	if (sg_ctx_load_policy(ctx) < 0)
		return sg_ctx_fail();
	if (staged)
		return sg_run_staged_gate(ctx, SG_GATE_STAGED, NULL, 0);
	return check_range(ctx, range);
}
