#ifndef SG_GIT_TREEDIFF_H
#define SG_GIT_TREEDIFF_H

#include <git2.h>

struct sg_strlist;

/*
 * Append to `out` every path that differs between two trees (either may
 * be NULL: the empty tree): added, deleted, modified and type-changed
 * files. A rename appears under both names, as a deletion and an
 * addition, which is all the gate needs of it.
 *
 * This is git's own tree walk (tree-diff.c): a merge of two sorted entry
 * lists that skips every subtree whose id did not change, so its cost is
 * bounded by the size of the change, not of the repository. It is several
 * times cheaper than git_diff_tree_to_tree, which builds a full delta list
 * through iterators. Returns 0 or a libgit2 error code.
 */
int sg_tree_changed_paths(struct sg_strlist *out, git_repository *repo,
			  const git_tree *old_tree, const git_tree *new_tree);

#endif
