#include "helpers.h"
#include "util/glob.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const struct {
	const char *pattern;
	const char *path;
	int match;
} cases[] = {
	{ "src/**", "src/a.c", 1 },
	{ "src/**", "src/net/tls/a.c", 1 },
	{ "src/**", "srcx/a.c", 0 },
	{ "src/**", "lib/src/a.c", 0 },
	{ "*.md", "README.md", 1 },
	{ "*.md", "docs/guide/intro.md", 1 },
	{ "*.md", "docs/guide/intro.mdx", 0 },
	{ "docs/*.md", "docs/a.md", 1 },
	{ "docs/*.md", "docs/sub/a.md", 0 },
	{ "docs/**", "docs/sub/a.md", 1 },
	{ "**/package-lock.json", "package-lock.json", 1 },
	{ "**/package-lock.json", "web/ui/package-lock.json", 1 },
	{ "**/package-lock.json", "web/ui/package-lock.json.bak", 0 },
	{ "CMakeLists.txt", "CMakeLists.txt", 1 },
	{ "CMakeLists.txt", "src/CMakeLists.txt", 1 },
	{ "/CMakeLists.txt", "src/CMakeLists.txt", 0 },
	{ "conanfile.*", "conanfile.py", 1 },
	{ "conanfile.*", "conanfile.txt", 1 },
	{ "third_party/**", "third_party/zlib/zlib.h", 1 },
	{ "third_party", "third_party/zlib/zlib.h", 1 },
	{ "third_party/", "third_party/zlib/zlib.h", 1 },
	{ "third_party/", "third_party", 0 },
	{ "docs/architecture", "docs/architecture/overview.md", 1 },
	{ "a/**/b.c", "a/b.c", 1 },
	{ "a/**/b.c", "a/x/y/b.c", 1 },
	{ "a/**/b.c", "a/x/y/c.c", 0 },
	{ "src/?.c", "src/a.c", 1 },
	{ "src/?.c", "src/ab.c", 0 },
	{ "src/[a-c].c", "src/b.c", 1 },
	{ "src/[!a-c].c", "src/b.c", 0 },
	{ "src/[!a-c].c", "src/d.c", 1 },
	{ "src/*", "src/a/b.c", 1 },   /* the directory src/a matches, so below it too */
	{ "*", "anything/at/all", 1 },
	{ "", "a", 0 },
	{ "src/**/*.c", "src/a.c", 1 },
	{ "src/**/*.c", "src/x/a.h", 0 },
	/* a trailing '/' asks for a directory, at any depth */
	{ "src/**/", "src/b.c", 0 },
	{ "src/**/", "src/a/b.c", 1 },
	{ "**/", "README", 0 },
	{ "**/", "a/README", 1 },
	{ "a/", "x/a/b", 1 },
	{ "a/", "x/a", 0 },
	{ "src/*/", "src/a", 0 },
	{ "src/*/", "src/a/b", 1 },
};

static void test_glob__table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = sg_glob_match(cases[i].pattern, cases[i].path);

		if (got != cases[i].match)
			fail_msg("pattern '%s' path '%s': expected %d, got %d",
				 cases[i].pattern, cases[i].path,
				 cases[i].match, got);
	}
}

static void test_glob__hostile_pattern_is_bounded(void **state)
{
	char path[200];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(path) - 1; i++)
		path[i] = 'a';
	path[sizeof(path) - 1] = '\0';
	/* exponential without the step bound; must simply answer */
	assert_false(sg_glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", path));
}

/*
 * Found by fuzz_glob: a pattern that names a directory was matched again
 * from the start against every directory prefix of the path, each time
 * with a fresh step budget, so "**" + "/" written 300 times against
 * "a/a/a/.../a" (4 KB) took 5 seconds. One pass with one budget answers
 * at once; the CPU time bound is 200 times what the fixed code needs.
 */
static void test_glob__deep_path_is_bounded(void **state)
{
	static char pattern[1000], path[4000];
	clock_t start;
	size_t i;

	(void)state;
	for (i = 0; i < 300; i++)
		strcat(pattern, "**/");
	strcat(pattern, "b");
	for (i = 0; i + 2 < sizeof(path); i += 2)
		memcpy(path + i, "a/", 2);
	path[i - 1] = '\0';
	start = clock();
	assert_false(sg_glob_match(pattern, path));
	path[i - 2] = 'b';   /* ".../a/b": found on the first descent */
	assert_true(sg_glob_match(pattern, path));
	assert_true(sg_glob_match("a/**/b", path));
	assert_true(sg_glob_match("a/", path));
	assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 1.0);
}

/*
 * Found by fuzz_glob (a slow unit: over a second under the sanitizers):
 * an unterminated class is a literal '[', and it was read to the end of
 * the pattern each time it was tried, outside the step budget, as were
 * runs of stars. Those bytes count now; 20 calls took 1 s before (5 s
 * under the sanitizers) and take a few milliseconds.
 */
static void test_glob__unterminated_class_is_bounded(void **state)
{
	static char pattern[1024], path[4000];
	clock_t start;
	size_t i;

	(void)state;
	strcpy(pattern, "*?*[a-c");
	for (i = 0; i < 338; i++)
		strcat(pattern, "*?*");
	for (i = 0; i < 1300; i++)
		strcat(path, "a*?");
	start = clock();
	for (i = 0; i < 20; i++)
		assert_false(sg_glob_match(pattern, path));
	assert_true((double)(clock() - start) / CLOCKS_PER_SEC < 0.5);
	assert_true(sg_glob_match("src/[a-c", "src/[a-c"));
	assert_true(sg_glob_match("*[", "x/a["));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_glob__table),
		cmocka_unit_test(test_glob__hostile_pattern_is_bounded),
		cmocka_unit_test(test_glob__deep_path_is_bounded),
		cmocka_unit_test(test_glob__unterminated_class_is_bounded),
	};

	return cmocka_run_group_tests_name("glob", tests, NULL, NULL);
}
