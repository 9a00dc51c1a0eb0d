#include "policy/policy.h"

#include <string.h>

/*
 * The policy packs built into the binary, so that a copied binary still
 * resolves `extends: <pack>`. The packs are added with the profiles.
 */
struct pack {
	const char *name;
	const char *yaml;
};

static const struct pack packs[] = {
	{ NULL, NULL },
};

int sg_pack_lookup(const char **data, size_t *len, const char *name)
{
	const struct pack *p;

	for (p = packs; p->name; p++)
		if (!strcmp(p->name, name)) {
			*data = p->yaml;
			*len = strlen(p->yaml);
			return 0;
		}
	return -1;
}
