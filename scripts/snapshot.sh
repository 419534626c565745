#!/usr/bin/env bash
# Run a diakrit binary over the evaluation sets and write every output into one folder, so two builds can
# be compared byte for byte (a refactor must give `diff -r` nothing):
#
#   scripts/snapshot.sh /tmp/diakrit-before /tmp/snap-before
#   scripts/snapshot.sh target/release/diakrit /tmp/snap-after
#   diff -r /tmp/snap-before /tmp/snap-after && echo identical
#
# Sets: the mission document, ../shared/eval/dev (OCR and clean), the corpus handlingar and protocols;
# for each: `repair --edits`, `process --format jsonl --edits`, and `process --granularity section`.
set -euo pipefail
bin=$(realpath "$1")
out=$2
shared=${SHARED:-$(dirname "$0")/../../shared}
mkdir -p "$out"
run() { # name, inputs...
  local name=$1; shift
  "$bin" repair --edits "$out/$name.repair-edits.jsonl" "$@" > "$out/$name.repair.txt"
  "$bin" process --format jsonl --edits "$out/$name.process-edits.jsonl" "$@" > "$out/$name.process.jsonl"
  "$bin" process --granularity section "$@" > "$out/$name.sections.jsonl"
}
root=$(dirname "$0")/..
run mission "$root"/fixtures/goteborg-intraservice-ai-slutredovisning.ocr.txt "$root"/fixtures/goteborg-intraservice-ai-slutredovisning.gold.txt
run sections "$root"/fixtures/sections
run dev-ocr "$shared/eval/dev/ocr"
run dev-clean "$shared/eval/dev/clean"
run protokoll "$shared/corpus/goteborg/protokoll"
run handlingar "$shared/corpus/goteborg/handlingar"
"$bin" repair --join-hyphens "$shared/eval/dev/ocr" > "$out/dev-ocr.join-hyphens.txt"
"$bin" repair --min-confidence 0.9 "$shared/eval/dev/ocr" > "$out/dev-ocr.min-conf.txt"
for w in ndmnden var ar Al; do "$bin" explain "$w"; done > "$out/explain.txt"
"$bin" explain var --context "utifran var roll" >> "$out/explain.txt"
"$bin" eval "$shared/eval/dev/ocr" "$shared/eval/dev/clean" > "$out/eval.txt"
