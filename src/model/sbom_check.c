#include "model/sbom.h"
#include "util/alloc.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * Checks over a whole document: value formats, identifiers (unique, every
 * reference resolves), NTIA minimum elements, and putting the issues of
 * all passes back into document order.
 */

/* Length of a template placeholder starting at s, or 0. */
static size_t placeholder_at(const char *s)
{
	const char *p;
	char close;

	if (s[0] == '@')
		close = '@', p = s + 1;
	else if (s[0] == '$' && s[1] == '{')
		close = '}', p = s + 2;
	else
		return 0;
	if (!isalpha((unsigned char)*p) && *p != '_')
		return 0;
	while (isalnum((unsigned char)*p) || *p == '_' ||
	       (close == '}' && (*p == '.' || *p == '-')))
		p++;
	return *p == close ? (size_t)(p - s + 1) : 0;
}

void sg_sbom__placeholder(struct sg_sbom_reader *r, const cJSON *obj,
			  const char *key, const char *value)
{
	size_t n;

	if (!value || !r->issues)
		return;
	for (; *value; value++) {
		n = placeholder_at(value);
		if (n) {
			sg_sbom__issue(r, obj, key, "the SBOM was generated from a template that was never filled in; fix the build step that expands it",
				       "unexpanded placeholder '%.*s'", (int)n, value);
			return;
		}
	}
}

static int digits(const char *s, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int sg_sbom__is_datetime(const char *s, int zulu)
{
	size_t n = strlen(s);
	const char *p;

	if (n < 20 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2) || (s[10] != 'T' && s[10] != 't') ||
	    !digits(s + 11, 2) || s[13] != ':' || !digits(s + 14, 2) ||
	    s[16] != ':' || !digits(s + 17, 2))
		return 0;
	if (atoi(s + 5) < 1 || atoi(s + 5) > 12 || atoi(s + 8) < 1 ||
	    atoi(s + 8) > 31 || atoi(s + 11) > 23 || atoi(s + 14) > 59 ||
	    atoi(s + 17) > 60)
		return 0;
	p = s + 19;
	if (zulu)
		return !strcmp(p, "Z");
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++)
			;
		if (p == s + 20)
			return 0;
	}
	if ((*p == 'Z' || *p == 'z') && !p[1])
		return 1;
	return (*p == '+' || *p == '-') && strlen(p) == 6 && digits(p + 1, 2) &&
	       p[3] == ':' && digits(p + 4, 2);
}

int sg_sbom__is_hex(const char *s, size_t len)
{
	size_t i;

	if (strlen(s) != len)
		return 0;
	for (i = 0; i < len; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* ---- identifiers ---- */

static const char *id_word(int format)
{
	return format == SG_SBOM_CYCLONEDX ? "bom-ref" :
	       format == SG_SBOM_SPDX2 ? "SPDXID" : "spdxId";
}

static int cmp_id(const void *a, const void *b)
{
	const struct sg_sbom__id *x = *(const struct sg_sbom__id *const *)a;
	const struct sg_sbom__id *y = *(const struct sg_sbom__id *const *)b;
	int c = strcmp(x->id, y->id);

	/* equal ids stay in the order they were declared */
	return c ? c : (uintptr_t)x < (uintptr_t)y ? -1 : (uintptr_t)x > (uintptr_t)y;
}

static const struct sg_sbom__id *find_id(struct sg_sbom__id **sorted,
					 size_t nr, const char *id)
{
	size_t lo = 0, hi = nr, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(sorted[mid]->id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nr && !strcmp(sorted[lo]->id, id) ? sorted[lo] : NULL;
}

/*
 * References that need no local declaration: CycloneDX BOM-links where
 * allowed, SPDX 2 NONE and NOASSERTION, SPDX 3 individuals (NoneElement,
 * NoAssertionElement...), and "prefix:local" where the prefix is declared
 * (an SPDX 2 DocumentRef-, an SPDX 3 namespaceMap prefix).
 */
static int resolves_elsewhere(struct sg_sbom_reader *r,
			      struct sg_sbom__id **sorted,
			      const struct sg_sbom__use *u)
{
	int format = r->sbom->format, found;
	const char *colon = strchr(u->id, ':');
	char *prefix;

	if (format == SG_SBOM_CYCLONEDX)
		return (u->flags & SG_SBOM__USE_BOMLINK) &&
		       !strncmp(u->id, "urn:cdx:", 8);
	if (format == SG_SBOM_SPDX2 &&
	    (!strcmp(u->id, "NONE") || !strcmp(u->id, "NOASSERTION")))
		return 1;
	if (format == SG_SBOM_SPDX3 && !strncmp(u->id, "https://spdx.org/rdf/3.", 23))
		return 1;
	if (!colon || (format == SG_SBOM_SPDX2 && strncmp(u->id, "DocumentRef-", 12)))
		return 0;
	prefix = sg_xstrndup(u->id, (size_t)(colon - u->id));
	found = find_id(sorted, r->ids_nr, prefix) != NULL;
	free(prefix);
	return found;
}

/* An issue at a location recorded earlier (the reader is done walking). */
__attribute__((format(printf, 5, 6)))
static void issue_at(struct sg_sbom_reader *r, const char *path,
		     const cJSON *node, const char *hint, const char *fmt, ...)
{
	struct sg_buf msg = SG_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sg_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	sg_buf_reset(&r->path);
	sg_buf_adds(&r->path, path);
	sg_sbom__issue(r, node, NULL, hint, "%s", msg.ptr);
	sg_buf_reset(&r->path);
	sg_buf_release(&msg);
}

/*
 * JSON-LD merges nodes with the same @id, so an SPDX 3 element written
 * twice, identically, is one element (an official example does this).
 */
static int same_element(struct sg_sbom_reader *r, const struct sg_sbom__id *a,
			const struct sg_sbom__id *b)
{
	return r->sbom->format == SG_SBOM_SPDX3 &&
	       cJSON_Compare(a->owner, b->owner, 1);
}

static void check_ids(struct sg_sbom_reader *r)
{
	struct sg_sbom__id **sorted = sg_xcalloc(r->ids_nr + 1, sizeof(*sorted));
	const struct sg_sbom__id *d;
	const char *word = id_word(r->sbom->format);
	size_t i;

	for (i = 0; i < r->ids_nr; i++)
		sorted[i] = &r->ids[i];
	qsort(sorted, r->ids_nr, sizeof(*sorted), cmp_id);
	for (i = 1; i < r->ids_nr; i++)
		if (!strcmp(sorted[i - 1]->id, sorted[i]->id) &&
		    !same_element(r, sorted[i - 1], sorted[i]))
			issue_at(r, sorted[i]->path, sorted[i]->node,
				 "identifiers are unique in a document; rename one of them",
				 "duplicate identifier '%s', already declared at %s",
				 sorted[i]->id, sorted[i - 1]->path);
	for (i = 0; i < r->uses_nr; i++) {
		const struct sg_sbom__use *u = &r->uses[i];

		d = find_id(sorted, r->ids_nr, u->id);
		if (!d && !resolves_elsewhere(r, sorted, u))
			issue_at(r, u->path, u->node,
				 "refer only to identifiers declared in this document (or list the external document)",
				 "'%s' does not resolve to any %s in the document",
				 u->id, word);
		else if (d && !d->target && !(u->flags & SG_SBOM__USE_ANY))
			issue_at(r, u->path, u->node,
				 "refer to a component, service, package or element here",
				 "'%s' is declared at %s, which is not %s", u->id, d->path,
				 r->sbom->format == SG_SBOM_CYCLONEDX ?
				 "a component or service" : "an element");
	}
	free(sorted);
}

/* ---- NTIA minimum elements ---- */

static int stated(const char *s)
{
	return s && *s && strcmp(s, "NOASSERTION");
}

static void ntia_issue(struct sg_sbom_reader *r, const cJSON *node,
		       const char *path, const char *component,
		       const struct sg_strlist *missing, const char *hint)
{
	struct sg_buf msg = SG_BUF_INIT;
	struct sg_sbom_issue *issue;
	size_t i;

	if (component)
		sg_buf_addf(&msg, "component '%s' lacks NTIA minimum elements: ",
			    component);
	else
		sg_buf_adds(&msg, "the document lacks the NTIA minimum element: ");
	for (i = 0; i < missing->nr; i++)
		sg_buf_addf(&msg, "%s%s", i ? ", " : "", missing->items[i]);
	issue_at(r, path ? path : "", node, hint, "%s", msg.ptr);
	issue = &r->issues->items[r->issues->nr - 1];
	if (!path)
		SG_FREE_AND_NULL(issue->path);
	issue->component = component ? sg_xstrdup(component) : NULL;
	sg_sbom__printable(issue->component);
	sg_strlist_copy(&issue->missing, missing);
	sg_buf_release(&msg);
}

static void document_gap(struct sg_sbom_reader *r, const char *word,
			 const char *hint)
{
	struct sg_strlist missing = SG_STRLIST_INIT;

	sg_strlist_add(&missing, word);
	ntia_issue(r, NULL, NULL, NULL, &missing, hint);
	sg_strlist_release(&missing);
}

static void check_ntia(struct sg_sbom_reader *r)
{
	const struct sg_sbom *s = r->sbom;
	struct sg_strlist missing = SG_STRLIST_INIT;
	struct sg_buf who = SG_BUF_INIT;
	size_t i;
	int dependencies;

	for (i = 0; i < s->components_nr; i++) {
		const struct sg_sbom_component *c = &s->components[i];

		if (!stated(c->name))
			sg_strlist_add(&missing, "name");
		if (!stated(c->version))
			sg_strlist_add(&missing, "version");
		if (!stated(c->purl) && !stated(c->cpe) && !stated(c->swid))
			sg_strlist_add(&missing, "identifier");
		if (!stated(c->supplier))
			sg_strlist_add(&missing, "supplier");
		if (!missing.nr)
			continue;
		sg_buf_reset(&who);
		sg_buf_addf(&who, "%s@%s", stated(c->name) ? c->name : "?",
			    stated(c->version) ? c->version : "?");
		ntia_issue(r, r->component_nodes[i], c->path, who.ptr, &missing,
			   s->format == SG_SBOM_CYCLONEDX ?
			   "NTIA asks for name, version, supplier (supplier.name) and a unique identifier (purl, cpe or swid) of every component" :
			   "NTIA asks for name, version (versionInfo), supplier and a unique identifier (a purl or CPE external reference) of every package");
		sg_strlist_release(&missing);
	}
	sg_buf_release(&who);
	if (!stated(s->author))
		document_gap(r, "author", s->format == SG_SBOM_CYCLONEDX ?
			     "name the SBOM's author in metadata.authors or the tool in metadata.tools" :
			     "name the SBOM's creators (Person:, Organization: or Tool:) in creationInfo");
	if (!stated(s->timestamp))
		document_gap(r, "timestamp", s->format == SG_SBOM_CYCLONEDX ?
			     "record when the SBOM was made in metadata.timestamp" :
			     "record when the SBOM was made in creationInfo.created");
	if (s->format == SG_SBOM_CYCLONEDX)
		dependencies = !s->components_nr || s->dependencies_nr;
	else
		dependencies = s->components_nr < 2 || s->dependency_edges;
	if (!dependencies)
		document_gap(r, "dependencies", s->format == SG_SBOM_CYCLONEDX ?
			     "list the dependency graph in dependencies[] (a component without dependencies gets an empty dependsOn)" :
			     "relate the packages with DEPENDS_ON, CONTAINS or *_DEPENDENCY_OF relationships");
}

/* ---- document order ---- */

struct anchor {
	const cJSON *node;
	size_t issue;
};

static int cmp_anchor(const void *a, const void *b)
{
	const struct anchor *x = a, *y = b;

	if (x->node != y->node)
		return (uintptr_t)x->node < (uintptr_t)y->node ? -1 : 1;
	return x->issue < y->issue ? -1 : x->issue > y->issue;
}

/* Number the nodes in pre-order and give each anchored issue its number. */
static void number(const cJSON *node, size_t *counter,
		   const struct anchor *a, size_t n, size_t *order)
{
	size_t lo = 0, hi = n, mid, here = (*counter)++;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((uintptr_t)a[mid].node < (uintptr_t)node)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && a[lo].node == node; lo++)
		order[a[lo].issue] = here;
	for (node = node->child; node; node = node->next)
		number(node, counter, a, n, order);
}

struct position {
	size_t order;
	size_t issue;
};

static int cmp_position(const void *a, const void *b)
{
	const struct position *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return x->issue < y->issue ? -1 : x->issue > y->issue;
}

/*
 * Issues come from several passes (the walk, identifiers, NTIA); sort them
 * by the pre-order position of their node, so they read top to bottom.
 */
static void order_issues(struct sg_sbom_reader *r, const cJSON *root,
			 struct sg_sbom_issues *out)
{
	size_t n = r->issues->nr, i, counter = 0;
	struct anchor *a = sg_xcalloc(n + 1, sizeof(*a));
	size_t *order = sg_xcalloc(n + 1, sizeof(*order));
	struct position *pos = sg_xcalloc(n + 1, sizeof(*pos));

	for (i = 0; i < n; i++) {
		a[i].node = r->anchors[i];
		a[i].issue = i;
		order[i] = SIZE_MAX;   /* document-level issues come last */
	}
	qsort(a, n, sizeof(*a), cmp_anchor);
	number(root, &counter, a, n, order);
	for (i = 0; i < n; i++) {
		pos[i].order = order[i];
		pos[i].issue = i;
	}
	qsort(pos, n, sizeof(*pos), cmp_position);
	SG_ALLOC_GROW(out->items, out->nr + n, out->alloc);
	for (i = 0; i < n; i++)
		out->items[out->nr++] = r->issues->items[pos[i].issue];
	r->issues->nr = 0;
	free(a);
	free(order);
	free(pos);
}

int sg_sbom_check_read(struct sg_sbom_issues *out, struct sg_sbom **sbom,
		       const char *name, const char *data, size_t len,
		       unsigned flags)
{
	struct sg_sbom_issues found = SG_SBOM_ISSUES_INIT;
	struct sg_sbom_reader r;
	cJSON *root = NULL;
	int error;

	if (sbom)
		*sbom = NULL;
	error = sg_sbom__open(&r, &root, name, data, len);
	if (error < 0)
		return error;
	r.issues = &found;
	error = sg_sbom__read(&r, root);
	if (!error) {
		check_ids(&r);
		if (flags & SG_SBOM_CHECK_NTIA)
			check_ntia(&r);
		order_issues(&r, root, out);
		if (sbom) {
			*sbom = r.sbom;
			r.sbom = NULL;
		}
	}
	sg_sbom_issues_release(&found);
	cJSON_Delete(root);
	sg_sbom__reader_release(&r);
	return error;
}

int sg_sbom_check(struct sg_sbom_issues *out, const char *name,
		  const char *data, size_t len, unsigned flags)
{
	return sg_sbom_check_read(out, NULL, name, data, len, flags);
}

void sg_sbom_issues_release(struct sg_sbom_issues *issues)
{
	size_t i;

	for (i = 0; i < issues->nr; i++) {
		free(issues->items[i].message);
		free(issues->items[i].hint);
		free(issues->items[i].path);
		free(issues->items[i].component);
		sg_strlist_release(&issues->items[i].missing);
	}
	free(issues->items);
	issues->items = NULL;
	issues->nr = issues->alloc = 0;
}
