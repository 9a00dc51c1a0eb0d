#ifndef SG_POLICY_PACKS_H
#define SG_POLICY_PACKS_H

#include <stddef.h>

/*
 * The policy packs (policies/NAME.yml), built into the binary at build time
 * (cmake/embed_packs.cmake), so a copied sdlgate resolves `extends:
 * <pack>` without any file beside it. sg_pack_lookup() (policy.h) finds
 * one by name; these list them.
 */
struct sg_pack_source {
	const char *name;     /* file name without ".yml" */
	const char *yaml;     /* NUL-terminated text */
	size_t len;
};

/* Generated: every pack, sorted by name, ended by a zeroed entry. */
extern const struct sg_pack_source sg_pack_sources[];

/* The number of packs, and the pack at `i` (0 <= i < count). */
size_t sg_pack_count(void);
const struct sg_pack_source *sg_pack_at(size_t i);

/*
 * The `description:` of a pack, read from its YAML (caller frees), or
 * NULL when it has none. Returns -1 with an error if the pack does not
 * parse, which the pack tests rule out.
 */
int sg_pack_description(char **out, const struct sg_pack_source *pack);

#endif
