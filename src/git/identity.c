#include "git/identity.h"
#include "git/repo.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/str.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

#define MAILMAP_MAX_SIZE (4 * 1024 * 1024)

/*
 * Two views of the same mailmap: libgit2's, which matches addresses and
 * names exactly, and a case-folded copy of the same sources, because git
 * matches them ignoring case (`Rita <rita@x> <RRev@Example.COM>` maps
 * rrev@example.com in git, not in libgit2 1.5).
 */
struct sg_mailmap {
	git_mailmap *mm;
	git_mailmap *folded;
};

static void lower_in_place(char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] = (char)(p[i] - 'A' + 'a');
}

static char *lower_dup(const char *s)
{
	char *out = sg_xstrdup(s ? s : "");

	lower_in_place(out, strlen(out));
	return out;
}

static void add_file(struct sg_buf *all, const char *dir, const char *path)
{
	struct sg_buf full = SG_BUF_INIT;

	if (path[0] != '/' && dir)
		sg_buf_adds(&full, dir);
	sg_buf_adds(&full, path);
	if (sg_fs_exists(full.ptr) && sg_fs_read(all, full.ptr, MAILMAP_MAX_SIZE) == 0)
		sg_buf_addch(all, '\n');
	sg_error_clear();
	sg_buf_release(&full);
}

static void add_blob(struct sg_buf *all, git_repository *git, const char *rev)
{
	git_object *obj = NULL, *blob = NULL;

	if (git_revparse_single(&obj, git, rev) == 0 &&
	    git_object_peel(&blob, obj, GIT_OBJECT_BLOB) == 0 &&
	    git_blob_rawsize((git_blob *)blob) <= MAILMAP_MAX_SIZE) {
		sg_buf_add(all, git_blob_rawcontent((git_blob *)blob),
			   (size_t)git_blob_rawsize((git_blob *)blob));
		sg_buf_addch(all, '\n');
	}
	git_error_clear();
	git_object_free(blob);
	git_object_free(obj);
}

/* The sources libgit2's git_mailmap_from_repository reads, in its order. */
static int load_folded(git_mailmap **out, git_repository *git)
{
	git_config *cfg = NULL;
	git_buf blob = GIT_BUF_INIT, file = GIT_BUF_INIT;
	struct sg_buf all = SG_BUF_INIT;
	const char *workdir = git_repository_workdir(git);
	const char *rev = git_repository_is_bare(git) ? "HEAD:.mailmap" : NULL;
	int error;

	if (git_repository_config_snapshot(&cfg, git) == 0) {
		if (git_config_get_string_buf(&blob, cfg, "mailmap.blob") == 0)
			rev = blob.ptr;
		if (git_config_get_path(&file, cfg, "mailmap.file") != 0)
			git_buf_dispose(&file);
	}
	git_error_clear();
	if (workdir)
		add_file(&all, workdir, ".mailmap");
	if (rev)
		add_blob(&all, git, rev);
	if (file.ptr && *file.ptr)
		add_file(&all, workdir, file.ptr);
	lower_in_place(all.ptr, all.len);
	error = git_mailmap_from_buffer(out, all.ptr, all.len);
	if (error < 0) {
		/* a NUL byte makes libgit2 refuse the lot; the exact view still works */
		git_error_clear();
		error = git_mailmap_new(out);
	}
	git_buf_dispose(&blob);
	git_buf_dispose(&file);
	git_config_free(cfg);
	sg_buf_release(&all);
	return error;
}

int sg_mailmap_open(struct sg_mailmap **out, struct sg_repo *repo)
{
	struct sg_mailmap *m = sg_xcalloc(1, sizeof(*m));

	*out = NULL;
	/* libgit2 skips unreadable sources, as git does; only allocation fails */
	if (git_mailmap_from_repository(&m->mm, sg_repo_git(repo)) < 0 ||
	    load_folded(&m->folded, sg_repo_git(repo)) < 0) {
		sg_mailmap_free(m);
		return sg_error_from_git("cannot read the repository's mailmap");
	}
	*out = m;
	return 0;
}

int sg_mailmap_open_at(struct sg_mailmap **out, struct sg_repo *repo,
		       const char *commit)
{
	struct sg_mailmap *m;
	struct sg_buf all = SG_BUF_INIT, rev = SG_BUF_INIT;
	int error;

	if (!commit)
		return sg_mailmap_open(out, repo);
	*out = NULL;
	m = sg_xcalloc(1, sizeof(*m));
	sg_buf_addf(&rev, "%s:.mailmap", commit);
	add_blob(&all, sg_repo_git(repo), rev.ptr);
	error = git_mailmap_from_buffer(&m->mm, all.ptr, all.len);
	if (error < 0) {
		git_error_clear();
		error = git_mailmap_new(&m->mm);
	}
	lower_in_place(all.ptr, all.len);
	if (!error && git_mailmap_from_buffer(&m->folded, all.ptr, all.len) < 0) {
		git_error_clear();
		error = git_mailmap_new(&m->folded);
	}
	sg_buf_release(&all);
	sg_buf_release(&rev);
	if (error < 0) {
		sg_mailmap_free(m);
		return sg_error_from_git("cannot read the mailmap of %s", commit);
	}
	*out = m;
	return 0;
}

void sg_mailmap_free(struct sg_mailmap *mm)
{
	if (!mm)
		return;
	git_mailmap_free(mm->mm);
	git_mailmap_free(mm->folded);
	free(mm);
}

void sg_identity_resolve(struct sg_identity *out, const struct sg_mailmap *mm,
			 const char *name, const char *email)
{
	const char *real_name, *real_email;
	char *trimmed_name = sg_strdup_trimmed(name ? name : "", strlen(name ? name : ""));
	char *trimmed_email = sg_strdup_trimmed(email ? email : "", strlen(email ? email : ""));
	char *lower_name = lower_dup(trimmed_name), *lower_email = lower_dup(trimmed_email);

	real_name = trimmed_name;
	real_email = trimmed_email;
	if (mm && *trimmed_email) {
		git_mailmap_resolve(&real_name, &real_email, mm->mm, trimmed_name,
				    trimmed_email);
		/* nothing matched exactly: match ignoring case, as git does */
		if (real_name == trimmed_name && real_email == trimmed_email)
			git_mailmap_resolve(&real_name, &real_email, mm->folded,
					    lower_name, lower_email);
	}
	sg_identity_release(out);
	out->name = lower_dup(real_name);
	out->email = lower_dup(real_email);
	free(trimmed_name);
	free(trimmed_email);
	free(lower_name);
	free(lower_email);
}

void sg_identity_from_text(struct sg_identity *out,
			   const struct sg_mailmap *mm, const char *text)
{
	const char *lt = strchr(text, '<');
	const char *gt = lt ? strchr(lt, '>') : NULL;
	char *name = NULL, *email = NULL;

	if (lt && gt) {
		name = sg_xstrndup(text, (size_t)(lt - text));
		email = sg_xstrndup(lt + 1, (size_t)(gt - lt - 1));
	} else if (strchr(text, '@')) {
		email = sg_xstrdup(text);
	} else {
		name = sg_xstrdup(text);
	}
	sg_identity_resolve(out, mm, name, email);
	free(name);
	free(email);
}

int sg_identity_same(const struct sg_identity *a, const struct sg_identity *b)
{
	if (a->email && b->email && *a->email && !strcmp(a->email, b->email))
		return 1;
	return a->name && b->name && *a->name && !strcmp(a->name, b->name);
}

const char *sg_identity_label(const struct sg_identity *id)
{
	if (id->email && *id->email)
		return id->email;
	return id->name ? id->name : "";
}

void sg_identity_release(struct sg_identity *id)
{
	if (!id)
		return;
	free(id->name);
	free(id->email);
	id->name = NULL;
	id->email = NULL;
}
