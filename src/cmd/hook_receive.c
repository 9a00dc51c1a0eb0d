#include "cmd/hook.h"
#include "cmd.h"
#include "cmd/gate_setup.h"
#include "git/hookinput.h"
#include "git/refs.h"
#include "git/repo.h"
#include "policy/policy.h"
#include "report/report.h"
#include "rules/gate.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

/*
 * pre-receive, on the server: one line per ref, <old> <new> <ref>. The
 * commits checked are those no existing ref reaches, so a new branch is
 * checked from where it leaves the known history and a force push only
 * for what it brings. Deletions pass. The policy is the server's own,
 * from its default branch: a push that edits .sdlgate.yml is judged by
 * the policy it wants to change, never by its own. Registries and risk
 * files are still read from each commit's tree (a commit may add SR-020
 * and cite it). git keeps the pushed objects in a quarantine directory
 * until the hook accepts them; the repository was opened from git's
 * environment (GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES) so
 * they are visible here.
 */

/* The update that creates or moves `ref`, or NULL. */
static const struct sg_ref_update *find_update(const struct sg_ref_updates *updates,
					       const char *ref)
{
	size_t i;

	for (i = 0; i < updates->nr; i++)
		if (!strcmp(updates->items[i].ref, ref) &&
		    !sg_oid_is_zero(updates->items[i].new_oid))
			return &updates->items[i];
	return NULL;
}

/*
 * The server's policy: --policy / --policy-from when the hook was given
 * one, else .sdlgate.yml of HEAD. An empty repository has no HEAD yet:
 * its first push of the default branch brings the policy it is checked
 * against, and the report says so.
 */
static int load_server_policy(struct sg_ctx *ctx, struct sg_gate *gate,
			      struct sg_buf *said,
			      const struct sg_ref_updates *updates)
{
	const struct sg_ref_update *first;
	char *target = NULL, head[41];
	int rc, error = -1;

	if (ctx->policy_file || ctx->policy_rev) {
		sg_buf_adds(said, ctx->policy_file ? "from the file the hook names" :
			    "from the revision the hook names");
		return sg_ctx_load_policy(ctx);
	}
	rc = sg_refs_head_target(&target, ctx->repo);
	if (rc < 0)
		goto done;
	if (!sg_repo_head_unborn(ctx->repo)) {
		sg_buf_addf(said, "from the server's default branch (%s)",
			    target ? target : "HEAD");
		/* the registry and review records too: never what is pushed */
		error = sg_repo_resolve_commit(head, ctx->repo, "HEAD");
		if (!error)
			error = sg_ctx_load_policy_rev(ctx, "HEAD");
		if (!error)
			gate->records_from = sg_xstrdup(head);
		goto done;
	}
	first = target ? find_update(updates, target) : NULL;
	if (!first) {
		sg_error_set_repo("the server's default branch '%s' has no commit yet and this push does not create it: there is no policy to check the push against",
				  target ? target : "HEAD");
		sg_error_hint("push the default branch first ('git push origin %s'): its .sdlgate.yml becomes the policy every later push is checked against",
			      target && !strncmp(target, "refs/heads/", 11) ? target + 11 : "main");
		goto done;
	}
	sg_buf_addf(said, "from the pushed %s (%.7s): the server's default branch has no commit yet",
		    target, first->new_oid);
	sg_gate_note(gate, "the server's default branch %s has no commit yet: the policy was read from the pushed %s (%.7s); from now on it is read from the server's %s",
		     target, target, first->new_oid, target);
	error = sg_ctx_load_policy_rev(ctx, first->new_oid);
done:
	free(target);
	return error;
}

/*
 * A push that leaves the default branch with a policy that does not load
 * would make the server refuse every later push, this fix included:
 * refuse it now, naming the problem.
 */
static int check_next_policy(struct sg_ctx *ctx,
			     const struct sg_ref_updates *updates)
{
	const struct sg_ref_update *u;
	struct sg_ctx next = *ctx;
	struct sg_buf msg = SG_BUF_INIT, hint = SG_BUF_INIT;
	char *target = NULL;
	int error = 0;

	if (ctx->policy_file || ctx->policy_rev ||
	    sg_refs_head_target(&target, ctx->repo) != 0) {
		sg_error_clear();
		goto done;
	}
	u = find_update(updates, target);
	if (!u)
		goto done;
	next.policy = NULL;
	next.policy_from = NULL;
	if (sg_ctx_load_policy_rev(&next, u->new_oid) < 0) {
		sg_buf_addf(&msg, "the push would leave %s with a policy the server cannot use, and every later push would be refused: %s",
			    target, sg_error_message());
		if (sg_error_hint_text())
			sg_buf_addf(&hint, "%s; ", sg_error_hint_text());
		sg_buf_adds(&hint, "fix .sdlgate.yml in a new commit and push again");
		sg_error_set("%s", msg.ptr);
		sg_error_hint("%s", hint.ptr);
		error = -1;
	}
	sg_policy_free(next.policy);
	free(next.policy_from);
done:
	free(target);
	sg_buf_release(&msg);
	sg_buf_release(&hint);
	return error;
}

int sg_hook_pre_receive(int argc, char **argv, struct sg_ctx *ctx)
{
	struct sg_buf input = SG_BUF_INIT, said = SG_BUF_INIT;
	struct sg_ref_updates updates = SG_REF_UPDATES_INIT;
	struct sg_gate_tips tips = SG_GATE_TIPS_INIT;
	struct sg_push_view view;
	struct sg_gate gate;
	struct sg_report report;
	char old[41];
	int rc;

	(void)argv;
	memset(&view, 0, sizeof(view));
	memset(&gate, 0, sizeof(gate));
	memset(&report, 0, sizeof(report));
	view.hook = "pre-receive";
	view.server = 1;
	gate.mode = SG_GATE_PRE_RECEIVE;
	if (argc != 1) {
		rc = sg_usage_error("hook", "pre-receive takes no arguments");
		goto done;
	}
	rc = sg_hook_read_stdin(&input, "pre-receive");
	if (rc)
		goto done;
	if (sg_hookinput_parse_receive(&updates, "pre-receive input", input.ptr, input.len) < 0 ||
	    load_server_policy(ctx, &gate, &said, &updates) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	view.policy_said = said.ptr;
	if (sg_hook_collect_push(&tips, &view, &gate, ctx, &updates,
				  "the hook must see git's object quarantine: run it as git runs hooks, with GIT_DIR, GIT_OBJECT_DIRECTORY and GIT_ALTERNATE_OBJECT_DIRECTORIES as git sets them", 0) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	if (!tips.push.nr) {
		if (!ctx->quiet && updates.nr)
			fprintf(stderr, "sdlgate pre-receive: nothing to check (deletions, notes or non-commits only)\n");
		rc = SG_EXIT_PASS;
		goto done;
	}
	/* the refs are not moved yet: what they reach is what the server has */
	if (sg_refs_list_commits(&tips.hide, ctx->repo, "refs/") < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	if (updates.nr == 1 && !sg_refs_peel_commit(old, ctx->repo, updates.items[0].old_oid))
		gate.base_oid = sg_xstrdup(old);
	if (sg_gate_run_tips(&report, ctx, &gate, &tips) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	if (sg_report_passed(&report) && check_next_policy(ctx, &updates) < 0) {
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
	sg_buf_release(&said);
	return rc;
}
