#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/rule.h"

static const char *release_off(const struct sg_gate *gate)
{
	if (gate->mode != SG_GATE_RELEASE)
		return "runs at the release gate only";
	return gate->policy->release.present ? NULL : "the policy has no 'release' section";
}

static const char *risk_off(const struct sg_gate *gate)
{
	if (gate->mode != SG_GATE_RELEASE)
		return "runs at the release gate only";
	return gate->policy->risk.present ? NULL : "the policy has no 'risk' section";
}

const struct sg_rule sg_rule_risk_trace = {
	.id = "risk-trace",
	.title = "Every risk has a valid ID, accepted controls and valid safety links",
	.clauses = "7.4 7.5",
	.severity = SG_SEV_ERROR,
	.off_reason = risk_off,
	.explain = "Not built in this version.\n",
};

const struct sg_rule sg_rule_release_deliverables = {
	.id = "release-deliverables",
	.title = "Every release deliverable exists and, where required, was updated",
	.clauses = "5.8.2 5.8.6",
	.severity = SG_SEV_ERROR,
	.off_reason = release_off,
	.explain = "Not built in this version.\n",
};

const struct sg_rule sg_rule_release_trace = {
	.id = "release-trace",
	.title = "Every accepted requirement is tested and no risk is open",
	.clauses = "5.7.1 5.8.1 5.8.5 7.5",
	.severity = SG_SEV_ERROR,
	.off_reason = release_off,
	.explain = "Not built in this version.\n",
};
