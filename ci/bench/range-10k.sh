#!/bin/sh
# Benchmark: `sdlgate check --range` over 10,000 commits against
# `git log --name-status` over the same range (the floor: how fast git
# itself lists changed paths). Usage: ci/bench/range-10k.sh [BUILD_DIR]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
sdlgate=$(cd "${1:-$top/build}" && pwd)/src/sdlgate
work=$(mktemp -d "${TMPDIR:-/tmp}/sdlgate-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

git init -q -b main "$work/repo"
python3 "$top/ci/bench/gen-history.py" 10000 1000 | git -C "$work/repo" fast-import --quiet
git -C "$work/repo" reset -q --hard main
first=$(git -C "$work/repo" rev-list --max-parents=0 HEAD)
echo "repository: $(git -C "$work/repo" rev-list --count HEAD) commits"

cd "$work/repo"
"$sdlgate" check --range "$first..HEAD" --format json --output "$work/report.json" || true
python3 -c "import json; r=json.load(open('$work/report.json')); print('sdlgate:', r['range']['commits'], 'commits checked, result', r['result'], r['summary'])"

# -i: the history carries findings on purpose; the verdict is not what is timed
hyperfine -i --warmup 1 --runs 5 --export-markdown "$work/bench.md" \
	"git log --name-status --format=%H $first..HEAD" \
	"$sdlgate check --range $first..HEAD --quiet"
cat "$work/bench.md"
/usr/bin/time -v "$sdlgate" check --range "$first..HEAD" --quiet 2>&1 | grep -E "Maximum resident|Elapsed"
