#ifndef SG_MODEL_RISK_H
#define SG_MODEL_RISK_H

#include "util/str.h"

#include <stddef.h>

struct sg_snapshot;

/*
 * The security risk file (DESIGN.md §4):
 *
 *   risks:
 *     - id: RSK-004
 *       title: Spoofed remote session
 *       controls: [SR-001]        # accepted requirement IDs
 *       safety_risks: [HAZ-12]    # hazard IDs of the ISO 14971 file
 *       status: mitigated         # open | mitigated | accepted
 *
 * Parsing checks the shape (types, known keys, the status enum, an id on
 * every risk) and fails with file:line:column; what the entries mean
 * (IDs unique, controls accepted, safety links valid) is judged by the
 * risk-trace rule, which reports every problem at once.
 */
enum sg_risk_status {
	SG_RISK_OPEN,
	SG_RISK_MITIGATED,
	SG_RISK_ACCEPTED,
};

struct sg_risk {
	char *id;
	char *title;                 /* may be NULL */
	struct sg_strlist controls;
	struct sg_strlist safety_risks;
	enum sg_risk_status status;
	char *file;                  /* path in the repository */
	unsigned line;
};

struct sg_risks {
	struct sg_risk *items;       /* in file order, files in policy order */
	size_t nr, alloc;
	struct sg_strlist missing;   /* risk files the snapshot does not have */
};

#define SG_RISKS_INIT { NULL, 0, 0, SG_STRLIST_INIT }

#define SG_RISK_MAX_SIZE (8 * 1024 * 1024)

const char *sg_risk_status_name(enum sg_risk_status status);

/*
 * Parse one risk file and append its risks. `name` is used in messages
 * ("3f2a1bc:risk/security-risks.yml"), `path` is recorded. Returns 0, or
 * -1 with an input error "name:line:column: problem" and a hint.
 */
int sg_risks_parse(struct sg_risks *out, const char *name, const char *path,
		   const char *data, size_t len);

/*
 * Read every file of `files` from `snap` and parse it; a file that is not
 * there is added to out->missing. Returns 0 or -1 with an error.
 */
int sg_risks_load(struct sg_risks *out, const struct sg_snapshot *snap,
		  const struct sg_strlist *files);

/* The risks whose controls name `requirement`, appended as IDs to `out`. */
void sg_risks_controlling(struct sg_strlist *out, const struct sg_risks *risks,
			  const char *requirement);

void sg_risks_release(struct sg_risks *risks);

#endif
