#include "model/risk.h"
#include "git/snapshot.h"
#include "policy/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

const char *sg_risk_status_name(enum sg_risk_status status)
{
	switch (status) {
	case SG_RISK_OPEN:
		return "open";
	case SG_RISK_MITIGATED:
		return "mitigated";
	default:
		return "accepted";
	}
}

static int parse_status(enum sg_risk_status *out, const struct sg_ydoc *doc,
			const struct sg_ynode *node)
{
	if (sg_yaml_want_scalar(doc, node, "risks[].status") < 0)
		return -1;
	if (!strcmp(node->value, "open"))
		*out = SG_RISK_OPEN;
	else if (!strcmp(node->value, "mitigated"))
		*out = SG_RISK_MITIGATED;
	else if (!strcmp(node->value, "accepted"))
		*out = SG_RISK_ACCEPTED;
	else
		return sg_yaml_error(doc, node,
			"risk status must be open, mitigated or accepted, not '%s'",
			node->value);
	return 0;
}

static int parse_item(struct sg_risk *r, const struct sg_ydoc *doc,
		      const struct sg_ynode *item)
{
	/* descriptive keys a risk assessment carries; only these are allowed */
	static const char *const keys[] = { "id", "title", "description",
		"threat", "asset", "controls", "safety_risks", "status",
		"severity", "score", "residual_risk", "rationale", NULL };
	const struct sg_ynode *n;

	if (sg_yaml_check_keys(doc, item, "risks[]", keys) < 0)
		return -1;
	n = sg_ymap_get(item, "id");
	if (!n || sg_ynode_is_null(n)) {
		sg_yaml_error(doc, item, "a risk has no 'id'");
		sg_error_hint("give every risk an id such as 'RSK-001'");
		return -1;
	}
	if (sg_yaml_get_string(&r->id, doc, n, "risks[].id") < 0)
		return -1;
	n = sg_ymap_get(item, "title");
	if (n && !sg_ynode_is_null(n) &&
	    sg_yaml_get_string(&r->title, doc, n, "risks[].title") < 0)
		return -1;
	n = sg_ymap_get(item, "controls");
	if (n && !sg_ynode_is_null(n) &&
	    sg_yaml_get_strings(&r->controls, doc, n, "risks[].controls") < 0)
		return -1;
	n = sg_ymap_get(item, "safety_risks");
	if (n && !sg_ynode_is_null(n) &&
	    sg_yaml_get_strings(&r->safety_risks, doc, n, "risks[].safety_risks") < 0)
		return -1;
	n = sg_ymap_get(item, "status");
	if (!n) {
		sg_yaml_error(doc, item, "risk '%s' has no 'status'", r->id);
		sg_error_hint("set 'status: open', 'mitigated' or 'accepted'");
		return -1;
	}
	return parse_status(&r->status, doc, n);
}

int sg_risks_parse(struct sg_risks *out, const char *name, const char *path,
		   const char *data, size_t len)
{
	static const char *const top_keys[] = { "risks", NULL };
	struct sg_ydoc *doc = NULL;
	const struct sg_ynode *list;
	size_t i;
	int error = -1;

	if (sg_yaml_parse(&doc, name, data, len) < 0)
		return -1;
	if (!doc->root) {
		sg_yaml_error(doc, NULL, "the risk file is empty");
		sg_error_hint("start it with 'risks:' and a list of risks (see DESIGN §4 or 'sdlgate init')");
		goto done;
	}
	if (sg_yaml_want_map(doc, doc->root, "risk file") < 0 ||
	    sg_yaml_check_keys(doc, doc->root, "risk file", top_keys) < 0)
		goto done;
	list = sg_ymap_get(doc->root, "risks");
	if (!list) {
		sg_yaml_error(doc, doc->root, "the risk file has no 'risks' list");
		goto done;
	}
	if (sg_ynode_is_null(list)) {
		error = 0;
		goto done;
	}
	if (sg_yaml_want_seq(doc, list, "risks") < 0)
		goto done;
	for (i = 0; i < list->nr; i++) {
		struct sg_risk *r;

		if (sg_yaml_want_map(doc, list->items[i], "risks[]") < 0)
			goto done;
		SG_ALLOC_GROW(out->items, out->nr + 1, out->alloc);
		r = &out->items[out->nr++];
		memset(r, 0, sizeof(*r));
		r->file = sg_xstrdup(path);
		r->line = (unsigned)list->items[i]->line;
		if (parse_item(r, doc, list->items[i]) < 0)
			goto done;
	}
	error = 0;
done:
	sg_ydoc_free(doc);
	return error;
}

int sg_risks_load(struct sg_risks *out, const struct sg_snapshot *snap,
		  const struct sg_strlist *files)
{
	struct sg_buf data = SG_BUF_INIT, name = SG_BUF_INIT;
	size_t i;
	int rc, error = 0;

	for (i = 0; i < files->nr && !error; i++) {
		sg_buf_reset(&data);
		rc = sg_snapshot_read(&data, snap, files->items[i], SG_RISK_MAX_SIZE);
		if (rc < 0) {
			error = -1;
		} else if (rc > 0) {
			sg_strlist_add(&out->missing, files->items[i]);
		} else {
			sg_buf_reset(&name);
			sg_buf_addf(&name, "%s:%s", sg_snapshot_name(snap), files->items[i]);
			error = sg_risks_parse(out, name.ptr, files->items[i],
					       data.ptr, data.len);
		}
	}
	sg_buf_release(&data);
	sg_buf_release(&name);
	return error;
}

void sg_risks_controlling(struct sg_strlist *out, const struct sg_risks *risks,
			  const char *requirement)
{
	size_t i;

	for (i = 0; i < risks->nr; i++)
		if (sg_strlist_contains(&risks->items[i].controls, requirement))
			sg_strlist_add_unique(out, risks->items[i].id);
}

void sg_risks_release(struct sg_risks *risks)
{
	size_t i;

	for (i = 0; i < risks->nr; i++) {
		struct sg_risk *r = &risks->items[i];

		free(r->id);
		free(r->title);
		sg_strlist_release(&r->controls);
		sg_strlist_release(&r->safety_risks);
		free(r->file);
	}
	free(risks->items);
	sg_strlist_release(&risks->missing);
	risks->items = NULL;
	risks->nr = risks->alloc = 0;
}
