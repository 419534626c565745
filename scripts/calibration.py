#!/usr/bin/env python3
"""How often diakrit's edits are right, by confidence: a calibration table for the dev set.

Usage: calibration.py EDITS.jsonl OCR_DIR GOLD_DIR
  (EDITS.jsonl from `diakrit repair --edits EDITS.jsonl --out-dir /tmp/x OCR_DIR`)

An edit is right when, after it, the word it made equals the gold word aligned to the OCR word
(lines paired and words aligned as ../shared/eval/wordmetrics.py does); edits of words on unpaired lines
are not counted. Prints, per confidence band, the number of edits and the share that are right, and the
precision of all edits at or above a few thresholds.
"""
import collections, json, os, re, sys

sys.path.insert(0, os.environ.get('WORDMETRICS', os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'eval')))
import wordmetrics as wm  # noqa: E402

WORD = re.compile(r'[^\W_]+')


def main(edits_path, od, gd):
    by_file = collections.defaultdict(list)
    for line in open(edits_path, encoding='utf-8'):
        e = json.loads(line)
        by_file[os.path.basename(e['file'])].append(e)
    results = []  # (confidence, right)
    for name, edits in by_file.items():
        ocr = open(os.path.join(od, name), encoding='utf-8').read()
        gold = open(os.path.join(gd, name), encoding='utf-8').read()
        raw = ocr.encode('utf-8')
        ol, gl = ocr.replace('\f', '\n').split('\n'), gold.replace('\f', '\n').split('\n')
        pairs = wm.pair_lines(ol, gl)
        starts, pos = [], 0
        for l in ol:
            starts.append(pos)
            pos += len(l) + 1
        for e in edits:
            a = len(raw[:e['span'][0]].decode('utf-8'))
            li = max(i for i, s in enumerate(starts) if s <= a)
            if li not in pairs:
                continue
            line = ol[li]
            col = a - starts[li]
            words = [(m.start(), m.group()) for m in WORD.finditer(line)]
            idx = [k for k, (s, w) in enumerate(words) if s <= col + len(e['from']) and s + len(w) >= col]
            if not idx:
                continue
            o = [w for _, w in words]
            g = wm.words(gl[pairs[li]])
            _, al = wm._lev_pairs(o, g)
            o2g = dict(al)
            k = idx[0]
            if k not in o2g:
                results.append((e['confidence'], False))
                continue
            made = WORD.findall(e['to'])
            results.append((e['confidence'], bool(made) and made[0] == g[o2g[k]]))
    bands = [(0.5, 0.7), (0.7, 0.9), (0.9, 0.97), (0.97, 0.995), (0.995, 1.01)]
    print('band\tedits\tright')
    for lo, hi in bands:
        r = [ok for c, ok in results if lo <= c < hi]
        if r:
            print(f'[{lo}, {min(hi, 1.0)}]\t{len(r)}\t{sum(r) / len(r):.3f}')
    print('threshold\tedits\tprecision')
    for t in (0.5, 0.7, 0.9, 0.97):
        r = [ok for c, ok in results if c >= t]
        print(f'>= {t}\t{len(r)}\t{sum(r) / max(len(r), 1):.3f}')


if __name__ == '__main__':
    main(*sys.argv[1:4])
