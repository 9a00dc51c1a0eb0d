#!/bin/sh
# The command line itself: help, version, usage errors and exit codes.
. "$(dirname "$0")/lib.sh"

cd "$SG_TMP"

test_begin "--version names the tool and version"
run_sg --version
expect_status 0
expect_out "sdlgate 0.1.0"

test_begin "--help lists the commands, formats and exit codes"
run_sg --help
expect_status 0
expect_out "check"
expect_out "commit-msg"
expect_out "exit codes:"
expect_out "3  repository or environment problem"
expect_out "json"

test_begin "no command is a usage error (exit 2)"
run_sg
expect_status 2

test_begin "an unknown command is a usage error naming it"
run_sg frobnicate
expect_status 2
expect_err "'frobnicate' is not a sdlgate command"

test_begin "an unknown format is a usage error"
run_sg --format yaml check --staged
expect_status 2
expect_err "unknown format 'yaml'"

test_begin "outside a repository: exit 3 with a hint"
mkdir -p "$SG_TMP/not-a-repo"
run_sg -C "$SG_TMP/not-a-repo" check --staged
expect_status 3
expect_err "not a git repository"
expect_err "hint:"

test_begin "a repository without a policy: exit 2 naming .sdlgate.yml"
git init -q "$SG_TMP/nopolicy"
run_sg -C "$SG_TMP/nopolicy" check --staged
expect_status 2
expect_err ".sdlgate.yml"
expect_err "sdlgate init"

test_begin "explain lists every rule of the design"
run_sg explain
expect_status 0
for rule in requirement-reference requirement-known design-review sbom-co-change \
	sbom-valid risk-co-change risk-trace policy-change waiver-expired \
	release-deliverables release-trace; do
	expect_out "$rule"
done

test_begin "explain of an unknown rule is a usage error"
run_sg explain no-such-rule
expect_status 2

test_done
