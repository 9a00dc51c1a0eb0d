#include "policy/policy.h"
#include "policy/sections.h"
#include "policy/yaml.h"
#include "rules/rule.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/*
 * The sections of a policy (DESIGN.md section 3), each read from the merged
 * YAML tree into struct sg_policy with every error at file:line:column.
 */

int sg_policy__set_string(char **dst, const struct sg_ydoc *doc,
		      const struct sg_ynode *node, const char *what)
{
	char *s;

	if (!node || sg_ynode_is_null(node))
		return 0;
	if (sg_yaml_get_string(&s, doc, node, what) < 0)
		return -1;
	if (!*s) {
		free(s);
		return sg_yaml_error(doc, node, "'%s' must not be empty", what);
	}
	free(*dst);
	*dst = s;
	return 0;
}

int sg_policy__set_strings(struct sg_strlist *dst, const struct sg_ydoc *doc,
		       const struct sg_ynode *node, const char *what)
{
	size_t i;

	if (!node || sg_ynode_is_null(node))
		return 0;
	sg_strlist_release(dst);
	if (sg_yaml_get_strings(dst, doc, node, what) < 0)
		return -1;
	for (i = 0; i < dst->nr; i++)
		if (!*dst->items[i])
			return sg_yaml_error_hint(doc, node, "remove the empty entry, or write the path it should name",
				"'%s' must not contain empty entries", what);
	return 0;
}

int sg_policy__parse_requirements(struct sg_policy *p, const struct sg_ydoc *doc,
			      const struct sg_ynode *node)
{
	static const char *const keys[] = { "registry", "id_pattern",
		"accepted_status", "reference", "exemption", NULL };
	static const char *const ref_keys[] = { "trailer", "anywhere_in_message", NULL };
	static const char *const ex_keys[] = { "trailer", "allowed_paths", NULL };
	struct sg_policy_requirements *r = &p->requirements;
	const struct sg_ynode *ref, *ex, *pat;

	if (sg_yaml_check_keys(doc, node, "requirements", keys) < 0 ||
	    sg_policy__set_strings(&r->registry, doc, sg_ymap_get(node, "registry"),
			"requirements.registry") < 0 ||
	    sg_policy__set_string(&r->id_pattern, doc, sg_ymap_get(node, "id_pattern"),
		       "requirements.id_pattern") < 0 ||
	    sg_policy__set_strings(&r->accepted_status, doc,
			sg_ymap_get(node, "accepted_status"),
			"requirements.accepted_status") < 0)
		return -1;

	ref = sg_ymap_get(node, "reference");
	if (ref && !sg_ynode_is_null(ref)) {
		const struct sg_ynode *any = sg_ymap_get(ref, "anywhere_in_message");

		if (sg_yaml_check_keys(doc, ref, "requirements.reference", ref_keys) < 0 ||
		    sg_policy__set_string(&r->reference_trailer, doc, sg_ymap_get(ref, "trailer"),
			       "requirements.reference.trailer") < 0)
			return -1;
		if (any && sg_yaml_get_bool(&r->anywhere_in_message, doc, any,
					    "requirements.reference.anywhere_in_message") < 0)
			return -1;
	}
	ex = sg_ymap_get(node, "exemption");
	if (ex && !sg_ynode_is_null(ex)) {
		if (sg_yaml_check_keys(doc, ex, "requirements.exemption", ex_keys) < 0 ||
		    sg_policy__set_string(&r->exemption_trailer, doc, sg_ymap_get(ex, "trailer"),
			       "requirements.exemption.trailer") < 0 ||
		    sg_policy__set_strings(&r->exemption_paths, doc,
				sg_ymap_get(ex, "allowed_paths"),
				"requirements.exemption.allowed_paths") < 0)
			return -1;
	}
	pat = sg_ymap_get(node, "id_pattern");
	return sg_policy__compile_regex(&r->id_regex, &r->id_regex_ok, doc, pat ? pat : node,
			     r->id_pattern, "requirements.id_pattern");
}

static int parse_criteria(struct sg_policy_design_review *d,
			  const struct sg_ydoc *doc, const struct sg_ynode *node)
{
	static const char *const keys[] = { "id", "text", NULL };
	size_t i, j;

	if (sg_yaml_want_seq(doc, node, "design_review.criteria") < 0)
		return -1;
	d->criteria = sg_xcalloc(node->nr, sizeof(*d->criteria));
	for (i = 0; i < node->nr; i++) {
		const struct sg_ynode *c = node->items[i];

		d->criteria_nr = i + 1;
		if (sg_yaml_check_keys(doc, c, "design_review.criteria[]", keys) < 0 ||
		    sg_policy__set_string(&d->criteria[i].id, doc, sg_ymap_get(c, "id"),
			       "design_review.criteria[].id") < 0 ||
		    sg_policy__set_string(&d->criteria[i].text, doc, sg_ymap_get(c, "text"),
			       "design_review.criteria[].text") < 0)
			return -1;
		if (!d->criteria[i].id || !d->criteria[i].text)
			return sg_yaml_error_hint(doc, c, "write it as {id: DR-1, text: what the reviewer checks}",
				"a criterion needs an 'id' and a 'text'");
		for (j = 0; j < i; j++)
			if (!strcmp(d->criteria[j].id, d->criteria[i].id))
				return sg_yaml_error_hint(doc, c, "give each criterion its own id: records answer criteria by id",
					"duplicate criterion id '%s'", d->criteria[i].id);
	}
	return 0;
}

int sg_policy__parse_design_review(struct sg_policy *p, const struct sg_ydoc *doc,
			       const struct sg_ynode *node)
{
	static const char *const keys[] = { "triggers", "records", "notes_ref",
		"trailer", "min_reviewers", "independent_reviewers", "criteria", NULL };
	struct sg_policy_design_review *d = &p->design_review;
	const struct sg_ynode *n;

	if (sg_yaml_check_keys(doc, node, "design_review", keys) < 0 ||
	    sg_policy__set_strings(&d->triggers, doc, sg_ymap_get(node, "triggers"),
			"design_review.triggers") < 0 ||
	    sg_policy__set_string(&d->records, doc, sg_ymap_get(node, "records"),
		       "design_review.records") < 0 ||
	    sg_policy__set_string(&d->notes_ref, doc, sg_ymap_get(node, "notes_ref"),
		       "design_review.notes_ref") < 0 ||
	    sg_policy__set_string(&d->trailer, doc, sg_ymap_get(node, "trailer"),
		       "design_review.trailer") < 0)
		return -1;
	n = sg_ymap_get(node, "min_reviewers");
	if (n && sg_yaml_get_uint(&d->min_reviewers, doc, n,
				  "design_review.min_reviewers") < 0)
		return -1;
	n = sg_ymap_get(node, "independent_reviewers");
	if (n && sg_yaml_get_bool(&d->independent_reviewers, doc, n,
				  "design_review.independent_reviewers") < 0)
		return -1;
	n = sg_ymap_get(node, "criteria");
	if (n && !sg_ynode_is_null(n) && parse_criteria(d, doc, n) < 0)
		return -1;
	if (d->notes_ref && strncmp(d->notes_ref, "refs/", 5))
		return sg_yaml_error_hint(doc, sg_ymap_get(node, "notes_ref"),
			"git notes live under refs/notes/: write 'notes_ref: refs/notes/design-review'",
			"'design_review.notes_ref' must be a full ref name such as 'refs/notes/design-review'");
	return 0;
}

int sg_policy__parse_sbom(struct sg_policy *p, const struct sg_ydoc *doc,
		      const struct sg_ynode *node)
{
	static const char *const keys[] = { "files", "triggers",
		"minimum_elements", NULL };
	const struct sg_ynode *n;

	if (sg_yaml_check_keys(doc, node, "sbom", keys) < 0 ||
	    sg_policy__set_strings(&p->sbom.files, doc, sg_ymap_get(node, "files"), "sbom.files") < 0 ||
	    sg_policy__set_strings(&p->sbom.triggers, doc, sg_ymap_get(node, "triggers"),
			"sbom.triggers") < 0)
		return -1;
	n = sg_ymap_get(node, "minimum_elements");
	if (n) {
		if (sg_yaml_want_scalar(doc, n, "sbom.minimum_elements") < 0)
			return -1;
		if (!strcmp(n->value, "ntia"))
			p->sbom.ntia = 1;
		else if (!strcmp(n->value, "none"))
			p->sbom.ntia = 0;
		else
			return sg_yaml_error_hint(doc, n,
				"'ntia' asks every component for the NTIA minimum elements; 'none' checks structure only",
				"'sbom.minimum_elements' must be 'ntia' or 'none', not '%s'",
				n->value);
	}
	if (!p->sbom.files.nr)
		return sg_yaml_error_hint(doc, node, "name the SBOM, e.g. 'files: [sbom/bom.cdx.json]', or remove the 'sbom' section",
			"'sbom.files' must name at least one SBOM file");
	return 0;
}

int sg_policy__parse_risk(struct sg_policy *p, const struct sg_ydoc *doc,
		      const struct sg_ynode *node)
{
	static const char *const keys[] = { "files", "triggers",
		"unchanged_trailer", "safety_id_pattern", NULL };
	const struct sg_ynode *pat;

	if (sg_yaml_check_keys(doc, node, "risk", keys) < 0 ||
	    sg_policy__set_strings(&p->risk.files, doc, sg_ymap_get(node, "files"), "risk.files") < 0 ||
	    sg_policy__set_strings(&p->risk.triggers, doc, sg_ymap_get(node, "triggers"),
			"risk.triggers") < 0 ||
	    sg_policy__set_string(&p->risk.unchanged_trailer, doc,
		       sg_ymap_get(node, "unchanged_trailer"), "risk.unchanged_trailer") < 0 ||
	    sg_policy__set_string(&p->risk.safety_id_pattern, doc,
		       sg_ymap_get(node, "safety_id_pattern"), "risk.safety_id_pattern") < 0)
		return -1;
	if (!p->risk.files.nr)
		return sg_yaml_error_hint(doc, node, "name the risk file, e.g. 'files: [risk/security-risks.yml]', or remove the 'risk' section",
			"'risk.files' must name at least one risk file");
	pat = sg_ymap_get(node, "safety_id_pattern");
	return sg_policy__compile_regex(&p->risk.safety_regex, &p->risk.safety_regex_ok, doc,
			     pat ? pat : node, p->risk.safety_id_pattern,
			     "risk.safety_id_pattern");
}

static int parse_choice(int *out, const struct sg_ydoc *doc,
			const struct sg_ynode *node, const char *what,
			const char *zero, const char *one)
{
	if (!node)
		return 0;
	if (sg_yaml_want_scalar(doc, node, what) < 0)
		return -1;
	if (!strcmp(node->value, zero))
		*out = 0;
	else if (!strcmp(node->value, one))
		*out = 1;
	else {
		sg_yaml_error(doc, node, "'%s' must be '%s' or '%s', not '%s'",
			      what, zero, one, node->value);
		sg_error_hint("use '%s' or '%s'", zero, one);
		return -1;
	}
	return 0;
}

int sg_policy__parse_scope(struct sg_policy *p, const struct sg_ydoc *doc,
		       const struct sg_ynode *node)
{
	static const char *const keys[] = { "co_change", "merges", NULL };

	if (sg_yaml_check_keys(doc, node, "scope", keys) < 0 ||
	    parse_choice(&p->co_change_commit, doc, sg_ymap_get(node, "co_change"),
			 "scope.co_change", "change-set", "commit") < 0 ||
	    parse_choice(&p->merges_check, doc, sg_ymap_get(node, "merges"),
			 "scope.merges", "skip", "check") < 0)
		return -1;
	return 0;
}

static int parse_deliverable(struct sg_deliverable *d, const struct sg_ydoc *doc,
			     const struct sg_ynode *node)
{
	static const char *const keys[] = { "id", "path", "must", "clauses", NULL };
	const struct sg_ynode *must;

	if (sg_yaml_check_keys(doc, node, "release.deliverables[]", keys) < 0 ||
	    sg_policy__set_string(&d->id, doc, sg_ymap_get(node, "id"), "release.deliverables[].id") < 0 ||
	    sg_policy__set_string(&d->path, doc, sg_ymap_get(node, "path"),
		       "release.deliverables[].path") < 0 ||
	    sg_policy__set_strings(&d->clauses, doc, sg_ymap_get(node, "clauses"),
			"release.deliverables[].clauses") < 0 ||
	    parse_choice(&d->must_update, doc, (must = sg_ymap_get(node, "must")),
			 "release.deliverables[].must", "exists", "updated") < 0)
		return -1;
	if (!d->id || !d->path)
		return sg_yaml_error_hint(doc, node, "write it as {id: threat-model, path: docs/security/threat-model.md, must: updated, clauses: ['7.2']}",
			"a deliverable needs an 'id' and a 'path'");
	return 0;
}

int sg_policy__parse_release(struct sg_policy *p, const struct sg_ydoc *doc,
			 const struct sg_ynode *node)
{
	static const char *const keys[] = { "tag_pattern", "deliverables",
		"test_evidence", NULL };
	const struct sg_ynode *list;
	size_t i, j;

	if (sg_yaml_check_keys(doc, node, "release", keys) < 0 ||
	    sg_policy__set_string(&p->release.tag_pattern, doc, sg_ymap_get(node, "tag_pattern"),
		       "release.tag_pattern") < 0 ||
	    sg_policy__set_strings(&p->release.test_evidence, doc,
			sg_ymap_get(node, "test_evidence"), "release.test_evidence") < 0)
		return -1;
	list = sg_ymap_get(node, "deliverables");
	if (!list || sg_ynode_is_null(list))
		return 0;
	if (sg_yaml_want_seq(doc, list, "release.deliverables") < 0)
		return -1;
	p->release.deliverables = sg_xcalloc(list->nr, sizeof(*p->release.deliverables));
	for (i = 0; i < list->nr; i++) {
		p->release.deliverables_nr = i + 1;
		if (parse_deliverable(&p->release.deliverables[i], doc, list->items[i]) < 0)
			return -1;
		for (j = 0; j < i; j++)
			if (!strcmp(p->release.deliverables[j].id,
				    p->release.deliverables[i].id))
				return sg_yaml_error(doc, list->items[i],
					"duplicate deliverable id '%s'",
					p->release.deliverables[i].id);
	}
	return 0;
}

static char *where(const struct sg_ydoc *doc, const struct sg_ynode *node)
{
	struct sg_buf b = SG_BUF_INIT;

	sg_buf_addf(&b, "%s:%zu:%zu", node->file ? node->file : doc->name,
		    node->line, node->column);
	return sg_buf_detach(&b);
}

int sg_policy__parse_rules(struct sg_policy *p, const struct sg_ydoc *doc,
		       const struct sg_ynode *node)
{
	size_t i;

	if (sg_yaml_want_map(doc, node, "rules") < 0)
		return -1;
	p->overrides = sg_xcalloc(node->nr, sizeof(*p->overrides));
	for (i = 0; i < node->nr; i++) {
		const struct sg_ynode *k = node->pairs[i].key, *v = node->pairs[i].value;
		struct sg_rule_override *o = &p->overrides[i];
		enum sg_severity sev;

		if (k->type != SG_YNODE_SCALAR || !sg_rule_exists(k->value)) {
			sg_yaml_error(doc, k, "unknown rule '%s' in 'rules'",
				      k->type == SG_YNODE_SCALAR ? k->value : "?");
			sg_error_hint("'sdlgate explain' lists the rules; names are kebab-case such as 'requirement-reference'");
			return -1;
		}
		if (v->type != SG_YNODE_SCALAR || sg_severity_parse(&sev, v->value) < 0)
			return sg_yaml_error_hint(doc, v,
				"error fails the gate, warning is reported only, off turns the rule off",
				"severity of rule '%s' must be error, warning or off, not '%s'",
				k->value, v->type == SG_YNODE_SCALAR ? v->value : "a collection");
		o->rule = sg_xstrdup(k->value);
		o->severity = sev;
		o->where = where(doc, k);
		p->overrides_nr = i + 1;
	}
	return 0;
}

static int valid_date(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int i, month, day;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	month = (s[5] - '0') * 10 + (s[6] - '0');
	day = (s[8] - '0') * 10 + (s[9] - '0');
	return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

static int parse_waiver(struct sg_waiver *w, const struct sg_ydoc *doc,
			const struct sg_ynode *node)
{
	static const char *const keys[] = { "rule", "commit", "path", "reason",
		"approved_by", "expires", NULL };
	const char *c;

	if (sg_yaml_check_keys(doc, node, "waivers[]", keys) < 0 ||
	    sg_policy__set_string(&w->rule, doc, sg_ymap_get(node, "rule"), "waivers[].rule") < 0 ||
	    sg_policy__set_string(&w->commit, doc, sg_ymap_get(node, "commit"), "waivers[].commit") < 0 ||
	    sg_policy__set_string(&w->path, doc, sg_ymap_get(node, "path"), "waivers[].path") < 0 ||
	    sg_policy__set_string(&w->reason, doc, sg_ymap_get(node, "reason"), "waivers[].reason") < 0 ||
	    sg_policy__set_string(&w->approved_by, doc, sg_ymap_get(node, "approved_by"),
		       "waivers[].approved_by") < 0 ||
	    sg_policy__set_string(&w->expires, doc, sg_ymap_get(node, "expires"),
		       "waivers[].expires") < 0)
		return -1;
	w->where = where(doc, node);
	if (!w->rule || !sg_rule_exists(w->rule))
		return sg_yaml_error_hint(doc, node, "'sdlgate explain' lists the rules; a waiver names the rule whose finding it waives",
				     "a waiver needs a known 'rule'%s%s%s",
				     w->rule ? " ('" : "", w->rule ? w->rule : "",
				     w->rule ? "' is not a rule)" : "");
	if (!w->commit && !w->path)
		return sg_yaml_error_hint(doc, node, "add 'commit: <id of 7+ hex digits>' or 'path: <pattern>' to say what it waives",
			"a waiver needs a 'commit' or a 'path'");
	if (w->commit) {
		if (strlen(w->commit) < 7 || strlen(w->commit) > 40)
			return sg_yaml_error_hint(doc, sg_ymap_get(node, "commit"),
				"copy the id from 'git log --format=%h' (at least 7 hex digits)",
				"waiver commit '%s' must be an object id of 7 to 40 hex digits",
				w->commit);
		for (c = w->commit; *c; c++)
			if (!isxdigit((unsigned char)*c))
				return sg_yaml_error_hint(doc, sg_ymap_get(node, "commit"),
					"copy the id from 'git log --format=%h' (at least 7 hex digits)",
					"waiver commit '%s' is not hexadecimal", w->commit);
	}
	if (!w->reason || !w->approved_by || !w->expires) {
		sg_yaml_error(doc, node, "a waiver needs 'reason', 'approved_by' and 'expires'");
		sg_error_hint("an auditor must see why, who approved it and until when");
		return -1;
	}
	if (!valid_date(w->expires))
		return sg_yaml_error_hint(doc, sg_ymap_get(node, "expires"),
			"write a real calendar date, e.g. 'expires: 2027-01-31'",
			"waiver 'expires' must be a date YYYY-MM-DD, not '%s'", w->expires);
	return 0;
}

int sg_policy__parse_waivers(struct sg_policy *p, const struct sg_ydoc *doc,
			 const struct sg_ynode *node)
{
	size_t i;

	if (sg_yaml_want_seq(doc, node, "waivers") < 0)
		return -1;
	p->waivers = sg_xcalloc(node->nr, sizeof(*p->waivers));
	for (i = 0; i < node->nr; i++) {
		p->waivers_nr = i + 1;
		if (parse_waiver(&p->waivers[i], doc, node->items[i]) < 0)
			return -1;
	}
	return 0;
}
