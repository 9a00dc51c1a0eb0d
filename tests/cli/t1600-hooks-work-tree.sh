#!/bin/sh
# The commit hooks under `git --git-dir=... --work-tree=...` (git sets
# GIT_WORK_TREE for the hooks): judged like any commit, not refused.
. "$(dirname "$0")/lib-hooks.sh"

new_client "$SG_TMP/repo" "$SG_TMP/unused.git"
cd "$SG_TMP"
echo "int a;" >> repo/src/main.c

test_begin "a commit without a requirement is refused by the gate"
run_cmd git --git-dir=repo/.git --work-tree=repo commit -q -a -m "No requirement"
expect_status 1
expect_output "the change cites no secure requirement"
expect_output "requirement-reference"
if grep -q "unimplemented" "$SG_TMP/err"; then fail "libgit2 refused GIT_WORK_TREE"; fi

test_begin "a good commit goes through"
run_cmd git --git-dir=repo/.git --work-tree=repo commit -q -a -m "Harden

$GOOD_TRAILERS"
expect_status 0
[ "$(git -C repo log -1 --format=%s)" = "Harden" ] || fail "the commit was not made"

test_done
