#include "helpers.h"
#include "model/risk.h"
#include "util/error.h"

#include <string.h>

/* Risk files that parse, and what they hold. */
static void test_risk__parses_the_design_example(void **state)
{
	static const char yaml[] =
		"risks:\n"
		"  - id: RSK-004\n"
		"    title: Spoofed remote session\n"
		"    controls: [SR-001, SR-003]\n"
		"    safety_risks: [HAZ-12]\n"
		"    status: mitigated\n"
		"  - {id: RSK-005, controls: SR-002, status: open, threat: STRIDE S, score: 7.5}\n"
		"  - {id: RSK-006, status: accepted, rationale: residual risk is low}\n";
	struct sg_risks risks = SG_RISKS_INIT;
	struct sg_strlist ctl = SG_STRLIST_INIT;

	(void)state;
	assert_int_equal(sg_risks_parse(&risks, "risk.yml", "risk/r.yml", yaml,
					strlen(yaml)), 0);
	assert_int_equal(risks.nr, 3);
	assert_string_equal(risks.items[0].id, "RSK-004");
	assert_string_equal(risks.items[0].title, "Spoofed remote session");
	assert_int_equal(risks.items[0].controls.nr, 2);
	assert_string_equal(risks.items[0].safety_risks.items[0], "HAZ-12");
	assert_int_equal(risks.items[0].status, SG_RISK_MITIGATED);
	assert_string_equal(risks.items[0].file, "risk/r.yml");
	assert_int_equal(risks.items[0].line, 2);
	assert_null(risks.items[1].title);
	assert_string_equal(risks.items[1].controls.items[0], "SR-002");
	assert_int_equal(risks.items[1].status, SG_RISK_OPEN);
	assert_int_equal(risks.items[2].status, SG_RISK_ACCEPTED);
	assert_int_equal(risks.items[2].controls.nr, 0);

	sg_risks_controlling(&ctl, &risks, "SR-001");
	assert_int_equal(ctl.nr, 1);
	assert_string_equal(ctl.items[0], "RSK-004");
	sg_strlist_release(&ctl);
	sg_risks_controlling(&ctl, &risks, "SR-009");
	assert_int_equal(ctl.nr, 0);
	sg_strlist_release(&ctl);
	sg_risks_release(&risks);
}

static void test_risk__empty_list_is_no_risks(void **state)
{
	static const char yaml[] = "risks: []\n";
	struct sg_risks risks = SG_RISKS_INIT;

	(void)state;
	assert_int_equal(sg_risks_parse(&risks, "r.yml", "r.yml", yaml, strlen(yaml)), 0);
	assert_int_equal(risks.nr, 0);
	sg_risks_release(&risks);
}

/* Risk files that do not parse: the error names file:line:column. */
static const struct {
	const char *yaml;
	const char *error;
} bad[] = {
	{ "", "r.yml: the risk file is empty" },
	{ "- id: RSK-1\n", "must be a mapping" },
	{ "risk:\n  - {id: RSK-1, status: open}\n", "r.yml:1:1: unknown key 'risk'" },
	{ "other: 1\n", "unknown key 'other'" },
	{ "risks:\n  - {id: RSK-1, status: fixed}\n", "r.yml:2:25: risk status must be open, mitigated or accepted, not 'fixed'" },
	{ "risks:\n  - {title: no id, status: open}\n", "r.yml:2:5: a risk has no 'id'" },
	{ "risks:\n  - {id: RSK-1}\n", "r.yml:2:5: risk 'RSK-1' has no 'status'" },
	{ "risks:\n  - {id: RSK-1, status: open, controls: {a: b}}\n", "r.yml:2:41: 'risks[].controls' must be a list" },
	{ "risks:\n  - {id: RSK-1, status: open, mitigation: x}\n", "unknown key 'mitigation'" },
	{ "risks:\n  - RSK-1\n", "r.yml:2:5:" },
	{ "risks: {a: 1}\n", "r.yml:1:8:" },
	{ "risks:\n  - {id: [RSK-1], status: open}\n", "r.yml:2:10:" },
	{ "risks: [\n", "r.yml:" },
};

static void test_risk__refuses_bad_files_with_a_position(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct sg_risks risks = SG_RISKS_INIT;
		int rc = sg_risks_parse(&risks, "r.yml", "r.yml", bad[i].yaml,
					strlen(bad[i].yaml));

		if (rc != -1 || !strstr(sg_error_message(), bad[i].error))
			fail_msg("case %zu: rc %d, error '%s', wanted '%s'", i, rc,
				 sg_error_message(), bad[i].error);
		assert_int_equal(sg_error_kind(), SG_ERROR_INPUT);
		sg_error_clear();
		sg_risks_release(&risks);
	}
}

static void test_risk__status_names(void **state)
{
	(void)state;
	assert_string_equal(sg_risk_status_name(SG_RISK_OPEN), "open");
	assert_string_equal(sg_risk_status_name(SG_RISK_MITIGATED), "mitigated");
	assert_string_equal(sg_risk_status_name(SG_RISK_ACCEPTED), "accepted");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_risk__parses_the_design_example),
		cmocka_unit_test(test_risk__empty_list_is_no_risks),
		cmocka_unit_test(test_risk__refuses_bad_files_with_a_position),
		cmocka_unit_test(test_risk__status_names),
	};

	return cmocka_run_group_tests_name("risk", tests, NULL, NULL);
}
