#!/bin/sh
# check --range in a shallow clone: what the clone holds is checked; what
# it cut off is exit 3 with the fix, never a partial pass.
. "$(dirname "$0")/lib.sh"

cd "$SG_TMP"
new_repo origin >/dev/null
for i in 1 2 3 4 5; do
	commit_change "Change $i

Security-Requirement: SR-001
Risk-Assessment: unchanged - x" src/main.c "$i"
done
cd "$SG_TMP"
git clone -q --depth 3 "file://$SG_TMP/origin" shallow
cd shallow

test_begin "a range inside the shallow history is checked"
run_sg check --range HEAD~2..HEAD --format json
expect_status 0
python3 -c "import json; r=json.load(open('$SG_TMP/out')); assert r['range']['commits']==2, r['range']" || fail "2 commits"

test_begin "a range reaching past the cut is exit 3 with the fix"
run_sg check --range HEAD~2..HEAD~1
expect_status 0
run_sg check --range HEAD
expect_status 3
expect_err "shallow"
expect_err "git fetch --unshallow"

test_done
