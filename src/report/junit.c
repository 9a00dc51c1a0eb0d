#include "report/report.h"
#include "report/xml.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

/*
 * JUnit XML for CI test widgets (GitLab's merge-request test report): one
 * test suite per rule, one test case per change and rule. An error
 * finding is a <failure> with its message and hint; warnings and waived
 * findings are printed in <system-out> of a passing case. A rule that was
 * not evaluated is one skipped case, so it never reads as a pass; a rule
 * that is off is an empty suite that says why.
 */

/* The findings of one test case: a run of report->findings. */
struct group {
	size_t lo, hi;              /* findings[lo..hi) may belong here */
};

struct suite_counts {
	size_t tests, failures, skipped;
};

static int finding_in_change(const struct sg_finding *f,
			     const struct sg_report_change *c)
{
	if (f->seq != c->seq)
		return 0;
	if (!f->commit || !c->oid)
		return !f->commit && !c->oid;
	return !strcmp(f->commit, c->oid);
}

/*
 * Findings and listed changes are both in change-set order, so one pass
 * gives every change the run of findings with its position. Findings that
 * match no listed change (about the change set, or past the cap) are left
 * unmarked for the end of each suite.
 */
static void match_changes(struct group *groups, unsigned char *matched,
			  const struct sg_report *report)
{
	size_t ci, fi = 0, k;

	for (ci = 0; ci < report->changes_nr; ci++) {
		const struct sg_report_change *c = &report->changes[ci];

		while (fi < report->findings.nr && report->findings.items[fi].seq < c->seq)
			fi++;
		groups[ci].lo = fi;
		while (fi < report->findings.nr && report->findings.items[fi].seq == c->seq)
			fi++;
		groups[ci].hi = fi;
		for (k = groups[ci].lo; k < groups[ci].hi; k++)
			if (finding_in_change(&report->findings.items[k], c))
				matched[k] = 1;
	}
}

static void add_paths(struct sg_buf *out, const struct sg_finding *f)
{
	size_t i;

	for (i = 0; i < f->paths.nr; i++) {
		sg_buf_adds(out, i ? ", " : "paths: ");
		sg_xml_escape_text(out, f->paths.items[i]);
	}
	if (f->paths.nr)
		sg_buf_addch(out, '\n');
}

static void add_detail(struct sg_buf *out, const struct sg_finding *f)
{
	sg_xml_escape_text(out, f->message);
	sg_buf_addch(out, '\n');
	if (f->hint && *f->hint) {
		sg_buf_adds(out, "hint: ");
		sg_xml_escape_text(out, f->hint);
		sg_buf_addch(out, '\n');
	}
	add_paths(out, f);
	if (f->line)
		sg_buf_addf(out, "line: %u\n", f->line);
	if (f->commit)
		sg_buf_addf(out, "commit: %s\n", f->commit);
}

/* 1 when `f` fails its case: an unwaived error. */
static int fails(const struct sg_finding *f)
{
	return !f->waived && f->severity == SG_SEV_ERROR;
}

/*
 * One test case for `rule` over the findings[lo..hi) that `pick` accepts.
 * `name` is the case's name (already escaped by the caller's choice).
 */
static void write_case(struct sg_buf *out, struct suite_counts *n,
		       const struct sg_report *report, const char *rule,
		       const char *name, size_t lo, size_t hi,
		       const struct sg_report_change *change,
		       const unsigned char *matched, int leftovers)
{
	struct sg_buf failure = SG_BUF_INIT, sysout = SG_BUF_INIT;
	const struct sg_finding *first = NULL, *file = NULL;
	size_t i, failing = 0;

	for (i = lo; i < hi; i++) {
		const struct sg_finding *f = &report->findings.items[i];

		if (strcmp(f->rule, rule))
			continue;
		if (leftovers ? matched[i] : !finding_in_change(f, change))
			continue;
		if (!file && f->paths.nr)
			file = f;
		if (fails(f)) {
			if (!failing++)
				first = f;
			add_detail(&failure, f);
			sg_buf_addch(&failure, '\n');
		} else {
			sg_buf_adds(&sysout, f->waived ? "waived " : "warning: ");
			if (f->waived && f->waiver) {
				sg_buf_adds(&sysout, "(");
				sg_xml_escape_text(&sysout, f->waiver);
				sg_buf_adds(&sysout, "): ");
			}
			add_detail(&sysout, f);
			sg_buf_addch(&sysout, '\n');
		}
	}
	n->tests++;
	sg_buf_adds(out, "    <testcase classname=\"sdlgate.");
	sg_xml_escape(out, rule);
	sg_buf_adds(out, "\" name=\"");
	sg_xml_escape(out, name);
	sg_buf_adds(out, "\"");
	if (file) {
		sg_buf_adds(out, " file=\"");
		sg_xml_escape(out, file->paths.items[0]);
		sg_buf_adds(out, "\"");
	}
	if (!failing && !sysout.len) {
		sg_buf_adds(out, "/>\n");
		goto done;
	}
	sg_buf_adds(out, ">\n");
	if (failing) {
		n->failures++;
		sg_buf_adds(out, "      <failure type=\"");
		sg_xml_escape(out, rule);
		sg_buf_adds(out, "\" message=\"");
		if (failing > 1)
			sg_buf_addf(out, "%zu findings: ", failing);
		sg_xml_escape(out, first->message);
		sg_buf_adds(out, "\">");
		sg_buf_add(out, failure.ptr, failure.len);
		sg_buf_adds(out, "</failure>\n");
	}
	if (sysout.len) {
		sg_buf_adds(out, "      <system-out>");
		sg_buf_add(out, sysout.ptr, sysout.len);
		sg_buf_adds(out, "</system-out>\n");
	}
	sg_buf_adds(out, "    </testcase>\n");
done:
	sg_buf_release(&failure);
	sg_buf_release(&sysout);
}

static void change_name(struct sg_buf *name, const char *oid, const char *subject)
{
	sg_buf_reset(name);
	if (oid)
		sg_buf_addf(name, "%.7s %s", oid, subject ? subject : "");
	else
		sg_buf_adds(name, subject && *subject ? subject : "(staged change)");
}

/* Cases for findings no listed change holds: grouped by commit. */
static void write_leftovers(struct sg_buf *out, struct suite_counts *n,
			    const struct sg_report *report, const char *rule,
			    const unsigned char *matched)
{
	struct sg_buf name = SG_BUF_INIT;
	size_t i = 0, j;

	while (i < report->findings.nr) {
		const struct sg_finding *f = &report->findings.items[i];

		if (matched[i] || strcmp(f->rule, rule)) {
			i++;
			continue;
		}
		/* the same commit and position: one case */
		for (j = i + 1; j < report->findings.nr; j++) {
			const struct sg_finding *g = &report->findings.items[j];

			if (g->seq != f->seq || (!g->commit != !f->commit) ||
			    (g->commit && strcmp(g->commit, f->commit)))
				break;
		}
		if (f->commit)
			change_name(&name, f->commit, f->subject);
		else if (f->seq == (size_t)-1)
			change_name(&name, NULL, "(change set)");
		else
			change_name(&name, NULL, f->subject);
		write_case(out, n, report, rule, name.ptr, i, j, NULL, matched, 1);
		i = j;
	}
	sg_buf_release(&name);
}

static void write_suite(struct sg_buf *out, struct suite_counts *total,
			const struct sg_report *report, const struct sg_rule_status *rs,
			const struct group *groups, const unsigned char *matched)
{
	struct sg_buf body = SG_BUF_INIT, name = SG_BUF_INIT;
	struct suite_counts n = { 0, 0, 0 };
	size_t i;

	if (rs->state == SG_RULE_NOT_EVALUATED) {
		n.tests = n.skipped = 1;
		sg_buf_adds(&body, "    <testcase classname=\"sdlgate.");
		sg_xml_escape(&body, rs->id);
		sg_buf_adds(&body, "\" name=\"not evaluated\">\n      <skipped message=\"");
		sg_xml_escape(&body, rs->reason ? rs->reason : "not evaluated");
		sg_buf_adds(&body, "\"/>\n    </testcase>\n");
	} else if (rs->state != SG_RULE_OFF) {
		for (i = 0; i < report->changes_nr; i++) {
			const struct sg_report_change *c = &report->changes[i];

			change_name(&name, c->oid, c->subject);
			write_case(&body, &n, report, rs->id, name.ptr, groups[i].lo,
				   groups[i].hi, c, matched, 0);
		}
		write_leftovers(&body, &n, report, rs->id, matched);
	}

	sg_buf_adds(out, "  <testsuite name=\"");
	sg_xml_escape(out, rs->id);
	sg_buf_addf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n",
		    n.tests, n.failures, n.skipped);
	sg_buf_adds(out, "    <properties>\n      <property name=\"status\" value=\"");
	sg_buf_adds(out, sg_rule_state_name(rs->state));
	sg_buf_adds(out, "\"/>\n      <property name=\"clauses\" value=\"");
	for (i = 0; i < rs->clauses.nr; i++) {
		if (i)
			sg_buf_addch(out, ' ');
		sg_xml_escape(out, rs->clauses.items[i]);
	}
	sg_buf_adds(out, "\"/>\n");
	if (rs->reason) {
		sg_buf_adds(out, "      <property name=\"reason\" value=\"");
		sg_xml_escape(out, rs->reason);
		sg_buf_adds(out, "\"/>\n");
	}
	sg_buf_adds(out, "    </properties>\n");
	sg_buf_add(out, body.ptr, body.len);
	sg_buf_adds(out, "  </testsuite>\n");
	total->tests += n.tests;
	total->failures += n.failures;
	total->skipped += n.skipped;
	sg_buf_release(&body);
	sg_buf_release(&name);
}

static int write_junit(struct sg_buf *out, const struct sg_report *report)
{
	struct sg_buf suites = SG_BUF_INIT;
	struct suite_counts total = { 0, 0, 0 };
	struct group *groups = sg_xcalloc(report->changes_nr + 1, sizeof(*groups));
	unsigned char *matched = sg_xcalloc(report->findings.nr + 1, 1);
	size_t i;

	match_changes(groups, matched, report);
	for (i = 0; i < report->rules_nr; i++)
		write_suite(&suites, &total, report, &report->rules[i], groups, matched);

	sg_buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	sg_buf_addf(out, "<testsuites name=\"sdlgate %s\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\">\n",
		    report->mode ? report->mode : "", total.tests, total.failures,
		    total.skipped);
	sg_buf_add(out, suites.ptr, suites.len);
	sg_buf_adds(out, "</testsuites>\n");
	sg_buf_release(&suites);
	free(groups);
	free(matched);
	return 0;
}

const struct sg_reporter sg_reporter_junit = {
	"junit", "JUnit XML: one test suite per rule, one case per change (CI test reports)",
	write_junit,
};
