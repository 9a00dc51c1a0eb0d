#include "report/report.h"
#include "report/xml.h"
#include "util/buf.h"
#include "util/str.h"

#include <string.h>

/*
 * Markdown for a merge-request comment or a CI job summary: a summary
 * line, a table of findings (short oid, rule, paths, message) and how to
 * fix each kind of finding present. The whole document stays under
 * SG_MARKDOWN_MAX bytes (so under as many characters): the table is cut
 * with a note, the summary and the fixes are always there.
 */

#define SG_MARKDOWN_MAX 60000
#define CELL_MAX 600            /* bytes of one message, hint or path list */
#define HINTS_PER_RULE 3
#define PATHS_LISTED 3

/*
 * Append `s` as table-cell text: one line, valid UTF-8, at most `max`
 * bytes, with the characters Markdown would read as markup escaped.
 */
static void add_cell(struct sg_buf *out, const char *s, size_t max)
{
	size_t used = 0;
	unsigned cp;

	while (*s) {
		size_t n = sg_utf8_next(&cp, s);

		if (used + n > max) {
			sg_buf_adds(out, "…");
			return;
		}
		used += n;
		if (cp == '\n' || cp == '\r' || cp == '\t')
			sg_buf_addch(out, ' ');
		else if (cp < 0x20 || cp == 0x7f)
			sg_utf8_add_cp(out, 0xfffd);
		else if (cp < 0x80 && strchr("\\`*_[]<>|~&#!", (int)cp)) {
			sg_buf_addch(out, '\\');
			sg_buf_addch(out, (char)cp);
		} else if (cp == 0xfffd && n == 1)
			sg_utf8_add_cp(out, cp);
		else
			sg_buf_add(out, s, n);
		s += n;
	}
}

/* A path as inline code; inside a table only '|' needs escaping there. */
static void add_code(struct sg_buf *out, const char *s)
{
	unsigned cp;

	if (strchr(s, '`') || strchr(s, '\n')) {
		add_cell(out, s, CELL_MAX);
		return;
	}
	sg_buf_addch(out, '`');
	while (*s) {
		size_t n = sg_utf8_next(&cp, s);

		if (cp == '|')
			sg_buf_adds(out, "\\|");
		else if (cp < 0x20 || (cp == 0xfffd && n == 1))
			sg_utf8_add_cp(out, 0xfffd);
		else
			sg_buf_add(out, s, n);
		s += n;
	}
	sg_buf_addch(out, '`');
}

/* A report about files alone (sbom validate), not about a change set. */
static int is_file_check(const struct sg_report *report)
{
	return report->mode && !strcmp(report->mode, "sbom");
}

static void add_row(struct sg_buf *out, const struct sg_report *report,
		    const struct sg_finding *f)
{
	size_t i;

	if (f->commit)
		sg_buf_addf(out, "| `%.7s` | ", f->commit);
	else if (is_file_check(report))
		sg_buf_adds(out, "| (file) | ");
	else
		sg_buf_adds(out, "| (change set) | ");
	sg_buf_addf(out, "`%s` | %s | ", f->rule,
		    f->waived ? "waived" : sg_severity_name(f->severity));
	for (i = 0; i < f->paths.nr && i < PATHS_LISTED; i++) {
		if (i)
			sg_buf_adds(out, ", ");
		add_code(out, f->paths.items[i]);
	}
	if (f->paths.nr > PATHS_LISTED)
		sg_buf_addf(out, " (+%zu more)", f->paths.nr - PATHS_LISTED);
	if (f->line)
		sg_buf_addf(out, " line %u", f->line);
	sg_buf_adds(out, " | ");
	add_cell(out, f->message, CELL_MAX);
	if (f->waived && f->waiver) {
		sg_buf_adds(out, " (waived: ");
		add_cell(out, f->waiver, CELL_MAX);
		sg_buf_adds(out, ")");
	}
	sg_buf_adds(out, " |\n");
}

/* The "Fix:" part of a rule's explanation, as one list item. */
static void add_fix_text(struct sg_buf *out, const char *explain)
{
	const char *fix = explain ? strstr(explain, "Fix:") : NULL;

	if (!fix)
		return;
	sg_buf_adds(out, "- ");
	add_cell(out, fix, CELL_MAX);
	sg_buf_addch(out, '\n');
}

static void add_fixes(struct sg_buf *out, const struct sg_report *report)
{
	struct sg_strlist hints = SG_STRLIST_INIT;
	size_t r, i;

	for (r = 0; r < report->rules_nr; r++) {
		const struct sg_rule_status *rs = &report->rules[r];
		size_t count = 0;

		sg_strlist_release(&hints);
		for (i = 0; i < report->findings.nr; i++) {
			const struct sg_finding *f = &report->findings.items[i];

			if (f->waived || strcmp(f->rule, rs->id))
				continue;
			count++;
			if (f->hint && *f->hint)
				sg_strlist_add_unique(&hints, f->hint);
		}
		if (!count)
			continue;
		if (!out->len)
			sg_buf_adds(out, "\n#### How to fix\n");
		sg_buf_addf(out, "\n**`%s`** (%zu): ", rs->id, count);
		add_cell(out, rs->title ? rs->title : "", CELL_MAX);
		sg_buf_adds(out, "\n\n");
		for (i = 0; i < hints.nr && i < HINTS_PER_RULE; i++) {
			sg_buf_adds(out, "- ");
			add_cell(out, hints.items[i], CELL_MAX);
			sg_buf_addch(out, '\n');
		}
		if (hints.nr > HINTS_PER_RULE)
			sg_buf_addf(out, "- … and %zu other hint(s) in the full report\n",
				    hints.nr - HINTS_PER_RULE);
		add_fix_text(out, rs->explain);
		sg_buf_addf(out, "- Details: `sdlgate explain %s`\n", rs->id);
	}
	sg_strlist_release(&hints);
}

static void add_notes(struct sg_buf *out, const struct sg_report *report)
{
	size_t i;

	for (i = 0; i < report->rules_nr; i++) {
		const struct sg_rule_status *rs = &report->rules[i];

		if (rs->state != SG_RULE_NOT_EVALUATED)
			continue;
		if (!out->len)
			sg_buf_adds(out, "\n#### Notes\n\n");
		sg_buf_addf(out, "- `%s` was not evaluated: ", rs->id);
		add_cell(out, rs->reason ? rs->reason : "", CELL_MAX);
		sg_buf_addch(out, '\n');
	}
	for (i = 0; i < report->notes.nr; i++) {
		if (!out->len)
			sg_buf_adds(out, "\n#### Notes\n\n");
		sg_buf_adds(out, "- ");
		add_cell(out, report->notes.items[i], CELL_MAX);
		sg_buf_addch(out, '\n');
	}
}

static void add_summary(struct sg_buf *out, const struct sg_report *report)
{
	sg_buf_addf(out, "### sdlgate %s: %s\n\n", report->mode ? report->mode : "check",
		    sg_report_passed(report) ? "PASS" : "FAIL");
	sg_buf_addf(out, "**%zu error(s), %zu warning(s), %zu waived**",
		    report->errors, report->warnings, report->waived);
	if (is_file_check(report)) {
		/* sbom validate: files on their own, no history and no policy */
		sg_buf_adds(out, ".\n");
		return;
	}
	sg_buf_addf(out, " in %zu change(s)", report->commits);
	if (report->base && report->head)
		sg_buf_addf(out, " (`%.7s..%.7s`)", report->base, report->head);
	else if (report->head)
		sg_buf_addf(out, " (up to `%.7s`)", report->head);
	sg_buf_adds(out, "; policy ");
	add_code(out, report->policy_path ? report->policy_path : "?");
	if (report->policy_from) {
		sg_buf_adds(out, " from ");
		add_code(out, report->policy_from);
	}
	sg_buf_adds(out, ".\n");
}

static int write_markdown(struct sg_buf *out, const struct sg_report *report)
{
	struct sg_buf head = SG_BUF_INIT, table = SG_BUF_INIT, row = SG_BUF_INIT;
	struct sg_buf fixes = SG_BUF_INIT, notes = SG_BUF_INIT;
	size_t i, budget, reserve = 300;

	add_summary(&head, report);
	add_fixes(&fixes, report);
	add_notes(&notes, report);
	budget = SG_MARKDOWN_MAX - reserve;
	/* the summary and fixes are bounded; notes give way before the table's head */
	if (head.len + fixes.len + notes.len > budget)
		sg_buf_setlen(&notes, 0);
	budget = head.len + fixes.len + notes.len < budget ?
		budget - head.len - fixes.len - notes.len : 0;

	if (report->findings.nr)
		sg_buf_adds(&table, "\n| commit | rule | severity | paths | message |\n"
				    "| --- | --- | --- | --- | --- |\n");
	for (i = 0; i < report->findings.nr; i++) {
		sg_buf_reset(&row);
		add_row(&row, report, &report->findings.items[i]);
		if (table.len + row.len > budget)
			break;
		sg_buf_add(&table, row.ptr, row.len);
	}
	sg_buf_add(out, head.ptr, head.len);
	sg_buf_add(out, table.ptr, table.len);
	if (i < report->findings.nr)
		sg_buf_addf(out, "\n_The report is cut at %d characters: %zu more finding(s) not shown. The JSON, SARIF or JUnit report has them all._\n",
			    SG_MARKDOWN_MAX, report->findings.nr - i);
	sg_buf_add(out, fixes.ptr, fixes.len);
	sg_buf_add(out, notes.ptr, notes.len);
	sg_buf_release(&head);
	sg_buf_release(&table);
	sg_buf_release(&row);
	sg_buf_release(&fixes);
	sg_buf_release(&notes);
	return 0;
}

const struct sg_reporter sg_reporter_markdown = {
	"markdown", "Markdown summary (merge-request comment, CI job summary)",
	write_markdown,
};
