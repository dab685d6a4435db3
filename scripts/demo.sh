#!/usr/bin/env bash
# The demo without a display: the national server simulator on loopback, a kiosk enrolled with
# it, the scripted visit (assets/scenarios/demo.txt: two registrations, one with a document
# photographed, a status check, an under-age stop and a returnee's check-in; then demo-staff.txt:
# an officer refers the complaint, approves one registration with a supervisor's sign-off, rejects
# the other and prints the day's report) played headless, and at the end what the server holds.
# Every screen and every printed receipt is saved as a PNG under the folder it names (default: demo/).
# With --live the kiosk opens in a window instead, on the same site, with a simulated passport
# reader and QR scanner that present the demo's made-up passport and family card every minute.
#   scripts/demo.sh [--live] [OUT_DIR]        (after a build in build/; scripts/run.sh calls it)
set -euo pipefail
cd "$(dirname "$0")/.."
live=""
if [ "${1:-}" = "--live" ]; then live=1; shift; fi
out="$(realpath -m "${1:-demo}")"
rm -rf "$out"

. scripts/site.sh
site_up "$out"

if [ -n "$live" ]; then
  cat >"$out/kiosk/mrz.script" <<'SCRIPT'
# The demo passport (made up), laid on the reader every minute.
@wait 60s
P<IDNCONTOH<<SITI<AMINAH<<<<<<<<<<<<<<<<<<<<
X1234567<7IDN9506158F3101012<<<<<<<<<<<<<<02
SCRIPT
  cat >"$out/kiosk/scanner.script" <<'SCRIPT'
# A family card's QR (made up), held to the scanner every minute, half a minute after the passport.
@symbology QRCode
@wait 30s
KK-CONTOH-3578010101950001
@wait 30s
SCRIPT
  cat >>"$kiosk_conf" <<TOML

[devices.scanner]
backend = "simulated"
script = "$out/kiosk/scanner.script"
loop = true

[devices.mrz_reader]
backend = "simulated"
script = "$out/kiosk/mrz.script"
loop = true
TOML
  echo "The kiosk opens in a window; the server simulator runs on 127.0.0.1:$sim_port until it closes."
  "$bin/kiosk" --config "$kiosk_conf" --windowed
  exit
fi

# The visitors, then the officer and the supervisor, whose PINs the simulator made for this site.
pin_of() {
  curl -sf "http://127.0.0.1:$sim_port/admin/staff" | jq -r --arg id "$1" '.. | objects | select(.staff_id? == $id) | .pin' | head -n 1
}
officer_pin="$(pin_of STF-0001)"
supervisor_pin="$(pin_of STF-0003)"
[[ "$officer_pin" =~ ^[0-9]{4,8}$ && "$supervisor_pin" =~ ^[0-9]{4,8}$ ]] ||
  { echo "demo: no PINs for the officer and the supervisor from the simulator" >&2; exit 1; }
cp assets/scenarios/*.jpg "$out/kiosk/"  # the pictures the visit holds up to the camera
{ cat assets/scenarios/demo.txt; echo
  sed "s/{officer_pin}/$officer_pin/; s/{supervisor_pin}/$supervisor_pin/" assets/scenarios/demo-staff.txt; } \
    >"$out/kiosk/demo.txt"
# What the kiosk says goes to the terminal and to kiosk/kiosk.log (it names no visitor).
env -u DISPLAY -u WAYLAND_DISPLAY "$bin/kiosk" --config "$kiosk_conf" \
    --script "$out/kiosk/demo.txt" --screenshots "$out/screens" --size 1366x768 \
    >/dev/null 2> >(tee "$out/kiosk/kiosk.log" >&2)

echo "Screens:  $out/screens ($(ls "$out/screens" | grep -c '\.png$') PNG)"
echo "Receipts: $out/receipts ($(ls "$out/receipts" | grep -c '\.png$') PNG)"
curl -sf "http://127.0.0.1:$sim_port/admin/submissions" >"$out/server/submissions.json"
echo "What the national server received ($out/server/submissions.json):"
jq -r '.submissions[] |
    (.payload | @base64d | fromjson) as $p |
    if .kind == "registration" then
      "  \(.kind) \(.id) from \(.kiosk_id): \($p.personal.name), NIK \($p.identity.nik),
    to \($p.placement.destination) \($p.placement.sector), checks: \([$p.checks[].code] | join(", ") | if . == "" then "none" else . end)"
    elif .kind == "returnee_checkin" then
      "  \(.kind) \(.id) from \(.kiosk_id): \($p.personal.name), back from \($p.work.country) (\($p.return.reason)),
    complaint: \($p.complaint.category // "none"), desks: \($p.desks | join(", "))"
    elif .kind == "staff_decision" then
      "  \(.kind) \(.id) from \(.kiosk_id): \($p.decision) \($p.reason_code // $p.referral_category // "")
    on \($p.subject.submission_id) by \($p.decided_by.staff_id)"
    else
      "  \(.kind) \(.id) from \(.kiosk_id)"
    end' "$out/server/submissions.json"
