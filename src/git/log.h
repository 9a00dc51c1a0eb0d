#ifndef SG_GIT_LOG_H
#define SG_GIT_LOG_H

#include "git/trailers.h"

struct sg_repo;
struct sg_strlist;

/*
 * A light history walk for traceability: messages and trailers only, no
 * diffs, one commit at a time (memory does not grow with history). The
 * gate's own walk (walk.h) also computes changed paths; this one is for
 * questions about messages over the whole history.
 */
struct sg_log;

struct sg_log_entry {
	char oid[41];
	char *subject;
	char *message;
	struct sg_trailers trailers;
	long long time;             /* committer time */
	size_t parents;
};

/* Walk everything reachable from `head_oid`, newest first. */
int sg_log_new(struct sg_log **out, struct sg_repo *repo, const char *head_oid);
void sg_log_free(struct sg_log *log);

/*
 * The next commit into `entry` (its previous contents are released):
 * 0, 1 at the end, -1 on error.
 */
int sg_log_next(struct sg_log_entry *entry, struct sg_log *log);
void sg_log_entry_release(struct sg_log_entry *entry);

/*
 * The newest commit reachable from `head_oid` that changed one of `paths`
 * (its blob differs from the first parent's, or the file appeared or went).
 * Returns 0 with `oid` and `time`, 1 when none of the paths ever changed
 * (never existed), -1 on error.
 */
int sg_log_last_change(char oid[41], long long *time, struct sg_repo *repo,
		       const char *head_oid, const struct sg_strlist *paths);

#endif
