#include "model/review.h"
#include "policy/policy.h"
#include "util/buf.h"

#include <ctype.h>
#include <string.h>

/*
 * `sdlgate review template`: a record with everything the change set
 * already says filled in, and `<...>` placeholders for what only the
 * reviewer can say. sg_review_parse() refuses a placeholder, so an
 * unfilled template cannot cover anything by accident.
 */

static int plain_safe(const char *s)
{
	static const char *const special[] = { "true", "false", "yes", "no",
		"on", "off", "null", "y", "n", NULL };
	const char *const *w;
	const char *p;

	if (!isalnum((unsigned char)*s))
		return 0;
	for (p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("._/-", *p))
			return 0;
	for (w = special; *w; w++) {
		size_t i, n = strlen(*w);

		if (strlen(s) != n)
			continue;
		for (i = 0; i < n && tolower((unsigned char)s[i]) == (*w)[i]; i++)
			;
		if (i == n)
			return 0;
	}
	return 1;
}

/* A YAML scalar: plain when safe, else single-quoted ('' escapes '). */
static void add_scalar(struct sg_buf *out, const char *s, int force_quotes)
{
	if (!force_quotes && plain_safe(s)) {
		sg_buf_adds(out, s);
		return;
	}
	sg_buf_addch(out, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sg_buf_addch(out, '\'');
		sg_buf_addch(out, (*s == '\n' || *s == '\r') ? ' ' : *s);
	}
	sg_buf_addch(out, '\'');
}

/* The rest of a comment line: no line breaks. */
static void add_comment_text(struct sg_buf *out, const char *s)
{
	for (; *s; s++)
		sg_buf_addch(out, (*s == '\n' || *s == '\r') ? ' ' : *s);
}

void sg_review_template(struct sg_buf *out,
			const struct sg_policy_design_review *p,
			const char *today, const char *head,
			const struct sg_strlist *paths, const char *range,
			size_t changes)
{
	size_t i;

	sg_buf_addf(out, "# Design review record for %s (%zu change(s)).\n",
		    range ? range : head, changes);
	sg_buf_adds(out, "# Fill in every <...>, then either commit it as ");
	if (p->records)
		sg_buf_addf(out, "%s%s<id>.yml", p->records,
			    p->records[strlen(p->records) - 1] == '/' ? "" : "/");
	else
		sg_buf_adds(out, "a record file");
	sg_buf_addf(out, "\n# and cite it with a '%s: <id>' trailer", p->trailer);
	if (p->notes_ref)
		sg_buf_addf(out, ", or attach it as a note:\n#   git notes --ref=%s add -F <file> %s",
			    p->notes_ref, head);
	sg_buf_adds(out, "\n");
	sg_buf_adds(out, "id: <record id, e.g. DR-2026-001>\n");
	sg_buf_addf(out, "date: %s\n", today);
	sg_buf_adds(out, "reviewers:\n  - <reviewer e-mail>\n");
	sg_buf_adds(out, "decision: <approved|changes-requested|rejected>\n");
	sg_buf_addf(out, "reviewed_commit: %s\n", head);
	sg_buf_adds(out, "paths:\n");
	if (!paths->nr)
		sg_buf_adds(out, "  # no design-review trigger path changed in this change set\n"
			    "  - <path pattern the review covers>\n");
	for (i = 0; i < paths->nr; i++) {
		sg_buf_adds(out, "  - ");
		add_scalar(out, paths->items[i], 1);
		sg_buf_addch(out, '\n');
	}
	if (!p->criteria_nr) {
		sg_buf_adds(out, "criteria: {}\n");
		return;
	}
	sg_buf_adds(out, "criteria:\n");
	for (i = 0; i < p->criteria_nr; i++) {
		sg_buf_adds(out, "  ");
		add_scalar(out, p->criteria[i].id, 0);
		sg_buf_adds(out, ":  # ");
		add_comment_text(out, p->criteria[i].text);
		sg_buf_adds(out, "\n    result: <pass|fail|n/a>\n"
			    "    note: <what was checked; n/a needs the reason>\n");
	}
}
