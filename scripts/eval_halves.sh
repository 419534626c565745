#!/usr/bin/env bash
# Score diakrit on the tune and the report half of ../shared/eval/dev and ../shared/eval/real-dev, OCR side
# and clean side (repair of the gold text itself: every change there is harm).
#
#   scripts/eval_halves.sh [BIN] [SHARED]      BIN: a diakrit binary (default target/release/diakrit),
#                                              SHARED: the shared folder (default ../shared)
#
# The halves are fixed lists of file names in eval/splits/ (each group of files sorted by sha1 of its name
# and dealt alternately: dev by prot-/tu-, real-dev by era 1906-19 / 1920-69 / 1970-2005). Thresholds are
# tuned on the tune halves only; the report halves are what a held-out measure looks like. real-dev is
# scored on all its words (as the archive is) and with --skip-edges (without the first and last word of
# each line, which may be fragments of words cut when the lines were taken out of their pages).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$here/target/release/diakrit}
SHARED=${2:-$here/../shared}
WM=$SHARED/eval/wordmetrics.py
if [ ! -f "$WM" ]; then
  echo "eval_halves.sh: no $WM: this script needs the shared evaluation data (pass its folder as the second argument)" >&2
  exit 2
fi
if [ ! -x "$BIN" ]; then
  echo "eval_halves.sh: no diakrit binary at $BIN (run cargo build --release first)" >&2
  exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

score() { # NAME OCR_DIR GOLD_DIR [--skip-edges]
  local name=$1 ocr=$2 gold=$3 skip=${4:-}
  "$BIN" repair --out-dir "$tmp/$name.out" "$ocr" 2>/dev/null
  "$BIN" repair --out-dir "$tmp/$name.clean" "$gold" 2>/dev/null
  local r c
  r=$(python3 "$WM" $skip --dirs "$ocr" "$tmp/$name.out" "$gold" | tail -1)
  c=$(python3 "$WM" $skip --dirs "$gold" "$tmp/$name.clean" "$gold" | tail -1 | sed 's/.*changed //')
  printf '%-28s %s | clean text changed %s\n' "$name${skip:+ (skip-edges)}" "${r#ALL: }" "$c"
}

for set in dev realdev; do
  case $set in
    dev) src=$SHARED/eval/dev; gold=clean ;;
    realdev) src=$SHARED/eval/real-dev/adjudicated; gold=gold ;;
  esac
  for half in tune report; do
    d=$tmp/$set-$half
    mkdir -p "$d/ocr" "$d/gold"
    while IFS= read -r n; do
      ln -s "$src/ocr/$n" "$d/ocr/$n"
      ln -s "$src/$gold/$n" "$d/gold/$n"
    done < "$here/eval/splits/$set-$half.txt"
    score "$set-$half" "$d/ocr" "$d/gold"
    if [ $set = realdev ]; then score "$set-$half" "$d/ocr" "$d/gold" --skip-edges; fi
  done
done
