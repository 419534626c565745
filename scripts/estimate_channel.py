#!/usr/bin/env python3
"""Estimate the OCR channel from aligned OCR/gold pairs: counts and costs, no text.

Usage: estimate_channel.py OCR_DIR GOLD_DIR [OCR_DIR GOLD_DIR ...] > data/channel.tsv

Words are aligned as ../shared/eval/wordmetrics.py aligns them (line pairing by trigrams, Levenshtein within
lines). Each wrong word is aligned to its gold word character by character (difflib); every differing
span `gold -> ocr` of at most two characters on each side is a confusion. Its opportunities are the
occurrences of the gold span in all aligned gold words (right or wrong), so the estimate is
P(ocr | gold) = (confusions + 0.5) / (opportunities + 1), and the cost is -log10 of that, the unit of
the Zipf prior. Lowercased. Output: `ocr<TAB>gold<TAB>count<TAB>opportunities<TAB>cost`, most frequent
first, for confusions seen at least MIN_COUNT times.
"""
import collections, difflib, math, os, sys

sys.path.insert(0, os.environ.get('WORDMETRICS', os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'eval')))
import wordmetrics as wm  # noqa: E402,F401  (loaded for confusions.pairs)

sys.path.insert(0, os.path.dirname(__file__))
from confusions import pairs as cased_pairs  # noqa: E402


def pairs(ocr, gold):
    """Aligned (ocr word, gold word) pairs, lowercased."""
    for o, g in cased_pairs(ocr, gold):
        yield o.lower(), g.lower()

MIN_COUNT = 3


def main(args):
    conf = collections.Counter()
    golds = []
    for od, gd in zip(args[0::2], args[1::2]):
        for name in sorted(os.listdir(gd)):
            if not name.endswith('.txt') or not os.path.exists(os.path.join(od, name)):
                continue
            ocr = open(os.path.join(od, name), encoding='utf-8').read()
            gold = open(os.path.join(gd, name), encoding='utf-8').read()
            for o, g in pairs(ocr, gold):
                golds.append(g)
                if o == g or abs(len(o) - len(g)) > 3:
                    continue
                for tag, a, b, c, d in difflib.SequenceMatcher(None, g, o, autojunk=False).get_opcodes():
                    if tag != 'equal' and b - a <= 2 and d - c <= 2:
                        conf[(o[c:d], g[a:b])] += 1
    opp = collections.Counter()
    spans = {g for _, g in conf}
    for g in golds:
        for s in spans:
            if s:
                opp[s] += g.count(s)
    total_chars = sum(len(g) for g in golds)
    out = sys.stdout
    out.write('# ocr\tgold\tcount\topportunities\tcost (scripts/estimate_channel.py)\n')
    for (o, g), n in conf.most_common():
        if n < MIN_COUNT:
            break
        k = opp[g] if g else total_chars  # a dropped letter can happen anywhere
        p = (n + 0.5) / (k + 1)
        out.write(f'{o}\t{g}\t{n}\t{k}\t{-math.log10(p):.3f}\n')


if __name__ == '__main__':
    main(sys.argv[1:])
