#include "helpers.h"
#include "git/cleanup.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CUT "------------------------ >8 ------------------------"

/*
 * Messages whose cleaned form git decides: `git stripspace` for the
 * whitespace rules and `git commit` itself for every mode, scissors
 * included. comment_char 0 means git's default '#'.
 */
static const struct {
	const char *name;
	const char *message;
	char comment_char;
} messages[] = {
	{ "empty", "", 0 },
	{ "blank lines only", "\n\n\n", 0 },
	{ "white space only", "   \n\t\n \r\n", 0 },
	{ "subject without newline", "Subject", 0 },
	{ "subject", "Subject\n", 0 },
	{ "leading spaces of a line are kept", "  Subject\n\n    code\n", 0 },
	{ "blank runs collapse, ends trimmed", "\n\nS\n\n\n\nBody\n\n\n", 0 },
	{ "trailing white space", "Subject   \t\nBody \n", 0 },
	{ "CRLF line endings", "Subject\r\n\r\nBody\r\n", 0 },
	{ "form feed and vertical tab are not white space to git",
	  "S\n\n\f\n\v\nB \f\n", 0 },
	{ "comments only", "# only comments\n#\n# more\n", 0 },
	{ "comments between lines", "Subject\n# comment\nBody\n\n# end\n", 0 },
	{ "comment between blank runs", "S\n\n\n# c\n\n\nBody\n", 0 },
	{ "indented hash is not a comment", "S\n\n # not a comment\n", 0 },
	{ "template with trailers", "S\n\nBody\n\nSigned-off-by: A <a@x>\n"
	  "# Please enter the commit message for your changes.\n#\n", 0 },
	{ "scissors", "S\n\nBody\n# " CUT "\ndiff --git a/x b/x\n+x\n", 0 },
	{ "scissors at the start", "# " CUT "\nS\n", 0 },
	{ "scissors after blank lines", "S\n\n\n# " CUT "\n# Do not modify\n"
	  "diff\n", 0 },
	{ "scissors without newline is not one", "S\n# " CUT, 0 },
	{ "scissors with text after it is not one", "S\n# " CUT " x\nB\n", 0 },
	{ "scissors with trailing blanks is not one", "S\n# " CUT "  \nB\n",
	  0 },
	{ "indented scissors is not one", "S\n # " CUT "\nB\n", 0 },
	{ "other comment char", "S\n; comment\n# kept\n\nB\n", ';' },
	{ "other comment char scissors", "S\n# " CUT "\nB\n; " CUT "\nD\n",
	  ';' },
};

static const struct {
	enum sg_cleanup_mode mode;
	/* git cuts at the scissors line under -v or in scissors mode */
	const char *git_args;
} modes[] = {
	{ SG_CLEANUP_STRIP, "-v --cleanup=strip" },
	{ SG_CLEANUP_WHITESPACE, "-v --cleanup=whitespace" },
	{ SG_CLEANUP_SCISSORS, "--cleanup=scissors" },
	{ SG_CLEANUP_VERBATIM, "--cleanup=verbatim" },
};

static char comment_char_of(size_t i)
{
	return messages[i].comment_char ? messages[i].comment_char : '#';
}

static char tmpdir[] = "/tmp/sg-cleanup-XXXXXX";
static char msg_path[sizeof(tmpdir) + 8];

/* An empty HOME, no system config, and a scratch repository to commit in. */
static int isolate_git(void **state)
{
	struct sg_buf cmd = SG_BUF_INIT;
	int status;

	(void)state;
	if (sg_test_isolate_git(tmpdir) < 0)
		return -1;
	snprintf(msg_path, sizeof(msg_path), "%s/msg", tmpdir);
	sg_buf_addf(&cmd, "git init -q -b main '%s/repo'", tmpdir);
	status = system(cmd.ptr);
	sg_buf_release(&cmd);
	return status ? -1 : 0;
}

static int remove_tmpdir(void **state)
{
	(void)state;
	return sg_test_remove_tree(tmpdir);
}

static void check(const char *name, const char *what, const char *message,
		  char cc, enum sg_cleanup_mode mode, const struct sg_buf *want)
{
	struct sg_buf got = SG_BUF_INIT;

	assert_int_equal(sg_message_cleanup(&got, message, strlen(message),
					    cc, mode), 0);
	if (got.len != want->len || memcmp(got.ptr, want->ptr, got.len))
		fail_msg("'%s' (%s):\n-- git --\n%s-- sdlgate --\n%s", name,
			 what, want->ptr, got.ptr);
	sg_buf_release(&got);
}

static void test_cleanup__matches_git_stripspace(void **state)
{
	struct sg_buf cmd = SG_BUF_INIT, want = SG_BUF_INIT;
	size_t i, strip;

	(void)state;
	for (i = 0; i < SG_ARRAY_SIZE(messages); i++) {
		char cc = comment_char_of(i);

		/* stripspace knows no scissors: git commit tests those */
		if (strstr(messages[i].message, CUT))
			continue;
		sg_test_write_file(msg_path, messages[i].message);
		for (strip = 0; strip < 2; strip++) {
			sg_buf_reset(&cmd);
			sg_buf_addf(&cmd, "git -C '%s' "
				    "-c 'core.commentChar=%c' stripspace %s "
				    "<'%s'", tmpdir, cc,
				    strip ? "--strip-comments" : "", msg_path);
			sg_buf_reset(&want);
			assert_int_equal(sg_test_run_capture(&want, cmd.ptr), 0);
			check(messages[i].name, strip ? "strip" : "whitespace",
			      messages[i].message, cc,
			      strip ? SG_CLEANUP_STRIP : SG_CLEANUP_WHITESPACE,
			      &want);
		}
	}
	sg_buf_release(&cmd);
	sg_buf_release(&want);
}

/*
 * The message of the commit `git commit <args>` makes when the editor
 * leaves `msg` in the message file, which is what a commit-msg hook sees.
 * Not -F: git runs stripspace over -F and -m messages before the hook.
 */
static void git_commit_message(struct sg_buf *out, const char *args, char cc)
{
	struct sg_buf cmd = SG_BUF_INIT, raw = SG_BUF_INIT;
	const char *body;

	sg_buf_addf(&cmd, "GIT_EDITOR=\"cp '%s'\" git -C '%s/repo' "
		    "-c 'core.commentChar=%c' -c user.name=T "
		    "-c user.email=t@example.com commit -q --no-verify "
		    "--allow-empty --allow-empty-message %s && "
		    "git -C '%s/repo' cat-file commit HEAD",
		    msg_path, tmpdir, cc, args, tmpdir);
	assert_int_equal(sg_test_run_capture(&raw, cmd.ptr), 0);
	body = strstr(raw.ptr, "\n\n");
	assert_non_null(body);
	sg_buf_add(out, body + 2, raw.len - (size_t)(body + 2 - raw.ptr));
	sg_buf_release(&cmd);
	sg_buf_release(&raw);
}

static void test_cleanup__every_mode_matches_git_commit(void **state)
{
	struct sg_buf want = SG_BUF_INIT;
	size_t i, m;

	(void)state;
	for (i = 0; i < SG_ARRAY_SIZE(messages); i++) {
		char cc = comment_char_of(i);

		sg_test_write_file(msg_path, messages[i].message);
		for (m = 0; m < SG_ARRAY_SIZE(modes); m++) {
			sg_buf_reset(&want);
			git_commit_message(&want, modes[m].git_args, cc);
			check(messages[i].name, modes[m].git_args,
			      messages[i].message, cc, modes[m].mode, &want);
		}
	}
	sg_buf_release(&want);
}

static void test_cleanup__scissors_end_needs_a_whole_line(void **state)
{
	const char *at_start = "# " CUT "\nrest\n";
	const char *inside = "S\n# " CUT "\nrest\n";
	const char *no_newline = "S\n# " CUT;

	(void)state;
	assert_int_equal(sg_message_scissors_end(at_start, strlen(at_start),
						 '#'), 0);
	assert_int_equal(sg_message_scissors_end(inside, strlen(inside), '#'),
			 2);
	assert_int_equal(sg_message_scissors_end(no_newline,
						 strlen(no_newline), '#'),
			 strlen(no_newline));
	/* only the first `len` bytes are searched */
	assert_int_equal(sg_message_scissors_end(inside, 4, '#'), 4);
	assert_int_equal(sg_message_scissors_end(inside, strlen(inside), ';'),
			 strlen(inside));
}

static void test_cleanup__parses_commit_cleanup_values(void **state)
{
	enum sg_cleanup_mode mode = SG_CLEANUP_VERBATIM;

	(void)state;
	assert_int_equal(sg_cleanup_mode_parse(&mode, NULL), 0);
	assert_int_equal(mode, SG_CLEANUP_STRIP);
	assert_int_equal(sg_cleanup_mode_parse(&mode, "verbatim"), 0);
	assert_int_equal(mode, SG_CLEANUP_VERBATIM);
	assert_int_equal(sg_cleanup_mode_parse(&mode, "default"), 0);
	assert_int_equal(mode, SG_CLEANUP_STRIP);
	assert_int_equal(sg_cleanup_mode_parse(&mode, "whitespace"), 0);
	assert_int_equal(mode, SG_CLEANUP_WHITESPACE);
	assert_int_equal(sg_cleanup_mode_parse(&mode, "scissors"), 0);
	assert_int_equal(mode, SG_CLEANUP_SCISSORS);
	assert_int_equal(sg_cleanup_mode_parse(&mode, "strip"), 0);
	assert_int_equal(mode, SG_CLEANUP_STRIP);
	/* git compares case-sensitively and dies on anything else */
	assert_int_equal(sg_cleanup_mode_parse(&mode, "Strip"), -1);
	assert_int_equal(sg_cleanup_mode_parse(&mode, ""), -1);
	assert_int_equal(mode, SG_CLEANUP_STRIP);
}

static void test_cleanup__rejects_unknown_mode(void **state)
{
	struct sg_buf out = SG_BUF_INIT;

	(void)state;
	assert_int_equal(sg_message_cleanup(&out, "S\n", 2, '#',
					    (enum sg_cleanup_mode)42), -1);
	sg_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cleanup__matches_git_stripspace),
		cmocka_unit_test(test_cleanup__every_mode_matches_git_commit),
		cmocka_unit_test(test_cleanup__scissors_end_needs_a_whole_line),
		cmocka_unit_test(test_cleanup__parses_commit_cleanup_values),
		cmocka_unit_test(test_cleanup__rejects_unknown_mode),
	};

	return cmocka_run_group_tests_name("cleanup", tests, isolate_git,
					   remove_tmpdir);
}
