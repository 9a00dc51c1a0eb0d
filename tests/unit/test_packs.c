#include "helpers.h"
#include "model/clauses.h"
#include "policy/packs.h"
#include "policy/policy.h"
#include "policy/skeleton.h"
#include "rules/rule.h"
#include "util/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const expected[] = {
	"fda-premarket-minimum", "iec81001-5-1-full", "iec81001-5-1-slc-1-2",
	"iec81001-5-1-transitional", NULL,
};

static struct sg_policy *load_pack(const char *name)
{
	struct sg_policy *p = NULL;
	char text[256];

	snprintf(text, sizeof(text), "version: 1\nextends: %s\n", name);
	if (sg_policy_parse(&p, ".sdlgate.yml", text, strlen(text), NULL, NULL) < 0)
		fail_msg("pack %s: %s", name, sg_error_message());
	return p;
}

static int has_clause(const struct sg_policy *p, const char *c)
{
	return sg_strlist_contains(&p->clauses, c);
}

static const struct sg_deliverable *deliverable(const struct sg_policy *p,
						const char *id)
{
	size_t i;

	for (i = 0; i < p->release.deliverables_nr; i++)
		if (!strcmp(p->release.deliverables[i].id, id))
			return &p->release.deliverables[i];
	return NULL;
}

static void test_packs__the_four_packs_are_built_in(void **state)
{
	size_t i;

	(void)state;
	assert_int_equal(sg_pack_count(), 4);
	for (i = 0; expected[i]; i++) {
		const char *data;
		size_t len;
		char *desc = NULL;

		assert_string_equal(sg_pack_at(i)->name, expected[i]);
		assert_int_equal(sg_pack_lookup(&data, &len, expected[i]), 0);
		assert_int_equal(len, strlen(data));
		assert_int_equal(sg_pack_description(&desc, sg_pack_at(i)), 0);
		assert_non_null(desc);
		assert_true(strlen(desc) > 20);
		free(desc);
	}
	assert_null(sg_pack_at(4));
	assert_int_equal(sg_pack_lookup(&(const char *){ NULL }, &(size_t){ 0 }, "nope"), -1);
}

/* Every pack loads, names only real clauses, and has what DESIGN §3 says. */
static void test_packs__each_pack_loads_with_known_clauses(void **state)
{
	size_t i, j, k;

	(void)state;
	for (i = 0; expected[i]; i++) {
		struct sg_policy *p = load_pack(expected[i]);

		assert_string_equal(p->extends, expected[i]);
		assert_non_null(p->description);
		assert_true(p->clauses.nr > 0);
		assert_true(p->requirements.present && p->risk.present &&
			    p->release.present && p->sbom.present);
		assert_int_equal(p->release.test_evidence.nr, 1);
		for (j = 0; j < p->clauses.nr; j++)
			if (!sg_clause_title(p->clauses.items[j]))
				fail_msg("%s: unknown clause %s", expected[i], p->clauses.items[j]);
		for (j = 0; j < p->release.deliverables_nr; j++)
			for (k = 0; k < p->release.deliverables[j].clauses.nr; k++)
				assert_non_null(sg_clause_title(p->release.deliverables[j].clauses.items[k]));
		for (j = 0; j < p->overrides_nr; j++)
			assert_true(sg_rule_exists(p->overrides[j].rule));
		sg_policy_free(p);
	}
}

static void test_packs__full_has_design_review_from_5_3_and_5_4(void **state)
{
	struct sg_policy *p = load_pack("iec81001-5-1-full");
	size_t i;

	(void)state;
	assert_true(p->design_review.present);
	assert_true(p->design_review.criteria_nr >= 4);
	for (i = 0; i < p->design_review.criteria_nr; i++)
		assert_true(strstr(p->design_review.criteria[i].text, "(5.3.") ||
			    strstr(p->design_review.criteria[i].text, "(5.4."));
	assert_true(has_clause(p, "5.3.3") && has_clause(p, "5.4.4") && has_clause(p, "9.5"));
	sg_policy_free(p);
}

static void test_packs__slc_1_2_leaves_out_design_clauses(void **state)
{
	struct sg_policy *p = load_pack("iec81001-5-1-slc-1-2");
	static const char *const in[] = { "5.1", "5.2", "5.7.1", "5.7.2", "5.7.4",
		"5.8", "4.1.1", "4.1.5", "4.1.7", "4.2", "6", "7", "8", "9", NULL };
	size_t i;

	(void)state;
	for (i = 0; in[i]; i++)
		if (!has_clause(p, in[i]))
			fail_msg("slc-1-2 lacks %s", in[i]);
	for (i = 0; i < p->clauses.nr; i++)
		assert_false(sg_clause_within(p->clauses.items[i], strlen(p->clauses.items[i]), "5.3") ||
			     sg_clause_within(p->clauses.items[i], strlen(p->clauses.items[i]), "5.4"));
	assert_false(has_clause(p, "4.1.6"));
	assert_false(p->design_review.present);
	sg_policy_free(p);
}

static void test_packs__fda_lists_the_ten_documents(void **state)
{
	struct sg_policy *p = load_pack("fda-premarket-minimum");
	static const char *const ids[] = { "threat-model", "risk-management-plan",
		"risk-assessment", "security-requirements", "security-test-report",
		"pen-test-report", "sbom", "ifu-security-warnings",
		"secure-operations-guide", "soup-surveillance-plan", NULL };
	size_t i;

	(void)state;
	assert_int_equal(p->release.deliverables_nr, 10);
	for (i = 0; ids[i]; i++)
		if (!deliverable(p, ids[i]))
			fail_msg("fda pack lacks %s", ids[i]);
	assert_true(deliverable(p, "threat-model")->must_update);
	assert_true(p->sbom.ntia);
	sg_policy_free(p);
}

static void test_packs__transitional_asks_for_annex_f_documents(void **state)
{
	struct sg_policy *p = load_pack("iec81001-5-1-transitional");
	const struct sg_deliverable *tests;

	(void)state;
	assert_non_null(deliverable(p, "data-flow-diagram"));
	assert_non_null(deliverable(p, "threat-model"));
	assert_non_null(deliverable(p, "compliance-plan"));
	tests = deliverable(p, "security-test-report");
	assert_non_null(tests);
	assert_true(sg_strlist_contains(&tests->clauses, "5.7.1") &&
		    sg_strlist_contains(&tests->clauses, "5.7.5"));
	assert_true(has_clause(p, "F.3") && has_clause(p, "5.7"));
	assert_false(has_clause(p, "5.3") || has_clause(p, "5.1"));
	assert_false(p->design_review.present);
	sg_policy_free(p);
}

/* The repository's file wins key by key; lists are replaced. */
static void test_packs__repository_overrides_merge(void **state)
{
	static const char text[] =
		"version: 1\nextends: fda-premarket-minimum\n"
		"release:\n  tag_pattern: 'rel-*'\n"
		"requirements:\n  registry: [docs/srs.md]\n"
		"rules:\n  risk-co-change: warning\n";
	struct sg_policy *p = NULL;

	(void)state;
	assert_int_equal(sg_policy_parse(&p, "x", text, strlen(text), NULL, NULL), 0);
	assert_string_equal(p->release.tag_pattern, "rel-*");
	assert_int_equal(p->release.deliverables_nr, 10);
	assert_int_equal(p->requirements.registry.nr, 1);
	assert_string_equal(p->requirements.registry.items[0], "docs/srs.md");
	assert_string_equal(p->requirements.reference_trailer, "Security-Requirement");
	assert_int_equal(sg_policy_override(p, "risk-co-change"), SG_SEV_WARNING);
	assert_int_equal(sg_policy_override(p, "release-trace"), SG_SEV_ERROR);
	sg_policy_free(p);
}

/* The starter policy of init parses for every pack and names skeletons. */
static void test_packs__init_skeleton_for_each_pack(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; expected[i]; i++) {
		struct sg_skeleton sk = SG_SKELETON_INIT;
		struct sg_policy *p = NULL;
		char *text = sg_skeleton_policy(expected[i], "Pump 'X'");
		int found_registry = 0;

		if (sg_policy_parse(&p, ".sdlgate.yml", text, strlen(text), NULL, NULL) < 0)
			fail_msg("%s: %s", expected[i], sg_error_message());
		assert_string_equal(p->extends, expected[i]);
		assert_int_equal(sg_skeleton_files(&sk, p, "2026-11-27"), 0);
		assert_true(sk.nr >= 5);
		for (j = 0; j < sk.nr; j++) {
			assert_true(sk.items[j].path[0] != '/');
			found_registry |= !strcmp(sk.items[j].path, "docs/security/requirements.yml");
		}
		assert_true(found_registry);
		sg_skeleton_release(&sk);
		sg_policy_free(p);
		free(text);
	}
}

static void test_packs__skeleton_refuses_paths_outside(void **state)
{
	static const char text[] = "version: 1\nrisk:\n  files: [../outside.yml]\n";
	struct sg_skeleton sk = SG_SKELETON_INIT;
	struct sg_policy *p = NULL;

	(void)state;
	assert_int_equal(sg_policy_parse(&p, "x", text, strlen(text), NULL, NULL), 0);
	assert_int_equal(sg_skeleton_files(&sk, p, "2026-11-27"), -1);
	assert_non_null(strstr(sg_error_message(), "leaves the repository"));
	sg_error_clear();
	sg_skeleton_release(&sk);
	sg_policy_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_packs__the_four_packs_are_built_in),
		cmocka_unit_test(test_packs__each_pack_loads_with_known_clauses),
		cmocka_unit_test(test_packs__full_has_design_review_from_5_3_and_5_4),
		cmocka_unit_test(test_packs__slc_1_2_leaves_out_design_clauses),
		cmocka_unit_test(test_packs__fda_lists_the_ten_documents),
		cmocka_unit_test(test_packs__transitional_asks_for_annex_f_documents),
		cmocka_unit_test(test_packs__repository_overrides_merge),
		cmocka_unit_test(test_packs__init_skeleton_for_each_pack),
		cmocka_unit_test(test_packs__skeleton_refuses_paths_outside),
	};

	return cmocka_run_group_tests_name("packs", tests, NULL, NULL);
}
