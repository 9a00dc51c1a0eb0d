#include "report/evidence.h"
#include "report/json_out.h"
#include "model/deliverable.h"
#include "model/trace.h"
#include "policy/policy.h"
#include "report/report.h"
#include "util/buf.h"
#include "util/error.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/*
 * evidence.json (sdlgate/evidence/v1) and the matrix of `sdlgate trace
 * --format json` (sdlgate/trace/v1). The gate's own report is embedded
 * as the sdlgate/report/v1 document the json reporter writes, so the two
 * contracts cannot drift apart.
 */

static cJSON *requirement_json(const struct sg_trace *t, const struct sg_trace_req *q)
{
	cJSON *o = cJSON_CreateObject(), *gaps;

	cJSON_AddStringToObject(o, "id", q->id);
	cJSON_AddItemToObject(o, "title", sg_json_string_or_null(q->title));
	cJSON_AddStringToObject(o, "status", q->status);
	cJSON_AddBoolToObject(o, "accepted", q->accepted);
	cJSON_AddStringToObject(o, "file", q->file);
	cJSON_AddNumberToObject(o, "line", q->line);
	cJSON_AddItemToObject(o, "risks", sg_json_strings(&q->risks));
	cJSON_AddItemToObject(o, "tests", sg_json_strings(&q->tests));
	cJSON_AddItemToObject(o, "commits", sg_json_strings(&q->commits));
	cJSON_AddItemToObject(o, "reviews", sg_json_strings(&q->reviews));
	gaps = cJSON_AddArrayToObject(o, "gaps");
	if (q->accepted && !q->tests.nr)
		cJSON_AddItemToArray(gaps, cJSON_CreateString("untested"));
	if (q->accepted && t->has_risks && !q->risks.nr)
		cJSON_AddItemToArray(gaps, cJSON_CreateString("controls-no-risk"));
	if (q->accepted && t->walked && !q->commits.nr)
		cJSON_AddItemToArray(gaps, cJSON_CreateString("no-commit"));
	return o;
}

static cJSON *risk_json(const struct sg_risk *r)
{
	cJSON *o = cJSON_CreateObject(), *gaps;

	cJSON_AddStringToObject(o, "id", r->id);
	cJSON_AddItemToObject(o, "title", sg_json_string_or_null(r->title));
	cJSON_AddStringToObject(o, "status", sg_risk_status_name(r->status));
	cJSON_AddItemToObject(o, "controls", sg_json_strings(&r->controls));
	cJSON_AddItemToObject(o, "safety_risks", sg_json_strings(&r->safety_risks));
	cJSON_AddStringToObject(o, "file", r->file);
	cJSON_AddNumberToObject(o, "line", r->line);
	gaps = cJSON_AddArrayToObject(o, "gaps");
	if (r->status == SG_RISK_OPEN)
		cJSON_AddItemToArray(gaps, cJSON_CreateString("open"));
	if (r->status == SG_RISK_MITIGATED && !r->controls.nr)
		cJSON_AddItemToArray(gaps, cJSON_CreateString("no-controls"));
	return o;
}

/* requirements[], risks[], the counts and the notes, into `o`. */
static void add_matrix(cJSON *o, const struct sg_trace *t)
{
	size_t *order = sg_trace_display_order(t);
	cJSON *arr, *s;
	size_t i;

	arr = cJSON_AddArrayToObject(o, "requirements");
	for (i = 0; i < t->nr; i++)
		cJSON_AddItemToArray(arr, requirement_json(t, &t->reqs[order[i]]));
	arr = cJSON_AddArrayToObject(o, "risks");
	for (i = 0; i < t->risks.nr; i++)
		cJSON_AddItemToArray(arr, risk_json(&t->risks.items[i]));
	s = cJSON_AddObjectToObject(o, "summary");
	cJSON_AddNumberToObject(s, "requirements", (double)t->nr);
	cJSON_AddNumberToObject(s, "untested", (double)sg_trace_untested(t));
	cJSON_AddNumberToObject(s, "risks", (double)t->risks.nr);
	cJSON_AddNumberToObject(s, "test_files", (double)t->test_files);
	if (t->walked)
		cJSON_AddNumberToObject(s, "commits_walked", (double)t->commits_walked);
	cJSON_AddItemToObject(o, "notes", sg_json_strings(&t->notes));
	free(order);
}

static void add_header(cJSON *root, const char *schema, const struct sg_evidence *ev)
{
	cJSON *o;

	cJSON_AddStringToObject(root, "schema", schema);
	o = cJSON_AddObjectToObject(root, "tool");
	cJSON_AddStringToObject(o, "name", "sdlgate");
	cJSON_AddStringToObject(o, "version", ev->tool_version ? ev->tool_version : "");
	cJSON_AddItemToObject(root, "product", sg_json_string_or_null(ev->policy->product));
	cJSON_AddItemToObject(root, "profile", sg_json_string_or_null(ev->policy->extends));
	cJSON_AddStringToObject(root, "head", ev->head);
}

int sg_trace_write_json(struct sg_buf *out, const struct sg_evidence *ev)
{
	cJSON *root = cJSON_CreateObject();

	add_header(root, "sdlgate/trace/v1", ev);
	add_matrix(root, ev->trace);
	return sg_json_emit(out, root, "evidence JSON");
}

static cJSON *clauses_json(const struct sg_evidence *ev)
{
	struct sg_clause_row *rows;
	cJSON *arr = cJSON_CreateArray();
	size_t nr, i, j;

	sg_evidence_clauses(&rows, &nr, ev);
	for (i = 0; i < nr; i++) {
		cJSON *o = cJSON_CreateObject(), *a;

		cJSON_AddStringToObject(o, "id", rows[i].id);
		cJSON_AddStringToObject(o, "title", rows[i].title);
		cJSON_AddStringToObject(o, "status", rows[i].status);
		a = cJSON_AddArrayToObject(o, "rules");
		for (j = 0; j < rows[i].rules_nr; j++) {
			cJSON *r = cJSON_CreateObject();

			cJSON_AddStringToObject(r, "id", rows[i].rules[j].id);
			cJSON_AddStringToObject(r, "status", rows[i].rules[j].state);
			cJSON_AddItemToArray(a, r);
		}
		a = cJSON_AddArrayToObject(o, "deliverables");
		for (j = 0; j < rows[i].deliverables_nr; j++) {
			cJSON *d = cJSON_CreateObject();

			cJSON_AddStringToObject(d, "id", rows[i].deliverables[j].id);
			cJSON_AddStringToObject(d, "status", rows[i].deliverables[j].state);
			cJSON_AddItemToArray(a, d);
		}
		cJSON_AddItemToArray(arr, o);
	}
	sg_evidence_clauses_free(rows, nr);
	return arr;
}

static cJSON *deliverables_json(const struct sg_evidence *ev)
{
	const struct sg_policy *p = ev->policy;
	cJSON *arr = cJSON_CreateArray();
	char date[11];
	size_t i;

	for (i = 0; i < p->release.deliverables_nr; i++) {
		const struct sg_deliverable *d = &p->release.deliverables[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "id", d->id);
		cJSON_AddStringToObject(o, "path", d->path);
		cJSON_AddStringToObject(o, "must", d->must_update ? "updated" : "exists");
		cJSON_AddItemToObject(o, "clauses", sg_json_strings(&d->clauses));
		cJSON_AddStringToObject(o, "status", sg_evidence_deliverable_state(ev, i));
		if (ev->deliverables_active && i < ev->deliverables_nr) {
			const struct sg_deliverable_state *st = &ev->deliverables[i];

			cJSON_AddItemToObject(o, "files", sg_json_strings(&st->files));
			cJSON_AddBoolToObject(o, "updated", st->updated);
			if (st->last_known) {
				cJSON *c = cJSON_AddObjectToObject(o, "last_changed");

				sg_evidence_date(date, st->last_time);
				cJSON_AddStringToObject(c, "commit", st->last_oid);
				cJSON_AddStringToObject(c, "date", date);
			}
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *waivers_json(const struct sg_evidence *ev)
{
	const struct sg_policy *p = ev->policy;
	const struct sg_report *r = ev->report;
	cJSON *arr = cJSON_CreateArray();
	size_t i, j, used;

	for (i = 0; i < p->waivers_nr; i++) {
		const struct sg_waiver *w = &p->waivers[i];
		cJSON *o = cJSON_CreateObject();

		for (used = 0, j = 0; j < r->findings.nr; j++)
			used += r->findings.items[j].waived &&
				r->findings.items[j].waiver && w->reason &&
				!strcmp(r->findings.items[j].waiver, w->reason);
		cJSON_AddStringToObject(o, "rule", w->rule);
		cJSON_AddItemToObject(o, "commit", sg_json_string_or_null(w->commit));
		cJSON_AddItemToObject(o, "path", sg_json_string_or_null(w->path));
		cJSON_AddStringToObject(o, "reason", w->reason);
		cJSON_AddStringToObject(o, "approved_by", w->approved_by);
		cJSON_AddStringToObject(o, "expires", w->expires);
		cJSON_AddBoolToObject(o, "expired", strcmp(w->expires, ev->evaluated_on) < 0);
		cJSON_AddNumberToObject(o, "findings_waived", (double)used);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

int sg_evidence_write_json(struct sg_buf *out, const struct sg_evidence *ev)
{
	const struct sg_reporter *json = sg_reporter_find("json");
	struct sg_buf gate = SG_BUF_INIT;
	cJSON *root = cJSON_CreateObject(), *o, *doc;

	add_header(root, "sdlgate/evidence/v1", ev);
	o = cJSON_AddObjectToObject(root, "release");
	cJSON_AddStringToObject(o, "commit", ev->head);
	if (ev->previous_oid) {
		cJSON *prev = cJSON_AddObjectToObject(o, "previous");

		cJSON_AddItemToObject(prev, "tag", sg_json_string_or_null(ev->previous_tag));
		cJSON_AddStringToObject(prev, "commit", ev->previous_oid);
	} else {
		cJSON_AddNullToObject(o, "previous");
	}
	cJSON_AddStringToObject(root, "evaluated_on", ev->evaluated_on);
	cJSON_AddStringToObject(root, "result",
				sg_report_passed(ev->report) ? "pass" : "fail");
	cJSON_AddItemToObject(root, "clauses", clauses_json(ev));
	cJSON_AddItemToObject(root, "deliverables", deliverables_json(ev));
	cJSON_AddItemToObject(root, "waivers", waivers_json(ev));
	if (json->write(&gate, ev->report) < 0 || !(doc = cJSON_Parse(gate.ptr))) {
		sg_buf_release(&gate);
		cJSON_Delete(root);
		return sg_error_set("cannot embed the gate report in evidence.json");
	}
	sg_buf_release(&gate);
	cJSON_AddItemToObject(root, "gate", doc);
	o = cJSON_AddObjectToObject(root, "trace");
	add_matrix(o, ev->trace);
	return sg_json_emit(out, root, "evidence JSON");
}
