#!/usr/bin/env python3
"""Aggregate counts from the clean Swedish corpus (../shared/corpus) for diakrit: no text, only counts.

Usage:
  python3 scripts/build_corpus_stats.py CORPUS_DIR --exclude DEV_CLEAN_DIR \
      --words data/corpus-words.tsv --context /tmp/context.tsv

Writes
  --words    `word<TAB>count<TAB>capitalised` for every word form seen at least MIN_WORD times
             (capitalised = how many of those were capitalised); build_lexicon.py adds the ones its
             sources lack (local names like Gårda, Renströmska; new compounds) to the lexicon.
  --context  `left<TAB>word<TAB>right<TAB>count` bigram counts around the ambiguous words: words that
             share a diacritic-folded form with another word of the corpus (är/år/ar, för/for, var/vår,
             här/har, …) plus `i` and `1`; `left` or `right` is empty for a one-sided bigram, `^` marks the
             start of a line, and both empty gives the word's own count. Bigrams seen fewer than
             MIN_BIGRAM times are dropped.

Documents whose names match a file in --exclude (the dev set: prot-ks-2024-04-24 = protokoll/ks-2024-04-24,
tu-2022-nr251 = handlingar/2022-nr251) are skipped, so dev figures stay a fair held-out measure.
"""
import argparse, collections, os, re, sys, unicodedata

MIN_WORD = 3
MIN_BIGRAM = 2
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", re.UNICODE)
FOLD = str.maketrans({'å': 'a', 'ä': 'a', 'ö': 'o', 'é': 'e'})
SKIP_CHUNK = re.compile(r"\S*(?:@|https?://|www\.|\w\.\w)\S*")


def excluded_names(dev_dir):
    out = set()
    if not dev_dir:
        return out
    for n in os.listdir(dev_dir):
        n = n[:-4] if n.endswith('.txt') else n
        if n.startswith('prot-'):
            out.add(('protokoll', n[5:]))
        elif n.startswith('tu-'):
            out.add(('handlingar', n[3:]))
    return out


def files(corpus, excluded):
    for root, _, names in os.walk(corpus):
        for n in sorted(names):
            if not n.endswith('.txt') or n == 'SOURCES.md':
                continue
            if (os.path.basename(root), n[:-4]) in excluded:
                continue
            yield os.path.join(root, n)


def lines(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            yield unicodedata.normalize('NFC', SKIP_CHUNK.sub(' ', line))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('corpus')
    ap.add_argument('--exclude')
    ap.add_argument('--words', required=True)
    ap.add_argument('--context', required=True)
    a = ap.parse_args()
    excluded = excluded_names(a.exclude)
    paths = list(files(a.corpus, excluded))
    print(f'build_corpus_stats: {len(paths)} files ({len(excluded)} dev documents excluded)', file=sys.stderr)

    forms = collections.Counter()
    caps = collections.Counter()
    for p in paths:
        for line in lines(p):
            for w in WORD.findall(line):
                if w.isdigit():
                    continue
                lw = w.lower()
                forms[lw] += 1
                if w[0].isupper():
                    caps[lw] += 1
    with open(a.words, 'w', encoding='utf-8') as out:
        out.write('# word\tcount\tcapitalised (counts from ../shared/corpus by scripts/build_corpus_stats.py)\n')
        for w, n in sorted(forms.items()):
            if n >= MIN_WORD and len(w) >= 2 and '-' not in w:
                out.write(f'{w}\t{n}\t{caps[w]}\n')

    groups = collections.defaultdict(set)
    for w, n in forms.items():
        if n >= MIN_WORD and '-' not in w:
            groups[w.translate(FOLD)].add(w)
    ambiguous = {w for g in groups.values() if len(g) > 1 for w in g} | {'i', '1'}
    print(f'build_corpus_stats: {len(ambiguous)} ambiguous words', file=sys.stderr)

    bi = collections.Counter()
    for p in paths:
        for line in lines(p):
            toks = [t.lower() for t in WORD.findall(line)]
            toks = ['1' if t == '1' else t for t in toks if not t.isdigit() or t == '1']
            prev = '^'
            for k, t in enumerate(toks):
                if t in ambiguous:
                    nxt = toks[k + 1] if k + 1 < len(toks) else ''
                    bi[(prev, t, '')] += 1
                    if nxt:
                        bi[('', t, nxt)] += 1
                    bi[('', t, '')] += 1
                prev = t
    with open(a.context, 'w', encoding='utf-8') as out:
        for (l, w, r), n in sorted(bi.items()):
            if n >= MIN_BIGRAM or (not l and not r):
                out.write(f'{l}\t{w}\t{r}\t{n}\n')


if __name__ == '__main__':
    main()
