#include "helpers.h"
#include "report_fixture.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static void test_report_codequality__issues(void **state)
{
	static const char *const severities[] = { "blocker", "major", "minor", "info", "critical" };
	struct sg_report r;
	struct sg_buf out = SG_BUF_INIT;
	cJSON *doc, *issue;
	size_t i, j;

	(void)state;
	fx_report(&r);
	fx_render(&out, &r, "codequality");
	doc = cJSON_Parse(out.ptr);
	assert_non_null(doc);
	assert_true(cJSON_IsArray(doc));
	assert_int_equal(cJSON_GetArraySize(doc), (int)r.findings.nr);
	for (i = 0; i < r.findings.nr; i++) {
		const struct sg_finding *f = &r.findings.items[i];
		cJSON *loc, *sev;
		int known = 0;

		issue = cJSON_GetArrayItem(doc, (int)i);
		assert_string_equal(cJSON_GetObjectItem(issue, "check_name")->valuestring, f->rule);
		assert_non_null(strstr(cJSON_GetObjectItem(issue, "description")->valuestring,
				       f->rule));
		sev = cJSON_GetObjectItem(issue, "severity");
		for (j = 0; j < 5; j++)
			known |= !strcmp(sev->valuestring, severities[j]);
		assert_true(known);
		if (f->waived)
			assert_string_equal(sev->valuestring, "info");
		else if (f->severity == SG_SEV_ERROR)
			assert_string_equal(sev->valuestring, "blocker");
		else
			assert_string_equal(sev->valuestring, "minor");
		loc = cJSON_GetObjectItem(issue, "location");
		assert_string_equal(cJSON_GetObjectItem(loc, "path")->valuestring,
				    f->paths.nr ? f->paths.items[0] : ".sdlgate.yml");
		assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(loc, "lines"), "begin")->valueint,
				 f->line ? (int)f->line : 1);
		assert_int_equal(strlen(cJSON_GetObjectItem(issue, "fingerprint")->valuestring), 64);
	}
	/* unique, even for the two equal findings */
	for (i = 0; i < r.findings.nr; i++)
		for (j = i + 1; j < r.findings.nr; j++)
			assert_string_not_equal(
				cJSON_GetObjectItem(cJSON_GetArrayItem(doc, (int)i), "fingerprint")->valuestring,
				cJSON_GetObjectItem(cJSON_GetArrayItem(doc, (int)j), "fingerprint")->valuestring);
	cJSON_Delete(doc);
	sg_buf_release(&out);
	sg_report_release(&r);
}

/* A fingerprint depends on the finding, not on what else the report holds. */
static void test_report_codequality__fingerprints_are_stable(void **state)
{
	struct sg_report r;
	struct sg_buf a = SG_BUF_INIT, b = SG_BUF_INIT;
	cJSON *da, *db;
	const char *fa;

	(void)state;
	fx_report(&r);
	fx_render(&a, &r, "codequality");
	da = cJSON_Parse(a.ptr);
	/* drop the last finding: the others keep their fingerprints */
	sg_findings_release(&r.findings);
	sg_report_release(&r);
	fx_report(&r);
	r.findings.nr--;
	fx_render(&b, &r, "codequality");
	r.findings.nr++;
	db = cJSON_Parse(b.ptr);
	fa = cJSON_GetObjectItem(cJSON_GetArrayItem(da, 0), "fingerprint")->valuestring;
	assert_string_equal(fa, cJSON_GetObjectItem(cJSON_GetArrayItem(db, 0), "fingerprint")->valuestring);
	cJSON_Delete(da);
	cJSON_Delete(db);
	sg_buf_release(&a);
	sg_buf_release(&b);
	sg_report_release(&r);
}

static void test_report_codequality__empty_report_is_an_empty_array(void **state)
{
	struct sg_report r;
	struct sg_buf out = SG_BUF_INIT;

	(void)state;
	memset(&r, 0, sizeof(r));
	fx_render(&out, &r, "codequality");
	assert_string_equal(out.ptr, "[]\n");
	sg_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_codequality__issues),
		cmocka_unit_test(test_report_codequality__fingerprints_are_stable),
		cmocka_unit_test(test_report_codequality__empty_report_is_an_empty_array),
	};

	return cmocka_run_group_tests_name("report_codequality", tests, NULL, NULL);
}
