#!/bin/sh
# Review notes through the server: a notes ref is not code, and notes
# pushed with the branch they review are what the server judges it by.
. "$(dirname "$0")/lib-hooks.sh"
. "$(dirname "$0")/review_lib.sh"

review_repo "$SG_TMP/dev" "requirements: {}" >/dev/null
git commit -q --amend -m "Initial import

Security-Requirement: SR-001"
git init -q --bare "$SG_TMP/server.git"
git remote add origin "$SG_TMP/server.git"
run_cmd git push origin main
expect_status 0
"$SDLGATE" -C "$SG_TMP/server.git" install-hooks >/dev/null || fail "install-hooks"

echo "int session;" >> src/main.c
git commit -q -am "Add session handling

Security-Requirement: SR-001"
feature=$(git rev-parse HEAD)

test_begin "without a review the server refuses the design change"
run_cmd git push origin main
expect_status 1
expect_err "design-review"

test_begin "the branch and its review note go in one push"
good_record DR-2026-001 "$feature" > "$SG_TMP/rec.yml"
GIT_COMMITTER_NAME=Rita GIT_COMMITTER_EMAIL=rita@example.org \
	git notes --ref=refs/notes/design-review add -F "$SG_TMP/rec.yml" "$feature"
run_cmd git push origin main refs/notes/design-review
expect_status 0
expect_err "the review notes of this push are used to judge its commits"
[ "$(rev ../server.git main)" = "$feature" ] || fail "main did not move"

test_begin "a later notes-only push is not checked as code"
printf 'Reviewed again.\n' > "$SG_TMP/extra"
git notes --ref=refs/notes/other add -F "$SG_TMP/extra" "$feature"
run_cmd git push origin refs/notes/other
expect_status 0
expect_err "nothing to check (deletions, notes or non-commits only)"

test_done
