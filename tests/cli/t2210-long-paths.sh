#!/bin/sh
# A trigger holds for any path a push can carry: a path far longer than
# any buffer (git trees allow it) is still under `src/**`.
. "$(dirname "$0")/lib.sh"

cd "$SG_TMP"
new_repo repo

deep=src
i=0
while [ $i -lt 70 ]; do
	deep="$deep/d$i-0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
	i=$((i + 1))
done
deep="$deep/implant.c"

test_begin "the generated path is longer than 6 KB"
[ ${#deep} -gt 6000 ] || fail "the path is only ${#deep} bytes"

# straight into the index: no file system holds a path this long
blob=$(printf 'int x;\n' | git hash-object -w --stdin)
git update-index --add --cacheinfo "100644,$blob,$deep"
git commit -q -m "Deep file

Security-Requirement: SR-001"

test_begin "risk-co-change fires for the long path under src/**"
run_sg check --range HEAD^..HEAD --format json
expect_status 1
python3 -c "
import json, sys
r = json.load(open('$SG_TMP/out'))
f = [f for f in r['findings'] if f['rule'] == 'risk-co-change']
assert f and f[0]['paths'] == [sys.argv[1]], r['findings']
" "$deep" || fail "risk-co-change did not name the long path"

# risk-co-change is change-set scoped: at commit time it is a reminder
test_begin "the commit-msg hook's check of the staged change sees it too"
git reset -q --soft HEAD^
printf 'Deep file\n\nSecurity-Requirement: SR-001\n' > "$SG_TMP/msg"
run_sg commit-msg "$SG_TMP/msg"
expect_status 0
expect_out "reminder: this change touches security risk file trigger paths"

test_done
