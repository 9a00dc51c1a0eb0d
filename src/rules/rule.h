#ifndef SG_RULES_RULE_H
#define SG_RULES_RULE_H

#include "rules/finding.h"

struct sg_gate;
struct sg_change;

/*
 * One rule of DESIGN.md §5. A rule is a set of callbacks over a change
 * set: `begin` once, `change` for every change (commit, or the staged
 * index), `finish` once at the end for change-set obligations. Each may
 * be NULL; a rule with none of them is known but not built yet, and ends
 * as "not-evaluated" — never as a pass. Callbacks add findings through
 * sg_gate_add() and return 0, or a negative value when they could not
 * evaluate (an invalid input in the repository: exit 2).
 */
struct sg_rule {
	const char *id;                 /* stable kebab-case id */
	const char *title;              /* one line: what it checks */
	const char *clauses;            /* space-separated IEC 81001-5-1 clauses */
	enum sg_severity severity;      /* default severity */
	int always_on;                  /* on whatever the profile's clauses */
	int runs_on_empty;              /* finish runs even when there are no changes */
	/* NULL when the policy and gate give the rule what it needs, else why it is off */
	const char *(*off_reason)(const struct sg_gate *gate);
	int (*begin)(struct sg_gate *gate, void **state);
	int (*change)(struct sg_gate *gate, void *state, const struct sg_change *change);
	int (*finish)(struct sg_gate *gate, void *state);
	void (*free)(void *state);
	const char *explain;            /* what it checks, policy keys, how to fix */
};

/* The table of every rule, in evaluation order; NULL-terminated. */
const struct sg_rule *const *sg_rules(void);
const struct sg_rule *sg_rule_find(const char *id);
int sg_rule_exists(const char *id);

/* Rule definitions, one per rule file. */
extern const struct sg_rule sg_rule_requirement_reference;
extern const struct sg_rule sg_rule_requirement_known;
extern const struct sg_rule sg_rule_design_review;
extern const struct sg_rule sg_rule_sbom_co_change;
extern const struct sg_rule sg_rule_sbom_valid;
extern const struct sg_rule sg_rule_sbom_drift;
extern const struct sg_rule sg_rule_risk_co_change;
extern const struct sg_rule sg_rule_risk_trace;
extern const struct sg_rule sg_rule_policy_change;
extern const struct sg_rule sg_rule_release_deliverables;
extern const struct sg_rule sg_rule_release_trace;
extern const struct sg_rule sg_rule_waiver_expired;

#endif
