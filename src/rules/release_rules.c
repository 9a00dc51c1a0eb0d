#include "git/change.h"
#include "git/snapshot.h"
#include "model/clauses.h"
#include "model/deliverable.h"
#include "model/requirements.h"
#include "model/risk.h"
#include "model/trace.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/release_templates.h"
#include "rules/rule.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/glob.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * The release rules judge the release commit as a whole (in `finish`):
 * the deliverables, the requirement → test → risk trace, and the risk
 * file. They run at the release gate; risk-trace also runs on a change
 * set that edits the risk file, judging it at the change set's head.
 */

static const char *release_off(const struct sg_gate *gate)
{
	if (gate->mode != SG_GATE_RELEASE)
		return "runs at the release gate only";
	return gate->policy->release.present ? NULL : "the policy has no 'release' section";
}

/* risk-trace runs at the release and wherever a change set edits a risk file. */
static const char *risk_off(const struct sg_gate *gate)
{
	return gate->policy->risk.present ? NULL : "the policy has no 'risk' section";
}

static void format_date(char out[11], long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* "7.2 Identification of ..., 5.8.2 Release documentation" */
static void clause_list(struct sg_buf *out, const struct sg_strlist *clauses)
{
	size_t i;

	for (i = 0; i < clauses->nr; i++) {
		const char *title = sg_clause_title(clauses->items[i]);

		sg_buf_addf(out, "%s%s%s%s", i ? ", " : "", clauses->items[i],
			    title ? " " : "", title ? title : "");
	}
}

static void deliverable_finding(struct sg_gate *gate,
				const struct sg_deliverable_state *st)
{
	const struct sg_deliverable *d = st->deliverable;
	struct sg_buf msg = SG_BUF_INIT, hint = SG_BUF_INIT;
	struct sg_finding *f;
	char date[11];

	if (!st->exists)
		sg_buf_addf(&msg, "deliverable '%s' (%s) does not exist at the release commit",
			    d->id, d->path);
	else
		sg_buf_addf(&msg, "deliverable '%s' (%s) has not changed since the previous release (%.7s)",
			    d->id, d->path, gate->base_oid);
	if (st->last_known) {
		format_date(date, st->last_time);
		sg_buf_addf(&msg, "; last changed in %.7s on %s", st->last_oid, date);
	} else if (!st->exists) {
		sg_buf_adds(&msg, "; it was never committed");
	}
	if (d->clauses.nr) {
		sg_buf_adds(&msg, " [clauses ");
		clause_list(&msg, &d->clauses);
		sg_buf_adds(&msg, "]");
	}
	f = sg_gate_add(gate, "release-deliverables", NULL, "%s", msg.ptr);
	sg_strlist_add(&f->paths, d->path);
	if (d->clauses.nr)
		sg_strlist_copy(&f->clauses, &d->clauses);
	if (!st->exists)
		sg_buf_addf(&hint, "commit %s before the release%s", d->path,
			    strchr(d->path, '*') ? " (a file matching this pattern)" : "");
	else
		sg_buf_addf(&hint, "bring %s up to date for this release and commit it; 'must: updated' in release.deliverables asks for a change since the previous release",
			    st->files.nr == 1 ? st->files.items[0] : d->path);
	f->hint = sg_buf_detach(&hint);
	sg_buf_release(&msg);
}

static int deliverables_finish(struct sg_gate *gate, void *state)
{
	const struct sg_policy_release *rel = &gate->policy->release;
	struct sg_snapshot *base = NULL;
	size_t i;
	int error = 0;

	(void)state;
	if (sg_release_check_templates(gate) < 0)
		return -1;
	if (!rel->deliverables_nr) {
		sg_gate_note(gate, "the policy lists no release deliverables");
		return 0;
	}
	if (gate->base_oid &&
	    sg_snapshot_from_commit(&base, gate->repo, gate->base_oid) < 0)
		return -1;
	for (i = 0; i < rel->deliverables_nr && !error; i++) {
		struct sg_deliverable_state st;

		error = sg_deliverable_check(&st, gate->repo, gate->head, gate->head_oid,
					     base, &rel->deliverables[i], 0);
		if (!error && !st.ok) {
			/* the history walk is paid only for a finding */
			sg_deliverable_state_release(&st);
			error = sg_deliverable_check(&st, gate->repo, gate->head,
						     gate->head_oid, base,
						     &rel->deliverables[i], 1);
			if (!error)
				deliverable_finding(gate, &st);
		}
		sg_deliverable_state_release(&st);
	}
	sg_snapshot_free(base);
	return error;
}

static void tests_list(struct sg_buf *out, const struct sg_strlist *patterns)
{
	size_t i;

	for (i = 0; i < patterns->nr && i < 5; i++)
		sg_buf_addf(out, "%s%s", i ? ", " : "", patterns->items[i]);
	if (patterns->nr > 5)
		sg_buf_adds(out, ", ...");
}

static void trace_requirement(struct sg_gate *gate, const struct sg_trace *t,
			      const struct sg_trace_req *q)
{
	const struct sg_policy *p = gate->policy;
	struct sg_buf where = SG_BUF_INIT;
	struct sg_finding *f;

	if (!q->accepted)
		return;
	if (!q->tests.nr) {
		tests_list(&where, &p->release.test_evidence);
		f = sg_gate_add(gate, "release-trace", NULL,
				"requirement %s%s%s%s is not cited by any test-evidence file (%s)",
				q->id, q->title ? " (" : "", q->title ? q->title : "",
				q->title ? ")" : "", where.ptr);
		sg_strlist_add(&f->paths, q->file);
		f->line = q->line;
		sg_finding_set_hint(f, "name %s in the test that verifies it (a comment or the test's name is enough) under %s, or change its status if it is no longer required",
				    q->id, where.ptr);
	}
	if (t->has_risks && !q->risks.nr) {
		f = sg_gate_add(gate, "release-trace", NULL,
				"requirement %s controls no security risk", q->id);
		sg_strlist_add(&f->paths, q->file);
		f->line = q->line;
		if (f->severity == SG_SEV_ERROR)
			f->severity = SG_SEV_WARNING;
		sg_finding_set_hint(f, "list %s under 'controls' of the risk it mitigates in %s, or explain in the registry why it controls none",
				    q->id, p->risk.files.items[0]);
	}
	sg_buf_release(&where);
}

static int trace_finish(struct sg_gate *gate, void *state)
{
	const struct sg_policy *p = gate->policy;
	struct sg_trace *t = NULL;
	struct sg_finding *f;
	size_t i;

	(void)state;
	if (sg_trace_build(&t, gate->repo, gate->head, gate->head_oid, p, 0) < 0)
		return -1;
	for (i = 0; i < t->notes.nr; i++)
		sg_gate_note(gate, "%s", t->notes.items[i]);
	if (!t->has_registry) {
		sg_gate_note(gate, "release-trace: no 'requirements.registry', so requirement testing cannot be traced");
	} else if (!t->registry_files) {
		f = sg_gate_add(gate, "release-trace", NULL,
				"the requirements registry (%s) does not exist at the release commit",
				p->requirements.registry.items[0]);
		sg_strlist_copy(&f->paths, &p->requirements.registry);
		sg_finding_set_hint(f, "commit the registry named in 'requirements.registry'");
	} else if (!p->release.test_evidence.nr) {
		f = sg_gate_add(gate, "release-trace", NULL,
				"the policy names no test evidence, so no requirement can be shown to be tested");
		sg_finding_set_hint(f, "list the test files in 'release.test_evidence', e.g. [\"tests/**\"]");
	} else {
		for (i = 0; i < t->nr; i++)
			trace_requirement(gate, t, &t->reqs[i]);
	}
	for (i = 0; i < t->risks.nr; i++) {
		const struct sg_risk *r = &t->risks.items[i];

		if (r->status != SG_RISK_OPEN)
			continue;
		f = sg_gate_add(gate, "release-trace", NULL, "risk %s%s%s%s is still open",
				r->id, r->title ? " (" : "", r->title ? r->title : "",
				r->title ? ")" : "");
		sg_strlist_add(&f->paths, r->file);
		f->line = r->line;
		sg_finding_set_hint(f, "control it (status: mitigated, with its controls) or accept the residual risk (status: accepted) before the release");
	}
	sg_trace_free(t);
	return 0;
}

/* A risk ID: a letter, then letters, digits, '-', '_' or '.'. */
static int valid_risk_id(const char *id)
{
	const char *p = id;

	if (!isalpha((unsigned char)*p))
		return 0;
	for (; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
			return 0;
	return 1;
}

static int full_id_match(const struct sg_policy *p, const char *s)
{
	regmatch_t m;

	return regexec(&p->requirements.id_regex, s, 1, &m, 0) == 0 && m.rm_so == 0 &&
	       (size_t)m.rm_eo == strlen(s);
}

static struct sg_finding *risk_finding(struct sg_gate *gate, const struct sg_risk *r,
				       const char *msg)
{
	struct sg_finding *f = sg_gate_add(gate, "risk-trace", NULL, "%s", msg);

	sg_strlist_add(&f->paths, r->file);
	f->line = r->line;
	return f;
}

static void check_control(struct sg_gate *gate, const struct sg_registry *reg,
			  const struct sg_risk *r, const char *control)
{
	const struct sg_policy *p = gate->policy;
	const struct sg_requirement *q = reg ? sg_registry_find(reg, control) : NULL;
	struct sg_buf msg = SG_BUF_INIT;
	struct sg_finding *f;

	if (reg && reg->files) {
		if (q && sg_strlist_contains(&p->requirements.accepted_status, q->status))
			return;
		if (q)
			sg_buf_addf(&msg, "risk %s is controlled by %s, whose status '%s' is not accepted",
				    r->id, control, q->status);
		else
			sg_buf_addf(&msg, "risk %s names control %s, which is not in the requirements registry",
				    r->id, control);
	} else if (full_id_match(p, control)) {
		return;
	} else {
		sg_buf_addf(&msg, "risk %s names control '%s', which is not a requirement ID ('%s')",
			    r->id, control, p->requirements.id_pattern);
	}
	f = risk_finding(gate, r, msg.ptr);
	sg_finding_set_hint(f, "a control must be an accepted secure requirement: fix the ID, or add or activate %s in %s",
			    control, p->requirements.registry.nr ?
			    p->requirements.registry.items[0] : "the registry");
	sg_buf_release(&msg);
}

static void check_risk(struct sg_gate *gate, const struct sg_registry *reg,
		       const struct sg_risks *risks, size_t idx)
{
	const struct sg_policy *p = gate->policy;
	const struct sg_risk *r = &risks->items[idx];
	struct sg_buf msg = SG_BUF_INIT;
	struct sg_finding *f;
	size_t i;

	if (!valid_risk_id(r->id)) {
		sg_buf_addf(&msg, "risk ID '%s' is not valid", r->id);
		f = risk_finding(gate, r, msg.ptr);
		sg_finding_set_hint(f, "use an ID of letters, digits and dashes that starts with a letter, such as RSK-001");
		sg_buf_reset(&msg);
	}
	for (i = 0; i < idx; i++)
		if (!strcmp(risks->items[i].id, r->id)) {
			sg_buf_addf(&msg, "risk ID '%s' is used twice (also at %s:%u)", r->id,
				    risks->items[i].file, risks->items[i].line);
			f = risk_finding(gate, r, msg.ptr);
			sg_finding_set_hint(f, "give every risk its own ID");
			sg_buf_reset(&msg);
			break;
		}
	if (r->status == SG_RISK_MITIGATED && !r->controls.nr) {
		sg_buf_addf(&msg, "risk %s is 'mitigated' but names no controls", r->id);
		f = risk_finding(gate, r, msg.ptr);
		sg_finding_set_hint(f, "list the secure requirements that control it under 'controls'");
		sg_buf_reset(&msg);
	}
	for (i = 0; i < r->controls.nr; i++)
		check_control(gate, reg, r, r->controls.items[i]);
	for (i = 0; i < r->safety_risks.nr; i++) {
		if (sg_policy_is_safety_id(p, r->safety_risks.items[i]))
			continue;
		sg_buf_addf(&msg, "risk %s links safety risk '%s', which does not match '%s'",
			    r->id, r->safety_risks.items[i], p->risk.safety_id_pattern);
		f = risk_finding(gate, r, msg.ptr);
		sg_finding_set_hint(f, "use the hazard ID of the ISO 14971 risk file, or fix 'risk.safety_id_pattern'");
		sg_buf_reset(&msg);
	}
	sg_buf_release(&msg);
}

struct risk_state {
	int touched;   /* a change of the change set edits a risk file */
};

static int risk_begin(struct sg_gate *gate, void **state)
{
	(void)gate;
	*state = sg_xcalloc(1, sizeof(struct risk_state));
	return 0;
}

static int risk_change(struct sg_gate *gate, void *state, const struct sg_change *change)
{
	struct risk_state *s = state;
	size_t i;

	for (i = 0; i < change->paths.nr && !s->touched; i++)
		s->touched = sg_glob_match_any(&gate->policy->risk.files, change->paths.items[i]);
	return 0;
}

static int risk_finish(struct sg_gate *gate, void *state)
{
	const struct sg_policy *p = gate->policy;
	const struct risk_state *s = state;
	struct sg_risks risks = SG_RISKS_INIT;
	const struct sg_registry *reg = NULL;
	struct sg_finding *f;
	size_t i;
	int error = -1;

	if (gate->mode != SG_GATE_RELEASE && !s->touched)
		return 0;   /* the risk file is judged where it changes, and at release */
	if (sg_risks_load(&risks, gate->head, &p->risk.files) < 0)
		goto done;
	if (p->requirements.present && sg_gate_registry(&reg, gate, NULL) < 0)
		goto done;
	for (i = 0; i < risks.missing.nr; i++) {
		f = sg_gate_add(gate, "risk-trace", NULL,
				"risk file %s does not exist at %s",
				risks.missing.items[i], gate->mode == SG_GATE_RELEASE ?
				"the release commit" : "the head of the change set");
		sg_strlist_add(&f->paths, risks.missing.items[i]);
		sg_finding_set_hint(f, "commit the security risk file, or fix 'risk.files' in the policy");
	}
	/* duplicates are found pairwise: risk files hold tens to hundreds of risks */
	for (i = 0; i < risks.nr; i++)
		check_risk(gate, reg, &risks, i);
	error = 0;
done:
	sg_risks_release(&risks);
	return error;
}

const struct sg_rule sg_rule_risk_trace = {
	.id = "risk-trace",
	.title = "Every risk has a valid ID, accepted controls and valid safety links",
	.clauses = "7.4 7.5",
	.severity = SG_SEV_ERROR,
	.off_reason = risk_off,
	.begin = risk_begin,
	.change = risk_change,
	.finish = risk_finish,
	.free = free,
	.explain =
		"At the release commit, and at the head of every change set that edits\n"
		"the security risk file (risk.files), so that a merge request or a\n"
		"push hears of it at once, every risk has a valid, unique ID (a\n"
		"letter, then letters, digits, '-', '_', '.');\n"
		"every control names a requirement of the registry with an accepted\n"
		"status (without a registry: an ID matching requirements.id_pattern); a\n"
		"'mitigated' risk names at least one control; and every safety_risks entry\n"
		"matches risk.safety_id_pattern (default HAZ-[0-9]+), so the security risk\n"
		"assessment traces to the ISO 14971 safety risks.\n"
		"Policy keys: risk.files, risk.safety_id_pattern, requirements.registry,\n"
		"requirements.id_pattern, requirements.accepted_status.\n"
		"Fix: correct the risk file at the line the finding names.\n",
};

const struct sg_rule sg_rule_release_deliverables = {
	.id = "release-deliverables",
	.title = "Every release deliverable exists and, where required, was updated",
	.clauses = "5.8.2 5.8.6",
	.severity = SG_SEV_ERROR,
	.off_reason = release_off,
	.finish = deliverables_finish,
	.explain =
		"Every deliverable of release.deliverables exists at the release commit\n"
		"(its path may be a glob such as docs/security/pentest/*.pdf: one\n"
		"matching file is enough) and, with 'must: updated', differs from the\n"
		"previous release (the newest tag matching release.tag_pattern that the\n"
		"release commit contains; a first release has nothing to compare with).\n"
		"A finding names the deliverable, its clauses and the commit that last\n"
		"changed it. A deliverable, registry, risk file or SBOM that still holds\n"
		"the 'sdlgate:template' mark of an 'sdlgate init' skeleton is an error\n"
		"naming the line: an unfilled template documents nothing.\n"
		"Policy keys: release.deliverables[] (id, path, must, clauses),\n"
		"release.tag_pattern.\n"
		"Fix: commit the missing document, bring the stale one up to date, or\n"
		"write the template's real content and delete its mark.\n",
};

const struct sg_rule sg_rule_release_trace = {
	.id = "release-trace",
	.title = "Every accepted requirement is tested and no risk is open",
	.clauses = "5.7.1 5.8.1 5.8.5 7.5",
	.severity = SG_SEV_ERROR,
	.off_reason = release_off,
	.finish = trace_finish,
	.explain =
		"At the release commit, every requirement of the registry with an\n"
		"accepted status is cited (its ID appears, found with\n"
		"requirements.id_pattern) in at least one file under\n"
		"release.test_evidence; no risk of the risk file is still 'open'; and\n"
		"a requirement that controls no risk is a warning (traceability runs\n"
		"risk -> control -> test both ways).\n"
		"Policy keys: release.test_evidence, requirements.registry,\n"
		"requirements.id_pattern, requirements.accepted_status, risk.files.\n"
		"Fix: name the requirement in the test that verifies it; mitigate or\n"
		"accept the open risk. 'sdlgate trace' shows the whole matrix.\n",
};
