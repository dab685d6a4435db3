#!/usr/bin/env bash
# Generates the camera-like barcode frames (1280x720 JPEG, one code each, QR / PDF417 / DataMatrix /
# Aztec / Code 128 in turn) and their manifest.tsv with tests/imagegen/make_code_images. The seeds
# are fixed, so every machine gets the same images:
#
#   tests/imagegen/make-images.sh ci    OUT [BUILD_DIR]   # 80 frames, seed 6: what ctest generates itself
#   tests/imagegen/make-images.sh bench OUT [BUILD_DIR]   # 1000 frames, seed 11: for tests/bench/barcode_bench
#
# BUILD_DIR (default build-release) must hold bin/make_code_images; it is built there if missing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
kind=${1:-}
out=${2:-}
build=${3:-$root/build-release}
case "$kind" in
  ci) seed=6 count=80 ;;
  bench) seed=11 count=1000 ;;
  *) echo "usage: $0 ci|bench OUT [BUILD_DIR]" >&2; exit 2 ;;
esac
[[ -n "$out" ]] || { echo "usage: $0 ci|bench OUT [BUILD_DIR]" >&2; exit 2; }
if [[ ! -x "$build/bin/make_code_images" ]]; then
  cmake --build "$build" --target make_code_images
fi
"$build/bin/make_code_images" --out "$out" --seed "$seed" --count "$count"
