#include "helpers.h"
#include "git/identity.h"
#include "git/notes.h"
#include "git/reach.h"
#include "git/repo.h"
#include "model/review.h"
#include "policy/policy.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* DESIGN.md §4 review records: parsing, template, identities, notes. */

static struct sg_criterion criteria[] = {
	{ "DR-1", "Trust boundaries considered" },
	{ "DR-2", "Input validated" },
};

static struct sg_policy_design_review policy = {
	.present = 1,
	.records = "reviews/",
	.notes_ref = "refs/notes/design-review",
	.trailer = "Design-Review",
	.min_reviewers = 1,
	.independent_reviewers = 1,
	.criteria = criteria,
	.criteria_nr = 2,
};

#define HEAD_OK "id: DR-1\ndate: 2026-11-20\nreviewers: [alice@example.org]\n" \
	"decision: approved\nreviewed_commit: 3f2a1bc\npaths: [\"src/**\"]\n"
#define CRIT_OK "criteria:\n  DR-1: {result: pass}\n  DR-2: {result: n/a, note: none}\n"

static const struct {
	const char *name;
	const char *text;
	unsigned flags;
	const char *error;   /* NULL: parses */
} cases[] = {
	{ "complete record", HEAD_OK CRIT_OK, 0, NULL },
	{ "note without reviewed_commit",
	  "id: DR-1\ndate: 2026-11-20\nreviewers: a@x\ndecision: rejected\npaths: [src/]\n" CRIT_OK,
	  SG_REVIEW_NOTE, NULL },
	{ "file without reviewed_commit",
	  "id: DR-1\ndate: 2026-11-20\nreviewers: a@x\ndecision: rejected\npaths: [src/]\n" CRIT_OK,
	  0, "r.yml:1:1: the review record has no 'reviewed_commit'" },
	{ "unanswered criteria parse (the rule judges them)",
	  HEAD_OK "criteria: {}\n", 0, NULL },
	{ "fail and n/a without note parse", HEAD_OK
	  "criteria:\n  DR-1: {result: fail}\n  DR-2: {result: n/a}\n", 0, NULL },
	{ "empty document", "", 0, "r.yml: the review record is empty" },
	{ "not a mapping", "- a\n- b\n", 0, "r.yml:1:1: 'review record' must be a mapping" },
	{ "bad YAML", "id: [DR-1\n", 0, "r.yml:2:1: invalid YAML" },
	{ "unknown key", HEAD_OK CRIT_OK "extra: 1\n", 0, "r.yml:10:1: unknown key 'extra'" },
	{ "missing id", "date: 2026-11-20\n", 0, "r.yml:1:1: the review record has no 'id'" },
	{ "null id", "id: ~\n", 0, "the review record has no 'id'" },
	{ "id with a slash", "id: ../DR-1\n", 0, "r.yml:1:5: '../DR-1' is not a valid record id" },
	{ "id against the file name", "id: DR-2\n", 0,
	  "r.yml:1:5: the record says id 'DR-2' but its file name says 'DR-1'" },
	{ "missing date", "id: DR-1\n", 0, "the review record has no 'date'" },
	{ "date as text", "id: DR-1\ndate: yesterday\n", 0,
	  "r.yml:2:7: 'date' must be a date YYYY-MM-DD, not 'yesterday'" },
	{ "date 29 February of a common year", "id: DR-1\ndate: 2026-02-29\n", 0,
	  "'date' must be a date YYYY-MM-DD" },
	{ "date 29 February of a leap year", "id: DR-1\ndate: 2028-02-29\n", 0,
	  "the review record has no 'reviewers'" },
	{ "reviewers as a map", "id: DR-1\ndate: 2026-11-20\nreviewers: {a: b}\n", 0,
	  "r.yml:3:12: 'reviewers' must be a list" },
	{ "blank reviewer", "id: DR-1\ndate: 2026-11-20\nreviewers: [a, '  ']\n", 0,
	  "'reviewers' must not contain empty entries" },
	{ "missing decision", "id: DR-1\ndate: 2026-11-20\nreviewers: [a]\n", 0,
	  "the review record has no 'decision'" },
	{ "unknown decision", "id: DR-1\ndate: 2026-11-20\nreviewers: [a]\ndecision: ok\n", 0,
	  "r.yml:4:11: 'decision' must be approved, changes-requested or rejected, not 'ok'" },
	{ "short reviewed_commit", "id: DR-1\ndate: 2026-11-20\nreviewers: [a]\n"
	  "decision: approved\nreviewed_commit: 3f2a1b\n", 0,
	  "r.yml:5:18: 'reviewed_commit' must be a commit id of 7 to 40 hex digits, not '3f2a1b'" },
	{ "reviewed_commit not hex", "id: DR-1\ndate: 2026-11-20\nreviewers: [a]\n"
	  "decision: approved\nreviewed_commit: HEAD~1x\n", 0,
	  "'reviewed_commit' must be a commit id of 7 to 40 hex digits, not 'HEAD~1x'" },
	{ "missing paths", "id: DR-1\ndate: 2026-11-20\nreviewers: [a]\n"
	  "decision: approved\nreviewed_commit: 3f2a1bc\n", 0,
	  "the review record has no 'paths'" },
	{ "empty paths", "id: DR-1\ndate: 2026-11-20\nreviewers: [a]\n"
	  "decision: approved\nreviewed_commit: 3f2a1bc\npaths: []\n", 0,
	  "r.yml:6:8: 'paths' must name at least one entry" },
	{ "missing criteria", HEAD_OK, 0, "the review record has no 'criteria'" },
	{ "criteria as a list", HEAD_OK "criteria: [DR-1]\n", 0,
	  "r.yml:7:11: 'criteria' must be a mapping" },
	{ "unknown criterion", HEAD_OK "criteria:\n  DR-3: {result: pass}\n", 0,
	  "r.yml:8:3: unknown criterion 'DR-3'" },
	{ "criterion answered twice", HEAD_OK "criteria:\n  DR-1: {result: pass}\n  DR-1: {result: fail}\n", 0,
	  "r.yml:9:3: criterion 'DR-1' is answered twice" },
	{ "criterion as a scalar", HEAD_OK "criteria:\n  DR-1: pass\n", 0,
	  "r.yml:8:9: 'criteria.<ID>' must be a mapping" },
	{ "criterion without result", HEAD_OK "criteria:\n  DR-1: {note: x}\n", 0,
	  "r.yml:8:9: criterion 'DR-1' has no 'result'" },
	{ "unknown result", HEAD_OK "criteria:\n  DR-1: {result: PASS}\n", 0,
	  "r.yml:8:18: the result of criterion 'DR-1' must be pass, fail or n/a, not 'PASS'" },
	{ "unknown key in an answer", HEAD_OK "criteria:\n  DR-1: {result: pass, by: x}\n", 0,
	  "unknown key 'by' in 'criteria.<ID>'" },
	{ "placeholder", "id: DR-1\ndate: 2026-11-20\nreviewers: [<reviewer e-mail>]\n", 0,
	  "r.yml:3:13: '<reviewer e-mail>' is a placeholder of the review template" },
	{ "an address in angle brackets is no placeholder",
	  "id: DR-1\ndate: 2026-11-20\nreviewers: ['<alice@example.org>']\n"
	  "decision: approved\nreviewed_commit: 3f2a1bc\npaths: [src/]\n" CRIT_OK, 0, NULL },
	{ "alias bomb is bounded", "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	  "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n", 0, "more than 100000 nodes" },
};

static void test_review__parse_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < SG_ARRAY_SIZE(cases); i++) {
		struct sg_review *r = NULL;
		int rc = sg_review_parse(&r, "r.yml", cases[i].text,
					 strlen(cases[i].text), "DR-1", &policy,
					 cases[i].flags);

		if (!cases[i].error) {
			if (rc != 0 || !r)
				fail_msg("'%s': expected to parse, got: %s", cases[i].name,
					 sg_error_message());
		} else if (rc == 0) {
			fail_msg("'%s': parsed, expected '%s'", cases[i].name, cases[i].error);
		} else if (!strstr(sg_error_message(), cases[i].error)) {
			fail_msg("'%s': expected '%s', got '%s'", cases[i].name,
				 cases[i].error, sg_error_message());
		}
		sg_review_free(r);
		sg_error_clear();
	}
}

static void test_review__fields(void **state)
{
	const char *text = "id: DR-2026-014\ndate: 2026-11-20\n"
		"reviewers: [alice@example.org, \"Bob <bob@example.org>\"]\n"
		"decision: changes-requested\nreviewed_commit: 3F2A1BC\n"
		"paths: [\"src/session/**\", docs/]\ncriteria:\n"
		"  DR-2: {result: n/a, note: '  no new interface  '}\n"
		"  DR-1: {result: fail, note: ''}\n";
	const struct sg_review_answer *a;
	struct sg_review *r = NULL;

	(void)state;
	assert_int_equal(sg_review_parse(&r, "x.yml", text, strlen(text), NULL,
					 &policy, 0), 0);
	assert_string_equal(r->id, "DR-2026-014");
	assert_string_equal(r->date, "2026-11-20");
	assert_int_equal(r->reviewers.nr, 2);
	assert_string_equal(r->reviewers.items[1], "Bob <bob@example.org>");
	assert_int_equal(r->decision, SG_REVIEW_CHANGES_REQUESTED);
	assert_string_equal(sg_review_decision_name(r->decision), "changes-requested");
	assert_string_equal(r->reviewed_commit, "3F2A1BC");
	assert_string_equal(r->reviewed_where, "x.yml:5:18");
	assert_int_equal(r->paths.nr, 2);
	a = sg_review_answer(r, "DR-2");
	assert_non_null(a);
	assert_int_equal(a->result, SG_REVIEW_NA);
	assert_string_equal(a->note, "no new interface");
	a = sg_review_answer(r, "DR-1");
	assert_int_equal(a->result, SG_REVIEW_FAIL);
	assert_null(a->note);
	assert_null(sg_review_answer(r, "DR-3"));
	sg_review_free(r);
	sg_review_free(NULL);
}

static void test_review__validators(void **state)
{
	static const struct { const char *s; int id, date; } v[] = {
		{ "DR-2026-014", 1, 0 }, { "dr_1.a", 1, 0 }, { "", 0, 0 },
		{ "-DR", 0, 0 }, { "DR/1", 0, 0 }, { "DR..1", 0, 0 }, { "DR 1", 0, 0 },
		{ "2026-11-20", 1, 1 }, { "2026-13-01", 1, 0 }, { "2026-04-31", 1, 0 },
		{ "2000-02-29", 1, 1 }, { "1900-02-29", 1, 0 }, { "2026-1-01", 1, 0 },
		{ "2026-11-2x", 1, 0 },
		{ "A234567890123456789012345678901234567890123456789012345678901234", 1, 0 },
		{ "A2345678901234567890123456789012345678901234567890123456789012345", 0, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < SG_ARRAY_SIZE(v); i++) {
		if (sg_review_id_valid(v[i].s) != v[i].id)
			fail_msg("id '%s': expected %d", v[i].s, v[i].id);
		if (sg_review_date_valid(v[i].s) != v[i].date)
			fail_msg("date '%s': expected %d", v[i].s, v[i].date);
	}
}

/* Replace every `from` in `buf` by `to`. */
static void replace_all(struct sg_buf *buf, const char *from, const char *to)
{
	struct sg_buf out = SG_BUF_INIT;
	const char *p = buf->ptr, *hit;

	while ((hit = strstr(p, from))) {
		sg_buf_add(&out, p, (size_t)(hit - p));
		sg_buf_adds(&out, to);
		p = hit + strlen(from);
	}
	sg_buf_adds(&out, p);
	sg_buf_release(buf);
	*buf = out;
}

static void test_review__template_parses_back_once_filled(void **state)
{
	struct sg_criterion tricky[] = {
		{ "DR-1", "Trust boundaries: considered # really" },
		{ "no", "A criterion whose id YAML reads as false" },
		{ "it's", "Quote\nand line break" },
	};
	struct sg_policy_design_review p = policy;
	struct sg_strlist paths = SG_STRLIST_INIT;
	struct sg_buf t = SG_BUF_INIT;
	struct sg_review *r = NULL;
	const char *head = "0123456789abcdef0123456789abcdef01234567";
	size_t i;

	(void)state;
	p.criteria = tricky;
	p.criteria_nr = SG_ARRAY_SIZE(tricky);
	sg_strlist_add(&paths, "src/a b.c");
	sg_strlist_add(&paths, "src/it's.c");
	sg_strlist_add(&paths, ".sdlgate.yml");
	sg_review_template(&t, &p, "2026-11-27", head, &paths, "a..b", 2);

	assert_int_equal(sg_review_parse(&r, "t.yml", t.ptr, t.len, NULL, &p, 0), -1);
	assert_non_null(strstr(sg_error_message(), "is a placeholder of the review template"));
	sg_error_clear();

	replace_all(&t, "<record id, e.g. DR-2026-001>", "DR-2026-001");
	replace_all(&t, "<reviewer e-mail>", "rita@example.org");
	replace_all(&t, "<approved|changes-requested|rejected>", "approved");
	replace_all(&t, "<pass|fail|n/a>", "n/a");
	replace_all(&t, "<what was checked; n/a needs the reason>", "not applicable here");
	if (sg_review_parse(&r, "t.yml", t.ptr, t.len, "DR-2026-001", &p, 0) < 0)
		fail_msg("the filled template does not parse: %s\n%s", sg_error_message(), t.ptr);
	assert_string_equal(r->date, "2026-11-27");
	assert_string_equal(r->reviewed_commit, head);
	assert_int_equal(r->paths.nr, 3);
	assert_string_equal(r->paths.items[1], "src/it's.c");
	assert_int_equal(r->answers_nr, 3);
	for (i = 0; i < SG_ARRAY_SIZE(tricky); i++) {
		const struct sg_review_answer *a = sg_review_answer(r, tricky[i].id);

		assert_non_null(a);
		assert_int_equal(a->result, SG_REVIEW_NA);
		assert_string_equal(a->note, "not applicable here");
	}
	sg_review_free(r);
	sg_buf_release(&t);

	/* no criteria in the policy, no trigger path touched */
	p.criteria_nr = 0;
	sg_strlist_release(&paths);
	sg_review_template(&t, &p, "2026-11-27", head, &paths, NULL, 0);
	assert_non_null(strstr(t.ptr, "criteria: {}\n"));
	assert_non_null(strstr(t.ptr, "<path pattern the review covers>"));
	sg_buf_release(&t);
}

/* A scratch repository made with git itself, in an isolated environment. */
static char tmpdir[] = "/tmp/sg-test-review.XXXXXX";

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
	struct sg_buf cmd = SG_BUF_INIT;
	va_list ap;
	int status;

	va_start(ap, fmt);
	sg_buf_vaddf(&cmd, fmt, ap);
	va_end(ap);
	status = system(cmd.ptr);
	sg_buf_release(&cmd);
	return status;
}

static int make_repo(void **state)
{
	(void)state;
	if (sg_test_isolate_git(tmpdir) < 0)
		return -1;
	setenv("GIT_AUTHOR_NAME", "Dana Developer", 1);
	setenv("GIT_AUTHOR_EMAIL", "dana@example.org", 1);
	setenv("GIT_COMMITTER_NAME", "Dana Developer", 1);
	setenv("GIT_COMMITTER_EMAIL", "dana@example.org", 1);
	return sh("cd '%s' && git init -q -b main repo && cd repo && "
		  "printf 'Dana Developer <dana@example.org> <dana.home@example.net>\\n"
		  "<rita@example.org> <RRev@Example.COM>\\n"
		  "Rita Reviewer <rita@example.org> Rita Home <rita.home@example.net>\\n' > .mailmap && "
		  "git add .mailmap && git commit -q -m one && "
		  "git notes --ref=refs/notes/design-review add -m 'id: DR-1' HEAD && "
		  "git branch -q first && git commit -q --allow-empty -m two && "
		  "git checkout -q -b side first && git commit -q --allow-empty -m side && "
		  "git checkout -q main",
		  tmpdir) ? -1 : 0;
}

static int remove_repo(void **state)
{
	(void)state;
	return sg_test_remove_tree(tmpdir);
}

static struct sg_repo *open_repo(void)
{
	struct sg_buf dir = SG_BUF_INIT;
	struct sg_repo *repo = NULL;

	sg_buf_addf(&dir, "%s/repo", tmpdir);
	assert_int_equal(sg_repo_open(&repo, dir.ptr, 0), 0);
	sg_buf_release(&dir);
	return repo;
}

static void test_review__identities_through_mailmap(void **state)
{
	static const struct { const char *text, *name, *email; } v[] = {
		{ "dana.home@example.net", "dana developer", "dana@example.org" },
		{ "Dana.Home@EXAMPLE.NET", "dana developer", "dana@example.org" },
		{ "rrev@example.com", "", "rita@example.org" },
		{ "Someone <RREV@example.com>", "someone", "rita@example.org" },
		{ "Rita Home <rita.home@example.net>", "rita reviewer", "rita@example.org" },
		{ "rita home <rita.home@example.net>", "rita reviewer", "rita@example.org" },
		{ "Other <rita.home@example.net>", "other", "rita.home@example.net" },
		{ "Just A Name", "just a name", "" },
		{ "  Spaced <  s@x  >  ", "spaced", "s@x" },
	};
	struct sg_repo *repo = open_repo();
	struct sg_mailmap *mm = NULL;
	struct sg_identity id = SG_IDENTITY_INIT, other = SG_IDENTITY_INIT;
	size_t i;

	(void)state;
	assert_int_equal(sg_mailmap_open(&mm, repo), 0);
	for (i = 0; i < SG_ARRAY_SIZE(v); i++) {
		sg_identity_from_text(&id, mm, v[i].text);
		if (strcmp(id.name, v[i].name) || strcmp(id.email, v[i].email))
			fail_msg("'%s': expected '%s' <%s>, got '%s' <%s>", v[i].text,
				 v[i].name, v[i].email, id.name, id.email);
	}
	sg_identity_resolve(&id, mm, "Dana Developer", "DANA.home@example.net");
	sg_identity_from_text(&other, mm, "dana@example.org");
	assert_true(sg_identity_same(&id, &other));
	sg_identity_from_text(&other, mm, "DANA DEVELOPER");
	assert_true(sg_identity_same(&id, &other));
	assert_string_equal(sg_identity_label(&other), "dana developer");
	sg_identity_from_text(&other, mm, "rita@example.org");
	assert_false(sg_identity_same(&id, &other));
	/* without a mailmap, identities resolve to themselves, lower-cased */
	sg_identity_resolve(&id, NULL, "X", "Dana.Home@Example.net");
	assert_string_equal(id.email, "dana.home@example.net");
	sg_identity_release(&id);
	sg_identity_release(&other);
	sg_identity_release(&other);
	sg_mailmap_free(mm);
	sg_repo_free(repo);
}

static void test_review__notes_and_commits(void **state)
{
	struct sg_repo *repo = open_repo();
	struct sg_notes *notes = NULL;
	struct sg_buf text = SG_BUF_INIT;
	char head[41], found[41];

	(void)state;
	assert_int_equal(sg_repo_resolve_commit(head, repo, "first"), 0);
	assert_int_equal(sg_notes_open(&notes, repo, "refs/notes/design-review"), 0);
	assert_int_equal(sg_notes_count(notes), 1);
	assert_string_equal(sg_notes_ref(notes), "refs/notes/design-review");
	assert_int_equal(sg_notes_read(&text, notes, head, 1024), 0);
	assert_string_equal(text.ptr, "id: DR-1\n");
	assert_int_equal(sg_notes_read(&text, notes, head, 4), -1);
	assert_non_null(strstr(sg_error_message(), "more than the 4 allowed"));
	assert_int_equal(sg_error_kind(), SG_ERROR_INPUT);
	sg_error_clear();
	assert_int_equal(sg_notes_read(&text, notes,
				       "0000000000000000000000000000000000000001", 1024), 1);
	sg_notes_free(notes);

	/* a ref that does not exist is no notes at all */
	assert_int_equal(sg_notes_open(&notes, repo, "refs/notes/none"), 0);
	assert_int_equal(sg_notes_count(notes), 0);
	assert_int_equal(sg_notes_read(&text, notes, head, 1024), 1);
	sg_notes_free(notes);

	/* reviewed_commit: hex prefixes only, never revision syntax */
	assert_int_equal(sg_repo_find_commit(found, repo, head), 0);
	assert_string_equal(found, head);
	head[7] = '\0';
	assert_int_equal(sg_repo_find_commit(found, repo, head), 0);
	assert_int_equal(sg_repo_find_commit(found, repo, "HEAD"), 1);
	assert_int_equal(sg_repo_find_commit(found, repo, "abc"), 1);
	assert_int_equal(sg_repo_find_commit(found, repo, "0000000000"), 1);
	sg_buf_release(&text);
	sg_repo_free(repo);
}

static void test_review__reachable_in_one_walk(void **state)
{
	struct sg_repo *repo = open_repo();
	char first[41], main_oid[41], side[41];
	const char *oids[4];
	unsigned char found[4];

	(void)state;
	assert_int_equal(sg_repo_resolve_commit(first, repo, "first"), 0);
	assert_int_equal(sg_repo_resolve_commit(main_oid, repo, "main"), 0);
	assert_int_equal(sg_repo_resolve_commit(side, repo, "side"), 0);
	oids[0] = side;
	oids[1] = first;
	oids[2] = main_oid;
	oids[3] = "not an oid";
	assert_int_equal(sg_repo_reachable(found, repo, main_oid, oids, 4, NULL), 0);
	assert_memory_equal(found, "\0\1\1\0", 4);
	assert_int_equal(sg_repo_reachable(found, repo, side, oids, 4, NULL), 0);
	assert_memory_equal(found, "\1\1\0\0", 4);
	/* what the hidden commit reaches is left out */
	assert_int_equal(sg_repo_reachable(found, repo, main_oid, oids, 4, first), 0);
	assert_memory_equal(found, "\0\0\1\0", 4);
	assert_int_equal(sg_repo_reachable(found, repo, main_oid, oids, 0, NULL), 0);
	assert_int_equal(sg_repo_contains(repo, side, first), 1);
	assert_int_equal(sg_repo_contains(repo, side, main_oid), 0);
	sg_repo_free(repo);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_review__parse_table),
		cmocka_unit_test(test_review__fields),
		cmocka_unit_test(test_review__validators),
		cmocka_unit_test(test_review__template_parses_back_once_filled),
		cmocka_unit_test(test_review__identities_through_mailmap),
		cmocka_unit_test(test_review__notes_and_commits),
		cmocka_unit_test(test_review__reachable_in_one_walk),
	};

	return cmocka_run_group_tests_name("review", tests, make_repo, remove_repo);
}
