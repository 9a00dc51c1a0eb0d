#ifndef SG_MODEL_CI_EVENT_H
#define SG_MODEL_CI_EVENT_H

#include <stddef.h>

/*
 * The event file of a GitHub Actions run ($GITHUB_EVENT_PATH): the JSON
 * payload of the webhook that started the workflow.
 */

/* Bounded like every JSON input (SG_JSON_MAX_SIZE). */
#define SG_CI_EVENT_MAX_SIZE ((size_t)64 << 20)

/*
 * The base commit of the pull request in `json` (`pull_request.base.sha`),
 * named `name` in messages. Returns 0 with *out (caller frees) set to the
 * sha, or NULL when the event is not a pull request; -1 with an
 * environment error (exit 3) naming name:line:column when the file is not
 * JSON or the sha is not a full hex object id.
 */
int sg_ci_event_base_sha(char **out, const char *name, const char *json, size_t len);

/* The same, reading the file at `path` (bounded by SG_CI_EVENT_MAX_SIZE). */
int sg_ci_event_file_base_sha(char **out, const char *path);

#endif
