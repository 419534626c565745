#!/usr/bin/env python3
"""Measure segmentation on OCR'd documents against their clean versions.

Usage:
  python3 scripts/eval_sections.py [--bin target/release/diakrit] OCR_DIR CLEAN_DIR

For each pair of files with the same name:
- protocols (diakrit's doc type of the clean text, and a clean line starting with `§ N`): the gold paragraphs are the numbers of those lines, and
  each title is diakrit's title of that paragraph on the clean text. Reported: paragraphs found on the OCR
  with the right number, and with the right title (exactly, after folding case and spaces; and with at
  most 10% of the characters wrong);
- other documents: the gold headings are diakrit's labels on the clean text. Reported: gold headings found
  on the OCR with the same label (recall) and reported headings that are gold (precision), matched in order.
"""
import argparse, difflib, json, os, re, subprocess, sys, unicodedata


def process(bin_, path):
    out = subprocess.run([bin_, 'process', path], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def norm(s):
    s = unicodedata.normalize('NFC', s or '').lower()
    return ' '.join(s.split())


def close(a, b):
    a, b = norm(a), norm(b)
    if not a and not b:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', default='target/release/diakrit')
    ap.add_argument('ocr')
    ap.add_argument('clean')
    ap.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args()
    tot = dict(par=0, num=0, title=0, title_close=0, heads=0, found=0, reported=0, right=0)
    for name in sorted(os.listdir(a.clean)):
        if not name.endswith('.txt') or not os.path.exists(os.path.join(a.ocr, name)):
            continue
        clean_text = open(os.path.join(a.clean, name), encoding='utf-8').read()
        gold = process(a.bin, os.path.join(a.clean, name))
        got = process(a.bin, os.path.join(a.ocr, name))
        # A § at a line start, not one that goes on from the line before (`§ 242 och den 10 april`).
        gold_nums = [int(m) for m in re.findall(r'(?m)^\s*§\s*(\d+)\b(?!\s*[a-zåäö,.])', clean_text)]
        if gold_nums and gold['doc_type'].startswith('protokoll'):
            titles = {s['paragraph']: s.get('title') for s in gold['sections'] if s.get('paragraph') is not None}
            found = {s['paragraph']: s.get('title') for s in got['sections'] if s.get('paragraph') is not None}
            n = sum(1 for x in gold_nums if x in found)
            t = sum(1 for x in gold_nums if x in found and norm(found[x]) == norm(titles.get(x)))
            tc = sum(1 for x in gold_nums if x in found and close(found[x], titles.get(x)))
            tot['par'] += len(gold_nums); tot['num'] += n; tot['title'] += t; tot['title_close'] += tc
            print(f'{name}: paragraphs {len(gold_nums)} found {n} title exact {t} close {tc}')
            if a.verbose:
                for x in gold_nums:
                    if x not in found:
                        print(f'   missing § {x}')
                    elif not close(found[x], titles.get(x)):
                        print(f'   § {x}: {titles.get(x)!r} != {found[x]!r}')
        else:
            g = [s['label'] for s in gold['sections'] if s['label'] != 'front_matter']
            r = [s['label'] for s in got['sections'] if s['label'] != 'front_matter']
            m = sum(b.size for b in difflib.SequenceMatcher(None, g, r, autojunk=False).get_matching_blocks())
            tot['heads'] += len(g); tot['found'] += m; tot['reported'] += len(r); tot['right'] += m
            print(f'{name}: headings {len(g)} found {m} reported {len(r)}')
            if a.verbose and (m < len(g) or m < len(r)):
                print('   gold', g)
                print('   got ', r)
    pct = lambda x, y: f'{100 * x / y:.1f}%' if y else 'n/a'
    print(f"ALL protocols: {tot['par']} paragraphs, number right {pct(tot['num'], tot['par'])}, "
          f"title exact {pct(tot['title'], tot['par'])}, title close {pct(tot['title_close'], tot['par'])}")
    print(f"ALL other: {tot['heads']} headings, found {pct(tot['found'], tot['heads'])}, "
          f"reported right {pct(tot['right'], tot['reported'])}")


if __name__ == '__main__':
    main()
