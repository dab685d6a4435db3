# A site on one machine, for the demo and the end-to-end tests: the national server simulator on
# loopback and one kiosk enrolled with it, its store and keys in a folder, its first sync done
# (configuration and catalogues). Sourced, not run:
#   . scripts/site.sh; site_up OUT_DIR
# after which $kiosk_conf is the kiosk's settings file, $sim_port the simulator's HTTP port and
# $sim_pid its process (stopped when the calling shell exits). $bin names the built programs
# (LOKET_BIN, default build/bin).

bin="${LOKET_BIN:-build/bin}"

# The kiosk's settings: its store and keys in OUT/kiosk, its receipts drawn as PNGs in
# OUT/receipts, its USB stick the folder OUT/usb-stick (plugged in while the folder exists); the
# server's address and keys once the simulator has said them.
site_settings() {
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
$2
[devices.printer]
backend = "simulated"
output_dir = "$1/receipts"

[devices.usb_storage]
backend = "simulated"
folder = "$1/usb-stick"
TOML
}

# The simulator on a port the system picks, with one enrolment token, its files in OUT/server;
# sets $sim_pid (stopped when the calling shell exits) and $sim_port.
sim_up() {
  local out="$1" token="$2"
  mkdir -p "$out/server"
  "$bin/national-server-sim" --db "$out/server/sim.db" --enrolment-token "$token" \
      >"$out/server/stdout.txt" 2>"$out/server/stderr.txt" &
  sim_pid=$!
  trap 'kill $sim_pid 2>/dev/null || true' EXIT
  for _ in $(seq 100); do [ -s "$out/server/stdout.txt" ] && break; sleep 0.1; done
  sim_port="$(head -n 1 "$out/server/stdout.txt" | jq -r .http_port)"
}

site_up() {
  local out="$1"
  mkdir -p "$out/kiosk" "$out/server"
  kiosk_conf="$out/kiosk/kiosk.toml"
  # A one-time enrolment token, as the ministry issues one to the technician (made up per run).
  local token
  token="ENROL-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  sim_up "$out" "$token"

  # First-start provisioning as a technician does it: the settings with the server's address,
  # then the enrolment, which makes the kiosk's key, registers it and writes the server's keys.
  site_settings "$out" "server_url = \"http://127.0.0.1:$sim_port\"
" >"$kiosk_conf"
  echo "$token" | "$bin/kioskctl" enrol --config "$kiosk_conf" --write >"$out/server/enrolment.json"

  # The kiosk's first start makes its store; its first sync brings the configuration and the
  # catalogues (the official job openings, the regions, the training programmes).
  echo "wait-for attract" >"$out/kiosk/first-start.txt"
  env -u DISPLAY -u WAYLAND_DISPLAY "$bin/kiosk" --config "$kiosk_conf" \
      --script "$out/kiosk/first-start.txt" --screenshots "$out/kiosk/first-start" >/dev/null
  "$bin/kioskctl" sync now --config "$kiosk_conf" >"$out/server/first-sync.json"
}
