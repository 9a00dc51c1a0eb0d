#include "git/change.h"
#include "git/snapshot.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/review_cover.h"
#include "rules/rule.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/glob.h"

#include <stdlib.h>
#include <string.h>

/*
 * design-review and policy-change: a change touching design triggers, or
 * the policy itself, must be covered by a design review record (see
 * review_cover.c for what "covered" means).
 */

#define POLICY_FILE ".sdlgate.yml"

static const char *design_review_off(const struct sg_gate *gate)
{
	return gate->policy->design_review.present ? NULL :
		"the policy has no 'design_review' section";
}

struct design_state {
	struct sg_review_cover *cover;
	char *records_dir;          /* "/reviews/": records never trigger a review */
};

/* "reviews/" -> "/reviews/": a pattern for everything below the records */
static char *records_pattern(const struct sg_policy *p)
{
	const char *records = p->design_review.records;
	struct sg_buf dir = SG_BUF_INIT;
	size_t len;

	if (!records)
		return NULL;
	len = strlen(records);
	while (len && records[len - 1] == '/')
		len--;
	while (len && *records == '/') {
		records++;
		len--;
	}
	if (!len)
		return NULL;
	sg_buf_addf(&dir, "/%.*s/", (int)len, records);
	return sg_buf_detach(&dir);
}

static void design_paths(struct sg_strlist *out, const struct sg_policy *p,
			 const char *records_dir, const struct sg_strlist *paths)
{
	size_t i;

	for (i = 0; i < paths->nr; i++) {
		const char *path = paths->items[i];

		if (sg_glob_match_any(&p->design_review.triggers, path) &&
		    !(records_dir && sg_glob_match(records_dir, path)))
			sg_strlist_add_unique(out, path);
	}
}

static int design_begin(struct sg_gate *gate, void **state)
{
	static const struct sg_review_cover_opts opts = {
		"design-review", "design-review trigger paths", 1, 1,
	};
	struct design_state *s = sg_xcalloc(1, sizeof(*s));

	s->cover = sg_review_cover_new(&opts);
	s->records_dir = records_pattern(gate->policy);
	*state = s;
	return 0;
}

static int design_change(struct sg_gate *gate, void *state,
			 const struct sg_change *change)
{
	struct design_state *s = state;
	struct sg_strlist paths = SG_STRLIST_INIT;
	int error;

	design_paths(&paths, gate->policy, s->records_dir, &change->paths);
	error = sg_review_cover_change(s->cover, gate, change, &paths);
	sg_strlist_release(&paths);
	return error;
}

static int design_finish(struct sg_gate *gate, void *state)
{
	struct design_state *s = state;

	return sg_review_cover_finish(s->cover, gate);
}

static void design_free(void *state)
{
	struct design_state *s = state;

	sg_review_cover_free(s->cover);
	free(s->records_dir);
	free(s);
}

const struct sg_rule sg_rule_design_review = {
	.id = "design-review",
	.title = "Design-relevant changes are covered by an approved, complete, independent and current review",
	.clauses = "5.3.3 5.4.4",
	.severity = SG_SEV_ERROR,
	.off_reason = design_review_off,
	.begin = design_begin,
	.change = design_change,
	.finish = design_finish,
	.free = design_free,
	.explain =
		"A change touching design_review.triggers must be covered by a design\n"
		"review record. Records are YAML files <design_review.records>/<ID>.yml\n"
		"read from the change set's head (in --mr and pre-receive, from the\n"
		"target: a branch cannot write its own review) and cited with a trailer\n"
		"('Design-Review: DR-2026-014', design_review.trailer), or the same YAML\n"
		"as a git note under design_review.notes_ref on a commit of the change\n"
		"set. A record covers a change when all of these hold:\n"
		"  - decision: approved;\n"
		"  - every criterion of design_review.criteria is answered pass, or n/a\n"
		"    with a note (a fail blocks);\n"
		"  - at least design_review.min_reviewers different reviewers (after\n"
		"    .mailmap), and with independent_reviewers none of them is the\n"
		"    author or committer of the change (case-insensitive, .mailmap\n"
		"    aliases included);\n"
		"  - its 'paths' patterns cover every trigger path of the change;\n"
		"  - it is current: the change is reviewed_commit or an ancestor of it\n"
		"    (a note without reviewed_commit reviewed the commit it is on); a\n"
		"    later change that cites an older review is not covered.\n"
		"With scope.co_change: change-set any record of the change set may cover\n"
		"any change; with commit, only a record the change cites itself or the\n"
		"note attached to it. At pre-commit and commit-msg this is a reminder:\n"
		"a review names a commit, so it can only follow the commit.\n"
		"Record format:\n"
		"  id: DR-2026-014\n"
		"  date: 2026-11-20\n"
		"  reviewers: [alice@example.org]\n"
		"  decision: approved          # approved | changes-requested | rejected\n"
		"  reviewed_commit: 3f2a1bc    # optional in a note\n"
		"  paths: [\"src/session/**\"]\n"
		"  criteria:\n"
		"    DR-1: {result: pass, note: TLS terminator behind the gateway}\n"
		"    DR-2: {result: n/a, note: no new interface}\n"
		"Malformed records (bad YAML, unknown criteria, a reviewed_commit that\n"
		"does not exist) are input errors (exit 2) naming file:line:column.\n"
		"Fix: 'sdlgate review template --range A..B' prints a record to fill in.\n",
};

/* policy-change */

static void policy_files(struct sg_strlist *out, const struct sg_policy *p)
{
	const char *data;
	size_t len;

	sg_strlist_add(out, POLICY_FILE);
	/* a file of the repository that the policy extends is policy too */
	if (p->extends && sg_pack_lookup(&data, &len, p->extends) < 0)
		sg_strlist_add(out, p->extends);
}

void sg_review_paths_needing_review(struct sg_strlist *out,
				    const struct sg_policy *policy,
				    const struct sg_strlist *paths)
{
	struct sg_strlist files = SG_STRLIST_INIT;
	char *records_dir = records_pattern(policy);
	size_t i;

	design_paths(out, policy, records_dir, paths);
	policy_files(&files, policy);
	for (i = 0; i < paths->nr; i++)
		if (sg_strlist_contains(&files, paths->items[i]))
			sg_strlist_add_unique(out, paths->items[i]);
	sg_strlist_release(&files);
	free(records_dir);
}

struct policy_state {
	struct sg_review_cover *cover;   /* NULL without a design_review section */
	struct sg_strlist files;         /* the policy and the file it extends */
};

static int policy_begin(struct sg_gate *gate, void **state)
{
	static const struct sg_review_cover_opts opts = {
		"policy-change", "the policy (" POLICY_FILE ")", 0, 0,
	};
	const struct sg_policy *p = gate->policy;
	struct policy_state *s = sg_xcalloc(1, sizeof(*s));

	policy_files(&s->files, p);
	if (p->design_review.present)
		s->cover = sg_review_cover_new(&opts);
	*state = s;
	return 0;
}

/*
 * A change that adds the policy where its parent had none adopts the gate;
 * it cannot weaken one, so it needs no review. Deleting it is a change.
 */
static int adopts_policy(struct sg_gate *gate, const struct sg_change *change)
{
	struct sg_snapshot *parent = NULL;
	struct sg_buf rev = SG_BUF_INIT;
	char oid[41];
	int rc;

	if (!change->parents)
		return 1;
	if (change->oid)
		sg_buf_addf(&rev, "%s^1", change->oid);
	else
		sg_buf_adds(&rev, "HEAD");
	rc = sg_snapshot_from_rev(&parent, gate->repo, rev.ptr);
	if (rc == 0)
		rc = sg_snapshot_blob_id(oid, parent, POLICY_FILE);
	sg_snapshot_free(parent);
	sg_buf_release(&rev);
	return rc;   /* 1: the parent has no policy */
}

static int policy_change(struct sg_gate *gate, void *state,
			 const struct sg_change *change)
{
	struct policy_state *s = state;
	struct sg_strlist touched = SG_STRLIST_INIT;
	struct sg_finding *f;
	size_t i;
	int error = 0, adopted = 0;

	for (i = 0; i < change->paths.nr; i++)
		if (sg_strlist_contains(&s->files, change->paths.items[i]))
			sg_strlist_add(&touched, change->paths.items[i]);
	if (touched.nr == 1 && !strcmp(touched.items[0], POLICY_FILE)) {
		adopted = adopts_policy(gate, change);
		if (adopted < 0) {
			error = -1;
			goto done;
		}
		if (adopted) {
			sg_gate_note(gate, "%s adopts the policy (%s is new): no review needed",
				     change->short_oid, POLICY_FILE);
			sg_strlist_release(&touched);
		}
	}
	if (s->cover) {
		error = sg_review_cover_change(s->cover, gate, change, &touched);
		goto done;
	}
	if (!touched.nr)
		goto done;
	if (sg_gate_is_staged(gate)) {
		f = sg_gate_add(gate, "policy-change", change,
				"reminder: this change modifies the policy; without a 'design_review' section only a waiver clears it");
		f->severity = SG_SEV_WARNING;
	} else {
		f = sg_gate_add(gate, "policy-change", change,
				"the change modifies the policy, and without a 'design_review' section only a waiver clears it");
	}
	sg_strlist_copy(&f->paths, &touched);
	sg_finding_set_hint(f, "have the target branch's policy waive it: waivers: [{rule: policy-change, commit: %s, reason: ..., approved_by: ..., expires: YYYY-MM-DD}], or add a design_review section so a review can cover policy changes",
			    change->oid ? change->short_oid : "<commit>");
done:
	sg_strlist_release(&touched);
	return error;
}

static int policy_finish(struct sg_gate *gate, void *state)
{
	struct policy_state *s = state;

	return s->cover ? sg_review_cover_finish(s->cover, gate) : 0;
}

static void policy_free(void *state)
{
	struct policy_state *s = state;

	sg_review_cover_free(s->cover);
	sg_strlist_release(&s->files);
	free(s);
}

const struct sg_rule sg_rule_policy_change = {
	.id = "policy-change",
	.title = "A change to the policy file is covered by a design review or a waiver",
	.clauses = "5.1.1 8",
	.severity = SG_SEV_ERROR,
	.always_on = 1,
	.begin = policy_begin,
	.change = policy_change,
	.finish = policy_finish,
	.free = policy_free,
	.explain =
		"A change to .sdlgate.yml (or to a repository file it 'extends') must\n"
		"be covered by a design review record, exactly as for design-review,\n"
		"with the policy file as the path the record's 'paths' must cover. The\n"
		"finding is on the commit that changed the policy. Without a\n"
		"design_review section only a waiver clears it. The commit that first\n"
		"adds the policy adopts the gate and needs no review; deleting it is a\n"
		"change. In --mr, pre-receive and release the target's policy is the\n"
		"one enforced, so a branch cannot weaken or waive its own gate.\n"
		"Always on. At pre-commit and commit-msg this is a reminder.\n"
		"Fix: have the policy change reviewed and cite the record, or add a\n"
		"waiver to the target branch's policy.\n",
};
