#include "git/tag.h"
#include "git/repo.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <fnmatch.h>
#include <git2.h>
#include <stdlib.h>
#include <string.h>

int sg_tag_matches(const char *pattern, const char *name)
{
	return fnmatch(pattern, name, 0) == 0;
}

struct candidate {
	char *name;
	git_oid commit;
	git_time_t time;
};

struct collect {
	git_repository *git;
	const git_oid *head;
	const char *pattern;
	struct candidate *items;
	size_t nr, alloc;
	int error;
};

static int collect_cb(const char *refname, git_oid *oid, void *payload)
{
	struct collect *c = payload;
	const char *name = refname + strlen("refs/tags/");
	git_object *obj = NULL, *peeled = NULL;
	struct candidate *cand;

	if (!sg_tag_matches(c->pattern, name))
		return 0;
	/* a tag of a tree or blob is no release: skip it */
	if (git_object_lookup(&obj, c->git, oid, GIT_OBJECT_ANY) < 0 ||
	    git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0)
		goto done;
	if (git_oid_equal(git_object_id(peeled), c->head) ||
	    git_graph_descendant_of(c->git, c->head, git_object_id(peeled)) != 1)
		goto done;
	SG_ALLOC_GROW(c->items, c->nr + 1, c->alloc);
	cand = &c->items[c->nr++];
	cand->name = sg_xstrdup(name);
	cand->commit = *git_object_id(peeled);
	cand->time = git_commit_time((git_commit *)peeled);
done:
	git_object_free(peeled);
	git_object_free(obj);
	return 0;
}

/* 1 when a should be preferred over b as the previous release. */
static int nearer(git_repository *git, const struct candidate *a,
		  const struct candidate *b)
{
	if (!git_oid_equal(&a->commit, &b->commit)) {
		if (git_graph_descendant_of(git, &a->commit, &b->commit) == 1)
			return 1;
		if (git_graph_descendant_of(git, &b->commit, &a->commit) == 1)
			return 0;
		if (a->time != b->time)
			return a->time > b->time;
	}
	return strcmp(a->name, b->name) > 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct candidate *)a)->name,
		      ((const struct candidate *)b)->name);
}

int sg_tag_previous(char **name, char oid[41], struct sg_repo *repo,
		    const char *head_oid, const char *pattern)
{
	struct collect c;
	git_oid head;
	size_t i, best = 0;
	int rc;

	*name = NULL;
	memset(&c, 0, sizeof(c));
	if (git_oid_fromstr(&head, head_oid) < 0)
		return sg_error_set_repo("'%s' is not an object id", head_oid);
	c.git = sg_repo_git(repo);
	c.head = &head;
	c.pattern = pattern;
	if (git_tag_foreach(c.git, collect_cb, &c) < 0) {
		rc = sg_error_from_git("cannot list the tags");
		goto done;
	}
	if (!c.nr) {
		rc = 1;
		goto done;
	}
	/* git lists loose tags in directory order: sort, so the choice is stable */
	qsort(c.items, c.nr, sizeof(*c.items), by_name);
	for (i = 1; i < c.nr; i++)
		if (nearer(c.git, &c.items[i], &c.items[best]))
			best = i;
	*name = c.items[best].name;
	c.items[best].name = NULL;
	git_oid_tostr(oid, 41, &c.items[best].commit);
	rc = 0;
done:
	for (i = 0; i < c.nr; i++)
		free(c.items[i].name);
	free(c.items);
	return rc;
}

int sg_tag_exists(struct sg_repo *repo, const char *name)
{
	struct sg_buf ref = SG_BUF_INIT;
	git_oid oid;
	int rc;

	sg_buf_addf(&ref, "refs/tags/%s", name);
	rc = git_reference_name_to_id(&oid, sg_repo_git(repo), ref.ptr);
	sg_buf_release(&ref);
	return rc == 0;
}

int sg_tag_name_valid(const char *name)
{
	struct sg_buf ref = SG_BUF_INIT;
	int valid = 0;

	sg_buf_addf(&ref, "refs/tags/%s", name);
	if (git_reference_name_is_valid(&valid, ref.ptr) < 0)
		valid = 0;
	sg_buf_release(&ref);
	return valid && *name != '-';
}

static int tagger(git_signature **out, git_repository *git)
{
	const char *name = getenv("GIT_COMMITTER_NAME");
	const char *email = getenv("GIT_COMMITTER_EMAIL");

	if (name && *name && email && *email) {
		if (git_signature_now(out, name, email) < 0)
			return sg_error_from_git("invalid committer identity '%s <%s>'",
						 name, email);
		return 0;
	}
	if (git_signature_default(out, git) < 0) {
		sg_error_set_repo("cannot create the tag: no identity for the tagger");
		sg_error_hint("set one with 'git config user.name \"Your Name\"' and 'git config user.email you@example.org'");
		return -1;
	}
	return 0;
}

int sg_tag_create(char out[41], struct sg_repo *repo, const char *name,
		  const char *target_oid, const char *message)
{
	git_repository *git = sg_repo_git(repo);
	git_signature *sig = NULL;
	git_object *target = NULL;
	git_oid oid, tag_oid;
	int error = -1;

	if (git_oid_fromstr(&oid, target_oid) < 0 ||
	    git_object_lookup(&target, git, &oid, GIT_OBJECT_COMMIT) < 0) {
		sg_error_from_git("cannot read commit %s", target_oid);
		goto done;
	}
	if (tagger(&sig, git) < 0)
		goto done;
	if (git_tag_create(&tag_oid, git, name, target, sig, message, 0) < 0) {
		sg_error_from_git("cannot create tag '%s'", name);
		goto done;
	}
	git_oid_tostr(out, 41, &tag_oid);
	error = 0;
done:
	git_signature_free(sig);
	git_object_free(target);
	return error;
}
