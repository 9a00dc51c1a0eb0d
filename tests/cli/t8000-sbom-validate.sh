#!/bin/sh
# sdlgate sbom validate: official vectors, exit codes, report formats and
# malformed input, on files outside any repository.
. "$(dirname "$0")/lib.sh"

: "${SG_SHARED_DATA:?SG_SHARED_DATA must point at the shared test data}"
vectors="$SG_SHARED_DATA/cyclonedx/vectors"
[ -d "$vectors" ] || { echo "no CycloneDX vectors at $vectors" >&2; exit 1; }

# no repository anywhere above: the command needs none
mkdir -p "$SG_TMP/plain"
cd "$SG_TMP/plain"
export GIT_CEILING_DIRECTORIES="$SG_TMP"

# json EXPR: a python expression on the last stdout as JSON `r`
json() {
	python3 -c "import json,sys; r=json.load(open('$SG_TMP/out')); print($1)"
}

cat > complete.cdx.json <<'EOF'
{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
 "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
 "metadata": {"timestamp": "2026-11-01T10:00:00Z", "authors": [{"name": "Dana Developer"}],
   "component": {"type": "application", "name": "pump", "version": "2.1", "bom-ref": "pump"}},
 "components": [
   {"type": "library", "bom-ref": "zlib", "name": "zlib", "version": "1.3.1",
    "purl": "pkg:generic/zlib@1.3.1", "supplier": {"name": "zlib authors"}}],
 "dependencies": [{"ref": "pump", "dependsOn": ["zlib"]}, {"ref": "zlib"}]}
EOF

# the same, with two components that lack NTIA elements
cat > gaps.cdx.json <<'EOF'
{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
 "metadata": {"timestamp": "2026-11-01T10:00:00Z", "authors": [{"name": "Dana Developer"}],
   "component": {"type": "application", "name": "pump", "version": "2.1", "bom-ref": "pump"}},
 "components": [
   {"type": "library", "bom-ref": "zlib", "name": "zlib", "version": "1.3.1",
    "purl": "pkg:generic/zlib@1.3.1", "supplier": {"name": "zlib authors"}},
   {"type": "library", "bom-ref": "tls", "name": "mbedtls", "version": "3.6.0"},
   {"type": "library", "bom-ref": "x", "name": "libx"}],
 "dependencies": [{"ref": "pump", "dependsOn": ["zlib", "tls", "x"]}]}
EOF

test_begin "every official valid-* vector passes without NTIA, and with NTIA fails only on NTIA gaps"
n=0
for f in "$vectors"/*/valid-*.json; do
	n=$((n + 1))
	name=$(basename "$(dirname "$f")")/$(basename "$f")
	run_sg sbom validate --no-ntia "$f"
	case $name in
	# upstream declares bom-ref "workspace-1" twice (1.6 renamed the second)
	1.5/valid-formulation-1.5.json)
		[ "$status" -eq 1 ] && grep -q "duplicate identifier 'workspace-1'" "$SG_TMP/out" ||
			fail "$name: expected only the duplicate bom-ref (exit $status)" ;;
	*)	[ "$status" -eq 0 ] || fail "$name: --no-ntia exit $status" ;;
	esac
	run_sg sbom validate --format json "$f"
	case $status in
	0) ;;
	1)	[ "$name" = 1.5/valid-formulation-1.5.json ] && continue
		bad=$(json '[f["message"] for f in r["findings"] if not f.get("missing")]')
		[ "$bad" = "[]" ] || fail "$name: findings other than NTIA gaps: $bad" ;;
	*)	fail "$name: exit $status with NTIA" ;;
	esac
done
[ "$n" -ge 100 ] || fail "only $n valid vectors found"

test_begin "every official invalid-* vector gives a finding or exit 2"
n=0
for f in "$vectors"/*/invalid-*.json; do
	n=$((n + 1))
	run_sg sbom validate --no-ntia "$f"
	[ "$status" -eq 1 ] || [ "$status" -eq 2 ] || fail "$f: exit $status"
done
[ "$n" -ge 50 ] || fail "only $n invalid vectors found"

test_begin "every SPDX example parses without a structural finding (2.2, 2.3 and 3.0)"
for f in "$SG_SHARED_DATA"/spdx/examples/*.json; do
	run_sg sbom validate --no-ntia "$f"
	[ "$status" -eq 0 ] || fail "$f: exit $status: $(grep -m1 -A1 'sbom-valid' "$SG_TMP/out")"
	expect_out "note: $f: SPDX"
done

test_begin "a valid, complete SBOM: exit 0 and a note of what was read"
run_sg sbom validate complete.cdx.json
expect_status 0
expect_out "sdlgate sbom: 1 file(s) checked"
expect_out "note: complete.cdx.json: CycloneDX 1.6, 1 component(s), 0 finding(s)"
expect_out "PASS: 0 error(s)"

test_begin "NTIA gaps: one finding per component with component and missing"
run_sg sbom validate gaps.cdx.json
expect_status 1
expect_out "components[1]: component 'mbedtls@3.6.0' lacks NTIA minimum elements: identifier, supplier"
expect_out "component: libx@?"
expect_out "missing: version identifier supplier"
run_sg sbom validate --format json gaps.cdx.json
expect_status 1
[ "$(json 'r["mode"]')" = "sbom" ] || fail "mode"
[ "$(json 'r["result"]')" = "fail" ] || fail "result"
[ "$(json '[(f["component"], f["missing"]) for f in r["findings"] if "component" in f]')" = \
  "[('libx@?', ['version', 'identifier', 'supplier']), ('mbedtls@3.6.0', ['identifier', 'supplier'])]" ] ||
	fail "components: $(json '[(f.get("component"), f.get("missing")) for f in r["findings"]]')"
[ "$(json 'set(tuple(f["paths"]) for f in r["findings"])')" = "{('gaps.cdx.json',)}" ] || fail "paths"
[ "$(json '[x["id"] + ":" + x["status"] for x in r["rules"]]')" = "['sbom-valid:fail']" ] || fail "rules"
[ "$(json '{f["severity"] for f in r["findings"]}')" = "{'error'}" ] || fail "severity"

test_begin "--no-ntia checks the structure only"
run_sg sbom validate --no-ntia gaps.cdx.json
expect_status 0

test_begin "every report format works and keeps the exit code"
formats=$("$SDLGATE" --help | sed -n '/^formats:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$formats" ] || fail "no formats in --help"
for fmt in $formats; do
	run_sg sbom validate --format "$fmt" gaps.cdx.json
	expect_status 1
	[ -s "$SG_TMP/out" ] || fail "format $fmt printed nothing"
	run_sg sbom validate --format "$fmt" --output "$SG_TMP/report.$fmt" complete.cdx.json
	expect_status 0
	[ -s "$SG_TMP/report.$fmt" ] || fail "format $fmt wrote nothing"
done

test_begin "the SARIF of sbom validate follows the SARIF 2.1.0 schema"
if echo "$formats" | grep -qx sarif && python3 -c 'import jsonschema' 2>/dev/null; then
	printf '{\n "bomFormat": ,\n}\n' > broken.json
	run_sg sbom validate --format sarif gaps.cdx.json broken.json
	expect_status 2
	grep -q '"startLine":[[:space:]]*2' "$SG_TMP/out" || fail "no startLine 2 for broken.json"
	python3 - "$SG_SHARED_DATA/sarif/sarif-schema-2.1.0.json" "$SG_TMP/out" <<'EOF' || fail "sarif schema"
import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))
EOF
fi

test_begin "several files: findings grouped by file, in the order given"
run_sg sbom validate gaps.cdx.json complete.cdx.json
expect_status 1
expect_out "sdlgate sbom: 2 file(s) checked"
expect_out "note: gaps.cdx.json: CycloneDX 1.6, 3 component(s), 2 finding(s) (2 component(s) missing NTIA elements)"
expect_out "note: complete.cdx.json: CycloneDX 1.6, 1 component(s), 0 finding(s)"

test_begin "standard input as '-'"
status=0
"$SDLGATE" sbom validate - < gaps.cdx.json > "$SG_TMP/out" 2> "$SG_TMP/err" || status=$?
check_sanitizer
expect_status 1
expect_out "<stdin>"

test_begin "not an SBOM: exit 2 naming the file, and the other files are still reported"
printf '{"name": "pump", "version": "1.0.0"}\n' > package.json
run_sg sbom validate package.json gaps.cdx.json
expect_status 2
expect_err "package.json: not an SBOM"
expect_err "hint: "
expect_out "mbedtls@3.6.0"
expect_out "error   sbom-valid  package.json"
expect_out "FAIL: 3 error(s)"
printf '{"bomFormat": "SWID", "specVersion": "1.0"}\n' > swid.json
run_sg sbom validate swid.json
expect_status 2
expect_err "swid.json"

test_begin "a JSON syntax error: exit 2 with file:line:col"
printf '{"bomFormat": "CycloneDX",\n "specVersion": "1.6",\n "version": 1,,\n}\n' > syntax.json
run_sg sbom validate syntax.json
expect_status 2
expect_err "syntax.json:3:"

test_begin "a missing file and usage errors: exit 2"
run_sg sbom validate nothere.json
expect_status 2
expect_err "nothere.json"
run_sg sbom validate
expect_status 2
expect_err "name the SBOM file(s)"
run_sg sbom validate --bogus complete.cdx.json
expect_status 2
expect_err "unknown option '--bogus'"
run_sg sbom
expect_status 2
run_sg sbom check complete.cdx.json
expect_status 2
expect_err "unknown subcommand 'check'"
run_sg sbom validate --help
expect_status 0
expect_out "usage: sdlgate sbom validate"

# Malformed input: exit 2 or findings, never a crash (the sanitizer build
# runs this same script; lib.sh fails any sanitizer report).
test_begin "malformed: a truncated SBOM"
head -c 300 gaps.cdx.json > truncated.json
run_sg sbom validate truncated.json
expect_status 2
expect_err "truncated.json:"
: > empty.json
run_sg sbom validate empty.json
expect_status 2

test_begin "malformed: wrong types everywhere"
python3 - <<'EOF'
import json, copy
doc = json.load(open("gaps.cdx.json"))
wrong = [None, 7, -1.5, True, "text", [], [1, "a", None], {}, {"x": [{}]}]
n = 0
def paths(v, p=()):
    yield p
    if isinstance(v, dict):
        for k in v: yield from paths(v[k], p + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v): yield from paths(x, p + (i,))
for p in list(paths(doc)):
    if not p:
        continue
    for w in wrong:
        d = copy.deepcopy(doc)
        t = d
        for k in p[:-1]: t = t[k]
        t[p[-1]] = w
        json.dump(d, open("wrong-%04d.json" % n, "w"))
        n += 1
# and the whole document as each wrong type
for w in wrong:
    json.dump(w, open("wrong-%04d.json" % n, "w")); n += 1
print(n)
EOF
count=0
for f in wrong-*.json; do
	count=$((count + 1))
	run_sg sbom validate "$f"
	[ "$status" -eq 1 ] || [ "$status" -eq 2 ] || fail "$f: exit $status"
done
[ "$count" -gt 300 ] || fail "only $count wrong-type documents"
# a wrong type inside a component is a finding with its location, not exit 2
printf '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [{"type": "library", "name": 5}]}\n' > wrongname.json
run_sg sbom validate --no-ntia wrongname.json
expect_status 1
expect_out "components[0].name"

test_begin "malformed: 200,000 nested brackets"
python3 -c "import sys; sys.stdout.write('[' * 200000 + ']' * 200000)" > deep.json
run_sg sbom validate deep.json
expect_status 2
expect_err "deep.json:1:"
python3 -c "import sys; sys.stdout.write('{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": ' + '[{\"components\": ' * 100000)" > deep2.json
run_sg sbom validate deep2.json
expect_status 2
expect_err "deep2.json:1:"

test_begin "malformed: a 100 MB file is refused, not read"
python3 -c "
import sys
f = open('big.json', 'w')
f.write('{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1, \"components\": [')
item = '{\"type\": \"library\", \"name\": \"p\", \"version\": \"1\"},'
f.write(item * (100 * 1024 * 1024 // len(item)))
f.write('{\"type\": \"library\", \"name\": \"q\"}]}')
"
[ "$(wc -c < big.json)" -ge 100000000 ] || fail "big.json is not 100 MB"
run_sg sbom validate big.json
expect_status 2
expect_err "larger than the limit"
status=0
"$SDLGATE" sbom validate - < big.json > "$SG_TMP/out" 2> "$SG_TMP/err" || status=$?
check_sanitizer
expect_status 2
expect_err "larger than the limit"
rm -f big.json

test_begin "malformed: invalid UTF-8, NUL bytes and control characters"
printf '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [{"type": "library", "name": "\377\376bad"}]}' > utf8.json
run_sg sbom validate utf8.json
expect_status 2
expect_err "utf8.json:1:"
printf '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [{"type": "library", "name": "\300\257"}]}' > overlong.json
run_sg sbom validate overlong.json
expect_status 2
printf '{"bomFormat": "CycloneDX",\000 "specVersion": "1.6"}' > nul.json
run_sg sbom validate nul.json
expect_status 2
expect_err "nul.json:1:"
printf '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [{"type": "library", "name": "a\tb"}]}' > ctl.json
run_sg sbom validate ctl.json
expect_status 2
printf '\357\273\277' > bom-mark.json && cat complete.cdx.json >> bom-mark.json
run_sg sbom validate bom-mark.json
expect_status 0

test_done
