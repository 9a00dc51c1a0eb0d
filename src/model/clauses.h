#ifndef SG_MODEL_CLAUSES_H
#define SG_MODEL_CLAUSES_H

#include <stddef.h>

/*
 * The clauses of IEC 81001-5-1:2021 (4 to 9, and the subclauses of the
 * normative Annex F for transitional health software), with their titles,
 * so that reports and `explain` can name what a rule gives evidence for.
 */
struct sg_clause {
	const char *id;       /* "5.7.1", "F.2" */
	const char *title;
};

/* Every clause in document order; NULL-terminated by a zeroed entry. */
const struct sg_clause *sg_clauses(void);

/* The title of clause `id`, or NULL when the standard has no such clause. */
const char *sg_clause_title(const char *id);

/* 1 when clause `id` has subclauses in the table ("5.7" has, "5.7.1" not). */
int sg_clause_has_children(const char *id);

/*
 * 1 when `child` is `parent` or below it ("5.7.1" is below "5.7" and "5",
 * not below "5.1"). `child_len` bytes of `child` are compared, so a
 * clause inside a space-separated list can be passed without a copy.
 */
int sg_clause_within(const char *child, size_t child_len, const char *parent);

#endif
