#include "rules/review_cover_internal.h"
#include "git/change.h"
#include "git/identity.h"
#include "git/reach.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "model/review.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/glob.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/*
 * The verdicts of the review cover: what is wrong with a record, whether
 * it covers a change, and the findings, each saying which condition
 * failed and what to do about it.
 */

/* A finding about the change at `at` (the change is gone by finish time). */
static struct sg_finding *add_at(struct sg_gate *gate, const char *rule,
				 const struct sg_cover_at *at, const char *msg)
{
	struct sg_change c;

	memset(&c, 0, sizeof(c));
	c.oid = at->oid;
	c.subject = at->subject;
	c.seq = at->seq;
	return sg_gate_add(gate, rule, &c, "%s", msg);
}

static void problem(struct sg_cover_record *r, unsigned why, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void problem(struct sg_cover_record *r, unsigned why, const char *fmt, ...)
{
	va_list ap;

	if (r->problems.len)
		sg_buf_adds(&r->problems, ", ");
	va_start(ap, fmt);
	sg_buf_vaddf(&r->problems, fmt, ap);
	va_end(ap);
	r->why |= why;
}

static void list_or_one(struct sg_buf *out, const struct sg_strlist *ids,
			const char *one, const char *many)
{
	size_t i;

	sg_buf_adds(out, ids->nr == 1 ? "criterion " : "criteria ");
	for (i = 0; i < ids->nr; i++)
		sg_buf_addf(out, "%s%s", i ? ", " : "", ids->items[i]);
	sg_buf_addf(out, " %s", ids->nr == 1 ? one : many);
}

/* What is wrong with the record whatever change it is asked to cover. */
void sg_review_judge_record(struct sg_cover_record *r, struct sg_review_cover *c,
			    const struct sg_policy_design_review *p)
{
	struct sg_strlist unanswered = SG_STRLIST_INIT, failed = SG_STRLIST_INIT;
	struct sg_strlist no_note = SG_STRLIST_INIT;
	struct sg_buf b = SG_BUF_INIT;
	size_t i, j;

	if (r->review->decision != SG_REVIEW_APPROVED)
		problem(r, SG_COVER_WHY_DECISION, "decision is '%s'",
			sg_review_decision_name(r->review->decision));
	for (i = 0; i < p->criteria_nr; i++) {
		const struct sg_review_answer *a = sg_review_answer(r->review, p->criteria[i].id);

		if (!a)
			sg_strlist_add(&unanswered, p->criteria[i].id);
		else if (a->result == SG_REVIEW_FAIL)
			sg_strlist_add(&failed, p->criteria[i].id);
		else if (a->result == SG_REVIEW_NA && !a->note)
			sg_strlist_add(&no_note, p->criteria[i].id);
	}
	if (failed.nr) {
		list_or_one(&b, &failed, "failed", "failed");
		problem(r, SG_COVER_WHY_CRITERIA, "%s", b.ptr);
		sg_buf_reset(&b);
	}
	if (unanswered.nr) {
		list_or_one(&b, &unanswered, "is not answered", "are not answered");
		problem(r, SG_COVER_WHY_CRITERIA, "%s", b.ptr);
		sg_buf_reset(&b);
	}
	if (no_note.nr) {
		list_or_one(&b, &no_note, "is n/a without a note", "are n/a without a note");
		problem(r, SG_COVER_WHY_CRITERIA, "%s", b.ptr);
		sg_buf_reset(&b);
	}

	r->listed = r->review->reviewers.nr;
	r->people = sg_xcalloc(r->listed ? r->listed : 1, sizeof(*r->people));
	for (i = 0; i < r->listed; i++) {
		struct sg_identity id = SG_IDENTITY_INIT;
		int dup = 0;

		sg_identity_from_text(&id, c->mailmap, r->review->reviewers.items[i]);
		for (j = 0; j < r->people_nr && !dup; j++)
			dup = sg_identity_same(&r->people[j], &id);
		if (dup)
			sg_identity_release(&id);
		else
			r->people[r->people_nr++] = id;
	}
	if (r->people_nr < p->min_reviewers) {
		if (r->people_nr < r->listed)
			problem(r, SG_COVER_WHY_REVIEWERS, "%zu distinct reviewer(s) (%zu listed, the same person under other names), the policy needs %u",
				r->people_nr, r->listed, p->min_reviewers);
		else
			problem(r, SG_COVER_WHY_REVIEWERS, "%zu reviewer(s), the policy needs %u",
				r->people_nr, p->min_reviewers);
	}
	sg_buf_release(&b);
	sg_strlist_release(&unanswered);
	sg_strlist_release(&failed);
	sg_strlist_release(&no_note);
}

static void sep(struct sg_buf *b, size_t start)
{
	if (b->len > start)
		sg_buf_adds(b, ", ");
}

/*
 * Where the targets stand against the record's reviewed commit, worked out
 * on first need. One walk from the reviewed commit finds every target it
 * contains (a merge-base per target would make a long change set
 * quadratic). Records that no target needs are never walked.
 */
static int ensure_lineage(struct sg_cover_record *r, struct sg_review_cover *c,
			  struct sg_gate *gate)
{
	const char **oids;
	size_t i;
	int error;

	if (r->lineage)
		return 0;
	oids = sg_xcalloc(c->targets_nr, sizeof(*oids));
	for (i = 0; i < c->targets_nr; i++)
		oids[i] = c->targets[i].at.oid;
	r->lineage = sg_xcalloc(c->targets_nr, 1);
	error = sg_repo_reachable(r->lineage, gate->repo, r->reviewed, oids,
				  c->targets_nr, gate->base_oid);
	free(oids);
	return error;
}

/* Later or elsewhere, for the message; only the first few per record. */
#define LINEAGE_DETAILS 16

static unsigned char classify(struct sg_cover_record *r, struct sg_gate *gate,
			      const struct sg_cover_target *t, size_t ti)
{
	if (r->lineage[ti] == SG_COVER_LINEAGE_UNKNOWN && r->told < LINEAGE_DETAILS) {
		r->told++;
		r->lineage[ti] = sg_repo_contains(gate->repo, t->at.oid, r->reviewed) > 0 ?
			SG_COVER_LINEAGE_LATER : SG_COVER_LINEAGE_ELSEWHERE;
	}
	return r->lineage[ti];
}

static const char *reviewer_role(const struct sg_identity *person,
				 const struct sg_identity *author,
				 const struct sg_identity *committer)
{
	if (sg_identity_same(person, author))
		return "author";
	return sg_identity_same(person, committer) ? "committer" : NULL;
}

static size_t paths_outside(const struct sg_cover_record *r,
			    const struct sg_cover_target *t, const char **first)
{
	size_t i, outside = 0;

	for (i = 0; i < t->paths.nr; i++)
		if (!sg_glob_match_any(&r->review->paths, t->paths.items[i]) &&
		    !outside++)
			*first = t->paths.items[i];
	return outside;
}

/* 1 when the record covers the change: the cheap tests first, no message. */
static int covers(struct sg_cover_record *r, struct sg_review_cover *c,
		  struct sg_gate *gate, size_t ti, const struct sg_identity *author,
		  const struct sg_identity *committer, int *error)
{
	const struct sg_cover_target *t = &c->targets[ti];
	const char *first = NULL;
	size_t i;

	if (r->problems.len || paths_outside(r, t, &first))
		return 0;
	for (i = 0; gate->policy->design_review.independent_reviewers && i < r->people_nr; i++)
		if (reviewer_role(&r->people[i], author, committer))
			return 0;
	/* the history walk last: it is the only test that is not cheap */
	if (ensure_lineage(r, c, gate) < 0) {
		*error = -1;
		return 0;
	}
	return r->lineage[ti] == SG_COVER_LINEAGE_REVIEWED;
}

/* Why the record does not cover the change, appended to `why`; 0 or -1. */
static int explain(struct sg_buf *why, unsigned *kinds, struct sg_cover_record *r,
		    struct sg_review_cover *c, struct sg_gate *gate, size_t ti,
		    const struct sg_identity *author, const struct sg_identity *committer)
{
	const struct sg_cover_target *t = &c->targets[ti];
	size_t start = why->len, i, outside;
	const char *first = NULL, *role;

	if (r->problems.len) {
		sg_buf_add(why, r->problems.ptr, r->problems.len);
		*kinds |= r->why;
	}
	for (i = 0; gate->policy->design_review.independent_reviewers && i < r->people_nr; i++) {
		role = reviewer_role(&r->people[i], author, committer);
		if (!role)
			continue;
		sep(why, start);
		sg_buf_addf(why, "reviewer %s is the %s of this change",
			    sg_identity_label(&r->people[i]), role);
		*kinds |= SG_COVER_WHY_AUTHOR;
	}
	outside = paths_outside(r, t, &first);
	if (outside) {
		sep(why, start);
		sg_buf_addf(why, "its paths do not cover %s", first);
		if (outside > 1)
			sg_buf_addf(why, " and %zu more", outside - 1);
		*kinds |= SG_COVER_WHY_PATHS;
	}
	if (ensure_lineage(r, c, gate) < 0)
		return -1;
	switch (classify(r, gate, t, ti)) {
	case SG_COVER_LINEAGE_REVIEWED:
		break;
	case SG_COVER_LINEAGE_LATER:
		sep(why, start);
		sg_buf_addf(why, "review %s predates this change (it reviewed %.7s)",
			    r->review->id, r->reviewed);
		*kinds |= SG_COVER_WHY_PREDATES;
		break;
	case SG_COVER_LINEAGE_ELSEWHERE:
		sep(why, start);
		sg_buf_addf(why, "it reviewed %.7s, which does not contain this change",
			    r->reviewed);
		*kinds |= SG_COVER_WHY_ELSEWHERE;
		break;
	default:
		sep(why, start);
		sg_buf_addf(why, "review %s is not of a state that contains this change (it reviewed %.7s)",
			    r->review->id, r->reviewed);
		*kinds |= SG_COVER_WHY_PREDATES;
		break;
	}
	return 0;
}

static int is_candidate(const struct sg_review_cover *c, const struct sg_gate *gate,
			size_t index, const struct sg_cover_target *t)
{
	if (!gate->policy->co_change_commit)
		return 1;
	return t->note == index + 1 ||
		sg_strlist_contains(&t->cites, c->records[index].review->id);
}

static void write_hint(struct sg_buf *h, const struct sg_gate *gate)
{
	const struct sg_policy_design_review *p = &gate->policy->design_review;

	sg_buf_adds(h, "have it reviewed: 'sdlgate review template");
	if (gate->base_oid && gate->head_oid)
		sg_buf_addf(h, " --range %.12s..%.12s", gate->base_oid, gate->head_oid);
	sg_buf_adds(h, "' prints a record to fill in; ");
	/* --mr and the server read record files from the target only */
	if (p->records && !gate->target)
		sg_buf_addf(h, "commit it as %s<id>.yml and cite it with '%s: <id>'",
			    p->records, p->trailer);
	if (p->records && !gate->target && p->notes_ref)
		sg_buf_adds(h, ", or ");
	if (p->notes_ref)
		sg_buf_addf(h, "attach it with 'git notes --ref=%s add -F <file> <commit>' and push %s",
			    p->notes_ref, p->notes_ref);
	if (p->records && gate->target && !p->notes_ref)
		sg_buf_addf(h, "merge it into the target as %s<id>.yml first (records are read from the target here; set design_review.notes_ref to review merge requests with git notes)",
			    p->records);
	if (!p->records && !p->notes_ref)
		sg_buf_adds(h, "the policy sets neither design_review.records nor design_review.notes_ref, so set one");
	if (gate->policy->co_change_commit)
		sg_buf_adds(h, " (scope.co_change: commit: the change itself must cite the review or carry the note)");
}

static void reason_hint(struct sg_buf *h, unsigned kinds, const struct sg_gate *gate)
{
	const struct sg_policy_design_review *p = &gate->policy->design_review;

	if (kinds & SG_COVER_WHY_PREDATES)
		sg_buf_adds(h, "a review covers the state it saw: have the change reviewed again and set reviewed_commit to the new head ('sdlgate review template' writes it)");
	else if (kinds & SG_COVER_WHY_ELSEWHERE)
		sg_buf_adds(h, "reviewed_commit must be this change or a later commit of the same history; correct it");
	else if (kinds & SG_COVER_WHY_DECISION)
		sg_buf_adds(h, "only an approved review covers a change: make the requested changes and record the re-review");
	else if (kinds & SG_COVER_WHY_CRITERIA)
		sg_buf_adds(h, "answer every criterion of design_review.criteria with pass, or n/a with a note saying why; a failed criterion needs the design fixed and reviewed again");
	else if (kinds & SG_COVER_WHY_AUTHOR)
		sg_buf_adds(h, "design_review.independent_reviewers: add a reviewer who neither wrote nor committed the change (.mailmap aliases are the same person)");
	else if (kinds & SG_COVER_WHY_REVIEWERS)
		sg_buf_addf(h, "list at least %u different reviewers", p->min_reviewers);
	else
		sg_buf_adds(h, "if the review looked at these files, add them (or a pattern) to the record's 'paths'; otherwise have them reviewed");
}

/* Records whose reasons a finding lists; the rest are counted. */
#define EXPLAINED 5

int sg_review_decide(struct sg_review_cover *c, struct sg_gate *gate, size_t ti)
{
	const struct sg_cover_target *t = &c->targets[ti];
	struct sg_identity author = SG_IDENTITY_INIT, committer = SG_IDENTITY_INIT;
	struct sg_buf why = SG_BUF_INIT, msg = SG_BUF_INIT, hint = SG_BUF_INIT;
	struct sg_finding *f;
	const struct sg_cover_record *only = NULL;
	size_t i, candidates = 0;
	unsigned kinds = 0;
	int error = 0;

	sg_identity_resolve(&author, c->mailmap, t->author_name, t->author_email);
	sg_identity_resolve(&committer, c->mailmap, t->committer_name, t->committer_email);
	for (i = 0; i < c->records_nr; i++) {
		if (!is_candidate(c, gate, i, t))
			continue;
		if (covers(&c->records[i], c, gate, ti, &author, &committer, &error))
			goto done;
		if (error)
			goto done;
	}
	/* nothing covers it: now say why, candidate by candidate */
	for (i = 0; i < c->records_nr; i++) {
		struct sg_cover_record *r = &c->records[i];

		if (!is_candidate(c, gate, i, t))
			continue;
		if (candidates++ >= EXPLAINED) {
			continue;
		} else if (candidates > 1) {
			sg_buf_adds(&why, "; ");
		} else {
			only = r;
		}
		sg_buf_addf(&why, "%s: ", r->label);
		error = explain(&why, &kinds, r, c, gate, ti, &author, &committer);
		if (error)
			goto done;
	}
	if (candidates > EXPLAINED)
		sg_buf_addf(&why, "; and %zu more record(s)", candidates - EXPLAINED);
	if (!candidates) {
		sg_buf_addf(&msg, "the change touches %s but %s",
			    c->opts.touches, gate->policy->co_change_commit ?
			    "does not cite a design review itself" :
			    "the change set cites no design review");
		write_hint(&hint, gate);
	} else if (candidates == 1) {
		sg_buf_addf(&msg, "the change touches %s; design review %s does not cover it: %s",
			    c->opts.touches, only->label, why.ptr + strlen(only->label) + 2);
		reason_hint(&hint, kinds, gate);
	} else {
		sg_buf_addf(&msg, "the change touches %s; no design review covers it: %s",
			    c->opts.touches, why.ptr);
		reason_hint(&hint, kinds, gate);
	}
	f = add_at(gate, c->opts.rule, &t->at, msg.ptr);
	for (i = 0; i < t->paths.nr && i < SG_COVER_PATHS_LISTED; i++)
		sg_strlist_add(&f->paths, t->paths.items[i]);
	f->hint = sg_buf_detach(&hint);
done:
	sg_identity_release(&author);
	sg_identity_release(&committer);
	sg_buf_release(&why);
	sg_buf_release(&msg);
	sg_buf_release(&hint);
	return error;
}

/* change-set scope and nothing cited at all: one finding on the oldest change */
void sg_review_aggregate(struct sg_review_cover *c, struct sg_gate *gate)
{
	struct sg_strlist paths = SG_STRLIST_INIT;
	struct sg_buf msg = SG_BUF_INIT, hint = SG_BUF_INIT;
	const struct sg_cover_target *oldest = &c->targets[0];
	struct sg_finding *f;
	size_t i, j;

	for (i = 0; i < c->targets_nr; i++) {
		if (c->targets[i].at.seq > oldest->at.seq)
			oldest = &c->targets[i];
		for (j = 0; j < c->targets[i].paths.nr && paths.nr < SG_COVER_PATHS_LISTED; j++)
			sg_strlist_add_unique(&paths, c->targets[i].paths.items[j]);
	}
	sg_strlist_sort(&paths);
	sg_buf_addf(&msg, "%zu change(s) touch %s but the change set cites no design review",
		    c->targets_nr, c->opts.touches);
	write_hint(&hint, gate);
	f = add_at(gate, c->opts.rule, &oldest->at, msg.ptr);
	f->paths = paths;
	f->hint = sg_buf_detach(&hint);
	sg_buf_release(&msg);
}

void sg_review_report_dangling(struct sg_review_cover *c, struct sg_gate *gate,
			       const struct sg_strlist *dangling)
{
	const struct sg_policy_design_review *p = &gate->policy->design_review;
	struct sg_buf msg = SG_BUF_INIT;
	struct sg_finding *f;
	size_t i;

	for (i = 0; i < c->cites_nr; i++) {
		const struct sg_cover_cite *ci = &c->cites[i];

		if (!sg_strlist_contains(dangling, ci->id))
			continue;
		sg_buf_reset(&msg);
		sg_buf_addf(&msg, "'%s: %s' names no review record", p->trailer, ci->id);
		if (p->records)
			sg_buf_addf(&msg, ": %s%s%s.yml is not in %s", p->records,
				    p->records[strlen(p->records) - 1] == '/' ? "" : "/",
				    ci->id, sg_snapshot_name(sg_gate_records_tree(gate)));
		if (p->notes_ref)
			sg_buf_addf(&msg, "%s no note under %s has that id",
				    p->records ? " and" : ":", p->notes_ref);
		f = add_at(gate, c->opts.rule, &ci->at, msg.ptr);
		if (gate->target)
			sg_finding_set_hint(f, "review records are read from the target, never from the branch being judged: merge the record into the target first, or attach it as a note (git notes --ref %s add) and push the notes ref",
					    p->notes_ref ? p->notes_ref : "refs/notes/design-review");
		else
			sg_finding_set_hint(f, "commit the record in this change set, or correct the id in the message");
	}
	sg_buf_release(&msg);
}

/* pre-commit, commit-msg: a review names a commit, and this is not one yet */
void sg_review_remind(struct sg_review_cover *c, struct sg_gate *gate)
{
	struct sg_buf msg = SG_BUF_INIT;
	struct sg_finding *f;
	size_t i, j;

	for (i = 0; i < c->targets_nr; i++) {
		const struct sg_cover_target *t = &c->targets[i];

		sg_buf_reset(&msg);
		sg_buf_addf(&msg, "reminder: this change touches %s; a design review must cover it before it is pushed",
			    c->opts.touches);
		f = add_at(gate, c->opts.rule, &t->at, msg.ptr);
		f->severity = SG_SEV_WARNING;
		f->seq = 0;
		for (j = 0; j < t->paths.nr && j < SG_COVER_PATHS_LISTED; j++)
			sg_strlist_add(&f->paths, t->paths.items[j]);
		sg_finding_set_hint(f, "a review record names the commit it reviewed, so it comes after this commit; pre-push, the server and the merge request enforce it");
	}
	sg_buf_release(&msg);
}

