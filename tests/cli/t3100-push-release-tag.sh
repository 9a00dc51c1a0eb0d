#!/bin/sh
# A pushed tag matching release.tag_pattern runs the release gate, at the
# client's pre-push and at the server's pre-receive.
. "$(dirname "$0")/lib-hooks.sh"

new_server "$SG_TMP/server.git"
new_client "$SG_TMP/dev" "$SG_TMP/server.git"
cat >> .sdlgate.yml <<'YML'
release:
  tag_pattern: 'v*'
  deliverables:
    - {id: threat-model, path: docs/security/threat-model.md, must: exists, clauses: ["7.2"]}
  test_evidence: ["tests/**"]
YML
mkdir -p tests
printf 'test_session: covers SR-001\n' > tests/session.txt
git add -A
# part of the first commit, which adopts the policy: a later change to
# the policy would need a review or a waiver (policy-change)
git commit -q --amend -m "Initial import with a release section

Security-Requirement: SR-001
Security-Impact: none - policy and tests only"
run_cmd git push -q origin main
expect_status 0

test_begin "pre-push refuses a release tag whose deliverable is missing"
git tag -a v1.0 -m "Release 1.0"
run_cmd git push origin v1.0
expect_status 1
expect_output "matches release.tag_pattern 'v*': running the release gate"
expect_output "release-deliverables"
expect_output "threat-model"
[ "$(rev ../server.git v1.0)" = none ] || fail "the tag reached the server"

test_begin "pushing the tag with --no-verify is refused by the server's release gate"
run_cmd git push --no-verify origin v1.0
expect_status 1
expect_err "remote: sdlgate: tag 'v1.0' matches release.tag_pattern"
expect_err "release-deliverables"
[ "$(rev ../server.git v1.0)" = none ] || fail "the server accepted the tag"

test_begin "a tag that does not match the pattern gets the range check only"
git tag nightly-1
run_cmd git push origin nightly-1
expect_status 0
[ "$(rev ../server.git nightly-1)" != none ] || fail "nightly tag refused"

test_begin "with the deliverable in place the release tag goes through both gates"
git tag -d v1.0 >/dev/null
printf '# Threat model\n' > docs/security/threat-model.md
git add -A
git commit -q -m "Threat model

Security-Requirement: SR-001
Security-Impact: none - documentation"
git tag -a v1.0 -m "Release 1.0"
run_cmd git push origin main v1.0
expect_status 0
[ "$(rev ../server.git v1.0)" = "$(rev . v1.0)" ] || fail "the tag did not reach the server"

test_done
