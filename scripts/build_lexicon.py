#!/usr/bin/env python3
"""Build diakrit's Swedish lexicon from registry packages, as a sorted TSV that
`cargo run --release --example build_lexicon` compiles into `data/lexicon.fst`.

Sources (see data/LEXICON.md for versions and licences):
  forms        PyPI hunspell-sv (sv_SE.dic/.aff), expanded by scripts/expand_hunspell.py
  frequencies  PyPI wordfreq, Swedish 'large' list (Zipf scale, 1.00 .. 9.00)

Usage:
  pip install wordfreq==3.1.1 hunspell-sv==2026.10.25 spylls==0.1.7
  python3 scripts/build_corpus_stats.py ../shared/corpus --exclude ../shared/eval/dev/clean \
      --words /tmp/corpus-words.tsv --context /tmp/context.tsv
  python3 scripts/build_lexicon.py --corpus-words /tmp/corpus-words.tsv > /tmp/lexicon.tsv
  cargo run --release --example build_lexicon -- /tmp/lexicon.tsv data/lexicon.fst

Output lines: `key<TAB>zipf100<TAB>hunspell_bits<TAB>flags`, key lowercased (NFC), sorted by UTF-8 bytes.
  zipf100        round(Zipf * 100) from wordfreq, 0 when wordfreq does not list the word
  hunspell_bits  1 standalone form, 2 compound begin, 4 compound middle, 8 compound end
  flags          1 valid word, 2 Hunspell writes it capitalised only (a name), 4 all capitals (acronym);
                 8 (settled) is set afterwards by `examples/settle_lexicon.rs` (data/LEXICON.md, step 5)

Which words are valid:
  - a word of the clean corpus (../shared/corpus, counts by build_corpus_stats.py) seen at least
    CORPUS_MIN times that neither source has and that is no stripped spelling (local names: Gårda,
    Renströmska, Fogelklou; new compounds); its Zipf is estimated from its corpus count, and it is a name
    when it is capitalised in at least 90% of its uses. A listed word more frequent in the corpus than
    wordfreq says (tjänsteutlåtande: 1.25 in wordfreq) gets the corpus estimate;
  - every standalone Hunspell form;
  - a wordfreq word that Hunspell lacks, if it is made of letters, has Zipf >= WORDFREQ_MIN and is not
    the diacritic-stripped spelling of another word of the lexicon (wordfreq's web text lists
    `goteborg`, `fran`, `pa`: these must not count as words, or repair would keep them).
"""
import math, os, subprocess, sys, sysconfig, unicodedata
from collections import defaultdict

import wordfreq

WORDFREQ_MIN = 2.0
CORPUS_MIN = 5
FOLD = str.maketrans({'å': 'a', 'ä': 'a', 'ö': 'o', 'é': 'e', 'è': 'e', 'à': 'a', 'ü': 'u'})


def hunspell_base():
    for root in (sysconfig.get_paths()['data'], sys.prefix, '/usr'):
        p = os.path.join(root, 'share', 'hunspell', 'sv_SE')
        if os.path.exists(p + '.dic'):
            return p
    sys.exit('build_lexicon: sv_SE.dic not found; pip install hunspell-sv')


def corpus_words(path):
    """word -> (count, capitalised) from build_corpus_stats.py's --words file, and the total count."""
    out, total = {}, 0
    if not path:
        return out, 0
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#'):
                continue
            w, n, c = line.rstrip('\n').split('\t')
            out[w] = (int(n), int(c))
            total += int(n)
    return out, total


def main():
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus-words')
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    forms = subprocess.run([sys.executable, os.path.join(here, 'expand_hunspell.py'), hunspell_base()],
                           check=True, capture_output=True, text=True).stdout
    hbits = defaultdict(int)
    cases = defaultdict(set)  # key -> set of 'lower' / 'title' / 'upper'
    for line in forms.splitlines():
        form, bits = line.split('\t')
        bits = int(bits)
        if bits == 0:
            continue
        form = unicodedata.normalize('NFC', form)
        key = form.lower()
        hbits[key] |= bits
        if bits & 1:
            cases[key].add('upper' if form.isupper() and len(form) > 1 else
                           'title' if form[:1].isupper() else 'lower')

    zipf = {}
    for i, bucket in enumerate(wordfreq.get_frequency_list('sv', wordlist='large')):
        for w in bucket:
            w = unicodedata.normalize('NFC', w.lower())
            if w not in zipf:
                zipf[w] = 900 - i

    keys = set(hbits) | {w for w in zipf if w.isalpha()}
    # fold key -> keys with diacritics that fold to it
    extra_flags = {}
    accented = defaultdict(set)
    for k in keys:
        f = k.translate(FOLD)
        if f != k:
            accented[f].add(k)

    corpus, corpus_total = corpus_words(args.corpus_words)

    def corpus_zipf(n):
        # Zipf from a corpus count, a little below the raw estimate: board texts repeat their own words.
        return max(100, min(700, round(100 * (9 + math.log10(n / corpus_total)) - 50)))

    added = raised = 0
    for w, (n, c) in corpus.items():
        if n < CORPUS_MIN or not w.isalpha() or len(w) < 2:
            continue
        known = hbits.get(w, 0) & 1 or zipf.get(w, 0) >= WORDFREQ_MIN * 100
        if known:
            # A word of the lists that board texts use more than the web does (tjänsteutlåtande) gets the
            # frequency of the board texts.
            if corpus_zipf(n) > zipf.get(w, 0):
                zipf[w] = corpus_zipf(n)
                raised += 1
        elif len(w) >= 3 and not accented.get(w):
            keys.add(w)
            zipf[w] = max(zipf.get(w, 0), corpus_zipf(n))
            extra_flags[w] = 1 | (2 if c >= 0.9 * n else 0)
            added += 1
    print(f"build_lexicon: {added} words added from the corpus, {raised} frequencies raised", file=sys.stderr)

    rows = []
    for k in keys:
        hb = hbits.get(k, 0)
        z = zipf.get(k, 0)
        flags = 0
        if hb & 1:
            flags |= 1
        elif z >= WORDFREQ_MIN * 100 and k.isalpha() and not accented.get(k):
            flags |= 1
        c = cases.get(k, set())
        if c and 'lower' not in c:
            flags |= 4 if c == {'upper'} else 2
        flags |= extra_flags.get(k, 0)
        if flags == 0 and hb == 0:
            continue  # a wordfreq entry that is no word of its own: stripped spelling or noise
        rows.append((k.encode('utf-8'), z, hb, flags))
    rows.sort()
    out = sys.stdout
    for k, z, hb, flags in rows:
        out.write(f"{k.decode('utf-8')}\t{z}\t{hb}\t{flags}\n")
    print(f"build_lexicon: {len(rows)} keys, {sum(1 for r in rows if r[3] & 1)} valid",
          file=sys.stderr)


if __name__ == '__main__':
    main()
