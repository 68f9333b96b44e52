#!/usr/bin/env bash
# The README's test command: installs every tool the conformance tests read our output with
# (Debian packages, PyPI and npm packages), then runs the whole suite with those tools required:
# under CARNETS_CONFORMANCE=1 a missing tool fails its test instead of skipping it.
set -euo pipefail
cd "$(dirname "$0")/.."

# util-linux and mount: the fault-injection tests mount a small tmpfs in a private namespace
# (unshare, mount) and drop root's file-permission bypass (setpriv).
# hugo and GNU time: `cargo test --all-targets` also runs the benchmark harness, at N = 10.
# nginx plays the old host of `carnets import`, and serves every deploy target; gpodder (its
# `gpo`) is the podcast app that moves and that downloads what was deployed.
# The deploy tests' servers: openssh-server (an SFTP host), nginx with its WebDAV module (a
# WebDAV server, and HTTPS in front of every target), openssl (their throwaway certificates),
# curl (to ask the S3 server), rsync (the deploy benchmark's baseline); nsenter comes with
# util-linux.
debian_packages=(ffmpeg lame espeak-ng sox chromium util-linux mount hugo time
    openssh-server openssh-client nginx libnginx-mod-http-dav-ext openssl curl gpodder rsync)
missing=()
for tool in ffmpeg ffprobe lame espeak-ng sox chromium unshare setpriv mount mkfifo hugo /usr/bin/time \
    /usr/sbin/sshd ssh ssh-keygen /usr/sbin/nginx /usr/lib/nginx/modules/ngx_http_dav_ext_module.so \
    openssl curl gpo rsync nsenter; do
    command -v "$tool" >/dev/null 2>&1 || [ -e "$tool" ] || missing+=("$tool")
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
