#!/bin/sh
# commit-msg FILE: the message as git will store it, against the index.
. "$(dirname "$0")/lib.sh"

cd "$SG_TMP"
new_repo repo
echo "int x;" >> src/main.c
git add src/main.c

msg() {
	printf '%s\n' "$1" > "$SG_TMP/COMMIT_EDITMSG"
}

test_begin "a message citing an active requirement passes"
msg "Harden the session

Security-Requirement: SR-001
Risk-Assessment: unchanged - input check only"
run_sg commit-msg "$SG_TMP/COMMIT_EDITMSG"
expect_status 0

test_begin "a trailer only in a comment line does not count"
msg "Harden the session

Risk-Assessment: unchanged - input check only
# Security-Requirement: SR-001"
run_sg commit-msg "$SG_TMP/COMMIT_EDITMSG"
expect_status 1
expect_out "the change cites no secure requirement"
expect_out "(staged) Harden the session"

test_begin "everything below the scissors line is cut"
msg "Harden the session

Risk-Assessment: unchanged - input check only
# ------------------------ >8 ------------------------
Security-Requirement: SR-001"
run_sg commit-msg "$SG_TMP/COMMIT_EDITMSG"
expect_status 1

test_begin "core.commentChar is honoured"
git config core.commentChar ';'
msg "Harden the session

# this line is kept: with ';' it is not a comment

Risk-Assessment: unchanged - input check only
Security-Requirement: SR-001
; Security-Requirement: SR-777"
run_sg commit-msg "$SG_TMP/COMMIT_EDITMSG"
expect_status 0
git config --unset core.commentChar

test_begin "the registry comes from the index: a staged new requirement may be cited"
printf '  - {id: SR-040, title: Staged requirement, status: active}\n' >> docs/security/requirements.yml
git add docs/security/requirements.yml
msg "Use the staged requirement

Security-Requirement: SR-040
Risk-Assessment: unchanged - x"
run_sg commit-msg "$SG_TMP/COMMIT_EDITMSG"
expect_status 0

test_begin "an unstaged registry edit does not count"
printf '  - {id: SR-041, title: Unstaged, status: active}\n' >> docs/security/requirements.yml
msg "Use the unstaged requirement

Security-Requirement: SR-041
Risk-Assessment: unchanged - x"
run_sg commit-msg "$SG_TMP/COMMIT_EDITMSG"
expect_status 1
expect_out "'SR-041' is not in the requirements registry"
git checkout -q docs/security/requirements.yml

test_begin "risk-co-change is checked at commit-msg with the message's trailer"
msg "Harden the session

Security-Requirement: SR-001"
run_sg commit-msg "$SG_TMP/COMMIT_EDITMSG"
expect_status 0
expect_out "reminder"

test_begin "a missing message file is exit 2"
run_sg commit-msg "$SG_TMP/nope"
expect_status 2
expect_err "cannot open"

test_done
