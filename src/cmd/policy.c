#include "cmd.h"
#include "policy/policy.h"
#include "rules/rule.h"

#include <stdio.h>
#include <string.h>

static void print_list(const char *name, const struct sg_strlist *list)
{
	size_t i;

	printf("%s: [", name);
	for (i = 0; i < list->nr; i++)
		printf("%s'%s'", i ? ", " : "", list->items[i]);
	printf("]\n");
}

/* The effective policy after `extends`, as YAML a reader can check. */
static void show(const struct sg_policy *p)
{
	size_t i;

	printf("# effective policy from %s\nversion: %u\n", p->path, p->version);
	if (p->extends)
		printf("extends: %s\n", p->extends);
	if (p->product)
		printf("product: '%s'\n", p->product);
	if (p->clauses.nr)
		print_list("clauses", &p->clauses);
	if (p->requirements.present) {
		printf("requirements:\n  ");
		print_list("registry", &p->requirements.registry);
		printf("  id_pattern: '%s'\n  ", p->requirements.id_pattern);
		print_list("accepted_status", &p->requirements.accepted_status);
		printf("  reference: {trailer: %s, anywhere_in_message: %s}\n",
		       p->requirements.reference_trailer,
		       p->requirements.anywhere_in_message ? "true" : "false");
		printf("  exemption:\n    trailer: %s\n    ", p->requirements.exemption_trailer);
		print_list("allowed_paths", &p->requirements.exemption_paths);
	}
	if (p->design_review.present) {
		printf("design_review:\n  ");
		print_list("triggers", &p->design_review.triggers);
		if (p->design_review.records)
			printf("  records: %s\n", p->design_review.records);
		if (p->design_review.notes_ref)
			printf("  notes_ref: %s\n", p->design_review.notes_ref);
		printf("  trailer: %s\n  min_reviewers: %u\n  independent_reviewers: %s\n  criteria:\n",
		       p->design_review.trailer, p->design_review.min_reviewers,
		       p->design_review.independent_reviewers ? "true" : "false");
		for (i = 0; i < p->design_review.criteria_nr; i++)
			printf("    - {id: %s, text: '%s'}\n", p->design_review.criteria[i].id,
			       p->design_review.criteria[i].text);
	}
	if (p->sbom.present) {
		printf("sbom:\n  ");
		print_list("files", &p->sbom.files);
		printf("  ");
		print_list("triggers", &p->sbom.triggers);
		printf("  minimum_elements: %s\n", p->sbom.ntia ? "ntia" : "none");
	}
	if (p->risk.present) {
		printf("risk:\n  ");
		print_list("files", &p->risk.files);
		printf("  ");
		print_list("triggers", &p->risk.triggers);
		printf("  unchanged_trailer: %s\n  safety_id_pattern: '%s'\n",
		       p->risk.unchanged_trailer, p->risk.safety_id_pattern);
	}
	printf("scope: {co_change: %s, merges: %s}\n",
	       p->co_change_commit ? "commit" : "change-set",
	       p->merges_check ? "check" : "skip");
	if (p->release.present) {
		printf("release:\n  tag_pattern: '%s'\n  deliverables:\n", p->release.tag_pattern);
		for (i = 0; i < p->release.deliverables_nr; i++)
			printf("    - {id: %s, path: '%s', must: %s}\n",
			       p->release.deliverables[i].id, p->release.deliverables[i].path,
			       p->release.deliverables[i].must_update ? "updated" : "exists");
		printf("  ");
		print_list("test_evidence", &p->release.test_evidence);
	}
	if (p->overrides_nr) {
		printf("rules:\n");
		for (i = 0; i < p->overrides_nr; i++)
			printf("  %s: %s\n", p->overrides[i].rule,
			       sg_severity_name(p->overrides[i].severity));
	}
	if (p->waivers_nr) {
		printf("waivers:\n");
		for (i = 0; i < p->waivers_nr; i++)
			printf("  - {rule: %s, %s: %s, expires: %s, approved_by: '%s'}\n",
			       p->waivers[i].rule, p->waivers[i].commit ? "commit" : "path",
			       p->waivers[i].commit ? p->waivers[i].commit : p->waivers[i].path,
			       p->waivers[i].expires, p->waivers[i].approved_by);
	}
}

int cmd_policy(int argc, char **argv, struct sg_ctx *ctx)
{
	if (argc != 2 || (strcmp(argv[1], "validate") && strcmp(argv[1], "show")))
		return sg_usage_error("policy", "expected 'validate' or 'show'");
	if (sg_ctx_load_policy(ctx) < 0)
		return sg_ctx_fail();
	if (!strcmp(argv[1], "show"))
		show(ctx->policy);
	else if (!ctx->quiet)
		printf("%s: valid (schema version %u)\n", ctx->policy->path,
		       ctx->policy->version);
	return SG_EXIT_PASS;
}
