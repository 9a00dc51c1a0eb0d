#!/bin/sh
# sdlgate trace: the matrix alone, in markdown, HTML and JSON, with the
# commits citing each requirement and the reviews those commits name.
. "$(dirname "$0")/lib.sh"

new_repo "$SG_TMP/r"
cat >> .sdlgate.yml <<'YML'
release:
  test_evidence: ["tests/**", "qa/*.md"]
YML
cat > docs/security/requirements.yml <<'YML'
requirements:
  - {id: SR-001, title: Authenticate every remote session, status: active}
  - {id: SR-2, title: Second, status: active}
  - {id: SR-10, title: Tenth, status: draft}
YML
mkdir -p tests qa
printf 'SR-001 SR-10\n' > tests/a.txt
printf 'manual test of SR-2\n' > qa/manual.md
git add -A
git commit -q -m "Trace setup

Security-Requirement: SR-001, SR-2
Design-Review: DR-7"
first=$(git rev-parse HEAD)
commit_change "More auth

Security-Requirement: SR-001" src/main.c

test_begin "trace --format json: requirements with risks, tests, commits and reviews"
run_sg trace --format json
expect_status 0
printf '%s\n' "$out" > "$SG_TMP/trace.json"
python3 - "$SG_TMP/trace.json" "$first" "$(git rev-parse HEAD)" "$(git rev-parse HEAD~2)" <<'PY' || fail "trace JSON"
import json, sys
t = json.load(open(sys.argv[1]))
first, head, initial = sys.argv[2], sys.argv[3], sys.argv[4]
assert t["schema"] == "sdlgate/trace/v1"
ids = [r["id"] for r in t["requirements"]]
assert ids == ["SR-2", "SR-10", "SR-001"] or ids == ["SR-001", "SR-2", "SR-10"], ids
r = {x["id"]: x for x in t["requirements"]}
for key in ("id", "title", "status", "risks", "tests", "commits", "reviews"):
    assert key in r["SR-001"], key
assert r["SR-001"]["risks"] == ["RSK-001"]
assert r["SR-001"]["tests"] == ["tests/a.txt"]
assert sorted(r["SR-001"]["commits"]) == sorted([head, first, initial]), r["SR-001"]["commits"]
assert r["SR-001"]["reviews"] == ["DR-7"]
assert r["SR-2"]["tests"] == ["qa/manual.md"]
assert r["SR-2"]["commits"] == [first]
assert r["SR-10"]["status"] == "draft" and r["SR-10"]["gaps"] == []
assert t["risks"][0]["id"] == "RSK-001"
PY

test_begin "requirements are listed in natural order"
run_sg trace
expect_status 0
printf '%s\n' "$out" | grep -o '^| SR-[0-9]*' | tr -d '| ' | tr '\n' ' ' > "$SG_TMP/order"
[ "$(cat "$SG_TMP/order")" = "SR-001 SR-2 SR-10 " ] || fail "order is $(cat "$SG_TMP/order")"

test_begin "trace --format markdown shows gaps"
run_sg trace --format markdown
expect_status 0
expect_out "| SR-2 | Second | active | — | \`qa/manual.md\` |"
expect_out "controls no risk"

test_begin "trace --format html is a page linking requirements to tests"
run_sg trace --format html --output "$SG_TMP/t.html"
expect_status 0
grep -q '<!DOCTYPE html>' "$SG_TMP/t.html" || fail "not HTML"
grep -q 'id="req-SR-001"' "$SG_TMP/t.html" || fail "no requirement anchor"
grep -q 'href="#t-1"' "$SG_TMP/t.html" || fail "no link to a test"

test_begin "trace of an older revision reads that revision's files"
run_sg trace "$first" --format json
expect_status 0
printf '%s\n' "$out" | python3 -c '
import json, sys
t = json.load(sys.stdin)
r = {x["id"]: x for x in t["requirements"]}
assert len(r["SR-001"]["commits"]) == 2, r["SR-001"]["commits"]
' || fail "older revision"

test_begin "trace refuses other formats (exit 2) and unknown revisions (exit 3)"
run_sg trace --format sarif
expect_status 2
expect_err "--format must be markdown, html or json"
run_sg trace nope
expect_status 3

test_done
