#ifndef SG_GIT_TAG_H
#define SG_GIT_TAG_H

struct sg_repo;

/*
 * Release tags: finding the previous release and creating the new one.
 * A tag pattern is a shell glob (fnmatch) on the tag's short name, as
 * release.tag_pattern says ('v*' matches "v1.2" and "v1.2-rc1").
 */

/* 1 when the short tag name matches the glob. */
int sg_tag_matches(const char *pattern, const char *name);

/*
 * The previous release of `head_oid`: among the tags matching `pattern`
 * whose commit `head` contains and that do not point at `head` itself,
 * the one nearest to head (no other candidate lies between it and head);
 * ties go to the newer commit, then to the greater name, so the answer
 * never depends on the order tags are listed in.
 * Returns 0 with *name (caller frees) and `oid`, 1 when there is none,
 * -1 on a repository error.
 */
int sg_tag_previous(char **name, char oid[41], struct sg_repo *repo,
		    const char *head_oid, const char *pattern);

/* 1 when refs/tags/NAME exists, 0 when not. */
int sg_tag_exists(struct sg_repo *repo, const char *name);

/* 1 when NAME is a valid tag name for git ("v1.2", not "v1..2"). */
int sg_tag_name_valid(const char *name);

/*
 * Create the annotated tag NAME on commit `target_oid` with `message`.
 * The tagger is $GIT_COMMITTER_NAME/$GIT_COMMITTER_EMAIL when both are
 * set, as git does, else user.name/user.email. Never moves an existing
 * tag. Returns 0 with the tag object's oid in `out`, or -1 (a missing
 * identity is an environment error with a hint).
 */
int sg_tag_create(char out[41], struct sg_repo *repo, const char *name,
		  const char *target_oid, const char *message);

#endif
