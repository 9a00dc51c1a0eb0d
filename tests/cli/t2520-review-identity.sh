#!/bin/sh
# Independent reviewers: authors and committers compared through the
# repository's .mailmap, ignoring case; reviewers counted as people.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/review_lib.sh"

review_repo "$SG_TMP/repo" "  # min_reviewers and independence set per case"
cat > .mailmap <<'EOF_MM'
Dana Developer <dana@example.org> <dana.home@example.net>
Rita Reviewer <rita@example.org> <RRev@Example.COM>
Rita Reviewer <rita@example.org> Rita at Home <rita.home@example.net>
EOF_MM
git add .mailmap
git commit -q -m "Map our aliases"
base=$(git rev-parse HEAD)
commit_change "Add session handling" src/session.c "int session;"
feature=$(git rev-parse HEAD)
# authored by Alex, committed by Carl
GIT_AUTHOR_NAME="Alex Author" GIT_AUTHOR_EMAIL="alex@example.org" \
GIT_COMMITTER_NAME="Carl Committer" GIT_COMMITTER_EMAIL="carl@example.org" \
	commit_change "Applied from a patch" src/patch.c "int patch;"
applied=$(git rev-parse HEAD)

set_policy() { # MIN INDEPENDENT
	sed -i -e "s/^  min_reviewers: .*/  min_reviewers: $1/" \
	       -e "s/^  independent_reviewers: .*/  independent_reviewers: $2/" .sdlgate.yml
}

# reviewer_case NAME MIN INDEPENDENT HEAD STATUS EXPECTED REVIEWER...
reviewer_case() {
	name=$1 min=$2 indep=$3 head=$4 want=$5 text=$6
	shift 6
	test_begin "$name"
	git checkout -q -B case "$head"
	set_policy "$min" "$indep"
	list=""
	for r in "$@"; do list="$list${list:+, }\"$r\""; done
	cat > reviews/DR-1.yml <<YML
id: DR-1
date: 2026-11-20
reviewers: [$list]
decision: approved
reviewed_commit: $head
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML
	git add reviews
	git commit -q -m "Review

Design-Review: DR-1"
	run_sg check --range "$base..HEAD"
	expect_status "$want"
	if [ -n "$text" ]; then expect_out "$text"; fi
	git checkout -q -- .sdlgate.yml
	git checkout -q main
}

reviewer_case "an independent reviewer covers" 1 true "$feature" 0 "" \
	"rita@example.org"
reviewer_case "the author under a .mailmap alias is not independent" 1 true "$feature" 1 \
	"reviewer dana@example.org is the author of this change" "dana.home@example.net"
reviewer_case "an alias is matched ignoring case" 1 true "$feature" 1 \
	"reviewer dana@example.org is the author of this change" "Dana.Home@EXAMPLE.net"
reviewer_case "the author by name alone is not independent" 1 true "$feature" 1 \
	"reviewer dana developer is the author of this change" "Dana Developer"
reviewer_case "the author's name with another address is not independent" 1 true "$feature" 1 \
	"is the author of this change" "DANA DEVELOPER <dana@laptop.local>"
reviewer_case "one author among the reviewers is enough to fail" 1 true "$feature" 1 \
	"reviewer dana@example.org is the author" "rita@example.org" "dana@example.org"
reviewer_case "the committer of a change is not independent either" 1 true "$applied" 1 \
	"reviewer carl@example.org is the committer of this change" "carl@example.org"
reviewer_case "the committer as reviewer fails only the change they committed" 1 true "$applied" 1 \
	"1 error(s)" "carl@example.org"
reviewer_case "without independent_reviewers the author may review" 1 false "$feature" 0 "" \
	"dana@example.org"
reviewer_case "two different reviewers meet min_reviewers 2" 2 true "$feature" 0 "" \
	"rita@example.org" "alex@example.org"
reviewer_case "one reviewer is fewer than min_reviewers 2" 2 true "$feature" 1 \
	"1 reviewer(s), the policy needs 2" "rita@example.org"
reviewer_case "two aliases of one person are one reviewer" 2 true "$feature" 1 \
	"1 distinct reviewer(s) (2 listed, the same person under other names), the policy needs 2" \
	"rita@example.org" "rrev@example.com"
reviewer_case "a name-and-address mailmap entry maps only that pair" 2 true "$feature" 1 \
	"1 distinct reviewer(s)" "rita@example.org" "Rita at Home <rita.home@example.net>"
reviewer_case "the same address with another name is another entry's business" 2 true "$feature" 0 "" \
	"rita@example.org" "Someone Else <rita.home@example.net>"

test_begin "the finding names the change whose author reviewed it"
git checkout -q -B case "$applied"
cat > reviews/DR-1.yml <<YML
id: DR-1
date: 2026-11-20
reviewers: [alex@example.org]
decision: approved
reviewed_commit: $applied
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML
git add reviews
git commit -q -m "Review

Design-Review: DR-1"
run_sg --format json check --range "$base..HEAD"
expect_status 1
json_values commit | grep -q "$applied" || fail "no finding on the applied change"
json_values commit | grep -q "$feature" && fail "the change Alex did not write has a finding"
git checkout -q main

test_done
