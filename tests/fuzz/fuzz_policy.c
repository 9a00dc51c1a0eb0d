/* sg_policy_parse: .sdlgate.yml from a repository, with `extends:` files. */
#include "fuzz.h"

#include "policy/policy.h"
#include "util/error.h"

/* An `extends:` file is never there; packs still resolve from the binary. */
static int read_nothing(struct sg_buf *out, const char *path, void *payload)
{
	(void)out;
	(void)path;
	(void)payload;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sg_policy *p = NULL;

	if (sg_policy_parse(&p, ".sdlgate.yml", (const char *)data, size,
			    read_nothing, NULL) < 0)
		sg_error_clear();
	sg_policy_free(p);
	return 0;
}
