#ifndef SG_RULES_REVIEW_COVER_INTERNAL_H
#define SG_RULES_REVIEW_COVER_INTERNAL_H

/* Shared by review_cover.c (collecting) and review_verdict.c (judging). */

#include "git/identity.h"
#include "rules/review_cover.h"
#include "util/buf.h"
#include "util/str.h"

#include <stddef.h>

struct sg_notes;
struct sg_review;
struct sg_policy_design_review;

#define SG_COVER_PATHS_LISTED 50

/* Why a record does not cover a change; the first set bit picks the hint. */
enum sg_cover_why {
	SG_COVER_WHY_PREDATES = 1 << 0,
	SG_COVER_WHY_ELSEWHERE = 1 << 1,
	SG_COVER_WHY_DECISION = 1 << 2,
	SG_COVER_WHY_CRITERIA = 1 << 3,
	SG_COVER_WHY_AUTHOR = 1 << 4,
	SG_COVER_WHY_REVIEWERS = 1 << 5,
	SG_COVER_WHY_PATHS = 1 << 6,
};

struct sg_cover_at {
	char *oid;              /* NULL: the staged change */
	char *subject;
	size_t seq;
};

/* A change that needs a covering review. */
struct sg_cover_target {
	struct sg_cover_at at;
	char *author_name, *author_email, *committer_name, *committer_email;
	struct sg_strlist paths;
	struct sg_strlist cites;    /* review IDs its own message cites */
	size_t note;                /* 1 + index of the record attached to it, 0: none */
};

/* A review ID cited by a change of the change set. */
struct sg_cover_cite {
	char *id;
	struct sg_cover_at at;
};

struct sg_cover_record {
	struct sg_review *review;
	char *label;                /* "DR-1", or "DR-1 (note on 0123abc)" */
	char *attached;             /* a note's commit, else NULL */
	char reviewed[41];          /* the reviewed commit, resolved */
	struct sg_identity *people; /* distinct reviewers after .mailmap */
	size_t people_nr;
	size_t listed;              /* reviewers as written */
	struct sg_buf problems;     /* what is wrong whatever the change */
	unsigned why;
	unsigned char *lineage;     /* per target: an SG_COVER_LINEAGE_*; NULL until needed */
	size_t told;                /* targets told apart as later or elsewhere */
};

/* How a target relates to a record's reviewed commit. */
enum sg_cover_lineage {
	SG_COVER_LINEAGE_UNKNOWN = 0, /* not contained, not worked out further */
	SG_COVER_LINEAGE_REVIEWED,    /* the reviewed commit or an ancestor: current */
	SG_COVER_LINEAGE_LATER,       /* a descendant of the reviewed commit */
	SG_COVER_LINEAGE_ELSEWHERE,   /* on another line of history */
};

struct sg_review_cover {
	struct sg_review_cover_opts opts;
	struct sg_notes *notes;
	struct sg_strlist commits;  /* of the change set, whose notes may count */
	struct sg_mailmap *mailmap;
	struct sg_cover_target *targets;
	size_t targets_nr, targets_alloc;
	struct sg_cover_cite *cites;
	size_t cites_nr, cites_alloc;
	struct sg_cover_record *records;
	size_t records_nr, records_alloc;
};

/* Judge what is wrong with `r` whatever the change (fills problems, why). */
void sg_review_judge_record(struct sg_cover_record *r, struct sg_review_cover *c,
			    const struct sg_policy_design_review *p);
/*
 * A finding for targets[target] unless some candidate record covers it.
 * Returns 0, or -1 when the history could not be walked.
 */
int sg_review_decide(struct sg_review_cover *c, struct sg_gate *gate,
		     size_t target);
/* change-set scope and nothing cited: one finding on the oldest change. */
void sg_review_aggregate(struct sg_review_cover *c, struct sg_gate *gate);
/* A finding on each change citing an ID that names no record. */
void sg_review_report_dangling(struct sg_review_cover *c, struct sg_gate *gate,
			       const struct sg_strlist *dangling);
/* The staged gates: a reminder for each change needing a review. */
void sg_review_remind(struct sg_review_cover *c, struct sg_gate *gate);

#endif
