#include "report/report.h"
#include "util/buf.h"

#include <string.h>

/* Human-readable: grouped by commit, one block per finding, a summary. */

struct style {
	const char *bold, *red, *yellow, *green, *dim, *reset;
};

static const struct style plain = { "", "", "", "", "", "" };
static const struct style ansi = { "\033[1m", "\033[31m", "\033[33m",
				   "\033[32m", "\033[2m", "\033[0m" };

static void commit_header(struct sg_buf *out, const struct style *s,
			  const struct sg_report *report, const struct sg_finding *f)
{
	if (f->commit)
		sg_buf_addf(out, "\n%s%.7s%s %s\n", s->bold, f->commit, s->reset,
			    f->subject ? f->subject : "");
	else if (f->subject)
		sg_buf_addf(out, "\n%s(staged)%s %s\n", s->bold, s->reset, f->subject);
	else if (report->mode && !strcmp(report->mode, "release") && report->head)
		sg_buf_addf(out, "\n%s(release %.7s)%s\n", s->bold, report->head, s->reset);
	else
		sg_buf_addf(out, "\n%s(change set)%s\n", s->bold, s->reset);
}

static void finding(struct sg_buf *out, const struct style *s,
		    const struct sg_finding *f)
{
	const char *color = f->severity == SG_SEV_ERROR ? s->red : s->yellow;
	size_t i;

	sg_buf_addf(out, "  %s%-7s%s %s", color,
		    f->waived ? "waived" : (f->severity == SG_SEV_ERROR ? "error" : "warning"),
		    s->reset, f->rule);
	for (i = 0; i < f->paths.nr && i < 5; i++)
		sg_buf_addf(out, "%s%s", i ? ", " : "  ", f->paths.items[i]);
	if (f->paths.nr > 5)
		sg_buf_addf(out, " (+%zu more)", f->paths.nr - 5);
	if (f->line)
		sg_buf_addf(out, " (line %u)", f->line);
	sg_buf_addf(out, "\n          %s\n", f->message);
	if (f->component)
		sg_buf_addf(out, "          component: %s\n", f->component);
	if (f->missing.nr) {
		sg_buf_adds(out, "          missing:");
		for (i = 0; i < f->missing.nr; i++)
			sg_buf_addf(out, " %s", f->missing.items[i]);
		sg_buf_addch(out, '\n');
	}
	if (f->waived && f->waiver)
		sg_buf_addf(out, "          %swaived: %s%s\n", s->dim, f->waiver, s->reset);
	if (f->hint && *f->hint)
		sg_buf_addf(out, "          %shint: %s%s\n", s->dim, f->hint, s->reset);
}

/* `sbom validate` reports files, not commits: one group per file. */
static int is_file_report(const struct sg_report *report)
{
	return report->mode && !strcmp(report->mode, "sbom");
}

static int same_group(const struct sg_finding *a, const struct sg_finding *b)
{
	if (!a->commit || !b->commit)
		return a->commit == b->commit && a->seq == b->seq;
	return !strcmp(a->commit, b->commit);
}

static int write_text(struct sg_buf *out, const struct sg_report *report)
{
	const struct style *s = report->color ? &ansi : &plain;
	size_t i;

	if (is_file_report(report)) {
		sg_buf_addf(out, "sdlgate %s: %zu file(s) checked\n", report->mode,
			    report->commits);
	} else {
		sg_buf_addf(out, "sdlgate %s: %zu change(s) checked", report->mode,
			    report->commits);
		if (report->base && report->head)
			sg_buf_addf(out, " (%.7s..%.7s)", report->base, report->head);
		else if (report->head)
			sg_buf_addf(out, " (up to %.7s)", report->head);
		sg_buf_addf(out, ", policy %s\n", report->policy_path ? report->policy_path : "?");
	}

	for (i = 0; i < report->findings.nr; i++) {
		const struct sg_finding *f = &report->findings.items[i];

		if (is_file_report(report) && f->paths.nr &&
		    (!i || report->findings.items[i - 1].seq != f->seq))
			sg_buf_addf(out, "\n%s%s%s\n", s->bold, f->paths.items[0], s->reset);
		else if (!is_file_report(report) &&
			 (!i || !same_group(&report->findings.items[i - 1], f)))
			commit_header(out, s, report, f);
		finding(out, s, f);
	}
	/* notes, when there are any, stand apart from the findings */
	sg_buf_addch(out, '\n');
	for (i = 0; i < report->rules_nr; i++) {
		const struct sg_rule_status *rs = &report->rules[i];

		if (rs->state == SG_RULE_NOT_EVALUATED)
			sg_buf_addf(out, "%snote: %s not evaluated: %s%s\n", s->dim,
				    rs->id, rs->reason ? rs->reason : "", s->reset);
	}
	for (i = 0; i < report->notes.nr; i++)
		sg_buf_addf(out, "%snote: %s%s\n", s->dim, report->notes.items[i], s->reset);

	if (out->len >= 2 && out->ptr[out->len - 2] != '\n')
		sg_buf_addch(out, '\n');
	sg_buf_addf(out, "%s%s%s: %zu error(s), %zu warning(s), %zu waived\n",
		    sg_report_passed(report) ? s->green : s->red,
		    sg_report_passed(report) ? "PASS" : "FAIL", s->reset,
		    report->errors, report->warnings, report->waived);
	return 0;
}

const struct sg_reporter sg_reporter_text = {
	"text", "human-readable, grouped by commit (default)", write_text,
};
