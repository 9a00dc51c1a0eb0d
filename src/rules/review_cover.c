#include "rules/review_cover.h"
#include "rules/review_cover_internal.h"
#include "git/change.h"
#include "git/identity.h"
#include "git/notes.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "model/review.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/glob.h"

#include <stdlib.h>
#include <string.h>

struct sg_review_cover *sg_review_cover_new(const struct sg_review_cover_opts *opts)
{
	struct sg_review_cover *c = sg_xcalloc(1, sizeof(*c));

	c->opts = *opts;
	return c;
}

static void at_set(struct sg_cover_at *at, const struct sg_change *change)
{
	at->oid = change->oid ? sg_xstrdup(change->oid) : NULL;
	at->subject = sg_xstrdup(change->subject ? change->subject : "");
	at->seq = change->seq;
}

static void at_release(struct sg_cover_at *at)
{
	free(at->oid);
	free(at->subject);
}

void sg_review_cover_free(struct sg_review_cover *c)
{
	size_t i, j;

	if (!c)
		return;
	for (i = 0; i < c->targets_nr; i++) {
		struct sg_cover_target *t = &c->targets[i];

		at_release(&t->at);
		free(t->author_name);
		free(t->author_email);
		free(t->committer_name);
		free(t->committer_email);
		sg_strlist_release(&t->paths);
		sg_strlist_release(&t->cites);
	}
	for (i = 0; i < c->cites_nr; i++) {
		free(c->cites[i].id);
		at_release(&c->cites[i].at);
	}
	for (i = 0; i < c->records_nr; i++) {
		struct sg_cover_record *r = &c->records[i];

		sg_review_free(r->review);
		free(r->label);
		free(r->attached);
		for (j = 0; j < r->people_nr; j++)
			sg_identity_release(&r->people[j]);
		free(r->people);
		sg_buf_release(&r->problems);
		free(r->lineage);
	}
	free(c->targets);
	free(c->cites);
	free(c->records);
	sg_notes_free(c->notes);
	sg_strlist_release(&c->commits);
	sg_mailmap_free(c->mailmap);
	free(c);
}

static void add_record(struct sg_review_cover *c, struct sg_review *review,
		       const char *attached)
{
	struct sg_cover_record *r;
	struct sg_buf label = SG_BUF_INIT;

	SG_ALLOC_GROW(c->records, c->records_nr + 1, c->records_alloc);
	r = &c->records[c->records_nr++];
	memset(r, 0, sizeof(*r));
	sg_buf_init(&r->problems);
	r->review = review;
	sg_buf_adds(&label, review->id);
	if (attached) {
		sg_buf_addf(&label, " (note on %.7s)", attached);
		r->attached = sg_xstrdup(attached);
	}
	r->label = sg_buf_detach(&label);
}

/* The review IDs a change cites: comma or space separated trailer values. */
static void cited_ids(struct sg_strlist *out, struct sg_review_cover *c,
		      struct sg_gate *gate, const struct sg_change *change)
{
	const char *trailer = gate->policy->design_review.trailer;
	struct sg_strlist values = SG_STRLIST_INIT;
	struct sg_finding *f;
	size_t i;

	sg_trailers_values(&values, &change->trailers, trailer);
	for (i = 0; i < values.nr; i++) {
		const char *p = values.items[i];
		int reported = 0;

		while (*p) {
			size_t len = strcspn(p, ", \t");
			char *id = sg_xstrndup(p, len);

			if (len && sg_review_id_valid(id)) {
				sg_strlist_add_unique(out, id);
			} else if (len && c->opts.report_refs && !reported++) {
				f = sg_gate_add(gate, c->opts.rule, change,
						"'%s: %s' is not a review record id",
						trailer, values.items[i]);
				sg_finding_set_hint(f, "write '%s: DR-2026-014' (letters, digits, '.', '_', '-'); separate several ids with commas",
						    trailer);
			}
			free(id);
			p += len;
			while (*p == ',' || *p == ' ' || *p == '\t')
				p++;
		}
	}
	sg_strlist_release(&values);
}

/* The note attached to commit `oid`, as a record: 0, or -1 (exit 2 or 3). */
static int read_note(size_t *out, struct sg_review_cover *c, struct sg_gate *gate,
		     const char *oid)
{
	const struct sg_policy_design_review *p = &gate->policy->design_review;
	struct sg_buf text = SG_BUF_INIT, name = SG_BUF_INIT;
	struct sg_review *review = NULL;
	int rc, error = -1;

	*out = 0;
	if (!c->notes && sg_notes_open_at(&c->notes, gate->repo, p->notes_ref,
					 gate->notes_commit) < 0)
		return -1;
	rc = sg_notes_read(&text, c->notes, oid, SG_REVIEW_MAX_SIZE);
	if (rc) {
		error = rc < 0 ? -1 : 0;
		goto done;
	}
	sg_buf_addf(&name, "note on %s", oid);
	if (sg_review_parse(&review, name.ptr, text.ptr, text.len, NULL, p,
			    SG_REVIEW_NOTE) < 0)
		goto done;
	add_record(c, review, oid);
	*out = c->records_nr;
	error = 0;
done:
	sg_buf_release(&text);
	sg_buf_release(&name);
	return error;
}

int sg_review_cover_change(struct sg_review_cover *c, struct sg_gate *gate,
			   const struct sg_change *change,
			   const struct sg_strlist *paths)
{
	const struct sg_policy_design_review *p = &gate->policy->design_review;
	struct sg_strlist ids = SG_STRLIST_INIT;
	struct sg_cover_target *t;
	size_t i;

	if (change->message)
		cited_ids(&ids, c, gate, change);
	for (i = 0; i < ids.nr; i++) {
		SG_ALLOC_GROW(c->cites, c->cites_nr + 1, c->cites_alloc);
		c->cites[c->cites_nr].id = sg_xstrdup(ids.items[i]);
		at_set(&c->cites[c->cites_nr].at, change);
		c->cites_nr++;
	}
	/* notes are read at the end, and only when a change needs a review */
	if (p->notes_ref && change->oid)
		sg_strlist_add(&c->commits, change->oid);
	if (!paths->nr) {
		sg_strlist_release(&ids);
		return 0;
	}
	SG_ALLOC_GROW(c->targets, c->targets_nr + 1, c->targets_alloc);
	t = &c->targets[c->targets_nr++];
	memset(t, 0, sizeof(*t));
	at_set(&t->at, change);
	t->author_name = sg_xstrdup(change->author_name ? change->author_name : "");
	t->author_email = sg_xstrdup(change->author_email ? change->author_email : "");
	t->committer_name = sg_xstrdup(change->committer_name ? change->committer_name : "");
	t->committer_email = sg_xstrdup(change->committer_email ? change->committer_email : "");
	sg_strlist_copy(&t->paths, paths);
	t->cites = ids;
	return 0;
}

/* finish: read the cited records, judge them, decide every change */

static int have_record(const struct sg_review_cover *c, const char *id, int files_only)
{
	size_t i;

	for (i = 0; i < c->records_nr; i++)
		if (!strcmp(c->records[i].review->id, id) &&
		    !(files_only && c->records[i].attached))
			return 1;
	return 0;
}

/*
 * Read <records>/<id>.yml (or .yaml) from the change set's head, or the
 * target's tree in --mr and pre-receive: 0, 1 absent, -1.
 */
static int read_record_file(struct sg_review_cover *c, struct sg_gate *gate,
			    const char *id)
{
	const struct sg_policy_design_review *p = &gate->policy->design_review;
	static const char *const exts[] = { ".yml", ".yaml", NULL };
	struct sg_buf path = SG_BUF_INIT, data = SG_BUF_INIT;
	struct sg_review *review = NULL;
	size_t dirlen = strlen(p->records);
	int rc = 1, i;

	if (!sg_gate_records_tree(gate))
		return 1;
	while (dirlen && p->records[dirlen - 1] == '/')
		dirlen--;
	for (i = 0; exts[i] && rc == 1; i++) {
		sg_buf_reset(&path);
		sg_buf_addf(&path, "%.*s/%s%s", (int)dirlen, p->records, id, exts[i]);
		rc = sg_snapshot_read(&data, sg_gate_records_tree(gate), path.ptr,
				      SG_REVIEW_MAX_SIZE);
	}
	if (rc == 0) {
		rc = sg_review_parse(&review, path.ptr, data.ptr, data.len, id, p, 0);
		if (rc == 0)
			add_record(c, review, NULL);
	}
	sg_buf_release(&path);
	sg_buf_release(&data);
	return rc;
}

static int load_cited(struct sg_review_cover *c, struct sg_gate *gate,
		      struct sg_strlist *dangling)
{
	size_t i;
	int rc;

	for (i = 0; i < c->cites_nr; i++) {
		const char *id = c->cites[i].id;

		if (have_record(c, id, 1) || sg_strlist_contains(dangling, id))
			continue;
		rc = gate->policy->design_review.records ? read_record_file(c, gate, id) : 1;
		if (rc < 0)
			return -1;
		if (rc > 0 && !have_record(c, id, 0))
			sg_strlist_add(dangling, id);
	}
	return 0;
}

static int resolve_reviewed(struct sg_cover_record *r, struct sg_gate *gate)
{
	const struct sg_review *review = r->review;
	int rc;

	if (!review->reviewed_commit) {
		memcpy(r->reviewed, r->attached, 41);
		return 0;
	}
	rc = sg_repo_find_commit(r->reviewed, gate->repo, review->reviewed_commit);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		sg_error_set("%s: reviewed_commit '%s' is not a commit of this repository",
			     review->reviewed_where, review->reviewed_commit);
		sg_error_hint("correct the id, or fetch the history that has it (a shallow CI clone may need 'git fetch --unshallow')");
		return -1;
	}
	if (rc == 2) {
		sg_error_set("%s: reviewed_commit '%s' is ambiguous: several objects start with it",
			     review->reviewed_where, review->reviewed_commit);
		sg_error_hint("write the full id ('git rev-parse %s')", review->reviewed_commit);
		return -1;
	}
	return 0;
}

/*
 * The notes of the change set's commits, as records. Targets were taken
 * in the same order as the commits, so one pass pairs each target with
 * the note attached to it.
 */
static int read_notes(struct sg_review_cover *c, struct sg_gate *gate)
{
	size_t i, note, ti = 0;

	for (i = 0; i < c->commits.nr; i++) {
		const char *oid = c->commits.items[i];

		if (read_note(&note, c, gate, oid) < 0)
			return -1;
		if (ti < c->targets_nr && !strcmp(c->targets[ti].at.oid, oid))
			c->targets[ti++].note = note;
	}
	return 0;
}

int sg_review_cover_finish(struct sg_review_cover *c, struct sg_gate *gate)
{
	struct sg_strlist dangling = SG_STRLIST_INIT;
	size_t i;
	int error = -1;

	if (!c->targets_nr && !c->cites_nr && !c->records_nr)
		return 0;
	/* notes matter for changes needing a review and for the ids cited */
	if ((c->targets_nr || c->cites_nr) && read_notes(c, gate) < 0)
		goto done;
	if (load_cited(c, gate, &dangling) < 0)
		goto done;
	if (c->records_nr &&
	    sg_mailmap_open_at(&c->mailmap, gate->repo,
			       gate->mode == SG_GATE_MR ? gate->base_oid : NULL) < 0)
		goto done;
	for (i = 0; i < c->records_nr; i++) {
		if (resolve_reviewed(&c->records[i], gate) < 0)
			goto done;
		sg_review_judge_record(&c->records[i], c, &gate->policy->design_review);
	}
	error = 0;
	if (sg_gate_is_staged(gate)) {
		sg_review_remind(c, gate);
		goto done;
	}
	if (c->opts.report_refs)
		sg_review_report_dangling(c, gate, &dangling);
	if (!c->targets_nr)
		goto done;
	if (!c->records_nr && c->opts.aggregate && !gate->policy->co_change_commit) {
		sg_review_aggregate(c, gate);
		goto done;
	}
	for (i = 0; i < c->targets_nr && !error; i++)
		error = sg_review_decide(c, gate, i);
done:
	sg_strlist_release(&dangling);
	return error;
}
