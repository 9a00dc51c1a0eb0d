#include "cmd.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "model/clauses.h"
#include "model/requirements.h"
#include "model/risk.h"
#include "model/trace.h"
#include "policy/packs.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/rule.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <stdio.h>
#include <stdlib.h>
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
		{
			printf("    - {id: %s, path: '%s', must: %s, ",
			       p->release.deliverables[i].id, p->release.deliverables[i].path,
			       p->release.deliverables[i].must_update ? "updated" : "exists");
			print_list("clauses", &p->release.deliverables[i].clauses);
		}
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

/*
 * Why a rule is off under this policy at the release gate (where every
 * rule can run), or NULL when it is on.
 */
static const char *rule_off(const struct sg_policy *p, const struct sg_rule *r,
			    const struct sg_gate *gate)
{
	int override = sg_policy_override(p, r->id);

	if (override == SG_SEV_OFF && !r->always_on)
		return "set to off in 'rules'";
	if (r->off_reason && r->off_reason(gate))
		return r->off_reason(gate);
	return NULL;
}

static int clause_related(const char *x, const char *a)
{
	return sg_clause_within(x, strlen(x), a) || sg_clause_within(a, strlen(a), x);
}

/* The applicable clauses, each with the rules that give evidence for it. */
static void show_clauses(const struct sg_policy *p)
{
	const struct sg_rule *const *r;
	const struct sg_clause *c;
	struct sg_strlist clauses = SG_STRLIST_INIT;
	struct sg_gate gate;
	size_t i, j;

	memset(&gate, 0, sizeof(gate));
	gate.policy = p;
	gate.mode = SG_GATE_RELEASE;
	if (p->clauses.nr)
		sg_strlist_copy(&clauses, &p->clauses);
	else
		for (c = sg_clauses(); c->id; c++)
			if (c->id[0] != 'F' && !sg_clause_has_children(c->id))
				sg_strlist_add(&clauses, c->id);
	printf("\n# Applicable clauses of IEC 81001-5-1 (%s) and the rules that evidence them.\n"
	       "# 'process': no rule checks it; the team's own records must show it.\n",
	       p->clauses.nr ? "from 'clauses'" : "no 'clauses': all apply");
	for (i = 0; i < clauses.nr; i++) {
		const char *title = sg_clause_title(clauses.items[i]);
		int n = 0;

		printf("#   %-6s %s:", clauses.items[i], title ? title : "(not a clause of the standard)");
		for (r = sg_rules(); *r; r++) {
			const char *s = (*r)->clauses, *why;
			int hit = 0;

			while (*s) {
				size_t len = strcspn(s, " ");
				char *one = sg_xstrndup(s, len);

				hit |= len && clause_related(one, clauses.items[i]);
				free(one);
				s += len;
				while (*s == ' ')
					s++;
			}
			if (!hit)
				continue;
			why = rule_off(p, *r, &gate);
			printf("%s %s%s%s", n++ ? "," : "", (*r)->id, why ? " (off: " : "",
			       why ? why : "");
			if (why)
				printf(")");
		}
		for (j = 0; j < p->release.deliverables_nr; j++) {
			const struct sg_deliverable *d = &p->release.deliverables[j];
			size_t k;

			for (k = 0; k < d->clauses.nr; k++)
				if (clause_related(d->clauses.items[k], clauses.items[i]))
					break;
			if (k < d->clauses.nr)
				printf("%s deliverable %s", n++ ? "," : "", d->id);
		}
		printf("%s\n", n ? "" : " process");
	}
	sg_strlist_release(&clauses);
}

static int profile_list(void)
{
	size_t i;

	for (i = 0; i < sg_pack_count(); i++) {
		const struct sg_pack_source *pack = sg_pack_at(i);
		char *desc = NULL;

		if (sg_pack_description(&desc, pack) < 0)
			return sg_ctx_fail();
		printf("%-28s %s\n", pack->name, desc ? desc : "");
		free(desc);
	}
	return SG_EXIT_PASS;
}

/* Read a file the policy names: from --policy-from REV, else the working tree. */
static int read_policy_file(struct sg_buf *out, struct sg_ctx *ctx,
			    struct sg_snapshot *snap, const char *path, size_t max)
{
	struct sg_buf full = SG_BUF_INIT;
	int rc;

	if (snap)
		return sg_snapshot_read(out, snap, path, max);
	sg_buf_addf(&full, "%s%s", sg_repo_workdir(ctx->repo), path);
	rc = sg_fs_exists(full.ptr) ? sg_fs_read(out, full.ptr, max) : 1;
	sg_buf_release(&full);
	return rc;
}

/* The registry and risk files parse; unknown clause numbers are refused. */
static int validate_files(struct sg_ctx *ctx)
{
	const struct sg_policy *p = ctx->policy;
	struct sg_snapshot *snap = NULL;
	struct sg_registry *reg = NULL;
	struct sg_risks risks = SG_RISKS_INIT;
	struct sg_buf data = SG_BUF_INIT;
	size_t i, j;
	int rc, error = -1;

	for (i = 0; i < p->clauses.nr; i++)
		if (!sg_clause_title(p->clauses.items[i])) {
			sg_error_set("%s: 'clauses' names '%s', which is not a clause of IEC 81001-5-1",
				     p->path, p->clauses.items[i]);
			sg_error_hint("use clause numbers such as 5.7.1, 8 or F.2 ('sdlgate policy show' lists them)");
			return -1;
		}
	for (i = 0; i < p->release.deliverables_nr; i++)
		for (j = 0; j < p->release.deliverables[i].clauses.nr; j++)
			if (!sg_clause_title(p->release.deliverables[i].clauses.items[j])) {
				sg_error_set("%s: deliverable '%s' names clause '%s', which is not a clause of IEC 81001-5-1",
					     p->path, p->release.deliverables[i].id,
					     p->release.deliverables[i].clauses.items[j]);
				sg_error_hint("use clause numbers such as 5.8.2 or 7.2");
				return -1;
			}
	if (ctx->policy_rev || !sg_repo_workdir(ctx->repo)) {
		if (sg_snapshot_from_rev(&snap, ctx->repo, ctx->policy_rev ? ctx->policy_rev : "HEAD") < 0)
			return -1;
	}
	reg = sg_xcalloc(1, sizeof(*reg));
	for (i = 0; p->requirements.present && i < p->requirements.registry.nr; i++) {
		const char *path = p->requirements.registry.items[i];

		sg_buf_reset(&data);
		rc = read_policy_file(&data, ctx, snap, path, 8 * 1024 * 1024);
		if (rc < 0 || (rc == 0 && sg_registry_parse(reg, path, path, data.ptr, data.len,
							     &p->requirements.id_regex) < 0))
			goto done;
		if (rc > 0 && !ctx->quiet)
			printf("note: requirements registry %s does not exist yet\n", path);
	}
	if (sg_registry_finish(reg) < 0)
		goto done;
	for (i = 0; p->risk.present && i < p->risk.files.nr; i++) {
		const char *path = p->risk.files.items[i];

		sg_buf_reset(&data);
		rc = read_policy_file(&data, ctx, snap, path, SG_RISK_MAX_SIZE);
		if (rc < 0 || (rc == 0 && sg_risks_parse(&risks, path, path, data.ptr, data.len) < 0))
			goto done;
		if (rc > 0 && !ctx->quiet)
			printf("note: risk file %s does not exist yet\n", path);
	}
	if (!ctx->quiet)
		printf("%s: valid (schema version %u%s%s); %zu requirement(s), %zu risk(s)\n",
		       p->path, p->version, p->extends ? ", extends " : "",
		       p->extends ? p->extends : "", reg->nr, risks.nr);
	error = 0;
done:
	sg_registry_free(reg);
	sg_risks_release(&risks);
	sg_buf_release(&data);
	sg_snapshot_free(snap);
	return error;
}

int cmd_policy(int argc, char **argv, struct sg_ctx *ctx)
{
	int i, list = 0;
	const char *verb = NULL;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--profile-list"))
			list = 1;
		else if (!verb && (!strcmp(argv[i], "validate") || !strcmp(argv[i], "show")))
			verb = argv[i];
		else
			return sg_usage_error("policy", "unknown argument '%s'", argv[i]);
	}
	if (list)
		return profile_list();
	if (!verb)
		return sg_usage_error("policy", "expected 'validate', 'show' or 'show --profile-list'");
	if (sg_ctx_load_policy(ctx) < 0)
		return sg_ctx_fail();
	if (!strcmp(verb, "show")) {
		show(ctx->policy);
		show_clauses(ctx->policy);
	} else if (validate_files(ctx) < 0) {
		return sg_ctx_fail();
	}
	return SG_EXIT_PASS;
}
