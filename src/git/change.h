#ifndef SG_GIT_CHANGE_H
#define SG_GIT_CHANGE_H

#include "git/trailers.h"
#include "util/str.h"

#include <stddef.h>

struct sg_snapshot;

/*
 * One change the gate decides on: a commit, or the staged index with
 * (at commit-msg) the message being written. Everything is plain data;
 * `snapshot` reads files as they are in the change (its tree or the
 * index), never from the working directory.
 */
struct sg_change {
	char *oid;                  /* full hex oid; NULL for the staged change */
	char *short_oid;            /* "0123abc", or "staged" */
	char *subject;
	char *message;              /* as stored; NULL when not written yet */
	struct sg_trailers trailers;
	char *author_name;
	char *author_email;
	char *committer_name;
	char *committer_email;
	long long time;             /* committer time, seconds since the epoch */
	size_t parents;
	size_t seq;                 /* position in the change set, from 0 */
	struct sg_strlist paths;    /* changed paths, sorted; renames under both names */
	struct sg_snapshot *snapshot;
};

void sg_change_free(struct sg_change *change);

#endif
