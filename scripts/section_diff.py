#!/usr/bin/env python3
"""Compare two diakrit binaries' sections on the same texts: what one reports and the other does not.

Usage:
  python3 scripts/section_diff.py OLD_BIN NEW_BIN PATH... [-j 2]

PATH: text files or directories of them (*.txt, not recursive). For each file whose sections differ,
prints the sections only OLD reports (`-`) and only NEW reports (`+`), as line, label, § and heading;
then how many files differ and the totals. A refactor shows none; a change to the rules shows exactly
what it adds and removes, for review heading by heading.
"""
import argparse, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor


def sections(bin_, path):
    r = subprocess.run([bin_, 'process', path], capture_output=True)
    if r.returncode != 0:
        return None
    doc = json.loads(r.stdout)
    text = doc['text'].encode('utf-8')
    out = []
    for s in doc['sections']:
        start = (s.get('heading_span') or s['span'])[0]
        line = text[:start].count(b'\n') + 1
        out.append((line, s['label'], s.get('paragraph'), (s.get('heading') or '').split('\n')[0][:80],
                    s.get('title') or ''))
    return out


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for n in sorted(os.listdir(p)):
                if n.endswith('.txt'):
                    yield os.path.join(p, n)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('old'); ap.add_argument('new'); ap.add_argument('paths', nargs='+')
    ap.add_argument('-j', type=int, default=2)
    a = ap.parse_args()
    todo = list(files(a.paths))
    with ThreadPoolExecutor(a.j) as ex:
        olds = list(ex.map(lambda f: sections(a.old, f), todo))
        news = list(ex.map(lambda f: sections(a.new, f), todo))
    differ = added = removed = 0
    for f, o, n in zip(todo, olds, news):
        if o == n:
            continue
        differ += 1
        print(f'== {f}')
        if o is None or n is None:
            print(f'   {"old" if o is None else "new"} binary failed')
            continue
        so, sn = set(o), set(n)
        for s in o:
            if s not in sn:
                removed += 1
                print(f'   - {s[0]:5} {s[1]:<24} {"§" + str(s[2]) if s[2] is not None else "":<6} {s[3]!r} {s[4][:60]!r}')
        for s in n:
            if s not in so:
                added += 1
                print(f'   + {s[0]:5} {s[1]:<24} {"§" + str(s[2]) if s[2] is not None else "":<6} {s[3]!r} {s[4][:60]!r}')
    print(f'{differ} of {len(todo)} files differ: {removed} sections only in old, {added} only in new')


if __name__ == '__main__':
    sys.exit(main())
