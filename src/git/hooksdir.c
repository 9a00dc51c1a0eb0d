#include "git/hooksdir.h"
#include "git/repo.h"
#include "util/buf.h"

#include <git2.h>
#include <string.h>

int sg_repo_hooks_dir(char **out, int *from_config, struct sg_repo *repo)
{
	git_repository *git = sg_repo_git(repo);
	git_config *cfg = NULL;
	git_buf value = GIT_BUF_INIT;
	struct sg_buf path = SG_BUF_INIT;
	int rc, error = -1;

	*out = NULL;
	*from_config = 0;
	if (git_repository_config_snapshot(&cfg, git) < 0) {
		sg_error_from_git("cannot read the configuration");
		goto done;
	}
	rc = git_config_get_path(&value, cfg, "core.hooksPath");
	if (rc < 0 && rc != GIT_ENOTFOUND) {
		sg_error_from_git("cannot read core.hooksPath");
		goto done;
	}
	if (rc == 0 && value.ptr[0]) {
		const char *base = git_repository_workdir(git);

		if (!base)
			base = git_repository_path(git);
		if (value.ptr[0] != '/')
			sg_buf_adds(&path, base);
		sg_buf_adds(&path, value.ptr);
		*from_config = 1;
	} else {
		sg_buf_addf(&path, "%shooks", git_repository_commondir(git));
	}
	while (path.len > 1 && path.ptr[path.len - 1] == '/')
		sg_buf_setlen(&path, path.len - 1);
	*out = sg_buf_detach(&path);
	error = 0;
done:
	git_buf_dispose(&value);
	git_config_free(cfg);
	sg_buf_release(&path);
	return error;
}
