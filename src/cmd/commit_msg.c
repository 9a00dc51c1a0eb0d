#include "cmd.h"
#include "cmd/gate_setup.h"
#include "git/cleanup.h"
#include "git/repo.h"
#include "rules/gate.h"
#include "util/buf.h"
#include "util/fs.h"

#include <stdlib.h>
#include <string.h>

#define MESSAGE_MAX_SIZE (1024 * 1024)

/*
 * The commit-msg hook: git passes the file holding the message as the
 * user wrote it; check it as git will store it (commit.cleanup,
 * core.commentChar), against the registry of the index.
 */
int cmd_commit_msg(int argc, char **argv, struct sg_ctx *ctx)
{
	struct sg_buf raw = SG_BUF_INIT, clean = SG_BUF_INIT;
	enum sg_cleanup_mode mode = SG_CLEANUP_STRIP;
	char *cfg;
	int rc;

	if (argc != 2)
		return sg_usage_error("commit-msg", "expected exactly one message FILE");
	if (sg_fs_read(&raw, argv[1], MESSAGE_MAX_SIZE) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	cfg = sg_repo_config_string(ctx->repo, "commit.cleanup");
	if (cfg && sg_cleanup_mode_parse(&mode, cfg) < 0)
		mode = SG_CLEANUP_STRIP;
	free(cfg);
	if (sg_message_cleanup(&clean, raw.ptr, raw.len,
			       sg_repo_comment_char(ctx->repo), mode) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	rc = sg_run_staged_gate(ctx, SG_GATE_COMMIT_MSG, clean.ptr);
done:
	sg_buf_release(&raw);
	sg_buf_release(&clean);
	return rc;
}
