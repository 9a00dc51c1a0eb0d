#include "helpers.h"
#include "model/sbom.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"
#include "util/str.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The format owners' own test data, read in place from $SG_SHARED_DATA:
 * every CycloneDX valid-* vector must check without a structural issue,
 * every invalid-* vector must give an issue (or be refused), and every
 * SPDX example must parse.
 */

/*
 * Official vectors that are themselves wrong, with the one issue each must
 * give. 1.5/valid-formulation declares bom-ref "workspace-1" twice (the
 * spec text wants bom-refs unique; the 1.6 copy of the vector renames the
 * second one "workspace-2").
 */
static const struct {
	const char *file;
	const char *issue;
} broken_upstream[] = {
	{ "1.5/valid-formulation-1.5.json", "duplicate identifier 'workspace-1'" },
};

static int known_broken(const char *version, const char *file,
			const struct sg_sbom_issues *issues)
{
	char name[256];
	size_t i;

	snprintf(name, sizeof(name), "%s/%s", version, file);
	for (i = 0; i < sizeof(broken_upstream) / sizeof(broken_upstream[0]); i++)
		if (!strcmp(name, broken_upstream[i].file))
			return issues->nr == 1 &&
			       strstr(issues->items[0].message, broken_upstream[i].issue);
	return 0;
}

static char *shared_path(const char *rel)
{
	struct sg_buf path = SG_BUF_INIT;

	sg_buf_addf(&path, "%s/%s", sg_test_shared_data(), rel);
	return sg_buf_detach(&path);
}

/* The entries of `dir` whose names pass `keep`, sorted. */
static void list_dir(struct sg_strlist *out, const char *dir,
		     int (*keep)(const char *name))
{
	struct dirent *de;
	DIR *d = opendir(dir);

	if (!d)
		fail_msg("cannot open %s", dir);
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && keep(de->d_name))
			sg_strlist_add(out, de->d_name);
	closedir(d);
	sg_strlist_sort(out);
}

static int is_json(const char *name)
{
	return sg_ends_with(name, ".json");
}

static int is_version_dir(const char *name)
{
	return name[0] >= '0' && name[0] <= '9';
}

/* Check one file; returns the result and fills `issues`. */
static int check_file(struct sg_sbom_issues *issues, const char *path)
{
	struct sg_buf data = SG_BUF_INIT;
	int rc;

	if (sg_fs_read(&data, path, SG_SBOM_MAX_SIZE) < 0)
		fail_msg("cannot read %s: %s", path, sg_error_message());
	rc = sg_sbom_check(issues, path, data.ptr, data.len, 0);
	sg_buf_release(&data);
	return rc;
}

static void test_sbom_vectors__cyclonedx(void **state)
{
	struct sg_strlist versions = SG_STRLIST_INIT, files = SG_STRLIST_INIT;
	char *top = shared_path("cyclonedx/vectors");
	size_t v, f, i, valid = 0, invalid = 0, failures = 0;

	(void)state;
	list_dir(&versions, top, is_version_dir);
	assert_true(versions.nr >= 3);
	for (v = 0; v < versions.nr; v++) {
		struct sg_buf dir = SG_BUF_INIT;

		sg_buf_addf(&dir, "%s/%s", top, versions.items[v]);
		list_dir(&files, dir.ptr, is_json);
		for (f = 0; f < files.nr; f++) {
			struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
			struct sg_buf path = SG_BUF_INIT;
			int rc;

			sg_buf_addf(&path, "%s/%s", dir.ptr, files.items[f]);
			rc = check_file(&issues, path.ptr);
			if (sg_starts_with(files.items[f], "valid-")) {
				valid++;
				if (rc == 0 && known_broken(versions.items[v],
							    files.items[f], &issues)) {
					printf("known upstream error in %s/%s: %s\n",
					       versions.items[v], files.items[f],
					       issues.items[0].message);
				} else if (rc < 0 || issues.nr) {
					failures++;
					printf("valid vector %s/%s: %s\n",
					       versions.items[v], files.items[f],
					       rc < 0 ? sg_error_message() : "");
					for (i = 0; i < issues.nr; i++)
						printf("  %s\n", issues.items[i].message);
				}
			} else if (sg_starts_with(files.items[f], "invalid-")) {
				invalid++;
				if (rc == 0 && !issues.nr) {
					failures++;
					printf("invalid vector %s/%s gave no issue\n",
					       versions.items[v], files.items[f]);
				}
			}
			sg_sbom_issues_release(&issues);
			sg_buf_release(&path);
		}
		sg_strlist_release(&files);
		sg_buf_release(&dir);
	}
	printf("cyclonedx vectors: %zu valid, %zu invalid, %zu failures\n",
	       valid, invalid, failures);
	assert_true(valid > 100);
	assert_true(invalid > 50);
	assert_int_equal(failures, 0);
	sg_strlist_release(&versions);
	free(top);
}

static void test_sbom_vectors__spdx_examples(void **state)
{
	struct sg_strlist files = SG_STRLIST_INIT;
	char *dir = shared_path("spdx/examples");
	size_t f, i, failures = 0;

	(void)state;
	list_dir(&files, dir, is_json);
	assert_true(files.nr >= 30);
	for (f = 0; f < files.nr; f++) {
		struct sg_sbom_issues issues = SG_SBOM_ISSUES_INIT;
		struct sg_buf path = SG_BUF_INIT;
		struct sg_sbom *sbom = NULL;
		struct sg_buf data = SG_BUF_INIT;

		sg_buf_addf(&path, "%s/%s", dir, files.items[f]);
		if (check_file(&issues, path.ptr) < 0) {
			failures++;
			printf("%s: %s\n", files.items[f], sg_error_message());
		}
		/* official examples may carry issues; they are listed, not failed */
		for (i = 0; i < issues.nr; i++)
			printf("note: %s: %s\n", files.items[f],
			       issues.items[i].message);
		assert_int_equal(sg_fs_read(&data, path.ptr, SG_SBOM_MAX_SIZE), 0);
		assert_int_equal(sg_sbom_parse(&sbom, path.ptr, data.ptr, data.len), 0);
		assert_true(sbom->format == SG_SBOM_SPDX2 ||
			    sbom->format == SG_SBOM_SPDX3);
		assert_non_null(sbom->timestamp);
		sg_sbom_free(sbom);
		sg_buf_release(&data);
		sg_sbom_issues_release(&issues);
		sg_buf_release(&path);
	}
	assert_int_equal(failures, 0);
	sg_strlist_release(&files);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sbom_vectors__cyclonedx),
		cmocka_unit_test(test_sbom_vectors__spdx_examples),
	};
	const char *shared = sg_test_shared_data();
	struct sg_buf probe = SG_BUF_INIT;
	int missing;

	if (shared && *shared)
		sg_buf_addf(&probe, "%s/cyclonedx/vectors", shared);
	missing = !probe.len || !sg_fs_is_dir(probe.ptr);
	sg_buf_release(&probe);
	if (missing) {
		fprintf(stderr, "test_sbom_vectors: skipped, SG_SHARED_DATA (%s) has no cyclonedx/vectors\n",
			shared ? shared : "unset");
		return 77;
	}
	return cmocka_run_group_tests_name("sbom_vectors", tests, NULL, NULL);
}
