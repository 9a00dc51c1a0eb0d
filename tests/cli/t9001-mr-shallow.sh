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
expect_err "no merge base"

test_begin "depth 2: the range itself is cut (a parent is missing)"
git clone -q --depth 2 --no-single-branch --branch feature "$URL" "$SG_TMP/d2"
cd "$SG_TMP/d2"
run_sg --format json check --mr --base origin/main
expect_shallow

# libgit2 reads a few commits past the merge base before it knows it has
# them all: a clone is deep enough when it has those too
test_begin "deep enough: the same verdict as a full clone"
git clone -q --depth 9 --no-single-branch --branch feature "$URL" "$SG_TMP/d9"
cd "$SG_TMP/d9"
[ -f .git/shallow ] || fail "the clone is not shallow"
run_sg --format json check --mr --base origin/main
expect_status 1
[ "$(json_get '" ".join(sorted(set(f["commit"] for f in d["findings"])))')" = "$BAD" ] ||
	fail "findings differ from the full clone"

test_begin "after git fetch --unshallow the check runs"
cd "$SG_TMP/d1all"
git fetch -q --unshallow
run_sg --format json check --mr --base origin/main
expect_status 1
[ "$(json_get 'd["range"]["base"]')" = "$FORK" ] || fail "wrong merge base after unshallow"

test_begin "check --range over a shallow cut is exit 3 as well"
cd "$SG_TMP/d2"
run_sg check --range HEAD
expect_shallow

test_done
