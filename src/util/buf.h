#ifndef SG_UTIL_BUF_H
#define SG_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

/*
 * A growable string. `ptr` is never NULL and always NUL-terminated, so a
 * buffer can be printed at any time; SG_BUF_INIT points it at a shared
 * empty string and the first addition allocates. The buffer may also hold
 * binary data (blob contents): `len` is authoritative.
 */
struct sg_buf {
	char *ptr;
	size_t len;
	size_t alloc;
};

extern char sg_buf_empty[];
#define SG_BUF_INIT { sg_buf_empty, 0, 0 }

void sg_buf_init(struct sg_buf *buf);
/* Make room for `extra` more bytes (plus the terminator). */
void sg_buf_grow(struct sg_buf *buf, size_t extra);
void sg_buf_add(struct sg_buf *buf, const void *data, size_t len);
void sg_buf_adds(struct sg_buf *buf, const char *s);
void sg_buf_addch(struct sg_buf *buf, char c);
void sg_buf_addf(struct sg_buf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sg_buf_vaddf(struct sg_buf *buf, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void sg_buf_setlen(struct sg_buf *buf, size_t len);
void sg_buf_reset(struct sg_buf *buf);
/* Hand the string to the caller (who frees it) and reinitialise. */
char *sg_buf_detach(struct sg_buf *buf);
/* Free the contents; the buffer is SG_BUF_INIT afterwards. */
void sg_buf_release(struct sg_buf *buf);

#endif
