#include "report/evidence.h"
#include "model/deliverable.h"
#include "model/trace.h"
#include "policy/policy.h"
#include "report/report.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

/* evidence.md and `sdlgate trace --format markdown`: GitHub-flavoured tables. */

#define MAX_COMMITS_SHOWN 10

/* Text inside a table cell: no line breaks, pipes escaped. */
static void cell(struct sg_buf *out, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			sg_buf_adds(out, "\\|");
		else if (*s == '\n' || *s == '\r')
			sg_buf_addch(out, ' ');
		else
			sg_buf_addch(out, *s);
	}
}

static void list_cell(struct sg_buf *out, const struct sg_strlist *l, int code,
		      size_t max, size_t width)
{
	size_t i;

	if (!l->nr) {
		sg_buf_adds(out, "—");
		return;
	}
	for (i = 0; i < l->nr && i < max; i++) {
		sg_buf_adds(out, i ? ", " : "");
		if (code)
			sg_buf_addch(out, '`');
		if (width)
			sg_buf_add(out, l->items[i], strlen(l->items[i]) < width ?
				   strlen(l->items[i]) : width);
		else
			cell(out, l->items[i]);
		if (code)
			sg_buf_addch(out, '`');
	}
	if (l->nr > max)
		sg_buf_addf(out, " and %zu more", l->nr - max);
}

static void gaps_cell(struct sg_buf *out, const struct sg_trace *t,
		      const struct sg_trace_req *q)
{
	int n = 0;

	if (!q->accepted) {
		sg_buf_adds(out, "not accepted: no trace required");
		return;
	}
	if (!q->tests.nr)
		sg_buf_addf(out, "%s**untested**", n++ ? ", " : "");
	if (t->has_risks && !q->risks.nr)
		sg_buf_addf(out, "%scontrols no risk", n++ ? ", " : "");
	if (t->walked && !q->commits.nr)
		sg_buf_addf(out, "%sno commit cites it", n++ ? ", " : "");
	if (!n)
		sg_buf_adds(out, "none");
}

static void matrix(struct sg_buf *out, const struct sg_trace *t, const char *h)
{
	size_t *order = sg_trace_display_order(t);
	size_t i;

	sg_buf_addf(out, "%s Traceability matrix\n\n", h);
	if (!t->has_registry)
		sg_buf_adds(out, "The policy names no requirements registry, so there is no matrix.\n\n");
	else if (!t->nr)
		sg_buf_adds(out, "The registry defines no requirements at this commit.\n\n");
	else
		sg_buf_addf(out, "%zu requirement(s), %zu accepted one(s) untested; %zu test-evidence file(s) searched%s.\n\n"
			    "| Requirement | Title | Status | Risks | Tests | Commits | Reviews | Gaps |\n"
			    "|---|---|---|---|---|---|---|---|\n",
			    t->nr, sg_trace_untested(t), t->test_files,
			    t->walked ? ", the whole history walked for commits" : "");
	for (i = 0; i < t->nr; i++) {
		const struct sg_trace_req *q = &t->reqs[order[i]];

		sg_buf_adds(out, "| ");
		cell(out, q->id);
		sg_buf_adds(out, " | ");
		cell(out, q->title ? q->title : "");
		sg_buf_adds(out, " | ");
		cell(out, q->status);
		sg_buf_adds(out, " | ");
		list_cell(out, &q->risks, 0, (size_t)-1, 0);
		sg_buf_adds(out, " | ");
		list_cell(out, &q->tests, 1, (size_t)-1, 0);
		sg_buf_adds(out, " | ");
		list_cell(out, &q->commits, 1, MAX_COMMITS_SHOWN, 7);
		sg_buf_adds(out, " | ");
		list_cell(out, &q->reviews, 0, (size_t)-1, 0);
		sg_buf_adds(out, " | ");
		gaps_cell(out, t, q);
		sg_buf_adds(out, " |\n");
	}
	if (t->nr)
		sg_buf_addch(out, '\n');
	free(order);

	sg_buf_addf(out, "%s Security risks\n\n", h);
	if (!t->has_risks) {
		sg_buf_adds(out, "The policy has no risk section.\n\n");
	} else if (!t->risks.nr) {
		sg_buf_adds(out, "The risk file lists no risks.\n\n");
	} else {
		sg_buf_adds(out, "| Risk | Title | Status | Controls | Safety risks |\n|---|---|---|---|---|\n");
		for (i = 0; i < t->risks.nr; i++) {
			const struct sg_risk *r = &t->risks.items[i];

			sg_buf_adds(out, "| ");
			cell(out, r->id);
			sg_buf_adds(out, " | ");
			cell(out, r->title ? r->title : "");
			sg_buf_addf(out, " | %s%s%s | ", r->status == SG_RISK_OPEN ? "**" : "",
				    sg_risk_status_name(r->status),
				    r->status == SG_RISK_OPEN ? "**" : "");
			list_cell(out, &r->controls, 0, (size_t)-1, 0);
			sg_buf_adds(out, " | ");
			list_cell(out, &r->safety_risks, 0, (size_t)-1, 0);
			sg_buf_adds(out, " |\n");
		}
		sg_buf_addch(out, '\n');
	}
	for (i = 0; i < t->risks.missing.nr; i++)
		sg_buf_addf(out, "- risk file `%s` does not exist at this commit\n",
			    t->risks.missing.items[i]);
	for (i = 0; i < t->notes.nr; i++)
		sg_buf_addf(out, "- note: %s\n", t->notes.items[i]);
}

int sg_trace_write_md(struct sg_buf *out, const struct sg_evidence *ev)
{
	sg_buf_adds(out, "# Security traceability");
	if (ev->policy->product)
		sg_buf_addf(out, ": %s", ev->policy->product);
	sg_buf_addf(out, "\n\nCommit `%s`, profile %s, sdlgate %s.\n\n", ev->head,
		    ev->policy->extends ? ev->policy->extends : "(none)",
		    ev->tool_version);
	matrix(out, ev->trace, "##");
	return 0;
}

static void summary(struct sg_buf *out, const struct sg_evidence *ev)
{
	const struct sg_report *r = ev->report;
	const struct sg_policy *p = ev->policy;

	sg_buf_adds(out, "| | |\n|---|---|\n");
	sg_buf_addf(out, "| Result | **%s**: %zu error(s), %zu warning(s), %zu waived |\n",
		    sg_report_passed(r) ? "PASS" : "FAIL", r->errors, r->warnings, r->waived);
	sg_buf_addf(out, "| Release commit | `%s` |\n", ev->head);
	if (ev->previous_oid)
		sg_buf_addf(out, "| Previous release | %s (`%s`) |\n",
			    ev->previous_tag ? ev->previous_tag : "-", ev->previous_oid);
	else
		sg_buf_adds(out, "| Previous release | none: first release, the whole history was checked |\n");
	sg_buf_addf(out, "| Changes checked | %zu |\n", r->commits);
	sg_buf_adds(out, "| Profile | ");
	cell(out, p->extends ? p->extends : "(none)");
	sg_buf_adds(out, " |\n| Policy | `");
	cell(out, p->path);
	sg_buf_addf(out, "` (%s), sha256 `%s` |\n", r->policy_from ? r->policy_from : "-",
		    r->policy_sha256);
	sg_buf_addf(out, "| Evaluated on | %s |\n| Tool | sdlgate %s |\n\n",
		    ev->evaluated_on, ev->tool_version);
}

static void clauses(struct sg_buf *out, const struct sg_evidence *ev)
{
	struct sg_clause_row *rows;
	size_t nr, i, j;

	sg_evidence_clauses(&rows, &nr, ev);
	sg_buf_adds(out, "## Clauses of the profile\n\n"
		    "Each applicable clause, the rules and deliverables that give evidence for it, and how they ended. "
		    "*manual*: nothing sdlgate checks covers the clause; it rests on the team's process.\n\n"
		    "| Clause | Title | Status | Evidence |\n|---|---|---|---|\n");
	for (i = 0; i < nr; i++) {
		const struct sg_clause_row *c = &rows[i];

		sg_buf_addf(out, "| %s | ", c->id);
		cell(out, c->title);
		sg_buf_addf(out, " | %s%s%s | ", !strcmp(c->status, "fail") ? "**" : "",
			    c->status, !strcmp(c->status, "fail") ? "**" : "");
		for (j = 0; j < c->rules_nr; j++)
			sg_buf_addf(out, "%s`%s` %s", j ? ", " : "", c->rules[j].id,
				    c->rules[j].state);
		for (j = 0; j < c->deliverables_nr; j++)
			sg_buf_addf(out, "%sdeliverable `%s` %s", j || c->rules_nr ? ", " : "",
				    c->deliverables[j].id, c->deliverables[j].state);
		if (!c->rules_nr && !c->deliverables_nr)
			sg_buf_adds(out, "—");
		sg_buf_adds(out, " |\n");
	}
	sg_buf_addch(out, '\n');
	sg_evidence_clauses_free(rows, nr);
}

static void deliverables(struct sg_buf *out, const struct sg_evidence *ev)
{
	const struct sg_policy *p = ev->policy;
	char date[11];
	size_t i;

	sg_buf_adds(out, "## Deliverables\n\n");
	if (!p->release.deliverables_nr) {
		sg_buf_adds(out, "The policy lists no release deliverables.\n\n");
		return;
	}
	sg_buf_adds(out, "| Deliverable | Path | Must | Clauses | Status | Last changed |\n|---|---|---|---|---|---|\n");
	for (i = 0; i < p->release.deliverables_nr; i++) {
		const struct sg_deliverable *d = &p->release.deliverables[i];
		const char *state = sg_evidence_deliverable_state(ev, i);

		sg_buf_adds(out, "| ");
		cell(out, d->id);
		sg_buf_adds(out, " | `");
		cell(out, d->path);
		sg_buf_addf(out, "` | %s | ", d->must_update ? "updated" : "exists");
		list_cell(out, &d->clauses, 0, (size_t)-1, 0);
		sg_buf_addf(out, " | %s%s%s | ", !strcmp(state, "fail") ? "**" : "", state,
			    !strcmp(state, "fail") ? "**" : "");
		if (ev->deliverables_active && i < ev->deliverables_nr &&
		    ev->deliverables[i].last_known) {
			sg_evidence_date(date, ev->deliverables[i].last_time);
			sg_buf_addf(out, "`%.7s` %s", ev->deliverables[i].last_oid, date);
		} else {
			sg_buf_adds(out, "—");
		}
		sg_buf_adds(out, " |\n");
	}
	sg_buf_addch(out, '\n');
}

static void findings(struct sg_buf *out, const struct sg_evidence *ev)
{
	const struct sg_report *r = ev->report;
	const struct sg_policy *p = ev->policy;
	size_t i;

	sg_buf_adds(out, "## Findings\n\n");
	if (!r->findings.nr)
		sg_buf_adds(out, "None.\n\n");
	else
		sg_buf_adds(out, "| Severity | Rule | Commit | Paths | Finding | What to do |\n|---|---|---|---|---|---|\n");
	for (i = 0; i < r->findings.nr; i++) {
		const struct sg_finding *f = &r->findings.items[i];

		sg_buf_addf(out, "| %s | `%s` | ", f->waived ? "waived" :
			    sg_severity_name(f->severity), f->rule);
		if (f->commit)
			sg_buf_addf(out, "`%.7s` ", f->commit);
		else
			sg_buf_adds(out, "— ");
		sg_buf_adds(out, "| ");
		list_cell(out, &f->paths, 1, 5, 0);
		if (f->line)
			sg_buf_addf(out, " line %u", f->line);
		sg_buf_adds(out, " | ");
		cell(out, f->message);
		if (f->waived && f->waiver) {
			sg_buf_adds(out, " (waived: ");
			cell(out, f->waiver);
			sg_buf_adds(out, ")");
		}
		sg_buf_adds(out, " | ");
		cell(out, f->hint ? f->hint : "");
		sg_buf_adds(out, " |\n");
	}
	if (r->findings.nr)
		sg_buf_addch(out, '\n');

	sg_buf_adds(out, "## Waivers\n\n");
	if (!p->waivers_nr)
		sg_buf_adds(out, "The policy grants no waivers.\n\n");
	else
		sg_buf_adds(out, "| Rule | Commit or path | Reason | Approved by | Expires |\n|---|---|---|---|---|\n");
	for (i = 0; i < p->waivers_nr; i++) {
		const struct sg_waiver *w = &p->waivers[i];

		sg_buf_addf(out, "| `%s` | `", w->rule);
		cell(out, w->commit ? w->commit : w->path);
		sg_buf_adds(out, "` | ");
		cell(out, w->reason);
		sg_buf_adds(out, " | ");
		cell(out, w->approved_by);
		sg_buf_addf(out, " | %s%s |\n", w->expires,
			    strcmp(w->expires, ev->evaluated_on) < 0 ? " (**expired**)" : "");
	}
	if (p->waivers_nr)
		sg_buf_addch(out, '\n');
}

int sg_evidence_write_md(struct sg_buf *out, const struct sg_evidence *ev)
{
	const struct sg_report *r = ev->report;
	size_t i;

	sg_buf_adds(out, "# Release evidence");
	if (ev->policy->product)
		sg_buf_addf(out, ": %s", ev->policy->product);
	sg_buf_adds(out, "\n\n");
	summary(out, ev);
	clauses(out, ev);
	deliverables(out, ev);
	findings(out, ev);
	matrix(out, ev->trace, "##");
	sg_buf_adds(out, "\n## Rules\n\n| Rule | Status | Clauses | Why |\n|---|---|---|---|\n");
	for (i = 0; i < r->rules_nr; i++) {
		const struct sg_rule_status *rs = &r->rules[i];

		sg_buf_addf(out, "| `%s` | %s | ", rs->id, sg_rule_state_name(rs->state));
		list_cell(out, &rs->clauses, 0, (size_t)-1, 0);
		sg_buf_adds(out, " | ");
		cell(out, rs->reason ? rs->reason : "");
		sg_buf_adds(out, " |\n");
	}
	if (r->notes.nr)
		sg_buf_adds(out, "\n## Notes\n\n");
	for (i = 0; i < r->notes.nr; i++) {
		sg_buf_adds(out, "- ");
		cell(out, r->notes.items[i]);
		sg_buf_addch(out, '\n');
	}
	return 0;
}
