#include "helpers.h"
#include "report/xml.h"
#include "util/buf.h"

#include <string.h>

static const struct {
	const char *in;
	const char *attr;           /* sg_xml_escape */
	const char *text;           /* sg_xml_escape_text */
} cases[] = {
	{ "plain", "plain", "plain" },
	{ "a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&apos;f", "a&amp;b&lt;c&gt;d&quot;e&apos;f" },
	{ "tab\there\nnew\rcr", "tab&#9;here&#10;new&#13;cr", "tab\there\nnew&#13;cr" },
	{ "bell\x07 nul-less \x1f", "bell\xef\xbf\xbd nul-less \xef\xbf\xbd",
	  "bell\xef\xbf\xbd nul-less \xef\xbf\xbd" },
	{ "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x92", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x92",
	  "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x92" },
	/* a lone byte, an overlong '/', a surrogate, a truncated sequence */
	{ "\xff", "\xef\xbf\xbd", "\xef\xbf\xbd" },
	{ "\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd", "\xef\xbf\xbd\xef\xbf\xbd" },
	{ "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
	  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
	{ "\xe2\x82", "\xef\xbf\xbd\xef\xbf\xbd", "\xef\xbf\xbd\xef\xbf\xbd" },
	/* U+FFFE is not an XML character */
	{ "\xef\xbf\xbe", "\xef\xbf\xbd", "\xef\xbf\xbd" },
};

static void test_report_xml__escape_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sg_buf a = SG_BUF_INIT, t = SG_BUF_INIT;

		sg_xml_escape(&a, cases[i].in);
		sg_xml_escape_text(&t, cases[i].in);
		if (strcmp(a.ptr, cases[i].attr) || strcmp(t.ptr, cases[i].text))
			fail_msg("case %zu: attr '%s' text '%s'", i, a.ptr, t.ptr);
		sg_buf_release(&a);
		sg_buf_release(&t);
	}
}

static void test_report_xml__utf8_add_keeps_valid_text(void **state)
{
	struct sg_buf b = SG_BUF_INIT;

	(void)state;
	sg_utf8_add(&b, "ok \xc3\xa9 \xff end");
	assert_string_equal(b.ptr, "ok \xc3\xa9 \xef\xbf\xbd end");
	sg_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_xml__escape_table),
		cmocka_unit_test(test_report_xml__utf8_add_keeps_valid_text),
	};

	return cmocka_run_group_tests_name("report_xml", tests, NULL, NULL);
}
