#!/bin/sh
# check --staged: the index against HEAD, before the message exists.
. "$(dirname "$0")/lib.sh"

cd "$SG_TMP"

test_begin "an unborn branch: the first commit's staged files are checked against the empty tree"
git init -q first
cd first
printf 'version: 1\nsbom: {files: [sbom.json], triggers: ["third_party/**"]}\nscope: {co_change: commit}\n' > .sdlgate.yml
mkdir third_party && echo x > third_party/x.h
git add -A
run_sg check --staged --format json
expect_status 1
python3 -c "import json; r=json.load(open('$SG_TMP/out')); assert r['mode']=='staged'; assert r['range']['head'] is None; assert r['findings'][0]['paths']==['third_party/x.h'], r" || fail "json"
printf '{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "metadata": {"timestamp": "2026-11-01T10:00:00Z", "authors": [{"name": "Dana"}]}, "components": []}\n' > sbom.json && git add sbom.json
run_sg check --staged
expect_status 0
cd "$SG_TMP"

new_repo repo

test_begin "message rules are left to commit-msg and said so"
echo "int y;" >> src/main.c
git add src/main.c
run_sg check --staged
expect_status 0
expect_out "requirement-reference not evaluated: the commit message is not written yet"
expect_out "risk-co-change not evaluated"

test_begin "change-set scope: a dependency change without the SBOM is a reminder, not a failure"
echo x > third_party/dep.h
git add third_party/dep.h
run_sg check --staged
expect_status 0
expect_out "reminder: this change touches SBOM trigger paths"
expect_out "1 warning(s)"

test_begin "commit scope: the same staged change fails"
sed 's/^sbom:/scope: {co_change: commit}\nsbom:/' .sdlgate.yml > "$SG_TMP/commit.yml"
run_sg check --staged --policy "$SG_TMP/commit.yml"
expect_status 1
expect_out "third_party/dep.h"

test_begin "unstaged files are not part of the staged change"
git reset -q third_party/dep.h
run_sg check --staged --policy "$SG_TMP/commit.yml"
expect_status 0

test_done
