#!/bin/sh
# Set up, build, and show sdlgate on a sample infusion-pump repository:
# a passing change set and a failing one, with the reports.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh ci/setup.sh
# a build directory of its own: the tests' build (ci/test.sh) keeps its options
cmake -S . -B build-demo -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSDLGATE_TESTS=OFF >/dev/null
cmake --build build-demo -j "$(nproc)" >/dev/null
sdlgate="$top/build-demo/src/sdlgate"

demo=$(mktemp -d "${TMPDIR:-/tmp}/sdlgate-demo.XXXXXX")
cd "$demo"
git init -q -b main pump
cd pump
git config user.name "Dana Developer"
git config user.email "dana@example.org"

mkdir -p docs/security sbom risk src third_party/zlib
cat > .sdlgate.yml <<'YML'
version: 1
product: Infusion pump controller
requirements:
  registry: [docs/security/requirements.yml]
  id_pattern: 'SR-[0-9]+'
  exemption:
    allowed_paths: ["docs/**", "*.md"]
sbom:
  files: [sbom/bom.cdx.json]
  triggers: ["third_party/**", "CMakeLists.txt"]
  minimum_elements: ntia
risk:
  files: [risk/security-risks.yml]
  triggers: ["src/**"]
scope:
  co_change: change-set
YML
cat > docs/security/requirements.yml <<'YML'
requirements:
  - {id: SR-001, title: Authenticate every remote session, status: active}
  - {id: SR-002, title: Old cipher suite, status: obsolete}
  - {id: SR-003, title: Log every dose change, status: active}
YML
cat > risk/security-risks.yml <<'YML'
risks:
  - id: RSK-001
    title: Spoofed remote session
    controls: [SR-001]
    safety_risks: [HAZ-12]
    status: mitigated
YML
cat > sbom/bom.cdx.json <<'JSON'
{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
 "metadata": {"timestamp": "2026-11-01T10:00:00Z", "authors": [{"name": "Dana Developer"}]},
 "components": [{"type": "library", "bom-ref": "zlib", "name": "zlib", "version": "1.3.1",
   "supplier": {"name": "zlib project"}, "purl": "pkg:generic/zlib@1.3.1"}],
 "dependencies": [{"ref": "zlib", "dependsOn": []}]}
JSON
printf 'int pump_start(void) { return 0; }\n' > src/pump.c
printf 'cmake_minimum_required(VERSION 3.16)\nproject(pump C)\n' > CMakeLists.txt
printf '/* zlib 1.3.1 */\n' > third_party/zlib/zlib.h
echo "# Infusion pump controller" > README.md
git add -A
git commit -q -m "Start the pump controller

Security-Requirement: SR-001"
base=$(git rev-parse HEAD)

# A passing change set
printf 'int pump_start(void) { return authenticate(); }\n' > src/pump.c
git commit -q -am "Authenticate before starting the pump

Security-Requirement: SR-001
Risk-Assessment: unchanged - the session check is an existing control"
echo "Dosing limits are configurable." >> README.md
git commit -q -am "Document the dosing limits

Security-Impact: none - user documentation only"
good=$(git rev-parse HEAD)

echo
echo "== sdlgate check --range $(echo "$base" | cut -c1-7)..$(echo "$good" | cut -c1-7)   (a passing change set)"
"$sdlgate" check --range "$base..$good" || true

# A failing change set
printf 'int pump_stop(void) { return 0; }\n' >> src/pump.c
git commit -q -am "Add pump stop"
printf '/* zlib 1.3.2 */\n' > third_party/zlib/zlib.h
git commit -q -am "Update zlib to 1.3.2

Security-Requirement: SR-002
Risk-Assessment: unchanged - no functional change"
printf 'int pump_log(void) { return 0; }\n' >> src/pump.c
git commit -q -am "Log dose changes

Relates to SR-003 but the trailer is misplaced:
Security-Requirement: SR-003

Reviewed on the bench."

echo
echo "== sdlgate check --range $(echo "$good" | cut -c1-7)..HEAD   (a failing change set)"
status=0
"$sdlgate" check --range "$good..HEAD" || status=$?
echo "(exit code $status: 1 means the gate refused the change set)"

echo
echo "== the same report as JSON (the stable contract), first lines"
"$sdlgate" check --range "$good..HEAD" --format json | head -n 30 || true

echo
echo "== the hooks: a commit without a requirement is refused before it exists"
SDLGATE="$sdlgate" "$sdlgate" install-hooks
printf 'int pump_pause(void) { return 0; }\n' >> src/pump.c
git add src/pump.c
SDLGATE="$sdlgate" git commit -q -m "Quick pause fix" || echo "(git commit was refused)"
git log -1 --format='HEAD is still: %h %s'

echo
echo "The sample repository is in $demo/pump"
