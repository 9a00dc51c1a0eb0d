#include "cmd.h"
#include "rules/rule.h"

#include <stdio.h>
#include <string.h>

int cmd_explain(int argc, char **argv, struct sg_ctx *ctx)
{
	const struct sg_rule *const *r;
	const struct sg_rule *rule;

	(void)ctx;
	if (argc == 1) {
		for (r = sg_rules(); *r; r++)
			printf("%-22s %s\n", (*r)->id, (*r)->title);
		return SG_EXIT_PASS;
	}
	if (argc != 2)
		return sg_usage_error("explain", "expected one RULE");
	rule = sg_rule_find(argv[1]);
	if (!rule)
		return sg_usage_error("explain", "unknown rule '%s' (run 'sdlgate explain' for the list)",
				      argv[1]);
	printf("%s: %s\n\nclauses: %s\ndefault severity: %s%s\n\n%s", rule->id,
	       rule->title, rule->clauses, sg_severity_name(rule->severity),
	       rule->always_on ? " (always on)" : "", rule->explain);
	return SG_EXIT_PASS;
}
