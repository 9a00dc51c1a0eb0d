#include "rules/release_templates.h"
#include "git/snapshot.h"
#include "policy/policy.h"
#include "policy/skeleton.h"
#include "rules/gate.h"
#include "util/buf.h"
#include "util/error.h"

#include <string.h>

/*
 * `sdlgate init` writes skeletons so that a team starts from the right
 * files; a release that ships one unchanged (the example requirement, the
 * SBOM's placeholder author, a deliverable that is still its outline)
 * would pass every other check while documenting nothing.
 */

/* Files larger than this are not searched (release documents are smaller). */
#define TEMPLATE_MAX_SIZE (16 * 1024 * 1024)

/* The release's files: deliverables, registries, risk files, SBOMs; sorted, each once. */
static int release_files(struct sg_strlist *files, const struct sg_gate *gate)
{
	const struct sg_policy *p = gate->policy;
	struct sg_strlist patterns = SG_STRLIST_INIT;
	size_t i;
	int error;

	for (i = 0; i < p->release.deliverables_nr; i++)
		sg_strlist_add(&patterns, p->release.deliverables[i].path);
	/* sg_strlist_copy appends */
	sg_strlist_copy(&patterns, &p->requirements.registry);
	sg_strlist_copy(&patterns, &p->risk.files);
	sg_strlist_copy(&patterns, &p->sbom.files);
	error = sg_snapshot_list_any(files, gate->head, &patterns);
	sg_strlist_release(&patterns);
	return error;
}

static unsigned line_of(const char *data, const char *at)
{
	unsigned line = 1;

	for (; data < at; data++)
		line += *data == '\n';
	return line;
}

int sg_release_check_templates(struct sg_gate *gate)
{
	struct sg_strlist files = SG_STRLIST_INIT;
	struct sg_buf data = SG_BUF_INIT;
	struct sg_finding *f;
	const char *mark;
	size_t i;
	int rc, error = release_files(&files, gate);

	for (i = 0; i < files.nr && !error; i++) {
		sg_buf_reset(&data);
		rc = sg_snapshot_read(&data, gate->head, files.items[i], TEMPLATE_MAX_SIZE);
		if (rc < 0 && sg_error_kind() == SG_ERROR_INPUT) {
			sg_error_clear();   /* too large to be a template */
			continue;
		}
		if (rc < 0) {
			error = -1;
			break;
		}
		mark = rc ? NULL : sg_memmem(data.ptr, data.len, SG_SKELETON_MARK,
					     strlen(SG_SKELETON_MARK));
		if (!mark)
			continue;
		f = sg_gate_add(gate, "release-deliverables", NULL,
				"%s still holds the template 'sdlgate init' wrote: it documents nothing yet",
				files.items[i]);
		sg_strlist_add(&f->paths, files.items[i]);
		f->line = line_of(data.ptr, mark);
		sg_finding_set_hint(f, "write the real content (replace the example or placeholder) and delete '%s' from line %u",
				    SG_SKELETON_MARK, f->line);
	}
	sg_strlist_release(&files);
	sg_buf_release(&data);
	return error;
}
