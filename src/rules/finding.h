#ifndef SG_RULES_FINDING_H
#define SG_RULES_FINDING_H

#include "util/str.h"

#include <stddef.h>

enum sg_severity {
	SG_SEV_OFF = 0,
	SG_SEV_WARNING,
	SG_SEV_ERROR,
};

const char *sg_severity_name(enum sg_severity sev);
/* Parse "error", "warning" or "off"; returns -1 for anything else. */
int sg_severity_parse(enum sg_severity *out, const char *name);

/*
 * One violation. A finding always names the commit it is about (NULL only
 * for the staged change or repository-level checks such as an SBOM at a
 * release), the paths it concerns and a hint that says what to do.
 */
struct sg_finding {
	const char *rule;          /* stable rule id, static storage */
	enum sg_severity severity;
	char *commit;              /* full hex oid or NULL */
	char *subject;             /* the commit's subject, for text output */
	size_t seq;                /* position of the commit in the change set */
	struct sg_strlist paths;
	char *message;
	char *hint;
	struct sg_strlist clauses; /* IEC 81001-5-1 clauses evidenced */
	int waived;
	char *waiver;              /* the waiver's reason when waived */
	char *component;           /* sbom-valid: "name@version" */
	struct sg_strlist missing; /* sbom-valid: NTIA elements missing */
	unsigned line;             /* 1-based line in paths[0], 0 when none */
};

struct sg_findings {
	struct sg_finding *items;
	size_t nr;
	size_t alloc;
};

#define SG_FINDINGS_INIT { NULL, 0, 0 }

/*
 * Append a finding and return it so the caller can add paths and details.
 * The rule's clauses are filled in when the report is assembled, unless the
 * caller set its own. `message` is formatted; strings are copied.
 */
struct sg_finding *sg_findings_add(struct sg_findings *list, const char *rule,
				   const char *commit, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void sg_finding_set_hint(struct sg_finding *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Sort into the stable report order: by change position, then rule, first
 * path and message. The same inputs always give the same order.
 */
void sg_findings_sort(struct sg_findings *list);
void sg_findings_release(struct sg_findings *list);

#endif
