#include "helpers.h"
#include "model/requirements.h"
#include "util/alloc.h"
#include "util/error.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

static regex_t id_regex;

static int setup(void **state)
{
	(void)state;
	return regcomp(&id_regex, "SR-[0-9]+", REG_EXTENDED);
}

static int teardown(void **state)
{
	(void)state;
	regfree(&id_regex);
	return 0;
}

static struct sg_registry *parse(const char *path, const char *text)
{
	struct sg_registry *reg = sg_xcalloc(1, sizeof(*reg));

	if (sg_registry_parse(reg, path, path, text, strlen(text), &id_regex) < 0 ||
	    sg_registry_finish(reg) < 0)
		fail_msg("%s", sg_error_message());
	return reg;
}

static void test_requirements__yaml_registry_of_the_design(void **state)
{
	struct sg_registry *reg = parse("requirements.yml",
		"requirements:\n"
		"  - {id: SR-001, title: Authenticate every remote session, status: active}\n"
		"  - {id: SR-002, title: Old cipher suite, status: obsolete}\n");
	const struct sg_requirement *r;

	(void)state;
	assert_int_equal(reg->nr, 2);
	r = sg_registry_find(reg, "SR-002");
	assert_non_null(r);
	assert_string_equal(r->status, "obsolete");
	assert_string_equal(r->title, "Old cipher suite");
	assert_int_equal(r->line, 3);
	assert_null(sg_registry_find(reg, "SR-003"));
	sg_registry_free(reg);
}

static void test_requirements__markdown_headings_define_ids(void **state)
{
	struct sg_registry *reg = parse("srs.md",
		"# Security requirements\n"
		"\n"
		"## SR-003 Log every dose change\n"
		"Text mentioning SR-999 is not a definition.\n"
		"### SR-004: Rate-limit logins (draft)\n"
		"## SR-005 Old transport (obsolete)\n"
		"```\n"
		"## SR-006 inside a code fence\n"
		"```\n"
		"## SR-0071abc is not an id heading\n"
		"#### SR-008\n");

	(void)state;
	assert_int_equal(reg->nr, 4);
	assert_string_equal(sg_registry_find(reg, "SR-003")->status, "active");
	assert_string_equal(sg_registry_find(reg, "SR-003")->title, "Log every dose change");
	assert_int_equal(sg_registry_find(reg, "SR-003")->line, 3);
	assert_string_equal(sg_registry_find(reg, "SR-004")->status, "draft");
	assert_string_equal(sg_registry_find(reg, "SR-005")->status, "obsolete");
	assert_null(sg_registry_find(reg, "SR-006"));
	assert_null(sg_registry_find(reg, "SR-999"));
	assert_non_null(sg_registry_find(reg, "SR-008"));
	sg_registry_free(reg);
}

static const struct {
	const char *text;
	const char *expect;
} broken[] = {
	{ "requirements:\n  - {id: SR-1, title: x}\n", "reqs.yml:2:5: requirement 'SR-1' has no 'status'" },
	{ "requirements:\n  - {id: REQ-1, title: x, status: active}\n", "reqs.yml:2:10: requirement id 'REQ-1' does not match" },
	{ "requirements:\n  - {id: SR-1, titel: x, status: active}\n", "reqs.yml:2:16: unknown key 'titel'" },
	{ "requirements: {SR-1: x}\n", "'requirements' must be a list" },
	{ "requirements:\n  - {id: SR-1, status: active}\n  - {id: SR-1, status: draft}\n", "reqs.yml:3:5: requirement 'SR-1' is defined twice (also at reqs.yml:2:5)" },
	{ "requirements: [\n", "reqs.yml:2:1: invalid YAML" },
	{ "reqs:\n  - {id: SR-1}\n", "unknown key 'reqs'" },
};

static void test_requirements__broken_registries_name_file_line_column(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(broken) / sizeof(broken[0]); i++) {
		struct sg_registry *reg = sg_xcalloc(1, sizeof(*reg));
		int rc = sg_registry_parse(reg, "reqs.yml", "reqs.yml", broken[i].text,
					   strlen(broken[i].text), &id_regex);

		if (!rc)
			rc = sg_registry_finish(reg);
		sg_registry_free(reg);
		if (!rc)
			fail_msg("case %zu: expected an error", i);
		if (!strstr(sg_error_message(), broken[i].expect))
			fail_msg("case %zu: expected '%s' in '%s'", i, broken[i].expect,
				 sg_error_message());
		sg_error_clear();
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_requirements__yaml_registry_of_the_design),
		cmocka_unit_test(test_requirements__markdown_headings_define_ids),
		cmocka_unit_test(test_requirements__broken_registries_name_file_line_column),
	};

	return cmocka_run_group_tests_name("requirements", tests, setup, teardown);
}
