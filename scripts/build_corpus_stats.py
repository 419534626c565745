#!/usr/bin/env python3
"""Aggregate counts from the clean Swedish corpus (../shared/corpus) for diakrit: no text, only counts.

Usage:
  python3 scripts/build_corpus_stats.py CORPUS_DIR --exclude DEV_CLEAN_DIR [--heldout data/heldout.tsv] \
      --words data/corpus-words.tsv --context /tmp/context.tsv

Writes
  --words    `word<TAB>count<TAB>capitalised` for every word form seen at least MIN_WORD times
             (capitalised = how many of those were capitalised); build_lexicon.py adds the ones its
             sources lack (local names like Gårda, Renströmska; new compounds) to the lexicon.
  --context  the word-context model, a line per fact (examples/build_context.rs compiles it):
             `N<TAB><TAB>tokens`; `U<TAB>word<TAB>count` for every word; `T<TAB>word<TAB>n` the number of
             distinct words seen after it (for Witten-Bell smoothing); `B<TAB>left<TAB>right<TAB>count` for
             every bigram seen at least MIN_BIGRAM times (`^` marks the start of a line); `A<TAB>word` for
             the ambiguous words: those that share a diacritic-folded form with another word of the corpus
             (är/år/ar, för/for, var/vår, här/har, …), plus `i` and `1`. Numbers count as `1`, `<y>` (a
             year) or `<n>`.

Documents whose names match a file in --exclude (the dev set: prot-ks-2024-04-24 = protokoll/ks-2024-04-24,
tu-2022-nr251 = handlingar/2022-nr251) are skipped, so dev figures stay a fair held-out measure; so are the
documents and line ranges listed in --heldout (`path<TAB>first-last` lines, path relative to the corpus, an
empty range for the whole file): the sources of the evaluation sets made from the corpus.
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


def number_class(t):
    """A number as the context model sees it: `1` as itself (it may be a misread `i`), a year 1800-2099 as
    `<y>`, any other number as `<n>` (diakrit::repair::Context::number_class does the same)."""
    if not t.isdigit() or t == '1':
        return t
    return '<y>' if len(t) == 4 and t[:2] in ('18', '19', '20') else '<n>'


def read_heldout(path):
    """{relative path: [(first, last)] line ranges (1-based, inclusive) or None for the whole file}."""
    out = collections.defaultdict(list)
    if not path:
        return out
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        f = line.rstrip('\n').split('\t')
        rng = f[1].strip() if len(f) > 1 else ''
        if not rng:
            out[f[0]] = None
        elif out[f[0]] is not None:
            a, b = rng.split('-')
            out[f[0]].append((int(a), int(b)))
    return out


def files(corpus, excluded, heldout):
    for root, _, names in os.walk(corpus):
        for n in sorted(names):
            if not n.endswith('.txt') or n == 'SOURCES.md':
                continue
            if (os.path.basename(root), n[:-4]) in excluded:
                continue
            rel = os.path.relpath(os.path.join(root, n), corpus)
            if rel in heldout and heldout[rel] is None:
                continue
            yield os.path.join(root, n), heldout.get(rel, [])


def lines(path, ranges=()):
    with open(path, encoding='utf-8', errors='replace') as f:
        for k, line in enumerate(f, 1):
            if any(a <= k <= b for a, b in ranges):
                continue
            yield unicodedata.normalize('NFC', SKIP_CHUNK.sub(' ', line))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('corpus')
    ap.add_argument('--exclude')
    ap.add_argument('--heldout')
    ap.add_argument('--words', required=True)
    ap.add_argument('--context', required=True)
    a = ap.parse_args()
    excluded = excluded_names(a.exclude)
    heldout = read_heldout(a.heldout)
    paths = list(files(a.corpus, excluded, heldout))
    print(f'build_corpus_stats: {len(paths)} files ({len(excluded)} dev documents excluded, '
          f'{len(heldout)} held out in whole or part)', file=sys.stderr)

    forms = collections.Counter()
    caps = collections.Counter()
    for p, ranges in paths:
        for line in lines(p, ranges):
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

    uni = collections.Counter()
    bi = collections.Counter()
    for p, ranges in paths:
        for line in lines(p, ranges):
            toks = [number_class(t.lower()) for t in WORD.findall(line)]
            prev = '^'
            for t in toks:
                uni[t] += 1
                bi[(prev, t)] += 1
                prev = t
    followers = collections.Counter(l for (l, _) in bi)
    with open(a.context, 'w', encoding='utf-8') as out:
        out.write(f'N\t\t{sum(uni.values())}\n')
        for w, n in sorted(uni.items()):
            out.write(f'U\t{w}\t{n}\n')
        out.write(f"U\t^\t{sum(n for (l, _), n in bi.items() if l == '^')}\n")
        for w, n in sorted(followers.items()):
            out.write(f'T\t{w}\t{n}\n')
        for (l, r), n in sorted(bi.items()):
            if n >= MIN_BIGRAM:
                out.write(f'B\t{l}\t{r}\t{n}\n')
        for w in sorted(ambiguous):
            out.write(f'A\t{w}\n')


if __name__ == '__main__':
    main()
