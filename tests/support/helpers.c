#include "helpers.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *sg_test_shared_data(void)
{
	return getenv("SG_SHARED_DATA");
}

const char *sg_test_source_dir(void)
{
	const char *dir = getenv("SG_SOURCE_DIR");

	return dir ? dir : ".";
}

int sg_test_run_capture(struct sg_buf *out, const char *cmd)
{
	char chunk[4096];
	size_t n;
	FILE *p = popen(cmd, "r");

	if (!p)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		sg_buf_add(out, chunk, n);
	return pclose(p);
}

void sg_test_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

int sg_test_isolate_git(char *template)
{
	if (!mkdtemp(template))
		return -1;
	setenv("HOME", template, 1);
	setenv("XDG_CONFIG_HOME", template, 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_CEILING_DIRECTORIES", "/tmp", 1);
	unsetenv("GIT_CONFIG_GLOBAL");
	unsetenv("GIT_CONFIG_PARAMETERS");
	unsetenv("GIT_CONFIG_COUNT");
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	return 0;
}

int sg_test_remove_tree(const char *dir)
{
	struct sg_buf cmd = SG_BUF_INIT;
	int status;

	sg_buf_addf(&cmd, "rm -rf '%s'", dir);
	status = system(cmd.ptr);
	sg_buf_release(&cmd);
	return status;
}
