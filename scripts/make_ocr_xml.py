#!/usr/bin/env python3
"""Real OCR of clean text as ALTO, hOCR and PAGE XML: the test data of diakrit's XML formats.

Each page of the clean text (pages are separated by form feeds, or cut every --lines lines) is rendered and
degraded like a scan by the OCR simulator (`../shared/eval/ocr-sim.py`), then read by Tesseract once with
its `alto`, `hocr` and `txt` renderers over all pages together (one multi-page file each). Tesseract 5.3 has
no PAGE renderer, so the PAGE XML is converted here from the hOCR (regions from `ocr_carea`, lines from
`ocr_line`, words from `ocrx_word` with their boxes and `x_wconf` as `conf`).

    python3 scripts/make_ocr_xml.py clean.txt OUT [--lang eng] [--seed 1] [--lines 62]

writes OUT.alto.xml, OUT.hocr, OUT.page.xml, OUT.txt (Tesseract's plain text, pages split by form feeds,
what `diakrit repair` is compared with) and OUT.gold.txt (the clean pages as rendered).

Needs tesseract (Debian: tesseract-ocr tesseract-ocr-eng tesseract-ocr-swe), fonts (fonts-dejavu) and
Pillow, as the simulator does.
"""
import argparse
import html
import importlib.util
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SIM = os.path.join(HERE, "..", "..", "shared", "eval", "ocr-sim.py")


def load_simulator():
    if not os.path.exists(SIM):
        sys.exit(f"make_ocr_xml.py: needs the OCR simulator at {SIM}")
    spec = importlib.util.spec_from_file_location("ocr_sim", SIM)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


TITLE = re.compile(r"title=['\"]([^'\"]*)['\"]")
CLASS = re.compile(r"class=['\"]([^'\"]*)['\"]")
ID = re.compile(r"id=['\"]([^'\"]*)['\"]")


def prop(title, name):
    for part in title.split(";"):
        part = part.strip()
        if part.startswith(name + " "):
            return part[len(name) + 1:].split()
    return None


def points(bbox):
    x0, y0, x1, y1 = bbox
    return f"{x0},{y0} {x1},{y0} {x1},{y1} {x0},{y1}"


def hocr_to_page(hocr):
    """A PAGE 2019 document of the hOCR's pages, regions, lines and words (one PcGts per page, the pages one
    after the other inside a single root is not PAGE: so only the first page's image size is the Page's
    and every page's regions follow, numbered by page)."""
    tags = re.finditer(r"<(div|p|span)\b([^>]*)>|</(div|p|span)>|([^<]+)", hocr)
    out, stack, word_text = [], [], None
    size = None
    for m in tags:
        if m.group(1):
            attrs = m.group(2)
            cls = (CLASS.search(attrs) or [None, ""])[1]
            title = (TITLE.search(attrs) or [None, ""])[1]
            ident = (ID.search(attrs) or [None, ""])[1]
            bbox = prop(title, "bbox")
            stack.append(cls)
            if cls == "ocr_page" and size is None:
                size = bbox
            elif cls == "ocr_carea":
                out.append(f'    <TextRegion id="{ident}"><Coords points="{points(bbox)}"/>')
            elif cls in ("ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat"):
                out.append(f'      <TextLine id="{ident}"><Coords points="{points(bbox)}"/>')
            elif cls == "ocrx_word":
                conf = prop(title, "x_wconf")
                conf = f"{int(conf[0]) / 100:.2f}" if conf else "1.00"
                out.append(f'        <Word id="{ident}"><Coords points="{points(bbox)}"/>')
                word_text = (conf, [])
        elif m.group(3):
            cls = stack.pop() if stack else ""
            if cls == "ocrx_word" and word_text is not None:
                conf, parts = word_text
                text = html.escape(html.unescape("".join(parts)), quote=False)
                out.append(f'<TextEquiv conf="{conf}"><Unicode>{text}</Unicode></TextEquiv></Word>')
                word_text = None
            elif cls in ("ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat"):
                out.append("      </TextLine>")
            elif cls == "ocr_carea":
                out.append("    </TextRegion>")
        elif m.group(4) and word_text is not None:
            word_text[1].append(m.group(4))
    w, h = (size[2], size[3]) if size else (0, 0)
    body = "\n".join(out)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">\n'
        "  <Metadata><Creator>tesseract (hOCR) via make_ocr_xml.py</Creator>"
        "<Created>2026-01-01T00:00:00</Created><LastChange>2026-01-01T00:00:00</LastChange></Metadata>\n"
        f'  <Page imageFilename="page.png" imageWidth="{w}" imageHeight="{h}">\n{body}\n  </Page>\n</PcGts>\n'
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("clean")
    ap.add_argument("out")
    ap.add_argument("--lang", default="eng")
    ap.add_argument("--font", default="/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    ap.add_argument("--size", type=int, default=34)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--lines", type=int, default=62)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    sim = load_simulator()
    rng = random.Random(a.seed)
    pages = sim.pages_of(open(a.clean, encoding="utf-8").read(), a.lines)
    with tempfile.TemporaryDirectory() as tmp:
        images = []
        for i, page in enumerate(pages):
            png = os.path.join(tmp, f"p{i:04}.png")
            sim.render(page, a.font, rng, a.size, a.dpi).save(png)
            images.append(png)
        listing = os.path.join(tmp, "pages.txt")
        with open(listing, "w") as f:
            f.write("\n".join(images) + "\n")
        base = os.path.join(tmp, "out")
        r = subprocess.run(
            ["tesseract", listing, base, "-l", a.lang, "--psm", "4", "alto", "hocr", "txt"],
            capture_output=True,
            text=True,
        )
        if r.returncode != 0:
            sys.exit(f"tesseract failed: {r.stderr.strip()}")
        # The page images lived in a temporary folder: the files name them by their own names.
        alto = open(base + ".xml", encoding="utf-8").read().replace(tmp + os.sep, "")
        hocr = open(base + ".hocr", encoding="utf-8").read().replace(tmp + os.sep, "")
        txt = open(base + ".txt", encoding="utf-8").read()
    with open(a.out + ".alto.xml", "w", encoding="utf-8") as f:
        f.write(alto)
    with open(a.out + ".hocr", "w", encoding="utf-8") as f:
        f.write(hocr)
    with open(a.out + ".page.xml", "w", encoding="utf-8") as f:
        f.write(hocr_to_page(hocr))
    with open(a.out + ".txt", "w", encoding="utf-8") as f:
        f.write(txt)
    with open(a.out + ".gold.txt", "w", encoding="utf-8") as f:
        f.write("\f".join(pages).rstrip("\n") + "\n")


if __name__ == "__main__":
    main()
