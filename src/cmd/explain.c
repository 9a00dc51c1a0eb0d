#include "cmd.h"
#include "model/clauses.h"
#include "rules/rule.h"

#include <stdio.h>
#include <string.h>

/* "5.1.1 5.2.1" -> one line per clause with its title. */
static void print_clauses(const char *list)
{
	char clause[16];

	while (*list) {
		size_t len = strcspn(list, " ");

		if (len && len < sizeof(clause)) {
			const char *title;

			memcpy(clause, list, len);
			clause[len] = '\0';
			title = sg_clause_title(clause);
			printf("  %-6s %s\n", clause, title ? title : "");
		}
		list += len;
		while (*list == ' ')
			list++;
	}
}

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
	printf("%s: %s\n\ndefault severity: %s%s\nclauses of IEC 81001-5-1 it gives evidence for:\n",
	       rule->id, rule->title, sg_severity_name(rule->severity),
	       rule->always_on ? " (always on, whatever the profile)" : "");
	print_clauses(rule->clauses);
	printf("\n%s", rule->explain);
	return SG_EXIT_PASS;
}
