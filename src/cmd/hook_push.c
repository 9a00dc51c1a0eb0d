#include "cmd/hook.h"
#include "cmd.h"
#include "cmd/gate_setup.h"
#include "git/hookinput.h"
#include "git/refs.h"
#include "report/report.h"
#include "rules/gate.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/str.h"

#include <stdlib.h>
#include <string.h>

/*
 * pre-push: git names the remote and its URL, and writes one line per
 * ref: <local ref> <local oid> <remote ref> <remote oid>. The commits
 * checked are those the remote does not have yet: each local oid, with
 * every remote-tracking ref of that remote and each line's remote oid
 * (when we have it) left out. One change set, one report, however many
 * refs the push updates.
 */

/*
 * The pre-commit framework reads git's lines itself and hands its hooks
 * one pushed ref in PRE_COMMIT_* variables, with no standard input.
 */
static int framework_input(struct sg_ref_updates *out, const char **remote)
{
	const char *to = getenv("PRE_COMMIT_TO_REF");
	const char *from = getenv("PRE_COMMIT_FROM_REF");
	const char *branch = getenv("PRE_COMMIT_REMOTE_BRANCH");
	struct sg_buf line = SG_BUF_INIT;
	int error;

	*remote = getenv("PRE_COMMIT_REMOTE_NAME");
	if (!to || !*to)
		return 1;
	sg_buf_addf(&line, "%s %s %s %s\n",
		    getenv("PRE_COMMIT_LOCAL_BRANCH") ? getenv("PRE_COMMIT_LOCAL_BRANCH") : "HEAD",
		    to, branch && *branch ? branch : "HEAD",
		    from && *from ? from : "0000000000000000000000000000000000000000");
	error = sg_hookinput_parse_push(out, "the pre-commit framework's PRE_COMMIT_* variables",
					line.ptr, line.len);
	sg_buf_release(&line);
	return error;
}

/* The remote-tracking refs of `remote`: what it had when we last fetched. */
static int hide_tracking_refs(struct sg_gate_tips *tips, struct sg_ctx *ctx,
			      const char *remote)
{
	struct sg_buf prefix = SG_BUF_INIT;
	int error;

	sg_buf_addf(&prefix, "refs/remotes/%s/", remote);
	error = sg_refs_list_commits(&tips->hide, ctx->repo, prefix.ptr);
	sg_buf_release(&prefix);
	return error;
}

int sg_hook_pre_push(int argc, char **argv, struct sg_ctx *ctx)
{
	struct sg_buf input = SG_BUF_INIT;
	struct sg_ref_updates updates = SG_REF_UPDATES_INIT;
	struct sg_gate_tips tips = SG_GATE_TIPS_INIT;
	struct sg_push_view view;
	struct sg_gate gate;
	struct sg_report report;
	const char *remote = argc > 1 ? argv[1] : NULL;
	char old[41];
	int rc;

	memset(&view, 0, sizeof(view));
	memset(&gate, 0, sizeof(gate));
	memset(&report, 0, sizeof(report));
	view.hook = "pre-push";
	gate.mode = SG_GATE_PRE_PUSH;
	if (argc > 3) {
		rc = sg_usage_error("hook", "pre-push takes the remote's name and URL");
		goto done;
	}
	if (argc < 2 && getenv("PRE_COMMIT_TO_REF")) {
		if (framework_input(&updates, &remote) < 0) {
			rc = sg_ctx_fail();
			goto done;
		}
		sg_gate_note(&gate, "run by the pre-commit framework, which hands its hooks only the first ref of a push: any other ref is left to the server's pre-receive");
	} else {
		rc = sg_hook_read_stdin(&input, "pre-push");
		if (rc)
			goto done;
		if (sg_hookinput_parse_push(&updates, "pre-push input", input.ptr, input.len) < 0) {
			rc = sg_ctx_fail();
			goto done;
		}
	}
	if (sg_ctx_load_policy(ctx) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	view.policy_said = !strcmp(ctx->policy_from, "worktree") ? "from the working tree" :
		!strcmp(ctx->policy_from, "file") ? "from the file --policy names" :
		"from the revision --policy-from names";
	rc = sg_hook_collect_push(&tips, &view, &gate, ctx, &updates,
				  "run the hook from git push, in the repository that pushes", 1);
	if (rc < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	if (rc) {
		rc = SG_EXIT_PASS;
		if (!ctx->quiet && updates.nr)
			fprintf(stderr, "sdlgate pre-push: nothing to check (%zu ref(s): deletions, notes or no commits)\n",
				updates.nr);
		goto done;
	}
	if (remote && sg_refs_remote_exists(ctx->repo, remote)) {
		if (hide_tracking_refs(&tips, ctx, remote) < 0) {
			rc = sg_ctx_fail();
			goto done;
		}
	} else {
		sg_gate_note(&gate, "pushing to '%s', not to a configured remote: only the remote refs of this push are known to be there",
			     remote ? remote : "(unnamed)");
	}
	if (updates.nr == 1 && view.tips.nr == 1 &&
	    !sg_refs_peel_commit(old, ctx->repo, updates.items[0].old_oid))
		gate.base_oid = sg_xstrdup(old);
	if (sg_gate_run_tips(&report, ctx, &gate, &tips) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	rc = sg_hook_emit_push(ctx, &report, &view);
	rc = sg_worst_exit(rc, sg_hook_release_tags(ctx, &updates));
done:
	sg_buf_release(&input);
	sg_ref_updates_release(&updates);
	sg_gate_tips_release(&tips);
	sg_push_view_release(&view);
	sg_gate_release(&gate);
	sg_report_release(&report);
	return rc;
}
