#include "model/lockfile.h"
#include "model/sbom.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/str.h"

#include <stdlib.h>
#include <string.h>

/*
 * Does an SBOM still describe what a lockfile pins? Both sides become
 * sorted (name, version) lists and are merged name by name.
 */

struct pkg {
	char *name;
	const char *version;   /* borrowed; NULL: not stated */
};

static int cmp_version(const char *a, const char *b)
{
	if (!a || !b)
		return !a && !b ? 0 : !a ? -1 : 1;
	return strcmp(a, b);
}

static int cmp_pkg(const void *a, const void *b)
{
	const struct pkg *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c ? c : cmp_version(x->version, y->version);
}

/* purl types of other ecosystems: such components are not the lockfile's */
static const char *const ecosystems[] = {
	"alpm", "apk", "cargo", "cocoapods", "composer", "conan", "conda",
	"cran", "deb", "docker", "gem", "golang", "hackage", "hex", "maven",
	"npm", "nuget", "oci", "pub", "pypi", "rpm", "swift", "vcpkg", NULL,
};

static int other_ecosystem(int kind, const char *purl)
{
	static const char *const own[] = {
		[SG_LOCKFILE_NPM] = "npm", [SG_LOCKFILE_CARGO] = "cargo",
		[SG_LOCKFILE_CONAN] = "conan", [SG_LOCKFILE_VCPKG] = "vcpkg",
	};
	char type[32];
	size_t n, i;

	if (!purl || strncmp(purl, "pkg:", 4))
		return 0;
	n = strcspn(purl + 4, "/");
	if (n >= sizeof(type))
		return 0;
	memcpy(type, purl + 4, n);
	type[n] = '\0';
	for (i = 0; type[i]; i++)
		if (type[i] >= 'A' && type[i] <= 'Z')
			type[i] = (char)(type[i] - 'A' + 'a');
	if (kind > 0 && kind < (int)SG_ARRAY_SIZE(own) && !strcmp(type, own[kind]))
		return 0;
	for (i = 0; ecosystems[i]; i++)
		if (!strcmp(type, ecosystems[i]))
			return 1;
	return 0;
}

/* The name npm knows a component by: CycloneDX keeps the scope in group. */
static char *npm_name(const struct sg_sbom_component *c)
{
	struct sg_buf name = SG_BUF_INIT;

	if (!c->group || !*c->group || c->name[0] == '@')
		return sg_xstrdup(c->name);
	sg_buf_addf(&name, "%s%s/%s", c->group[0] == '@' ? "" : "@", c->group,
		    c->name);
	return sg_buf_detach(&name);
}

static void add_entry(struct sg_strlist *list, const char *name,
		      const char *version)
{
	struct sg_buf s = SG_BUF_INIT;

	sg_buf_addf(&s, "%s@%s", name, version ? version : "?");
	sg_strlist_add_owned(list, sg_buf_detach(&s));
}

/*
 * One name: versions the lockfile has (l) against those the SBOM has (s).
 * Equal versions match; a lockfile entry without a version matches any
 * one; what is left pairs up as changed, the rest is added or removed.
 */
static void diff_name(const char *name, const struct pkg *l, size_t nl,
		      const struct pkg *s, size_t ns, struct sg_strlist *added,
		      struct sg_strlist *removed, struct sg_strlist *changed)
{
	const char **a = sg_xcalloc(nl + 1, sizeof(*a));
	const char **b = sg_xcalloc(ns + 1, sizeof(*b));
	size_t i = 0, j = 0, na = 0, nb = 0, wild = 0, k;
	struct sg_buf line = SG_BUF_INIT;

	while (i < nl || j < ns) {
		int c = i == nl ? 1 : j == ns ? -1 : cmp_version(l[i].version, s[j].version);

		if (c < 0 && !l[i].version)
			wild++, i++;
		else if (c < 0)
			a[na++] = l[i++].version;
		else if (c > 0)
			b[nb++] = s[j++].version;
		else
			i++, j++;
		/* the SBOM may list a package twice: one match is enough */
		while (j > 0 && j < ns && !cmp_version(s[j].version, s[j - 1].version) &&
		       (i == nl || cmp_version(l[i].version, s[j].version)))
			j++;
	}
	for (k = 0; k < wild && nb; k++)
		nb--;
	if (wild && !ns)
		add_entry(added, name, NULL);
	for (k = 0; k < na && k < nb; k++) {
		sg_buf_reset(&line);
		sg_buf_addf(&line, "%s@%s -> %s", name, a[k], b[k] ? b[k] : "?");
		sg_strlist_add(changed, line.ptr);
	}
	for (; k < na; k++)
		add_entry(added, name, a[k]);
	for (k = na < nb ? na : nb; k < nb; k++)
		add_entry(removed, name, b[k]);
	sg_buf_release(&line);
	free(a);
	free(b);
}

int sg_sbom_drift(struct sg_strlist *added, struct sg_strlist *removed,
		  struct sg_strlist *changed, const struct sg_lockfile *lock,
		  const struct sg_sbom *sbom)
{
	struct pkg *l = sg_xcalloc(lock->nr + 1, sizeof(*l));
	struct pkg *s = sg_xcalloc(sbom->components_nr + 1, sizeof(*s));
	size_t nl = 0, ns = 0, i = 0, j = 0, ie, je;

	for (i = 0; i < lock->nr; i++) {
		l[nl].name = sg_xstrdup(lock->items[i].name);
		l[nl++].version = lock->items[i].version;
	}
	for (i = 0; i < sbom->components_nr; i++) {
		const struct sg_sbom_component *c = &sbom->components[i];

		if (!c->name || !*c->name || other_ecosystem(lock->kind, c->purl))
			continue;
		s[ns].name = lock->kind == SG_LOCKFILE_NPM ? npm_name(c) :
			     sg_xstrdup(c->name);
		s[ns++].version = c->version && *c->version ? c->version : NULL;
	}
	qsort(l, nl, sizeof(*l), cmp_pkg);
	qsort(s, ns, sizeof(*s), cmp_pkg);
	for (i = 0, j = 0; i < nl || j < ns; i = ie, j = je) {
		int c = i == nl ? 1 : j == ns ? -1 : strcmp(l[i].name, s[j].name);
		const char *name = c <= 0 ? l[i].name : s[j].name;

		for (ie = i; c <= 0 && ie < nl && !strcmp(l[ie].name, name); ie++)
			;
		for (je = j; c >= 0 && je < ns && !strcmp(s[je].name, name); je++)
			;
		diff_name(name, l + i, ie - i, s + j, je - j, added, removed,
			  changed);
	}
	for (i = 0; i < nl; i++)
		free(l[i].name);
	for (i = 0; i < ns; i++)
		free(s[i].name);
	free(l);
	free(s);
	sg_strlist_sort(added);
	sg_strlist_sort(removed);
	sg_strlist_sort(changed);
	return 0;
}
