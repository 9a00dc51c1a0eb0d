#include "git/hookinput.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

#define OID_HEX 40

int sg_oid_is_zero(const char *oid)
{
	return strspn(oid, "0") == OID_HEX && !oid[OID_HEX];
}

void sg_ref_updates_release(struct sg_ref_updates *updates)
{
	size_t i;

	for (i = 0; i < updates->nr; i++) {
		free(updates->items[i].ref);
		free(updates->items[i].local_ref);
	}
	free(updates->items);
	updates->items = NULL;
	updates->nr = updates->alloc = 0;
}

/* One field of a line: [start, start + len). */
struct field {
	const char *start;
	size_t len;
};

static int is_hex_oid(const struct field *f)
{
	size_t i;

	if (f->len != OID_HEX)
		return 0;
	for (i = 0; i < f->len; i++)
		if (!((f->start[i] >= '0' && f->start[i] <= '9') ||
		      (f->start[i] >= 'a' && f->start[i] <= 'f')))
			return 0;
	return 1;
}

static int bad_oid(const char *name, unsigned line, const char *what,
		   const struct field *f)
{
	sg_error_set("%s:%u: the %s '%.*s' is not a full object name (40 hex digits)",
		     name, line, what, (int)(f->len > 64 ? 64 : f->len), f->start);
	sg_error_hint("the hook reads what git writes to its standard input; run it from git, or feed it lines as githooks(5) describes");
	return -1;
}

/* A ref name as git would write it: no white space, no control bytes. */
static int check_ref(const char *name, unsigned line, const char *what,
		     const struct field *f, int allow_space)
{
	size_t i;

	if (!f->len) {
		sg_error_set("%s:%u: the %s is empty", name, line, what);
		sg_error_hint("githooks(5) gives the format of each line");
		return -1;
	}
	for (i = 0; i < f->len; i++) {
		unsigned char c = (unsigned char)f->start[i];

		if (c < 0x20 || c == 0x7f || (c == ' ' && !allow_space)) {
			sg_error_set("%s:%u: the %s contains a control character or a space",
				     name, line, what);
			sg_error_hint("githooks(5) gives the format of each line");
			return -1;
		}
	}
	return 0;
}

/*
 * Split `line` at single spaces from the right into `n` fields; the first
 * field takes whatever is left (it may hold spaces). 0, or -1 when there
 * are fewer fields.
 */
static int split_right(struct field *fields, size_t n, const char *line,
		       size_t len)
{
	size_t end = len, k = n;

	while (k > 1) {
		size_t i = end;

		while (i > 0 && line[i - 1] != ' ')
			i--;
		if (i == 0)
			return -1;
		fields[k - 1].start = line + i;
		fields[k - 1].len = end - i;
		end = i - 1;
		k--;
	}
	fields[0].start = line;
	fields[0].len = end;
	return 0;
}

typedef int (*line_fn)(struct sg_ref_updates *out, const char *name,
		       unsigned line, const char *text, size_t len);

static int parse_lines(struct sg_ref_updates *out, const char *name,
		       const char *data, size_t len, line_fn fn)
{
	size_t pos = 0;
	unsigned line = 0;

	if (len > SG_HOOKINPUT_MAX_SIZE) {
		sg_error_set("%s is larger than the limit of %u bytes", name,
			     SG_HOOKINPUT_MAX_SIZE);
		sg_error_hint("push fewer refs at once");
		return -1;
	}
	while (pos < len) {
		const char *start = data + pos;
		const char *nl = memchr(start, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - start) : len - pos;

		line++;
		pos += n + (nl ? 1 : 0);
		if (line > SG_HOOKINPUT_MAX_LINES) {
			sg_error_set("%s has more than %u lines", name,
				     SG_HOOKINPUT_MAX_LINES);
			sg_error_hint("push fewer refs at once");
			return -1;
		}
		if (n > SG_HOOKINPUT_MAX_LINE) {
			sg_error_set("%s:%u: the line is longer than %u bytes", name,
				     line, SG_HOOKINPUT_MAX_LINE);
			sg_error_hint("githooks(5) gives the format of each line");
			return -1;
		}
		if (memchr(start, '\0', n)) {
			sg_error_set("%s:%u: the line contains a NUL byte", name, line);
			sg_error_hint("githooks(5) gives the format of each line");
			return -1;
		}
		if (n && start[n - 1] == '\r')
			n--;
		if (!n)
			continue;
		if (fn(out, name, line, start, n) < 0)
			return -1;
	}
	return 0;
}

static struct sg_ref_update *add_update(struct sg_ref_updates *out,
					unsigned line)
{
	struct sg_ref_update *u;

	SG_ALLOC_GROW(out->items, out->nr + 1, out->alloc);
	u = &out->items[out->nr++];
	memset(u, 0, sizeof(*u));
	u->line = line;
	return u;
}

static int push_line(struct sg_ref_updates *out, const char *name,
		     unsigned line, const char *text, size_t len)
{
	struct field f[4];
	struct sg_ref_update *u;

	if (split_right(f, 4, text, len) < 0) {
		sg_error_set("%s:%u: expected '<local ref> <local oid> <remote ref> <remote oid>'",
			     name, line);
		sg_error_hint("the pre-push hook reads what git writes to its standard input (githooks(5))");
		return -1;
	}
	if (check_ref(name, line, "local ref", &f[0], 1) < 0 ||
	    check_ref(name, line, "remote ref", &f[2], 0) < 0)
		return -1;
	if (!is_hex_oid(&f[1]))
		return bad_oid(name, line, "local object", &f[1]);
	if (!is_hex_oid(&f[3]))
		return bad_oid(name, line, "remote object", &f[3]);
	u = add_update(out, line);
	u->local_ref = sg_xstrndup(f[0].start, f[0].len);
	u->ref = sg_xstrndup(f[2].start, f[2].len);
	memcpy(u->new_oid, f[1].start, OID_HEX);
	memcpy(u->old_oid, f[3].start, OID_HEX);
	return 0;
}

static int receive_line(struct sg_ref_updates *out, const char *name,
			unsigned line, const char *text, size_t len)
{
	struct field f[3];
	struct sg_ref_update *u;

	/* a ref has no space, so three fields split from the right are exact */
	if (split_right(f, 3, text, len) < 0 || memchr(f[0].start, ' ', f[0].len)) {
		sg_error_set("%s:%u: expected '<old oid> <new oid> <ref>'", name, line);
		sg_error_hint("the pre-receive hook reads what git writes to its standard input (githooks(5))");
		return -1;
	}
	if (!is_hex_oid(&f[0]))
		return bad_oid(name, line, "old object", &f[0]);
	if (!is_hex_oid(&f[1]))
		return bad_oid(name, line, "new object", &f[1]);
	if (check_ref(name, line, "ref", &f[2], 0) < 0)
		return -1;
	u = add_update(out, line);
	u->ref = sg_xstrndup(f[2].start, f[2].len);
	memcpy(u->old_oid, f[0].start, OID_HEX);
	memcpy(u->new_oid, f[1].start, OID_HEX);
	return 0;
}

int sg_hookinput_parse_push(struct sg_ref_updates *out, const char *name,
			    const char *data, size_t len)
{
	return parse_lines(out, name, data, len, push_line);
}

int sg_hookinput_parse_receive(struct sg_ref_updates *out, const char *name,
			       const char *data, size_t len)
{
	return parse_lines(out, name, data, len, receive_line);
}
