#ifndef SG_RULES_REVIEW_COVER_H
#define SG_RULES_REVIEW_COVER_H

/*
 * Whether the changes of a change set are covered by design review
 * records: the engine shared by design-review (trigger paths of
 * design_review.triggers) and policy-change (the policy file). Internal
 * to src/rules.
 *
 * A rule feeds every change through sg_review_cover_change() with the
 * paths of that change that need a review; the cover collects the record
 * IDs the change set cites (design_review.trailer) and the notes attached
 * to its commits (design_review.notes_ref). sg_review_cover_finish() reads
 * the cited records from the change set's head, then adds a finding for
 * every change no record covers, saying why each candidate failed.
 */

struct sg_change;
struct sg_gate;
struct sg_policy;
struct sg_strlist;
struct sg_review_cover;

/*
 * Append to `out` (unique) the paths of `paths` that need a design review
 * under `policy`: those matching design_review.triggers outside the
 * records directory (a record never needs a review of its own), and the
 * policy file. For `sdlgate review template`.
 */
void sg_review_paths_needing_review(struct sg_strlist *out,
				    const struct sg_policy *policy,
				    const struct sg_strlist *paths);

struct sg_review_cover_opts {
	const char *rule;       /* rule id the findings belong to */
	const char *touches;    /* "design-review trigger paths", "the policy file" */
	int report_refs;        /* report cited IDs that name no record */
	int aggregate;          /* change-set scope, nothing cited: one finding */
};

struct sg_review_cover *sg_review_cover_new(const struct sg_review_cover_opts *opts);
void sg_review_cover_free(struct sg_review_cover *cover);

/*
 * Take in one change: the review IDs it cites, the note attached to it,
 * and `paths` (may be empty), the paths of it that need a covering
 * review. Returns 0, or -1 with an error (a malformed note: exit 2).
 */
int sg_review_cover_change(struct sg_review_cover *cover, struct sg_gate *gate,
			   const struct sg_change *change,
			   const struct sg_strlist *paths);

/*
 * Read and check the cited records and decide coverage, adding findings.
 * At the staged gates only a reminder: a review names a commit, and the
 * staged change is not one yet. Returns 0, or -1 with an error (a
 * malformed record or a reviewed_commit that does not exist: exit 2).
 */
int sg_review_cover_finish(struct sg_review_cover *cover, struct sg_gate *gate);

#endif
