#include "util/fs.h"
#include "util/buf.h"
#include "util/error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int sg_fs_read_fd(struct sg_buf *out, int fd, const char *name, size_t max_size)
{
	char chunk[65536];
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return sg_error_set("cannot read '%s': %s", name,
					    strerror(errno));
		if (n == 0)
			break;
		if (out->len + (size_t)n > max_size) {
			sg_error_set("'%s' is larger than the limit of %zu bytes",
				     name, max_size);
			sg_error_hint("sdlgate refuses oversized input; check that the file is the one you meant");
			return -1;
		}
		sg_buf_add(out, chunk, (size_t)n);
	}
	return 0;
}

int sg_fs_read(struct sg_buf *out, const char *path, size_t max_size)
{
	struct stat st;
	int fd, error;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sg_error_set("cannot open '%s': %s", path, strerror(errno));
		sg_error_hint("check the path; a relative path is read from the current directory");
		return -1;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return sg_error_set("'%s' is a directory, not a file", path);
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size > max_size) {
		close(fd);
		sg_error_set("'%s' is larger than the limit of %zu bytes",
			     path, max_size);
		sg_error_hint("sdlgate refuses oversized input; check that the file is the one you meant");
		return -1;
	}
	error = sg_fs_read_fd(out, fd, path, max_size);
	close(fd);
	return error;
}

int sg_fs_write_atomic(const char *path, const char *data, size_t len)
{
	struct sg_buf tmp = SG_BUF_INIT;
	FILE *f = NULL;
	int error = -1;

	sg_buf_addf(&tmp, "%s.tmp%ld", path, (long)getpid());
	f = fopen(tmp.ptr, "wb");
	if (!f) {
		sg_error_set("cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	if (len && fwrite(data, 1, len, f) != len) {
		sg_error_set("cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	if (fclose(f) != 0) {
		f = NULL;
		sg_error_set("cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	f = NULL;
	if (rename(tmp.ptr, path) != 0) {
		sg_error_set("cannot write '%s': %s", path, strerror(errno));
		goto done;
	}
	error = 0;
done:
	if (error)
		sg_error_hint("check that the directory of '%s' exists and is writable", path);
	if (f)
		fclose(f);
	if (error)
		unlink(tmp.ptr);
	sg_buf_release(&tmp);
	return error;
}

int sg_fs_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

int sg_fs_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int sg_fs_mkdir_p(const char *path)
{
	struct sg_buf p = SG_BUF_INIT;
	size_t i;
	int error = 0;

	sg_buf_adds(&p, path);
	for (i = 1; i <= p.len && !error; i++) {
		if (p.ptr[i] != '/' && p.ptr[i] != '\0')
			continue;
		p.ptr[i] = '\0';
		if (mkdir(p.ptr, 0777) != 0 && errno != EEXIST) {
			error = sg_error_set("cannot create directory '%s': %s",
					     p.ptr, strerror(errno));
			sg_error_hint("choose a directory you can write to");
		}
		if (i < p.len)
			p.ptr[i] = '/';
	}
	sg_buf_release(&p);
	return error;
}
