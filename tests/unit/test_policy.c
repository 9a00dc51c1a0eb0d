#include "helpers.h"
#include "policy/policy.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

/* The full example of DESIGN.md §3, without `extends` (packs come separately). */
static const char design_example[] =
	"version: 1\n"
	"product: Infusion pump controller\n"
	"requirements:\n"
	"  registry: [docs/security/requirements.yml, docs/security/srs.md]\n"
	"  id_pattern: 'SR-[0-9]+'\n"
	"  accepted_status: [active]\n"
	"  reference:\n"
	"    trailer: Security-Requirement\n"
	"    anywhere_in_message: false\n"
	"  exemption:\n"
	"    trailer: Security-Impact\n"
	"    allowed_paths: [\"docs/**\", \"*.md\"]\n"
	"design_review:\n"
	"  triggers: [\"src/**\", \"docs/architecture/**\"]\n"
	"  records: reviews/\n"
	"  notes_ref: refs/notes/design-review\n"
	"  trailer: Design-Review\n"
	"  min_reviewers: 1\n"
	"  independent_reviewers: true\n"
	"  criteria:\n"
	"    - {id: DR-1, text: Trust boundaries and defense in depth considered}\n"
	"    - {id: DR-2, text: Every new external interface validates its input}\n"
	"sbom:\n"
	"  files: [sbom/bom.cdx.json]\n"
	"  triggers: [\"CMakeLists.txt\", \"third_party/**\", \"**/package-lock.json\", \"vcpkg.json\", \"conanfile.*\"]\n"
	"  minimum_elements: ntia\n"
	"risk:\n"
	"  files: [risk/security-risks.yml]\n"
	"  triggers: [\"src/**\"]\n"
	"  unchanged_trailer: Risk-Assessment\n"
	"  safety_id_pattern: 'HAZ-[0-9]+'\n"
	"scope:\n"
	"  co_change: change-set\n"
	"  merges: skip\n"
	"release:\n"
	"  tag_pattern: 'v*'\n"
	"  deliverables:\n"
	"    - {id: threat-model, path: docs/security/threat-model.md, must: updated, clauses: [\"7.2\"]}\n"
	"    - {id: pen-test-report, path: \"docs/security/pentest/*.pdf\", must: exists, clauses: [\"5.7.4\"]}\n"
	"  test_evidence: [\"tests/**\"]\n"
	"rules:\n"
	"  risk-co-change: warning\n"
	"waivers:\n"
	"  - {rule: sbom-co-change, commit: 1a2b3c4, reason: \"...\", approved_by: \"...\", expires: 2027-01-31}\n";

static struct sg_policy *load_ok(const char *text)
{
	struct sg_policy *p = NULL;

	if (sg_policy_parse(&p, ".sdlgate.yml", text, strlen(text), NULL, NULL) < 0)
		fail_msg("expected a valid policy, got: %s", sg_error_message());
	return p;
}

static void test_policy__design_example_loads(void **state)
{
	struct sg_policy *p = load_ok(design_example);

	(void)state;
	assert_int_equal(p->version, 1);
	assert_string_equal(p->product, "Infusion pump controller");
	assert_int_equal(p->requirements.registry.nr, 2);
	assert_string_equal(p->requirements.registry.items[1], "docs/security/srs.md");
	assert_string_equal(p->requirements.reference_trailer, "Security-Requirement");
	assert_false(p->requirements.anywhere_in_message);
	assert_int_equal(p->requirements.exemption_paths.nr, 2);
	assert_true(p->design_review.present);
	assert_int_equal(p->design_review.criteria_nr, 2);
	assert_string_equal(p->design_review.criteria[1].id, "DR-2");
	assert_string_equal(p->design_review.notes_ref, "refs/notes/design-review");
	assert_true(p->design_review.independent_reviewers);
	assert_int_equal(p->sbom.triggers.nr, 5);
	assert_true(p->sbom.ntia);
	assert_string_equal(p->risk.unchanged_trailer, "Risk-Assessment");
	assert_false(p->co_change_commit);
	assert_false(p->merges_check);
	assert_int_equal(p->release.deliverables_nr, 2);
	assert_true(p->release.deliverables[0].must_update);
	assert_false(p->release.deliverables[1].must_update);
	assert_string_equal(p->release.deliverables[1].clauses.items[0], "5.7.4");
	assert_int_equal(sg_policy_override(p, "risk-co-change"), SG_SEV_WARNING);
	assert_int_equal(sg_policy_override(p, "sbom-co-change"), -1);
	assert_int_equal(p->waivers_nr, 1);
	assert_string_equal(p->waivers[0].commit, "1a2b3c4");
	assert_string_equal(p->waivers[0].expires, "2027-01-31");
	sg_policy_free(p);
}

static void test_policy__defaults_and_absent_sections(void **state)
{
	struct sg_policy *p = load_ok("version: 1\nrequirements: {}\n");

	(void)state;
	assert_true(p->requirements.present);
	assert_string_equal(p->requirements.id_pattern, "SR-[0-9]+");
	assert_string_equal(p->requirements.accepted_status.items[0], "active");
	assert_string_equal(p->requirements.exemption_trailer, "Security-Impact");
	assert_false(p->sbom.present);
	assert_false(p->risk.present);
	assert_false(p->design_review.present);
	assert_false(p->release.present);
	sg_policy_free(p);
}

/* The bounds on ID patterns leave room for every pattern an ID needs. */
static void test_policy__id_patterns_with_intervals_and_classes_load(void **state)
{
	struct sg_policy *p = load_ok("version: 1\nrequirements:\n"
		"  id_pattern: 'SR-[[:digit:]]{1,6}(\\.[0-9]{1,3}){0,2}'\n"
		"risk:\n  files: [r.yml]\n  safety_id_pattern: '(HAZ|HZ)-[0-9]{4}[a-z]?'\n");
	struct sg_strlist ids = SG_STRLIST_INIT;

	(void)state;
	sg_policy_find_ids(&ids, p, "SR-12.3.4 and SR-7");
	assert_int_equal(ids.nr, 2);
	assert_string_equal(ids.items[0], "SR-12.3.4");
	assert_string_equal(ids.items[1], "SR-7");
	assert_true(sg_policy_is_safety_id(p, "HZ-0042b"));
	sg_strlist_release(&ids);
	sg_policy_free(p);
}

static void test_policy__finds_ids_with_the_policy_regex(void **state)
{
	struct sg_policy *p = load_ok("version: 1\nrequirements: {id_pattern: 'REQ-[A-Z]+-[0-9]{3}'}\n");
	struct sg_strlist ids = SG_STRLIST_INIT;

	(void)state;
	sg_policy_find_ids(&ids, p, "REQ-NET-001, REQ-UI-042 and REQ-NET-001 again; REQ-x-1");
	assert_int_equal(ids.nr, 2);
	assert_string_equal(ids.items[0], "REQ-NET-001");
	assert_string_equal(ids.items[1], "REQ-UI-042");
	sg_strlist_release(&ids);
	sg_policy_free(p);
}

/* Broken policies: each must fail with file:line:column and say what. */
static const struct {
	const char *yaml;
	const char *expect;
} broken[] = {
	{ "version: 1\nrequirements:\n  registry: [a.yml\n", ".sdlgate.yml:4:1: invalid YAML" },
	{ "version: 1\nrequirments: {}\n", ".sdlgate.yml:2:1: unknown key 'requirments' in 'policy'" },
	{ "version: 1\nsbom:\n  files: [a.json]\n  trigers: [x]\n", ".sdlgate.yml:4:3: unknown key 'trigers' in 'sbom'" },
	{ "version: 1\nrequirements:\n  id_pattern: 'SR-[0-9'\n", ".sdlgate.yml:3:15: 'requirements.id_pattern' is not a valid regular expression" },
	{ "version: 1\nrequirements:\n  id_pattern: 'x*'\n", "matches the empty string" },
	{ "version: 1\nrules:\n  no-such-rule: error\n", ".sdlgate.yml:3:3: unknown rule 'no-such-rule'" },
	{ "version: 1\nrules:\n  sbom-valid: fatal\n", ".sdlgate.yml:3:15: severity of rule 'sbom-valid' must be error, warning or off" },
	{ "version: 2\n", ".sdlgate.yml:1:10: policy schema version 2 is not supported" },
	{ "product: x\n", "the policy has no 'version'" },
	{ "", "the policy is empty" },
	{ "- a\n- b\n", ".sdlgate.yml:1:1: 'policy' must be a mapping, not a list" },
	{ "version: 1\nsbom:\n  files: sbom.json\n  minimum_elements: most\n", ".sdlgate.yml:4:21: 'sbom.minimum_elements' must be 'ntia' or 'none'" },
	{ "version: 1\nsbom:\n  triggers: [x]\n", "'sbom.files' must name at least one SBOM file" },
	{ "version: 1\nscope:\n  co_change: always\n", ".sdlgate.yml:3:14: 'scope.co_change' must be 'change-set' or 'commit'" },
	{ "version: 1\nrequirements:\n  reference: {anywhere_in_message: maybe}\n", "must be true or false, not 'maybe'" },
	{ "version: 1\ndesign_review:\n  min_reviewers: -1\n", "'design_review.min_reviewers' must be a whole number" },
	{ "version: 1\ndesign_review:\n  criteria:\n    - {id: DR-1, text: a}\n    - {id: DR-1, text: b}\n", ".sdlgate.yml:5:7: duplicate criterion id 'DR-1'" },
	{ "version: 1\ndesign_review:\n  notes_ref: design-review\n", "must be a full ref name" },
	{ "version: 1\nwaivers:\n  - {rule: sbom-co-change, commit: 1a2b, reason: r, approved_by: a, expires: 2027-01-31}\n", "must be an object id of 7 to 40 hex digits" },
	{ "version: 1\nwaivers:\n  - {rule: sbom-co-change, commit: 1a2b3c4, approved_by: a, expires: 2027-01-31}\n", "a waiver needs 'reason', 'approved_by' and 'expires'" },
	{ "version: 1\nwaivers:\n  - {rule: sbom-co-change, path: x, reason: r, approved_by: a, expires: 2027-02-30}\n", "must be a date YYYY-MM-DD" },
	{ "version: 1\nwaivers:\n  - {rule: nope, path: x, reason: r, approved_by: a, expires: 2027-01-31}\n", "a waiver needs a known 'rule'" },
	{ "version: 1\nrelease:\n  deliverables:\n    - {id: a, path: x, must: maybe}\n", "'release.deliverables[].must' must be 'exists' or 'updated'" },
	{ "version: 1\nrelease:\n  deliverables:\n    - {id: a}\n", "a deliverable needs an 'id' and a 'path'" },
	{ "version: 1\nextends: no-such-pack\n", ".sdlgate.yml:2:10: 'extends: no-such-pack' names neither a policy pack nor a file" },
	{ "version: 1\nversion: 1\n", "duplicate key 'version'" },
	{ "version: 1\nproduct: [a]\n", "'product' must be a scalar, not a list" },
	{ "version: 1\nrequirements:\n  registry: [\"\"]\n", "must not contain empty entries" },
	{ "version: 1\n\tproduct: x\n", "invalid YAML" },
	/*
	 * Found while fuzzing the policy (a hand-made input next to the
	 * fuzzer's): glibc's regcomp copies what an interval
	 * repeats, so nested intervals took all memory (the first one) or
	 * 4 GB and 9 s (the second); back-references make matching exponential.
	 */
	{ "version: 1\nrequirements:\n  id_pattern: '((a{1,255}){1,255}){1,255}'\n",
	  ".sdlgate.yml:3:15: 'requirements.id_pattern' ('((a{1,255}){1,255}){1,255}') repeats too much" },
	{ "version: 1\nrequirements:\n  id_pattern: 'SR-.{1,32767}'\n", "repeats too much" },
	/* found by fuzz_policy: X+ is compiled as X X*, so each '+' doubles, */
	{ "version: 1\nrequirements:\n  id_pattern: 'd+++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++'\n",
	  "repeats too much" },
	/* ... also after an unmatched ')', which is a literal */
	{ "version: 1\nrequirements:\n  id_pattern: 'SR-[0-9]+)+++++++++++++++++++++++-[0-9]+'\n",
	  "repeats too much" },
	/*
	 * found by fuzzing the ID pattern alone: glibc also reads "{\,9}" as
	 * "{,9}", and nested quantifiers blow up its compile time even when
	 * small (10 s for the first, 7 s under the sanitizers for the second)
	 */
	{ "version: 1\nrequirements:\n  id_pattern: \"'+{\\\\,32767}'\"\n",
	  "has a '{' that is not an interval {m}, {m,} or {m,n}" },
	{ "version: 1\nrequirements:\n  id_pattern: '((((((/?)?)?){3,})?)?){3,}'\n",
	  "'requirements.id_pattern' ('((((((/?)?)?){3,})?)?){3,}') nests repetition more than 2 deep" },
	{ "version: 1\nrequirements:\n  id_pattern: '/???{3,}??{3,}?'\n", "nests repetition more than 2 deep" },
	{ "version: 1\nrequirements:\n  id_pattern: '((((((((((((((((((((((((((((((SR-[0-9]+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+'\n",
	  "repeats too much" },
	{ "version: 1\nrequirements:\n  id_pattern: '(SR|HR){500}-[0-9]{501}'\n", "repeats too much" },
	{ "version: 1\nrisk:\n  files: [r.yml]\n  safety_id_pattern: '(HAZ-[0-9])\\1'\n",
	  ".sdlgate.yml:4:22: 'risk.safety_id_pattern' ('(HAZ-[0-9])\\1') uses a back-reference" },
	{ "version: 1\nrequirements:\n  id_pattern: 'SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|"
	  "SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|"
	  "SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+|SR-[0-9]+'\n",
	  "'requirements.id_pattern' is longer than 256 characters" },
};

static void test_policy__broken_variants_name_file_line_column_and_hint(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(broken) / sizeof(broken[0]); i++) {
		struct sg_policy *p = NULL;
		int rc = sg_policy_parse(&p, ".sdlgate.yml", broken[i].yaml,
					 strlen(broken[i].yaml), NULL, NULL);

		if (rc == 0) {
			sg_policy_free(p);
			fail_msg("case %zu: expected an error for:\n%s", i, broken[i].yaml);
		}
		if (!strstr(sg_error_message(), broken[i].expect))
			fail_msg("case %zu: expected '%s' in '%s'", i, broken[i].expect,
				 sg_error_message());
		/* every refusal says what to write instead */
		if (!sg_error_hint_text())
			fail_msg("case %zu: no hint for '%s'", i, sg_error_message());
		assert_int_equal(sg_error_kind(), SG_ERROR_INPUT);
		sg_error_clear();
	}
}

static void test_policy__unknown_key_hint_lists_allowed_keys(void **state)
{
	struct sg_policy *p = NULL;
	const char *text = "version: 1\nrisk:\n  files: [r.yml]\n  trigger: [x]\n";

	(void)state;
	assert_int_equal(sg_policy_parse(&p, "p.yml", text, strlen(text), NULL, NULL), -1);
	assert_non_null(sg_error_hint_text());
	assert_non_null(strstr(sg_error_hint_text(), "triggers"));
	sg_error_clear();
}

static void test_policy__alias_bomb_is_bounded(void **state)
{
	struct sg_policy *p = NULL;
	const char *text =
		"version: 1\n"
		"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
		"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
		"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
		"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";

	(void)state;
	assert_int_equal(sg_policy_parse(&p, "p.yml", text, strlen(text), NULL, NULL), -1);
	assert_non_null(strstr(sg_error_message(), "alias expansion"));
	sg_error_clear();
}

static int read_base(struct sg_buf *out, const char *path, void *payload)
{
	(void)payload;
	if (strcmp(path, "base.yml"))
		return 1;
	sg_buf_adds(out,
		"version: 1\n"
		"requirements: {registry: [reqs.yml], accepted_status: [active, approved]}\n"
		"sbom: {files: [a.json], triggers: [x, y]}\n"
		"rules: {sbom-co-change: warning, risk-co-change: warning}\n");
	return 0;
}

static void test_policy__extends_a_file_merges_maps_and_replaces_lists(void **state)
{
	struct sg_policy *p = NULL;
	const char *text =
		"version: 1\n"
		"extends: base.yml\n"
		"requirements: {accepted_status: [active]}\n"
		"sbom: {triggers: [z]}\n"
		"rules: {sbom-co-change: error}\n";

	(void)state;
	if (sg_policy_parse(&p, ".sdlgate.yml", text, strlen(text), read_base, NULL) < 0)
		fail_msg("%s", sg_error_message());
	assert_string_equal(p->extends, "base.yml");
	assert_string_equal(p->requirements.registry.items[0], "reqs.yml");
	assert_int_equal(p->requirements.accepted_status.nr, 1);
	assert_string_equal(p->sbom.files.items[0], "a.json");
	assert_int_equal(p->sbom.triggers.nr, 1);
	assert_string_equal(p->sbom.triggers.items[0], "z");
	assert_int_equal(sg_policy_override(p, "sbom-co-change"), SG_SEV_ERROR);
	assert_int_equal(sg_policy_override(p, "risk-co-change"), SG_SEV_WARNING);
	sg_policy_free(p);
}

static void test_policy__errors_in_an_extended_file_name_that_file(void **state)
{
	struct sg_policy *p = NULL;
	const char *text = "version: 1\nextends: base.yml\nsbom: {files: [a], triggers: [b], oops: 1}\n";

	(void)state;
	assert_int_equal(sg_policy_parse(&p, ".sdlgate.yml", text, strlen(text), read_base, NULL), -1);
	assert_non_null(strstr(sg_error_message(), ".sdlgate.yml:3:"));
	sg_error_clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy__design_example_loads),
		cmocka_unit_test(test_policy__defaults_and_absent_sections),
		cmocka_unit_test(test_policy__id_patterns_with_intervals_and_classes_load),
		cmocka_unit_test(test_policy__finds_ids_with_the_policy_regex),
		cmocka_unit_test(test_policy__broken_variants_name_file_line_column_and_hint),
		cmocka_unit_test(test_policy__unknown_key_hint_lists_allowed_keys),
		cmocka_unit_test(test_policy__alias_bomb_is_bounded),
		cmocka_unit_test(test_policy__extends_a_file_merges_maps_and_replaces_lists),
		cmocka_unit_test(test_policy__errors_in_an_extended_file_name_that_file),
	};

	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
