#include "cmd.h"
#include "model/sbom.h"
#include "report/report.h"
#include "rules/rule.h"
#include "rules/sbom_rules.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * sdlgate sbom validate [--no-ntia] FILE...: the checks of sbom-valid on
 * files outside any policy or repository, in every report format. Exit 0
 * when every file is valid and complete, 1 with findings, 2 when a file
 * cannot be read or is not an SBOM (the others are still reported).
 */

static void add_rule(struct sg_report *report)
{
	struct sg_rule_status *rs = sg_xcalloc(1, sizeof(*rs));

	rs->id = sg_rule_sbom_valid.id;
	rs->title = sg_rule_sbom_valid.title;
	rs->state = SG_RULE_PASS;
	rs->severity = SG_SEV_ERROR;
	sg_strlist_add(&rs->clauses, sg_rule_sbom_valid.clauses);
	report->rules = rs;
	report->rules_nr = 1;
}

/* What the report says about a file besides its findings. */
static void file_note(struct sg_report *report, const char *name,
		      const struct sg_sbom *sbom, size_t issues, size_t gaps)
{
	struct sg_buf note = SG_BUF_INIT;

	/* "CycloneDX 1.6", "SPDX 2.3": the family and the version as written */
	if (sbom->spec_version)
		sg_buf_addf(&note, "%s: %s %s", name,
			    sbom->format == SG_SBOM_CYCLONEDX ? "CycloneDX" : "SPDX",
			    sbom->spec_version);
	else
		sg_buf_addf(&note, "%s: %s", name, sg_sbom_format_name(sbom->format));
	sg_buf_addf(&note, ", %zu component(s), %zu finding(s)", sbom->components_nr,
		    issues);
	if (gaps)
		sg_buf_addf(&note, " (%zu component(s) missing NTIA elements)", gaps);
	sg_strlist_add_owned(&report->notes, sg_buf_detach(&note));
}

/* Returns 0, or -1 when the file is unreadable or not an SBOM (printed). */
static int validate_file(struct sg_report *report, const char *name,
			 unsigned flags)
{
	struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
	struct sg_sbom *sbom = NULL;
	struct sg_buf data = SG_BUF_INIT;
	struct sg_finding *f;
	size_t i, gaps = 0;
	int error = -1;

	if (!strcmp(name, "-")) {
		name = "<stdin>";
		if (sg_fs_read_fd(&data, STDIN_FILENO, name, SG_SBOM_MAX_SIZE) < 0)
			goto fail;
	} else if (sg_fs_read(&data, name, SG_SBOM_MAX_SIZE) < 0) {
		goto fail;
	}
	if (sg_sbom_check_read(&issues, &sbom, name, data.ptr, data.len, flags) < 0)
		goto fail;
	for (i = 0; i < issues.nr; i++) {
		struct sg_sbom_issue *is = &issues.items[i];

		f = sg_findings_add(&report->findings, sg_rule_sbom_valid.id, NULL,
				    "%s", is->message);
		f->severity = SG_SEV_ERROR;
		f->seq = report->commits;
		f->subject = sg_xstrdup(name);   /* names the JUnit case: one per file */
		sg_strlist_add(&f->paths, name);
		f->hint = is->hint ? sg_xstrdup(is->hint) : NULL;
		f->component = is->component ? sg_xstrdup(is->component) : NULL;
		sg_strlist_copy(&f->missing, &is->missing);
		sg_strlist_add(&f->clauses, sg_rule_sbom_valid.clauses);
		gaps += is->component && is->missing.nr;
	}
	file_note(report, name, sbom, issues.nr, gaps);
	error = 0;
	goto done;
fail:
	/*
	 * Exit 2, said on stderr even with --quiet; the report lists it too,
	 * as a finding like the gate's, so it never reads as a pass.
	 */
	fprintf(stderr, "sdlgate sbom: %s\n", sg_error_message());
	if (sg_error_hint_text())
		fprintf(stderr, "hint: %s\n", sg_error_hint_text());
	f = sg_findings_add(&report->findings, sg_rule_sbom_valid.id, NULL, "%s",
			    sg_error_message());
	f->severity = SG_SEV_ERROR;
	f->seq = report->commits;
	f->subject = sg_xstrdup(name);
	f->line = sg_sbom_rule_error_line(f->message, name);
	sg_strlist_add(&f->paths, name);
	f->hint = sg_error_hint_text() ? sg_xstrdup(sg_error_hint_text()) : NULL;
	sg_strlist_add(&f->clauses, sg_rule_sbom_valid.clauses);
	sg_error_clear();
done:
	sg_sbom_free(sbom);
	sg_sbom_issues_release(&issues);
	sg_buf_release(&data);
	return error;
}

static int sbom_validate(int argc, char **argv, struct sg_ctx *ctx)
{
	struct sg_report report;
	unsigned flags = SG_SBOM_CHECK_NTIA;
	int i, files = 0, unreadable = 0, rc, only_files = 0;

	for (i = 2; i < argc; i++) {
		if (only_files || !strcmp(argv[i], "-") || argv[i][0] != '-')
			files++;
		else if (!strcmp(argv[i], "--"))
			only_files = 1;
		else if (!strcmp(argv[i], "--no-ntia"))
			flags &= ~SG_SBOM_CHECK_NTIA;
		else if (!strcmp(argv[i], "--ntia"))
			flags |= SG_SBOM_CHECK_NTIA;
		else
			return sg_usage_error("sbom", "unknown option '%s'", argv[i]);
	}
	if (!files)
		return sg_usage_error("sbom", "name the SBOM file(s) to validate");

	memset(&report, 0, sizeof(report));
	report.mode = "sbom";
	add_rule(&report);
	only_files = 0;
	for (i = 2; i < argc; i++) {
		if (!only_files && !strcmp(argv[i], "--")) {
			only_files = 1;
			continue;
		}
		if (!only_files && argv[i][0] == '-' && argv[i][1])
			continue;
		if (validate_file(&report, argv[i], flags) < 0)
			unreadable++;
		report.commits++;   /* files checked, in the report's "range" */
	}
	sg_report_finish(&report);
	rc = sg_ctx_emit(ctx, &report);
	if (unreadable && rc < SG_EXIT_INPUT)
		rc = SG_EXIT_INPUT;
	sg_report_release(&report);
	return rc;
}

int cmd_sbom(int argc, char **argv, struct sg_ctx *ctx)
{
	if (argc < 2)
		return sg_usage_error("sbom", "expected 'validate FILE...'");
	if (!strcmp(argv[1], "validate"))
		return sbom_validate(argc, argv, ctx);
	return sg_usage_error("sbom", "unknown subcommand '%s' (expected 'validate')",
			      argv[1]);
}
