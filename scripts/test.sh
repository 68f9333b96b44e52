#!/usr/bin/env bash
# The README's test command: installs every tool the conformance tests read our output with
# (Debian packages, PyPI and npm packages), then runs the whole suite with those tools required:
# under CARNETS_CONFORMANCE=1 a missing tool fails its test instead of skipping it.
set -euo pipefail
cd "$(dirname "$0")/.."

# util-linux and mount: the fault-injection tests mount a small tmpfs in a private namespace
# (unshare, mount) and drop root's file-permission bypass (setpriv).
# hugo and GNU time: `cargo test --all-targets` also runs the benchmark harness, at N = 10.
# nginx plays the old host of `carnets import`, gpodder (its `gpo`) the podcast app that moves
# (and subscribes to a feed with every element carnets writes).
debian_packages=(ffmpeg lame espeak-ng sox chromium util-linux mount hugo time nginx gpodder)
missing=()
for tool in ffmpeg ffprobe lame espeak-ng sox chromium unshare setpriv mount mkfifo hugo /usr/bin/time /usr/sbin/nginx gpo; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
    echo "installing Debian packages for: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${debian_packages[@]}" >/dev/null
fi

python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r tests/requirements.txt
if [ -f tests/js/package-lock.json ]; then
    npm ci --silent --no-audit --no-fund --prefix tests/js
fi

cargo fmt --check
python3 scripts/module-graph.py
cargo clippy --all-targets --quiet -- -D warnings
CARNETS_CONFORMANCE=1 cargo test --all-targets "$@"
