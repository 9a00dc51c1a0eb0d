#include "git/refs.h"
#include "git/repo.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/str.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

int sg_refs_head_target(char **out, struct sg_repo *repo)
{
	git_reference *head = NULL;
	int rc;

	*out = NULL;
	rc = git_reference_lookup(&head, sg_repo_git(repo), "HEAD");
	if (rc < 0)
		return sg_error_from_git("cannot read HEAD");
	if (git_reference_type(head) != GIT_REFERENCE_SYMBOLIC) {
		git_reference_free(head);
		return 1;
	}
	*out = sg_xstrdup(git_reference_symbolic_target(head));
	git_reference_free(head);
	return 0;
}

int sg_refs_peel_commit(char out[41], struct sg_repo *repo, const char *oid)
{
	git_object *obj = NULL, *commit = NULL;
	git_oid id;
	int rc = 2;

	out[0] = '\0';
	if (git_oid_fromstr(&id, oid) < 0 ||
	    git_object_lookup(&obj, sg_repo_git(repo), &id, GIT_OBJECT_ANY) < 0)
		goto done;
	rc = 1;
	if (git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) < 0)
		goto done;
	git_oid_tostr(out, 41, git_object_id(commit));
	rc = 0;
done:
	git_error_clear();
	git_object_free(commit);
	git_object_free(obj);
	return rc;
}

int sg_refs_commit_parents(struct sg_repo *repo, const char *oid)
{
	git_commit *commit = NULL;
	git_oid id;
	int n;

	if (git_oid_fromstr(&id, oid) < 0 ||
	    git_commit_lookup(&commit, sg_repo_git(repo), &id) < 0)
		return sg_error_from_git("cannot read commit %s", oid);
	n = (int)git_commit_parentcount(commit);
	git_commit_free(commit);
	return n;
}

int sg_refs_remote_exists(struct sg_repo *repo, const char *name)
{
	struct sg_buf key = SG_BUF_INIT;
	char *url = NULL;
	int valid = 0, found;

	/*
	 * A URL given to 'git push' in place of a remote is no remote name.
	 * The configuration is read directly: git_remote_lookup() would also
	 * match url.*.insteadOf, whose regex leaks inside libgit2 1.5.
	 */
	if (git_remote_name_is_valid(&valid, name) < 0 || !valid) {
		git_error_clear();
		return 0;
	}
	sg_buf_addf(&key, "remote.%s.url", name);
	url = sg_repo_config_string(repo, key.ptr);
	if (!url) {
		sg_buf_reset(&key);
		sg_buf_addf(&key, "remote.%s.pushurl", name);
		url = sg_repo_config_string(repo, key.ptr);
	}
	found = url != NULL;
	sg_buf_release(&key);
	free(url);
	git_error_clear();
	return found;
}

int sg_refs_list_commits(struct sg_strlist *out, struct sg_repo *repo,
			 const char *prefix)
{
	git_reference_iterator *iter = NULL;
	git_reference *ref = NULL;
	size_t plen = strlen(prefix);
	int rc;

	/* a plain prefix, not a glob: a remote's name is taken literally */
	if (git_reference_iterator_new(&iter, sg_repo_git(repo)) < 0)
		return sg_error_from_git("cannot list the refs");
	while ((rc = git_reference_next(&ref, iter)) == 0) {
		const char *name = git_reference_name(ref);
		git_object *commit = NULL;
		char hex[41];

		if (!strncmp(name, prefix, plen) &&
		    git_reference_peel(&commit, ref, GIT_OBJECT_COMMIT) == 0) {
			git_oid_tostr(hex, sizeof(hex), git_object_id(commit));
			sg_strlist_add(out, hex);
		}
		git_object_free(commit);
		git_reference_free(ref);
		ref = NULL;
	}
	git_reference_iterator_free(iter);
	if (rc != GIT_ITEROVER)
		return sg_error_from_git("cannot list the refs");
	git_error_clear();
	return 0;
}
