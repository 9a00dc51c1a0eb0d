#include "helpers.h"
#include "model/sbom.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* Documents in the tables are written with ' for ", to stay readable. */
static char *dq(const char *s)
{
	char *out = strdup(s), *p;

	for (p = out; *p; p++)
		if (*p == '\'')
			*p = '"';
	return out;
}

static int check_text(struct sg_sbom_issues *issues, const char *text,
		      unsigned flags)
{
	char *doc = dq(text);
	int rc = sg_sbom_check(issues, "t.json", doc, strlen(doc), flags);

	free(doc);
	return rc;
}

static void read_fixture(struct sg_buf *out, const char *name)
{
	struct sg_buf path = SG_BUF_INIT;

	sg_buf_addf(&path, "%s/tests/fixtures/sbom/%s", sg_test_source_dir(), name);
	if (sg_fs_read(out, path.ptr, SG_SBOM_MAX_SIZE) < 0)
		fail_msg("%s", sg_error_message());
	sg_buf_release(&path);
}

static int check_fixture(struct sg_sbom_issues *issues, const char *name,
			 unsigned flags)
{
	struct sg_buf data = SG_BUF_INIT;
	int rc;

	read_fixture(&data, name);
	rc = sg_sbom_check(issues, name, data.ptr, data.len, flags);
	sg_buf_release(&data);
	return rc;
}

/* The first issue whose message starts with `prefix`, or NULL. */
static const struct sg_sbom_issue *find_issue(const struct sg_sbom_issues *issues,
					      const char *prefix)
{
	size_t i;

	for (i = 0; i < issues->nr; i++)
		if (!strncmp(issues->items[i].message, prefix, strlen(prefix)))
			return &issues->items[i];
	return NULL;
}

static void dump(const struct sg_sbom_issues *issues)
{
	size_t i;

	for (i = 0; i < issues->nr; i++)
		printf("  issue: %s\n", issues->items[i].message);
}

static const struct {
	const char *doc;
	int format;    /* 0: refused as not an SBOM */
} recognition[] = {
	{ "{'bomFormat':'CycloneDX','specVersion':'1.6'}", SG_SBOM_CYCLONEDX },
	{ "{'bomFormat':'CycloneDX','specVersion':'1.2','version':1}", SG_SBOM_CYCLONEDX },
	{ "{'spdxVersion':'SPDX-2.3'}", SG_SBOM_SPDX2 },
	{ "{'@context':'https://spdx.org/rdf/3.0.1/spdx-context.jsonld','@graph':[]}", SG_SBOM_SPDX3 },
	{ "{'bomFormat':'AnotherFormat','specVersion':'1.6'}", 0 },
	{ "{'bomFormat':42}", 0 },
	{ "{'name':'package.json, not an SBOM'}", 0 },
	{ "{'@context':'https://schema.org'}", 0 },
	{ "[{'bomFormat':'CycloneDX'}]", 0 },
	{ "'CycloneDX'", 0 },
	{ "null", 0 },
};

static void test_sbom__recognises_formats(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(recognition) / sizeof(recognition[0]); i++) {
		struct sg_sbom *sbom = NULL;
		char *doc = dq(recognition[i].doc);
		int rc = sg_sbom_parse(&sbom, "t.json", doc, strlen(doc));

		if (!recognition[i].format) {
			if (rc != -1 || sbom)
				fail_msg("'%s' was taken for an SBOM", recognition[i].doc);
			assert_non_null(strstr(sg_error_message(), "t.json: not an SBOM"));
			assert_non_null(sg_error_hint_text());
		} else if (rc != 0 || sbom->format != recognition[i].format) {
			fail_msg("'%s' not recognised: %s", recognition[i].doc,
				 sg_error_message());
		}
		sg_sbom_free(sbom);
		free(doc);
	}
}

static const struct {
	const char *text;
	const char *error;    /* the whole message */
} syntax[] = {
	{ "{\n  \"bomFormat\": \"CycloneDX\",\n  \"components\": [\n    {\"name\": \"a\"",
	  "t.json:4:17: unexpected end of input" },
	{ "{\n  \"bomFormat\": \"CycloneDX\",\n  \"components\": [\n    {\"name\": \"zl",
	  "t.json:4:14: string not terminated" },
	{ "{\n  \"bomFormat\": \"CycloneDX\"\n  \"specVersion\": \"1.6\"\n}",
	  "t.json:3:3: invalid JSON near '\"specVersion'" },
	{ "{\"bomFormat\": \"CycloneDX\"} trailing",
	  "t.json:1:28: unexpected data after the JSON value" },
	{ "", "t.json:1:1: empty document" },
	{ "  \n ", "t.json:2:2: empty document" },
	{ "{\"name\": \"caf\xc3\xa9\", \"x\": tru}",
	  "t.json:1:23: invalid JSON near 'tru}'" },
};

static void test_sbom__syntax_errors_name_line_and_column(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(syntax) / sizeof(syntax[0]); i++) {
		struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
		int rc = sg_sbom_check(&issues, "t.json", syntax[i].text,
				       strlen(syntax[i].text), 0);

		assert_int_equal(rc, -1);
		assert_int_equal(sg_error_kind(), SG_ERROR_INPUT);
		if (strcmp(sg_error_message(), syntax[i].error))
			fail_msg("case %zu: expected \"%s\", got \"%s\"", i,
				 syntax[i].error, sg_error_message());
		assert_non_null(sg_error_hint_text());
		assert_int_equal(issues.nr, 0);
	}
}

static void test_sbom__hostile_bytes_are_refused(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		const char *error;
	} cases[] = {
		{ "{\"bomFormat\":\"CycloneDX\",\"x\":\"\xc3\x28\"}", 34, "t.json:1:31: invalid UTF-8" },
		{ "{\"x\":\"\xc0\xaf\"}", 11, "t.json:1:7: invalid UTF-8" },      /* overlong '/' */
		{ "{\"x\":\"\xed\xa0\x80\"}", 12, "t.json:1:7: invalid UTF-8" },  /* surrogate */
		{ "{\"x\":\"\xf4\x90\x80\x80\"}", 13, "t.json:1:7: invalid UTF-8" }, /* > U+10FFFF */
		{ "{\"bomFormat\":\"Cyclone\0DX\"}", 26, "t.json:1:22: NUL byte" },
		{ "{\"a\":1}\0", 8, "t.json:1:8: NUL byte" },
		{ "{\"x\":\"tab\there\"}", 16, "t.json:1:10: control character inside a string" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;

		assert_int_equal(sg_sbom_check(&issues, "t.json", cases[i].text,
					       cases[i].len, 0), -1);
		if (strcmp(sg_error_message(), cases[i].error))
			fail_msg("case %zu: expected \"%s\", got \"%s\"", i,
				 cases[i].error, sg_error_message());
	}
}

static void test_sbom__byte_order_mark_is_skipped(void **state)
{
	const char *doc = "\xef\xbb\xbf{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"}";
	struct sg_sbom *sbom = NULL;

	(void)state;
	assert_int_equal(sg_sbom_parse(&sbom, "t.json", doc, strlen(doc)), 0);
	assert_string_equal(sbom->spec_version, "1.6");
	sg_sbom_free(sbom);
}

static void test_sbom__nesting_is_bounded(void **state)
{
	size_t n = 200000, i;
	char *deep = malloc(n + 1);
	struct sg_buf ok = SG_BUF_INIT;
	struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;

	(void)state;
	memset(deep, '[', n);
	deep[n] = '\0';
	assert_int_equal(sg_sbom_check(&issues, "deep.json", deep, n, 0), -1);
	assert_string_equal(sg_error_message(),
			    "deep.json:1:257: nesting deeper than 256 levels");
	for (i = 0; i < n; i++)
		deep[i] = i % 5 == 4 ? '{' : i % 5 == 0 ? '"' : "\"a\":"[i % 5 - 1];
	assert_int_equal(sg_sbom_check(&issues, "deep.json", deep, n, 0), -1);
	assert_non_null(strstr(sg_error_message(), "nesting deeper than 256"));
	free(deep);

	/* 256 levels in all is still fine */
	sg_buf_adds(&ok, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"formulation\":");
	for (i = 0; i < 255; i++)
		sg_buf_addch(&ok, '[');
	for (i = 0; i < 255; i++)
		sg_buf_addch(&ok, ']');
	sg_buf_addch(&ok, '}');
	assert_int_equal(sg_sbom_check(&issues, "ok.json", ok.ptr, ok.len, 0), 0);
	sg_buf_release(&ok);
	sg_sbom_issues_release(&issues);
}

static void test_sbom__oversized_input_is_refused(void **state)
{
	const char *tmp = getenv("TMPDIR");
	struct sg_buf dir = SG_BUF_INIT;
	const char *head = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"x\":\"";
	size_t size = (size_t)100 << 20;
	struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
	struct sg_buf path = SG_BUF_INIT, data = SG_BUF_INIT;
	void *map;
	int fd;

	(void)state;
	sg_buf_addf(&dir, "%s/sg-sbom-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(dir.ptr));
	sg_buf_addf(&path, "%s/big.cdx.json", dir.ptr);
	fd = open(path.ptr, O_RDWR | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, head, strlen(head)), (ssize_t)strlen(head));
	assert_int_equal(ftruncate(fd, (off_t)size), 0);

	/* the reader refuses before it allocates */
	assert_int_equal(sg_fs_read(&data, path.ptr, SG_SBOM_MAX_SIZE), -1);
	assert_non_null(strstr(sg_error_message(), "larger than the limit"));
	assert_int_equal(data.len, 0);

	/* and so does the parser, given the bytes anyway, without reading them */
	map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
	assert_true(map != MAP_FAILED);
	assert_int_equal(sg_sbom_check(&issues, path.ptr, map, size, 0), -1);
	assert_non_null(strstr(sg_error_message(), "104857600 bytes is more than the 64 MiB limit"));
	assert_non_null(sg_error_hint_text());
	munmap(map, size);
	close(fd);
	unlink(path.ptr);
	rmdir(dir.ptr);
	sg_buf_release(&path);
	sg_buf_release(&dir);
}

/*
 * A wrong type at every field the readers look at: each gives an issue at
 * the field, and neither parse nor check falls over.
 */
static const struct {
	const char *doc;
	const char *where;   /* the issue's message starts with this */
} wrong_types[] = {
#define CDX "'bomFormat':'CycloneDX','specVersion':'1.6',"
	{ "{'bomFormat':'CycloneDX','specVersion':1.6}", "specVersion: expected a string" },
	{ "{" CDX "'version':'1'}", "version: expected an integer" },
	{ "{" CDX "'serialNumber':1}", "serialNumber: expected a string" },
	{ "{" CDX "'metadata':[]}", "metadata: expected an object" },
	{ "{" CDX "'metadata':{'timestamp':20260131}}", "metadata.timestamp: expected a string" },
	{ "{" CDX "'metadata':{'authors':{}}}", "metadata.authors: expected an array" },
	{ "{" CDX "'metadata':{'authors':['me']}}", "metadata.authors[0]: expected an object" },
	{ "{" CDX "'metadata':{'authors':[{'name':7}]}}", "metadata.authors[0].name: expected a string" },
	{ "{" CDX "'metadata':{'tools':'gen'}}", "metadata.tools: expected an object or an array" },
	{ "{'bomFormat':'CycloneDX','specVersion':'1.4','version':1,'metadata':{'tools':{}}}", "metadata.tools: expected an array" },
	{ "{" CDX "'metadata':{'component':[]}}", "metadata.component: expected an object" },
	{ "{" CDX "'metadata':{'supplier':'Acme'}}", "metadata.supplier: expected an object" },
	{ "{" CDX "'components':{}}", "components: expected an array" },
	{ "{" CDX "'components':['zlib']}", "components[0]: expected an object" },
	{ "{" CDX "'components':[{'type':1,'name':'a'}]}", "components[0].type: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':['a']}]}", "components[0].name: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','version':1.2}]}", "components[0].version: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','group':{}}]}", "components[0].group: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','purl':true}]}", "components[0].purl: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','cpe':null}]}", "components[0].cpe: expected a string, found null" },
	{ "{" CDX "'components':[{'type':'library','name':'a','bom-ref':5}]}", "components[0].bom-ref: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','scope':0}]}", "components[0].scope: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','publisher':0}]}", "components[0].publisher: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','supplier':'Acme'}]}", "components[0].supplier: expected an object" },
	{ "{" CDX "'components':[{'type':'library','name':'a','supplier':{'name':1}}]}", "components[0].supplier.name: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','manufacturer':{'name':[]}}]}", "components[0].manufacturer.name: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','swid':'x'}]}", "components[0].swid: expected an object" },
	{ "{" CDX "'components':[{'type':'library','name':'a','swid':{'tagId':1,'name':'a'}}]}", "components[0].swid.tagId: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','hashes':{}}]}", "components[0].hashes: expected an array" },
	{ "{" CDX "'components':[{'type':'library','name':'a','hashes':['md5']}]}", "components[0].hashes[0]: expected an object" },
	{ "{" CDX "'components':[{'type':'library','name':'a','hashes':[{'alg':5,'content':'x'}]}]}", "components[0].hashes[0].alg: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','hashes':[{'alg':'MD5','content':5}]}]}", "components[0].hashes[0].content: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','licenses':{}}]}", "components[0].licenses: expected an array" },
	{ "{" CDX "'components':[{'type':'library','name':'a','licenses':[{'license':'MIT'}]}]}", "components[0].licenses[0].license: expected an object" },
	{ "{" CDX "'components':[{'type':'library','name':'a','licenses':[{'license':{'id':1}}]}]}", "components[0].licenses[0].license.id: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','licenses':[{'expression':1}]}]}", "components[0].licenses[0].expression: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','properties':[{'name':1}]}]}", "components[0].properties[0].name: expected a string" },
	{ "{" CDX "'components':[{'type':'library','name':'a','components':{}}]}", "components[0].components: expected an array" },
	{ "{" CDX "'services':{}}", "services: expected an array" },
	{ "{" CDX "'services':[{'name':2}]}", "services[0].name: expected a string" },
	{ "{" CDX "'services':[{'name':'s','data':[{'flow':1,'classification':'x'}]}]}", "services[0].data[0].flow: expected a string" },
	{ "{" CDX "'dependencies':{}}", "dependencies: expected an array" },
	{ "{" CDX "'dependencies':['a']}", "dependencies[0]: expected an object" },
	{ "{" CDX "'dependencies':[{'ref':1}]}", "dependencies[0].ref: expected a string" },
	{ "{" CDX "'dependencies':[{'ref':'a','dependsOn':'b'}]}", "dependencies[0].dependsOn: expected an array" },
	{ "{" CDX "'dependencies':[{'ref':'a','dependsOn':[1]}]}", "dependencies[0].dependsOn[0]: expected a non-empty string" },
	{ "{" CDX "'vulnerabilities':[{'affects':[{'ref':1}]}]}", "vulnerabilities[0].affects[0].ref: expected a string" },
	{ "{" CDX "'vulnerabilities':[{'ratings':[{'severity':9}]}]}", "vulnerabilities[0].ratings[0].severity: expected a string" },
	{ "{" CDX "'compositions':[{'assemblies':'a'}]}", "compositions[0].assemblies: expected an array" },
#define SPDX "'spdxVersion':'SPDX-2.3','dataLicense':'CC0-1.0','SPDXID':'SPDXRef-DOCUMENT','name':'n','documentNamespace':'https://x/y',"
#define CI "'creationInfo':{'created':'2026-01-01T00:00:00Z','creators':['Tool: t']}"
	{ "{'spdxVersion':2.3}", "spdxVersion: expected a string" },
	{ "{'spdxVersion':'SPDX-2.3','dataLicense':0}", "dataLicense: expected a string" },
	{ "{'spdxVersion':'SPDX-2.3','SPDXID':[]}", "SPDXID: expected a string" },
	{ "{'spdxVersion':'SPDX-2.3','name':{}}", "name: expected a string" },
	{ "{'spdxVersion':'SPDX-2.3','documentNamespace':1}", "documentNamespace: expected a string" },
	{ "{" SPDX "'creationInfo':'today'}", "creationInfo: expected an object" },
	{ "{" SPDX "'creationInfo':{'created':1,'creators':['Tool: t']}}", "creationInfo.created: expected a string" },
	{ "{" SPDX "'creationInfo':{'created':'2026-01-01T00:00:00Z','creators':'Tool: t'}}", "creationInfo.creators: expected an array" },
	{ "{" SPDX "'creationInfo':{'created':'2026-01-01T00:00:00Z','creators':[1]}}", "creationInfo.creators[0]: expected a string" },
	{ "{" SPDX CI ",'packages':{}}", "packages: expected an array" },
	{ "{" SPDX CI ",'packages':['p']}", "packages[0]: expected an object" },
	{ "{" SPDX CI ",'packages':[{'SPDXID':1}]}", "packages[0].SPDXID: expected a string" },
	{ "{" SPDX CI ",'packages':[{'name':1}]}", "packages[0].name: expected a string" },
	{ "{" SPDX CI ",'packages':[{'versionInfo':1}]}", "packages[0].versionInfo: expected a string" },
	{ "{" SPDX CI ",'packages':[{'supplier':1}]}", "packages[0].supplier: expected a string" },
	{ "{" SPDX CI ",'packages':[{'downloadLocation':1}]}", "packages[0].downloadLocation: expected a string" },
	{ "{" SPDX CI ",'packages':[{'externalRefs':{}}]}", "packages[0].externalRefs: expected an array" },
	{ "{" SPDX CI ",'packages':[{'externalRefs':[{'referenceType':1}]}]}", "packages[0].externalRefs[0].referenceType: expected a string" },
	{ "{" SPDX CI ",'packages':[{'checksums':[{'algorithm':1}]}]}", "packages[0].checksums[0].algorithm: expected a string" },
	{ "{" SPDX CI ",'files':[{'fileName':1}]}", "files[0].fileName: expected a string" },
	{ "{" SPDX CI ",'documentDescribes':'SPDXRef-a'}", "documentDescribes: expected an array" },
	{ "{" SPDX CI ",'relationships':[{'spdxElementId':1}]}", "relationships[0].spdxElementId: expected a string" },
	{ "{" SPDX CI ",'relationships':[{'relationshipType':[]}]}", "relationships[0].relationshipType: expected a string" },
#define S3 "'@context':'https://spdx.org/rdf/3.0.1/spdx-context.jsonld',"
	{ "{" S3 "'@graph':{}}", "@graph: expected an array" },
	{ "{" S3 "'@graph':['x']}", "@graph[0]: expected an object" },
	{ "{" S3 "'@graph':[{'type':1}]}", "@graph[0].type: expected a string" },
	{ "{" S3 "'@graph':[{'type':'software_Package','spdxId':1}]}", "@graph[0].spdxId: expected a string" },
	{ "{" S3 "'@graph':[{'type':'software_Package','creationInfo':1}]}", "@graph[0].creationInfo: expected a string" },
	{ "{" S3 "'@graph':[{'type':'software_Package','name':1}]}", "@graph[0].name: expected a string" },
	{ "{" S3 "'@graph':[{'type':'software_Package','software_packageVersion':1}]}", "@graph[0].software_packageVersion: expected a string" },
	{ "{" S3 "'@graph':[{'type':'software_Package','suppliedBy':[]}]}", "@graph[0].suppliedBy: expected a string" },
	{ "{" S3 "'@graph':[{'type':'software_Package','externalIdentifier':{}}]}", "@graph[0].externalIdentifier: expected an array" },
	{ "{" S3 "'@graph':[{'type':'Relationship','from':1}]}", "@graph[0].from: expected a string" },
	{ "{" S3 "'@graph':[{'type':'Relationship','to':'x'}]}", "@graph[0].to: expected an array" },
	{ "{" S3 "'@graph':[{'type':'Relationship','to':[1]}]}", "@graph[0].to[0]: expected a non-empty string" },
	{ "{" S3 "'@graph':[{'type':'CreationInfo','created':1}]}", "@graph[0].created: expected a string" },
	{ "{" S3 "'@graph':[{'type':'CreationInfo','specVersion':3}]}", "@graph[0].specVersion: expected a string" },
	{ "{" S3 "'@graph':[{'type':'CreationInfo','createdBy':'me'}]}", "@graph[0].createdBy: expected an array" },
#undef CDX
#undef SPDX
#undef CI
#undef S3
};

static void test_sbom__wrong_types_give_issues(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(wrong_types) / sizeof(wrong_types[0]); i++) {
		struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
		struct sg_sbom *sbom = NULL;
		char *doc = dq(wrong_types[i].doc);

		if (sg_sbom_parse(&sbom, "t.json", doc, strlen(doc)) < 0)
			fail_msg("%s: %s", wrong_types[i].doc, sg_error_message());
		sg_sbom_free(sbom);
		assert_int_equal(check_text(&issues, wrong_types[i].doc,
					    SG_SBOM_CHECK_NTIA), 0);
		if (!find_issue(&issues, wrong_types[i].where)) {
			dump(&issues);
			fail_msg("%s: no issue '%s'", wrong_types[i].doc,
				 wrong_types[i].where);
		}
		sg_sbom_issues_release(&issues);
		free(doc);
	}
}

/* NTIA gaps of each fixture, in document order: component, missing words. */
static const struct {
	const char *fixture;
	const char *gaps[6][2];
} ntia[] = {
	{ "cdx15-ntia-component-gaps.json", {
		{ "?@?", "name,version,supplier" },
		{ "zlib@1.2.13", "identifier,supplier" },
		{ "libpng@?", "version" },
		{ "radio-fw@7", "supplier" },
	} },
	{ "cdx14-ntia-no-document-elements.json", {
		{ NULL, "author" }, { NULL, "timestamp" }, { NULL, "dependencies" },
	} },
	{ "spdx23-ntia-package-gaps.json", {
		{ "zlib@1.2.13", "supplier" },
		{ "libpng@?", "version,identifier" },
		{ NULL, "dependencies" },
	} },
	{ "spdx3-ntia-package-gaps.json", {
		{ "zlib@1.2.13", "supplier" },
	} },
};

static void test_sbom__ntia_gaps_per_component(void **state)
{
	size_t f, i, j, k;

	(void)state;
	for (f = 0; f < sizeof(ntia) / sizeof(ntia[0]); f++) {
		struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
		struct sg_buf words = SG_BUF_INIT;

		assert_int_equal(check_fixture(&issues, ntia[f].fixture,
					       SG_SBOM_CHECK_NTIA), 0);
		for (i = 0, j = 0; i < issues.nr; i++) {
			const struct sg_sbom_issue *is = &issues.items[i];

			if (!is->missing.nr)
				continue;
			sg_buf_reset(&words);
			for (k = 0; k < is->missing.nr; k++)
				sg_buf_addf(&words, "%s%s", k ? "," : "", is->missing.items[k]);
			if (j >= 6 || !ntia[f].gaps[j][1] ||
			    strcmp(words.ptr, ntia[f].gaps[j][1]) ||
			    (ntia[f].gaps[j][0] ? !is->component ||
			     strcmp(is->component, ntia[f].gaps[j][0]) : !!is->component)) {
				dump(&issues);
				fail_msg("%s: unexpected NTIA issue %zu: %s", ntia[f].fixture,
					 j, is->message);
			}
			assert_non_null(is->hint);
			assert_true(!is->component || is->path);
			j++;
		}
		if (j < 6 && ntia[f].gaps[j][1])
			fail_msg("%s: NTIA issue %zu (%s) missing", ntia[f].fixture,
				 j, ntia[f].gaps[j][1]);
		sg_buf_release(&words);
		sg_sbom_issues_release(&issues);
		/* without the flag, NTIA is not checked */
		assert_int_equal(check_fixture(&issues, ntia[f].fixture, 0), 0);
		for (i = 0; i < issues.nr; i++)
			assert_int_equal(issues.items[i].missing.nr, 0);
		sg_sbom_issues_release(&issues);
	}
}

static void test_sbom__ntia_document_elements_per_format(void **state)
{
	struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;

	(void)state;
	/* one SPDX package needs no relationship; two do */
	assert_int_equal(check_text(&issues, "{'spdxVersion':'SPDX-2.3','dataLicense':'CC0-1.0',"
		"'SPDXID':'SPDXRef-DOCUMENT','name':'n','documentNamespace':'https://x/y',"
		"'creationInfo':{'created':'2026-01-01T00:00:00Z','creators':['Tool: t']},"
		"'packages':[{'SPDXID':'SPDXRef-a','name':'a','versionInfo':'1','downloadLocation':'NONE',"
		"'supplier':'Organization: A','externalRefs':[{'referenceCategory':'PACKAGE-MANAGER',"
		"'referenceType':'purl','referenceLocator':'pkg:generic/a@1'}]}]}",
		SG_SBOM_CHECK_NTIA), 0);
	if (issues.nr)
		dump(&issues);
	assert_int_equal(issues.nr, 0);
	/* CycloneDX: authors may be tools; no components needs no dependencies */
	assert_int_equal(check_text(&issues, "{'bomFormat':'CycloneDX','specVersion':'1.5',"
		"'metadata':{'timestamp':'2026-01-31T12:00:00+01:00',"
		"'tools':{'components':[{'type':'application','name':'cdxgen'}]}}}",
		SG_SBOM_CHECK_NTIA), 0);
	assert_int_equal(issues.nr, 0);
	/* an empty author list and an empty timestamp are gaps */
	assert_int_equal(check_text(&issues, "{'bomFormat':'CycloneDX','specVersion':'1.4','version':1,"
		"'metadata':{'timestamp':'','authors':[],'tools':[]}}",
		SG_SBOM_CHECK_NTIA), 0);
	assert_non_null(find_issue(&issues, "the document lacks the NTIA minimum element: author"));
	assert_non_null(find_issue(&issues, "the document lacks the NTIA minimum element: timestamp"));
	sg_sbom_issues_release(&issues);
}

static const struct {
	const char *fixture;
	const char *messages[12];   /* every structural issue, in order */
} structural[] = {
	{ "cdx16-dangling-and-duplicate-refs.json", {
		"components[0].components[0].bom-ref: duplicate identifier 'a', already declared at components[0].bom-ref",
		"dependencies[0].dependsOn[1]: 'missing' does not resolve to any bom-ref in the document",
		"dependencies[0].dependsOn[2]: 'a' is listed twice",
		"dependencies[1].ref: 'lic-mit' is declared at components[1].licenses[0].license.bom-ref, which is not a component or service",
		"dependencies[2].ref: must not be empty",
		"vulnerabilities[0].affects[1].ref: 'gone' does not resolve to any bom-ref in the document",
	} },
	{ "spdx22-relationship-ends.json", {
		"relationships[4].relatedSpdxElement: 'DocumentRef-elsewhere:SPDXRef-x' does not resolve to any SPDXID in the document",
		"relationships[5].relationshipType: 'DEPENDS-ON' is not a known value",
		"relationships[5].relatedSpdxElement: 'SPDXRef-nowhere' does not resolve to any SPDXID in the document",
	} },
	{ "cdx16-template-placeholders.json", {
		"components[0].name: unexpanded placeholder '@PROJECT_NAME@'",
		"components[0].version: unexpanded placeholder '${project.version}'",
		"components[2].purl: unexpanded placeholder '@FW_VERSION@'",
		"components[2].cpe: unexpanded placeholder '${FW_VERSION}'",
		"components[2].bom-ref: unexpanded placeholder '@BUILD_ID@'",
	} },
	{ "spdx3-ntia-package-gaps.json", { NULL } },
	{ "spdx23-ntia-package-gaps.json", { NULL } },
	{ "cdx15-ntia-component-gaps.json", {
		"components[0].components[0]: missing required 'name'",
	} },
};

static void test_sbom__structural_issues_in_document_order(void **state)
{
	size_t f, i;

	(void)state;
	for (f = 0; f < sizeof(structural) / sizeof(structural[0]); f++) {
		struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;

		assert_int_equal(check_fixture(&issues, structural[f].fixture, 0), 0);
		for (i = 0; i < issues.nr; i++) {
			if (!structural[f].messages[i] ||
			    strcmp(issues.items[i].message, structural[f].messages[i])) {
				dump(&issues);
				fail_msg("%s: issue %zu differs", structural[f].fixture, i);
			}
			assert_non_null(issues.items[i].hint);
			assert_non_null(issues.items[i].path);
			assert_null(issues.items[i].component);
		}
		if (i < 12 && structural[f].messages[i])
			fail_msg("%s: missing issue '%s'", structural[f].fixture,
				 structural[f].messages[i]);
		sg_sbom_issues_release(&issues);
	}
}

static void test_sbom__issues_interleave_in_document_order(void **state)
{
	struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
	static const char *const paths[] = {
		"components[0]", "components[0].hashes[0].alg", "components[1].bom-ref",
		"dependencies[0].ref", NULL,
	};
	size_t i;

	(void)state;
	/* walk, identifier and NTIA passes, merged back into document order */
	assert_int_equal(check_text(&issues, "{'bomFormat':'CycloneDX','specVersion':'1.6',"
		"'metadata':{'timestamp':'2026-01-31T12:00:00Z','authors':[{'name':'me'}]},"
		"'components':["
		"{'type':'library','name':'a','bom-ref':'x','hashes':[{'alg':'MD6','content':'00'}]},"
		"{'type':'library','name':'b','version':'1','bom-ref':'x','purl':'pkg:generic/b@1','supplier':{'name':'B'}}],"
		"'dependencies':[{'ref':'y'}]}", SG_SBOM_CHECK_NTIA), 0);
	for (i = 0; paths[i]; i++) {
		if (i >= issues.nr || strcmp(issues.items[i].path, paths[i])) {
			dump(&issues);
			fail_msg("issue %zu is not at %s", i, paths[i]);
		}
	}
	assert_int_equal(issues.nr, i);
	sg_sbom_issues_release(&issues);
}

static void test_sbom__model_from_each_format(void **state)
{
	struct sg_buf data = SG_BUF_INIT;
	struct sg_sbom *sbom = NULL;

	(void)state;
	read_fixture(&data, "cdx15-ntia-component-gaps.json");
	assert_int_equal(sg_sbom_parse(&sbom, "a", data.ptr, data.len), 0);
	assert_int_equal(sbom->format, SG_SBOM_CYCLONEDX);
	assert_string_equal(sbom->spec_version, "1.5");
	assert_string_equal(sbom->author, "Pump Team");
	assert_string_equal(sbom->timestamp, "2026-01-31T12:00:00Z");
	assert_int_equal(sbom->components_nr, 6);   /* metadata.component is not one */
	assert_int_equal(sbom->dependencies_nr, 2);
	assert_int_equal(sbom->dependency_edges, 6);
	assert_string_equal(sbom->components[1].path, "components[0].components[0]");
	assert_null(sbom->components[1].name);
	assert_string_equal(sbom->components[1].cpe, "cpe:2.3:a:openssl:libcrypto:3.0.13:*:*:*:*:*:*:*");
	assert_string_equal(sbom->components[3].supplier, "PNG Development Group");
	assert_string_equal(sbom->components[4].swid, "acme-radio-7");
	assert_string_equal(sbom->components[5].supplier, "Dave Gamble");
	assert_string_equal(sbom->components[5].ref, "cjson");
	sg_sbom_free(sbom);
	sg_buf_reset(&data);

	read_fixture(&data, "spdx23-ntia-package-gaps.json");
	assert_int_equal(sg_sbom_parse(&sbom, "b", data.ptr, data.len), 0);
	assert_int_equal(sbom->format, SG_SBOM_SPDX2);
	assert_string_equal(sbom->spec_version, "2.3");
	assert_string_equal(sbom->author, "Organization: Acme Medical, Tool: sbom-gen-1.0");
	assert_int_equal(sbom->components_nr, 3);
	assert_string_equal(sbom->components[0].purl, "pkg:generic/pump-controller@4.2.0");
	assert_string_equal(sbom->components[1].supplier, "NOASSERTION");
	assert_string_equal(sbom->components[1].ref, "SPDXRef-zlib");
	assert_int_equal(sbom->dependency_edges, 0);
	sg_sbom_free(sbom);
	sg_buf_reset(&data);

	read_fixture(&data, "spdx3-ntia-package-gaps.json");
	assert_int_equal(sg_sbom_parse(&sbom, "c", data.ptr, data.len), 0);
	assert_int_equal(sbom->format, SG_SBOM_SPDX3);
	assert_string_equal(sbom->spec_version, "3.0.1");
	assert_string_equal(sbom->author, "Acme Medical");
	assert_int_equal(sbom->components_nr, 2);
	assert_string_equal(sbom->components[0].supplier, "Acme Medical");
	assert_string_equal(sbom->components[1].cpe, "cpe:2.3:a:zlib:zlib:1.2.13:*:*:*:*:*:*:*");
	assert_int_equal(sbom->dependency_edges, 1);
	sg_sbom_free(sbom);
	sg_buf_release(&data);
}

/*
 * Found by fuzzing: JSON allows a member name twice, and the CycloneDX
 * walker visits both "metadata" objects; the second timestamp replaced
 * the first without freeing it. The first one is kept, as lookups do.
 */
static void test_sbom__repeated_metadata_keeps_the_first(void **state)
{
	char *doc = dq("{'bomFormat': 'CycloneDX', 'specVersion': '1.5', 'version': 1,"
		       " 'metadata': {'timestamp': '2026-01-31T12:00:00Z'},"
		       " 'metadata': {'timestamp': '2,20-04-13T20:A20:39+00:00'},"
		       " 'components': []}");
	struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
	struct sg_sbom *sbom = NULL;

	(void)state;
	assert_int_equal(sg_sbom_parse(&sbom, "t.json", doc, strlen(doc)), 0);
	assert_string_equal(sbom->timestamp, "2026-01-31T12:00:00Z");
	sg_sbom_free(sbom);
	assert_int_equal(sg_sbom_check(&issues, "t.json", doc, strlen(doc),
				       SG_SBOM_CHECK_NTIA), 0);
	assert_non_null(find_issue(&issues, "metadata.timestamp: '2,20-04-13"));
	sg_sbom_issues_release(&issues);
	free(doc);
}

static void test_sbom__placeholders_only_when_template_shaped(void **state)
{
	static const struct {
		const char *value;
		int flagged;
	} cases[] = {
		{ "@VCS_TAG@", 1 }, { "1.0-@BUILD@", 1 }, { "${VERSION}", 1 },
		{ "${project.version}", 1 }, { "@_x1@", 1 },
		{ "@babel/core", 0 }, { "1.0.0@sha256", 0 }, { "a@b.c", 0 },
		{ "$VERSION", 0 }, { "${}", 0 }, { "@@", 0 }, { "@1abc@", 0 },
		{ "pkg:npm/%40scope/x@1.2.3", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
		struct sg_buf doc = SG_BUF_INIT;

		sg_buf_addf(&doc, "{'bomFormat':'CycloneDX','specVersion':'1.6',"
			    "'components':[{'type':'library','name':'x','version':'%s'}]}",
			    cases[i].value);
		assert_int_equal(check_text(&issues, doc.ptr, 0), 0);
		if ((find_issue(&issues, "components[0].version: unexpanded placeholder") != NULL) !=
		    cases[i].flagged)
			fail_msg("'%s': expected %sa placeholder", cases[i].value,
				 cases[i].flagged ? "" : "no ");
		sg_buf_release(&doc);
		sg_sbom_issues_release(&issues);
	}
}

static void test_sbom__values_checked_by_format(void **state)
{
	static const struct {
		const char *doc;
		const char *issue;   /* NULL: no issue at all */
	} cases[] = {
		{ "{'bomFormat':'CycloneDX','specVersion':'1.6','serialNumber':'urn:uuid:3E671687-395B-41F5-A30F-A58921A69B79'}", "serialNumber: 'urn:uuid:3E67" },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.6','metadata':{'timestamp':'2026-01-31T25:00:00Z'}}", "metadata.timestamp: '2026-01-31T25:00:00Z' is not" },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.6','metadata':{'timestamp':'2026-01-31T12:00:00.123-05:00'}}", NULL },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.7'}", "specVersion: unsupported CycloneDX version '1.7'" },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.4'}", "missing required 'version'" },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.4','version':1,'annotations':[]}", "annotations: not a top-level property of CycloneDX 1.4" },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.4','version':1,'components':[{'type':'data','name':'d'}]}", "components[0].type: 'data' is not a known value" },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.5','components':[{'type':'data','name':'d'}]}", NULL },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.6','components':[{'type':'library','name':'l','licenses':[{'license':{'id':'mit'}}]}]}", "components[0].licenses[0].license.id: 'mit' is not an SPDX license identifier; did you mean 'MIT'?" },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.6','components':[{'type':'library','name':'l','purl':'npm/x'}]}", "components[0].purl: 'npm/x' is not a package URL" },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.6','components':[{'type':'library','name':'l','hashes':[{'alg':'BLAKE3','content':'ab'}]}]}", "components[0].hashes[0].content: not a hexadecimal BLAKE3 digest" },
		{ "{'spdxVersion':'SPDX-2.1'}", "spdxVersion: unsupported SPDX version 'SPDX-2.1'" },
		{ "{'spdxVersion':'SPDX-2.3','dataLicense':'MIT'}", "dataLicense: is 'MIT', not CC0-1.0" },
		{ "{'spdxVersion':'SPDX-2.3','SPDXID':'SPDXRef-DOC'}", "SPDXID: is 'SPDXRef-DOC', not SPDXRef-DOCUMENT" },
		{ "{'spdxVersion':'SPDX-2.3','documentNamespace':'https://x/y#z'}", "documentNamespace: 'https://x/y#z' is not an absolute URI" },
		{ "{'spdxVersion':'SPDX-2.3','creationInfo':{'created':'2026-01-31T12:00:00+01:00','creators':['Tool: t']}}", "creationInfo.created: '2026-01-31T12:00:00+01:00' is not of the form" },
		{ "{'spdxVersion':'SPDX-2.3','creationInfo':{'created':'2026-01-31T12:00:00Z','creators':['Jane']}}", "creationInfo.creators[0]: 'Jane' does not name a person or organization or tool" },
		{ "{'spdxVersion':'SPDX-2.3','packages':[{'SPDXID':'SPDXRef-a b','name':'a','downloadLocation':'NONE'}]}", "packages[0].SPDXID: 'SPDXRef-a b' is not a valid SPDXID" },
		{ "{'spdxVersion':'SPDX-2.3','packages':[{'SPDXID':'x','name':'a','downloadLocation':'NONE'}]}", "packages[0].SPDXID: 'x' is not a valid SPDXID" },
		{ "{'spdxVersion':'SPDX-2.3','files':[{'SPDXID':'SPDXRef-','fileName':'a'}]}", "files[0].SPDXID: 'SPDXRef-' is not a valid SPDXID" },
		{ "{'spdxVersion':'SPDX-2.3','packages':[{'SPDXID':'SPDXRef-a','name':'a','downloadLocation':'NONE','supplier':'Acme'}]}", "packages[0].supplier: 'Acme' does not name a person or organization" },
		{ "{'spdxVersion':'SPDX-2.3','packages':[{'SPDXID':'SPDXRef-a','name':'a','downloadLocation':'NONE','checksums':[{'algorithm':'SHA1','checksumValue':'abc'}]}]}", "packages[0].checksums[0].checksumValue: not a hexadecimal SHA1 checksum" },
		{ "{'spdxVersion':'SPDX-2.3','packages':[{'SPDXID':'SPDXRef-a','name':'a','downloadLocation':'NONE','primaryPackagePurpose':'LIB'}]}", "packages[0].primaryPackagePurpose: 'LIB' is not a known value" },
		{ "{'spdxVersion':'SPDX-2.3','packages':[{'SPDXID':'SPDXRef-a','name':'a','downloadLocation':'NONE','externalRefs':[{'referenceCategory':'PACKAGE','referenceType':'purl','referenceLocator':'pkg:x/y'}]}]}", "packages[0].externalRefs[0].referenceCategory: 'PACKAGE' is not a known value" },
		{ "{'spdxVersion':'SPDX-2.2','packages':[{'SPDXID':'SPDXRef-a','name':'a','downloadLocation':'NONE'}]}", "packages[0]: missing required 'licenseConcluded'" },
		{ "{'spdxVersion':'SPDX-2.3','packages':[{'SPDXID':'SPDXRef-a','name':'a','downloadLocation':'NONE'},{'SPDXID':'SPDXRef-a','name':'b','downloadLocation':'NONE'}]}", "packages[1].SPDXID: duplicate identifier 'SPDXRef-a'" },
		{ "{'@context':'https://spdx.org/rdf/3.0.1/spdx-context.jsonld','@graph':[{'type':'Relationship','spdxId':'urn:r','creationInfo':'_:c','from':'urn:a','to':[],'relationshipType':'dependsOn'}]}", "@graph[0].to: must not be empty" },
		{ "{'@context':'https://spdx.org/rdf/3.0.1/spdx-context.jsonld','@graph':[{'type':'Relationship','spdxId':'urn:r','creationInfo':'_:c','from':'urn:a','to':['https://spdx.org/rdf/3.0.1/terms/Core/NoneElement'],'relationshipType':'depends_on'}]}", "@graph[0].creationInfo: '_:c' does not resolve to any spdxId" },
		{ "{'@context':'https://example.org/ctx','@graph':[]}", "@context: not an SPDX 3 context" },
		{ "{'@context':['https://spdx.org/rdf/3.0.1/spdx-context.jsonld'],'@graph':[{'type':'SpdxDocument','spdxId':'urn:d','creationInfo':{'specVersion':'3.0.1','created':'2026-01-31T12:00:00Z','createdBy':['urn:d']}}]}", NULL },
		{ "{'bomFormat':'CycloneDX','specVersion':'1.6','components':[{'type':'library','name':'evil\\u001b[2J','version':'1','bom-ref':'x'},{'type':'library','name':'b','bom-ref':'x'}],'dependencies':[{'ref':'x\\u001b'}]}", "dependencies[0].ref: 'x?' does not resolve" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;

		assert_int_equal(check_text(&issues, cases[i].doc, 0), 0);
		if (cases[i].issue ? !find_issue(&issues, cases[i].issue) : issues.nr > 0) {
			dump(&issues);
			fail_msg("case %zu: expected %s%s", i,
				 cases[i].issue ? "an issue " : "no issue",
				 cases[i].issue ? cases[i].issue : "");
		}
		sg_sbom_issues_release(&issues);
	}
}

/* 10,000 components, every one complete: correct at scale (timed elsewhere). */
static void test_sbom__many_components_check_clean(void **state)
{
	struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
	struct sg_buf doc = SG_BUF_INIT;
	size_t i, n = 10000;

	(void)state;
	sg_buf_adds(&doc, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
		    "\"metadata\":{\"timestamp\":\"2026-01-31T12:00:00Z\",\"authors\":[{\"name\":\"gen\"}],"
		    "\"component\":{\"type\":\"application\",\"name\":\"app\",\"bom-ref\":\"app\"}},"
		    "\"components\":[");
	for (i = 0; i < n; i++)
		sg_buf_addf(&doc, "%s{\"type\":\"library\",\"name\":\"c%zu\",\"version\":\"1.%zu\","
			    "\"bom-ref\":\"r%zu\",\"purl\":\"pkg:generic/c%zu@1.%zu\","
			    "\"supplier\":{\"name\":\"S\"}}", i ? "," : "", i, i, i, i, i);
	sg_buf_adds(&doc, "],\"dependencies\":[{\"ref\":\"app\",\"dependsOn\":[");
	for (i = 0; i < n; i++)
		sg_buf_addf(&doc, "%s\"r%zu\"", i ? "," : "", i);
	sg_buf_adds(&doc, "]}]}");
	assert_int_equal(sg_sbom_check(&issues, "big.json", doc.ptr, doc.len,
				       SG_SBOM_CHECK_NTIA), 0);
	if (issues.nr)
		dump(&issues);
	assert_int_equal(issues.nr, 0);
	sg_buf_release(&doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sbom__recognises_formats),
		cmocka_unit_test(test_sbom__syntax_errors_name_line_and_column),
		cmocka_unit_test(test_sbom__hostile_bytes_are_refused),
		cmocka_unit_test(test_sbom__byte_order_mark_is_skipped),
		cmocka_unit_test(test_sbom__nesting_is_bounded),
		cmocka_unit_test(test_sbom__oversized_input_is_refused),
		cmocka_unit_test(test_sbom__wrong_types_give_issues),
		cmocka_unit_test(test_sbom__ntia_gaps_per_component),
		cmocka_unit_test(test_sbom__ntia_document_elements_per_format),
		cmocka_unit_test(test_sbom__structural_issues_in_document_order),
		cmocka_unit_test(test_sbom__issues_interleave_in_document_order),
		cmocka_unit_test(test_sbom__model_from_each_format),
		cmocka_unit_test(test_sbom__repeated_metadata_keeps_the_first),
		cmocka_unit_test(test_sbom__placeholders_only_when_template_shaped),
		cmocka_unit_test(test_sbom__values_checked_by_format),
		cmocka_unit_test(test_sbom__many_components_check_clean),
	};

	return cmocka_run_group_tests_name("sbom", tests, NULL, NULL);
}
