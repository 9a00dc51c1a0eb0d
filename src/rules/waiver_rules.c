#include "git/change.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/rule.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/glob.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * waiver-expired, which also applies the waivers. It runs last, so in its
 * finish every other rule's findings are there: a finding a live waiver
 * matches is marked waived (it stays in the report and does not fail the
 * gate). A waiver past its date waives nothing and is itself an error; a
 * live waiver that could have matched in this change set and did not is
 * stale (a warning), so waivers do not outlive their reason unnoticed.
 */

static const char *waivers_off(const struct sg_gate *gate)
{
	return gate->policy->waivers_nr ? NULL : "the policy has no waivers";
}

struct waiver_state {
	/* per waiver: a change of this change set is the commit or has the path */
	unsigned char *in_reach;
};

static int commit_matches(const struct sg_waiver *w, const char *oid)
{
	return oid && !strncasecmp(w->commit, oid, strlen(w->commit));
}

static int path_matches(const struct sg_waiver *w, const struct sg_strlist *paths)
{
	size_t i;

	for (i = 0; i < paths->nr; i++)
		if (sg_glob_match(w->path, paths->items[i]))
			return 1;
	return 0;
}

/* A waiver naming both a commit and a path asks for both: the narrow reading. */
static int waiver_matches(const struct sg_waiver *w, const char *oid,
			  const struct sg_strlist *paths)
{
	if (w->commit && !commit_matches(w, oid))
		return 0;
	if (w->path && !path_matches(w, paths))
		return 0;
	return 1;
}

static int waiver_begin(struct sg_gate *gate, void **state)
{
	struct waiver_state *s = sg_xcalloc(1, sizeof(*s));

	s->in_reach = sg_xcalloc(gate->policy->waivers_nr, 1);
	*state = s;
	return 0;
}

static int waiver_change(struct sg_gate *gate, void *state,
			 const struct sg_change *change)
{
	struct waiver_state *s = state;
	size_t i;

	for (i = 0; i < gate->policy->waivers_nr; i++)
		if (!s->in_reach[i] &&
		    waiver_matches(&gate->policy->waivers[i], change->oid, &change->paths))
			s->in_reach[i] = 1;
	return 0;
}

static int rule_evaluated(const struct sg_gate *gate, const char *rule)
{
	size_t i;

	for (i = 0; i < gate->runs_nr; i++)
		if (!strcmp(gate->runs[i].rule->id, rule))
			return gate->runs[i].active && !gate->runs[i].not_evaluated;
	return 0;
}

static void describe(struct sg_buf *out, const struct sg_waiver *w)
{
	sg_buf_addf(out, "the waiver of '%s' for ", w->rule);
	if (w->commit)
		sg_buf_addf(out, "commit %s", w->commit);
	if (w->commit && w->path)
		sg_buf_adds(out, " and ");
	if (w->path)
		sg_buf_addf(out, "path '%s'", w->path);
}

/* Point the finding at the waiver's entry: "file:line:column". */
static void locate(struct sg_finding *f, const struct sg_waiver *w)
{
	const char *where = w->where ? w->where : "";
	const char *col = strrchr(where, ':');
	const char *line = NULL, *p;

	for (p = col ? col - 1 : NULL; p && p >= where; p--)
		if (*p == ':') {
			line = p;
			break;
		}
	if (!line) {
		sg_strlist_add(&f->paths, *where ? where : ".sdlgate.yml");
		return;
	}
	sg_strlist_add_owned(&f->paths, sg_xstrndup(where, (size_t)(line - where)));
	f->line = (unsigned)strtoul(line + 1, NULL, 10);
}

/*
 * Why a live waiver that matched nothing is stale, or NULL when it may
 * still match elsewhere. Its commit or path in this change set is one
 * reason; a commit the repository does not have (a typo) waives nothing
 * anywhere; at the release gate, a path no file of the release has.
 */
static const char *stale_reason(struct sg_gate *gate, const struct waiver_state *s,
				size_t i, int *error)
{
	const struct sg_waiver *w = &gate->policy->waivers[i];
	struct sg_strlist files = SG_STRLIST_INIT;
	char oid[41];
	int rc, none;

	if (s->in_reach[i])
		return rule_evaluated(gate, w->rule) ?
			" matched no finding in this change set: it is stale" : NULL;
	if (w->commit && gate->repo) {
		rc = sg_repo_find_commit(oid, gate->repo, w->commit);
		if (rc < 0) {
			*error = -1;
			return NULL;
		}
		if (rc == 1)
			return " names a commit this repository does not have: it waives nothing";
		if (rc == 2)
			return " names an abbreviated commit id that several objects share: it waives nothing";
	}
	if (w->path && !w->commit && gate->mode == SG_GATE_RELEASE && gate->head) {
		if (sg_snapshot_list(&files, gate->head, w->path) < 0) {
			*error = -1;
			return NULL;
		}
		none = files.nr == 0;
		sg_strlist_release(&files);
		if (none)
			return " matches no file of the release: it is stale";
	}
	return NULL;
}

static int waiver_finish(struct sg_gate *gate, void *state)
{
	const struct sg_policy *p = gate->policy;
	struct waiver_state *s = state;
	struct sg_buf msg = SG_BUF_INIT;
	size_t i, j, others = gate->findings.nr;
	struct sg_finding *f;
	const char *stale;
	int error = 0;

	for (i = 0; i < p->waivers_nr && !error; i++) {
		const struct sg_waiver *w = &p->waivers[i];
		int expired = gate->today && strcmp(w->expires, gate->today) < 0;
		int matched = 0;

		for (j = 0; j < others && !expired; j++) {
			f = &gate->findings.items[j];
			if (strcmp(f->rule, w->rule) || !strcmp(f->rule, "waiver-expired") ||
			    !waiver_matches(w, f->commit, &f->paths))
				continue;
			matched = 1;
			if (!f->waived) {
				f->waived = 1;
				f->waiver = sg_xstrdup(w->reason);
			}
		}
		sg_buf_reset(&msg);
		describe(&msg, w);
		if (expired) {
			sg_buf_addf(&msg, " expired on %s (approved by %s): it no longer waives anything",
				    w->expires, w->approved_by);
			f = sg_gate_add(gate, "waiver-expired", NULL, "%s", msg.ptr);
			sg_finding_set_hint(f, "fix what it waived and remove the waiver, or renew it with a new approval and 'expires' date");
		} else if (!matched && (stale = stale_reason(gate, s, i, &error)) != NULL) {
			sg_buf_adds(&msg, stale);
			f = sg_gate_add(gate, "waiver-expired", NULL, "%s", msg.ptr);
			f->severity = SG_SEV_WARNING;
			sg_finding_set_hint(f, "remove the waiver if the problem it waived is fixed, or correct its commit or path");
		} else {
			continue;
		}
		locate(f, w);
	}
	sg_buf_release(&msg);
	return error;
}

static void waiver_free(void *state)
{
	struct waiver_state *s = state;

	free(s->in_reach);
	free(s);
}

const struct sg_rule sg_rule_waiver_expired = {
	.id = "waiver-expired",
	.title = "No waiver is past its expiry date",
	.clauses = "5.1.1",
	.severity = SG_SEV_ERROR,
	.always_on = 1,
	/* expired waivers and the release rules' findings matter with no new commit */
	.runs_on_empty = 1,
	.off_reason = waivers_off,
	.begin = waiver_begin,
	.change = waiver_change,
	.finish = waiver_finish,
	.free = waiver_free,
	.explain =
		"Applies the policy's waivers and checks them. A waiver names a rule\n"
		"and a commit (an abbreviated id of at least 7 hex digits) or a path\n"
		"pattern (or both, then both must match), a reason, approved_by and\n"
		"expires (YYYY-MM-DD):\n"
		"  waivers:\n"
		"    - {rule: sbom-co-change, commit: 1a2b3c4, reason: vendored fix,\n"
		"       approved_by: qa@example.org, expires: 2027-01-31}\n"
		"A finding of that rule on that commit, or with a path the pattern\n"
		"matches, stays in the report as waived and does not fail the gate.\n"
		"A waiver past its expires date waives nothing and is an error. A\n"
		"waiver is stale (a warning) when its commit or path is in the change\n"
		"set but it matched no finding, when the repository has no commit with\n"
		"its id, or, at the release gate, when its path matches no file.\n"
		"Fix: renew the waiver with a new approval and date, or fix the finding\n"
		"and remove the waiver.\n",
};
