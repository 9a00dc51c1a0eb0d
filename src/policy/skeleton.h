#ifndef SG_POLICY_SKELETON_H
#define SG_POLICY_SKELETON_H

#include <stddef.h>

struct sg_policy;

/*
 * Every skeleton carries this mark where its placeholder text is (the
 * example requirement and risk, the SBOM's author, each deliverable's
 * header). The release gate refuses a release while a file still holds
 * it: an unfilled template is not a deliverable.
 */
#define SG_SKELETON_MARK "sdlgate:template"

/*
 * The files `sdlgate init` writes: a starter .sdlgate.yml that extends a
 * pack, and skeletons for every file the effective policy names (the
 * requirements registry, the risk file, the review records folder, the
 * SBOM and the release deliverables). Contents only: the command decides
 * what to write (it never overwrites) and says so.
 */
struct sg_skeleton_file {
	char *path;         /* relative to the repository root */
	char *content;
	const char *what;   /* "policy", "requirements registry", ... */
};

struct sg_skeleton {
	struct sg_skeleton_file *items;
	size_t nr, alloc;
};

#define SG_SKELETON_INIT { NULL, 0, 0 }

/* The starter policy text for `pack` (caller frees). */
char *sg_skeleton_policy(const char *pack, const char *product);

/*
 * Add a skeleton for every file `policy` names. `today` (YYYY-MM-DD) dates
 * the SBOM. Paths that leave the repository ("..", absolute) are refused
 * with an input error: -1.
 */
int sg_skeleton_files(struct sg_skeleton *out, const struct sg_policy *policy,
		      const char *today);

void sg_skeleton_release(struct sg_skeleton *sk);

#endif
