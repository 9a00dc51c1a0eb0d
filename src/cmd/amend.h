#ifndef SG_CMD_AMEND_H
#define SG_CMD_AMEND_H

struct sg_ctx;

/*
 * `git commit --amend` replaces HEAD, so commit-msg must judge the index
 * against HEAD's parent. git says so only to prepare-commit-msg (source
 * "commit" and HEAD's oid); commit-msg, which runs after it, is told
 * nothing. prepare-commit-msg therefore leaves a mark in the git
 * directory, naming HEAD, which commit-msg takes.
 */

/*
 * prepare-commit-msg: mark the commit being made as an amend of HEAD when
 * `source` is "commit" and `name` names HEAD's commit (git passes "HEAD";
 * `git commit -C HEAD` looks the same and is judged as an amend: more
 * paths, never fewer); otherwise clear any old mark. Never fails.
 */
void sg_amend_mark(struct sg_ctx *ctx, const char *source, const char *name);

/* commit-msg: 1 when the commit being made amends HEAD; the mark is used up. */
int sg_amend_take(struct sg_ctx *ctx);

#endif
