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

int sg_run_range_gate(struct sg_ctx *ctx, struct sg_gate *gate,
		      const char *base, const char *head,
		      const char *const *hide)
{
	struct sg_report report;
	struct sg_walk *walk = NULL;
	struct sg_change_source source;
	int rc;

	memset(&report, 0, sizeof(report));
	gate->policy = ctx->policy;
	gate->repo = ctx->repo;
	gate->today = sg_today();
	gate->head_oid = sg_xstrdup(head);
	gate->base_oid = base ? sg_xstrdup(base) : NULL;

	if (sg_snapshot_from_commit(&gate->head, ctx->repo, head) < 0 ||
	    sg_walk_new(&walk, ctx->repo) < 0 ||
	    sg_walk_push(walk, head) < 0 ||
	    (base && sg_walk_hide(walk, base) < 0)) {
		rc = sg_ctx_fail();
		goto done;
	}
	for (; hide && *hide; hide++)
		if (sg_walk_hide(walk, *hide) < 0) {
			rc = sg_ctx_fail();
			goto done;
		}
	source.next = sg_walk_next;
	source.payload = walk;
	if (sg_gate_run(&report, gate, &source) < 0) {
		rc = sg_ctx_fail();
		goto done;
	}
	rc = sg_ctx_emit(ctx, &report);
done:
	sg_walk_free(walk);
	sg_snapshot_free(gate->head);
	gate->head = NULL;
	sg_report_release(&report);
	return rc;
}
