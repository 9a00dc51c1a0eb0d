#!/bin/sh
# Benchmark: `sdlgate check --mr` (100 commits on top of a 10,000-commit
# target) in a full clone and in a shallow clone, against `check --range`
# over the same commits, and every report format over a 10,000-commit
# range. Usage: ci/bench/mr.sh [BUILD_DIR]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
sdlgate=$(cd "${1:-$top/build}" && pwd)/src/sdlgate
work=$(mktemp -d "${TMPDIR:-/tmp}/sdlgate-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

git init -q -b main "$work/repo"
python3 "$top/ci/bench/gen-history.py" 10000 1000 | git -C "$work/repo" fast-import --quiet
git -C "$work/repo" reset -q --hard main
git -C "$work/repo" branch target HEAD~100
first=$(git -C "$work/repo" rev-list --max-parents=0 HEAD)
git clone -q --depth 150 --no-single-branch "file://$work/repo" "$work/shallow"
git -C "$work/shallow" branch -q target origin/target

cd "$work/repo"
# -i: the generated history carries findings on purpose; the verdict is not timed
hyperfine -i --warmup 1 --runs 10 --export-markdown "$work/mr.md" \
	"$sdlgate check --range target..HEAD --quiet" \
	"$sdlgate check --mr --base target --quiet" \
	"$sdlgate -C $work/shallow check --mr --base target --quiet"
cat "$work/mr.md"
hyperfine -i --warmup 1 --runs 3 --export-markdown "$work/formats.md" \
	-L fmt json,junit,sarif,codequality,markdown \
	"$sdlgate check --range $first..HEAD --format {fmt} --output $work/out.{fmt}"
cat "$work/formats.md"
ls -l "$work"/out.*
