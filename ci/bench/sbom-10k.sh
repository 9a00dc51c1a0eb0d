#!/bin/sh
# Benchmark: `sdlgate sbom validate` on SBOMs of 10,000 components
# (tests/support/gen_large_sbom.sh writes them): CycloneDX and SPDX,
# complete (no finding) and with 10,000 NTIA gaps (one finding each),
# beside Python's json.load of the same file (a reference: parsing the
# JSON once, plus the interpreter's start). Usage:
#   ci/bench/sbom-10k.sh [BUILD_DIR] [COUNT]
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
sdlgate=$(cd "${1:-$top/build}" && pwd)/src/sdlgate
count=${2:-10000}
work=$(mktemp -d "${TMPDIR:-/tmp}/sdlgate-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

sh "$top/tests/support/gen_large_sbom.sh" "$count" cyclonedx > "$work/cdx.json"
sh "$top/tests/support/gen_large_sbom.sh" "$count" spdx > "$work/spdx.json"
# the same CycloneDX document without suppliers: one NTIA finding per component
sed 's/,"supplier":{"name":"Acme"}//' "$work/cdx.json" > "$work/gaps.json"

for f in cdx spdx gaps; do
	rc=0
	"$sdlgate" sbom validate --format json --output "$work/$f.report.json" "$work/$f.json" || rc=$?
	python3 -c "import json; r=json.load(open('$work/$f.report.json')); print('$f.json: $(wc -c < "$work/$f.json") bytes, exit $rc,', r['notes'][0].split(': ', 1)[1])"
done

hyperfine --warmup 1 --runs 10 --ignore-failure --export-markdown "$work/bench.md" \
	"python3 -c 'import json,sys; json.load(open(sys.argv[1]))' $work/cdx.json" \
	"$sdlgate sbom validate --quiet $work/cdx.json" \
	"$sdlgate sbom validate --quiet --no-ntia $work/cdx.json" \
	"$sdlgate sbom validate --quiet $work/spdx.json" \
	"$sdlgate sbom validate --format json --output $work/out.json $work/gaps.json"
cat "$work/bench.md"
/usr/bin/time -v "$sdlgate" sbom validate --quiet "$work/cdx.json" 2>&1 | grep -E "Maximum resident|Elapsed"
