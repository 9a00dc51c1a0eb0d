#!/bin/sh
# sdlgate init with every profile: the starter policy and skeletons are
# written (never over an existing file), validate, and pass `check` on the
# first real commit. The packs are inside the binary: a copy works alone.
. "$(dirname "$0")/lib.sh"

packs="fda-premarket-minimum iec81001-5-1-full iec81001-5-1-slc-1-2 iec81001-5-1-transitional"

test_begin "policy show --profile-list lists the four packs, one line each"
git init -q "$SG_TMP/list"
run_sg -C "$SG_TMP/list" policy show --profile-list
expect_status 0
for p in $packs; do
	expect_out "$p"
done
[ "$(printf '%s\n' "$out" | wc -l)" -eq 4 ] || fail "expected 4 lines"

for pack in $packs; do
	test_begin "init --profile $pack writes a policy and skeletons that validate"
	git init -q "$SG_TMP/$pack"
	cd "$SG_TMP/$pack"
	run_sg init --profile "$pack"
	expect_status 0
	expect_out "wrote   .sdlgate.yml (policy)"
	expect_out "wrote   docs/security/requirements.yml (requirements registry)"
	expect_out "wrote   risk/security-risks.yml (security risk file)"
	expect_out "wrote   docs/security/threat-model.md (release deliverable)"
	grep -q "^extends: $pack\$" .sdlgate.yml || fail "policy does not extend $pack"
	run_sg policy validate
	expect_status 0
	expect_out "valid (schema version 1, extends $pack)"

	test_begin "$pack: policy show prints YAML that loads again as the same policy"
	run_sg policy show
	expect_status 0
	cp "$SG_TMP/out" "$SG_TMP/effective.yml"
	python3 -c "import sys, yaml; yaml.safe_load(open(sys.argv[1]))" "$SG_TMP/effective.yml" ||
		fail "policy show is not YAML"
	run_sg --policy "$SG_TMP/effective.yml" policy show
	expect_status 0
	tail -n +2 "$SG_TMP/out" > "$SG_TMP/again.yml"
	tail -n +2 "$SG_TMP/effective.yml" | cmp -s - "$SG_TMP/again.yml" ||
		fail "the shown policy loads as a different policy"

	test_begin "$pack: the first commit passes check, through a real git commit"
	git add -A
	git commit -q -m "Adopt the sdlgate policy" -m "Security-Requirement: SR-001" ||
		fail "git commit failed"
	run_sg check --range HEAD
	expect_status 0
	expect_out "PASS"

	test_begin "$pack: the release gate asks for the real content"
	run_sg release
	expect_status 1
	expect_out "risk RSK-001"
	expect_out "is still open"
	cd "$SG_TMP"
done

test_begin "the full pack writes the review records folder with its criteria"
grep -q "DR-1:" "$SG_TMP/iec81001-5-1-full/reviews/README.md" || fail "no criteria in reviews/README.md"
[ ! -e "$SG_TMP/iec81001-5-1-slc-1-2/reviews/README.md" ] || fail "slc-1-2 has no design reviews"

test_begin "full pack: a review record commits on its own with a Security-Impact exemption"
cd "$SG_TMP/iec81001-5-1-full"
printf 'id: DR-2026-001\n' > reviews/DR-2026-001.yml
git add reviews/DR-2026-001.yml
git commit -q -m "Record design review DR-2026-001" -m "Security-Impact: none - a review record"
run_sg check --range HEAD^..HEAD
expect_status 0
expect_not_out "exemption does not cover"

test_begin "full pack: a merge request without a review is told to attach a note"
git init -q "$SG_TMP/reviewflow"
cd "$SG_TMP/reviewflow"
run_sg init --profile iec81001-5-1-full
git add -A
git commit -q -m "Adopt the sdlgate policy" -m "Security-Requirement: SR-001"
git checkout -q -b feature
mkdir -p src
echo "int session;" > src/session.c
git add -A
git commit -q -m "Add session handling

Security-Requirement: SR-001
Risk-Assessment: unchanged - no new interface"
run_sg check --mr --base main
expect_status 1
expect_out "attach it with 'git notes --ref=refs/notes/design-review add -F <file> <commit>'"
expect_not_out "commit it as reviews/"

test_begin "full pack: the README's review flow (template, note) passes the merge request"
run_sg review template --range main..HEAD
expect_status 0
sed -e 's/^id: .*/id: DR-2026-001/' -e 's/  - <reviewer e-mail>/  - rita@example.org/' \
	-e 's/^decision: .*/decision: approved/' -e 's/result: <pass|fail|n\/a>/result: pass/' \
	-e 's/note: <.*>/note: checked in the review meeting/' "$SG_TMP/out" > "$SG_TMP/rec.yml"
git notes --ref=refs/notes/design-review add -F "$SG_TMP/rec.yml" HEAD
run_sg check --mr --base main
expect_status 0
expect_out "PASS"

test_begin "the FDA pack writes the ten documents (the pen test as a folder README)"
cd "$SG_TMP/fda-premarket-minimum"
for f in docs/security/threat-model.md docs/security/risk-management-plan.md \
	risk/security-risks.yml docs/security/requirements.yml \
	docs/security/security-test-report.md docs/security/pentest/README.md \
	sbom/bom.cdx.json docs/labeling/security-warnings.md \
	docs/labeling/secure-operations.md docs/security/soup-surveillance.md; do
	[ -f "$f" ] || fail "missing $f"
done

test_begin "the transitional pack asks for a data-flow diagram and a compliance plan"
cd "$SG_TMP/iec81001-5-1-transitional"
[ -f docs/security/data-flow-diagram.md ] || fail "no data-flow diagram"
[ -f docs/security/compliance-plan.md ] || fail "no compliance plan"

test_begin "init never overwrites an existing file and says so"
cd "$SG_TMP/fda-premarket-minimum"
printf '# our own threat model\n' > docs/security/threat-model.md
rm docs/labeling/secure-operations.md
run_sg init --profile iec81001-5-1-full
expect_status 0
expect_out "kept    .sdlgate.yml (exists"
expect_out "kept    docs/security/threat-model.md (exists)"
expect_out "wrote   docs/labeling/secure-operations.md (release deliverable)"
[ "$(cat docs/security/threat-model.md)" = "# our own threat model" ] || fail "threat model overwritten"
grep -q "^extends: fda-premarket-minimum" .sdlgate.yml || fail "policy overwritten"

test_begin "an unknown profile is a usage error listing the packs"
git init -q "$SG_TMP/unknown"
run_sg -C "$SG_TMP/unknown" init --profile iso-9999
expect_status 2
expect_err "unknown profile 'iso-9999'"
expect_err "fda-premarket-minimum"
[ ! -e "$SG_TMP/unknown/.sdlgate.yml" ] || fail "wrote a policy anyway"

test_begin "a bare repository has no working tree for init (exit 3)"
git init -q --bare "$SG_TMP/bare.git"
run_sg -C "$SG_TMP/bare.git" init
expect_status 3

test_begin "a copied binary still resolves the packs"
mkdir -p "$SG_TMP/elsewhere"
cp "$SDLGATE" "$SG_TMP/elsewhere/sdlgate"
status=0
(cd "$SG_TMP/iec81001-5-1-slc-1-2" && "$SG_TMP/elsewhere/sdlgate" policy show) > "$SG_TMP/show" 2>&1 || status=$?
[ "$status" -eq 0 ] || fail "copied binary failed: $(cat "$SG_TMP/show")"
grep -q "5.7.4  Penetration testing" "$SG_TMP/show" || fail "no clause table from the copied binary"
grep -v "^description:" "$SG_TMP/show" | grep -q "design-review" && fail "slc-1-2 shows design-review evidence"

test_begin "policy validate refuses an invalid risk file with file:line:column"
cd "$SG_TMP/iec81001-5-1-slc-1-2"
printf 'risks:\n  - id: RSK-1\n    status: maybe\n' > risk/security-risks.yml
run_sg policy validate
expect_status 2
expect_err "risk/security-risks.yml:3:13"

test_begin "policy validate refuses a clause the standard does not have"
printf 'version: 1\nextends: iec81001-5-1-full\nclauses: ["5.7.1", "5.9"]\n' > .sdlgate.yml
run_sg policy validate
expect_status 2
expect_err "'5.9', which is not a clause of IEC 81001-5-1"

test_begin "policy show keeps every field of a waiver, quotes and colons included"
git init -q "$SG_TMP/waived"
cd "$SG_TMP/waived"
cat > .sdlgate.yml <<'YML'
version: 1
product: 'Pump: "model 7"'
requirements: {}
waivers:
  - rule: sbom-co-change
    path: 'third_party/**'
    reason: 'vendor drop #3: "SBOM" follows in 2.1'
    approved_by: "O'Brien, QA"
    expires: 2027-01-31
YML
run_sg policy show
expect_status 0
cp "$SG_TMP/out" "$SG_TMP/waived.yml"
python3 - "$SG_TMP/waived.yml" <<'PY' || fail "waiver fields lost in policy show"
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
assert d["product"] == 'Pump: "model 7"', d["product"]
w = d["waivers"][0]
assert w == {"rule": "sbom-co-change", "path": "third_party/**",
             "reason": 'vendor drop #3: "SBOM" follows in 2.1',
             "approved_by": "O'Brien, QA", "expires": "2027-01-31"}, w
PY

test_begin "fda-premarket-minimum: a release is refused while a file is still an init template"
git init -q "$SG_TMP/walk"
cd "$SG_TMP/walk"
run_sg init --profile fda-premarket-minimum
expect_status 0
expect_out "sdlgate:template"
git add -A
git commit -q -m "Adopt the sdlgate policy" -m "Security-Requirement: SR-001"
run_sg release
expect_status 1
expect_out "docs/security/threat-model.md still holds the template 'sdlgate init' wrote"
expect_out "docs/security/requirements.yml still holds the template"
expect_out "sbom/bom.cdx.json still holds the template"
expect_out "delete 'sdlgate:template' from line"

test_begin "fda-premarket-minimum: the skeleton filled in, the release is tagged with its evidence"
# the team's real content: its requirement, its risk, tests, documents, the pen test
cat > docs/security/requirements.yml <<'YML'
requirements:
  - {id: SR-001, title: Authenticate every remote session, status: active}
YML
cat > risk/security-risks.yml <<'YML'
risks:
  - {id: RSK-001, title: Spoofed remote session, controls: [SR-001], safety_risks: [HAZ-1], status: mitigated}
YML
mkdir -p tests
printf '/* SR-001: a session without a valid token is refused */\n' > tests/test_session.c
printf '%%PDF-1.4 penetration test report\n' > docs/security/pentest/2026-11-report.pdf
sed -i 's/Replace with the SBOM.s author (sdlgate:template)/Pump Team/' sbom/bom.cdx.json
for f in $(git grep -l 'sdlgate:template' -- docs); do
	sed -i '/sdlgate:template/d' "$f"
	printf '\nWritten for release 1.0.0.\n' >> "$f"
done
git add -A
git commit -q -m "Security documentation for release 1.0.0" -m "Security-Requirement: SR-001"
run_sg release --tag v1.0.0 --report "$SG_TMP/evidence"
expect_status 0
expect_not_out "still holds the template"
[ "$(git cat-file -t v1.0.0 2>/dev/null)" = tag ] || fail "no annotated tag v1.0.0"
for f in evidence.md evidence.json trace.html; do
	[ -s "$SG_TMP/evidence/$f" ] || fail "no $f in the evidence bundle"
done
grep -q "tests/test_session.c" "$SG_TMP/evidence/trace.html" || fail "trace.html lacks the test of SR-001"

test_done
