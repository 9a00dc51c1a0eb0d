#include "git/notes.h"
#include "git/repo.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

/*
 * The ref is listed once (annotated commit -> note blob, sorted), so a
 * lookup is a binary search and reading a note checks the blob's size in
 * the object header before loading it. libgit2's git_note_read would load
 * a note of any size.
 */
struct note_entry {
	git_oid annotated;
	git_oid blob;
};

struct sg_notes {
	struct sg_repo *repo;
	char *ref;
	struct note_entry *items;
	size_t nr, alloc;
};

static int entry_cmp(const void *a, const void *b)
{
	return git_oid_cmp(&((const struct note_entry *)a)->annotated,
			   &((const struct note_entry *)b)->annotated);
}

int sg_notes_open(struct sg_notes **out, struct sg_repo *repo, const char *ref)
{
	return sg_notes_open_at(out, repo, ref, NULL);
}

int sg_notes_open_at(struct sg_notes **out, struct sg_repo *repo, const char *ref,
		     const char *commit_oid)
{
	git_note_iterator *it = NULL;
	git_commit *commit = NULL;
	struct sg_notes *notes = sg_xcalloc(1, sizeof(*notes));
	git_oid blob, annotated, oid;
	int rc, error = -1;

	*out = NULL;
	notes->repo = repo;
	notes->ref = sg_xstrdup(ref);
	if (commit_oid) {
		if (git_oid_fromstr(&oid, commit_oid) < 0 ||
		    git_commit_lookup(&commit, sg_repo_git(repo), &oid) < 0) {
			sg_error_from_git("cannot read the notes commit %s of '%s'", commit_oid, ref);
			goto done;
		}
		rc = git_note_commit_iterator_new(&it, commit);
	} else {
		rc = git_note_iterator_new(&it, sg_repo_git(repo), ref);
	}
	if (rc == GIT_ENOTFOUND) {
		git_error_clear();
		goto found;
	}
	if (rc < 0) {
		sg_error_from_git("cannot read the notes of '%s'", ref);
		goto done;
	}
	while ((rc = git_note_next(&blob, &annotated, it)) == 0) {
		SG_ALLOC_GROW(notes->items, notes->nr + 1, notes->alloc);
		notes->items[notes->nr].annotated = annotated;
		notes->items[notes->nr].blob = blob;
		notes->nr++;
	}
	if (rc != GIT_ITEROVER) {
		sg_error_from_git("cannot list the notes of '%s'", ref);
		goto done;
	}
	if (notes->nr)
		qsort(notes->items, notes->nr, sizeof(*notes->items), entry_cmp);
found:
	*out = notes;
	notes = NULL;
	error = 0;
done:
	git_note_iterator_free(it);
	git_commit_free(commit);
	sg_notes_free(notes);
	return error;
}

void sg_notes_free(struct sg_notes *notes)
{
	if (!notes)
		return;
	free(notes->ref);
	free(notes->items);
	free(notes);
}

const char *sg_notes_ref(const struct sg_notes *notes)
{
	return notes->ref;
}

size_t sg_notes_count(const struct sg_notes *notes)
{
	return notes->nr;
}

int sg_notes_read(struct sg_buf *out, const struct sg_notes *notes,
		  const char *oid, size_t max_size)
{
	struct note_entry key;
	const struct note_entry *e;
	git_odb *odb = NULL;
	git_blob *blob = NULL;
	git_object_t type;
	size_t size;
	int error = -1;

	if (!notes->nr)
		return 1;
	if (git_oid_fromstr(&key.annotated, oid) < 0)
		return sg_error_from_git("'%s' is not an object id", oid);
	e = bsearch(&key, notes->items, notes->nr, sizeof(*notes->items), entry_cmp);
	if (!e)
		return 1;
	if (git_repository_odb(&odb, sg_repo_git(notes->repo)) < 0 ||
	    git_odb_read_header(&size, &type, odb, &e->blob) < 0) {
		sg_error_from_git("cannot read the note of %s in '%s'", oid, notes->ref);
		goto done;
	}
	if (type != GIT_OBJECT_BLOB) {
		sg_error_set_repo("the note of %s in '%s' is not a blob", oid, notes->ref);
		goto done;
	}
	if (size > max_size) {
		sg_error_set("the note of %s in '%s' is %zu bytes, more than the %zu allowed",
			     oid, notes->ref, size, max_size);
		sg_error_hint("a review record is a short YAML document; replace the note with 'git notes --ref=%s edit %s'",
			      notes->ref, oid);
		goto done;
	}
	if (git_blob_lookup(&blob, sg_repo_git(notes->repo), &e->blob) < 0) {
		sg_error_from_git("cannot read the note of %s in '%s'", oid, notes->ref);
		goto done;
	}
	sg_buf_add(out, git_blob_rawcontent(blob), (size_t)git_blob_rawsize(blob));
	error = 0;
done:
	git_blob_free(blob);
	git_odb_free(odb);
	return error;
}
