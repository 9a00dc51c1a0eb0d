#include "git/mergebase.h"
#include "git/repo.h"
#include "util/error.h"

#include <git2.h>
#include <stdio.h>
#include <string.h>

int sg_error_shallow(const char *what)
{
	sg_error_set_repo("%s: the clone is shallow and the history the check needs is cut off",
			  what);
	sg_error_hint("fetch the whole history: run 'git fetch --unshallow' (and fetch the target branch); in GitLab CI set 'GIT_DEPTH: 0', in GitHub Actions 'fetch-depth: 0' on actions/checkout");
	return -1;
}

int sg_repo_resolve_target(char out[41], struct sg_repo *repo, const char *rev)
{
	char what[512];

	if (sg_repo_resolve_commit(out, repo, rev) == 0)
		return 0;
	if (!sg_repo_is_shallow(repo))
		return -1;
	/* in a shallow CI clone the target is usually just not fetched */
	snprintf(what, sizeof(what), "the merge request's target '%s' is not in this clone", rev);
	return sg_error_shallow(what);
}

int sg_repo_merge_base(char out[41], struct sg_repo *repo, const char *target,
		       const char *head)
{
	git_oid t, h, base;
	char what[256];
	int rc;

	if (git_oid_fromstr(&t, target) < 0 || git_oid_fromstr(&h, head) < 0)
		return sg_error_set_repo("invalid object id '%s' or '%s'", target, head);
	rc = git_merge_base(&base, sg_repo_git(repo), &t, &h);
	if (rc == 0) {
		git_oid_tostr(out, 41, &base);
		return 0;
	}
	/*
	 * libgit2 reads shallow clones as if the cut-off parents were
	 * missing objects: any failure here, in a shallow repository, is the
	 * cut, whatever libgit2 calls it.
	 */
	if (sg_repo_is_shallow(repo)) {
		snprintf(what, sizeof(what), "no merge base of %.7s (target) and %.7s (head) in this clone",
			 target, head);
		return sg_error_shallow(what);
	}
	if (rc == GIT_ENOTFOUND) {
		sg_error_set_repo("the target %.7s and the head %.7s have no common history", target, head);
		sg_error_hint("is --base the branch the merge request goes into? check with 'git merge-base %s %s'",
			      target, head);
		return -1;
	}
	return sg_error_from_git("cannot find the merge base of %.7s and %.7s", target, head);
}
