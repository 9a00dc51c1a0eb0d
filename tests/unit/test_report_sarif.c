#include "helpers.h"
#include "report_fixture.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static cJSON *render(struct sg_report *r)
{
	struct sg_buf out = SG_BUF_INIT;
	cJSON *doc;

	fx_render(&out, r, "sarif");
	doc = cJSON_Parse(out.ptr);
	assert_non_null(doc);
	sg_buf_release(&out);
	return doc;
}

static const char *str_at(const cJSON *o, const char *a, const char *b)
{
	const cJSON *x = cJSON_GetObjectItemCaseSensitive(o, a);

	if (b)
		x = cJSON_GetObjectItemCaseSensitive(x, b);
	assert_true(cJSON_IsString(x));
	return x->valuestring;
}

static void test_report_sarif__results_and_rules(void **state)
{
	struct sg_report r;
	cJSON *doc, *run, *results, *res, *rules, *loc;
	size_t i;

	(void)state;
	fx_report(&r);
	doc = render(&r);
	assert_string_equal(str_at(doc, "version", NULL), "2.1.0");
	run = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "runs"), 0);
	rules = cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetObjectItem(run, "tool"), "driver"), "rules");
	assert_int_equal(cJSON_GetArraySize(rules), 4);
	assert_string_equal(str_at(cJSON_GetArrayItem(rules, 0), "id", NULL), "requirement-reference");
	assert_non_null(strstr(str_at(cJSON_GetArrayItem(rules, 0), "help", "text"),
			       "IEC 81001-5-1 clauses: 5.1.1, 5.2.1, 8"));
	assert_string_equal(str_at(cJSON_GetArrayItem(rules, 0), "shortDescription", "text"),
			    "Every change cites a requirement");

	results = cJSON_GetObjectItem(run, "results");
	assert_int_equal(cJSON_GetArraySize(results), (int)r.findings.nr);
	for (i = 0; i < r.findings.nr; i++) {
		const struct sg_finding *f = &r.findings.items[i];

		res = cJSON_GetArrayItem(results, (int)i);
		assert_string_equal(str_at(res, "ruleId", NULL), f->rule);
		assert_string_equal(str_at(res, "level", NULL),
				    f->severity == SG_SEV_ERROR ? "error" : "warning");
		/* the message names the change and carries no malformed byte */
		assert_non_null(strstr(str_at(res, "message", "text"), f->commit ? "'" : ""));
		assert_null(strstr(str_at(res, "message", "text"), "\xc0"));
		if (f->commit)
			assert_string_equal(str_at(res, "properties", "commit"), f->commit);
		loc = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(res, "locations"), 0),
					  "physicalLocation");
		assert_non_null(loc);
		assert_true(cJSON_GetObjectItem(cJSON_GetObjectItem(loc, "region"), "startLine")->valueint >= 1);
		/* waived findings are suppressed, so a dashboard does not raise them */
		assert_int_equal(cJSON_GetObjectItem(res, "suppressions") != NULL, f->waived);
	}
	/* the first path, percent-encoded; the line where there is one */
	res = cJSON_GetArrayItem(results, 0);
	loc = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(res, "locations"), 0), "physicalLocation");
	assert_string_equal(str_at(loc, "artifactLocation", "uri"), "src/a%7Cb.c");
	for (i = 0; i < r.findings.nr; i++) {
		res = cJSON_GetArrayItem(results, (int)i);
		loc = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(res, "locations"), 0), "physicalLocation");
		if (r.findings.items[i].line)
			assert_int_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(loc, "region"), "startLine")->valueint, 12);
		if (!r.findings.items[i].paths.nr)
			assert_string_equal(str_at(loc, "artifactLocation", "uri"), ".sdlgate.yml");
	}
	/* partialFingerprints: unique, even for the two equal findings */
	for (i = 0; i < r.findings.nr; i++) {
		size_t j;
		const char *a = str_at(cJSON_GetArrayItem(results, (int)i), "partialFingerprints",
				       "sdlgateFinding/v1");

		for (j = i + 1; j < r.findings.nr; j++)
			assert_string_not_equal(a, str_at(cJSON_GetArrayItem(results, (int)j),
							  "partialFingerprints", "sdlgateFinding/v1"));
	}
	cJSON_Delete(doc);
	sg_report_release(&r);
}

/* The schema of the SARIF standard, checked by Debian's python3-jsonschema. */
static void test_report_sarif__valid_against_the_schema(void **state)
{
	struct sg_report r;
	struct sg_buf out = SG_BUF_INIT, cmd = SG_BUF_INIT;
	const char *data = sg_test_shared_data();
	char *path;
	int rc;

	(void)state;
	if (!data || system("python3 -c 'import jsonschema' >/dev/null 2>&1") != 0)
		skip();
	fx_report(&r);
	fx_render(&out, &r, "sarif");
	path = fx_tempfile(out.ptr, out.len, ".sarif");
	assert_non_null(path);
	sg_buf_addf(&cmd, "python3 -c 'import json,sys,jsonschema; "
		    "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' "
		    "'%s/sarif/sarif-schema-2.1.0.json' '%s'", data, path ? path : "");
	rc = system(cmd.ptr);
	unlink(path);
	free(path);
	assert_int_equal(rc, 0);
	sg_buf_release(&cmd);
	sg_buf_release(&out);
	sg_report_release(&r);
}

static void test_report_sarif__same_report_same_bytes(void **state)
{
	struct sg_report r;
	struct sg_buf a = SG_BUF_INIT, b = SG_BUF_INIT;

	(void)state;
	fx_report(&r);
	fx_render(&a, &r, "sarif");
	fx_render(&b, &r, "sarif");
	assert_string_equal(a.ptr, b.ptr);
	sg_buf_release(&a);
	sg_buf_release(&b);
	sg_report_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_sarif__results_and_rules),
		cmocka_unit_test(test_report_sarif__valid_against_the_schema),
		cmocka_unit_test(test_report_sarif__same_report_same_bytes),
	};

	return cmocka_run_group_tests_name("report_sarif", tests, NULL, NULL);
}
