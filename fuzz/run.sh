#!/usr/bin/env bash
# Runs the fuzz targets one after the other, each for SECONDS (default 600), at the lowest CPU
# priority, with the limits of issue 7: no input may take over 10 s or 512 MB.
#   fuzz/run.sh                 # every target, 10 minutes each
#   fuzz/run.sh 60 probe        # one target, one minute
# Needs cargo-fuzz (`cargo install cargo-fuzz`); works on the stable toolchain (no sanitizer).
# Logs go to fuzz/logs/<target>.log; a crash leaves its input in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(probe id3_roundtrip front_matter transcript chapter_time)
[ -d corpus ] || ./seed.sh
mkdir -p logs
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    echo "fuzzing $target for ${seconds}s"
    RUSTC_BOOTSTRAP=1 nice -n 19 cargo fuzz run --sanitizer none -O "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=512 -max_len=65536 \
        -print_final_stats=1 >"logs/$target.log" 2>&1 || {
        echo "$target FAILED: see fuzz/logs/$target.log"
        continue
    }
    grep -E '^(stat::number_of_executed_units|Done)' "logs/$target.log" || true
done
