#!/usr/bin/env python3
"""Count the first names of people named with a party in the clean corpus: `Förnamn Efternamn (S)`.

Usage:
  python3 scripts/build_first_names.py ../shared/corpus --exclude ../shared/eval/dev/clean > data/first_names.tsv

Writes `name<TAB>count` for each first name seen at least MIN times: the first word of two to four
capitalised words followed by a party in parentheses, in the Göteborg protocols and handlingar and the
Riksdag interpellations. Titles that stand in that position (Statsrådet, Ordföranden, Kommunalrådet) and
ordinary words (written in lowercase in the same texts more often than as such a name: Yrkanden, but
not Axel or Karin) are dropped. Counts only, no text. The segmenter
uses the list to split a signature line that names two people (`Carina Helgesson Björk Peter Söderström`).
Dev documents are skipped, as in build_corpus_stats.py.
"""
import argparse, collections, os, re, sys

MIN = 3
PARTY = r"(?:S|M|L|C|V|D|KD|MP|SD|FP|Fp|Kd|Mp|Sd|Fi|Nyd|NYD|Pp)"
NAME = re.compile(r"\b(\w+)(?= (?:[A-ZÅÄÖÉ][\w-]+ ){0,2}[A-ZÅÄÖÉ][\w-]+ \(" + PARTY + r"\))")
TITLE = re.compile(r"(rådet|minister|ministern|föranden|förande|ledamoten|ersättaren|rådets|talman|talmannen)$")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('corpus')
    ap.add_argument('--exclude', help='dev clean dir: documents of the same name are skipped')
    a = ap.parse_args()
    skip = set()
    if a.exclude:
        for n in os.listdir(a.exclude):
            n = n[:-4]
            skip.add(n.split('-', 1)[1] + '.txt')
    counts = collections.Counter()
    lower = collections.Counter()
    files = []
    for sub in ('goteborg/protokoll', 'goteborg/handlingar'):
        d = os.path.join(a.corpus, sub)
        files += [os.path.join(d, n) for n in sorted(os.listdir(d)) if n not in skip]
    files.append(os.path.join(a.corpus, 'riksdagen/interpellationer.txt'))
    for p in files:
        with open(p, encoding='utf-8') as f:
            text = f.read()
            lower.update(w for w in re.findall(r"\b[a-zåäöé]+\b", text))
            for m in NAME.finditer(text):
                w = m.group(1)
                if w[0].isupper() and w[1:].islower() and len(w) >= 2:
                    counts[w] += 1
    print('# name\tcount (scripts/build_first_names.py; first words of names written with a party)')
    for w, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        if n >= MIN and not TITLE.search(w.lower()) and lower[w.lower()] <= n:
            print(f'{w}\t{n}')


if __name__ == '__main__':
    main()
