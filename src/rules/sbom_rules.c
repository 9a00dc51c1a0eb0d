#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/rule.h"

static const char *sbom_off(const struct sg_gate *gate)
{
	return gate->policy->sbom.present ? NULL : "the policy has no 'sbom' section";
}

const struct sg_rule sg_rule_sbom_valid = {
	.id = "sbom-valid",
	.title = "Every SBOM parses as CycloneDX or SPDX and has the NTIA minimum elements",
	.clauses = "8",
	.severity = SG_SEV_ERROR,
	.off_reason = sbom_off,
	.explain = "Not built in this version.\n",
};

const struct sg_rule sg_rule_sbom_drift = {
	.id = "sbom-drift",
	.title = "Lockfile dependencies match the components of the SBOM",
	.clauses = "8",
	.severity = SG_SEV_ERROR,
	.off_reason = sbom_off,
	.explain = "Not built in this version.\n",
};
