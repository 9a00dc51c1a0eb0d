#include "cmd/release_gate.h"
#include "cmd.h"
#include "cmd/gate_setup.h"
#include "git/repo.h"
#include "git/snapshot.h"
#include "git/tag.h"
#include "git/walk.h"
#include "model/deliverable.h"
#include "model/trace.h"
#include "policy/policy.h"
#include "report/evidence.h"
#include "report/report.h"
#include "rules/gate.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct release {
	struct sg_ctx *ctx;
	const struct sg_release_opts *opts;
	char head[41];
	char base[41];
	char *previous_tag;        /* NULL: first release (or --since a commit) */
	int has_base;
	struct sg_gate gate;
	struct sg_report report;
	struct sg_trace *trace;
	struct sg_deliverable_state *deliverables;
	size_t deliverables_nr;
	struct sg_buf md, json, html;
	char evidence_sha256[65];
	FILE *info;                /* where "wrote ..." lines go */
};

static int load_policy(struct release *r)
{
	struct sg_ctx *ctx = r->ctx;
	char short_oid[8];

	if (ctx->policy)
		return 0;
	if (ctx->policy_file || ctx->policy_rev)
		return sg_ctx_load_policy(ctx);
	/* the release commit's own policy, named by oid so evidence is stable */
	snprintf(short_oid, sizeof(short_oid), "%.7s", r->head);
	return sg_ctx_load_policy_rev(ctx, short_oid);
}

static int find_previous(struct release *r)
{
	const struct sg_policy *p = r->ctx->policy;
	int rc;

	if (r->opts->since) {
		if (sg_repo_resolve_commit(r->base, r->ctx->repo, r->opts->since) < 0)
			return -1;
		r->has_base = 1;
		r->previous_tag = sg_xstrdup(r->opts->since);
		return 0;
	}
	rc = sg_tag_previous(&r->previous_tag, r->base, r->ctx->repo, r->head,
			     p->release.tag_pattern);
	if (rc < 0)
		return -1;
	r->has_base = rc == 0;
	return 0;
}

/* The change rules over previous..head and the release rules, into r->report. */
static int run_gate(struct release *r)
{
	struct sg_gate *gate = &r->gate;
	struct sg_walk *walk = NULL;
	struct sg_change_source source;
	int error = -1;

	gate->policy = r->ctx->policy;
	gate->repo = r->ctx->repo;
	gate->mode = SG_GATE_RELEASE;
	gate->today = sg_today();
	gate->head_oid = sg_xstrdup(r->head);
	gate->base_oid = r->has_base ? sg_xstrdup(r->base) : NULL;
	if (sg_snapshot_from_commit(&gate->head, r->ctx->repo, r->head) < 0 ||
	    sg_walk_new(&walk, r->ctx->repo) < 0 ||
	    sg_walk_push(walk, r->head) < 0 ||
	    (r->has_base && sg_walk_hide(walk, r->base) < 0))
		goto done;
	if (r->has_base)
		sg_gate_note(gate, "previous release: %s (%.7s); checking the changes since",
			     r->previous_tag ? r->previous_tag : r->base, r->base);
	else
		sg_gate_note(gate, "first release: no earlier tag matches '%s', so the whole history is checked",
			     gate->policy->release.tag_pattern);
	source.next = sg_walk_next;
	source.payload = walk;
	error = sg_gate_run(&r->report, gate, &source);
done:
	sg_walk_free(walk);
	return error;
}

static const struct sg_rule_status *rule_status(const struct sg_report *report,
						const char *id)
{
	size_t i;

	for (i = 0; i < report->rules_nr; i++)
		if (!strcmp(report->rules[i].id, id))
			return &report->rules[i];
	return NULL;
}

/* Everything the evidence bundle needs beyond the report. */
static int build_evidence(struct release *r)
{
	const struct sg_policy *p = r->ctx->policy;
	const struct sg_rule_status *rs = rule_status(&r->report, "release-deliverables");
	struct sg_snapshot *base = NULL;
	struct sg_evidence ev;
	size_t i;
	int error = -1;

	if (sg_trace_build(&r->trace, r->ctx->repo, r->gate.head, r->head, p,
			   SG_TRACE_COMMITS) < 0)
		goto done;
	memset(&ev, 0, sizeof(ev));
	ev.deliverables_active = rs && (rs->state == SG_RULE_PASS || rs->state == SG_RULE_FAIL);
	if (ev.deliverables_active) {
		if (r->has_base && sg_snapshot_from_commit(&base, r->ctx->repo, r->base) < 0)
			goto done;
		r->deliverables = sg_xcalloc(p->release.deliverables_nr + 1,
					     sizeof(*r->deliverables));
		for (i = 0; i < p->release.deliverables_nr; i++) {
			if (sg_deliverable_check(&r->deliverables[i], r->ctx->repo,
						 r->gate.head, r->head, base,
						 &p->release.deliverables[i], 1) < 0)
				goto done;
			r->deliverables_nr = i + 1;
		}
	}
	ev.report = &r->report;
	ev.trace = r->trace;
	ev.policy = p;
	ev.tool_version = SDLGATE_VERSION;
	ev.head = r->head;
	ev.previous_tag = r->has_base ? r->previous_tag : NULL;
	ev.previous_oid = r->has_base ? r->base : NULL;
	ev.evaluated_on = r->gate.today;
	ev.deliverables = r->deliverables;
	ev.deliverables_nr = r->deliverables_nr;
	if (sg_evidence_write_md(&r->md, &ev) < 0 ||
	    sg_evidence_write_json(&r->json, &ev) < 0 ||
	    sg_trace_write_html(&r->html, &ev) < 0)
		goto done;
	sg_sha256_hex(r->evidence_sha256, r->json.ptr, r->json.len);
	error = 0;
done:
	sg_snapshot_free(base);
	return error;
}

static int write_file(struct release *r, const char *name, const struct sg_buf *data)
{
	struct sg_buf path = SG_BUF_INIT;
	int error;

	sg_buf_addf(&path, "%s/%s", r->opts->report_dir, name);
	error = sg_fs_write_atomic(path.ptr, data->ptr, data->len);
	if (!error && !r->ctx->quiet)
		fprintf(r->info, "wrote %s\n", path.ptr);
	sg_buf_release(&path);
	return error;
}

static int write_report(struct release *r)
{
	if (sg_fs_mkdir_p(r->opts->report_dir) < 0)
		return -1;
	if (write_file(r, "evidence.md", &r->md) < 0 ||
	    write_file(r, "evidence.json", &r->json) < 0 ||
	    write_file(r, "trace.html", &r->html) < 0)
		return -1;
	return 0;
}

static void tag_message(struct sg_buf *out, struct release *r)
{
	const struct sg_policy *p = r->ctx->policy;
	const struct sg_report *rep = &r->report;

	if (r->opts->message)
		sg_buf_addf(out, "%s\n\n", r->opts->message);
	else
		sg_buf_addf(out, "Release %s\n\n", r->opts->tag);
	sg_buf_addf(out, "sdlgate release gate: PASS\n"
		    "Release commit: %s\n", r->head);
	if (r->has_base)
		sg_buf_addf(out, "Previous release: %s (%s)\n",
			    r->previous_tag ? r->previous_tag : "-", r->base);
	else
		sg_buf_adds(out, "Previous release: none (first release, whole history checked)\n");
	sg_buf_addf(out, "Changes checked: %zu\n"
		    "Findings: %zu error(s), %zu warning(s), %zu waived\n"
		    "Profile: %s\n"
		    "Policy: %s sha256 %s\n"
		    "Evaluated on: %s\n"
		    "Evidence: evidence.json sha256 %s\n"
		    "Verify: SDLGATE_TODAY=%s sdlgate release %s --report DIR, then sha256sum DIR/evidence.json\n",
		    rep->commits, rep->errors, rep->warnings, rep->waived,
		    p->extends ? p->extends : "(none)", p->path, r->ctx->policy_sha256,
		    r->gate.today, r->evidence_sha256, r->gate.today, r->opts->tag);
}

static int create_tag(struct release *r)
{
	struct sg_buf msg = SG_BUF_INIT;
	char tag_oid[41];
	int error;

	tag_message(&msg, r);
	error = sg_tag_create(tag_oid, r->ctx->repo, r->opts->tag, r->head, msg.ptr);
	if (!error && !r->ctx->quiet)
		fprintf(r->info, "created annotated tag %s (%.7s) on %.7s; evidence.json sha256 %s\n",
			r->opts->tag, tag_oid, r->head, r->evidence_sha256);
	sg_buf_release(&msg);
	return error;
}

/* A --tag that cannot be created is refused before the gate runs. */
static int check_tag_name(struct release *r)
{
	const char *name = r->opts->tag;
	const char *pattern = r->ctx->policy->release.tag_pattern;

	if (!sg_tag_name_valid(name)) {
		sg_error_set("'%s' is not a valid tag name", name);
		sg_error_hint("see 'git check-ref-format --help'; release tags look like v1.2.0");
		return -1;
	}
	if (!sg_tag_matches(pattern, name)) {
		sg_error_set("tag '%s' does not match release.tag_pattern '%s'", name, pattern);
		sg_error_hint("the next release finds its predecessor by this pattern: name the tag to match it, or change the pattern");
		return -1;
	}
	if (sg_tag_exists(r->ctx->repo, name)) {
		sg_error_set("tag '%s' already exists", name);
		sg_error_hint("sdlgate never moves a release tag: choose a new name");
		return -1;
	}
	return 0;
}

int sg_run_release_gate(struct sg_ctx *ctx, const struct sg_release_opts *opts)
{
	struct release r;
	int rc, want_evidence = opts->report_dir || opts->tag;

	memset(&r, 0, sizeof(r));
	r.ctx = ctx;
	r.opts = opts;
	r.md = r.json = r.html = (struct sg_buf)SG_BUF_INIT;
	r.info = (!strcmp(ctx->format, "text") && !ctx->output) ? stdout : stderr;

	if (sg_repo_resolve_commit(r.head, ctx->repo, opts->rev ? opts->rev : "HEAD") < 0 ||
	    load_policy(&r) < 0 ||
	    (opts->tag && check_tag_name(&r) < 0) ||
	    find_previous(&r) < 0 ||
	    run_gate(&r) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	/* emit first: it fills in the report's policy fields the evidence embeds */
	rc = sg_ctx_emit(ctx, &r.report);
	if (rc != SG_EXIT_PASS && rc != SG_EXIT_FAIL)
		goto done;
	if (want_evidence && build_evidence(&r) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	if (opts->report_dir && write_report(&r) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	if (opts->tag) {
		if (rc != SG_EXIT_PASS) {
			fprintf(stderr, "sdlgate release: the gate failed, so tag '%s' was not created\n",
				opts->tag);
		} else if (create_tag(&r) < 0) {
			rc = sg_ctx_fail();
			goto done;
		}
	}
done:
	sg_trace_free(r.trace);
	for (; r.deliverables_nr; r.deliverables_nr--)
		sg_deliverable_state_release(&r.deliverables[r.deliverables_nr - 1]);
	free(r.deliverables);
	sg_snapshot_free(r.gate.head);
	r.gate.head = NULL;
	sg_gate_release(&r.gate);
	sg_report_release(&r.report);
	sg_buf_release(&r.md);
	sg_buf_release(&r.json);
	sg_buf_release(&r.html);
	free(r.previous_tag);
	return rc;
}
