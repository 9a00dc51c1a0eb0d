#include "policy/merge.h"
#include "policy/yaml.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

struct sg_ynode *sg_ynode_copy(const struct sg_ynode *node)
{
	struct sg_ynode *copy;
	size_t i;

	if (!node)
		return NULL;
	copy = sg_xcalloc(1, sizeof(*copy));
	*copy = *node;
	copy->items = NULL;
	copy->pairs = NULL;
	copy->value = node->value ? sg_xstrdup(node->value) : NULL;
	if (node->type == SG_YNODE_SEQ) {
		copy->items = sg_xcalloc(node->nr, sizeof(*copy->items));
		for (i = 0; i < node->nr; i++)
			copy->items[i] = sg_ynode_copy(node->items[i]);
	} else if (node->type == SG_YNODE_MAP) {
		copy->pairs = sg_xcalloc(node->nr, sizeof(*copy->pairs));
		for (i = 0; i < node->nr; i++) {
			copy->pairs[i].key = sg_ynode_copy(node->pairs[i].key);
			copy->pairs[i].value = sg_ynode_copy(node->pairs[i].value);
		}
	}
	return copy;
}

static const struct sg_ynode *find_value(const struct sg_ynode *map,
					 const struct sg_ynode *key)
{
	size_t i;

	if (key->type != SG_YNODE_SCALAR)
		return NULL;
	for (i = 0; i < map->nr; i++) {
		const struct sg_ynode *k = map->pairs[i].key;

		if (k->type == SG_YNODE_SCALAR && !strcmp(k->value, key->value))
			return map->pairs[i].value;
	}
	return NULL;
}

struct sg_ynode *sg_ynode_merge(const struct sg_ynode *base,
				const struct sg_ynode *over)
{
	struct sg_ynode *merged;
	size_t i, n = 0;

	if (!base)
		return sg_ynode_copy(over);
	if (!over)
		return sg_ynode_copy(base);
	if (base->type != SG_YNODE_MAP || over->type != SG_YNODE_MAP)
		return sg_ynode_copy(over);

	merged = sg_xcalloc(1, sizeof(*merged));
	*merged = *over;
	merged->value = NULL;
	merged->items = NULL;
	merged->pairs = sg_xcalloc(base->nr + over->nr, sizeof(*merged->pairs));

	/* base keys first, in base order, with the override merged in */
	for (i = 0; i < base->nr; i++) {
		const struct sg_ynode *o = find_value(over, base->pairs[i].key);

		merged->pairs[n].key = sg_ynode_copy(base->pairs[i].key);
		merged->pairs[n].value = o ?
			sg_ynode_merge(base->pairs[i].value, o) :
			sg_ynode_copy(base->pairs[i].value);
		n++;
	}
	for (i = 0; i < over->nr; i++) {
		if (find_value(base, over->pairs[i].key))
			continue;
		merged->pairs[n].key = sg_ynode_copy(over->pairs[i].key);
		merged->pairs[n].value = sg_ynode_copy(over->pairs[i].value);
		n++;
	}
	merged->nr = n;
	return merged;
}
