#include "model/sbom.h"
#include "model/json.h"
#include "util/alloc.h"
#include "util/error.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *sg_sbom_format_name(int format)
{
	switch (format) {
	case SG_SBOM_CYCLONEDX:
		return "CycloneDX";
	case SG_SBOM_SPDX2:
		return "SPDX 2";
	case SG_SBOM_SPDX3:
		return "SPDX 3";
	default:
		return "unknown";
	}
}

void sg_sbom_free(struct sg_sbom *sbom)
{
	size_t i;

	if (!sbom)
		return;
	for (i = 0; i < sbom->components_nr; i++) {
		struct sg_sbom_component *c = &sbom->components[i];

		free(c->name);
		free(c->version);
		free(c->supplier);
		free(c->purl);
		free(c->cpe);
		free(c->swid);
		free(c->ref);
		free(c->group);
		free(c->path);
	}
	free(sbom->components);
	free(sbom->spec_version);
	free(sbom->author);
	free(sbom->timestamp);
	free(sbom);
}

static int not_an_sbom(const char *name, const char *why)
{
	sg_error_set("%s: not an SBOM: %s", name, why);
	sg_error_hint("sdlgate reads CycloneDX JSON (1.2-1.6) and SPDX JSON (2.2, 2.3, 3.0); check the sbom.files entry of .sdlgate.yml");
	return -1;
}

/* Starts (after white space) with `prefix`: for hints on non-JSON SBOMs. */
static int looks_like(const char *data, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	while (len && isspace((unsigned char)*data)) {
		data++;
		len--;
	}
	return len >= n && !memcmp(data, prefix, n);
}

int sg_sbom__open(struct sg_sbom_reader *r, cJSON **root, const char *name,
		  const char *data, size_t len)
{
	const char *format;
	int kind;

	memset(r, 0, sizeof(*r));
	sg_buf_init(&r->path);
	*root = NULL;
	if (sg_json_parse(root, name, data, len) < 0) {
		if (len <= SG_SBOM_MAX_SIZE && looks_like(data, len, "<"))
			sg_error_hint("this looks like XML; sdlgate reads JSON SBOMs only (export CycloneDX as JSON)");
		else if (len <= SG_SBOM_MAX_SIZE &&
			 looks_like(data, len, "SPDXVersion:"))
			sg_error_hint("this is SPDX tag-value; sdlgate reads SPDX JSON only (convert it with the SPDX tools)");
		return -1;
	}
	if (!cJSON_IsObject(*root)) {
		cJSON_Delete(*root);
		*root = NULL;
		return not_an_sbom(name, "the top level is not a JSON object");
	}
	kind = sg_json_get_string(&format, *root, "bomFormat");
	if (kind == SG_JSON_OK && !strcmp(format, "CycloneDX")) {
		r->minor = 6;
		kind = SG_SBOM_CYCLONEDX;
	} else if (kind != SG_JSON_ABSENT) {
		cJSON_Delete(*root);
		*root = NULL;
		return not_an_sbom(name, "'bomFormat' is not \"CycloneDX\"");
	} else if (cJSON_GetObjectItemCaseSensitive(*root, "spdxVersion")) {
		kind = SG_SBOM_SPDX2;
	} else if (cJSON_GetObjectItemCaseSensitive(*root, "@context") &&
		   cJSON_GetObjectItemCaseSensitive(*root, "@graph")) {
		kind = SG_SBOM_SPDX3;
	} else {
		cJSON_Delete(*root);
		*root = NULL;
		return not_an_sbom(name, "no 'bomFormat', 'spdxVersion' or '@context' and '@graph'");
	}
	r->sbom = sg_xcalloc(1, sizeof(*r->sbom));
	r->sbom->format = kind;
	return 0;
}

void sg_sbom__reader_release(struct sg_sbom_reader *r)
{
	size_t i;

	for (i = 0; i < r->ids_nr; i++)
		free(r->ids[i].path);
	for (i = 0; i < r->uses_nr; i++)
		free(r->uses[i].path);
	free(r->ids);
	free(r->uses);
	free(r->anchors);
	free(r->component_nodes);
	sg_buf_release(&r->path);
	sg_sbom_free(r->sbom);
	r->sbom = NULL;
}

static int read_format(struct sg_sbom_reader *r, const cJSON *root)
{
	switch (r->sbom->format) {
	case SG_SBOM_CYCLONEDX:
		return sg_sbom__read_cyclonedx(r, root);
	case SG_SBOM_SPDX2:
		return sg_sbom__read_spdx2(r, root);
	default:
		return sg_sbom__read_spdx3(r, root);
	}
}

int sg_sbom_parse(struct sg_sbom **out, const char *name, const char *data,
		  size_t len)
{
	struct sg_sbom_reader r;
	cJSON *root = NULL;
	int error;

	*out = NULL;
	error = sg_sbom__open(&r, &root, name, data, len);
	if (error < 0)
		return error;
	error = read_format(&r, root);
	if (!error) {
		*out = r.sbom;
		r.sbom = NULL;
	}
	cJSON_Delete(root);
	sg_sbom__reader_release(&r);
	return error;
}

/* Used by sg_sbom_check, which lives in sbom_check.c. */
int sg_sbom__read(struct sg_sbom_reader *r, const cJSON *root)
{
	return read_format(r, root);
}

void sg_sbom__printable(char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

/* Issues anchor at the member they are about, when it exists. */
static const cJSON *member_or(const cJSON *obj, const char *key)
{
	const cJSON *m = cJSON_IsObject(obj) ?
			 cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;

	return m ? m : obj;
}

void sg_sbom__issue(struct sg_sbom_reader *r, const cJSON *node,
		    const char *key, const char *hint, const char *fmt, ...)
{
	struct sg_sbom_issue *issue;
	struct sg_buf msg = SG_BUF_INIT;
	size_t old = r->path.len;
	va_list ap;

	if (!r->issues)
		return;
	if (key) {
		sg_json_path_key(&r->path, key);
		node = member_or(node, key);
	}
	SG_ALLOC_GROW(r->issues->items, r->issues->nr + 1, r->issues->alloc);
	SG_ALLOC_GROW(r->anchors, r->issues->nr + 1, r->anchors_alloc);
	issue = &r->issues->items[r->issues->nr];
	memset(issue, 0, sizeof(*issue));
	if (r->path.len) {
		issue->path = sg_xstrdup(r->path.ptr);
		sg_buf_addf(&msg, "%s: ", r->path.ptr);
	}
	va_start(ap, fmt);
	sg_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	issue->message = sg_buf_detach(&msg);
	sg_sbom__printable(issue->message);
	issue->hint = hint ? sg_xstrdup(hint) : NULL;
	r->anchors[r->issues->nr++] = node;
	sg_buf_setlen(&r->path, old);
}

static const char *const required_hint =
	"the schema requires this field; fix the generator or its configuration";

static const cJSON *typed(struct sg_sbom_reader *r, const cJSON *obj,
			  const char *key, int required, int got,
			  const char *want)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (got == SG_JSON_WRONG_TYPE)
		sg_sbom__issue(r, obj, key, "write the value with the type the schema gives",
			       "expected %s, found %s", want,
			       sg_json_type_name(item));
	else if (got == SG_JSON_ABSENT && required)
		sg_sbom__issue(r, obj, NULL, required_hint,
			       "missing required '%s'", key);
	return got == SG_JSON_OK ? item : NULL;
}

const char *sg_sbom__str(struct sg_sbom_reader *r, const cJSON *obj,
			 const char *key, int required)
{
	const char *s;
	int got = sg_json_get_string(&s, obj, key);

	typed(r, obj, key, required, got, "a string");
	if (got == SG_JSON_OK && required && !*s)
		sg_sbom__issue(r, obj, key, required_hint, "must not be empty");
	return s;
}

const cJSON *sg_sbom__arr(struct sg_sbom_reader *r, const cJSON *obj,
			  const char *key, int required)
{
	const cJSON *a;

	return typed(r, obj, key, required, sg_json_get_array(&a, obj, key),
		     "an array");
}

const cJSON *sg_sbom__obj(struct sg_sbom_reader *r, const cJSON *obj,
			  const char *key, int required)
{
	const cJSON *o;

	return typed(r, obj, key, required, sg_json_get_object(&o, obj, key),
		     "an object");
}

int sg_sbom__in(const char *s, const char *const *values)
{
	for (; *values; values++)
		if (!strcmp(s, *values))
			return 1;
	return 0;
}

const char *sg_sbom__enum(struct sg_sbom_reader *r, const cJSON *obj,
			  const char *key, const char *const *values,
			  int required)
{
	const char *s = sg_sbom__str(r, obj, key, required);
	struct sg_buf hint = SG_BUF_INIT;
	size_t i;

	if (!s || sg_sbom__in(s, values) || (!*s && required))
		return s;
	sg_buf_adds(&hint, "use one of:");
	for (i = 0; values[i]; i++)
		sg_buf_addf(&hint, "%s %s", i ? "," : "", values[i]);
	sg_sbom__issue(r, obj, key, hint.ptr, "'%s' is not a known value", s);
	sg_buf_release(&hint);
	return NULL;
}

size_t sg_sbom__push_key(struct sg_sbom_reader *r, const char *key)
{
	return sg_json_path_key(&r->path, key);
}

size_t sg_sbom__push_index(struct sg_sbom_reader *r, size_t index)
{
	return sg_json_path_index(&r->path, index);
}

void sg_sbom__pop(struct sg_sbom_reader *r, size_t len)
{
	sg_buf_setlen(&r->path, len);
}

struct sg_sbom_component *sg_sbom__add_component(struct sg_sbom_reader *r,
						 const cJSON *node)
{
	struct sg_sbom *s = r->sbom;
	struct sg_sbom_component *c;

	SG_ALLOC_GROW(s->components, s->components_nr + 1, s->components_alloc);
	SG_ALLOC_GROW(r->component_nodes, s->components_nr + 1,
		      r->component_nodes_alloc);
	r->component_nodes[s->components_nr] = node;
	c = &s->components[s->components_nr++];
	memset(c, 0, sizeof(*c));
	c->path = sg_xstrdup(r->path.ptr);
	return c;
}

static char *path_with(struct sg_sbom_reader *r, const char *key)
{
	size_t old = r->path.len;
	char *p;

	if (key)
		sg_json_path_key(&r->path, key);
	p = sg_xstrdup(r->path.ptr);
	sg_buf_setlen(&r->path, old);
	return p;
}

void sg_sbom__declare(struct sg_sbom_reader *r, const cJSON *node,
		      const char *key, const char *id, int target)
{
	struct sg_sbom__id *d;

	if (!r->issues || !id)
		return;
	SG_ALLOC_GROW(r->ids, r->ids_nr + 1, r->ids_alloc);
	d = &r->ids[r->ids_nr++];
	d->id = id;
	d->path = path_with(r, key);
	d->node = key ? member_or(node, key) : node;
	d->owner = node;
	d->target = target;
}

void sg_sbom__use(struct sg_sbom_reader *r, const cJSON *node,
		  const char *key, const char *id, unsigned flags)
{
	struct sg_sbom__use *u;

	if (!r->issues || !id)
		return;
	SG_ALLOC_GROW(r->uses, r->uses_nr + 1, r->uses_alloc);
	u = &r->uses[r->uses_nr++];
	u->id = id;
	u->path = path_with(r, key);
	u->node = key ? member_or(node, key) : node;
	u->flags = flags;
}

void sg_sbom__append(char **dst, const char *s)
{
	struct sg_buf buf = SG_BUF_INIT;

	if (!s || !*s)
		return;
	if (*dst) {
		sg_buf_adds(&buf, *dst);
		sg_buf_adds(&buf, ", ");
		free(*dst);
	}
	sg_buf_adds(&buf, s);
	*dst = sg_buf_detach(&buf);
}

char *sg_sbom__dup(const char *s)
{
	return s ? sg_xstrdup(s) : NULL;
}

struct listed {
	const char *ref;
	size_t index;
	const cJSON *node;
};

static int cmp_listed(const void *a, const void *b)
{
	const struct listed *x = a, *y = b;
	int c = strcmp(x->ref, y->ref);

	return c ? c : x->index < y->index ? -1 : x->index > y->index;
}

/*
 * A list of references under `key` that must resolve, each listed once
 * (sorted, so a root that depends on thousands stays linear-logarithmic).
 */
size_t sg_sbom__uses(struct sg_sbom_reader *r, const cJSON *obj,
		     const char *key, unsigned flags)
{
	const cJSON *arr = sg_sbom__arr(r, obj, key, 0), *item;
	struct listed *seen = NULL;
	size_t i, n = 0, alloc = 0, old = sg_sbom__push_key(r, key);

	for (i = 0, item = arr ? arr->child : NULL; item; i++, item = item->next) {
		size_t o = sg_sbom__push_index(r, i);

		if (!cJSON_IsString(item) || !*item->valuestring) {
			sg_sbom__issue(r, item, NULL, "each entry is an identifier declared in the document",
				       "expected a non-empty string, found %s",
				       cJSON_IsString(item) ? "an empty one" :
				       sg_json_type_name(item));
		} else if (r->issues) {
			sg_sbom__use(r, item, NULL, item->valuestring, flags);
			SG_ALLOC_GROW(seen, n + 1, alloc);
			seen[n].ref = item->valuestring;
			seen[n].index = i;
			seen[n++].node = item;
		} else {
			n++;
		}
		sg_sbom__pop(r, o);
	}
	if (seen && n > 1)
		qsort(seen, n, sizeof(*seen), cmp_listed);
	for (i = 1; seen && i < n; i++) {
		size_t o;

		if (strcmp(seen[i - 1].ref, seen[i].ref))
			continue;
		o = sg_sbom__push_index(r, seen[i].index);
		sg_sbom__issue(r, seen[i].node, NULL, "list each reference once",
			       "'%s' is listed twice", seen[i].ref);
		sg_sbom__pop(r, o);
	}
	free(seen);
	sg_sbom__pop(r, old);
	return n;
}

void sg_sbom__each(struct sg_sbom_reader *r, const cJSON *obj, const char *key,
		   int required,
		   void (*fn)(struct sg_sbom_reader *r, const cJSON *item))
{
	const cJSON *arr = sg_sbom__arr(r, obj, key, required), *item;
	size_t i = 0, old = sg_sbom__push_key(r, key), o;

	for (item = arr ? arr->child : NULL; item; item = item->next, i++) {
		o = sg_sbom__push_index(r, i);
		if (cJSON_IsObject(item))
			fn(r, item);
		else
			sg_sbom__issue(r, item, NULL, "each entry of this array is an object",
				       "expected an object, found %s",
				       sg_json_type_name(item));
		sg_sbom__pop(r, o);
	}
	sg_sbom__pop(r, old);
}
