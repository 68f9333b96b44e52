#!/usr/bin/env bash
# Benchmark of `carnets import` (not a test): a show of N episodes (default 1000) served by
# nginx on 127.0.0.1, imported with --jobs 4, against curl downloading the same files with
# 4 at a time (one curl process, --parallel) in the same run. Prints the feed's parse time (the `feed` stage of
# CARNETS_TRACE) against curl fetching the feed alone, and the MB/s of both.
#   scripts/bench-import.sh [EPISODES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
episodes=${1:-1000}
runs=${2:-3}
for tool in ffmpeg curl python3 /usr/sbin/nginx; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install ffmpeg curl nginx)"; exit 2; }
done
cargo build --release --quiet
carnets=$PWD/target/release/carnets
work=$PWD/target/bench-import
mkdir -p "$work/www/media"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
host="127.0.0.1:$port"

# Ten distinct two-minute MP3s (LAME through ffmpeg, 32 kbit/s, about 480 KB), linked under
# every episode's name: the transfer is what is measured, not the encoder.
for i in $(seq 0 9); do
    [ -f "$work/tone-$i.mp3" ] || ffmpeg -nostdin -v error -f lavfi -i "sine=frequency=$((300 + 20 * i)):duration=120" \
        -ac 1 -ar 22050 -c:a libmp3lame -b:a 32k "$work/tone-$i.mp3"
done
for n in $(seq 1 "$episodes"); do
    ln -f "$work/tone-$((n % 10)).mp3" "$work/www/media/ep-$n.mp3"
done
python3 - "$episodes" "$host" > "$work/www/feed.xml" <<'EOF'
import sys
n, host = int(sys.argv[1]), sys.argv[2]
words = "L'intelligence artificielle au service des PME : données, formation, outils et retours d'expérience".split()
notes = " ".join(words[i % len(words)] for i in range(400))
print('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel>')
print('<title>Banc</title><description>Un banc d\'essai.</description><language>fr</language><podcast:guid>0d9f5c36-2f6e-5a1e-9b36-3c1e2a4f5b6c</podcast:guid>')
print('<itunes:owner><itunes:name>Banc</itunes:name><itunes:email>banc@example.fr</itunes:email></itunes:owner><itunes:category text="Technology"/>')
for i in range(n, 0, -1):
    day, month = i % 28 + 1, i // 28 % 12 + 1
    year = 2000 + i // 336
    print(f'<item><title>Épisode {i} : les PME et l\'IA</title><guid isPermaLink="false">bench-{i}</guid>'
          f'<pubDate>{day:02d} {["Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec"][month-1]} {year} 08:00:00 +0100</pubDate>'
          f'<content:encoded><![CDATA[<p>{notes}</p><p><a href="https://exemple.fr/{i}">Lien</a></p>]]></content:encoded>'
          f'<enclosure url="http://{host}/media/ep-{i}.mp3" length="1" type="audio/mpeg"/><itunes:episode>{i}</itunes:episode></item>')
print('</channel></rss>')
EOF
cat > "$work/nginx.conf" <<EOF
daemon off; master_process off; worker_processes 1; user root;
pid $work/nginx.pid; error_log $work/error.log;
events { worker_connections 256; }
http {
  access_log off; sendfile on;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  types { audio/mpeg mp3; application/rss+xml xml; }
  server { listen $host; root $work/www; }
}
EOF
mkdir -p "$work/tmp"
/usr/sbin/nginx -p "$work" -c "$work/nginx.conf" -e "$work/error.log" &
nginx=$!
trap 'kill $nginx 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://$host/feed.xml"; do sleep 0.1; done

bytes=$(find "$work/www/media" -name '*.mp3' -printf '%s\n' | awk '{ s += $1 } END { print s }')
# One curl for every file, 4 transfers at a time (as `--jobs 4`): no process per file.
for n in $(seq 1 "$episodes"); do
    printf 'url = "http://%s/media/ep-%s.mp3"\noutput = "%s/curl/ep-%s.mp3"\n' "$host" "$n" "$work" "$n"
done > "$work/curl.conf"
now() { date +%s.%N; }
printf 'run  curl_feed_s  parse_stage_s  curl_files_s  import_s  curl_MB/s  import_MB/s\n'
for run in $(seq 1 "$runs"); do
    rm -rf "$work/curl" "$work/import"
    mkdir -p "$work/curl"
    t0=$(now); curl -s -o "$work/curl/feed.xml" "http://$host/feed.xml"; t1=$(now)
    curl -s --parallel --parallel-max 4 -K "$work/curl.conf"
    t2=$(now)
    CARNETS_TRACE=1 "$carnets" import "http://$host/feed.xml" --root "$work/import" --jobs 4 \
        --base-url https://banc.example/ 2> "$work/trace.txt" || { cat "$work/trace.txt"; exit 1; }
    t3=$(now)
    parse=$(awk '/trace: feed/ { print $3 / 1000 }' "$work/trace.txt")
    python3 -c "import sys; cf, c, i, b = map(float, sys.argv[1:5]); print(f'{sys.argv[5]:>3}  {cf:11.3f}  {float(sys.argv[6]):13.3f}  {c:12.2f}  {i:8.2f}  {b/c/1e6:9.0f}  {b/i/1e6:11.0f}')" \
        "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)" "$bytes" "$run" "$parse"
done
echo "($episodes episodes, $((bytes / 1000000)) MB of MP3s; import and curl both 4 at a time)"
