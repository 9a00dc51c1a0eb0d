#!/bin/sh
# A merge request is judged by the target's .mailmap: a branch that drops
# the line tying an alias to its author cannot then review its own work
# under that alias.
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
good_record DR-1 "$feature" dana.home@example.net > reviews/DR-1.yml
commit_record DR-1

test_begin "the branch's own mailmap would let the alias pass"
run_sg check --range main..HEAD --policy-from main
[ "$status" -eq 1 ] || [ "$status" -eq 0 ] || fail "unexpected exit $status"
grep -q "is the author" "$SG_TMP/out" && fail "the branch mailmap already caught it (test premise)"

test_begin "--mr uses the target's mailmap: the alias is the author"
run_sg check --mr --base main
expect_status 1
expect_out "is the author of this change"

test_done
