# Shared helpers for the CLI tests (sourced by tNNNN-*.sh).
#
# Each script builds real git repositories in a private temporary directory
# and runs the built sdlgate binary ($SDLGATE, set by ctest). The
# environment is isolated: a temporary HOME, no system git config, fixed
# identities and dates, so results do not depend on the machine.
#
#   test_begin "what is being checked"
#   run_sg [args...]            # runs sdlgate, sets $status, $out (stdout), $err (stderr)
#   expect_status N             # the last run_sg exited with N
#   expect_out "text"           # stdout contains text (fixed string)
#   expect_err "text"           # stderr contains text
#   expect_not_out "text"
#   test_done                   # at the end: exit 1 if anything failed

set -u

: "${SDLGATE:?SDLGATE must point at the built sdlgate binary}"
SG_SOURCE_DIR=${SG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}

SG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/sdlgate-test.XXXXXX")
trap 'rm -rf "$SG_TMP"' EXIT
export HOME="$SG_TMP/home"
export XDG_CONFIG_HOME="$HOME/.config"
mkdir -p "$HOME"
export GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME="Dana Developer" GIT_AUTHOR_EMAIL="dana@example.org"
export GIT_COMMITTER_NAME="Dana Developer" GIT_COMMITTER_EMAIL="dana@example.org"
export GIT_AUTHOR_DATE="2026-11-01T10:00:00Z" GIT_COMMITTER_DATE="2026-11-01T10:00:00Z"
export SDLGATE_TODAY="2026-11-27"
# a sanitizer finding must never look like a gate verdict (exit 1)
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:exitcode=86:abort_on_error=0"
export LSAN_OPTIONS="${LSAN_OPTIONS:-}:exitcode=86"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-}:halt_on_error=1:exitcode=86:print_stacktrace=1"
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES
git config --global init.defaultBranch main
git config --global advice.detachedHead false

sg_failures=0
sg_tests=0
sg_current=""

test_begin() {
	sg_current=$1
	sg_tests=$((sg_tests + 1))
}

fail() {
	sg_failures=$((sg_failures + 1))
	printf 'FAIL: %s: %s\n' "$sg_current" "$*" >&2
	if [ -n "${out:-}" ] && [ -f "$SG_TMP/out" ]; then
		printf -- '--- stdout\n' >&2; sed 's/^/    /' "$SG_TMP/out" >&2
	fi
	if [ -f "$SG_TMP/err" ]; then
		printf -- '--- stderr\n' >&2; sed 's/^/    /' "$SG_TMP/err" >&2
	fi
}

# A sanitizer report is always a failure, whatever the exit code says.
check_sanitizer() {
	if grep -q "Sanitizer" "$SG_TMP/err" 2>/dev/null; then
		fail "sanitizer report"
	fi
}

# run_sg ARGS...: run sdlgate from the current directory
run_sg() {
	status=0
	"$SDLGATE" "$@" >"$SG_TMP/out" 2>"$SG_TMP/err" || status=$?
	out=$(cat "$SG_TMP/out")
	err=$(cat "$SG_TMP/err")
	check_sanitizer
}

# run_cmd CMD ARGS...: any command, captured the same way
run_cmd() {
	status=0
	"$@" >"$SG_TMP/out" 2>"$SG_TMP/err" || status=$?
	out=$(cat "$SG_TMP/out")
	err=$(cat "$SG_TMP/err")
	check_sanitizer
}

expect_status() {
	[ "$status" -eq "$1" ] || fail "expected exit $1, got $status"
}

expect_out() {
	grep -qF -- "$1" "$SG_TMP/out" || fail "stdout lacks '$1'"
}

expect_not_out() {
	if grep -qF -- "$1" "$SG_TMP/out"; then fail "stdout has '$1'"; fi
}

expect_err() {
	grep -qF -- "$1" "$SG_TMP/err" || fail "stderr lacks '$1'"
}

test_done() {
	if [ "$sg_failures" -gt 0 ]; then
		printf '%s: %d of %d checks failed\n' "$0" "$sg_failures" "$sg_tests" >&2
		exit 1
	fi
	printf '%s: %d checks passed\n' "$0" "$sg_tests"
	exit 0
}

# new_repo DIR: an empty repository with the standard sample policy and
# registry, SBOM and risk file committed as the first commit.
new_repo() {
	git init -q "$1"
	cd "$1"
	mkdir -p docs/security sbom risk src third_party
	cat > .sdlgate.yml <<'YML'
version: 1
product: Test device
requirements:
  registry: [docs/security/requirements.yml]
  exemption:
    allowed_paths: ["docs/**", "*.md"]
sbom:
  files: [sbom/bom.cdx.json]
  triggers: ["third_party/**", "CMakeLists.txt", "**/package-lock.json"]
  minimum_elements: none
risk:
  files: [risk/security-risks.yml]
  triggers: ["src/**"]
YML
	cat > docs/security/requirements.yml <<'YML'
requirements:
  - {id: SR-001, title: Authenticate every remote session, status: active}
  - {id: SR-002, title: Old cipher suite, status: obsolete}
  - {id: SR-003, title: Log every dose change, status: draft}
YML
	cat > risk/security-risks.yml <<'YML'
risks:
  - {id: RSK-001, title: Spoofed session, controls: [SR-001], safety_risks: [HAZ-1], status: mitigated}
YML
	printf '{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": []}\n' > sbom/bom.cdx.json
	printf 'int main(void) { return 0; }\n' > src/main.c
	git add -A
	git commit -q -m "Initial import

Security-Requirement: SR-001"
}

# commit_change MESSAGE FILE [CONTENT]: append CONTENT to FILE and commit
commit_change() {
	msg=$1 file=$2 content=${3:-change}
	mkdir -p "$(dirname "$file")"
	printf '%s\n' "$content" >> "$file"
	git add -A
	git commit -q -m "$msg"
}
