#include "cmd/amend.h"
#include "cmd.h"
#include "git/repo.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define AMEND_MARK "sdlgate-amend"

static void mark_path(struct sg_buf *out, struct sg_ctx *ctx)
{
	sg_buf_addf(out, "%s%s", sg_repo_gitdir(ctx->repo), AMEND_MARK);
}

/* HEAD's oid, or 0 when HEAD has no commit (nothing to amend). */
static int head_oid(char out[41], struct sg_ctx *ctx)
{
	if (sg_repo_head_unborn(ctx->repo) ||
	    sg_repo_resolve_commit(out, ctx->repo, "HEAD") < 0) {
		sg_error_clear();
		return 0;
	}
	return 1;
}

/* `name` (git passes "HEAD" for --amend, an oid for -c/-C) names HEAD's commit. */
static int names_head(struct sg_ctx *ctx, const char *name, const char *head)
{
	char oid[41];

	if (sg_repo_resolve_commit(oid, ctx->repo, name) < 0) {
		sg_error_clear();
		return 0;
	}
	return !strcmp(oid, head);
}

void sg_amend_mark(struct sg_ctx *ctx, const char *source, const char *name)
{
	struct sg_buf path = SG_BUF_INIT, line = SG_BUF_INIT;
	char head[41];

	mark_path(&path, ctx);
	if (source && name && !strcmp(source, "commit") && head_oid(head, ctx) &&
	    names_head(ctx, name, head)) {
		sg_buf_addf(&line, "%s\n", head);
		if (sg_fs_write_atomic(path.ptr, line.ptr, line.len) < 0) {
			fprintf(stderr, "sdlgate prepare-commit-msg: warning: %s; commit-msg will compare this amend with HEAD, not its parent\n",
				sg_error_message());
			sg_error_clear();
		}
	} else {
		unlink(path.ptr);
	}
	sg_buf_release(&path);
	sg_buf_release(&line);
}

int sg_amend_take(struct sg_ctx *ctx)
{
	struct sg_buf path = SG_BUF_INIT, data = SG_BUF_INIT;
	char head[41];
	int amend = 0;

	mark_path(&path, ctx);
	if (sg_fs_exists(path.ptr)) {
		if (sg_fs_read(&data, path.ptr, 64) == 0 && head_oid(head, ctx))
			amend = data.len >= 40 && !strncmp(data.ptr, head, 40);
		sg_error_clear();
		unlink(path.ptr);
	}
	sg_buf_release(&path);
	sg_buf_release(&data);
	return amend;
}
