#ifndef SG_GIT_REPO_H
#define SG_GIT_REPO_H

#include <stddef.h>

/*
 * The repository, opened once per command. This layer (src/git) is the
 * only one that speaks libgit2; everything above it sees hex oids, paths
 * and plain structs. Errors are repository errors (exit 3) unless said.
 */
struct sg_repo;

enum sg_repo_open_flags {
	/* honour GIT_DIR, GIT_OBJECT_DIRECTORY, GIT_ALTERNATE_OBJECT_DIRECTORIES
	 * (the pre-receive quarantine) as git does */
	SG_REPO_FROM_ENV = (1 << 0),
};

/* Open the repository containing `dir` (NULL: the current directory). */
int sg_repo_open(struct sg_repo **out, const char *dir, unsigned flags);
void sg_repo_free(struct sg_repo *repo);

/* The working tree with a trailing '/', or NULL for a bare repository. */
const char *sg_repo_workdir(const struct sg_repo *repo);
/* The git directory (".git/" or the bare repository), trailing '/'. */
const char *sg_repo_gitdir(const struct sg_repo *repo);
/* The directory shared by all worktrees (hooks live there). */
const char *sg_repo_commondir(const struct sg_repo *repo);
int sg_repo_is_bare(const struct sg_repo *repo);

/*
 * Resolve a revision ("HEAD", "v1.0^{}", "origin/main", an abbreviated
 * oid) to a commit's full hex oid. Unknown revisions are repository
 * errors naming the revision.
 */
int sg_repo_resolve_commit(char out[41], struct sg_repo *repo, const char *rev);

/*
 * Find the commit an abbreviated or full hex oid (4 to 40 hex digits)
 * names, as written in an input file (a review's reviewed_commit): never
 * a ref name or a revision expression. Returns 0 with the full oid, 1
 * when no commit has that prefix, 2 when several objects have it, -1 on
 * a repository error.
 */
int sg_repo_find_commit(char out[41], struct sg_repo *repo, const char *hex);

/* 1 when HEAD points at a branch with no commit yet. */
int sg_repo_head_unborn(struct sg_repo *repo);

/* A configuration string (caller frees), or NULL when unset. */
char *sg_repo_config_string(struct sg_repo *repo, const char *key);

/* core.commentChar, '#' by default. */
char sg_repo_comment_char(struct sg_repo *repo);

/* 1 when the repository is a shallow clone. */
int sg_repo_is_shallow(struct sg_repo *repo);

/* 1 when `ancestor` is `descendant` or one of its ancestors. */
int sg_repo_is_ancestor(struct sg_repo *repo, const char *ancestor,
			const char *descendant);

/* Internal: the libgit2 handle, for the other files of src/git. */
struct git_repository *sg_repo_git(struct sg_repo *repo);

/* Record a repository error with libgit2's last message appended; -1. */
int sg_error_from_git(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
