#!/bin/sh
# The evidence bundle of --report: the three files, byte-identical across
# runs, self-contained HTML that links every requirement to its tests, and
# JSON that embeds the gate's report contract.
. "$(dirname "$0")/lib.sh"

git init -q "$SG_TMP/pump"
cd "$SG_TMP/pump"
mkdir -p docs/security risk src tests/unit
cat > .sdlgate.yml <<'YML'
version: 1
extends: fda-premarket-minimum
product: Infusion pump <controller> & "friends"
release:
  deliverables:
    - {id: threat-model, path: docs/security/threat-model.md, must: updated, clauses: ["7.2"]}
sbom: ~
YML
cat > docs/security/requirements.yml <<'YML'
requirements:
  - {id: SR-001, title: Authenticate every remote session, status: active}
  - {id: SR-002, title: Log every dose change, status: active}
  - {id: SR-010, title: Rate-limit the remote API, status: active}
  - {id: SR-004, title: Old cipher suite, status: obsolete}
YML
cat > risk/security-risks.yml <<'YML'
risks:
  - {id: RSK-001, title: Spoofed session, controls: [SR-001], safety_risks: [HAZ-1], status: mitigated}
  - {id: RSK-002, title: Silent dose change, controls: [SR-002], safety_risks: [HAZ-7], status: mitigated}
YML
printf '# Threat model\n' > docs/security/threat-model.md
printf '/* SR-001: a session without credentials is refused */\n' > tests/unit/test_session.c
printf '/* SR-001 and SR-002: login and dose log */\n' > tests/unit/test_log.c
printf 'int main(void) { return 0; }\n' > src/main.c
git add -A
git commit -q -m "Initial import

Security-Requirement: SR-001
Design-Review: DR-2026-001
Risk-Assessment: unchanged - first import"
printf 'int log_dose(void) { return 0; }\n' >> src/main.c
git commit -q -am "Log dose changes

Security-Requirement: SR-002
Design-Review: DR-2026-002
Risk-Assessment: unchanged - logging only"

test_begin "--report writes evidence.md, evidence.json and trace.html and says so"
run_sg release --report "$SG_TMP/ev-a"
expect_status 1
for f in evidence.md evidence.json trace.html; do
	[ -s "$SG_TMP/ev-a/$f" ] || fail "$f was not written"
	expect_out "wrote $SG_TMP/ev-a/$f"
done
expect_out "requirement SR-010 (Rate-limit the remote API) is not cited by any test-evidence file"

test_begin "two runs give byte-identical evidence"
run_sg release --report "$SG_TMP/ev-b"
for f in evidence.md evidence.json trace.html; do
	cmp -s "$SG_TMP/ev-a/$f" "$SG_TMP/ev-b/$f" || fail "$f differs between two runs"
done
run_sg --format json release --report "$SG_TMP/ev-c"
cmp -s "$SG_TMP/ev-a/evidence.json" "$SG_TMP/ev-c/evidence.json" ||
	fail "evidence.json depends on --format"

test_begin "evidence.json holds the profile, clause table, deliverables, gate report and matrix"
python3 - "$SG_TMP/ev-a/evidence.json" <<'PY' || fail "evidence.json content"
import json, sys
e = json.load(open(sys.argv[1]))
assert e["schema"] == "sdlgate/evidence/v1", e["schema"]
assert e["profile"] == "fda-premarket-minimum"
assert e["result"] == "fail"
assert e["release"]["previous"] is None
assert e["gate"]["schema"] == "sdlgate/report/v1"
clauses = {c["id"]: c for c in e["clauses"]}
assert clauses["5.7.1"]["status"] == "fail", clauses["5.7.1"]
assert {"id": "release-trace", "status": "fail"} in clauses["5.7.1"]["rules"]
assert clauses["7.2"]["deliverables"] == [{"id": "threat-model", "status": "pass"}]
assert clauses["7.2"]["title"].startswith("Identification of vulnerabilities")
reqs = {r["id"]: r for r in e["trace"]["requirements"]}
assert [r["id"] for r in e["trace"]["requirements"]] == ["SR-001", "SR-002", "SR-004", "SR-010"]
assert reqs["SR-001"]["tests"] == ["tests/unit/test_log.c", "tests/unit/test_session.c"]
assert reqs["SR-010"]["gaps"] == ["untested", "controls-no-risk", "no-commit"], reqs["SR-010"]
assert reqs["SR-002"]["reviews"] == ["DR-2026-002"]
assert e["deliverables"][0]["id"] == "threat-model" and e["deliverables"][0]["status"] == "pass"
PY

test_begin "trace.html is one self-contained page that prints"
html="$SG_TMP/ev-a/trace.html"
grep -q '<style>' "$html" || fail "no inline style"
grep -q '@media print' "$html" || fail "no print stylesheet"
if grep -Eq '<script|<link|src="|href="(https?:)?//' "$html"; then fail "trace.html loads something from elsewhere"; fi
grep -q 'Infusion pump &lt;controller&gt; &amp; &quot;friends&quot;' "$html" || fail "product name not escaped"

test_begin "trace.html links each requirement to its tests and back"
python3 - "$html" <<'PY' || fail "requirement/test links"
import re, sys
html = open(sys.argv[1]).read()
rows = dict(re.findall(r'<tr[^>]* id="(req-[^"]+)">(.*?)</tr>', html, re.S))
tests = dict(re.findall(r'<tr id="(t-\d+)"><td><code>([^<]+)</code>', html))
def linked(req):
    return sorted(tests[t] for t in re.findall(r'href="#(t-\d+)"', rows[req]))
assert linked("req-SR-001") == ["tests/unit/test_log.c", "tests/unit/test_session.c"], linked("req-SR-001")
assert linked("req-SR-002") == ["tests/unit/test_log.c"]
assert linked("req-SR-010") == []
back = re.search(r'<tr id="t-\d+"><td><code>tests/unit/test_log.c</code></td><td>(.*?)</td>', html).group(1)
assert 'href="#req-SR-001"' in back and 'href="#req-SR-002"' in back, back
assert re.search(r'<tr class="gap" id="req-SR-010">', html), "untested requirement not highlighted"
assert 'href="#risk-RSK-001"' in rows["req-SR-001"]
PY

test_begin "evidence.md has the summary, clause table, findings and matrix"
md="$SG_TMP/ev-a/evidence.md"
grep -q '^| Result | \*\*FAIL\*\*' "$md" || fail "no result line"
grep -q '^| 5.7.1 | Security requirements testing | \*\*fail\*\* |' "$md" || fail "no clause row"
grep -q '^| SR-010 | Rate-limit the remote API | active | — | — | — | — | \*\*untested\*\*' "$md" || fail "no gap row"
grep -q 'Profile | fda-premarket-minimum' "$md" || fail "no profile"

test_begin "a passing release with --report and --tag: the tag pins evidence.json"
printf '/* SR-010: the API answers 429 past the limit */\n' > tests/unit/test_rate.c
cat >> risk/security-risks.yml <<'YML'
  - {id: RSK-003, title: API flooding, controls: [SR-010], status: accepted}
YML
git add -A
git commit -q -m "Test the rate limit

Security-Requirement: SR-010"
run_sg release --tag v1.0 --report "$SG_TMP/ev-v1"
expect_status 0
digest=$(sha256sum "$SG_TMP/ev-v1/evidence.json" | cut -d' ' -f1)
git cat-file -p v1.0 | grep -q "evidence.json sha256 $digest" || fail "tag does not pin evidence.json"
run_sg release v1.0 --report "$SG_TMP/ev-v1-again"
cmp -s "$SG_TMP/ev-v1/evidence.json" "$SG_TMP/ev-v1-again/evidence.json" ||
	fail "evidence regenerated from the tag differs"
grep -q '<div class="verdict pass">Release gate: PASS' "$SG_TMP/ev-v1/trace.html" || fail "no pass verdict"

test_begin "the report directory is created, a file there is replaced, not appended"
run_sg release --report "$SG_TMP/deep/er/dir"
[ -s "$SG_TMP/deep/er/dir/trace.html" ] || fail "nested report directory not created"

test_done
