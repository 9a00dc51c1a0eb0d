#include "git/change.h"
#include "git/snapshot.h"

#include <stdlib.h>

void sg_change_free(struct sg_change *change)
{
	if (!change)
		return;
	free(change->oid);
	free(change->short_oid);
	free(change->subject);
	free(change->message);
	sg_trailers_release(&change->trailers);
	free(change->author_name);
	free(change->author_email);
	free(change->committer_name);
	free(change->committer_email);
	sg_strlist_release(&change->paths);
	sg_snapshot_free(change->snapshot);
	free(change);
}
