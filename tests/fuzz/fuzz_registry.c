/*
 * sg_registry_parse + sg_registry_finish: the requirements registry. The
 * first byte picks the format ('m': Markdown, anything else: YAML); the
 * rest is the file.
 */
#include "fuzz.h"

#include "model/requirements.h"
#include "util/error.h"

#include <regex.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static regex_t id_regex;
	static int ready;
	struct sg_registry *reg;
	const char *path;

	if (!ready) {
		if (regcomp(&id_regex, "SR-[0-9]+", REG_EXTENDED))
			abort();
		ready = 1;
	}
	if (!size)
		return 0;
	path = data[0] == 'm' ? "docs/security/requirements.md" :
		"docs/security/requirements.yml";
	reg = calloc(1, sizeof(*reg));
	if (!reg)
		abort();
	if (sg_registry_parse(reg, path, path, (const char *)data + 1, size - 1,
			      &id_regex) < 0 ||
	    sg_registry_finish(reg) < 0)
		sg_error_clear();
	sg_registry_free(reg);
	return 0;
}
