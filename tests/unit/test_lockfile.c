#include "helpers.h"
#include "model/lockfile.h"
#include "model/sbom.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int read_lock_fixture(struct sg_lockfile *lock, const char *rel)
{
	struct sg_buf path = SG_BUF_INIT, data = SG_BUF_INIT;
	int rc;

	sg_buf_addf(&path, "%s/tests/fixtures/lock/%s", sg_test_source_dir(), rel);
	if (sg_fs_read(&data, path.ptr, SG_SBOM_MAX_SIZE) < 0)
		fail_msg("%s", sg_error_message());
	rc = sg_lockfile_read(lock, path.ptr, data.ptr, data.len);
	sg_buf_release(&data);
	sg_buf_release(&path);
	return rc;
}

/* "name@version" with " (dev)" for dev entries, ", "-joined. */
static char *entries(const struct sg_lockfile *lock)
{
	struct sg_buf out = SG_BUF_INIT;
	size_t i;

	for (i = 0; i < lock->nr; i++)
		sg_buf_addf(&out, "%s%s@%s%s", i ? ", " : "", lock->items[i].name,
			    lock->items[i].version ? lock->items[i].version : "?",
			    lock->items[i].dev ? " (dev)" : "");
	return sg_buf_detach(&out);
}

static const struct {
	const char *file;
	int kind;
	const char *entries;
} readers[] = {
	{ "npm-v3-nested-scoped-workspace/package-lock.json", SG_LOCKFILE_NPM,
	  "@babel/core@7.24.0 (dev), debug@2.6.9, debug@4.3.4, express@4.19.2, "
	  "left-pad@1.3.0, lodash@4.17.21" },
	{ "npm-v1-nested-dependencies/package-lock.json", SG_LOCKFILE_NPM,
	  "debug@2.6.9, debug@4.1.1, express@4.17.1, mocha@8.0.1 (dev)" },
	{ "cargo-workspace-crates/Cargo.lock", SG_LOCKFILE_CARGO,
	  "itoa@1.0.10, serde@1.0.197, serde_json@1.0.114" },
	{ "conan2-revisions/conan.lock", SG_LOCKFILE_CONAN,
	  "cmake@3.28.1 (dev), fmt@10.2.1, openssl@3.2.1, zlib@1.3.1" },
	{ "conan1-graph-lock/conan.lock", SG_LOCKFILE_CONAN,
	  "protobuf@3.21.9, zlib@1.2.11" },
	{ "vcpkg-overrides-port-versions/vcpkg.json", SG_LOCKFILE_VCPKG,
	  "fmt@10.1.1, libpng@1.6.43, openssl@3.0.13, vcpkg-cmake@? (dev), zlib@1.2.13" },
};

static void test_lockfile__readers(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(readers) / sizeof(readers[0]); i++) {
		struct sg_lockfile lock = SG_LOCKFILE_INIT;
		char *got;

		if (read_lock_fixture(&lock, readers[i].file) < 0)
			fail_msg("%s: %s", readers[i].file, sg_error_message());
		assert_int_equal(lock.kind, readers[i].kind);
		got = entries(&lock);
		if (strcmp(got, readers[i].entries))
			fail_msg("%s:\n  expected %s\n  got      %s", readers[i].file,
				 readers[i].entries, got);
		free(got);
		sg_lockfile_release(&lock);
	}
}

static void test_lockfile__known_by_base_name(void **state)
{
	(void)state;
	assert_int_equal(sg_lockfile_is_known("package-lock.json"), SG_LOCKFILE_NPM);
	assert_int_equal(sg_lockfile_is_known("web/ui/npm-shrinkwrap.json"), SG_LOCKFILE_NPM);
	assert_int_equal(sg_lockfile_is_known("rust/Cargo.lock"), SG_LOCKFILE_CARGO);
	assert_int_equal(sg_lockfile_is_known("conan.lock"), SG_LOCKFILE_CONAN);
	assert_int_equal(sg_lockfile_is_known("vcpkg.json"), SG_LOCKFILE_VCPKG);
	assert_int_equal(sg_lockfile_is_known("package.json"), 0);
	assert_int_equal(sg_lockfile_is_known("cargo.lock"), 0);
	assert_int_equal(sg_lockfile_is_known("old/package-lock.json.bak"), 0);
}

static const struct {
	const char *path;
	const char *data;
	const char *error;
} bad[] = {
	{ "package-lock.json", "{", "package-lock.json:1:2: unexpected end of input" },
	{ "package-lock.json", "[]", "package-lock.json: the top level is not a JSON object" },
	{ "package-lock.json", "{}", "package-lock.json: neither 'packages' nor 'dependencies': not an npm lockfile" },
	{ "package-lock.json", "{\"packages\": []}", "package-lock.json: packages: expected an object, found an array" },
	{ "package-lock.json", "{\"packages\": {\"node_modules/a\": {\"version\": 1}}}",
	  "package-lock.json: packages[\"node_modules/a\"].version: expected a string, found a number" },
	{ "package-lock.json", "{\"packages\": {\"node_modules/a\": \"1.0\"}}",
	  "package-lock.json: packages[\"node_modules/a\"]: expected an object, found a string" },
	{ "package-lock.json", "{\"dependencies\": {\"a\": {\"version\": \"1\", \"dependencies\": []}}}",
	  "package-lock.json: dependencies.a.dependencies: expected an object, found an array" },
	{ "Cargo.lock", "version = 3\n\n[[package]]\nversion = \"1.0\"\n",
	  "Cargo.lock:3: [[package]] without a name" },
	{ "Cargo.lock", "version = 3\r\n\r\n[[package]]\r\nversion = \"1.0\"\r\n",
	  "Cargo.lock:3: [[package]] without a name" },
	{ "Cargo.lock", "[[package]]\nname = \"serde\n", "Cargo.lock:2: 'name' is not a quoted string" },
	{ "conan.lock", "{\"requires\": [\"zlib\"]}", "conan.lock: requires[0]: not a Conan reference (name/version)" },
	{ "conan.lock", "{\"requires\": [\"zlib/#rev\"]}", "conan.lock: requires[0]: a Conan reference without a version" },
	{ "conan.lock", "{\"build_requires\": [1]}", "conan.lock: build_requires[0]: expected a string, found a number" },
	{ "conan.lock", "{\"requires\": {}}", "conan.lock: requires: expected an array, found an object" },
	{ "conan.lock", "{\"graph_lock\": {\"nodes\": []}}", "conan.lock: graph_lock.nodes: expected an object, found an array" },
	{ "conan.lock", "{\"graph_lock\": {\"nodes\": {\"1\": {\"ref\": 5}}}}", "conan.lock: graph_lock.nodes.1.ref: expected a string, found a number" },
	{ "vcpkg.json", "{\"dependencies\": [{\"version>=\": \"1\"}]}", "vcpkg.json: dependencies[0].name: expected a string, found nothing" },
	{ "vcpkg.json", "{\"dependencies\": [5]}", "vcpkg.json: dependencies[0]: expected a string or an object, found a number" },
	{ "vcpkg.json", "{\"dependencies\": [{\"name\": \"a\", \"version>=\": 1}]}", "vcpkg.json: dependencies[0][\"version>=\"]: expected a string, found a number" },
	{ "vcpkg.json", "{\"overrides\": [{\"name\": \"x\"}]}", "vcpkg.json: overrides[0]: an override without a version" },
	{ "requirements.txt", "flask==3.0.0\n", "requirements.txt: not a lockfile sdlgate reads" },
};

static void test_lockfile__bad_input_is_an_error(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct sg_lockfile lock = SG_LOCKFILE_INIT;

		assert_int_equal(sg_lockfile_read(&lock, bad[i].path, bad[i].data,
						  strlen(bad[i].data)), -1);
		if (strcmp(sg_error_message(), bad[i].error))
			fail_msg("case %zu: expected \"%s\", got \"%s\"", i,
				 bad[i].error, sg_error_message());
		assert_non_null(sg_error_hint_text());
		assert_int_equal(lock.nr, 0);
		sg_lockfile_release(&lock);
	}
}

static char *joined(const struct sg_strlist *list)
{
	struct sg_buf out = SG_BUF_INIT;
	size_t i;

	for (i = 0; i < list->nr; i++)
		sg_buf_addf(&out, "%s%s", i ? ", " : "", list->items[i]);
	return sg_buf_detach(&out);
}

static const struct {
	const char *lock;
	const char *sbom;   /* ' for " */
	const char *added, *removed, *changed;
} drift[] = {
	{ "npm-v3-nested-scoped-workspace/package-lock.json",
	  "{'bomFormat':'CycloneDX','specVersion':'1.5','components':["
	  "{'type':'library','name':'lodash','version':'4.17.21','purl':'pkg:npm/lodash@4.17.21'},"
	  "{'type':'library','group':'@babel','name':'core','version':'7.23.0'},"
	  "{'type':'library','name':'debug','version':'4.3.4'},"
	  "{'type':'library','name':'express','version':'4.19.2',"
	  " 'components':[{'type':'library','name':'debug','version':'4.3.4'}]},"
	  "{'type':'library','name':'react','version':'18.2.0'},"
	  "{'type':'library','name':'requests','version':'2.31.0','purl':'pkg:pypi/requests@2.31.0'}]}",
	  "debug@2.6.9, left-pad@1.3.0", "react@18.2.0", "@babel/core@7.24.0 -> 7.23.0" },
	{ "vcpkg-overrides-port-versions/vcpkg.json",
	  "{'spdxVersion':'SPDX-2.3','packages':["
	  "{'SPDXID':'SPDXRef-1','name':'fmt','versionInfo':'10.1.0'},"
	  "{'SPDXID':'SPDXRef-2','name':'zlib','versionInfo':'1.2.13'},"
	  "{'SPDXID':'SPDXRef-3','name':'libpng','versionInfo':'1.6.43'},"
	  "{'SPDXID':'SPDXRef-4','name':'vcpkg-cmake','versionInfo':'2024-04-23'},"
	  "{'SPDXID':'SPDXRef-5','name':'curl'}]}",
	  "openssl@3.0.13", "curl@?", "fmt@10.1.1 -> 10.1.0" },
	{ "cargo-workspace-crates/Cargo.lock",
	  "{'bomFormat':'CycloneDX','specVersion':'1.6','components':["
	  "{'type':'library','name':'serde','version':'1.0.197','purl':'pkg:cargo/serde@1.0.197'},"
	  "{'type':'library','name':'serde_json','version':'1.0.114'},"
	  "{'type':'library','name':'itoa','version':'1.0.10'},"
	  "{'type':'library','name':'serde','version':'1.0.190','purl':'pkg:cargo/serde@1.0.190'},"
	  "{'type':'library','name':'lodash','version':'4.17.21','purl':'pkg:npm/lodash@4.17.21'}]}",
	  "", "serde@1.0.190", "" },
};

static void test_lockfile__drift_against_an_sbom(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(drift) / sizeof(drift[0]); i++) {
		struct sg_lockfile lock = SG_LOCKFILE_INIT;
		struct sg_strlist added = SG_STRLIST_INIT, removed = SG_STRLIST_INIT;
		struct sg_strlist changed = SG_STRLIST_INIT;
		struct sg_sbom *sbom = NULL;
		char *doc = strdup(drift[i].sbom), *p, *a, *r, *c;

		for (p = doc; *p; p++)
			if (*p == '\'')
				*p = '"';
		assert_int_equal(read_lock_fixture(&lock, drift[i].lock), 0);
		if (sg_sbom_parse(&sbom, "sbom.json", doc, strlen(doc)) < 0)
			fail_msg("%s", sg_error_message());
		assert_int_equal(sg_sbom_drift(&added, &removed, &changed, &lock, sbom), 0);
		a = joined(&added);
		r = joined(&removed);
		c = joined(&changed);
		if (strcmp(a, drift[i].added) || strcmp(r, drift[i].removed) ||
		    strcmp(c, drift[i].changed))
			fail_msg("%s:\n  added   %s\n  removed %s\n  changed %s",
				 drift[i].lock, a, r, c);
		free(a);
		free(r);
		free(c);
		free(doc);
		sg_sbom_free(sbom);
		sg_strlist_release(&added);
		sg_strlist_release(&removed);
		sg_strlist_release(&changed);
		sg_lockfile_release(&lock);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lockfile__readers),
		cmocka_unit_test(test_lockfile__known_by_base_name),
		cmocka_unit_test(test_lockfile__bad_input_is_an_error),
		cmocka_unit_test(test_lockfile__drift_against_an_sbom),
	};

	return cmocka_run_group_tests_name("lockfile", tests, NULL, NULL);
}
