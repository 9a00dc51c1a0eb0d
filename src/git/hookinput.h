#ifndef SG_GIT_HOOKINPUT_H
#define SG_GIT_HOOKINPUT_H

#include <stddef.h>

/*
 * The lines git writes to the standard input of the pre-push and
 * pre-receive hooks (githooks(5)). The input is untrusted: it is bounded
 * in size, in line length and in line count, and a malformed line is an
 * input error (exit 2) naming its line number.
 *
 *   pre-push:    <local ref> SP <local oid> SP <remote ref> SP <remote oid> LF
 *   pre-receive: <old oid> SP <new oid> SP <ref> LF
 *
 * Object names are full SHA-1 hex (40 digits, the only kind libgit2 1.5
 * reads). A zero oid means "none": a deletion when it is the new value,
 * a new ref when it is the old one.
 */

#define SG_HOOKINPUT_MAX_SIZE (32u * 1024 * 1024)
#define SG_HOOKINPUT_MAX_LINE 4096
#define SG_HOOKINPUT_MAX_LINES 200000

/* One ref a push updates. */
struct sg_ref_update {
	char *ref;          /* the ref updated on the receiving side */
	char *local_ref;    /* pre-push: the source as git names it; else NULL */
	char old_oid[41];   /* what the receiving side has (zero: nothing) */
	char new_oid[41];   /* what it will have (zero: a deletion) */
	unsigned line;      /* 1-based line of the hook input */
};

struct sg_ref_updates {
	struct sg_ref_update *items;
	size_t nr, alloc;
};

#define SG_REF_UPDATES_INIT { NULL, 0, 0 }

/*
 * Parse pre-push input. The local ref is everything before the last three
 * fields, so a source git names with a space ("HEAD@{1 day ago}") still
 * parses. `name` names the input in errors ("pre-push input").
 */
int sg_hookinput_parse_push(struct sg_ref_updates *out, const char *name,
			    const char *data, size_t len);

/* Parse pre-receive (and post-receive) input. */
int sg_hookinput_parse_receive(struct sg_ref_updates *out, const char *name,
			       const char *data, size_t len);

/* 1 when `oid` is the all-zero object name. */
int sg_oid_is_zero(const char *oid);

void sg_ref_updates_release(struct sg_ref_updates *updates);

#endif
