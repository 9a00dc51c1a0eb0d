#include "rules/rule.h"

#include <string.h>

/*
 * Every rule sdlgate knows, in the order they run. waiver-expired comes
 * last: it also applies the waivers to the findings of the others.
 */
static const struct sg_rule *const rules[] = {
	&sg_rule_requirement_reference,
	&sg_rule_requirement_known,
	&sg_rule_design_review,
	&sg_rule_sbom_co_change,
	&sg_rule_sbom_valid,
	&sg_rule_sbom_drift,
	&sg_rule_risk_co_change,
	&sg_rule_risk_trace,
	&sg_rule_policy_change,
	&sg_rule_release_deliverables,
	&sg_rule_release_trace,
	&sg_rule_waiver_expired,
	NULL,
};

const struct sg_rule *const *sg_rules(void)
{
	return rules;
}

const struct sg_rule *sg_rule_find(const char *id)
{
	const struct sg_rule *const *r;

	for (r = rules; *r; r++)
		if (!strcmp((*r)->id, id))
			return *r;
	return NULL;
}

int sg_rule_exists(const char *id)
{
	return sg_rule_find(id) != NULL;
}
