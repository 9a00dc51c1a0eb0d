#ifndef SG_RULES_SBOM_RULES_H
#define SG_RULES_SBOM_RULES_H

#include <stddef.h>

/*
 * What sbom-valid (sbom_rules.c) and sbom-drift (sbom_drift_rule.c)
 * share: which files are the SBOM at a snapshot, and which change of the
 * change set a finding about a file belongs to.
 */

struct sg_finding;
struct sg_gate;
struct sg_snapshot;
struct sg_strlist;

/*
 * The SBOM files `patterns` (sbom.files) name at `snap`: an entry without
 * a wildcard as written, whether or not it exists there; an entry with one
 * expanded to the matching files. `out` ends sorted, without duplicates.
 * Returns 0, or -1 with a repository error.
 */
int sg_sbom_rule_files(struct sg_strlist *out, const struct sg_snapshot *snap,
		       const struct sg_strlist *patterns);

/* 1 when sbom.files names `path` itself, not through a wildcard. */
int sg_sbom_rule_is_literal(const struct sg_strlist *patterns, const char *path);

/*
 * A path the change set touched and the newest change that touched it
 * (changes are walked newest first, so the first one seen).
 */
struct sg_sbom_touch {
	char *path;
	char *oid;        /* NULL for the staged change */
	char *subject;
	size_t seq;
};

struct sg_sbom_touches {
	struct sg_sbom_touch *items;
	size_t nr, alloc;
};

/* Record `path` for the change unless an earlier (newer) change did. */
void sg_sbom_touches_add(struct sg_sbom_touches *t, const char *path,
			 const char *oid, const char *subject, size_t seq);
void sg_sbom_touches_release(struct sg_sbom_touches *t);

/*
 * Add a finding of `rule` about a file, attributed to the change that
 * touched it (`touch` may be NULL: about the change set).
 */
struct sg_finding *sg_sbom_rule_add(struct sg_gate *gate, const char *rule,
				    const struct sg_sbom_touch *touch,
				    const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * The line of an input error "name:LINE:COL: ..." (what sg_json_parse
 * records), or 0 when the message does not start that way.
 */
unsigned sg_sbom_rule_error_line(const char *message, const char *name);

#endif
