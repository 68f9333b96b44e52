#!/usr/bin/env bash
# Speaks the intro of an episode with espeak-ng (French voices) and encodes it with lame:
# mono, 22.05 kHz, 40 kbit/s CBR MP3 — a real MPEG stream for the show's episodes.
#
#   scripts/make-episode-audio.sh episodes/001-premier-bilan [...]
#
# The text is read from scripts/audio/<folder>.txt, one cue per line, `Speaker: text`
# (blank lines and lines starting with `#` are skipped). Each speaker has a voice below.
# A first line `#transcript` also writes <folder>/transcript.vtt: one WebVTT cue per line,
# with `<v Speaker>` voice tags and the exact times of each spoken segment.
# The MP3 is named after the folder without its number (`001-premier-bilan` → `premier-bilan.mp3`).
# The start time of every cue is printed, to place the chapters of episode.md.
#
# Needs espeak-ng, sox, ffmpeg and lame (Debian: `apt-get install espeak-ng sox ffmpeg lame`).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
gap=0.4 # seconds of silence between two cues

voice_of() {
  case "$1" in
    Animatrice) echo "fr+f3" ;;
    Animateur) echo "fr" ;;
    *) echo "unknown speaker '$1': add a voice in $0" >&2; exit 1 ;;
  esac
}

# espeak-ng reads some acronyms as words ("IA" as "ia"): spell them out for the voice only;
# the transcript keeps the written form.
spoken() { sed -E 's/\bIA\b/I A/g; s/\bTPE\b/T P E/g; s/\bPME\b/P M E/g; s/\bIMT\b/I M T/g' <<<"$1"; }

# Turns loudnorm's first-pass JSON into the options of its second pass.
measured_py='
import json, sys
m = json.load(sys.stdin)
keys = [("measured_I", "input_i"), ("measured_TP", "input_tp"), ("measured_LRA", "input_lra"),
        ("measured_thresh", "input_thresh"), ("offset", "target_offset")]
print(":".join(k + "=" + m[v] for k, v in keys))
'

timestamp() { # seconds (float) → HH:MM:SS.mmm
  awk -v t="$1" 'BEGIN { ms = int(t * 1000 + 0.5);
    printf "%02d:%02d:%02d.%03d", ms / 3600000, (ms / 60000) % 60, (ms / 1000) % 60, ms % 1000 }'
}

for dir in "$@"; do
  dir="${dir%/}"
  folder="$(basename "$dir")"
  text="$root/scripts/audio/$folder.txt"
  [[ -f $text ]] || { echo "no text for $folder: write $text" >&2; exit 1; }
  name="${folder#[0-9][0-9][0-9]-}"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT

  vtt=""
  [[ $(head -n1 "$text") == "#transcript" ]] && vtt="$dir/transcript.vtt"

  sox -R -n -r 22050 -c 1 -b 16 "$tmp/gap.wav" trim 0 "$gap"
  parts=()
  cues=()
  t=0
  i=0
  while IFS= read -r line || [[ -n $line ]]; do
    [[ -z $line || $line == \#* ]] && continue
    speaker="${line%%:*}"
    said="${line#*: }"
    i=$((i + 1))
    seg="$tmp/$(printf %03d $i).wav"
    espeak-ng -v "$(voice_of "$speaker")" -s 165 -w "$seg" "$(spoken "$said")"
    len="$(soxi -D "$seg")"
    end="$(awk -v a="$t" -v b="$len" 'BEGIN { printf "%.3f", a + b }')"
    printf '%s  %s: %s\n' "$(timestamp "$t")" "$speaker" "$said"
    cues+=("$(timestamp "$t") --> $(timestamp "$end")"$'\n'"<v $speaker>$said</v>")
    parts+=("$seg" "$tmp/gap.wav")
    t="$(awk -v a="$end" -v g="$gap" 'BEGIN { printf "%.3f", a + g }')"
  done <"$text"

  sox -R "${parts[@]}" "$tmp/joined.wav"
  # Synthetic speech has sharp peaks: compress them first, so that the level can come up to
  # -16 LUFS without the true peak passing -1 dBTP.
  ffmpeg -nostdin -v error -i "$tmp/joined.wav" \
    -af "acompressor=threshold=0.08:ratio=6:attack=2:release=80,alimiter=limit=0.5:level=false" \
    -bitexact "$tmp/spoken.wav"
  # Apple recommends -16 LUFS integrated with true peaks at most -1 dBTP (`carnets check`
  # measures both): ffmpeg's loudnorm levels the speech, at the same sample rate.
  # Two passes: measure, then apply one linear gain (a short clip fools the dynamic mode).
  target="I=-16:TP=-2:LRA=11" # true peak with room for the MP3 encoder
  measured="$(ffmpeg -nostdin -hide_banner -i "$tmp/spoken.wav" \
    -af "loudnorm=$target:print_format=json" -f null - 2>&1 | sed -n '/^{/,/^}/p' |
    python3 -c "$measured_py")"
  ffmpeg -nostdin -v error -i "$tmp/spoken.wav" -af "loudnorm=$target:$measured:linear=true" \
    -ar 22050 -ac 1 -bitexact "$tmp/episode.wav"
  lame --quiet -m m -b 40 --add-id3v2 --tt "$name" --ta "Cité de l'IA" \
    "$tmp/episode.wav" "$dir/$name.mp3"
  echo "wrote $dir/$name.mp3 ($(stat -c %s "$dir/$name.mp3") bytes, $(soxi -d "$tmp/episode.wav"))"

  if [[ -n $vtt ]]; then
    {
      echo "WEBVTT"
      for cue in "${cues[@]}"; do
        printf '\n%s\n' "$cue"
      done
    } >"$vtt"
    echo "wrote $vtt"
  fi
  rm -rf "$tmp"
  trap - EXIT
done
