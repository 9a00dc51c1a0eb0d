#!/bin/sh
# design-review under scope.co_change: change-set (any record of the change
# set) and commit (the change must cite its review or carry the note), and
# the staged gates, where a review cannot exist yet: a reminder only.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/review_lib.sh"

review_repo "$SG_TMP/repo"
base=$(git rev-parse HEAD)
NOTES=refs/notes/design-review

# two_changes [TRAILER]: A touches src/a.c, B touches src/b.c
two_changes() {
	git checkout -q -B case "$base"
	commit_change "Change A${1:+

$1}" src/a.c "int a;"
	A=$(git rev-parse HEAD)
	commit_change "Change B${1:+

$1}" src/b.c "int b;"
	B=$(git rev-parse HEAD)
}

commit_scope() {
	printf 'scope:\n  co_change: commit\n' >> .sdlgate.yml
	git commit -q -am "Check design reviews per commit"
	base=$(git rev-parse HEAD)
}

test_begin "change-set: one record at the head covers every change"
two_changes
good_record DR-1 "$B" > reviews/DR-1.yml
commit_record DR-1
run_sg check --range "$base..HEAD"
expect_status 0

test_begin "change-set: without a review, one finding on the oldest change"
two_changes
run_sg --format json check --range "$base..HEAD"
expect_status 1
expect_out "2 change(s) touch design-review trigger paths but the change set cites no design review"
[ "$(json_values rule | grep -c design-review)" -eq 1 ] || fail "not exactly one design-review finding"
json_values commit | grep -q "$A" || fail "the finding is not on the oldest change"

test_begin "change-set: a record covering only the first change leaves the second"
two_changes
good_record DR-1 "$A" > reviews/DR-1.yml
commit_record DR-1
run_sg --format json check --range "$base..HEAD"
expect_status 1
expect_out "review DR-1 predates this change"
json_values commit | grep -q "$B" || fail "no finding on change B"

git checkout -q main
commit_scope

test_begin "commit: a record cited elsewhere in the change set does not cover"
two_changes
good_record DR-1 "$B" > reviews/DR-1.yml
commit_record DR-1
run_sg --format json check --range "$base..HEAD"
expect_status 1
expect_out "the change touches design-review trigger paths but does not cite a design review itself"
expect_out "scope.co_change: commit"
[ "$(json_values rule | grep -c design-review)" -eq 2 ] || fail "not one finding per change"

test_begin "commit: each change citing the record it is covered by passes"
two_changes "Design-Review: DR-1"
good_record DR-1 "$B" > reviews/DR-1.yml
git add -A
git commit -q -m "Add the review record"
run_sg check --range "$base..HEAD"
expect_status 0

test_begin "commit: a note covers the commit it is attached to, and only that one"
two_changes
printf 'id: DR-N\ndate: 2026-11-21\nreviewers: [rita@example.org]\ndecision: approved\npaths: [src/]\ncriteria:\n  DR-1: {result: pass}\n  DR-2: {result: pass}\n' > "$SG_TMP/note"
git notes --ref="$NOTES" add -f -F "$SG_TMP/note" "$B"
run_sg --format json check --range "$base..HEAD"
expect_status 1
json_values commit | grep -q "$A" || fail "change A is not reported"
json_values commit | grep -q "$B" && fail "change B, which carries the note, is reported"
git update-ref -d "$NOTES"

test_begin "commit: a note on a change with reviewed_commit later still covers it"
two_changes
printf 'id: DR-N\ndate: 2026-11-21\nreviewers: [rita@example.org]\ndecision: approved\nreviewed_commit: %s\npaths: [src/]\ncriteria:\n  DR-1: {result: pass}\n  DR-2: {result: pass}\n' "$B" > "$SG_TMP/note"
git notes --ref="$NOTES" add -f -F "$SG_TMP/note" "$A"
git notes --ref="$NOTES" add -f -F "$SG_TMP/note" "$B"
run_sg check --range "$base..HEAD"
expect_status 0
git update-ref -d "$NOTES"

git checkout -q main

test_begin "pre-commit: a staged trigger change gets a reminder, not a failure"
git checkout -q -B staged "$base"
printf 'int staged;\n' >> src/main.c
git add src/main.c
run_sg check --staged
expect_status 0
expect_out "warning design-review  src/main.c"
expect_out "reminder: this change touches design-review trigger paths; a design review must cover it before it is pushed"

test_begin "commit-msg: a cited record in the index is validated now"
cat > reviews/DR-5.yml <<'YML'
id: DR-5
date: 2026-11-21
reviewers: [rita@example.org]
decision: approved
reviewed_commit: 0000000
paths: [src/]
criteria:
  DR-1: {result: pass}
  DR-3: {result: pass}
YML
git add reviews/DR-5.yml
printf 'Record the review\n\nDesign-Review: DR-5\n' > "$SG_TMP/msg"
run_sg commit-msg "$SG_TMP/msg"
expect_status 2
expect_err "reviews/DR-5.yml:9:3: unknown criterion 'DR-3'"
git rm -q --cached reviews/DR-5.yml
rm reviews/DR-5.yml

test_begin "commit-msg: a record that is not there yet is no error before the push"
printf 'Change with a planned review\n\nDesign-Review: DR-77\n' > "$SG_TMP/msg"
run_sg commit-msg "$SG_TMP/msg"
expect_status 0
expect_out "reminder:"
expect_not_out "names no review record"

test_begin "a real git commit through a pre-commit hook passes with the reminder"
mkdir -p .git/hooks
printf '#!/bin/sh\nexec "%s" check --staged\n' "$SDLGATE" > .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
run_cmd git commit -q -m "Staged change"
expect_status 0
expect_err "reminder: this change touches design-review trigger paths"
[ "$(git log -1 --format=%s)" = "Staged change" ] || fail "the commit was not made"
rm .git/hooks/pre-commit
git checkout -q main

test_done
