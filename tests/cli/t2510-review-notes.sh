#!/bin/sh
# design-review with records as git notes under design_review.notes_ref:
# attached to a commit of the change set, with or without reviewed_commit.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/review_lib.sh"

review_repo "$SG_TMP/repo"
base=$(git rev-parse HEAD)
commit_change "Add session handling" src/session.c "int session;"
first=$(git rev-parse HEAD)
commit_change "Validate session input" src/input.c "int input;"
second=$(git rev-parse HEAD)
NOTES=refs/notes/design-review

# note_record ID [REVIEWED]: a record for a note (reviewed_commit optional)
note_record() {
	printf 'id: %s\ndate: 2026-11-21\nreviewers: [rita@example.org]\ndecision: approved\n' "$1"
	if [ -n "${2:-}" ]; then printf 'reviewed_commit: %s\n' "$2"; fi
	printf 'paths: ["src/**"]\ncriteria:\n  DR-1: {result: pass}\n  DR-2: {result: n/a, note: no interface}\n'
}

reset_notes() {
	git update-ref -d "$NOTES" 2>/dev/null || true
}

test_begin "a note without reviewed_commit on the head covers the change set"
reset_notes
note_record DR-N1 > "$SG_TMP/note"
git notes --ref="$NOTES" add -F "$SG_TMP/note" "$second"
run_sg check --range "$base..$second"
expect_status 0

test_begin "a note on the older change covers it but not the later one"
reset_notes
git notes --ref="$NOTES" add -F "$SG_TMP/note" "$first"
run_sg --format json check --range "$base..$second"
expect_status 1
expect_out "design review DR-N1 (note on $(echo "$first" | cut -c1-7)) does not cover it: review DR-N1 predates this change"
json_values commit | grep -q "$second" || fail "the finding is not on the later change"
json_values commit | grep -q "$first" && fail "the reviewed change has a finding"

test_begin "a note with reviewed_commit covers up to that commit, wherever it is attached"
reset_notes
note_record DR-N2 "$second" > "$SG_TMP/note"
git notes --ref="$NOTES" add -F "$SG_TMP/note" "$first"
run_sg check --range "$base..$second"
expect_status 0

test_begin "a note that is not approved does not cover"
reset_notes
note_record DR-N3 | sed 's/decision: approved/decision: changes-requested/' > "$SG_TMP/note"
git notes --ref="$NOTES" add -F "$SG_TMP/note" "$second"
run_sg check --range "$base..$second"
expect_status 1
expect_out "decision is 'changes-requested'"

test_begin "notes on commits outside the change set are not looked at"
reset_notes
note_record DR-N4 | sed 's/decision: approved/decision: bogus/' > "$SG_TMP/note"
git notes --ref="$NOTES" add -F "$SG_TMP/note" "$base"
run_sg check --range "$base..$second"
expect_status 1
expect_out "cites no design review"

test_begin "a malformed note is an input error naming the note's commit"
reset_notes
note_record DR-N5 | sed 's/DR-2: /DR-7: /' > "$SG_TMP/note"
git notes --ref="$NOTES" add -F "$SG_TMP/note" "$second"
run_sg check --range "$base..$second"
expect_status 2
expect_err "note on $second:8:3: unknown criterion 'DR-7'"
expect_err "hint:"

test_begin "a note whose reviewed_commit does not exist is an input error"
reset_notes
note_record DR-N6 0123456789abcdef > "$SG_TMP/note"
git notes --ref="$NOTES" add -F "$SG_TMP/note" "$second"
run_sg check --range "$base..$second"
expect_status 2
expect_err "note on $second:5:18: reviewed_commit '0123456789abcdef' is not a commit of this repository"

test_begin "a note that is not YAML is an input error naming the commit"
reset_notes
git notes --ref="$NOTES" add -m "LGTM: [ship it" "$second"
run_sg check --range "$base..$second"
expect_status 2
expect_err "note on $second:"
expect_err "invalid YAML"

test_begin "an oversized note is refused before it is loaded"
reset_notes
head -c 300000 /dev/zero | tr '\0' 'x' > "$SG_TMP/big"
git notes --ref="$NOTES" add -F "$SG_TMP/big" "$second"
run_sg check --range "$base..$second"
expect_status 2
expect_err "the note of $second in '$NOTES' is 300001 bytes, more than the 262144 allowed"

test_begin "notes under another ref do not count"
reset_notes
note_record DR-N7 > "$SG_TMP/note"
git notes --ref=refs/notes/commits add -F "$SG_TMP/note" "$second"
run_sg check --range "$base..$second"
expect_status 1
expect_out "cites no design review"
git update-ref -d refs/notes/commits

test_begin "a trailer may cite a record that lives in a note"
reset_notes
note_record DR-N8 "$second" > "$SG_TMP/note"
git notes --ref="$NOTES" add -F "$SG_TMP/note" "$first"
git checkout -q -b cite "$second"
git commit -q --allow-empty -m "Cite the note

Design-Review: DR-N8"
run_sg check --range "$base..HEAD"
expect_status 0
expect_not_out "names no review record"
git checkout -q main

test_begin "a change set touching no trigger may cite a record in a note on its commit"
git checkout -q -b cite-only "$second"
git commit -q --allow-empty -m "Only cite

Design-Review: DR-N9"
note_record DR-N9 "$second" > "$SG_TMP/note"
git notes --ref="$NOTES" add -f -F "$SG_TMP/note" HEAD
run_sg check --range "$second..HEAD"
expect_status 0
expect_not_out "names no review record"
git checkout -q main

test_done
