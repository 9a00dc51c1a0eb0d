#ifndef SG_RULES_GATE_H
#define SG_RULES_GATE_H

#include "report/report.h"
#include "rules/finding.h"
#include "util/str.h"

#include <stddef.h>

struct sg_change;
struct sg_policy;
struct sg_repo;
struct sg_rule;
struct sg_snapshot;
struct sg_registry;

enum sg_gate_mode {
	SG_GATE_RANGE,          /* check --range */
	SG_GATE_STAGED,         /* check --staged, pre-commit: no message yet */
	SG_GATE_COMMIT_MSG,     /* the staged change with its message */
	SG_GATE_MR,             /* check --mr */
	SG_GATE_PRE_PUSH,
	SG_GATE_PRE_RECEIVE,
	SG_GATE_RELEASE,
};

const char *sg_gate_mode_name(enum sg_gate_mode mode);

#define SG_GATE_MAX_RULES 32

/* Where a rule stands during a run. */
struct sg_rule_run {
	const struct sg_rule *rule;
	enum sg_severity severity;  /* effective: default, or the policy's override */
	int active;                 /* evaluated in this run */
	char *reason;               /* off / not-evaluated reason */
	int not_evaluated;
	void *state;
};

/*
 * One run of the gate over a change set. The command fills in the inputs,
 * sg_gate_run() drives the rules over the changes and fills `report`.
 */
struct sg_gate {
	/* inputs */
	const struct sg_policy *policy;
	struct sg_repo *repo;
	enum sg_gate_mode mode;
	struct sg_snapshot *head;   /* the change set's head: records, SBOMs, risk files */
	char *base_oid;             /* NULL: from the root */
	char *head_oid;             /* NULL: the staged index */
	const char *today;          /* YYYY-MM-DD, for waiver expiry */
	char *notes_commit;         /* review notes pushed with the change set, or NULL */
	/*
	 * --mr and pre-receive: the target's commit (the merge request's base,
	 * the server's default branch). Registries and review record files are
	 * read from its tree, never from what is being judged, so a branch
	 * cannot approve its own requirements or write its own reviews. NULL:
	 * registries from each commit's tree, records from the head.
	 */
	char *records_from;
	struct sg_snapshot *target; /* its tree, while the gate runs */

	/* state */
	struct sg_rule_run runs[SG_GATE_MAX_RULES];
	size_t runs_nr;
	struct sg_findings findings;
	struct sg_strlist notes;
	size_t changes;
	struct sg_registry *registry;      /* cached requirements registry */
	char *registry_key;                /* blob ids it was read from */
};

/* 1 when the change is the staged index (pre-commit / commit-msg). */
int sg_gate_is_staged(const struct sg_gate *gate);

/*
 * Add a finding for `rule` about `change` (NULL: about the change set or
 * the repository). Severity starts as the rule's effective severity.
 */
struct sg_finding *sg_gate_add(struct sg_gate *gate, const char *rule,
			       const struct sg_change *change,
			       const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Say out loud that `rule` could not be evaluated in this run, and why. */
void sg_gate_not_evaluated(struct sg_gate *gate, const char *rule,
			   const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A line for the report's notes (reminders, empty range). */
void sg_gate_note(struct sg_gate *gate, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The tree review record files are read from: the target's, else the head's. */
struct sg_snapshot *sg_gate_records_tree(const struct sg_gate *gate);

/*
 * The requirements registry of the target (records_from), else as it is
 * in the change's tree (the head's when change is NULL), read once per
 * distinct set of registry blobs. *out is NULL when the policy names no
 * registry. Returns 0, or -1 with an input error naming file:line:column.
 */
int sg_gate_registry(const struct sg_registry **out, struct sg_gate *gate,
		     const struct sg_change *change);

/*
 * The source of changes: a history walk or the single staged change.
 * `next` returns 0 with a change (the caller frees it), 1 when there are
 * no more, -1 on error.
 */
struct sg_change_source {
	int (*next)(struct sg_change **out, void *payload);
	void *payload;
};

/*
 * Run every rule of the policy over the changes and assemble the report:
 * rule states, sorted findings, counts. Returns 0 (the verdict is in the
 * report) or -1 with an error (input: exit 2, repository: exit 3).
 */
int sg_gate_run(struct sg_report *report, struct sg_gate *gate,
		struct sg_change_source *source);

void sg_gate_release(struct sg_gate *gate);

#endif
