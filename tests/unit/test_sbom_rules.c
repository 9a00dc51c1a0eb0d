#include "helpers.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "git/walk.h"
#include "policy/policy.h"
#include "report/report.h"
#include "rules/gate.h"
#include "rules/sbom_rules.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * sbom-valid at the release gate (the release command lives elsewhere:
 * the gate is driven here directly): every SBOM file is checked whatever
 * the release range changed, and a wildcard entry that matches nothing or
 * a named file that is missing is a finding. Also the small helpers the
 * two SBOM rules share.
 */

static char dir[] = "/tmp/sg-sbom-rules-XXXXXX";

#define GOOD_SBOM \
	"{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1," \
	" \"metadata\": {\"timestamp\": \"2026-11-01T10:00:00Z\", \"authors\": [{\"name\": \"Dana\"}]}," \
	" \"components\": [{\"type\": \"library\", \"bom-ref\": \"z\", \"name\": \"zlib\", \"version\": \"1.3.1\"," \
	" \"purl\": \"pkg:generic/zlib@1.3.1\", \"supplier\": {\"name\": \"zlib\"}}]," \
	" \"dependencies\": [{\"ref\": \"z\"}]}\n"

/* the same component without a supplier: one NTIA gap */
#define GAP_SBOM \
	"{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1," \
	" \"metadata\": {\"timestamp\": \"2026-11-01T10:00:00Z\", \"authors\": [{\"name\": \"Dana\"}]}," \
	" \"components\": [{\"type\": \"library\", \"bom-ref\": \"z\", \"name\": \"zlib\", \"version\": \"1.3.1\"," \
	" \"purl\": \"pkg:generic/zlib@1.3.1\"}]," \
	" \"dependencies\": [{\"ref\": \"z\"}]}\n"

static void sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void sh(const char *fmt, ...)
{
	struct sg_buf cmd = SG_BUF_INIT, out = SG_BUF_INIT;
	va_list ap;
	int rc;

	sg_buf_addf(&cmd, "cd '%s' && (", dir);
	va_start(ap, fmt);
	sg_buf_vaddf(&cmd, fmt, ap);
	va_end(ap);
	sg_buf_adds(&cmd, ") 2>&1");
	rc = sg_test_run_capture(&out, cmd.ptr);
	if (rc != 0)
		fail_msg("'%s' failed: %s", cmd.ptr, out.ptr);
	sg_buf_release(&cmd);
	sg_buf_release(&out);
}

static void write_file(const char *rel, const char *text)
{
	struct sg_buf path = SG_BUF_INIT;

	sg_buf_addf(&path, "%s/%s", dir, rel);
	sg_test_write_file(path.ptr, text);
	sg_buf_release(&path);
}

static int setup(void **state)
{
	(void)state;
	if (sg_test_isolate_git(dir) < 0)
		return -1;
	sh("git init -q . && git config user.name Dana && git config user.email dana@example.org && mkdir -p sbom/more");
	write_file("sbom/bom.cdx.json", GAP_SBOM);
	write_file("sbom/more/tools.json", GOOD_SBOM);
	sh("git add -A && git commit -q -m 'SBOMs'");
	write_file("src.c", "int x;\n");
	sh("git add -A && git commit -q -m 'Code only'");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return sg_test_remove_tree(dir);
}

/* Run the gate over HEAD~1..HEAD in `mode` with the policy text. */
static void run_gate(struct sg_report *report, enum sg_gate_mode mode,
		     const char *policy_text)
{
	struct sg_policy *policy = NULL;
	struct sg_repo *repo = NULL;
	struct sg_walk *walk = NULL;
	struct sg_change_source source;
	struct sg_gate gate;
	char head[41], base[41];

	memset(&gate, 0, sizeof(gate));
	memset(report, 0, sizeof(*report));
	assert_int_equal(sg_policy_parse(&policy, "policy.yml", policy_text,
					 strlen(policy_text), NULL, NULL), 0);
	assert_int_equal(sg_repo_open(&repo, dir, 0), 0);
	assert_int_equal(sg_repo_resolve_commit(head, repo, "HEAD"), 0);
	assert_int_equal(sg_repo_resolve_commit(base, repo, "HEAD~1"), 0);
	gate.policy = policy;
	gate.repo = repo;
	gate.mode = mode;
	gate.today = "2026-11-27";
	assert_int_equal(sg_snapshot_from_commit(&gate.head, repo, head), 0);
	assert_int_equal(sg_walk_new(&walk, repo), 0);
	assert_int_equal(sg_walk_push(walk, head), 0);
	assert_int_equal(sg_walk_hide(walk, base), 0);
	source.next = sg_walk_next;
	source.payload = walk;
	assert_int_equal(sg_gate_run(report, &gate, &source), 0);
	sg_walk_free(walk);
	sg_snapshot_free(gate.head);
	sg_gate_release(&gate);
	sg_repo_free(repo);
	sg_policy_free(policy);
}

static size_t count_rule(const struct sg_report *report, const char *rule)
{
	size_t i, n = 0;

	for (i = 0; i < report->findings.nr; i++)
		n += !strcmp(report->findings.items[i].rule, rule);
	return n;
}

static const struct sg_finding *find(const struct sg_report *report,
				     const char *needle)
{
	size_t i;

	for (i = 0; i < report->findings.nr; i++)
		if (strstr(report->findings.items[i].message, needle))
			return &report->findings.items[i];
	return NULL;
}

static void test_sbom_rules__release_checks_every_sbom(void **state)
{
	struct sg_report report;
	const struct sg_finding *f;

	(void)state;
	/* a range check of a code-only change leaves the SBOMs alone */
	run_gate(&report, SG_GATE_RANGE,
		 "version: 1\nsbom: {files: [sbom/bom.cdx.json, \"sbom/more/*.json\"]}\n");
	assert_int_equal(count_rule(&report, "sbom-valid"), 0);
	sg_report_release(&report);

	/* the release checks them all, unchanged or not */
	run_gate(&report, SG_GATE_RELEASE,
		 "version: 1\nsbom: {files: [sbom/bom.cdx.json, \"sbom/more/*.json\"]}\n");
	assert_int_equal(count_rule(&report, "sbom-valid"), 1);
	f = find(&report, "lacks NTIA minimum elements: supplier");
	assert_non_null(f);
	assert_string_equal(f->component, "zlib@1.3.1");
	assert_int_equal(f->paths.nr, 1);
	assert_string_equal(f->paths.items[0], "sbom/bom.cdx.json");
	assert_null(f->commit);   /* not changed in the release range */
	sg_report_release(&report);
}

static void test_sbom_rules__release_missing_sboms(void **state)
{
	struct sg_report report;
	const struct sg_finding *f;

	(void)state;
	/* a named file must exist; a wildcard that matches nothing may not */
	run_gate(&report, SG_GATE_RELEASE,
		 "version: 1\nsbom: {files: [sbom/app.spdx.json, \"dist/*.cdx.json\", \"sbom/more/*.json\"]}\n");
	assert_int_equal(count_rule(&report, "sbom-valid"), 1);
	f = find(&report, "the SBOM 'sbom/app.spdx.json' named in sbom.files does not exist at");
	assert_non_null(f);
	assert_string_equal(f->paths.items[0], "sbom/app.spdx.json");
	sg_report_release(&report);

	/* but a release with no SBOM file at all is a finding */
	run_gate(&report, SG_GATE_RELEASE,
		 "version: 1\nsbom: {files: [\"dist/*.cdx.json\", \"out/**/*.spdx.json\"]}\n");
	assert_int_equal(count_rule(&report, "sbom-valid"), 1);
	assert_non_null(find(&report, ": nothing matches sbom.files"));
	sg_report_release(&report);
}

static void test_sbom_rules__files_and_literals(void **state)
{
	struct sg_strlist patterns = SG_STRLIST_INIT;

	(void)state;
	sg_strlist_add(&patterns, "/sbom/bom.cdx.json");
	sg_strlist_add(&patterns, "sbom/*.json");
	assert_true(sg_sbom_rule_is_literal(&patterns, "sbom/bom.cdx.json"));
	assert_false(sg_sbom_rule_is_literal(&patterns, "sbom/other.json"));
	assert_false(sg_sbom_rule_is_literal(&patterns, "sbom/*.json"));
	sg_strlist_release(&patterns);

	assert_int_equal(sg_sbom_rule_error_line("a.json:12:3: bad", "a.json"), 12);
	assert_int_equal(sg_sbom_rule_error_line("a.json: not an SBOM", "a.json"), 0);
	assert_int_equal(sg_sbom_rule_error_line("b.json:12:3: bad", "a.json"), 0);
	assert_int_equal(sg_sbom_rule_error_line("a.json:99999999999999:1: x", "a.json"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sbom_rules__release_checks_every_sbom),
		cmocka_unit_test(test_sbom_rules__release_missing_sboms),
		cmocka_unit_test(test_sbom_rules__files_and_literals),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
