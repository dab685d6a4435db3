#!/usr/bin/env bash
# First-start provisioning against the national server simulator on loopback: a wrong token is
# refused and changes nothing; the right one registers the kiosk's key, and --write sets the
# server's keys in the settings file (its comments kept), after which the first sync works; the
# same enrolment sent again is answered again; another kiosk cannot reuse the token; the token
# is printed and written nowhere.
#   enrol_test.sh SOURCE_DIR BIN_DIR WORK_DIR
set -euo pipefail
export LOKET_BIN=$2
bin=$2
work=$3
fail() { echo "enrol_test: $*" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work/server" "$work/kiosk" "$work/other"
export ASAN_OPTIONS=detect_leaks=0
token="ENROL-TEST-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"

cd "$1"
. scripts/site.sh
sim_up "$work" "$token"
port=$sim_port
[[ "$port" =~ ^[0-9]+$ ]] || fail "the simulator did not start: $(cat "$work/server/stderr.txt")"

settings() {  # kiosk id, folder
  cat <<TOML
# Desk 3's kiosk, set up by the technician.
[kiosk]
id = "$1"
site_id = "LTSA-ENROL"

[store]
database = "kiosk.db"
master_key = "master.key"

[sync]
server_url = "http://127.0.0.1:$port"  # the national server
device_key = "device.key"
state_dir = "sync"
TOML
}
settings KIOSK-ENROL-01 >"$work/kiosk/kiosk.toml"
settings KIOSK-ENROL-02 >"$work/other/kiosk.toml"

# The kiosk's first start makes its store and keys; before enrolment it cannot sync: it does not
# know the server's keys, and says which are missing.
echo "wait-for attract" >"$work/first-start.txt"
env -u DISPLAY -u WAYLAND_DISPLAY "$bin/kiosk" --config "$work/kiosk/kiosk.toml" --script "$work/first-start.txt" \
    --no-screenshots >"$work/first-start.out" 2>&1 || fail "first start: $(tail -3 "$work/first-start.out")"
cp "$work/kiosk/kiosk.toml" "$work/before.toml"
if "$bin/kioskctl" sync now --config "$work/kiosk/kiosk.toml" >"$work/early.json" 2>&1; then
  fail "sync worked before enrolment: $(cat "$work/early.json")"
fi
grep -q "server_seal_public_key is missing" "$work/early.json" || fail "before enrolment: $(cat "$work/early.json")"

# A wrong token: refused, exit 1, the settings file untouched.
set +e
echo "ENROL-NOT-ISSUED" | "$bin/kioskctl" enrol --config "$work/kiosk/kiosk.toml" --write >"$work/wrong.json"
code=$?
set -e
[[ $code == 1 ]] || fail "a wrong token gave exit $code: $(cat "$work/wrong.json")"
[[ "$(jq -r .error.code "$work/wrong.json")" == enrolment.refused ]] || fail "wrong token: $(cat "$work/wrong.json")"
cmp -s "$work/before.toml" "$work/kiosk/kiosk.toml" || fail "a refused enrolment changed the settings file"

# The right token.
echo "$token" | "$bin/kioskctl" enrol --config "$work/kiosk/kiosk.toml" --write >"$work/enrol.json" ||
  fail "enrolment failed: $(cat "$work/enrol.json")"
jq -e '.enrolled == true and .written == true and .kiosk_id == "KIOSK-ENROL-01"' "$work/enrol.json" >/dev/null ||
  fail "enrolment answer: $(cat "$work/enrol.json")"
fingerprint="$("$bin/kioskctl" device-key --config "$work/kiosk/kiosk.toml" | jq -r .fingerprint)"
[[ "$(jq -r .fingerprint "$work/enrol.json")" == "$fingerprint" ]] || fail "the fingerprint shown is not the key's"
grep -q '^# Desk 3.s kiosk, set up by the technician.$' "$work/kiosk/kiosk.toml" || fail "the comments were lost"
for key in server_seal_public_key server_signing_public_key; do
  expected="$(jq -r ".$key" "$work/enrol.json")"
  grep -qx "$key = \"$expected\"" "$work/kiosk/kiosk.toml" || fail "$key not written"
done

# Now the first sync reaches the server and is answered.
"$bin/kioskctl" sync now --config "$work/kiosk/kiosk.toml" >"$work/sync.json" || fail "sync: $(cat "$work/sync.json")"
jq -e '.server_reached == true and (.failures | length) == 0' "$work/sync.json" >/dev/null ||
  fail "first sync: $(cat "$work/sync.json")"

# The same enrolment again (a lost reply): answered again, same keys.
"$bin/kioskctl" enrol --config "$work/kiosk/kiosk.toml" --token "$token" >"$work/again.json" ||
  fail "the repeated enrolment failed: $(cat "$work/again.json")"
[[ "$(jq -r .server_signing_public_key "$work/again.json")" == "$(jq -r .server_signing_public_key "$work/enrol.json")" ]] ||
  fail "the repeated enrolment gave other keys"

# Another kiosk with the same token: refused.
set +e
echo "$token" | "$bin/kioskctl" enrol --config "$work/other/kiosk.toml" >"$work/other.json"
code=$?
set -e
[[ $code == 1 && "$(jq -r .error.code "$work/other.json")" == enrolment.refused ]] ||
  fail "a used token was accepted for another kiosk (exit $code): $(cat "$work/other.json")"

# The token is nowhere but in what the technician typed.
if grep -rlF -- "$token" "$work/kiosk" "$work"/*.json "$work/other" >/dev/null 2>&1; then
  fail "the token was written to $(grep -rlF -- "$token" "$work/kiosk" "$work"/*.json "$work/other")"
fi
echo "enrol_test: ok"
