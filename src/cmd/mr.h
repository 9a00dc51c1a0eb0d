#ifndef SG_CMD_MR_H
#define SG_CMD_MR_H

struct sg_ctx;

/*
 * check --mr: the merge request's change set, merge-base(target, HEAD)..HEAD,
 * under the policy of the target (unless --policy or --policy-from say
 * otherwise, which the report notes). The target is `base` (--base REF),
 * else the CI's variables: GitLab CI_MERGE_REQUEST_DIFF_BASE_SHA, then
 * CI_MERGE_REQUEST_TARGET_BRANCH_NAME (origin/<name>); GitHub Actions
 * GITHUB_BASE_REF (origin/<name>), then pull_request.base.sha of the
 * $GITHUB_EVENT_PATH payload; then SDLGATE_BASE. Returns the exit code.
 */
int sg_check_mr(struct sg_ctx *ctx, const char *base);

#endif
