/* sg_ci_event_base_sha: the GitHub Actions event file ($GITHUB_EVENT_PATH). */
#include "fuzz.h"

#include "model/ci_event.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *sha = NULL;

	if (sg_ci_event_base_sha(&sha, "event.json", (const char *)data, size) < 0)
		sg_error_clear();
	free(sha);
	return 0;
}
