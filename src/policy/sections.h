#ifndef SG_POLICY_SECTIONS_H
#define SG_POLICY_SECTIONS_H

#include <regex.h>

/*
 * Internal to src/policy: the readers of each section of the policy,
 * called by sg_policy_parse() on the merged tree. Each returns 0, or -1
 * with an input error naming file:line:column.
 */

struct sg_policy;
struct sg_strlist;
struct sg_ydoc;
struct sg_ynode;

/* A non-empty string (a null node leaves *dst alone). */
int sg_policy__set_string(char **dst, const struct sg_ydoc *doc,
			  const struct sg_ynode *node, const char *what);
/* A string or a list of non-empty strings, replacing *dst. */
int sg_policy__set_strings(struct sg_strlist *dst, const struct sg_ydoc *doc,
			   const struct sg_ynode *node, const char *what);
/*
 * A POSIX extended regex that does not match the empty string, of at most
 * 256 characters, without back-references, and whose intervals expand to
 * at most 100 positions (policy/regex.c).
 */
int sg_policy__compile_regex(regex_t *re, int *ok, const struct sg_ydoc *doc,
			     const struct sg_ynode *node, const char *pattern,
			     const char *what);

int sg_policy__parse_requirements(struct sg_policy *p, const struct sg_ydoc *doc,
				  const struct sg_ynode *node);
int sg_policy__parse_design_review(struct sg_policy *p, const struct sg_ydoc *doc,
				   const struct sg_ynode *node);
int sg_policy__parse_sbom(struct sg_policy *p, const struct sg_ydoc *doc,
			  const struct sg_ynode *node);
int sg_policy__parse_risk(struct sg_policy *p, const struct sg_ydoc *doc,
			  const struct sg_ynode *node);
int sg_policy__parse_scope(struct sg_policy *p, const struct sg_ydoc *doc,
			   const struct sg_ynode *node);
int sg_policy__parse_release(struct sg_policy *p, const struct sg_ydoc *doc,
			     const struct sg_ynode *node);
int sg_policy__parse_rules(struct sg_policy *p, const struct sg_ydoc *doc,
			   const struct sg_ynode *node);
int sg_policy__parse_waivers(struct sg_policy *p, const struct sg_ydoc *doc,
			     const struct sg_ynode *node);

#endif
