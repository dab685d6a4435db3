#!/usr/bin/env bash
# The registration journey end to end: the demo visit (two registrations, one under-age stop)
# played by the kiosk against the national server simulator on loopback, then an exact look at
# what the server holds and at the printed receipts.
#   registration_demo_test.sh SOURCE_DIR BIN_DIR WORK_DIR
set -euo pipefail
src="$1"
export LOKET_BIN="$2"
work="$3"
cd "$src"
scripts/demo.sh "$work" >"$work.log" 2>&1 || { cat "$work.log"; exit 1; }
fail() { echo "FAIL: $*"; exit 1; }
port="$(head -n 1 "$work/server/stdout.txt" | jq -r .http_port)"
[ -n "$port" ] || fail "no simulator port"
held="$(jq -c '.submissions' "$work/server/submissions.json")"

# Exactly the two registrations, each received once, nothing from the under-age visitor.
[ "$(jq length <<<"$held")" = 2 ] || fail "the server holds $(jq length <<<"$held") submissions, not 2"
[ "$(jq '[.[] | select(.received_count != 1)] | length' <<<"$held")" = 0 ] || fail "a submission arrived twice"
[ "$(jq '[.[] | select(.kind != "registration")] | length' <<<"$held")" = 0 ] || fail "a submission is not a registration"
payloads="$(jq -c '[.[] | .payload | @base64d | fromjson] | sort_by(.identity.nik)' <<<"$held")"
grep -q 3578015003120002 <<<"$payloads" && fail "the under-age visitor's NIK reached the server"

# Every answer of the first visitor, as she gave it.
first="$(jq -c '.[] | select(.identity.nik == "3578015506950001")' <<<"$payloads")"
expect() {
  local got
  got="$(jq -c "$1" <<<"$first")"
  [ "$got" = "$2" ] || fail "$1 is $got, expected $2"
}
expect .kind '"registration"'
expect .kiosk_id '"KIOSK-DEMO-01"'
expect .site_id '"LTSA-DEMO"'
expect .consent.purposes '["registration","training"]'
expect .consent.version '"2026-11"'
expect .identity.nik_birth_date '"1995-06-15"'
expect .identity.nik_sex '"F"'
expect .identity.passport.number '"X1234567"'
expect .identity.passport.expiry_date '"2031-01-01"'
expect .identity.family_card_qr null
expect .photo_jpeg_base64 null
expect .personal '{"name":"SITI AMINAH","birth_place":"SURABAYA","marital_status":"single","regency_code":"3578","address":"JALAN CONTOH 1","rt":"003","rw":"005","phone":"081234567890","next_of_kin":{"name":"BUDI","phone":"081298765432"}}'
expect .education '{"level":"sma","smk_major":null,"school":"SMA CONTOH","graduation_year":"2013"}'
expect .certificates '["caregiver"]'
expect .languages '[]'
expect .work_experience '"under_1"'
expect .previous_migration '"never"'
expect .bpjs_number null
expect .medical_check '"scheduled"'
expect .placement '{"destination":"HK","sector":"domestic_work","scheme":"agency","job_order_id":"JO-2026-HK-0001","agency":"PT Penempatan Uji Tiga","promised_salary":4990,"promised_salary_currency":"HKD","fee_asked_idr":0}'
expect .documents '{"marital_status":"have","family_permission":"not_yet","competence":"not_yet","health":"have","passport":"have","work_visa":"not_yet","placement_agreement":"not_yet","employment_agreement":"not_yet"}'
expect '[.checks[].code]' '[]'
expect .missing_skills '["lang.yue"]'

# The second: an offer outside the official list, with money asked of him.
second="$(jq -c '.[] | select(.identity.nik == "3329012003900004")' <<<"$payloads")"
[ "$(jq -c '[.checks[].code]' <<<"$second")" = '["offer.not_listed","offer.fee_asked"]' ] ||
  fail "the second visitor's checks are $(jq -c '[.checks[].code]' <<<"$second")"
[ "$(jq -c .education.smk_major <<<"$second")" = '"AGRIBISNIS"' ] || fail "the SMK major is missing"

# Two receipts and the referral slip were printed; each receipt's QR verifies offline.
for n in 1 2; do
  verdict="$("$LOKET_BIN/kioskctl" verify-receipt --config "$work/kiosk/kiosk.toml" \
             --image "$work/receipts/receipt-000$n.png")" || fail "receipt $n does not verify: $verdict"
  [ "$(jq -r .valid <<<"$verdict")" = true ] || fail "receipt $n: $verdict"
done
[ -f "$work/receipts/receipt-0003.png" ] || fail "no referral slip was printed"
# The first visitor's receipt, scanned for "Cek status", was found genuine and followed.
ls "$work/screens" | grep -q -- '-status-id\.png$' || fail "the status of the first receipt was not shown"
grep -q '"receipt.hotline_not_set"' "$work.log" && fail "the kiosk has no hotline from the configuration"
echo "ok: 2 registrations held once each, every field as given, receipts verify, nothing of the child"
