#include "cmd.h"
#include "git/repo.h"
#include "policy/policy.h"
#include "report/report.h"
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct sg_cmd commands[] = {
	{ "check", cmd_check, SG_CMD_NEED_REPO,
	  "--staged | --range A..B | --mr [--base REF]",
	  "Check a change set against the policy (--mr: a merge request, under its target's policy)" },
	{ "commit-msg", cmd_commit_msg, SG_CMD_NEED_POLICY,
	  "FILE", "Check the message of the commit being made" },
	{ "release", cmd_release, SG_CMD_NEED_REPO,
	  "[REV] [--since TAG] [--tag NAME [-m MSG]] [--report DIR]",
	  "Run the release gate; tag and write the evidence bundle" },
	{ "trace", cmd_trace, SG_CMD_NEED_REPO | SG_CMD_OWN_FORMAT,
	  "[REV] [--format markdown|html|json]",
	  "Print the traceability matrix: requirement, risks, tests, commits, reviews" },
	{ "init", cmd_init, SG_CMD_NEED_REPO,
	  "[--profile NAME]", "Write a starter policy and skeleton files (never overwrites)" },
	{ "hook", cmd_hook, SG_CMD_NEED_REPO | SG_CMD_REPO_FROM_ENV,
	  "pre-commit | commit-msg FILE | pre-push REMOTE URL | pre-receive",
	  "Run as a git hook, with git's arguments and standard input" },
	{ "install-hooks", cmd_install_hooks, SG_CMD_NEED_REPO,
	  "[--force]", "Install the hooks into the hooks directory git uses" },
	{ "policy", cmd_policy, SG_CMD_NEED_REPO,
	  "validate|show [--profile-list]",
	  "Validate the policy and its files, or print the effective policy" },
	{ "review", cmd_review, SG_CMD_NEED_POLICY,
	  "template [--range A..B]", "Print a design review record to fill in for a change set" },
	{ "sbom", cmd_sbom, 0,
	  "validate [--no-ntia] FILE...", "Validate SBOMs: structure and NTIA minimum elements, no repository needed" },
	{ "explain", cmd_explain, 0,
	  "[RULE]", "Explain a rule: what it checks, its clauses, how to fix it" },
	{ NULL, NULL, 0, NULL, NULL },
};

/* Options every command takes; `arg` says whether a value follows. */
static const struct common_option {
	const char *name;
	int arg;
	const char *help;
} common_options[] = {
	{ "-C", 1, "run as if started in DIR" },
	{ "--policy", 1, "read the policy from FILE" },
	{ "--policy-from", 1, "read the policy from revision REV" },
	{ "--format", 1, "text|json|... (see below)" },
	{ "--output", 1, "write the report to FILE" },
	{ "--color", 1, "auto|always|never" },
	{ "--quiet", 0, "print nothing but errors" },
	{ NULL, 0, NULL },
};

static void print_help(FILE *out)
{
	const struct sg_cmd *c;
	const struct common_option *o;
	const struct sg_reporter *const *r;

	fprintf(out, "usage: sdlgate [common options] <command> [args]\n\n"
		     "sdlgate gates every change of a medical-device repository on its secure\n"
		     "development lifecycle (IEC 81001-5-1, FDA premarket cybersecurity).\n\n"
		     "commands:\n");
	for (c = commands; c->name; c++)
		fprintf(out, "  %-14s %s\n  %-14s   sdlgate %s %s\n", c->name,
			c->description, "", c->name, c->usage);
	fprintf(out, "\ncommon options:\n");
	for (o = common_options; o->name; o++)
		fprintf(out, "  %-14s %s%s\n", o->name, o->arg ? "VALUE  " : "", o->help);
	fprintf(out, "\nformats:\n");
	for (r = sg_reporters(); *r; r++)
		fprintf(out, "  %-14s %s\n", (*r)->name, (*r)->description);
	fprintf(out, "\nexit codes:\n"
		     "  0  gate passed (warnings and waived findings allowed)\n"
		     "  1  gate failed: at least one finding of severity error\n"
		     "  2  usage error, or an invalid policy/registry/SBOM/risk/review input\n"
		     "  3  repository or environment problem (not a repository, unknown\n"
		     "     revision, shallow history that hides the base, corrupt object)\n");
}

int sg_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "sdlgate%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nhint: run 'sdlgate %s--help' for usage\n", cmd ? "" : "");
	return SG_EXIT_INPUT;
}

static int set_common(struct sg_ctx *ctx, const char *name, const char *value)
{
	if (!strcmp(name, "-C"))
		ctx->dir = value;
	else if (!strcmp(name, "--policy"))
		ctx->policy_file = value;
	else if (!strcmp(name, "--policy-from"))
		ctx->policy_rev = value;
	else if (!strcmp(name, "--format"))
		ctx->format = value;
	else if (!strcmp(name, "--output"))
		ctx->output = value;
	else if (!strcmp(name, "--color"))
		ctx->color = value;
	else if (!strcmp(name, "--quiet"))
		ctx->quiet = 1;
	return 0;
}

/*
 * Take the common options out of argv (before or after the command name,
 * as "--opt value" or "--opt=value"); the rest stays in order.
 * Returns the new argc, or -1 on a usage error.
 */
static int take_common_options(int argc, char **argv, struct sg_ctx *ctx)
{
	int i, out = 0;

	for (i = 0; i < argc; i++) {
		const struct common_option *o;
		const char *arg = argv[i];
		int taken = 0;

		if (!strcmp(arg, "--")) {
			while (i < argc)
				argv[out++] = argv[i++];
			break;
		}
		for (o = common_options; o->name && !taken; o++) {
			size_t n = strlen(o->name);

			if (strncmp(arg, o->name, n))
				continue;
			if (!arg[n]) {
				if (o->arg && i + 1 >= argc) {
					sg_usage_error(NULL, "option '%s' needs a value", o->name);
					return -1;
				}
				set_common(ctx, o->name, o->arg ? argv[++i] : NULL);
				taken = 1;
			} else if (arg[n] == '=' && o->arg) {
				set_common(ctx, o->name, arg + n + 1);
				taken = 1;
			}
		}
		if (!taken)
			argv[out++] = argv[i];
	}
	return out;
}

static const struct sg_cmd *find_command(const char *name)
{
	const struct sg_cmd *c;

	for (c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static int wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 1;
	return 0;
}

static int validate_common(struct sg_ctx *ctx, unsigned flags)
{
	if (!(flags & SG_CMD_OWN_FORMAT) && !sg_reporter_find(ctx->format)) {
		sg_usage_error(NULL, "unknown format '%s'", ctx->format);
		return -1;
	}
	if (strcmp(ctx->color, "auto") && strcmp(ctx->color, "always") &&
	    strcmp(ctx->color, "never")) {
		sg_usage_error(NULL, "--color must be auto, always or never, not '%s'",
			       ctx->color);
		return -1;
	}
	if (ctx->policy_file && ctx->policy_rev) {
		sg_usage_error(NULL, "--policy and --policy-from cannot be used together");
		return -1;
	}
	return 0;
}

int sg_main(int argc, char **argv)
{
	struct sg_ctx ctx;
	const struct sg_cmd *cmd;
	int rc;

	memset(&ctx, 0, sizeof(ctx));
	ctx.format = "text";
	ctx.color = "auto";

	argc = take_common_options(argc - 1, argv + 1, &ctx);
	argv++;
	if (argc < 0)
		return SG_EXIT_INPUT;
	if (argc == 0 || !strcmp(argv[0], "--help") || !strcmp(argv[0], "-h") ||
	    !strcmp(argv[0], "help")) {
		print_help(argc == 0 ? stderr : stdout);
		return argc == 0 ? SG_EXIT_INPUT : SG_EXIT_PASS;
	}
	if (!strcmp(argv[0], "--version") || !strcmp(argv[0], "version")) {
		printf("sdlgate %s\n", SDLGATE_VERSION);
		return SG_EXIT_PASS;
	}
	cmd = find_command(argv[0]);
	if (!cmd)
		return sg_usage_error(NULL, "'%s' is not a sdlgate command", argv[0]);
	if (wants_help(argc, argv)) {
		printf("usage: sdlgate %s %s\n\n%s\n\nRun 'sdlgate --help' for the common options and exit codes.\n",
		       cmd->name, cmd->usage, cmd->description);
		return SG_EXIT_PASS;
	}
	if (validate_common(&ctx, cmd->flags) < 0)
		return SG_EXIT_INPUT;

	if (cmd->flags & (SG_CMD_NEED_REPO | SG_CMD_NEED_POLICY)) {
		if (sg_repo_open(&ctx.repo, ctx.dir,
				 (cmd->flags & SG_CMD_REPO_FROM_ENV) ? SG_REPO_FROM_ENV : 0) < 0) {
			rc = sg_ctx_fail();
			goto done;
		}
	}
	if ((cmd->flags & SG_CMD_NEED_POLICY) && sg_ctx_load_policy(&ctx) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	rc = cmd->fn(argc, argv, &ctx);
done:
	sg_policy_free(ctx.policy);
	free(ctx.policy_from);
	sg_repo_free(ctx.repo);
	sg_error_clear();
	return rc;
}
