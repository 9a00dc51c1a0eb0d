#ifndef SG_FUZZ_ID_POLICY_H
#define SG_FUZZ_ID_POLICY_H

#include "fuzz.h"

#include "policy/policy.h"
#include "util/error.h"

/*
 * A minimal policy whose requirements.id_pattern is the input's bytes,
 * less control characters, as a single-quoted YAML scalar: every input
 * reaches the bound on ID patterns and regcomp (policy/regex.c). NULL
 * when the policy is refused (the error is cleared).
 */
static inline struct sg_policy *sg_fuzz_id_policy(const uint8_t *data, size_t size)
{
	static const char head[] = "version: 1\nrequirements:\n  id_pattern: '";
	struct sg_policy *p = NULL;
	char *yaml = malloc(sizeof(head) + 2 * size + 2), *q;
	size_t i;

	if (!yaml)
		abort();
	memcpy(yaml, head, sizeof(head) - 1);
	q = yaml + sizeof(head) - 1;
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
			    NULL) < 0) {
		sg_error_clear();
		p = NULL;
	}
	free(yaml);
	return p;
}

#endif
