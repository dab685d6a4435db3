#!/usr/bin/env bash
# Builds the kiosk's Debian package: an optimised build of the kiosk and kioskctl only (no tests),
# then CPack. Prints the package's path. Install it on a kiosk with
#   apt-get install ./loket_<version>_amd64.deb
# (apt-get fetches the libraries it depends on; dpkg -i does not). README: "Installing on a kiosk".
#
#   scripts/package.sh [BUILD_DIR]   # default build-package
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-package}
scripts/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOKET_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)"
(cd "$build" && cpack -G DEB >/dev/null)
ls "$build"/loket_*.deb
