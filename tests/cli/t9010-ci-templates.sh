#!/bin/sh
# The CI templates run as the CI would run them: the GitLab job's
# before_script and script, and the GitHub workflow's steps, read from
# ci/gitlab/sdlgate.gitlab-ci.yml and ci/github/sdlgate.yml and executed
# in a merge-request clone. The verdict is the job's exit status and every
# report the widgets read is written and valid.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mr_lib.sh"

if ! python3 -c "import yaml" 2>/dev/null; then
	echo "python3-yaml missing (ci/setup.sh installs it): skipped" >&2
	exit 0
fi

mr_setup
cd "$SG_TMP/work"
# the reports the jobs write are not part of the project's commits
printf '%s\n' sdlgate-junit.xml gl-code-quality-report.json sdlgate-summary.md \
	sdlgate.sarif >> .git/info/exclude
mkdir -p "$SG_TMP/bin"
ln -s "$SDLGATE" "$SG_TMP/bin/sdlgate"
SCHEMA=${SG_SHARED_DATA:-$SG_SOURCE_DIR/../shared/data}/sarif/sarif-schema-2.1.0.json
[ -f "$SCHEMA" ] || SCHEMA=/work/shared/data/sarif/sarif-schema-2.1.0.json

# gitlab_job FILE: the job's global variables as shell assignments, then
# its before_script and script, as the runner joins them
python3 - "$SG_SOURCE_DIR/ci/gitlab/sdlgate.gitlab-ci.yml" "$SG_TMP/gitlab-job.sh" <<'PY'
import shlex, sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
job = doc["sdlgate"]
with open(sys.argv[2], "w") as out:
    for k, v in doc.get("variables", {}).items():
        out.write(f": ${{{k}={shlex.quote(str(v))}}}\nexport {k}\n")
    for k, v in job.get("variables", {}).items():
        out.write(f"export {k}={shlex.quote(str(v))}\n")
    for line in job.get("before_script", []) + job["script"]:
        out.write(line + "\n")
PY

# run_gitlab PATH: the job in the current directory, as a merge request
# pipeline of the feature branch against main
run_gitlab() {
	run_cmd env PATH="$1" CI_PIPELINE_SOURCE=merge_request_event \
		CI_MERGE_REQUEST_DIFF_BASE_SHA="$(git merge-base origin/main HEAD)" \
		CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main \
		bash -eo pipefail "$SG_TMP/gitlab-job.sh"
}

test_begin "GitLab: a merge request with a failing commit fails the job"
rm -f sdlgate-junit.xml gl-code-quality-report.json sdlgate-summary.md
run_gitlab "$SG_TMP/bin:$PATH"
expect_status 1
expect_out "FAIL"

test_begin "GitLab: the JUnit, Code Quality and summary artifacts are written for the widgets"
run_cmd xmllint --noout sdlgate-junit.xml
expect_status 0
grep -q "<failure" sdlgate-junit.xml || fail "no <failure> in the JUnit report"
python3 - "$BAD" <<'PY' || fail "Code Quality report"
import json, sys
r = json.load(open("gl-code-quality-report.json"))
assert isinstance(r, list) and r, r
assert any(sys.argv[1][:7] in i["description"] for i in r), r
assert len({i["fingerprint"] for i in r}) == len(r)
PY
grep -q "requirement-reference" sdlgate-summary.md || fail "summary lacks the finding"

test_begin "GitLab: a good merge request passes, with the artifacts still written"
git checkout -q -b good origin/main
tick
commit_change "Harden the session timeout

Security-Requirement: SR-001" lib/timeout.c
rm -f sdlgate-junit.xml gl-code-quality-report.json sdlgate-summary.md
run_gitlab "$SG_TMP/bin:$PATH"
expect_status 0
python3 -c "import json; assert json.load(open('gl-code-quality-report.json')) == []" ||
	fail "Code Quality report of a pass is not []"
[ -s sdlgate-junit.xml ] && [ -s sdlgate-summary.md ] || fail "artifacts missing on a pass"

test_begin "GitLab: without sdlgate and without SDLGATE_SOURCE the job says what to set"
if PATH=/usr/bin:/bin command -v sdlgate >/dev/null 2>&1; then
	echo "sdlgate is installed system-wide: skipped" >&2
else
	run_gitlab "/usr/bin:/bin"
	expect_status 2
	expect_out "set SDLGATE_SOURCE"
fi

# the job builds sdlgate from SDLGATE_SOURCE: this source tree's branch as
# committed (not its uncommitted changes), cloned and installed into a
# prefix of the test's own
branch=$(git -C "$SG_SOURCE_DIR" symbolic-ref -q --short HEAD 2>/dev/null || true)
test_begin "GitLab: without sdlgate in the image the job builds it from SDLGATE_SOURCE"
if [ -z "$branch" ] || PATH=/usr/bin:/bin command -v sdlgate >/dev/null 2>&1; then
	echo "the source tree is not on a branch: skipped" >&2
else
	run_cmd env PATH=/usr/bin:/bin SDLGATE_SOURCE="file://$SG_SOURCE_DIR" \
		SDLGATE_REF="$branch" SDLGATE_PREFIX="$SG_TMP/prefix" TMPDIR="$SG_TMP" \
		CI_PIPELINE_SOURCE=merge_request_event \
		CI_MERGE_REQUEST_DIFF_BASE_SHA="$(git merge-base origin/main HEAD)" \
		bash -eo pipefail "$SG_TMP/gitlab-job.sh"
	expect_status 0
	expect_out "ci/install.sh: installed $SG_TMP/prefix/bin/sdlgate"
	[ -x "$SG_TMP/prefix/bin/sdlgate" ] || fail "no installed binary"
	[ -s sdlgate-summary.md ] || fail "no summary from the installed sdlgate"
fi

# github_step NAME FILE: the `run` of the workflow step NAME
github_step() {
	python3 - "$SG_SOURCE_DIR/ci/github/sdlgate.yml" "$1" "$2" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
step = [s for s in doc["jobs"]["sdlgate"]["steps"] if s.get("name") == sys.argv[2]][0]
open(sys.argv[3], "w").write(step["run"])
PY
}
github_step "Install sdlgate" "$SG_TMP/gh-install.sh"
github_step "Gate" "$SG_TMP/gh-gate.sh"
github_step "Verdict" "$SG_TMP/gh-verdict.sh"

# run_github SCRIPT: one step, as the runner runs it (bash -e)
run_github() {
	run_cmd env PATH="$SG_TMP/bin:$PATH" GITHUB_BASE_REF=main \
		GITHUB_STEP_SUMMARY="$SG_TMP/gh-summary.md" GITHUB_OUTPUT="$SG_TMP/gh-output" \
		bash -e "$1"
}

git checkout -q feature
test_begin "GitHub: the install step finds sdlgate on PATH"
run_github "$SG_TMP/gh-install.sh"
expect_status 0

test_begin "GitHub: the gate step records the failure and writes SARIF and the job summary"
rm -f sdlgate.sarif "$SG_TMP/gh-summary.md" "$SG_TMP/gh-output"
run_github "$SG_TMP/gh-gate.sh"
expect_status 0
grep -qx "status=1" "$SG_TMP/gh-output" || fail "GITHUB_OUTPUT lacks status=1"
grep -q "requirement-reference" "$SG_TMP/gh-summary.md" || fail "the job summary lacks the finding"
python3 - "$SCHEMA" "$BAD" <<'PY' || fail "SARIF report"
import json, sys, jsonschema
sarif = json.load(open("sdlgate.sarif"))
jsonschema.validate(sarif, json.load(open(sys.argv[1])))
results = sarif["runs"][0]["results"]
assert any(r["properties"]["commit"] == sys.argv[2] for r in results), results
PY

test_begin "GitHub: the verdict step fails the job with the gate's status"
sed 's/\${{ steps.gate.outputs.status }}/1/g' "$SG_TMP/gh-verdict.sh" > "$SG_TMP/gh-verdict-1.sh"
run_github "$SG_TMP/gh-verdict-1.sh"
expect_status 1

# The snippets a team copies from the README are the same jobs: run the
# GitLab "core of it" script and the GitHub gate step from README.md.
python3 - "$SG_SOURCE_DIR/README.md" "$SG_TMP" <<'PY'
import re, sys, yaml
text = open(sys.argv[1]).read()
def blocks(section):
    part = text[text.index(section):]
    part = part[:part.index("\n## ", 1)]
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", part, re.S)]
gl = [b for b in blocks("## Merge requests: GitLab") if isinstance(b, dict) and "sdlgate" in b][0]
open(sys.argv[2] + "/readme-gitlab.sh", "w").write("\n".join(gl["sdlgate"]["script"]) + "\n")
gh = [b for b in blocks("## Pull requests: GitHub Actions") if isinstance(b, dict) and "jobs" in b][0]
step = [x for x in gh["jobs"]["sdlgate"]["steps"] if x.get("id") == "gate"][0]
open(sys.argv[2] + "/readme-gh-gate.sh", "w").write(step["run"])
PY

git checkout -q feature
test_begin "README's GitLab snippet: the failing merge request fails the job, with the reports"
rm -f sdlgate-junit.xml gl-code-quality-report.json sdlgate-summary.md
run_cmd env PATH="$SG_TMP/bin:$PATH" CI_PIPELINE_SOURCE=merge_request_event \
	CI_MERGE_REQUEST_DIFF_BASE_SHA="$(git merge-base origin/main HEAD)" \
	bash -eo pipefail "$SG_TMP/readme-gitlab.sh"
expect_status 1
for f in sdlgate-junit.xml gl-code-quality-report.json sdlgate-summary.md; do
	[ -s "$f" ] || fail "the README's GitLab job wrote no $f"
done

test_begin "README's GitHub snippet: the gate step records the failure and writes SARIF"
rm -f sdlgate.sarif "$SG_TMP/gh-output"
run_github "$SG_TMP/readme-gh-gate.sh"
expect_status 0
grep -qx "status=1" "$SG_TMP/gh-output" || fail "GITHUB_OUTPUT lacks status=1"
[ -s sdlgate.sarif ] || fail "no SARIF from the README's GitHub step"

test_done
