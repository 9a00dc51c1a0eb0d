#ifndef SG_POLICY_POLICY_H
#define SG_POLICY_POLICY_H

#include "rules/finding.h"
#include "util/str.h"

#include <regex.h>
#include <stddef.h>

struct sg_buf;

/*
 * The effective policy (.sdlgate.yml, schema version 1, DESIGN.md §3) as
 * plain structs. A section that is absent has `present == 0`, which turns
 * the rules that need it off. Everything here is validated on load, so
 * the rules never meet a bad regex or an unknown rule name.
 */

#define SG_POLICY_MAX_SIZE (1024 * 1024)

struct sg_criterion {
	char *id;
	char *text;
};

struct sg_deliverable {
	char *id;
	char *path;                 /* may be a glob */
	int must_update;            /* must: updated (else: exists) */
	struct sg_strlist clauses;
};

struct sg_waiver {
	char *rule;
	char *commit;               /* abbreviated oid (>= 7) or NULL */
	char *path;                 /* a path pattern or NULL */
	char *reason;
	char *approved_by;
	char *expires;              /* YYYY-MM-DD */
	char *where;                /* "file:line:column" of the entry */
};

struct sg_rule_override {
	char *rule;
	enum sg_severity severity;
	char *where;
};

struct sg_policy_requirements {
	int present;
	struct sg_strlist registry;          /* files; empty: IDs kept elsewhere */
	char *id_pattern;
	regex_t id_regex;
	int id_regex_ok;
	struct sg_strlist accepted_status;
	char *reference_trailer;
	int anywhere_in_message;
	char *exemption_trailer;
	struct sg_strlist exemption_paths;   /* allowed_paths */
};

struct sg_policy_design_review {
	int present;
	struct sg_strlist triggers;
	char *records;                       /* directory of YAML records */
	char *notes_ref;
	char *trailer;
	unsigned min_reviewers;
	int independent_reviewers;
	struct sg_criterion *criteria;
	size_t criteria_nr;
};

struct sg_policy_sbom {
	int present;
	struct sg_strlist files;
	struct sg_strlist triggers;
	int ntia;                            /* minimum_elements: ntia */
};

struct sg_policy_risk {
	int present;
	struct sg_strlist files;
	struct sg_strlist triggers;
	char *unchanged_trailer;
	char *safety_id_pattern;
	regex_t safety_regex;
	int safety_regex_ok;
};

struct sg_policy_release {
	int present;
	char *tag_pattern;
	struct sg_deliverable *deliverables;
	size_t deliverables_nr;
	struct sg_strlist test_evidence;
};

struct sg_policy {
	char *path;                 /* where it was read from, for messages */
	unsigned version;
	char *extends;              /* the profile pack, or NULL */
	char *description;
	char *product;
	struct sg_strlist clauses;  /* applicable clauses; empty: all apply */
	struct sg_policy_requirements requirements;
	struct sg_policy_design_review design_review;
	struct sg_policy_sbom sbom;
	struct sg_policy_risk risk;
	int co_change_commit;       /* scope.co_change: commit */
	int merges_check;           /* scope.merges: check */
	struct sg_policy_release release;
	struct sg_rule_override *overrides;
	size_t overrides_nr;
	struct sg_waiver *waivers;
	size_t waivers_nr;
};

/*
 * Resolve `extends: NAME` to a pack's YAML text. Returns 0 and points
 * `data` and `len` at static storage, or -1 when there is no such pack.
 * Packs are built into the binary (see policy/packs.c).
 */
int sg_pack_lookup(const char **data, size_t *len, const char *name);

/*
 * Reads a file named by `extends:` from the same place the policy came
 * from (the working tree or a revision). Returns 0 with the contents, 1
 * when there is no such file, -1 on error.
 */
typedef int (*sg_policy_reader)(struct sg_buf *out, const char *path,
				void *payload);

/*
 * Parse policy text named `name`, resolve `extends`, merge (maps key by
 * key, lists replaced, the repository's file wins) and validate. On error
 * returns -1 with "file:line:column: problem" and a hint (exit 2).
 */
int sg_policy_parse(struct sg_policy **out, const char *name,
		    const char *data, size_t len,
		    sg_policy_reader reader, void *payload);

void sg_policy_free(struct sg_policy *policy);

/* The severity override for `rule` from `rules:`, or -1 when none. */
int sg_policy_override(const struct sg_policy *policy, const char *rule);

/*
 * Find every requirement ID in `text` with the policy's id_pattern,
 * appending them (unique, in order) to `out`. The text is searched line
 * by line ('^' and '$' match at each line), an ID is at most 256 bytes
 * long, and no letter or digit touches it on either side (find_ids.c).
 */
void sg_policy_find_ids(struct sg_strlist *out, const struct sg_policy *policy,
			const char *text);

/* 1 when the whole of `text` matches the safety ID pattern. */
int sg_policy_is_safety_id(const struct sg_policy *policy, const char *text);

#endif
