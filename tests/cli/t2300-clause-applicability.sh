#!/bin/sh
# A profile's clauses turn rules off; a severity in 'rules:' turns one back on.
. "$(dirname "$0")/lib.sh"

cd "$SG_TMP"
new_repo repo

status_of() {
	python3 -c "import json; r=json.load(open('$SG_TMP/out')); print([x['status'] for x in r['rules'] if x['id']=='$1'][0])"
}

cat > "$SG_TMP/slc.yml" <<'YML'
version: 1
extends: iec81001-5-1-slc-1-2
requirements: {registry: [docs/security/requirements.yml]}
design_review:
  triggers: ["src/**"]
  criteria: [{id: DR-1, text: Trust boundaries considered}]
YML

test_begin "design-review is off where the profile's clauses (no 5.3, 5.4) do not apply"
run_sg check --range HEAD --policy "$SG_TMP/slc.yml" --format json
[ "$(status_of design-review)" = "off" ] || fail "status: $(status_of design-review)"
expect_out "none of its clauses (5.3.3 5.4.4) applies in profile 'iec81001-5-1-slc-1-2'"

test_begin "a severity in 'rules:' turns it on anyway"
printf 'rules: {design-review: error}\n' >> "$SG_TMP/slc.yml"
run_sg check --range HEAD --policy "$SG_TMP/slc.yml" --format json
[ "$(status_of design-review)" != "off" ] || fail "still off"

test_done
