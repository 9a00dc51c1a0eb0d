#ifndef SG_TEST_REPORT_FIXTURE_H
#define SG_TEST_REPORT_FIXTURE_H

/*
 * One report with every shape of finding the reporters must handle, for
 * tests/unit/test_report_*.c: errors, a warning with a line, a waived
 * finding, two equal findings, a change-set finding, a finding about a
 * change that is not listed, and text with markup, control characters
 * and malformed UTF-8.
 */

#include "report/report.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FX_C0 "1111111111111111111111111111111111111111"
#define FX_C1 "2222222222222222222222222222222222222222"
#define FX_C2 "3333333333333333333333333333333333333333"
#define FX_UNLISTED "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"

static inline struct sg_finding *fx_finding(struct sg_report *r, const char *rule,
				     const char *commit, size_t seq,
				     const char *subject, const char *msg)
{
	struct sg_finding *f = sg_findings_add(&r->findings, rule, commit, "%s", msg);

	f->seq = seq;
	f->subject = subject ? sg_xstrdup(subject) : NULL;
	return f;
}

static inline void fx_rule(struct sg_rule_status *rs, const char *id, const char *title,
		    enum sg_rule_state state, const char *reason, const char *clauses)
{
	char *copy = sg_xstrdup(clauses), *tok, *save = NULL;

	rs->id = id;
	rs->title = title;
	rs->state = state;
	rs->severity = SG_SEV_ERROR;
	rs->reason = reason ? sg_xstrdup(reason) : NULL;
	rs->explain = "What it checks.\nFix: do the right thing.\n";
	for (tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		sg_strlist_add(&rs->clauses, tok);
	free(copy);
}

static inline void fx_report(struct sg_report *r)
{
	struct sg_finding *f;

	memset(r, 0, sizeof(*r));
	r->tool_version = "0.1.0";
	r->mode = "mr";
	r->base = sg_xstrdup("0000000000000000000000000000000000000000");
	r->head = sg_xstrdup(FX_C0);
	r->commits = 3;
	r->policy_path = sg_xstrdup(".sdlgate.yml");
	r->policy_from = sg_xstrdup("rev:0000000000000000000000000000000000000000");
	memset(r->policy_sha256, 'a', 64);

	r->rules_nr = 4;
	r->rules = sg_xcalloc(r->rules_nr, sizeof(*r->rules));
	fx_rule(&r->rules[0], "requirement-reference", "Every change cites a requirement",
		SG_RULE_PASS, NULL, "5.1.1 5.2.1 8");
	fx_rule(&r->rules[1], "requirement-known", "Cited requirements exist",
		SG_RULE_PASS, NULL, "5.1.1 5.2.1");
	fx_rule(&r->rules[2], "design-review", "Design changes are reviewed",
		SG_RULE_NOT_EVALUATED, "not built <yet> & 'soon'", "5.3.3 5.4.4");
	fx_rule(&r->rules[3], "sbom-co-change", "Dependency changes update the SBOM",
		SG_RULE_OFF, "the policy has no 'sbom' section", "8");

	sg_report_add_change(r, FX_C0, "Add <session> & \"tls\" | fast", 0);
	sg_report_add_change(r, FX_C1, "Bad \xff bytes \x01 here", 1);
	sg_report_add_change(r, FX_C2, "Docs only", 2);

	f = fx_finding(r, "requirement-reference", FX_C0, 0, "Add <session>",
		       "the change cites no secure requirement | <b>bold</b> & `code`\nsecond line");
	sg_strlist_add(&f->paths, "src/a|b.c");
	sg_strlist_add(&f->paths, "src/<x>&y z.c");
	sg_finding_set_hint(f, "add 'Security-Requirement: <ID>'");
	/* the very same finding twice: fingerprints must still differ */
	f = fx_finding(r, "requirement-reference", FX_C0, 0, "Add <session>", "duplicate");
	sg_strlist_add(&f->paths, "src/dup.c");
	f = fx_finding(r, "requirement-reference", FX_C0, 0, "Add <session>", "duplicate");
	sg_strlist_add(&f->paths, "src/dup.c");
	f = fx_finding(r, "requirement-known", FX_C1, 1, "Bad \xff bytes",
		       "SR-999 is not in the registry \xc0\xaf \x02");
	sg_strlist_add(&f->paths, "docs/security/requirements.yml");
	f->line = 12;
	f->severity = SG_SEV_WARNING;
	f = fx_finding(r, "requirement-reference", FX_C2, 2, "Docs only", "waived one");
	f->waived = 1;
	f->waiver = sg_xstrdup("approved by the CISO");
	f = fx_finding(r, "requirement-reference", NULL, (size_t)-1, NULL,
		       "about the change set");
	f = fx_finding(r, "requirement-reference", FX_UNLISTED, 7, "Unlisted",
		       "about a change past the list");
	sg_strlist_add(&f->paths, "src/late.c");
	sg_report_finish(r);
}

/* Write `data` to a new temporary file; returns its path (caller frees). */
static inline char *fx_tempfile(const char *data, size_t len, const char *suffix)
{
	char tmpl[] = "/tmp/sg-report-XXXXXX";
	char *path;
	int fd = mkstemp(tmpl);
	FILE *fp;

	if (fd < 0)
		return NULL;
	fp = fdopen(fd, "w");
	fwrite(data, 1, len, fp);
	fclose(fp);
	path = sg_xmalloc(strlen(tmpl) + strlen(suffix) + 1);
	sprintf(path, "%s%s", tmpl, suffix);
	if (rename(tmpl, path) < 0) {
		free(path);
		return NULL;
	}
	return path;
}

/* Render `report` with the reporter called `name`. */
static inline void fx_render(struct sg_buf *out, const struct sg_report *report,
		      const char *name)
{
	const struct sg_reporter *rep = sg_reporter_find(name);

	assert_non_null(rep);
	assert_int_equal(rep->write(out, report), 0);
}

#endif
