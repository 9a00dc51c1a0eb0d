#ifndef SG_GIT_REACH_H
#define SG_GIT_REACH_H

#include <stddef.h>

struct sg_repo;

/*
 * Ancestry for judging whether a review is current, safe in shallow
 * clones: libgit2 1.5 knows nothing of a clone's cut and fails (and
 * leaks) when a walk reaches it, so in a shallow clone the graph is
 * walked here, over what the clone holds (which is little), never asking
 * for a cut-off commit.
 */

/*
 * Mark which of the `n` commits `oids` (full hex) are `from` or one of its
 * ancestors: found[i] = 1 or 0. One walk from `from` for all of them,
 * stopping as soon as every one is found, and (in a full clone) leaving
 * out what `hide` (may be NULL) reaches; so checking a whole change set
 * against one reviewed commit costs one walk over the change set, not one
 * per commit. Returns 0, or -1 with a repository error.
 */
int sg_repo_reachable(unsigned char *found, struct sg_repo *repo, const char *from,
		      const char *const *oids, size_t n, const char *hide);

/*
 * 1 when `ancestor` is `descendant` or one of its ancestors, 0 when not
 * (or when the clone's cut hides the answer), -1 on a repository error.
 */
int sg_repo_contains(struct sg_repo *repo, const char *descendant,
		     const char *ancestor);

#endif
