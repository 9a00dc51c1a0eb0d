#include "git/change.h"
#include "git/snapshot.h"
#include "model/lockfile.h"
#include "model/sbom.h"
#include "policy/policy.h"
#include "rules/gate.h"
#include "rules/rule.h"
#include "rules/sbom_rules.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>

/*
 * sbom-drift: a lockfile a change touches must still be described by the
 * SBOM (the union of sbom.files) of the same commit. With scope.co_change:
 * commit each change is compared at its own tree; with change-set (the
 * default) the SBOM may be regenerated anywhere in the change set, so each
 * touched lockfile is compared at the change set's head, and at pre-commit
 * the finding is a reminder.
 */

#define MAX_LISTED 20

/* The SBOM files at one snapshot, parsed once per set of blobs. */
struct sbom_union {
	char *key;                    /* "path=blob;" for each file */
	struct sg_strlist paths;      /* the files that exist */
	struct sg_sbom **docs;        /* parsed, NULL where unreadable */
	struct sg_strlist errors;     /* why a file could not be read */
	struct sg_sbom all;           /* borrowed components of every doc */
};

struct drift_state {
	struct sg_sbom_touches locks; /* change-set scope: lockfiles touched */
	struct sbom_union u;
};

static const char *sbom_off(const struct sg_gate *gate)
{
	return gate->policy->sbom.present ? NULL : "the policy has no 'sbom' section";
}

static void union_clear(struct sbom_union *u)
{
	size_t i;

	for (i = 0; i < u->paths.nr; i++)
		sg_sbom_free(u->docs[i]);
	free(u->docs);
	free(u->key);
	free(u->all.components);
	sg_strlist_release(&u->paths);
	sg_strlist_release(&u->errors);
	memset(u, 0, sizeof(*u));
}

/* Parse the SBOM files of `snap` unless the cached ones are the same blobs. */
static int union_load(struct sbom_union *u, const struct sg_gate *gate,
		      const struct sg_snapshot *snap)
{
	struct sg_strlist files = SG_STRLIST_INIT;
	struct sg_buf key = SG_BUF_INIT, data = SG_BUF_INIT, msg = SG_BUF_INIT;
	struct sg_sbom *doc;
	char oid[41];
	size_t i, j;
	int rc, error = -1;

	if (sg_sbom_rule_files(&files, snap, &gate->policy->sbom.files) < 0)
		goto done;
	for (i = 0; i < files.nr; i++) {
		rc = sg_snapshot_blob_id(oid, snap, files.items[i]);
		if (rc < 0)
			goto done;
		if (!rc)
			sg_buf_addf(&key, "%s=%s;", files.items[i], oid);
	}
	if (u->key && !strcmp(u->key, key.ptr)) {
		error = 0;
		goto done;
	}
	union_clear(u);
	u->key = sg_buf_detach(&key);
	u->docs = sg_xcalloc(files.nr + 1, sizeof(*u->docs));
	for (i = 0; i < files.nr; i++) {
		sg_buf_reset(&data);
		rc = sg_snapshot_read(&data, snap, files.items[i], SG_SBOM_MAX_SIZE);
		if (rc > 0)
			continue;
		if (rc < 0 && sg_error_kind() == SG_ERROR_REPO)
			goto done;
		doc = NULL;
		if (rc < 0 || sg_sbom_parse(&doc, files.items[i], data.ptr, data.len) < 0) {
			sg_buf_reset(&msg);
			sg_buf_adds(&msg, sg_error_message());
			sg_strlist_add(&u->errors, msg.ptr);
			sg_error_clear();
		}
		u->docs[u->paths.nr] = doc;
		sg_strlist_add(&u->paths, files.items[i]);
		if (!doc)
			continue;
		SG_ALLOC_GROW(u->all.components, u->all.components_nr + doc->components_nr + 1,
			      u->all.components_alloc);
		for (j = 0; j < doc->components_nr; j++)
			u->all.components[u->all.components_nr++] = doc->components[j];
	}
	error = 0;
done:
	sg_strlist_release(&files);
	sg_buf_release(&key);
	sg_buf_release(&data);
	sg_buf_release(&msg);
	return error;
}

static size_t union_readable(const struct sbom_union *u)
{
	size_t i, n = 0;

	for (i = 0; i < u->paths.nr; i++)
		n += u->docs[i] != NULL;
	return n;
}

/*
 * Which lockfile entries the SBOM is expected to list. cyclonedx-npm
 * includes npm dev dependencies unless run with --omit dev (or
 * NODE_ENV=production), so by default they count. An SBOM made without
 * them lists none of the packages only dev dependencies bring in; then
 * dev entries are left out, so such an SBOM does not drift for ever.
 * Returns 1 when dev entries are left out.
 */
static int without_dev(struct sg_lockfile *out, const struct sg_lockfile *lock,
		       const struct sg_sbom *sbom)
{
	struct sg_lockfile dev_only = SG_LOCKFILE_INIT;
	struct sg_strlist a = SG_STRLIST_INIT, r = SG_STRLIST_INIT, c = SG_STRLIST_INIT;
	size_t i, j, end;
	int omit = 0;

	*out = (struct sg_lockfile)SG_LOCKFILE_INIT;
	out->kind = dev_only.kind = lock->kind;
	/* entries are sorted by name: a name is dev-only when every entry is dev */
	for (i = 0; i < lock->nr; i = end) {
		int all_dev = 1;

		for (end = i; end < lock->nr && !strcmp(lock->items[end].name, lock->items[i].name); end++)
			all_dev &= lock->items[end].dev != 0;
		if (!all_dev)
			continue;
		SG_ALLOC_GROW(dev_only.items, dev_only.nr + 1, dev_only.alloc);
		dev_only.items[dev_only.nr].name = lock->items[i].name;
		dev_only.items[dev_only.nr].version = NULL;   /* any version */
		dev_only.items[dev_only.nr++].dev = 1;
	}
	if (dev_only.nr) {
		sg_sbom_drift(&a, &r, &c, &dev_only, sbom);
		omit = a.nr == dev_only.nr;
	}
	out->items = sg_xcalloc(lock->nr + 1, sizeof(*out->items));
	for (j = 0; j < lock->nr; j++)
		if (!omit || !lock->items[j].dev)
			out->items[out->nr++] = lock->items[j];
	out->alloc = lock->nr + 1;
	free(dev_only.items);
	sg_strlist_release(&a);
	sg_strlist_release(&r);
	sg_strlist_release(&c);
	return omit;
}

/* 1 when `lock` (sorted by name, then version) pins "name@version". */
static int pins(const struct sg_lockfile *lock, const char *item)
{
	const char *at = strrchr(item, '@');
	size_t lo = 0, hi = lock->nr, n;

	if (!at || at == item)
		return 0;
	n = (size_t)(at - item);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct sg_lockfile_entry *e = &lock->items[mid];
		int c = strncmp(e->name, item, n);

		if (!c && e->name[n])
			c = 1;
		/* "?" stands for no version, which sorts first */
		if (!c && !strcmp(at + 1, "?"))
			c = e->version != NULL;
		else if (!c)
			c = e->version ? strcmp(e->version, at + 1) : -1;
		if (!c)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * An SBOM of several projects lists packages of every lockfile: keep as
 * "removed" only what no other lockfile of the same name at `snap` pins.
 */
static int pinned_elsewhere(struct sg_strlist *removed, const struct sg_snapshot *snap,
			    const char *lockpath)
{
	const char *base = strrchr(lockpath, '/');
	struct sg_strlist others = SG_STRLIST_INIT, keep = SG_STRLIST_INIT;
	struct sg_buf data = SG_BUF_INIT;
	size_t i, j;
	int rc, error = 0;

	base = base ? base + 1 : lockpath;
	if (!removed->nr)
		return 0;
	if (sg_snapshot_list(&others, snap, base) < 0) {
		error = -1;
		goto done;
	}
	for (i = 0; i < others.nr && removed->nr; i++) {
		struct sg_lockfile other = SG_LOCKFILE_INIT;

		if (!strcmp(others.items[i], lockpath))
			continue;
		sg_buf_reset(&data);
		rc = sg_snapshot_read(&data, snap, others.items[i], SG_SBOM_MAX_SIZE);
		if (rc < 0 && sg_error_kind() == SG_ERROR_REPO) {
			error = -1;
			break;
		}
		if (rc || sg_lockfile_read(&other, others.items[i], data.ptr, data.len) < 0) {
			sg_error_clear();   /* its own change reports it */
			continue;
		}
		for (j = 0; j < removed->nr; j++)
			if (!pins(&other, removed->items[j]))
				sg_strlist_add(&keep, removed->items[j]);
		sg_strlist_release(removed);
		*removed = keep;
		memset(&keep, 0, sizeof(keep));
		sg_lockfile_release(&other);
	}
done:
	sg_strlist_release(&others);
	sg_strlist_release(&keep);
	sg_buf_release(&data);
	return error;
}

/* "added a@1, b@2; ..." listing at most MAX_LISTED entries in all. */
static void list_part(struct sg_buf *msg, size_t *listed, const char *label,
		      const struct sg_strlist *items)
{
	size_t i;

	if (!items->nr || *listed >= MAX_LISTED)
		return;
	sg_buf_addf(msg, "%s%s", msg->len ? "; " : "", label);
	for (i = 0; i < items->nr && *listed < MAX_LISTED; i++, (*listed)++)
		sg_buf_addf(msg, "%s%s", i ? ", " : " ", items->items[i]);
}

static const char *generator_hint(int kind)
{
	switch (kind) {
	case SG_LOCKFILE_NPM:
		return "npx @cyclonedx/cyclonedx-npm --output-file";
	case SG_LOCKFILE_CARGO:
		return "cargo cyclonedx, then copy the result to";
	default:
		return "your SBOM generator, writing";
	}
}

static void drift_finding(struct sg_gate *gate, const struct sg_sbom_touch *touch,
			  const char *lockpath, int kind, const struct sbom_union *u,
			  struct sg_strlist *lists, int reminder, int omitted_dev)
{
	struct sg_buf list = SG_BUF_INIT;
	size_t listed = 0, total = lists[0].nr + lists[1].nr + lists[2].nr, i;
	struct sg_finding *f;

	list_part(&list, &listed, "not in the SBOM:", &lists[0]);
	list_part(&list, &listed, "at another version in the SBOM (lockfile -> SBOM):", &lists[2]);
	list_part(&list, &listed, "in the SBOM but no longer locked:", &lists[1]);
	if (total > listed)
		sg_buf_addf(&list, "; and %zu more", total - listed);
	f = sg_sbom_rule_add(gate, "sbom-drift", touch,
			     "%sthe SBOM does not reflect %s: %zu package(s) added, %zu changed, %zu removed%s: %s",
			     reminder ? "reminder: " : "", lockpath, lists[0].nr,
			     lists[2].nr, lists[1].nr,
			     omitted_dev ? " (dev dependencies left out: the SBOM lists none)" : "",
			     list.ptr);
	if (reminder)
		f->severity = SG_SEV_WARNING;
	sg_strlist_add(&f->paths, lockpath);
	for (i = 0; i < u->paths.nr; i++)
		sg_strlist_add(&f->paths, u->paths.items[i]);
	sg_finding_set_hint(f, "regenerate the SBOM from the lockfile (%s %s) and commit it with the lockfile change%s",
			    generator_hint(kind), u->paths.items[0],
			    reminder ? " before the push" : "");
	sg_buf_release(&list);
}

/* Compare one lockfile at `snap` with the SBOM there. */
static int compare(struct sg_gate *gate, struct drift_state *st,
		   const struct sg_snapshot *snap, const char *lockpath,
		   const struct sg_sbom_touch *touch, int reminder)
{
	struct sg_lockfile lock = SG_LOCKFILE_INIT, used = SG_LOCKFILE_INIT;
	struct sg_strlist lists[3] = { SG_STRLIST_INIT, SG_STRLIST_INIT, SG_STRLIST_INIT };
	struct sg_buf data = SG_BUF_INIT;
	struct sg_finding *f;
	int rc, omitted, error = 0;

	rc = sg_snapshot_read(&data, snap, lockpath, SG_SBOM_MAX_SIZE);
	if (rc > 0)
		goto done;   /* deleted: nothing left for the SBOM to describe */
	if (rc < 0 && sg_error_kind() == SG_ERROR_REPO) {
		error = -1;
		goto done;
	}
	if (rc < 0 || sg_lockfile_read(&lock, lockpath, data.ptr, data.len) < 0) {
		const char *hint = sg_error_hint_text();

		f = sg_sbom_rule_add(gate, "sbom-drift", touch,
				     "cannot compare %s with the SBOM: %s", lockpath,
				     sg_error_message());
		sg_strlist_add(&f->paths, lockpath);
		sg_finding_set_hint(f, "%s", hint ? hint : "fix the lockfile with its package manager");
		sg_error_clear();
		goto done;
	}
	if (union_load(&st->u, gate, snap) < 0) {
		error = -1;
		goto done;
	}
	if (!union_readable(&st->u)) {
		f = sg_sbom_rule_add(gate, "sbom-drift", touch,
				     "%s pins %zu package(s) but %s: nothing to compare it with",
				     lockpath, lock.nr,
				     st->u.errors.nr ? "no SBOM file of sbom.files can be read (see sbom-valid)" :
				     "no SBOM file of sbom.files exists at this commit");
		sg_strlist_add(&f->paths, lockpath);
		sg_finding_set_hint(f, "generate the SBOM (%s %s) and commit it with the lockfile",
				    generator_hint(lock.kind),
				    gate->policy->sbom.files.nr ? gate->policy->sbom.files.items[0] : "sbom.json");
		goto done;
	}
	omitted = without_dev(&used, &lock, &st->u.all);
	sg_sbom_drift(&lists[0], &lists[1], &lists[2], &used, &st->u.all);
	if (pinned_elsewhere(&lists[1], snap, lockpath) < 0) {
		error = -1;
		goto done;
	}
	if (lists[0].nr || lists[1].nr || lists[2].nr)
		drift_finding(gate, touch, lockpath, lock.kind, &st->u, lists,
			      reminder, omitted);
done:
	free(used.items);   /* borrowed entries */
	sg_lockfile_release(&lock);
	sg_strlist_release(&lists[0]);
	sg_strlist_release(&lists[1]);
	sg_strlist_release(&lists[2]);
	sg_buf_release(&data);
	return error;
}

static int drift_begin(struct sg_gate *gate, void **state)
{
	(void)gate;
	*state = sg_xcalloc(1, sizeof(struct drift_state));
	return 0;
}

static int drift_change(struct sg_gate *gate, void *state, const struct sg_change *change)
{
	struct drift_state *st = state;
	size_t i;
	int error = 0;

	for (i = 0; i < change->paths.nr && !error; i++) {
		const char *path = change->paths.items[i];
		struct sg_sbom_touch touch;

		if (!sg_lockfile_is_known(path))
			continue;
		if (!gate->policy->co_change_commit) {
			sg_sbom_touches_add(&st->locks, path, change->oid,
					    change->subject, change->seq);
			continue;
		}
		touch.path = (char *)path;
		touch.oid = change->oid;
		touch.subject = change->subject ? change->subject : (char *)"";
		touch.seq = change->seq;
		error = compare(gate, st, change->snapshot, path, &touch, 0);
	}
	return error;
}

static int drift_finish(struct sg_gate *gate, void *state)
{
	struct drift_state *st = state;
	size_t i;
	int error = 0;

	for (i = 0; i < st->locks.nr && !error; i++)
		error = compare(gate, st, gate->head, st->locks.items[i].path,
				&st->locks.items[i], sg_gate_is_staged(gate));
	return error;
}

static void drift_free(void *state)
{
	struct drift_state *st = state;

	sg_sbom_touches_release(&st->locks);
	union_clear(&st->u);
	free(st);
}

const struct sg_rule sg_rule_sbom_drift = {
	.id = "sbom-drift",
	.title = "Lockfile dependencies match the components of the SBOM",
	.clauses = "8",
	.severity = SG_SEV_ERROR,
	.off_reason = sbom_off,
	.begin = drift_begin,
	.change = drift_change,
	.finish = drift_finish,
	.free = drift_free,
	.explain =
		"For every lockfile a change touches (npm package-lock.json v2/v3 and\n"
		"npm-shrinkwrap.json, Cargo.lock, conan.lock, vcpkg.json), the\n"
		"name@version set must match the components of the SBOM (the union of\n"
		"sbom.files) at the same commit: one finding per lockfile lists the\n"
		"packages added, changed or removed that the SBOM does not reflect.\n"
		"sbom-co-change only sees that an SBOM file changed; this rule sees\n"
		"whether it was regenerated.\n"
		"Scope: with scope.co_change: commit each change is compared at its\n"
		"own commit; with change-set the lockfiles touched anywhere are\n"
		"compared at the change set's head, and at pre-commit it is a reminder.\n"
		"npm dev dependencies count, as cyclonedx-npm includes them by default;\n"
		"an SBOM that lists none of the dev-only packages (--omit dev) is\n"
		"compared without them. Components of other ecosystems (by purl) are\n"
		"ignored; a package another lockfile of the same name pins is not\n"
		"'removed'. A deleted lockfile is not compared.\n"
		"Fix: regenerate the SBOM from the lockfile and commit both together.\n",
};
