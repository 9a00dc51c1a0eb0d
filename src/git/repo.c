#include "git/repo.h"
#include "git/snapshot_internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <git2.h>
#include <git2/sys/repository.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct sg_repo {
	git_repository *git;
};

int sg_error_from_git(const char *fmt, ...)
{
	const git_error *e = git_error_last();
	struct sg_buf msg = SG_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sg_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	if (e && e->message)
		sg_buf_addf(&msg, ": %s", e->message);
	sg_error_set_repo("%s", msg.ptr);
	sg_buf_release(&msg);
	return -1;
}

/*
 * libgit2 1.5 refuses GIT_WORK_TREE in GIT_REPOSITORY_OPEN_FROM_ENV
 * ("unimplemented"), yet git sets it for hooks run by `git --work-tree=...`
 * commit. Open GIT_DIR (or the repository found from here) ourselves and
 * apply the work tree and the index git names, which is all a commit hook
 * needs; the object quarantine only exists for server-side hooks, in bare
 * repositories, which have no work tree.
 */
/*
 * libgit2 1.5 leaks its path buffer when asked to set the work tree it
 * already has, so only ask when it differs.
 */
static int set_workdir_if_other(git_repository *git, const char *dir)
{
	char *real = realpath(dir, NULL);
	const char *current = git_repository_workdir(git);
	size_t n = real ? strlen(real) : 0;
	int same = real && current && !strncmp(current, real, n) &&
		   (current[n] == '\0' || (current[n] == '/' && current[n + 1] == '\0'));
	int rc = same ? 0 : git_repository_set_workdir(git, dir, 0);

	free(real);
	return rc;
}

static int open_with_work_tree_env(git_repository **out)
{
	const char *gitdir = getenv("GIT_DIR");
	const char *index_file = getenv("GIT_INDEX_FILE");
	git_index *index = NULL;
	int rc;

	rc = git_repository_open_ext(out, gitdir && *gitdir ? gitdir : ".",
				     gitdir && *gitdir ? GIT_REPOSITORY_OPEN_NO_SEARCH : 0,
				     NULL);
	if (rc < 0)
		return rc;
	rc = set_workdir_if_other(*out, getenv("GIT_WORK_TREE"));
	if (!rc && index_file && *index_file) {
		rc = git_index_open(&index, index_file);
		if (!rc)
			git_repository_set_index(*out, index);
		git_index_free(index);
	}
	if (rc < 0) {
		git_repository_free(*out);
		*out = NULL;
	}
	return rc;
}

int sg_repo_open(struct sg_repo **out, const char *dir, unsigned flags)
{
	git_repository *git = NULL;
	int rc;

	*out = NULL;
	git_libgit2_init();
	/*
	 * A history walk diffs each tree against its parent's, and the same
	 * trees come back one commit later. libgit2 caches no object above
	 * 4 KiB by default, so a directory of a thousand files would be
	 * inflated again for every commit; cache trees up to 4 MiB within a
	 * fixed total, which keeps memory flat however long the history is.
	 */
	git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE,
			 (size_t)4 * 1024 * 1024);
	git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, (ssize_t)16 * 1024 * 1024);
	/*
	 * Re-hashing every object on read doubled the cost of a walk; git
	 * itself does not do it on read either (fsck does), and a corrupt
	 * pack is still caught by zlib and the pack checksums.
	 */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	if ((flags & SG_REPO_FROM_ENV) && getenv("GIT_WORK_TREE") && *getenv("GIT_WORK_TREE"))
		rc = open_with_work_tree_env(&git);
	else if (flags & SG_REPO_FROM_ENV)
		rc = git_repository_open_ext(&git, NULL, GIT_REPOSITORY_OPEN_FROM_ENV, NULL);
	else
		rc = git_repository_open_ext(&git, dir ? dir : ".", 0, NULL);
	if (rc == GIT_ENOTFOUND) {
		sg_error_set_repo("not a git repository: '%s'", dir ? dir : ".");
		sg_error_hint("run sdlgate inside a repository, or name one with -C DIR");
		return -1;
	}
	if (rc < 0)
		return sg_error_from_git("cannot open the repository at '%s'",
					 dir ? dir : ".");
	*out = sg_xcalloc(1, sizeof(**out));
	(*out)->git = git;
	return 0;
}

void sg_repo_free(struct sg_repo *repo)
{
	if (!repo)
		return;
	git_repository_free(repo->git);
	free(repo);
}

struct git_repository *sg_repo_git(struct sg_repo *repo)
{
	return repo->git;
}

const char *sg_repo_workdir(const struct sg_repo *repo)
{
	return git_repository_workdir(repo->git);
}

const char *sg_repo_gitdir(const struct sg_repo *repo)
{
	return git_repository_path(repo->git);
}

const char *sg_repo_commondir(const struct sg_repo *repo)
{
	return git_repository_commondir(repo->git);
}

int sg_repo_is_bare(const struct sg_repo *repo)
{
	return git_repository_is_bare(repo->git);
}

int sg_repo_resolve_commit(char out[41], struct sg_repo *repo, const char *rev)
{
	git_object *obj = NULL, *commit = NULL;
	int rc;

	rc = git_revparse_single(&obj, repo->git, rev);
	if (rc < 0) {
		sg_error_set_repo("unknown revision '%s'", rev);
		sg_error_hint("check the name with 'git rev-parse --verify %s'; in a CI clone, fetch the branch or tag first",
			      rev);
		return -1;
	}
	rc = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (rc < 0)
		return sg_error_from_git("'%s' does not name a commit", rev);
	git_oid_tostr(out, 41, git_object_id(commit));
	git_object_free(commit);
	return 0;
}

int sg_repo_find_commit(char out[41], struct sg_repo *repo, const char *hex)
{
	git_object *obj = NULL;
	git_oid oid;
	size_t len = strlen(hex);
	int rc;

	if (len < 4 || len > 40 || git_oid_fromstrn(&oid, hex, len) < 0) {
		git_error_clear();
		return 1;
	}
	rc = git_object_lookup_prefix(&obj, repo->git, &oid, len, GIT_OBJECT_COMMIT);
	if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC) {
		git_error_clear();
		return 1;
	}
	if (rc == GIT_EAMBIGUOUS) {
		git_error_clear();
		return 2;
	}
	if (rc < 0)
		return sg_error_from_git("cannot look up commit '%s'", hex);
	git_oid_tostr(out, 41, git_object_id(obj));
	git_object_free(obj);
	return 0;
}

int sg_repo_head_unborn(struct sg_repo *repo)
{
	return git_repository_head_unborn(repo->git) == 1;
}

char *sg_repo_config_string(struct sg_repo *repo, const char *key)
{
	git_config *cfg = NULL;
	git_buf value = GIT_BUF_INIT;
	char *out = NULL;

	if (git_repository_config_snapshot(&cfg, repo->git) < 0)
		return NULL;
	if (git_config_get_string_buf(&value, cfg, key) == 0)
		out = sg_xstrdup(value.ptr);
	git_buf_dispose(&value);
	git_config_free(cfg);
	return out;
}

char sg_repo_comment_char(struct sg_repo *repo)
{
	char *value = sg_repo_config_string(repo, "core.commentChar");
	char c = '#';

	/* "auto" picks a character unused in the message; '#' is its default */
	if (value && value[0] && !value[1])
		c = value[0];
	free(value);
	return c;
}

int sg_repo_is_shallow(struct sg_repo *repo)
{
	return git_repository_is_shallow(repo->git) == 1;
}

int sg_repo_is_ancestor(struct sg_repo *repo, const char *ancestor,
			const char *descendant)
{
	git_oid a, d;

	if (git_oid_fromstr(&a, ancestor) < 0 || git_oid_fromstr(&d, descendant) < 0)
		return 0;
	if (git_oid_equal(&a, &d))
		return 1;
	return git_graph_descendant_of(repo->git, &d, &a) == 1;
}

int sg_commit_is_shallow(struct sg_repo *repo, const git_oid *oid)
{
	struct sg_buf path = SG_BUF_INIT, data = SG_BUF_INIT;
	char hex[41];
	const char *p;
	int found = 0;

	/* libgit2 1.5 reads .git/shallow but does not list it: read it here */
	sg_buf_addf(&path, "%sshallow", git_repository_commondir(repo->git));
	if (sg_fs_read(&data, path.ptr, 64 * 1024 * 1024) == 0) {
		git_oid_tostr(hex, sizeof(hex), oid);
		for (p = data.ptr; (p = strstr(p, hex)); p += 40)
			if ((p == data.ptr || p[-1] == '\n') && (p[40] == '\n' || !p[40]))
				found = 1;
	}
	sg_error_clear();
	sg_buf_release(&path);
	sg_buf_release(&data);
	return found;
}
