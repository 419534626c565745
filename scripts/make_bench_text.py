#!/usr/bin/env python3
"""Varied OCR-like text for throughput measurements, made from the clean corpus in ../shared/corpus.

Each corpus file (Göteborg protocols and handlingar, Riksdag interpellations in chunks) gets a damage profile
drawn at random, at the rates the learned channel measured (`data/channel.tsv`: how often Tesseract read each
text span as another, counts and opportunities):

- stripped (half the files): an engine without å, ä, ö; every confusion of the table at its measured rate;
- light (three in ten): a good engine on a degraded scan; the confusions that keep å, ä, ö, at a third of
  their rate;
- clean (one in five): no damage.

The corpus is passed over again with new draws until the output reaches the size asked, so a second pass is
not a repeat of the first (different words are damaged, differently). Files are separated by form feeds.
The output is for measuring only and stays outside the repository (the corpus's text may not be committed).

    python3 scripts/make_bench_text.py --mb 100 --out /tmp/varied-100.txt [--clean] [--seed 1]

`--clean` writes the corpus text undamaged (the clean-text figures).
"""
import argparse
import glob
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "shared", "corpus")


def channel():
    rules = []
    with open(os.path.join(HERE, "..", "data", "channel.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            ocr, gold, count, opp, _ = line.rstrip("\n").split("\t")
            if not gold:
                continue
            rules.append((gold, ocr, int(count) / int(opp)))
    return rules


def documents():
    """The corpus as documents: one per Göteborg file, Riksdag interpellations in runs of 40 lines."""
    for path in sorted(glob.glob(os.path.join(CORPUS, "goteborg", "*", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            yield f.read()
    path = os.path.join(CORPUS, "riksdagen", "interpellationer.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        for i in range(0, len(lines), 40):
            yield "\n".join(lines[i : i + 40])


def damage(text, rules, rng, rate, keep_diacritics):
    """Apply the channel: at each position, the rules whose gold span starts there, each at its rate × `rate`."""
    by_first = {}
    for gold, ocr, p in rules:
        if keep_diacritics and any(c in "åäöÅÄÖ" for c in gold):
            continue
        by_first.setdefault(gold[0], []).append((gold, ocr, p * rate))
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        low = c.lower()
        done = False
        for gold, ocr, p in by_first.get(low, ()):
            if text[i : i + len(gold)].lower() == gold and rng.random() < p:
                out.append(ocr.upper() if c.isupper() and ocr else ocr)
                i += len(gold)
                done = True
                break
        if not done:
            out.append(c)
            i += 1
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, required=True, help="size of the output in megabytes")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--clean", action="store_true", help="no damage")
    a = ap.parse_args()
    if not os.path.isdir(CORPUS):
        sys.exit(f"no corpus at {CORPUS}")
    rules = channel()
    rng = random.Random(a.seed)
    want = int(a.mb * 1_000_000)
    written = 0
    with open(a.out, "w", encoding="utf-8") as out:
        while written < want:
            for doc in documents():
                if a.clean:
                    text = doc
                else:
                    r = rng.random()
                    if r < 0.5:
                        text = damage(doc, rules, rng, 1.0, False)
                    elif r < 0.8:
                        text = damage(doc, rules, rng, 0.33, True)
                    else:
                        text = doc
                piece = text.rstrip("\n") + "\n\f"
                out.write(piece)
                written += len(piece.encode("utf-8"))
                if written >= want:
                    break
    print(f"{a.out}: {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
