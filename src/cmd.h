#ifndef SG_CMD_H
#define SG_CMD_H

#include <stdio.h>

/*
 * Adding a command:
 *  1. write src/cmd/<name>.c with `int cmd_<name>(int argc, char **argv,
 *     struct sg_ctx *ctx)`;
 *  2. declare it below;
 *  3. add its row to `commands[]` in src/cmd/dispatch.c (setup flags and a
 *     one-line description: --help is generated from the table);
 *  4. add a tests/cli/tNNNN-<name>.sh script.
 * Commands print; nothing below src/cmd does.
 */

/* Exit codes: stable, documented in --help. */
#define SG_EXIT_PASS 0     /* gate passed (warnings and waived findings allowed) */
#define SG_EXIT_FAIL 1     /* at least one finding of severity error */
#define SG_EXIT_INPUT 2    /* usage error or invalid policy/registry/SBOM/risk/review */
#define SG_EXIT_REPO 3     /* repository or environment problem */

enum sg_cmd_flags {
	SG_CMD_NEED_REPO = (1 << 0),     /* open the repository (-C DIR) */
	SG_CMD_NEED_POLICY = (1 << 1),   /* load the policy (implies the repository) */
	SG_CMD_REPO_FROM_ENV = (1 << 2), /* honour GIT_DIR and the object quarantine */
	SG_CMD_OWN_FORMAT = (1 << 3),    /* the command checks --format itself */
};

struct sg_policy;
struct sg_repo;
struct sg_report;

/* What main sets up for a command: common options, repository, policy. */
struct sg_ctx {
	const char *dir;            /* -C DIR */
	const char *policy_file;    /* --policy FILE */
	const char *policy_rev;     /* --policy-from REV */
	const char *format;         /* --format, default text */
	const char *output;         /* --output FILE */
	const char *color;          /* --color auto|always|never */
	int quiet;
	struct sg_repo *repo;
	struct sg_policy *policy;
	char *policy_from;          /* worktree, file, rev:<rev> */
	char policy_sha256[65];
};

struct sg_cmd {
	const char *name;
	int (*fn)(int argc, char **argv, struct sg_ctx *ctx);
	unsigned flags;
	const char *usage;
	const char *description;
};

int sg_main(int argc, char **argv);

/*
 * Load the policy for `ctx` as the common options say: --policy FILE,
 * --policy-from REV, else .sdlgate.yml of the working tree (of HEAD in a
 * bare repository). Commands that choose their own source (the target of
 * a merge request, the server's default branch) call sg_ctx_load_policy_rev.
 */
int sg_ctx_load_policy(struct sg_ctx *ctx);
int sg_ctx_load_policy_rev(struct sg_ctx *ctx, const char *rev);

/*
 * Print `report` in ctx->format to ctx->output (or stdout) and return the
 * exit code the gate's verdict means.
 */
int sg_ctx_emit(struct sg_ctx *ctx, struct sg_report *report);

/* Print "sdlgate: <error>" and its hint; return the exit code of its kind. */
int sg_ctx_fail(void);

/* Print a usage error for `cmd` and return SG_EXIT_INPUT. */
int sg_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

int cmd_check(int argc, char **argv, struct sg_ctx *ctx);
int cmd_commit_msg(int argc, char **argv, struct sg_ctx *ctx);
int cmd_explain(int argc, char **argv, struct sg_ctx *ctx);
int cmd_hook(int argc, char **argv, struct sg_ctx *ctx);
int cmd_install_hooks(int argc, char **argv, struct sg_ctx *ctx);
int cmd_policy(int argc, char **argv, struct sg_ctx *ctx);
int cmd_release(int argc, char **argv, struct sg_ctx *ctx);
int cmd_trace(int argc, char **argv, struct sg_ctx *ctx);
int cmd_init(int argc, char **argv, struct sg_ctx *ctx);
int cmd_review(int argc, char **argv, struct sg_ctx *ctx);
int cmd_sbom(int argc, char **argv, struct sg_ctx *ctx);

#endif
