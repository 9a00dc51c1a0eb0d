/*
 * requirements.id_pattern alone, in a minimal policy (id_policy.h), so
 * every input reaches the bound on ID patterns and regcomp. Whole
 * policies rarely get there: fuzz_policy found one of its gaps, this
 * target the rest.
 */
#include "id_policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 512)
		return 0;
	sg_policy_free(sg_fuzz_id_policy(data, size));
	return 0;
}
