#ifndef SG_UTIL_ERROR_H
#define SG_UTIL_ERROR_H

/*
 * The last error of this thread of work, in libgit2's style: a failing
 * function records a message and returns a negative value; the command
 * layer prints it. The kind decides the exit code (see cmd.h).
 */
enum sg_error_kind {
	SG_ERROR_NONE = 0,
	SG_ERROR_INPUT,     /* usage, policy, registry, SBOM, risk, review: exit 2 */
	SG_ERROR_REPO,      /* repository or environment: exit 3 */
};

/* Record an input error; returns -1 so `return sg_error_set(...)` reads well. */
int sg_error_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Record a repository or environment error; returns -1. */
int sg_error_set_repo(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Attach a "what to do" hint to the current error. */
void sg_error_hint(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

const char *sg_error_message(void);
const char *sg_error_hint_text(void);
enum sg_error_kind sg_error_kind(void);
void sg_error_clear(void);

#endif
