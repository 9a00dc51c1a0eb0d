#!/bin/sh
# The pre-push hook through real `git push`: only the commits the remote
# does not have are checked, several refs make one report, deletions
# pass, and a refused push leaves the remote as it was.
. "$(dirname "$0")/lib-hooks.sh"

# a server without a gate of its own, so only pre-push decides here
git init -q --bare "$SG_TMP/server.git"
new_client "$SG_TMP/dev" "$SG_TMP/server.git" >/dev/null

test_begin "the first push of a new branch is checked and goes through"
run_cmd git push origin main
expect_status 0
expect_err "sdlgate pre-push: passed"
expect_err "in 1 new commit(s) of refs/heads/main"
[ "$(rev ../server.git main)" = "$(rev . main)" ] || fail "the server did not get main"

test_begin "git push is refused by pre-push and the remote does not move"
server_before=$(rev ../server.git main)
echo "int a;" >> src/main.c
git commit -q --no-verify -am "Change without a requirement"
bad=$(git rev-parse --short=7 HEAD)
run_cmd git push origin main
expect_status 1
expect_err "sdlgate pre-push: push refused"
expect_err "error requirement-reference $bad src/main.c: the change cites no secure requirement"
expect_err "hint: add a trailer 'Security-Requirement: <ID>'"
expect_err "to fix $bad, the newest commit of main: on that branch run 'git commit --amend'"
[ "$(rev ../server.git main)" = "$server_before" ] || fail "the server's main moved"

test_begin "an older bad commit is fixed with an interactive rebase, says the hook"
echo "int b;" >> src/main.c
git commit -q -am "Good change on top

$GOOD_TRAILERS"
run_cmd git push origin main
expect_status 1
expect_err "error requirement-reference $bad"
expect_err "to fix older commits: run 'git rebase -i $bad^'"
expect_not_err "to fix $bad, the newest"

test_begin "after the fix (amend + force) the push goes through"
git reset -q --hard "$server_before"
echo "int a;" >> src/main.c
git commit -q -am "Change with a requirement

$GOOD_TRAILERS"
run_cmd git push origin main
expect_status 0
[ "$(rev ../server.git main)" = "$(rev . main)" ] || fail "the server's main did not move"

test_begin "commits the remote has already are not checked again"
# a bad commit reaches the server past the client gate
echo "int c;" >> src/main.c
git commit -q --no-verify -am "Old bad change"
old_bad=$(git rev-parse --short=7 HEAD)
git push -q --no-verify origin main
echo "int d;" >> src/main.c
git commit -q -am "New good change

$GOOD_TRAILERS"
run_cmd git push origin main
expect_status 0
expect_err "in 1 new commit(s)"
expect_not_err "requirement-reference $old_bad"

test_begin "a new branch checks only the commits the remote does not have"
git checkout -q -b topic
echo "int t;" >> src/topic.c
git add src/topic.c
git commit -q -m "Topic work

$GOOD_TRAILERS"
run_cmd git push origin topic
expect_status 0
expect_err "in 1 new commit(s) of refs/heads/topic"
expect_err "refs/heads/topic is new to the remote"

test_begin "remote-tracking refs with a slash in their name are known too"
git checkout -q -b feature/deep
echo "int f;" >> src/feature.c
git add src/feature.c
git commit -q -m "Deep feature

$GOOD_TRAILERS"
git push -q origin feature/deep
git checkout -q -b feature/deeper
echo "int g;" >> src/feature.c
git commit -q -am "Deeper feature

$GOOD_TRAILERS"
run_cmd git push origin feature/deeper
expect_status 0
expect_err "in 1 new commit(s) of refs/heads/feature/deeper"

test_begin "several refs in one push: one report, every ref checked"
git checkout -q main
git checkout -q -b good-branch
echo "int g2;" >> src/good.c
git add src/good.c
git commit -q -m "Good branch work

$GOOD_TRAILERS"
git checkout -q main
git checkout -q -b bad-branch
echo "int b2;" >> src/bad.c
git add src/bad.c
git commit -q --no-verify -m "Bad branch work"
bad2=$(git rev-parse --short=7 HEAD)
run_cmd git push origin good-branch bad-branch
expect_status 1
expect_err "in 2 new commit(s) of refs/heads/good-branch, refs/heads/bad-branch"
expect_err "error requirement-reference $bad2"
[ "$(grep -c '^sdlgate pre-push: push refused' "$SG_TMP/err")" -eq 1 ] || fail "not one report"
[ "$(rev ../server.git good-branch)" = none ] || fail "good-branch reached the server"

test_begin "a deletion is not checked and goes through"
run_cmd git push origin :topic
expect_status 0
[ "$(rev ../server.git topic)" = none ] || fail "topic was not deleted"

test_begin "a pushed tag runs the range check of its new commits"
git tag -a -m "Release candidate" v0.1-bad bad-branch
run_cmd git push origin v0.1-bad
expect_status 1
expect_err "error requirement-reference $bad2"
git tag -a -m "Release candidate" v0.1 main
run_cmd git push origin v0.1
expect_status 0

test_begin "pushing to a URL instead of a remote name works"
git checkout -q main
echo "int u;" >> src/main.c
git commit -q -am "Pushed by URL

$GOOD_TRAILERS"
run_cmd git push "$SG_TMP/server.git" main
expect_status 0
expect_err "not to a configured remote"
expect_err "in 1 new commit(s) of refs/heads/main"

test_begin "git push --no-verify skips the client gate"
run_cmd git push --no-verify origin bad-branch
expect_status 0
[ "$(rev ../server.git bad-branch)" != none ] || fail "bad-branch did not reach the server"

test_begin "a hook that was there before runs first and gets the same input"
cd "$SG_TMP"
git clone -q server.git chained
cd chained
cat > .git/hooks/pre-push <<'HOOK'
#!/bin/sh
cat > "$(git rev-parse --git-dir)/earlier-input"
echo "earlier hook ran for $1" >&2
HOOK
chmod +x .git/hooks/pre-push
"$SDLGATE" install-hooks >/dev/null
echo "int e;" >> src/main.c
git commit -q --no-verify -am "Chained bad change"
run_cmd git push origin main
expect_status 1
expect_err "earlier hook ran for origin"
expect_err "sdlgate pre-push: push refused"
grep -q " refs/heads/main " .git/earlier-input || fail "the earlier hook got no input"

test_begin "malformed input is an input error naming the line"
printf 'refs/heads/main %s refs/heads/main %s\nnot a line\n' \
	"$(git rev-parse HEAD)" "$(git rev-parse origin/main)" > "$SG_TMP/input"
run_cmd "$SDLGATE" hook pre-push origin "$SG_TMP/server.git" < "$SG_TMP/input"
expect_status 2
expect_err "pre-push input:2: expected '<local ref> <local oid> <remote ref> <remote oid>'"
expect_err "hint:"
printf 'refs/heads/main 1234 refs/heads/main %s\n' "$(git rev-parse HEAD)" > "$SG_TMP/input"
run_cmd "$SDLGATE" hook pre-push origin url < "$SG_TMP/input"
expect_status 2
expect_err "pre-push input:1: the local object '1234' is not a full object name"

test_begin "empty input (nothing to push) passes quietly"
run_cmd "$SDLGATE" hook pre-push origin url < /dev/null
expect_status 0

test_begin "json output of the pre-push gate keeps the report contract"
printf 'refs/heads/main %s refs/heads/main %s\n' "$(git rev-parse HEAD)" \
	"$(git rev-parse origin/main)" > "$SG_TMP/input"
run_cmd "$SDLGATE" --format json hook pre-push origin url < "$SG_TMP/input"
expect_status 1
python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); assert r["mode"] == "pre-push" and r["result"] == "fail", r' "$SG_TMP/out" ||
	fail "not a JSON report of mode pre-push that fails"

test_done
