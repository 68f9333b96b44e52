#!/usr/bin/env bash
# The benchmark command of docs/performance.md: installs what the whole-build harness compares carnets with
# (Debian: hugo, GNU time, ffmpeg to encode the audio once), then runs it. Arguments go to the
# harness: --episodes N (1000), --runs R (5), --scale M (5000; 0 skips it), --scale-runs S (1);
# --formats measures the alternate encodings (Opus, AAC) instead.
# The generated podcasts are kept under target/bench/ (1 GB per 1000 episodes).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
if ((${#missing[@]})); then
    echo "installing Debian packages: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cargo bench --bench build -- "$@"
