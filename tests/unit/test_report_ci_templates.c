#include "helpers.h"
#include "policy/yaml.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fs.h"

#include <stdio.h>
#include <string.h>

/*
 * The CI templates of ci/ parse as YAML (sdlgate's own parser: libyaml)
 * and say what the README promises: merge requests only, the whole
 * history, the reports as the CI's widgets expect them.
 */

static struct sg_ydoc *load(const char *rel)
{
	struct sg_buf path = SG_BUF_INIT, data = SG_BUF_INIT;
	struct sg_ydoc *doc = NULL;

	sg_buf_addf(&path, "%s/%s", sg_test_source_dir(), rel);
	if (sg_fs_read(&data, path.ptr, 1024 * 1024) < 0 ||
	    sg_yaml_parse(&doc, rel, data.ptr, data.len) < 0)
		fail_msg("%s: %s", rel, sg_error_message());
	assert_non_null(doc->root);
	sg_buf_release(&path);
	sg_buf_release(&data);
	return doc;
}

/* The node at a '/'-separated path of mapping keys and sequence indexes. */
static const struct sg_ynode *at(const struct sg_ynode *node, const char *path)
{
	char key[128];

	while (node && *path) {
		size_t len = strcspn(path, "/");

		snprintf(key, sizeof(key), "%.*s", (int)len, path);
		if (node->type == SG_YNODE_SEQ) {
			size_t i = 0;

			sscanf(key, "%zu", &i);
			node = i < node->nr ? node->items[i] : NULL;
		} else {
			node = sg_ymap_get(node, key);
		}
		path += len;
		if (*path == '/')
			path++;
	}
	return node;
}

static const char *scalar(const struct sg_ynode *root, const char *path)
{
	const struct sg_ynode *n = at(root, path);

	if (!n || n->type != SG_YNODE_SCALAR)
		fail_msg("no scalar at '%s'", path);
	return n->value;
}

/* All scalars of a sequence, joined by newlines. */
static void join(struct sg_buf *out, const struct sg_ynode *seq)
{
	size_t i;

	assert_non_null(seq);
	assert_int_equal(seq->type, SG_YNODE_SEQ);
	for (i = 0; i < seq->nr; i++)
		if (seq->items[i]->type == SG_YNODE_SCALAR)
			sg_buf_addf(out, "%s\n", seq->items[i]->value);
}

static void test_report_ci_templates__gitlab(void **state)
{
	struct sg_ydoc *doc = load("ci/gitlab/sdlgate.gitlab-ci.yml");
	const struct sg_ynode *job = at(doc->root, "sdlgate");
	struct sg_buf script = SG_BUF_INIT, want = SG_BUF_INIT;

	(void)state;
	assert_non_null(job);
	assert_non_null(strstr(scalar(job, "rules/0/if"), "merge_request_event"));
	assert_string_equal(scalar(job, "variables/GIT_DEPTH"), "0");
	assert_string_equal(scalar(job, "artifacts/when"), "always");
	join(&script, at(job, "script"));
	assert_non_null(strstr(script.ptr, "sdlgate check --mr"));
	/* every report the artifacts name is one the script writes */
	sg_buf_addf(&want, "--format junit --output %s ", scalar(job, "artifacts/reports/junit"));
	assert_non_null(strstr(script.ptr, want.ptr));
	sg_buf_reset(&want);
	sg_buf_addf(&want, "--format codequality --output %s ",
		    scalar(job, "artifacts/reports/codequality"));
	assert_non_null(strstr(script.ptr, want.ptr));
	sg_buf_reset(&want);
	sg_buf_addf(&want, "--format markdown --output %s ", scalar(job, "artifacts/paths/0"));
	assert_non_null(strstr(script.ptr, want.ptr));
	/* the verdict of the first run is the job's */
	assert_non_null(strstr(script.ptr, "exit $status"));
	sg_buf_release(&want);
	sg_buf_release(&script);
	sg_ydoc_free(doc);
}

static void test_report_ci_templates__github(void **state)
{
	struct sg_ydoc *doc = load("ci/github/sdlgate.yml");
	const struct sg_ynode *steps = at(doc->root, "jobs/sdlgate/steps");
	struct sg_buf runs = SG_BUF_INIT, want = SG_BUF_INIT;
	const char *sarif = NULL;
	int checkout = 0;
	size_t i;

	(void)state;
	assert_non_null(at(doc->root, "on/pull_request"));
	assert_string_equal(scalar(doc->root, "permissions/security-events"), "write");
	assert_non_null(steps);
	for (i = 0; i < steps->nr; i++) {
		const struct sg_ynode *s = steps->items[i];
		const struct sg_ynode *uses = sg_ymap_get(s, "uses"), *run = sg_ymap_get(s, "run");

		if (uses && !strncmp(uses->value, "actions/checkout@", 17)) {
			assert_string_equal(scalar(s, "with/fetch-depth"), "0");
			checkout = 1;
		}
		if (uses && !strncmp(uses->value, "github/codeql-action/upload-sarif@", 34))
			sarif = scalar(s, "with/sarif_file");
		if (run)
			sg_buf_addf(&runs, "%s\n", run->value);
	}
	assert_true(checkout);
	assert_non_null(sarif);
	assert_non_null(strstr(runs.ptr, "sdlgate check --mr"));
	sg_buf_addf(&want, "--format sarif --output %s ", sarif);
	assert_non_null(strstr(runs.ptr, want.ptr));
	assert_non_null(strstr(runs.ptr, "--format markdown --output sdlgate-summary.md"));
	assert_non_null(strstr(runs.ptr, ">> \"$GITHUB_STEP_SUMMARY\""));
	sg_buf_release(&want);
	sg_buf_release(&runs);
	sg_ydoc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_ci_templates__gitlab),
		cmocka_unit_test(test_report_ci_templates__github),
	};

	return cmocka_run_group_tests_name("report_ci_templates", tests, NULL, NULL);
}
