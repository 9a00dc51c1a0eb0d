#include "model/sbom.h"
#include "model/json.h"
#include "util/alloc.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/*
 * CycloneDX JSON 1.2-1.6 -> struct sg_sbom, with the structural checks of
 * the schema that matter for a gate (required fields, enums, hashes,
 * license choice) and the spec text's own rules (bom-refs).
 */

static const char *const component_types[] = {
	"application", "framework", "library", "container",
	"operating-system", "device", "firmware", "file",
	/* 1.5 */ "platform", "device-driver", "machine-learning-model", "data",
	/* 1.6 */ "cryptographic-asset", NULL,
};
static const char *const scopes[] = { "required", "optional", "excluded", NULL };
static const char *const patch_types[] = {
	"unofficial", "monkey", "backport", "cherry-pick", NULL,
};
static const char *const issue_types[] = { "defect", "enhancement", "security", NULL };
static const char *const flows[] = {
	"inbound", "outbound", "bi-directional", "unknown", NULL,
};
static const char *const encodings[] = { "base64", NULL };
static const char *const severities[] = {
	"critical", "high", "medium", "low", "info", "none", "unknown", NULL,
};
static const char *const rating_methods[] = {
	"CVSSv2", "CVSSv3", "CVSSv31", "CVSSv4", "OWASP", "SSVC", "other", NULL,
};
static const char *const states[] = {
	"resolved", "resolved_with_pedigree", "exploitable", "in_triage",
	"false_positive", "not_affected", NULL,
};
static const char *const justifications[] = {
	"code_not_present", "code_not_reachable", "requires_configuration",
	"requires_dependency", "requires_environment", "protected_by_compiler",
	"protected_at_runtime", "protected_at_perimeter",
	"protected_by_mitigating_control", NULL,
};
static const char *const affect_status[] = { "affected", "unaffected", "unknown", NULL };
static const char *const root_keys[] = {
	"$schema", "bomFormat", "specVersion", "serialNumber", "version",
	"metadata", "components", "services", "externalReferences",
	"dependencies", /* 1.3 */ "compositions",
	/* 1.4 */ "vulnerabilities", "signature",
	/* 1.5 */ "annotations", "formulation", "properties",
	/* 1.6 */ "declarations", "definitions", NULL,
};

static const struct {
	const char *alg;
	size_t hex;  /* 0: any length the schema allows */
} hash_algs[] = {
	{ "MD5", 32 }, { "SHA-1", 40 }, { "SHA-256", 64 }, { "SHA-384", 96 },
	{ "SHA-512", 128 }, { "SHA3-256", 64 }, { "SHA3-384", 96 },
	{ "SHA3-512", 128 }, { "BLAKE2b-256", 64 }, { "BLAKE2b-384", 96 },
	{ "BLAKE2b-512", 128 }, { "BLAKE3", 0 },
};

/* The first `n` entries of `all`, for enums that grew with the spec. */
static const char *const *first(const char **buf, const char *const *all,
				 size_t n)
{
	memcpy(buf, all, n * sizeof(*buf));
	buf[n] = NULL;
	return buf;
}

/*
 * The reader walks the whole tree once. What is checked at a node depends
 * on where it is, as in the schema's definitions: rules[] maps the key
 * above a node ("outer", "*" for any, "" for the root) and the node's own
 * key to a handler, called for the object (or each object of the array).
 */
typedef void (*sg_cdx_fn)(struct sg_sbom_reader *r, const cJSON *obj);

enum shape { OBJECT, LIST, EITHER };

struct rule {
	const char *outer;
	const char *key;
	enum shape shape;
	sg_cdx_fn fn;
	void (*list_fn)(struct sg_sbom_reader *r, const cJSON *arr);
	const char *field;          /* a member to check, or NULL */
	const char *const *values;  /* its enum; NULL: any string */
	int required;
};

#define FN(o, k, s, f) { o, k, s, f, NULL, NULL, NULL, 0 }
#define STR(o, k, s, field, v, req) { o, k, s, NULL, NULL, field, v, req }

static void on_component(struct sg_sbom_reader *r, const cJSON *c)
{
	const char *types[SG_ARRAY_SIZE(component_types)];
	size_t ntypes = r->minor >= 6 ? 13 : r->minor == 5 ? 12 : 8;
	const char *name, *version, *purl, *cpe, *supplier = NULL;
	const cJSON *e;
	struct sg_sbom_component *m;

	sg_sbom__enum(r, c, "type", first(types, component_types, ntypes), 1);
	name = sg_sbom__str(r, c, "name", 1);
	version = sg_sbom__str(r, c, "version", r->minor <= 3);
	purl = sg_sbom__str(r, c, "purl", 0);
	cpe = sg_sbom__str(r, c, "cpe", 0);
	sg_sbom__placeholder(r, c, "name", name);
	sg_sbom__placeholder(r, c, "version", version);
	sg_sbom__placeholder(r, c, "purl", purl);
	sg_sbom__placeholder(r, c, "cpe", cpe);
	if (purl && *purl && strncmp(purl, "pkg:", 4))
		sg_sbom__issue(r, c, "purl", "a package URL looks like pkg:npm/lodash@4.17.21",
			       "'%s' is not a package URL", purl);
	if (cpe && *cpe && strncmp(cpe, "cpe:2.3:", 8) && strncmp(cpe, "cpe:/", 5))
		sg_sbom__issue(r, c, "cpe", "a CPE starts with cpe:2.3: (or cpe:/ for CPE 2.2)",
			       "'%s' is not a CPE name", cpe);
	sg_sbom__str(r, c, "group", 0);
	sg_sbom__str(r, c, "publisher", 0);
	sg_sbom__enum(r, c, "scope", scopes, 0);
	if (!r->in_model)
		return;
	e = cJSON_GetObjectItemCaseSensitive(c, "supplier");
	supplier = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "name"));
	if (!supplier || !*supplier) {
		e = cJSON_GetObjectItemCaseSensitive(c, "manufacturer");
		supplier = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "name"));
	}
	if (!supplier || !*supplier)
		sg_json_get_string(&supplier, c, "publisher");
	m = sg_sbom__add_component(r, c);
	m->name = sg_sbom__dup(name);
	m->version = sg_sbom__dup(version);
	m->supplier = sg_sbom__dup(supplier);
	m->purl = sg_sbom__dup(purl);
	m->cpe = sg_sbom__dup(cpe);
	e = cJSON_GetObjectItemCaseSensitive(c, "swid");
	m->swid = sg_sbom__dup(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "tagId")));
	m->ref = sg_sbom__dup(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "bom-ref")));
	m->group = sg_sbom__dup(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(c, "group")));
}

static void on_hash(struct sg_sbom_reader *r, const cJSON *h)
{
	const char *alg = sg_sbom__str(r, h, "alg", 1);
	const char *content = sg_sbom__str(r, h, "content", 1);
	size_t j, n;

	for (j = 0; alg && j < SG_ARRAY_SIZE(hash_algs); j++)
		if (!strcmp(alg, hash_algs[j].alg))
			break;
	if (!alg || !*alg)
		return;
	if (j == SG_ARRAY_SIZE(hash_algs)) {
		sg_sbom__issue(r, h, "alg", "use MD5, SHA-1, SHA-256, SHA-384, SHA-512, SHA3-256/384/512, BLAKE2b-256/384/512 or BLAKE3",
			       "unknown hash algorithm '%s'", alg);
		return;
	}
	if (!content || !*content)
		return;
	n = strlen(content);
	if (hash_algs[j].hex ? !sg_sbom__is_hex(content, hash_algs[j].hex) :
	    (n != 32 && n != 40 && n != 64 && n != 96 && n != 128) ||
	    !sg_sbom__is_hex(content, n))
		sg_sbom__issue(r, h, "content", "the content is the digest in hexadecimal",
			       "not a hexadecimal %s digest", alg);
}

static void on_license_entry(struct sg_sbom_reader *r, const cJSON *item)
{
	int has_lic = cJSON_HasObjectItem(item, "license");
	int has_expr = cJSON_HasObjectItem(item, "expression");

	if (has_lic && has_expr)
		sg_sbom__issue(r, item, NULL, "split them, or keep only the expression",
			       "an entry holds 'license' or 'expression', not both");
	else if (!has_lic && !has_expr)
		sg_sbom__issue(r, item, NULL, "add a 'license' object or an SPDX 'expression'",
			       "an entry needs 'license' or 'expression'");
	if (has_expr)
		sg_sbom__str(r, item, "expression", 1);
}

static void on_licenses(struct sg_sbom_reader *r, const cJSON *arr)
{
	const cJSON *item;
	size_t expressions = 0, count = 0;

	for (item = arr->child; item; item = item->next, count++)
		expressions += cJSON_HasObjectItem(item, "expression");
	if (r->minor >= 5 && expressions && count > 1)
		sg_sbom__issue(r, arr, NULL, "combine the licenses into the one expression (\"A AND B\")",
			       "an SPDX expression must be the only entry of 'licenses' since CycloneDX 1.5");
}

static void on_license(struct sg_sbom_reader *r, const cJSON *lic)
{
	const char *id = sg_sbom__str(r, lic, "id", 0);
	const char *name = sg_sbom__str(r, lic, "name", 0);
	const char *fold;

	if (id && name)
		sg_sbom__issue(r, lic, NULL, "keep 'id' for an SPDX license, 'name' for any other",
			       "a license has either 'id' or 'name', not both");
	else if (!id && !name)
		sg_sbom__issue(r, lic, NULL, "give the SPDX identifier as 'id' or the license's name as 'name'",
			       "a license needs 'id' or 'name'");
	if (!id || sg_sbom__license_known(id))
		return;
	fold = sg_sbom__license_fold(id);
	if (fold)
		sg_sbom__issue(r, lic, "id", "SPDX identifiers are matched exactly in CycloneDX",
			       "'%s' is not an SPDX license identifier; did you mean '%s'?",
			       id, fold);
	else
		sg_sbom__issue(r, lic, "id", "use an identifier from https://spdx.org/licenses/ or put the license in 'name'",
			       "'%s' is not an SPDX license identifier", id);
}

static void on_property(struct sg_sbom_reader *r, const cJSON *p)
{
	sg_sbom__str(r, p, "name", r->minor >= 6);
	sg_sbom__str(r, p, "value", 0);
}

static void on_service(struct sg_sbom_reader *r, const cJSON *s)
{
	sg_sbom__placeholder(r, s, "name", sg_sbom__str(r, s, "name", 1));
}

static void on_dependency(struct sg_sbom_reader *r, const cJSON *d)
{
	const char *ref = sg_sbom__str(r, d, "ref", 1);

	r->sbom->dependencies_nr++;
	if (ref && *ref)
		sg_sbom__use(r, d, "ref", ref, 0);
	r->sbom->dependency_edges += sg_sbom__uses(r, d, "dependsOn", 0);
	sg_sbom__uses(r, d, "provides", 0);
}

static void on_composition(struct sg_sbom_reader *r, const cJSON *c)
{
	sg_sbom__uses(r, c, "assemblies", SG_SBOM__USE_BOMLINK);
	sg_sbom__uses(r, c, "dependencies", SG_SBOM__USE_BOMLINK);
	sg_sbom__uses(r, c, "vulnerabilities", SG_SBOM__USE_BOMLINK | SG_SBOM__USE_ANY);
}

static void on_affects(struct sg_sbom_reader *r, const cJSON *a)
{
	const char *ref = sg_sbom__str(r, a, "ref", 1);

	if (ref && *ref)
		sg_sbom__use(r, a, "ref", ref, SG_SBOM__USE_BOMLINK);
}

static const char *const lifecycle_phases[] = {
	"design", "pre-build", "build", "post-build", "operations",
	"discovery", "decommission", NULL,
};

/* metadata.tools: an array up to 1.4; {components, services} since 1.5. */
static void on_tools(struct sg_sbom_reader *r, const cJSON *t)
{
	if (r->path.len && r->path.ptr[r->path.len - 1] == ']') {
		sg_sbom__str(r, t, "vendor", 0);
		sg_sbom__str(r, t, "name", 0);
		sg_sbom__str(r, t, "version", 0);
	} else if (r->minor <= 4) {
		sg_sbom__issue(r, t, NULL, "CycloneDX up to 1.4 lists tools in an array",
			       "expected an array, found an object");
	}
}

/* Names of the members of `arr` (tools, authors), for sbom->author. */
static void add_names(char **dst, const cJSON *arr, int or_email)
{
	const cJSON *x;
	const char *s;

	for (x = cJSON_IsArray(arr) ? arr->child : NULL; x; x = x->next) {
		s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x, "name"));
		if ((!s || !*s) && or_email)
			s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x, "email"));
		sg_sbom__append(dst, s);
	}
}

static void on_metadata(struct sg_sbom_reader *r, const cJSON *meta)
{
	const char *ts = sg_sbom__str(r, meta, "timestamp", 0);
	const cJSON *tools = cJSON_GetObjectItemCaseSensitive(meta, "tools");

	if (ts && !sg_sbom__is_datetime(ts, 0))
		sg_sbom__issue(r, meta, "timestamp", "write an RFC 3339 date-time such as 2026-01-31T12:00:00Z",
			       "'%s' is not an RFC 3339 date-time", ts);
	/* A repeated "metadata" member is walked too: keep the first, as lookups do. */
	if (ts && *ts && !r->sbom->timestamp)
		r->sbom->timestamp = sg_xstrdup(ts);
	add_names(&r->sbom->author, cJSON_GetObjectItemCaseSensitive(meta, "authors"), 1);
	if (!r->sbom->author && cJSON_IsObject(tools)) {
		add_names(&r->sbom->author, cJSON_GetObjectItemCaseSensitive(tools, "components"), 0);
		add_names(&r->sbom->author, cJSON_GetObjectItemCaseSensitive(tools, "services"), 0);
	} else if (!r->sbom->author) {
		add_names(&r->sbom->author, tools, 0);
	}
}

static const struct rule rules[] = {
	FN("", "metadata", OBJECT, on_metadata),
	STR("metadata", "authors", LIST, "name", NULL, 0),
	STR("metadata", "authors", LIST, "email", NULL, 0),
	FN("metadata", "tools", EITHER, on_tools),
	FN("metadata", "component", OBJECT, on_component),
	STR("metadata", "lifecycles", LIST, "phase", lifecycle_phases, 0),
	FN("*", "components", LIST, on_component),
	FN("pedigree", "ancestors", LIST, on_component),
	FN("pedigree", "descendants", LIST, on_component),
	FN("pedigree", "variants", LIST, on_component),
	STR("pedigree", "patches", LIST, "type", patch_types, 1),
	STR("patches", "resolves", LIST, "type", issue_types, 1),
	STR("*", "supplier", OBJECT, "name", NULL, 0),
	STR("*", "manufacturer", OBJECT, "name", NULL, 0),
	STR("metadata", "manufacture", OBJECT, "name", NULL, 0),
	STR("*", "swid", OBJECT, "tagId", NULL, 1),
	STR("*", "swid", OBJECT, "name", NULL, 1),
	FN("*", "hashes", LIST, on_hash),
	{ "*", "licenses", LIST, on_license_entry, on_licenses, NULL, NULL, 0 },
	FN("licenses", "license", OBJECT, on_license),
	STR("license", "text", OBJECT, "encoding", encodings, 0),
	STR("diff", "text", OBJECT, "encoding", encodings, 0),
	FN("*", "properties", LIST, on_property),
	FN("*", "services", LIST, on_service),
	STR("services", "data", LIST, "flow", flows, 1),
	STR("services", "data", LIST, "classification", NULL, 1),
	FN("", "dependencies", LIST, on_dependency),
	FN("", "compositions", LIST, on_composition),
	FN("", "vulnerabilities", LIST, NULL),
	STR("vulnerabilities", "ratings", LIST, "severity", severities, 0),
	STR("vulnerabilities", "ratings", LIST, "method", rating_methods, 0),
	STR("vulnerabilities", "analysis", OBJECT, "state", states, 0),
	STR("vulnerabilities", "analysis", OBJECT, "justification", justifications, 0),
	FN("vulnerabilities", "affects", LIST, on_affects),
	STR("affects", "versions", LIST, "status", affect_status, 0),
};

/* The first rule for `key` under `outer` at or after rules[from]. */
static const struct rule *find_rule(size_t from, const char *outer,
					 const char *key)
{
	size_t i;

	for (i = from; key && i < SG_ARRAY_SIZE(rules); i++)
		if (rules[i].key[0] == key[0] && !strcmp(rules[i].key, key) &&
		    (rules[i].outer[0] == '*' ||
		     !strcmp(rules[i].outer, outer ? outer : "")))
			return &rules[i];
	return NULL;
}

static void apply(struct sg_sbom_reader *r, const cJSON *obj,
		  const char *outer, const char *key, int in_model)
{
	const struct rule *rule = find_rule(0, outer, key);

	r->in_model = in_model;
	for (; rule; rule = find_rule((size_t)(rule - rules) + 1,
					   outer, key)) {
		if (rule->fn)
			rule->fn(r, obj);
		if (rule->field && rule->values)
			sg_sbom__enum(r, obj, rule->field, rule->values,
				      rule->required);
		else if (rule->field)
			sg_sbom__str(r, obj, rule->field, rule->required);
	}
}

static void walk(struct sg_sbom_reader *r, const cJSON *obj, const char *outer,
		 const char *key, int in_model);

/* A member `node` (object or array) at `key` of an object at `outer`. */
static void descend(struct sg_sbom_reader *r, const cJSON *node,
		    const char *outer, const char *key, int in_model)
{
	const struct rule *rule = find_rule(0, outer, key);
	int is_array = cJSON_IsArray(node), is_object = cJSON_IsObject(node);
	const cJSON *item;
	size_t i = 0, old;

	if (rule && ((rule->shape == OBJECT && !is_object) ||
		     (rule->shape == LIST && !is_array) ||
		     (!is_object && !is_array))) {
		sg_sbom__issue(r, node, NULL, "write the value with the type the schema gives",
			       "expected %s, found %s",
			       rule->shape == OBJECT ? "an object" :
			       rule->shape == LIST ? "an array" : "an object or an array",
			       sg_json_type_name(node));
		return;
	}
	if (is_object) {
		walk(r, node, outer, key, in_model);
		return;
	}
	if (!is_array)
		return;
	if (rule && rule->list_fn)
		rule->list_fn(r, node);
	for (item = node->child; item; item = item->next, i++) {
		if (!rule && !cJSON_IsObject(item) && !cJSON_IsArray(item))
			continue;
		old = sg_sbom__push_index(r, i);
		if (cJSON_IsObject(item))
			walk(r, item, outer, key, in_model);
		else if (rule)
			sg_sbom__issue(r, item, NULL, "each entry of this array is an object",
				       "expected an object, found %s", sg_json_type_name(item));
		else if (cJSON_IsArray(item))
			descend(r, item, outer, key, 0);
		sg_sbom__pop(r, old);
	}
}

static void walk(struct sg_sbom_reader *r, const cJSON *obj, const char *outer,
		 const char *key, int in_model)
{
	const cJSON *child;
	const char *ref;
	size_t old;

	ref = sg_sbom__str(r, obj, "bom-ref", 0);
	if (ref && !*ref) {
		sg_sbom__issue(r, obj, "bom-ref", "remove it, or give an identifier unique in the BOM",
			       "bom-ref must not be empty");
	} else if (ref) {
		sg_sbom__placeholder(r, obj, "bom-ref", ref);
		sg_sbom__declare(r, obj, "bom-ref", ref, key &&
				 (!strcmp(key, "components") || !strcmp(key, "services") ||
				  !strcmp(key, "component")));
	}
	apply(r, obj, outer, key, in_model);
	for (child = obj->child; child; child = child->next) {
		if (!cJSON_IsObject(child) && !cJSON_IsArray(child) &&
		    !find_rule(0, key, child->string))
			continue;
		old = sg_sbom__push_key(r, child->string);
		descend(r, child, key, child->string,
			in_model && !strcmp(child->string, "components"));
		sg_sbom__pop(r, old);
	}
}

static void read_header(struct sg_sbom_reader *r, const cJSON *root)
{
	const char *spec = sg_sbom__str(r, root, "specVersion", 1), *serial;
	const char *keys[SG_ARRAY_SIZE(root_keys)];
	static const size_t nkeys[] = { 10, 11, 13, 16, 18 };
	const cJSON *child, *version;
	double n;

	if (spec && !strncmp(spec, "1.", 2) && spec[2] >= '2' &&
	    spec[2] <= '6' && !spec[3])
		r->minor = spec[2] - '0';
	else if (spec && *spec)
		sg_sbom__issue(r, root, "specVersion", "sdlgate checks CycloneDX 1.2 to 1.6; the document was checked as 1.6",
			       "unsupported CycloneDX version '%s'", spec);
	r->sbom->spec_version = sg_xstrdup(spec && *spec ? spec : "?");
	first(keys, root_keys, nkeys[r->minor - 2]);
	for (child = root->child; child; child = child->next)
		if (!sg_sbom__in(child->string, keys))
			sg_sbom__issue(r, root, child->string, "the schema allows no other top-level property; check the spelling and specVersion",
				       "not a top-level property of CycloneDX 1.%d", r->minor);
	version = cJSON_GetObjectItemCaseSensitive(root, "version");
	if (sg_json_get_number(&n, root, "version") == SG_JSON_WRONG_TYPE ||
	    (version && (n < 1 || n > 2147483647.0 || n != (double)(long)n)))
		sg_sbom__issue(r, version, "version", "the BOM version is an integer from 1, increased with every change",
			       "expected an integer of at least 1");
	else if (!version && r->minor <= 4)
		sg_sbom__issue(r, root, NULL, "CycloneDX up to 1.4 requires the BOM 'version'",
			       "missing required 'version'");
	serial = sg_sbom__str(r, root, "serialNumber", 0);
	if (serial && (strlen(serial) != 45 || strncmp(serial, "urn:uuid:", 9) ||
		       serial[17] != '-' || serial[22] != '-' ||
		       serial[27] != '-' || serial[32] != '-' ||
		       strspn(serial + 9, "0123456789abcdef-") != 36))
		sg_sbom__issue(r, root, "serialNumber", "use urn:uuid: followed by a lower-case RFC 4122 UUID",
			       "'%s' is not a urn:uuid serial number", serial);
}

int sg_sbom__read_cyclonedx(struct sg_sbom_reader *r, const cJSON *root)
{
	read_header(r, root);
	walk(r, root, NULL, NULL, 1);
	return 0;
}
