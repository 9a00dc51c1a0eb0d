#!/bin/sh
# The changed paths of a commit match git's own list (renames under both
# names), for every shape of tree change.
. "$(dirname "$0")/lib.sh"

cd "$SG_TMP"
git init -q repo
cd repo
printf 'version: 1\nrequirements: {}\n' > .sdlgate.yml
mkdir -p a/b/c d
echo 1 > a/b/c/deep.txt; echo 2 > a/top.txt; echo 3 > d/file; echo 4 > plain
git add -A && git commit -q -m "root commit without a requirement"

step() {
	git add -A
	git commit -q -m "$1"
}
echo 5 > a/b/c/deep2.txt; step "add a deep file"
rm -r a/b; step "delete a directory"
rm plain; mkdir plain; echo 6 > plain/inside; step "a file becomes a directory"
rm -r d; echo 7 > d; step "a directory becomes a file"
chmod +x a/top.txt; step "a mode change"
printf 'a long enough line to keep the rename detectable\n%.0s' 1 2 3 4 > r1.txt; step "add r1"
git mv r1.txt moved/r1-renamed.txt 2>/dev/null || { mkdir moved; git mv r1.txt moved/r1-renamed.txt; }
step "rename r1"
git commit -q --allow-empty -m "an empty commit"

run_sg check --range HEAD --format json
expect_status 1
for c in $(git rev-list HEAD); do
	want=$(git diff-tree --root --no-renames --no-commit-id --name-only -r "$c" | sort | tr '\n' ' ')
	got=$(python3 -c "
import json
r = json.load(open('$SG_TMP/out'))
for f in r['findings']:
    if f['commit'] == '$c' and f['rule'] == 'requirement-reference':
        print(' '.join(sorted(f['paths'])) + (' ' if f['paths'] else ''))
")
	test_begin "paths of '$(git log -1 --format=%s "$c")'"
	[ "$got" = "$want" ] || fail "sdlgate: '$got' git: '$want'"
done

test_begin "the rename is listed under its old and its new name"
python3 -c "
import json
r = json.load(open('$SG_TMP/out'))
p = [f['paths'] for f in r['findings'] if f['commit'] == '$(git rev-parse HEAD^)'][0]
assert p == ['moved/r1-renamed.txt', 'r1.txt'], p
" || fail "rename paths"

test_begin "paths and messages that are not UTF-8 still give valid JSON, SARIF and Code Quality"
git checkout -q -b latin1
printf 'x\n' > "$(printf 'caf\351.c')"
git add -A
git -c i18n.commitEncoding=ISO-8859-1 commit -q -m "$(printf 'Caf\351 support')"
for fmt in json sarif codequality; do
	run_sg check --range HEAD^..HEAD --format "$fmt"
	expect_status 1
	python3 -c "import json; json.load(open('$SG_TMP/out', encoding='utf-8'))" || fail "$fmt is not valid UTF-8 JSON"
done

test_done
