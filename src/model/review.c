#include "model/review.h"
#include "policy/policy.h"
#include "policy/yaml.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ID_LEN 64

const char *sg_review_decision_name(enum sg_review_decision decision)
{
	switch (decision) {
	case SG_REVIEW_APPROVED:
		return "approved";
	case SG_REVIEW_CHANGES_REQUESTED:
		return "changes-requested";
	default:
		return "rejected";
	}
}

int sg_review_id_valid(const char *id)
{
	size_t i;

	if (!isalnum((unsigned char)id[0]))
		return 0;
	for (i = 0; id[i]; i++)
		if (!isalnum((unsigned char)id[i]) && id[i] != '.' &&
		    id[i] != '_' && id[i] != '-')
			return 0;
	return i <= MAX_ID_LEN && !strstr(id, "..");
}

int sg_review_date_valid(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int i, year, month, day, leap;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	year = atoi(s);
	month = (s[5] - '0') * 10 + (s[6] - '0');
	day = (s[8] - '0') * 10 + (s[9] - '0');
	if (month < 1 || month > 12 || day < 1)
		return 0;
	leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return day <= days[month - 1] + (month == 2 && leap);
}

static int is_hex(const char *s)
{
	for (; *s; s++)
		if (!isxdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* "<reviewer e-mail>": a placeholder of the template ("<a@b>" is an address) */
static int is_placeholder(const char *s)
{
	size_t len = strlen(s);

	return len >= 2 && s[0] == '<' && s[len - 1] == '>' && !strchr(s, '@');
}

static int refuse_placeholders(const struct sg_ydoc *doc, const struct sg_ynode *node)
{
	size_t i;

	if (!node)
		return 0;
	if (node->type == SG_YNODE_SCALAR && is_placeholder(node->value)) {
		sg_yaml_error(doc, node, "'%s' is a placeholder of the review template, not a value",
			      node->value);
		sg_error_hint("replace every <...> of 'sdlgate review template' before the record is committed or attached");
		return -1;
	}
	for (i = 0; i < node->nr; i++) {
		if (node->type == SG_YNODE_SEQ &&
		    refuse_placeholders(doc, node->items[i]) < 0)
			return -1;
		if (node->type == SG_YNODE_MAP &&
		    refuse_placeholders(doc, node->pairs[i].value) < 0)
			return -1;
	}
	return 0;
}

static int missing(const struct sg_ydoc *doc, const struct sg_ynode *root,
		   const char *key, const char *example)
{
	sg_yaml_error(doc, root, "the review record has no '%s'", key);
	sg_error_hint("add '%s: %s' (see 'sdlgate explain design-review' for the record format)",
		      key, example);
	return -1;
}

/* A required, non-empty scalar; NULL/absent is "missing". */
static int get_scalar(char **out, const struct sg_ydoc *doc,
		      const struct sg_ynode *root, const char *key,
		      const char *example)
{
	const struct sg_ynode *n = sg_ymap_get(root, key);

	*out = NULL;
	if (sg_ynode_is_null(n))
		return missing(doc, root, key, example);
	if (sg_yaml_get_string(out, doc, n, key) < 0)
		return -1;
	if (sg_is_blank(*out))
		return sg_yaml_error(doc, n, "'%s' must not be empty", key);
	return 0;
}

static int get_list(struct sg_strlist *out, const struct sg_ydoc *doc,
		    const struct sg_ynode *root, const char *key,
		    const char *example, int need_one)
{
	const struct sg_ynode *n = sg_ymap_get(root, key);
	size_t i;

	if (sg_ynode_is_null(n))
		return missing(doc, root, key, example);
	if (sg_yaml_get_strings(out, doc, n, key) < 0)
		return -1;
	for (i = 0; i < out->nr; i++)
		if (sg_is_blank(out->items[i]))
			return sg_yaml_error(doc, n, "'%s' must not contain empty entries", key);
	if (need_one && !out->nr)
		return sg_yaml_error(doc, n, "'%s' must name at least one entry, e.g. %s",
				     key, example);
	return 0;
}

static int parse_decision(struct sg_review *r, const struct sg_ydoc *doc,
			  const struct sg_ynode *root)
{
	char *value = NULL;
	int error = 0;

	if (get_scalar(&value, doc, root, "decision", "approved") < 0)
		return -1;
	if (!strcmp(value, "approved"))
		r->decision = SG_REVIEW_APPROVED;
	else if (!strcmp(value, "changes-requested"))
		r->decision = SG_REVIEW_CHANGES_REQUESTED;
	else if (!strcmp(value, "rejected"))
		r->decision = SG_REVIEW_REJECTED;
	else
		error = sg_yaml_error(doc, sg_ymap_get(root, "decision"),
			"'decision' must be approved, changes-requested or rejected, not '%s'",
			value);
	free(value);
	return error;
}

static int parse_reviewed_commit(struct sg_review *r, const struct sg_ydoc *doc,
				 const struct sg_ynode *root, unsigned flags)
{
	const struct sg_ynode *n = sg_ymap_get(root, "reviewed_commit");
	struct sg_buf where = SG_BUF_INIT;

	if (sg_ynode_is_null(n)) {
		if (flags & SG_REVIEW_NOTE)
			return 0;
		return missing(doc, root, "reviewed_commit", "<the commit that was reviewed>");
	}
	if (sg_yaml_get_string(&r->reviewed_commit, doc, n, "reviewed_commit") < 0)
		return -1;
	if (strlen(r->reviewed_commit) < 7 || strlen(r->reviewed_commit) > 40 ||
	    !is_hex(r->reviewed_commit)) {
		sg_yaml_error(doc, n, "'reviewed_commit' must be a commit id of 7 to 40 hex digits, not '%s'",
			      r->reviewed_commit);
		sg_error_hint("write the id the review looked at: 'git rev-parse HEAD' at the time of the review");
		return -1;
	}
	sg_buf_addf(&where, "%s:%zu:%zu", n->file ? n->file : doc->name, n->line, n->column);
	r->reviewed_where = sg_buf_detach(&where);
	return 0;
}

static void criteria_list(struct sg_buf *out, const struct sg_policy_design_review *p)
{
	size_t i;

	for (i = 0; i < p->criteria_nr; i++)
		sg_buf_addf(out, "%s%s", i ? ", " : "", p->criteria[i].id);
	if (!p->criteria_nr)
		sg_buf_adds(out, "(none)");
}

static int parse_answer(struct sg_review_answer *a, const struct sg_ydoc *doc,
			const struct sg_ynode *value)
{
	static const char *const keys[] = { "result", "note", NULL };
	const struct sg_ynode *result = sg_ymap_get(value, "result");
	const struct sg_ynode *note = sg_ymap_get(value, "note");

	if (sg_yaml_check_keys(doc, value, "criteria.<ID>", keys) < 0)
		return -1;
	if (sg_ynode_is_null(result)) {
		sg_yaml_error(doc, value, "criterion '%s' has no 'result'", a->criterion);
		sg_error_hint("write '%s: {result: pass, note: ...}' (pass, fail or n/a)",
			      a->criterion);
		return -1;
	}
	if (sg_yaml_want_scalar(doc, result, "result") < 0)
		return -1;
	if (!strcmp(result->value, "pass"))
		a->result = SG_REVIEW_PASS;
	else if (!strcmp(result->value, "fail"))
		a->result = SG_REVIEW_FAIL;
	else if (!strcmp(result->value, "n/a"))
		a->result = SG_REVIEW_NA;
	else
		return sg_yaml_error_hint(doc, result,
			"pass: the criterion is met; fail: it is not (the review then blocks); n/a: it does not apply, with a note saying why",
			"the result of criterion '%s' must be pass, fail or n/a, not '%s'",
			a->criterion, result->value);
	if (!sg_ynode_is_null(note)) {
		if (sg_yaml_want_scalar(doc, note, "note") < 0)
			return -1;
		if (!sg_is_blank(note->value))
			a->note = sg_strdup_trimmed(note->value, strlen(note->value));
	}
	return 0;
}

static int parse_criteria(struct sg_review *r, const struct sg_ydoc *doc,
			  const struct sg_ynode *root,
			  const struct sg_policy_design_review *p)
{
	const struct sg_ynode *n = sg_ymap_get(root, "criteria");
	struct sg_buf known = SG_BUF_INIT;
	size_t i, j;
	int error = -1;

	if (sg_ynode_is_null(n)) {
		if (!p->criteria_nr)
			return 0;
		return missing(doc, root, "criteria", "{DR-1: {result: pass, note: ...}}");
	}
	if (sg_yaml_want_map(doc, n, "criteria") < 0)
		return -1;
	r->answers = sg_xcalloc(n->nr ? n->nr : 1, sizeof(*r->answers));
	for (i = 0; i < n->nr; i++) {
		const struct sg_ynode *key = n->pairs[i].key;
		struct sg_review_answer *a = &r->answers[i];
		int defined = 0;

		if (key->type != SG_YNODE_SCALAR) {
			sg_yaml_error(doc, key, "keys of 'criteria' must be criterion IDs");
			goto done;
		}
		for (j = 0; j < p->criteria_nr; j++)
			if (!strcmp(p->criteria[j].id, key->value))
				defined = 1;
		if (!defined) {
			criteria_list(&known, p);
			sg_yaml_error(doc, key, "unknown criterion '%s'", key->value);
			sg_error_hint("the policy's design_review.criteria are: %s", known.ptr);
			goto done;
		}
		for (j = 0; j < i; j++)
			if (!strcmp(r->answers[j].criterion, key->value)) {
				sg_yaml_error(doc, key, "criterion '%s' is answered twice",
					      key->value);
				goto done;
			}
		a->criterion = sg_xstrdup(key->value);
		r->answers_nr = i + 1;
		if (parse_answer(a, doc, n->pairs[i].value) < 0)
			goto done;
	}
	error = 0;
done:
	sg_buf_release(&known);
	return error;
}

static int parse_record(struct sg_review *r, const struct sg_ydoc *doc,
			const char *expected_id,
			const struct sg_policy_design_review *p, unsigned flags)
{
	static const char *const keys[] = { "id", "date", "reviewers", "decision",
		"reviewed_commit", "paths", "criteria", NULL };
	const struct sg_ynode *root = doc->root;

	if (!root) {
		sg_error_set("%s: the review record is empty", doc->name);
		sg_error_hint("'sdlgate review template' prints a record to fill in");
		return -1;
	}
	if (sg_yaml_check_keys(doc, root, "review record", keys) < 0 ||
	    refuse_placeholders(doc, root) < 0 ||
	    get_scalar(&r->id, doc, root, "id", "DR-2026-001") < 0)
		return -1;
	if (!sg_review_id_valid(r->id))
		return sg_yaml_error(doc, sg_ymap_get(root, "id"),
			"'%s' is not a valid record id: letters, digits, '.', '_' and '-' only",
			r->id);
	if (expected_id && strcmp(r->id, expected_id)) {
		sg_yaml_error(doc, sg_ymap_get(root, "id"),
			      "the record says id '%s' but its file name says '%s'",
			      r->id, expected_id);
		sg_error_hint("name the file after the id: <records>/%s.yml", r->id);
		return -1;
	}
	if (get_scalar(&r->date, doc, root, "date", "YYYY-MM-DD") < 0)
		return -1;
	if (!sg_review_date_valid(r->date))
		return sg_yaml_error(doc, sg_ymap_get(root, "date"),
			"'date' must be a date YYYY-MM-DD, not '%s'", r->date);
	if (get_list(&r->reviewers, doc, root, "reviewers", "[alice@example.org]", 0) < 0 ||
	    parse_decision(r, doc, root) < 0 ||
	    parse_reviewed_commit(r, doc, root, flags) < 0 ||
	    get_list(&r->paths, doc, root, "paths", "[\"src/session/**\"]", 1) < 0 ||
	    parse_criteria(r, doc, root, p) < 0)
		return -1;
	return 0;
}

int sg_review_parse(struct sg_review **out, const char *name,
		    const char *data, size_t len, const char *expected_id,
		    const struct sg_policy_design_review *policy, unsigned flags)
{
	struct sg_ydoc *doc = NULL;
	struct sg_review *r = NULL;
	int error = -1;

	*out = NULL;
	if (len > SG_REVIEW_MAX_SIZE) {
		sg_error_set("%s: the review record is %zu bytes, more than the %d allowed",
			     name, len, SG_REVIEW_MAX_SIZE);
		sg_error_hint("a review record is a short YAML document");
		return -1;
	}
	if (sg_yaml_parse(&doc, name, data, len) < 0)
		goto done;
	r = sg_xcalloc(1, sizeof(*r));
	r->source = sg_xstrdup(name);
	if (parse_record(r, doc, expected_id, policy, flags) < 0)
		goto done;
	*out = r;
	r = NULL;
	error = 0;
done:
	sg_review_free(r);
	sg_ydoc_free(doc);
	return error;
}

void sg_review_free(struct sg_review *r)
{
	size_t i;

	if (!r)
		return;
	free(r->id);
	free(r->date);
	sg_strlist_release(&r->reviewers);
	free(r->reviewed_commit);
	free(r->reviewed_where);
	sg_strlist_release(&r->paths);
	for (i = 0; i < r->answers_nr; i++) {
		free(r->answers[i].criterion);
		free(r->answers[i].note);
	}
	free(r->answers);
	free(r->source);
	free(r);
}

const struct sg_review_answer *sg_review_answer(const struct sg_review *r,
						const char *criterion)
{
	size_t i;

	for (i = 0; i < r->answers_nr; i++)
		if (!strcmp(r->answers[i].criterion, criterion))
			return &r->answers[i];
	return NULL;
}
