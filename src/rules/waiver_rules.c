#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/rule.h"

static const char *waivers_off(const struct sg_gate *gate)
{
	return gate->policy->waivers_nr ? NULL : "the policy has no waivers";
}

const struct sg_rule sg_rule_waiver_expired = {
	.id = "waiver-expired",
	.title = "No waiver is past its expiry date",
	.clauses = "5.1.1",
	.severity = SG_SEV_ERROR,
	.always_on = 1,
	.off_reason = waivers_off,
	.explain = "Not built in this version.\n",
};
