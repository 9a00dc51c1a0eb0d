# Helpers for the merge-request tests (t9xxx), sourced after lib.sh.
#
#   mr_setup             # $SG_TMP/origin.git (bare) and $SG_TMP/work: main with
#                        # history (one commit without a requirement), branch
#                        # 'feature' with one good and one bad commit, both pushed
#   json_get EXPR [ARG...]  # print a Python expression on the JSON of $SG_TMP/out
#                           # (as d; the ARGs are sys.argv[2:])

json_get() {
	expr=$1
	shift
	python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($expr)" "$SG_TMP/out" "$@"
}

# tick: the next commit is a minute later (a real history's order, which
# libgit2's merge-base walk relies on to stop at the merge base)
mr_minute=0
tick() {
	mr_minute=$((mr_minute + 1))
	GIT_AUTHOR_DATE=$(printf '2026-11-01T10:%02d:00Z' "$mr_minute")
	GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

mr_setup() {
	git init -q --bare "$SG_TMP/origin.git"
	new_repo "$SG_TMP/work"
	git remote add origin "$SG_TMP/origin.git"
	for n in 1 2 3 4 5 6 7 8 9 10; do
		tick
		commit_change "History $n

Security-Requirement: SR-001" lib/history.c "$n"
	done
	# the target's own history has a commit that fails the gate: an MR check never sees it
	tick
	commit_change "Tweak the build without a requirement" lib/old.c
	OLD_BAD=$(git rev-parse HEAD)
	git push -q origin main
	git checkout -q -b feature
	tick
	commit_change "Authenticate sessions

Security-Requirement: SR-001" lib/session.c
	GOOD=$(git rev-parse HEAD)
	tick
	commit_change "Speed up the session cache" lib/cache.c
	BAD=$(git rev-parse HEAD)
	git push -q origin feature
	# the target moves on after the branch point, with another failing commit
	git checkout -q main
	tick
	commit_change "Another unreferenced change on main" lib/later.c
	LATER_BAD=$(git rev-parse HEAD)
	git push -q origin main
	git checkout -q feature
	git fetch -q origin
	FORK=$(git merge-base origin/main HEAD)
}
