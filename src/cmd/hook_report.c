#include "cmd/hook.h"
#include "cmd.h"
#include "git/refs.h"
#include "policy/policy.h"
#include "report/report.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>

/*
 * What the push gates print. On the server every line reaches the pusher
 * prefixed with "remote: ", so each finding is one line that stands on
 * its own (rule, short oid, paths, message), its hint follows, and the
 * end says how to fix the commits and push again.
 */

#define PATHS_SHOWN 5

void sg_push_view_release(struct sg_push_view *view)
{
	sg_strlist_release(&view->refs);
	sg_strlist_release(&view->tips);
}

static void add_refs(struct sg_buf *out, const struct sg_push_view *view)
{
	size_t i;

	for (i = 0; i < view->refs.nr && i < PATHS_SHOWN; i++)
		sg_buf_addf(out, "%s%s", i ? ", " : "", view->refs.items[i]);
	if (view->refs.nr > PATHS_SHOWN)
		sg_buf_addf(out, " (+%zu more)", view->refs.nr - PATHS_SHOWN);
}

static void add_finding(struct sg_buf *out, const struct sg_finding *f)
{
	size_t i;

	sg_buf_addf(out, "%s %s %.7s", f->waived ? "waived" :
		    (f->severity == SG_SEV_ERROR ? "error" : "warning"), f->rule,
		    f->commit ? f->commit : "(change set)");
	for (i = 0; i < f->paths.nr && i < PATHS_SHOWN; i++)
		sg_buf_addf(out, "%s%s", i ? ", " : " ", f->paths.items[i]);
	if (f->paths.nr > PATHS_SHOWN)
		sg_buf_addf(out, " (+%zu more)", f->paths.nr - PATHS_SHOWN);
	if (f->line)
		sg_buf_addf(out, " (line %u)", f->line);
	sg_buf_addf(out, ": %s\n", f->message);
	if (f->waived && f->waiver)
		sg_buf_addf(out, "  waived: %s\n", f->waiver);
	else if (f->hint && *f->hint)
		sg_buf_addf(out, "  hint: %s\n", f->hint);
}

/* The ref whose pushed tip is `commit`, or NULL. */
static const char *tip_of(const struct sg_push_view *view, const char *commit)
{
	size_t i;

	for (i = 0; i < view->tips.nr; i++)
		if (!strcmp(view->tips.items[i], commit))
			return view->refs.items[i];
	return NULL;
}

static const char *short_ref(const char *ref)
{
	if (!strncmp(ref, "refs/heads/", 11))
		return ref + 11;
	if (!strncmp(ref, "refs/tags/", 10))
		return ref + 10;
	return ref;
}

/*
 * How to fix: a failing commit that is a pushed tip is amended; older
 * ones are rewritten with an interactive rebase from the oldest of them.
 */
static void add_fix(struct sg_buf *out, struct sg_ctx *ctx,
		    const struct sg_report *report,
		    const struct sg_push_view *view)
{
	const struct sg_finding *oldest = NULL;
	struct sg_strlist amended = SG_STRLIST_INIT;
	size_t i;

	for (i = 0; i < report->findings.nr; i++) {
		const struct sg_finding *f = &report->findings.items[i];
		const char *ref;

		if (f->waived || f->severity != SG_SEV_ERROR || !f->commit)
			continue;
		ref = tip_of(view, f->commit);
		if (ref) {
			if (!sg_strlist_contains(&amended, f->commit)) {
				sg_strlist_add(&amended, f->commit);
				sg_buf_addf(out, "to fix %.7s, the newest commit of %s: on that branch run 'git commit --amend' (to change the message, or after 'git add' to change files)\n",
					    f->commit, short_ref(ref));
			}
		} else if (!oldest || f->seq > oldest->seq) {
			oldest = f;
		}
	}
	if (oldest) {
		int parents = sg_refs_commit_parents(ctx->repo, oldest->commit);

		sg_error_clear();
		if (parents == 0)
			sg_buf_adds(out, "to fix older commits: run 'git rebase -i --root'");
		else
			sg_buf_addf(out, "to fix older commits: run 'git rebase -i %.7s^'",
				    oldest->commit);
		sg_buf_adds(out, " and mark each commit named above 'reword' (message, e.g. a missing trailer) or 'edit' (files)\n");
	}
	sg_buf_addf(out, "then push again%s\n", view->server ?
		    "; this check runs on the server for every push, 'git push --no-verify' does not skip it" :
		    "");
	sg_strlist_release(&amended);
}

/* A clean pass names the rules it did not evaluate on one line. */
static void add_not_evaluated_ids(struct sg_buf *out, const struct sg_report *report)
{
	size_t i, n = 0;

	for (i = 0; i < report->rules_nr; i++)
		if (report->rules[i].state == SG_RULE_NOT_EVALUATED)
			sg_buf_addf(out, "%s%s", n++ ? ", " : "note: not evaluated: ",
				    report->rules[i].id);
	if (n)
		sg_buf_adds(out, " ('sdlgate explain RULE' says what each checks)\n");
}

static void render(struct sg_buf *out, struct sg_ctx *ctx,
		   const struct sg_report *report,
		   const struct sg_push_view *view)
{
	int passed = sg_report_passed(report);
	size_t i;

	sg_buf_addf(out, "sdlgate %s: %s: %zu error(s), %zu warning(s), %zu waived in %zu new commit(s) of ",
		    view->hook, passed ? "passed" : "push refused", report->errors,
		    report->warnings, report->waived, report->commits);
	add_refs(out, view);
	sg_buf_addf(out, "\nsdlgate %s: policy %s %s\n", view->hook,
		    ctx->policy && ctx->policy->path ? ctx->policy->path : "?",
		    view->policy_said ? view->policy_said : "");
	for (i = 0; i < report->findings.nr; i++)
		add_finding(out, &report->findings.items[i]);
	if (passed && !report->findings.nr)
		add_not_evaluated_ids(out, report);
	else
		for (i = 0; i < report->rules_nr; i++) {
			const struct sg_rule_status *rs = &report->rules[i];

			if (rs->state == SG_RULE_NOT_EVALUATED)
				sg_buf_addf(out, "note: %s not evaluated: %s\n", rs->id,
					    rs->reason ? rs->reason : "");
		}
	for (i = 0; i < report->notes.nr; i++)
		sg_buf_addf(out, "note: %s\n", report->notes.items[i]);
	if (!passed)
		add_fix(out, ctx, report, view);
}

int sg_hook_emit_push(struct sg_ctx *ctx, struct sg_report *report,
		      const struct sg_push_view *view)
{
	struct sg_buf out = SG_BUF_INIT;
	int passed = sg_report_passed(report);

	if (strcmp(ctx->format, "text") || ctx->output)
		return sg_ctx_emit(ctx, report);
	if (ctx->quiet && passed)
		return SG_EXIT_PASS;
	render(&out, ctx, report, view);
	fwrite(out.ptr, 1, out.len, stderr);
	fflush(stderr);
	sg_buf_release(&out);
	return passed ? SG_EXIT_PASS : SG_EXIT_FAIL;
}
