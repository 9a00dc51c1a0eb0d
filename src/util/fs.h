#ifndef SG_UTIL_FS_H
#define SG_UTIL_FS_H

#include <stddef.h>

struct sg_buf;

/*
 * Read a whole file into `out`, refusing files larger than `max_size`
 * bytes (untrusted input is bounded). Returns 0, or -1 with an input error
 * naming the file.
 */
int sg_fs_read(struct sg_buf *out, const char *path, size_t max_size);

/* Read all of a stream (stdin of a hook), bounded like sg_fs_read. */
int sg_fs_read_fd(struct sg_buf *out, int fd, const char *name, size_t max_size);

/*
 * Write `len` bytes to `path` through a temporary file and rename, so a
 * reader never sees half a file. Returns 0 or -1 with an error.
 */
int sg_fs_write_atomic(const char *path, const char *data, size_t len);

int sg_fs_exists(const char *path);
int sg_fs_is_dir(const char *path);
/* Create `path` and its parents (mode 0777 & umask). */
int sg_fs_mkdir_p(const char *path);

#endif
