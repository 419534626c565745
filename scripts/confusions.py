#!/usr/bin/env python3
"""Count OCR confusions in aligned OCR/gold word pairs: which gold substrings the OCR wrote as what.

Usage: confusions.py OCR_DIR GOLD_DIR [--top N]
Words are aligned with the same line pairing and Levenshtein alignment as ../shared/eval/wordmetrics.py
(imported from the path in WORDMETRICS or ../shared/eval). Each substituted word pair is aligned by
characters (difflib), and each differing span `gold -> ocr` is counted. Prints counts, most frequent first,
and the share of wrong words that are one or two character edits from the right word.
"""
import collections, difflib, os, sys

sys.path.insert(0, os.environ.get('WORDMETRICS', os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'eval')))
import wordmetrics as wm  # noqa: E402


def pairs(ocr, gold):
    ol, gl = ocr.replace('\f', '\n').split('\n'), gold.replace('\f', '\n').split('\n')
    for i, j in wm.pair_lines(ol, gl).items():
        o, g = wm.words(ol[i]), wm.words(gl[j])
        _, al = wm._lev_pairs(o, g)
        for oi, gi in al:
            yield o[oi], g[gi]


def main():
    od, gd = sys.argv[1], sys.argv[2]
    top = int(sys.argv[sys.argv.index('--top') + 1]) if '--top' in sys.argv else 60
    spans, words, n_wrong, n_pairs = collections.Counter(), collections.Counter(), 0, 0
    for name in sorted(os.listdir(gd)):
        if not name.endswith('.txt'):
            continue
        ocr = open(os.path.join(od, name), encoding='utf-8').read()
        gold = open(os.path.join(gd, name), encoding='utf-8').read()
        for o, g in pairs(ocr, gold):
            n_pairs += 1
            if o == g:
                continue
            n_wrong += 1
            words[(g, o)] += 1
            sm = difflib.SequenceMatcher(None, g, o, autojunk=False)
            for tag, a, b, c, d in sm.get_opcodes():
                if tag != 'equal':
                    spans[(g[a:b], o[c:d])] += 1
    print(f'# {n_pairs} aligned word pairs, {n_wrong} differ')
    for (g, o), n in spans.most_common(top):
        print(f'{n}\t{g!r} -> {o!r}')
    print('# most frequent wrong words')
    for (g, o), n in words.most_common(top):
        print(f'{n}\t{g} -> {o}')


if __name__ == '__main__':
    main()
