#include "model/ci_event.h"
#include "model/json.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <string.h>

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
	cJSON *root = NULL, *sha;
	int error = 0;

	*out = NULL;
	if (sg_json_parse(&root, name, json, len) < 0) {
		/* the CI's file, not the repository's input: an environment error */
		struct sg_buf msg = SG_BUF_INIT;

		sg_buf_addf(&msg, "the CI event file is not valid JSON: %s", sg_error_message());
		sg_error_set_repo("%s", msg.ptr);
		sg_error_hint("GITHUB_EVENT_PATH must name the event payload GitHub Actions writes; pass the target with --base REF instead");
		sg_buf_release(&msg);
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
