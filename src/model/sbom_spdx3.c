#include "model/sbom.h"
#include "model/json.h"
#include "util/alloc.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/*
 * SPDX 3.0 JSON-LD -> struct sg_sbom. The document is a flat @graph of
 * elements that refer to each other by spdxId (and to CreationInfo blank
 * nodes by @id); packages are software_Package and its subclasses.
 */

static const char *const rel_types3[] = {
	"affects", "amendedBy", "ancestorOf", "availableFrom", "configures",
	"contains", "coordinatedBy", "copiedTo", "delegatedTo", "dependsOn",
	"descendantOf", "describes", "doesNotAffect", "expandsTo",
	"exploitCreatedBy", "fixedBy", "fixedIn", "foundBy", "generates",
	"hasAddedFile", "hasAssessmentFor", "hasAssociatedVulnerability",
	"hasConcludedLicense", "hasDataFile", "hasDeclaredLicense",
	"hasDeletedFile", "hasDependencyManifest", "hasDistributionArtifact",
	"hasDocumentation", "hasDynamicLink", "hasEvidence", "hasExample",
	"hasHost", "hasInput", "hasMetadata", "hasOptionalComponent",
	"hasOptionalDependency", "hasOutput", "hasPrerequisite",
	"hasProvidedDependency", "hasRequirement", "hasSpecification",
	"hasStaticLink", "hasTest", "hasTestCase", "hasVariant", "invokedBy",
	"modifiedBy", "other", "packagedBy", "patchedBy", "publishedBy",
	"reportedBy", "republishedBy", "serializedInArtifact", "testedOn",
	"trainedOn", "underInvestigationFor", "usesTool", NULL,
};
/* Relationships that are edges of the dependency graph (NTIA). */
static const char *const dep_types3[] = {
	"contains", "dependsOn", "hasDynamicLink", "hasOptionalComponent",
	"hasOptionalDependency", "hasPrerequisite", "hasProvidedDependency",
	"hasStaticLink", NULL,
};
static const char *const hash_algs3[] = {
	"adler32", "blake2b256", "blake2b384", "blake2b512", "blake3",
	"crystalsDilithium", "crystalsKyber", "falcon", "md2", "md4", "md5",
	"md6", "other", "sha1", "sha224", "sha256", "sha384", "sha3_224",
	"sha3_256", "sha3_384", "sha3_512", "sha512", NULL,
};

struct node_ref {
	const char *id;
	const cJSON *node;
};

static int cmp_node_ref(const void *a, const void *b)
{
	return strcmp(((const struct node_ref *)a)->id,
		      ((const struct node_ref *)b)->id);
}

/* The elements of @graph by spdxId (and CreationInfo by @id). */
struct graph {
	struct node_ref *refs;
	size_t nr;
};

static const cJSON *lookup(const struct graph *g, const char *id)
{
	struct node_ref key = { id, NULL }, *hit;

	if (!id || !g->nr)
		return NULL;
	hit = bsearch(&key, g->refs, g->nr, sizeof(key), cmp_node_ref);
	return hit ? hit->node : NULL;
}

static const char *str_of(const cJSON *obj, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(obj, key));
}

static void index_graph(struct graph *g, const cJSON *arr)
{
	const cJSON *e;
	const char *id;
	size_t alloc = 0;

	for (e = arr ? arr->child : NULL; e; e = e->next) {
		id = str_of(e, "spdxId");
		if (!id)
			id = str_of(e, "@id");
		if (!id)
			continue;
		SG_ALLOC_GROW(g->refs, g->nr + 1, alloc);
		g->refs[g->nr].id = id;
		g->refs[g->nr++].node = e;
	}
	if (g->nr > 1)
		qsort(g->refs, g->nr, sizeof(*g->refs), cmp_node_ref);
}

/* Names of the agents or tools `key` of a CreationInfo lists. */
static void add_agents(char **dst, const struct graph *g, const cJSON *ci,
		       const char *key)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(ci, key);
	const char *name;

	for (x = cJSON_IsArray(x) ? x->child : NULL; x; x = x->next) {
		name = str_of(lookup(g, cJSON_GetStringValue(x)), "name");
		sg_sbom__append(dst, name ? name : cJSON_GetStringValue(x));
	}
}

static void check_creation_info(struct sg_sbom_reader *r, const cJSON *ci)
{
	const char *created = sg_sbom__str(r, ci, "created", 1);
	const char *spec = sg_sbom__str(r, ci, "specVersion", 1);

	if (spec && *spec && strncmp(spec, "3.0.", 4))
		sg_sbom__issue(r, ci, "specVersion", "sdlgate reads SPDX 3.0.x JSON-LD",
			       "unsupported SPDX version '%s'", spec);
	if (created && *created && !sg_sbom__is_datetime(created, 1))
		sg_sbom__issue(r, ci, "created", "SPDX writes the time in UTC as YYYY-MM-DDThh:mm:ssZ",
			       "'%s' is not of the form YYYY-MM-DDThh:mm:ssZ", created);
	if (sg_sbom__uses(r, ci, "createdBy", 0) == 0 &&
	    cJSON_GetObjectItemCaseSensitive(ci, "createdBy"))
		sg_sbom__issue(r, ci, "createdBy", "name at least one Person, Organization or Tool agent",
			       "must not be empty");
	else if (!cJSON_GetObjectItemCaseSensitive(ci, "createdBy"))
		sg_sbom__issue(r, ci, NULL, "name at least one agent in createdBy",
			       "missing required 'createdBy'");
	sg_sbom__uses(r, ci, "createdUsing", 0);
}

static void on_hash3(struct sg_sbom_reader *r, const cJSON *h)
{
	sg_sbom__enum(r, h, "algorithm", hash_algs3, 1);
	sg_sbom__str(r, h, "hashValue", 1);
}

static void read_package3(struct sg_sbom_reader *r, const cJSON *e,
			  const struct graph *g)
{
	struct sg_sbom_component *c = sg_sbom__add_component(r, e);
	const cJSON *x = sg_sbom__arr(r, e, "externalIdentifier", 0);
	const char *type, *id, *supplier;

	c->ref = sg_sbom__dup(str_of(e, "spdxId"));
	c->name = sg_sbom__dup(sg_sbom__str(r, e, "name", 0));
	c->version = sg_sbom__dup(sg_sbom__str(r, e, "software_packageVersion", 0));
	c->purl = sg_sbom__dup(sg_sbom__str(r, e, "software_packageUrl", 0));
	sg_sbom__placeholder(r, e, "name", c->name);
	sg_sbom__placeholder(r, e, "software_packageVersion", c->version);
	sg_sbom__placeholder(r, e, "software_packageUrl", c->purl);
	for (x = x ? x->child : NULL; x; x = x->next) {
		type = str_of(x, "externalIdentifierType");
		id = str_of(x, "identifier");
		if (!type || !id || !*id)
			continue;
		if (!strcmp(type, "packageUrl") && !c->purl)
			c->purl = sg_xstrdup(id);
		else if ((!strcmp(type, "cpe22") || !strcmp(type, "cpe23")) && !c->cpe)
			c->cpe = sg_xstrdup(id);
		else if (!strcmp(type, "swid") && !c->swid)
			c->swid = sg_xstrdup(id);
	}
	supplier = sg_sbom__str(r, e, "suppliedBy", 0);
	if (supplier && *supplier) {
		sg_sbom__use(r, e, "suppliedBy", supplier, 0);
		c->supplier = sg_sbom__dup(str_of(lookup(g, supplier), "name"));
		if (!c->supplier)
			c->supplier = sg_xstrdup(supplier);
	}
}

static void read_element3(struct sg_sbom_reader *r, const cJSON *e,
			  const struct graph *g)
{
	const char *type = sg_sbom__str(r, e, "type", 1), *id, *s;
	const cJSON *ci = cJSON_GetObjectItemCaseSensitive(e, "creationInfo");
	size_t old;

	if (!type || !*type)
		return;
	if (!strcmp(type, "CreationInfo")) {
		check_creation_info(r, e);
		return;
	}
	id = sg_sbom__str(r, e, "spdxId", 1);
	sg_sbom__placeholder(r, e, "spdxId", id);
	if (cJSON_IsObject(ci)) {
		old = sg_sbom__push_key(r, "creationInfo");
		check_creation_info(r, ci);
		sg_sbom__pop(r, old);
	} else if ((s = sg_sbom__str(r, e, "creationInfo", 1)) && *s) {
		sg_sbom__use(r, e, "creationInfo", s, SG_SBOM__USE_ANY);
	}
	sg_sbom__each(r, e, "verifiedUsing", 0, on_hash3);
	if (strstr(type, "Relationship")) {
		s = sg_sbom__str(r, e, "from", 1);
		if (s && *s)
			sg_sbom__use(r, e, "from", s, 0);
		if (sg_sbom__arr(r, e, "to", 1) && !sg_sbom__uses(r, e, "to", 0))
			sg_sbom__issue(r, e, "to", "a relationship relates 'from' to at least one element",
				       "must not be empty");
		s = sg_sbom__enum(r, e, "relationshipType", rel_types3, 1);
		r->sbom->dependencies_nr++;
		if (s && sg_sbom__in(s, dep_types3))
			r->sbom->dependency_edges++;
	} else if (!strcmp(type, "software_Package") || !strcmp(type, "ai_AIPackage") ||
		   !strcmp(type, "dataset_DatasetPackage")) {
		read_package3(r, e, g);
	} else if (!strcmp(type, "SpdxDocument")) {
		sg_sbom__uses(r, e, "rootElement", 0);
		sg_sbom__uses(r, e, "element", 0);
	}
}

/* Declarations first: a relationship may come before what it relates. */
static void declare3(struct sg_sbom_reader *r, const cJSON *e)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(e, "import");
	const char *id = str_of(e, "spdxId");
	size_t i = 0, old;

	if (id && *id)
		sg_sbom__declare(r, e, "spdxId", id, 1);
	if ((id = str_of(e, "@id")) && *id)
		sg_sbom__declare(r, e, "@id", id, 0);
	old = sg_sbom__push_key(r, "import");
	for (x = cJSON_IsArray(x) ? x->child : NULL; x; x = x->next, i++) {
		size_t o = sg_sbom__push_index(r, i);

		if ((id = str_of(x, "externalSpdxId")) && *id)
			sg_sbom__declare(r, x, "externalSpdxId", id, 1);
		sg_sbom__pop(r, o);
	}
	sg_sbom__pop(r, old);
	old = sg_sbom__push_key(r, "namespaceMap");
	x = cJSON_GetObjectItemCaseSensitive(e, "namespaceMap");
	for (i = 0, x = cJSON_IsArray(x) ? x->child : NULL; x; x = x->next, i++) {
		size_t o = sg_sbom__push_index(r, i);

		if ((id = str_of(x, "prefix")) && *id)
			sg_sbom__declare(r, x, "prefix", id, 0);
		sg_sbom__pop(r, o);
	}
	sg_sbom__pop(r, old);
}

int sg_sbom__read_spdx3(struct sg_sbom_reader *r, const cJSON *root)
{
	const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(root, "@context");
	const cJSON *graph = sg_sbom__arr(r, root, "@graph", 1), *e, *doc = NULL;
	const cJSON *ci = NULL;
	struct graph g = { NULL, 0 };
	size_t i = 0, old;
	int spdx = 0;

	/* a JSON-LD context is a string or an array of them */
	for (e = cJSON_IsArray(ctx) ? ctx->child : ctx; e;
	     e = cJSON_IsArray(ctx) ? e->next : NULL)
		spdx |= cJSON_IsString(e) && strstr(e->valuestring, "spdx.org/rdf/3.");
	if (!spdx)
		sg_sbom__issue(r, root, "@context", "SPDX 3 JSON-LD uses the context https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
			       "not an SPDX 3 context");
	index_graph(&g, graph);
	old = sg_sbom__push_key(r, "@graph");
	for (e = graph ? graph->child : NULL; e; e = e->next, i++) {
		size_t o = sg_sbom__push_index(r, i);

		declare3(r, e);
		if (!doc && !strcmp(str_of(e, "type") ? str_of(e, "type") : "", "SpdxDocument"))
			doc = e;
		sg_sbom__pop(r, o);
	}
	for (i = 0, e = graph ? graph->child : NULL; e; e = e->next, i++) {
		size_t o = sg_sbom__push_index(r, i);

		if (cJSON_IsObject(e))
			read_element3(r, e, &g);
		else
			sg_sbom__issue(r, e, NULL, "@graph holds element objects",
				       "expected an object, found %s", sg_json_type_name(e));
		sg_sbom__pop(r, o);
	}
	sg_sbom__pop(r, old);
	if (!doc)
		sg_sbom__issue(r, root, "@graph", "an SPDX 3 document has an SpdxDocument element with its rootElement",
			       "no SpdxDocument element");
	ci = cJSON_GetObjectItemCaseSensitive(doc, "creationInfo");
	if (cJSON_IsString(ci))
		ci = lookup(&g, ci->valuestring);
	for (e = graph ? graph->child : NULL; !ci && e; e = e->next)
		if (!strcmp(str_of(e, "type") ? str_of(e, "type") : "", "CreationInfo"))
			ci = e;
	r->sbom->spec_version = sg_xstrdup(str_of(ci, "specVersion") ?
					   str_of(ci, "specVersion") : "3.0");
	r->sbom->timestamp = sg_sbom__dup(str_of(ci, "created"));
	add_agents(&r->sbom->author, &g, ci, "createdBy");
	add_agents(&r->sbom->author, &g, ci, "createdUsing");
	free(g.refs);
	return 0;
}
