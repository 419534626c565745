#!/usr/bin/env bash
# Run every fuzz target for SECONDS (default 600) one after another, seeded with pieces of the fixtures;
# prints each target's last status line (executions, coverage). Needs a nightly toolchain and cargo-fuzz.
set -u
cd "$(dirname "$0")/.."
secs=${1:-600}
for t in decode tokenize repair segment; do
  mkdir -p fuzz/corpus/$t
  if [ -z "$(ls -A fuzz/corpus/$t)" ]; then
    n=0
    for f in fixtures/*.txt fixtures/sections/*.txt; do
      split -b 2000 -d -a 3 "$f" "fuzz/corpus/$t/seed$n-"; n=$((n+1))
    done
  fi
  echo "== $t"
  cargo +nightly fuzz run -O "$t" -- -max_total_time="$secs" -max_len=4096 -rss_limit_mb=2048 2>&1 \
    | grep -E "^#[0-9]+.*(DONE|pulse)|Done [0-9]+ runs|SUMMARY|panicked|ERROR" | tail -3
done
