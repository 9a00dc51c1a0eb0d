#include "rules/finding.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *sg_severity_name(enum sg_severity sev)
{
	switch (sev) {
	case SG_SEV_ERROR:
		return "error";
	case SG_SEV_WARNING:
		return "warning";
	default:
		return "off";
	}
}

int sg_severity_parse(enum sg_severity *out, const char *name)
{
	if (!strcmp(name, "error"))
		*out = SG_SEV_ERROR;
	else if (!strcmp(name, "warning"))
		*out = SG_SEV_WARNING;
	else if (!strcmp(name, "off"))
		*out = SG_SEV_OFF;
	else
		return -1;
	return 0;
}

struct sg_finding *sg_findings_add(struct sg_findings *list, const char *rule,
				   const char *commit, const char *fmt, ...)
{
	struct sg_buf msg = SG_BUF_INIT;
	struct sg_finding *f;
	va_list ap;

	va_start(ap, fmt);
	sg_buf_vaddf(&msg, fmt, ap);
	va_end(ap);

	SG_ALLOC_GROW(list->items, list->nr + 1, list->alloc);
	f = &list->items[list->nr++];
	memset(f, 0, sizeof(*f));
	f->rule = rule;
	f->severity = SG_SEV_ERROR;
	f->commit = commit ? sg_xstrdup(commit) : NULL;
	f->message = sg_buf_detach(&msg);
	return f;
}

void sg_finding_set_hint(struct sg_finding *f, const char *fmt, ...)
{
	struct sg_buf hint = SG_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sg_buf_vaddf(&hint, fmt, ap);
	va_end(ap);
	free(f->hint);
	f->hint = sg_buf_detach(&hint);
}

static int cmp_opt(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_finding(const void *pa, const void *pb)
{
	const struct sg_finding *a = pa, *b = pb;
	int c;

	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	c = cmp_opt(a->commit, b->commit);
	if (c)
		return c;
	c = strcmp(a->rule, b->rule);
	if (c)
		return c;
	c = cmp_opt(a->paths.nr ? a->paths.items[0] : NULL,
		    b->paths.nr ? b->paths.items[0] : NULL);
	if (c)
		return c;
	c = cmp_opt(a->component, b->component);
	if (c)
		return c;
	return strcmp(a->message, b->message);
}

void sg_findings_sort(struct sg_findings *list)
{
	if (list->nr > 1)
		qsort(list->items, list->nr, sizeof(*list->items), cmp_finding);
}

static void finding_release(struct sg_finding *f)
{
	free(f->commit);
	free(f->subject);
	sg_strlist_release(&f->paths);
	free(f->message);
	free(f->hint);
	sg_strlist_release(&f->clauses);
	free(f->waiver);
	free(f->component);
	sg_strlist_release(&f->missing);
}

void sg_findings_release(struct sg_findings *list)
{
	size_t i;

	for (i = 0; i < list->nr; i++)
		finding_release(&list->items[i]);
	free(list->items);
	list->items = NULL;
	list->nr = list->alloc = 0;
}
