#!/usr/bin/env python3
"""Build diakrit's Swedish lexicon from registry packages, as a sorted TSV that
`cargo run --release --example build_lexicon` compiles into `data/lexicon.fst`.

Sources (see data/LEXICON.md for versions and licences):
  forms        PyPI hunspell-sv (sv_SE.dic/.aff), expanded by scripts/expand_hunspell.py
  frequencies  PyPI wordfreq, Swedish 'large' list (Zipf scale, 1.00 .. 9.00)

Usage:
  pip install wordfreq==3.1.1 hunspell-sv==2026.10.25 spylls==0.1.7
  python3 scripts/build_lexicon.py > /tmp/lexicon.tsv
  cargo run --release --example build_lexicon -- /tmp/lexicon.tsv data/lexicon.fst

Output lines: `key<TAB>zipf100<TAB>hunspell_bits<TAB>flags`, key lowercased (NFC), sorted by UTF-8 bytes.
  zipf100        round(Zipf * 100) from wordfreq, 0 when wordfreq does not list the word
  hunspell_bits  1 standalone form, 2 compound begin, 4 compound middle, 8 compound end
  flags          1 valid word, 2 Hunspell writes it capitalised only (a name), 4 all capitals (acronym)

Which words are valid:
  - every standalone Hunspell form;
  - a wordfreq word that Hunspell lacks, if it is made of letters, has Zipf >= WORDFREQ_MIN and is not
    the diacritic-stripped spelling of another word of the lexicon (wordfreq's web text lists
    `goteborg`, `fran`, `pa`: these must not count as words, or repair would keep them).
"""
import os, subprocess, sys, sysconfig, unicodedata
from collections import defaultdict

import wordfreq

WORDFREQ_MIN = 2.0
FOLD = str.maketrans({'å': 'a', 'ä': 'a', 'ö': 'o', 'é': 'e', 'è': 'e', 'à': 'a', 'ü': 'u'})


def hunspell_base():
    for root in (sysconfig.get_paths()['data'], sys.prefix, '/usr'):
        p = os.path.join(root, 'share', 'hunspell', 'sv_SE')
        if os.path.exists(p + '.dic'):
            return p
    sys.exit('build_lexicon: sv_SE.dic not found; pip install hunspell-sv')


def main():
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
    accented = defaultdict(set)
    for k in keys:
        f = k.translate(FOLD)
        if f != k:
            accented[f].add(k)

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
