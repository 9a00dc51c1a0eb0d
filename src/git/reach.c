#include "git/reach.h"
#include "git/repo.h"
#include "util/alloc.h"
#include "util/error.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

/* The commits looked for, sorted for a binary search per visited commit. */
struct wanted {
	git_oid oid;
	size_t index;
};

static int wanted_cmp(const void *a, const void *b)
{
	return git_oid_cmp(&((const struct wanted *)a)->oid,
			   &((const struct wanted *)b)->oid);
}

/* Mark `oid` found when it is wanted; the number still missing goes down. */
static void visit(unsigned char *found, const struct wanted *w, size_t nr,
		  size_t *left, const git_oid *oid)
{
	struct wanted key;
	const struct wanted *hit;

	key.oid = *oid;
	hit = bsearch(&key, w, nr, sizeof(*w), wanted_cmp);
	if (hit && !found[hit->index]) {
		found[hit->index] = 1;
		(*left)--;
	}
}

/* A full clone: libgit2's walk, which leaves out what `hide` reaches. */
static int walk_full(unsigned char *found, git_repository *git, const git_oid *from,
		     const char *hide, const struct wanted *w, size_t nr, size_t left)
{
	git_revwalk *walk = NULL;
	git_oid oid;
	int rc = 0, error = -1;

	if (git_revwalk_new(&walk, git) < 0 || git_revwalk_push(walk, from) < 0 ||
	    (hide && git_oid_fromstr(&oid, hide) == 0 && git_revwalk_hide(walk, &oid) < 0)) {
		sg_error_from_git("cannot walk the history");
		goto done;
	}
	while (left && (rc = git_revwalk_next(&oid, walk)) == 0)
		visit(found, w, nr, &left, &oid);
	if (left && rc != GIT_ITEROVER) {
		sg_error_from_git("cannot walk the history");
		goto done;
	}
	error = 0;
done:
	git_revwalk_free(walk);
	return error;
}

/* Visited commits: an open-addressing set of object ids. */
struct seen {
	git_oid *slots;
	unsigned char *used;
	size_t nr, alloc;
};

static size_t slot(const struct seen *s, const git_oid *oid)
{
	size_t h, mask = s->alloc - 1;

	memcpy(&h, oid->id, sizeof(h));
	for (h &= mask; s->used[h] && !git_oid_equal(&s->slots[h], oid); h = (h + 1) & mask)
		;
	return h;
}

/* 1 when `oid` is new. */
static int seen_add(struct seen *s, const git_oid *oid)
{
	size_t i;

	if (2 * (s->nr + 1) > s->alloc) {
		struct seen bigger = { NULL, NULL, 0, s->alloc ? 2 * s->alloc : 256 };

		bigger.slots = sg_xcalloc(bigger.alloc, sizeof(*bigger.slots));
		bigger.used = sg_xcalloc(bigger.alloc, 1);
		for (i = 0; i < s->alloc; i++)
			if (s->used[i])
				seen_add(&bigger, &s->slots[i]);
		free(s->slots);
		free(s->used);
		*s = bigger;
	}
	i = slot(s, oid);
	if (s->used[i])
		return 0;
	s->used[i] = 1;
	s->slots[i] = *oid;
	s->nr++;
	return 1;
}

/* A shallow clone: walk what the clone has, stopping at the cut. */
static int walk_clone(unsigned char *found, git_repository *git, const git_oid *from,
		      const struct wanted *w, size_t nr, size_t left)
{
	struct seen seen = { NULL, NULL, 0, 0 };
	git_oid *stack = NULL;
	size_t sp = 0, alloc = 0, i;
	git_odb *odb = NULL;
	git_commit *c = NULL;
	int error = -1;

	if (git_repository_odb(&odb, git) < 0) {
		sg_error_from_git("cannot open the object database");
		goto done;
	}
	seen_add(&seen, from);
	SG_ALLOC_GROW(stack, sp + 1, alloc);
	stack[sp++] = *from;
	while (sp && left) {
		git_oid oid = stack[--sp];

		visit(found, w, nr, &left, &oid);
		if (!git_odb_exists(odb, &oid))
			continue;   /* cut off by the clone */
		if (git_commit_lookup(&c, git, &oid) < 0) {
			sg_error_from_git("cannot read a commit");
			goto done;
		}
		for (i = 0; i < git_commit_parentcount(c); i++) {
			const git_oid *p = git_commit_parent_id(c, (unsigned)i);

			if (seen_add(&seen, p)) {
				SG_ALLOC_GROW(stack, sp + 1, alloc);
				stack[sp++] = *p;
			}
		}
		git_commit_free(c);
		c = NULL;
	}
	error = 0;
done:
	git_commit_free(c);
	git_odb_free(odb);
	free(stack);
	free(seen.slots);
	free(seen.used);
	return error;
}

int sg_repo_reachable(unsigned char *found, struct sg_repo *repo, const char *from,
		      const char *const *oids, size_t n, const char *hide)
{
	struct wanted *w;
	git_oid start;
	size_t i, nr = 0;
	int error;

	memset(found, 0, n);
	if (!n)
		return 0;
	if (git_oid_fromstr(&start, from) < 0)
		return sg_error_set_repo("'%s' is not an object id", from);
	w = sg_xcalloc(n, sizeof(*w));
	for (i = 0; i < n; i++)
		if (git_oid_fromstr(&w[nr].oid, oids[i]) == 0)
			w[nr++].index = i;
	qsort(w, nr, sizeof(*w), wanted_cmp);
	if (sg_repo_is_shallow(repo))
		error = walk_clone(found, sg_repo_git(repo), &start, w, nr, nr);
	else
		error = walk_full(found, sg_repo_git(repo), &start, hide, w, nr, nr);
	git_error_clear();
	free(w);
	return error;
}

int sg_repo_contains(struct sg_repo *repo, const char *descendant,
		     const char *ancestor)
{
	unsigned char found = 0;
	const char *oids[1];

	if (!sg_repo_is_shallow(repo))
		return sg_repo_is_ancestor(repo, ancestor, descendant);
	oids[0] = ancestor;
	if (sg_repo_reachable(&found, repo, descendant, oids, 1, NULL) < 0)
		return -1;
	return found;
}
