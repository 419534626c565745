#!/usr/bin/env bash
# fuzz/run.sh [SECONDS [TARGET...]]: run every fuzz target (or those named) for SECONDS (default 600) one after another, seeded with pieces of the fixtures;
# prints each target's last status lines (executions, coverage) and fails when a target finds a crash.
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -u
cd "$(dirname "$0")/.."
secs=${1:-600}
failed=0
targets=("${@:2}")
[ ${#targets[@]} -gt 0 ] || targets=(decode tokenize repair segment ocrxml)
for t in "${targets[@]}"; do
  mkdir -p fuzz/corpus/$t
  if [ -z "$(ls -A fuzz/corpus/$t)" ]; then
    n=0
    if [ "$t" = ocrxml ]; then
      # A format byte (0 ALTO, 1 hOCR, 2 PAGE) and the first 4000 bytes of an XML fixture.
      for pair in "0 fixtures/xml/mission-p1.alto.xml" "1 fixtures/xml/mission-p1.hocr" "2 fixtures/xml/mission-p1.page.xml"; do
        set -- $pair
        { printf "\\$(printf '%03o' "$1")"; head -c 4000 "$2"; } > "fuzz/corpus/$t/seed$1"
      done
    else
      for f in fixtures/*.txt fixtures/sections/*.txt; do
        split -b 2000 -d -a 3 "$f" "fuzz/corpus/$t/seed$n-"; n=$((n+1))
      done
    fi
  fi
  echo "== $t"
  log=$(mktemp)
  cargo +nightly fuzz run -O "$t" -- -max_total_time="$secs" -max_len=4096 -rss_limit_mb=2048 >"$log" 2>&1
  status=$?
  grep -E "^#[0-9]+.*(DONE|pulse)|Done [0-9]+ runs|SUMMARY|panicked|ERROR" "$log" | tail -3
  if [ $status -ne 0 ]; then
    echo "fuzz target $t failed (status $status); see fuzz/artifacts/$t" >&2
    tail -30 "$log" >&2
    failed=1
  fi
  rm -f "$log"
done
exit $failed
