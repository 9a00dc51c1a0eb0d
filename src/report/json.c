#include "report/report.h"
#include "report/json_out.h"
#include "util/buf.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

/* The stable sdlgate/report/v1 document of DESIGN.md §7. */

static cJSON *rule_json(const struct sg_rule_status *rs)
{
	cJSON *o = cJSON_CreateObject();

	sg_json_add_text(o, "id", rs->id);
	sg_json_add_text(o, "status", sg_rule_state_name(rs->state));
	if (rs->state != SG_RULE_OFF)
		sg_json_add_text(o, "severity", sg_severity_name(rs->severity));
	cJSON_AddItemToObject(o, "clauses", sg_json_strings(&rs->clauses));
	if (rs->reason)
		sg_json_add_text(o, "reason", rs->reason);
	return o;
}

static cJSON *finding_json(const struct sg_finding *f)
{
	cJSON *o = cJSON_CreateObject();

	sg_json_add_text(o, "rule", f->rule);
	sg_json_add_text(o, "severity", sg_severity_name(f->severity));
	cJSON_AddItemToObject(o, "commit", sg_json_string_or_null(f->commit));
	cJSON_AddItemToObject(o, "paths", sg_json_strings(&f->paths));
	if (f->line)
		cJSON_AddNumberToObject(o, "line", f->line);
	sg_json_add_text(o, "message", f->message);
	cJSON_AddItemToObject(o, "hint", sg_json_string_or_null(f->hint));
	cJSON_AddItemToObject(o, "clauses", sg_json_strings(&f->clauses));
	if (f->component)
		sg_json_add_text(o, "component", f->component);
	if (f->missing.nr)
		cJSON_AddItemToObject(o, "missing", sg_json_strings(&f->missing));
	cJSON_AddBoolToObject(o, "waived", f->waived);
	if (f->waiver)
		sg_json_add_text(o, "waiver", f->waiver);
	return o;
}

static int write_json(struct sg_buf *out, const struct sg_report *report)
{
	cJSON *root = cJSON_CreateObject(), *o, *arr;
	size_t i;

	sg_json_add_text(root, "schema", "sdlgate/report/v1");
	o = cJSON_AddObjectToObject(root, "tool");
	sg_json_add_text(o, "name", "sdlgate");
	sg_json_add_text(o, "version", report->tool_version ? report->tool_version : "");
	sg_json_add_text(root, "mode", report->mode ? report->mode : "");
	o = cJSON_AddObjectToObject(root, "range");
	cJSON_AddItemToObject(o, "base", sg_json_string_or_null(report->base));
	cJSON_AddItemToObject(o, "head", sg_json_string_or_null(report->head));
	cJSON_AddNumberToObject(o, "commits", (double)report->commits);
	o = cJSON_AddObjectToObject(root, "policy");
	cJSON_AddItemToObject(o, "path", sg_json_string_or_null(report->policy_path));
	cJSON_AddItemToObject(o, "from", sg_json_string_or_null(report->policy_from));
	sg_json_add_text(o, "sha256", report->policy_sha256);
	if (report->profile)
		sg_json_add_text(o, "profile", report->profile);
	if (report->product)
		sg_json_add_text(o, "product", report->product);
	sg_json_add_text(root, "result", sg_report_passed(report) ? "pass" : "fail");
	o = cJSON_AddObjectToObject(root, "summary");
	cJSON_AddNumberToObject(o, "errors", (double)report->errors);
	cJSON_AddNumberToObject(o, "warnings", (double)report->warnings);
	cJSON_AddNumberToObject(o, "waived", (double)report->waived);
	arr = cJSON_AddArrayToObject(root, "rules");
	for (i = 0; i < report->rules_nr; i++)
		cJSON_AddItemToArray(arr, rule_json(&report->rules[i]));
	arr = cJSON_AddArrayToObject(root, "findings");
	for (i = 0; i < report->findings.nr; i++)
		cJSON_AddItemToArray(arr, finding_json(&report->findings.items[i]));
	cJSON_AddItemToObject(root, "notes", sg_json_strings(&report->notes));

	return sg_json_emit(out, root, "JSON report");
}

const struct sg_reporter sg_reporter_json = {
	"json", "the stable sdlgate/report/v1 document", write_json,
};
