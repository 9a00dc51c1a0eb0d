#include "cmd.h"
#include "cmd/release_gate.h"

#include <string.h>

/* Take "--opt VALUE" or "--opt=VALUE"; 1 when argv[*i] was it. */
static int take(const char **out, int argc, char **argv, int *i, const char *opt)
{
	size_t n = strlen(opt);

	if (strncmp(argv[*i], opt, n))
		return 0;
	if (argv[*i][n] == '=') {
		*out = argv[*i] + n + 1;
		return 1;
	}
	if (argv[*i][n] || *i + 1 >= argc)
		return argv[*i][n] ? 0 : -1;
	*out = argv[++*i];
	return 1;
}

int cmd_release(int argc, char **argv, struct sg_ctx *ctx)
{
	static const char *const opts_with_value[] = { "--since", "--tag", "-m",
		"--report", NULL };
	struct sg_release_opts opts;
	const char **slots[4];
	int i, k, rc;

	memset(&opts, 0, sizeof(opts));
	slots[0] = &opts.since;
	slots[1] = &opts.tag;
	slots[2] = &opts.message;
	slots[3] = &opts.report_dir;
	for (i = 1; i < argc; i++) {
		for (k = 0, rc = 0; opts_with_value[k] && !rc; k++)
			rc = take(slots[k], argc, argv, &i, opts_with_value[k]);
		if (rc < 0)
			return sg_usage_error("release", "option '%s' needs a value", argv[i]);
		if (rc)
			continue;
		if (argv[i][0] == '-' && argv[i][1])
			return sg_usage_error("release", "unknown option '%s'", argv[i]);
		if (opts.rev)
			return sg_usage_error("release", "one revision only ('%s' and '%s')",
					      opts.rev, argv[i]);
		opts.rev = argv[i];
	}
	if (opts.message && !opts.tag)
		return sg_usage_error("release", "-m gives the message of --tag; add --tag NAME");
	if (opts.report_dir && !*opts.report_dir)
		return sg_usage_error("release", "--report needs a directory");
	return sg_run_release_gate(ctx, &opts);
}
