#include "model/deliverable.h"
#include "git/log.h"
#include "git/snapshot.h"
#include "policy/policy.h"
#include "util/buf.h"
#include "util/glob.h"

#include <string.h>

/* The files `pattern` names: one file, a directory's files, or a glob. */
static int list_files(struct sg_strlist *out, const struct sg_snapshot *snap,
		      const char *pattern)
{
	char oid[41];

	if (!sg_glob_has_wildcard(pattern) && sg_snapshot_blob_id(oid, snap, pattern) == 0) {
		sg_strlist_add(out, pattern);
		return 0;
	}
	return sg_snapshot_list(out, snap, pattern);
}

/* "path blob;" for every file: two states are equal when these are. */
static int fingerprint(struct sg_buf *out, const struct sg_snapshot *snap,
		       const struct sg_strlist *files)
{
	char oid[41];
	size_t i;

	for (i = 0; i < files->nr; i++) {
		if (sg_snapshot_blob_id(oid, snap, files->items[i]) != 0)
			strcpy(oid, "-");
		sg_buf_addf(out, "%s %s;", files->items[i], oid);
	}
	return 0;
}

int sg_deliverable_check(struct sg_deliverable_state *out, struct sg_repo *repo,
			 const struct sg_snapshot *head, const char *head_oid,
			 const struct sg_snapshot *base,
			 const struct sg_deliverable *d, int want_last_change)
{
	struct sg_strlist base_files = SG_STRLIST_INIT, paths = SG_STRLIST_INIT;
	struct sg_buf a = SG_BUF_INIT, b = SG_BUF_INIT;
	int rc, error = -1;

	memset(out, 0, sizeof(*out));
	out->deliverable = d;
	if (list_files(&out->files, head, d->path) < 0)
		goto done;
	out->exists = out->files.nr > 0;
	out->updated = 1;
	if (base) {
		if (list_files(&base_files, base, d->path) < 0)
			goto done;
		fingerprint(&a, head, &out->files);
		fingerprint(&b, base, &base_files);
		out->updated = strcmp(a.ptr, b.ptr) != 0;
	}
	out->ok = out->exists && (!d->must_update || out->updated);
	if (want_last_change) {
		/* a removed single file still has a history under its path */
		if (out->files.nr)
			sg_strlist_copy(&paths, &out->files);
		else if (!sg_glob_has_wildcard(d->path))
			sg_strlist_add(&paths, d->path);
		if (paths.nr) {
			rc = sg_log_last_change(out->last_oid, &out->last_time, repo,
						head_oid, &paths);
			if (rc < 0)
				goto done;
			out->last_known = rc == 0;
		}
	}
	error = 0;
done:
	sg_strlist_release(&base_files);
	sg_strlist_release(&paths);
	sg_buf_release(&a);
	sg_buf_release(&b);
	return error;
}

void sg_deliverable_state_release(struct sg_deliverable_state *state)
{
	sg_strlist_release(&state->files);
	memset(state, 0, sizeof(*state));
}
