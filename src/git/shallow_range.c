#include "git/mergebase.h"
#include "git/repo.h"
#include "util/alloc.h"
#include "util/error.h"
#include "util/str.h"

#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The merge request's commits in a shallow clone, found by walking the
 * commit graph here: libgit2 1.5 knows nothing of shallow clones, reads a
 * cut-off parent as a missing object and, on that path, fails late (a few
 * commits past the merge base) and leaks. A shallow clone holds little
 * history, so a plain walk over it with a set of visited commits is cheap.
 */

struct oidset {
	git_oid *slots;
	unsigned char *used;
	size_t nr, alloc;           /* alloc: a power of two */
};

static size_t slot_of(const struct oidset *s, const git_oid *oid)
{
	size_t h, mask = s->alloc - 1;

	memcpy(&h, oid->id, sizeof(h));
	for (h &= mask; s->used[h] && !git_oid_equal(&s->slots[h], oid); h = (h + 1) & mask)
		;
	return h;
}

static int oidset_has(const struct oidset *s, const git_oid *oid)
{
	return s->alloc && s->used[slot_of(s, oid)];
}

/* Add `oid`; 1 when it was new. */
static int oidset_add(struct oidset *s, const git_oid *oid)
{
	size_t i;

	if (2 * (s->nr + 1) > s->alloc) {
		struct oidset bigger = { NULL, NULL, 0, s->alloc ? 2 * s->alloc : 256 };

		bigger.slots = sg_xcalloc(bigger.alloc, sizeof(*bigger.slots));
		bigger.used = sg_xcalloc(bigger.alloc, 1);
		for (i = 0; i < s->alloc; i++)
			if (s->used[i])
				oidset_add(&bigger, &s->slots[i]);
		free(s->slots);
		free(s->used);
		*s = bigger;
	}
	i = slot_of(s, oid);
	if (s->used[i])
		return 0;
	s->used[i] = 1;
	git_oid_cpy(&s->slots[i], oid);
	s->nr++;
	return 1;
}

static void oidset_release(struct oidset *s)
{
	free(s->slots);
	free(s->used);
	memset(s, 0, sizeof(*s));
}

struct stack {
	git_oid *items;
	size_t nr, alloc;
};

static void push(struct stack *st, const git_oid *oid)
{
	SG_ALLOC_GROW(st->items, st->nr + 1, st->alloc);
	git_oid_cpy(&st->items[st->nr++], oid);
}

/* A commit of the range, with its time for git log order. */
struct entry {
	git_oid oid;
	long long time;
};

static int cmp_entry(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	if (a->time != b->time)
		return a->time > b->time ? -1 : 1;
	return git_oid_cmp(&a->oid, &b->oid);
}

/*
 * Visit the commit `oid`: *out the commit, or NULL when the clone does not
 * have it (cut off). Never asks libgit2 for an object that is not there.
 */
static int lookup(git_commit **out, git_repository *git, git_odb *odb, const git_oid *oid)
{
	char hex[41];

	*out = NULL;
	if (!git_odb_exists(odb, oid))
		return 0;
	if (git_commit_lookup(out, git, oid) < 0) {
		git_oid_tostr(hex, sizeof(hex), oid);
		return sg_error_from_git("cannot read commit %s", hex);
	}
	return 0;
}

/* Every ancestor of `start` the clone has; *cut when some are cut off. */
static int ancestors(struct oidset *set, int *cut, git_repository *git, git_odb *odb,
		     const git_oid *start)
{
	struct stack st = { NULL, 0, 0 };
	git_commit *c;
	size_t i;
	int error = 0;

	*cut = 0;
	oidset_add(set, start);
	push(&st, start);
	while (st.nr && !error) {
		git_oid oid = st.items[--st.nr];

		if ((error = lookup(&c, git, odb, &oid)) < 0)
			break;
		if (!c) {
			*cut = 1;
			continue;
		}
		for (i = 0; i < git_commit_parentcount(c); i++)
			if (oidset_add(set, git_commit_parent_id(c, (unsigned)i)))
				push(&st, git_commit_parent_id(c, (unsigned)i));
		git_commit_free(c);
	}
	free(st.items);
	return error;
}

int sg_repo_shallow_range(struct sg_strlist *out, char base[41], struct sg_repo *repo,
			  const char *target, const char *head)
{
	git_repository *git = sg_repo_git(repo);
	struct oidset in_target = { NULL, NULL, 0, 0 }, seen = { NULL, NULL, 0, 0 };
	struct stack st = { NULL, 0, 0 };
	struct entry *range = NULL;
	size_t range_nr = 0, range_alloc = 0, i;
	git_oid t, h, best;
	long long best_time = -1;
	git_odb *odb = NULL;
	git_commit *c = NULL;
	char what[160], hex[41];
	int target_cut, reached_root = 0, error = -1;

	if (git_oid_fromstr(&t, target) < 0 || git_oid_fromstr(&h, head) < 0)
		return sg_error_set_repo("invalid object id '%s' or '%s'", target, head);
	if (git_repository_odb(&odb, git) < 0)
		return sg_error_from_git("cannot open the object database");
	if (ancestors(&in_target, &target_cut, git, odb, &t) < 0)
		goto done;

	/* from the head down to the target's history: the merge request */
	if (!oidset_has(&in_target, &h)) {
		oidset_add(&seen, &h);
		push(&st, &h);
	} else {
		git_oid_cpy(&best, &h);
		best_time = 0;
	}
	while (st.nr) {
		git_oid oid = st.items[--st.nr];

		if (lookup(&c, git, odb, &oid) < 0)
			goto done;
		if (!c) {
			git_oid_tostr(hex, sizeof(hex), &oid);
			snprintf(what, sizeof(what), "commit %.12s of the merge request is not in this clone", hex);
			sg_error_shallow(what);
			goto done;
		}
		SG_ALLOC_GROW(range, range_nr + 1, range_alloc);
		git_oid_cpy(&range[range_nr].oid, &oid);
		range[range_nr++].time = (long long)git_commit_time(c);
		reached_root |= git_commit_parentcount(c) == 0;
		for (i = 0; i < git_commit_parentcount(c); i++) {
			const git_oid *p = git_commit_parent_id(c, (unsigned)i);
			git_commit *pc = NULL;

			if (!oidset_has(&in_target, p)) {
				if (oidset_add(&seen, p))
					push(&st, p);
				continue;
			}
			/* where the merge request leaves the target: the newest is the merge base */
			if (lookup(&pc, git, odb, p) < 0)
				goto done;
			if (pc && (long long)git_commit_time(pc) > best_time) {
				best_time = (long long)git_commit_time(pc);
				git_oid_cpy(&best, p);
			}
			git_commit_free(pc);
		}
		git_commit_free(c);
		c = NULL;
	}
	/*
	 * With the target's history cut, its older commits look like the
	 * merge request's; reaching a root through them means the range
	 * would hold the target's history: refuse rather than guess.
	 */
	if (target_cut && reached_root)
		best_time = -1;
	if (best_time < 0) {
		snprintf(what, sizeof(what), "no merge base of %.7s (target) and %.7s (head) in this clone",
			 target, head);
		if (target_cut) {
			sg_error_shallow(what);
		} else {
			sg_error_set_repo("the target %.7s and the head %.7s have no common history", target, head);
			sg_error_hint("is --base the branch the merge request goes into?");
		}
		goto done;
	}
	qsort(range, range_nr, sizeof(*range), cmp_entry);
	for (i = 0; i < range_nr; i++) {
		git_oid_tostr(hex, sizeof(hex), &range[i].oid);
		sg_strlist_add(out, hex);
	}
	git_oid_tostr(base, 41, &best);
	error = 0;
done:
	git_commit_free(c);
	git_odb_free(odb);
	oidset_release(&in_target);
	oidset_release(&seen);
	free(st.items);
	free(range);
	return error;
}
