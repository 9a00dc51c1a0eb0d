#!/bin/sh
# Build sdlgate from this source tree and install it, for CI images and
# machines that only run the gate:
#   ci/install.sh [--prefix DIR]     (default /usr/local)
# Installs the Debian packages building needs when they are missing
# (ci/setup.sh --build-only), builds a release build without tests in
# build-install/ and installs the binary (the policy packs are built into
# it) and the hook wrappers under DIR. Prints the installed version.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
prefix=/usr/local
case "${1:-}" in
--prefix) [ $# -eq 2 ] || { echo "usage: ci/install.sh [--prefix DIR]" >&2; exit 2; }; prefix=$2 ;;
"") ;;
*) echo "usage: ci/install.sh [--prefix DIR]" >&2; exit 2 ;;
esac

sh "$top/ci/setup.sh" --build-only
build=${SDLGATE_INSTALL_BUILD:-$top/build-install}
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DSDLGATE_TESTS=OFF \
	-DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null
cmake --install "$build" >/dev/null
"$prefix/bin/sdlgate" --version
echo "ci/install.sh: installed $prefix/bin/sdlgate"
