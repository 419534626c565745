#!/usr/bin/env python3
"""How often diakrit's edits are right, by confidence: a calibration table for the dev set.

Usage: calibration.py EDITS.jsonl OCR_DIR GOLD_DIR [--table data/calibration.tsv]
  (EDITS.jsonl from `diakrit repair --edits EDITS.jsonl --out-dir /tmp/x OCR_DIR`)

With --table FILE, also write the calibration table repair reads (data/calibration.tsv): the reported
confidences are mapped back to raw ones through the table in use (it is strictly rising, so invertible),
binned by raw confidence, and each band's share of right edits is placed at the band's mean raw value;
the ends (raw 0.5 and 1.0) take the first and last band's share, and a pool-adjacent-violators pass keeps
the values rising. Run it on the set the thresholds are tuned on, never on a set you report.

An edit is right when, after it, the word it made equals the gold word aligned to the OCR word
(lines paired and words aligned as ../shared/eval/wordmetrics.py does); edits of words on unpaired lines
are not counted. Prints, per confidence band, the number of edits and the share that are right, and the
precision of all edits at or above a few thresholds.
"""
import collections, json, os, re, sys

sys.path.insert(0, os.environ.get('WORDMETRICS', os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'eval')))
import wordmetrics as wm  # noqa: E402

WORD = re.compile(r'[^\W_]+')


TABLE = os.path.join(os.path.dirname(__file__), '..', 'data', 'calibration.tsv')


def read_table(path):
    pts = []
    for line in open(path, encoding='utf-8'):
        if line.startswith('#') or not line.strip():
            continue
        x, y = line.split('\t')[:2]
        pts.append((float(x), float(y)))
    return pts


def uncalibrate(c, pts):
    """The raw confidence whose calibrated value is c (the inverse of repair's interpolation)."""
    if c <= pts[0][1]:
        return pts[0][0]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        if c <= y1:
            return x0 + (x1 - x0) * (c - y0) / (y1 - y0)
    return pts[-1][0]


def write_table(results, path, bands):
    pts = read_table(TABLE)
    raw = [(uncalibrate(c, pts), ok) for c, ok in results]
    rows = []
    for lo, hi in bands:
        r = [(x, ok) for x, ok in raw if lo <= x < hi]
        if r:
            rows.append([sum(x for x, _ in r) / len(r), sum(ok for _, ok in r) / len(r), len(r)])
    # Pool adjacent violators: the shares must rise with the raw confidence.
    i = 0
    while i < len(rows) - 1:
        if rows[i][1] > rows[i + 1][1]:
            a, b = rows[i], rows.pop(i + 1)
            n = a[2] + b[2]
            rows[i] = [(a[0] * a[2] + b[0] * b[2]) / n, (a[1] * a[2] + b[1] * b[2]) / n, n]
            i = max(i - 1, 0)
        else:
            i += 1
    points = [(0.5, rows[0][1])] + [(x, y) for x, y, _ in rows if 0.5 < x < 1.0] + [(1.0, rows[-1][1])]
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# raw\tcalibrated\tmade by scripts/calibration.py --table\n')
        f.write('# raw: the logistic of a decision\'s score margin; calibrated: the share of edits of that raw\n')
        f.write('# confidence that were right on the tuning set; repair interpolates between the points.\n')
        last = None
        for x, y in points:
            x = round(x, 3)
            if last is not None and x <= last:
                continue
            f.write(f'{x}\t{round(y, 3)}\n')
            last = x


def main(edits_path, od, gd, table=None):
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
    if table:
        write_table(results, table, [(0.5, 0.7), (0.7, 0.9), (0.9, 0.995), (0.995, 1.01)])
        print(f'wrote {table}')


if __name__ == '__main__':
    args = sys.argv[1:]
    table = None
    if '--table' in args:
        k = args.index('--table')
        table = args[k + 1]
        del args[k:k + 2]
    main(*args[:3], table=table)
