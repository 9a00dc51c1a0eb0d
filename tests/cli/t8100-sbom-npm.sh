#!/bin/sh
# SBOMs written by the real CycloneDX generator for npm: validated, then
# committed with the lockfile in a real repository, where a dependency
# change without a regenerated SBOM is caught by sbom-drift.

# npm's cache, before lib.sh points HOME at a temporary directory
npm_cache=$( (npm config get cache) 2>/dev/null || true)
. "$(dirname "$0")/lib.sh"

command -v npm >/dev/null 2>&1 || { echo "skipped: npm is not installed (ci/setup.sh installs it)"; exit 77; }
[ -n "$npm_cache" ] && export npm_config_cache="$npm_cache"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
unset NODE_ENV

# the generator: installed globally by ci/setup.sh, or in an npx cache
if command -v cyclonedx-npm >/dev/null 2>&1; then
	gen() { cyclonedx-npm "$@"; }
elif npx --no-install @cyclonedx/cyclonedx-npm --version >/dev/null 2>&1; then
	gen() { npx --no-install @cyclonedx/cyclonedx-npm "$@"; }
else
	echo "skipped: @cyclonedx/cyclonedx-npm is not installed (ci/setup.sh installs it)"
	exit 77
fi

json() {
	python3 -c "import json,sys; r=json.load(open('$SG_TMP/out')); print($1)"
}

# set_lock NAME VERSION: pin NAME at VERSION in package-lock.json, and in
# package.json when it is a direct dependency (what a dependency bump does;
# the SBOM is left alone)
set_lock() {
	python3 - "$1" "$2" <<'EOF'
import json, sys
name, version = sys.argv[1], sys.argv[2]
lock = json.load(open("package-lock.json"))
pkg = json.load(open("package.json"))
entry = lock["packages"].setdefault("node_modules/" + name, {"license": "MIT"})
entry["version"] = version
entry.pop("integrity", None)
for kind in ("dependencies", "devDependencies"):
    if name in pkg.get(kind, {}):
        pkg[kind][name] = version
        lock["packages"][""][kind][name] = version
for path, doc in (("package-lock.json", lock), ("package.json", pkg)):
    with open(path, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
EOF
}

# touch_sbom: change the SBOM file without regenerating it (a new timestamp)
touch_sbom() {
	python3 - <<'EOF'
import json
p = "sbom/bom.cdx.json"
d = json.load(open(p))
d["metadata"]["timestamp"] = "2026-11-02T09:30:00Z"
json.dump(d, open(p, "w"), indent=2)
EOF
}

rules_status() {
	json '" ".join(x["id"] + "=" + x["status"] for x in r["rules"] if x["id"].startswith("sbom"))'
}

cd "$SG_TMP"
mkdir app
cp "$SG_SOURCE_DIR/tests/fixtures/npm-project/package.json" \
   "$SG_SOURCE_DIR/tests/fixtures/npm-project/package-lock.json" app/
cd app

# the generator reads node_modules; install from the cache when it can
installed=1
npm ci --ignore-scripts --offline >"$SG_TMP/npm.log" 2>&1 ||
	npm ci --ignore-scripts >"$SG_TMP/npm.log" 2>&1 || installed=0
mkdir -p sbom
if [ "$installed" = 1 ]; then
	gen --output-file sbom/bom.cdx.json >"$SG_TMP/gen.log" 2>&1 || { cat "$SG_TMP/gen.log" >&2; exit 1; }
else
	echo "note: npm ci failed (no registry, no cache); generating from the lockfile alone" >&2
	gen --package-lock-only --output-file sbom/bom.cdx.json >"$SG_TMP/gen.log" 2>&1 ||
		{ cat "$SG_TMP/gen.log" "$SG_TMP/npm.log" >&2; exit 1; }
fi
cp sbom/bom.cdx.json "$SG_TMP/generated.cdx.json"

test_begin "a generated SBOM is structurally valid"
run_sg sbom validate --no-ntia sbom/bom.cdx.json
expect_status 0
expect_out "note: sbom/bom.cdx.json: CycloneDX 1.6, 3 component(s), 0 finding(s)"

test_begin "the NTIA gap list of a generated SBOM: npm packages name no supplier"
run_sg sbom validate --format json sbom/bom.cdx.json
expect_status 1
[ "$(json '[(f.get("component"), f.get("missing")) for f in r["findings"]]')" = \
  "[('is-number@7.0.0', ['supplier']), ('left-pad@1.3.0', ['supplier']), ('ms@2.1.2', ['supplier'])]" ] ||
	fail "gaps: $(json '[(f.get("component"), f.get("missing"), f["message"]) for f in r["findings"]]')"
run_sg sbom validate sbom/bom.cdx.json
expect_status 1
expect_out "component 'ms@2.1.2' lacks NTIA minimum elements: supplier"
cp "$SG_TMP/out" "$SG_TMP/ntia-gaps.txt"

# a real repository: the app, its lockfile and its SBOM
git init -q
cat > .sdlgate.yml <<'YML'
version: 1
product: Pump UI
sbom:
  files: [sbom/bom.cdx.json]
  triggers: ["package.json", "**/package-lock.json"]
  minimum_elements: none
YML
printf 'node_modules/\n' > .gitignore
git add .sdlgate.yml .gitignore
git commit -q -m "Policy"
policy=$(git rev-parse HEAD)
git add -A
git commit -q -m "Pump UI with its SBOM"
base=$(git rev-parse HEAD)

test_begin "the committed SBOM matches its lockfile: no drift"
run_sg check --range "$policy..HEAD" --format json
expect_status 0
[ "$(rules_status)" = "sbom-co-change=pass sbom-valid=pass sbom-drift=pass" ] || fail "rules: $(rules_status)"

test_begin "a version bump with the SBOM touched but not regenerated: only sbom-drift catches it"
set_lock ms 2.1.3
touch_sbom
git add -A
git commit -q -m "Bump ms"
bump=$(git rev-parse HEAD)
run_sg check --range "$base..HEAD" --format json
expect_status 1
[ "$(rules_status)" = "sbom-co-change=pass sbom-valid=pass sbom-drift=fail" ] || fail "rules: $(rules_status)"
[ "$(json '[f["paths"] for f in r["findings"]]')" = "[['package-lock.json', 'sbom/bom.cdx.json']]" ] || fail "paths"
[ "$(json 'r["findings"][0]["commit"]')" = "$bump" ] || fail "commit"
expect_out "the SBOM does not reflect package-lock.json: 0 package(s) added, 1 changed, 0 removed"
expect_out "ms@2.1.3 -> 2.1.2"
run_sg check --range "$base..HEAD"
expect_out "sbom-drift  package-lock.json, sbom/bom.cdx.json"
expect_out "hint: regenerate the SBOM from the lockfile (npx @cyclonedx/cyclonedx-npm --output-file sbom/bom.cdx.json)"

test_begin "the same bump without touching the SBOM: sbom-co-change and sbom-drift"
git reset -q --hard "$base"
set_lock ms 2.1.3
git commit -q -am "Bump ms, forget the SBOM"
run_sg check --range "$base..HEAD" --format json
expect_status 1
[ "$(rules_status)" = "sbom-co-change=fail sbom-valid=pass sbom-drift=fail" ] || fail "rules: $(rules_status)"

test_begin "regenerated by the real generator in the same change set: pass"
git reset -q --hard "$base"
set_lock ms 2.1.3
git commit -q -am "Bump ms"
gen --package-lock-only --output-file sbom/bom.cdx.json >"$SG_TMP/gen.log" 2>&1 || { cat "$SG_TMP/gen.log" >&2; fail "generator"; }
git add -A
git commit -q -m "Regenerate the SBOM"
run_sg check --range "$base..HEAD" --format json
expect_status 0
[ "$(rules_status)" = "sbom-co-change=pass sbom-valid=pass sbom-drift=pass" ] || fail "rules: $(rules_status) $(json '[f["message"] for f in r["findings"]]')"

test_begin "scope.co_change: commit compares each commit at its own tree"
sed 's/^sbom:/scope: {co_change: commit}\nsbom:/' .sdlgate.yml > "$SG_TMP/commit-scope.yml"
run_sg --policy "$SG_TMP/commit-scope.yml" check --range "$base..HEAD" --format json
expect_status 1
[ "$(json '[(f["rule"], f["commit"]) for f in r["findings"] if f["rule"] == "sbom-drift"]')" = \
  "[('sbom-drift', '$(git rev-parse HEAD~1)')]" ] || fail "commit scope: $(json '[(f["rule"], f["message"]) for f in r["findings"]]')"

test_begin "a package added to the lockfile, and one removed"
git reset -q --hard "$base"
set_lock is-odd 3.0.1
python3 - <<'EOF'
import json
lock = json.load(open("package-lock.json"))
del lock["packages"]["node_modules/is-number"]
json.dump(lock, open("package-lock.json", "w"), indent=2)
EOF
touch_sbom
git commit -q -am "Swap is-number for is-odd"
run_sg check --range "$base..HEAD" --format json
expect_status 1
expect_out "1 package(s) added, 0 changed, 1 removed"
expect_out "not in the SBOM: is-odd@3.0.1"
expect_out "in the SBOM but no longer locked: is-number@7.0.0"

test_begin "dev dependencies count, as the generator includes them by default"
git reset -q --hard "$base"
python3 -c "import json; d=json.load(open('sbom/bom.cdx.json')); print(sorted(c['name'] for c in d['components']))" > "$SG_TMP/names"
grep -q "left-pad" "$SG_TMP/names" || fail "cyclonedx-npm left out the dev dependency: $(cat "$SG_TMP/names")"
set_lock left-pad 1.3.1
python3 - <<'EOF'
import json
lock = json.load(open("package-lock.json"))
lock["packages"]["node_modules/left-pad"]["dev"] = True
json.dump(lock, open("package-lock.json", "w"), indent=2)
EOF
touch_sbom
git commit -q -am "Bump left-pad"
run_sg check --range "$base..HEAD" --format json
expect_status 1
expect_out "left-pad@1.3.1 -> 1.3.0"

test_begin "an SBOM generated with --omit dev is compared without dev dependencies"
git reset -q --hard "$base"
gen --omit dev --package-lock-only --output-file sbom/bom.cdx.json >"$SG_TMP/gen.log" 2>&1 || { cat "$SG_TMP/gen.log" >&2; fail "generator"; }
python3 -c "import json; d=json.load(open('sbom/bom.cdx.json')); print(sorted(c['name'] for c in d['components']))" > "$SG_TMP/names"
grep -q "left-pad" "$SG_TMP/names" && fail "--omit dev kept the dev dependency"
git commit -q -am "SBOM of what ships"
omit=$(git rev-parse HEAD)
set_lock left-pad 1.3.1
touch_sbom
git commit -q -am "Bump left-pad"
run_sg check --range "$omit..HEAD" --format json
expect_status 0
[ "$(rules_status)" = "sbom-co-change=pass sbom-valid=pass sbom-drift=pass" ] || fail "rules: $(rules_status)"
set_lock ms 2.1.3
git commit -q -am "Bump ms"
run_sg check --range "$omit..HEAD" --format json
expect_status 1
expect_out "ms@2.1.3 -> 2.1.2"
expect_out "(dev dependencies left out: the SBOM lists none)"

test_begin "pre-commit: a reminder with change-set scope, an error with commit scope"
git reset -q --hard "$base"
set_lock ms 2.1.3
touch_sbom
git add -A
run_sg check --staged --format json
expect_status 0
[ "$(json '[(f["rule"], f["severity"]) for f in r["findings"]]')" = "[('sbom-drift', 'warning')]" ] || fail "staged: $(json '[(f["rule"], f["severity"], f["message"]) for f in r["findings"]]')"
expect_out "reminder: the SBOM does not reflect package-lock.json"
run_sg --policy "$SG_TMP/commit-scope.yml" check --staged --format json
expect_status 1
[ "$(json '[(f["rule"], f["severity"]) for f in r["findings"]]')" = "[('sbom-drift', 'error')]" ] || fail "staged commit scope"
git reset -q --hard "$base"

# what the closing note quotes
cp "$SG_TMP/ntia-gaps.txt" "${SG_NTIA_EXCERPT:-/dev/null}" 2>/dev/null || true
test_done
