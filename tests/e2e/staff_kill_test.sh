#!/usr/bin/env bash
# A staff member's decisions survive a kill of the kiosk in the middle of the work. The demo's
# visitors are played once (two registrations, a child, a returnee with a complaint); then, from
# that same kiosk every time, the officer's part of the demo is played up to a point and the kiosk
# is killed with SIGKILL. After each kill the store must hold exactly the decisions confirmed
# before it (the tap that chose the last part of a decision), each with its outbox row, and the
# audit chain must be whole. Uploads are refused meanwhile, so nothing leaves the kiosk; at the end
# one kill in the middle of the third decision is followed by a restart with the server open: it
# must hold the first two decisions, once each, and not the third.
#   staff_kill_test.sh SOURCE_DIR BIN_DIR WORK_DIR
set -euo pipefail
. "$(dirname "$0")/site_setup.sh" "$@"

play() {  # play SCRIPT NAME: runs the kiosk headless on a script, its output kept under NAME
  env -u DISPLAY -u WAYLAND_DISPLAY "$LOKET_BIN/kiosk" --config "$kiosk_conf" --script "$1" \
      --no-screenshots --size 960x540 >"$work/$2.out" 2>"$work/$2.err"
}

# The visitors, with everything sent (the headless run waits for the queue to empty).
grep -v '^#' assets/scenarios/demo.txt | grep . >"$work/visitors.txt"
cp assets/scenarios/*.jpg "$work/"  # the pictures it holds up to the camera
play "$work/visitors.txt" visitors || { cat "$work/visitors.err"; fail "the visitors did not play"; }
cp -a "$work/kiosk" "$work/baseline"

pin_of() {
  curl -sf "http://127.0.0.1:$sim_port/admin/staff" | jq -r --arg id "$1" '.. | objects | select(.staff_id? == $id) | .pin' | head -n 1
}
officer="$(pin_of STF-0001)"
supervisor="$(pin_of STF-0003)"
[[ "$officer" =~ ^[0-9]{4,8}$ && "$supervisor" =~ ^[0-9]{4,8}$ ]] || fail "no PINs for STF-0001 and STF-0003"
mapfile -t staff < <(grep -v '^#' assets/scenarios/demo-staff.txt | grep . |
                     sed "s/{officer_pin}/$officer/; s/{supervisor_pin}/$supervisor/")

# A decision is confirmed by the tap that takes the officer back to the worklist (the officer's
# own sign-in, the first screen's, confirms none; a supervisor's sign-off does; "back" from the
# day's report decides nothing).
confirms=()
signed_in=0
for i in "${!staff[@]}"; do
  if [[ "${staff[$i]}" == tap\ * && "${staff[$((i + 1))]:-}" == "wait-for staff-home" ]]; then
    if [[ "${staff[$i]}" == "tap sign-in" && "$signed_in" = 0 ]]; then signed_in=1; continue; fi
    [[ "${staff[$i]}" == "tap back" ]] && continue
    confirms+=("$i")
  fi
done
[ "${#confirms[@]}" = 3 ] || fail "${#confirms[@]} confirming taps in the staff script, expected 3"
confirmed_by() {  # how many decisions are confirmed once line $1 has run
  local n=0 c
  for c in "${confirms[@]}"; do [ "$c" -le "$1" ] && n=$((n + 1)); done
  echo "$n"
}

# Kill points: every screen once shown, every confirming tap, and the mark of a document.
points=()
for i in "${!staff[@]}"; do
  case "${staff[$i]}" in "wait-for "*|"tap option-0") points+=("$i") ;; esac
done
points+=("${confirms[@]}")
mapfile -t points < <(printf '%s\n' "${points[@]}" | sort -n | uniq)
[ "${#points[@]}" -ge 20 ] || fail "only ${#points[@]} kill points"

refuse_uploads() {
  curl -sf -X POST "http://127.0.0.1:$sim_port/admin/faults" -H 'Content-Type: application/json' \
      -d '[{"mode":"status_503","count":1000000,"path_prefix":"/v1/submissions"}]' >/dev/null
}
sql() { sqlite3 "$work/kiosk/kiosk.db" "$1"; }
kill_at() {  # kill_at LINE: a fresh copy of the kiosk after the visitors, the officer up to LINE, SIGKILL
  rm -rf "$work/kiosk"
  cp -a "$work/baseline" "$work/kiosk"
  printf '%s\n' "${staff[@]:0:$(($1 + 1))}" >"$work/kill-$1.txt"
  echo kill >>"$work/kill-$1.txt"
  set +e
  play "$work/kill-$1.txt" "kill-$1"
  local code=$?
  set -e
  [ "$code" = 137 ] || { cat "$work/kill-$1.err"; fail "line $1 (${staff[$1]}): exit $code, not killed"; }
}

refuse_uploads
for point in "${points[@]}"; do
  kill_at "$point"
  want="$(confirmed_by "$point")"
  got="$(sql "SELECT count(*) FROM records WHERE kind = 'staff_decision'")"
  [ "$got" = "$want" ] || fail "after the kill at line $point (${staff[$point]}): $got decisions stored, expected $want"
  queued="$(sql "SELECT count(*) FROM outbox o JOIN records r ON r.id = o.record_id WHERE r.kind = 'staff_decision'")"
  [ "$queued" = "$want" ] || fail "after the kill at line $point: $queued decisions queued, expected $want"
  "$LOKET_BIN/kioskctl" audit verify --db "$work/kiosk/kiosk.db" >"$work/audit-$point.json" ||
    fail "after the kill at line $point the audit chain does not verify: $(cat "$work/audit-$point.json")"
done
[ "$(curl -sf "http://127.0.0.1:$sim_port/admin/submissions" | jq '[.submissions[] | select(.kind == "staff_decision")] | length')" = 0 ] ||
  fail "a decision reached the server while uploads were refused"

# In the middle of the third decision (the reason screen is up, no reason chosen): killed, then
# started again with the server open.
middle=$((${confirms[2]} - 1))
[ "${staff[$middle]}" = "wait-for staff-reason" ] || fail "line $middle is \"${staff[$middle]}\", not the reason screen"
kill_at "$middle"
curl -sf -X DELETE "http://127.0.0.1:$sim_port/admin/faults" >/dev/null
echo "wait-for attract" >"$work/restart.txt"
play "$work/restart.txt" restart || { cat "$work/restart.err"; fail "the kiosk did not start again"; }
held="$(curl -sf "http://127.0.0.1:$sim_port/admin/submissions" | jq -c '[.submissions[] | select(.kind == "staff_decision")]')"
decisions="$(jq -c '[.[] | .payload | @base64d | fromjson | .decision] | sort' <<<"$held")"
[ "$decisions" = '["approve","refer"]' ] || fail "the server holds the decisions $decisions, expected approve and refer"
[ "$(jq '[.[] | select(.received_count != 1)] | length' <<<"$held")" = 0 ] || fail "a decision arrived twice"
[ "$(sql "SELECT count(*) FROM records WHERE kind = 'staff_decision'")" = 2 ] || fail "the kiosk holds other decisions"
echo "ok: ${#points[@]} kills, every confirmed decision kept and queued, none other; 2 decisions held once each"
