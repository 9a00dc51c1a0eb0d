#include "helpers.h"
#include "report_fixture.h"

#include <stdlib.h>
#include <string.h>

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (; (hay = strstr(hay, needle)); hay++)
		n++;
	return n;
}

/* The <testsuite ...> element of `rule`, up to its end. */
static char *suite_of(const char *doc, const char *rule)
{
	char open[128];
	const char *start, *end;

	snprintf(open, sizeof(open), "<testsuite name=\"%s\"", rule);
	start = strstr(doc, open);
	assert_non_null(start);
	end = strstr(start, "</testsuite>");
	assert_non_null(end);
	return sg_xstrndup(start, (size_t)(end - start));
}

static void test_report_junit__one_case_per_change_and_rule(void **state)
{
	struct sg_report r;
	struct sg_buf out = SG_BUF_INIT;
	char *suite;

	(void)state;
	fx_report(&r);
	fx_render(&out, &r, "junit");

	/* requirement-reference: 3 listed changes + the change set + the unlisted change */
	suite = suite_of(out.ptr, "requirement-reference");
	assert_non_null(strstr(suite, "tests=\"5\" failures=\"3\""));
	assert_int_equal(count(suite, "<testcase "), 5);
	/* the passing (waived) change is a case too, with the waiver in system-out */
	assert_non_null(strstr(suite, "name=\"3333333 Docs only\""));
	assert_non_null(strstr(suite, "waived (approved by the CISO)"));
	assert_non_null(strstr(suite, "name=\"(change set)\""));
	assert_non_null(strstr(suite, "name=\"eeeeeee Unlisted\""));
	/* two findings on one change: one failure that counts them */
	assert_non_null(strstr(suite, "message=\"3 findings: the change cites no secure requirement"));
	assert_non_null(strstr(suite, "hint: add &apos;Security-Requirement: &lt;ID&gt;&apos;"));
	free(suite);

	/* a warning does not fail its case */
	suite = suite_of(out.ptr, "requirement-known");
	assert_non_null(strstr(suite, "tests=\"3\" failures=\"0\""));
	assert_non_null(strstr(suite, "warning: SR-999"));
	assert_non_null(strstr(suite, "line: 12"));
	free(suite);

	/* not evaluated is skipped, never a pass; off is an empty suite that says why */
	suite = suite_of(out.ptr, "design-review");
	assert_non_null(strstr(suite, "skipped=\"1\""));
	assert_non_null(strstr(suite, "<skipped message=\"not built &lt;yet&gt; &amp; &apos;soon&apos;\"/>"));
	free(suite);
	suite = suite_of(out.ptr, "sbom-co-change");
	assert_non_null(strstr(suite, "tests=\"0\""));
	assert_non_null(strstr(suite, "value=\"off\""));
	free(suite);

	assert_non_null(strstr(out.ptr, "<testsuites name=\"sdlgate mr\" tests=\"9\" failures=\"3\" errors=\"0\" skipped=\"1\">"));
	/* malformed bytes and control characters never reach the XML */
	assert_null(strstr(out.ptr, "\xff"));
	assert_null(strstr(out.ptr, "\x01"));
	sg_buf_release(&out);
	sg_report_release(&r);
}

static void test_report_junit__well_formed_for_xmllint(void **state)
{
	struct sg_report r;
	struct sg_buf out = SG_BUF_INIT, cmd = SG_BUF_INIT;
	char *path;
	int rc;

	(void)state;
	if (system("command -v xmllint >/dev/null 2>&1") != 0)
		skip();
	fx_report(&r);
	fx_render(&out, &r, "junit");
	path = fx_tempfile(out.ptr, out.len, ".xml");
	assert_non_null(path);
	sg_buf_addf(&cmd, "xmllint --noout '%s'", path ? path : "");
	rc = system(cmd.ptr);
	unlink(path);
	free(path);
	assert_int_equal(rc, 0);
	sg_buf_release(&cmd);
	sg_buf_release(&out);
	sg_report_release(&r);
}

static void test_report_junit__staged_change_and_empty_report(void **state)
{
	struct sg_report r;
	struct sg_buf out = SG_BUF_INIT;
	struct sg_finding *f;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.mode = "staged";
	r.rules_nr = 1;
	r.rules = sg_xcalloc(1, sizeof(*r.rules));
	fx_rule(&r.rules[0], "requirement-reference", "t", SG_RULE_PASS, NULL, "8");
	sg_report_add_change(&r, NULL, "(staged change)", 0);
	f = fx_finding(&r, "requirement-reference", NULL, 0, "(staged change)", "no citation");
	(void)f;
	sg_report_finish(&r);
	fx_render(&out, &r, "junit");
	/* the staged change's finding lands on the staged change's case */
	assert_int_equal(count(out.ptr, "<testcase "), 1);
	assert_non_null(strstr(out.ptr, "name=\"(staged change)\">"));
	assert_non_null(strstr(out.ptr, "<failure"));
	sg_buf_release(&out);
	sg_report_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_junit__one_case_per_change_and_rule),
		cmocka_unit_test(test_report_junit__well_formed_for_xmllint),
		cmocka_unit_test(test_report_junit__staged_change_and_empty_report),
	};

	return cmocka_run_group_tests_name("report_junit", tests, NULL, NULL);
}
