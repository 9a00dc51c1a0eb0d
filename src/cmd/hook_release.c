#include "cmd/hook.h"
#include "cmd.h"
#include "cmd/release_gate.h"
#include "git/hookinput.h"
#include "policy/policy.h"

#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

/*
 * A pushed tag that matches release.tag_pattern is a release: besides the
 * range check of its new commits, it must pass the release gate, at the
 * client (pre-push) and at the server (pre-receive) alike.
 */
int sg_hook_release_tags(struct sg_ctx *ctx, const struct sg_ref_updates *updates)
{
	const struct sg_policy *p = ctx->policy;
	size_t i;
	int worst = SG_EXIT_PASS;

	if (!p || !p->release.present)
		return SG_EXIT_PASS;
	for (i = 0; i < updates->nr; i++) {
		const struct sg_ref_update *u = &updates->items[i];
		struct sg_release_opts opts;
		const char *name;
		int rc;

		if (strncmp(u->ref, "refs/tags/", 10) || sg_oid_is_zero(u->new_oid))
			continue;
		name = u->ref + 10;
		if (fnmatch(p->release.tag_pattern, name, 0))
			continue;
		memset(&opts, 0, sizeof(opts));
		opts.rev = u->new_oid;
		fprintf(stderr, "sdlgate: tag '%s' matches release.tag_pattern '%s': running the release gate\n",
			name, p->release.tag_pattern);
		fflush(stderr);
		rc = sg_run_release_gate(ctx, &opts);
		if (rc > worst)
			worst = rc;
	}
	return worst;
}
