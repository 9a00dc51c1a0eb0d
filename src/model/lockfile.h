#ifndef SG_MODEL_LOCKFILE_H
#define SG_MODEL_LOCKFILE_H

#include <stddef.h>

struct sg_sbom;
struct sg_strlist;

/*
 * Package-manager lockfiles, reduced to the packages they pin, so that the
 * sbom-drift rule can tell whether an SBOM still matches them.
 */

enum sg_lockfile_kind {
	SG_LOCKFILE_UNKNOWN = 0,
	SG_LOCKFILE_NPM,     /* package-lock.json, npm-shrinkwrap.json */
	SG_LOCKFILE_CARGO,   /* Cargo.lock */
	SG_LOCKFILE_CONAN,   /* conan.lock (Conan 1 and 2) */
	SG_LOCKFILE_VCPKG,   /* vcpkg.json: a manifest whose pins stand in */
};

struct sg_lockfile_entry {
	char *name;     /* npm names keep their scope: "@babel/core" */
	char *version;  /* NULL when the file pins none (vcpkg without "version>=") */
	int dev;        /* npm dev, Conan build/python requires, vcpkg host tools */
};

/* Entries sorted by name, then version (NULL first), without duplicates. */
struct sg_lockfile {
	int kind;       /* enum sg_lockfile_kind */
	struct sg_lockfile_entry *items;
	size_t nr;
	size_t alloc;
};

#define SG_LOCKFILE_INIT { SG_LOCKFILE_UNKNOWN, NULL, 0, 0 }

/* The kind of lockfile `path` names, judged by its base name, or 0. */
int sg_lockfile_is_known(const char *path);

/*
 * Read the lockfile `path` (used for its base name and in messages) from
 * `len` bytes of `data` into `out` (SG_LOCKFILE_INIT). Entries of the
 * project itself are left out: npm's root "" and workspace links, Cargo
 * packages without a source, Conan 1's root node. Returns 0, or -1 with an
 * input error naming the file (and line or JSON location) and a hint.
 */
int sg_lockfile_read(struct sg_lockfile *out, const char *path,
		     const char *data, size_t len);
void sg_lockfile_release(struct sg_lockfile *lock);

/*
 * Compare a lockfile with an SBOM by package name. `added` gets
 * "name@version" for packages the lockfile has and the SBOM lacks,
 * `removed` those the SBOM still lists but the lockfile no longer has, and
 * `changed` "name@lockversion -> sbomversion" for the same name at another
 * version ("?" for no version). A CycloneDX group is an npm scope, so
 * group "@babel" and name "core" compare as "@babel/core" for npm.
 * Components whose purl names another ecosystem (pkg:pypi/... against a
 * Cargo.lock) are left out, and a lockfile entry without a version matches
 * any version. All three lists come out sorted. Returns 0.
 */
int sg_sbom_drift(struct sg_strlist *added, struct sg_strlist *removed,
		  struct sg_strlist *changed, const struct sg_lockfile *lock,
		  const struct sg_sbom *sbom);

#endif
