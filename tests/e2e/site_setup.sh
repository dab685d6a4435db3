# Sourced by the end-to-end tests that need a site of their own: takes their three arguments
# (SOURCE_DIR BIN_DIR WORK_DIR), empties WORK_DIR, and sets up the simulator and an enrolled kiosk
# there (scripts/site.sh), which gives $kiosk_conf and $sim_port. Defines fail().
src="$1"
export LOKET_BIN="$2"
work="$3"
cd "$src"
rm -rf "$work"
mkdir -p "$work"
. scripts/site.sh
site_up "$work" >"$work/site.log" 2>&1 || { cat "$work/site.log"; exit 1; }
fail() { echo "FAIL: $*"; exit 1; }
