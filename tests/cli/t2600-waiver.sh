#!/bin/sh
# Waivers: matched by rule and commit (abbreviated oid) or path, kept in the
# report as waived; expired waivers are errors, stale ones warnings.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/review_lib.sh"

review_repo "$SG_TMP/repo"
base=$(git rev-parse HEAD)
commit_change "Add session handling" src/session.c "int session;"
feature=$(git rev-parse HEAD)
short=$(echo "$feature" | cut -c1-7)
commit_change "Fix a typo" README.md "typo"
head=$(git rev-parse HEAD)
POLICY=$SG_TMP/policy.yml

# with_waivers YAML-LINES...: the repository's policy plus these waivers
with_waivers() {
	cp .sdlgate.yml "$POLICY"
	printf 'waivers:\n' >> "$POLICY"
	for w in "$@"; do printf '  - %s\n' "$w" >> "$POLICY"; done
}

W="reason: emergency fix reviewed after release, approved_by: qa@example.org"

# waiver_case NAME STATUS EXPECTED-TEXT WAIVER...
waiver_case() {
	name=$1 want=$2 text=$3
	shift 3
	test_begin "$name"
	with_waivers "$@"
	run_sg --policy "$POLICY" check --range "$base..$head"
	expect_status "$want"
	if [ -n "$text" ]; then expect_out "$text"; fi
}

test_begin "without a waiver the missing review fails"
run_sg check --range "$base..$head"
expect_status 1

waiver_case "a commit waiver of 7 digits waives the finding" 0 "waived  design-review" \
	"{rule: design-review, commit: $short, $W, expires: 2027-01-31}"
expect_out "waived: emergency fix reviewed after release"
expect_out "0 error(s), 0 warning(s), 1 waived"

waiver_case "a commit waiver matches ignoring case" 0 "1 waived" \
	"{rule: design-review, commit: $(echo "$short" | tr a-f A-F), $W, expires: 2027-01-31}"

waiver_case "a full commit id works too" 0 "1 waived" \
	"{rule: design-review, commit: $feature, $W, expires: 2027-01-31}"

waiver_case "a path waiver waives findings on matching paths" 0 "1 waived" \
	"{rule: design-review, path: \"src/**\", $W, expires: 2027-01-31}"

waiver_case "a path waiver for other paths waives nothing and is not stale" 1 "1 error(s), 0 warning(s), 0 waived" \
	"{rule: design-review, path: \"docs/**\", $W, expires: 2027-01-31}"

waiver_case "a waiver of another rule does not waive, and is stale" 1 "matched no finding in this change set: it is stale" \
	"{rule: policy-change, commit: $short, $W, expires: 2027-01-31}"
expect_out "1 error(s), 1 warning(s), 0 waived"

waiver_case "commit and path together must both match" 1 "0 waived" \
	"{rule: design-review, commit: $short, path: \"docs/**\", $W, expires: 2027-01-31}"

waiver_case "a waiver on its last day still waives" 0 "1 waived" \
	"{rule: design-review, commit: $short, $W, expires: 2026-11-27}"

waiver_case "an expired waiver waives nothing and is an error" 1 \
	"the waiver of 'design-review' for commit $short expired on 2026-11-26 (approved by qa@example.org): it no longer waives anything" \
	"{rule: design-review, commit: $short, $W, expires: 2026-11-26}"
expect_out "error   waiver-expired  $POLICY (line 15)"
expect_out "2 error(s), 0 warning(s), 0 waived"

waiver_case "an expired waiver for a commit outside the change set is still an error" 1 \
	"expired on 2025-01-01" \
	"{rule: design-review, commit: $short, $W, expires: 2027-01-31}" \
	"{rule: sbom-co-change, commit: 0123456, $W, expires: 2025-01-01}"
expect_out "1 error(s), 0 warning(s), 1 waived"

waiver_case "a live waiver for a commit outside the change set is not stale" 1 "1 error(s), 0 warning(s), 0 waived" \
	"{rule: design-review, commit: $(echo "$base" | cut -c1-7), $W, expires: 2027-01-31}"

waiver_case "a waiver naming a commit the repository does not have is stale" 1 "names a commit this repository does not have: it waives nothing" \
	"{rule: design-review, commit: 0123456, $W, expires: 2027-01-31}"
expect_out "1 error(s), 1 warning(s), 0 waived"

test_begin "a waiver whose finding is gone is stale"
git checkout -q -B reviewed "$head"
good_record DR-1 "$head" > reviews/DR-1.yml
commit_record DR-1
with_waivers "{rule: design-review, commit: $short, $W, expires: 2027-01-31}"
run_sg --policy "$POLICY" check --range "$base..HEAD"
expect_status 0
expect_out "warning waiver-expired"
expect_out "the waiver of 'design-review' for commit $short matched no finding in this change set: it is stale"
git checkout -q main

test_begin "the JSON report keeps the waived finding with its reason"
with_waivers "{rule: design-review, commit: $short, $W, expires: 2027-01-31}"
run_sg --policy "$POLICY" --format json check --range "$base..$head"
expect_status 0
expect_out '"waived":	true'
expect_out '"waiver":	"emergency fix reviewed after release"'
expect_out '"waived":	1'
expect_out '"result":	"pass"'

test_begin "a waiver of a rule that did not run is not stale"
with_waivers "{rule: design-review, commit: $short, $W, expires: 2027-01-31}" \
	"{rule: sbom-co-change, commit: $short, $W, expires: 2027-01-31}"
run_sg --policy "$POLICY" check --range "$base..$head"
expect_status 0
expect_not_out "stale"

test_begin "the waiver-expired rule is on only with waivers"
run_sg --format json check --range "$base..$head"
expect_out '"reason":	"the policy has no waivers"'

test_begin "an expired waiver is an error even when the range has no new commit"
with_waivers "{rule: design-review, commit: $short, $W, expires: 2026-01-31}"
run_sg --policy "$POLICY" check --range "$head..$head"
expect_status 1
expect_out "waiver-expired"

test_begin "at the release gate a path waiver that matches no file of the release is stale"
with_waivers "{rule: sbom-co-change, path: \"vendor/**\", $W, expires: 2027-01-31}" \
	"{rule: design-review, path: \"src/**\", $W, expires: 2027-01-31}"
printf 'release:\n  tag_pattern: "v*"\n' >> "$POLICY"
run_sg --policy "$POLICY" release "$head"
expect_out "the waiver of 'sbom-co-change' for path 'vendor/**' matches no file of the release: it is stale"
expect_not_out "path 'src/**' matches no file"

test_done
