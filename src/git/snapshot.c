#include "git/snapshot.h"
#include "git/repo.h"
#include "git/snapshot_internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/glob.h"
#include "util/str.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

struct sg_snapshot {
	git_repository *git;
	git_tree *tree;     /* a commit's tree, or NULL with index */
	git_index *index;
	char name[41];
};

static struct sg_snapshot *snapshot_new(struct sg_repo *repo)
{
	struct sg_snapshot *s = sg_xcalloc(1, sizeof(*s));

	s->git = sg_repo_git(repo);
	return s;
}

int sg_snapshot_from_commit(struct sg_snapshot **out, struct sg_repo *repo,
			    const char *oid_hex)
{
	git_commit *commit = NULL;
	git_oid oid;
	struct sg_snapshot *s;

	*out = NULL;
	if (git_oid_fromstr(&oid, oid_hex) < 0 ||
	    git_commit_lookup(&commit, sg_repo_git(repo), &oid) < 0)
		return sg_error_from_git("cannot read commit %s", oid_hex);
	s = snapshot_new(repo);
	if (git_commit_tree(&s->tree, commit) < 0) {
		git_commit_free(commit);
		free(s);
		return sg_error_from_git("cannot read the tree of commit %s", oid_hex);
	}
	git_oid_tostr(s->name, 8, &oid);
	git_commit_free(commit);
	*out = s;
	return 0;
}

int sg_snapshot_from_rev(struct sg_snapshot **out, struct sg_repo *repo,
			 const char *rev)
{
	char oid[41];

	*out = NULL;
	if (sg_repo_resolve_commit(oid, repo, rev) < 0)
		return -1;
	return sg_snapshot_from_commit(out, repo, oid);
}

int sg_snapshot_from_index(struct sg_snapshot **out, struct sg_repo *repo)
{
	struct sg_snapshot *s;

	*out = NULL;
	s = snapshot_new(repo);
	if (git_repository_index(&s->index, s->git) < 0) {
		free(s);
		return sg_error_from_git("cannot read the index");
	}
	strcpy(s->name, "index");
	*out = s;
	return 0;
}

int sg_snapshot_empty(struct sg_snapshot **out, struct sg_repo *repo)
{
	struct sg_snapshot *s = snapshot_new(repo);

	strcpy(s->name, "empty");
	*out = s;
	return 0;
}

struct sg_snapshot *sg_snapshot_dup(const struct sg_snapshot *snap)
{
	struct sg_snapshot *s = sg_xcalloc(1, sizeof(*s));

	*s = *snap;
	s->tree = NULL;
	s->index = NULL;
	if (snap->tree)
		git_tree_dup(&s->tree, snap->tree);
	/* libgit2 reference counts the repository's index */
	if (snap->index && git_repository_index(&s->index, s->git) < 0)
		s->index = NULL;
	return s;
}

void sg_snapshot_free(struct sg_snapshot *snap)
{
	if (!snap)
		return;
	git_tree_free(snap->tree);
	git_index_free(snap->index);
	free(snap);
}

const char *sg_snapshot_name(const struct sg_snapshot *snap)
{
	return snap->name;
}

/* 0 with the blob id, 1 when absent or not a file. */
static int lookup(git_oid *out, const struct sg_snapshot *snap, const char *path)
{
	if (snap->index) {
		const git_index_entry *e = git_index_get_bypath(snap->index, path, 0);

		if (!e || (e->mode & 0170000) == 0160000)
			return 1;
		*out = e->id;
		return 0;
	}
	if (snap->tree) {
		git_tree_entry *e = NULL;
		int rc = git_tree_entry_bypath(&e, snap->tree, path);

		if (rc < 0)
			return 1;
		if (git_tree_entry_type(e) != GIT_OBJECT_BLOB) {
			git_tree_entry_free(e);
			return 1;
		}
		*out = *git_tree_entry_id(e);
		git_tree_entry_free(e);
		return 0;
	}
	return 1;
}

int sg_snapshot_blob_id(char out[41], const struct sg_snapshot *snap,
			const char *path)
{
	git_oid oid;

	if (lookup(&oid, snap, path))
		return 1;
	git_oid_tostr(out, 41, &oid);
	return 0;
}

int sg_snapshot_read(struct sg_buf *out, const struct sg_snapshot *snap,
		     const char *path, size_t max_size)
{
	git_blob *blob = NULL;
	git_oid oid;
	size_t size;

	if (lookup(&oid, snap, path))
		return 1;
	if (git_blob_lookup(&blob, snap->git, &oid) < 0)
		return sg_error_from_git("cannot read '%s' in %s", path, snap->name);
	size = (size_t)git_blob_rawsize(blob);
	if (size > max_size) {
		git_blob_free(blob);
		sg_error_set("%s:%s is larger than the limit of %zu bytes", snap->name,
			     path, max_size);
		sg_error_hint("sdlgate refuses oversized input; check that the file is the one you meant");
		return -1;
	}
	sg_buf_add(out, git_blob_rawcontent(blob), size);
	git_blob_free(blob);
	return 0;
}

struct list_payload {
	struct sg_strlist *out;
	const char *pattern;                /* one pattern, or */
	const struct sg_strlist *patterns;  /* any of these */
	struct sg_buf path;
};

static int list_match(const struct list_payload *p, const char *path)
{
	return p->pattern ? sg_glob_match(p->pattern, path) :
		sg_glob_match_any(p->patterns, path);
}

static int list_cb(const char *root, const git_tree_entry *entry, void *data)
{
	struct list_payload *p = data;

	if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
		return 0;
	sg_buf_reset(&p->path);
	sg_buf_adds(&p->path, root);
	sg_buf_adds(&p->path, git_tree_entry_name(entry));
	if (list_match(p, p->path.ptr))
		sg_strlist_add(p->out, p->path.ptr);
	return 0;
}

/* One pass over the files of `snap`, whatever the number of patterns. */
static int list_files(struct list_payload *p, const struct sg_snapshot *snap)
{
	size_t i, n;
	int error = 0;

	if (snap->index) {
		n = git_index_entrycount(snap->index);
		for (i = 0; i < n; i++) {
			const git_index_entry *e = git_index_get_byindex(snap->index, i);

			if (e && git_index_entry_stage(e) == 0 && list_match(p, e->path))
				sg_strlist_add(p->out, e->path);
		}
	} else if (snap->tree) {
		if (git_tree_walk(snap->tree, GIT_TREEWALK_PRE, list_cb, p) < 0)
			error = sg_error_from_git("cannot list the files of %s", snap->name);
	}
	sg_buf_release(&p->path);
	sg_strlist_sort(p->out);
	return error;
}

int sg_snapshot_list(struct sg_strlist *out, const struct sg_snapshot *snap,
		     const char *pattern)
{
	struct list_payload p = { out, pattern, NULL, SG_BUF_INIT };

	return list_files(&p, snap);
}

int sg_snapshot_list_any(struct sg_strlist *out, const struct sg_snapshot *snap,
			 const struct sg_strlist *patterns)
{
	struct list_payload p = { out, NULL, patterns, SG_BUF_INIT };

	return list_files(&p, snap);
}

struct sg_snapshot *sg_snapshot_wrap_tree(struct sg_repo *repo, git_tree *tree,
					  const char *oid_hex)
{
	struct sg_snapshot *s = snapshot_new(repo);

	s->tree = tree;
	memcpy(s->name, oid_hex, 7);
	s->name[7] = '\0';
	return s;
}
