#!/bin/sh
# install-hooks: the wrappers of hooks/ go where git runs hooks from; a
# hook that was there is never lost; running it again changes nothing.
. "$(dirname "$0")/lib-hooks.sh"

new_repo "$SG_TMP/dev" >/dev/null

test_begin "install-hooks writes the three client hooks, exactly hooks/ of the project"
run_sg install-hooks
expect_status 0
expect_out "$SG_TMP/dev/.git/hooks (shared by every worktree of the repository)"
for h in pre-commit commit-msg pre-push; do
	expect_out "  $h: written"
	[ -x ".git/hooks/$h" ] || fail "$h is not executable"
	cmp -s ".git/hooks/$h" "$SG_SOURCE_DIR/hooks/$h" || fail "$h differs from hooks/$h"
done
[ -e .git/hooks/pre-receive ] && fail "a client got pre-receive"
expect_out "run 'sdlgate install-hooks' in the bare repository you push to"

test_begin "the wrappers are POSIX sh and name what they run"
for h in pre-commit commit-msg pre-push pre-receive; do
	sh -n "$SG_SOURCE_DIR/hooks/$h" || fail "hooks/$h is not valid sh"
	grep -q "exec \"\$sdlgate\" hook \"\$hook\" \"\$@\"" "$SG_SOURCE_DIR/hooks/$h" ||
		fail "hooks/$h does not exec sdlgate hook"
	LC_ALL=C grep -q '[^ -~	]' "$SG_SOURCE_DIR/hooks/$h" && fail "hooks/$h is not ASCII"
done

test_begin "running it again is harmless: everything up to date, nothing rewritten"
ls -li .git/hooks > "$SG_TMP/before"
run_sg install-hooks
expect_status 0
for h in pre-commit commit-msg pre-push; do
	expect_out "  $h: up to date"
done
ls -li .git/hooks > "$SG_TMP/after"
cmp -s "$SG_TMP/before" "$SG_TMP/after" || fail "the hooks directory changed"

test_begin "an older sdlgate wrapper is updated in place"
printf '#!/bin/sh\n# sdlgate-hook-wrapper 0\nexec sdlgate hook pre-push "$@"\n' > .git/hooks/pre-push
run_sg install-hooks
expect_status 0
expect_out "  pre-push: updated (an older sdlgate wrapper)"
cmp -s .git/hooks/pre-push "$SG_SOURCE_DIR/hooks/pre-push" || fail "pre-push not updated"
[ -e .git/hooks/pre-push.local ] && fail "the old wrapper was chained"

test_begin "a hook that is not ours is kept as NAME.local and runs first"
new_repo "$SG_TMP/chain" >/dev/null
printf '#!/bin/sh\necho theirs\n' > .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
cp .git/hooks/pre-commit "$SG_TMP/theirs"
run_sg install-hooks
expect_status 0
expect_out "  pre-commit: written; the hook that was there is kept as pre-commit.local and runs first, then the gate"
cmp -s .git/hooks/pre-commit.local "$SG_TMP/theirs" || fail "their hook was not kept as it was"
cmp -s .git/hooks/pre-commit "$SG_SOURCE_DIR/hooks/pre-commit" || fail "the wrapper is not installed"

test_begin "again: up to date, and it says the kept hook runs first"
run_sg install-hooks
expect_status 0
expect_out "  pre-commit: up to date (pre-commit.local runs first, then the gate)"
cmp -s .git/hooks/pre-commit.local "$SG_TMP/theirs" || fail "their hook changed"

test_begin "a non-executable hook is kept, and the output says it will not run"
rm .git/hooks/commit-msg
printf '#!/bin/sh\necho off\n' > .git/hooks/commit-msg
run_sg install-hooks
expect_status 0
expect_out "it is not executable: git did not run it, and the wrapper will not either"
[ -f .git/hooks/commit-msg.local ] || fail "not kept"

test_begin "a foreign hook while NAME.local exists: refused, nothing lost"
printf '#!/bin/sh\necho newer\n' > .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
cp .git/hooks/pre-commit "$SG_TMP/newer"
run_sg install-hooks
expect_status 3
expect_err "cannot keep the existing '$SG_TMP/chain/.git/hooks/pre-commit': 'pre-commit.local' exists already"
expect_err "hint: merge the two into pre-commit.local by hand"
cmp -s .git/hooks/pre-commit "$SG_TMP/newer" || fail "the newer hook was touched"
cmp -s .git/hooks/pre-commit.local "$SG_TMP/theirs" || fail "the kept hook was touched"

test_begin "--force: the gate alone; what was there is kept as a backup, not run"
run_sg install-hooks --force
expect_status 0
expect_out "  pre-commit.local: kept, no longer run, as pre-commit.local.sdlgate-backup (--force: the gate runs alone)"
expect_out "  pre-commit: written; the hook that was there is kept, not run, as pre-commit.sdlgate-backup"
cmp -s .git/hooks/pre-commit.sdlgate-backup "$SG_TMP/newer" || fail "the newer hook was not backed up"
cmp -s .git/hooks/pre-commit.local.sdlgate-backup "$SG_TMP/theirs" || fail "the kept hook was not backed up"
[ -e .git/hooks/pre-commit.local ] && fail "pre-commit.local still runs"
cmp -s .git/hooks/pre-commit "$SG_SOURCE_DIR/hooks/pre-commit" || fail "the wrapper is not installed"

test_begin "--force again never overwrites a backup"
printf '#!/bin/sh\necho third\n' > .git/hooks/pre-commit
run_sg install-hooks --force
expect_status 0
expect_out "kept, not run, as pre-commit.sdlgate-backup.2"
cmp -s .git/hooks/pre-commit.sdlgate-backup "$SG_TMP/newer" || fail "the first backup was overwritten"

test_begin "a directory where a hook should be: exit 3, named"
mkdir .git/hooks/pre-push.d && rm -f .git/hooks/pre-push && mv .git/hooks/pre-push.d .git/hooks/pre-push
run_sg install-hooks
expect_status 3
expect_err "is a directory, not a hook"
rmdir .git/hooks/pre-push

test_begin "core.hooksPath (relative): installed where git runs hooks from"
new_repo "$SG_TMP/hp" >/dev/null
git config core.hooksPath ci/githooks
mkdir -p sub && cd sub
run_sg install-hooks
expect_status 0
expect_out "$SG_TMP/hp/ci/githooks (core.hooksPath)"
[ -x "$SG_TMP/hp/ci/githooks/commit-msg" ] || fail "not installed under core.hooksPath"
[ -e "$SG_TMP/hp/.git/hooks/commit-msg" ] && fail "installed into .git/hooks too"
cd ..

test_begin "core.hooksPath with ~/ is expanded as git does"
git config core.hooksPath "~/githooks"
run_sg install-hooks
expect_status 0
[ -x "$HOME/githooks/pre-push" ] || fail "not installed in ~/githooks"

test_begin "in a linked worktree the hooks go to the shared directory"
cd "$SG_TMP/dev"
git worktree add -q "$SG_TMP/wt" -b wt
cd "$SG_TMP/wt"
run_sg install-hooks
expect_status 0
expect_out "$SG_TMP/dev/.git/hooks (shared by every worktree of the repository)"
[ -e "$SG_TMP/dev/.git/worktrees/wt/hooks" ] && fail "installed into the worktree's git directory"

test_begin "a bare repository gets pre-receive only"
git init -q --bare "$SG_TMP/server.git"
run_sg -C "$SG_TMP/server.git" install-hooks
expect_status 0
expect_out "$SG_TMP/server.git/hooks (a bare repository: the server's gate)"
expect_out "  pre-receive: written"
expect_out "the first push of its default branch brings the policy"
[ -x "$SG_TMP/server.git/hooks/pre-receive" ] || fail "no pre-receive"
[ -e "$SG_TMP/server.git/hooks/pre-commit" ] && fail "a server got pre-commit"

test_begin "a bare repository whose HEAD has no policy: warned that pushes will be refused"
git init -q "$SG_TMP/nopolicy"
git -C "$SG_TMP/nopolicy" commit -q --allow-empty -m "Empty"
git clone -q --bare "$SG_TMP/nopolicy" "$SG_TMP/nopolicy.git"
run_sg -C "$SG_TMP/nopolicy.git" install-hooks
expect_status 0
expect_out "warning: every push will be refused until the default branch has a valid policy"

test_begin "sdlgate not on PATH: the installer warns"
cd "$SG_TMP/dev"
run_cmd env -u SDLGATE PATH=/usr/bin:/bin "$SDLGATE" install-hooks
expect_status 0
expect_out "warning: 'sdlgate' is not on PATH"

test_begin "usage errors and outside a repository"
run_sg install-hooks --frobnicate
expect_status 2
expect_err "unknown argument '--frobnicate'"
mkdir -p "$SG_TMP/plain"
run_sg -C "$SG_TMP/plain" install-hooks
expect_status 3
expect_err "not a git repository"

test_begin "--help lists hook and install-hooks"
run_sg --help
expect_out "install-hooks"
expect_out "hook "
run_sg install-hooks --help
expect_status 0
expect_out "usage: sdlgate install-hooks [--force]"

test_begin "cmake --install puts the wrappers under share/sdlgate/hooks"
build_dir=$(cd "$(dirname "$SDLGATE")/.." && pwd)
if [ -f "$build_dir/cmake_install.cmake" ]; then
	run_cmd cmake --install "$build_dir" --prefix "$SG_TMP/prefix"
	expect_status 0
	for h in pre-commit commit-msg pre-push pre-receive; do
		[ -x "$SG_TMP/prefix/share/sdlgate/hooks/$h" ] || fail "share/sdlgate/hooks/$h not installed"
	done
fi

test_done
