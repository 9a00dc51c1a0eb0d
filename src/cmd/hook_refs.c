#include "cmd/hook.h"
#include "cmd.h"
#include "cmd/release_gate.h"
#include "cmd/gate_setup.h"
#include "git/hookinput.h"
#include "git/refs.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "util/alloc.h"
#include "util/error.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/*
 * What a pushed ref means to the gate, for pre-push and pre-receive alike:
 * a commit to check, a deletion or notes to skip, a release tag that must
 * also pass the release gate.
 */


/*
 * A pushed tag that matches release.tag_pattern is a release: besides the
 * range check of its new commits, it must pass the release gate.
 */
int sg_hook_release_tags(struct sg_ctx *ctx, const struct sg_ref_updates *updates)
{
	const struct sg_policy *p = ctx->policy;
	size_t i;
	int worst = SG_EXIT_PASS;

	if (!p || !p->release.present)
		return SG_EXIT_PASS;
	for (i = 0; i < updates->nr; i++) {
		const struct sg_ref_update *u = &updates->items[i];
		struct sg_release_opts opts;
		const char *name;
		int rc;

		if (strncmp(u->ref, "refs/tags/", 10) || sg_oid_is_zero(u->new_oid))
			continue;
		name = u->ref + 10;
		if (fnmatch(p->release.tag_pattern, name, 0))
			continue;
		memset(&opts, 0, sizeof(opts));
		opts.rev = u->new_oid;
		fprintf(stderr, "sdlgate: tag '%s' matches release.tag_pattern '%s': running the release gate\n",
			name, p->release.tag_pattern);
		fflush(stderr);
		rc = sg_run_release_gate(ctx, &opts);
		if (rc > worst)
			worst = rc;
	}
	return worst;
}

/*
 * A pushed notes ref is review records, not code: never checked as
 * changes. When it is design_review.notes_ref, the gate reads the notes
 * as pushed, so a branch and its review notes can go in one push.
 * Returns 1 when `u` was a notes ref (skip it), else 0.
 */
static int skip_notes(struct sg_gate *gate, const struct sg_ctx *ctx,
		      const struct sg_ref_update *u)
{
	const struct sg_policy *p = ctx->policy;

	if (strncmp(u->ref, "refs/notes/", 11))
		return 0;
	if (p && p->design_review.notes_ref && !strcmp(p->design_review.notes_ref, u->ref) &&
	    !sg_oid_is_zero(u->new_oid)) {
		free(gate->notes_commit);
		gate->notes_commit = sg_xstrdup(u->new_oid);
		sg_gate_note(gate, "%s: the review notes of this push are used to judge its commits",
			     u->ref);
	} else {
		sg_gate_note(gate, "%s: notes, not code: not checked as changes", u->ref);
	}
	return 1;
}

/*
 * The commit a pushed ref brings, peeled from a tag: 0 with `commit` set,
 * 1 when there is nothing to check (each case said in a note), -1 with a
 * repository error when the object cannot be seen.
 */
static int pushed_commit(char commit[41], struct sg_gate *gate,
			  const struct sg_ctx *ctx, const struct sg_ref_update *u,
			  const char *hook, const char *missing_hint)
{
	int rc;

	if (skip_notes(gate, ctx, u))
		return 1;
	if (sg_oid_is_zero(u->new_oid)) {
		sg_gate_note(gate, "%s: a deletion, nothing to check", u->ref);
		return 1;
	}
	rc = sg_refs_peel_commit(commit, ctx->repo, u->new_oid);
	if (rc == 2) {
		/* never pass what cannot be seen */
		sg_error_set_repo("%s input:%u: the pushed object %s is not in the repository",
				  hook, u->line, u->new_oid);
		sg_error_hint("%s", missing_hint);
		return -1;
	}
	if (rc == 1) {
		sg_gate_note(gate, "%s: %.7s is not a commit, nothing to check",
			     u->ref, u->new_oid);
		return 1;
	}
	return 0;
}

int sg_hook_collect_push(struct sg_gate_tips *tips, struct sg_push_view *view,
			 struct sg_gate *gate, const struct sg_ctx *ctx,
			 const struct sg_ref_updates *updates,
			 const char *missing_hint, int hide_old)
{
	size_t i;
	int rc;

	for (i = 0; i < updates->nr; i++) {
		const struct sg_ref_update *u = &updates->items[i];
		char commit[41], old[41];

		rc = pushed_commit(commit, gate, ctx, u, view->hook, missing_hint);
		if (rc < 0)
			return -1;
		if (rc)
			continue;
		sg_strlist_add_unique(&tips->push, commit);
		sg_strlist_add(&view->refs, u->ref);
		sg_strlist_add(&view->tips, commit);
		if (!hide_old)
			continue;
		if (sg_oid_is_zero(u->old_oid))
			sg_gate_note(gate, "%s is new to the remote: its commits that no known remote ref has are checked",
				     u->ref);
		else if (!sg_refs_peel_commit(old, ctx->repo, u->old_oid))
			sg_strlist_add_unique(&tips->hide, old);
	}
	return tips->push.nr ? 0 : 1;
}
