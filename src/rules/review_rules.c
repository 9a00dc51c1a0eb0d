#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/rule.h"

/*
 * design-review and policy-change: known to the registry, built with the
 * design-review records; until then they end as not-evaluated.
 */

static const char *design_review_off(const struct sg_gate *gate)
{
	return gate->policy->design_review.present ? NULL :
		"the policy has no 'design_review' section";
}

const struct sg_rule sg_rule_design_review = {
	.id = "design-review",
	.title = "Design-relevant changes are covered by an approved, complete, independent and current review",
	.clauses = "5.3.3 5.4.4",
	.severity = SG_SEV_ERROR,
	.off_reason = design_review_off,
	.explain = "Not built in this version.\n",
};

const struct sg_rule sg_rule_policy_change = {
	.id = "policy-change",
	.title = "A change to the policy file is covered by a design review or a waiver",
	.clauses = "5.1.1 8",
	.severity = SG_SEV_ERROR,
	.always_on = 1,
	.explain = "Not built in this version.\n",
};
