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
# Needs espeak-ng, sox and lame (Debian: `apt-get install espeak-ng sox lame`).
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

  sox -R "${parts[@]}" "$tmp/episode.wav"
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
