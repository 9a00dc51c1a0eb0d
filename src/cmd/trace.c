#include "cmd.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "model/trace.h"
#include "policy/policy.h"
#include "report/evidence.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <stdio.h>
#include <string.h>

/* sdlgate trace [REV] [--format markdown|html|json]: the matrix alone. */

static int write_matrix(struct sg_buf *out, const char *format,
			const struct sg_evidence *ev)
{
	if (!strcmp(format, "json"))
		return sg_trace_write_json(out, ev);
	if (!strcmp(format, "html"))
		return sg_trace_write_html(out, ev);
	return sg_trace_write_md(out, ev);
}

int cmd_trace(int argc, char **argv, struct sg_ctx *ctx)
{
	struct sg_snapshot *snap = NULL;
	struct sg_trace *trace = NULL;
	struct sg_evidence ev;
	struct sg_buf out = SG_BUF_INIT;
	const char *rev = NULL;
	char head[41], short_oid[8];
	int i, rc = SG_EXIT_PASS;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1])
			return sg_usage_error("trace", "unknown option '%s'", argv[i]);
		if (rev)
			return sg_usage_error("trace", "one revision only");
		rev = argv[i];
	}
	/* text is the default of every command: for the matrix it is markdown */
	if (strcmp(ctx->format, "text") && strcmp(ctx->format, "markdown") &&
	    strcmp(ctx->format, "html") && strcmp(ctx->format, "json"))
		return sg_usage_error("trace", "--format must be markdown, html or json, not '%s'",
				      ctx->format);
	if (sg_repo_resolve_commit(head, ctx->repo, rev ? rev : "HEAD") < 0)
		goto fail;
	snprintf(short_oid, sizeof(short_oid), "%.7s", head);
	if (((ctx->policy_file || ctx->policy_rev) ? sg_ctx_load_policy(ctx) :
	     sg_ctx_load_policy_rev(ctx, short_oid)) < 0 ||
	    sg_snapshot_from_commit(&snap, ctx->repo, head) < 0 ||
	    sg_trace_build(&trace, ctx->repo, snap, head, ctx->policy,
			   SG_TRACE_COMMITS) < 0)
		goto fail;
	memset(&ev, 0, sizeof(ev));
	ev.trace = trace;
	ev.policy = ctx->policy;
	ev.tool_version = SDLGATE_VERSION;
	ev.head = head;
	if (write_matrix(&out, ctx->format, &ev) < 0)
		goto fail;
	if (ctx->output) {
		if (sg_fs_write_atomic(ctx->output, out.ptr, out.len) < 0)
			goto fail;
	} else if (!ctx->quiet) {
		fwrite(out.ptr, 1, out.len, stdout);
	}
	goto done;
fail:
	rc = sg_ctx_fail();
done:
	sg_buf_release(&out);
	sg_trace_free(trace);
	sg_snapshot_free(snap);
	return rc;
}
