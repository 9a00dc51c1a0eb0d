/* The standard input of the pre-push and pre-receive hooks. */
#include "fuzz.h"

#include "git/hookinput.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sg_ref_updates push = SG_REF_UPDATES_INIT;
	struct sg_ref_updates receive = SG_REF_UPDATES_INIT;

	if (sg_hookinput_parse_push(&push, "pre-push input", (const char *)data,
				    size) < 0)
		sg_error_clear();
	if (sg_hookinput_parse_receive(&receive, "pre-receive input",
				       (const char *)data, size) < 0)
		sg_error_clear();
	sg_ref_updates_release(&push);
	sg_ref_updates_release(&receive);
	return 0;
}
