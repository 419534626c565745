#!/usr/bin/env python3
"""Does diakrit repair ALTO, hOCR and PAGE XML as it repairs the plain text of the same OCR?

For each clean text given (Swedish municipal documents from ../shared/corpus, say), `make_ocr_xml.py` makes
real Tesseract OCR of its pages in the three formats and as plain text. Then `diakrit repair` runs on each,
and this script compares, word by word:

- the words of each repaired XML file (ALTO `CONTENT`, hOCR `ocrx_word` text with the repair's
  alternative, PAGE `Word` `Unicode`) with the words of the repaired plain text: how many differ;
- that nothing but word text (and the notes repair adds) changed: each file with its words and notes
  blanked must equal the original with its words blanked;
- the word error rate against the clean text, before and after, for the plain text and for ALTO.

    python3 scripts/eval_ocr_xml.py --bin target/release/diakrit --work /tmp/oxeval FILE...

Needs what make_ocr_xml.py needs (Tesseract, Pillow, ../shared/eval/ocr-sim.py).
"""
import argparse
import difflib
import html
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def flat(values):
    """The whitespace-separated words of a list of word texts (a repaired `Loch` is `L och`; Tesseract writes
    some ALTO words with a space before them)."""
    return [w for v in values for w in v.split()]


def alto_words(x):
    return flat(html.unescape(m) for m in re.findall(r'<String\b[^>]*?\sCONTENT="([^"]*)"', x))


def hocr_words(x):
    out = []
    for m in re.finditer(r"<span class=['\"]ocrx_word['\"][^>]*>(.*?)</span>(?=\s*(?:<span class=['\"]ocrx_word|</span>))", x, re.S):
        inner = m.group(1)
        inner = re.sub(r"<del class='alt'>.*?</del>", "", inner, flags=re.S)
        out.append(html.unescape(re.sub(r"<[^>]+>", "", inner)))
    return flat(out)


def page_words(x):
    out = []
    for m in re.finditer(r"<Word\b.*?</Word>", x, re.S):
        u = re.search(r"<TextEquiv\b[^>]*>\s*<Unicode>(.*?)</Unicode>", m.group(0), re.S)
        if u:
            out.append(html.unescape(u.group(1)))
    return flat(out)


def blank(fmt, x):
    """The file with its word texts and diakrit's notes taken out."""
    if fmt == "alto":
        x = re.sub(r'<(OCR)?Processing ID="diakrit">.*?</(OCR)?Processing>', "", x, flags=re.S)
        return re.sub(r'(SUBS_)?CONTENT="[^"]*"', 'CONTENT=""', x)
    if fmt == "hocr":
        x = re.sub(r"<span class='alternatives'><ins class='alt'>.*?</ins><del class='alt'>(.*?)</del></span>", r"\1", x, flags=re.S)
        return re.sub(r"(<span class=['\"]ocrx_word['\"][^>]*>)[^<]*(</span>)", r"\1\2", x)
    x = re.sub(r'<TextEquiv index="2" dataType="other"[^>]*><Unicode>.*?</Unicode></TextEquiv>', "", x, flags=re.S)
    return re.sub(r"<Unicode>[^<]*</Unicode>", "<Unicode></Unicode>", x)


def wer(ref, hyp):
    sm = difflib.SequenceMatcher(a=ref, b=hyp, autojunk=False)
    errors = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")
    return errors / max(1, len(ref))


def run(binary, path):
    r = subprocess.run([binary, "repair", "--quiet", path], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"diakrit failed on {path}: {r.stderr.strip()}")
    return r.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "diakrit"))
    ap.add_argument("--work", default="/tmp/diakrit-ocr-xml")
    ap.add_argument("--lang", default="eng")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    tot = {"words": 0, "alto": 0, "hocr": 0, "page": 0, "bytes_ok": 0, "files": 0}
    ref_all, ocr_all, txt_all, alto_all = [], [], [], []
    for i, f in enumerate(a.files):
        base = os.path.join(a.work, f"d{i:03}")
        if not os.path.exists(base + ".alto.xml"):
            env = dict(os.environ, OMP_THREAD_LIMIT="1")
            subprocess.run([sys.executable, os.path.join(HERE, "make_ocr_xml.py"), f, base, "--lang", a.lang, "--seed", str(i)],
                           check=True, env=env)
        txt = run(a.bin, base + ".txt").split()
        gold = open(base + ".gold.txt", encoding="utf-8").read().split()
        ocr = open(base + ".txt", encoding="utf-8").read().split()
        got = {}
        for fmt, ext, words in (("alto", ".alto.xml", alto_words), ("hocr", ".hocr", hocr_words), ("page", ".page.xml", page_words)):
            original = open(base + ext, encoding="utf-8").read()
            repaired = run(a.bin, base + ext)
            got[fmt] = words(repaired)
            tot["bytes_ok"] += blank(fmt, repaired) == blank(fmt, original)
            if got[fmt] != txt:
                sm = difflib.SequenceMatcher(a=txt, b=got[fmt], autojunk=False)
                diff = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")
                tot[fmt] += diff
        tot["words"] += len(txt)
        tot["files"] += 1
        ref_all += gold
        ocr_all += ocr
        txt_all += txt
        alto_all += got["alto"]
    print(f"files {tot['files']}  words {tot['words']}")
    for fmt in ("alto", "hocr", "page"):
        print(f"{fmt}: words differing from the plain-text repair {tot[fmt]} ({tot[fmt] / max(1, tot['words']):.4%})")
    print(f"files whose bytes outside word text are unchanged: {tot['bytes_ok']} of {3 * tot['files']}")
    print(f"WER vs clean: OCR {wer(ref_all, ocr_all):.4f}  plain-text repair {wer(ref_all, txt_all):.4f}  ALTO repair {wer(ref_all, alto_all):.4f}")


if __name__ == "__main__":
    main()
