/* sg_sbom_check with the NTIA minimum elements: CycloneDX and SPDX JSON. */
#include "fuzz.h"

#include "model/sbom.h"
#include "util/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;

	if (sg_sbom_check(&issues, "sbom.json", (const char *)data, size,
			  SG_SBOM_CHECK_NTIA) < 0)
		sg_error_clear();
	sg_sbom_issues_release(&issues);
	return 0;
}
