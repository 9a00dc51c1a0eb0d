#ifndef SG_REPORT_REPORT_H
#define SG_REPORT_REPORT_H

#include "rules/finding.h"
#include "util/str.h"

#include <stddef.h>

struct sg_buf;

/* How a rule ended in this run: every rule ends in exactly one of these. */
enum sg_rule_state {
	SG_RULE_PASS,
	SG_RULE_FAIL,
	SG_RULE_OFF,
	SG_RULE_NOT_EVALUATED,
};

const char *sg_rule_state_name(enum sg_rule_state state);

struct sg_rule_status {
	const char *id;             /* static rule id */
	const char *title;          /* one line: what the rule checks */
	enum sg_rule_state state;
	char *reason;               /* why off / not-evaluated, else NULL */
	struct sg_strlist clauses;
	enum sg_severity severity;  /* effective severity */
	const char *explain;        /* static: what it checks and how to fix, or NULL */
};

/*
 * One change the gate checked, so that reporters can list the changes
 * that passed too (JUnit: one test case per change and rule).
 */
struct sg_report_change {
	char *oid;                  /* full hex oid; NULL for the staged change */
	char *subject;
	size_t seq;                 /* as in struct sg_finding */
};

/*
 * At most this many changes are listed: a range over a long history keeps
 * the report bounded; the rest are counted in `changes_omitted`.
 */
#define SG_REPORT_MAX_CHANGES 10000

/*
 * Everything a reporter may print. Reporters are pure functions of this
 * struct: no clock, no environment, no absolute paths, so the same inputs
 * give byte-identical output.
 */
struct sg_report {
	const char *tool_version;
	const char *mode;           /* range, staged, commit-msg, mr, pre-push, pre-receive, release */
	char *base;                 /* oid or NULL */
	char *head;                 /* oid or NULL (staged) */
	size_t commits;             /* changes checked */
	char *policy_path;
	char *policy_from;          /* worktree, file, or rev:<rev> */
	char policy_sha256[65];
	char *product;              /* policy `product`, or NULL */
	char *profile;              /* policy `extends`, or NULL */

	struct sg_rule_status *rules;
	size_t rules_nr;

	struct sg_findings findings; /* sorted */
	struct sg_strlist notes;     /* said out loud: empty range, reminders */

	struct sg_report_change *changes; /* checked changes, in change-set order */
	size_t changes_nr, changes_alloc;
	size_t changes_omitted;      /* checked but not listed (over the cap) */

	size_t errors;               /* unwaived error findings */
	size_t warnings;             /* unwaived warning findings */
	size_t waived;

	int color;                   /* text reporter: ANSI colors */
};

/* 1 when the gate passed: no unwaived error finding. */
int sg_report_passed(const struct sg_report *report);

/* Count errors, warnings and waived findings and set rule pass/fail. */
void sg_report_finish(struct sg_report *report);

/* List a checked change (copies the strings; counts it past the cap). */
void sg_report_add_change(struct sg_report *report, const char *oid,
			  const char *subject, size_t seq);

void sg_report_release(struct sg_report *report);

/* One output format. `write` appends the whole document to `out`. */
struct sg_reporter {
	const char *name;
	const char *description;
	int (*write)(struct sg_buf *out, const struct sg_report *report);
};

/* Find a reporter by --format name, or NULL. */
const struct sg_reporter *sg_reporter_find(const char *name);
/* The NULL-terminated list of reporters, for --help. */
const struct sg_reporter *const *sg_reporters(void);

#endif
