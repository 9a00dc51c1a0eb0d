/*
 * sg_policy_find_ids: an ID pattern (the input's first line, in a policy
 * made by id_policy.h) searched for in the rest of the input. For a
 * single line of at most one window the answer must equal the plain
 * search over the whole text (regexec match after match); a difference
 * aborts.
 */
#include "id_policy.h"

#include "util/str.h"

#include <ctype.h>
#include <regex.h>

static void plain_search(struct sg_strlist *out, const regex_t *re, const char *text)
{
	const char *p = text;
	regmatch_t m;
	char *id;

	while (*p && regexec(re, p, 1, &m, p == text ? 0 : REG_NOTBOL) == 0) {
		/* empty, or touching a letter or digit: not an ID */
		if (m.rm_eo <= m.rm_so ||
		    (p + m.rm_so > text && isalnum((unsigned char)p[m.rm_so - 1])) ||
		    isalnum((unsigned char)p[m.rm_eo])) {
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
	p = sg_fuzz_id_policy(data, cut);
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
