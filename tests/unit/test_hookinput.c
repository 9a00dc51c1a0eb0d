#include "helpers.h"
#include "git/hookinput.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

#define A "1111111111111111111111111111111111111111"
#define B "abcdef0123456789abcdef0123456789abcdef01"
#define Z "0000000000000000000000000000000000000000"

/* Lines git writes to the hooks, and what sdlgate reads from them. */
static const struct {
	const char *name;
	const char *input;
	size_t nr;
	const char *ref;        /* of the last update */
	const char *local_ref;
	const char *old_oid;
	const char *new_oid;
	unsigned line;
} pushes[] = {
	{ "empty input", "", 0, NULL, NULL, NULL, NULL, 0 },
	{ "one branch", "refs/heads/main " B " refs/heads/main " A "\n", 1,
	  "refs/heads/main", "refs/heads/main", A, B, 1 },
	{ "a new branch", "refs/heads/x " B " refs/heads/x " Z "\n", 1,
	  "refs/heads/x", "refs/heads/x", Z, B, 1 },
	{ "a deletion", "(delete) " Z " refs/heads/x " A "\n", 1,
	  "refs/heads/x", "(delete)", A, Z, 1 },
	{ "a source with a space", "HEAD@{1 day ago} " B " refs/heads/y " Z "\n", 1,
	  "refs/heads/y", "HEAD@{1 day ago}", Z, B, 1 },
	{ "no final newline, CRLF and blank lines",
	  "\nrefs/heads/a " A " refs/heads/a " Z "\r\n\nrefs/tags/v1 " B " refs/tags/v1 " Z, 2,
	  "refs/tags/v1", "refs/tags/v1", Z, B, 4 },
};

static const struct {
	const char *name;
	const char *input;
	const char *error;
} bad_pushes[] = {
	{ "too few fields", "refs/heads/main " A " refs/heads/main\n",
	  "pre-push input:1: expected '<local ref> <local oid> <remote ref> <remote oid>'" },
	{ "short oid", "refs/heads/main 1234 refs/heads/main " A "\n",
	  "pre-push input:1: the local object '1234' is not a full object name" },
	{ "upper-case oid", "refs/heads/main " A " refs/heads/main ABCDEF0123456789ABCDEF0123456789ABCDEF01\n",
	  "pre-push input:1: the remote object 'ABCDEF" },
	{ "second line bad", "refs/heads/main " A " refs/heads/main " B "\nx y\n",
	  "pre-push input:2: expected" },
	{ "control character", "refs/heads/\001 " A " refs/heads/main " B "\n",
	  "pre-push input:1: the local ref contains a control character" },
	{ "empty remote ref", "refs/heads/main " A "  " B "\n",
	  "pre-push input:1: the remote ref is empty" },
};

static const struct {
	const char *name;
	const char *input;
	const char *error;   /* NULL: parses */
	size_t len;          /* 0: strlen(input) */
} receives[] = {
	{ "an update", A " " B " refs/heads/main\n", NULL, 0 },
	{ "a new ref and a deletion", Z " " B " refs/heads/x\n" A " " Z " refs/heads/y\n", NULL, 0 },
	{ "a ref with a space", A " " B " refs/heads/a b\n",
	  "pre-receive input:1: expected '<old oid> <new oid> <ref>'", 0 },
	{ "two fields", A " " B "\n", "pre-receive input:1: expected", 0 },
	{ "bad old oid", "xyz " B " refs/heads/main\n",
	  "pre-receive input:1: the old object 'xyz' is not a full object name", 0 },
	{ "bad new oid", A " " A "0 refs/heads/main\n",
	  "pre-receive input:1: the new object", 0 },
	{ "NUL byte", A " " B " refs/heads/m\0ain\n", "pre-receive input:1: the line contains a NUL byte",
	  sizeof(A " " B " refs/heads/m\0ain\n") - 1 },
};

static void test_hookinput__reads_pre_push_lines(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < SG_ARRAY_SIZE(pushes); i++) {
		struct sg_ref_updates u = SG_REF_UPDATES_INIT;
		const struct sg_ref_update *last;

		if (sg_hookinput_parse_push(&u, "pre-push input", pushes[i].input,
					    strlen(pushes[i].input)) < 0)
			fail_msg("%s: %s", pushes[i].name, sg_error_message());
		assert_int_equal(u.nr, pushes[i].nr);
		if (u.nr) {
			last = &u.items[u.nr - 1];
			assert_string_equal(last->ref, pushes[i].ref);
			assert_string_equal(last->local_ref, pushes[i].local_ref);
			assert_string_equal(last->old_oid, pushes[i].old_oid);
			assert_string_equal(last->new_oid, pushes[i].new_oid);
			assert_int_equal(last->line, pushes[i].line);
		}
		sg_ref_updates_release(&u);
	}
}

static void test_hookinput__refuses_bad_pre_push_lines(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < SG_ARRAY_SIZE(bad_pushes); i++) {
		struct sg_ref_updates u = SG_REF_UPDATES_INIT;

		sg_error_clear();
		assert_int_equal(sg_hookinput_parse_push(&u, "pre-push input",
							 bad_pushes[i].input,
							 strlen(bad_pushes[i].input)), -1);
		if (!strstr(sg_error_message(), bad_pushes[i].error))
			fail_msg("%s: got '%s'", bad_pushes[i].name, sg_error_message());
		assert_non_null(sg_error_hint_text());
		assert_int_equal(sg_error_kind(), SG_ERROR_INPUT);
		sg_ref_updates_release(&u);
	}
}

static void test_hookinput__reads_pre_receive_lines(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < SG_ARRAY_SIZE(receives); i++) {
		struct sg_ref_updates u = SG_REF_UPDATES_INIT;
		size_t len = receives[i].len ? receives[i].len : strlen(receives[i].input);
		int rc;

		sg_error_clear();
		rc = sg_hookinput_parse_receive(&u, "pre-receive input",
						receives[i].input, len);
		if (!receives[i].error) {
			if (rc < 0)
				fail_msg("%s: %s", receives[i].name, sg_error_message());
			assert_true(u.nr > 0);
			assert_string_equal(u.items[0].new_oid, B);
			assert_null(u.items[0].local_ref);
		} else {
			assert_int_equal(rc, -1);
			if (!strstr(sg_error_message(), receives[i].error))
				fail_msg("%s: got '%s'", receives[i].name, sg_error_message());
		}
		sg_ref_updates_release(&u);
	}
}

static void test_hookinput__bounds_the_input(void **state)
{
	struct sg_ref_updates u = SG_REF_UPDATES_INIT;
	struct sg_buf big = SG_BUF_INIT;
	char *huge;
	size_t i;

	(void)state;
	/* an overlong line */
	sg_buf_adds(&big, A " " B " refs/heads/");
	for (i = 0; i < SG_HOOKINPUT_MAX_LINE; i++)
		sg_buf_addch(&big, 'x');
	sg_buf_addch(&big, '\n');
	assert_int_equal(sg_hookinput_parse_receive(&u, "pre-receive input", big.ptr, big.len), -1);
	assert_non_null(strstr(sg_error_message(), "pre-receive input:1: the line is longer than"));
	sg_ref_updates_release(&u);

	/* too many lines */
	sg_buf_reset(&big);
	for (i = 0; i <= SG_HOOKINPUT_MAX_LINES; i++)
		sg_buf_adds(&big, "\n");
	assert_int_equal(sg_hookinput_parse_receive(&u, "pre-receive input", big.ptr, big.len), -1);
	assert_non_null(strstr(sg_error_message(), "more than"));
	sg_ref_updates_release(&u);

	/* too large as a whole */
	sg_buf_release(&big);
	huge = sg_xcalloc((size_t)SG_HOOKINPUT_MAX_SIZE + 1, 1);
	assert_int_equal(sg_hookinput_parse_receive(&u, "pre-receive input", huge,
						    (size_t)SG_HOOKINPUT_MAX_SIZE + 1), -1);
	assert_non_null(strstr(sg_error_message(), "larger than the limit"));
	sg_ref_updates_release(&u);
	free(huge);
}

static void test_hookinput__zero_oid(void **state)
{
	(void)state;
	assert_true(sg_oid_is_zero(Z));
	assert_false(sg_oid_is_zero(A));
	assert_false(sg_oid_is_zero("0000"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hookinput__reads_pre_push_lines),
		cmocka_unit_test(test_hookinput__refuses_bad_pre_push_lines),
		cmocka_unit_test(test_hookinput__reads_pre_receive_lines),
		cmocka_unit_test(test_hookinput__bounds_the_input),
		cmocka_unit_test(test_hookinput__zero_oid),
	};

	return cmocka_run_group_tests_name("hookinput", tests, NULL, NULL);
}
