# Helpers for the tests of the hooks (t1xxx commit hooks, t3xxx pre-push,
# t4xxx pre-receive, t7xxx install-hooks): a bare "server" with sdlgate's
# pre-receive hook and clones with the client hooks, all driven through
# real `git commit` and `git push`. The installed wrappers find the
# binary under test through $SDLGATE, which lib.sh requires.
. "$(dirname "$0")/lib.sh"
export SDLGATE

# new_server DIR: an empty bare repository with the pre-receive hook.
new_server() {
	git init -q --bare "$1"
	"$SDLGATE" -C "$1" install-hooks >/dev/null || fail "install-hooks in $1"
}

# new_client DIR SERVER: new_repo in DIR (cd there), remote origin =
# SERVER, the client hooks installed after the initial commit.
new_client() {
	new_repo "$1"
	git remote add origin "$2"
	"$SDLGATE" install-hooks >/dev/null || fail "install-hooks in $1"
}

# rev REPO REF: the oid of REF in REPO, or "none".
rev() {
	git -C "$1" rev-parse -q --verify "$2^{commit}" 2>/dev/null || echo none
}

# expect_err_line TEXT: stderr has a line that contains TEXT (for remote: lines).
expect_err_re() {
	grep -qE -- "$1" "$SG_TMP/err" || fail "stderr lacks /$1/"
}

# expect_not_err TEXT
expect_not_err() {
	if grep -qF -- "$1" "$SG_TMP/err"; then fail "stderr has '$1'"; fi
}

GOOD_TRAILERS="Security-Requirement: SR-001
Risk-Assessment: unchanged - no new risk"

# expect_output TEXT: stdout or stderr has TEXT (git and the pre-commit
# framework differ in where a hook's output ends up).
expect_output() {
	cat "$SG_TMP/out" "$SG_TMP/err" | grep -qF -- "$1" || fail "the output lacks '$1'"
}

# amend_to_docs_only: stage a document and amend HEAD through the editor,
# which drops the requirement and claims a documentation-only change (a
# commit-msg that compared the amend with HEAD would let it through). The
# result is in $status, $out and $err; the document is unstaged again.
amend_to_docs_only() {
	mkdir -p docs
	printf 'words\n' > docs/amend.md
	git add docs/amend.md
	run_cmd env GIT_EDITOR="sed -i -e '/^Security-Requirement/d' -e 's/^Risk-Assessment.*/Security-Impact: none - documentation/'" \
		git commit --amend
	git reset -q HEAD docs/amend.md
	rm -f docs/amend.md
}
