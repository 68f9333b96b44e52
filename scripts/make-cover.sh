#!/usr/bin/env bash
# Generates the show artwork `cover.jpg` (3000×3000, RGB JPEG): a typographic cover that
# looks like the ruled page of a notebook ("carnet"), with the title set in DejaVu Serif.
#
# Needs ffmpeg (with the drawtext filter, i.e. libfreetype) and the DejaVu fonts
# (Debian: `apt-get install ffmpeg fonts-dejavu-core`). Run from anywhere:
#   scripts/make-cover.sh [OUTPUT]      (default: cover.jpg at the repository root)
# The output is deterministic for a given ffmpeg and font version.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/cover.jpg}"
fonts=/usr/share/fonts/truetype/dejavu
serif_bold="$fonts/DejaVuSerif-Bold.ttf"
serif_italic="$fonts/DejaVuSerif-Italic.ttf"
sans="$fonts/DejaVuSans.ttf"
sans_bold="$fonts/DejaVuSans-Bold.ttf"
for f in "$serif_bold" "$serif_italic" "$sans" "$sans_bold"; do
  [[ -f $f ]] || { echo "missing font $f (apt-get install fonts-dejavu-core)" >&2; exit 1; }
done

size=3000
ink=0x14213D      # background: deep ink blue
paper=0xF5EFE0    # text: warm paper
rule=0x2B3A5C     # the ruled lines of the page
margin=0xE76F51   # the red margin line of a school notebook
accent=0xF4A259   # accent bar

# drawtext reads its text from files: no filtergraph escaping of apostrophes and accents.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
printf '%s' "Les Carnets" >"$tmp/t1"
printf '%s' "de l’IA" >"$tmp/t2"
printf '%s' "Le podcast de la Cité de l’IA" >"$tmp/t3"
printf '%s' "L’intelligence artificielle au service des TPE et PME" >"$tmp/t4"
printf '%s' "LILLE · HAUTS-DE-FRANCE" >"$tmp/t5"

# Ruled lines every 150 px and a vertical margin line, like a notebook page.
filters="drawgrid=w=$size:h=150:t=4:c=$rule"
filters+=",drawbox=x=330:y=0:w=10:h=$size:c=$margin:t=fill"
filters+=",drawbox=x=450:y=1845:w=900:h=36:c=$accent:t=fill"
filters+=",drawtext=fontfile=$serif_bold:textfile=$tmp/t1:fontsize=360:fontcolor=$paper:x=450:y=900"
filters+=",drawtext=fontfile=$serif_bold:textfile=$tmp/t2:fontsize=360:fontcolor=$paper:x=450:y=1320"
filters+=",drawtext=fontfile=$serif_italic:textfile=$tmp/t3:fontsize=120:fontcolor=$paper:x=450:y=2060"
filters+=",drawtext=fontfile=$sans:textfile=$tmp/t4:fontsize=72:fontcolor=$paper@0.8:x=450:y=2270"
filters+=",drawtext=fontfile=$sans_bold:textfile=$tmp/t5:fontsize=84:fontcolor=$accent:x=450:y=420"

ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "color=c=$ink:s=${size}x${size}:d=1" \
  -vf "$filters,format=yuvj444p" -frames:v 1 -q:v 3 "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
