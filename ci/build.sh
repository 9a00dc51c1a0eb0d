#!/bin/sh
# Configure and build into a directory: ci/build.sh DIR [cmake options...]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$1
shift
cmake -S "$top" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSDLGATE_WERROR=ON -DSDLGATE_TESTS=ON "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
