#include "rules/sbom_rules.h"
#include "git/change.h"
#include "git/snapshot.h"
#include "model/sbom.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/rule.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/glob.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/*
 * sbom-valid: the SBOM files a change set modifies are checked as they
 * are at the change set's head (the index at pre-commit and commit-msg);
 * at the release gate every SBOM file is, whatever changed.
 */

static const char *sbom_off(const struct sg_gate *gate)
{
	return gate->policy->sbom.present ? NULL : "the policy has no 'sbom' section";
}

/* Shared with sbom-drift (sbom_rules.h) */

int sg_sbom_rule_is_literal(const struct sg_strlist *patterns, const char *path)
{
	size_t i;

	for (i = 0; i < patterns->nr; i++) {
		const char *p = patterns->items[i];

		if (p[0] == '/')
			p++;
		if (!sg_glob_has_wildcard(p) && !strcmp(p, path))
			return 1;
	}
	return 0;
}

int sg_sbom_rule_files(struct sg_strlist *out, const struct sg_snapshot *snap,
		       const struct sg_strlist *patterns)
{
	struct sg_strlist found = SG_STRLIST_INIT;
	size_t i;
	int error = 0;

	for (i = 0; i < patterns->nr && !error; i++) {
		const char *p = patterns->items[i];

		if (p[0] == '/')
			p++;
		if (sg_glob_has_wildcard(p))
			error = sg_snapshot_list(&found, snap, p);
		else
			sg_strlist_add(&found, p);
	}
	sg_strlist_sort(&found);
	for (i = 0; i < found.nr; i++)
		if (!i || strcmp(found.items[i], found.items[i - 1]))
			sg_strlist_add(out, found.items[i]);
	sg_strlist_release(&found);
	return error;
}

void sg_sbom_touches_add(struct sg_sbom_touches *t, const char *path,
			 const char *oid, const char *subject, size_t seq)
{
	struct sg_sbom_touch *touch;
	size_t i;

	for (i = 0; i < t->nr; i++)
		if (!strcmp(t->items[i].path, path))
			return;
	SG_ALLOC_GROW(t->items, t->nr + 1, t->alloc);
	touch = &t->items[t->nr++];
	touch->path = sg_xstrdup(path);
	touch->oid = oid ? sg_xstrdup(oid) : NULL;
	touch->subject = sg_xstrdup(subject ? subject : "");
	touch->seq = seq;
}

void sg_sbom_touches_release(struct sg_sbom_touches *t)
{
	size_t i;

	for (i = 0; i < t->nr; i++) {
		free(t->items[i].path);
		free(t->items[i].oid);
		free(t->items[i].subject);
	}
	free(t->items);
	memset(t, 0, sizeof(*t));
}

struct sg_finding *sg_sbom_rule_add(struct sg_gate *gate, const char *rule,
				    const struct sg_sbom_touch *touch,
				    const char *fmt, ...)
{
	struct sg_buf msg = SG_BUF_INIT;
	struct sg_finding *f;
	va_list ap;

	va_start(ap, fmt);
	sg_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	f = sg_gate_add(gate, rule, NULL, "%s", msg.ptr);
	sg_buf_release(&msg);
	if (touch) {
		f->commit = touch->oid ? sg_xstrdup(touch->oid) : NULL;
		f->subject = sg_xstrdup(touch->subject);
		f->seq = touch->seq;
	}
	return f;
}

unsigned sg_sbom_rule_error_line(const char *message, const char *name)
{
	size_t n = strlen(name);
	unsigned long line;
	char *end;

	if (strncmp(message, name, n) || message[n] != ':' ||
	    message[n + 1] < '0' || message[n + 1] > '9')
		return 0;
	line = strtoul(message + n + 1, &end, 10);
	return *end == ':' && line <= 0xffffffffUL ? (unsigned)line : 0;
}

/* sbom-valid */

struct valid_state {
	struct sg_sbom_touches touched;   /* SBOM files the change set modified */
};

static int valid_begin(struct sg_gate *gate, void **state)
{
	(void)gate;
	*state = sg_xcalloc(1, sizeof(struct valid_state));
	return 0;
}

static int valid_change(struct sg_gate *gate, void *state,
			const struct sg_change *change)
{
	struct valid_state *st = state;
	size_t i;

	for (i = 0; i < change->paths.nr; i++)
		if (sg_glob_match_any(&gate->policy->sbom.files, change->paths.items[i]))
			sg_sbom_touches_add(&st->touched, change->paths.items[i],
					    change->oid, change->subject, change->seq);
	return 0;
}

/*
 * The SBOM could not be read at all (not JSON, not an SBOM, too large).
 * Inside a gate this is a finding, not exit 2: the report still lists
 * everything else, and an SBOM nobody can read is never a warning, so
 * the finding is an error whatever the policy's 'rules:' says.
 */
static void unreadable(struct sg_gate *gate, const struct sg_sbom_touch *touch,
		       const char *path)
{
	const char *hint = sg_error_hint_text();
	struct sg_finding *f;

	f = sg_sbom_rule_add(gate, "sbom-valid", touch, "%s", sg_error_message());
	f->severity = SG_SEV_ERROR;
	f->line = sg_sbom_rule_error_line(f->message, path);
	sg_strlist_add(&f->paths, path);
	sg_finding_set_hint(f, "%s", hint ? hint :
			    "regenerate the SBOM with its generator and commit it");
	sg_error_clear();
}

static int check_file(struct sg_gate *gate, const char *path,
		      const struct sg_sbom_touch *touch)
{
	struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
	struct sg_buf data = SG_BUF_INIT;
	unsigned flags = gate->policy->sbom.ntia ? SG_SBOM_CHECK_NTIA : 0;
	struct sg_finding *f;
	size_t i;
	int rc, error = 0;

	rc = sg_snapshot_read(&data, gate->head, path, SG_SBOM_MAX_SIZE);
	if (rc < 0 && sg_error_kind() == SG_ERROR_REPO) {
		error = -1;
		goto done;
	}
	if (rc < 0) {
		unreadable(gate, touch, path);
		goto done;
	}
	if (rc > 0) {
		/* a file matched by a wildcard may go away; a named one may not */
		if (!sg_sbom_rule_is_literal(&gate->policy->sbom.files, path))
			goto done;
		f = sg_sbom_rule_add(gate, "sbom-valid", touch,
				     "the SBOM '%s' named in sbom.files does not exist at %s",
				     path, sg_snapshot_name(gate->head));
		sg_strlist_add(&f->paths, path);
		sg_finding_set_hint(f, "generate the SBOM and commit it at %s, or correct sbom.files in the policy",
				    path);
		goto done;
	}
	if (sg_sbom_check(&issues, path, data.ptr, data.len, flags) < 0) {
		unreadable(gate, touch, path);
		goto done;
	}
	for (i = 0; i < issues.nr; i++) {
		struct sg_sbom_issue *is = &issues.items[i];

		f = sg_sbom_rule_add(gate, "sbom-valid", touch, "%s", is->message);
		sg_strlist_add(&f->paths, path);
		if (is->hint)
			f->hint = sg_xstrdup(is->hint);
		if (is->component)
			f->component = sg_xstrdup(is->component);
		sg_strlist_copy(&f->missing, &is->missing);
	}
done:
	sg_sbom_issues_release(&issues);
	sg_buf_release(&data);
	return error;
}

/* At release: every SBOM file, each attributed to the change that touched it. */
static int check_release(struct sg_gate *gate, struct valid_state *st)
{
	const struct sg_strlist *patterns = &gate->policy->sbom.files;
	struct sg_strlist files = SG_STRLIST_INIT;
	struct sg_finding *f;
	size_t i, j;
	int error;

	error = sg_sbom_rule_files(&files, gate->head, patterns);
	for (i = 0; i < files.nr && !error; i++) {
		const struct sg_sbom_touch *touch = NULL;

		for (j = 0; j < st->touched.nr && !touch; j++)
			if (!strcmp(st->touched.items[j].path, files.items[i]))
				touch = &st->touched.items[j];
		error = check_file(gate, files.items[i], touch);
	}
	/*
	 * A wildcard entry may match nothing (optional vendor SBOMs; a named
	 * file that is missing is a finding above), but a release without any
	 * SBOM file has nothing to show.
	 */
	if (!error && !files.nr) {
		f = sg_sbom_rule_add(gate, "sbom-valid", NULL,
				     "no SBOM file at %s: nothing matches sbom.files",
				     sg_snapshot_name(gate->head));
		sg_finding_set_hint(f, "generate the SBOM and commit it where sbom.files says, before the release");
	}
	sg_strlist_release(&files);
	return error;
}

static int valid_finish(struct sg_gate *gate, void *state)
{
	struct valid_state *st = state;
	size_t i;
	int error = 0;

	if (gate->mode == SG_GATE_RELEASE)
		return check_release(gate, st);
	if (!gate->changes) {
		sg_gate_not_evaluated(gate, "sbom-valid", "no changes to check");
		return 0;
	}
	for (i = 0; i < st->touched.nr && !error; i++)
		error = check_file(gate, st->touched.items[i].path, &st->touched.items[i]);
	return error;
}

static void valid_free(void *state)
{
	struct valid_state *st = state;

	sg_sbom_touches_release(&st->touched);
	free(st);
}

const struct sg_rule sg_rule_sbom_valid = {
	.id = "sbom-valid",
	.title = "Every SBOM parses as CycloneDX or SPDX and has the NTIA minimum elements",
	.clauses = "8",
	.severity = SG_SEV_ERROR,
	/* a release checks every SBOM even with no commit since the last one */
	.runs_on_empty = 1,
	.off_reason = sbom_off,
	.begin = valid_begin,
	.change = valid_change,
	.finish = valid_finish,
	.free = valid_free,
	.explain =
		"Every SBOM file (sbom.files; wildcards allowed) that the change set\n"
		"modifies is checked as it is at the change set's head (the index at\n"
		"pre-commit); at the release gate every SBOM file is, changed or not.\n"
		"Formats: CycloneDX JSON 1.2-1.6, SPDX JSON 2.2/2.3, SPDX 3.0 JSON-LD.\n"
		"Structure: required fields, known enums, serialNumber, RFC 3339\n"
		"timestamps, unique bom-ref/SPDXID, dependency and relationship ends\n"
		"that resolve, no template placeholders (@NAME@, ${NAME}).\n"
		"With sbom.minimum_elements: ntia, one finding per component that\n"
		"lacks name, version, identifier (purl, CPE, SWID) or supplier, with\n"
		"'component' and 'missing', and one per document gap (author,\n"
		"timestamp, dependencies).\n"
		"An SBOM that is not JSON, not an SBOM or too large is a finding of\n"
		"severity error (file:line:col in the message), so the report still\n"
		"lists everything; 'sdlgate sbom validate' exits 2 for it instead.\n"
		"A file named in sbom.files that no longer exists is a finding.\n"
		"Fix: regenerate the SBOM with its generator, or complete the\n"
		"component data (supplier, purl) the finding names.\n",
};
