#include "rules/gate.h"
#include "git/change.h"
#include "git/snapshot.h"
#include "model/requirements.h"
#include "policy/policy.h"
#include "rules/rule.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define SG_REGISTRY_MAX_SIZE (8 * 1024 * 1024)

const char *sg_gate_mode_name(enum sg_gate_mode mode)
{
	switch (mode) {
	case SG_GATE_RANGE:
		return "range";
	case SG_GATE_STAGED:
		return "staged";
	case SG_GATE_COMMIT_MSG:
		return "commit-msg";
	case SG_GATE_MR:
		return "mr";
	case SG_GATE_PRE_PUSH:
		return "pre-push";
	case SG_GATE_PRE_RECEIVE:
		return "pre-receive";
	default:
		return "release";
	}
}

int sg_gate_is_staged(const struct sg_gate *gate)
{
	return gate->mode == SG_GATE_STAGED || gate->mode == SG_GATE_COMMIT_MSG;
}

static struct sg_rule_run *find_run(struct sg_gate *gate, const char *rule)
{
	size_t i;

	for (i = 0; i < gate->runs_nr; i++)
		if (!strcmp(gate->runs[i].rule->id, rule))
			return &gate->runs[i];
	return NULL;
}

struct sg_finding *sg_gate_add(struct sg_gate *gate, const char *rule,
			       const struct sg_change *change,
			       const char *fmt, ...)
{
	struct sg_rule_run *run = find_run(gate, rule);
	struct sg_buf msg = SG_BUF_INIT;
	struct sg_finding *f;
	va_list ap;

	va_start(ap, fmt);
	sg_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	f = sg_findings_add(&gate->findings, run ? run->rule->id : rule,
			    change ? change->oid : NULL, "%s", msg.ptr);
	sg_buf_release(&msg);
	if (run)
		f->severity = run->severity;
	if (change) {
		f->seq = change->seq;
		f->subject = sg_xstrdup(change->subject ? change->subject : "");
	} else {
		f->seq = (size_t)-1;   /* change-set findings after the changes */
	}
	return f;
}

void sg_gate_not_evaluated(struct sg_gate *gate, const char *rule,
			   const char *fmt, ...)
{
	struct sg_rule_run *run = find_run(gate, rule);
	struct sg_buf msg = SG_BUF_INIT;
	va_list ap;

	if (!run)
		return;
	va_start(ap, fmt);
	sg_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	free(run->reason);
	run->reason = sg_buf_detach(&msg);
	run->not_evaluated = 1;
}

void sg_gate_note(struct sg_gate *gate, const char *fmt, ...)
{
	struct sg_buf msg = SG_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sg_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	sg_strlist_add_unique(&gate->notes, msg.ptr);
	sg_buf_release(&msg);
}

struct sg_snapshot *sg_gate_records_tree(const struct sg_gate *gate)
{
	return gate->target ? gate->target : gate->head;
}

int sg_gate_registry(const struct sg_registry **out, struct sg_gate *gate,
		     const struct sg_change *change)
{
	const struct sg_policy *p = gate->policy;
	struct sg_snapshot *snap = gate->target ? gate->target :
		change ? change->snapshot : gate->head;
	struct sg_buf key = SG_BUF_INIT, data = SG_BUF_INIT, name = SG_BUF_INIT;
	struct sg_registry *reg = NULL;
	char oid[41];
	size_t i;
	int error = 0, rc;

	*out = NULL;
	if (!p->requirements.registry.nr)
		return 0;
	for (i = 0; i < p->requirements.registry.nr; i++) {
		rc = sg_snapshot_blob_id(oid, snap, p->requirements.registry.items[i]);
		if (rc < 0)
			return -1;
		sg_buf_addf(&key, "%s;", rc ? "-" : oid);
	}
	if (gate->registry && gate->registry_key &&
	    !strcmp(gate->registry_key, key.ptr)) {
		*out = gate->registry;
		goto done;
	}

	reg = sg_xcalloc(1, sizeof(*reg));
	for (i = 0; i < p->requirements.registry.nr && !error; i++) {
		const char *path = p->requirements.registry.items[i];

		sg_buf_reset(&data);
		rc = sg_snapshot_read(&data, snap, path, SG_REGISTRY_MAX_SIZE);
		if (rc < 0) {
			error = -1;
			break;
		}
		if (rc > 0)
			continue;
		sg_buf_reset(&name);
		sg_buf_addf(&name, "%s:%s", sg_snapshot_name(snap), path);
		error = sg_registry_parse(reg, name.ptr, path, data.ptr, data.len,
					  &p->requirements.id_regex);
	}
	if (!error)
		error = sg_registry_finish(reg);
	if (error) {
		sg_registry_free(reg);
		goto done;
	}
	sg_registry_free(gate->registry);
	free(gate->registry_key);
	gate->registry = reg;
	gate->registry_key = sg_buf_detach(&key);
	*out = reg;
done:
	sg_buf_release(&key);
	sg_buf_release(&data);
	sg_buf_release(&name);
	return error;
}

/* A rule clause applies when the profile lists it or one of its parents. */
static int clause_applies(const struct sg_strlist *applicable, const char *clause,
			  size_t len)
{
	size_t i;

	for (i = 0; i < applicable->nr; i++) {
		const char *a = applicable->items[i];
		size_t alen = strlen(a);

		if (alen == len && !strncmp(a, clause, len))
			return 1;
		if (alen < len && !strncmp(a, clause, alen) && clause[alen] == '.')
			return 1;
	}
	return 0;
}

static int rule_applies(const struct sg_policy *p, const struct sg_rule *rule)
{
	const char *c = rule->clauses;

	if (!p->clauses.nr || rule->always_on)
		return 1;
	while (*c) {
		size_t len = strcspn(c, " ");

		if (len && clause_applies(&p->clauses, c, len))
			return 1;
		c += len;
		while (*c == ' ')
			c++;
	}
	return 0;
}

static void setup_runs(struct sg_gate *gate)
{
	const struct sg_rule *const *r;
	const struct sg_policy *p = gate->policy;

	for (r = sg_rules(); *r && gate->runs_nr < SG_GATE_MAX_RULES; r++) {
		struct sg_rule_run *run = &gate->runs[gate->runs_nr++];
		const char *why;
		int override = sg_policy_override(p, (*r)->id);

		memset(run, 0, sizeof(*run));
		run->rule = *r;
		run->severity = override >= 0 ? (enum sg_severity)override : (*r)->severity;
		if (run->severity == SG_SEV_OFF && !(*r)->always_on) {
			run->reason = sg_xstrdup("set to off in the policy's 'rules'");
		} else if ((*r)->off_reason && (why = (*r)->off_reason(gate))) {
			run->reason = sg_xstrdup(why);
		} else if (override < 0 && !rule_applies(p, *r)) {
			/* a severity set in 'rules:' turns the rule on whatever the profile says */
			struct sg_buf b = SG_BUF_INIT;

			sg_buf_addf(&b, "none of its clauses (%s) applies in profile '%s'",
				    (*r)->clauses, p->extends ? p->extends : "(policy)");
			run->reason = sg_buf_detach(&b);
		} else if (!(*r)->begin && !(*r)->change && !(*r)->finish) {
			run->reason = sg_xstrdup("not built in this version of sdlgate");
			run->not_evaluated = 1;
		} else {
			if (run->severity == SG_SEV_OFF)
				run->severity = SG_SEV_ERROR;
			run->active = 1;
		}
	}
}

static void split_clauses(struct sg_strlist *out, const char *clauses)
{
	while (*clauses) {
		size_t len = strcspn(clauses, " ");

		if (len)
			sg_strlist_add_owned(out, sg_xstrndup(clauses, len));
		clauses += len;
		while (*clauses == ' ')
			clauses++;
	}
}

static void assemble(struct sg_report *report, struct sg_gate *gate)
{
	size_t i;

	report->mode = sg_gate_mode_name(gate->mode);
	report->commits = gate->changes;
	report->base = gate->base_oid ? sg_xstrdup(gate->base_oid) : NULL;
	report->head = gate->head_oid ? sg_xstrdup(gate->head_oid) : NULL;
	report->rules = sg_xcalloc(gate->runs_nr, sizeof(*report->rules));
	report->rules_nr = gate->runs_nr;
	for (i = 0; i < gate->runs_nr; i++) {
		struct sg_rule_run *run = &gate->runs[i];
		struct sg_rule_status *rs = &report->rules[i];

		rs->id = run->rule->id;
		rs->title = run->rule->title;
		rs->severity = run->severity;
		rs->explain = run->rule->explain;
		split_clauses(&rs->clauses, run->rule->clauses);
		if (run->active && !run->not_evaluated)
			rs->state = SG_RULE_PASS;
		else if (run->not_evaluated)
			rs->state = SG_RULE_NOT_EVALUATED;
		else
			rs->state = SG_RULE_OFF;
		rs->reason = run->reason;
		run->reason = NULL;
	}
	for (i = 0; i < gate->findings.nr; i++) {
		struct sg_finding *f = &gate->findings.items[i];
		const struct sg_rule *rule = sg_rule_find(f->rule);

		if (!f->clauses.nr && rule)
			split_clauses(&f->clauses, rule->clauses);
	}
	report->findings = gate->findings;
	memset(&gate->findings, 0, sizeof(gate->findings));
	report->notes = gate->notes;
	memset(&gate->notes, 0, sizeof(gate->notes));
	sg_report_finish(report);
}

int sg_gate_run(struct sg_report *report, struct sg_gate *gate,
		struct sg_change_source *source)
{
	struct sg_change *change = NULL;
	size_t i, merges = 0, seq = 0;
	int rc, error = 0;

	setup_runs(gate);
	for (i = 0; i < gate->runs_nr && !error; i++) {
		struct sg_rule_run *run = &gate->runs[i];

		if (run->active && run->rule->begin)
			error = run->rule->begin(gate, &run->state);
	}

	while (!error) {
		rc = source->next(&change, source->payload);
		if (rc < 0)
			error = -1;
		if (rc)
			break;
		change->seq = seq++;
		if (change->parents > 1 && !gate->policy->merges_check) {
			merges++;
		} else {
			gate->changes++;
			sg_report_add_change(report, change->oid, change->subject,
					     change->seq);
			for (i = 0; i < gate->runs_nr && !error; i++) {
				struct sg_rule_run *run = &gate->runs[i];

				if (run->active && !run->not_evaluated && run->rule->change)
					error = run->rule->change(gate, run->state, change);
			}
		}
		sg_change_free(change);
		change = NULL;
	}
	if (error)
		goto done;

	if (merges)
		sg_gate_note(gate, "%zu merge commit(s) skipped (scope.merges: skip)", merges);
	if (!gate->changes) {
		sg_gate_note(gate, "no changes to check in this change set");
		for (i = 0; i < gate->runs_nr; i++) {
			struct sg_rule_run *run = &gate->runs[i];

			if (run->active && run->rule->change && !run->rule->runs_on_empty &&
			    !run->not_evaluated)
				sg_gate_not_evaluated(gate, run->rule->id,
						      "no changes to check");
		}
	}
	for (i = 0; i < gate->runs_nr && !error; i++) {
		struct sg_rule_run *run = &gate->runs[i];

		if (run->active && !run->not_evaluated && run->rule->finish)
			error = run->rule->finish(gate, run->state);
	}
	if (!error)
		assemble(report, gate);
done:
	sg_change_free(change);
	return error;
}

void sg_gate_release(struct sg_gate *gate)
{
	size_t i;

	for (i = 0; i < gate->runs_nr; i++) {
		struct sg_rule_run *run = &gate->runs[i];

		if (run->state && run->rule->free)
			run->rule->free(run->state);
		free(run->reason);
	}
	gate->runs_nr = 0;
	sg_findings_release(&gate->findings);
	sg_strlist_release(&gate->notes);
	sg_registry_free(gate->registry);
	free(gate->registry_key);
	free(gate->base_oid);
	free(gate->head_oid);
	free(gate->notes_commit);
	gate->notes_commit = NULL;
	free(gate->records_from);
	gate->records_from = NULL;
	sg_snapshot_free(gate->target);
	gate->target = NULL;
	gate->registry = NULL;
	gate->registry_key = NULL;
}
