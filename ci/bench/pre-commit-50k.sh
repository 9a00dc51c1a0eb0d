#!/bin/sh
# Latency of the pre-commit hook on a repository of 50,000 files with a
# 3-file staged change, against `git diff --cached --name-status` on the
# same repository (the floor: git itself listing the staged change).
#
#   ci/bench/pre-commit-50k.sh [SDLGATE] [DIR]
#
# SDLGATE defaults to build/src/sdlgate, DIR to a fresh temporary
# directory (kept with KEEP=1). FILES=N changes the size. Needs git,
# hyperfine and python3 (for the medians). The repository is generated
# with `git fast-import`, so its contents are the same on every run.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
sdlgate=$(cd "$(dirname "${1:-$top/build/src/sdlgate}")" && pwd)/$(basename "${1:-sdlgate}")
[ -x "$sdlgate" ] || { echo "no sdlgate binary at $sdlgate: build first (ci/build.sh build)" >&2; exit 2; }
files=${FILES:-50000}
dir=${2:-$(mktemp -d "${TMPDIR:-/tmp}/sdlgate-bench.XXXXXX")}
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT
for tool in git hyperfine python3; do
	command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

export GIT_CONFIG_NOSYSTEM=1 HOME="$dir/home" LC_ALL=C
mkdir -p "$HOME"
git init -q -b main "$dir/repo"
cd "$dir/repo"

# One commit: the sample policy, registry, risk file and SBOM, plus
# $files small C files in 100 directories.
awk -v files="$files" '
function blob(path, text) {
	printf "M 100644 inline %s\ndata %d\n%s\n", path, length(text), text
}
BEGIN {
	msg = "Import\n\nSecurity-Requirement: SR-001\n"
	printf "commit refs/heads/main\n"
	printf "committer Bench <bench@example.org> 1767225600 +0000\n"
	printf "data %d\n%s\n", length(msg), msg
	blob(".sdlgate.yml", "version: 1\nproduct: Bench device\nrequirements:\n  registry: [docs/security/requirements.yml]\n  exemption:\n    allowed_paths: [\"docs/**\", \"*.md\"]\nsbom:\n  files: [sbom/bom.cdx.json]\n  triggers: [\"third_party/**\", \"CMakeLists.txt\"]\n  minimum_elements: none\nrisk:\n  files: [risk/security-risks.yml]\n  triggers: [\"src/**\"]\n")
	blob("docs/security/requirements.yml", "requirements:\n  - {id: SR-001, title: Authenticate every remote session, status: active}\n")
	blob("risk/security-risks.yml", "risks:\n  - {id: RSK-001, title: Spoofed session, controls: [SR-001], safety_risks: [HAZ-1], status: mitigated}\n")
	blob("sbom/bom.cdx.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"version\": 1, \"components\": []}\n")
	for (i = 0; i < files; i++)
		blob(sprintf("src/m%03d/f%05d.c", i % 100, i), sprintf("int f%05d(void) { return %d; }\n", i, i))
	printf "\n"
}' | git fast-import --quiet
git reset -q --hard main

# the staged change: 3 files, one of them new
for f in src/m000/f00000.c src/m001/f00001.c; do
	echo "/* changed */" >> "$f"
done
echo "int added(void) { return 0; }" > src/m002/added.c
git add src/m000/f00000.c src/m001/f00001.c src/m002/added.c

SDLGATE="$sdlgate" "$sdlgate" install-hooks >/dev/null
echo "repository: $(git ls-files | wc -l) files; staged:"
git diff --cached --name-status | sed 's/^/  /'

hyperfine --shell=none --warmup 3 --runs "${RUNS:-30}" --export-json "$dir/bench.json" \
	-n "git diff --cached --name-status" "git diff --cached --name-status" \
	-n "sdlgate hook pre-commit" "$sdlgate hook pre-commit" \
	-n "the installed pre-commit hook (sh wrapper)" "env SDLGATE=$sdlgate .git/hooks/pre-commit"

python3 - "$dir/bench.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
print()
print("%-46s %10s  %s" % ("median of %d runs" % len(r[0]["times"]), "ms", "ratio to git diff --cached"))
for x in r:
    print("%-46s %10.1f  %.2fx" % (x["command"], x["median"] * 1000, x["median"] / base))
PY
