#include "model/requirements.h"
#include "policy/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/str.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int full_match(const regex_t *re, const char *s)
{
	regmatch_t m;

	return regexec(re, s, 1, &m, 0) == 0 && m.rm_so == 0 &&
	       (size_t)m.rm_eo == strlen(s);
}

/* `name` names the file in messages ("3f2a1bc:docs/security/srs.md"). */
static struct sg_requirement *add(struct sg_registry *reg, const char *name,
				  const char *path, unsigned line, unsigned column)
{
	struct sg_requirement *r;
	struct sg_buf where = SG_BUF_INIT;

	SG_ALLOC_GROW(reg->items, reg->nr + 1, reg->alloc);
	r = &reg->items[reg->nr++];
	memset(r, 0, sizeof(*r));
	r->file = sg_xstrdup(path);
	r->line = line;
	sg_buf_addf(&where, "%s:%u:%u", name, line, column);
	r->where = sg_buf_detach(&where);
	return r;
}

static int parse_yaml(struct sg_registry *reg, const char *name,
		      const char *path, const char *data, size_t len,
		      const regex_t *id_regex)
{
	static const char *const top_keys[] = { "requirements", NULL };
	static const char *const item_keys[] = { "id", "title", "status",
		"description", "rationale", "source", "verification", "risks", NULL };
	struct sg_ydoc *doc = NULL;
	const struct sg_ynode *list;
	size_t i;
	int error = -1;

	if (sg_yaml_parse(&doc, name, data, len) < 0)
		return -1;
	if (!doc->root) {
		error = 0;
		goto done;
	}
	if (sg_yaml_check_keys(doc, doc->root, "registry", top_keys) < 0)
		goto done;
	list = sg_ymap_get(doc->root, "requirements");
	if (sg_ynode_is_null(list)) {
		error = 0;
		goto done;
	}
	if (sg_yaml_want_seq(doc, list, "requirements") < 0)
		goto done;
	for (i = 0; i < list->nr; i++) {
		const struct sg_ynode *item = list->items[i];
		struct sg_requirement *r;

		if (sg_yaml_check_keys(doc, item, "requirements[]", item_keys) < 0)
			goto done;
		r = add(reg, name, path, (unsigned)item->line, (unsigned)item->column);
		if (sg_yaml_get_string(&r->id, doc, sg_ymap_get(item, "id"),
				       "requirements[].id") < 0)
			goto done;
		if (!full_match(id_regex, r->id)) {
			sg_yaml_error(doc, sg_ymap_get(item, "id"),
				      "requirement id '%s' does not match the policy's id_pattern",
				      r->id);
			sg_error_hint("fix the id, or 'requirements.id_pattern' in .sdlgate.yml");
			goto done;
		}
		if (sg_ymap_get(item, "title") &&
		    sg_yaml_get_string(&r->title, doc, sg_ymap_get(item, "title"),
				       "requirements[].title") < 0)
			goto done;
		if (!sg_ymap_get(item, "status")) {
			sg_yaml_error(doc, item, "requirement '%s' has no 'status'", r->id);
			sg_error_hint("give every requirement a status such as active, draft or obsolete");
			goto done;
		}
		if (sg_yaml_get_string(&r->status, doc, sg_ymap_get(item, "status"),
				       "requirements[].status") < 0)
			goto done;
	}
	error = 0;
done:
	sg_ydoc_free(doc);
	return error;
}

/* "## SR-003 Log every dose change (draft)" defines SR-003. */
static int parse_heading(struct sg_registry *reg, const char *name,
			 const char *path, const char *line, size_t len, unsigned lineno,
			 const regex_t *id_regex)
{
	char *text, *id_end, *title;
	struct sg_requirement *r;
	regmatch_t m;
	size_t i = 0;

	while (i < len && line[i] == '#')
		i++;
	if (!i || i > 6 || i >= len || (line[i] != ' ' && line[i] != '\t'))
		return 0;
	text = sg_strdup_trimmed(line + i, len - i);
	if (regexec(id_regex, text, 1, &m, 0) != 0 || m.rm_so != 0 ||
	    (text[m.rm_eo] && (isalnum((unsigned char)text[m.rm_eo]) ||
			       text[m.rm_eo] == '-' || text[m.rm_eo] == '_'))) {
		free(text);
		return 0;
	}
	r = add(reg, name, path, lineno, 1);
	r->id = sg_xstrndup(text, (size_t)m.rm_eo);
	id_end = text + m.rm_eo;
	while (*id_end == ' ' || *id_end == ':' || *id_end == '-' || *id_end == '\t')
		id_end++;
	if (strstr(id_end, "(obsolete)"))
		r->status = sg_xstrdup("obsolete");
	else if (strstr(id_end, "(draft)"))
		r->status = sg_xstrdup("draft");
	else
		r->status = sg_xstrdup("active");
	title = sg_xstrdup(id_end);
	r->title = title;
	free(text);
	return 0;
}

static int parse_markdown(struct sg_registry *reg, const char *name, const char *path,
			  const char *data, size_t len, const regex_t *id_regex)
{
	size_t pos = 0;
	unsigned lineno = 0;
	int in_fence = 0;

	while (pos < len) {
		const char *line = data + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos;

		lineno++;
		if (n >= 3 && (!strncmp(line, "```", 3) || !strncmp(line, "~~~", 3)))
			in_fence = !in_fence;
		else if (!in_fence && parse_heading(reg, name, path, line, n, lineno, id_regex) < 0)
			return -1;
		pos += n + (nl ? 1 : 0);
	}
	return 0;
}

int sg_registry_parse(struct sg_registry *reg, const char *name,
		      const char *path, const char *data, size_t len,
		      const regex_t *id_regex)
{
	reg->files++;
	if (sg_ends_with(path, ".md") || sg_ends_with(path, ".markdown"))
		return parse_markdown(reg, name, path, data, len, id_regex);
	return parse_yaml(reg, name, path, data, len, id_regex);
}

static int cmp_req(const void *a, const void *b)
{
	const struct sg_requirement *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c)
		return c;
	c = strcmp(x->file, y->file);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

int sg_registry_finish(struct sg_registry *reg)
{
	size_t i;

	if (reg->nr > 1)
		qsort(reg->items, reg->nr, sizeof(*reg->items), cmp_req);
	for (i = 1; i < reg->nr; i++)
		if (!strcmp(reg->items[i - 1].id, reg->items[i].id)) {
			sg_error_set("%s: requirement '%s' is defined twice (also at %s)",
				     reg->items[i].where, reg->items[i].id,
				     reg->items[i - 1].where);
			sg_error_hint("every secure requirement needs exactly one definition: remove one, or give it its own ID");
			return -1;
		}
	return 0;
}

const struct sg_requirement *sg_registry_find(const struct sg_registry *reg,
					      const char *id)
{
	size_t lo = 0, hi = reg ? reg->nr : 0;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(id, reg->items[mid].id);

		if (!c)
			return &reg->items[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

void sg_registry_free(struct sg_registry *reg)
{
	size_t i;

	if (!reg)
		return;
	for (i = 0; i < reg->nr; i++) {
		free(reg->items[i].id);
		free(reg->items[i].title);
		free(reg->items[i].status);
		free(reg->items[i].file);
		free(reg->items[i].where);
	}
	free(reg->items);
	free(reg);
}
