#!/usr/bin/env bash
# Staff sign-in on the kiosk program, with the staff list and PIN hashes of the configuration the
# simulator signed: the hidden long press, the badge scanned, the PIN typed, the staff screen,
# sign-out; then five wrong PINs lock the badge, and the right one no longer opens it. The audit
# log holds each attempt by staff id; nothing holds the PIN.
#   staff_sign_in_test.sh SOURCE_DIR BIN_DIR WORK_DIR
set -euo pipefail
. "$(dirname "$0")/site_setup.sh" "$@"

staff="$(curl -sf "http://127.0.0.1:$sim_port/admin/staff")"
pin="$(jq -r '.. | objects | select(.staff_id? == "STF-0001") | .pin' <<<"$staff" | head -n 1)"
[[ "$pin" =~ ^[0-9]{4,8}$ ]] || fail "no PIN for STF-0001 in $staff"
wrong="$(printf '%06d' $(( (10#$pin + 1) % 1000000 )))"

{
  echo "hold staff-corner 3s"
  echo "wait-for staff-pin"
  echo "type $pin"
  echo "tap sign-in"
  echo "screenshot no-badge"
  echo "scan B-10001"
  echo "type $pin"
  echo "tap sign-in"
  echo "wait-for staff-home"
  echo "tap sign-out"
  echo "wait-for attract"
  echo "hold staff-corner 3s"
  echo "wait-for staff-pin"
  echo "scan B-10001"
  for _ in 1 2 3 4 5; do echo "type $wrong"; echo "tap sign-in"; done
  echo "screenshot locked"
  echo "scan B-10001"
  echo "type $pin"
  echo "tap sign-in"
  echo "screenshot still-locked"
  echo "tap cancel"
  echo "wait-for attract"
} >"$work/staff.txt"
env -u DISPLAY -u WAYLAND_DISPLAY "$LOKET_BIN/kiosk" --config "$kiosk_conf" --script "$work/staff.txt" \
    --screenshots "$work/shots" --size 1366x768 >"$work/staff.out" 2>"$work/staff.err" ||
  { cat "$work/staff.err"; fail "the scripted sign-in did not play"; }
[ "$(ls "$work/shots" | grep -c -- '-staff-home-id\.png$')" = 1 ] ||
  fail "the staff screen was shown $(ls "$work/shots" | grep -c -- '-staff-home-id\.png$') times, expected once"

audit() {
  sqlite3 "$work/kiosk/kiosk.db" "SELECT count(*) FROM audit WHERE actor = 'STF-0001' AND action = '$1'"
}
[ "$(audit staff.sign_in)" = 1 ] || fail "$(audit staff.sign_in) sign-ins audited, expected 1"
[ "$(audit staff.sign_out)" = 1 ] || fail "$(audit staff.sign_out) sign-outs audited, expected 1"
[ "$(audit staff.sign_in_failed)" = 5 ] || fail "$(audit staff.sign_in_failed) failures audited, expected 5"
"$LOKET_BIN/kioskctl" audit verify --db "$work/kiosk/kiosk.db" >"$work/audit.json" ||
  fail "the audit chain does not verify: $(cat "$work/audit.json")"
for secret in "$pin" "$wrong"; do
  if grep -rlaF -- "$secret" "$work/kiosk"/kiosk.db* "$work/staff.out" "$work/staff.err"; then
    fail "a PIN is on the kiosk's disk or in its output"
  fi
done
echo "ok: signed in and out, locked after 5 wrong PINs, every attempt audited, no PIN anywhere"
