#include "report/fingerprint.h"
#include "report/report.h"
#include "report/json_out.h"
#include "report/xml.h"
#include "util/buf.h"
#include "util/error.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/*
 * SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning): the
 * rules of the run in tool.driver.rules, one result per finding. GitHub
 * needs a physical location with a start line on every result, so a
 * finding without a path points at the policy file, line 1.
 */

#define POLICY_FILE ".sdlgate.yml"

static cJSON *message(const char *s)
{
	cJSON *m = cJSON_CreateObject();

	sg_json_add_text(m, "text", s);
	return m;
}

/* A repository path as a relative URI reference: RFC 3986 unreserved and '/' stay. */
static void add_uri(struct sg_buf *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			sg_buf_addch(out, (char)*p);
		} else {
			sg_buf_addch(out, '%');
			sg_buf_addch(out, hex[*p >> 4]);
			sg_buf_addch(out, hex[*p & 15]);
		}
	}
}

static const char *level(const struct sg_finding *f)
{
	return f->severity == SG_SEV_ERROR ? "error" :
		f->severity == SG_SEV_WARNING ? "warning" : "note";
}

static cJSON *rule_descriptor(const struct sg_rule_status *rs)
{
	struct sg_buf help = SG_BUF_INIT, md = SG_BUF_INIT;
	cJSON *r = cJSON_CreateObject(), *o, *props, *tags;
	size_t i;

	sg_json_add_text(r, "id", rs->id);
	cJSON_AddItemToObject(r, "shortDescription", message(rs->title));
	sg_buf_addf(&help, "%s\n\n", rs->title ? rs->title : rs->id);
	sg_buf_addf(&md, "**%s**\n\n", rs->title ? rs->title : rs->id);
	if (rs->explain) {
		sg_buf_addf(&help, "%s\n", rs->explain);
		sg_buf_addf(&md, "```\n%s```\n\n", rs->explain);
	}
	sg_buf_adds(&help, "IEC 81001-5-1 clauses:");
	sg_buf_adds(&md, "IEC 81001-5-1 clauses:");
	for (i = 0; i < rs->clauses.nr; i++) {
		sg_buf_addf(&help, "%s %s", i ? "," : "", rs->clauses.items[i]);
		sg_buf_addf(&md, "%s %s", i ? "," : "", rs->clauses.items[i]);
	}
	sg_buf_addf(&help, "\nMore: sdlgate explain %s\n", rs->id);
	sg_buf_addf(&md, "\n\nMore: `sdlgate explain %s`\n", rs->id);
	o = cJSON_AddObjectToObject(r, "help");
	sg_json_add_text(o, "text", help.ptr);
	sg_json_add_text(o, "markdown", md.ptr);
	o = cJSON_AddObjectToObject(r, "defaultConfiguration");
	cJSON_AddBoolToObject(o, "enabled", rs->state != SG_RULE_OFF);
	cJSON_AddStringToObject(o, "level", rs->severity == SG_SEV_WARNING ? "warning" : "error");
	props = cJSON_AddObjectToObject(r, "properties");
	tags = cJSON_AddArrayToObject(props, "tags");
	cJSON_AddItemToArray(tags, cJSON_CreateString("security"));
	cJSON_AddItemToArray(tags, cJSON_CreateString("IEC-81001-5-1"));
	cJSON_AddItemToObject(props, "clauses", sg_json_strings(&rs->clauses));
	cJSON_AddStringToObject(props, "status", sg_rule_state_name(rs->state));
	if (rs->reason)
		sg_json_add_text(props, "reason", rs->reason);
	sg_buf_release(&help);
	sg_buf_release(&md);
	return r;
}

static cJSON *location(const struct sg_finding *f)
{
	struct sg_buf uri = SG_BUF_INIT;
	cJSON *loc = cJSON_CreateObject(), *phys, *art, *region;

	add_uri(&uri, f->paths.nr ? f->paths.items[0] : POLICY_FILE);
	phys = cJSON_AddObjectToObject(loc, "physicalLocation");
	art = cJSON_AddObjectToObject(phys, "artifactLocation");
	cJSON_AddStringToObject(art, "uri", uri.ptr);
	cJSON_AddStringToObject(art, "uriBaseId", "%SRCROOT%");
	region = cJSON_AddObjectToObject(phys, "region");
	cJSON_AddNumberToObject(region, "startLine", f->paths.nr && f->line ? f->line : 1);
	sg_buf_release(&uri);
	return loc;
}

static cJSON *result(const struct sg_report *report, const struct sg_finding *f,
		     const char *fingerprint)
{
	struct sg_buf msg = SG_BUF_INIT;
	cJSON *r = cJSON_CreateObject(), *arr, *o;
	size_t i;

	sg_json_add_text(r, "ruleId", f->rule);
	for (i = 0; i < report->rules_nr; i++)
		if (!strcmp(report->rules[i].id, f->rule))
			cJSON_AddNumberToObject(r, "ruleIndex", (double)i);
	cJSON_AddStringToObject(r, "level", level(f));
	/* the dashboard shows only the message: say which change and what to do */
	if (f->commit)
		sg_buf_addf(&msg, "%.7s '%s': ", f->commit, f->subject ? f->subject : "");
	sg_buf_adds(&msg, f->message);
	if (f->hint && *f->hint)
		sg_buf_addf(&msg, "\nhint: %s", f->hint);
	cJSON_AddItemToObject(r, "message", message(msg.ptr));
	arr = cJSON_AddArrayToObject(r, "locations");
	cJSON_AddItemToArray(arr, location(f));
	o = cJSON_AddObjectToObject(r, "partialFingerprints");
	cJSON_AddStringToObject(o, "sdlgateFinding/v1", fingerprint);
	if (f->waived) {
		arr = cJSON_AddArrayToObject(r, "suppressions");
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "kind", "external");
		cJSON_AddStringToObject(o, "status", "accepted");
		sg_json_add_text(o, "justification", f->waiver ? f->waiver : "waived in the policy");
		cJSON_AddItemToArray(arr, o);
	}
	o = cJSON_AddObjectToObject(r, "properties");
	cJSON_AddItemToObject(o, "commit", sg_json_string_or_null(f->commit));
	if (f->subject)
		sg_json_add_text(o, "subject", f->subject);
	cJSON_AddItemToObject(o, "paths", sg_json_strings(&f->paths));
	cJSON_AddItemToObject(o, "clauses", sg_json_strings(&f->clauses));
	cJSON_AddItemToObject(o, "hint", sg_json_string_or_null(f->hint));
	cJSON_AddBoolToObject(o, "waived", f->waived);
	if (f->component)
		sg_json_add_text(o, "component", f->component);
	if (f->missing.nr)
		cJSON_AddItemToObject(o, "missing", sg_json_strings(&f->missing));
	sg_buf_release(&msg);
	return r;
}

static cJSON *run_properties(const struct sg_report *report)
{
	cJSON *p = cJSON_CreateObject();

	cJSON_AddStringToObject(p, "mode", report->mode ? report->mode : "");
	cJSON_AddItemToObject(p, "base", sg_json_string_or_null(report->base));
	cJSON_AddItemToObject(p, "head", sg_json_string_or_null(report->head));
	cJSON_AddNumberToObject(p, "commits", (double)report->commits);
	cJSON_AddItemToObject(p, "policyFrom", report->policy_from ?
			      sg_json_text(report->policy_from) : cJSON_CreateNull());
	cJSON_AddStringToObject(p, "policySha256", report->policy_sha256);
	cJSON_AddStringToObject(p, "result", sg_report_passed(report) ? "pass" : "fail");
	cJSON_AddItemToObject(p, "notes", sg_json_strings(&report->notes));
	return p;
}

static int write_sarif(struct sg_buf *out, const struct sg_report *report)
{
	char (*fps)[65] = sg_report_fingerprints(report);
	struct sg_buf id = SG_BUF_INIT;
	cJSON *root = cJSON_CreateObject(), *runs, *run, *driver, *arr;
	size_t i;

	cJSON_AddStringToObject(root, "$schema",
				"https://json.schemastore.org/sarif-2.1.0.json");
	cJSON_AddStringToObject(root, "version", "2.1.0");
	runs = cJSON_AddArrayToObject(root, "runs");
	run = cJSON_CreateObject();
	cJSON_AddItemToArray(runs, run);
	driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
	cJSON_AddStringToObject(driver, "name", "sdlgate");
	cJSON_AddStringToObject(driver, "version",
				report->tool_version ? report->tool_version : "");
	cJSON_AddStringToObject(driver, "semanticVersion",
				report->tool_version ? report->tool_version : "");
	arr = cJSON_AddArrayToObject(driver, "rules");
	for (i = 0; i < report->rules_nr; i++)
		cJSON_AddItemToArray(arr, rule_descriptor(&report->rules[i]));
	/* "category/": one category per gate, so an MR run does not close release alerts */
	sg_buf_addf(&id, "sdlgate/%s/", report->mode ? report->mode : "check");
	cJSON_AddStringToObject(cJSON_AddObjectToObject(run, "automationDetails"), "id",
				id.ptr);
	sg_buf_release(&id);
	cJSON_AddStringToObject(run, "columnKind", "unicodeCodePoints");
	arr = cJSON_AddArrayToObject(run, "results");
	for (i = 0; i < report->findings.nr; i++)
		cJSON_AddItemToArray(arr, result(report, &report->findings.items[i], fps[i]));
	cJSON_AddItemToObject(run, "properties", run_properties(report));

	free(fps);
	return sg_json_emit(out, root, "SARIF document");
}

const struct sg_reporter sg_reporter_sarif = {
	"sarif", "SARIF 2.1.0 (code-scanning dashboards: GitHub code scanning)",
	write_sarif,
};
