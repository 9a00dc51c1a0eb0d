#include "util/error.h"
#include "util/buf.h"

#include <stdarg.h>

static struct sg_buf message = SG_BUF_INIT;
static struct sg_buf hint = SG_BUF_INIT;
static enum sg_error_kind kind;

static int record(enum sg_error_kind k, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

static int record(enum sg_error_kind k, const char *fmt, va_list ap)
{
	sg_buf_reset(&message);
	sg_buf_reset(&hint);
	sg_buf_vaddf(&message, fmt, ap);
	kind = k;
	return -1;
}

int sg_error_set(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(SG_ERROR_INPUT, fmt, ap);
	va_end(ap);
	return -1;
}

int sg_error_set_repo(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(SG_ERROR_REPO, fmt, ap);
	va_end(ap);
	return -1;
}

void sg_error_hint(const char *fmt, ...)
{
	va_list ap;

	sg_buf_reset(&hint);
	va_start(ap, fmt);
	sg_buf_vaddf(&hint, fmt, ap);
	va_end(ap);
}

const char *sg_error_message(void)
{
	return message.len ? message.ptr : "unknown error";
}

const char *sg_error_hint_text(void)
{
	return hint.len ? hint.ptr : NULL;
}

enum sg_error_kind sg_error_kind(void)
{
	return kind;
}

void sg_error_clear(void)
{
	sg_buf_release(&message);
	sg_buf_release(&hint);
	kind = SG_ERROR_NONE;
}
