#!/usr/bin/env bash
# The demo without a display: the national server simulator on loopback, a kiosk enrolled with
# it, the scripted visit (assets/scenarios/demo.txt: two registrations, a status check and an
# under-age stop) played headless, and at the end what the server holds. Every screen and every printed receipt
# is saved as a PNG under the folder it names (default: demo/).
#   scripts/demo.sh [OUT_DIR]        (after a build in build/; scripts/run.sh calls it)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-demo}")"
rm -rf "$out"

. scripts/site.sh
site_up "$out"

env -u DISPLAY -u WAYLAND_DISPLAY "$bin/kiosk" --config "$kiosk_conf" \
    --script assets/scenarios/demo.txt --screenshots "$out/screens" --size 1366x768 >/dev/null

echo "Screens:  $out/screens ($(ls "$out/screens" | grep -c '\.png$') PNG)"
echo "Receipts: $out/receipts ($(ls "$out/receipts" | grep -c '\.png$') PNG)"
curl -sf "http://127.0.0.1:$sim_port/admin/submissions" >"$out/server/submissions.json"
echo "What the national server received ($out/server/submissions.json):"
jq -r '.submissions[] |
    (.payload | @base64d | fromjson) as $p |
    "  \(.kind) \(.id) from \(.kiosk_id): \($p.personal.name), NIK \($p.identity.nik),
    to \($p.placement.destination) \($p.placement.sector), checks: \([$p.checks[].code] | join(", ") | if . == "" then "none" else . end)"' "$out/server/submissions.json"
