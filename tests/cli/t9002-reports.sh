#!/bin/sh
# Every format for the same findings of a merge request: JUnit well-formed
# (xmllint), SARIF valid against the 2.1.0 schema, Code Quality with unique
# fingerprints, Markdown with the table; the same verdict in each.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mr_lib.sh"

mr_setup
cd "$SG_TMP/work"
# one more failing commit with awkward text: markup, a pipe, a quote
tick
commit_change "Fix <tag> & \"quotes\" | pipes" "lib/we|ird <name>.c"
WEIRD=$(git rev-parse HEAD)

R=$SG_TMP/reports
mkdir -p "$R"
for fmt in text json junit sarif codequality markdown; do
	test_begin "--format $fmt: exit 1 and a file"
	run_sg --format "$fmt" --output "$R/report.$fmt" check --mr --base origin/main
	expect_status 1
	[ -s "$R/report.$fmt" ] || fail "no $fmt report written"
done

# the findings of the JSON report are the reference
run_sg --format json check --mr --base origin/main
N=$(json_get 'len(d["findings"])')
[ "$N" -ge 2 ] || fail "expected at least 2 findings, got $N"

test_begin "junit: well-formed, one case per change and rule, failures for the errors"
if command -v xmllint >/dev/null 2>&1; then
	run_cmd xmllint --noout "$R/report.junit"
	expect_status 0
else
	echo "xmllint missing: well-formedness not checked" >&2
fi
python3 - "$R/report.junit" "$N" "$BAD" "$GOOD" "$WEIRD" <<'PY' || fail "junit content"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
n, bad, good = int(sys.argv[2]), sys.argv[3], sys.argv[4]
assert root.tag == "testsuites"
suites = {s.get("name"): s for s in root.findall("testsuite")}
rr = suites["requirement-reference"]
cases = rr.findall("testcase")
names = [c.get("name") for c in cases]
# three changes in the merge request, each a case, the passing one too
assert len(cases) == 3, names
assert sum(int(s.get("tests")) for s in suites.values()) == int(root.get("tests"))
assert any(x.startswith(good[:7]) for x in names), names
failed = [c.get("name") for c in cases if c.find("failure") is not None]
assert sorted(x[:7] for x in failed) == sorted([bad[:7], sys.argv[5][:7]]), failed
assert int(root.get("failures")) == sum(int(s.get("failures")) for s in suites.values())
assert int(rr.get("failures")) == 2, rr.get("failures")
f = [c for c in cases if c.get("name").startswith(bad[:7])][0].find("failure")
assert "hint:" in f.text and f.get("message"), f.text
PY

test_begin "sarif: valid against the SARIF 2.1.0 schema, one result per finding"
if python3 -c 'import jsonschema' 2>/dev/null && [ -n "${SG_SHARED_DATA:-}" ]; then
	python3 - "$SG_SHARED_DATA/sarif/sarif-schema-2.1.0.json" "$R/report.sarif" "$N" "$WEIRD" <<'PY' || fail "sarif"
import json, sys, jsonschema
schema, doc = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
jsonschema.validate(doc, schema)
run = doc["runs"][0]
res = run["results"]
assert len(res) == int(sys.argv[3]), len(res)
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
for r in res:
    assert ids[r["ruleIndex"]] == r["ruleId"]
    assert r["level"] in ("error", "warning", "note")
    assert r["properties"]["commit"]
    assert r["partialFingerprints"]["sdlgateFinding/v1"]
    assert r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
w = [r for r in res if r["properties"]["commit"] == sys.argv[4]][0]
assert w["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "lib/we%7Cird%20%3Cname%3E.c", w["locations"]
assert "clauses" in run["tool"]["driver"]["rules"][0]["help"]["text"]
PY
else
	echo "python3-jsonschema missing: SARIF not checked against the schema" >&2
fi

test_begin "codequality: one issue per finding, unique fingerprints, GitLab's fields"
python3 - "$R/report.codequality" "$N" <<'PY' || fail "codequality"
import json, sys
issues = json.load(open(sys.argv[1]))
assert isinstance(issues, list) and len(issues) == int(sys.argv[2])
fps = [i["fingerprint"] for i in issues]
assert len(set(fps)) == len(fps), "fingerprints are not unique"
for i in issues:
    assert i["description"] and i["check_name"]
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert i["location"]["path"] and i["location"]["lines"]["begin"] >= 1
PY

test_begin "codequality: fingerprints are stable from run to run"
run_sg --format codequality check --mr --base origin/main
cmp -s "$SG_TMP/out" "$R/report.codequality" || fail "a second run differs"

test_begin "markdown: summary, one row per finding, pipes escaped, how to fix"
run_cmd cat "$R/report.markdown"
expect_out "### sdlgate mr: FAIL"
expect_out "| commit | rule | severity | paths | message |"
expect_out "\`lib/we\\|ird <name>.c\`"
expect_out "#### How to fix"
expect_out "sdlgate explain requirement-reference"
expect_out "merge request: target origin/main (from --base)"
rows=$(grep -c '^| `[0-9a-f]\{7\}`' "$R/report.markdown")
[ "$rows" -eq "$N" ] || fail "expected $N rows, got $rows"

test_begin "a passing merge request: junit with passing cases, an empty Code Quality array"
git checkout -q -b clean origin/main
tick
commit_change "Harden the TLS setup

Security-Requirement: SR-001" lib/tls.c
run_sg --format junit check --mr --base origin/main
expect_status 0
expect_out 'failures="0"'
expect_out "<testcase classname=\"sdlgate.requirement-reference\""
run_sg --format codequality check --mr --base origin/main
expect_status 0
[ "$out" = "[]" ] || fail "Code Quality report of a pass is not []"

test_done
