#!/bin/sh
# Install the Debian packages sdlgate needs to build, test and demo.
# Safe to run again: only missing packages are installed.
#   ci/setup.sh               everything: build, tests, demo
#   ci/setup.sh --build-only  what building and installing need (ci/install.sh)
set -eu

build_packages="build-essential cmake pkg-config git ca-certificates
libgit2-dev libyaml-dev libcjson-dev"
case "${1:-}" in
--build-only) packages=$build_packages ;;
"") packages="$build_packages libcmocka-dev
python3 python3-jsonschema python3-yaml libxml2-utils pre-commit" ;;
*) echo "usage: ci/setup.sh [--build-only]" >&2; exit 2 ;;
esac

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done

# Node.js and npm (for the CycloneDX npm generator in the SBOM tests) may
# come from outside Debian; install Debian's only when there is none.
if [ -z "${1:-}" ] && ! command -v npm >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi

if [ -n "$missing" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		sudo=""
	elif command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "ci/setup.sh: need root or sudo to install:$missing" >&2
		exit 1
	fi
	echo "ci/setup.sh: installing$missing"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

# The CycloneDX generator for npm projects, which the SBOM tests run on a
# fixture project to validate SBOMs as a real tool writes them. Installed
# globally from the npm registry, only when it is not there yet.
if [ -z "${1:-}" ] && command -v npm >/dev/null 2>&1 &&
	! command -v cyclonedx-npm >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		sudo=""
	elif command -v sudo >/dev/null 2>&1; then
		sudo="sudo"
	else
		echo "ci/setup.sh: need root or sudo to install @cyclonedx/cyclonedx-npm" >&2
		exit 1
	fi
	echo "ci/setup.sh: installing @cyclonedx/cyclonedx-npm"
	# without the registry the build still works; the generator tests skip
	$sudo npm install --global --no-fund --no-audit --loglevel=error @cyclonedx/cyclonedx-npm ||
		echo "ci/setup.sh: could not install @cyclonedx/cyclonedx-npm; tests/cli/t8100-sbom-npm.sh will be skipped" >&2
fi
