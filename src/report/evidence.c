#include "report/evidence.h"
#include "model/clauses.h"
#include "model/deliverable.h"
#include "policy/policy.h"
#include "report/report.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void sg_evidence_date(char out[11], long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

const char *sg_evidence_deliverable_state(const struct sg_evidence *ev, size_t i)
{
	if (!ev->deliverables_active || i >= ev->deliverables_nr)
		return "off";
	return ev->deliverables[i].ok ? "pass" : "fail";
}

/* Clause `x` of a rule evidences applicable clause `a` when one contains the other. */
static int related(const char *x, const char *a)
{
	return sg_clause_within(x, strlen(x), a) || sg_clause_within(a, strlen(a), x);
}

static int rule_evidences(const struct sg_rule_status *rs, const char *clause)
{
	size_t i;

	for (i = 0; i < rs->clauses.nr; i++)
		if (related(rs->clauses.items[i], clause))
			return 1;
	return 0;
}

static void fill_row(struct sg_clause_row *row, const struct sg_evidence *ev)
{
	const struct sg_report *r = ev->report;
	const struct sg_policy *p = ev->policy;
	size_t i, j;
	int pass = 0, fail = 0, pending = 0;

	row->rules = sg_xcalloc(r->rules_nr ? r->rules_nr : 1, sizeof(*row->rules));
	for (i = 0; i < r->rules_nr; i++) {
		const struct sg_rule_status *rs = &r->rules[i];
		const char *state = sg_rule_state_name(rs->state);

		if (!rule_evidences(rs, row->id))
			continue;
		row->rules[row->rules_nr].id = rs->id;
		row->rules[row->rules_nr++].state = state;
		pass += rs->state == SG_RULE_PASS;
		fail += rs->state == SG_RULE_FAIL;
		pending += rs->state == SG_RULE_NOT_EVALUATED;
	}
	row->deliverables = sg_xcalloc(p->release.deliverables_nr ?
				       p->release.deliverables_nr : 1,
				       sizeof(*row->deliverables));
	for (i = 0; i < p->release.deliverables_nr; i++) {
		const struct sg_deliverable *d = &p->release.deliverables[i];
		const char *state = sg_evidence_deliverable_state(ev, i);

		for (j = 0; j < d->clauses.nr; j++)
			if (related(d->clauses.items[j], row->id))
				break;
		if (j == d->clauses.nr)
			continue;
		row->deliverables[row->deliverables_nr].id = d->id;
		row->deliverables[row->deliverables_nr++].state = state;
		pass += !strcmp(state, "pass");
		fail += !strcmp(state, "fail");
	}
	if (fail)
		row->status = "fail";
	else if (pass)
		row->status = "pass";
	else if (pending)
		row->status = "not-evaluated";
	else
		row->status = "manual";
}

void sg_evidence_clauses(struct sg_clause_row **rows, size_t *nr,
			 const struct sg_evidence *ev)
{
	const struct sg_policy *p = ev->policy;
	const struct sg_clause *c;
	struct sg_clause_row *out;
	size_t n = 0, cap;

	cap = p->clauses.nr;
	if (!cap)
		for (c = sg_clauses(); c->id; c++)
			cap++;
	out = sg_xcalloc(cap ? cap : 1, sizeof(*out));
	if (p->clauses.nr) {
		for (n = 0; n < p->clauses.nr; n++)
			out[n].id = p->clauses.items[n];
	} else {
		/* every clause applies: list the leaves of clauses 4 to 9 */
		for (c = sg_clauses(); c->id; c++)
			if (c->id[0] != 'F' && !sg_clause_has_children(c->id))
				out[n++].id = c->id;
	}
	for (cap = 0; cap < n; cap++) {
		const char *title = sg_clause_title(out[cap].id);

		out[cap].title = title ? title : "";
		if (ev->report)
			fill_row(&out[cap], ev);
		else
			out[cap].status = "manual";
	}
	*rows = out;
	*nr = n;
}

void sg_evidence_clauses_free(struct sg_clause_row *rows, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++) {
		free(rows[i].rules);
		free(rows[i].deliverables);
	}
	free(rows);
}
