#include "model/sbom.h"
#include "model/json.h"
#include "util/alloc.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/*
 * SPDX JSON 2.2/2.3 -> struct sg_sbom, with the checks of the schemas
 * (spdx-schema.json at v2.2.2 and v2.3) and the spec text that matter for
 * a gate: required fields, identifiers, relationships, checksums.
 */

static const char *const rel_types2[] = {
	"AMENDS", "ANCESTOR_OF", "BUILD_DEPENDENCY_OF", "BUILD_TOOL_OF",
	"CONTAINED_BY", "CONTAINS", "COPY_OF", "DATA_FILE_OF",
	"DEPENDENCY_MANIFEST_OF", "DEPENDENCY_OF", "DEPENDS_ON", "DESCENDANT_OF",
	"DESCRIBED_BY", "DESCRIBES", "DEV_DEPENDENCY_OF", "DEV_TOOL_OF",
	"DISTRIBUTION_ARTIFACT", "DOCUMENTATION_OF", "DYNAMIC_LINK",
	"EXAMPLE_OF", "EXPANDED_FROM_ARCHIVE", "FILE_ADDED", "FILE_DELETED",
	"FILE_MODIFIED", "GENERATED_FROM", "GENERATES", "HAS_PREREQUISITE",
	"METAFILE_OF", "OPTIONAL_COMPONENT_OF", "OPTIONAL_DEPENDENCY_OF",
	"OTHER", "PACKAGE_OF", "PATCH_APPLIED", "PATCH_FOR", "PREREQUISITE_FOR",
	"PROVIDED_DEPENDENCY_OF", "REQUIREMENT_DESCRIPTION_FOR",
	"RUNTIME_DEPENDENCY_OF", "SPECIFICATION_FOR", "STATIC_LINK",
	"TEST_CASE_OF", "TEST_DEPENDENCY_OF", "TEST_OF", "TEST_TOOL_OF",
	"VARIANT_OF", NULL,
};
/* Relationships that are edges of the dependency graph (NTIA). */
static const char *const dep_types2[] = {
	"CONTAINED_BY", "CONTAINS", "DEPENDS_ON", "DYNAMIC_LINK",
	"HAS_PREREQUISITE", "OPTIONAL_COMPONENT_OF", "PREREQUISITE_FOR",
	"STATIC_LINK", NULL,
};
static const char *const categories[] = {
	"SECURITY", "PACKAGE-MANAGER", "PACKAGE_MANAGER", "PERSISTENT-ID",
	"PERSISTENT_ID", "OTHER", NULL,
};
static const char *const purposes[] = {
	"APPLICATION", "FRAMEWORK", "LIBRARY", "CONTAINER", "OPERATING_SYSTEM",
	"DEVICE", "FIRMWARE", "SOURCE", "ARCHIVE", "FILE", "INSTALL", "OTHER",
	NULL,
};
static const struct {
	const char *alg;
	size_t hex;  /* 0: no fixed length */
} checksums[] = {
	{ "SHA1", 40 }, { "SHA224", 56 }, { "SHA256", 64 }, { "SHA384", 96 },
	{ "SHA512", 128 }, { "MD2", 32 }, { "MD4", 32 }, { "MD5", 32 },
	{ "MD6", 0 }, { "SHA3-256", 64 }, { "SHA3-384", 96 },
	{ "SHA3-512", 128 }, { "BLAKE2b-256", 64 }, { "BLAKE2b-384", 96 },
	{ "BLAKE2b-512", 128 }, { "BLAKE3", 0 }, { "ADLER32", 8 },
};

static void on_checksum(struct sg_sbom_reader *r, const cJSON *c)
{
	const char *alg = sg_sbom__str(r, c, "algorithm", 1);
	const char *value = sg_sbom__str(r, c, "checksumValue", 1);
	size_t i;

	for (i = 0; alg && *alg && i < SG_ARRAY_SIZE(checksums); i++)
		if (!strcmp(alg, checksums[i].alg))
			break;
	if (alg && *alg && i == SG_ARRAY_SIZE(checksums))
		sg_sbom__issue(r, c, "algorithm", "use SHA1, SHA256, SHA512, MD5 or another SPDX checksum algorithm",
			       "unknown checksum algorithm '%s'", alg);
	else if (alg && *alg && value && *value &&
		 !sg_sbom__is_hex(value, checksums[i].hex ? checksums[i].hex :
				  strlen(value)))
		sg_sbom__issue(r, c, "checksumValue", "the value is the digest in lower-case hexadecimal",
			       "not a hexadecimal %s checksum", alg);
}

/* "Person: ...", "Organization: ..." (and "Tool: ..." for creators). */
static void check_agent(struct sg_sbom_reader *r, const cJSON *node,
			const char *key, const char *s, int tool_ok)
{
	if (!s || !*s || !strcmp(s, "NOASSERTION") || !strncmp(s, "Person:", 7) ||
	    !strncmp(s, "Organization:", 13) || (tool_ok && !strncmp(s, "Tool:", 5)))
		return;
	sg_sbom__issue(r, node, key, tool_ok ? "write 'Person: name (email)', 'Organization: name (email)' or 'Tool: name-version'" :
		       "write 'Person: name (email)', 'Organization: name (email)' or NOASSERTION",
		       "'%s' does not name a person or organization%s", s,
		       tool_ok ? " or tool" : "");
}

static void on_external_ref(struct sg_sbom_reader *r, const cJSON *e)
{
	struct sg_sbom_component *c = &r->sbom->components[r->sbom->components_nr - 1];
	const char *type, *locator;

	sg_sbom__enum(r, e, "referenceCategory", categories, 1);
	type = sg_sbom__str(r, e, "referenceType", 1);
	locator = sg_sbom__str(r, e, "referenceLocator", 1);
	if (!type || !locator || !*locator)
		return;
	sg_sbom__placeholder(r, e, "referenceLocator", locator);
	if (!strcmp(type, "purl") && !c->purl)
		c->purl = sg_xstrdup(locator);
	else if ((!strcmp(type, "cpe23Type") || !strcmp(type, "cpe22Type")) && !c->cpe)
		c->cpe = sg_xstrdup(locator);
	else if (!strcmp(type, "swid") && !c->swid)
		c->swid = sg_xstrdup(locator);
}

static void declare_spdxid(struct sg_sbom_reader *r, const cJSON *obj,
			   const char *id)
{
	const char *p;
	int ok;

	if (!id || !*id)
		return;
	sg_sbom__placeholder(r, obj, "SPDXID", id);
	ok = !strncmp(id, "SPDXRef-", 8) && id[8];
	for (p = id + (ok ? 8 : 0); ok && *p; p++)
		ok = strchr(".-", *p) || (*p >= '0' && *p <= '9') ||
		     ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
	if (!ok)
		sg_sbom__issue(r, obj, "SPDXID", "an SPDXID is SPDXRef- followed by letters, digits, '.' and '-'",
			       "'%s' is not a valid SPDXID", id);
	sg_sbom__declare(r, obj, "SPDXID", id, 1);
}

static void on_package(struct sg_sbom_reader *r, const cJSON *p)
{
	struct sg_sbom_component *c = sg_sbom__add_component(r, p);
	const char *supplier, *id = sg_sbom__str(r, p, "SPDXID", 1);

	declare_spdxid(r, p, id);
	c->ref = sg_sbom__dup(id);
	c->name = sg_sbom__dup(sg_sbom__str(r, p, "name", 1));
	c->version = sg_sbom__dup(sg_sbom__str(r, p, "versionInfo", 0));
	sg_sbom__placeholder(r, p, "name", c->name);
	sg_sbom__placeholder(r, p, "versionInfo", c->version);
	sg_sbom__str(r, p, "downloadLocation", 1);
	if (r->minor == 2) {
		sg_sbom__str(r, p, "licenseConcluded", 1);
		sg_sbom__str(r, p, "licenseDeclared", 1);
		sg_sbom__str(r, p, "copyrightText", 1);
	}
	supplier = sg_sbom__str(r, p, "supplier", 0);
	check_agent(r, p, "supplier", supplier, 0);
	check_agent(r, p, "originator", sg_sbom__str(r, p, "originator", 0), 0);
	c->supplier = sg_sbom__dup(supplier);
	if (r->minor >= 3)
		sg_sbom__enum(r, p, "primaryPackagePurpose", purposes, 0);
	sg_sbom__each(r, p, "checksums", 0, on_checksum);
	sg_sbom__each(r, p, "externalRefs", 0, on_external_ref);
	sg_sbom__uses(r, p, "hasFiles", 0);
}

static void on_file(struct sg_sbom_reader *r, const cJSON *f)
{
	declare_spdxid(r, f, sg_sbom__str(r, f, "SPDXID", 1));
	sg_sbom__str(r, f, "fileName", 1);
	if (r->minor == 2) {
		sg_sbom__str(r, f, "copyrightText", 1);
		sg_sbom__str(r, f, "licenseConcluded", 1);
	}
	sg_sbom__each(r, f, "checksums", r->minor >= 3, on_checksum);
}

static void on_snippet(struct sg_sbom_reader *r, const cJSON *s)
{
	const char *from;

	declare_spdxid(r, s, sg_sbom__str(r, s, "SPDXID", 1));
	from = sg_sbom__str(r, s, "snippetFromFile", 1);
	if (from && *from)
		sg_sbom__use(r, s, "snippetFromFile", from, 0);
}

static void on_external_doc(struct sg_sbom_reader *r, const cJSON *d)
{
	const char *id = sg_sbom__str(r, d, "externalDocumentId", 1);

	if (id && *id && strncmp(id, "DocumentRef-", 12))
		sg_sbom__issue(r, d, "externalDocumentId", "the identifier is DocumentRef- followed by letters, digits, '.' and '-'",
			       "'%s' does not start with DocumentRef-", id);
	else if (id && *id)
		sg_sbom__declare(r, d, "externalDocumentId", id, 0);
	sg_sbom__str(r, d, "spdxDocument", 1);
	if (sg_sbom__obj(r, d, "checksum", 1)) {
		size_t old = sg_sbom__push_key(r, "checksum");

		on_checksum(r, cJSON_GetObjectItemCaseSensitive(d, "checksum"));
		sg_sbom__pop(r, old);
	}
}

static void on_relationship(struct sg_sbom_reader *r, const cJSON *rel)
{
	const char *from = sg_sbom__str(r, rel, "spdxElementId", 1);
	const char *to = sg_sbom__str(r, rel, "relatedSpdxElement", 1);
	const char *type = sg_sbom__enum(r, rel, "relationshipType", rel_types2, 1);
	size_t n;

	if (from && *from)
		sg_sbom__use(r, rel, "spdxElementId", from, 0);
	if (to && *to)
		sg_sbom__use(r, rel, "relatedSpdxElement", to, 0);
	r->sbom->dependencies_nr++;
	n = type ? strlen(type) : 0;
	if (type && (sg_sbom__in(type, dep_types2) ||
		     (n >= 13 && !strcmp(type + n - 13, "DEPENDENCY_OF"))))
		r->sbom->dependency_edges++;
}

static void on_creator(struct sg_sbom_reader *r, const cJSON *ci)
{
	const cJSON *arr = sg_sbom__arr(r, ci, "creators", 1), *x;
	const char *created = sg_sbom__str(r, ci, "created", 1);
	size_t i = 0, old = sg_sbom__push_key(r, "creators"), o;

	for (x = arr ? arr->child : NULL; x; x = x->next, i++) {
		o = sg_sbom__push_index(r, i);
		if (!cJSON_IsString(x))
			sg_sbom__issue(r, x, NULL, "each creator is a string",
				       "expected a string, found %s", sg_json_type_name(x));
		else
			check_agent(r, x, NULL, x->valuestring, 1);
		sg_sbom__append(&r->sbom->author, cJSON_GetStringValue(x));
		sg_sbom__pop(r, o);
	}
	sg_sbom__pop(r, old);
	if (created && *created && !sg_sbom__is_datetime(created, 1))
		sg_sbom__issue(r, ci, "created", "SPDX writes the time in UTC as YYYY-MM-DDThh:mm:ssZ",
			       "'%s' is not of the form YYYY-MM-DDThh:mm:ssZ", created);
	if (created && *created)
		r->sbom->timestamp = sg_xstrdup(created);
}

int sg_sbom__read_spdx2(struct sg_sbom_reader *r, const cJSON *root)
{
	const char *version = sg_sbom__str(r, root, "spdxVersion", 1), *s;
	const cJSON *ci;
	size_t old;

	r->minor = 3;
	if (version && (!strcmp(version, "SPDX-2.2") || !strcmp(version, "SPDX-2.3")))
		r->minor = version[7] - '0';
	else if (version && *version)
		sg_sbom__issue(r, root, "spdxVersion", "sdlgate checks SPDX-2.2 and SPDX-2.3 JSON (and SPDX 3.0 JSON-LD); the document was checked as 2.3",
			       "unsupported SPDX version '%s'", version);
	r->sbom->spec_version = sg_xstrdup(r->minor == 2 ? "2.2" : "2.3");
	s = sg_sbom__str(r, root, "dataLicense", 1);
	if (s && *s && strcmp(s, "CC0-1.0"))
		sg_sbom__issue(r, root, "dataLicense", "SPDX documents are always CC0-1.0",
			       "is '%s', not CC0-1.0", s);
	s = sg_sbom__str(r, root, "SPDXID", 1);
	if (s && *s && strcmp(s, "SPDXRef-DOCUMENT"))
		sg_sbom__issue(r, root, "SPDXID", "the document's SPDXID is SPDXRef-DOCUMENT",
			       "is '%s', not SPDXRef-DOCUMENT", s);
	else if (s && *s)
		sg_sbom__declare(r, root, "SPDXID", s, 1);
	sg_sbom__str(r, root, "name", 1);
	s = sg_sbom__str(r, root, "documentNamespace", 1);
	if (s && *s && (!strstr(s, "://") || strchr(s, '#')))
		sg_sbom__issue(r, root, "documentNamespace", "use an absolute URI without '#', unique to this version of the document",
			       "'%s' is not an absolute URI without a fragment", s);
	ci = sg_sbom__obj(r, root, "creationInfo", 1);
	if (ci) {
		old = sg_sbom__push_key(r, "creationInfo");
		on_creator(r, ci);
		sg_sbom__pop(r, old);
	}
	sg_sbom__each(r, root, "externalDocumentRefs", 0, on_external_doc);
	sg_sbom__each(r, root, "packages", 0, on_package);
	sg_sbom__each(r, root, "files", 0, on_file);
	sg_sbom__each(r, root, "snippets", 0, on_snippet);
	sg_sbom__uses(r, root, "documentDescribes", 0);
	sg_sbom__each(r, root, "relationships", 0, on_relationship);
	return 0;
}
