#!/bin/sh
# sbom-valid and sbom-drift inside the gate, over real commits: which SBOM
# files are checked, how findings look, and bad SBOMs in history.
. "$(dirname "$0")/lib.sh"

json() {
	python3 -c "import json,sys; r=json.load(open('$SG_TMP/out')); print($1)"
}

findings() {
	json '[(f["rule"], f["severity"], f["paths"]) for f in r["findings"]]'
}

# an SBOM with `n` complete components, or gaps when $2 is "gaps"
sbom() {
	python3 - "$@" <<'EOF'
import json, sys
n = int(sys.argv[1]); gaps = len(sys.argv) > 2
comps = []
for i in range(n):
    c = {"type": "library", "bom-ref": "c%d" % i, "name": "lib%d" % i,
         "version": "1.%d" % i, "purl": "pkg:cargo/lib%d@1.%d" % (i, i),
         "supplier": {"name": "Acme"}}
    if gaps and i == 1:
        del c["supplier"], c["purl"]
    comps.append(c)
print(json.dumps({"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
    "metadata": {"timestamp": "2026-11-01T10:00:00Z", "authors": [{"name": "Dana"}],
                 "component": {"type": "application", "name": "pump", "bom-ref": "app"}},
    "components": comps,
    "dependencies": [{"ref": "app", "dependsOn": [c["bom-ref"] for c in comps]}]
                    + [{"ref": c["bom-ref"]} for c in comps]}, indent=1))
EOF
}

# a Cargo.lock pinning lib0..lib(n-1) at 1.i, plus `extra` more
cargo_lock() {
	python3 - "$@" <<'EOF'
import sys
n = int(sys.argv[1]); bump = len(sys.argv) > 2
print("version = 3\n")
print('[[package]]\nname = "pump"\nversion = "2.0.0"\n')
for i in range(n):
    v = "1.%d" % i if not (bump and i == 0) else "9.9"
    print('[[package]]\nname = "lib%d"\nversion = "%s"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n' % (i, v))
EOF
}

cd "$SG_TMP"
git init -q repo
cd repo
mkdir -p sbom
cat > .sdlgate.yml <<'YML'
version: 1
sbom:
  files: [sbom/bom.cdx.json, "sbom/extra/*.json"]
  triggers: ["Cargo.lock", "**/package-lock.json"]
  minimum_elements: ntia
YML
sbom 3 > sbom/bom.cdx.json
cargo_lock 3 > Cargo.lock
git add -A
git commit -q -m "Pump with a complete SBOM"
base=$(git rev-parse HEAD)

test_begin "a complete SBOM that matches Cargo.lock passes"
git commit -q --allow-empty -m "Nothing"
run_sg check --range "$(git rev-list --max-parents=0 HEAD)..HEAD"
expect_status 0
git reset -q --hard "$base"

test_begin "an SBOM modified with NTIA gaps: one finding per component, on the commit that changed it"
sbom 3 gaps > sbom/bom.cdx.json
git commit -q -am "Regenerate the SBOM"
gaps=$(git rev-parse HEAD)
run_sg check --range "$base..HEAD" --format json
expect_status 1
[ "$(json '[(f["rule"], f["commit"], f["component"], f["missing"], f["paths"]) for f in r["findings"]]')" = \
  "[('sbom-valid', '$gaps', 'lib1@1.1', ['identifier', 'supplier'], ['sbom/bom.cdx.json'])]" ] ||
	fail "finding: $(findings)"
expect_out "components[1]: component 'lib1@1.1' lacks NTIA minimum elements: identifier, supplier"
run_sg check --range "$base..HEAD"
expect_out "$(git rev-parse --short=7 HEAD) Regenerate the SBOM"
expect_out "component: lib1@1.1"
expect_out "missing: identifier supplier"

test_begin "minimum_elements: none leaves the NTIA gaps alone"
sed 's/minimum_elements: ntia/minimum_elements: none/' .sdlgate.yml > "$SG_TMP/none.yml"
run_sg --policy "$SG_TMP/none.yml" check --range "$base..HEAD"
expect_status 0

test_begin "an SBOM the change set does not modify is not checked"
printf 'x\n' > notes.txt && git add notes.txt && git commit -q -m "Notes"
run_sg check --range "$gaps..HEAD" --format json
expect_status 0
[ "$(json '[x["status"] for x in r["rules"] if x["id"] == "sbom-valid"]')" = "['pass']" ] || fail "status"

test_begin "the SBOM is read at the change set's head: a later fix clears an earlier gap"
sbom 3 > sbom/bom.cdx.json
git commit -q -am "Add the missing supplier"
run_sg check --range "$base..HEAD"
expect_status 0
git reset -q --hard "$base"

test_begin "not an SBOM in the gate: an error finding with file:line:col, the report lists everything"
printf '{"bomFormat": "CycloneDX",\n "specVersion": "1.6",\n "components": [}\n' > sbom/bom.cdx.json
git commit -q -am "Break the SBOM"
run_sg check --range "$base..HEAD" --format json
expect_status 1
[ "$(json '[(f["rule"], f["severity"], f.get("line")) for f in r["findings"]]')" = "[('sbom-valid', 'error', 3)]" ] ||
	fail "finding: $(json 'r["findings"]')"
expect_out "sbom/bom.cdx.json:3:"
test_begin "... and stays an error when the policy makes sbom-valid a warning"
printf 'rules: {sbom-valid: warning}\n' | cat .sdlgate.yml - > "$SG_TMP/warn.yml"
run_sg --policy "$SG_TMP/warn.yml" check --range "$base..HEAD" --format json
expect_status 1
[ "$(json '[f["severity"] for f in r["findings"]]')" = "['error']" ] || fail "severity"
git reset -q --hard "$base"
sbom 3 gaps > sbom/bom.cdx.json
git commit -q -am "Gaps"
run_sg --policy "$SG_TMP/warn.yml" check --range "$base..HEAD" --format json
expect_status 0
[ "$(json '[f["severity"] for f in r["findings"]]')" = "['warning']" ] || fail "NTIA gaps follow the override"
git reset -q --hard "$base"

test_begin "hostile SBOMs in history: nesting, invalid UTF-8, too large — findings, no crash"
python3 -c "import sys; sys.stdout.write('[' * 200000 + ']' * 200000)" > sbom/bom.cdx.json
git commit -q -am "Deep"
run_sg check --range "$base..HEAD"
expect_status 1
expect_out "sbom/bom.cdx.json:1:257: nesting deeper than"
printf '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [{"name": "\377"}]}' > sbom/bom.cdx.json
git commit -q -am "Bad UTF-8"
run_sg check --range "HEAD~1..HEAD"
expect_status 1
expect_out "sbom/bom.cdx.json:1:"
python3 -c "
f = open('sbom/bom.cdx.json', 'w')
f.write('{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"version\": 1, \"components\": [')
f.write('{\"type\": \"library\", \"name\": \"p\"},' * (70 * 1024 * 1024 // 34))
f.write('{\"type\": \"library\", \"name\": \"q\"}]}')
"
git add -A && git commit -q -m "Huge"
rm -f sbom/bom.cdx.json
run_sg check --range "HEAD~1..HEAD"
expect_status 1
expect_out "is larger than the limit"
git reset -q --hard "$base"

test_begin "a named SBOM deleted by the change set is a finding; a wildcard match may go"
mkdir -p sbom/extra
sbom 1 > sbom/extra/tools.json
git add -A && git commit -q -m "Tools SBOM"
extra=$(git rev-parse HEAD)
git rm -q sbom/extra/tools.json && git commit -q -m "Drop the tools SBOM"
run_sg check --range "$extra..HEAD"
expect_status 0
git rm -q sbom/bom.cdx.json && git commit -q -m "Drop the SBOM"
run_sg check --range "$extra..HEAD" --format json
expect_status 1
expect_out "the SBOM 'sbom/bom.cdx.json' named in sbom.files does not exist at"
git reset -q --hard "$base"

test_begin "wildcard entries: only the matching files the change set modifies are checked"
mkdir -p sbom/extra
sbom 2 gaps > sbom/extra/a.json
sbom 2 > sbom/extra/b.json
git add -A && git commit -q -m "Two more SBOMs"
run_sg check --range "$base..HEAD" --format json
expect_status 1
[ "$(json '[f["paths"] for f in r["findings"]]')" = "[['sbom/extra/a.json']]" ] || fail "$(findings)"
git reset -q --hard "$base"

test_begin "staged: the SBOM in the index is checked"
sbom 3 gaps > sbom/bom.cdx.json
git add sbom/bom.cdx.json
sbom 3 > sbom/bom.cdx.json          # the working tree is fixed, the index is not
run_sg check --staged --format json
expect_status 1
[ "$(json '[(f["rule"], f["commit"], f["component"]) for f in r["findings"]]')" = "[('sbom-valid', None, 'lib1@1.1')]" ] ||
	fail "$(findings)"
git reset -q --hard "$base"

test_begin "sbom-drift with Cargo.lock: a bump the SBOM does not reflect"
cargo_lock 3 bump > Cargo.lock
git commit -q -am "Bump lib0"
run_sg check --range "$base..HEAD" --format json
expect_status 1
[ "$(findings)" = "[('sbom-co-change', 'error', ['Cargo.lock']), ('sbom-drift', 'error', ['Cargo.lock', 'sbom/bom.cdx.json'])]" ] || fail "$(findings)"
expect_out "lib0@9.9 -> 1.0"
git reset -q --hard "$base"

test_begin "sbom-drift lists at most 20 differences and says how many more"
cargo_lock 30 > Cargo.lock
python3 - <<'EOF'
import json
d = json.load(open("sbom/bom.cdx.json"))
d["metadata"]["timestamp"] = "2026-11-02T10:00:00Z"
json.dump(d, open("sbom/bom.cdx.json", "w"))
EOF
git commit -q -am "Many new crates, SBOM touched"
run_sg check --range "$base..HEAD" --format json
expect_status 1
[ "$(findings)" = "[('sbom-drift', 'error', ['Cargo.lock', 'sbom/bom.cdx.json'])]" ] || fail "$(findings)"
expect_out "27 package(s) added, 0 changed, 0 removed"
expect_out "; and 7 more"
git reset -q --hard "$base"

test_begin "the SBOM union: two SBOMs and two npm lockfiles, nothing reported as removed"
mkdir -p web api sbom/extra
for side in web api; do
	cat > $side/package-lock.json <<EOF
{"name": "$side", "lockfileVersion": 3, "requires": true, "packages": {
  "": {"name": "$side", "version": "1.0.0"},
  "node_modules/$side-lib": {"version": "1.0.0"},
  "node_modules/@acme/$side-util": {"version": "2.0.0"}}}
EOF
	printf '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "metadata": {"timestamp": "2026-11-01T10:00:00Z", "authors": [{"name": "Dana"}]}, "components": [{"type": "library", "bom-ref": "x", "name": "%s-lib", "version": "1.0.0", "purl": "pkg:npm/%s-lib@1.0.0", "supplier": {"name": "Acme"}}, {"type": "library", "bom-ref": "y", "group": "@acme", "name": "%s-util", "version": "2.0.0", "purl": "pkg:npm/%%40acme/%s-util@2.0.0", "supplier": {"name": "Acme"}}], "dependencies": [{"ref": "x"}, {"ref": "y"}]}\n' $side $side $side $side > sbom/extra/$side.json
done
git add -A && git commit -q -m "Web and API"
run_sg check --range "$base..HEAD" --format json
expect_status 0
[ "$(findings)" = "[]" ] || fail "$(findings)"
sed -i 's/"node_modules\/web-lib": {"version": "1.0.0"}/"node_modules\/web-lib": {"version": "1.1.0"}/' web/package-lock.json
git commit -q -am "Bump web-lib"
run_sg check --range "HEAD~1..HEAD" --format json
expect_status 1
expect_out "web-lib@1.1.0 -> 1.0.0"
expect_not_out "api-lib"
git reset -q --hard "$base"

test_begin "a lockfile that is not valid is a finding naming it"
printf '{"lockfileVersion": 3, "packages": [' > package-lock.json
git add -A && git commit -q -m "Broken lockfile"
run_sg check --range "$base..HEAD" --format json
expect_status 1
expect_out "cannot compare package-lock.json with the SBOM: package-lock.json:1:"
git reset -q --hard "$base"

test_begin "a lockfile without any SBOM to compare with"
git rm -q sbom/bom.cdx.json
cargo_lock 3 bump > Cargo.lock
git add -A && git commit -q -m "Drop the SBOM, bump"
run_sg check --range "$base..HEAD" --format json
expect_status 1
expect_out "Cargo.lock pins 3 package(s) but no SBOM file of sbom.files exists at this commit"
git reset -q --hard "$base"

test_begin "no sbom section: sbom-valid and sbom-drift are off"
printf 'version: 1\n' > "$SG_TMP/nosbom.yml"
cargo_lock 3 bump > Cargo.lock
git commit -q -am "Bump"
run_sg --policy "$SG_TMP/nosbom.yml" check --range "$base..HEAD" --format json
expect_status 0
[ "$(json '[(x["id"], x["status"], x.get("reason")) for x in r["rules"] if x["id"] in ("sbom-valid", "sbom-drift")]')" = \
  "[('sbom-valid', 'off', \"the policy has no 'sbom' section\"), ('sbom-drift', 'off', \"the policy has no 'sbom' section\")]" ] || fail "off"
git reset -q --hard "$base"

test_begin "the release gate checks every SBOM, also one the release range did not change"
printf 'release: {tag_pattern: "v*"}\n' >> .sdlgate.yml
sbom 3 gaps > sbom/bom.cdx.json
git commit -q -am "SBOM with a gap, released"
git tag v1.0
printf 'int x;\n' > main.c && git add main.c && git commit -q -m "Code only"
run_sg check --range "v1.0..HEAD"
expect_status 0
run_sg release --format json
expect_status 1
[ "$(json '[(f["rule"], f["commit"], f["component"], f["paths"]) for f in r["findings"]]')" = \
  "[('sbom-valid', None, 'lib1@1.1', ['sbom/bom.cdx.json'])]" ] || fail "release: $(findings)"

test_begin "a release with no commit since the previous one still checks every SBOM"
git tag v1.1
run_sg release --since v1.1 --format json
expect_status 1
[ "$(json '[(f["rule"], f["component"]) for f in r["findings"]]')" = \
  "[('sbom-valid', 'lib1@1.1')]" ] || fail "empty release: $(findings)"
run_sg check --range HEAD..HEAD --format json
[ "$(json '[x["status"] for x in r["rules"] if x["id"] == "sbom-valid"]')" = "['not-evaluated']" ] || fail "empty check"
git reset -q --hard "$base"
git tag -d v1.0 v1.1 >/dev/null

test_begin "explain says what the rules check"
run_sg explain sbom-drift
expect_status 0
expect_out "cyclonedx-npm includes them by default"
run_sg explain sbom-valid
expect_out "sbom validate' exits 2 for it instead"

test_done
