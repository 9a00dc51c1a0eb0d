#!/bin/sh
# check --mr in shallow clones: exit 3 with the fix, never a partial pass.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mr_lib.sh"

mr_setup
URL="file://$SG_TMP/origin.git"   # file:// so that --depth is honoured

expect_shallow() {
	expect_status 3
	expect_err "the clone is shallow"
	expect_err "git fetch --unshallow"
	expect_err "GIT_DEPTH: 0"
	expect_err "fetch-depth: 0"
	[ -z "$out" ] || fail "a report was printed: a shallow clone must not pass or fail partially"
}

test_begin "git clone --depth 1 of the branch: the target is not there"
git clone -q --depth 1 --branch feature "$URL" "$SG_TMP/d1"
cd "$SG_TMP/d1"
run_sg check --mr --base origin/main
expect_shallow
expect_err "target 'origin/main' is not in this clone"

test_begin "GitLab's diff base sha, not fetched in a depth-1 clone"
CI_MERGE_REQUEST_DIFF_BASE_SHA=$FORK run_sg check --mr
expect_shallow

test_begin "depth 1 with every branch: the merge base is cut off"
git clone -q --depth 1 --no-single-branch --branch feature "$URL" "$SG_TMP/d1all"
cd "$SG_TMP/d1all"
run_sg check --mr --base origin/main
expect_shallow

test_begin "the branch at depth 2, the target at depth 1: a parent of the range is cut"
git clone -q --depth 2 --branch feature "$URL" "$SG_TMP/d2"
cd "$SG_TMP/d2"
git fetch -q --depth 1 origin main:refs/remotes/origin/main
run_sg --format json check --mr --base origin/main
expect_shallow

test_begin "depth 2 with every branch: the merge base and the range are there, so it runs"
git clone -q --depth 2 --no-single-branch --branch feature "$URL" "$SG_TMP/d2all"
cd "$SG_TMP/d2all"
[ -f .git/shallow ] || fail "the clone is not shallow"
run_sg --format json check --mr --base origin/main
expect_status 1
[ "$(json_get 'd["range"]["base"]')" = "$FORK" ] || fail "wrong merge base"

test_begin "deep enough (the merge base is there): the same verdict as a full clone"
git clone -q --depth 3 --no-single-branch --branch feature "$URL" "$SG_TMP/d3"
cd "$SG_TMP/d3"
[ -f .git/shallow ] || fail "the clone is not shallow"
run_sg --format json check --mr --base origin/main
expect_status 1
[ "$(json_get '" ".join(sorted(set(f["commit"] for f in d["findings"])))')" = "$BAD" ] ||
	fail "findings differ from the full clone"
[ "$(json_get 'd["range"]["base"]')" = "$FORK" ] || fail "wrong merge base in the shallow clone"
[ "$(json_get 'd["range"]["commits"]')" = 2 ] || fail "not the 2 commits of the merge request"

test_begin "the target cut off above the branch point, the branch whole: exit 3"
cd "$SG_TMP/work"
git checkout -q main
tick
commit_change "One more on main" lib/more.c
git push -q origin main
git clone -q --depth 1 --branch main "$URL" "$SG_TMP/mixed"
cd "$SG_TMP/mixed"
git fetch -q origin feature:feature
git checkout -q feature
# the branch's history reaches the root, the target's stops one commit down:
# the target's older commits would pass for the merge request's
run_sg check --mr --base origin/main
expect_shallow

test_done
