/*
 * sg_review_parse: a design review record, read both as a file (with the
 * ID its name promises) and as a git note (reviewed_commit optional).
 */
#include "fuzz.h"

#include "model/review.h"
#include "policy/policy.h"
#include "util/error.h"

static struct sg_criterion criteria[] = {
	{ "DR-1", "Trust boundaries considered" },
	{ "DR-2", "Input validated" },
};

static const struct sg_policy_design_review policy = {
	.present = 1,
	.records = "reviews/",
	.notes_ref = "refs/notes/design-review",
	.trailer = "Design-Review",
	.min_reviewers = 1,
	.independent_reviewers = 1,
	.criteria = criteria,
	.criteria_nr = 2,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sg_review *r = NULL;

	if (sg_review_parse(&r, "reviews/DR-2026-014.yml", (const char *)data,
			    size, "DR-2026-014", &policy, 0) < 0)
		sg_error_clear();
	sg_review_free(r);
	r = NULL;
	if (sg_review_parse(&r, "note on 3f2a1bc", (const char *)data, size,
			    NULL, &policy, SG_REVIEW_NOTE) < 0)
		sg_error_clear();
	sg_review_free(r);
	return 0;
}
