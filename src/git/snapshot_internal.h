#ifndef SG_GIT_SNAPSHOT_INTERNAL_H
#define SG_GIT_SNAPSHOT_INTERNAL_H

/* For src/git only: snapshots from libgit2 objects the caller already has. */

#include <git2.h>

struct sg_repo;
struct sg_snapshot;

/* Take ownership of `tree` (the tree of commit `oid_hex`). */
struct sg_snapshot *sg_snapshot_wrap_tree(struct sg_repo *repo, git_tree *tree,
					  const char *oid_hex);

/* 1 when `oid` is listed in the repository's shallow file. */
int sg_commit_is_shallow(struct sg_repo *repo, const git_oid *oid);

#endif
