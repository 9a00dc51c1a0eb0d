#ifndef SG_MODEL_REQUIREMENTS_H
#define SG_MODEL_REQUIREMENTS_H

#include <regex.h>
#include <stddef.h>

/*
 * The security requirements registry: YAML (`requirements: [{id, title,
 * status}]`) or Markdown (a heading that starts with an ID defines it;
 * "(draft)" or "(obsolete)" in the heading sets the status, else active).
 * Several files merge into one registry.
 */
struct sg_requirement {
	char *id;
	char *title;
	char *status;
	char *file;          /* path in the repository */
	unsigned line;
	char *where;         /* "name:line:column", for messages */
};

struct sg_registry {
	struct sg_requirement *items;
	size_t nr;
	size_t alloc;
	size_t files;        /* registry files that were found */
};

/*
 * Parse one registry file and add its requirements. `name` is used in
 * messages ("3f2a1bc:docs/security/requirements.yml"), `path` decides the
 * format (".md" is Markdown) and is recorded. IDs must match `id_regex`
 * in full. Returns 0, or -1 with an input error "name:line:column: ...".
 */
int sg_registry_parse(struct sg_registry *reg, const char *name,
		      const char *path, const char *data, size_t len,
		      const regex_t *id_regex);

/* Sort for lookup and refuse duplicated IDs. */
int sg_registry_finish(struct sg_registry *reg);

/* The requirement with this ID, or NULL (after sg_registry_finish). */
const struct sg_requirement *sg_registry_find(const struct sg_registry *reg,
					      const char *id);

void sg_registry_free(struct sg_registry *reg);

#endif
