#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk. With a display it opens the kiosk
# (add --windowed for a window); without one it plays the demo visit (assets/scenarios/demo.txt)
# headless on SDL's offscreen driver, saves every screen as PNG under screenshots/ and exits.
# Extra arguments go to the kiosk (e.g. --script FILE; see docs/scenario-scripts.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
source scripts/env.sh

cmake --preset dev >/dev/null
cmake --build --preset dev -j "$(nproc)" --target kiosk kioskctl
exec build/bin/kiosk "$@"
