#!/bin/sh
# policy-change: a change to the policy needs a covering design review, or
# (without a design_review section) a waiver; the finding is on the commit
# that changed the policy.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/review_lib.sh"

# --- without a design_review section ------------------------------------
git init -q "$SG_TMP/plain"
cd "$SG_TMP/plain"
mkdir -p src policy
printf 'version: 1\nproduct: Plain device\n' > .sdlgate.yml
printf 'int main;\n' > src/main.c
git add -A
git commit -q -m "Adopt sdlgate"
root=$(git rev-parse HEAD)

test_begin "the commit that adds the policy adopts the gate: no finding"
run_sg check --range HEAD
expect_status 0
expect_out "$(echo "$root" | cut -c1-7) adopts the policy (.sdlgate.yml is new): no review needed"

printf 'rules:\n  waiver-expired: warning\n' >> .sdlgate.yml
git commit -q -am "Relax the waiver rule"
changed=$(git rev-parse HEAD)
short=$(echo "$changed" | cut -c1-7)
commit_change "Unrelated" src/main.c "int x;"

test_begin "a policy change without design_review fails on the commit that made it"
run_sg --format json check --range "$root..HEAD"
expect_status 1
expect_out "the change modifies the policy, and without a 'design_review' section only a waiver clears it"
[ "$(json_values rule | grep -c policy-change)" -eq 1 ] || fail "not exactly one policy-change finding"
json_values commit | grep -q "$changed" || fail "the finding is not on $changed"
expect_out '"paths":	[".sdlgate.yml"]'

test_begin "the text report says how to waive it"
run_sg check --range "$root..HEAD"
expect_out "error   policy-change  .sdlgate.yml"
expect_out "waivers: [{rule: policy-change, commit: $short"

test_begin "a waiver in the enforced policy clears it"
cp .sdlgate.yml "$SG_TMP/target.yml"
printf 'waivers:\n  - {rule: policy-change, commit: %s, reason: relaxation agreed in CCB-12, approved_by: qa@example.org, expires: 2027-06-30}\n' "$short" >> "$SG_TMP/target.yml"
run_sg --policy "$SG_TMP/target.yml" check --range "$root..HEAD"
expect_status 0
expect_out "waived  policy-change"
expect_out "waived: relaxation agreed in CCB-12"

test_begin "policy-change cannot be turned off"
cp .sdlgate.yml "$SG_TMP/off.yml"
printf '  policy-change: off\n' >> "$SG_TMP/off.yml"
run_sg --policy "$SG_TMP/off.yml" check --range "$root..HEAD"
expect_status 1
expect_out "policy-change"

test_begin "deleting the policy is a policy change"
git checkout -q -b delete
git rm -q .sdlgate.yml
git commit -q -m "Drop the gate"
deleted=$(git rev-parse HEAD)
run_sg --policy-from main --format json check --range "main..HEAD"
expect_status 1
json_values commit | grep -q "$deleted" || fail "the deletion is not reported"
git checkout -q main

test_begin "a repository file the policy extends is policy too"
git checkout -q -b extends
printf 'version: 1\nrules:\n  waiver-expired: error\n' > policy/base.yml
printf 'version: 1\nextends: policy/base.yml\nproduct: Plain device\n' > .sdlgate.yml
git add -A
git commit -q -m "Split the policy"
split=$(git rev-parse HEAD)
printf '# weaker\n' >> policy/base.yml
git commit -q -am "Weaken the base policy"
weak=$(git rev-parse HEAD)
run_sg --format json check --range "$split..HEAD"
expect_status 1
expect_out '"paths":	["policy/base.yml"]'
json_values commit | grep -q "$weak" || fail "the change to the extended file is not reported"
git checkout -q main

test_begin "pre-commit: a staged policy change is a reminder"
printf '# staged\n' >> .sdlgate.yml
git add .sdlgate.yml
run_sg check --staged
expect_status 0
expect_out "warning policy-change  .sdlgate.yml"
expect_out "reminder: this change modifies the policy"
git reset -q --hard

# --- with a design_review section ------------------------------------------
review_repo "$SG_TMP/reviewed"
base=$(git rev-parse HEAD)
sed -i 's/min_reviewers: 1/min_reviewers: 1 # reviewed/' .sdlgate.yml
git commit -q -am "Document min_reviewers"
policy=$(git rev-parse HEAD)

# policy_case NAME STATUS TEXT PATHS REVIEWED
policy_case() {
	test_begin "$1"
	git checkout -q -B case "$policy"
	cat > reviews/DR-P.yml <<YML
id: DR-P
date: 2026-11-22
reviewers: [rita@example.org]
decision: approved
reviewed_commit: $5
paths: $4
criteria:
  DR-1: {result: pass, note: no weakening}
  DR-2: {result: n/a, note: no interface}
YML
	commit_record DR-P
	run_sg --format json check --range "$base..HEAD"
	expect_status "$2"
	if [ -n "$3" ]; then expect_out "$3"; fi
	if [ "$2" -eq 1 ]; then
		json_values commit | grep -q "$policy" || fail "the finding is not on the policy change"
	fi
	git checkout -q main
}

test_begin "a policy change without a review fails"
run_sg check --range "$base..$policy"
expect_status 1
expect_out "the change touches the policy (.sdlgate.yml) but the change set cites no design review"

policy_case "a review whose paths cover the policy clears it" 0 "" '[.sdlgate.yml]' "$policy"
policy_case "a review of other paths does not" 1 "its paths do not cover .sdlgate.yml" '["src/**"]' "$policy"
policy_case "a review of an older state does not" 1 "review DR-P predates this change" '[.sdlgate.yml]' "$base"

test_begin "design-review and policy-change are judged separately"
git checkout -q -B both "$base"
printf '# both\n' >> .sdlgate.yml
printf 'int both;\n' >> src/main.c
git commit -q -am "Policy and code together"
both=$(git rev-parse HEAD)
good_record DR-B "$both" > reviews/DR-B.yml
commit_record DR-B
run_sg check --range "$base..HEAD"
expect_status 1
expect_out "error   policy-change  .sdlgate.yml"
expect_not_out "error   design-review"
git checkout -q main

test_done
