/*
 * requirements.id_pattern alone: the bytes, less control characters, as a
 * single-quoted YAML scalar in a minimal policy, so every input reaches
 * the bound on ID patterns and regcomp (policy/regex.c). Whole policies
 * rarely get there: fuzz_policy found one of its gaps, this target the rest.
 */
#include "fuzz.h"

#include "policy/policy.h"
#include "util/error.h"

#define HEAD "version: 1\nrequirements:\n  id_pattern: '"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sg_policy *p = NULL;
	char *yaml, *q;
	size_t i;

	if (size > 512)
		return 0;
	yaml = malloc(sizeof(HEAD) + 2 * size + 2);
	if (!yaml)
		abort();
	memcpy(yaml, HEAD, sizeof(HEAD) - 1);
	q = yaml + sizeof(HEAD) - 1;
	for (i = 0; i < size; i++) {
		if (data[i] < 0x20 || data[i] > 0x7e)
			continue;
		if (data[i] == '\'')
			*q++ = '\'';
		*q++ = (char)data[i];
	}
	*q++ = '\'';
	*q++ = '\n';
	if (sg_policy_parse(&p, ".sdlgate.yml", yaml, (size_t)(q - yaml), NULL,
			    NULL) < 0)
		sg_error_clear();
	sg_policy_free(p);
	free(yaml);
	return 0;
}
