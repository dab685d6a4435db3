#!/usr/bin/env bash
# The visitors' journeys end to end: the demo visit (two registrations, one under-age stop, a
# returnee's check-in)
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

[ -s "$work/kiosk/kiosk.log" ] || fail "the kiosk wrote no log"
# The kiosk's log of the whole demo (visitors and officer) holds none of the visitors' personal
# values: NIKs (the child's too), names, passport numbers, phone numbers, addresses, birth places,
# employer, the complaint's words. Each is matched without regard to case.
for canary in 3578015506950001 3329012003900004 3578015003120002 3329015508900007 "Siti Aminah" \
              "SITI<AMINAH" "Agus Setiawan" "Dewi Lestari" "DEWI<LESTARI" X1234567 Y7654321 081234567890 \
              081298765432 085712345678 085798765432 "Jalan Contoh" "Dusun Contoh" Surabaya Brebes \
              "Keluarga Contoh" "Gaji tiga bulan"; do
  if grep -qiF -- "$canary" "$work/kiosk/kiosk.log"; then
    fail "the kiosk's log holds a visitor's personal value: $(grep -iF -- "$canary" "$work/kiosk/kiosk.log" | head -n 1 | cut -c1-80)"
  fi
done
[ -n "$port" ] || fail "no simulator port"
held="$(jq -c '.submissions' "$work/server/submissions.json")"

# Exactly the two registrations, the check-in and the officer's three decisions, each received
# once, nothing from the under-age visitor.
[ "$(jq length <<<"$held")" = 6 ] || fail "the server holds $(jq length <<<"$held") submissions, not 6"
[ "$(jq '[.[] | select(.received_count != 1)] | length' <<<"$held")" = 0 ] || fail "a submission arrived twice"
[ "$(jq -c '[.[].kind] | sort' <<<"$held")" = \
  '["registration","registration","returnee_checkin","staff_decision","staff_decision","staff_decision"]' ] ||
  fail "the kinds held are $(jq -c '[.[].kind]' <<<"$held")"
payloads="$(jq -c '[.[] | select(.kind == "registration") | .payload | @base64d | fromjson] | sort_by(.identity.nik)' <<<"$held")"
grep -q 3578015003120002 <<<"$payloads" && fail "the under-age visitor's NIK reached the server"

# Every answer of the first visitor, as she gave it.
first="$(jq -c '.[] | select(.identity.nik == "3578015506950001")' <<<"$payloads")"
expect() {
  local got
  got="$(jq -c "$1" <<<"$first")"
  [ "$got" = "$2" ] || fail "$1 is $got, expected $2"
}
# Nothing but the registration's members, each checked below.
members='["bpjs_number","certificates","checks","consent","created_at","document_images","documents","education","identity","kind","kiosk_id","languages","medical_check","missing_skills","personal","photo_jpeg_base64","placement","previous_migration","schema","site_id","work_experience"]'
expect keys "$members"
[ "$(jq -c keys <<<"$(jq -c '.[] | select(.identity.nik == "3329012003900004")' <<<"$payloads")")" = "$members" ] ||
  fail "the second registration's members differ"
expect .schema 1
expect '.created_at | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")' true
expect '.consent | del(.text_sha256)' '{"version":"2026-11","purposes":["registration","training"]}'
expect '.consent.text_sha256 | test("^[0-9a-f]{64}$")' true
expect '.identity | del(.passport)' '{"nik":"3578015506950001","nik_birth_date":"1995-06-15","nik_sex":"F","family_card_qr":null}'
expect .identity.passport '{"mrz":"P<IDNCONTOH<<SITI<AMINAH<<<<<<<<<<<<<<<<<<<<\nX1234567<7IDN9506158F3101012<<<<<<<<<<<<<<02","number":"X1234567","surname":"CONTOH","given_names":"SITI AMINAH","nationality":"IDN","birth_date":"1995-06-15","expiry_date":"2031-01-01"}'
expect .kind '"registration"'
expect .kiosk_id '"KIOSK-DEMO-01"'
expect .site_id '"LTSA-DEMO"'
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
expect .documents '{"marital_status":"have","family_permission":"not_yet","competence":"not_yet","health":"scanned","passport":"have","work_visa":"not_yet","placement_agreement":"not_yet","employment_agreement":"not_yet"}'
# Her health certificate, photographed at the kiosk once she held it still (the blurred try was
# refused on screen): one JPEG, of the kiosk's size, and no picture of anything else.
expect '.document_images | keys' '["health"]'
jq -r .document_images.health <<<"$first" | base64 -d >"$work/health.jpg"
[ "$(head -c 3 "$work/health.jpg" | od -An -tx1 | tr -d ' ')" = ffd8ff ] || fail "the health certificate is not a JPEG"
[ "$(stat -c %s "$work/health.jpg")" -gt 20000 ] || fail "the health certificate's picture is too small to read"
ls "$work/screens" | grep -q -- '-document-scan-blurred\.png$' || fail "the blurred picture was not refused on screen"
expect '[.checks[].code]' '[]'
expect .missing_skills '["lang.yue"]'

# The second: an offer outside the official list, with money asked of him.
second="$(jq -c '.[] | select(.identity.nik == "3329012003900004")' <<<"$payloads")"
[ "$(jq -c '[.checks[].code]' <<<"$second")" = '["offer.not_listed","offer.fee_asked"]' ] ||
  fail "the second visitor's checks are $(jq -c '[.checks[].code]' <<<"$second")"
[ "$(jq -c .education.smk_major <<<"$second")" = '"AGRIBISNIS"' ] || fail "the SMK major is missing"
[ "$(jq -c .document_images <<<"$second")" = '{}' ] || fail "the second visitor photographed no document"

# The returnee's check-in, every member as she gave it and nothing else.
checkin="$(jq -c '.[] | select(.kind == "returnee_checkin") | .payload | @base64d | fromjson' <<<"$held")"
got="$(jq -c 'del(.created_at, .consent.text_sha256)' <<<"$checkin")"
want='{"kind":"returnee_checkin","schema":1,"kiosk_id":"KIOSK-DEMO-01","site_id":"LTSA-DEMO","consent":{"version":"2026-11","purposes":["checkin","updates"]},"identity":{"nik":"3329015508900007","passport":{"mrz":"P<IDNCONTOH<<DEWI<LESTARI<<<<<<<<<<<<<<<<<<<\nY7654321<2IDN9008157F3001019<<<<<<<<<<<<<<00","number":"Y7654321","surname":"CONTOH","given_names":"DEWI LESTARI","nationality":"IDN","birth_date":"1990-08-15","expiry_date":"2030-01-01"},"registration_receipt":null},"personal":{"name":"DEWI LESTARI","regency_code":"3329","phone":"085712345678","children_left_behind":"one"},"work":{"country":"HK","city":"KOWLOON","employer":"KELUARGA CONTOH","agency":"PT PENEMPATAN UJI TIGA","position":"PENGASUH LANSIA","contract_start":"2022-08","contract_end":"2026-07"},"return":{"arrival_date":"2026-11-20","port":"cgk","reason":"early_termination"},"rights_issues":["unpaid_wages","documents_held"],"complaint":{"category":"unpaid_wages","text":"GAJI TIGA BULAN TIDAK DIBAYAR","priority":true},"needs":["health_check"],"interests":["kur_credit","domestic_job"],"desks":["complaints_information","immigration","health","banking","employment"]}'
[ "$got" = "$want" ] || fail "the check-in held is $got"
[ "$(jq -r .consent.text_sha256 <<<"$checkin" | grep -cE '^[0-9a-f]{64}$')" = 1 ] || fail "the check-in's consent hash is missing"

# The officer's decisions, each on the record it names: the complaint referred, the first
# registration approved without its work visa (an override the supervisor signed off), the second
# rejected with its reason.
id_of() { jq -r --arg nik "$1" '.[] | select(.kind != "staff_decision") |
            select((.payload | @base64d | fromjson).identity.nik == $nik) | .id' <<<"$held"; }
decision_on() { jq -c --arg id "$1" '[.[] | select(.kind == "staff_decision") | .payload | @base64d | fromjson |
                  select(.subject.submission_id == $id)]' <<<"$held"; }
strip='del(.[0].decided_at, .[0].subject.submission_id)'
all_valid="$(jq -c '[.[] | {document: ., original_seen: true, verdict: "valid", reason_code: null, note: null}]' \
  <<<'["marital_status","family_permission","competence","health","passport","work_visa","placement_agreement","employment_agreement"]')"
none_reviewed="$(jq -c '[.[] | {document: ., original_seen: false, verdict: "not_reviewed", reason_code: null, note: null}]' \
  <<<'["marital_status","family_permission","competence","health","passport","work_visa","placement_agreement","employment_agreement"]')"
expect_decision() {
  local got
  got="$(decision_on "$(id_of "$1")" | jq -c "$strip")"
  [ "$got" = "$2" ] || fail "the decision on $1 is $got, expected $2"
}
head='"kind":"staff_decision","schema":1,"kiosk_id":"KIOSK-DEMO-01","site_id":"LTSA-DEMO"'
by='"decided_by":{"staff_id":"STF-0001","role":"officer"},"signed_off_by":null'
expect_decision 3329015508900007 "[{$head,\"subject\":{\"kind\":\"returnee_checkin\"},\"decision\":\"refer\",\"reason_code\":null,\"referral_category\":\"refer.complaint_escalation\",\"note\":null,\"documents\":$none_reviewed,\"corrections\":[],\"overrides\":[],$by}]"
visa_missing="$(jq -c '.[5] = {document: "work_visa", original_seen: false, verdict: "missing", reason_code: "doc.missing", note: null}' <<<"$all_valid")"
signed='"decided_by":{"staff_id":"STF-0001","role":"officer"},"signed_off_by":{"staff_id":"STF-0003","role":"supervisor"}'
expect_decision 3578015506950001 "[{$head,\"subject\":{\"kind\":\"registration\"},\"decision\":\"approve\",\"reason_code\":null,\"referral_category\":null,\"note\":null,\"documents\":$visa_missing,\"corrections\":[],\"overrides\":[\"override.documents_not_valid\"],$signed}]"
expect_decision 3329012003900004 "[{$head,\"subject\":{\"kind\":\"registration\"},\"decision\":\"reject\",\"reason_code\":\"reject.not_eligible\",\"referral_category\":null,\"note\":null,\"documents\":$none_reviewed,\"corrections\":[],\"overrides\":[],$by}]"

# Two registration receipts, the referral slip and the check-in receipt were printed; each
# receipt's QR verifies offline.
for n in 1 2 4; do
  verdict="$("$LOKET_BIN/kioskctl" verify-receipt --config "$work/kiosk/kiosk.toml" \
             --image "$work/receipts/receipt-000$n.png")" || fail "receipt $n does not verify: $verdict"
  [ "$(jq -r .valid <<<"$verdict")" = true ] || fail "receipt $n: $verdict"
done
[ -f "$work/receipts/receipt-0003.png" ] || fail "no referral slip was printed"
# The first visitor's receipt, scanned for "Cek status", was found genuine and followed.
ls "$work/screens" | grep -q -- '-status-id\.png$' || fail "the status of the first receipt was not shown"
grep -q '"receipt.hotline_not_set"' "$work.log" && fail "the kiosk has no hotline from the configuration"
# The audit chain the kiosk kept through all of it is whole.
audit="$("$LOKET_BIN/kioskctl" audit verify --db "$work/kiosk/kiosk.db")" || fail "the audit chain: $audit"
[ "$(jq -r .intact <<<"$audit")" = true ] || fail "the audit chain: $audit"
# Each decision is in the audit chain by the officer who made it.
decided="$(sqlite3 "$work/kiosk/kiosk.db" "SELECT count(*) FROM audit WHERE actor = 'STF-0001' AND action = 'record.created'")"
[ "$decided" = 3 ] || fail "$decided decisions audited by the officer, expected 3"
signoffs="$(sqlite3 "$work/kiosk/kiosk.db" "SELECT count(*) FROM audit WHERE actor = 'STF-0003' AND action = 'record.decision.signed_off'")"
[ "$signoffs" = 1 ] || fail "$signoffs sign-offs audited by the supervisor, expected 1"
# The day's report was printed, by the officer, after the decisions; it names no one.
[ -f "$work/receipts/receipt-0005.png" ] || fail "the day's report was not printed"
[ ! -e "$work/receipts/receipt-0006.png" ] || fail "more was printed than the visit asked for"
printed="$(sqlite3 "$work/kiosk/kiosk.db" "SELECT count(*) FROM audit WHERE actor = 'STF-0001' AND action = 'staff.report_printed'")"
[ "$printed" = 1 ] || fail "$printed report prints audited, expected 1"
ls "$work/screens" | grep -q -- '-staff-report-id\.png$' || fail "the report was not shown"
# The same day's figures from the database: 2 registrations, the check-in, 3 decisions, 1 child
# stopped; the printer's state as the kiosk last saw it.
report="$("$LOKET_BIN/kioskctl" report --config "$work/kiosk/kiosk.toml")" || fail "kioskctl report: $report"
figures="$(jq -c '[.records.registration, .records.returnee_checkin, .records.staff_decision, .under_age_stops.day]' <<<"$report")"
[ "$figures" = "[2,1,3,1]" ] || fail "the day's figures are $figures: $report"
printer="$(jq -c '[.devices[] | select(.device == "receipt_printer") | .state]' <<<"$report")"
[ "$printer" = '["ready"]' ] || fail "the printer's state in the report is $printer: $report"
echo "ok: 2 registrations, a check-in and 3 decisions held once each, every field as given, receipts verify, nothing of the child"
