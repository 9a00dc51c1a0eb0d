#include "helpers.h"
#include "util/glob.h"

#include <stdio.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_glob__table),
		cmocka_unit_test(test_glob__hostile_pattern_is_bounded),
	};

	return cmocka_run_group_tests_name("glob", tests, NULL, NULL);
}
