#!/usr/bin/env bash
# The Debian package as CPack builds it from this build: its control fields (version, the run-time
# dependencies the libraries do not name), its files where the kiosk looks for them, maintainer
# scripts that parse; then, unpacked into a folder, the installed kiosk and kioskctl run from
# their installed paths: versions, devices, and the headless demo on the installed assets.
# (Installing it for real with dpkg -i changes the machine: README "Installing on a kiosk".)
#   package_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
src=$1
build=$2
work=$3
fail() { echo "package_test: $*" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
version=$(sed -n 's/^project(loket VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[[ -n "$version" ]] || fail "no version in CMakeLists.txt"

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" \
      -D CPACK_DEBIAN_COMPRESSION_TYPE=gzip >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb="$work/out/loket_${version}_amd64.deb"
[[ -f "$deb" ]] || fail "no $deb: $(ls "$work/out")"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[[ "$(field Package)" == loket ]] || fail "package name $(field Package)"
[[ "$(field Version)" == "$version" ]] || fail "version $(field Version), not $version"
depends=$(field Depends)
for needed in cage fonts-noto-core espeak-ng opencv-data adduser libsdl2-2.0-0 libzxing2 libsqlite3-0 libcurl4; do
  grep -Eq "(^|, )$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed: $depends"
done

# Files.
listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
for file in ./usr/bin/kiosk ./usr/bin/kioskctl ./usr/share/loket/assets/i18n/id.json \
            ./usr/share/loket/assets/i18n/en.json ./usr/share/loket/assets/scenarios/demo.txt \
            ./usr/share/loket/kiosk.example.toml ./lib/systemd/system/loket-kiosk.service \
            ./lib/udev/rules.d/90-loket-usb-stick.rules \
            ./usr/share/doc/loket/README.md; do
  grep -qx -- "$file" <<<"$listing" || fail "the package lacks $file"
done
dpkg-deb -e "$deb" "$work/control"
for script in postinst prerm postrm; do
  [[ -x "$work/control/$script" ]] || fail "no executable $script"
  sh -n "$work/control/$script" || fail "$script does not parse"
done
dpkg-deb -x "$deb" "$work/root"
unit="$work/root/lib/systemd/system/loket-kiosk.service"
grep -q '^Type=notify$' "$unit" || fail "the unit does not wait for READY"
grep -q '^WatchdogSec=' "$unit" || fail "the unit has no watchdog"
grep -q '^ExecStart=/usr/bin/cage .* /usr/bin/kiosk --config /etc/loket/kiosk.toml$' "$unit" ||
  fail "the unit does not start the kiosk in cage: $(grep ExecStart "$unit")"
if command -v systemd-analyze >/dev/null; then
  # Only the unit's own syntax: the binaries it names are not installed on this machine.
  systemd-analyze verify "$unit" 2>&1 | grep -Ev 'Command /usr/bin/cage is not executable|not found' \
    | grep -E 'Unknown|Failed|Invalid|unknown' && fail "systemd-analyze finds faults in the unit"
fi

# The installed programs from their installed paths.
export ASAN_OPTIONS=detect_leaks=0
bin="$work/root/usr/bin"
[[ "$("$bin/kiosk" --version)" == "kiosk $version" ]] || fail "kiosk --version: $("$bin/kiosk" --version)"
[[ "$("$bin/kioskctl" --version)" == "kioskctl $version" ]] || fail "kioskctl --version"

# The demo site's settings: a store and keys in the folder, a simulated printer.
mkdir -p "$work/site/receipts"
(cd "$src" && bin="$bin" && . scripts/site.sh && site_settings "$work/site" "") >"$work/site/kiosk.toml"
devices=$("$bin/kioskctl" devices --config "$work/site/kiosk.toml") || fail "kioskctl devices: $devices"
jq -e '.service == "in_service" and
       ([.components[] | select(.component == "receipt_printer" and .state == "ready")] | length) == 1' \
  <<<"$devices" >/dev/null || fail "the installed kioskctl does not see the printer ready: $devices"

(cd "$work" && env -u DISPLAY -u WAYLAND_DISPLAY -u LOKET_ASSETS_DIR "$bin/kiosk" --no-screenshots \
  >"$work/demo.out" 2>"$work/demo.err") || { cat "$work/demo.err" >&2; fail "the installed kiosk's demo failed"; }
grep -q "assets from $work/root/usr/share/loket/assets" "$work/demo.err" ||
  fail "the installed kiosk did not use its installed assets: $(grep 'assets from' "$work/demo.err")"
grep -q "played: .*demo.txt" "$work/demo.err" || fail "the demo did not play: $(tail -3 "$work/demo.err")"
echo "package_test: $deb ok"
