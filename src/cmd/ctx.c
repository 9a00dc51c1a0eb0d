#include "cmd.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "policy/policy.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/sha256.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define POLICY_NAME ".sdlgate.yml"

int sg_ctx_fail(void)
{
	const char *hint = sg_error_hint_text();

	fprintf(stderr, "sdlgate: %s\n", sg_error_message());
	if (hint)
		fprintf(stderr, "hint: %s\n", hint);
	return sg_error_kind() == SG_ERROR_REPO ? SG_EXIT_REPO : SG_EXIT_INPUT;
}

/* extends: a path in the repository, read from where the policy came from */
struct policy_source {
	struct sg_repo *repo;
	struct sg_snapshot *snap;   /* NULL: the working tree */
	const char *dir;            /* the working tree root */
};

static int read_extends(struct sg_buf *out, const char *path, void *payload)
{
	struct policy_source *src = payload;
	struct sg_buf full = SG_BUF_INIT;
	int rc;

	if (strstr(path, "..") || path[0] == '/') {
		sg_error_set("'extends: %s' must be a path inside the repository", path);
		return -1;
	}
	if (src->snap)
		return sg_snapshot_read(out, src->snap, path, SG_POLICY_MAX_SIZE);
	sg_buf_addf(&full, "%s%s", src->dir, path);
	if (!sg_fs_exists(full.ptr)) {
		sg_buf_release(&full);
		return 1;
	}
	rc = sg_fs_read(out, full.ptr, SG_POLICY_MAX_SIZE);
	sg_buf_release(&full);
	return rc;
}

static int parse_policy(struct sg_ctx *ctx, const char *name, struct sg_buf *text,
			struct policy_source *src)
{
	sg_policy_free(ctx->policy);
	ctx->policy = NULL;
	sg_sha256_hex(ctx->policy_sha256, text->ptr, text->len);
	return sg_policy_parse(&ctx->policy, name, text->ptr, text->len,
			       read_extends, src);
}

int sg_ctx_load_policy_rev(struct sg_ctx *ctx, const char *rev)
{
	struct sg_buf text = SG_BUF_INIT, from = SG_BUF_INIT, name = SG_BUF_INIT;
	struct policy_source src = { ctx->repo, NULL, NULL };
	int rc, error = -1;

	if (sg_snapshot_from_rev(&src.snap, ctx->repo, rev) < 0)
		goto done;
	rc = sg_snapshot_read(&text, src.snap, POLICY_NAME, SG_POLICY_MAX_SIZE);
	if (rc < 0)
		goto done;
	if (rc > 0) {
		sg_error_set("no policy: '%s' does not exist in revision '%s'", POLICY_NAME, rev);
		sg_error_hint("commit a policy first ('sdlgate init' writes one), or use --policy-from with a revision that has one");
		goto done;
	}
	sg_buf_addf(&name, "%s:%s", rev, POLICY_NAME);
	if (parse_policy(ctx, name.ptr, &text, &src) < 0)
		goto done;
	sg_buf_addf(&from, "rev:%s", rev);
	free(ctx->policy_from);
	ctx->policy_from = sg_buf_detach(&from);
	error = 0;
done:
	sg_snapshot_free(src.snap);
	sg_buf_release(&text);
	sg_buf_release(&from);
	sg_buf_release(&name);
	return error;
}

int sg_ctx_load_policy(struct sg_ctx *ctx)
{
	struct sg_buf text = SG_BUF_INIT, path = SG_BUF_INIT;
	struct policy_source src = { ctx->repo, NULL, NULL };
	const char *workdir = sg_repo_workdir(ctx->repo);
	int error = -1;

	if (ctx->policy_rev)
		return sg_ctx_load_policy_rev(ctx, ctx->policy_rev);
	if (ctx->policy_file) {
		if (sg_fs_read(&text, ctx->policy_file, SG_POLICY_MAX_SIZE) < 0)
			goto done;
		src.dir = workdir ? workdir : "";
		if (parse_policy(ctx, ctx->policy_file, &text, &src) < 0)
			goto done;
		ctx->policy_from = sg_xstrdup("file");
		error = 0;
		goto done;
	}
	if (!workdir)
		return sg_ctx_load_policy_rev(ctx, "HEAD");

	sg_buf_addf(&path, "%s%s", workdir, POLICY_NAME);
	if (!sg_fs_exists(path.ptr)) {
		sg_error_set("no policy: '%s' not found at the top of the working tree", POLICY_NAME);
		sg_error_hint("run 'sdlgate init' to write a starter policy, or name one with --policy FILE");
		goto done;
	}
	if (sg_fs_read(&text, path.ptr, SG_POLICY_MAX_SIZE) < 0)
		goto done;
	src.dir = workdir;
	if (parse_policy(ctx, POLICY_NAME, &text, &src) < 0)
		goto done;
	ctx->policy_from = sg_xstrdup("worktree");
	error = 0;
done:
	sg_buf_release(&text);
	sg_buf_release(&path);
	return error;
}

static int want_color(const struct sg_ctx *ctx)
{
	const char *term = getenv("TERM");

	if (!strcmp(ctx->color, "always"))
		return 1;
	if (!strcmp(ctx->color, "never") || ctx->output || getenv("NO_COLOR"))
		return 0;
	return isatty(STDOUT_FILENO) && term && strcmp(term, "dumb");
}

int sg_ctx_emit(struct sg_ctx *ctx, struct sg_report *report)
{
	const struct sg_reporter *reporter = sg_reporter_find(ctx->format);
	struct sg_buf out = SG_BUF_INIT;
	int rc;

	report->tool_version = SDLGATE_VERSION;
	free(report->policy_path);
	free(report->product);
	free(report->profile);
	free(report->policy_from);
	report->policy_path = report->product = report->profile = NULL;
	if (ctx->policy) {
		report->policy_path = sg_xstrdup(ctx->policy->path);
		report->product = ctx->policy->product ? sg_xstrdup(ctx->policy->product) : NULL;
		report->profile = ctx->policy->extends ? sg_xstrdup(ctx->policy->extends) : NULL;
	}
	report->policy_from = ctx->policy_from ? sg_xstrdup(ctx->policy_from) : NULL;
	memcpy(report->policy_sha256, ctx->policy_sha256, sizeof(report->policy_sha256));
	report->color = want_color(ctx);

	if (reporter->write(&out, report) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	if (ctx->output) {
		if (sg_fs_write_atomic(ctx->output, out.ptr, out.len) < 0) {
			rc = sg_ctx_fail();
			goto done;
		}
	} else if (!ctx->quiet || !sg_report_passed(report)) {
		fwrite(out.ptr, 1, out.len, stdout);
		fflush(stdout);
	}
	rc = sg_report_passed(report) ? SG_EXIT_PASS : SG_EXIT_FAIL;
done:
	sg_buf_release(&out);
	return rc;
}
