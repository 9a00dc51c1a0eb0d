#ifndef SG_CMD_RELEASE_GATE_H
#define SG_CMD_RELEASE_GATE_H

struct sg_ctx;

/*
 * The release gate (DESIGN.md §6), for `sdlgate release` and for the hooks
 * when a pushed tag matches release.tag_pattern.
 */
struct sg_release_opts {
	const char *rev;          /* the release commit; NULL: HEAD */
	const char *since;        /* --since TAG; NULL: the previous release tag */
	const char *tag;          /* --tag NAME: create it when the gate passes */
	const char *message;      /* -m MSG for the tag */
	const char *report_dir;   /* --report DIR: evidence.md, evidence.json, trace.html */
};

/*
 * Run the release gate on opts->rev: every change rule over previous..rev
 * in release mode, plus release-deliverables, release-trace, risk-trace,
 * sbom-valid and waiver-expired; print the report in ctx->format; write the
 * evidence bundle and create the tag when asked (the tag only when the
 * gate passes). Uses ctx->policy when the caller loaded one (a server
 * hook reads it from the default branch); otherwise loads it as the
 * common options say, or from the release commit itself.
 * Returns the exit code (0 pass, 1 fail, 2 input, 3 repository).
 */
int sg_run_release_gate(struct sg_ctx *ctx, const struct sg_release_opts *opts);

#endif
