/* sg_risks_parse: the security risk file. */
#include "fuzz.h"

#include "model/risk.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sg_risks risks = SG_RISKS_INIT;

	if (sg_risks_parse(&risks, "risk/security-risks.yml",
			   "risk/security-risks.yml", (const char *)data, size) < 0)
		sg_error_clear();
	sg_risks_release(&risks);
	return 0;
}
