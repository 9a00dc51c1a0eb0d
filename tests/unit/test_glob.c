#include "helpers.h"
#include "util/glob.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/*
 * Patterns that make a backtracking matcher take exponential or quadratic
 * time (the first two were found by fuzz_glob). The matcher runs all its
 * states at once, so these simply get the right answer, either way.
 */
static void test_glob__hostile_patterns_get_answers(void **state)
{
	static char path[4000], pattern[1024];
	size_t i;

	(void)state;
	memset(path, 'a', 199);
	assert_false(sg_glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", path));
	path[198] = 'b';
	assert_true(sg_glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", path));

	/* "**" + "/" written 300 times against "a/a/.../a" */
	for (i = 0; i < 300; i++)
		strcat(pattern, "**/");
	strcat(pattern, "b");
	for (i = 0; i + 2 < sizeof(path); i += 2)
		memcpy(path + i, "a/", 2);
	path[i - 1] = '\0';
	assert_false(sg_glob_match(pattern, path));
	path[i - 2] = 'b';   /* ".../a/b" */
	assert_true(sg_glob_match(pattern, path));
	assert_true(sg_glob_match("a/**/b", path));
	assert_true(sg_glob_match("a/", path));

	/* an unterminated class is a literal '[' */
	strcpy(pattern, "*?*[a-c");
	for (i = 0; i < 338; i++)
		strcat(pattern, "*?*");
	path[0] = '\0';
	for (i = 0; i < 1300; i++)
		strcat(path, "a*?");
	assert_false(sg_glob_match(pattern, path));
	assert_true(sg_glob_match("src/[a-c", "src/[a-c"));
	assert_true(sg_glob_match("*[", "x/a["));
}

/*
 * A trigger must hold for any path a push can carry. An earlier matcher
 * gave up on paths of 4 KB or more, or when a step budget ran out, and
 * answered "no match": a deep enough path escaped the trigger "src/" + "**".
 */
static void test_glob__long_paths_and_patterns_still_match(void **state)
{
	size_t len = 70000, i;
	char *path = malloc(len + 1), *pattern = malloc(3000);

	(void)state;
	assert_non_null(path);
	assert_non_null(pattern);
	memcpy(path, "src/", 4);
	for (i = 4; i < len; i++)
		path[i] = i % 50 == 0 ? '/' : 'x';
	path[len - 1] = 'c';
	path[len] = '\0';
	assert_true(sg_glob_match("src/**", path));
	assert_true(sg_glob_match("src/", path));
	assert_true(sg_glob_match("/src", path));
	assert_true(sg_glob_match("src/**/*c", path));
	assert_false(sg_glob_match("lib/**", path));
	assert_false(sg_glob_match("src/**/*.h", path));

	/* a pattern longer than any fixed buffer */
	for (i = 0; i < 2000; i++)
		pattern[i] = 'p';
	strcpy(pattern + 2000, "/**");
	assert_false(sg_glob_match(pattern, path));
	memset(path, 'p', 2000);
	path[2000] = '/';
	assert_true(sg_glob_match(pattern, path));
	free(path);
	free(pattern);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_glob__table),
		cmocka_unit_test(test_glob__hostile_patterns_get_answers),
		cmocka_unit_test(test_glob__long_paths_and_patterns_still_match),
	};

	return cmocka_run_group_tests_name("glob", tests, NULL, NULL);
}
