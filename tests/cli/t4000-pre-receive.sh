#!/bin/sh
# The server's pre-receive hook through real `git push` into a bare
# repository: every push is checked, --no-verify or not; the policy is the
# server's own; the pushed objects are read from git's quarantine.
. "$(dirname "$0")/lib-hooks.sh"

new_server "$SG_TMP/server.git"
# the client has no hooks: everything here is decided by the server
new_repo "$SG_TMP/dev" >/dev/null
git remote add origin "$SG_TMP/server.git"

test_begin "a push of another branch into an empty server is refused: no policy yet"
git branch early
run_cmd git push origin early
expect_status 1
expect_err "remote: sdlgate: the server's default branch 'refs/heads/main' has no commit yet and this push does not create it"
expect_err "remote: hint: push the default branch first ('git push origin main')"
[ "$(rev ../server.git early)" = none ] || fail "early reached the server"
git branch -q -D early

test_begin "the first push into an empty server uses the pushed policy and says so"
run_cmd git push origin main
expect_status 0
expect_err "remote: sdlgate pre-receive: passed"
expect_err "the server's default branch refs/heads/main has no commit yet: the policy was read from the pushed refs/heads/main"
[ "$(rev ../server.git main)" = "$(rev . main)" ] || fail "the server did not get main"

test_begin "git push --no-verify is refused by the server and its ref does not move"
server_before=$(rev ../server.git main)
echo "int a;" >> src/main.c
git commit -q -am "Change without a requirement"
bad=$(git rev-parse --short=7 HEAD)
run_cmd git push --no-verify origin main
expect_status 1
expect_err "remote: sdlgate pre-receive: push refused: 2 error(s)"
expect_err "remote: sdlgate pre-receive: policy HEAD:.sdlgate.yml from the server's default branch (refs/heads/main)"
expect_err "remote: error requirement-reference $bad src/main.c: the change cites no secure requirement"
expect_err "remote:   hint: add a trailer 'Security-Requirement: <ID>'"
expect_err "remote: to fix $bad, the newest commit of main: on that branch run 'git commit --amend'"
expect_err "'git push --no-verify' does not skip it"
expect_err "[remote rejected] main -> main (pre-receive hook declined)"
[ "$(rev ../server.git main)" = "$server_before" ] || fail "the server's main moved"

test_begin "a refused push leaves no object behind (git's quarantine)"
git -C ../server.git cat-file -e "$(git rev-parse HEAD)" 2>/dev/null &&
	fail "the refused commit is in the server's object store"

test_begin "a push that also relaxes .sdlgate.yml is still refused"
cat >> .sdlgate.yml <<'YML'
rules:
  requirement-reference: off
  risk-co-change: off
YML
git commit -q -am "Relax the policy"
# under its own relaxed policy only the policy change itself (policy-change) is left
run_sg check --range "$server_before..HEAD"
expect_status 1
expect_out "error   policy-change  .sdlgate.yml"
expect_not_out "error   requirement-reference"
run_cmd git push origin main
expect_status 1
expect_err "remote: error requirement-reference $bad"
expect_err "policy HEAD:.sdlgate.yml from the server's default branch"
[ "$(rev ../server.git main)" = "$server_before" ] || fail "the server's main moved"

test_begin "a good push goes through and the server's ref moves"
git reset -q --hard "$server_before"
echo "int a;" >> src/main.c
git commit -q -am "Change with a requirement

$GOOD_TRAILERS"
run_cmd git push origin main
expect_status 0
expect_err "remote: sdlgate pre-receive: passed: 0 error(s), 0 warning(s), 0 waived in 1 new commit(s) of refs/heads/main"
[ "$(rev ../server.git main)" = "$(rev . main)" ] || fail "the server's main did not move"

test_begin "a push that adds a requirement and cites it is refused: the server's registry is the baseline"
cat >> docs/security/requirements.yml <<'YML'
  - {id: SR-020, title: Sign every firmware image, status: active}
YML
git add -A
git commit -q -m "Add the firmware signing requirement

Security-Impact: none - the requirements registry only"
echo "int s;" >> src/sign.c
git add -A
git commit -q -m "Sign firmware images

Security-Requirement: SR-020
Risk-Assessment: unchanged - no new risk"
run_cmd git push --no-verify origin main
expect_status 1
expect_err "'SR-020' is not in the requirements registry of the target"
expect_err "merge the change that adds SR-020"
[ "$(rev ../server.git main)" != "$(rev . main)" ] || fail "the server's main moved"

test_begin "once the registry change is on the server, the code citing it goes through"
run_cmd git push origin HEAD^:main
expect_status 0
run_cmd git push origin main
expect_status 0
[ "$(rev ../server.git main)" = "$(rev . main)" ] || fail "the server's main did not move"

test_begin "a new branch checks only the commits no server ref reaches"
git checkout -q -b topic
echo "int t;" >> src/topic.c
git add src/topic.c
git commit -q -m "Topic work

$GOOD_TRAILERS"
run_cmd git push origin topic
expect_status 0
expect_err "in 1 new commit(s) of refs/heads/topic"

test_begin "a new branch that brings a bad commit is refused"
git checkout -q -b topic-bad main
echo "int u;" >> src/topic.c
git add src/topic.c
git commit -q -m "Bad topic work"
bad2=$(git rev-parse --short=7 HEAD)
run_cmd git push origin topic-bad
expect_status 1
expect_err "remote: error requirement-reference $bad2"
[ "$(rev ../server.git topic-bad)" = none ] || fail "topic-bad reached the server"

test_begin "several refs in one push: one report for the pusher"
run_cmd git push origin topic-bad:refs/heads/x1 main:refs/heads/x2
expect_status 1
[ "$(grep -c 'remote: sdlgate pre-receive: push refused' "$SG_TMP/err")" -eq 1 ] || fail "not one report"
expect_err "new commit(s) of refs/heads/x1, refs/heads/x2"

test_begin "an older bad commit: the server says to rebase"
git checkout -q topic-bad
echo "int v;" >> src/topic.c
git commit -q -am "Good work on top

$GOOD_TRAILERS"
run_cmd git push origin topic-bad
expect_status 1
expect_err "remote: to fix older commits: run 'git rebase -i $bad2^'"

test_begin "a branch deletion goes through"
run_cmd git push origin :topic
expect_status 0
[ "$(rev ../server.git topic)" = none ] || fail "topic was not deleted"

test_begin "a tag on a commit the server has goes through"
git tag -a -m "v1" v1.0 main
run_cmd git push origin v1.0
expect_status 0

test_begin "malformed input is an input error naming the line"
cd "$SG_TMP/server.git"
printf '%s %s refs/heads/main\n%s\n' "$(git rev-parse main)" "$(git rev-parse main)" "garbage" > "$SG_TMP/input"
run_sg hook pre-receive < "$SG_TMP/input"
expect_status 2
expect_err "pre-receive input:2: expected '<old oid> <new oid> <ref>'"
printf '%s nothex refs/heads/main\n' "$(git rev-parse main)" > "$SG_TMP/input"
run_sg hook pre-receive < "$SG_TMP/input"
expect_status 2
expect_err "pre-receive input:1: the new object 'nothex' is not a full object name"
printf '%s 1111111111111111111111111111111111111111 refs/heads/main\n' "$(git rev-parse main)" > "$SG_TMP/input"
run_sg hook pre-receive < "$SG_TMP/input"
expect_status 3
expect_err "pre-receive input:1: the pushed object 1111111111111111111111111111111111111111 is not in the repository"
head -c 40000000 /dev/zero | tr '\0' 'a' > "$SG_TMP/input"
run_sg hook pre-receive < "$SG_TMP/input"
expect_status 2
expect_err "larger than the limit"

test_begin "a push that would leave the default branch with an invalid policy is refused"
cd "$SG_TMP/dev"
git checkout -q main
# a policy change needs a review or a waiver (policy-change): an
# administrator waives them on the server, past the hook, for this test
printf 'waivers:\n  - {rule: policy-change, path: .sdlgate.yml, reason: hook test, approved_by: admin@example.org, expires: 2099-12-31}\n' >> .sdlgate.yml
git commit -q -am "Waive policy changes for the test

$GOOD_TRAILERS"
git -C "$SG_TMP/server.git" fetch -q "$SG_TMP/dev" +main:refs/heads/main
server_before=$(rev ../server.git main)
cp .sdlgate.yml "$SG_TMP/good-policy.yml"
printf 'version: 1\nrequirements: [\n' > .sdlgate.yml
git commit -q -am "Break the policy

$GOOD_TRAILERS"
run_cmd git push origin main
expect_status 1
expect_err "remote: sdlgate: the push would leave refs/heads/main with a policy the server cannot use"
expect_err "remote: hint:"
[ "$(rev ../server.git main)" = "$server_before" ] || fail "the server's main moved"

test_begin "a server whose default branch has an invalid policy refuses, saying why"
# an administrator moves main past the hook
git -C "$SG_TMP/server.git" fetch -q "$SG_TMP/dev" +main:refs/heads/main
echo "int w;" >> src/main.c
git commit -q -am "More work

$GOOD_TRAILERS"
run_cmd git push origin main
expect_status 1
expect_err "remote: sdlgate: HEAD:.sdlgate.yml:3:1: invalid YAML"
expect_err "remote: hint:"

test_done
