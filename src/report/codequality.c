#include "report/fingerprint.h"
#include "report/report.h"
#include "report/json_out.h"
#include "report/xml.h"
#include "util/buf.h"
#include "util/error.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

/*
 * GitLab Code Quality: a JSON array of issues (description, check_name,
 * fingerprint, severity, location.path, location.lines.begin) that the
 * merge-request widget shows and compares with the target branch's
 * report by fingerprint. Every issue needs a path: a finding without one
 * points at the policy file.
 *
 * Severity: an unwaived error blocks the merge request ("blocker"), a
 * warning does not ("minor"), a waived finding is kept for the record
 * ("info").
 */

#define POLICY_FILE ".sdlgate.yml"

static const char *severity(const struct sg_finding *f)
{
	if (f->waived)
		return "info";
	return f->severity == SG_SEV_ERROR ? "blocker" : "minor";
}

static cJSON *issue(const struct sg_finding *f, const char *fingerprint)
{
	struct sg_buf desc = SG_BUF_INIT;
	cJSON *o = cJSON_CreateObject(), *loc, *lines;

	/* the widget shows one line: the change, the message, the fix */
	if (f->commit)
		sg_buf_addf(&desc, "%.7s: ", f->commit);
	sg_buf_addf(&desc, "%s: %s", f->rule, f->message);
	if (f->waived)
		sg_buf_addf(&desc, " (waived: %s)", f->waiver ? f->waiver : "by the policy");
	else if (f->hint && *f->hint)
		sg_buf_addf(&desc, " (hint: %s)", f->hint);
	cJSON_AddStringToObject(o, "type", "issue");
	cJSON_AddItemToObject(o, "description", sg_json_text(desc.ptr));
	cJSON_AddItemToObject(o, "check_name", sg_json_text(f->rule));
	cJSON_AddStringToObject(o, "fingerprint", fingerprint);
	cJSON_AddStringToObject(o, "severity", severity(f));
	cJSON_AddItemToArray(cJSON_AddArrayToObject(o, "categories"),
			     cJSON_CreateString("Security"));
	loc = cJSON_AddObjectToObject(o, "location");
	cJSON_AddItemToObject(loc, "path", sg_json_text(f->paths.nr ? f->paths.items[0] : POLICY_FILE));
	lines = cJSON_AddObjectToObject(loc, "lines");
	cJSON_AddNumberToObject(lines, "begin", f->paths.nr && f->line ? f->line : 1);
	sg_buf_release(&desc);
	return o;
}

static int write_codequality(struct sg_buf *out, const struct sg_report *report)
{
	char (*fps)[65] = sg_report_fingerprints(report);
	cJSON *root = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < report->findings.nr; i++)
		cJSON_AddItemToArray(root, issue(&report->findings.items[i], fps[i]));
	free(fps);
	return sg_json_emit(out, root, "Code Quality report");
}

const struct sg_reporter sg_reporter_codequality = {
	"codequality", "GitLab Code Quality JSON (merge-request widget)",
	write_codequality,
};
