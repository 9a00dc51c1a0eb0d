#!/bin/sh
# design-review in a shallow CI clone: whether a review is current is
# worked out over what the clone holds, never by walking into its cut.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/review_lib.sh"

review_repo "$SG_TMP/origin"
for i in 1 2 3 4 5 6; do commit_change "Old work $i" README.md "old $i"; done
base=$(git rev-parse HEAD)
commit_change "Add session handling" src/session.c "int session;"
feature=$(git rev-parse HEAD)
good_record DR-1 "$feature" > reviews/DR-1.yml
commit_record DR-1
reviewed=$(git rev-parse HEAD)
commit_change "Tweak after the review" src/session.c "int tweak;"

cd "$SG_TMP"
git clone -q --depth 4 "file://$SG_TMP/origin" shallow
cd shallow
[ "$(git rev-parse --is-shallow-repository)" = true ] || fail "the clone is not shallow"

test_begin "in a shallow clone a current review covers the change"
run_sg check --range "$base..$reviewed"
expect_status 0

test_begin "in a shallow clone a later change is reported as after the review"
run_sg check --range "$base..HEAD"
expect_status 1
expect_out "review DR-1 predates this change (it reviewed $(echo "$feature" | cut -c1-7))"
expect_not_out "Add session handling"

test_begin "in a shallow clone a note without reviewed_commit covers its commit"
printf 'id: DR-N\ndate: 2026-11-21\nreviewers: [rita@example.org]\ndecision: approved\npaths: [src/]\ncriteria:\n  DR-1: {result: pass}\n  DR-2: {result: pass}\n' > "$SG_TMP/note"
git notes --ref=refs/notes/design-review add -F "$SG_TMP/note" HEAD
run_sg check --range "$base..HEAD"
expect_status 0

test_done
