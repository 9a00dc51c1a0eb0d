#!/bin/sh
# A merge request is judged by what the target holds: its .mailmap (a
# branch that drops the line tying an alias to its author cannot then
# review its own work under that alias), and its review records (a record
# file the branch writes for itself does not count).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/review_lib.sh"

review_repo "$SG_TMP/repo"
printf 'Dana Developer <dana@example.org> <dana.home@example.net>\n' > .mailmap
git add .mailmap
git commit -q -m "Map our aliases"
git checkout -q -b feature
: > .mailmap
git commit -q -am "Tidy the mailmap"
commit_change "Add session handling" src/session.c "int session;"
feature=$(git rev-parse HEAD)
# the review as a note: notes belong to the repository, not to the branch
good_record DR-1 "$feature" dana.home@example.net > "$SG_TMP/note"
git notes --ref=refs/notes/design-review add -F "$SG_TMP/note" "$feature"

test_begin "the branch's own mailmap would let the alias pass"
run_sg check --range main..HEAD --policy-from main
[ "$status" -eq 1 ] || [ "$status" -eq 0 ] || fail "unexpected exit $status"
grep -q "is the author" "$SG_TMP/out" && fail "the branch mailmap already caught it (test premise)"

test_begin "--mr uses the target's mailmap: the alias is the author"
run_sg check --mr --base main
expect_status 1
expect_out "is the author of this change"

test_begin "a review record file the branch commits for itself counts in a range check"
git notes --ref=refs/notes/design-review remove "$feature" 2>/dev/null
good_record DR-2 "$feature" > reviews/DR-2.yml
commit_record DR-2
run_sg check --range main..HEAD --policy-from main
expect_not_out "names no review record"

test_begin "--mr reads review records from the target only, and says how to provide one"
run_sg check --mr --base main
expect_status 1
expect_out "'Design-Review: DR-2' names no review record: reviews/DR-2.yml is not in"
expect_out "review records are read from the target, never from the branch being judged"

test_done
