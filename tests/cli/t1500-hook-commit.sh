#!/bin/sh
# The pre-commit and commit-msg hooks as installed by install-hooks,
# through real `git commit`: refused commits are not created, good ones
# are, and the hooks see the index git really commits.
. "$(dirname "$0")/lib-hooks.sh"

new_repo "$SG_TMP/dev" >/dev/null
"$SDLGATE" install-hooks >/dev/null

test_begin "a commit without a requirement is refused and not created"
before=$(rev . HEAD)
echo "int a;" >> src/main.c
git add src/main.c
run_cmd git commit -m "Change without a requirement"
expect_status 1
expect_err "requirement-reference"
expect_err "the change cites no secure requirement"
[ "$(rev . HEAD)" = "$before" ] || fail "HEAD moved: the commit was created"

test_begin "the same change with a requirement is committed"
run_cmd git commit -m "Change with a requirement

$GOOD_TRAILERS"
expect_status 0
[ "$(rev . HEAD)" != "$before" ] || fail "HEAD did not move"
[ "$(git log -1 --format=%s)" = "Change with a requirement" ] || fail "wrong commit"

test_begin "git commit --amend is judged as the commit it makes: dropping the requirement is refused"
before=$(rev . HEAD)
run_cmd git commit --amend -m "Change with a requirement" -m "Security-Impact: none - only words changed"
expect_status 1
expect_err "requirement-reference"
expect_err "src/main.c"
[ "$(rev . HEAD)" = "$before" ] || fail "HEAD moved: the amend was made"

test_begin "an amend that keeps its trailers is made, and the next plain commit is judged as usual"
run_cmd git commit --amend -m "Change with a requirement, reworded

$GOOD_TRAILERS"
expect_status 0
[ "$(rev . HEAD)" != "$before" ] || fail "the amend was not made"
[ ! -e .git/sdlgate-amend ] || fail "the amend mark was left behind"
printf 'Notes\n' > NOTES.md
git add NOTES.md
run_cmd git commit -m "Notes" -m "Security-Impact: none - documentation"
expect_status 0

test_begin "an amend through the editor with more staged is judged against HEAD's parent (prepare-commit-msg)"
echo "int amend_b;" >> src/main.c
git add src/main.c
git commit -q -m "Another code change

$GOOD_TRAILERS"
before=$(rev . HEAD)
amend_to_docs_only
expect_status 1
expect_err "src/main.c"
[ "$(rev . HEAD)" = "$before" ] || fail "HEAD moved: the amend was made"

test_begin "git commit --amend --no-verify leaves no mark that a later commit could misread"
run_cmd git commit --amend --no-verify -m "Notes, reworded" -m "Security-Impact: none - documentation"
expect_status 0
echo "int amend_c;" >> src/main.c
git add src/main.c
run_cmd git commit -m "Plain change after an unchecked amend

$GOOD_TRAILERS"
expect_status 0

test_begin "git commit -a: the hook judges the index git commits (GIT_INDEX_FILE)"
before=$(rev . HEAD)
echo "int b;" >> src/main.c
run_cmd git commit -a -m "Unstaged change committed with -a"
expect_status 1
expect_err "src/main.c"
expect_err "requirement-reference"
[ "$(rev . HEAD)" = "$before" ] || fail "HEAD moved"

test_begin "git commit PATH (a partial commit) is judged too"
run_cmd git commit -m "Partial commit" src/main.c
expect_status 1
expect_err "src/main.c"
[ "$(rev . HEAD)" = "$before" ] || fail "HEAD moved"
run_cmd git commit -m "Partial commit

$GOOD_TRAILERS" src/main.c
expect_status 0

test_begin "a message comment is not a trailer: cleaned as git stores it"
echo "int c;" >> src/main.c
git add src/main.c
printf 'Subject\n\n# Security-Requirement: SR-001\n' > "$SG_TMP/msg"
before=$(rev . HEAD)
run_cmd git commit -F "$SG_TMP/msg" --cleanup=strip
expect_status 1
[ "$(rev . HEAD)" = "$before" ] || fail "HEAD moved"
git reset -q --hard

test_begin "a documentation change with Security-Impact: none is committed"
echo "More docs" >> docs/guide.md
git add docs/guide.md
run_cmd git commit -m "Document the pump

Security-Impact: none - user guide wording"
expect_status 0

test_begin "a merge commit is skipped (scope.merges: skip) and made"
git checkout -q -b topic
echo "int t;" >> src/topic.c
git add src/topic.c
git commit -q -m "Topic work

$GOOD_TRAILERS"
git checkout -q main
echo "int m;" >> src/main.c
git add src/main.c
git commit -q -m "Main work

$GOOD_TRAILERS"
run_cmd git merge --no-ff -m "Merge branch 'topic'" topic
expect_status 0
[ "$(git rev-list --parents -1 HEAD | wc -w)" -eq 3 ] || fail "no merge commit"

test_begin "a merge concluded after a conflict is skipped too"
git checkout -q -b left
echo "left" > src/conflict.c
git add src/conflict.c
git commit -q -m "Left

$GOOD_TRAILERS"
git checkout -q main
echo "right" > src/conflict.c
git add src/conflict.c
git commit -q -m "Right

$GOOD_TRAILERS"
git merge left >/dev/null 2>&1 && fail "expected a conflict"
echo "both" > src/conflict.c
git add src/conflict.c
run_cmd git commit --no-edit
expect_status 0
expect_err "a merge commit: not checked (scope.merges: skip)"
[ "$(git rev-list --parents -1 HEAD | wc -w)" -eq 3 ] || fail "no merge commit"

test_begin "a hook that was there before still runs, first"
git init -q "$SG_TMP/chained"
cd "$SG_TMP/chained"
cat > .git/hooks/commit-msg <<'HOOK'
#!/bin/sh
echo "earlier hook saw $1" >> "$(git rev-parse --git-dir)/earlier.log"
HOOK
chmod +x .git/hooks/commit-msg
run_sg install-hooks
expect_status 0
expect_out "kept as commit-msg.local and runs first"
cp -R "$SG_TMP/dev/.sdlgate.yml" "$SG_TMP/dev/docs" "$SG_TMP/dev/risk" "$SG_TMP/dev/sbom" "$SG_TMP/dev/src" .
git add -A
run_cmd git commit -m "Initial import without a requirement"
expect_status 1
grep -q "earlier hook saw" .git/earlier.log || fail "the earlier hook did not run"
[ "$(rev . HEAD)" = none ] || fail "the commit was created"

test_begin "an unborn branch's first commit is checked and made"
run_cmd git commit -m "Initial import

$GOOD_TRAILERS"
expect_status 0
[ "$(rev . HEAD)" != none ] || fail "no commit"
[ "$(grep -c "earlier hook saw" .git/earlier.log)" -eq 2 ] || fail "the earlier hook did not run twice"

test_begin "a failing earlier hook stops the commit before the gate"
cat > .git/hooks/commit-msg.local <<'HOOK'
#!/bin/sh
echo "earlier hook refuses" >&2
exit 7
HOOK
echo "int d;" >> src/main.c
git add src/main.c
before=$(rev . HEAD)
run_cmd git commit -m "Good message

$GOOD_TRAILERS"
expect_status 1
expect_err "earlier hook refuses"
expect_not_err "sdlgate commit-msg"
[ "$(rev . HEAD)" = "$before" ] || fail "HEAD moved"
rm .git/hooks/commit-msg.local

test_begin "in a linked worktree the shared hooks run"
cd "$SG_TMP/dev"
git worktree add -q "$SG_TMP/wt" -b wt-branch
cd "$SG_TMP/wt"
echo "int w;" >> src/main.c
git add src/main.c
before=$(rev . HEAD)
run_cmd git commit -m "Worktree change without a requirement"
expect_status 1
expect_err "requirement-reference"
[ "$(rev . HEAD)" = "$before" ] || fail "HEAD moved"
run_cmd git commit -m "Worktree change

$GOOD_TRAILERS"
expect_status 0
[ "$(rev . HEAD)" != "$before" ] || fail "no commit in the worktree"

test_begin "core.hooksPath: hooks installed and run from there"
new_repo "$SG_TMP/hookspath" >/dev/null
git config core.hooksPath .githooks
run_sg install-hooks
expect_status 0
expect_out "core.hooksPath"
[ -x .githooks/pre-commit ] || fail "no .githooks/pre-commit"
[ -e .git/hooks/pre-commit ] && fail "installed into .git/hooks despite core.hooksPath"
echo "int h;" >> src/main.c
git add src/main.c
before=$(rev . HEAD)
run_cmd git commit -m "No requirement"
expect_status 1
[ "$(rev . HEAD)" = "$before" ] || fail "HEAD moved"

test_begin "without sdlgate on PATH the hook refuses and says what to do"
run_cmd env -u SDLGATE PATH=/usr/bin:/bin git commit -m "Good

$GOOD_TRAILERS"
expect_status 1
expect_err "'sdlgate' is not on PATH"
expect_err "SDLGATE=/path/to/sdlgate"
expect_err "git commit --no-verify"
[ "$(rev . HEAD)" = "$before" ] || fail "HEAD moved"

test_begin "git commit --no-verify skips the client hooks"
run_cmd git commit --no-verify -m "No requirement"
expect_status 0
[ "$(rev . HEAD)" != "$before" ] || fail "no commit"

test_begin "hook usage errors: unknown hook, missing message file"
run_sg hook post-checkout
expect_status 2
expect_err "'post-checkout' is not a hook"
run_sg hook commit-msg
expect_status 2
run_sg hook
expect_status 2

test_done
