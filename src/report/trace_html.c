#include "report/evidence.h"
#include "model/deliverable.h"
#include "model/trace.h"
#include "policy/policy.h"
#include "report/report.h"
#include "util/buf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/*
 * trace.html: one self-contained page (inline CSS, no script, nothing
 * fetched) that an auditor reads in a browser or prints. Gaps stand out:
 * untested requirements and open risks in red, requirements that control
 * no risk in amber.
 */

#define MAX_COMMITS_SHOWN 12

static const char css[] =
	":root{--ink:#1d2430;--muted:#5b6472;--line:#d8dde5;--bg:#f6f8fb;"
	"--pass:#1a7f37;--fail:#c62828;--warn:#b26a00;--gap:#fdecea;--amber:#fff4e0}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);background:#fff}\n"
	"header{padding:24px 32px 16px;background:var(--bg);border-bottom:1px solid var(--line)}\n"
	"h1{margin:0 0 4px;font-size:22px}\n"
	"h2{margin:32px 0 8px;font-size:17px;border-bottom:2px solid var(--line);padding-bottom:4px}\n"
	"main{padding:0 32px 32px}\n"
	".meta{color:var(--muted);margin:0}\n"
	".meta code{color:var(--ink)}\n"
	".verdict{display:inline-block;margin-top:12px;padding:6px 14px;border-radius:6px;font-weight:700;color:#fff}\n"
	".verdict.pass{background:var(--pass)}.verdict.fail{background:var(--fail)}\n"
	".cards{display:flex;gap:12px;flex-wrap:wrap;margin-top:14px}\n"
	".card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px}\n"
	".card b{display:block;font-size:20px}.card.bad b{color:var(--fail)}.card.warn b{color:var(--warn)}\n"
	"nav{margin-top:12px}nav a{margin-right:14px;color:var(--muted)}\n"
	"table{border-collapse:collapse;width:100%;margin:8px 0}\n"
	"th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}\n"
	"th{background:var(--bg);font-weight:600;white-space:nowrap}\n"
	"td.id{white-space:nowrap;font-weight:600}\n"
	"code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}\n"
	"tr.gap td{background:var(--gap)}tr.gap td.id{border-left:4px solid var(--fail)}\n"
	"tr.warn td{background:var(--amber)}tr.warn td.id{border-left:4px solid var(--warn)}\n"
	"tr.muted td{color:var(--muted)}\n"
	".badge{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px;font-weight:600;white-space:nowrap}\n"
	".b-pass{background:#dcf3e3;color:var(--pass)}.b-fail{background:#fbd9d6;color:var(--fail)}\n"
	".b-warn{background:#ffe8c2;color:var(--warn)}.b-off{background:#eceff3;color:var(--muted)}\n"
	".none{color:var(--muted)}\n"
	".nw{white-space:nowrap}\n"
	"footer{padding:16px 32px;color:var(--muted);border-top:1px solid var(--line);font-size:12px}\n"
	"@media print{body{font-size:10pt}header{background:none;padding:0 0 8px}main{padding:0}"
	"nav{display:none}a{color:inherit;text-decoration:none}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"tr{break-inside:avoid}thead{display:table-header-group}h2{break-after:avoid}"
	"footer{padding:8px 0}@page{size:A4 landscape;margin:12mm}}\n";

static void esc(struct sg_buf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': sg_buf_adds(out, "&amp;"); break;
		case '<': sg_buf_adds(out, "&lt;"); break;
		case '>': sg_buf_adds(out, "&gt;"); break;
		case '"': sg_buf_adds(out, "&quot;"); break;
		case '\'': sg_buf_adds(out, "&#39;"); break;
		default: sg_buf_addch(out, *s);
		}
	}
}

/* An id attribute for a requirement: letters and digits kept, the rest '_'. */
static void anchor(struct sg_buf *out, const char *prefix, const char *id)
{
	sg_buf_adds(out, prefix);
	for (; *id; id++)
		sg_buf_addch(out, isalnum((unsigned char)*id) || *id == '-' ? *id : '_');
}

static void badge(struct sg_buf *out, const char *state)
{
	const char *cls = !strcmp(state, "pass") ? "b-pass" :
		!strcmp(state, "fail") ? "b-fail" :
		!strcmp(state, "not-evaluated") || !strcmp(state, "warning") ? "b-warn" : "b-off";

	sg_buf_addf(out, "<span class=\"badge %s\">", cls);
	esc(out, state);
	sg_buf_adds(out, "</span>");
}

/* All test-evidence files the matrix cites, sorted: their anchors are t-<n>. */
static void collect_tests(struct sg_strlist *out, const struct sg_trace *t)
{
	size_t i, j;

	for (i = 0; i < t->nr; i++)
		for (j = 0; j < t->reqs[i].tests.nr; j++)
			sg_strlist_add_unique(out, t->reqs[i].tests.items[j]);
	sg_strlist_sort(out);
}

static size_t test_index(const struct sg_strlist *tests, const char *path)
{
	size_t i;

	for (i = 0; i < tests->nr; i++)
		if (!strcmp(tests->items[i], path))
			return i + 1;
	return 0;
}

static void header(struct sg_buf *out, const struct sg_evidence *ev)
{
	const struct sg_trace *t = ev->trace;
	const struct sg_policy *p = ev->policy;
	const struct sg_report *r = ev->report;
	size_t untested = sg_trace_untested(t), open = 0, i;

	for (i = 0; i < t->risks.nr; i++)
		open += t->risks.items[i].status == SG_RISK_OPEN;
	sg_buf_adds(out, "<header>\n<h1>");
	sg_buf_adds(out, r ? "Release evidence and traceability" : "Security traceability");
	if (p->product) {
		sg_buf_adds(out, " — ");
		esc(out, p->product);
	}
	sg_buf_addf(out, "</h1>\n<p class=\"meta\">%s <code>%s</code>",
		    r ? "Release commit" : "Commit", ev->head);
	if (r) {
		if (ev->previous_oid) {
			sg_buf_adds(out, " · previous release ");
			esc(out, ev->previous_tag ? ev->previous_tag : "-");
			sg_buf_addf(out, " (<code>%.7s</code>)", ev->previous_oid);
		} else {
			sg_buf_adds(out, " · first release (whole history checked)");
		}
	}
	sg_buf_adds(out, "</p>\n<p class=\"meta\">Profile <b>");
	esc(out, p->extends ? p->extends : "(none)");
	sg_buf_adds(out, "</b> · policy <code>");
	esc(out, p->path);
	sg_buf_adds(out, "</code>");
	if (ev->evaluated_on)
		sg_buf_addf(out, " · evaluated on %s", ev->evaluated_on);
	sg_buf_addf(out, " · sdlgate %s</p>\n", ev->tool_version);
	if (r)
		sg_buf_addf(out, "<div class=\"verdict %s\">Release gate: %s — %zu error(s), %zu warning(s), %zu waived</div>\n",
			    sg_report_passed(r) ? "pass" : "fail",
			    sg_report_passed(r) ? "PASS" : "FAIL", r->errors, r->warnings, r->waived);
	sg_buf_addf(out, "<div class=\"cards\">"
		    "<div class=\"card\"><b>%zu</b>requirements</div>"
		    "<div class=\"card%s\"><b>%zu</b>accepted, untested</div>"
		    "<div class=\"card\"><b>%zu</b>security risks</div>"
		    "<div class=\"card%s\"><b>%zu</b>risks open</div>"
		    "<div class=\"card\"><b>%zu</b>test-evidence files</div>",
		    t->nr, untested ? " bad" : "", untested, t->risks.nr,
		    open ? " bad" : "", open, t->test_files);
	if (r)
		sg_buf_addf(out, "<div class=\"card\"><b>%zu</b>changes checked</div>", r->commits);
	sg_buf_adds(out, "</div>\n<nav>");
	if (r)
		sg_buf_adds(out, "<a href=\"#clauses\">Clauses</a><a href=\"#deliverables\">Deliverables</a><a href=\"#findings\">Findings</a>");
	sg_buf_adds(out, "<a href=\"#matrix\">Matrix</a><a href=\"#risks\">Risks</a><a href=\"#tests\">Test evidence</a></nav>\n</header>\n");
}

static void clauses(struct sg_buf *out, const struct sg_evidence *ev)
{
	struct sg_clause_row *rows;
	size_t nr, i, j;

	sg_evidence_clauses(&rows, &nr, ev);
	sg_buf_adds(out, "<h2 id=\"clauses\">Clauses of the profile</h2>\n"
		    "<p class=\"meta\">Each applicable IEC 81001-5-1 clause and the checks that give evidence for it. "
		    "<i>manual</i>: no automated check covers it; it rests on the team's process records.</p>\n"
		    "<table><thead><tr><th>Clause</th><th>Title</th><th>Status</th><th>Rules</th><th>Deliverables</th></tr></thead><tbody>\n");
	for (i = 0; i < nr; i++) {
		const struct sg_clause_row *c = &rows[i];

		sg_buf_addf(out, "<tr%s><td class=\"id\">", !strcmp(c->status, "fail") ? " class=\"gap\"" : "");
		esc(out, c->id);
		sg_buf_adds(out, "</td><td>");
		esc(out, c->title);
		sg_buf_adds(out, "</td><td>");
		badge(out, c->status);
		sg_buf_adds(out, "</td><td>");
		for (j = 0; j < c->rules_nr; j++) {
			sg_buf_addf(out, "%s<span class=\"nw\"><code>%s</code> ", j ? "<br>" : "",
				    c->rules[j].id);
			badge(out, c->rules[j].state);
			sg_buf_adds(out, "</span>");
		}
		if (!c->rules_nr)
			sg_buf_adds(out, "<span class=\"none\">—</span>");
		sg_buf_adds(out, "</td><td>");
		for (j = 0; j < c->deliverables_nr; j++) {
			sg_buf_addf(out, "%s<span class=\"nw\">", j ? "<br>" : "");
			esc(out, c->deliverables[j].id);
			sg_buf_adds(out, " ");
			badge(out, c->deliverables[j].state);
			sg_buf_adds(out, "</span>");
		}
		if (!c->deliverables_nr)
			sg_buf_adds(out, "<span class=\"none\">—</span>");
		sg_buf_adds(out, "</td></tr>\n");
	}
	sg_buf_adds(out, "</tbody></table>\n");
	sg_evidence_clauses_free(rows, nr);
}

static void deliverables(struct sg_buf *out, const struct sg_evidence *ev)
{
	const struct sg_policy *p = ev->policy;
	char date[11];
	size_t i;

	sg_buf_adds(out, "<h2 id=\"deliverables\">Deliverables</h2>\n");
	if (!p->release.deliverables_nr) {
		sg_buf_adds(out, "<p class=\"none\">The policy lists no release deliverables.</p>\n");
		return;
	}
	sg_buf_adds(out, "<table><thead><tr><th>Deliverable</th><th>Path</th><th>Must</th><th>Clauses</th><th>Status</th><th>Last changed</th></tr></thead><tbody>\n");
	for (i = 0; i < p->release.deliverables_nr; i++) {
		const struct sg_deliverable *d = &p->release.deliverables[i];
		const char *state = sg_evidence_deliverable_state(ev, i);
		size_t j;

		sg_buf_addf(out, "<tr%s><td class=\"id\">", !strcmp(state, "fail") ? " class=\"gap\"" : "");
		esc(out, d->id);
		sg_buf_adds(out, "</td><td><code>");
		esc(out, d->path);
		sg_buf_addf(out, "</code></td><td>%s</td><td>", d->must_update ? "updated" : "exists");
		for (j = 0; j < d->clauses.nr; j++) {
			sg_buf_adds(out, j ? ", " : "");
			esc(out, d->clauses.items[j]);
		}
		sg_buf_adds(out, "</td><td>");
		badge(out, state);
		sg_buf_adds(out, "</td><td>");
		if (ev->deliverables_active && i < ev->deliverables_nr &&
		    ev->deliverables[i].last_known) {
			sg_evidence_date(date, ev->deliverables[i].last_time);
			sg_buf_addf(out, "<code title=\"%s\">%.7s</code> %s", ev->deliverables[i].last_oid,
				    ev->deliverables[i].last_oid, date);
		} else {
			sg_buf_adds(out, "<span class=\"none\">—</span>");
		}
		sg_buf_adds(out, "</td></tr>\n");
	}
	sg_buf_adds(out, "</tbody></table>\n");
}

static void findings(struct sg_buf *out, const struct sg_evidence *ev)
{
	const struct sg_report *r = ev->report;
	const struct sg_policy *p = ev->policy;
	size_t i, j;

	sg_buf_adds(out, "<h2 id=\"findings\">Findings</h2>\n");
	if (!r->findings.nr)
		sg_buf_adds(out, "<p class=\"none\">No findings.</p>\n");
	else
		sg_buf_adds(out, "<table><thead><tr><th>Severity</th><th>Rule</th><th>Commit</th><th>Paths</th><th>Finding</th><th>What to do</th></tr></thead><tbody>\n");
	for (i = 0; i < r->findings.nr; i++) {
		const struct sg_finding *f = &r->findings.items[i];
		const char *sev = f->waived ? "waived" : sg_severity_name(f->severity);

		sg_buf_addf(out, "<tr%s><td>", f->waived ? " class=\"muted\"" :
			    f->severity == SG_SEV_ERROR ? " class=\"gap\"" : " class=\"warn\"");
		badge(out, !strcmp(sev, "error") ? "fail" : sev);
		sg_buf_addf(out, "</td><td><code>%s</code></td><td>", f->rule);
		if (f->commit)
			sg_buf_addf(out, "<code title=\"%s\">%.7s</code>", f->commit, f->commit);
		else
			sg_buf_adds(out, "<span class=\"none\">—</span>");
		sg_buf_adds(out, "</td><td>");
		for (j = 0; j < f->paths.nr && j < 5; j++) {
			sg_buf_adds(out, j ? "<br><code>" : "<code>");
			esc(out, f->paths.items[j]);
			sg_buf_adds(out, "</code>");
		}
		if (f->line)
			sg_buf_addf(out, " line %u", f->line);
		sg_buf_adds(out, "</td><td>");
		esc(out, f->message);
		if (f->waived && f->waiver) {
			sg_buf_adds(out, "<br><i>waived: ");
			esc(out, f->waiver);
			sg_buf_adds(out, "</i>");
		}
		sg_buf_adds(out, "</td><td>");
		esc(out, f->hint ? f->hint : "");
		sg_buf_adds(out, "</td></tr>\n");
	}
	if (r->findings.nr)
		sg_buf_adds(out, "</tbody></table>\n");
	sg_buf_adds(out, "<h2 id=\"waivers\">Waivers</h2>\n");
	if (!p->waivers_nr) {
		sg_buf_adds(out, "<p class=\"none\">The policy grants no waivers.</p>\n");
		return;
	}
	sg_buf_adds(out, "<table><thead><tr><th>Rule</th><th>Commit or path</th><th>Reason</th><th>Approved by</th><th>Expires</th></tr></thead><tbody>\n");
	for (i = 0; i < p->waivers_nr; i++) {
		const struct sg_waiver *w = &p->waivers[i];
		int expired = strcmp(w->expires, ev->evaluated_on) < 0;

		sg_buf_addf(out, "<tr%s><td><code>%s</code></td><td><code>", expired ? " class=\"gap\"" : "",
			    w->rule);
		esc(out, w->commit ? w->commit : w->path);
		sg_buf_adds(out, "</code></td><td>");
		esc(out, w->reason);
		sg_buf_adds(out, "</td><td>");
		esc(out, w->approved_by);
		sg_buf_addf(out, "</td><td>%s%s</td></tr>\n", w->expires, expired ? " (expired)" : "");
	}
	sg_buf_adds(out, "</tbody></table>\n");
}

static void gap_badges(struct sg_buf *out, const struct sg_trace *t,
		       const struct sg_trace_req *q, const char **row_class)
{
	int n = 0;

	*row_class = "";
	if (!q->accepted) {
		*row_class = " class=\"muted\"";
		sg_buf_adds(out, "<span class=\"none\">not accepted</span>");
		return;
	}
	if (t->walked && !q->commits.nr) {
		sg_buf_adds(out, "<span class=\"badge b-off\">no commit</span> ");
		n++;
	}
	if (t->has_risks && !q->risks.nr) {
		sg_buf_adds(out, "<span class=\"badge b-warn\">controls no risk</span> ");
		*row_class = " class=\"warn\"";
		n++;
	}
	if (!q->tests.nr) {
		sg_buf_adds(out, "<span class=\"badge b-fail\">untested</span>");
		*row_class = " class=\"gap\"";
		n++;
	}
	if (!n)
		sg_buf_adds(out, "<span class=\"badge b-pass\">traced</span>");
}

static void matrix(struct sg_buf *out, const struct sg_evidence *ev,
		   const struct sg_strlist *tests)
{
	const struct sg_trace *t = ev->trace;
	size_t *order = sg_trace_display_order(t);
	struct sg_buf gaps = SG_BUF_INIT;
	size_t i, j;

	sg_buf_adds(out, "<h2 id=\"matrix\">Traceability matrix</h2>\n"
		    "<p class=\"meta\">Requirement → security risks it controls → test evidence citing it → commits citing it → design reviews those commits name. "
		    "Red rows: accepted requirements no test cites. Amber rows: requirements that control no risk.</p>\n");
	if (!t->has_registry || !t->nr) {
		sg_buf_addf(out, "<p class=\"none\">%s</p>\n", t->has_registry ?
			    "The registry defines no requirements at this commit." :
			    "The policy names no requirements registry, so there is no matrix.");
		free(order);
		return;
	}
	sg_buf_adds(out, "<table><thead><tr><th>Requirement</th><th>Title</th><th>Status</th><th>Risks</th><th>Tests</th><th>Commits</th><th>Reviews</th><th>Trace</th></tr></thead><tbody>\n");
	for (i = 0; i < t->nr; i++) {
		const struct sg_trace_req *q = &t->reqs[order[i]];
		const char *row_class;

		sg_buf_reset(&gaps);
		gap_badges(&gaps, t, q, &row_class);
		sg_buf_addf(out, "<tr%s id=\"", row_class);
		anchor(out, "req-", q->id);
		sg_buf_adds(out, "\"><td class=\"id\">");
		esc(out, q->id);
		sg_buf_adds(out, "</td><td>");
		esc(out, q->title ? q->title : "");
		sg_buf_adds(out, "</td><td>");
		esc(out, q->status);
		sg_buf_adds(out, "</td><td>");
		for (j = 0; j < q->risks.nr; j++) {
			sg_buf_adds(out, j ? "<br><a href=\"#" : "<a href=\"#");
			anchor(out, "risk-", q->risks.items[j]);
			sg_buf_adds(out, "\">");
			esc(out, q->risks.items[j]);
			sg_buf_adds(out, "</a>");
		}
		if (!q->risks.nr)
			sg_buf_adds(out, "<span class=\"none\">—</span>");
		sg_buf_adds(out, "</td><td>");
		for (j = 0; j < q->tests.nr; j++) {
			sg_buf_addf(out, "%s<a href=\"#t-%zu\"><code>", j ? "<br>" : "",
				    test_index(tests, q->tests.items[j]));
			esc(out, q->tests.items[j]);
			sg_buf_adds(out, "</code></a>");
		}
		if (!q->tests.nr)
			sg_buf_adds(out, "<span class=\"none\">—</span>");
		sg_buf_adds(out, "</td><td>");
		for (j = 0; j < q->commits.nr && j < MAX_COMMITS_SHOWN; j++)
			sg_buf_addf(out, "%s<code title=\"%s\">%.7s</code>", j ? " " : "",
				    q->commits.items[j], q->commits.items[j]);
		if (q->commits.nr > MAX_COMMITS_SHOWN)
			sg_buf_addf(out, " and %zu more", q->commits.nr - MAX_COMMITS_SHOWN);
		if (!q->commits.nr)
			sg_buf_adds(out, "<span class=\"none\">—</span>");
		sg_buf_adds(out, "</td><td>");
		for (j = 0; j < q->reviews.nr; j++) {
			sg_buf_adds(out, j ? "<br>" : "");
			esc(out, q->reviews.items[j]);
		}
		if (!q->reviews.nr)
			sg_buf_adds(out, "<span class=\"none\">—</span>");
		sg_buf_addf(out, "</td><td>%s</td></tr>\n", gaps.ptr);
	}
	sg_buf_adds(out, "</tbody></table>\n");
	sg_buf_release(&gaps);
	free(order);
}

static void risks(struct sg_buf *out, const struct sg_trace *t)
{
	size_t i, j;

	sg_buf_adds(out, "<h2 id=\"risks\">Security risks</h2>\n");
	if (!t->has_risks || !t->risks.nr) {
		sg_buf_addf(out, "<p class=\"none\">%s</p>\n", t->has_risks ?
			    "The risk file lists no risks." : "The policy has no risk section.");
	} else {
		sg_buf_adds(out, "<table><thead><tr><th>Risk</th><th>Title</th><th>Status</th><th>Controls</th><th>Safety risks</th><th>Source</th></tr></thead><tbody>\n");
		for (i = 0; i < t->risks.nr; i++) {
			const struct sg_risk *r = &t->risks.items[i];
			int gap = r->status == SG_RISK_OPEN ||
				(r->status == SG_RISK_MITIGATED && !r->controls.nr);

			sg_buf_addf(out, "<tr%s id=\"", gap ? " class=\"gap\"" : "");
			anchor(out, "risk-", r->id);
			sg_buf_adds(out, "\"><td class=\"id\">");
			esc(out, r->id);
			sg_buf_adds(out, "</td><td>");
			esc(out, r->title ? r->title : "");
			sg_buf_adds(out, "</td><td>");
			badge(out, r->status == SG_RISK_OPEN ? "fail" : "pass");
			sg_buf_addf(out, " %s</td><td>", sg_risk_status_name(r->status));
			for (j = 0; j < r->controls.nr; j++) {
				sg_buf_adds(out, j ? "<br><a href=\"#" : "<a href=\"#");
				anchor(out, "req-", r->controls.items[j]);
				sg_buf_adds(out, "\">");
				esc(out, r->controls.items[j]);
				sg_buf_adds(out, "</a>");
			}
			if (!r->controls.nr)
				sg_buf_adds(out, "<span class=\"none\">—</span>");
			sg_buf_adds(out, "</td><td>");
			for (j = 0; j < r->safety_risks.nr; j++) {
				sg_buf_adds(out, j ? ", " : "");
				esc(out, r->safety_risks.items[j]);
			}
			if (!r->safety_risks.nr)
				sg_buf_adds(out, "<span class=\"none\">—</span>");
			sg_buf_adds(out, "</td><td><code>");
			esc(out, r->file);
			sg_buf_addf(out, ":%u</code></td></tr>\n", r->line);
		}
		sg_buf_adds(out, "</tbody></table>\n");
	}
	for (i = 0; i < t->risks.missing.nr; i++) {
		sg_buf_adds(out, "<p class=\"gap\">Risk file <code>");
		esc(out, t->risks.missing.items[i]);
		sg_buf_adds(out, "</code> does not exist at this commit.</p>\n");
	}
}

static void test_section(struct sg_buf *out, const struct sg_trace *t,
			 const struct sg_strlist *tests)
{
	size_t *order = sg_trace_display_order(t);
	size_t i, j, n;

	sg_buf_adds(out, "<h2 id=\"tests\">Test evidence</h2>\n");
	if (!tests->nr) {
		sg_buf_adds(out, "<p class=\"none\">No test-evidence file cites a requirement.</p>\n");
		free(order);
		return;
	}
	sg_buf_adds(out, "<table><thead><tr><th>Test-evidence file</th><th>Requirements it cites</th></tr></thead><tbody>\n");
	for (i = 0; i < tests->nr; i++) {
		sg_buf_addf(out, "<tr id=\"t-%zu\"><td><code>", i + 1);
		esc(out, tests->items[i]);
		sg_buf_adds(out, "</code></td><td>");
		for (j = 0, n = 0; j < t->nr; j++) {
			const struct sg_trace_req *q = &t->reqs[order[j]];

			if (!sg_strlist_contains(&q->tests, tests->items[i]))
				continue;
			sg_buf_adds(out, n++ ? ", <a href=\"#" : "<a href=\"#");
			anchor(out, "req-", q->id);
			sg_buf_adds(out, "\">");
			esc(out, q->id);
			sg_buf_adds(out, "</a>");
		}
		sg_buf_adds(out, "</td></tr>\n");
	}
	sg_buf_adds(out, "</tbody></table>\n");
	free(order);
}

int sg_trace_write_html(struct sg_buf *out, const struct sg_evidence *ev)
{
	struct sg_strlist tests = SG_STRLIST_INIT;
	size_t i;

	collect_tests(&tests, ev->trace);
	sg_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	sg_buf_adds(out, ev->report ? "Release evidence" : "Traceability");
	if (ev->policy->product) {
		sg_buf_adds(out, " — ");
		esc(out, ev->policy->product);
	}
	sg_buf_addf(out, " — %.7s</title>\n<style>\n%s</style>\n</head>\n<body>\n", ev->head, css);
	header(out, ev);
	sg_buf_adds(out, "<main>\n");
	if (ev->report) {
		clauses(out, ev);
		deliverables(out, ev);
		findings(out, ev);
	}
	matrix(out, ev, &tests);
	risks(out, ev->trace);
	test_section(out, ev->trace, &tests);
	sg_buf_adds(out, "</main>\n<footer>");
	for (i = 0; i < ev->trace->notes.nr; i++) {
		sg_buf_adds(out, "Note: ");
		esc(out, ev->trace->notes.items[i]);
		sg_buf_adds(out, "<br>");
	}
	if (ev->report)
		sg_buf_addf(out, "Generated by sdlgate %s from the repository alone; regenerate with "
			    "<code>SDLGATE_TODAY=%s sdlgate release %s --report DIR</code> and compare evidence.json "
			    "with the digest in the release tag.", ev->tool_version, ev->evaluated_on, ev->head);
	else
		sg_buf_addf(out, "Generated by sdlgate %s with <code>sdlgate trace %s --format html</code>.",
			    ev->tool_version, ev->head);
	sg_buf_adds(out, "</footer>\n</body>\n</html>\n");
	sg_strlist_release(&tests);
	return 0;
}
