#include "policy/packs.h"
#include "policy/policy.h"
#include "policy/yaml.h"
#include "util/alloc.h"

#include <stdio.h>
#include <string.h>

size_t sg_pack_count(void)
{
	size_t n = 0;

	while (sg_pack_sources[n].name)
		n++;
	return n;
}

const struct sg_pack_source *sg_pack_at(size_t i)
{
	return i < sg_pack_count() ? &sg_pack_sources[i] : NULL;
}

int sg_pack_lookup(const char **data, size_t *len, const char *name)
{
	const struct sg_pack_source *p;

	for (p = sg_pack_sources; p->name; p++)
		if (!strcmp(p->name, name)) {
			*data = p->yaml;
			*len = p->len;
			return 0;
		}
	return -1;
}

int sg_pack_description(char **out, const struct sg_pack_source *pack)
{
	struct sg_ydoc *doc = NULL;
	const struct sg_ynode *d;
	char name[128];

	*out = NULL;
	snprintf(name, sizeof(name), "pack:%s", pack->name);
	if (sg_yaml_parse(&doc, name, pack->yaml, pack->len) < 0)
		return -1;
	d = doc->root ? sg_ymap_get(doc->root, "description") : NULL;
	if (d && d->type == SG_YNODE_SCALAR && !sg_ynode_is_null(d))
		*out = sg_xstrdup(d->value);
	sg_ydoc_free(doc);
	return 0;
}
