#include "helpers.h"
#include "git/trailers.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CUT "------------------------ >8 ------------------------"

/*
 * Messages whose trailers git itself decides: each one is written to a
 * file and read by `git interpret-trailers --parse`, and our parser must
 * print the same. comment_char 0 means git's default '#'.
 */
static const struct {
	const char *name;
	const char *message;
	char comment_char;
} messages[] = {
	{ "empty message", "", 0 },
	{ "subject only", "Add feature\n", 0 },
	{ "subject only without newline", "Add feature", 0 },
	{ "only a trailer: the first paragraph never counts",
	  "Signed-off-by: A U Thor <a@example.com>\n", 0 },
	{ "only trailers, two lines", "Fixes: 1\nRefs: 2\n", 0 },
	{ "a blank first line makes an empty title", "\nRefs: 1\n", 0 },
	{ "comment lines inside the title", "# note\nSubject\n\nRefs: 1\n", 0 },
	{ "one trailer", "Subject\n\nBody text.\n\n"
	  "Signed-off-by: A <a@x>\n", 0 },
	{ "several trailers", "S\n\nBody\n\nReviewed-by: B <b@x>\n"
	  "Requirement: REQ-12\nSigned-off-by: A <a@x>\n", 0 },
	{ "continuation lines with spaces", "S\n\nB\n\nNote: first\n"
	  "  second line\n   third\nAcked-by: C\n", 0 },
	{ "continuation line with a tab", "S\n\nB\n\nNote: first\n"
	  "\tsecond\n", 0 },
	{ "continuation after an empty value", "S\n\nB\n\nNote:\n"
	  "  later\n", 0 },
	{ "whitespace-only line inside the paragraph splits it",
	  "S\n\nB\n\nNote: a\n \n  b\n", 0 },
	{ "25%: one Signed-off-by among four lines", "S\n\nB\n\nprose one\n"
	  "prose two\nprose three\nSigned-off-by: A <a@x>\n", 0 },
	{ "25%: one Signed-off-by among five lines is too few", "S\n\nB\n\n"
	  "p1\np2\np3\np4\nSigned-off-by: A <a@x>\n", 0 },
	{ "no git-generated line: all lines must be trailers",
	  "S\n\nB\n\nprose\nRequirement: REQ-1\n", 0 },
	{ "lowercase signed-off-by is not git-generated",
	  "S\n\nB\n\nprose\nsigned-off-by: A <a@x>\n", 0 },
	{ "cherry picked from commit counts as git-generated",
	  "S\n\nB\n\n(cherry picked from commit 0123abc)\nsome prose\n"
	  "Refs: 1\n", 0 },
	{ "indented prose counts against the 25% rule", "S\n\nB\n\nprose\n"
	  "  indented\n  indented\n  indented\nSigned-off-by: A\n", 0 },
	{ "long paragraph with one trailer", "S\n\nThis is a long paragraph\n"
	  "that goes on for a while\nand explains the change\nin detail\n"
	  "Requirement: REQ-7\n", 0 },
	{ "long paragraph, sign-offs reach 25%", "S\n\nl1\nl2\nl3\nl4\nl5\nl6\n"
	  "Signed-off-by: A\nSigned-off-by: B\nRefs: 3\n", 0 },
	{ "divider with a space", "S\n\nB\n\nRefs: 1\n--- \nKey: after\n", 0 },
	{ "divider at end of line", "S\n\nB\n\nRefs: 1\n---\n"
	  " a/x | 2 +-\n", 0 },
	{ "four dashes are not a divider", "S\n\nB\n\nRefs: 1\n----\n", 0 },
	{ "divider without newline at the end is not one",
	  "S\n\nB\n\nRefs: 1\n---", 0 },
	{ "divider in the subject hides everything", "--- S\n\nRefs: 1\n", 0 },
	{ "comment line inside the block", "S\n\nB\n\nRefs: 1\n# note\n"
	  "Acked-by: X\n", 0 },
	{ "comment lines after the block", "S\n\nB\n\nRefs: 1\n\n"
	  "# Please enter the commit message\n#\n# On branch main\n", 0 },
	{ "CRLF line endings", "S\r\n\r\nB\r\n\r\nRefs: 1\r\n"
	  "Acked-by: X\r\n", 0 },
	{ "CRLF continuation keeps the CR", "S\r\n\r\nB\r\n\r\nNote: a\r\n"
	  "  b\r\n", 0 },
	{ "trailer block that is not the last paragraph",
	  "S\n\nRefs: 1\n\nA final prose paragraph.\n", 0 },
	{ "two trailer paragraphs: only the last counts",
	  "S\n\nA: 1\n\nB: 2\n", 0 },
	{ "spaces and tab before the colon", "S\n\nB\n\nRefs : 1\n"
	  "Bug\t: 2\n", 0 },
	{ "key:value without a space", "S\n\nB\n\nRefs:1\nAcked-by:X\n", 0 },
	{ "empty values", "S\n\nB\n\nRefs:\nAcked-by: \nX: y\n", 0 },
	{ "URL in a value", "S\n\nB\n\nSee: https://x.example/a?b=c\n", 0 },
	{ "bare URL line", "S\n\nB\n\nhttps://example.com/issue/1\n", 0 },
	{ "value with more colons", "S\n\nB\n\nTime: 12:30:00\n", 0 },
	{ "lowercase keys", "S\n\nB\n\nsigned-off-by: a\nrefs: 1\n", 0 },
	{ "key with a space inside", "S\n\nB\n\nReviewed by: a\n", 0 },
	{ "non-ASCII key", "S\n\nB\n\nR\xc3\xa9viseur: X\n", 0 },
	{ "indented trailer alone", "S\n\nB\n\n Refs: 1\n", 0 },
	{ "trailing blank lines", "S\n\nB\n\nRefs: 1\n\n\n\n", 0 },
	{ "trailing whitespace-only lines", "S\n\nB\n\nRefs: 1\n  \n\t\n", 0 },
	{ "scissors line", "S\n\nB\n\nRefs: 1\n# " CUT "\n"
	  "diff --git a/x b/x\nKey: v\n", 0 },
	{ "scissors line without newline is not one", "S\n\nB\n\nRefs: 1\n# "
	  CUT, 0 },
	{ "scissors at the start", "# " CUT "\nS\n\nRefs: 1\n", 0 },
	{ "Conflicts block", "S\n\nB\n\nSigned-off-by: A\n\nConflicts:\n"
	  "\tsrc/a.c\n\tsrc/b.c\n", 0 },
	{ "Conflicts block followed by prose", "S\n\nB\n\nSigned-off-by: A\n\n"
	  "Conflicts:\n\tsrc/a.c\nprose\n", 0 },
	{ "other comment char", "S\n\nB\n\nRefs: 1\n; note\n;\n", ';' },
	{ "other comment char inside the block", "S\n\nB\n\nRefs: 1\n; x\n"
	  "# not a comment\n", ';' },
	{ "other comment char with scissors", "S\n\nB\n\nRefs: 1\n; " CUT "\n"
	  "Key: v\n", ';' },
};

static char comment_char_of(size_t i)
{
	return messages[i].comment_char ? messages[i].comment_char : '#';
}

static char tmpdir[] = "/tmp/sg-trailers-XXXXXX";

/* An empty HOME and no system or repository config: git's defaults. */
static int isolate_git(void **state)
{
	(void)state;
	return sg_test_isolate_git(tmpdir);
}

static int remove_tmpdir(void **state)
{
	struct sg_buf path = SG_BUF_INIT;

	(void)state;
	sg_buf_addf(&path, "%s/msg", tmpdir);
	unlink(path.ptr);
	sg_buf_release(&path);
	return rmdir(tmpdir);
}

/* git's print_tok_val() for --parse: "key: value", value may be empty. */
static void format_trailers(struct sg_buf *out, const struct sg_trailers *t)
{
	size_t i;

	for (i = 0; i < t->nr; i++)
		sg_buf_addf(out, "%s: %s\n", t->items[i].key,
			    t->items[i].value);
}

static void test_trailers__table_matches_git(void **state)
{
	struct sg_buf path = SG_BUF_INIT, cmd = SG_BUF_INIT;
	struct sg_buf want = SG_BUF_INIT, got = SG_BUF_INIT;
	size_t i;

	(void)state;
	assert_true(SG_ARRAY_SIZE(messages) >= 30);
	sg_buf_addf(&path, "%s/msg", tmpdir);
	for (i = 0; i < SG_ARRAY_SIZE(messages); i++) {
		struct sg_trailers t = SG_TRAILERS_INIT;
		char cc = comment_char_of(i);

		sg_test_write_file(path.ptr, messages[i].message);
		sg_buf_reset(&cmd);
		sg_buf_addf(&cmd, "git -C '%s' -c 'core.commentChar=%c' "
			    "interpret-trailers --parse '%s'", tmpdir, cc,
			    path.ptr);
		sg_buf_reset(&want);
		if (sg_test_run_capture(&want, cmd.ptr) != 0)
			fail_msg("'%s': git interpret-trailers failed",
				 messages[i].name);
		assert_int_equal(sg_trailers_parse(&t, messages[i].message,
						   cc), 0);
		sg_buf_reset(&got);
		format_trailers(&got, &t);
		sg_trailers_release(&t);
		if (strcmp(want.ptr, got.ptr))
			fail_msg("'%s':\n-- git --\n%s-- sdlgate --\n%s",
				 messages[i].name, want.ptr, got.ptr);
	}
	sg_buf_release(&path);
	sg_buf_release(&cmd);
	sg_buf_release(&want);
	sg_buf_release(&got);
}

static void test_trailers__records_first_line(void **state)
{
	struct sg_trailers t = SG_TRAILERS_INIT;

	(void)state;
	assert_int_equal(sg_trailers_parse(&t, "S\n\nBody\n\nNote: a\n  b\n"
					   "# skipped\nRefs: 1\n", '#'), 0);
	assert_int_equal(t.nr, 2);
	assert_string_equal(t.items[0].key, "Note");
	assert_string_equal(t.items[0].value, "a b");
	assert_int_equal(t.items[0].line, 5);
	assert_string_equal(t.items[1].key, "Refs");
	assert_int_equal(t.items[1].line, 8);
	sg_trailers_release(&t);
	sg_trailers_release(&t); /* released twice is harmless */
}

static void test_trailers__values_ignore_key_case(void **state)
{
	struct sg_trailers t = SG_TRAILERS_INIT;
	struct sg_strlist values = SG_STRLIST_INIT;

	(void)state;
	assert_int_equal(sg_trailers_parse(&t, "S\n\nB\n\n"
		"Security-Requirement: SR-1\nsecurity-requirement: SR-2\n"
		"SECURITY-REQUIREMENT : SR-3\nSecurity-Requirements: SR-4\n"
		"Signed-off-by: A\n", '#'), 0);
	sg_trailers_values(&values, &t, "security-Requirement");
	assert_int_equal(values.nr, 3);
	assert_string_equal(values.items[0], "SR-1");
	assert_string_equal(values.items[1], "SR-2");
	assert_string_equal(values.items[2], "SR-3");
	sg_strlist_release(&values);
	sg_trailers_values(&values, &t, "Missing");
	assert_int_equal(values.nr, 0);
	sg_strlist_release(&values);
	sg_trailers_release(&t);
}

static void test_trailers__finds_misplaced_trailers(void **state)
{
	struct sg_trailers t = SG_TRAILERS_INIT;
	const char *msg =
		"Security-Requirement: SR-1 in the subject\n"
		"\n"
		"The body cites\n"
		"security-requirement : SR-2\n"
		"Security-Requirements: SR-9 is another key\n"
		"# Security-Requirement: SR-8 is a comment\n"
		"\n"
		"Security-Requirement: SR-3\n"
		"Signed-off-by: A\n"
		"---\n"
		"Security-Requirement: SR-4\n"
		"# " CUT "\n"
		"Security-Requirement: SR-5\n";

	(void)state;
	assert_int_equal(sg_trailers_misplaced(&t, msg, '#',
					       "Security-Requirement"), 0);
	assert_int_equal(t.nr, 3);
	assert_string_equal(t.items[0].value, "SR-1 in the subject");
	assert_int_equal(t.items[0].line, 1);
	assert_string_equal(t.items[1].key, "security-requirement");
	assert_string_equal(t.items[1].value, "SR-2");
	assert_int_equal(t.items[1].line, 4);
	assert_string_equal(t.items[2].value, "SR-4");
	assert_int_equal(t.items[2].line, 11);
	sg_trailers_release(&t);

	/* a paragraph that fails the 25% rule is not a trailer block */
	assert_int_equal(sg_trailers_misplaced(&t, "S\n\np1\np2\np3\np4\n"
					       "Refs: 1\n", '#', "refs"), 0);
	assert_int_equal(t.nr, 1);
	assert_int_equal(t.items[0].line, 7);
	sg_trailers_release(&t);
}

/*
 * git 2.39 loops forever here: it looks for the scissors line beyond the
 * "---" divider. The answer git would give without that bug is Refs.
 */
static void test_trailers__divider_before_scissors_ends(void **state)
{
	struct sg_trailers t = SG_TRAILERS_INIT;

	(void)state;
	assert_int_equal(sg_trailers_parse(&t, "S\n\nB\n\nRefs: 1\n--- x\n"
					   "foo\n# " CUT "\ndiff\n", '#'), 0);
	assert_int_equal(t.nr, 1);
	assert_string_equal(t.items[0].key, "Refs");
	assert_string_equal(t.items[0].value, "1");
	sg_trailers_release(&t);
}

static void test_trailers__rejects_null_input(void **state)
{
	struct sg_trailers t = SG_TRAILERS_INIT;

	(void)state;
	assert_int_equal(sg_trailers_parse(&t, NULL, '#'), -1);
	assert_int_equal(sg_trailers_misplaced(&t, "S\n", '#', NULL), -1);
	assert_int_equal(t.nr, 0);
	sg_trailers_release(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trailers__table_matches_git),
		cmocka_unit_test(test_trailers__records_first_line),
		cmocka_unit_test(test_trailers__values_ignore_key_case),
		cmocka_unit_test(test_trailers__finds_misplaced_trailers),
		cmocka_unit_test(test_trailers__divider_before_scissors_ends),
		cmocka_unit_test(test_trailers__rejects_null_input),
	};

	return cmocka_run_group_tests_name("trailers", tests, isolate_git,
					   remove_tmpdir);
}
