#include "git/change.h"
#include "git/snapshot.h"
#include "model/requirements.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/rule.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/glob.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_PATHS_LISTED 50

static const char *requirements_off(const struct sg_gate *gate)
{
	return gate->policy->requirements.present ? NULL :
		"the policy has no 'requirements' section";
}

static const char *registry_off(const struct sg_gate *gate)
{
	if (!gate->policy->requirements.present)
		return "the policy has no 'requirements' section";
	return gate->policy->requirements.registry.nr ? NULL :
		"no 'requirements.registry': IDs are kept in an external tracker";
}

/* The message is needed and, at pre-commit, not written yet. */
static int message_pending(struct sg_gate *gate, const char *rule,
			   const struct sg_change *change)
{
	if (change->message)
		return 0;
	sg_gate_not_evaluated(gate, rule,
		"the commit message is not written yet; the commit-msg hook checks it");
	return 1;
}

/* Every requirement ID the change cites, in order of appearance. */
static void cited_ids(struct sg_strlist *out, const struct sg_policy *p,
		      const struct sg_change *change)
{
	struct sg_strlist values = SG_STRLIST_INIT;
	size_t i;

	sg_trailers_values(&values, &change->trailers,
			   p->requirements.reference_trailer);
	for (i = 0; i < values.nr; i++)
		sg_policy_find_ids(out, p, values.items[i]);
	if (p->requirements.anywhere_in_message)
		sg_policy_find_ids(out, p, change->message);
	sg_strlist_release(&values);
}

static void add_paths(struct sg_finding *f, const struct sg_strlist *paths)
{
	size_t i;

	for (i = 0; i < paths->nr && i < MAX_PATHS_LISTED; i++)
		sg_strlist_add(&f->paths, paths->items[i]);
}

/* "none - typo in user guide": "none", a dash and a reason. */
static int valid_exemption(const char *value)
{
	const char *p = value;

	if (strncasecmp(p, "none", 4))
		return 0;
	p += 4;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '-' && *p != ':')
		return 0;
	p++;
	while (*p && isspace((unsigned char)*p))
		p++;
	return *p != '\0';
}

/* Point at a "Key:" line that git does not read as a trailer; 1 when found. */
static int hint_misplaced(struct sg_finding *f, const struct sg_change *change,
			  const char *key)
{
	struct sg_trailers misplaced = SG_TRAILERS_INIT;
	int found = 0;

	if (sg_trailers_misplaced(&misplaced, change->message, '#', key) == 0 &&
	    misplaced.nr) {
		sg_finding_set_hint(f, "line %u has '%s:' but it is not in the trailer block, so git does not read it as a trailer; move it into the last paragraph of the message, after a blank line, with no other text in that paragraph",
				    misplaced.items[0].line, key);
		f->line = misplaced.items[0].line;
		found = 1;
	}
	sg_trailers_release(&misplaced);
	return found;
}

static int check_exemption(struct sg_gate *gate, const struct sg_change *change)
{
	const struct sg_policy *p = gate->policy;
	struct sg_strlist values = SG_STRLIST_INIT, outside = SG_STRLIST_INIT;
	struct sg_finding *f;
	size_t i;
	int valid = 0;

	sg_trailers_values(&values, &change->trailers, p->requirements.exemption_trailer);
	for (i = 0; i < values.nr; i++)
		if (valid_exemption(values.items[i]))
			valid = 1;
	if (!values.nr) {
		f = sg_gate_add(gate, "requirement-reference", change,
				"the change cites no secure requirement");
		add_paths(f, &change->paths);
		if (!hint_misplaced(f, change, p->requirements.reference_trailer)) {
			struct sg_buf h = SG_BUF_INIT;

			/* the commit does not exist yet at the commit hooks: nothing to amend */
			sg_buf_addf(&h, "add a trailer '%s: <ID>' to the last paragraph of the message (git commit %s--trailer '%s: SR-001')",
				    p->requirements.reference_trailer,
				    sg_gate_is_staged(gate) ? "" : "--amend ",
				    p->requirements.reference_trailer);
			if (p->requirements.exemption_paths.nr)
				sg_buf_addf(&h, ", or '%s: none - <reason>' when only exempt paths change",
					    p->requirements.exemption_trailer);
			f->hint = sg_buf_detach(&h);
		}
		goto done;
	}
	if (!valid) {
		f = sg_gate_add(gate, "requirement-reference", change,
				"'%s: %s' is not a valid exemption", p->requirements.exemption_trailer,
				values.items[0]);
		add_paths(f, &change->paths);
		sg_finding_set_hint(f, "write '%s: none - <reason>' with a reason an auditor can read",
				    p->requirements.exemption_trailer);
		goto done;
	}
	for (i = 0; i < change->paths.nr; i++)
		if (!sg_glob_match_any(&p->requirements.exemption_paths, change->paths.items[i]))
			sg_strlist_add(&outside, change->paths.items[i]);
	if (outside.nr) {
		f = sg_gate_add(gate, "requirement-reference", change,
				"the '%s' exemption does not cover %zu changed path(s) outside 'requirements.exemption.allowed_paths'",
				p->requirements.exemption_trailer, outside.nr);
		add_paths(f, &outside);
		sg_finding_set_hint(f, "cite a secure requirement with '%s: <ID>', or split the exempt files into their own commit",
				    p->requirements.reference_trailer);
	}
done:
	sg_strlist_release(&values);
	sg_strlist_release(&outside);
	return 0;
}

static int reference_change(struct sg_gate *gate, void *state,
			    const struct sg_change *change)
{
	struct sg_strlist ids = SG_STRLIST_INIT;
	int error = 0;

	(void)state;
	if (message_pending(gate, "requirement-reference", change))
		return 0;
	cited_ids(&ids, gate->policy, change);
	if (!ids.nr)
		error = check_exemption(gate, change);
	sg_strlist_release(&ids);
	return error;
}

static int known_change(struct sg_gate *gate, void *state,
			const struct sg_change *change)
{
	const struct sg_policy *p = gate->policy;
	struct sg_strlist ids = SG_STRLIST_INIT;
	const struct sg_registry *reg;
	struct sg_finding *f;
	size_t i;
	int error;

	(void)state;
	if (message_pending(gate, "requirement-known", change))
		return 0;
	cited_ids(&ids, p, change);
	if (!ids.nr) {
		sg_strlist_release(&ids);
		return 0;
	}
	error = sg_gate_registry(&reg, gate, change);
	if (error < 0)
		goto done;
	if (!reg || !reg->files) {
		f = sg_gate_add(gate, "requirement-known", change,
				"no requirements registry %s: cannot confirm %s",
				gate->target ? "in the target" : "at this commit", ids.items[0]);
		sg_strlist_copy(&f->paths, &p->requirements.registry);
		sg_finding_set_hint(f, "add the registry file named in 'requirements.registry' in this commit or an earlier one");
		goto done;
	}
	for (i = 0; i < ids.nr; i++) {
		const struct sg_requirement *r = sg_registry_find(reg, ids.items[i]);

		if (!r && gate->target) {
			f = sg_gate_add(gate, "requirement-known", change,
					"'%s' is not in the requirements registry of the target (%s)",
					ids.items[i], sg_snapshot_name(gate->target));
			sg_strlist_copy(&f->paths, &p->requirements.registry);
			sg_finding_set_hint(f, "requirements are baselined on the target before code cites them: fix the ID, or merge the change that adds %s to %s first",
					    ids.items[i], p->requirements.registry.items[0]);
		} else if (!r) {
			f = sg_gate_add(gate, "requirement-known", change,
					"'%s' is not in the requirements registry at this commit",
					ids.items[i]);
			sg_strlist_copy(&f->paths, &p->requirements.registry);
			sg_finding_set_hint(f, "fix the ID, or add %s to %s in this change", ids.items[i],
					    p->requirements.registry.items[0]);
		} else if (!sg_strlist_contains(&p->requirements.accepted_status, r->status)) {
			f = sg_gate_add(gate, "requirement-known", change,
					"'%s' has status '%s', which is not accepted",
					ids.items[i], r->status);
			sg_strlist_add(&f->paths, r->file);
			f->line = r->line;
			sg_finding_set_hint(f, "cite an accepted requirement (%s), or change the status of %s in %s",
					    p->requirements.accepted_status.nr ?
					    p->requirements.accepted_status.items[0] : "active",
					    ids.items[i], r->file);
		}
	}
done:
	sg_strlist_release(&ids);
	return error;
}

const struct sg_rule sg_rule_requirement_reference = {
	.id = "requirement-reference",
	.title = "Every change cites a secure requirement or carries a valid exemption",
	.clauses = "5.1.1 5.2.1 8",
	.severity = SG_SEV_ERROR,
	.off_reason = requirements_off,
	.change = reference_change,
	.explain =
		"Every change must cite at least one secure requirement in a trailer\n"
		"(requirements.reference.trailer, default 'Security-Requirement: SR-012,\n"
		"SR-014'), or, with requirements.reference.anywhere_in_message, anywhere\n"
		"in its message. A change whose paths all lie in\n"
		"requirements.exemption.allowed_paths may instead carry\n"
		"'Security-Impact: none - <reason>'. A change that cites only unknown\n"
		"IDs is reported by requirement-known, not here.\n"
		"Fix: git commit --amend --trailer 'Security-Requirement: SR-001'.\n",
};

const struct sg_rule sg_rule_requirement_known = {
	.id = "requirement-known",
	.title = "Every cited requirement exists in the registry with an accepted status",
	.clauses = "5.1.1 5.2.1",
	.severity = SG_SEV_ERROR,
	.off_reason = registry_off,
	.change = known_change,
	.explain =
		"Every cited ID must be defined in the requirements registry\n"
		"(requirements.registry, YAML or Markdown) with a status in\n"
		"requirements.accepted_status (default: active). The registry is the\n"
		"one in the tree of the commit being checked (a commit may add a\n"
		"requirement and cite it), except in --mr and pre-receive, which read\n"
		"the target's registry: a branch cannot approve its own requirements.\n"
		"Fix: correct the ID, or add or activate the requirement (on the\n"
		"target first, for a merge request or a push to the server).\n",
};
