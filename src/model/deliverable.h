#ifndef SG_MODEL_DELIVERABLE_H
#define SG_MODEL_DELIVERABLE_H

#include "util/str.h"

struct sg_deliverable;
struct sg_repo;
struct sg_snapshot;

/*
 * Where one release deliverable (release.deliverables[] of the policy)
 * stands at the release commit: the files its path (or glob) matches,
 * whether it changed since the previous release, and the commit that
 * last changed it. Shared by the release-deliverables rule and the
 * evidence bundle, so both say the same thing.
 */
struct sg_deliverable_state {
	const struct sg_deliverable *deliverable;
	struct sg_strlist files;     /* matching files at the release commit, sorted */
	int exists;                  /* at least one file matches */
	int updated;                 /* differs from the previous release (1 without one) */
	int ok;                      /* exists, and updated where `must: updated` */
	int last_known;              /* last_oid/last_time are set */
	char last_oid[41];
	long long last_time;
};

/*
 * Check `d` at `head` (commit `head_oid`) against `base` (the previous
 * release, or NULL for a first release). With `want_last_change`, also
 * find the commit that last changed it (a history walk; the rule asks
 * only when the deliverable fails). Returns 0 or -1 with an error.
 */
int sg_deliverable_check(struct sg_deliverable_state *out, struct sg_repo *repo,
			 const struct sg_snapshot *head, const char *head_oid,
			 const struct sg_snapshot *base,
			 const struct sg_deliverable *d, int want_last_change);

void sg_deliverable_state_release(struct sg_deliverable_state *state);

#endif
