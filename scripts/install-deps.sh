#!/usr/bin/env bash
# Installs the Debian 12 packages that Loket needs to build, test and run, and nothing else.
# Only missing packages are installed; a machine that has them all is left untouched.
# Runs as root, or through sudo when started by another user.
#   scripts/install-deps.sh           what the kiosk and its tests need
#   scripts/install-deps.sh --bench   also the programs the benchmarks compare against
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  # fuzzing (clang's libFuzzer) and sanitizer runtimes
  clang libclang-rt-14-dev
  # libraries
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
  libsqlite3-dev libsodium-dev libcurl4-openssl-dev
  nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # receipt QR codes (drivers/printer), read back in its tests
  libzxing-dev
  # the national server simulator (tests/national_server): HTTP and HTTPS server, TLS
  libcpp-httplib-dev libssl-dev openssl
  # the kiosk's settings file (kiosk/sync reads its part with toml++)
  libtomlplusplus-dev
  # the kiosk's log (kiosk/app/kiosk_log.h): standard error for the journal, or a rotating file
  libspdlog-dev
  # cameras (drivers/camera): only the OpenCV modules used, found by cmake/OpenCVModules.cmake;
  # libopencv-dev would bring every module with Qt, VTK and MPI
  libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev libopencv-videoio-dev
  # vision (kiosk/vision): face and eye cascades, and the OCR-B font the MRZ reader learns from
  # and the test documents are printed in
  libopencv-objdetect-dev opencv-data fonts-ocr-b
  # the face photo's tests: a public-domain portrait in matplotlib's sample data (2.7 MB; read where
  # the package installs it, never copied into the repository)
  python-matplotlib-data
  # runtime: the fonts, and the voice that reads each screen's instruction aloud (espeak-ng's
  # Indonesian and English voices)
  fonts-noto-core espeak-ng
  # the headless demo (scripts/demo.sh) reads the simulator's answers; the end-to-end tests also
  # read the kiosk's audit log
  jq curl sqlite3
)

if [[ "${1:-}" == "--bench" ]]; then
  # tests/bench compares the kiosk's decoders with these on the same images
  packages+=(zxing-cpp-tools zbar-tools tesseract-ocr)
elif [[ $# -gt 0 ]]; then
  echo "install-deps: unknown argument $1 (only --bench)" >&2
  exit 2
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
