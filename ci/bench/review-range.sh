#!/bin/sh
# Cost of design-review on a long change set: COMMITS commits (default
# 3000) each touching src/, checked with one review record at the head,
# against the same check under a policy without design_review (the
# floor), then with a review note on every commit (all covering, then
# none covering: the worst case, a finding per commit).
#
#   ci/bench/review-range.sh [SDLGATE] [DIR]
#
# SDLGATE defaults to build/src/sdlgate, DIR to a fresh temporary
# directory (kept with KEEP=1). Needs git, hyperfine and python3. The
# history is generated with `git fast-import`, the same on every run.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
sdlgate=$(cd "$(dirname "${1:-$top/build/src/sdlgate}")" && pwd)/$(basename "${1:-sdlgate}")
[ -x "$sdlgate" ] || { echo "no sdlgate binary at $sdlgate: build first (ci/build.sh build)" >&2; exit 2; }
commits=${COMMITS:-3000}
dir=${2:-$(mktemp -d "${TMPDIR:-/tmp}/sdlgate-bench.XXXXXX")}
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT
for tool in git hyperfine python3; do
	command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

export GIT_CONFIG_NOSYSTEM=1 HOME="$dir/home" LC_ALL=C SDLGATE_TODAY=2026-11-27
export GIT_AUTHOR_NAME=Dana GIT_AUTHOR_EMAIL=dana@example.org
export GIT_COMMITTER_NAME=Dana GIT_COMMITTER_EMAIL=dana@example.org
mkdir -p "$HOME"
git init -q -b main "$dir/repo"
cd "$dir/repo"
mkdir -p src reviews
cat > .sdlgate.yml <<'YML'
version: 1
design_review:
  triggers: ["src/**"]
  records: reviews/
  notes_ref: refs/notes/design-review
  criteria:
    - {id: DR-1, text: Trust boundaries considered}
    - {id: DR-2, text: Input validated}
YML
printf 'version: 1\n' > "$dir/floor.yml"
echo 'int f0;' > src/f0.c
git add -A
git commit -q -m init
base=$(git rev-parse HEAD)

python3 - "$commits" <<'PY' | git fast-import --quiet
import sys
n = int(sys.argv[1])
out = []
for i in range(1, n + 1):
    data = f"int v{i};\n"
    msg = f"change {i}\n"
    out.append("commit refs/heads/main\n")
    out.append(f"committer Dana <dana@example.org> {1700000000 + i} +0000\n")
    out.append(f"data {len(msg)}\n{msg}")
    if i == 1:
        out.append("from refs/heads/main^0\n")
    out.append(f"M 100644 inline src/f{i % 200}.c\ndata {len(data)}\n{data}\n")
sys.stdout.write("".join(out))
PY
git reset -q --hard
head=$(git rev-parse HEAD)
cat > reviews/DR-1.yml <<YML
id: DR-1
date: 2026-11-20
reviewers: [rita@example.org]
decision: approved
reviewed_commit: $head
paths: ["src/**"]
criteria:
  DR-1: {result: pass}
  DR-2: {result: pass}
YML
git add -A
git commit -q -m "Review

Design-Review: DR-1"

# notes NAME PATHS: a note on every generated commit, as a notes ref
notes() {
	git rev-list "$base..$head" | python3 -c '
import sys
paths = sys.argv[1]
out = ["commit refs/notes/design-review\n",
       "committer R <r@example.org> 1700000000 +0000\n", "data 5\nnotes\n"]
for i, oid in enumerate(sys.stdin.read().split()):
    rec = ("id: DR-N%d\ndate: 2026-11-20\nreviewers: [rita@example.org]\n"
           "decision: approved\npaths: [\"%s\"]\ncriteria:\n"
           "  DR-1: {result: pass}\n  DR-2: {result: pass}\n" % (i, paths))
    out.append("N inline %s\ndata %d\n%s\n" % (oid, len(rec), rec))
sys.stdout.write("".join(out))
' "$1" | git fast-import --quiet --force
}

hyperfine -w 2 -r 10 -N \
	-n "no design_review (floor)" "$sdlgate --policy $dir/floor.yml check --range $base..HEAD" \
	-n "one record at the head" "$sdlgate check --range $base..HEAD"
notes 'src/**'
hyperfine -w 2 -r 10 -N -n "a covering note on every commit" "$sdlgate check --range $base..$head"
notes 'doc/**'
hyperfine -w 1 -r 5 -N -i -n "a note on every commit, none covering" "$sdlgate check --range $base..$head"
