#ifndef SG_GIT_SNAPSHOT_H
#define SG_GIT_SNAPSHOT_H

#include <stddef.h>

struct sg_buf;
struct sg_repo;
struct sg_strlist;

/*
 * The files of one state of the repository: a commit's tree or the index.
 * Registries, risk files, SBOMs and review records are always read
 * through a snapshot, never from the working directory, so checks of
 * history are reproducible and a staged change is judged as it will be
 * committed.
 */
struct sg_snapshot;

/* The tree of a commit (full hex oid). */
int sg_snapshot_from_commit(struct sg_snapshot **out, struct sg_repo *repo,
			    const char *oid);
/* The tree of a revision ("HEAD", "main", a tag). */
int sg_snapshot_from_rev(struct sg_snapshot **out, struct sg_repo *repo,
			 const char *rev);
/* The index, as `git commit` would record it. */
int sg_snapshot_from_index(struct sg_snapshot **out, struct sg_repo *repo);
/* An empty tree (an unborn branch). */
int sg_snapshot_empty(struct sg_snapshot **out, struct sg_repo *repo);
struct sg_snapshot *sg_snapshot_dup(const struct sg_snapshot *snap);
void sg_snapshot_free(struct sg_snapshot *snap);

/* "3f2a1bc" (the commit) or "index", for messages. */
const char *sg_snapshot_name(const struct sg_snapshot *snap);

/*
 * Read the file at `path`. Returns 0 with the contents appended to `out`,
 * 1 when there is no such file, -1 on error (too large: input error).
 */
int sg_snapshot_read(struct sg_buf *out, const struct sg_snapshot *snap,
		     const char *path, size_t max_size);

/* The blob's hex oid: 0, or 1 when there is no such file. */
int sg_snapshot_blob_id(char out[41], const struct sg_snapshot *snap,
			const char *path);

/* Append every file path that matches the glob `pattern`; `out` ends sorted. */
int sg_snapshot_list(struct sg_strlist *out, const struct sg_snapshot *snap,
		     const char *pattern);

/* The same for any of `patterns`, in one pass: each file at most once. */
int sg_snapshot_list_any(struct sg_strlist *out, const struct sg_snapshot *snap,
			 const struct sg_strlist *patterns);

#endif
