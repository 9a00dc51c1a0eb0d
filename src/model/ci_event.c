#include "model/ci_event.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <string.h>

/* 1-based line and column of `at` inside `json`, for parse errors. */
static void position(size_t *line, size_t *column, const char *json, size_t len,
		     const char *at)
{
	const char *p;

	*line = 1;
	*column = 1;
	if (!at || at < json || at > json + len)
		return;
	for (p = json; p < at; p++) {
		if (*p == '\n') {
			(*line)++;
			*column = 1;
		} else {
			(*column)++;
		}
	}
}

static int is_full_oid(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return i == 40 || i == 64;
}

int sg_ci_event_base_sha(char **out, const char *name, const char *json, size_t len)
{
	cJSON *root, *sha;
	size_t line, column;
	int error = 0;

	*out = NULL;
	root = cJSON_ParseWithLength(json, len);
	if (!root) {
		position(&line, &column, json, len, cJSON_GetErrorPtr());
		sg_error_set_repo("%s:%zu:%zu: the CI event file is not valid JSON", name,
				  line, column);
		sg_error_hint("GITHUB_EVENT_PATH must name the event payload GitHub Actions writes; pass the target with --base REF instead");
		return -1;
	}
	sha = cJSON_GetObjectItemCaseSensitive(root, "pull_request");
	sha = cJSON_GetObjectItemCaseSensitive(sha, "base");
	sha = cJSON_GetObjectItemCaseSensitive(sha, "sha");
	if (!sha) {
		/* a push or a scheduled run: no pull request, no base */
		goto done;
	}
	if (!cJSON_IsString(sha) || !is_full_oid(sha->valuestring)) {
		error = sg_error_set_repo("%s: 'pull_request.base.sha' is not a commit id", name);
		sg_error_hint("pass the target with --base REF");
		goto done;
	}
	*out = sg_xstrdup(sha->valuestring);
done:
	cJSON_Delete(root);
	return error;
}

int sg_ci_event_file_base_sha(char **out, const char *path)
{
	struct sg_buf data = SG_BUF_INIT;
	int error;

	*out = NULL;
	if (sg_fs_read(&data, path, SG_CI_EVENT_MAX_SIZE) < 0) {
		/* the file belongs to the CI environment, not to the checked repository */
		struct sg_buf msg = SG_BUF_INIT;

		sg_buf_addf(&msg, "cannot read the CI event file (GITHUB_EVENT_PATH): %s",
			    sg_error_message());
		sg_error_set_repo("%s", msg.ptr);
		sg_error_hint("pass the target with --base REF");
		sg_buf_release(&msg);
		return -1;
	}
	error = sg_ci_event_base_sha(out, path, data.ptr, data.len);
	sg_buf_release(&data);
	return error;
}
