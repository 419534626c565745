#!/usr/bin/env python3
"""Held-out heading sets of other organisations than Göteborg (issue 16): rebuild their texts, score a binary.

The format, the rule that makes the clean text and what counts as a heading: eval/headings/README.md.

Usage:
  python3 scripts/eval_headings.py build --set m1 [--src DIR] [--texts DIR] [--download]
      clean texts from the sources (DIR/<doc>.md; --download fetches github sources from
      raw.githubusercontent.com), checked against the manifest's sha256
  python3 scripts/eval_headings.py ocr --set m1 [--texts DIR] [--ocr-sim ../shared/eval/ocr-sim.py]
      Tesseract OCR of each clean text (ocr-sim.py with the README's settings)
  python3 scripts/eval_headings.py score --bin BIN --set m1[,m2] [--mode clean|ocr|both] [-v]
      found / right label / reported right / § right, per document and in all

  python3 scripts/eval_headings.py versus --bin BIN --clean DIR --ocr DIR [--variants A,B] [-v]
      OCR robustness with no gold written: each OCR'd text (DIR/<variant>-<name>.txt, or DIR/<name>.txt with
      no --variants) scored against the sections BIN reports on the clean text of the same name

Texts live in --texts (default target/eval-headings), as <set>/{src,clean,ocr}/<doc>.txt.
"""
import argparse, csv, difflib, hashlib, json, os, re, subprocess, sys, unicodedata, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = os.path.join(ROOT, 'eval', 'headings')
MARKER = re.compile(r'^<!-- sida (\d+) -->\n', re.M)


def read_tsv(path):
    with open(path, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
    head, body = rows[0], rows[1:]
    return [dict(zip(head, r + [''] * (len(head) - len(r)))) for r in body if r and not r[0].startswith('#')]


def manifest(set_):
    return read_tsv(os.path.join(SETS, set_, 'manifest.tsv'))


def page_set(spec):
    """`1-12,15` → {1..12, 15}; empty → None (all pages)."""
    if not spec.strip():
        return None
    pages = set()
    for part in spec.split(','):
        a, _, b = part.strip().partition('-')
        pages.update(range(int(a), int(b or a) + 1))
    return pages


def clean_text(md, pages):
    """The README's rule: front matter dropped, page markers → a form feed opening the page."""
    lines = md.split('\n')
    if lines and lines[0] == '---':
        end = lines.index('---', 1)
        md = '\n'.join(lines[end + 1:])
    parts = MARKER.split(md)
    kept = []
    for i in range(1, len(parts), 2):
        n, page = int(parts[i]), parts[i + 1]
        if page.startswith('\n'):
            page = page[1:]
        if pages is None or n in pages:
            kept.append(page.rstrip('\n'))
    if not kept:  # no page markers: the text as given
        return md.strip('\n') + '\n'
    return '\n\f'.join(kept) + '\n'


def raw_url(source):
    m = re.match(r'github:([^/]+/[^@]+)@([0-9a-f]{40}):(.+)$', source)
    if not m:
        return source if source.startswith('http') else None
    return f'https://raw.githubusercontent.com/{m.group(1)}/{m.group(2)}/{m.group(3)}'


def build(a):
    bad = 0
    for set_ in a.set.split(','):
        src_dir = a.src or os.path.join(a.texts, set_, 'src')
        out_dir = os.path.join(a.texts, set_, 'clean')
        os.makedirs(out_dir, exist_ok=True)
        for row in manifest(set_):
            doc, src = row['doc'], None
            for ext in ('.md', '.txt'):
                p = os.path.join(src_dir, doc + ext)
                if os.path.exists(p):
                    src = open(p, encoding='utf-8').read()
            local = os.path.join(ROOT, row['source'])
            if src is None and not row['source'].startswith(('github:', 'http')) and os.path.exists(local):
                src = open(local, encoding='utf-8').read()  # a text of the repository's own
            if src is None and a.download and raw_url(row['source']):
                with urllib.request.urlopen(raw_url(row['source']), timeout=60) as r:
                    src = r.read().decode('utf-8')
                os.makedirs(src_dir, exist_ok=True)
                open(os.path.join(src_dir, doc + '.md'), 'w', encoding='utf-8').write(src)
            if src is None:
                print(f'{set_}/{doc}: no source in {src_dir} (give --download, or put {doc}.md there)')
                bad += 1
                continue
            text = clean_text(src, page_set(row.get('pages', '')))
            digest = hashlib.sha256(text.encode('utf-8')).hexdigest()
            open(os.path.join(out_dir, doc + '.txt'), 'w', encoding='utf-8').write(text)
            ok = digest == row['sha256']
            bad += not ok
            print(f'{set_}/{doc}: {"ok" if ok else "CHECKSUM DIFFERS " + digest}')
    return 1 if bad else 0


def ocr(a):
    for set_ in a.set.split(','):
        out_dir = os.path.join(a.texts, set_, 'ocr')
        os.makedirs(out_dir, exist_ok=True)
        for row in manifest(set_):
            clean = os.path.join(a.texts, set_, 'clean', row['doc'] + '.txt')
            out = os.path.join(out_dir, row['doc'] + '.txt')
            subprocess.run([sys.executable, a.ocr_sim, clean, out, '--lang', 'eng', '--font',
                            '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf', '--seed', '1'], check=True)
            print(f'{set_}/{row["doc"]}: {out}')
    return 0


def norm(s):
    s = unicodedata.normalize('NFC', s or '').lower()
    s = re.sub(r'[^\w§]+', ' ', s)
    return ' '.join(s.split())


def alike(gold, texts):
    g = norm(gold)
    best = 0.0
    for t in texts:
        t = norm(t)
        if not t:
            continue
        best = max(best, difflib.SequenceMatcher(None, g, t, autojunk=False).ratio())
        if len(t) > len(g) and t.startswith(g):  # the heading line holds more than the title
            best = max(best, 0.9)
    return best >= 0.8


def reported(out, source):
    """Sections with a heading (not front matter, not a table of contents that no heading opens), with the
    line (1-based) their heading starts on. Spans are byte offsets
    into the input, so lines are counted in `source` (the input's bytes), not in the repaired text: an
    edit that adds a byte (o -> ö) would move every later offset in that one."""
    data = out.encode('utf-8') if isinstance(out, str) else out
    doc = json.loads(data)
    text = source
    rows = []
    for s in doc['sections']:
        if s['label'] == 'front_matter' or s.get('heading') is None:
            continue
        start = s['heading_span'][0] if s.get('heading_span') else s['span'][0]
        rows.append(dict(line=text[:start].count(b'\n') + 1, label=s['label'],
                         paragraph=s.get('paragraph'),
                         texts=[s.get('heading') or '', s.get('title') or '',
                                (s.get('heading') or '').split('\n')[0]]))
    return rows


def compatible(g, r, by_line):
    # A table of contents is no paragraph, though its first entry holds the first §'s title.
    if g['label'] == 'paragraph' and r['label'] == 'table_of_contents':
        return False
    if g['label'] == 'paragraph' and r['paragraph'] is not None:
        same = str(r['paragraph']) == g['paragraph']
        return same and (not by_line or abs(r['line'] - g['line']) <= 1)
    if by_line:
        return r['line'] == g['line'] or (abs(r['line'] - g['line']) <= 1 and alike(g['title'], r['texts']))
    return alike(g['title'], r['texts'])


def align(gold, rep, by_line):
    """The largest set of (gold, reported) pairs, compatible and in both orders."""
    n, m = len(gold), len(rep)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1],
                             best[i + 1][j + 1] + 1 if compatible(gold[i], rep[j], by_line) else 0)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if compatible(gold[i], rep[j], by_line) and best[i][j] == best[i + 1][j + 1] + 1:
            pairs.append((i, j)); i += 1; j += 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def score_doc(gold, rep, by_line):
    pairs = align(gold, rep, by_line)
    label = sum(1 for i, j in pairs if rep[j]['label'] == gold[i]['label'])
    par_gold = [g for g in gold if g['label'] == 'paragraph']
    par_right = sum(1 for i, j in pairs if gold[i]['label'] == 'paragraph'
                    and str(rep[j]['paragraph']) == gold[i]['paragraph'])
    matched = {j for _, j in pairs}
    false_par = sum(1 for j, r in enumerate(rep) if r['label'] == 'paragraph' and j not in matched)
    return dict(gold=len(gold), found=len(pairs), label=label, reported=len(rep), right=len(matched),
                par=len(par_gold), par_right=par_right, false_par=false_par), pairs


def sections_of(bin_, path):
    """The sections `bin_ process` reports on `path` (see `reported`)."""
    with open(path, 'rb') as f:
        source = f.read()
    return reported(subprocess.run([bin_, 'process', path], capture_output=True, check=True).stdout, source)


def totals():
    return dict(gold=0, found=0, label=0, reported=0, right=0, par=0, par_right=0, false_par=0)


def details(gold, rep, pairs):
    """The gold rows missed or labelled otherwise, and the reported sections no gold row matched."""
    gi = {i: j for i, j in pairs}
    rj = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i not in gi:
            print(f'    missed   {g["line"]:5} {g["label"]:<22} {g["title"][:70]!r}')
        elif rep[gi[i]]['label'] != g['label']:
            print(f'    label    {g["line"]:5} {g["label"]:<22} got {rep[gi[i]]["label"]}: {g["title"][:60]!r}')
    for j, r in enumerate(rep):
        if j not in rj:
            print(f'    extra    {r["line"]:5} {r["label"]:<22} {r["texts"][0][:70]!r}')


def summary(name, tot):
    pct = lambda x, y: f'{100 * x / y:.1f}' if y else '–'
    print(f'ALL {name}: found {pct(tot["found"], tot["gold"])} label {pct(tot["label"], tot["gold"])} '
          f'precision {pct(tot["right"], tot["reported"])} § {tot["par_right"]}/{tot["par"]} '
          f'false § {tot["false_par"]} (gold {tot["gold"]}, reported {tot["reported"]})')


def score(a):
    modes = ['clean', 'ocr'] if a.mode == 'both' else [a.mode]
    for mode in modes:
        tot = totals()
        for set_ in a.set.split(','):
            for row in manifest(set_):
                doc = row['doc']
                gold = read_tsv(os.path.join(SETS, set_, 'gold', doc + '.tsv'))
                for g in gold:
                    g['line'] = int(g['line'])
                path = os.path.join(a.texts, set_, mode, doc + '.txt')
                if not os.path.exists(path):
                    sys.exit(f'{path}: missing (run `build`, then `ocr`)')
                rep = sections_of(a.bin, path)
                s, pairs = score_doc(gold, rep, mode == 'clean')
                for k in tot:
                    tot[k] += s[k]
                print(f'{mode} {set_}/{doc}: found {s["found"]}/{s["gold"]} label {s["label"]} '
                      f'reported right {s["right"]}/{s["reported"]} § {s["par_right"]}/{s["par"]} '
                      f'false § {s["false_par"]}')
                if a.verbose:
                    details(gold, rep, pairs)
        summary(f'{mode} {a.set}', tot)
    return 0


def versus(a):
    """Each OCR'd text against the clean text's own sections (their lines, labels, § numbers and titles)."""
    tot = totals()
    variants = [f'{x}-' for x in a.variants.split(',') if x] or ['']
    for name in sorted(os.listdir(a.clean)):
        if not name.endswith('.txt'):
            continue
        gold = [dict(line=r['line'], label=r['label'],
                     paragraph='' if r['paragraph'] is None else str(r['paragraph']),
                     title=r['texts'][1] if r['label'] == 'paragraph' else r['texts'][0])
                for r in sections_of(a.bin, os.path.join(a.clean, name))]
        for prefix in variants:
            path = os.path.join(a.ocr, prefix + name)
            if not os.path.exists(path):
                continue
            rep = sections_of(a.bin, path)
            s, pairs = score_doc(gold, rep, False)
            for k in tot:
                tot[k] += s[k]
            if a.verbose and (s['found'] < s['gold'] or s['right'] < s['reported']):
                print(f'{prefix}{name}: found {s["found"]}/{s["gold"]} label {s["label"]} '
                      f'reported right {s["right"]}/{s["reported"]} § {s["par_right"]}/{s["par"]}')
                details(gold, rep, pairs)
    summary('versus clean', tot)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    for name in ('build', 'ocr', 'score'):
        p = sub.add_parser(name)
        p.add_argument('--set', required=True, help='set name(s), comma-separated')
        p.add_argument('--texts', default=os.path.join(ROOT, 'target', 'eval-headings'))
    b = sub.choices['build']
    b.add_argument('--src', help='directory of the sources, <doc>.md (default TEXTS/<set>/src)')
    b.add_argument('--download', action='store_true')
    sub.choices['ocr'].add_argument('--ocr-sim', default=os.path.join(ROOT, '..', 'shared', 'eval', 'ocr-sim.py'))
    s = sub.choices['score']
    s.add_argument('--bin', default=os.path.join(ROOT, 'target', 'release', 'diakrit'))
    s.add_argument('--mode', choices=['clean', 'ocr', 'both'], default='both')
    s.add_argument('-v', '--verbose', action='store_true')
    v = sub.add_parser('versus')
    v.add_argument('--bin', default=os.path.join(ROOT, 'target', 'release', 'diakrit'))
    v.add_argument('--clean', required=True)
    v.add_argument('--ocr', required=True)
    v.add_argument('--variants', default='', help='comma-separated prefixes of the OCR files (A,B: A-<name>.txt)')
    v.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args()
    return {'build': build, 'ocr': ocr, 'score': score, 'versus': versus}[a.cmd](a)


if __name__ == '__main__':
    sys.exit(main())
