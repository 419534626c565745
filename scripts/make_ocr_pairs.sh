#!/usr/bin/env bash
# Make OCR/clean pairs for estimating the channel: real Tesseract output of clean corpus texts.
# Usage: scripts/make_ocr_pairs.sh CORPUS_HANDLINGAR_DIR DEV_CLEAN_DIR OUT_DIR [N]
# Takes N handlingar (default 40) that are not dev documents, cuts each to its first 120 lines,
# and OCRs it with ../shared/eval/ocr-sim.py, alternating eng/swe (3:1, as in archives), four fonts
# and a seed per file. Needs tesseract-ocr(-eng,-swe), fonts-dejavu, fonts-liberation2, pillow.
set -euo pipefail
src=$1 dev=$2 out=$3 n=${4:-40}
sim=$(dirname "$0")/../../shared/eval/ocr-sim.py
[ -f "$sim" ] || sim=${OCR_SIM:?set OCR_SIM to ocr-sim.py}
mkdir -p "$out/clean" "$out/ocr"
fonts=(/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
       /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf)
i=0
for f in $(ls "$src" | sort); do
  name=${f%.txt}
  [ -e "$dev/tu-$name.txt" ] && continue
  [ $i -ge $n ] && break
  head -n 120 "$src/$f" > "$out/clean/$f"
  lang=eng; [ $((i % 4)) -eq 3 ] && lang=swe
  echo "$f $lang ${fonts[$((i % 4))]} $((1000 + i))"
  i=$((i + 1))
done | xargs -P 2 -L 1 sh -c 'python3 "$0" "'"$out"'/clean/$1" "'"$out"'/ocr/$1" --lang "$2" --font "$3" --seed "$4" 2>/dev/null' "$sim"
