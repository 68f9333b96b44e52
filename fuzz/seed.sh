#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, not committed) from the repository's test
# fixtures and episodes. Run once before `cargo fuzz run`; the fuzzers add what they find.
set -euo pipefail
cd "$(dirname "$0")"
repo=..
corpus=corpus
mkdir -p "$corpus"/{probe,id3_roundtrip,front_matter,transcript,chapter_time}

# MPEG frame reader: every fixture MP3 (cut to 64 KiB, the fuzzer's -max_len).
i=0
for mp3 in "$repo"/tests/fixtures/*/*.mp3 "$repo"/tests/fixtures/podcast/episodes/*/*.mp3 \
    "$repo"/episodes/*/*.mp3; do
    head -c 65536 "$mp3" >"$corpus/probe/fixture-$i"
    i=$((i + 1))
done

# episode.md files and the show's settings.
i=0
for md in "$repo"/episodes/*/episode.md "$repo"/tests/fixtures/podcast/episodes/*/episode.md; do
    cp "$md" "$corpus/front_matter/episode-$((i++))"
done

# Transcripts: first byte 0 = WebVTT, 1 = SubRip (made from the WebVTT ones).
i=0
for vtt in "$repo"/episodes/*/transcript.vtt; do
    { printf '\0'; cat "$vtt"; } >"$corpus/transcript/vtt-$i"
    { printf '\1'; tail -n +3 "$vtt" | sed -E '/-->/s/\.([0-9]{3})/,\1/g'; } >"$corpus/transcript/srt-$i"
    i=$((i + 1))
done

# Chapter times written in the episodes, and a few shapes the parser knows.
i=0
grep -ho 'start: "[^"]*"' "$repo"/episodes/*/episode.md "$repo"/tests/fixtures/podcast/episodes/*/episode.md |
    sed -E 's/start: "(.*)"/\1/' | while read -r t; do
    printf '%s' "$t" >"$corpus/chapter_time/written-$i"
    i=$((i + 1))
done
for t in 45 03:15 1:02:03.5 00:00.250 999999:59:59.999; do
    printf '%s' "$t" >"$corpus/chapter_time/shape-${t//[:.]/_}"
done
echo "seeded $(find "$corpus" -type f | wc -l) inputs in fuzz/$corpus/"
