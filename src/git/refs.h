#ifndef SG_GIT_REFS_H
#define SG_GIT_REFS_H

#include <stddef.h>

struct sg_repo;
struct sg_strlist;

/*
 * Refs and objects as the push gates need them: what HEAD names, whether
 * a pushed object is a commit we have, and whether a remote is known.
 */

/*
 * The ref HEAD points at ("refs/heads/main"), born or not: 0 with *out
 * (caller frees), 1 when HEAD is detached, -1 on error.
 */
int sg_refs_head_target(char **out, struct sg_repo *repo);

/*
 * Peel the object `oid` (full hex; a commit or a tag) to a commit:
 * 0 with its full hex oid in `out`, 1 when the object does not lead to a
 * commit (a tag of a tree), 2 when it is not in the repository (or the
 * name is not an object name). No error is recorded.
 */
int sg_refs_peel_commit(char out[41], struct sg_repo *repo, const char *oid);

/*
 * Append the commit of every ref whose name starts with `prefix`
 * ("refs/remotes/origin/", "refs/"). Refs that lead to no commit (a tag
 * of a blob, a dangling symbolic ref) are left out. Returns 0, or -1 with
 * an error.
 */
int sg_refs_list_commits(struct sg_strlist *out, struct sg_repo *repo,
			 const char *prefix);

/* The number of parents of commit `oid`, or -1 with an error. */
int sg_refs_commit_parents(struct sg_repo *repo, const char *oid);

/* 1 when `name` is a remote configured in the repository. */
int sg_refs_remote_exists(struct sg_repo *repo, const char *name);

#endif
