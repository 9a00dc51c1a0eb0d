#include "cmd/mr.h"
#include "cmd.h"
#include "cmd/gate_setup.h"
#include "git/mergebase.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "git/walk.h"
#include "model/ci_event.h"
#include "report/report.h"
#include "rules/gate.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

#define POLICY_NAME ".sdlgate.yml"

/* Where the target came from, said in the report. */
struct target {
	char *rev;                  /* as given or derived: "origin/main", a sha */
	const char *source;         /* "--base", the variable's name */
	char oid[41];
};

static const char *env(const char *name)
{
	const char *v = getenv(name);

	/* CIs set some variables empty (GITHUB_BASE_REF on a push) */
	return v && *v ? v : NULL;
}

static char *remote_branch(const char *name)
{
	struct sg_buf b = SG_BUF_INIT;

	sg_buf_addf(&b, "origin/%s", name);
	return sg_buf_detach(&b);
}

/*
 * GitHub Actions: origin/<GITHUB_BASE_REF> when the clone has it, else the
 * pull request's base sha from the event payload. 0 with t->rev set, 1
 * when neither is there, -1 on error.
 */
static int github_target(struct target *t, struct sg_ctx *ctx)
{
	const char *ref = env("GITHUB_BASE_REF"), *event = env("GITHUB_EVENT_PATH");
	char *sha = NULL, oid[41];

	if (ref) {
		t->rev = remote_branch(ref);
		t->source = "GITHUB_BASE_REF";
		if (!event || sg_repo_resolve_commit(oid, ctx->repo, t->rev) == 0)
			return 0;
		sg_error_clear();
	}
	if (!event)
		return 1;
	if (sg_ci_event_file_base_sha(&sha, event) < 0)
		return -1;
	if (!sha)
		return ref ? 0 : 1;
	free(t->rev);
	t->rev = sha;
	t->source = "GITHUB_EVENT_PATH pull_request.base.sha";
	return 0;
}

static int choose_target(struct target *t, struct sg_ctx *ctx, const char *base)
{
	const char *v;
	int rc;

	if (base) {
		t->rev = sg_xstrdup(base);
		t->source = "--base";
	} else if ((v = env("CI_MERGE_REQUEST_DIFF_BASE_SHA"))) {
		t->rev = sg_xstrdup(v);
		t->source = "CI_MERGE_REQUEST_DIFF_BASE_SHA";
	} else if ((v = env("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"))) {
		t->rev = remote_branch(v);
		t->source = "CI_MERGE_REQUEST_TARGET_BRANCH_NAME";
	} else if ((rc = github_target(t, ctx)) < 0) {
		return -1;
	} else if (rc == 0) {
		/* t->rev and t->source are set */
	} else if ((v = env("SDLGATE_BASE"))) {
		t->rev = sg_xstrdup(v);
		t->source = "SDLGATE_BASE";
	} else {
		sg_error_set("--mr needs the merge request's target: none of --base, CI_MERGE_REQUEST_DIFF_BASE_SHA, CI_MERGE_REQUEST_TARGET_BRANCH_NAME, GITHUB_BASE_REF, GITHUB_EVENT_PATH or SDLGATE_BASE is set");
		sg_error_hint("name the branch the merge request goes into: 'sdlgate check --mr --base origin/main'");
		return -1;
	}
	return sg_repo_resolve_target(t->oid, ctx->repo, t->rev);
}

/*
 * The target's policy, unless --policy or --policy-from chose another:
 * a branch must not be able to weaken its own gate.
 */
static int load_policy(struct sg_ctx *ctx, struct sg_gate *gate,
		       const struct target *t)
{
	struct sg_snapshot *snap = NULL;
	char blob[41];
	int rc;

	if (ctx->policy_file || ctx->policy_rev) {
		if (sg_ctx_load_policy(ctx) < 0)
			return -1;
		sg_gate_note(gate, "the policy comes from %s %s, not from the target %.7s: the merge request is not held to the target's policy (meant for the merge request that adopts sdlgate)",
			     ctx->policy_file ? "--policy" : "--policy-from",
			     ctx->policy_file ? ctx->policy_file : ctx->policy_rev, t->oid);
		return 0;
	}
	if (sg_snapshot_from_commit(&snap, ctx->repo, t->oid) < 0)
		return -1;
	rc = sg_snapshot_blob_id(blob, snap, POLICY_NAME);
	sg_snapshot_free(snap);
	if (rc < 0)
		return -1;
	if (rc > 0) {
		sg_error_set("no policy: the target %s (%.7s) has no '%s', and --mr enforces the target's policy",
			     t->rev, t->oid, POLICY_NAME);
		sg_error_hint("for the merge request that adopts sdlgate, run 'sdlgate check --mr --policy-from HEAD' (the report says so)");
		return -1;
	}
	if (sg_ctx_load_policy_rev(ctx, t->oid) < 0)
		return -1;
	gate->records_from = sg_xstrdup(t->oid);
	sg_gate_note(gate, "the policy, requirements registry and review records of the target (%.7s) are enforced", t->oid);
	return 0;
}

int sg_check_mr(struct sg_ctx *ctx, const char *base)
{
	struct target t;
	struct sg_gate gate;
	struct sg_strlist range = SG_STRLIST_INIT;
	char head[41], merge_base[41];
	int rc, shallow = sg_repo_is_shallow(ctx->repo);

	memset(&t, 0, sizeof(t));
	memset(&gate, 0, sizeof(gate));
	gate.mode = SG_GATE_MR;
	if (sg_repo_head_unborn(ctx->repo)) {
		sg_error_set_repo("HEAD has no commit yet: there is no merge request to check");
		sg_error_hint("commit first, or check the staged change with 'sdlgate check --staged'");
		rc = sg_ctx_fail();
		goto done;
	}
	if (sg_repo_resolve_commit(head, ctx->repo, "HEAD") < 0 ||
	    choose_target(&t, ctx, base) < 0 ||
	    (shallow ? sg_repo_shallow_range(&range, merge_base, ctx->repo, t.oid, head) :
	     sg_repo_merge_base(merge_base, ctx->repo, t.oid, head)) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	sg_gate_note(&gate, "merge request: target %s (from %s) at %.7s, merge base %.7s",
		     t.rev, t.source, t.oid, merge_base);
	if (load_policy(ctx, &gate, &t) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	if (shallow)
		rc = sg_run_list_gate(ctx, &gate, merge_base, head, &range);
	else
		rc = sg_run_range_gate(ctx, &gate, merge_base, head, NULL);
done:
	sg_strlist_release(&range);
	sg_gate_release(&gate);
	free(t.rev);
	return rc;
}
