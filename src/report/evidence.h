#ifndef SG_REPORT_EVIDENCE_H
#define SG_REPORT_EVIDENCE_H

#include <stddef.h>

struct sg_buf;
struct sg_deliverable_state;
struct sg_policy;
struct sg_report;
struct sg_trace;

/*
 * The release evidence bundle: the gate's report, the profile's clause
 * table, the deliverables and the traceability matrix, written as
 * evidence.md, evidence.json and trace.html. Like the reporters, the
 * writers are pure functions of this struct: no clock (the one date is
 * `evaluated_on`, which the waivers were judged against), no absolute
 * paths, so the same inputs give the same bytes.
 */
struct sg_evidence {
	const struct sg_report *report;     /* NULL: the matrix alone (sdlgate trace) */
	const struct sg_trace *trace;
	const struct sg_policy *policy;
	const char *tool_version;
	const char *head;                   /* the release commit */
	const char *previous_tag;           /* NULL: a first release */
	const char *previous_oid;
	const char *evaluated_on;           /* YYYY-MM-DD */
	const struct sg_deliverable_state *deliverables;  /* one per policy deliverable */
	size_t deliverables_nr;
	int deliverables_active;            /* release-deliverables ran */
};

/* One rule or deliverable evidencing a clause, with how it ended. */
struct sg_clause_ref {
	const char *id;
	const char *state;                  /* pass, fail, off, not-evaluated */
};

/* One applicable clause of the profile and its evidence. */
struct sg_clause_row {
	const char *id;
	const char *title;                  /* "" for a clause the standard lacks */
	const char *status;                 /* pass, fail, not-evaluated, manual */
	struct sg_clause_ref *rules;
	size_t rules_nr;
	struct sg_clause_ref *deliverables;
	size_t deliverables_nr;
};

/*
 * The clause table: every applicable clause of the policy (all clauses of
 * the standard when the policy lists none), the rules whose clauses fall
 * within it and the deliverables that name it. `manual` means nothing
 * sdlgate checks gives evidence for it: it rests on the team's process.
 */
void sg_evidence_clauses(struct sg_clause_row **rows, size_t *nr,
			 const struct sg_evidence *ev);
void sg_evidence_clauses_free(struct sg_clause_row *rows, size_t nr);

/* State of a deliverable in the bundle: pass, fail or off. */
const char *sg_evidence_deliverable_state(const struct sg_evidence *ev, size_t i);

/* "2026-11-20" for a commit time. */
void sg_evidence_date(char out[11], long long time);

/* The writers; each appends a whole document to `out`, 0 or -1. */
int sg_evidence_write_md(struct sg_buf *out, const struct sg_evidence *ev);
int sg_evidence_write_json(struct sg_buf *out, const struct sg_evidence *ev);
int sg_trace_write_html(struct sg_buf *out, const struct sg_evidence *ev);
/* The matrix alone, for `sdlgate trace --format markdown|json`. */
int sg_trace_write_md(struct sg_buf *out, const struct sg_evidence *ev);
int sg_trace_write_json(struct sg_buf *out, const struct sg_evidence *ev);

#endif
