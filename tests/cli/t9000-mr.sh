#!/bin/sh
# check --mr: the merge request's commits only, the target's policy, the CI's variables.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/mr_lib.sh"

mr_setup
cd "$SG_TMP/work"

test_begin "--mr --base: findings for the merge request's commits only"
run_sg --format json check --mr --base origin/main
expect_status 1
[ "$(json_get 'd["mode"]')" = mr ] || fail "mode is not mr"
[ "$(json_get 'd["range"]["base"]')" = "$FORK" ] || fail "base is not the merge base"
[ "$(json_get 'd["range"]["commits"]')" = 2 ] || fail "not 2 commits"
[ "$(json_get '" ".join(sorted(set(f["commit"] for f in d["findings"])))')" = "$BAD" ] ||
	fail "findings are not exactly the bad MR commit"
# nothing from the target's history, before or after the branch point
[ "$(json_get 'len([f for f in d["findings"] if f["commit"] in sys.argv[2:]])' "$OLD_BAD" "$LATER_BAD")" = 0 ] ||
	fail "findings from the target's history"
expect_out "from --base"

test_begin "text output says where the target came from"
run_sg check --mr --base origin/main
expect_status 1
expect_out "note: merge request: target origin/main (from --base)"
expect_out "note: the policy, requirements registry and review records of the target"

test_begin "a merge request that passes: exit 0"
git checkout -q -b clean origin/main
commit_change "Harden the TLS setup

Security-Requirement: SR-001" lib/tls.c
run_sg check --mr --base origin/main
expect_status 0
expect_out "PASS"
git checkout -q feature

test_begin "an empty merge request (HEAD is in the target) passes and says so"
git checkout -q --detach origin/main
run_sg check --mr --base origin/main
expect_status 0
expect_out "no changes to check"
git checkout -q feature

# --- the CI's variables ------------------------------------------------

test_begin "GitLab: CI_MERGE_REQUEST_TARGET_BRANCH_NAME gives origin/<name>"
CI_MERGE_REQUEST_TARGET_BRANCH_NAME=main run_sg --format json check --mr
expect_status 1
expect_out "target origin/main (from CI_MERGE_REQUEST_TARGET_BRANCH_NAME)"
[ "$(json_get 'd["range"]["base"]')" = "$FORK" ] || fail "base is not the merge base"

test_begin "GitLab: CI_MERGE_REQUEST_DIFF_BASE_SHA wins over the branch name"
CI_MERGE_REQUEST_DIFF_BASE_SHA=$FORK CI_MERGE_REQUEST_TARGET_BRANCH_NAME=no-such \
	run_sg --format json check --mr
expect_status 1
expect_out "(from CI_MERGE_REQUEST_DIFF_BASE_SHA)"
[ "$(json_get 'd["policy"]["from"]')" = "rev:$FORK" ] || fail "policy not from the diff base"

test_begin "GitHub: GITHUB_BASE_REF gives origin/<name>"
GITHUB_BASE_REF=main run_sg check --mr
expect_status 1
expect_out "target origin/main (from GITHUB_BASE_REF)"

printf '{"action": "synchronize",\n "pull_request": {"number": 7, "base": {"ref": "main", "sha": "%s"}}}\n' \
	"$FORK" > "$SG_TMP/event.json"

test_begin "GitHub: the pull request's base sha from GITHUB_EVENT_PATH"
GITHUB_EVENT_PATH=$SG_TMP/event.json run_sg --format json check --mr
expect_status 1
expect_out "from GITHUB_EVENT_PATH pull_request.base.sha"
[ "$(json_get 'd["range"]["base"]')" = "$FORK" ] || fail "base is not the event's base sha"

test_begin "GitHub: a base ref the clone lacks falls back to the event's sha"
GITHUB_BASE_REF=not-fetched GITHUB_EVENT_PATH=$SG_TMP/event.json run_sg check --mr
expect_status 1
expect_out "from GITHUB_EVENT_PATH pull_request.base.sha"

test_begin "GitHub: an empty GITHUB_BASE_REF (a push) counts as unset"
GITHUB_BASE_REF= SDLGATE_BASE=origin/main run_sg check --mr
expect_status 1
expect_out "(from SDLGATE_BASE)"

test_begin "GitHub: an event that is not JSON is exit 3 naming file:line:column"
printf '{"pull_request": {\n  "base": nope}}\n' > "$SG_TMP/bad-event.json"
GITHUB_EVENT_PATH=$SG_TMP/bad-event.json run_sg check --mr
expect_status 3
expect_err "bad-event.json:2:"
expect_err "hint:"

test_begin "GitHub: a push event has no base: without another source, exit 2"
printf '{"ref": "refs/heads/main", "after": "%s"}\n' "$BAD" > "$SG_TMP/push.json"
GITHUB_EVENT_PATH=$SG_TMP/push.json run_sg check --mr
expect_status 2
expect_err "--mr needs the merge request's target"

test_begin "generic: SDLGATE_BASE"
SDLGATE_BASE=origin/main run_sg check --mr
expect_status 1
expect_out "(from SDLGATE_BASE)"

test_begin "--base wins over the CI's variables"
CI_MERGE_REQUEST_TARGET_BRANCH_NAME=no-such GITHUB_BASE_REF=no-such run_sg check --mr --base=origin/main
expect_status 1
expect_out "(from --base)"

test_begin "no target anywhere: exit 2 with a hint"
run_sg check --mr
expect_status 2
expect_err "--mr needs the merge request's target"
expect_err "hint: name the branch"

test_begin "an unknown target: exit 3 naming it"
run_sg check --mr --base origin/nope
expect_status 3
expect_err "unknown revision 'origin/nope'"

test_begin "a target with no common history: exit 3"
git checkout -q --orphan unrelated
git rm -q -rf .
commit_change "Unrelated root" other.txt
UNRELATED=$(git rev-parse HEAD)
git checkout -q feature
run_sg check --mr --base "$UNRELATED"
expect_status 3
expect_err "no common history"

test_begin "usage: --base without --mr, --mr with --staged"
run_sg check --base origin/main --range HEAD~1..HEAD
expect_status 2
expect_err "--base goes with --mr"
run_sg check --mr --staged
expect_status 2
expect_err "cannot be used together"

test_begin "--range and --staged still work"
run_sg check --range "$FORK..HEAD"
expect_status 1
expect_out "Speed up the session cache"
run_sg check --staged
expect_status 0

# --- the target's policy -------------------------------------------------

test_begin "the branch weakens its own policy: the target's policy still runs"
git checkout -q -b weaken feature
printf 'rules:\n  requirement-reference: off\n' >> .sdlgate.yml
git commit -q -am "Relax the gate

Security-Requirement: SR-001"
# the relaxed working-tree policy drops requirement-reference, but the
# change to the policy is itself a policy-change finding
run_sg check --range "$FORK..HEAD"
expect_status 1
expect_out "error   policy-change  .sdlgate.yml"
expect_not_out "error   requirement-reference"
run_sg --format json check --mr --base origin/main
expect_status 1
[ "$(json_get 'd["policy"]["from"]')" = "rev:$(git rev-parse origin/main)" ] ||
	fail "policy not read from the target"
[ "$(json_get '[f["commit"] for f in d["findings"] if f["rule"] == "requirement-reference"][0]')" = "$BAD" ] ||
	fail "the target's requirement-reference did not run"

test_begin "--policy-from HEAD (first adoption) is used and the report says so"
run_sg --format json --policy-from HEAD check --mr --base origin/main
# the branch's policy drops requirement-reference; its own change is policy-change
expect_status 1
[ "$(json_get '" ".join(sorted(set(f["rule"] for f in d["findings"])))')" = policy-change ] ||
	fail "findings other than policy-change under the branch's policy"
[ "$(json_get 'd["policy"]["from"]')" = "rev:HEAD" ] || fail "policy.from is not rev:HEAD"
expect_out "the policy comes from --policy-from HEAD, not from the target"

test_begin "a target without a policy: exit 2, the hint names --policy-from HEAD"
git checkout -q -b adopt-base "$UNRELATED"
git checkout -q -b adopt
git show feature:.sdlgate.yml > .sdlgate.yml
git add .sdlgate.yml
git commit -q -m "Adopt sdlgate

Security-Impact: none - policy only"
run_sg check --mr --base adopt-base
expect_status 2
expect_err "has no '.sdlgate.yml'"
expect_err "--policy-from HEAD"
run_sg --policy-from HEAD check --mr --base adopt-base
expect_out "the policy comes from --policy-from HEAD"

test_done
