#include "git/log.h"
#include "git/repo.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

struct sg_log {
	git_repository *git;
	git_revwalk *walk;
	char comment_char;
};

static int walk_from(git_revwalk **out, git_repository *git, const char *head_oid)
{
	git_oid oid;

	*out = NULL;
	if (git_revwalk_new(out, git) < 0)
		return sg_error_from_git("cannot walk the history");
	git_revwalk_sorting(*out, GIT_SORT_TIME);
	if (git_oid_fromstr(&oid, head_oid) < 0 || git_revwalk_push(*out, &oid) < 0) {
		git_revwalk_free(*out);
		*out = NULL;
		return sg_error_from_git("cannot walk from %s", head_oid);
	}
	return 0;
}

int sg_log_new(struct sg_log **out, struct sg_repo *repo, const char *head_oid)
{
	struct sg_log *log = sg_xcalloc(1, sizeof(*log));

	*out = NULL;
	log->git = sg_repo_git(repo);
	log->comment_char = sg_repo_comment_char(repo);
	if (walk_from(&log->walk, log->git, head_oid) < 0) {
		free(log);
		return -1;
	}
	*out = log;
	return 0;
}

void sg_log_free(struct sg_log *log)
{
	if (!log)
		return;
	git_revwalk_free(log->walk);
	free(log);
}

void sg_log_entry_release(struct sg_log_entry *entry)
{
	free(entry->subject);
	free(entry->message);
	sg_trailers_release(&entry->trailers);
	memset(entry, 0, sizeof(*entry));
}

int sg_log_next(struct sg_log_entry *entry, struct sg_log *log)
{
	git_commit *commit = NULL;
	git_oid oid;
	const char *s;
	int rc;

	sg_log_entry_release(entry);
	rc = git_revwalk_next(&oid, log->walk);
	if (rc == GIT_ITEROVER)
		return 1;
	if (rc < 0 || git_commit_lookup(&commit, log->git, &oid) < 0) {
		sg_error_from_git("cannot walk the history");
		sg_error_hint("if this is a shallow clone, run 'git fetch --unshallow'");
		return -1;
	}
	git_oid_tostr(entry->oid, sizeof(entry->oid), &oid);
	s = git_commit_summary(commit);
	entry->subject = sg_xstrdup(s ? s : "");
	s = git_commit_message_raw(commit);
	entry->message = sg_xstrdup(s ? s : "");
	entry->time = (long long)git_commit_time(commit);
	entry->parents = git_commit_parentcount(commit);
	git_commit_free(commit);
	return sg_trailers_parse(&entry->trailers, entry->message, log->comment_char);
}

/* The blob id of `path` in `tree` (zero when absent or no tree). */
static void entry_id(git_oid *out, git_tree *tree, const char *path)
{
	git_tree_entry *e = NULL;

	memset(out, 0, sizeof(*out));
	if (tree && git_tree_entry_bypath(&e, tree, path) == 0) {
		*out = *git_tree_entry_id(e);
		git_tree_entry_free(e);
	}
}

static int changed_in(git_commit *commit, const struct sg_strlist *paths, int *changed)
{
	git_commit *parent = NULL;
	git_tree *tree = NULL, *parent_tree = NULL;
	git_oid a, b;
	size_t i;
	int error = -1;

	*changed = 0;
	if (git_commit_tree(&tree, commit) < 0)
		goto done;
	if (git_commit_parentcount(commit) > 0 &&
	    (git_commit_parent(&parent, commit, 0) < 0 ||
	     git_commit_tree(&parent_tree, parent) < 0))
		goto done;
	for (i = 0; i < paths->nr && !*changed; i++) {
		entry_id(&a, tree, paths->items[i]);
		entry_id(&b, parent_tree, paths->items[i]);
		*changed = !git_oid_equal(&a, &b);
	}
	error = 0;
done:
	git_tree_free(parent_tree);
	git_tree_free(tree);
	git_commit_free(parent);
	return error;
}

int sg_log_last_change(char oid_out[41], long long *time, struct sg_repo *repo,
		       const char *head_oid, const struct sg_strlist *paths)
{
	git_repository *git = sg_repo_git(repo);
	git_revwalk *walk = NULL;
	git_commit *commit = NULL;
	git_oid oid;
	int rc, changed = 0, result = 1;

	if (walk_from(&walk, git, head_oid) < 0)
		return -1;
	while (!changed && (rc = git_revwalk_next(&oid, walk)) == 0) {
		if (git_commit_lookup(&commit, git, &oid) < 0 ||
		    changed_in(commit, paths, &changed) < 0) {
			result = sg_error_from_git("cannot read the history of %s",
						   paths->nr ? paths->items[0] : "?");
			goto done;
		}
		if (changed) {
			git_oid_tostr(oid_out, 41, &oid);
			*time = (long long)git_commit_time(commit);
			result = 0;
		}
		git_commit_free(commit);
		commit = NULL;
	}
	if (rc < 0 && rc != GIT_ITEROVER)
		result = sg_error_from_git("cannot walk the history");
done:
	git_commit_free(commit);
	git_revwalk_free(walk);
	return result;
}
