#!/usr/bin/env bash
# The registration journey survives a kill of the kiosk in the middle of each step. The first
# visitor of the demo is played up to a step (with what she types there, not yet confirmed) and the
# kiosk is killed with SIGKILL; this once for every step, and after "submit" and on the receipt.
# Then the kiosk starts again and syncs. The server must hold exactly the registrations that were
# submitted before their kill, each once; nothing of the visits killed before "submit" may be
# anywhere on the kiosk's disk, nor in its output.
#   kill_restart_test.sh SOURCE_DIR BIN_DIR WORK_DIR
set -euo pipefail
. "$(dirname "$0")/site_setup.sh" "$@"

# What the visitor types and what must never be found in the clear. Her passport number too.
canaries=(3578015506950001 "SITI AMINAH" "JALAN CONTOH" 081234567890 X1234567 SURABAYA)

# Her visit, from the attract screen to her receipt.
mapfile -t visit < <(awk '/^tap start$/ { on = 1 } on && !/^#/ && NF { print } /^wait-for receipt$/ && on { exit }' assets/scenarios/demo.txt)
[ "${#visit[@]}" -gt 40 ] || fail "the demo's first visit was not found"

# A kill point is the line after which the kiosk dies: each step once it is shown (and what is
# typed or scanned there, before "next"), the moment after "submit", and the receipt.
points=()
for i in "${!visit[@]}"; do
  case "${visit[$i]}" in
    "wait-for reg-"*)
      next="${visit[$((i + 1))]:-}"
      case "$next" in type\ *|mrz\ *|tap\ option-*|tap\ consent-*|tap\ doc-*) points+=($((i + 1))) ;; *) points+=("$i") ;; esac ;;
    "tap submit"|"wait-for receipt") points+=("$i") ;;
  esac
done
[ "${#points[@]}" -ge 25 ] || fail "only ${#points[@]} kill points"

# The pictures the visit holds up to the camera, beside the scripts that name them.
cp assets/scenarios/*.jpg "$work/"
# The network is down while the kiosk is killed: a kill lands in the journey, never in the middle
# of an upload. (One there would be sent again after the restart under the same id, the dead
# holder's lease taken back at once; the server would count it received twice, which this test,
# counting arrivals, cannot tell from a duplicate.)
curl -sf -X POST "http://127.0.0.1:$sim_port/admin/faults" -H 'Content-Type: application/json' \
    -d '[{"mode":"status_503","count":1000000,"path_prefix":"/v1/submissions"}]' >/dev/null
submit_at=-1
for i in "${!visit[@]}"; do [ "${visit[$i]}" = "tap submit" ] && submit_at=$i; done
submitted=0
for point in "${points[@]}"; do
  script="$work/kill-$point.txt"
  printf '%s\n' "${visit[@]:0:$((point + 1))}" >"$script"
  echo kill >>"$script"
  set +e
  env -u DISPLAY -u WAYLAND_DISPLAY "$LOKET_BIN/kiosk" --config "$kiosk_conf" --script "$script" \
      --no-screenshots --size 960x540 >"$work/kill-$point.out" 2>"$work/kill-$point.err"
  code=$?
  set -e
  [ "$code" = 137 ] || { cat "$work/kill-$point.err"; fail "line $point (${visit[$point]}): exit $code, not killed"; }
  # Anything after "tap submit" was submitted: the record was on disk before the kill.
  if [ "$point" -ge "$submit_at" ]; then submitted=$((submitted + 1)); fi
  # No kill may leave a half-written or unreadable store: the queue reads after each one.
  "$LOKET_BIN/kioskctl" queue --db "$work/kiosk/kiosk.db" status >"$work/queue-$point.json" ||
    fail "after the kill at line $point the queue cannot be read"
done
[ "$submitted" = 2 ] || fail "$submitted kill points after submit, expected 2"

# Nothing the visitor typed is on the kiosk's disk in the clear, nor in what it wrote out.
for canary in "${canaries[@]}"; do
  if grep -rlaF -- "$canary" "$work/kiosk" "$work"/kill-*.out "$work"/kill-*.err; then
    fail "\"$canary\" is on the kiosk's disk or in its output"
  fi
done

# The kiosk starts again, the network back: its first screen is the welcome, with nothing of
# anyone, and it sends what was submitted before the kills (the headless run waits for the queue
# to empty).
curl -sf -X DELETE "http://127.0.0.1:$sim_port/admin/faults" >/dev/null
echo "wait-for attract" >"$work/restart.txt"
env -u DISPLAY -u WAYLAND_DISPLAY "$LOKET_BIN/kiosk" --config "$kiosk_conf" --script "$work/restart.txt" \
    --screenshots "$work/restart" >"$work/restart.out" 2>"$work/restart.err" ||
  { cat "$work/restart.err"; fail "the kiosk did not start again"; }
[ "$(ls "$work/restart")" = "01-attract-id.png" ] || fail "after the restart the kiosk showed $(ls "$work/restart")"

queue="$("$LOKET_BIN/kioskctl" queue --db "$work/kiosk/kiosk.db" status)"
[ "$(jq '.unsent' <<<"$queue")" = 0 ] || fail "still unsent after the restart: $queue"
[ "$(jq .acknowledged <<<"$queue")" = 2 ] || fail "the queue is not the two registrations: $queue"

held="$(curl -sf "http://127.0.0.1:$sim_port/admin/submissions" | jq -c .submissions)"
[ "$(jq length <<<"$held")" = 2 ] || fail "the server holds $(jq length <<<"$held") submissions, not 2"
[ "$(jq '[.[] | select(.received_count != 1 or .kind != "registration")] | length' <<<"$held")" = 0 ] ||
  fail "a submission arrived twice or is not a registration: $held"
# Both are her complete registration; the second found the first one pending at this site.
names="$(jq -r '[.[] | .payload | @base64d | fromjson | .personal.name] | unique | join(",")' <<<"$held")"
[ "$names" = "SITI AMINAH" ] || fail "the server holds registrations of \"$names\""
dupes="$(jq '[.[] | .payload | @base64d | fromjson | select([.checks[].code] | index("nik.duplicate_pending"))] | length' <<<"$held")"
[ "$dupes" = 1 ] || fail "$dupes registrations were flagged as a duplicate NIK, expected 1"
echo "ok: ${#points[@]} kills, 2 registrations held once each, nothing of the unfinished visits on disk"
