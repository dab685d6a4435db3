#!/usr/bin/env bash
# The demo without a display: the national server simulator on loopback, a kiosk enrolled with
# it, the scripted visit (assets/scenarios/demo.txt: two registrations and an under-age stop)
# played headless, and at the end what the server holds. Every screen and every printed receipt
# is saved as a PNG under the folder it names (default: demo/).
#   scripts/demo.sh [OUT_DIR]        (after a build in build/; scripts/run.sh calls it)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-demo}")"
bin="${LOKET_BIN:-build/bin}"
rm -rf "$out"
mkdir -p "$out/kiosk" "$out/server"

# The kiosk's settings: its store and keys in the demo folder, its receipts drawn as PNGs; the
# server's address and keys are added once the simulator says them.
settings() {
  cat <<TOML
[kiosk]
id = "KIOSK-DEMO-01"
site_id = "LTSA-DEMO"

[store]
database = "kiosk.db"
master_key = "master.key"

[sync]
device_key = "device.key"
state_dir = "sync"
$1
[devices.printer]
backend = "simulated"
output_dir = "$out/receipts"
TOML
}
settings "" >"$out/kiosk/kiosk.toml"
kiosk_key="$("$bin/kioskctl" device-key --config "$out/kiosk/kiosk.toml" | jq -r .public_key)"

# The server on a port the system picks; its first line says which, and its keys.
"$bin/national-server-sim" --db "$out/server/sim.db" --kiosk "KIOSK-DEMO-01=$kiosk_key,LTSA-DEMO" \
    >"$out/server/stdout.txt" 2>"$out/server/stderr.txt" &
sim=$!
trap 'kill $sim 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$out/server/stdout.txt" ] && break; sleep 0.1; done
hello="$(head -n 1 "$out/server/stdout.txt")"
port="$(jq -r .http_port <<<"$hello")"
settings "server_url = \"http://127.0.0.1:$port\"
server_seal_public_key = \"$(jq -r .server_seal_public_key <<<"$hello")\"
server_signing_public_key = \"$(jq -r .server_signing_public_key <<<"$hello")\"
" >"$out/kiosk/kiosk.toml"

# The kiosk's first start makes its store; its first sync brings the configuration and the
# catalogues (the official job openings, the regions, the training programmes).
echo "wait-for attract" >"$out/kiosk/first-start.txt"
env -u DISPLAY -u WAYLAND_DISPLAY "$bin/kiosk" --config "$out/kiosk/kiosk.toml" \
    --script "$out/kiosk/first-start.txt" --screenshots "$out/kiosk/first-start" >/dev/null
"$bin/kioskctl" sync now --config "$out/kiosk/kiosk.toml" >"$out/server/first-sync.json"

env -u DISPLAY -u WAYLAND_DISPLAY "$bin/kiosk" --config "$out/kiosk/kiosk.toml" \
    --script assets/scenarios/demo.txt --screenshots "$out/screens" --size 1366x768 >/dev/null

echo "Screens:  $out/screens ($(ls "$out/screens" | grep -c '\.png$') PNG)"
echo "Receipts: $out/receipts ($(ls "$out/receipts" | grep -c '\.png$') PNG)"
curl -sf "http://127.0.0.1:$port/admin/submissions" >"$out/server/submissions.json"
echo "What the national server received ($out/server/submissions.json):"
jq -r '.submissions[] |
    (.payload | @base64d | fromjson) as $p |
    "  \(.kind) \(.id) from \(.kiosk_id): \($p.personal.name), NIK \($p.identity.nik),
    to \($p.placement.destination) \($p.placement.sector), checks: \([$p.checks[].code] | join(", ") | if . == "" then "none" else . end)"' "$out/server/submissions.json"
