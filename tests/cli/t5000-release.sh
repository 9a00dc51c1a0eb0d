#!/bin/sh
# The release gate on real repositories with tags: the previous release,
# stale deliverables, untested requirements, open risks, risk-trace, and
# --tag creating an annotated tag only when the gate passes.
. "$(dirname "$0")/lib.sh"

# release_repo DIR: a repository ready for its first release.
release_repo() {
	git init -q "$1"
	cd "$1"
	mkdir -p docs/security risk src tests
	cat > .sdlgate.yml <<'YML'
version: 1
product: Test pump
requirements:
  registry: [docs/security/requirements.yml]
  exemption:
    allowed_paths: ["docs/**", "*.md"]
risk:
  files: [risk/security-risks.yml]
  triggers: ["src/**"]
release:
  tag_pattern: 'v*'
  test_evidence: ["tests/**"]
  deliverables:
    - {id: threat-model, path: docs/security/threat-model.md, must: updated, clauses: ["7.2"]}
    - {id: pen-test-report, path: "docs/security/pentest/*.pdf", must: exists, clauses: ["5.7.4"]}
YML
	cat > docs/security/requirements.yml <<'YML'
requirements:
  - {id: SR-001, title: Authenticate every remote session, status: active}
  - {id: SR-002, title: Old cipher suite, status: obsolete}
YML
	cat > risk/security-risks.yml <<'YML'
risks:
  - {id: RSK-001, title: Spoofed session, controls: [SR-001], safety_risks: [HAZ-1], status: mitigated}
YML
	printf '# Threat model\n' > docs/security/threat-model.md
	mkdir -p docs/security/pentest
	printf 'pdf' > docs/security/pentest/2026-q4.pdf
	printf '/* verifies SR-001 */\n' > tests/test_session.c
	printf 'int main(void) { return 0; }\n' > src/main.c
	git add -A
	git commit -q -m "Initial import

Security-Requirement: SR-001
Risk-Assessment: unchanged - first import"
}

release_repo "$SG_TMP/r1"

test_begin "a first release checks the whole history and passes"
run_sg release
expect_status 0
expect_out "first release"
expect_out "PASS"

test_begin "--tag creates an annotated tag carrying the gate summary"
run_sg release --tag v1.0 -m "Pump 1.0"
expect_status 0
expect_out "created annotated tag v1.0"
[ "$(git cat-file -t refs/tags/v1.0)" = tag ] || fail "v1.0 is not an annotated tag"
[ "$(git rev-parse 'v1.0^{commit}')" = "$(git rev-parse HEAD)" ] || fail "v1.0 is not on HEAD"
git cat-file -p refs/tags/v1.0 > "$SG_TMP/tagmsg"
grep -q "^Pump 1.0$" "$SG_TMP/tagmsg" || fail "tag message lacks -m text"
grep -q "sdlgate release gate: PASS" "$SG_TMP/tagmsg" || fail "tag message lacks the verdict"
grep -q "Previous release: none" "$SG_TMP/tagmsg" || fail "tag message lacks the previous release"
grep -Eq "evidence.json sha256 [0-9a-f]{64}" "$SG_TMP/tagmsg" || fail "tag message lacks the evidence digest"

test_begin "the evidence digest in the tag is reproducible from the repository"
run_sg release v1.0 --report "$SG_TMP/ev1"
expect_status 0
digest=$(sha256sum "$SG_TMP/ev1/evidence.json" | cut -d' ' -f1)
grep -q "evidence.json sha256 $digest" "$SG_TMP/tagmsg" || fail "digest $digest is not the one in the tag"

test_begin "a stale deliverable is refused, naming it, its clause and its last change"
printf 'int main(void) { return 1; }\n' > src/main.c
git commit -q -am "Return an error code

Security-Requirement: SR-001
Risk-Assessment: unchanged - exit code only"
first=$(git rev-parse --short=7 "v1.0^{commit}")
run_sg release
expect_status 1
expect_out "release-deliverables"
expect_out "deliverable 'threat-model' (docs/security/threat-model.md) has not changed since the previous release"
expect_out "last changed in $first"
expect_out "7.2 Identification of vulnerabilities"
expect_out "previous release: v1.0"

test_begin "--tag on a failing gate exits 1 and creates no tag"
run_sg release --tag v1.1
expect_status 1
expect_err "tag 'v1.1' was not created"
if git rev-parse -q --verify refs/tags/v1.1 >/dev/null; then fail "v1.1 was created"; fi

test_begin "an accepted requirement no test cites is refused"
printf '# Threat model\n\nSession spoofing considered.\n' > docs/security/threat-model.md
cat >> docs/security/requirements.yml <<'YML'
  - {id: SR-003, title: Log every dose change, status: active}
YML
git commit -q -am "Add the dose log requirement

Security-Requirement: SR-003"
run_sg release
expect_status 1
expect_not_out "release-deliverables"
expect_out "requirement SR-003 (Log every dose change) is not cited by any test-evidence file (tests/**)"
expect_out "requirement SR-003 controls no security risk"
expect_not_out "requirement SR-002"

test_begin "an open risk is refused"
printf '/* SR-003: every dose change is logged */\n' > tests/test_log.c
cat >> risk/security-risks.yml <<'YML'
  - {id: RSK-002, title: Silent dose change, controls: [SR-003], safety_risks: [HAZ-7], status: open}
YML
git add -A
git commit -q -m "Test the dose log, record its risk

Security-Requirement: SR-003"
run_sg release
expect_status 1
expect_out "risk RSK-002 (Silent dose change) is still open"
expect_out "risk/security-risks.yml (line 3)"
expect_not_out "is not cited by any test-evidence file"

test_begin "when everything is in place --tag creates the next release"
sed -i 's/status: open/status: mitigated/' risk/security-risks.yml
git commit -q -am "Mitigate the silent dose change

Security-Requirement: SR-003"
run_sg release --tag v1.1
expect_status 0
expect_out "previous release: v1.0"
expect_out "created annotated tag v1.1"
git cat-file -p refs/tags/v1.1 | grep -q "Previous release: v1.0 ($(git rev-parse v1.0^{commit}))" ||
	fail "v1.1 does not name v1.0 as its previous release"

test_begin "the release gate runs the change rules over the release range"
git commit -q --allow-empty -m "No requirement here"
run_sg release
expect_status 1
expect_out "requirement-reference"
expect_out "the change cites no secure requirement"
git reset -q --hard v1.1

test_begin "--tag refuses a name outside release.tag_pattern, and an existing tag"
run_sg release --tag release-2
expect_status 2
expect_err "does not match release.tag_pattern 'v*'"
run_sg release --tag v1.1
expect_status 2
expect_err "tag 'v1.1' already exists"

test_begin "--since names the previous release explicitly"
run_sg release --since v1.0
expect_status 0
expect_out "previous release: v1.0"
expect_out "4 change(s) checked"

test_begin "an unknown revision is a repository problem (exit 3)"
run_sg release no-such-rev
expect_status 3
expect_err "unknown revision 'no-such-rev'"

test_begin "usage errors exit 2"
run_sg release --frobnicate
expect_status 2
run_sg release -m "message without a tag"
expect_status 2

release_repo "$SG_TMP/r2"

test_begin "risk-trace: unknown controls, bad safety links and duplicate IDs"
cat > risk/security-risks.yml <<'YML'
risks:
  - {id: RSK-001, title: Spoofed session, controls: [SR-001], safety_risks: [HAZ-1], status: mitigated}
  - {id: RSK-001, title: Again, controls: [SR-001], status: accepted}
  - {id: RSK-003, title: Old cipher, controls: [SR-002, SR-009], safety_risks: [hazard 4], status: mitigated}
  - {id: 9-bad, title: No controls, status: mitigated}
YML
git commit -q -am "Update the risks

Security-Requirement: SR-001"
run_sg release
expect_status 1
expect_out "risk ID 'RSK-001' is used twice"
expect_out "risk RSK-003 is controlled by SR-002, whose status 'obsolete' is not accepted"
expect_out "risk RSK-003 names control SR-009, which is not in the requirements registry"
expect_out "risk RSK-003 links safety risk 'hazard 4', which does not match 'HAZ-[0-9]+'"
expect_out "risk ID '9-bad' is not valid"
expect_out "risk 9-bad is 'mitigated' but names no controls"

test_begin "an invalid risk file is an input error naming file:line:column"
cat > risk/security-risks.yml <<'YML'
risks:
  - id: RSK-001
    status: fixed
YML
git commit -q -am "Break the risk file

Security-Requirement: SR-001"
run_sg release
expect_status 2
expect_err "risk/security-risks.yml:3:13"
expect_err "risk status must be open, mitigated or accepted, not 'fixed'"

test_begin "a missing deliverable is refused and a non-release tag is ignored"
git reset -q --hard HEAD~2
git rm -q -r docs/security/pentest
git commit -q -m "Drop the pen test report

Security-Requirement: SR-001"
git tag -a other-1 -m other HEAD~1
run_sg release
expect_status 1
expect_out "deliverable 'pen-test-report' (docs/security/pentest/*.pdf) does not exist at the release commit"
expect_out "5.7.4 Penetration testing"
expect_out "first release"

test_done
