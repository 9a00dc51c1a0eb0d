#ifndef SG_MODEL_REVIEW_H
#define SG_MODEL_REVIEW_H

#include "util/str.h"

#include <stddef.h>

struct sg_buf;
struct sg_policy_design_review;

/*
 * A design review record (DESIGN.md §4): a YAML file
 * `<design_review.records>/<ID>.yml`, or the same YAML as a git note on
 * the reviewed commit.
 *
 *   id: DR-2026-014
 *   date: 2026-11-20
 *   reviewers: [alice@example.org]
 *   decision: approved            # approved | changes-requested | rejected
 *   reviewed_commit: 3f2a1bc      # 7 to 40 hex digits; optional in a note
 *   paths: [src/session/]
 *   criteria:
 *     DR-1: {result: pass, note: new TLS terminator sits behind the gateway}
 *     DR-2: {result: n/a, note: no new interface}
 *
 * Parsing checks the form: required fields, types, a real date, a known
 * decision and result, criterion IDs the policy defines, no unfilled
 * `<...>` placeholder of `sdlgate review template`. Whether the record is
 * good enough to cover a change (approved, every criterion answered,
 * enough independent reviewers, current) is the design-review rule's
 * business: those are findings, not input errors.
 */

enum sg_review_decision {
	SG_REVIEW_APPROVED,
	SG_REVIEW_CHANGES_REQUESTED,
	SG_REVIEW_REJECTED,
};

enum sg_review_result {
	SG_REVIEW_PASS,
	SG_REVIEW_FAIL,
	SG_REVIEW_NA,
};

struct sg_review_answer {
	char *criterion;
	enum sg_review_result result;
	char *note;                  /* trimmed; NULL when absent or blank */
};

struct sg_review {
	char *id;
	char *date;                  /* YYYY-MM-DD */
	struct sg_strlist reviewers; /* as written: e-mail, name or "Name <e-mail>" */
	enum sg_review_decision decision;
	char *reviewed_commit;       /* as written; NULL in a note without it */
	char *reviewed_where;        /* "name:line:column" of reviewed_commit */
	struct sg_strlist paths;     /* patterns the review covers */
	struct sg_review_answer *answers;
	size_t answers_nr;
	char *source;                /* the name it was parsed under */
};

#define SG_REVIEW_MAX_SIZE (256 * 1024)

enum sg_review_parse_flags {
	/* a note: reviewed_commit may be left out (it is the annotated commit) */
	SG_REVIEW_NOTE = (1 << 0),
};

/*
 * Parse the record `data` named `name` in messages (a path such as
 * "reviews/DR-2026-014.yml", or "note on <oid>"). `expected_id`, when not
 * NULL, is the ID the file name promises; the record's `id` must equal it.
 * Criterion IDs are checked against `policy`. Returns 0 with a record the
 * caller frees, or -1 with an input error "name:line:column: problem" and
 * a hint.
 */
int sg_review_parse(struct sg_review **out, const char *name,
		    const char *data, size_t len, const char *expected_id,
		    const struct sg_policy_design_review *policy, unsigned flags);

void sg_review_free(struct sg_review *review);

/* The answer to `criterion`, or NULL when the record does not answer it. */
const struct sg_review_answer *sg_review_answer(const struct sg_review *review,
						const char *criterion);

const char *sg_review_decision_name(enum sg_review_decision decision);

/*
 * 1 when `id` can name a record: a letter or digit, then letters, digits,
 * '.', '_' or '-', at most 64 characters. IDs become file names, so
 * nothing else (no '/', no "..") is accepted.
 */
int sg_review_id_valid(const char *id);

/* 1 for a real calendar date written YYYY-MM-DD. */
int sg_review_date_valid(const char *date);

/*
 * Write a ready-to-fill record for the change set `range` (for the
 * comment; may be NULL) whose head is `head`: today's date, the head as
 * reviewed_commit, `paths` (the trigger paths touched), and every
 * criterion of `policy` with a placeholder. Fields a reviewer must decide
 * are `<...>` placeholders, which sg_review_parse() refuses until filled.
 */
void sg_review_template(struct sg_buf *out,
			const struct sg_policy_design_review *policy,
			const char *today, const char *head,
			const struct sg_strlist *paths, const char *range,
			size_t changes);

#endif
