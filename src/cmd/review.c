#include "cmd.h"
#include "cmd/gate_setup.h"
#include "git/change.h"
#include "git/repo.h"
#include "git/walk.h"
#include "model/review.h"
#include "policy/policy.h"
#include "rules/review_cover.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <stdlib.h>
#include <string.h>

/*
 * sdlgate review template [--range A..B]: a design review record for a
 * change set with what the history already says filled in. Without
 * --range: the branch's upstream..HEAD, else the last commit.
 */

static char *default_range(struct sg_repo *repo)
{
	char oid[41];

	if (sg_repo_resolve_commit(oid, repo, "@{upstream}") == 0)
		return sg_xstrdup("@{upstream}..HEAD");
	sg_error_clear();
	if (sg_repo_resolve_commit(oid, repo, "HEAD^") == 0)
		return sg_xstrdup("HEAD^..HEAD");
	sg_error_clear();
	return sg_xstrdup("HEAD");
}

/* The paths needing a review that the range touches, and its size. */
static int collect(struct sg_strlist *paths, size_t *changes, struct sg_walk *walk,
		   const struct sg_policy *policy)
{
	struct sg_change *change = NULL;
	int rc;

	*changes = 0;
	while ((rc = sg_walk_next(&change, walk)) == 0) {
		if (change->parents < 2 || policy->merges_check) {
			sg_review_paths_needing_review(paths, policy, &change->paths);
			(*changes)++;
		}
		sg_change_free(change);
		change = NULL;
	}
	sg_strlist_sort(paths);
	return rc < 0 ? -1 : 0;
}

static int template(struct sg_ctx *ctx, const char *range_arg)
{
	struct sg_walk *walk = NULL;
	struct sg_strlist paths = SG_STRLIST_INIT;
	struct sg_buf out = SG_BUF_INIT, desc = SG_BUF_INIT;
	char *range = range_arg ? sg_xstrdup(range_arg) : default_range(ctx->repo);
	char *base = NULL, *head = NULL;
	size_t changes;
	int rc;

	if (!ctx->policy->design_review.present) {
		sg_error_set("the policy has no 'design_review' section: there is nothing to review against");
		sg_error_hint("add design_review (triggers, records or notes_ref, criteria) to %s; see 'sdlgate explain design-review'",
			      ctx->policy->path);
		rc = sg_ctx_fail();
		goto done;
	}
	if (sg_walk_new(&walk, ctx->repo) < 0 ||
	    sg_walk_range(walk, range, &base, &head) < 0 ||
	    collect(&paths, &changes, walk, ctx->policy) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	if (base)
		sg_buf_addf(&desc, "%.12s..%.12s", base, head);
	else
		sg_buf_addf(&desc, "%.12s", head);
	sg_buf_addf(&desc, " ('%s')", range);
	sg_review_template(&out, &ctx->policy->design_review, sg_today(), head,
			   &paths, desc.ptr, changes);
	if (ctx->output) {
		if (sg_fs_write_atomic(ctx->output, out.ptr, out.len) < 0) {
			rc = sg_ctx_fail();
			goto done;
		}
	} else {
		fwrite(out.ptr, 1, out.len, stdout);
	}
	rc = SG_EXIT_PASS;
done:
	sg_walk_free(walk);
	sg_strlist_release(&paths);
	sg_buf_release(&out);
	sg_buf_release(&desc);
	free(range);
	free(base);
	free(head);
	return rc;
}

int cmd_review(int argc, char **argv, struct sg_ctx *ctx)
{
	const char *range = NULL;
	int i;

	if (argc < 2)
		return sg_usage_error("review", "say what to do: 'sdlgate review template [--range A..B]'");
	if (strcmp(argv[1], "template"))
		return sg_usage_error("review", "unknown subcommand '%s'", argv[1]);
	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--range") && i + 1 < argc)
			range = argv[++i];
		else if (!strncmp(argv[i], "--range=", 8))
			range = argv[i] + 8;
		else
			return sg_usage_error("review", "unknown argument '%s'", argv[i]);
	}
	return template(ctx, range);
}
