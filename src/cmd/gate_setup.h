#ifndef SG_CMD_GATE_SETUP_H
#define SG_CMD_GATE_SETUP_H

#include "rules/gate.h"

struct sg_ctx;

/* Today's date (UTC, YYYY-MM-DD), or $SDLGATE_TODAY for reproducible tests. */
const char *sg_today(void);

/*
 * Run the gate over commits: push `head`, hide `base` (may be NULL) and
 * every oid of `hide` (NULL-terminated, may be NULL), then emit the report.
 * Returns the exit code.
 */
int sg_run_range_gate(struct sg_ctx *ctx, struct sg_gate *gate,
		      const char *base, const char *head,
		      const char *const *hide);

/*
 * Run the gate over the staged change: at pre-commit (`message` NULL) or
 * at commit-msg with the cleaned message. Returns the exit code.
 */
int sg_run_staged_gate(struct sg_ctx *ctx, enum sg_gate_mode mode,
		       const char *message);

#endif
