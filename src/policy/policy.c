#include "policy/policy.h"
#include "policy/merge.h"
#include "policy/sections.h"
#include "policy/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

#define MAX_EXTENDS_DEPTH 4

/* The documents a policy was merged from, kept until conversion ends. */
struct sources {
	struct sg_ydoc *docs[MAX_EXTENDS_DEPTH + 2];
	size_t nr;
};

static void set_defaults(struct sg_policy *p)
{
	p->requirements.id_pattern = sg_xstrdup("SR-[0-9]+");
	sg_strlist_add(&p->requirements.accepted_status, "active");
	p->requirements.reference_trailer = sg_xstrdup("Security-Requirement");
	p->requirements.exemption_trailer = sg_xstrdup("Security-Impact");
	p->design_review.trailer = sg_xstrdup("Design-Review");
	p->design_review.min_reviewers = 1;
	p->design_review.independent_reviewers = 1;
	p->sbom.ntia = 1;
	p->risk.unchanged_trailer = sg_xstrdup("Risk-Assessment");
	p->risk.safety_id_pattern = sg_xstrdup("HAZ-[0-9]+");
	p->release.tag_pattern = sg_xstrdup("v*");
}

/* Section present and not null: `sbom: ~` in a repository turns a pack's section off. */
static const struct sg_ynode *section(const struct sg_ynode *root, const char *key)
{
	const struct sg_ynode *n = sg_ymap_get(root, key);

	return n && !sg_ynode_is_null(n) ? n : NULL;
}

static int convert(struct sg_policy *p, const struct sg_ydoc *doc,
		   const struct sg_ynode *root)
{
	static const char *const keys[] = { "version", "extends", "description",
		"product", "clauses", "requirements", "design_review", "sbom", "risk",
		"scope", "release", "rules", "waivers", NULL };
	const struct sg_ynode *n;

	if (sg_yaml_check_keys(doc, root, "policy", keys) < 0)
		return -1;
	n = sg_ymap_get(root, "version");
	if (!n) {
		sg_yaml_error(doc, root, "the policy has no 'version'");
		sg_error_hint("start the file with 'version: 1'");
		return -1;
	}
	if (sg_yaml_get_uint(&p->version, doc, n, "version") < 0)
		return -1;
	if (p->version != 1) {
		sg_yaml_error(doc, n, "policy schema version %u is not supported", p->version);
		sg_error_hint("this sdlgate reads schema version 1");
		return -1;
	}
	if (sg_policy__set_string(&p->product, doc, sg_ymap_get(root, "product"), "product") < 0 ||
	    sg_policy__set_string(&p->description, doc, sg_ymap_get(root, "description"),
		       "description") < 0 ||
	    sg_policy__set_strings(&p->clauses, doc, sg_ymap_get(root, "clauses"), "clauses") < 0)
		return -1;

	if ((n = section(root, "requirements"))) {
		p->requirements.present = 1;
		if (sg_policy__parse_requirements(p, doc, n) < 0)
			return -1;
	} else if (sg_policy__compile_regex(&p->requirements.id_regex,
				 &p->requirements.id_regex_ok, doc, root,
				 p->requirements.id_pattern, "requirements.id_pattern") < 0) {
		return -1;
	}
	if ((n = section(root, "design_review"))) {
		p->design_review.present = 1;
		if (sg_policy__parse_design_review(p, doc, n) < 0)
			return -1;
	}
	if ((n = section(root, "sbom"))) {
		p->sbom.present = 1;
		if (sg_policy__parse_sbom(p, doc, n) < 0)
			return -1;
	}
	if ((n = section(root, "risk"))) {
		p->risk.present = 1;
		if (sg_policy__parse_risk(p, doc, n) < 0)
			return -1;
	}
	if ((n = section(root, "scope")) && sg_policy__parse_scope(p, doc, n) < 0)
		return -1;
	if ((n = section(root, "release"))) {
		p->release.present = 1;
		if (sg_policy__parse_release(p, doc, n) < 0)
			return -1;
	}
	if ((n = section(root, "rules")) && sg_policy__parse_rules(p, doc, n) < 0)
		return -1;
	if ((n = section(root, "waivers")) && sg_policy__parse_waivers(p, doc, n) < 0)
		return -1;
	return 0;
}

/* Parse `data` and, through `extends`, everything below it, merged. */
static int load_tree(struct sg_ynode **out, struct sources *src,
		     const char *name, const char *data, size_t len,
		     sg_policy_reader reader, void *payload, int depth)
{
	struct sg_buf base_text = SG_BUF_INIT;
	struct sg_ynode *base = NULL;
	struct sg_ydoc *doc;
	const struct sg_ynode *ext;
	const char *pack_data;
	size_t pack_len;
	int error = -1, rc;

	*out = NULL;
	if (sg_yaml_parse(&doc, name, data, len) < 0)
		return -1;
	src->docs[src->nr++] = doc;
	if (!doc->root) {
		sg_yaml_error(doc, NULL, "the policy is empty");
		sg_error_hint("'sdlgate init' writes a starter policy");
		return -1;
	}
	if (sg_yaml_want_map(doc, doc->root, "policy") < 0)
		return -1;

	ext = sg_ymap_get(doc->root, "extends");
	if (ext && !sg_ynode_is_null(ext)) {
		if (sg_yaml_want_scalar(doc, ext, "extends") < 0)
			return -1;
		if (depth >= MAX_EXTENDS_DEPTH)
			return sg_yaml_error(doc, ext, "'extends' nests deeper than %d levels",
					     MAX_EXTENDS_DEPTH);
		if (sg_pack_lookup(&pack_data, &pack_len, ext->value) == 0) {
			struct sg_buf pack_name = SG_BUF_INIT;

			sg_buf_addf(&pack_name, "pack:%s", ext->value);
			error = load_tree(&base, src, pack_name.ptr, pack_data, pack_len,
					  reader, payload, depth + 1);
			sg_buf_release(&pack_name);
		} else {
			rc = reader ? reader(&base_text, ext->value, payload) : 1;
			if (rc < 0)
				goto done;
			if (rc > 0) {
				sg_yaml_error(doc, ext, "'extends: %s' names neither a policy pack nor a file",
					      ext->value);
				sg_error_hint("'sdlgate policy show --profile-list' lists the packs; a file path is relative to the repository root");
				goto done;
			}
			error = load_tree(&base, src, ext->value, base_text.ptr,
					  base_text.len, reader, payload, depth + 1);
		}
		if (error < 0)
			goto done;
	}
	*out = sg_ynode_merge(base, doc->root);
	error = 0;
done:
	sg_ynode_free(base);
	sg_buf_release(&base_text);
	return error;
}

int sg_policy_parse(struct sg_policy **out, const char *name,
		    const char *data, size_t len,
		    sg_policy_reader reader, void *payload)
{
	struct sources src = { { NULL }, 0 };
	struct sg_ynode *tree = NULL;
	struct sg_policy *p;
	const struct sg_ynode *ext;
	size_t i;
	int error;

	*out = NULL;
	p = sg_xcalloc(1, sizeof(*p));
	p->path = sg_xstrdup(name);
	set_defaults(p);

	error = load_tree(&tree, &src, name, data, len, reader, payload, 0);
	if (!error)
		error = convert(p, src.docs[0], tree);
	if (!error) {
		ext = sg_ymap_get(src.docs[0]->root, "extends");
		if (ext && ext->type == SG_YNODE_SCALAR && !sg_ynode_is_null(ext))
			p->extends = sg_xstrdup(ext->value);
		*out = p;
		p = NULL;
	}
	sg_ynode_free(tree);
	for (i = 0; i < src.nr; i++)
		sg_ydoc_free(src.docs[i]);
	sg_policy_free(p);
	return error;
}

void sg_policy_free(struct sg_policy *p)
{
	size_t i;

	if (!p)
		return;
	free(p->path);
	free(p->extends);
	free(p->description);
	free(p->product);
	sg_strlist_release(&p->clauses);
	sg_strlist_release(&p->requirements.registry);
	free(p->requirements.id_pattern);
	if (p->requirements.id_regex_ok)
		regfree(&p->requirements.id_regex);
	sg_strlist_release(&p->requirements.accepted_status);
	free(p->requirements.reference_trailer);
	free(p->requirements.exemption_trailer);
	sg_strlist_release(&p->requirements.exemption_paths);
	sg_strlist_release(&p->design_review.triggers);
	free(p->design_review.records);
	free(p->design_review.notes_ref);
	free(p->design_review.trailer);
	for (i = 0; i < p->design_review.criteria_nr; i++) {
		free(p->design_review.criteria[i].id);
		free(p->design_review.criteria[i].text);
	}
	free(p->design_review.criteria);
	sg_strlist_release(&p->sbom.files);
	sg_strlist_release(&p->sbom.triggers);
	sg_strlist_release(&p->risk.files);
	sg_strlist_release(&p->risk.triggers);
	free(p->risk.unchanged_trailer);
	free(p->risk.safety_id_pattern);
	if (p->risk.safety_regex_ok)
		regfree(&p->risk.safety_regex);
	free(p->release.tag_pattern);
	for (i = 0; i < p->release.deliverables_nr; i++) {
		free(p->release.deliverables[i].id);
		free(p->release.deliverables[i].path);
		sg_strlist_release(&p->release.deliverables[i].clauses);
	}
	free(p->release.deliverables);
	sg_strlist_release(&p->release.test_evidence);
	for (i = 0; i < p->overrides_nr; i++) {
		free(p->overrides[i].rule);
		free(p->overrides[i].where);
	}
	free(p->overrides);
	for (i = 0; i < p->waivers_nr; i++) {
		struct sg_waiver *w = &p->waivers[i];

		free(w->rule);
		free(w->commit);
		free(w->path);
		free(w->reason);
		free(w->approved_by);
		free(w->expires);
		free(w->where);
	}
	free(p->waivers);
	free(p);
}

int sg_policy_override(const struct sg_policy *policy, const char *rule)
{
	size_t i;

	for (i = 0; i < policy->overrides_nr; i++)
		if (!strcmp(policy->overrides[i].rule, rule))
			return (int)policy->overrides[i].severity;
	return -1;
}

int sg_policy_is_safety_id(const struct sg_policy *policy, const char *text)
{
	regmatch_t m;

	if (!policy->risk.safety_regex_ok)
		return 1;
	return regexec(&policy->risk.safety_regex, text, 1, &m, 0) == 0 &&
	       m.rm_so == 0 && (size_t)m.rm_eo == strlen(text);
}
