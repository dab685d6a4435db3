#!/usr/bin/env bash
# run_fuzzer.sh FUZZER SEED_DIR WORK_DIR SECONDS
# Fuzzes from a fresh copy of the seeds (new inputs never land in the source tree) with a fixed
# seed, and prints the number of executions. Any crash, leak or sanitizer report fails the test.
set -euo pipefail
fuzzer=$1 seeds=$2 work=$3 seconds=$4
rm -rf "$work" && mkdir -p "$work/corpus" "$work/artifacts"
cp "$seeds"/* "$work/corpus/"
"$fuzzer" -seed=1 -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" 2>"$work/log" || { tail -50 "$work/log"; exit 1; }
grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$work/log"
echo "$(basename "$fuzzer"): $(grep -oE 'number_of_executed_units: [0-9]+' "$work/log" | grep -oE '[0-9]+') executions in ${seconds}s, no crash"
