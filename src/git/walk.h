#ifndef SG_GIT_WALK_H
#define SG_GIT_WALK_H

struct sg_change;
struct sg_repo;
struct sg_strlist;

/*
 * A streaming walk over commits: push the tips, hide what the other side
 * already has, then take one change at a time. Each change carries its
 * changed paths (renames under both names) and its tree; nothing of the
 * whole history is kept, so memory does not grow with its length.
 */
struct sg_walk;

int sg_walk_new(struct sg_walk **out, struct sg_repo *repo);
void sg_walk_free(struct sg_walk *walk);

/* Walk the commits reachable from `oid` (full hex). */
int sg_walk_push(struct sg_walk *walk, const char *oid);
/* Leave out the commits reachable from `oid` (full hex). */
int sg_walk_hide(struct sg_walk *walk, const char *oid);
/*
 * Walk exactly the commits of `oids` (full hex, in that order) instead of
 * pushed and hidden tips: a range computed elsewhere (a shallow clone's
 * merge request, see git/mergebase.h). The list is copied.
 */
void sg_walk_set_list(struct sg_walk *walk, const struct sg_strlist *oids);

/* Leave out the commits reachable from every ref matching `glob`. */
int sg_walk_hide_glob(struct sg_walk *walk, const char *glob);

/*
 * Set up "A..B" (or "B" alone: its whole history). *base and *head get
 * the resolved full oids (base NULL without A); the caller frees them.
 */
int sg_walk_range(struct sg_walk *walk, const char *range, char **base,
		  char **head);

/*
 * The next change, newest first (git log order): 0 with *out (free with
 * sg_change_free), 1 at the end, -1 on error. A shallow boundary inside
 * the walk is an error: the history the check needs is not there.
 * The signature matches struct sg_change_source.
 */
int sg_walk_next(struct sg_change **out, void *walk);

/*
 * The staged change: the index against HEAD (an unborn HEAD is the
 * empty tree), with `message` (NULL at pre-commit). With `amend` the
 * commit being made replaces HEAD, so the index is compared with HEAD's
 * parent (the empty tree for a root commit).
 */
int sg_change_staged(struct sg_change **out, struct sg_repo *repo, int amend,
		     const char *message, char comment_char);

#endif
