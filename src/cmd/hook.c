#include "cmd/hook.h"
#include "cmd.h"
#include "cmd/amend.h"
#include "cmd/gate_setup.h"
#include "git/hookinput.h"
#include "git/repo.h"
#include "policy/policy.h"
#include "report/report.h"
#include "rules/gate.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * `sdlgate hook NAME [ARGS]`: the entry the hooks/ wrappers call, with
 * git's arguments and standard input as githooks(5) gives them. The
 * repository is opened from git's environment (GIT_DIR, GIT_INDEX_FILE of
 * `git commit -a`, the object quarantine of pre-receive).
 */

int sg_hook_read_stdin(struct sg_buf *out, const char *hook)
{
	struct sg_buf name = SG_BUF_INIT;
	int rc = 0;

	if (isatty(STDIN_FILENO)) {
		sg_buf_release(&name);
		return sg_usage_error("hook", "%s reads git's ref lines on standard input; run it from git (githooks(5))",
				      hook);
	}
	sg_buf_addf(&name, "%s input", hook);
	if (sg_fs_read_fd(out, STDIN_FILENO, name.ptr, SG_HOOKINPUT_MAX_SIZE) < 0)
		rc = sg_ctx_fail();
	sg_buf_release(&name);
	return rc;
}

/*
 * Concluding a merge: with scope.merges: skip (the default) a merge is
 * not a change of its own, as in every range check; its commits were or
 * will be checked on their own.
 */
static int skipped_merge(struct sg_ctx *ctx, const char *hook)
{
	struct sg_buf path = SG_BUF_INIT;
	int merging;

	sg_buf_addf(&path, "%sMERGE_HEAD", sg_repo_gitdir(ctx->repo));
	merging = sg_fs_exists(path.ptr);
	sg_buf_release(&path);
	if (!merging || ctx->policy->merges_check)
		return 0;
	if (!ctx->quiet)
		fprintf(stderr, "sdlgate %s: a merge commit: not checked (scope.merges: skip); the merged commits are checked on their own\n",
			hook);
	return 1;
}

/*
 * The commit hooks run at every commit: a pass without findings is one
 * line that still names the rules not evaluated at this gate. Findings,
 * another format or --output give the full report, as `check` prints it.
 */
static int emit_commit_gate(struct sg_ctx *ctx, struct sg_report *report,
			    const char *hook)
{
	struct sg_buf line = SG_BUF_INIT;
	size_t i, n = 0;

	if (strcmp(ctx->format, "text") || ctx->output || ctx->quiet ||
	    report->findings.nr || !sg_report_passed(report))
		return sg_ctx_emit(ctx, report);
	sg_buf_addf(&line, "sdlgate %s: passed, policy %s", hook, ctx->policy->path);
	for (i = 0; i < report->rules_nr; i++)
		if (report->rules[i].state == SG_RULE_NOT_EVALUATED)
			sg_buf_addf(&line, "%s%s", n++ ? ", " : " (not evaluated here: ",
				    report->rules[i].id);
	printf("%s%s\n", line.ptr, n ? ")" : "");
	fflush(stdout);
	sg_buf_release(&line);
	return SG_EXIT_PASS;
}

static int run_commit_gate(struct sg_ctx *ctx, const char *hook,
			   enum sg_gate_mode mode, const char *message, int amend)
{
	struct sg_report report;
	int rc;

	memset(&report, 0, sizeof(report));
	if (sg_gate_run_staged(&report, ctx, mode, message, amend) < 0)
		rc = sg_ctx_fail();
	else
		rc = emit_commit_gate(ctx, &report, hook);
	sg_report_release(&report);
	return rc;
}

static int hook_pre_commit(int argc, char **argv, struct sg_ctx *ctx)
{
	(void)argv;
	if (argc != 1)
		return sg_usage_error("hook", "pre-commit takes no arguments");
	if (sg_ctx_load_policy(ctx) < 0)
		return sg_ctx_fail();
	if (skipped_merge(ctx, "pre-commit"))
		return SG_EXIT_PASS;
	/* git runs pre-commit before it says (to prepare-commit-msg) that this is an amend */
	return run_commit_gate(ctx, "pre-commit", SG_GATE_STAGED, NULL, 0);
}

/* The logic of `sdlgate commit-msg FILE`, with the hooks' brief pass. */
static int hook_commit_msg(int argc, char **argv, struct sg_ctx *ctx)
{
	struct sg_buf clean = SG_BUF_INIT;
	int rc, amend;

	if (argc != 2)
		return sg_usage_error("hook", "commit-msg takes the message FILE git names");
	amend = sg_amend_take(ctx);
	if (sg_ctx_load_policy(ctx) < 0)
		return sg_ctx_fail();
	if (skipped_merge(ctx, "commit-msg"))
		return SG_EXIT_PASS;
	if (sg_commit_msg_read(&clean, ctx, argv[1]) < 0)
		rc = sg_ctx_fail();
	else
		rc = run_commit_gate(ctx, "commit-msg", SG_GATE_COMMIT_MSG, clean.ptr, amend);
	sg_buf_release(&clean);
	return rc;
}

/*
 * prepare-commit-msg: FILE [SOURCE [OID]] from git, or the pre-commit
 * framework's PRE_COMMIT_COMMIT_MSG_SOURCE / PRE_COMMIT_COMMIT_OBJECT_NAME.
 * It only tells commit-msg whether the commit amends HEAD, and never
 * fails: git runs it even for 'git commit --no-verify'.
 */
static int hook_prepare_commit_msg(int argc, char **argv, struct sg_ctx *ctx)
{
	const char *source = argc > 2 ? argv[2] : getenv("PRE_COMMIT_COMMIT_MSG_SOURCE");
	const char *oid = argc > 3 ? argv[3] : getenv("PRE_COMMIT_COMMIT_OBJECT_NAME");

	if (argc < 2 || argc > 4)
		return sg_usage_error("hook", "prepare-commit-msg takes FILE [SOURCE [OID]] as git passes them");
	sg_amend_mark(ctx, source, oid);
	return SG_EXIT_PASS;
}

static const struct hook {
	const char *name;
	int (*fn)(int argc, char **argv, struct sg_ctx *ctx);
} hooks[] = {
	{ "pre-commit", hook_pre_commit },
	{ "prepare-commit-msg", hook_prepare_commit_msg },
	{ "commit-msg", hook_commit_msg },
	{ "pre-push", sg_hook_pre_push },
	{ "pre-receive", sg_hook_pre_receive },
	{ NULL, NULL },
};

int cmd_hook(int argc, char **argv, struct sg_ctx *ctx)
{
	const struct hook *h;

	if (argc < 2)
		return sg_usage_error("hook", "name the hook: pre-commit, prepare-commit-msg, commit-msg, pre-push or pre-receive");
	for (h = hooks; h->name; h++)
		if (!strcmp(h->name, argv[1]))
			return h->fn(argc - 1, argv + 1, ctx);
	return sg_usage_error("hook", "'%s' is not a hook sdlgate runs as (pre-commit, prepare-commit-msg, commit-msg, pre-push, pre-receive)",
			      argv[1]);
}
