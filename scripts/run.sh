#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk. With a display it opens the kiosk in a
# window, enrolled with the national server simulator on loopback, on simulated devices
# (scripts/demo.sh --live). Without one it starts the same simulator and plays the demo visit
# (assets/scenarios/demo.txt) headless on SDL's offscreen driver, saving every screen and every
# printed receipt as PNG under demo/, then prints what the server received.
# Extra arguments go to the kiosk (e.g. --script FILE; see docs/scenario-scripts.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
source scripts/env.sh

cmake --preset dev >/dev/null
cmake --build --preset dev -j "$(nproc)" --target kiosk kioskctl national-server-sim
# Headless and without arguments: the whole demo, against the national server simulator.
if [[ $# -eq 0 && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  exec scripts/demo.sh demo
fi
# With a display and without arguments: the kiosk in a window on the same simulated site.
if [[ $# -eq 0 ]]; then
  exec scripts/demo.sh --live demo
fi
exec build/bin/kiosk "$@"
