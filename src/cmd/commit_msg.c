#include "cmd.h"
#include "cmd/amend.h"
#include "cmd/gate_setup.h"
#include "git/cleanup.h"
#include "git/repo.h"
#include "rules/gate.h"
#include "util/buf.h"
#include "util/fs.h"

#include <stdlib.h>
#include <string.h>

#define MESSAGE_MAX_SIZE (1024 * 1024)

int sg_commit_msg_read(struct sg_buf *clean, struct sg_ctx *ctx,
		       const char *file)
{
	struct sg_buf raw = SG_BUF_INIT;
	enum sg_cleanup_mode mode = SG_CLEANUP_STRIP;
	char *cfg;
	int error = -1;

	if (sg_fs_read(&raw, file, MESSAGE_MAX_SIZE) < 0)
		goto done;
	cfg = sg_repo_config_string(ctx->repo, "commit.cleanup");
	if (cfg && sg_cleanup_mode_parse(&mode, cfg) < 0)
		mode = SG_CLEANUP_STRIP;
	free(cfg);
	error = sg_message_cleanup(clean, raw.ptr, raw.len,
				   sg_repo_comment_char(ctx->repo), mode);
done:
	sg_buf_release(&raw);
	return error;
}

/*
 * The commit-msg hook: git passes the file holding the message as the
 * user wrote it; check it as git will store it (commit.cleanup,
 * core.commentChar), against the registry of the index.
 */
int cmd_commit_msg(int argc, char **argv, struct sg_ctx *ctx)
{
	struct sg_buf clean = SG_BUF_INIT;
	int rc;

	if (argc != 2)
		return sg_usage_error("commit-msg", "expected exactly one message FILE");
	if (sg_commit_msg_read(&clean, ctx, argv[1]) < 0)
		rc = sg_ctx_fail();
	else
		rc = sg_run_staged_gate(ctx, SG_GATE_COMMIT_MSG, clean.ptr,
					sg_amend_take(ctx));
	sg_buf_release(&clean);
	return rc;
}
