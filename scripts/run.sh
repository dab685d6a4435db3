#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk. With a display it opens the kiosk
# (add --windowed for a window); without one it renders its screens headless on SDL's offscreen
# driver, saves them as PNG under screenshots/ and exits. Extra arguments go to the kiosk.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
source scripts/env.sh

cmake --preset dev >/dev/null
cmake --build --preset dev -j "$(nproc)" --target kiosk kioskctl
exec build/bin/kiosk "$@"
