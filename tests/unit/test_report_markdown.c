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

static void test_report_markdown__summary_table_and_fixes(void **state)
{
	struct sg_report r;
	struct sg_buf out = SG_BUF_INIT;

	(void)state;
	fx_report(&r);
	fx_render(&out, &r, "markdown");
	assert_true(!strncmp(out.ptr, "### sdlgate mr: FAIL\n", 21));
	assert_non_null(strstr(out.ptr, "**5 error(s), 1 warning(s), 1 waived** in 3 change(s)"));
	assert_non_null(strstr(out.ptr, "| commit | rule | severity | paths | message |"));
	/* one row per finding, markup escaped: '|' never splits a cell */
	assert_int_equal(count(out.ptr, "\n| `") + count(out.ptr, "\n| (change set)"),
			 r.findings.nr);
	assert_non_null(strstr(out.ptr, "`src/a\\|b.c`"));
	assert_non_null(strstr(out.ptr, "requirement \\| \\<b\\>bold\\</b\\> \\& \\`code\\` second line"));
	assert_null(strstr(out.ptr, "\xff"));
	/* how to fix each kind present, not the others */
	assert_non_null(strstr(out.ptr, "#### How to fix"));
	assert_non_null(strstr(out.ptr, "**`requirement-reference`** (5)"));
	assert_non_null(strstr(out.ptr, "**`requirement-known`** (1)"));
	assert_non_null(strstr(out.ptr, "- Fix: do the right thing."));
	assert_null(strstr(out.ptr, "**`sbom-co-change`**"));
	/* what was not evaluated is said */
	assert_non_null(strstr(out.ptr, "`design-review` was not evaluated"));
	sg_buf_release(&out);
	sg_report_release(&r);
}

static void test_report_markdown__cut_at_60000_characters(void **state)
{
	struct sg_report r;
	struct sg_buf out = SG_BUF_INIT, msg = SG_BUF_INIT;
	size_t i;

	(void)state;
	fx_report(&r);
	for (i = 0; i < 300; i++)
		sg_buf_adds(&msg, "long ");
	for (i = 0; i < 2000; i++) {
		struct sg_finding *f = fx_finding(&r, "requirement-reference", FX_C0, 0,
						  "x", msg.ptr);

		sg_strlist_add(&f->paths, "src/many.c");
	}
	sg_report_finish(&r);
	fx_render(&out, &r, "markdown");
	assert_true(out.len <= 60000);
	assert_non_null(strstr(out.ptr, "_The report is cut at 60000 characters:"));
	/* the summary and the fixes survive the cut */
	assert_non_null(strstr(out.ptr, "### sdlgate mr: FAIL"));
	assert_non_null(strstr(out.ptr, "#### How to fix"));
	sg_buf_release(&msg);
	sg_buf_release(&out);
	sg_report_release(&r);
}

static void test_report_markdown__a_pass(void **state)
{
	struct sg_report r;
	struct sg_buf out = SG_BUF_INIT;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.mode = "mr";
	r.commits = 2;
	fx_render(&out, &r, "markdown");
	assert_true(!strncmp(out.ptr, "### sdlgate mr: PASS\n", 21));
	assert_null(strstr(out.ptr, "| commit |"));
	assert_null(strstr(out.ptr, "How to fix"));
	sg_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_markdown__summary_table_and_fixes),
		cmocka_unit_test(test_report_markdown__cut_at_60000_characters),
		cmocka_unit_test(test_report_markdown__a_pass),
	};

	return cmocka_run_group_tests_name("report_markdown", tests, NULL, NULL);
}
