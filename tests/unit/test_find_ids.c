/*
 * sg_policy_find_ids: requirement IDs in commit messages and test files,
 * searched line by line and, in long lines, in overlapping windows.
 */
#include "helpers.h"
#include "policy/policy.h"
#include "util/error.h"

#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct sg_policy *with_pattern(const char *pattern)
{
	struct sg_policy *p = NULL;
	char yaml[256];

	snprintf(yaml, sizeof(yaml), "version: 1\nrequirements: {id_pattern: '%s'}\n", pattern);
	if (sg_policy_parse(&p, ".sdlgate.yml", yaml, strlen(yaml), NULL, NULL) < 0)
		fail_msg("expected a valid policy, got: %s", sg_error_message());
	return p;
}

/* The plain search: regexec over the whole text, match after match. */
static void whole_text_ids(struct sg_strlist *out, const char *pattern, const char *text)
{
	regex_t re;
	regmatch_t m;
	const char *p = text;
	char *id;

	assert_int_equal(regcomp(&re, pattern, REG_EXTENDED), 0);
	while (*p && regexec(&re, p, 1, &m, p == text ? 0 : REG_NOTBOL) == 0) {
		/* empty, or touching a letter or digit: not an ID */
		if (m.rm_eo <= m.rm_so ||
		    (p + m.rm_so > text && isalnum((unsigned char)p[m.rm_so - 1])) ||
		    isalnum((unsigned char)p[m.rm_eo])) {
			p += m.rm_so + 1;
			continue;
		}
		id = strndup(p + m.rm_so, (size_t)(m.rm_eo - m.rm_so));
		sg_strlist_add_unique(out, id);
		free(id);
		p += m.rm_eo;
	}
	regfree(&re);
}

/*
 * One 40 KB line with IDs of growing length at every distance from the
 * window edges: the windows find exactly what the plain search finds, in
 * the same order.
 */
static void test_find_ids__long_line_matches_the_whole_text_search(void **state)
{
	struct sg_policy *p = with_pattern("SR-[0-9]+(\\.[0-9]+)?");
	struct sg_strlist got = SG_STRLIST_INIT, want = SG_STRLIST_INIT;
	size_t size = 40000, len = 0, i = 0;
	char *text = malloc(size + 64);

	(void)state;
	assert_non_null(text);
	while (len < size) {
		/* filler of 0..12 bytes (touching the ID, every third), then an ID */
		len += (size_t)sprintf(text + len, "%.*s%s", (int)(i % 13), "xxxxxxxxxxxxx",
				       i % 3 == 1 ? "" : " ");
		len += (size_t)sprintf(text + len, "SR-%zu%s ", i * 7919 % 100000,
				       i % 3 ? "" : ".42");
		i++;
	}
	whole_text_ids(&want, "SR-[0-9]+(\\.[0-9]+)?", text);
	sg_policy_find_ids(&got, p, text);
	assert_true(want.nr > 1000);
	assert_int_equal(got.nr, want.nr);
	for (i = 0; i < want.nr; i++)
		assert_string_equal(got.items[i], want.items[i]);
	sg_strlist_release(&got);
	sg_strlist_release(&want);
	free(text);
	sg_policy_free(p);
}

static void test_find_ids__an_id_stands_on_its_own(void **state)
{
	struct sg_policy *p = with_pattern("SR-[0-9]+");
	struct sg_strlist ids = SG_STRLIST_INIT;

	(void)state;
	sg_policy_find_ids(&ids, p, "XSR-001 SR-002a SR-0033 (SR-004), SR-005_login_test.py 9SR-006 SR-007");
	assert_int_equal(ids.nr, 4);
	assert_string_equal(ids.items[0], "SR-0033");
	assert_string_equal(ids.items[1], "SR-004");
	assert_string_equal(ids.items[2], "SR-005");
	assert_string_equal(ids.items[3], "SR-007");
	sg_strlist_release(&ids);
	sg_policy_free(p);
}

static void test_find_ids__anchors_hold_at_each_line(void **state)
{
	struct sg_policy *p = with_pattern("^SR-[0-9]+$");
	struct sg_strlist ids = SG_STRLIST_INIT;

	(void)state;
	sg_policy_find_ids(&ids, p, "SR-1\nsee SR-2\nSR-3\nSR-4 and more\n\nSR-5");
	assert_int_equal(ids.nr, 3);
	assert_string_equal(ids.items[0], "SR-1");
	assert_string_equal(ids.items[1], "SR-3");
	assert_string_equal(ids.items[2], "SR-5");
	sg_strlist_release(&ids);
	sg_policy_free(p);
}

/*
 * Whoever pushes writes the message: 256 KB of 'S' made glibc's regexec
 * read to the end from every start (minutes for this one message). The
 * windows bound that; the ID after the run is still found.
 */
static void test_find_ids__hostile_message_still_gets_an_answer(void **state)
{
	struct sg_policy *p = with_pattern("[A-Z]+-[0-9]+");
	struct sg_strlist ids = SG_STRLIST_INIT;
	size_t run = 256 * 1024;
	char *text = malloc(run + 32);

	(void)state;
	assert_non_null(text);
	memset(text, 'S', run);
	strcpy(text + run, " SR-1\nREQ-22");
	sg_policy_find_ids(&ids, p, text);
	assert_int_equal(ids.nr, 2);
	assert_string_equal(ids.items[0], "SR-1");
	assert_string_equal(ids.items[1], "REQ-22");
	sg_strlist_release(&ids);
	free(text);
	sg_policy_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_ids__long_line_matches_the_whole_text_search),
		cmocka_unit_test(test_find_ids__an_id_stands_on_its_own),
		cmocka_unit_test(test_find_ids__anchors_hold_at_each_line),
		cmocka_unit_test(test_find_ids__hostile_message_still_gets_an_answer),
	};

	return cmocka_run_group_tests_name("find_ids", tests, NULL, NULL);
}
