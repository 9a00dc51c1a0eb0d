#include "cmd.h"
#include "cmd/hook_scripts.h"
#include "git/hooksdir.h"
#include "git/repo.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * `sdlgate install-hooks [--force]`: write the wrappers of hooks/ into the
 * directory git really runs hooks from (core.hooksPath, or the hooks/
 * shared by every worktree). A working repository gets pre-commit,
 * commit-msg and pre-push; a bare one (a server) gets pre-receive.
 *
 * No hook is ever lost. A hook that is not sdlgate's is renamed
 * <name>.local, and the wrapper runs it first. With --force the gate runs
 * alone: what was there (and any <name>.local) is kept, not run, as
 * <name>.sdlgate-backup. Running it again is harmless: sdlgate's own
 * wrapper is recognised and only rewritten when it changed.
 */

#define EXISTING_MAX_SIZE (1024 * 1024)
#define BACKUP_MAX 100

static const char *const client_hooks[] = { "pre-commit", "prepare-commit-msg", "commit-msg", "pre-push", NULL };
static const char *const server_hooks[] = { "pre-receive", NULL };

/* Write through a temporary file so git never runs half a script. */
static int write_script(const char *path, const char *text)
{
	struct sg_buf tmp = SG_BUF_INIT;
	size_t len = strlen(text);
	int fd, error = -1;

	sg_buf_addf(&tmp, "%s.sdlgate-tmp%ld", path, (long)getpid());
	fd = open(tmp.ptr, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
	if (fd < 0) {
		sg_error_set_repo("cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	if (write(fd, text, len) != (ssize_t)len || fchmod(fd, 0755) != 0) {
		sg_error_set_repo("cannot write '%s': %s", path, strerror(errno));
		close(fd);
		goto done;
	}
	if (close(fd) != 0 || rename(tmp.ptr, path) != 0) {
		sg_error_set_repo("cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	error = 0;
done:
	if (error) {
		unlink(tmp.ptr);
		sg_error_hint("check that you may write to the hooks directory");
	}
	sg_buf_release(&tmp);
	return error;
}

/* Move `path` aside to the first free <path>.sdlgate-backup[.N]. */
static int back_up(struct sg_buf *to, const char *path)
{
	int n;

	for (n = 1; n <= BACKUP_MAX; n++) {
		sg_buf_reset(to);
		sg_buf_addf(to, "%s.sdlgate-backup", path);
		if (n > 1)
			sg_buf_addf(to, ".%d", n);
		if (!sg_fs_exists(to->ptr))
			break;
	}
	if (n > BACKUP_MAX || rename(path, to->ptr) != 0) {
		sg_error_set_repo("cannot keep '%s' as a backup: %s", path,
				  n > BACKUP_MAX ? "too many backups already" : strerror(errno));
		sg_error_hint("move the old hooks out of the hooks directory, then run 'sdlgate install-hooks' again");
		return -1;
	}
	return 0;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* 0 missing, 1 ours and identical, 2 ours but older, 3 someone else's. */
static int existing_kind(const char *path, const char *script)
{
	struct sg_buf text = SG_BUF_INIT;
	struct stat st;
	int kind = 3;

	if (lstat(path, &st) != 0)
		return 0;
	if (sg_fs_read(&text, path, EXISTING_MAX_SIZE) == 0) {
		if (!strcmp(text.ptr, script) && text.len == strlen(script))
			kind = 1;
		else if (strstr(text.ptr, SG_HOOK_WRAPPER_MARK))
			kind = 2;
	}
	sg_error_clear();
	sg_buf_release(&text);
	return kind;
}

static int install_one(const char *dir, const char *name, int force)
{
	const char *script = sg_hook_script(name);
	struct sg_buf path = SG_BUF_INIT, local = SG_BUF_INIT, backup = SG_BUF_INIT;
	int kind, has_local, error = -1;

	sg_buf_addf(&path, "%s/%s", dir, name);
	sg_buf_addf(&local, "%s.local", path.ptr);
	if (sg_fs_is_dir(path.ptr)) {
		sg_error_set_repo("'%s' is a directory, not a hook", path.ptr);
		sg_error_hint("move it away, then run 'sdlgate install-hooks' again");
		goto done;
	}
	kind = existing_kind(path.ptr, script);
	has_local = sg_fs_exists(local.ptr);

	if (force && has_local) {
		if (back_up(&backup, local.ptr) < 0)
			goto done;
		printf("  %s.local: kept, no longer run, as %s (--force: the gate runs alone)\n",
		       name, base_name(backup.ptr));
		has_local = 0;
	}
	switch (kind) {
	case 0:
	case 1:
	case 2:
		if (kind != 1 && write_script(path.ptr, script) < 0)
			goto done;
		printf("  %s: %s", name, kind == 1 ? "up to date" :
		       kind == 2 ? "updated (an older sdlgate wrapper)" : "written");
		if (has_local)
			printf(" (%s.local runs first, then the gate)", name);
		printf("\n");
		break;
	default:
		if (force) {
			if (back_up(&backup, path.ptr) < 0 || write_script(path.ptr, script) < 0)
				goto done;
			printf("  %s: written; the hook that was there is kept, not run, as %s\n",
			       name, base_name(backup.ptr));
			break;
		}
		if (has_local) {
			sg_error_set_repo("cannot keep the existing '%s': '%s.local' exists already",
					  path.ptr, name);
			sg_error_hint("merge the two into %s.local by hand, or run 'sdlgate install-hooks --force' to keep both as backups and run the gate alone",
				      name);
			goto done;
		}
		if (rename(path.ptr, local.ptr) != 0) {
			sg_error_set_repo("cannot rename '%s': %s", path.ptr, strerror(errno));
			sg_error_hint("check that you may write to the hooks directory");
			goto done;
		}
		if (write_script(path.ptr, script) < 0) {
			rename(local.ptr, path.ptr);
			goto done;
		}
		printf("  %s: written; the hook that was there is kept as %s.local and runs first, then the gate%s\n",
		       name, name, access(local.ptr, X_OK) == 0 ? "" :
		       " (it is not executable: git did not run it, and the wrapper will not either)");
		has_local = 0;
		break;
	}
	error = 0;
done:
	sg_buf_release(&path);
	sg_buf_release(&local);
	sg_buf_release(&backup);
	return error;
}

/* 1 when `name` is an executable file in a directory of $PATH. */
static int on_path(const char *name)
{
	const char *path = getenv("PATH");
	struct sg_buf file = SG_BUF_INIT;
	int found = 0;

	while (path && *path && !found) {
		size_t len = strcspn(path, ":");

		sg_buf_reset(&file);
		if (len)
			sg_buf_add(&file, path, len);
		else
			sg_buf_addch(&file, '.');
		sg_buf_addf(&file, "/%s", name);
		found = access(file.ptr, X_OK) == 0;
		path += len + (path[len] == ':');
	}
	sg_buf_release(&file);
	return found;
}

/* A server without a policy on its default branch refuses every push. */
static void check_server_policy(struct sg_ctx *ctx)
{
	if (sg_repo_head_unborn(ctx->repo)) {
		printf("note: the repository has no commit yet: the first push of its default branch brings the policy the server checks against\n");
		return;
	}
	if (sg_ctx_load_policy_rev(ctx, "HEAD") < 0) {
		printf("warning: every push will be refused until the default branch has a valid policy: %s\n",
		       sg_error_message());
		printf("hint: push a commit that adds .sdlgate.yml to the default branch before installing the hook, or move the hook aside while you do\n");
		sg_error_clear();
	}
}

int cmd_install_hooks(int argc, char **argv, struct sg_ctx *ctx)
{
	const char *const *names;
	char *dir = NULL;
	int force = 0, from_config, i, rc = SG_EXIT_PASS;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--force"))
			force = 1;
		else
			return sg_usage_error("install-hooks", "unknown argument '%s'", argv[i]);
	}
	if (sg_repo_hooks_dir(&dir, &from_config, ctx->repo) < 0 ||
	    sg_fs_mkdir_p(dir) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	names = sg_repo_is_bare(ctx->repo) ? server_hooks : client_hooks;
	printf("sdlgate install-hooks: %s (%s)\n", dir,
	       from_config ? "core.hooksPath" :
	       sg_repo_is_bare(ctx->repo) ? "a bare repository: the server's gate" :
	       "shared by every worktree of the repository");
	for (i = 0; names[i]; i++)
		if (install_one(dir, names[i], force) < 0) {
			rc = sg_ctx_fail();
			goto done;
		}
	if (!getenv("SDLGATE") && !on_path("sdlgate"))
		printf("warning: 'sdlgate' is not on PATH: the hooks refuse to run until it is (or until SDLGATE names the binary)\n");
	if (sg_repo_is_bare(ctx->repo))
		check_server_policy(ctx);
	else
		printf("the server's gate: run 'sdlgate install-hooks' in the bare repository you push to (it installs pre-receive)\n");
done:
	free(dir);
	return rc;
}
