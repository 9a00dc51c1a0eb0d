#!/bin/sh
# .pre-commit-hooks.yaml with the pre-commit framework (Debian's
# pre-commit package): its hooks call sdlgate for the commit, the
# message and the push, through real `git commit` and `git push`.
. "$(dirname "$0")/lib-hooks.sh"

if ! command -v pre-commit >/dev/null 2>&1; then
	echo "skipped: the pre-commit command is not installed (ci/setup.sh installs it)"
	exit 77
fi
export PRE_COMMIT_HOME="$SG_TMP/pre-commit-cache"
# language: system runs `sdlgate` from PATH, as a user's would
mkdir -p "$SG_TMP/bin"
ln -s "$SDLGATE" "$SG_TMP/bin/sdlgate"
PATH="$SG_TMP/bin:$PATH"
export PATH

# the hooks repository: the project's .pre-commit-hooks.yaml, committed
git init -q "$SG_TMP/hooks-repo"
cp "$SG_SOURCE_DIR/.pre-commit-hooks.yaml" "$SG_TMP/hooks-repo/"
git -C "$SG_TMP/hooks-repo" add .pre-commit-hooks.yaml
git -C "$SG_TMP/hooks-repo" commit -q -m "sdlgate hooks"
hooks_rev=$(git -C "$SG_TMP/hooks-repo" rev-parse HEAD)

git init -q --bare "$SG_TMP/server.git"
new_repo "$SG_TMP/dev" >/dev/null
git remote add origin "$SG_TMP/server.git"
cat > .pre-commit-config.yaml <<YML
repos:
  - repo: $SG_TMP/hooks-repo
    rev: $hooks_rev
    hooks:
      - id: sdlgate
      - id: sdlgate-prepare-commit-msg
      - id: sdlgate-commit-msg
      - id: sdlgate-pre-push
YML
git add .pre-commit-config.yaml
git commit -q -m "Use pre-commit

Security-Impact: none - developer tooling only"
git push -q origin main

test_begin "pre-commit install sets up the four stages"
run_cmd pre-commit install --hook-type pre-commit --hook-type prepare-commit-msg \
	--hook-type commit-msg --hook-type pre-push
expect_status 0
for h in pre-commit prepare-commit-msg commit-msg pre-push; do
	[ -x ".git/hooks/$h" ] || fail "no $h hook"
done

test_begin "a commit without a requirement is refused by the framework's commit-msg"
echo "int a;" >> src/main.c
git add src/main.c
before=$(rev . HEAD)
run_cmd git commit -m "No requirement"
expect_status 1
expect_output "sdlgate (the commit message)"
expect_output "requirement-reference"
[ "$(rev . HEAD)" = "$before" ] || fail "the commit was created"

test_begin "a good commit goes through all of the framework's hooks"
run_cmd git commit -m "With a requirement

$GOOD_TRAILERS"
expect_status 0
expect_output "sdlgate (the staged change)"
[ "$(rev . HEAD)" != "$before" ] || fail "no commit"

test_begin "an amend that adds a document and drops the requirement is refused (the framework's prepare-commit-msg)"
before=$(rev . HEAD)
amend_to_docs_only
expect_status 1
expect_output "src/main.c"
[ "$(rev . HEAD)" = "$before" ] || fail "the amend was made"

test_begin "git push is refused by the framework's pre-push (PRE_COMMIT_* variables)"
echo "int b;" >> src/main.c
git commit -q --no-verify -am "Bad change"
bad=$(git rev-parse --short=7 HEAD)
server_before=$(rev ../server.git main)
run_cmd git push origin main
expect_status 1
expect_output "sdlgate (the commits to push)"
expect_output "error requirement-reference $bad"
[ "$(rev ../server.git main)" = "$server_before" ] || fail "the server's main moved"

test_begin "a good push goes through the framework's pre-push"
git reset -q --hard HEAD~1
run_cmd git push origin main
expect_status 0
[ "$(rev ../server.git main)" = "$(rev . main)" ] || fail "the server's main did not move"

test_done
