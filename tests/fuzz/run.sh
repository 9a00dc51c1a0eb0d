#!/bin/sh
# Fuzz one parser: tests/fuzz/run.sh TARGET [SECONDS]   (default 60 seconds)
#
# Configures and builds build-fuzz/ with clang and -DSDLGATE_FUZZ=ON when
# needed, then runs build-fuzz/tests/fuzz/fuzz_TARGET on one core. New
# inputs go to build-fuzz/fuzz/TARGET/corpus (the seeds under
# tests/fuzz/corpus/TARGET are only read); crashes, leaks, timeouts and
# slow inputs are written to build-fuzz/fuzz/TARGET/ as crash-*, leak-*,
# timeout-*, slow-unit-*. Rerun one with: build-fuzz/tests/fuzz/fuzz_TARGET FILE
# For sbom, the official vectors of $SG_SHARED_DATA are read as well.
# Environment: SG_FUZZ_BUILD (build directory), SG_SHARED_DATA, extra
# libFuzzer flags in SG_FUZZ_FLAGS.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/tests/fuzz"

usage() {
	echo "usage: tests/fuzz/run.sh TARGET [SECONDS]" >&2
	echo "targets:" $(cd "$here" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//') >&2
	exit 2
}
[ $# -ge 1 ] && [ $# -le 2 ] || usage
target=$1
seconds=${2:-60}
[ -f "$here/fuzz_$target.c" ] || usage
case $seconds in ''|*[!0-9]*) usage ;; esac

build=${SG_FUZZ_BUILD:-$top/build-fuzz}
if [ ! -f "$build/CMakeCache.txt" ]; then
	CC=${CC:-clang} cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DSDLGATE_FUZZ=ON -DSDLGATE_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j 2 --target "fuzz_$target" >/dev/null

out="$build/fuzz/$target"
mkdir -p "$out/corpus"
set -- "$out/corpus" "$here/corpus/$target"
if [ "$target" = sbom ]; then
	shared=${SG_SHARED_DATA:-}
	if [ -z "$shared" ]; then
		shared="$top/../shared/data"
		[ -d "$shared" ] || shared=/work/shared/data
	fi
	for dir in cyclonedx/vectors/1.4 cyclonedx/vectors/1.5 cyclonedx/vectors/1.6 spdx/examples; do
		[ -d "$shared/$dir" ] && set -- "$@" "$shared/$dir"
	done
fi

# -jobs=1 runs one worker process that logs to fuzz-0.log in the working
# directory; the whole log stays there, the summary (executions, seconds,
# the final cov: figure, any finding) is printed.
cd "$out"
rm -f fuzz-0.log
touch "$out/.started"
status=0
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
"$build/tests/fuzz/fuzz_$target" -jobs=1 -max_total_time="$seconds" \
	-max_len=65536 -timeout=5 -rss_limit_mb=2048 -report_slow_units=1 \
	-print_final_stats=1 -artifact_prefix="$out/" ${SG_FUZZ_FLAGS:-} "$@" \
	>"$out/run.log" 2>&1 || status=$?
log="$out/fuzz-0.log"
[ -f "$log" ] || log="$out/run.log"
grep -E 'INFO: +[0-9]+ files found|INITED|DONE|^Done|stat::|ERROR|SUMMARY|Slowest unit|Test unit written|^==[0-9]+==' "$log" || true
# Only what this run found: earlier reproducers stay beside it.
findings=$(find "$out" -maxdepth 1 -newer "$out/.started" -type f \
	\( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \
	-o -name 'slow-unit-*' \) || true)
if [ -n "$findings" ]; then
	echo "run.sh: findings:"
	echo "$findings"
	[ $status -ne 0 ] || status=1
fi
echo "run.sh: $target, log in $log, exit $status"
exit $status
