#ifndef SG_GIT_MERGEBASE_H
#define SG_GIT_MERGEBASE_H

struct sg_repo;
struct sg_strlist;

/*
 * The history a merge request needs: its target and the merge base.
 * A shallow clone that hides any of it is a repository error (exit 3)
 * that says the clone is shallow and gives the fix; the gate never runs
 * on part of the history.
 */

/*
 * Resolve the merge request's target (`rev`: "origin/main", a sha from the
 * CI) to a commit's full hex oid. In a shallow clone an unknown revision
 * is reported as history the clone does not have.
 */
int sg_repo_resolve_target(char out[41], struct sg_repo *repo, const char *rev);

/*
 * The best common ancestor of `target` and `head` (full hex oids). No
 * common ancestor, or one hidden behind a shallow boundary, is a
 * repository error naming the revisions.
 */
int sg_repo_merge_base(char out[41], struct sg_repo *repo, const char *target,
		       const char *head);

/*
 * In a shallow clone: the commits of `head` that `target` does not reach,
 * newest first, into `out` (full hex oids), and the merge base (the newest
 * commit of the target's history they come from) into `base`. Any commit
 * of that range, or the merge base, cut off by the clone is a repository
 * error that says so; when `head` is in the target's history the range is
 * empty and `base` is `head`.
 */
int sg_repo_shallow_range(struct sg_strlist *out, char base[41], struct sg_repo *repo,
			  const char *target, const char *head);

/*
 * Record the repository error for history cut off by a shallow clone:
 * "<what>: the clone is shallow" with the hint that fixes it (git fetch
 * --unshallow, GIT_DEPTH: 0 in GitLab, fetch-depth: 0 in GitHub Actions).
 * Returns -1.
 */
int sg_error_shallow(const char *what);

#endif
