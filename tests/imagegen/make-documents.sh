#!/usr/bin/env bash
# Generates the MRZ reader's document frames with a fixed seed, so every machine gets the same set.
#   tests/imagegen/make-documents.sh small OUT_DIR [BUILD_DIR]   # the ctest set: 36 readable + 24 others
#   tests/imagegen/make-documents.sh bench OUT_DIR [BUILD_DIR]   # the benchmark set: 400 readable
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
kind=${1:?small or bench}
out=${2:?output folder}
build=${3:-$root/build-release}
generator="$build/bin/make_document_images"
[[ -x $generator ]] || generator="$build/tests/imagegen/make_document_images"
[[ -x $generator ]] || { echo "make-documents: build make_document_images in $build first" >&2; exit 2; }
case $kind in
  small) exec env ASAN_OPTIONS=detect_leaks=0 "$generator" "$out" 36 20261129 --extras ;;
  bench) exec env ASAN_OPTIONS=detect_leaks=0 "$generator" "$out" 400 6060606 ;;
  *) echo "make-documents: small or bench, not $kind" >&2; exit 2 ;;
esac
