#!/usr/bin/env bash
# The maintenance screen on the kiosk program, as an admin uses it with the server out of reach:
# signed in with the admin's badge and PIN, the screen with its devices and the failed sync, the
# test receipt printed and its QR read back by the scanner's test, "send now", an export refused
# without a stick and done once the stick is in. The bundle is on the stick, every action is in
# the audit log under the admin's id, and no officer reaches the screen.
#   maintenance_test.sh SOURCE_DIR BIN_DIR WORK_DIR
set -euo pipefail
. "$(dirname "$0")/site_setup.sh" "$@"

staff="$(curl -sf "http://127.0.0.1:$sim_port/admin/staff")"
pin_of() { jq -r --arg id "$1" '.. | objects | select(.staff_id? == $id) | .pin' <<<"$staff" | head -n 1; }
admin_pin="$(pin_of STF-0004)"
officer_pin="$(pin_of STF-0001)"
[[ "$admin_pin" =~ ^[0-9]{4,8}$ && "$officer_pin" =~ ^[0-9]{4,8}$ ]] || fail "no PINs in $staff"
stick="$work/usb-stick"

# A code scanner and a camera fitted (simulated; the scenario scripts' "scan" and "camera" lines
# are what they read).
# A scripted run reads no device on its own: this code is never read.
printf '@wait 3600s\nSCANNER-IDLE\n' >"$work/scanner.script"
cat >>"$kiosk_conf" <<TOML

[devices.scanner]
backend = "simulated"
script = "$work/scanner.script"

[devices.camera]
backend = "simulated"
folder = "$work/camera"
TOML
mkdir -p "$work/camera"
cp assets/scenarios/certificate.jpg "$work/camera/"

# The network goes down: the kiosk keeps working, and its screen says the sync fails.
kill "$sim_pid"
wait "$sim_pid" 2>/dev/null || true

play() {
  env -u DISPLAY -u WAYLAND_DISPLAY "$LOKET_BIN/kiosk" --config "$kiosk_conf" --script "$1" \
      --screenshots "$2" --size 1366x768 >"$1.out" 2>"$1.err" ||
    { cat "$1.err"; fail "$1 did not play"; }
}

# An officer has no "maintenance" to tap.
{
  echo "hold staff-corner 3s"
  echo "scan B-10001"
  echo "type $officer_pin"
  echo "tap sign-in"
  echo "wait-for staff-home"
  echo "tap maintenance"
} >"$work/officer.txt"
env -u DISPLAY -u WAYLAND_DISPLAY "$LOKET_BIN/kiosk" --config "$kiosk_conf" --script "$work/officer.txt" \
    --no-screenshots --size 1366x768 >/dev/null 2>"$work/officer.err" &&
  fail "an officer could tap \"maintenance\""
grep -q 'no control \\"maintenance\\"\|no control "maintenance"' "$work/officer.err" ||
  fail "the officer's run failed otherwise: $(cat "$work/officer.err")"

# The admin's way in: the hidden corner, the badge, the PIN, "maintenance".
admin_to_maintenance() {
  echo "hold staff-corner 3s"
  echo "scan B-10004"
  echo "type $admin_pin"
  echo "tap sign-in"
  echo "wait-for staff-home"
  echo "tap maintenance"
  echo "wait-for maintenance"
}

{
  admin_to_maintenance
  echo "advance 3s"
  echo "screenshot condition"
  echo "tap test-camera"
  echo "wait-for test-camera"
  echo "camera $src/assets/scenarios/certificate.jpg"
  echo "screenshot picture"
  echo "tap back"
  echo "wait-for maintenance"
  echo "tap test-printer"
  echo "screenshot printed"
  echo "tap test-scanner"
  echo "wait-for test-scanner"
  echo "scan LOKET-PRINT-TEST KIOSK-DEMO-01 20261208T101500"
  echo "screenshot read"
  echo "tap back"
  echo "wait-for maintenance"
  echo "tap sync-now"
  echo "tap export"
  echo "screenshot no-stick"
} >"$work/admin.txt"
play "$work/admin.txt" "$work/shots"
[ -z "$(ls -A "$stick" 2>/dev/null)" ] || fail "something was written without a stick"

mkdir -p "$stick"
{
  admin_to_maintenance
  echo "tap export"
  echo "screenshot exported"
  echo "tap back"
  echo "tap sign-out"
  echo "wait-for attract"
} >"$work/export.txt"
play "$work/export.txt" "$work/shots-export"

for shot in maintenance-condition test-camera-picture maintenance-printed test-scanner-read maintenance-no-stick; do
  ls "$work/shots" | grep -q -- "-$shot\.png$" || fail "no screenshot $shot"
done
ls "$work/shots-export" | grep -q -- "-maintenance-exported\.png$" || fail "no screenshot of the export"
bundles="$(find "$stick" -name 'loket-KIOSK-DEMO-01-*.lkb' | wc -l)"
[ "$bundles" = 1 ] || fail "$bundles bundles on the stick, expected 1"
[ "$(find "$work/receipts" -name '*.png' -newer "$work/admin.txt" | wc -l)" = 1 ] ||
  fail "the test receipt was not printed once"

audit() {
  sqlite3 "$work/kiosk/kiosk.db" "SELECT count(*) FROM audit WHERE actor = 'STF-0004' AND action = '$1'"
}
[ "$(audit maintenance.test_print)" = 1 ] || fail "$(audit maintenance.test_print) test prints audited, expected 1"
[ "$(audit maintenance.sync_now)" = 1 ] || fail "$(audit maintenance.sync_now) syncs audited, expected 1"
[ "$(audit maintenance.export)" = 1 ] || fail "$(audit maintenance.export) exports audited, expected 1"
"$LOKET_BIN/kioskctl" audit verify --db "$work/kiosk/kiosk.db" >"$work/audit.json" ||
  fail "the audit chain does not verify: $(cat "$work/audit.json")"
for secret in "$admin_pin" "$officer_pin"; do
  if grep -rlaF -- "$secret" "$work/kiosk"/kiosk.db* "$work"/*.out "$work"/*.err "$stick"; then
    fail "a PIN is on the kiosk's disk, the stick or in the output"
  fi
done
echo "ok: admin only; devices tested, test page read back, send now, export refused without a stick and done with one, all audited"
