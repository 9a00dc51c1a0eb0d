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

/*
 * A scalar as a YAML double-quoted string: any value round-trips, whatever
 * quotes, colons or control characters it holds.
 */
static void put_scalar(const char *s)
{
	const unsigned char *c;

	putchar('"');
	for (c = (const unsigned char *)(s ? s : ""); *c; c++) {
		if (*c == '"' || *c == '\\')
			printf("\\%c", *c);
		else if (*c < 0x20 || *c == 0x7f)
			printf("\\x%02x", *c);
		else
			putchar(*c);
	}
	putchar('"');
}

/*
 * "KEY: VALUE" with VALUE quoted. `flow`: 0 a line of its own, 1 the
 * first pair inside `{...}`, 2 a later pair there (after ", ").
 */
static void put_pair(const char *key, const char *value, int flow)
{
	printf("%s%s: ", flow > 1 ? ", " : "", key);
	put_scalar(value);
	if (!flow)
		putchar('\n');
}

static void put_list(const char *key, const struct sg_strlist *list, int flow)
{
	size_t i;

	printf("%s%s: [", flow > 1 ? ", " : "", key);
	for (i = 0; i < list->nr; i++) {
		if (i)
			printf(", ");
		put_scalar(list->items[i]);
	}
	printf("]%s", flow ? "" : "\n");
}

static const char *yes_no(int b)
{
	return b ? "true" : "false";
}

static void show_requirements(const struct sg_policy_requirements *r)
{
	printf("requirements:\n  ");
	put_list("registry", &r->registry, 0);
	printf("  ");
	put_pair("id_pattern", r->id_pattern, 0);
	printf("  ");
	put_list("accepted_status", &r->accepted_status, 0);
	printf("  reference: {");
	put_pair("trailer", r->reference_trailer, 1);
	printf(", anywhere_in_message: %s}\n", yes_no(r->anywhere_in_message));
	printf("  exemption: {");
	put_pair("trailer", r->exemption_trailer, 1);
	put_list("allowed_paths", &r->exemption_paths, 2);
	printf("}\n");
}

static void show_design_review(const struct sg_policy_design_review *d)
{
	size_t i;

	printf("design_review:\n  ");
	put_list("triggers", &d->triggers, 0);
	if (d->records) {
		printf("  ");
		put_pair("records", d->records, 0);
	}
	if (d->notes_ref) {
		printf("  ");
		put_pair("notes_ref", d->notes_ref, 0);
	}
	printf("  ");
	put_pair("trailer", d->trailer, 0);
	printf("  min_reviewers: %u\n  independent_reviewers: %s\n  criteria:%s\n",
	       d->min_reviewers, yes_no(d->independent_reviewers),
	       d->criteria_nr ? "" : " []");
	for (i = 0; i < d->criteria_nr; i++) {
		printf("    - {");
		put_pair("id", d->criteria[i].id, 1);
		put_pair("text", d->criteria[i].text, 2);
		printf("}\n");
	}
}

static void show_release(const struct sg_policy_release *r)
{
	const struct sg_deliverable *d;
	size_t i;

	printf("release:\n  ");
	put_pair("tag_pattern", r->tag_pattern, 0);
	printf("  deliverables:%s\n", r->deliverables_nr ? "" : " []");
	for (i = 0; i < r->deliverables_nr; i++) {
		d = &r->deliverables[i];
		printf("    - {");
		put_pair("id", d->id, 1);
		put_pair("path", d->path, 2);
		printf(", must: %s", d->must_update ? "updated" : "exists");
		put_list("clauses", &d->clauses, 2);
		printf("}\n");
	}
	printf("  ");
	put_list("test_evidence", &r->test_evidence, 0);
}

static void show_waivers(const struct sg_policy *p)
{
	const struct sg_waiver *w;
	size_t i;

	printf("waivers:\n");
	for (i = 0; i < p->waivers_nr; i++) {
		w = &p->waivers[i];
		printf("  - {");
		put_pair("rule", w->rule, 1);
		put_pair(w->commit ? "commit" : "path", w->commit ? w->commit : w->path, 2);
		put_pair("reason", w->reason, 2);
		put_pair("approved_by", w->approved_by, 2);
		put_pair("expires", w->expires, 2);
		printf("}\n");
	}
}

/*
 * The effective policy after `extends`, as YAML that loads again as the
 * same policy (`extends` is kept: merging a pack into what already holds
 * it changes nothing).
 */
static void show(const struct sg_policy *p)
{
	size_t i;

	printf("# effective policy from %s\nversion: %u\n", p->path, p->version);
	if (p->extends)
		put_pair("extends", p->extends, 0);
	if (p->description)
		put_pair("description", p->description, 0);
	if (p->product)
		put_pair("product", p->product, 0);
	if (p->clauses.nr)
		put_list("clauses", &p->clauses, 0);
	if (p->requirements.present)
		show_requirements(&p->requirements);
	if (p->design_review.present)
		show_design_review(&p->design_review);
	if (p->sbom.present) {
		printf("sbom:\n  ");
		put_list("files", &p->sbom.files, 0);
		printf("  ");
		put_list("triggers", &p->sbom.triggers, 0);
		printf("  minimum_elements: %s\n", p->sbom.ntia ? "ntia" : "none");
	}
	if (p->risk.present) {
		printf("risk:\n  ");
		put_list("files", &p->risk.files, 0);
		printf("  ");
		put_list("triggers", &p->risk.triggers, 0);
		printf("  ");
		put_pair("unchanged_trailer", p->risk.unchanged_trailer, 0);
		printf("  ");
		put_pair("safety_id_pattern", p->risk.safety_id_pattern, 0);
	}
	printf("scope: {co_change: %s, merges: %s}\n",
	       p->co_change_commit ? "commit" : "change-set",
	       p->merges_check ? "check" : "skip");
	if (p->release.present)
		show_release(&p->release);
	if (p->overrides_nr) {
		printf("rules:\n");
		for (i = 0; i < p->overrides_nr; i++)
			printf("  %s: %s\n", p->overrides[i].rule,
			       sg_severity_name(p->overrides[i].severity));
	}
	if (p->waivers_nr)
		show_waivers(p);
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
