/*
 * sg_policy_find_ids: an ID pattern (the input's first line, as in
 * fuzz_id_pattern) searched for in the rest of the input. For a single
 * line of at most one window the answer must equal the plain search over
 * the whole text (regexec match after match); a difference aborts.
 */
#include "fuzz.h"

#include "policy/policy.h"
#include "util/error.h"
#include "util/str.h"

#include <regex.h>

#define HEAD "version: 1\nrequirements:\n  id_pattern: '"

static struct sg_policy *policy_with(const uint8_t *data, size_t size)
{
	struct sg_policy *p = NULL;
	char *yaml = malloc(sizeof(HEAD) + 2 * size + 2), *q;
	size_t i;

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
			    NULL) < 0) {
		sg_error_clear();
		p = NULL;
	}
	free(yaml);
	return p;
}

static void plain_search(struct sg_strlist *out, const regex_t *re, const char *text)
{
	const char *p = text;
	regmatch_t m;
	char *id;

	while (*p && regexec(re, p, 1, &m, p == text ? 0 : REG_NOTBOL) == 0) {
		if (m.rm_eo <= m.rm_so) {
			p += m.rm_so + 1;
			continue;
		}
		id = sg_fuzz_strndup((const uint8_t *)p + m.rm_so, (size_t)(m.rm_eo - m.rm_so));
		sg_strlist_add_unique(out, id);
		free(id);
		p += m.rm_eo;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sg_strlist got = SG_STRLIST_INIT, want = SG_STRLIST_INIT;
	struct sg_policy *p;
	size_t cut = 0, i;
	char *text;

	while (cut < size && data[cut] != '\n')
		cut++;
	if (cut > 64 || size > 64 * 1024)
		return 0;
	p = policy_with(data, cut);
	if (!p)
		return 0;
	text = cut < size ? sg_fuzz_strndup(data + cut + 1, size - cut - 1) :
		sg_fuzz_strndup(data, 0);
	sg_policy_find_ids(&got, p, text);
	if (!strchr(text, '\n') && strlen(text) <= 512) {
		plain_search(&want, &p->requirements.id_regex, text);
		if (got.nr != want.nr)
			abort();
		for (i = 0; i < got.nr; i++)
			if (strcmp(got.items[i], want.items[i]))
				abort();
	}
	sg_strlist_release(&got);
	sg_strlist_release(&want);
	free(text);
	sg_policy_free(p);
	return 0;
}
