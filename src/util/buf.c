#include "util/buf.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char sg_buf_empty[1];

void sg_buf_init(struct sg_buf *buf)
{
	buf->ptr = sg_buf_empty;
	buf->len = 0;
	buf->alloc = 0;
}

void sg_buf_grow(struct sg_buf *buf, size_t extra)
{
	size_t want = buf->len + extra + 1;

	if (want <= buf->alloc)
		return;
	if (!buf->alloc)
		buf->ptr = NULL;
	if (want < buf->alloc * 2)
		want = buf->alloc * 2;
	if (want < 64)
		want = 64;
	buf->ptr = sg_xrealloc(buf->ptr, want);
	buf->alloc = want;
	if (!buf->len)
		buf->ptr[0] = '\0';
}

void sg_buf_add(struct sg_buf *buf, const void *data, size_t len)
{
	if (!len)
		return;
	sg_buf_grow(buf, len);
	memcpy(buf->ptr + buf->len, data, len);
	buf->len += len;
	buf->ptr[buf->len] = '\0';
}

void sg_buf_adds(struct sg_buf *buf, const char *s)
{
	sg_buf_add(buf, s, strlen(s));
}

void sg_buf_addch(struct sg_buf *buf, char c)
{
	sg_buf_add(buf, &c, 1);
}

void sg_buf_vaddf(struct sg_buf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n <= 0)
		return;
	sg_buf_grow(buf, (size_t)n);
	vsnprintf(buf->ptr + buf->len, (size_t)n + 1, fmt, ap);
	buf->len += (size_t)n;
}

void sg_buf_addf(struct sg_buf *buf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sg_buf_vaddf(buf, fmt, ap);
	va_end(ap);
}

void sg_buf_setlen(struct sg_buf *buf, size_t len)
{
	if (!buf->alloc)
		return;
	if (len > buf->len)
		len = buf->len;
	buf->len = len;
	buf->ptr[len] = '\0';
}

void sg_buf_reset(struct sg_buf *buf)
{
	sg_buf_setlen(buf, 0);
}

char *sg_buf_detach(struct sg_buf *buf)
{
	char *s = buf->alloc ? buf->ptr : sg_xstrdup("");

	sg_buf_init(buf);
	return s;
}

void sg_buf_release(struct sg_buf *buf)
{
	if (buf->alloc)
		free(buf->ptr);
	sg_buf_init(buf);
}
