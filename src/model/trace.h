#ifndef SG_MODEL_TRACE_H
#define SG_MODEL_TRACE_H

#include "model/risk.h"
#include "util/str.h"

#include <stddef.h>

struct sg_policy;
struct sg_registry;
struct sg_repo;
struct sg_snapshot;

/*
 * The traceability matrix at one commit: every requirement of the
 * registry → the risks it controls → the test-evidence files that cite
 * it → the commits that cite it → the design reviews those commits name.
 * Requirements, risks and tests are read from the commit's tree; commits
 * and reviews come from a streaming walk of its history.
 */
struct sg_trace_req {
	char *id;
	char *title;                 /* may be NULL */
	char *status;
	char *file;                  /* registry file and line */
	unsigned line;
	int accepted;                /* status is in requirements.accepted_status */
	struct sg_strlist risks;     /* risk IDs it controls, file order */
	struct sg_strlist tests;     /* test-evidence paths citing it, sorted */
	struct sg_strlist commits;   /* full oids citing it, newest first */
	struct sg_strlist reviews;   /* Design-Review values of those commits */
};

struct sg_trace {
	char head[41];
	struct sg_trace_req *reqs;   /* sorted by id */
	size_t nr;
	struct sg_risks risks;
	int has_registry;            /* the policy names a registry */
	size_t registry_files;       /* registry files found at the commit */
	int has_risks;               /* the policy has a risk section */
	int walked;                  /* commits[] and reviews[] were filled */
	size_t test_files;           /* test-evidence files read */
	size_t commits_walked;
	struct sg_strlist notes;     /* skipped files and the like, said out loud */
};

enum sg_trace_flags {
	SG_TRACE_COMMITS = (1 << 0), /* walk the history for commits and reviews */
};

/* Files larger than this are not searched for IDs (and a note says so). */
#define SG_TRACE_MAX_TEST_FILE (4 * 1024 * 1024)

/*
 * Build the matrix at `head_oid` (whose tree is `snap`) under `policy`.
 * Returns 0, or -1 with an error (an invalid registry or risk file is an
 * input error naming file:line:column).
 */
int sg_trace_build(struct sg_trace **out, struct sg_repo *repo,
		   const struct sg_snapshot *snap, const char *head_oid,
		   const struct sg_policy *policy, unsigned flags);

const struct sg_trace_req *sg_trace_find(const struct sg_trace *trace,
					 const char *id);

/*
 * The order to show requirements in: natural ("SR-2" before "SR-10").
 * Returns an array of trace->nr indexes into trace->reqs (caller frees).
 */
size_t *sg_trace_display_order(const struct sg_trace *trace);
int sg_trace_natural_cmp(const char *a, const char *b);

/* Accepted requirements that no test-evidence file cites. */
size_t sg_trace_untested(const struct sg_trace *trace);

void sg_trace_free(struct sg_trace *trace);

/*
 * Read the requirements registry of `policy` from `snap` (*out is NULL
 * when the policy names none). Returns 0 or -1 with an input error.
 */
int sg_trace_load_registry(struct sg_registry **out, const struct sg_snapshot *snap,
			   const struct sg_policy *policy);

#endif
