#!/bin/sh
# check --range: the core rules over real commits.
. "$(dirname "$0")/lib.sh"

cd "$SG_TMP"
new_repo repo
base=$(git rev-parse HEAD)

# json_field EXPR: evaluate a python expression on the last stdout as JSON `r`
json() {
	python3 -c "import json,sys; r=json.load(open('$SG_TMP/out')); print($1)"
}

test_begin "a change citing an active requirement passes"
commit_change "Harden the session

Security-Requirement: SR-001
Risk-Assessment: unchanged - input check only" src/main.c
run_sg check --range "$base..HEAD"
expect_status 0
expect_out "PASS: 0 error(s)"
good=$(git rev-parse HEAD)

test_begin "a change without a requirement fails, naming commit, path and hint"
commit_change "Tweak the pump loop

Risk-Assessment: unchanged - cosmetic" src/main.c
bad=$(git rev-parse --short=7 HEAD)
run_sg check --range "$good..HEAD"
expect_status 1
expect_out "$bad Tweak the pump loop"
expect_out "requirement-reference  src/main.c"
expect_out "hint: add a trailer 'Security-Requirement: <ID>'"
expect_out "FAIL: 1 error(s)"

test_begin "the JSON report follows sdlgate/report/v1"
run_sg check --range "$good..HEAD" --format json
expect_status 1
[ "$(json 'r["schema"]')" = "sdlgate/report/v1" ] || fail "schema"
[ "$(json 'r["result"]')" = "fail" ] || fail "result"
[ "$(json 'r["range"]["commits"]')" = "1" ] || fail "commits"
[ "$(json 'r["range"]["base"]')" = "$good" ] || fail "base"
[ "$(json 'r["findings"][0]["rule"]')" = "requirement-reference" ] || fail "rule"
[ "$(json 'r["findings"][0]["commit"]')" = "$(git rev-parse HEAD)" ] || fail "commit"
[ "$(json 'r["findings"][0]["paths"]')" = "['src/main.c']" ] || fail "paths"
[ "$(json 'r["findings"][0]["clauses"]')" = "['5.1.1', '5.2.1', '8']" ] || fail "clauses"
[ "$(json 'r["findings"][0]["waived"]')" = "False" ] || fail "waived"
[ "$(json '[x["status"] for x in r["rules"] if x["id"]=="requirement-known"][0]')" = "pass" ] || fail "known pass"
[ "$(json '[x["status"] for x in r["rules"] if x["id"]=="design-review"][0]')" = "off" ] || fail "design-review off"
[ "$(json '[x["reason"] for x in r["rules"] if x["id"]=="design-review"][0]')" = "the policy has no 'design_review' section" ] || fail "off reason"
[ "$(json 'len(r["policy"]["sha256"])')" = "64" ] || fail "sha256"

test_begin "the same inputs give byte-identical reports"
run_sg check --range "$base..HEAD" --format json --output "$SG_TMP/a.json"
expect_status 1
run_sg check --range "$base..HEAD" --format json --output "$SG_TMP/b.json"
cmp -s "$SG_TMP/a.json" "$SG_TMP/b.json" || fail "reports differ"
run_sg check --range "$base..HEAD" --format text --output "$SG_TMP/a.txt"
run_sg check --range "$base..HEAD" --format text --output "$SG_TMP/b.txt"
cmp -s "$SG_TMP/a.txt" "$SG_TMP/b.txt" || fail "text reports differ"

git reset -q --hard "$good"

test_begin "citing only unknown IDs gives requirement-known, not requirement-reference"
commit_change "Use the new cipher

Security-Requirement: SR-777
Risk-Assessment: unchanged - same controls" src/main.c
run_sg check --range "$good..HEAD" --format json
expect_status 1
[ "$(json '[f["rule"] for f in r["findings"]]')" = "['requirement-known']" ] || fail "rules: $(json '[f["rule"] for f in r["findings"]]')"
expect_out "'SR-777' is not in the requirements registry at this commit"

test_begin "obsolete and draft requirements are refused"
git reset -q --hard "$good"
commit_change "Old ciphers

Security-Requirement: SR-002, SR-003
Risk-Assessment: unchanged - none" src/main.c
run_sg check --range "$good..HEAD"
expect_status 1
expect_out "'SR-002' has status 'obsolete'"
expect_out "'SR-003' has status 'draft'"

test_begin "a commit that adds a requirement and cites it is valid"
git reset -q --hard "$good"
printf '  - {id: SR-020, title: Encrypt logs, status: active}\n' >> docs/security/requirements.yml
commit_change "Encrypt the logs

Security-Requirement: SR-020
Risk-Assessment: unchanged - new control only" src/log.c
run_sg check --range "$good..HEAD"
expect_status 0

test_begin "the registry is read from each commit, not the working tree"
git reset -q --hard "$good"
commit_change "Cite a requirement added only later

Security-Requirement: SR-021
Risk-Assessment: unchanged - x" src/main.c
printf '  - {id: SR-021, title: Later, status: active}\n' >> docs/security/requirements.yml
git add -A && git commit -q -m "Add SR-021

Security-Impact: none - registry only"
run_sg check --range "$good..HEAD"
expect_status 1
expect_out "'SR-021' is not in the requirements registry at this commit"

test_begin "a documentation-only change may carry a valid exemption"
git reset -q --hard "$good"
commit_change "Typo in the user guide

Security-Impact: none - typo in user guide" docs/guide.md
run_sg check --range "$good..HEAD"
expect_status 0

test_begin "an exemption does not cover paths outside allowed_paths"
git reset -q --hard "$good"
echo x >> docs/guide.md
commit_change "Guide and code

Security-Impact: none - small
Risk-Assessment: unchanged - x" src/main.c
run_sg check --range "$good..HEAD"
expect_status 1
expect_out "exemption does not cover 1 changed path(s)"
expect_out "src/main.c"

test_begin "an exemption without a reason is not valid"
git reset -q --hard "$good"
commit_change "Typo

Security-Impact: none" docs/guide.md
run_sg check --range "$good..HEAD"
expect_status 1
expect_out "is not a valid exemption"

test_begin "a misplaced trailer gets a hint with its line"
git reset -q --hard "$good"
commit_change "Log dose changes

Security-Requirement: SR-001
is in the body here, not in a trailer block.

Reviewed on the bench.
Risk-Assessment: unchanged - logging only" src/main.c
run_sg check --range "$good..HEAD"
expect_status 1
expect_out "line 3 has 'Security-Requirement:' but it is not in the trailer block"

test_begin "risk-co-change: an empty reason is not an assessment"
git reset -q --hard "$good"
commit_change "Refactor

Security-Requirement: SR-001
Risk-Assessment: unchanged" src/main.c
run_sg check --range "$good..HEAD"
expect_status 1
expect_out "is not an assessment"

test_begin "risk-co-change: a risk file change in the change set satisfies it"
git reset -q --hard "$good"
commit_change "Refactor

Security-Requirement: SR-001" src/main.c
commit_change "Re-assess risks

Security-Requirement: SR-001" risk/security-risks.yml "# reviewed"
run_sg check --range "$good..HEAD"
expect_status 0

test_begin "sbom-co-change (change-set): an SBOM update later in the range satisfies a dependency change"
git reset -q --hard "$good"
commit_change "Vendor zlib

Security-Requirement: SR-001" third_party/zlib.h
commit_change "Update the SBOM

Security-Requirement: SR-001" sbom/bom.cdx.json " "
run_sg check --range "$good..HEAD"
expect_status 0

test_begin "sbom-co-change (change-set): without the SBOM the oldest triggering commit is named"
git reset -q --hard "$good"
commit_change "Vendor zlib

Security-Requirement: SR-001" third_party/zlib.h
first=$(git rev-parse HEAD)
commit_change "Vendor zstd

Security-Requirement: SR-001" third_party/zstd.h
run_sg check --range "$good..HEAD" --format json
expect_status 1
[ "$(json '[f["commit"] for f in r["findings"] if f["rule"]=="sbom-co-change"][0]')" = "$first" ] || fail "oldest commit"
[ "$(json '[f["paths"] for f in r["findings"] if f["rule"]=="sbom-co-change"][0]')" = "['third_party/zlib.h', 'third_party/zstd.h']" ] || fail "paths"

test_begin "sbom-co-change (commit scope): the SBOM must change in the same commit"
git reset -q --hard "$good"
sed 's/^sbom:/scope: {co_change: commit}\nsbom:/' .sdlgate.yml > "$SG_TMP/commit-scope.yml"
commit_change "Vendor zlib

Security-Requirement: SR-001" third_party/zlib.h
commit_change "Update the SBOM

Security-Requirement: SR-001" sbom/bom.cdx.json " "
run_sg check --range "$good..HEAD" --policy "$SG_TMP/commit-scope.yml"
expect_status 1
expect_out "but not the SBOM"
expect_out "in the same commit"

test_begin "a rename counts under both names"
git reset -q --hard "$good"
mkdir -p third_party
printf 'a header long enough to be detected as the same file\n%.0s' 1 2 3 4 5 > third_party/a.h
printf '{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 2, "components": []}\n' > sbom/bom.cdx.json
git add -A
git commit -q -m "Vendor a

Security-Requirement: SR-001"
git mv third_party/a.h vendor-a.h
git commit -q -m "Move a vendored header

Security-Requirement: SR-001"
run_sg check --range "HEAD^..HEAD" --format json
expect_status 1
[ "$(json '[f["paths"] for f in r["findings"] if f["rule"]=="sbom-co-change"][0]')" = "['third_party/a.h']" ] || fail "rename old name as trigger: $(cat "$SG_TMP/out" | head -c 300)"

test_begin "merge commits are skipped by default and said so"
git reset -q --hard "$good"
git checkout -q -b side
commit_change "Side work

Security-Requirement: SR-001
Risk-Assessment: unchanged - x" src/side.c
git checkout -q main
commit_change "Main work

Security-Requirement: SR-001
Risk-Assessment: unchanged - x" src/other.c
git merge -q --no-edit side
run_sg check --range "$good..HEAD"
expect_status 0
expect_out "1 merge commit(s) skipped"

test_begin "with scope.merges: check a merge without a requirement fails"
sed 's/^sbom:/scope: {merges: check}\nsbom:/' .sdlgate.yml > "$SG_TMP/merges.yml"
run_sg check --range "$good..HEAD" --policy "$SG_TMP/merges.yml"
expect_status 1
expect_out "Merge branch 'side'"

test_begin "anywhere_in_message: an ID in the body counts"
git reset -q --hard "$good"
commit_change "Fix SR-001 handling in the session code

Risk-Assessment: unchanged - x" src/main.c
run_sg check --range "$good..HEAD"
expect_status 1
sed 's/^  registry:/  reference: {anywhere_in_message: true}\n  registry:/' .sdlgate.yml > "$SG_TMP/anywhere.yml"
run_sg check --range "$good..HEAD" --policy "$SG_TMP/anywhere.yml"
expect_status 0

test_begin "without a registry, IDs are matched by pattern and requirement-known is off"
git reset -q --hard "$good"
sed '/registry:/d' .sdlgate.yml > "$SG_TMP/noregistry.yml"
commit_change "External tracker id

Security-Requirement: SR-4242
Risk-Assessment: unchanged - x" src/main.c
run_sg check --range "$good..HEAD" --format json --policy "$SG_TMP/noregistry.yml"
expect_status 0
[ "$(json '[x["status"] for x in r["rules"] if x["id"]=="requirement-known"][0]')" = "off" ] || fail "known off"
run_sg check --range "$good..HEAD"
expect_status 1
expect_out "'SR-4242' is not in the requirements registry"

test_begin "--policy-from reads the policy from a revision"
git reset -q --hard "$good"
run_sg check --range "$base..HEAD" --policy-from "$base" --format json
expect_status 0
[ "$(json 'r["policy"]["from"]')" = "rev:$base" ] || fail "policy.from"

test_begin "an invalid registry at a commit is exit 2 naming the commit, file, line and column"
git reset -q --hard "$good"
printf '  - {id: SR-030 title: broken, status: active}\n  - [\n' >> docs/security/requirements.yml
commit_change "Break the registry

Security-Requirement: SR-001
Risk-Assessment: unchanged - x" src/main.c
broken=$(git rev-parse --short=7 HEAD)
run_sg check --range "$good..HEAD"
expect_status 2
expect_err "$broken:docs/security/requirements.yml:"

test_begin "an unknown revision is exit 3 with a hint"
run_sg check --range "nope..HEAD"
expect_status 3
expect_err "unknown revision 'nope'"
expect_err "hint:"

test_begin "an empty range passes and says so"
run_sg check --range "HEAD..HEAD" --format json
expect_status 0
[ "$(json '"no changes to check in this change set" in r["notes"]')" = "True" ] || fail "note"
[ "$(json '[x["status"] for x in r["rules"] if x["id"]=="requirement-reference"][0]')" = "not-evaluated" ] || fail "not-evaluated"

test_begin "risk-trace judges a change set that edits the risk file, at its head"
cd "$SG_TMP"
new_repo risky >/dev/null
base=$(git rev-parse HEAD)
cat >> risk/security-risks.yml <<'YML'
  - {id: RSK-001, title: Copied twice, controls: [SR-099], safety_risks: [HZ-2], status: mitigated}
YML
git add -A
git commit -q -m "Assess the pump's remote interface

Security-Requirement: SR-001"
run_sg check --range "$base..HEAD"
expect_status 1
expect_out "risk-trace"
expect_out "SR-099"
expect_out "HZ-2"
expect_out "risk/security-risks.yml"

test_begin "risk-trace passes a change set that leaves the risk file alone"
git reset -q --hard "$base"
commit_change "Tidy the readme

Security-Impact: none - documentation" README.md
run_sg --format json check --range "$base..HEAD"
expect_status 0
expect_not_out '"rule":	"risk-trace"'

test_begin "commits that share a timestamp (a rebased series) are reported in git log's order"
cd "$SG_TMP"
new_repo sametime >/dev/null
base=$(git rev-parse HEAD)
for n in 1 2 3 4 5; do
	commit_change "Unreferenced change $n" "lib/same$n.c"
done
run_sg check --range "$base..HEAD"
expect_status 1
got=$(printf '%s\n' "$out" | grep -E '^[0-9a-f]{7} ' | cut -c1-7 | tr '\n' ' ')
want=$(git log --format=%h --abbrev=7 "$base..HEAD" | tr '\n' ' ')
[ "$got" = "$want" ] || fail "order '$got', git log '$want'"

test_done
