#ifndef SG_RULES_RELEASE_TEMPLATES_H
#define SG_RULES_RELEASE_TEMPLATES_H

struct sg_gate;

/*
 * For release-deliverables: every file the release is made of (the
 * deliverables, the requirements registry, the risk files, the SBOMs)
 * that still holds the mark of an `sdlgate init` skeleton is an error
 * naming the line. Returns 0, or -1 on a repository error.
 */
int sg_release_check_templates(struct sg_gate *gate);

#endif
