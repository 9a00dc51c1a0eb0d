#include "git/change.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/rule.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/glob.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * sbom-co-change and risk-co-change share one shape: a change touching a
 * trigger path must also change an obligation file. With
 * scope.co_change: commit that holds per commit; with change-set, an
 * obligation change anywhere in the change set satisfies every trigger,
 * and the finding goes to the oldest triggering commit.
 */

#define MAX_PATHS_LISTED 50

struct cochange {
	const char *rule;
	const struct sg_strlist *triggers;
	const struct sg_strlist *files;
	const char *what;                /* "SBOM", "security risk file" */
	const char *unchanged_trailer;   /* risk only: explicit re-assessment */
	/* change-set scope */
	int obligation_met;
	int triggered;
	struct sg_change_ref {
		char *oid;
		char *subject;
		size_t seq;
	} oldest;
	size_t triggering_commits;
	struct sg_strlist trigger_paths;
};

static void collect(struct sg_strlist *out, const struct sg_strlist *paths,
		    const struct sg_strlist *patterns, const struct sg_strlist *exclude)
{
	size_t i;

	for (i = 0; i < paths->nr; i++)
		if (sg_glob_match_any(patterns, paths->items[i]) &&
		    !(exclude && sg_glob_match_any(exclude, paths->items[i])))
			sg_strlist_add(out, paths->items[i]);
}

/*
 * "unchanged - refactoring only": 0 without the trailer, 1 for a valid
 * assessment, -1 for one without a reason (not an assessment).
 */
static int reassessed(const struct cochange *cc, const struct sg_change *change,
		      char **bad_value)
{
	struct sg_strlist values = SG_STRLIST_INIT;
	size_t i;
	int result = 0;

	*bad_value = NULL;
	if (!cc->unchanged_trailer)
		return 0;
	sg_trailers_values(&values, &change->trailers, cc->unchanged_trailer);
	for (i = 0; i < values.nr && result != 1; i++) {
		const char *p = values.items[i];

		if (strncasecmp(p, "unchanged", 9)) {
			result = -1;
		} else {
			p += 9;
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p == '-' || *p == ':') {
				p++;
				while (isspace((unsigned char)*p))
					p++;
			}
			result = *p ? 1 : -1;
		}
		if (result == -1 && !*bad_value)
			*bad_value = sg_xstrdup(values.items[i]);
	}
	sg_strlist_release(&values);
	return result;
}

static void set_hint(struct sg_finding *f, const struct cochange *cc,
		     const struct sg_gate *gate)
{
	struct sg_buf h = SG_BUF_INIT;

	sg_buf_addf(&h, "update %s", cc->files->items[0]);
	if (cc->files->nr > 1)
		sg_buf_addf(&h, " (or another file of %zu listed in the policy)", cc->files->nr);
	sg_buf_adds(&h, gate->policy->co_change_commit ? " in the same commit" :
		    " in this change set");
	if (cc->unchanged_trailer)
		sg_buf_addf(&h, ", or add '%s: unchanged - <reason>' to the commit message when the risks are unchanged",
			    cc->unchanged_trailer);
	f->hint = sg_buf_detach(&h);
}

static int cochange_change(struct sg_gate *gate, struct cochange *cc,
			   const struct sg_change *change)
{
	struct sg_strlist triggers = SG_STRLIST_INIT, obligations = SG_STRLIST_INIT;
	struct sg_finding *f;
	char *bad = NULL;
	int assessed = 0;
	size_t i;

	collect(&obligations, &change->paths, cc->files, NULL);
	collect(&triggers, &change->paths, cc->triggers, cc->files);
	if (obligations.nr)
		cc->obligation_met = 1;
	if (!triggers.nr || obligations.nr)
		goto done;

	if (cc->unchanged_trailer) {
		if (!change->message) {
			sg_gate_not_evaluated(gate, cc->rule,
				"the commit message (which may carry '%s: unchanged - <reason>') is not written yet; the commit-msg hook checks it",
				cc->unchanged_trailer);
			goto done;
		}
		assessed = reassessed(cc, change, &bad);
		if (assessed == 1)
			goto done;
		if (assessed < 0) {
			f = sg_gate_add(gate, cc->rule, change,
					"'%s: %s' is not an assessment: it needs 'unchanged - <reason>'",
					cc->unchanged_trailer, bad);
			sg_strlist_copy(&f->paths, &triggers);
			sg_finding_set_hint(f, "write the reason the risks are unchanged, e.g. '%s: unchanged - refactoring only'",
					    cc->unchanged_trailer);
			goto done;
		}
	}

	if (gate->policy->co_change_commit) {
		f = sg_gate_add(gate, cc->rule, change,
				"the change touches %s trigger path(s) but not the %s",
				triggers.nr == 1 ? "a" : "several", cc->what);
		for (i = 0; i < triggers.nr && i < MAX_PATHS_LISTED; i++)
			sg_strlist_add(&f->paths, triggers.items[i]);
		set_hint(f, cc, gate);
		goto done;
	}

	/* change-set scope: remember the oldest triggering change (walked last) */
	cc->triggered = 1;
	cc->triggering_commits++;
	free(cc->oldest.oid);
	free(cc->oldest.subject);
	cc->oldest.oid = change->oid ? sg_xstrdup(change->oid) : NULL;
	cc->oldest.subject = sg_xstrdup(change->subject);
	cc->oldest.seq = change->seq;
	for (i = 0; i < triggers.nr && cc->trigger_paths.nr < MAX_PATHS_LISTED; i++)
		sg_strlist_add_unique(&cc->trigger_paths, triggers.items[i]);
done:
	free(bad);
	sg_strlist_release(&triggers);
	sg_strlist_release(&obligations);
	return 0;
}

static int cochange_finish(struct sg_gate *gate, struct cochange *cc)
{
	struct sg_finding *f;

	if (!cc->triggered || cc->obligation_met)
		return 0;
	if (sg_gate_is_staged(gate)) {
		/* change-set obligations can still be met before the push */
		f = sg_gate_add(gate, cc->rule, NULL,
				"reminder: this change touches %s trigger paths; the %s must change before the push",
				cc->what, cc->what);
		f->severity = SG_SEV_WARNING;
		f->seq = 0;
	} else {
		f = sg_gate_add(gate, cc->rule, NULL,
				"%zu change(s) touch %s trigger paths but the change set does not change the %s",
				cc->triggering_commits, cc->what, cc->what);
		free(f->commit);
		f->commit = cc->oldest.oid ? sg_xstrdup(cc->oldest.oid) : NULL;
		f->subject = sg_xstrdup(cc->oldest.subject);
		f->seq = cc->oldest.seq;
	}
	sg_strlist_sort(&cc->trigger_paths);
	sg_strlist_copy(&f->paths, &cc->trigger_paths);
	set_hint(f, cc, gate);
	return 0;
}

static void cochange_free(void *state)
{
	struct cochange *cc = state;

	free(cc->oldest.oid);
	free(cc->oldest.subject);
	sg_strlist_release(&cc->trigger_paths);
	free(cc);
}

/* SBOM */

static const char *sbom_off(const struct sg_gate *gate)
{
	return gate->policy->sbom.present ? NULL : "the policy has no 'sbom' section";
}

static int sbom_begin(struct sg_gate *gate, void **state)
{
	struct cochange *cc = sg_xcalloc(1, sizeof(*cc));

	cc->rule = "sbom-co-change";
	cc->triggers = &gate->policy->sbom.triggers;
	cc->files = &gate->policy->sbom.files;
	cc->what = "SBOM";
	*state = cc;
	return 0;
}

static int sbom_change(struct sg_gate *gate, void *state, const struct sg_change *change)
{
	return cochange_change(gate, state, change);
}

static int sbom_finish(struct sg_gate *gate, void *state)
{
	return cochange_finish(gate, state);
}

const struct sg_rule sg_rule_sbom_co_change = {
	.id = "sbom-co-change",
	.title = "A change set touching dependencies also updates the SBOM",
	.clauses = "8",
	.severity = SG_SEV_ERROR,
	.off_reason = sbom_off,
	.begin = sbom_begin,
	.change = sbom_change,
	.finish = sbom_finish,
	.free = cochange_free,
	.explain =
		"A change touching sbom.triggers (build files, lockfiles, third_party/)\n"
		"must also change one of sbom.files. With scope.co_change: commit the\n"
		"SBOM must change in the same commit; with change-set, anywhere in the\n"
		"pushed range or merge request. At pre-commit a change-set obligation\n"
		"is only a reminder.\n"
		"Fix: regenerate the SBOM and commit it with the dependency change.\n",
};

/* Security risk file */

static const char *risk_off(const struct sg_gate *gate)
{
	return gate->policy->risk.present ? NULL : "the policy has no 'risk' section";
}

static int risk_begin(struct sg_gate *gate, void **state)
{
	struct cochange *cc = sg_xcalloc(1, sizeof(*cc));

	cc->rule = "risk-co-change";
	cc->triggers = &gate->policy->risk.triggers;
	cc->files = &gate->policy->risk.files;
	cc->what = "security risk file";
	cc->unchanged_trailer = gate->policy->risk.unchanged_trailer;
	*state = cc;
	return 0;
}

static int risk_change(struct sg_gate *gate, void *state, const struct sg_change *change)
{
	return cochange_change(gate, state, change);
}

static int risk_finish(struct sg_gate *gate, void *state)
{
	return cochange_finish(gate, state);
}

const struct sg_rule sg_rule_risk_co_change = {
	.id = "risk-co-change",
	.title = "A change set touching risk triggers updates the security risk file or re-assesses it",
	.clauses = "4.2 7.2 7.3 7.4",
	.severity = SG_SEV_ERROR,
	.off_reason = risk_off,
	.begin = risk_begin,
	.change = risk_change,
	.finish = risk_finish,
	.free = cochange_free,
	.explain =
		"A change touching risk.triggers must change one of risk.files, or\n"
		"carry 'Risk-Assessment: unchanged - <reason>' (risk.unchanged_trailer)\n"
		"saying why the security risks are unchanged; an empty reason is not an\n"
		"assessment. Scope as for sbom-co-change.\n"
		"Fix: update the risk file, or amend the message with the trailer.\n",
};
