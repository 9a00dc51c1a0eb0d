#include "report/report.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

const char *sg_rule_state_name(enum sg_rule_state state)
{
	switch (state) {
	case SG_RULE_PASS:
		return "pass";
	case SG_RULE_FAIL:
		return "fail";
	case SG_RULE_OFF:
		return "off";
	default:
		return "not-evaluated";
	}
}

int sg_report_passed(const struct sg_report *report)
{
	return report->errors == 0;
}

void sg_report_finish(struct sg_report *report)
{
	size_t i, j;

	report->errors = report->warnings = report->waived = 0;
	sg_findings_sort(&report->findings);
	for (i = 0; i < report->findings.nr; i++) {
		const struct sg_finding *f = &report->findings.items[i];

		if (f->waived)
			report->waived++;
		else if (f->severity == SG_SEV_ERROR)
			report->errors++;
		else if (f->severity == SG_SEV_WARNING)
			report->warnings++;
	}
	for (j = 0; j < report->rules_nr; j++) {
		struct sg_rule_status *rs = &report->rules[j];

		if (rs->state != SG_RULE_PASS)
			continue;
		for (i = 0; i < report->findings.nr; i++) {
			const struct sg_finding *f = &report->findings.items[i];

			if (f->rule == rs->id || !strcmp(f->rule, rs->id)) {
				if (!f->waived)
					rs->state = SG_RULE_FAIL;
			}
		}
	}
}

void sg_report_add_change(struct sg_report *report, const char *oid,
			  const char *subject, size_t seq)
{
	struct sg_report_change *c;

	if (report->changes_nr >= SG_REPORT_MAX_CHANGES) {
		report->changes_omitted++;
		return;
	}
	SG_ALLOC_GROW(report->changes, report->changes_nr + 1, report->changes_alloc);
	c = &report->changes[report->changes_nr++];
	c->oid = oid ? sg_xstrdup(oid) : NULL;
	c->subject = sg_xstrdup(subject ? subject : "");
	c->seq = seq;
}

void sg_report_release(struct sg_report *report)
{
	size_t i;

	for (i = 0; i < report->changes_nr; i++) {
		free(report->changes[i].oid);
		free(report->changes[i].subject);
	}
	free(report->changes);

	free(report->base);
	free(report->head);
	free(report->policy_path);
	free(report->policy_from);
	free(report->product);
	free(report->profile);
	for (i = 0; i < report->rules_nr; i++) {
		free(report->rules[i].reason);
		sg_strlist_release(&report->rules[i].clauses);
	}
	free(report->rules);
	sg_findings_release(&report->findings);
	sg_strlist_release(&report->notes);
}
