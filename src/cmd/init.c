#include "cmd.h"
#include "cmd/gate_setup.h"
#include "git/repo.h"
#include "policy/packs.h"
#include "policy/policy.h"
#include "policy/skeleton.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * sdlgate init [--profile NAME]: a starter .sdlgate.yml that extends the
 * pack, and skeletons for the files it names. Never overwrites a file.
 */

#define DEFAULT_PROFILE "iec81001-5-1-full"

static int unknown_profile(const char *name)
{
	struct sg_buf list = SG_BUF_INIT;
	size_t i;

	for (i = 0; i < sg_pack_count(); i++)
		sg_buf_addf(&list, "%s%s", i ? ", " : "", sg_pack_at(i)->name);
	fprintf(stderr, "sdlgate init: unknown profile '%s'\nhint: the profiles are: %s ('sdlgate policy show --profile-list' describes them)\n",
		name, list.ptr);
	sg_buf_release(&list);
	return SG_EXIT_INPUT;
}

/* The product name for the starter policy: the directory's name. */
static char *product_name(const char *workdir)
{
	struct sg_buf b = SG_BUF_INIT;
	const char *end = workdir + strlen(workdir), *start;

	while (end > workdir && end[-1] == '/')
		end--;
	for (start = end; start > workdir && start[-1] != '/'; start--)
		;
	for (; start < end; start++)
		sg_buf_addch(&b, *start);
	if (!b.len)
		sg_buf_adds(&b, "My device");
	return sg_buf_detach(&b);
}

static int write_new(const char *workdir, const char *path, const char *content,
		     const char *what, int *written)
{
	struct sg_buf full = SG_BUF_INIT, dir = SG_BUF_INIT;
	const char *slash;
	int error = 0;

	sg_buf_addf(&full, "%s%s", workdir, path);
	if (sg_fs_exists(full.ptr)) {
		printf("kept    %s (exists)\n", path);
		goto done;
	}
	slash = strrchr(full.ptr, '/');
	sg_buf_add(&dir, full.ptr, (size_t)(slash - full.ptr));
	error = sg_fs_mkdir_p(dir.ptr);
	if (!error)
		error = sg_fs_write_atomic(full.ptr, content, strlen(content));
	if (!error) {
		printf("wrote   %s (%s)\n", path, what);
		(*written)++;
	}
done:
	sg_buf_release(&full);
	sg_buf_release(&dir);
	return error;
}

int cmd_init(int argc, char **argv, struct sg_ctx *ctx)
{
	const char *profile = NULL, *workdir = sg_repo_workdir(ctx->repo);
	struct sg_skeleton sk = SG_SKELETON_INIT;
	struct sg_buf path = SG_BUF_INIT;
	char *policy_text = NULL, *product = NULL;
	const char *pack_data;
	size_t pack_len, i;
	int written = 0, kept_policy, rc = SG_EXIT_PASS;

	for (i = 1; i < (size_t)argc; i++) {
		if (!strcmp(argv[i], "--profile") && i + 1 < (size_t)argc)
			profile = argv[++i];
		else if (!strncmp(argv[i], "--profile=", 10))
			profile = argv[i] + 10;
		else
			return sg_usage_error("init", "unknown argument '%s'", argv[i]);
	}
	if (!workdir) {
		fprintf(stderr, "sdlgate init: a bare repository has no working tree to write into\n"
			"hint: run 'sdlgate init' in a clone, commit the files, and push them\n");
		return SG_EXIT_REPO;
	}
	if (!profile)
		profile = DEFAULT_PROFILE;
	if (sg_pack_lookup(&pack_data, &pack_len, profile) < 0)
		return unknown_profile(profile);

	sg_buf_addf(&path, "%s.sdlgate.yml", workdir);
	kept_policy = sg_fs_exists(path.ptr);
	product = product_name(workdir);
	policy_text = sg_skeleton_policy(profile, product);
	if (kept_policy) {
		/* the skeletons follow the policy that is there, not the pack */
		printf("kept    .sdlgate.yml (exists; the skeletons follow its paths, not --profile)\n");
		if (sg_ctx_load_policy(ctx) < 0)
			goto fail;
	} else {
		if (sg_policy_parse(&ctx->policy, ".sdlgate.yml", policy_text,
				    strlen(policy_text), NULL, NULL) < 0)
			goto fail;
		if (write_new(workdir, ".sdlgate.yml", policy_text, "policy", &written) < 0)
			goto fail;
	}
	if (sg_skeleton_files(&sk, ctx->policy, sg_today()) < 0)
		goto fail;
	for (i = 0; i < sk.nr; i++)
		if (write_new(workdir, sk.items[i].path, sk.items[i].content,
			      sk.items[i].what, &written) < 0)
			goto fail;
	printf("\n%d file(s) written for profile %s. Next:\n"
	       "  1. replace the examples (SR-001, RSK-001) and fill in the templates, deleting\n"
	       "     each 'sdlgate:template' mark (the release gate refuses a release while one is left);\n"
	       "  2. git add -A && git commit -m 'Adopt the sdlgate policy' -m '%s: SR-001'\n"
	       "  3. sdlgate install-hooks; later, sdlgate release --tag v1.0.0 --report evidence/\n",
	       written, ctx->policy->extends ? ctx->policy->extends : profile,
	       ctx->policy->requirements.reference_trailer);
	goto done;
fail:
	rc = sg_ctx_fail();
done:
	sg_skeleton_release(&sk);
	sg_buf_release(&path);
	free(policy_text);
	free(product);
	return rc;
}
