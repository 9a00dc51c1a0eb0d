#include "git/walk.h"
#include "git/change.h"
#include "git/mergebase.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "git/snapshot_internal.h"
#include "git/treediff.h"
#include "util/alloc.h"
#include "util/error.h"

#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sg_walk {
	struct sg_repo *repo;
	git_revwalk *revwalk;
	char comment_char;
	int use_list;               /* yield `list` instead of the revwalk */
	struct sg_strlist list;
	size_t next;
};

int sg_walk_new(struct sg_walk **out, struct sg_repo *repo)
{
	struct sg_walk *w = sg_xcalloc(1, sizeof(*w));

	*out = NULL;
	w->repo = repo;
	w->comment_char = sg_repo_comment_char(repo);
	if (git_revwalk_new(&w->revwalk, sg_repo_git(repo)) < 0) {
		free(w);
		return sg_error_from_git("cannot walk the history");
	}
	/*
	 * Newest first, as git log: time order alone scrambles commits that
	 * share a timestamp (a rebased series does), so topological too. A
	 * range with a base is loaded before the first commit either way.
	 */
	git_revwalk_sorting(w->revwalk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
	*out = w;
	return 0;
}

void sg_walk_free(struct sg_walk *walk)
{
	if (!walk)
		return;
	git_revwalk_free(walk->revwalk);
	sg_strlist_release(&walk->list);
	free(walk);
}

void sg_walk_set_list(struct sg_walk *walk, const struct sg_strlist *oids)
{
	sg_strlist_release(&walk->list);
	sg_strlist_copy(&walk->list, oids);
	walk->use_list = 1;
	walk->next = 0;
}

int sg_walk_push(struct sg_walk *walk, const char *oid_hex)
{
	git_oid oid;

	if (git_oid_fromstr(&oid, oid_hex) < 0 ||
	    git_revwalk_push(walk->revwalk, &oid) < 0)
		return sg_error_from_git("cannot walk from %s", oid_hex);
	return 0;
}

int sg_walk_hide(struct sg_walk *walk, const char *oid_hex)
{
	git_oid oid;

	if (git_oid_fromstr(&oid, oid_hex) < 0 ||
	    git_revwalk_hide(walk->revwalk, &oid) < 0)
		return sg_error_from_git("cannot leave out %s", oid_hex);
	return 0;
}

int sg_walk_hide_glob(struct sg_walk *walk, const char *glob)
{
	if (git_revwalk_hide_glob(walk->revwalk, glob) < 0)
		return sg_error_from_git("cannot leave out '%s'", glob);
	return 0;
}

int sg_walk_range(struct sg_walk *walk, const char *range, char **base,
		  char **head)
{
	char oid[41];
	const char *dots = strstr(range, "..");
	char *left = NULL;
	const char *right = range;
	int error = -1;

	*base = *head = NULL;
	if (dots) {
		if (dots[2] == '.') {
			sg_error_set("symmetric ranges ('A...B') are not supported: '%s'", range);
			sg_error_hint("use 'A..B', or --mr for a merge request");
			return -1;
		}
		left = sg_xstrndup(range, (size_t)(dots - range));
		right = dots[2] ? dots + 2 : "HEAD";
		if (!*left) {
			free(left);
			left = sg_xstrdup("HEAD");
		}
	}
	if (sg_repo_resolve_commit(oid, walk->repo, right) < 0 ||
	    sg_walk_push(walk, oid) < 0)
		goto done;
	*head = sg_xstrdup(oid);
	if (left) {
		if (sg_repo_resolve_commit(oid, walk->repo, left) < 0 ||
		    sg_walk_hide(walk, oid) < 0)
			goto done;
		*base = sg_xstrdup(oid);
	}
	error = 0;
done:
	free(left);
	return error;
}

static void add_path(struct sg_change *change, const char *path)
{
	sg_strlist_add(&change->paths, path);
}

/* Changed paths of a diff, renames and copies under both names. */
static int collect_paths(struct sg_change *change, git_diff *diff)
{
	git_diff_find_options find;
	size_t i, n;

	git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
	find.flags = GIT_DIFF_FIND_RENAMES;
	if (git_diff_find_similar(diff, &find) < 0)
		return sg_error_from_git("cannot detect renames");
	n = git_diff_num_deltas(diff);
	for (i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);

		if (d->old_file.path && d->status != GIT_DELTA_ADDED &&
		    d->status != GIT_DELTA_UNTRACKED)
			add_path(change, d->old_file.path);
		if (d->new_file.path && d->status != GIT_DELTA_DELETED &&
		    (!d->old_file.path || strcmp(d->old_file.path, d->new_file.path) ||
		     d->status == GIT_DELTA_ADDED))
			add_path(change, d->new_file.path);
	}
	sg_strlist_sort(&change->paths);
	return 0;
}

static void fill_signatures(struct sg_change *change, const git_commit *commit)
{
	const git_signature *a = git_commit_author(commit);
	const git_signature *c = git_commit_committer(commit);

	change->author_name = sg_xstrdup(a && a->name ? a->name : "");
	change->author_email = sg_xstrdup(a && a->email ? a->email : "");
	change->committer_name = sg_xstrdup(c && c->name ? c->name : "");
	change->committer_email = sg_xstrdup(c && c->email ? c->email : "");
	change->time = (long long)git_commit_time(commit);
}

static int change_from_commit(struct sg_change **out, struct sg_walk *walk,
			      const git_oid *oid)
{
	git_repository *git = sg_repo_git(walk->repo);
	git_commit *commit = NULL, *parent = NULL;
	git_tree *tree = NULL, *parent_tree = NULL;
	struct sg_change *change;
	char hex[41];
	const char *summary, *raw;
	int error = -1;

	*out = NULL;
	change = sg_xcalloc(1, sizeof(*change));
	git_oid_tostr(hex, sizeof(hex), oid);
	if (git_commit_lookup(&commit, git, oid) < 0) {
		sg_error_from_git("cannot read commit %s", hex);
		goto done;
	}
	change->oid = sg_xstrdup(hex);
	change->short_oid = sg_xstrndup(hex, 7);
	change->parents = git_commit_parentcount(commit);
	summary = git_commit_summary(commit);
	change->subject = sg_xstrdup(summary ? summary : "");
	raw = git_commit_message_raw(commit);
	change->message = sg_xstrdup(raw ? raw : "");
	fill_signatures(change, commit);
	if (sg_trailers_parse(&change->trailers, change->message,
			      walk->comment_char) < 0)
		goto done;

	if (git_commit_tree(&tree, commit) < 0) {
		sg_error_from_git("cannot read the tree of %s", hex);
		goto done;
	}
	if (change->parents > 0) {
		if (git_commit_parent(&parent, commit, 0) < 0 ||
		    git_commit_tree(&parent_tree, parent) < 0) {
			char what[96];

			snprintf(what, sizeof(what), "the parent of commit %.12s is missing", hex);
			if (sg_repo_is_shallow(walk->repo)) {
				sg_error_shallow(what);
			} else {
				sg_error_set_repo("%s: the repository is incomplete", what);
				sg_error_hint("fetch the missing history ('git fetch'), or run 'git fsck' to look for corruption");
			}
			goto done;
		}
	} else if (sg_repo_is_shallow(walk->repo) && sg_commit_is_shallow(walk->repo, oid)) {
		char what[96];

		snprintf(what, sizeof(what), "commit %.12s is the edge of a shallow clone", hex);
		sg_error_shallow(what);
		goto done;
	}
	if (sg_tree_changed_paths(&change->paths, git, parent_tree, tree) < 0) {
		sg_error_from_git("cannot list the changes of %s", hex);
		goto done;
	}
	sg_strlist_sort(&change->paths);
	change->snapshot = sg_snapshot_wrap_tree(walk->repo, tree, hex);
	tree = NULL;
	*out = change;
	change = NULL;
	error = 0;
done:
	git_tree_free(parent_tree);
	git_tree_free(tree);
	git_commit_free(parent);
	git_commit_free(commit);
	sg_change_free(change);
	return error;
}

int sg_walk_next(struct sg_change **out, void *payload)
{
	struct sg_walk *walk = payload;
	git_oid oid;
	int rc;

	*out = NULL;
	if (walk->use_list) {
		if (walk->next >= walk->list.nr)
			return 1;
		if (git_oid_fromstr(&oid, walk->list.items[walk->next++]) < 0)
			return sg_error_from_git("invalid object id in the walk");
		return change_from_commit(out, walk, &oid);
	}
	rc = git_revwalk_next(&oid, walk->revwalk);
	if (rc == GIT_ITEROVER)
		return 1;
	if (rc < 0) {
		if (sg_repo_is_shallow(walk->repo))
			return sg_error_shallow("cannot walk the history");
		sg_error_from_git("cannot walk the history");
		sg_error_hint("the repository may be incomplete: run 'git fetch', or 'git fsck' to look for corruption");
		return -1;
	}
	return change_from_commit(out, walk, &oid);
}

/* The tree the staged change is compared with: 0, or -1 with an error. */
static int staged_base(git_tree **out, size_t *parents, git_repository *git,
		       struct sg_repo *repo, int amend)
{
	git_object *head = NULL;
	git_commit *commit = NULL, *parent = NULL;
	int error = -1;

	*out = NULL;
	*parents = 0;
	if (sg_repo_head_unborn(repo))
		return 0;
	if (git_revparse_single(&head, git, "HEAD^{commit}") < 0)
		return sg_error_from_git("cannot read HEAD");
	commit = (git_commit *)head;
	if (!amend) {
		*parents = 1;
		error = git_commit_tree(out, commit) < 0 ?
			sg_error_from_git("cannot read the tree of HEAD") : 0;
		goto done;
	}
	if (git_commit_parentcount(commit) == 0) {
		error = 0;   /* amending a root commit: everything is new */
		goto done;
	}
	*parents = 1;
	if (git_commit_parent(&parent, commit, 0) < 0 ||
	    git_commit_tree(out, parent) < 0) {
		sg_error_from_git("cannot read the parent of HEAD");
		goto done;
	}
	error = 0;
done:
	git_commit_free(parent);
	git_object_free(head);
	return error;
}

int sg_change_staged(struct sg_change **out, struct sg_repo *repo, int amend,
		     const char *message, char comment_char)
{
	git_repository *git = sg_repo_git(repo);
	git_diff_options opts;
	git_tree *head_tree = NULL;
	git_index *index = NULL;
	git_diff *diff = NULL;
	struct sg_change *change = sg_xcalloc(1, sizeof(*change));
	int error = -1;

	*out = NULL;
	change->short_oid = sg_xstrdup("staged");
	change->subject = sg_xstrdup("(staged change)");
	if (message) {
		const char *nl = strchr(message, '\n');

		free(change->subject);
		change->subject = nl ? sg_xstrndup(message, (size_t)(nl - message)) :
			sg_xstrdup(message);
		change->message = sg_xstrdup(message);
		if (sg_trailers_parse(&change->trailers, message, comment_char) < 0)
			goto done;
	}
	change->author_name = sg_xstrdup("");
	change->author_email = sg_xstrdup("");
	change->committer_name = sg_xstrdup("");
	change->committer_email = sg_xstrdup("");
	if (staged_base(&head_tree, &change->parents, git, repo, amend) < 0)
		goto done;
	if (git_repository_index(&index, git) < 0) {
		sg_error_from_git("cannot read the index");
		goto done;
	}
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags = GIT_DIFF_SKIP_BINARY_CHECK;
	if (git_diff_tree_to_index(&diff, git, head_tree, index, &opts) < 0) {
		sg_error_from_git("cannot compare the index with HEAD");
		goto done;
	}
	if (collect_paths(change, diff) < 0)
		goto done;
	if (sg_snapshot_from_index(&change->snapshot, repo) < 0)
		goto done;
	*out = change;
	change = NULL;
	error = 0;
done:
	git_diff_free(diff);
	git_index_free(index);
	git_tree_free(head_tree);
	sg_change_free(change);
	return error;
}
