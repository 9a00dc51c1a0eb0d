#include "model/trace.h"
#include "git/log.h"
#include "git/snapshot.h"
#include "model/requirements.h"
#include "policy/policy.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SG_REGISTRY_MAX_SIZE (8 * 1024 * 1024)

int sg_trace_load_registry(struct sg_registry **out, const struct sg_snapshot *snap,
			   const struct sg_policy *policy)
{
	const struct sg_strlist *files = &policy->requirements.registry;
	struct sg_buf data = SG_BUF_INIT, name = SG_BUF_INIT;
	struct sg_registry *reg;
	size_t i;
	int rc, error = 0;

	*out = NULL;
	if (!policy->requirements.present || !files->nr)
		return 0;
	reg = sg_xcalloc(1, sizeof(*reg));
	for (i = 0; i < files->nr && !error; i++) {
		sg_buf_reset(&data);
		rc = sg_snapshot_read(&data, snap, files->items[i], SG_REGISTRY_MAX_SIZE);
		if (rc < 0) {
			error = -1;
		} else if (rc == 0) {
			sg_buf_reset(&name);
			sg_buf_addf(&name, "%s:%s", sg_snapshot_name(snap), files->items[i]);
			error = sg_registry_parse(reg, name.ptr, files->items[i], data.ptr,
						  data.len, &policy->requirements.id_regex);
		}
	}
	if (!error)
		error = sg_registry_finish(reg);
	if (error)
		sg_registry_free(reg);
	else
		*out = reg;
	sg_buf_release(&data);
	sg_buf_release(&name);
	return error;
}

static int cmp_req(const void *key, const void *item)
{
	return strcmp(key, ((const struct sg_trace_req *)item)->id);
}

const struct sg_trace_req *sg_trace_find(const struct sg_trace *trace,
					 const char *id)
{
	if (!trace->nr)
		return NULL;
	return bsearch(id, trace->reqs, trace->nr, sizeof(*trace->reqs), cmp_req);
}

static struct sg_trace_req *find_mut(struct sg_trace *trace, const char *id)
{
	return (struct sg_trace_req *)sg_trace_find(trace, id);
}

static void add_requirements(struct sg_trace *t, const struct sg_registry *reg,
			     const struct sg_policy *policy)
{
	size_t i;

	t->reqs = sg_xcalloc(reg->nr ? reg->nr : 1, sizeof(*t->reqs));
	for (i = 0; i < reg->nr; i++) {
		const struct sg_requirement *r = &reg->items[i];
		struct sg_trace_req *q = &t->reqs[t->nr++];

		q->id = sg_xstrdup(r->id);
		q->title = r->title ? sg_xstrdup(r->title) : NULL;
		q->status = sg_xstrdup(r->status ? r->status : "");
		q->file = sg_xstrdup(r->file);
		q->line = r->line;
		q->accepted = sg_strlist_contains(&policy->requirements.accepted_status,
						  q->status);
		sg_risks_controlling(&q->risks, &t->risks, q->id);
	}
	/* the registry is sorted by strcmp of the id: the order bsearch needs */
}

/* Every file under release.test_evidence, each once, sorted. */
static int scan_tests(struct sg_trace *t, const struct sg_snapshot *snap,
		      const struct sg_policy *policy)
{
	struct sg_strlist files = SG_STRLIST_INIT, ids = SG_STRLIST_INIT;
	struct sg_buf data = SG_BUF_INIT;
	size_t i, j;
	int rc, error = 0;

	error = sg_snapshot_list_any(&files, snap, &policy->release.test_evidence);
	for (i = 0; i < files.nr && !error; i++) {
		sg_buf_reset(&data);
		rc = sg_snapshot_read(&data, snap, files.items[i], SG_TRACE_MAX_TEST_FILE);
		if (rc < 0) {
			/* too large: say so and go on; a real repository error stops */
			if (sg_error_kind() != SG_ERROR_INPUT) {
				error = -1;
				break;
			}
			sg_error_clear();
			sg_buf_reset(&data);
			sg_buf_addf(&data, "test-evidence file '%s' is larger than %d MiB and was not searched for requirement IDs",
				    files.items[i], SG_TRACE_MAX_TEST_FILE / (1024 * 1024));
			sg_strlist_add(&t->notes, data.ptr);
			continue;
		}
		if (rc > 0)
			continue;
		t->test_files++;
		sg_strlist_release(&ids);
		sg_policy_find_ids(&ids, policy, data.ptr);
		for (j = 0; j < ids.nr; j++) {
			struct sg_trace_req *q = find_mut(t, ids.items[j]);

			if (q)
				sg_strlist_add_unique(&q->tests, files.items[i]);
		}
	}
	sg_strlist_release(&files);
	sg_strlist_release(&ids);
	sg_buf_release(&data);
	return error;
}

/* The IDs a commit cites, read as the requirement rules read them. */
static void cited(struct sg_strlist *out, const struct sg_policy *p,
		  const struct sg_log_entry *e)
{
	struct sg_strlist values = SG_STRLIST_INIT;
	size_t i;

	sg_trailers_values(&values, &e->trailers, p->requirements.reference_trailer);
	for (i = 0; i < values.nr; i++)
		sg_policy_find_ids(out, p, values.items[i]);
	if (p->requirements.anywhere_in_message)
		sg_policy_find_ids(out, p, e->message);
	sg_strlist_release(&values);
}

static int walk_commits(struct sg_trace *t, struct sg_repo *repo,
			const char *head_oid, const struct sg_policy *policy)
{
	struct sg_log *log = NULL;
	struct sg_log_entry e;
	struct sg_strlist ids = SG_STRLIST_INIT, reviews = SG_STRLIST_INIT;
	const char *review_trailer = policy->design_review.trailer ?
		policy->design_review.trailer : "Design-Review";
	size_t i, j;
	int rc;

	memset(&e, 0, sizeof(e));
	if (sg_log_new(&log, repo, head_oid) < 0)
		return -1;
	while ((rc = sg_log_next(&e, log)) == 0) {
		t->commits_walked++;
		if (e.parents > 1 && !policy->merges_check)
			continue;
		sg_strlist_release(&ids);
		sg_strlist_release(&reviews);
		cited(&ids, policy, &e);
		if (!ids.nr)
			continue;
		sg_trailers_values(&reviews, &e.trailers, review_trailer);
		for (i = 0; i < ids.nr; i++) {
			struct sg_trace_req *q = find_mut(t, ids.items[i]);

			if (!q)
				continue;
			sg_strlist_add(&q->commits, e.oid);
			for (j = 0; j < reviews.nr; j++)
				sg_strlist_add_unique(&q->reviews, reviews.items[j]);
		}
	}
	sg_log_entry_release(&e);
	sg_log_free(log);
	sg_strlist_release(&ids);
	sg_strlist_release(&reviews);
	t->walked = rc > 0;
	return rc < 0 ? -1 : 0;
}

int sg_trace_build(struct sg_trace **out, struct sg_repo *repo,
		   const struct sg_snapshot *snap, const char *head_oid,
		   const struct sg_policy *policy, unsigned flags)
{
	struct sg_trace *t = sg_xcalloc(1, sizeof(*t));
	struct sg_registry *reg = NULL;
	int error = -1;

	*out = NULL;
	snprintf(t->head, sizeof(t->head), "%s", head_oid);
	t->has_registry = policy->requirements.present &&
		policy->requirements.registry.nr > 0;
	t->has_risks = policy->risk.present;
	if (t->has_risks && sg_risks_load(&t->risks, snap, &policy->risk.files) < 0)
		goto done;
	if (sg_trace_load_registry(&reg, snap, policy) < 0)
		goto done;
	if (reg) {
		t->registry_files = reg->files;
		add_requirements(t, reg, policy);
	}
	if (scan_tests(t, snap, policy) < 0)
		goto done;
	if ((flags & SG_TRACE_COMMITS) && t->nr &&
	    walk_commits(t, repo, head_oid, policy) < 0)
		goto done;
	*out = t;
	t = NULL;
	error = 0;
done:
	sg_registry_free(reg);
	sg_trace_free(t);
	return error;
}

/* "SR-2" before "SR-10": runs of digits compare as numbers. */
int sg_trace_natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			const char *sa, *sb;
			size_t la, lb;

			while (*a == '0' && isdigit((unsigned char)a[1]))
				a++;
			while (*b == '0' && isdigit((unsigned char)b[1]))
				b++;
			for (sa = a; isdigit((unsigned char)*a); a++)
				;
			for (sb = b; isdigit((unsigned char)*b); b++)
				;
			la = (size_t)(a - sa);
			lb = (size_t)(b - sb);
			if (la != lb)
				return la < lb ? -1 : 1;
			if (memcmp(sa, sb, la))
				return memcmp(sa, sb, la) < 0 ? -1 : 1;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : (*b ? -1 : 0);
}

static const struct sg_trace *order_trace;

static int cmp_order(const void *a, const void *b)
{
	const char *x = order_trace->reqs[*(const size_t *)a].id;
	const char *y = order_trace->reqs[*(const size_t *)b].id;
	int c = sg_trace_natural_cmp(x, y);

	return c ? c : strcmp(x, y);
}

size_t *sg_trace_display_order(const struct sg_trace *trace)
{
	size_t *order = sg_xcalloc(trace->nr ? trace->nr : 1, sizeof(*order));
	size_t i;

	for (i = 0; i < trace->nr; i++)
		order[i] = i;
	/* qsort has no payload argument; reporters are single-threaded */
	order_trace = trace;
	qsort(order, trace->nr, sizeof(*order), cmp_order);
	order_trace = NULL;
	return order;
}

size_t sg_trace_untested(const struct sg_trace *trace)
{
	size_t i, n = 0;

	for (i = 0; i < trace->nr; i++)
		if (trace->reqs[i].accepted && !trace->reqs[i].tests.nr)
			n++;
	return n;
}

void sg_trace_free(struct sg_trace *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nr; i++) {
		struct sg_trace_req *q = &t->reqs[i];

		free(q->id);
		free(q->title);
		free(q->status);
		free(q->file);
		sg_strlist_release(&q->risks);
		sg_strlist_release(&q->tests);
		sg_strlist_release(&q->commits);
		sg_strlist_release(&q->reviews);
	}
	free(t->reqs);
	sg_risks_release(&t->risks);
	sg_strlist_release(&t->notes);
	free(t);
}
