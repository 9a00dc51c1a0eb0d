#!/bin/sh
# design-review with record files: every coverage condition, table-driven.
# Each case branches from the same triggering change, commits a record
# reviews/DR-1.yml citing it, and checks the change set.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/review_lib.sh"

review_repo "$SG_TMP/repo"
base=$(git rev-parse HEAD)
commit_change "Add session handling" src/session.c "int session;"
feature=$(git rev-parse HEAD)
git checkout -q -b elsewhere "$base"
commit_change "Unrelated work" src/other.c "int other;"
elsewhere=$(git rev-parse HEAD)
git checkout -q main

test_begin "a triggering change without any review fails, once for the change set"
run_sg check --range "$base..$feature"
expect_status 1
expect_out "design-review"
expect_out "1 change(s) touch design-review trigger paths but the change set cites no design review"
expect_out "sdlgate review template --range"

# record_case NAME STATUS EXPECTED-TEXT: the record on stdin, with @FEATURE@,
# @SHORT@, @BASE@ and @ELSEWHERE@ replaced
record_case() {
	test_begin "$1"
	git checkout -q -B case "$feature"
	sed -e "s/@FEATURE@/$feature/g" -e "s/@SHORT@/$(echo "$feature" | cut -c1-7)/g" \
	    -e "s/@BASE@/$base/g" -e "s/@ELSEWHERE@/$elsewhere/g" > reviews/DR-1.yml
	commit_record DR-1
	run_sg check --range "$base..HEAD"
	expect_status "$2"
	if [ -n "$3" ]; then
		if [ "$2" -eq 2 ]; then expect_err "$3"; else expect_out "$3"; fi
	fi
	if [ "$2" -eq 1 ]; then expect_out "design review DR-1 does not cover it"; fi
	git checkout -q main
}

record_case "an approved, complete, independent, current record covers the change" 0 "" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass, note: gateway terminates TLS}
  DR-2: {result: n/a, note: no new interface}
YML

record_case "an abbreviated reviewed_commit of 7 digits is enough" 0 "" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: rita@example.org
decision: approved
reviewed_commit: @SHORT@
paths: [src/session.c]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "decision changes-requested does not cover" 1 "decision is 'changes-requested'" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: changes-requested
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "decision rejected does not cover" 1 "decision is 'rejected'" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: rejected
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "an unanswered criterion does not cover" 1 "criterion DR-2 is not answered" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
YML

record_case "no criterion answered lists them all" 1 "criteria DR-1, DR-2 are not answered" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria: {}
YML

record_case "a failed criterion blocks" 1 "criterion DR-1 failed" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: fail, note: the gateway is bypassed}
  DR-2: {result: pass}
YML

record_case "n/a without a note does not cover" 1 "criterion DR-2 is n/a without a note" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: n/a, note: "  "}
YML

record_case "no reviewers is fewer than min_reviewers" 1 "0 reviewer(s), the policy needs 1" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: []
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "the author reviewing their own change is not independent" 1 "reviewer dana@example.org is the author of this change" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [dana@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "identities compare ignoring case" 1 "reviewer dana@example.org is the author of this change" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: ["Someone <DANA@Example.ORG>"]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "paths that do not cover the trigger paths do not cover" 1 "its paths do not cover src/session.c" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/net/**", docs/]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "a review of an older state predates the change" 1 "review DR-1 predates this change" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @BASE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "a review of another branch does not contain the change" 1 "which does not contain this change" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @ELSEWHERE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "every failed condition is named at once" 1 "decision is 'rejected', criterion DR-2 is not answered, reviewer dana@example.org is the author of this change, its paths do not cover src/session.c, review DR-1 predates this change" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [dana@example.org]
decision: rejected
reviewed_commit: @BASE@
paths: [docs/]
criteria:
  DR-1: {result: pass}
YML

# malformed records: input errors (exit 2) naming file:line:column
record_case "a reviewed_commit that does not exist is an input error at its position" 2 "reviews/DR-1.yml:5:18: reviewed_commit 'deadbeefdeadbeef' is not a commit of this repository" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: deadbeefdeadbeef
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "an unknown criterion id is an input error" 2 "reviews/DR-1.yml:10:3: unknown criterion 'DR-9'" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
  DR-9: {result: pass}
YML

record_case "an unknown decision is an input error" 2 "reviews/DR-1.yml:4:11: 'decision' must be approved, changes-requested or rejected, not 'lgtm'" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: lgtm
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "a date that is not a calendar date is an input error" 2 "reviews/DR-1.yml:2:7: 'date' must be a date YYYY-MM-DD, not '2026-02-30'" <<'YML'
id: DR-1
date: 2026-02-30
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "a missing field is an input error" 2 "reviews/DR-1.yml:1:1: the review record has no 'reviewers'" <<'YML'
id: DR-1
date: 2026-11-20
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "a record file needs reviewed_commit" 2 "the review record has no 'reviewed_commit'" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "an unknown result is an input error" 2 "reviews/DR-1.yml:8:18: the result of criterion 'DR-1' must be pass, fail or n/a, not 'ok'" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: ok}
  DR-2: {result: pass}
YML

record_case "an id that does not match the file name is an input error" 2 "reviews/DR-1.yml:1:5: the record says id 'DR-7' but its file name says 'DR-1'" <<'YML'
id: DR-7
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "an unknown key is an input error" 2 "reviews/DR-1.yml:7:1: unknown key 'approved_by' in 'review record'" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: @FEATURE@
paths: ["src/**"]
approved_by: boss
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

record_case "broken YAML is an input error with its position" 2 "reviews/DR-1.yml:4:9: invalid YAML" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org
decision: approved
YML

record_case "an unfilled template placeholder is an input error" 2 "reviews/DR-1.yml:4:11: '<approved|changes-requested|rejected>' is a placeholder" <<'YML'
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: <approved|changes-requested|rejected>
reviewed_commit: @FEATURE@
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML

test_begin "an input error says what to do"
git checkout -q -B case "$feature"
printf 'id: DR-1\ndate: 2026-11-20\nreviewers: [rita@example.org]\ndecision: approved\nreviewed_commit: %s\npaths: [src/]\ncriteria:\n  DR-3: {result: pass}\n' "$feature" > reviews/DR-1.yml
commit_record DR-1
run_sg check --range "$base..HEAD"
expect_status 2
expect_err "hint: the policy's design_review.criteria are: DR-1, DR-2"
git checkout -q main

test_begin "a trailer naming no record is an error on the citing commit"
git checkout -q -B case "$feature"
git commit -q --allow-empty -m "Claim a review

Design-Review: DR-404"
claim=$(git rev-parse HEAD)
run_sg --format json check --range "$base..HEAD"
expect_status 1
expect_out "'Design-Review: DR-404' names no review record: reviews/DR-404.yml is not in"
json_values commit | grep -q "$claim" || fail "no finding on the citing commit $claim"
git checkout -q main

test_begin "a trailer value that is not a record id is refused, not used as a path"
git checkout -q -B case "$feature"
git commit -q --allow-empty -m "Sneaky

Design-Review: ../../etc/passwd"
run_sg check --range "$base..HEAD"
expect_status 1
expect_out "'Design-Review: ../../etc/passwd' is not a review record id"
git checkout -q main

# two_reviews COMMIT: on a branch from $feature, a commit citing DR-1
# (rejected) and DR-2 (approved, reviewed_commit COMMIT), then the check
two_reviews() {
	git checkout -q -B case "$feature"
	good_record DR-2 "$1" > reviews/DR-2.yml
	sed 's/decision: approved/decision: rejected/; s/id: DR-2/id: DR-1/' reviews/DR-2.yml > reviews/DR-1.yml
	git add -A
	git commit -q -m "Two reviews

Design-Review: DR-1, DR-2"
	run_sg check --range "$base..HEAD"
}

test_begin "several ids in one trailer: one good record is enough"
two_reviews "$feature"
expect_status 0
git checkout -q main

test_begin "with several candidates none covering, each says why"
two_reviews "$base"
expect_status 1
expect_out "no design review covers it: DR-1: decision is 'rejected'"
expect_out "; DR-2: review DR-2 predates this change"
git checkout -q main

test_begin "a later change claiming an older review is not covered"
git checkout -q -B case "$feature"
good_record DR-1 "$feature" > reviews/DR-1.yml
commit_record DR-1
git commit -q --allow-empty -m "noop"
commit_change "Tweak session after the review

Design-Review: DR-1" src/session.c "int tweak;"
late=$(git rev-parse HEAD)
run_sg --format json check --range "$base..HEAD"
expect_status 1
expect_out "review DR-1 predates this change"
json_values commit | grep -q "$late" || fail "the finding is not on the late change"
git checkout -q main

test_begin "a review of a merge covers the changes of both sides"
git checkout -q -B mainline "$feature"
git merge -q --no-ff -m "Merge unrelated work" "$elsewhere"
merge=$(git rev-parse HEAD)
good_record DR-1 "$merge" > reviews/DR-1.yml
commit_record DR-1
run_sg check --range "$base..HEAD"
expect_status 0
expect_out "1 merge commit(s) skipped"
git checkout -q main

test_begin "records are read from the change set's head, not the working tree"
git checkout -q -B case "$feature"
good_record DR-1 "$feature" > reviews/DR-1.yml
commit_record DR-1
printf 'garbage: [\n' > reviews/DR-1.yml
run_sg check --range "$base..HEAD"
expect_status 0
git checkout -q -- reviews/DR-1.yml
git checkout -q main

test_begin "a record file never needs a review of its own"
git checkout -q -B case "$base"
sed -i 's|triggers: \["src/\*\*", "docs/architecture/\*\*"\]|triggers: ["**"]|' .sdlgate.yml
git commit -q -am "Everything triggers

Design-Review: DR-0"
mkdir -p reviews
cat > reviews/DR-0.yml <<YML
id: DR-0
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: $(git rev-parse HEAD)
paths: ["**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML
commit_record DR-0
run_sg check --range "$base..HEAD"
expect_status 0
expect_not_out "reviews/DR-0.yml"
git checkout -q -- .
git checkout -q main

test_done
