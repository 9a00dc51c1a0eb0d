#include "git/treediff.h"
#include "util/buf.h"
#include "util/str.h"


struct walker {
	git_repository *repo;
	struct sg_strlist *out;
	struct sg_buf path;
};

static int diff_trees(struct walker *w, const git_tree *a, const git_tree *b);

static int is_tree(const git_tree_entry *e)
{
	return git_tree_entry_type(e) == GIT_OBJECT_TREE;
}

/* Add the entry's path, or every path below it when it is a directory. */
static int add_side(struct walker *w, const git_tree_entry *e, int old_side)
{
	size_t len = w->path.len;
	git_tree *tree = NULL;
	int error = 0;

	sg_buf_adds(&w->path, git_tree_entry_name(e));
	if (is_tree(e)) {
		sg_buf_addch(&w->path, '/');
		error = git_tree_lookup(&tree, w->repo, git_tree_entry_id(e));
		if (!error)
			error = old_side ? diff_trees(w, tree, NULL) : diff_trees(w, NULL, tree);
		git_tree_free(tree);
	} else if (git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
		sg_strlist_add(w->out, w->path.ptr);
	}
	sg_buf_setlen(&w->path, len);
	return error;
}

static int both_sides(struct walker *w, const git_tree_entry *ea,
		      const git_tree_entry *eb)
{
	size_t len = w->path.len;
	git_tree *ta = NULL, *tb = NULL;
	int error = 0;

	if (git_oid_equal(git_tree_entry_id(ea), git_tree_entry_id(eb)) &&
	    git_tree_entry_filemode(ea) == git_tree_entry_filemode(eb))
		return 0;
	if (is_tree(ea) && is_tree(eb)) {
		sg_buf_adds(&w->path, git_tree_entry_name(ea));
		sg_buf_addch(&w->path, '/');
		error = git_tree_lookup(&ta, w->repo, git_tree_entry_id(ea));
		if (!error)
			error = git_tree_lookup(&tb, w->repo, git_tree_entry_id(eb));
		if (!error)
			error = diff_trees(w, ta, tb);
		git_tree_free(ta);
		git_tree_free(tb);
		sg_buf_setlen(&w->path, len);
		return error;
	}
	if (is_tree(ea) || is_tree(eb)) {
		/* a file became a directory or the other way round */
		error = add_side(w, ea, 1);
		return error ? error : add_side(w, eb, 0);
	}
	return add_side(w, eb, 0);
}

static int diff_trees(struct walker *w, const git_tree *a, const git_tree *b)
{
	size_t i = 0, j = 0;
	size_t na = a ? git_tree_entrycount(a) : 0;
	size_t nb = b ? git_tree_entrycount(b) : 0;
	int error = 0;

	while (!error && (i < na || j < nb)) {
		const git_tree_entry *ea = i < na ? git_tree_entry_byindex(a, i) : NULL;
		const git_tree_entry *eb = j < nb ? git_tree_entry_byindex(b, j) : NULL;
		int cmp;

		if (!ea)
			cmp = 1;
		else if (!eb)
			cmp = -1;
		else
			cmp = git_tree_entry_cmp(ea, eb);
		if (cmp < 0) {
			error = add_side(w, ea, 1);
			i++;
		} else if (cmp > 0) {
			error = add_side(w, eb, 0);
			j++;
		} else {
			error = both_sides(w, ea, eb);
			i++;
			j++;
		}
	}
	return error;
}

int sg_tree_changed_paths(struct sg_strlist *out, git_repository *repo,
			  const git_tree *old_tree, const git_tree *new_tree)
{
	struct walker w = { repo, out, SG_BUF_INIT };
	int error = diff_trees(&w, old_tree, new_tree);

	sg_buf_release(&w.path);
	return error;
}
