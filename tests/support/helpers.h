#ifndef SG_TEST_HELPERS_H
#define SG_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

struct sg_buf;

/* $SG_SHARED_DATA (official schemas and vectors), or NULL when unset. */
const char *sg_test_shared_data(void);
/* $SG_SOURCE_DIR (the project's top directory). */
const char *sg_test_source_dir(void);

/* Run a shell command, append its stdout to `out`; returns pclose()'s status. */
int sg_test_run_capture(struct sg_buf *out, const char *cmd);

/* Write `text` to `path`, failing the test on any error. */
void sg_test_write_file(const char *path, const char *text);

/*
 * Create a temporary directory from `template` ("/tmp/sg-x-XXXXXX",
 * modified in place) and point HOME there with no system, global or
 * repository git configuration, so git runs with its defaults.
 * Returns 0 or -1.
 */
int sg_test_isolate_git(char *template);

/* rm -rf the directory; returns the command's status. */
int sg_test_remove_tree(const char *dir);

#endif
