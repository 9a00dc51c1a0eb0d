#include "cmd/gate_setup.h"
#include "cmd.h"
#include "git/snapshot.h"
#include "git/walk.h"
#include "report/report.h"
#include "rules/gate.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *sg_today(void)
{
	static char today[11];
	const char *env = getenv("SDLGATE_TODAY");
	time_t now;
	struct tm tm;

	if (env && strlen(env) == 10)
		return env;
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	return today;
}

void sg_gate_tips_release(struct sg_gate_tips *tips)
{
	sg_strlist_release(&tips->push);
	sg_strlist_release(&tips->hide);
	sg_strlist_release(&tips->list);
}

int sg_gate_run_tips(struct sg_report *report, struct sg_ctx *ctx,
		     struct sg_gate *gate, const struct sg_gate_tips *tips)
{
	struct sg_walk *walk = NULL;
	struct sg_change_source source;
	size_t i;
	int error = -1;

	if (!tips->push.nr)
		return sg_error_set_repo("nothing to check: no commit to walk from");
	gate->policy = ctx->policy;
	gate->repo = ctx->repo;
	gate->today = sg_today();
	if (!gate->head_oid)
		gate->head_oid = sg_xstrdup(tips->push.items[0]);

	if (sg_snapshot_from_commit(&gate->head, ctx->repo, tips->push.items[0]) < 0 ||
	    (gate->records_from && !gate->target &&
	     sg_snapshot_from_commit(&gate->target, ctx->repo, gate->records_from) < 0) ||
	    sg_walk_new(&walk, ctx->repo) < 0)
		goto done;
	if (tips->list.nr) {
		sg_walk_set_list(walk, &tips->list);
	} else {
		for (i = 0; i < tips->push.nr; i++)
			if (sg_walk_push(walk, tips->push.items[i]) < 0)
				goto done;
		for (i = 0; i < tips->hide.nr; i++)
			if (sg_walk_hide(walk, tips->hide.items[i]) < 0)
				goto done;
	}
	source.next = sg_walk_next;
	source.payload = walk;
	error = sg_gate_run(report, gate, &source);
done:
	sg_walk_free(walk);
	sg_snapshot_free(gate->head);
	gate->head = NULL;
	return error;
}

/* Run over `tips` (which it releases) and print the report. */
static int run_and_emit(struct sg_ctx *ctx, struct sg_gate *gate,
			const char *base, struct sg_gate_tips *tips)
{
	struct sg_report report;
	int rc;

	memset(&report, 0, sizeof(report));
	gate->base_oid = base ? sg_xstrdup(base) : NULL;
	if (sg_gate_run_tips(&report, ctx, gate, tips) < 0)
		rc = sg_ctx_fail();
	else
		rc = sg_ctx_emit(ctx, &report);
	sg_gate_tips_release(tips);
	sg_report_release(&report);
	return rc;
}

int sg_run_range_gate(struct sg_ctx *ctx, struct sg_gate *gate,
		      const char *base, const char *head,
		      const char *const *hide)
{
	struct sg_gate_tips tips = SG_GATE_TIPS_INIT;

	sg_strlist_add(&tips.push, head);
	if (base)
		sg_strlist_add(&tips.hide, base);
	for (; hide && *hide; hide++)
		sg_strlist_add(&tips.hide, *hide);
	return run_and_emit(ctx, gate, base, &tips);
}

int sg_run_list_gate(struct sg_ctx *ctx, struct sg_gate *gate,
		     const char *base, const char *head,
		     const struct sg_strlist *commits)
{
	struct sg_gate_tips tips = SG_GATE_TIPS_INIT;

	sg_strlist_add(&tips.push, head);
	sg_strlist_copy(&tips.list, commits);
	if (!commits->nr) {
		/* an empty range: nothing to walk, but the gate still reports */
		sg_strlist_add(&tips.hide, head);
		sg_strlist_release(&tips.list);
	}
	return run_and_emit(ctx, gate, base, &tips);
}
