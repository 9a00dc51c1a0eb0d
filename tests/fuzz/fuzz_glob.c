/*
 * sg_glob_match: a policy pattern against a repository path. The input is
 * split at its first NUL or newline into the pattern and the path.
 */
#include "fuzz.h"

#include "util/glob.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t cut = 0;
	char *pattern, *path;

	while (cut < size && data[cut] != '\0' && data[cut] != '\n')
		cut++;
	pattern = sg_fuzz_strndup(data, cut);
	path = cut < size ? sg_fuzz_strndup(data + cut + 1, size - cut - 1) :
		sg_fuzz_strndup(data, 0);
	(void)sg_glob_match(pattern, path);
	(void)sg_glob_has_wildcard(pattern);
	free(pattern);
	free(path);
	return 0;
}
