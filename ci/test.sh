#!/bin/sh
# Set up, build normally and with AddressSanitizer + UndefinedBehaviorSanitizer,
# and run every test through ctest in both builds.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh ci/setup.sh

sh ci/build.sh build
(cd build && ctest --output-on-failure -j "$(nproc)")

sh ci/build.sh build-asan -DSDLGATE_SANITIZE=ON
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	ctest --output-on-failure -j "$(nproc)")

echo "ci/test.sh: all tests passed (normal and sanitizer builds)"
